"""The reply checks: the comment is read as context, only the reply is flagged.

Reply rules must stay silent on ordinary posts (no comment), a kind reply that takes the
conversation private must stay silent altogether, and the shipped reply templates must
pass. `tests/data/replies/replies.jsonl` holds labelled replies (tuning data, see its
README): every bad one must raise what it is labelled with, no good one may raise anything.
"""

from __future__ import annotations

import json

import pytest

from composer.domain.accounts import PLATFORMS
from composer.domain.conversations import Comment
from composer.domain.profile import Profile
from composer.guidelines.engine import Engine
from composer.guidelines.inputs import CheckInput
from composer.services.snippets import REPLY_TEMPLATES, expand
from tests.helpers.paths import DATA

ENGINE = Engine.load(style_checks=False)
REPLIES = [
    json.loads(line)
    for line in (DATA / "replies" / "replies.jsonl").read_text("utf-8").splitlines()
    if line.strip()
]
COMPLAINT = Comment(text="One star. Nobody at this agency ever calls me back about my claim!")
CONVERSATION = ("conversation.", "compliance.privacy", "compliance.claims-promise")


def _check(text: str, comment: Comment | None, profile: Profile | None = None):
    return ENGINE.check(
        CheckInput(text=text, platforms=("facebook",), comment=comment, profile=profile)
    )


def _comment(data: dict[str, str]) -> Comment:
    return Comment(text=data["text"], author=data.get("author", ""))


@pytest.mark.parametrize("row", [r for r in REPLIES if not r["clean"]], ids=lambda r: r["id"])
def test_a_bad_reply_raises_what_it_is_labelled_with(row) -> None:
    found = {f.category for f in _check(row["text"], _comment(row["in_reply_to"])).findings}
    assert set(row["expect"]) <= found


@pytest.mark.parametrize("row", [r for r in REPLIES if r["clean"]], ids=lambda r: r["id"])
def test_a_good_reply_raises_nothing_at_all(row) -> None:
    result = _check(row["text"], _comment(row["in_reply_to"]))
    # "Callbacks could be quicker." reads as a (mild) complaint to the comment reader, so a
    # reply that does not take it private gets that suggestion, and nothing else.
    # "Enjoy the new house" to a thank-you that never mentioned a move: the reply reader, retrained
    # with the twenty-sixth reply set, hints that it tells the commenter's own news.
    nudged = {
        "g-120": ["conversation.private.take-it-private"],
        "g-114": ["compliance.privacy.reader-hint"],
    }.get(row["id"], [])
    assert [f.rule for f in result.findings if not f.category.startswith("platform.")] == nudged


@pytest.mark.parametrize("row", REPLIES, ids=lambda r: r["id"])
def test_the_same_text_as_an_ordinary_post_gets_no_reply_rule(row) -> None:
    reply_rules = [
        f.rule
        for f in _check(row["text"], None).findings
        if f.category.startswith("conversation.") or ".reply-" in f.rule
    ]
    assert reply_rules == []


def test_only_the_reply_is_flagged_never_the_comment() -> None:
    reply = "That's not on us."
    result = _check(reply, Comment(text="Worst agency ever, that's not on us to fix, rude staff"))
    assert [(f.rule, f.text) for f in result.findings if f.start is not None] == [
        ("conversation.tone.blaming", "That's not on us")
    ]
    assert all(f.end is None or f.end <= len(reply) for f in result.findings)


def test_a_public_reply_to_a_complaint_is_nudged_private_with_the_profile_snippet() -> None:
    snippet = "Please call me at 555-0100 so I can look into this with you."
    result = _check("We're sorry to hear that.", COMPLAINT, Profile(reply_snippet=snippet))
    [nudge] = [f for f in result.findings if f.category == "conversation.private"]
    assert (nudge.severity, nudge.start, nudge.suggestions) == ("suggestion", None, (snippet,))
    bare = _check("We're sorry to hear that.", COMPLAINT)
    assert [f.suggestions for f in bare.findings if f.category == "conversation.private"] == [()]


def test_a_reply_to_a_friendly_comment_is_not_nudged() -> None:
    result = _check("Thank you, glad we could help!", Comment(text="Thanks for the storm tips!"))
    assert result.findings == ()


def test_a_reply_taking_it_private_needs_no_disclosure_even_when_it_says_call_me() -> None:
    profile = Profile(name="Pat", license_number="0K1", disclosure="Pat, Lic. 0K1")
    text = "I'm sorry, Dana. Please call me at 555-0100 so we can sort it out."
    assert _check(text, COMPLAINT, profile).findings == ()
    as_post = {f.category for f in _check(text, None, profile).findings}
    assert "compliance.disclosure" in as_post  # a post that says "call me" still needs it


PRAISE = Comment(text="Thanks so much, Sam was great with our renters policy!")
CLAIM_QUESTION = Comment(text="Why was my claim denied? Can someone explain?")
# The comment each shipped template is written to answer.
ANSWERS = {
    "Reply: thank you": (PRAISE,),
    "Reply: a complaint": (COMPLAINT, CLAIM_QUESTION, PRAISE),
    "Reply: a question about a claim": (CLAIM_QUESTION, COMPLAINT, PRAISE),
    "Reply: asking for a review": (PRAISE,),
}


def test_every_shipped_template_is_tried() -> None:
    assert sorted(ANSWERS) == sorted(t.name for t in REPLY_TEMPLATES)
    assert {t.kind for t in REPLY_TEMPLATES} == {"reply"}


@pytest.mark.parametrize("template", REPLY_TEMPLATES, ids=lambda t: t.name)
def test_the_shipped_reply_templates_pass_every_check(template) -> None:
    profile = Profile(name="Pat Example", agency="Example Agency", license_number="0000000")
    text = expand(template.text, profile).text
    for comment in (*ANSWERS[template.name], None):
        found = [f.rule for f in _check(text, comment, profile).findings]
        assert found == [], (template.name, comment, found)


@pytest.mark.parametrize(
    ("text", "complaint", "reason", "personal"),
    [
        ("One star. Nobody ever calls me back.", True, "unanswered", False),
        ("Worst agency in town!", True, "grievance", False),
        ("★☆☆☆☆", True, "low-rating", False),
        ("Service was 1/5, sadly.", True, "low-rating", False),
        ("My claim was denied, I'm furious.", True, "grievance", True),
        ("Quick question about my claim from the hail storm", False, "", True),
        ("Thanks for the tips, Sam!", False, "", False),
        ("Five stars, would recommend to anyone.", False, "", False),
        ("I've called four times and still no answer. Horrible.", True, "unanswered", False),
        ("Still no check from my claim after 2 months.", True, "unanswered", True),
        ("Customer service is a joke here.", True, "grievance", False),
        ("⭐ Slow and rude.", True, "grievance", False),
        ("⭐ Meh.", True, "low-rating", False),
        ("⭐⭐⭐⭐⭐ Pat always calls back within the hour!", False, "", False),
        ("Nobody explains insurance better than Pat!", False, "", False),
        ("Great tips to avoid water damage this winter.", False, "", False),
    ],
)
def test_reading_a_comment(text: str, complaint: bool, reason: str, personal: bool) -> None:
    reading = ENGINE.read_comment(text)
    assert (reading.complaint, reading.reason, reading.personal) == (complaint, reason, personal)
    if complaint:
        assert reading.evidence and reading.evidence in text


def test_an_example_may_quote_the_comment_it_answers() -> None:
    from composer.guidelines.examples import split_example

    assert split_example("> Worst agency.\nSorry, Tom.\nCall me.") == (
        "Worst agency.",
        "Sorry, Tom.\nCall me.",
    )
    assert split_example("No comment here.") == (None, "No comment here.")


def test_a_custom_pack_may_use_the_conversation_signals(tmp_path) -> None:
    (tmp_path / "house.toml").write_text(
        '[pack]\nid = "house"\ntitle = "House"\n\n[[rule]]\nid = "conversation.tone.house"\n'
        'category = "conversation.tone"\nseverity = "warning"\ncheck = "phrases"\n'
        'when = ["reply", "complaint"]\nphrases = ["per my last email"]\nmessage = "m"\n'
        'explanation = "e"\nreference = "r"\n[rule.examples]\n'
        'trigger = ["> Worst agency.\\nPer my last email, no."]\npass = ["Thanks!"]\n'
        '\n[[rule]]\nid = "conversation.tone.typo"\ncategory = "conversation.tone"\n'
        'severity = "warning"\ncheck = "phrases"\nwhen = ["replly"]\nphrases = ["x"]\n'
        'message = "m"\nexplanation = "e"\nreference = "r"\n[rule.examples]\n'
        'trigger = ["x"]\npass = ["y"]\n',
        encoding="utf-8",
    )
    engine = Engine.load([tmp_path], style_checks=False)
    assert [(e.rule, "unknown signal 'replly'" in e.reason) for e in engine.load_errors] == [
        ("conversation.tone.typo", True)
    ]
    text = "Per my last email, no."
    rule = "conversation.tone.house"
    assert rule in {f.rule for f in engine.check(CheckInput(text, comment=COMPLAINT)).findings}
    assert rule not in {f.rule for f in engine.check(CheckInput(text)).findings}
    praise = Comment(text="Lovely people!")
    assert rule not in {f.rule for f in engine.check(CheckInput(text, comment=praise)).findings}


# The sourced replies (tests/data/replies/evaluation.jsonl and sourced-tuning.jsonl): measured
# once, then tuned on; they must not slip back.
def _rows(*names: str) -> list[dict]:
    return [
        json.loads(line)
        for name in names
        for line in (DATA / "replies" / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


SOURCED = _rows("evaluation.jsonl", "sourced-tuning.jsonl")
# The second blind set, measured once (tests/data/replies/README.md), not tuned on yet.
SECOND = _rows("evaluation-2.jsonl")
# The third, measured once (5 of 102 good replies flagged), then tuned on; what is left
# loud, with the reason it stays for now.
THIRD = _rows("evaluation-3.jsonl")
FOURTH = _rows("evaluation-4.jsonl")  # measured once, then tuned on (tests/data/replies)
FIFTH = _rows("evaluation-5.jsonl")  # measured once, then the readers learned from it
# The sixth set on: each measured once (its untouched figure is in tests/data/replies/README.md),
# then the readers learned from it.
NUMBERED = {n: _rows(f"evaluation-{n}.jsonl") for n in range(6, 65)}
THIRD_KNOWN: dict[str, str | tuple[str, ...]] = {
    # the forty-ninth set's (measured once before these were listed)
    "raz-017": "compliance.privacy",  # "how annoying that your claim was rejected", echoed
    "raz-047": "conversation.liability",  # "I take full responsibility" for a rude earlier reply
    "raz-082": "conversation.tone",  # "You can read our Google reviews for yourself." (reader)
    # the forty-fourth and forty-sixth sets' (measured once before these were listed)
    "rat-128": "compliance.privacy",  # "as our records show", in a counter-statement
    "rav-054": "conversation.tone",  # a wave of reviews from people never clients (reply reader)
    # the thirty-first set's formal replies, read by the reply reader even after retraining
    "raf-024": ("compliance.privacy", "conversation.tone"),  # "for the record, I do not believe"
    "raf-031": "conversation.tone",  # "we do not feel at liberty to respond point by point"
    "raf-041": "conversation.liability",  # "That was our mistake" about posted office hours
    "raf-043": "compliance.coverage-advice",  # "policies generally exclude flood" with a source
    "raf-107": "conversation.tone",  # "We only report content that breaks the platform's rules"
    "ra-161": "conversation.tone",  # "Not at all, Lana." (reply reader, retrained)
    "ri-050": "conversation.tone",  # "we'd rather not have posted it that way" (reply reader)
    "rt-108": "compliance.competitor",  # "we never pay for reviews" (posts' reader, retrained)
    "rv-243": "conversation.tone",  # "We've never paid for reviews" (reply reader, retrained)
    "rc-113": "compliance.privacy",  # "on your account" to a client who said so herself
    "rf-216": "etiquette.hard-sell",  # "call 555-0151 right now" offered to a client in need
    "rh-200": "conversation.liability",  # "That's on us" for a two-week wait on a claim
    "rc-059": "conversation.tone",  # "we don't comment on anyone's insurance" (reply reader)
    # "Not today 😄" to a spam bot
    "rh-174": ("etiquette.hard-sell", "conversation.tone", "etiquette.spam"),
    # (reply reader)
    "ri-104": "conversation.tone",  # a bare "Sorry you feel that way.", labelled kind
    "rj-052": "conversation.tone",  # "confusing... we didn't explain it" (reply reader)
    "rk-022": "conversation.liability",  # "that's on us to fix"
    "rk-117": "compliance.privacy",  # the commenter's own cancellation notice repeated
    "rl-085": "compliance.exaggeration",  # "we always strive to do best by our clients"
    "rl-133": "compliance.privacy",  # "we've hidden your comment: it had your policy number"
    "rl-141": "compliance.claims-promise",  # "whether you're covered" (posts' reader)
    "rl-199": "etiquette.spam",  # a form thank-you with !!! and emoji, labelled fine
    "rc-077": "conversation.tone",  # "We've never paid for a review." (reply reader)
    "ri-197": "conversation.tone",  # "We don't discuss anyone's account in public." (reply
    # reader, retrained with the eighteenth set)
    "rs-066": "compliance.privacy",  # "as your agent" while declining to discuss the claim
    "rt-114": "conversation.liability",  # "that's on us to fix" for an unanswered call
    # Readings the reply reader moved when it was retrained with the twenty-second set:
    "re-097": "conversation.tone",  # "we don't remove reviews because they're negative"
    "ri-085": ("conversation.tone", "etiquette.offensive"),  # "Ha, maybe! We just tell people
    # to be kind" to a joke
    "rh-114": "conversation.tone",  # "We didn't read what the hashtag was about before
    # posting. It was wrong" (an apology; retrained with the twenty-third set)
    "rc-033": "conversation.tone",  # "some of us are just here to help people read the fine
    # print", with the DMs offered
    "rh-165": "conversation.tone",  # "nobody loves paying for insurance 😅"
    "rh-214": "conversation.tone",  # "So proud of you, Jamal! Well earned."
    # Read anew by the readers retrained with the thirty-fifth to thirty-ninth sets:
    "rd2-122": "compliance.privacy",  # "Glad we could get you on the road fast" (reply reader)
    "ri-047": "conversation.tone",  # a food-bank pledge read as arguing (reply reader, retrained)
    "raj-053": "etiquette.hard-sell",  # "call us for a free quote" under a spam comment
    "raj-081": "compliance.testimonial",  # asking a client before sharing their photo
    # The twenty-fourth to twenty-seventh sets', after their tuning and the readers' retraining:
    "rd2-128": "compliance.review-incentive",  # "We'll take the 4 stars" (reply reader)
    "rx-090": "conversation.tone",  # "you should never leave our office without understanding
    # what you signed" (reply reader)
    "rx-155": "compliance.privacy",  # "afraid to use their policy", about people in general
    "rz-054": "compliance.claims-promise",  # "I don't want to discuss anyone's claim here, but
    # ... we'll get you a clear status"
    "rz-112": "compliance.privacy",  # "trusting us with your family's coverage", after the
    # commenter said so
    # the fifty-fourth set's (measured once before this was listed)
    "rbe-003": "conversation.tone",  # "As we discussed, the problem has been resolved."
    # the fifty-seventh set's (measured once before this was listed)
    "rbh-041": "compliance.privacy",  # "does not match what our records show", then private
    # Read anew by the posts' reader retrained with the hundred-and-eighty-first to
    # hundred-and-ninety-fifth post sets:
    "rl-187": "compliance.endorsement",  # "follow up through our approved channels"
}


def _known(row: dict) -> set[str]:
    """The alarms a good reply is known to get (it may lose them, never gain one)."""
    known = THIRD_KNOWN.get(row["id"], ())
    return {known} if isinstance(known, str) else set(known)


def _stars(row: dict) -> int | None:
    """The review's star rating, as the agent enters it beside the comment."""
    stars = row["comment"].get("stars")
    return stars if isinstance(stars, int) else None


def _sourced_check(row: dict) -> set[tuple[str, str]]:
    raw = row["comment"]
    comment = Comment(
        text=raw["text"],
        author=raw.get("author", ""),
        platform=raw.get("platform", ""),
        rating=_stars(row),
    )
    platforms = tuple(p for p in row["platforms"] if p in PLATFORMS) or ("facebook",)
    result = SOURCED_ENGINE.check(
        CheckInput(text=row["text"], platforms=platforms, comment=comment)
    )
    return {(f.category, f.severity) for f in result.findings}


SOURCED_ENGINE = ENGINE


GOOD = [r for r in SOURCED + SECOND + FOURTH + FIFTH if r["clean"]]


@pytest.mark.parametrize("row", GOOD, ids=lambda r: r["id"])
def test_a_good_sourced_reply_stays_quiet(row: dict) -> None:
    loud = [
        category
        for category, severity in _sourced_check(row)
        if severity != "suggestion" and not category.startswith(("style.", "platform."))
    ]
    assert set(loud) <= _known(row), f"{row['id']} ({row['source']['url']}): {loud}"


def test_sourced_replies_recall_and_complaints_hold() -> None:
    expected = found = 0
    for row in SOURCED:
        categories = {category for category, _ in _sourced_check(row)}
        expected += len(row["expect"])
        found += sum(c in categories for c in row["expect"])
    assert expected >= 150 and found / expected >= 0.55, f"{found}/{expected}"
    right = sum(
        SOURCED_ENGINE.read_comment(r["comment"]["text"], _stars(r)).complaint == r["complaint"]
        for r in SOURCED
    )
    assert right / len(SOURCED) >= 0.95, f"{right}/{len(SOURCED)}"


LATER = [*THIRD, *(row for n in sorted(NUMBERED) for row in NUMBERED[n])]
LATER_GOOD = [r for r in LATER if r["clean"]]


@pytest.mark.parametrize("row", LATER_GOOD, ids=lambda r: r["id"])
def test_a_later_good_reply_stays_quiet_or_is_known(row: dict) -> None:
    loud = {
        category
        for category, severity in _sourced_check(row)
        if severity != "suggestion" and not category.startswith(("style.", "platform."))
    }
    # A known alarm may go quiet (a later fix, a retrained reader); none may be added.
    assert loud <= _known(row), loud


# Each later blind set holds what the shipped engine finds on it now that the readers have
# learned from it (their first, untouched figures are in the README): (rows, fewest expected
# categories, minimum share of them found, minimum share of comments read right as a
# complaint or not).
LATER_SETS: dict[str, tuple[list[dict], int, float, float]] = {
    "second": (SECOND, 150, 0.9, 0.9),
    "third": (THIRD, 200, 0.9, 0.88),
    "fourth": (FOURTH, 150, 0.9, 0.78),
    "fifth": (FIFTH, 250, 0.9, 0.92),
    "sixth": (NUMBERED[6], 300, 0.9, 0.82),
    "seventh": (NUMBERED[7], 290, 0.9, 0.85),
    "eighth": (NUMBERED[8], 270, 0.9, 0.88),  # the comment reader, retrained, moved two
    "ninth": (NUMBERED[9], 270, 0.9, 0.85),
    "tenth": (NUMBERED[10], 280, 0.9, 0.85),
    "eleventh": (NUMBERED[11], 330, 0.9, 0.85),
    "twelfth": (NUMBERED[12], 290, 0.9, 0.85),
    "thirteenth": (NUMBERED[13], 240, 0.9, 0.8),
    "fourteenth": (NUMBERED[14], 220, 0.9, 0.78),
    "fifteenth": (NUMBERED[15], 210, 0.9, 0.85),
    "sixteenth": (NUMBERED[16], 200, 0.9, 0.85),
    "seventeenth": (NUMBERED[17], 220, 0.9, 0.85),
    "eighteenth": (NUMBERED[18], 290, 0.9, 0.85),
    "nineteenth": (NUMBERED[19], 210, 0.9, 0.85),
    "twentieth": (NUMBERED[20], 170, 0.9, 0.85),
    "twenty-first": (NUMBERED[21], 145, 0.9, 0.95),
    "twenty-second": (NUMBERED[22], 440, 0.9, 0.87),  # the comment reader, retrained, moved some
    "twenty-third": (NUMBERED[23], 225, 0.9, 0.95),
    "twenty-fourth": (NUMBERED[24], 215, 0.9, 0.9),
    "twenty-fifth": (NUMBERED[25], 135, 0.9, 0.9),
    "twenty-sixth and seventh": ([*NUMBERED[26], *NUMBERED[27]], 170, 0.9, 0.9),
    "twenty-eighth": (NUMBERED[28], 170, 0.9, 0.9),
    "twenty-ninth": (NUMBERED[29], 190, 0.9, 0.9),
    "thirtieth": (NUMBERED[30], 150, 0.9, 0.9),
    "thirty-first": (NUMBERED[31], 170, 0.9, 0.9),
    "thirty-second": (NUMBERED[32], 160, 0.9, 0.9),
    "thirty-third": (NUMBERED[33], 50, 0.9, 0.9),
    "thirty-fourth": (NUMBERED[34], 50, 0.9, 0.9),
    "thirty-fifth": (NUMBERED[35], 160, 0.9, 0.9),
    "thirty-sixth": (NUMBERED[36], 80, 0.9, 0.9),
    "thirty-seventh": (NUMBERED[37], 110, 0.9, 0.85),
    "thirty-eighth": (NUMBERED[38], 60, 0.75, 0.9),  # canned replies: the rules find little
    "thirty-ninth and fortieth": ([*NUMBERED[39], *NUMBERED[40]], 30, 0.75, 0.9),
    "forty-first": (NUMBERED[41], 40, 0.8, 0.75),  # mostly adapted; complaints read less well
    "forty-second and third": ([*NUMBERED[42], *NUMBERED[43]], 100, 0.9, 0.9),
    "forty-fourth": (NUMBERED[44], 165, 0.9, 0.82),  # translated replies; comments read less well
    "forty-fifth": (NUMBERED[45], 180, 0.9, 0.88),
    "forty-sixth": (NUMBERED[46], 165, 0.9, 0.9),
    "forty-seventh": (NUMBERED[47], 80, 0.9, 0.9),
    "forty-eighth": (NUMBERED[48], 80, 0.9, 0.82),  # bank-app reviews; comments read less well
    "forty-ninth": (NUMBERED[49], 150, 0.9, 0.9),  # translated by a second helper
    "fiftieth": (NUMBERED[50], 110, 0.9, 0.9),
    "fifty-first": (NUMBERED[51], 90, 0.9, 0.85),
    "fifty-second": (NUMBERED[52], 40, 0.9, 0.9),  # most replies the gatherer's own
    # The fifty-third (2 expected problems in 15 situations) is held only by its good replies.
    "fifty-fourth": (NUMBERED[54], 160, 0.9, 0.9),
    "fifty-fifth": (NUMBERED[55], 100, 0.9, 0.9),
    "fifty-sixth": (NUMBERED[56], 45, 0.6, 0.9),  # a shop's refund templates, read as claims
    "fifty-seventh": (NUMBERED[57], 60, 0.9, 0.9),
    "fifty-eighth": (NUMBERED[58], 60, 0.85, 0.9),  # half its replies written for the set
    "fifty-ninth": (NUMBERED[59], 150, 0.9, 0.93),
    "sixtieth": (NUMBERED[60], 70, 0.9, 0.93),
    "sixty-first": (NUMBERED[61], 60, 0.9, 0.88),  # restaurants' and shops' replies
    "sixty-second": (NUMBERED[62], 10, 0.7, 0.95),  # shops' replies; ten expected problems
    # Insurers' replies to critics in letters pages; half its complaints are trade-press criticism
    # the comment reader does not take for one.
    "sixty-third": (NUMBERED[63], 14, 0.65, 0.4),
    # Two insurers' and a warranty seller's responses on complaint pages, and a public
    # insurer's reply on X: four situations, too few to hold more than what is found now.
    "sixty-fourth": (NUMBERED[64], 4, 0.75, 0.75),
}


@pytest.mark.parametrize("name", LATER_SETS)
def test_a_later_blind_set_holds_what_it_measured(name: str) -> None:
    rows, least, floor, reading = LATER_SETS[name]
    expected = found = 0
    for row in rows:
        categories = {category for category, _ in _sourced_check(row)}
        expected += len(row["expect"])
        found += sum(c in categories for c in row["expect"])
    assert expected >= least and found / expected >= floor, f"{found}/{expected}"
    right = sum(
        SOURCED_ENGINE.read_comment(r["comment"]["text"], _stars(r)).complaint == r["complaint"]
        for r in rows
    )
    assert right / len(rows) >= reading, f"{right}/{len(rows)}"
