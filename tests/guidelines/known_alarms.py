"""The clean real posts the shipped engine still flags, each with the reason it is not fixed.

Kept apart from `test_corpus.py`, which reads it: the list grows by a few entries a session
and is data, not test logic.
"""

from __future__ import annotations

# Known false alarms, each with the reason it is not fixed yet. They must still be raised
# (so this list shrinks the day one is fixed) and no other clean post may be.
KNOWN_FALSE_ALARMS: dict[str, str | tuple[str, ...]] = {
    # The tenth set's: Medicare's third-party disclaimer is required on an invitation to
    # review plans (CMS), though its gatherer was not asked about disclosures.
    "po-006": "compliance.disclosure.tpmo",
    # The ninth set's, after its tuning (tests/data/real/README.md): facts about products
    # and programmes stated plainly, which the rules cannot tell from a promise or an offer.
    "pm-120": "compliance.free.coverage",  # a free public lookup tool, not free cover
    "pn-201": "compliance.free.coverage-free",  # a charity's free policies, reported
    "pn-013": "compliance.inducement.value-for-business",  # a no-purchase referral drawing
    "pn-094": "compliance.guarantee.outcome",  # an indexed annuity's floor, with its trade-off
    "pn-163": "compliance.guarantee.rate-lock",  # a final-expense policy's level premium
    "pn-229": "compliance.claims-promise.outcome",  # how an insurer's promise works, explained
    "pm-016": "compliance.securities.talk",  # a colleague who handles variable annuities
    "pm-062": "etiquette.hard-sell.urgency",  # the enrolment period's real end
    "pn-043": "compliance.exaggeration.best-claim",  # "one of the cheapest protections"
    "pn-144": "compliance.testimonial.client",  # a client's saying, not praise
    "pn-191": "compliance.testimonial.client",  # asking happy clients for honest reviews
    # The eleventh set's (gathered at the end of the round): Medicare and annuity education
    # read as advice or promises, a disclaimer that is there but not CMS's wording, warnings.
    "pq-091": "compliance.coverage-advice.public",  # what travel cover pays for, explained
    "pq-102": (
        "compliance.disclosure.tpmo",
        "compliance.endorsement.reader",
    ),  # a non-affiliation line, not CMS's disclaimer
    "pq-143": "compliance.securities.talk",  # an old 401(k)'s options listed, no pitch
    "pq-185": (
        "compliance.coverage-advice.public",
        "etiquette.hard-sell.urgency",
        "compliance.endorsement.reader",
    ),  # a scam mailer's words
    "pq-190": "compliance.testimonial.client",  # clients' wish for a donation, not praise
    "pr-017": "etiquette.hard-sell.pressure",  # a gentle "if you were gone tomorrow"
    "pr-023": (  # "Here's the truth: Medicare is not completely free", across sentences
        "compliance.claims-promise.outcome",
        "compliance.exaggeration.absolute",
        "compliance.free.coverage",
    ),
    "pr-036": "etiquette.hard-sell.pressure",  # "surrender charges apply before then"
    "pr-044": "compliance.exaggeration.benefit",  # "saves everyone a headache"
    "pr-055": "compliance.free.coverage-free",  # a regulator's free inventory app
    "pr-092": "compliance.claims-promise.certain",  # "claims of guaranteed returns", doubted
    "pr-174": "compliance.guarantee.outcome",  # guaranteed and assumed premiums, explained
    "pr-191": "compliance.guarantee.qualified",  # Medigap's guaranteed acceptance, true
    # The twelfth set's, after its tuning: a reward for referrals that many states would
    # question though its gatherer read Georgia's $100 limit as allowing it; an unnamed
    # client's words quoted in order to correct them.
    "ps-077": "compliance.inducement.value-for-business",  # a no-purchase referral raffle
    "pt-084": "compliance.privacy.client-circumstance",  # "a client" and "their policy"
    # The thirteenth set's, after its tuning. Medicare posts inviting a comparison of plans,
    # which CMS says need the third-party disclaimer (its gatherers were not asked about
    # disclosures); a sales seminar's true "seating is limited"; critics and regulators
    # quoted or paraphrased in education; product facts stated plainly.
    "pu-041": "compliance.disclosure.tpmo",
    "pu-119": "compliance.disclosure.tpmo",
    "pv-222": "compliance.disclosure.tpmo",
    "pu-042": "etiquette.hard-sell.urgency",  # "Seating is limited, so RSVP"
    "pv-031": "compliance.testimonial.client",  # a consumer advocate's criticism, quoted
    "pv-234": "compliance.testimonial.quoted-praise",  # a consumer advocate's joke, quoted
    "pv-089": "compliance.privacy.client-details",  # "California's accident forgiveness"
    "pv-097": "etiquette.hard-sell.deals",  # "don't wait for the forecast": a waiting period
    "pv-104": "compliance.guarantee.qualified",  # guaranteed acceptance, with what it lacks
    "pv-120": "compliance.guarantee.qualified",  # a sharing ministry "promising guaranteed"
    "pv-166": "compliance.exaggeration.benefit",  # a copywriting tip on "can save"
    "pv-226": "compliance.product-label.reader",  # "positioned for college", explained
    "pv-227": ("compliance.product-label.investment", "compliance.product-label.praise"),
    "pv-228": "compliance.product-label.likened",  # a pitch to expect, answered
    "pv-246": "compliance.exaggeration.best-claim",  # a form as "your best E&O protection"
    # The fourteenth set's, after its tuning: annuity and Medicare education in the words
    # it explains (surrender periods, guaranteed columns, roll-up rates, "$0 premium"), a
    # pitch quoted and answered, safety and moving tips with a firm "now", a bereavement.
    "pw-091": ("compliance.product-label.likened", "compliance.product-label.terms"),
    "pw-094": "compliance.product-label.likened",  # a 401(k) and an IUL compared fairly
    "pw-109": "compliance.coverage-advice.public",  # "never cancel your old policy" early
    "pw-129": "compliance.privacy.person-circumstance",  # the agent's own mother's dementia
    "pw-141": "etiquette.hard-sell.pressure",  # "book your shutters now" in tornado tips
    "pw-144": "compliance.exaggeration.benefit",  # "isn't some catch-all that covers..."
    "pw-176": "etiquette.hard-sell.urgency",  # Medicare pays "only for a limited time"
    "pw-186": "compliance.claims-promise.outcome",  # health insurers must cover conditions
    "pw-234": "etiquette.hard-sell.pressure",  # a vacancy clause: "call now" before moving
    "px-013": "compliance.claims-promise.certain",  # a surrender charge defined
    "px-016": "compliance.free.coverage",  # "10% a year free of the charge"
    "px-018": "compliance.securities.talk",  # variable annuities named in a list
    "px-050": "compliance.guarantee.outcome",  # an illustration's guaranteed column
    "px-072": ("compliance.free.coverage", "compliance.free.coverage-free"),  # "$0 premium"
    "px-073": "compliance.free.coverage-free",  # "zero premium is not zero cost"
    "px-080": "compliance.disclosure.tpmo",  # an invitation to review Medicare options
    "px-212": "compliance.guarantee.rate",  # a roll-up rate's "guarantee", debunked
    "px-216": "compliance.guarantee.rate",  # a worked example of a rider
    "px-225": "compliance.privacy.family-claim",  # an unnamed family's rescinded claim
    # Borderline for the readers, retrained with each new set: read as problems by some
    # trainings and not others (the reader's 0.8 line runs through them).
    "pt-147": "etiquette.hard-sell.reader",  # "Be ready before it's too late", a safe room
    "ra-120": "compliance.guarantee.reader",  # an indexed annuity's floor as a guarantee
    "pv-172": "compliance.coverage-advice.reader",  # "an umbrella doesn't cover your property"
    # The fifteenth set's, after its tuning: education that states what a product does or
    # costs, regulators' reminders in their own words, a pitch quoted and corrected.
    "py-023": "compliance.coverage-advice.public",  # NFIP rates are the same everywhere
    "py-036": "compliance.exaggeration.best-claim",  # a funeral plan's four meanings compared
    "py-072": "compliance.securities.talk",  # variable annuities are securities, explained
    "py-076": "compliance.free.coverage-free",  # subsidies lower premiums "sometimes to $0"
    "py-078": "compliance.free.coverage-free",  # a broker's services at no fee
    "py-096": "etiquette.spam.mass-outreach",  # a regulator on "click here" tiles
    "py-110": "compliance.product-label.investment",  # "as a 'retirement plan'?" questioned
    "py-137": "compliance.exaggeration.day-one",  # level vs graded death benefits
    "py-165": (  # "Will an IUL beat the stock market? Ahh, NO"
        "compliance.product-label.likened",
        "compliance.securities.review",
        "compliance.securities.talk",
    ),
    "py-183": "etiquette.spam.links",  # look-alike Medicare sites named in a warning
    "py-228": "compliance.competitor.disparage",  # a regulator's list: "bait-and-switch"
    "py-250": "compliance.coverage-advice.public",  # a renter's liability story
    "pz-039": "compliance.disclosure.tpmo",  # the enrolment period, with an invitation
    "pz-045": "etiquette.hard-sell.pressure",  # leaving COBRA at open enrolment
    "pz-053": ("compliance.exaggeration.absolute", "compliance.guarantee.qualified"),
    "pz-054": "compliance.exaggeration.best-claim",  # how final expense rates are set
    "pz-059": "compliance.coverage-advice.public",  # what most contractors carry
    "pz-064": ("compliance.exaggeration.benefit", "compliance.product-label.praise"),
    "pz-183": "compliance.claims-promise.outcome",  # what cyber underwriters ask
    "pz-200": "compliance.free.coverage",  # SHIP counsellors help for free
    "pz-219": "compliance.guarantee.reader",  # "my agent told me I was guaranteed 8%"
    "pz-224": "compliance.free.coverage-free",  # cleanings at no charge under a dental plan
    "pz-236": "compliance.exaggeration.absolute",  # a home warranty vs insurance
    "pz-230": "compliance.exaggeration.reader",  # Plan G "covers virtually everything..."
    "pz-134": "compliance.guarantee.reader",  # an agent pushing back on IUL hype
    "re-073": "compliance.claims-promise.reader",  # "report storm damage right away"
    # The sixteenth set's, after its tuning. Variable annuities named in education: FINRA
    # treats any communication about them as a securities communication, which their
    # gatherers did not; and a CD told apart from an annuity, regulators' cases retold.
    "qa-167": "compliance.securities.talk",
    "qa-184": ("compliance.coverage-advice.replacement", "compliance.securities.talk"),
    "qb-062": "compliance.securities.talk",
    "qb-140": "compliance.securities.talk",
    "qb-204": "compliance.securities.talk",
    "qb-206": "compliance.securities.talk",
    "qb-128": "compliance.product-label.investment",  # "a fixed annuity is not a deposit"
    "qb-199": "compliance.product-label.investment",  # "Is it a CD or an annuity?"
    "qa-111": "compliance.product-label.likened",  # a "Retirement CD" the state went after
    "qa-067": "compliance.inducement.value-for-business",  # what an agent "can't" offer
    "qa-075": "compliance.competitor.disparage",  # a settlement retold
    "qa-174": "compliance.free.coverage-free",  # a state's free policy locator
    "qb-034": "compliance.guarantee.qualified",  # guaranteed acceptance explained
    "qb-037": "compliance.exaggeration.best-claim",  # "dozens of top-rated carriers"
    "qb-076": "compliance.securities.review",  # "better returns?" questioned
    "qb-085": "compliance.free.coverage",  # a certified agent's help at no extra cost
    "qb-121": "compliance.claims-promise.certain",  # an income annuity's guarantee, qualified
    # The seventeenth set's, after its tuning, and the readers' borderline readings moved
    # by retraining with it.
    "qc-024": "compliance.privacy.client-circumstance",  # a client's premium, unnamed
    "qc-161": "compliance.coverage-advice.public",  # a surrender form offered (bad, uncategorised)
    "qd-061": "compliance.securities.talk",  # "Crypto memes aside"
    "qd-172": ("compliance.securities.talk", "compliance.guarantee.rate"),  # seg funds explained
    "qd-164": "compliance.exaggeration.reader",  # "The best claim is the one you never file."
    "py-190": "compliance.claims-promise.reader",  # an insurer's record claim, reported
    "pl-127": "compliance.testimonial.reader",  # a client's comment shared
    # The eighteenth set's, after its tuning, and readings moved by retraining with it.
    "qa-028": "compliance.product-label.reader",  # a CD told apart from an annuity
    "qe-066": "compliance.disclosure.tpmo",  # a Medicare appointment post (no disclaimer)
    "qe-079": "compliance.securities.review",  # variable life explained, prospectus and all
    "qf-028": "compliance.exaggeration.best-claim",  # backups: "cheapest protection there is"
    "qf-063": "compliance.guarantee.rate",  # "nothing ... gives a 100% guarantee"
    # The nineteenth set's, after its tuning, and readings moved by retraining with it.
    "qc-222": "compliance.coverage-advice.replacement",  # "Thinking of replacing ...?" weighed
    "qg-174": "compliance.securities.reader",  # a client's question about IUL, answered
    "qg-229": "compliance.claims-promise.outcome",  # "a death claim is a promise kept"
    "qh-032": "compliance.disclosure.tpmo",  # a Medicare reminder (no disclaimer)
    "qh-099": "compliance.coverage-advice.public",  # how a mid-term switch works
    "rh-054": "compliance.exaggeration.reader",  # "Named Best Insurance Agency" (an award)
    "ph-093": "compliance.claims-promise.reader",  # help filing, promised (no outcome)
    "pj-033": "compliance.privacy.reader",  # a CSR shopping for a 91-year-old customer
    # The twentieth set's, after its tuning, and readings moved by retraining with it.
    "qi-079": ("compliance.guarantee.reader", "compliance.securities.review"),  # "aren't
    # contractually guaranteed": income from stocks and bonds compared, fairly
    "qi-085": "compliance.privacy.person-circumstance",  # pets' pre-existing conditions
    "qi-094": "compliance.free.coverage-free",  # "Is Obamacare free?" answered with care
    "qj-033": "etiquette.offensive.reader",  # a carrier's mascot meets a celebrity
    "pt-063": "compliance.free.reader",  # "Medicare is not giving away anything free."
    "qg-212": "compliance.free.reader",  # an employer's group life, free
    "qg-224": "compliance.free.reader",  # an agents' expo: free CE and food
    "ph-089": "etiquette.hard-sell.reader",  # "Thanks for meeting with me today, Joan!"
    # The twenty-first set's, after its tuning, and readings moved by retraining with it.
    "qk-006": "etiquette.hard-sell.pressure",  # "book your swap now" (winter tyres)
    "qk-059": "compliance.inducement.reader",  # $50 for a referral's application
    "ql-060": "compliance.exaggeration.benefit",  # life jackets: "wear one. No exceptions."
    "ql-074": "compliance.inducement.reader",  # a thank-you per referral, bought or not
    "ql-087": "compliance.inducement.reader",  # a coffee card for a quote, no purchase
    "qd-074": (
        "compliance.securities.reader",
        "etiquette.spam.reader",
    ),  # "I don't talk crypto or stocks here"
    "rd-051": "etiquette.hard-sell.reader",  # a pressure line quoted and called FALSE
    # The twenty-second set's, after its tuning, and readings moved by retraining with it.
    "qn-009": "compliance.securities.talk",  # life settlements explained, not sold
    "qn-104": "compliance.disclosure.tpmo",  # a Part D comparison as a gift (no disclaimer)
    "qi-055": "compliance.competitor.disparaged",  # "Some home insurers won't cover you" with a
    # trampoline, fairly said (the retrained reader no longer doubts it)
    # The twenty-third set's, after its tuning, and readings moved by retraining with it.
    "qp-030": "compliance.claims-promise.reader",  # why a roof claim is paid in two checks
    "qp-118": "compliance.coverage-advice.public",  # renters cover: you and family, not roommates
    "pe-075": "compliance.competitor.reader",  # "Real company adjusters won't charge you a fee."
    "pn-101": "compliance.competitor.reader",  # rating by zip code, an independent agent's view
    # The twenty-fourth set's, after its tuning, and readings moved by retraining with it.
    "qr-025": "etiquette.hard-sell.urgency",  # follow your hurricane plan "before it's too late"
    "qr-132": "etiquette.hard-sell.urgency",  # review cover before a storm is named, "while you
    # still can" (binding moratoriums are real)
    "qg-179": "compliance.review-incentive.reader",  # an honest, unconditioned review request
    "pw-003": "compliance.testimonial.reader",  # a Thanksgiving thank-you to clients
    # The twenty-sixth set's, after its tuning.
    "qu-024": "compliance.disclosure.tpmo",  # Medigap letters explained, questions invited
    "qu-041": "compliance.securities.talk",  # FINRA's suitability rule, to licensed colleagues
    "qv-087": "compliance.disclosure.tpmo",  # CMS's marketing limits listed for consumers
    "qv-089": (  # IUL against a Roth IRA, "pitched as a better Roth" reported and corrected
        "compliance.product-label.investment",
        "compliance.product-label.likened",
    ),
    # The twenty-seventh set's, after its tuning, and readings moved by retraining with it.
    "qw-223": "compliance.privacy.reader",  # "9/11/2001 #NeverForget" (a date, not a birthday)
    "qw-294": "compliance.guarantee.outcome",  # "Think that box guarantees your money back?
    # Think again."
    "qx-036": "compliance.product-label.investment",  # what a LIRP is, explained
    "qx-052": ("compliance.product-label.cd-comparison", "compliance.securities.talk"),  # how
    # indexed annuities were built to compete with CDs, not the stock market
    "qx-217": "compliance.privacy.person-circumstance",  # an unnamed client's maternity cover
    "qx-259": "compliance.privacy.client-circumstance",  # a team's rule: no names or diagnoses
    "qx-315": (  # what a homeowners policy covers against a home warranty, in general
        "compliance.claims-promise.your-policy-covers",
        "compliance.coverage-advice.public",
    ),
    "qx-330": "etiquette.hard-sell.reader",  # group life conversion without an exam
    "ps-161": "compliance.product-label.reader",  # "whole life insurance, not an investment"
    "pu-236": "compliance.testimonial.reader",  # an agency's anniversary, the founder's story
    "py-038": "compliance.securities.reader",  # "ask your advisor for the charges and the
    # fund risk"
    "qo-023": "compliance.guarantee.reader",  # "Safe AND high returns?" asked in a warning
    "qx-339": "compliance.testimonial.reader",  # "Cards like this are why we do this work."
    # The twenty-eighth set's, after its tuning, and readings moved by retraining with it.
    "qz-055": (
        "compliance.securities.talk",
        "compliance.securities.review",
    ),  # IUL against stocks and mutual funds, explained
    "qz-074": "compliance.competitor.disparage",  # "Scam or bargain?": a warning about shady
    # sellers of plans that are not health insurance
    "qz-098": "compliance.privacy.person-circumstance",  # a hypothetical fatal heart attack
    "px-223": "compliance.claims-promise.reader",  # "no medical exam" products explained
    "pz-143": "compliance.claims-promise.reader",  # a travel-claim question answered "No."
    "qh-152": "compliance.claims-promise.reader",  # how trip cancellation cover works
    "qu-189": "compliance.claims-promise.reader",  # "typically a comprehensive claim"
    "qx-151": "compliance.coverage-advice.public",  # ice dams: what a policy covers, in general
    # The twenty-ninth to thirty-third sets', after their tuning, and readings moved by
    # retraining with them.
    "sa-068": "compliance.securities.talk",  # a solicitors' news item on forex lead ads
    "sa-084": "compliance.securities.talk",  # the FTC on a crypto lender, as a lesson
    "sb-119": "compliance.securities.talk",  # crypto questions at Thanksgiving, no tips
    "sb-122": "compliance.securities.talk",  # Bitcoin as a high-risk asset, a caution
    "pt-192": "compliance.testimonial.reader",  # "Nobody was ever pressured to join"
    "pv-025": "compliance.privacy.reader",  # an unnamed driver's totalled car, as a myth
    "pv-161": "compliance.guarantee.reader",  # how a cap works: 18 % returns, you get 10 %
    "qa-057": "compliance.privacy.reader",  # "True story from a planner", nobody named
    "qc-152": "compliance.privacy.reader",  # a chairman's birthday and a director's death
    "qf-077": "compliance.privacy.reader",  # a magazine's boat owner and his electronics
    "pm-014": "compliance.endorsement.reader",  # "government 'approved'" cards, asked about
    # Moved by the readers retrained with the thirty-fourth to thirty-seventh sets, or left
    # loud after their tuning: explainers and referral programmes the gatherers called fine.
    "qi-008": "compliance.competitor.reader",  # the reader, retrained
    "qq-060": "compliance.product-label.reader",  # the reader, retrained
    "pj-173": "compliance.competitor.reader",  # the reader, retrained
    "si-021": "compliance.product-label.terms",  # "Infinite Banking", critiqued by name
    "sj-072": "compliance.disclosure.tpmo",  # Medicare help offered without CMS's disclaimer
    "sj-114": "compliance.exaggeration.reader",  # a state subsidy, "the only help available"
    "sk-005": "compliance.inducement.value-for-business",  # a gift card for each quote
    "sk-006": "compliance.inducement.value-for-business",  # gift cards per completed quote
    "sk-068": "compliance.claims-promise.reader",  # a public adjuster's steps, explained
    "pw-131": "compliance.exaggeration.reader",  # the reader, retrained with the thirty-eighth
    "sm-007": "compliance.coverage-advice.reader",  # "This guide covers everything you need"
    "sm-014": "compliance.disclosure.tpmo",  # Medicare Advantage explained, help offered
    "sm-024": "compliance.exaggeration.reader",  # travel insurance as "your safety net"
    # The forty-fifth to forty-eighth sets' explainers of the very products the rules watch
    # (whole life, VUL, bonus annuities), still flagged after their tuning.
    "sx-081": "compliance.free.coverage",  # "The device is free; the home policy is not."
    "sy-068": "compliance.product-label.likened",  # "a lot like a bank CD", then how not
    "sz-012": "compliance.product-label.reader",  # "Truth: whole life is not an investment at all"
    "sz-016": "compliance.guarantee.rate",  # a consumer case on what a guaranteed rate applies to
    "sz-035": "compliance.product-label.account",  # "if you see a 702(j) plan advertised"
    "sz-039": "compliance.product-label.terms",  # infinite banking explained plainly
    "sz-052": "compliance.securities.talk",  # investor education naming mutual funds
    "sz-077": "compliance.product-label.bonus-annuity",  # "a big upfront bonus? Think twice."
    "sz-097": ("compliance.securities.review", "compliance.product-label.likened"),  # VUL explained
    "sz-100": "compliance.product-label.likened",  # "VUL myths, cleared up"
    # The fiftieth set's: "the best deals" at a road market and at the pump, not insurance.
    "tc-021": ("compliance.exaggeration.best-claim", "etiquette.hard-sell.deals"),
    "tc-079": "compliance.exaggeration.best-claim",
    # The fifty-first to fifty-third sets': a myth's correction read by the reader, a question.
    "td-071": ("compliance.coverage-advice.reader", "compliance.exaggeration.reader"),  # "Fact:
    # full coverage isn't a coverage type"; "no insurer offers a policy that covers you in all"
    "tf-118": "compliance.exaggeration.best-claim",  # "What's the best renters insurance?"
    # The posts' reader, retrained with the fifty-fifth to fifty-eighth sets, reads rivals named
    # side by side, without a word against them, as a swipe.
    "sq-046": "compliance.competitor.reader",  # "Progressive or State Farm?"
    "sq-131": "compliance.competitor.reader",  # a fun fact about two carriers' histories
    "ss-085": "compliance.competitor.reader",  # how agents are paid, in a Medicare Q&A
    # The fifty-fifth to fifty-seventh sets' (each measured once before these were listed).
    "ti-022": "compliance.free.reader",  # "getting a quote from us is free"
    "tj-079": "compliance.competitor.reader",  # a carrier's boilerplate about its size
    "tk-026": "compliance.disclosure.tpmo",  # a Medicare post without the TPMO statement
    "tb-071": "compliance.coverage-advice.reader",  # how New York's SUM coverage works
    # Retrained with the sixty-second and sixty-third sets, the posts' reader reads captive and
    # independent agents compared, and "we don't pick favorites", as a swipe.
    "qw-285": "compliance.competitor.reader",
    "sq-045": "compliance.competitor.reader",
    "to-068": "compliance.competitor.reader",
    # The fifty-ninth set's (measured once before these were listed): explainers.
    "tm-087": "compliance.product-label.terms",  # "Heard of 'infinite banking'? ... isn't a bank"
    "tm-099": (  # annuity types
        "compliance.guarantee.outcome",
        "compliance.securities.talk",
        "compliance.product-label.invested",  # "annuities invest in", no longer doubted
    ),
    # Retrained with the sixty-fourth to seventy-fifth sets, the posts' reader reads a quoted
    # "switch and save" ad, a thank-you for a family's paperwork done, a CMS rule on logos and
    # a warning about "guaranteed" bond names as what they discuss.
    "pv-087": "compliance.testimonial.reader",
    "sb-088": "compliance.testimonial.reader",
    "so-066": "compliance.endorsement.reader",
    "ud-078": "compliance.guarantee.reader",
    # The sixty-seventh to sixty-ninth sets' (measured once before these were listed).
    "tt-038": "compliance.exaggeration.benefit",  # "find the coverage you deserve"
    "tv-003": "compliance.review-incentive.reader",  # "Leave us a review on Google", no reward
    "ty-058": "compliance.product-label.likened",  # "bank fixed deposits are investment products"
    # The seventy-sixth to eighty-second sets' (measured once before these were listed), and
    # one the posts' reader, retrained with them, reads as a client's story.
    "sk-014": "compliance.testimonial.reader",  # the agent's own story of being broke
    "ui-045": "compliance.guarantee.return-figure",  # regulators flagged "returns of 10% to 27%"
    "uj-025": "compliance.guarantee.returns",  # "a 'guaranteed return'?": a scam's pitch quoted
    "uj-026": (
        "compliance.guarantee.outcome",
        "compliance.guarantee.rate",
    ),  # payouts truly guaranteed
    "uj-046": (
        "compliance.claims-promise.outcome",
        "compliance.guarantee.outcome",
    ),  # its condition
    "uk-089": "compliance.free.coverage-free",  # add-ons 'not "free"': the quote mark hides "not"
    "um-018": "compliance.product-label.investment",  # a belief named, then "neither is true"
    "up-015": (  # the fined slogan quoted in the news
        "compliance.claims-promise.assured",
        "compliance.guarantee.rate-lock",
    ),
    "up-041": "compliance.product-label.likened",  # "here it is plainly: investment ... can lose"
    "un-072": "compliance.guarantee.outcome",  # fraudsters' "guaranteed high returns", warned of
    # Retrained with the eighty-third to eighty-eighth sets, the readers no longer doubt a
    # myth's quoted claim, nor read a lost client's story as anything but a testimonial.
    "pj-031": "compliance.testimonial.reader",  # "broke up with her agency of 23 years"
    "um-008": "compliance.coverage-advice.substitute",  # 'myth: "Medicare covers everything."'
    # The eighty-third to eighty-eighth sets' (measured once before these were listed).
    "ur-007": ("etiquette.hard-sell.urgency", "etiquette.hard-sell.deals"),  # a fake ad quoted
    "ur-042": "compliance.coverage-advice.public",  # "you don't need a new card", a scam warning
    "ur-063": "compliance.endorsement.government-money",  # how flex card funds expire
    "us-092": ("compliance.securities.review", "compliance.guarantee.qualified"),  # VUL explained
    "uv-017": "compliance.competitor.reader",  # captive, independent or direct: "none is a scam"
    "uv-043": "compliance.competitor.reader",  # what a captive agent can offer, said plainly
    # Retrained with the eighty-ninth to ninety-sixth sets, the readers no longer doubt these
    # rules' findings, or read these explainers themselves.
    "te-014": "compliance.claims-promise.outcome",  # a marketing opt-out, "no questions asked"
    "tl-036": "compliance.exaggeration.best-claim",  # a hail tip: "not sure what best coverage"
    "ts-019": "compliance.free.coverage-free",  # "$0/month premium plans may be available"
    "uc-045": "compliance.free.reader",  # "Is help from our agency free? Yes."
    "uf-016": "compliance.free.reader",  # a mislaid document replaced at no cost
    "ui-027": "compliance.free.coverage-free",  # Medicare "is not fully free"
    "un-008": "compliance.free.coverage-free",  # "No, Medicare does not give free dental care"
    "ur-009": "compliance.free.reader",  # "No, there is no new health care card"
    "ur-078": "compliance.endorsement.reader",  # "only the government (CMS) sets premiums"
    "pm-146": "compliance.endorsement.reader",  # "an annuity isn't backed by the government"
    # The eighty-ninth to ninety-sixth sets' (measured once before these were listed).
    "ux-082": "compliance.exaggeration.best-claim",  # listed among an insurer's top offices
    "uy-014": "compliance.product-label.reader",  # a savings account, a deposit and a policy
    "uy-015": "compliance.guarantee.rate",  # a savings policy's guaranteed rate, costs explained
    "uy-035": "compliance.securities.reader",  # a euro fund's past return, with its warning
    "va-112": "compliance.disclosure.tpmo",  # names Medicare Advantage and asks for a call
    "vd-028": "compliance.product-label.likened",  # an IUL and a Roth IRA told apart
    "vd-109": "compliance.securities.review",  # variable life explained: needs the review
    "vd-111": "compliance.securities.talk",  # variable life's risk explained
    # this session's sets (each measured once before it was listed)
    "td-062": "compliance.claims-promise.reader",  # no-fault claim deadlines the law sets
    "ty-057": "compliance.guarantee.reader",  # how a money-back policy pays out, explained
    "uy-034": "compliance.securities.reader",  # a euro fund and unit-linked funds told apart
    "va-048": "compliance.testimonial.reader",  # "What our clients say: coming soon!"
    "ve-014": "compliance.disclosure.tpmo",  # compares Medicare Advantage plans, asks for a call
    "vf-028": "compliance.exaggeration.superlative",  # "the cheapest...?", then a caution
    "vf-099": "compliance.exaggeration.best-claim",  # a high score "doesn't mean the best insurer"
    "vg-096": "compliance.guarantee.outcome",  # level premiums guaranteed not to rise (true there)
    "vg-124": "compliance.guarantee.outcome",  # a lifetime annuity's income, correctly guaranteed
    "vj-069": "compliance.guarantee.outcome",  # an annuity's benefit base explained
    "vk-115": "compliance.endorsement.reader",  # Medicare's free SHIP and SMP services named
    "vn-007": "compliance.securities.talk",  # a warning about variable-annuity-style contracts
    "vn-108": (  # with-profits and unit-linked policies compared
        "compliance.product-label.reader",
        "compliance.securities.reader",
    ),
    "vt-044": "compliance.product-label.reader",  # "Is life insurance an investment?" answered
    "vu-048": "compliance.guarantee.qualified",  # a limited-pay policy's guaranteed features
    "vv-011": "compliance.endorsement.reader",  # what Medicare is, in an explainer
    "vv-012": "compliance.exaggeration.best-claim",  # "one of the most powerful acts of love"
    # Retrained with the hundred-and-thirteenth to hundred-and-twenty-eighth sets, the readers
    # no longer doubt these rules' findings, or read these explainers themselves.
    "tr-078": "compliance.securities.reader",  # a ULIP's two parts explained
    "ud-054": "compliance.claims-promise.outcome",  # how income protection pays, explained
    "us-081": "compliance.coverage-advice.replacement",  # a warning before cashing in a policy
    "uy-036": "compliance.securities.reader",  # a bonus rate's conditions, stated
    "vf-064": "compliance.securities.reader",  # unit-linked policies criticised
    "vk-067": "compliance.inducement.value-for-business",  # "we'll never pay for a review"
    "vq-009": "compliance.securities.reader",  # a regulator's finding reported
    # The hundred-and-thirteenth to hundred-and-twenty-eighth sets' (measured once before these
    # were listed).
    "vt-022": "compliance.inducement.value-for-business",  # a contest's terms, quoted
    "vy-007": "compliance.product-label.reader",  # "Savings account or life policy?"
    "vz-013": "compliance.product-label.reader",  # "really a good investment?", pros and cons
    "wa-016": "compliance.securities.reader",  # what a linked policy is
    "wa-077": "compliance.securities.reader",  # how to read a projection letter
    "wa-078": (  # what a fixed annuity is, beside a variable one
        "compliance.guarantee.outcome",
        "compliance.guarantee.returns",
        "compliance.securities.review",
        "compliance.securities.talk",
    ),
    "wi-023": "compliance.disclosure.tpmo",  # Medicare's third-party disclaimer is required
    "wh-023": "compliance.guarantee.rate",  # a policy's cash-back provision described
    "wg-119": "compliance.product-label.account",  # a myth corrected two sentences later
    "wj-006": "compliance.product-label.likened",  # a savings plan set apart from an account
    "wl-077": "compliance.guarantee.rate",  # a state pension's legal guarantee explained
    # Retrained with the hundred-and-twenty-ninth and hundred-and-thirtieth sets.
    "vo-130": "compliance.securities.reader",  # "Maybe not.": an ILP's risks explained
    "uy-013": "compliance.product-label.reader",  # savings insurance set beside a deposit
    "va-023": "compliance.endorsement.reader",  # Medicare explained by an agency
    # The hundred-and-twenty-ninth and hundred-and-thirtieth sets' (measured once before
    # these were listed).
    "wm-005": "compliance.exaggeration.superlative",  # look for the cheapest, after comparing
    "wm-060": "compliance.product-label.investment",  # "not primarily an investment product"
    "wm-064": (  # how comparison sites' deals work, explained
        "compliance.exaggeration.best-claim",
        "etiquette.hard-sell.deals",
    ),
    "wm-069": "compliance.exaggeration.best-claim",  # a broker's role: "the best insurance value"
    "wm-108": "compliance.claims-promise.outcome",  # what guaranteed replacement cost means
    "wm-122": "compliance.testimonial.client",  # a trade survey's star ratings explained
    # Moved onto the loud list by this session's tuning and retraining.
    "vy-071": "compliance.coverage-advice.reader",  # an insider's advice on how big a policy to buy
    "wh-120": "compliance.privacy.reader",  # a fraud case told in the news, no client of the agent
    "px-089": "compliance.testimonial.reader",  # why an agent refuses a self-conferred designation
    "ti-025": "compliance.inducement.reader",  # a carrier's own deductible credit explained
    "tp-091": "compliance.testimonial.reader",  # an awards shortlist announced
    # The hundred-and-thirty-first to hundred-and-forty-third sets' (measured once before
    # these were listed).
    # the statutory government guarantee of LIC policies
    "wp-071": "compliance.guarantee.nonguaranteed",
    # an unnamed widow in a claims officer's diary
    "wp-102": "compliance.privacy.client-circumstance",
    # a plan's 'guaranteed income' weighed against its real return
    "wp-125": "compliance.guarantee.outcome",
    # bancassurance explained: unit links with an investment element
    "wq-080": "compliance.product-label.likened",
    "wr-050": "compliance.product-label.reader",  # a deposit and savings insurance told apart
    # 'an investment in peace of mind' (a figure of speech)
    "wr-057": "compliance.product-label.likened",
    # a regulator's description of education insurance
    "wr-083": "compliance.product-label.likened",
    # 'Is life insurance an investment? Short answer: no'
    "wr-086": "compliance.product-label.reader",
    "wr-106": "compliance.free.coverage-free",  # card life insurance that only looks free
    "wr-114": "compliance.exaggeration.best-claim",  # a price that only looks unbeatable
    # short-pay whole life is not savings (the 100 % is paying in full)
    "ws-051": "compliance.guarantee.return-figure",
    # a regulator's survey of policies sold as savings
    "ws-057": "compliance.product-label.likened",
    "ws-082": "compliance.endorsement.medicare",  # a warning about fake government-payment pages
    "wt-112": "compliance.guarantee.outcome",  # a tax note on approved annuities
    # how to choose an insurer: 'the right cover at the best price'
    "wu-035": "compliance.exaggeration.best-claim",
    # the cheapest and dearest insurers compared in the press
    "wu-072": "compliance.exaggeration.best-claim",
    "wu-084": "compliance.exaggeration.best-claim",  # what the best term policies balance
    "wv-010": "compliance.disclosure.tpmo",  # a Medicare agency's description of its guidance
    "wv-029": "compliance.exaggeration.best-claim",  # 'compare quotes from top-rated carriers'
    # 'your perfect auto insurance match' (a quote form)
    "wv-033": "compliance.exaggeration.best-claim",
    "wv-035": "compliance.product-label.likened",  # the pitch of variable universal life questioned
    "ww-013": "compliance.securities.talk",  # regulators' alerts about finfluencers' stock picks
    "ww-017": "compliance.securities.talk",  # European supervisors' rules for finfluencers
    "ww-058": "compliance.securities.talk",  # a regulator's watch list of influencers
    "ww-078": "compliance.securities.talk",  # capital markets law on 'not investment advice'
    # a savings policy is life insurance, not a time deposit
    "wx-009": "compliance.product-label.investment",
    "wx-015": "compliance.product-label.likened",  # savings insurance and deposits told apart
    "wx-017": "compliance.coverage-advice.replacement",  # a warning against replacing policies
    # terminal bonuses are not guaranteed, explained
    "wx-075": "compliance.guarantee.nonguaranteed",
    "wx-080": "compliance.guarantee.rate",  # illustrated bonuses weighed against guaranteed returns
    "wx-126": (  # a savings plan's guaranteed and non-guaranteed values
        "compliance.guarantee.nonguaranteed",
        "compliance.guarantee.pays-itself",
    ),
    "wx-128": (  # a plan whose return is guaranteed by contract
        "compliance.guarantee.pays-itself",
        "compliance.guarantee.rate",
        "compliance.guarantee.returns",
    ),
    "wy-004": "compliance.exaggeration.best-claim",  # finding the cheapest car insurance (a guide)
    "wy-016": "compliance.product-label.investment",  # life insurance or a bank deposit, compared
    "wy-097": (  # 'investment or saving?' answered
        "compliance.guarantee.returns",
        "compliance.product-label.terms",
    ),
    "xa-005": "compliance.exaggeration.best-claim",  # a guide to choosing Super Visa insurance
    "xa-014": "compliance.exaggeration.best-claim",  # what leading critical illness plans cover
    "xa-042": "compliance.exaggeration.best-claim",  # 'to get the best coverage, ask questions'
    "xa-048": "compliance.free.coverage-free",  # free quotes and a comparator, not free cover
    "xa-108": "compliance.exaggeration.best-claim",  # a broker's role described
    # 'an all-risks policy covers all risks, except those it excludes'
    "wz-023": "compliance.exaggeration.absolute",
    "wz-115": "compliance.free.coverage",  # a free motor policy with a new car may cost you dearly
    # Moved onto the loud list by this session's tuning and retraining.
    # a myth answered: some people may not need a policy
    "wc-085": "compliance.coverage-advice.reader",
    # how to shop for the cheapest premium without losing cover
    "wp-042": "compliance.exaggeration.best-claim",
    "wr-003": "compliance.guarantee.outcome",  # what life insurance is for, in general terms
    # a myth answered: insurance is not for building wealth
    "wr-060": "compliance.product-label.reader",
    # policies told apart from savings, returns not guaranteed
    "wt-125": "compliance.product-label.reader",
    "xa-033": (  # the names of guaranteed-pay whole life products
        "compliance.guarantee.reader",
        "compliance.product-label.account",
    ),
    "py-123": "compliance.coverage-advice.reader",  # a general case for umbrella cover, hedged
    # what trip cancellation does and does not cover
    "qb-045": "compliance.coverage-advice.reader",
    "st-051": "compliance.testimonial.reader",  # a survivor's story about a defibrillator fund
    # how an umbrella policy sits above a home policy, hedged
    "td-027": "compliance.coverage-advice.reader",
    # 'in-network' is not 'paid in full' (a correction)
    "ty-006": "compliance.claims-promise.reader",
    # The hundred-and-forty-fourth to hundred-and-fifty-second sets' (measured once before
    # these were listed).
    "xb-023": "compliance.claims-promise.your-policy-covers",  # a hurricane checklist
    # shopping advice: finding the cheapest insurer
    "xb-025": "compliance.exaggeration.best-claim",
    "xc-002": "compliance.product-label.reader",  # 'don't think of insurance as an investment'
    "xe-101": "compliance.guarantee.outcome",  # two retirement products' guarantees compared
    # what a capital-guaranteed policy is, with its limits
    "xg-067": "compliance.guarantee.reader",
    "xg-097": (  # guaranteed minimum returns called very low
        "compliance.guarantee.outcome",
        "compliance.guarantee.returns",
    ),
    "xg-112": "compliance.product-label.investment",  # 'looks like a bank deposit. It isn't one.'
    "xi-039": "compliance.exaggeration.best-claim",  # "the best-value way to buy?", asked
    # whole life's contractual guaranteed cash value (not yet said what backs it)
    "xj-003": ("compliance.guarantee.outcome", "compliance.guarantee.qualified"),
    # Moved onto the loud list by this session's third tuning and retraining.
    # regulators' reminder to finfluencers about share tips
    "ww-026": "compliance.securities.talk",
    "tq-031": "compliance.endorsement.reader",  # the required Medicare disclaimer
    # The hundred-and-fifty-third to hundred-and-fifty-sixth sets' (measured once before
    # these were listed).
    # buyers of sharing-ministry plans told their rights
    "xl-070": "compliance.exaggeration.absolute",
    # 'not every company ... is a scam' (a warning, not a rival)
    "xl-080": "compliance.competitor.disparage",
    "xn-052": "compliance.exaggeration.best-claim",  # an agent's own service described
    # Moved onto the loud list by this session's fourth retraining.
    # 'no single type of insurance is the best' (answered honestly)
    "vk-072": "compliance.exaggeration.reader",
    # which car insurance suits an old car best, asked
    "wu-017": "compliance.exaggeration.best-claim",
    "xj-017": "compliance.testimonial.reader",  # a plain request to rate the agency on Google
    "tr-064": "compliance.coverage-advice.public",  # an objection quoted and answered gently
    "ts-086": "etiquette.hard-sell.reader",  # open enrollment dates, a fair reminder
    # The hundred-and-fifty-seventh and hundred-and-fifty-eighth sets' (measured once before
    # these were listed).
    "xp-034": "compliance.free.coverage",  # what pet insurance reimburses, with its limit
    # how to compare pet insurance, not which is best
    "xp-037": "compliance.exaggeration.best-claim",
    # carriers' cost-saving slogans quoted and criticised
    "xp-098": ("compliance.competitor.disparage", "compliance.exaggeration.best-claim"),
    # a planner's story of a telemarketer's 'guaranteed 12%'
    "xp-108": "compliance.guarantee.outcome",
    # Moved onto the loud list by this session's retraining (on -159 to -169).
    # a reminder that flood is not covered by a homeowners policy
    "pg-035": "compliance.coverage-advice.reader",
    # salespeople's 'perfect wealth tool' pitch quoted and questioned
    "vk-120": "compliance.product-label.reader",
    "wa-037": "compliance.exaggeration.reader",  # a comparison site's light opening line
    # a regulator's reminder that whole life is not a savings plan
    "wf-014": "compliance.product-label.reader",
    # a comparison site offering quotes from the leading companies
    "wy-005": "compliance.exaggeration.reader",
    # bank-bundled free covers described with their conditions
    "xp-088": "compliance.free.coverage",
    "tr-076": "compliance.securities.reader",  # a ULIP explained with its market risk
    # The hundred-and-fifty-ninth to hundred-and-sixty-ninth sets' (measured once before
    # these were listed).
    # a lead service comparing rates from top-rated insurers
    "xq-005": "compliance.exaggeration.best-claim",
    # no plan can be 'the best': it depends on the profile
    "xr-017": "compliance.exaggeration.reader",
    "xs-091": "compliance.guarantee.reader",  # an SMS's claimed return worked out and refuted
    "xt-028": "compliance.guarantee.reader",  # a policy's name, the Guaranteed Income Plan
    "xt-067": "compliance.competitor.reader",  # rivals said to offer similar rates
    "xu-011": "compliance.product-label.reader",  # an LIRP compared plainly with a Roth IRA
    "xu-122": "compliance.product-label.reader",  # a 529 plan described, no insurance in it
    "xw-127": "compliance.free.reader",  # a free GPS device owed under a settlement
    # unit link described as insurance with investment, and its charges
    "xz-019": "compliance.securities.review",
    # foreign-currency insurance called an investment to warn of its risk
    "xz-041": ("compliance.product-label.investment", "compliance.securities.review"),
    "xz-053": "compliance.product-label.reader",  # life insurance contrasted with a bank deposit
    "xz-092": (  # a ULIP FAQ saying returns may not be guaranteed
        "compliance.guarantee.reader",
        "compliance.securities.reader",
    ),
    "xz-098": (  # a VUL described as investment-linked
        "compliance.product-label.likened",
        "compliance.securities.review",
    ),
    "xz-130": "compliance.securities.talk",  # unit link's risk likened to mutual funds'
    # a euro fund's contractual capital guarantee described
    "ya-065": "compliance.guarantee.outcome",
    # Moved onto the loud list by the last retraining (best wishes read as terms of art).
    # a podcast episode on how to judge how much cover you need
    "wz-021": "compliance.coverage-advice.reader",
    # a guide asking whether final expense cover is needed at all
    "py-188": "compliance.coverage-advice.reader",
    "qt-054": "etiquette.hard-sell.reader",  # a seasonal reminder to book a marina launch
    # Moved onto the loud list by the retraining with -170 and -171.
    # an agency reminding referrers that inducements are prohibited
    "wh-082": "compliance.inducement.reader",
    "xv-086": "compliance.privacy.reader",  # a scam story told as a warning
    "tj-081": "compliance.exaggeration.reader",  # average rates by state reported
    "pj-032": "compliance.inducement.reader",  # a referral drawing open whether or not anyone buys
    # The hundred-and-seventieth's (measured once before it was listed).
    # a prospectus on surrendering a bonus for cash, no one named
    "yb-016": "compliance.privacy.person-circumstance",
    # Moved onto the loud list by the retraining with -172 to -176.
    "vz-034": "etiquette.offensive.reader",  # a myth answered: cover is not bought to die soon
    "wz-123": "compliance.exaggeration.reader",  # a country's medicine praised, not the plan
    "sb-134": "compliance.testimonial.reader",  # a client's photo shared with her permission
    "pn-137": "etiquette.offensive.reader",  # a joke about brokers napping after enrolment
    "pn-102": "compliance.competitor.reader",  # captive and independent agents compared
    # The hundred-and-seventy-fifth's (measured once before it was listed).
    "yg-029": "compliance.coverage-advice.reader",  # a consumer guide's who-should-not-buy list
    # a level-term policy's level cover and premium, both contractual
    "yg-058": ("compliance.guarantee.returns", "compliance.guarantee.rate-lock"),
    # The hundred-and-seventy-seventh's (measured once before it was listed): true contractual
    # guarantees described, which the rules ask to be qualified by the insurer's backing.
    "yi-016": "compliance.guarantee.qualified",  # an income rider's lifetime income
    "yi-030": "compliance.guarantee.qualified",  # an annuity's guaranteed income
    "yi-041": "compliance.guarantee.reader",  # whole life's death benefit while premiums are paid
    # Moved onto the loud list by the retraining with -177 to -179.
    "xm-029": "compliance.free.reader",  # preventive care at no cost under a health plan
    # The hundred-and-eighty-first to hundred-and-ninety-fifth sets' (fourteenth session), after
    # their tuning and the readers' retraining: claims how-tos, coverage explained with its
    # limits, enrolment windows and contractual guarantees described, read as promises.
    "xm-036": "compliance.claims-promise.reader",  # how to notify a claim, step by step
    "xw-054": "compliance.exaggeration.reader",  # "the best policy is the one that fits you"
    "yb-021": "compliance.endorsement.reader",  # a government's own insurer, described
    "ym-023": "compliance.coverage-advice.reader",  # the parts of a home policy, listed
    "yo-003": "compliance.coverage-advice.reader",  # "it doesn't cover everything", an upgrade
    "yo-016": "compliance.coverage-advice.reader",  # a plan's FAQ: what it does not cover
    "yq-013": "etiquette.hard-sell.reader",  # Medicare's initial enrolment window, explained
    "yq-017": "compliance.coverage-advice.reader",  # flood cover's 30-day waiting period
    "yr-011": "compliance.guarantee.reader",  # a money-back guarantee (a refund right)
    "ys-014": "compliance.guarantee.qualified",  # whole life's guarantees, not yet qualified
    "yt-030": "compliance.disclosure.tpmo",  # helping pick a Part D plan asks for CMS's line
    "yx-029": "compliance.guarantee.reader",  # a fixed annuity's guaranteed rate, explained
    "vb-052": "compliance.endorsement.reader",  # reform's history, no plan endorsed
    "ra-142": "compliance.endorsement.reader",  # a warning about official-looking adverts
    "wg-019": "compliance.competitor.reader",  # who pays a broker's commission, explained
    "pw-195": "compliance.privacy.reader",  # an agency's own story of a renter's fire, unnamed
    "xe-070": "compliance.competitor.reader",  # brokers don't pay claims: the insurer does
    "xf-020": "compliance.privacy.reader",  # a news story of a scam stopped at a bank
    "xt-035": "compliance.competitor.reader",  # an agent's loyalty to his own carrier
    "zc-026": "compliance.guarantee.outcome",  # whole life's level premium and cash value
    "zc-031": "compliance.guarantee.outcome",  # where guaranteed retirement income comes from
    "ze-037": "compliance.claims-promise.reader",  # "we generally complete claims in 30 days"
    "zh-015": "compliance.competitor.reader",  # an independent agency shops several insurers
    "zi-007": "compliance.exaggeration.superlative",  # helping you find the cheapest (a search)
    "zm-007": "compliance.coverage-advice.public",  # experts' rule of thumb for cover, reported
    "zo-003": "compliance.guarantee.market-safety",  # an indexed annuity's floor, explained
    "zo-032": "compliance.guarantee.outcome",  # old pensions' guaranteed annuity rates
    "zq-029": "compliance.testimonial.client",  # a pointer to the agency's reviews
    "zr-037": "compliance.exaggeration.best-claim",  # quotes from top-rated insurers compared
    "po-104": "etiquette.hard-sell.reader",  # "don't wait for the storm", a flood tip
    "vo-006": "etiquette.hard-sell.reader",  # a warning not to be rushed by "limited time"
    "wa-021": "compliance.product-label.reader",  # deposits and unit-linked cover contrasted
    "xf-038": "compliance.securities.reader",  # a regulator's count of unit-linked complaints
    "xu-074": "compliance.product-label.reader",  # a planner: life insurance is an expense
    "ys-039": "compliance.exaggeration.best-claim",  # "top-rated carriers", a plain description
    "ze-028": "etiquette.hard-sell.reader",  # wait until a car's warranty is about to expire
    "zu-014": "compliance.disclosure.tpmo",  # Medicare plans compared asks for CMS's line
    "zv-012": "compliance.guarantee.qualified",  # an annuity's lifetime income, unqualified
    "zv-014": (  # whole life's guarantees listed; "Best for: estate planning" names a use
        "compliance.guarantee.qualified",
        "compliance.exaggeration.best-claim",
    ),
    "zv-029": "compliance.coverage-advice.reader",  # an umbrella FAQ on underlying limits
    "zw-026": "compliance.securities.talk",  # variable annuities' subaccounts: securities
    "zx-023": "compliance.claims-promise.reader",  # a broker's claim steps, explained
    # what a lifetime pet policy covers
    "zy-023": ("compliance.claims-promise.certain", "compliance.coverage-advice.reader"),
    "zy-025": (  # a guaranteed-savings plan (an Indian product type) described
        "compliance.guarantee.personal",
        "compliance.guarantee.outcome",
    ),
    "zy-030": "compliance.free.coverage",  # "zero cost term insurance", a product's name
    "zz-006": "compliance.guarantee.outcome",  # an annuity explained: guaranteed income later
    "jc-008": (  # whole life's guaranteed cash value, contractual
        "compliance.guarantee.qualified",
        "compliance.guarantee.outcome",
    ),
    "jc-028": (  # whole life's guarantees, its dividends called potential
        "compliance.guarantee.outcome",
        "compliance.guarantee.returns",
        "compliance.guarantee.nonguaranteed",
    ),
    "je-008": "compliance.claims-promise.outcome",  # a parametric cover pays on its trigger
    "ji-024": (  # savings life cover "if and only if needed"
        "compliance.product-label.likened",
        "compliance.coverage-advice.public",
    ),
    "jm-025": (  # a buyer's question: "what assurance do I have that claims will be paid?"
        "compliance.claims-promise.outcome",
        "compliance.claims-promise.assured",
    ),
    "wd-122": "compliance.claims-promise.reader",  # advice to compare claim settlement ratios
    "zw-024": "compliance.exaggeration.superlative",  # "the cheapest health insurance?" answered
    "qn-026": "compliance.free.reader",  # a scam warning quoting a "free" Medicare back brace
    "jm-026": "compliance.exaggeration.best-claim",  # "the lowest priced product may not" suffice
    "jo-026": (  # a final expense policy's level premium and amount, contractual
        "compliance.guarantee.outcome",
        "compliance.guarantee.qualified",
    ),
    "jr-018": "compliance.endorsement.reader",  # the federal flood programme described as it is
    "jx-018": "compliance.guarantee.returns",  # a par endowment's contractual maturity return
    "jy-019": "compliance.competitor.reader",  # bonds are not insurance, explained
    "ka-017": "compliance.claims-promise.reader",  # a gadget insurer's claim times, hedged "aim"
    "kb-005": "compliance.exaggeration.best-claim",  # "find you the best policy possible"
    "kd-018": (  # segregated funds' contractual maturity and death benefit guarantees
        "compliance.guarantee.outcome",
        "compliance.guarantee.qualified",
        "compliance.guarantee.rate",
        "compliance.product-label.likened",
    ),
    "ke-014": "compliance.competitor.disparaged",  # agents and brokers told apart, with a figure
    "kh-019": (  # a with-profit endowment's guaranteed sum assured and bonus, explained
        "compliance.guarantee.outcome",
        "compliance.claims-promise.outcome",
    ),
    "kh-022": "compliance.exaggeration.absolute",  # a gold card's travel cover, "peace of mind"
    "pj-123": "compliance.exaggeration.reader",  # congratulating a bakery on its "Best Bakery"
    # After this session's retraining (sets -253 to -275 in the readers), older clean posts
    # whose readings moved past the threshold or out of the doubt that took a rule down.
    "pv-132": "compliance.exaggeration.superlative",  # a carrier survey's #1, its source linked
    "xk-021": "compliance.exaggeration.reader",  # a broker comparing offers, read as a boast
    "xv-125": "compliance.claims-promise.reader",  # free to claim from a firm, explained
    "zr-007": "compliance.review-incentive.reader",  # a plain request for a Google review
    "ju-016": (  # indexed universal life explained
        "compliance.product-label.invested",
        "compliance.securities.reader",
    ),
    "ju-018": "compliance.competitor.reader",  # an independent agency shopping for its clients
    "jy-021": "compliance.claims-promise.reader",  # telling clients to call the claims number
    "kh-021": "compliance.guarantee.outcome",  # a deferred annuity's guaranteed income
    # The two-hundred-and-fifty-third to two-hundred-and-seventy-fifth sets' (after tuning on
    # them): contractual terms described accurately, anonymised or first-person stories,
    # plain explanations the readers take for promises, and checks that need the profile.
    "km-019": "compliance.claims-promise.reader",  # a gadget insurer's claim steps
    "kl-012": "compliance.licensing.everywhere",  # an agency licensed in every state
    "ko-009": "compliance.disclosure.tpmo",  # a Medicare agent's column on home visits
    "kp-017": "compliance.claims-promise.certain",  # a takaful plan's benefits as its terms list
    "kp-026": "compliance.guarantee.reader",  # a warning on declared and guaranteed rates
    "ks-018": "compliance.guarantee.returns",  # a guaranteed fund's real floor, with its basis
    "ks-020": "compliance.claims-promise.outcome",  # a claim payment deadline after the inquiry
    "kt-024": (  # a case study with a pseudonym, to show why income cover matters
        "compliance.privacy.named-health",
        "compliance.privacy.person-circumstance",
    ),
    # an anonymised client's diabetes, for cover
    "kv-017": ("compliance.privacy.client-circumstance", "compliance.privacy.client-health"),
    "kv-024": "compliance.privacy.client-circumstance",  # an anonymised child's illness claim
    "kz-017": "compliance.guarantee.outcome",  # a with-profits policy's guaranteed interest
    "lb-021": "compliance.claims-promise.reader",  # when an approved claim is paid
    "lb-027": "compliance.exaggeration.best-claim",  # "what is the best?" answered "it depends"
    "lc-005": "compliance.product-label.reader",  # a warning quoting a seller's bank comparison
    "lc-026": "compliance.product-label.likened",  # savings insurance likened to a deposit, hedged
    "ld-016": "compliance.securities.reader",  # how a unit-linked policy invests, explained
    "lf-020": "compliance.privacy.reader",  # an anonymised client's call about his trust
    "lf-021": "compliance.claims-promise.reader",  # call the office about a claim
    "lf-022": "compliance.privacy.reader",  # an anonymised customer's denied claim
    "lf-028": "compliance.privacy.person-circumstance",  # an adviser's own cancer, first person
    # The two-hundred-and-seventy-sixth to two-hundred-and-ninety-sixth sets' (after tuning on
    # them): contractual terms described accurately, worked examples and explanations the
    # readers take for promises, and four older posts moved by retraining.
    "wh-100": "compliance.securities.reader",  # a warning about a unit-linked projection
    "ym-039": "compliance.exaggeration.reader",  # an agency's promises on how it quotes
    "zz-030": "compliance.competitor.reader",  # independent, not captive, stated plainly
    "ss-098": "compliance.testimonial.reader",  # a survivor's own story of cardiac arrest
    "lh-018": "compliance.free.coverage",  # an option added at no extra cost, as its terms say
    "lj-021": "compliance.free.coverage",  # an accident benefit included at no extra cost
    "lj-023": "compliance.guarantee.nonguaranteed",  # a plan whose bonus is guaranteed by contract
    "lk-021": (  # an adviser correcting what clients believe an income rider guarantees
        "compliance.guarantee.outcome",
        "compliance.guarantee.rate",
        "compliance.guarantee.returns",
        "compliance.securities.talk",
    ),
    "lk-029": "compliance.guarantee.return-figure",  # what a "40% return annuity" really means
    "ll-025": (  # a travel agent's unnamed clients who needed their cover
        "compliance.privacy.named-health",
        "compliance.privacy.person-circumstance",
    ),
    "lm-003": "compliance.guarantee.reader",  # an annuity's contractual accumulation guarantee
    "ln-021": "compliance.product-label.reader",  # how an investment-deposit policy differs
    "lo-020": "compliance.coverage-advice.reader",  # the agency's own replacement-cost terms
    "lp-019": "compliance.guarantee.outcome",  # a return-of-premium rider's refund
    # a contractual minimum rate, its guarantor named; "every child deserves the best"
    "lq-023": ("compliance.guarantee.rate", "compliance.exaggeration.best-claim"),
    "lq-025": (  # a guaranteed-rate life savings contract described by its insurer
        "compliance.guarantee.outcome",
        "compliance.guarantee.returns",
        "compliance.product-label.likened",
        "compliance.securities.review",
    ),
    "lv-026": "compliance.securities.talk",  # a unit-linked policy's mutual funds, explained
    "lx-027": "compliance.claims-promise.reader",  # a pet insurer's claim steps
    "lx-030": "compliance.claims-promise.reader",  # "how fast will a claim be paid?" answered
    "ly-008": "compliance.claims-promise.outcome",  # a hospital plan's benefit as its terms say
    # Moved by the last retraining (with -297): a rule's finding no longer doubted, or a reading
    # just over the threshold.
    "vq-010": "compliance.inducement.reader",  # a prize draw open to all, no purchase needed
    "ja-025": "compliance.coverage-advice.reader",  # set aside your deductible; floods excluded
    "je-032": "compliance.coverage-advice.public",  # what third-party motor cover pays, by law
    "jx-028": "compliance.claims-promise.reader",  # a funeral plan's double accident benefit
    "kr-019": (  # market statistics on average and cheapest premiums
        "compliance.exaggeration.best-claim",
        "compliance.exaggeration.superlative",
    ),
    "lo-025": "compliance.claims-promise.certain",  # the steps a claim needs after harvest damage
    "lp-005": "compliance.competitor.reader",  # who really sends mortgage-protection mailers
    "mb-015": "compliance.competitor.reader",  # what an insurer's own adjuster is there for
    "mb-021": "compliance.competitor.reader",  # three kinds of adjuster described fairly
    # Gathered in the session that added -298 to -319, loud as first measured or after tuning.
    "md-021": (  # a roofer recalling how claims used to go, then "those days are gone"
        "compliance.claims-promise.free-repair",
        "compliance.claims-promise.outcome",
    ),
    "mg-023": "compliance.coverage-advice.reader",  # what Medigap's standard terms allow
    "mh-017": "compliance.competitor.reader",  # how bank mortgage insurance premiums work
    "mh-019": "compliance.guarantee.rate",  # a segregated fund's maturity guarantee
    "mh-020": "compliance.guarantee.outcome",  # a segregated fund's guarantee of deposits
    "mj-018": "compliance.claims-promise.certain",  # a roofer's warning: the insurer decides
    "mq-014": "compliance.free.coverage-free",  # marketplace plans' preventive care at no cost
    "ms-026": "compliance.exaggeration.reader",  # "no financial product is THE best"
    "mx-016": (  # a euro fund's capital guarantee described by its seller
        "compliance.guarantee.returns",
        "compliance.securities.reader",
    ),
    "mx-023": "compliance.guarantee.outcome",  # two pension formulas, one capital-guaranteed
    # Moved by this session's retraining: a rule's finding no longer doubted.
    "xx-002": "compliance.claims-promise.outcome",  # a canvasser's line quoted as a warning
    "ye-043": "compliance.exaggeration.best-claim",  # which plan is a carrier's cheapest, asked
    "yr-043": "compliance.securities.review",  # "is IUL guaranteed? No", explained
    "jq-019": "compliance.exaggeration.best-claim",  # a storm myth answered
    "lk-017": "compliance.securities.talk",  # how an indexed annuity credits interest
    "xl-054": "compliance.exaggeration.reader",  # the BBB's own figure on roofing profiles
    "lq-026": "compliance.guarantee.returns",  # branch 21 and branch 23 pension savings compared
    # Gathered in the session that added -321 to -345, loud as first measured or after tuning.
    # a branch 21 policy's guaranteed rate and the guarantee fund
    "nc-018": "compliance.guarantee.reader",
    # a client called by a made-up name, and what critical illness cover pays
    "nd-024": "compliance.privacy.person-circumstance",
    # an agent on helping two unnamed clients claim
    "nd-025": ("compliance.privacy.client-circumstance", "compliance.testimonial.reader"),
    "nd-030": "compliance.product-label.terms",  # infinite banking presented, then taken apart
    # a prepaid funeral plan's price lock, described with "could"
    "ne-025": "etiquette.hard-sell.urgency",
    # a roofer's "yes and no" on rates after a hail claim
    "ng-027": "compliance.coverage-advice.reader",
    # a planner's warning: only deposits can promise a return
    "ni-017": "compliance.product-label.reader",
    # a broker-doctor on how insurers decide a cancer death, from the news
    "ni-021": "compliance.privacy.client-circumstance",
    # an agent on the calls clients make after a diagnosis, no one named
    "ni-025": "compliance.privacy.person-circumstance",
    # an adviser's story of policy loans, no one named
    "ni-026": "compliance.privacy.person-circumstance",
    # an approved claim's payment time in an insurer's FAQ
    "nj-025": "compliance.claims-promise.certain",
    "nj-026": (  # a non-participating guaranteed income plan's contractual income
        "compliance.guarantee.outcome",
        "compliance.guarantee.qualified",
    ),
    # a classic pension's contractual guarantee of premiums paid
    "nl-018": "compliance.guarantee.reader",
    # a without-profit endowment's contractual guaranteed return
    "nm-026": "compliance.guarantee.returns",
    # what non-owned auto cover answers for, by example
    "nn-022": "compliance.privacy.person-circumstance",
    # an insurer pointing people to the health ministry's hotline
    "np-024": "compliance.endorsement.reader",
    # a child plan's guaranteed maturity capital, the extra return a "may"
    "np-026": "compliance.guarantee.outcome",
    # a glass shop on what ICBC's basic and optional cover pay
    "nq-022": "compliance.coverage-advice.reader",
    # Moved by this session's retraining: a reading or a rule's finding now loud.
    # an intermediary naming the regulator that licenses it
    "wn-045": "compliance.endorsement.reader",
    "wr-110": "compliance.exaggeration.reader",  # "there is no best home insurance"
    "xh-080": "compliance.inducement.reader",  # a funeral policy's voucher benefit paid on a death
    # how an education policy's cost depends on the child's age
    "xw-019": "compliance.guarantee.outcome",
    # "this return is not guaranteed": what is and what isn't
    "xz-080": "compliance.guarantee.reader",
    # a diminishing deductible credited to accident-free drivers
    "zr-016": "compliance.inducement.reader",
    # CDs and MYGAs compared, FDIC against state guaranty cover
    "jh-024": "compliance.endorsement.reader",
    "kf-006": "compliance.endorsement.reader",  # a referral site's own disclaimer
    # an expat plan's FAQ: check-ups before the assignment are not covered
    "ki-027": "compliance.coverage-advice.public",
    # a worked example of shareholder protection, invented names
    "kv-018": "compliance.privacy.reader",
    "ma-019": "etiquette.offensive.reader",  # a public adjuster on loving the work
    # a capital-guaranteed savings policy described by its terms
    "mu-022": "compliance.guarantee.outcome",
    # Loud since a post of fewer than 15 words is no longer doubted (engine.DOUBT_WORDS).
    "xx-042": "compliance.free.coverage-free",  # "free quote" twice in an 11-word headline
    # Gathered or moved at the session's end: the seventh round's clean posts and older posts
    # the last retraining read differently.
    "nz-030": "compliance.free.reader",  # a vet care plan's free nail clips and dental check
    "nb-024": "compliance.securities.reader",  # full, partial and no capital guarantees compared
    "nj-020": "compliance.coverage-advice.reader",  # an insurer's FAQ: "Yes, you need insurance."
    "nk-023": "compliance.claims-promise.reader",  # a public adjuster's contingency fee terms
    "xw-118": "compliance.securities.reader",  # why a unit-linked balance fell, explained
    "ye-004": "compliance.claims-promise.reader",  # a broker doing the claim paperwork
    "lj-024": "compliance.claims-promise.reader",  # a term plan's sum assured and terms listed
    "mg-020": "compliance.guarantee.reader",  # an income rider's fee stated
    "my-030": "compliance.coverage-advice.reader",  # "sudden damage, not worn-out roofs"
    "ya-040": "etiquette.offensive.reader",  # an agent in a childhood memory
    "yj-031": "compliance.coverage-advice.reader",  # an all-risk cover's 'nearly all risks'
    "jz-020": "compliance.privacy.reader",  # a customer's theft, unnamed, and a promised call
    "mw-028": "compliance.privacy.reader",  # an unnamed client's cancer payout
    "nu-027": "etiquette.hard-sell.reader",  # advice to check a roof after hail
    "ob-025": "compliance.free.coverage",  # a vet's free 4-week cover after a health check
    "og-016": "compliance.securities.review",  # a VUL's fund value, 'not guaranteed'
    "og-026": "compliance.coverage-advice.reader",  # an emergency fund for every family
    "on-006": "compliance.securities.reader",  # welcome bonuses criticised, unit-linked risk stated
    "oo-014": "compliance.coverage-advice.reader",  # an insurer's FAQ on a tree on a car
    "op-019": "compliance.exaggeration.reader",  # 'bumper-to-bumper' debunked
    # claims typically paid in 3-5 days, conditions stated
    "oq-030": "compliance.claims-promise.reader",
    "or-023": "compliance.coverage-advice.reader",  # a university's compulsory contents cover
    "ou-018": "compliance.claims-promise.certain",  # a bond likened to a credit card
    # Gathered or moved at the end of the session that gathered the three-hundred-and-seventy-
    # second to -ninety-seventh sets: clean posts of its rounds still loud after tuning, and
    # older ones the last retraining no longer doubts.
    "zv-004": "compliance.exaggeration.superlative",  # disability cover's 'most comprehensive'
    "mg-017": (  # annuities compared with CDs, to explain them
        "compliance.product-label.investment",
        "compliance.product-label.likened",
    ),
    "nh-021": "compliance.product-label.likened",  # a bank's investment account for children
    "nt-018": "compliance.claims-promise.outcome",  # a claims firm's promise to call back
    "gb-015": (  # "never INVEST in insurance plan": the label warned against
        "compliance.product-label.likened",
        "compliance.product-label.invested",
    ),
    "gk-022": "compliance.privacy.reader",  # an unnamed client's bar and a fatal crash
    "gn-019": "compliance.claims-promise.outcome",  # a dealer's exchange, 'no questions asked'
    "gr-013": "compliance.endorsement.reader",  # how to find the government's own site
    "gr-017": "compliance.coverage-advice.replacement",  # a glossary's 'new for old'
    "gw-022": "compliance.testimonial.reader",  # a CPA's own disability claim
    "gy-014": (  # an IUL explained with its limits
        "compliance.securities.reader",
        "compliance.product-label.investment",
        "compliance.product-label.likened",
    ),
    "gy-016": "compliance.competitor.reader",  # agents leaving a chamber that competes
    # Gathered or moved at the end of the session that gathered the three-hundred-and-ninety-
    # eighth to four-hundred-and-twenty-fifth sets: clean posts of its rounds still loud after
    # tuning, and older ones whose readings the last retraining moved out of its doubt.
    "xa-067": "compliance.exaggeration.benefit",  # whole life's level premium "will never go up"
    "lj-020": "compliance.guarantee.reader",  # an illustration at 8 % and 4 %, both shown
    "nf-020": "compliance.guarantee.rate",  # an education plan's contractual yearly payment
    "ga-024": "etiquette.hard-sell.pressure",  # flood cover's real 30-day waiting period
    "ss-023": "compliance.free.coverage-free",  # living-benefit riders often built in at no cost
    "ha-019": "compliance.exaggeration.absolute",  # a rental's "Full Protection Plan" by name
    "ha-021": "compliance.free.reader",  # "first month rent free" on a storage unit, not cover
    "hb-015": "compliance.privacy.client-circumstance",  # a hypothetical seller, two sentences on
    "hj-013": "compliance.product-label.reader",  # a deposit and an endowment told apart
    "hp-008": "compliance.guarantee.nonguaranteed",  # a contract's "Guaranteed Bonus" schedule
    "hp-014": "compliance.product-label.reader",  # a universal life fund's declared rate
    "hs-014": "compliance.securities.reader",  # euro fund and unit-linked risks explained
    "hz-010": "compliance.claims-promise.reader",  # paying what is owed or saying why not
    "hz-017": "compliance.competitor.reader",  # captive agents described fairly
    # Gathered or moved at the end of the session that gathered the four-hundred-and-twenty-
    # sixth to four-hundred-and-fifty-third sets: clean posts of its rounds still loud after
    # tuning, and older ones whose readings the last retraining moved out of its doubt.
    "yx-032": "compliance.claims-promise.reader",  # claims "often within days", once approved
    "zk-033": "compliance.free.coverage",  # children added "for an extra fee or free of charge"
    "gm-025": "compliance.claims-promise.reader",  # a malpractice form's defence terms listed
    "hu-017": "compliance.exaggeration.absolute",  # "full coverage" explained as misleading
    "ih-012": "compliance.guarantee.outcome",  # an income annuity's lifetime payments
    "ii-017": (  # a lifetime-income endorsement named and its ages given
        "compliance.guarantee.outcome",
        "compliance.guarantee.qualified",
    ),
    "iq-016": "compliance.guarantee.outcome",  # a retirement plan's capital guarantee by name
    "ir-004": "compliance.guarantee.rate",  # an education plan's contractual minimum rate
    "iu-014": (  # a fixed annuity likened to a CD to explain how its rate works
        "compliance.product-label.investment",
        "compliance.product-label.likened",
    ),
    "iv-018": "compliance.guarantee.outcome",  # a glossary's technical interest rate
    "iv-019": "etiquette.offensive.contempt",  # objections quoted to answer them
    "ix-016": "compliance.guarantee.outcome",  # an annuity's pension income described
    "fb-006": "compliance.product-label.reader",  # tax-free savings accounts told apart
    # This session's sets (evaluation-454 on), after their tuning: a defence fund saying why it
    # keeps out of the market reads as securities talk.
    "ff-014": "compliance.securities.review",  # a fund kept out of stocks and bonds, explained
    # Older posts the session's last retraining (33,362 texts) moved: the posts' reader now
    # reads the trade described in general ("most insurers", "most agencies") as a rival run
    # down, and guaranteed values explained as a promise.
    "za-014": "compliance.competitor.reader",  # agencies sharing the same markets, described
    "lf-027": "compliance.competitor.reader",  # why brokers charge fees and insurers do not
    "ng-029": "compliance.competitor.reader",  # when a public adjuster is not worth the fee
    "nk-028": "compliance.competitor.reader",  # a contractor's warning about storm chasers
    "oo-018": "compliance.competitor.reader",  # how a broker is paid, explained
    "ox-022": "compliance.competitor.reader",  # a membership required for a carrier's policies
    "gy-009": "compliance.competitor.reader",  # an agency's own commission disclosure
    "hg-021": "compliance.competitor.reader",  # the right to choose a repair shop
    "il-020": "compliance.competitor.reader",  # what an independent agency may and may not do
    "ff-018": "compliance.competitor.reader",  # the small aviation insurance market described
    "mg-027": "compliance.guarantee.reader",  # whole life's guaranteed cash value described
    "yx-027": "compliance.guarantee.return-figure",  # an IUL's 0 % floor explained
    "zo-031": "compliance.guarantee.qualified",  # an annuity's guaranteed income, with advice
    "ih-015": "compliance.guarantee.outcome",  # a calculator of guaranteed lifetime income
    "jh-017": "compliance.product-label.likened",  # "CD-type annuity" named to say it is not one
}
