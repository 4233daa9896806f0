"""The labelled real-world posts, and the groups whose recall the rules alone must keep.

Each group is one session's blind sets (tests/data/real/README.md), with the floor the rules
alone reached on it after tuning: `test_corpus.py` checks every floor. New sets join `RECENT`
(so the older posts' own floor is not diluted) and get a group of their own here.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers.paths import DATA

REAL = DATA / "real"


def load_posts(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


# The real-world posts (tests/data/real/README.md). Every part, once measured, is kept here
# so that the engine never slips back below what it reached on it.
TUNED = [p for name in ("tuning.jsonl", "evaluation.jsonl") for p in load_posts(REAL / name)]
REAL_POSTS = [p for path in sorted(REAL.glob("*.jsonl")) for p in load_posts(path)]


def _ids(*prefixes: str) -> list[dict]:
    """The labelled real posts whose ids begin with one of `prefixes` (one session's sets)."""
    return [p for p in REAL_POSTS if p["id"].startswith(prefixes)]


# The eighth set on (tests/data/real/README.md) is recent: the rules alone find
# less of them (the readers find more; their floors are the rules' own).
EIGHTH = _ids("pl-")
NINTH = _ids("pm-", "pn-")
TENTH = _ids("po-")
ELEVENTH = _ids("pq-", "pr-")
TWELFTH = _ids("ps-", "pt-")
THIRTEENTH = _ids("pu-", "pv-")
FOURTEENTH = _ids("pw-", "px-")
FIFTEENTH = _ids("py-", "pz-")
SIXTEENTH = _ids("qa-", "qb-")
SEVENTEENTH = _ids("qc-", "qd-")
EIGHTEENTH = _ids("qe-", "qf-")
NINETEENTH = _ids("qg-", "qh-")
TWENTIETH = _ids("qi-", "qj-")
TWENTYFIRST = _ids("qk-", "ql-")
TWENTYSECOND = _ids("qm-", "qn-")
TWENTYTHIRD = _ids("qo-", "qp-")
TWENTYFOURTH = _ids("qq-", "qr-")
TWENTYFIFTH = _ids("qs-", "qt-")
TWENTYSIXTH = _ids("qu-", "qv-")
TWENTYSEVENTH = _ids("qw-", "qx-")
TWENTYEIGHTH = _ids("qy-", "qz-")
TWENTYNINTH = _ids("sa-", "sb-")
# The thirtieth to thirty-third, smaller as the searches ran out, are weighed together.
THIRTIETH_ON = _ids("sc-", "sd-", "sf-", "sh-")
# The thirty-fourth to thirty-eighth, gathered blind in one session, a few at a time.
THIRTY_FOURTH_ON = _ids("si-", "sj-", "sk-", "sl-", "sm-")
# The thirty-ninth to forty-fourth, gathered blind in one session, two or three at a time.
THIRTY_NINTH_ON = _ids("so-", "sp-", "sq-", "sr-", "ss-", "st-", "su-", "sv-", "sw-")
# The forty-fifth to forty-eighth, gathered blind at once in one session.
FORTY_FIFTH_ON = _ids("sx-", "sy-", "sz-", "ta-")
# The forty-ninth and fiftieth, gathered while those were tuned on.
FORTY_NINTH_ON = _ids("tb-", "tc-")
# The fifty-first to fifty-fourth, gathered while those were tuned on.
FIFTY_FIRST_ON = _ids("td-", "te-", "tf-", "tg-", "th-")
# The fifty-fifth to fifty-eighth, gathered blind at once at the start of a session.
FIFTY_FIFTH_ON = _ids("ti-", "tj-", "tk-", "tl-")
# The fifty-ninth to sixty-first, gathered blind while the fifty-fifth on were tuned on.
FIFTY_NINTH_ON = _ids("tm-", "tn-", "to-")
# The sixty-second and sixty-third, gathered blind while the fifty-ninth on were tuned on.
SIXTY_SECOND_ON = _ids("tp-", "tq-")
# The sixty-fourth to sixty-sixth, gathered blind at once at the start of the next session.
SIXTY_FOURTH_ON = _ids("tr-", "ts-", "tt-", "tu-")
# The sixty-seventh to sixty-ninth, gathered blind while those were tuned on.
SIXTY_SEVENTH_ON = _ids("tv-", "tw-", "tx-", "ty-")
# The seventieth and seventy-first, gathered blind while the sixty-seventh on were tuned on.
SEVENTIETH_ON = _ids("tz-", "ua-", "ub-")
# The seventy-second to seventy-fifth, the last before that session's search budget ran out.
SEVENTY_SECOND_ON = _ids("uc-", "ud-", "ue-", "uf-", "ug-", "uh-")
# The seventy-sixth to seventy-ninth, gathered blind at once at the start of the next session.
SEVENTY_SIXTH_ON = _ids("ui-", "uj-", "uk-", "ul-", "um-")
# The eightieth to eighty-second, gathered blind while those were tuned on (all translated).
EIGHTIETH_ON = _ids("un-", "uo-", "up-")
# The eighty-third to eighty-eighth, gathered blind in two rounds at the start of a session.
EIGHTY_THIRD_ON = _ids("uq-", "ur-", "us-", "ut-", "uu-", "uv-")
# The eighty-ninth to ninety-sixth, gathered blind in two rounds at the start of a session.
EIGHTY_NINTH_ON = _ids("uw-", "ux-", "uy-", "uz-", "va-", "vb-", "vc-", "vd-")
# The ninety-seventh to hundred-and-twelfth, gathered blind in three rounds in one session.
NINETY_SEVENTH_ON = _ids(*(f"v{c}-" for c in "efghijklmnopqrstuv"))
# The hundred-and-thirteenth to hundred-and-thirtieth, gathered blind in four rounds in one
# session.
HUNDRED_THIRTEENTH_ON = _ids("vw-", "vx-", "vy-", "vz-", *(f"w{c}-" for c in "abcdefghijklmn"))
# The hundred-and-thirty-first to hundred-and-forty-third, gathered blind in two rounds in one
# session.
HUNDRED_THIRTY_FIRST_ON = _ids(*(f"w{c}-" for c in "opqrstuvwxyz"), "xa-")
# The hundred-and-forty-fourth to hundred-and-fifty-eighth, gathered blind in four rounds in one
# session.
HUNDRED_FORTY_FOURTH_ON = _ids(*(f"x{c}-" for c in "bcdefghijklmnop"))
# The hundred-and-fifty-ninth to hundred-and-seventy-first, gathered blind in three rounds in
# one session.
HUNDRED_FIFTY_NINTH_ON = _ids(*(f"x{c}-" for c in "qrstuvwxyz"), "ya-", "yb-", "yc-")
# The hundred-and-seventy-second to hundred-and-eightieth, gathered blind in three rounds in
# one session.
HUNDRED_SEVENTY_SECOND_ON = _ids(*(f"y{c}-" for c in "defghijkl"))
# The hundred-and-eighty-first to hundred-and-ninety-fifth, gathered blind in four rounds in
# one session.
HUNDRED_EIGHTY_FIRST_ON = _ids(*(f"y{c}-" for c in "mnopqrstuvwxyz"), "za-")
# The hundred-and-ninety-sixth to two-hundred-and-thirteenth, gathered blind in four rounds in
# one session.
HUNDRED_NINETY_SIXTH_ON = _ids(*(f"z{c}-" for c in "bcdefghijklmnopqrs"))
# The two-hundred-and-fourteenth to two-hundred-and-thirty-second, gathered blind in four
# rounds in one session (ids "zu-" to "zz-", then "ja-" to "jn-").
TWO_HUNDRED_FOURTEENTH_ON = _ids(
    *(f"z{c}-" for c in "uvwxyz"), *(f"j{c}-" for c in "abcdefghijklmn")
)
# The two-hundred-and-thirty-third to two-hundred-and-fifty-second, gathered blind in five
# rounds in one session (ids "jo-" to "jz-", then "ka-" to "ki-").
TWO_HUNDRED_THIRTY_THIRD_ON = _ids(
    *(f"j{c}-" for c in "opqrstuvwxyz"), *(f"k{c}-" for c in "abcdefghi")
)
# The two-hundred-and-fifty-third to two-hundred-and-seventy-fifth, gathered blind in five
# rounds in one session (ids "kj-" to "kz-", then "la-" to "lf-"), nearly half translated.
TWO_HUNDRED_FIFTY_THIRD_ON = _ids(
    *(f"k{c}-" for c in "jklmnopqrstuvwxyz"), *(f"l{c}-" for c in "abcdef")
)
# The two-hundred-and-seventy-sixth to two-hundred-and-ninety-seventh, gathered blind in six
# rounds in one session (ids "lg-" to "lz-", then "ma-" and "mb-"), about two in five translated.
TWO_HUNDRED_SEVENTY_SIXTH_ON = _ids(*(f"l{c}-" for c in "ghijklmnopqrstuvwxyz"), "ma-", "mb-")
# The two-hundred-and-ninety-eighth to three-hundred-and-twentieth, gathered blind in five
# rounds in one session (ids "mc-" to "my-"), about one in five translated.
TWO_HUNDRED_NINETY_EIGHTH_ON = _ids(*(f"m{c}-" for c in "cdefghijklmnopqrstuvwxy"))
# The three-hundred-and-twenty-first to three-hundred-and-forty-seventh, gathered blind in
# seven rounds in one session (ids "na-" to "nz-", then "oa-"), about three in ten translated.
THREE_HUNDRED_TWENTY_FIRST_ON = _ids(*(f"n{c}-" for c in "abcdefghijklmnopqrstuvwxyz"), "oa-")
# The three-hundred-and-forty-eighth to three-hundred-and-seventy-first, gathered blind in
# five rounds in one session (ids "ob-" to "oy-"), about a third translated.
THREE_HUNDRED_FORTY_EIGHTH_ON = _ids(*(f"o{c}-" for c in "bcdefghijklmnopqrstuvwxy"))
# The three-hundred-and-seventy-second on, gathered blind in five rounds in one session (ids
# "ga-" to "gz-"), about one in ten translated.
THREE_HUNDRED_SEVENTY_SECOND_ON = _ids(*(f"g{c}-" for c in "abcdefghijklmnopqrstuvwxyz"))
# The three-hundred-and-ninety-eighth on, gathered blind in five rounds in one session (ids
# "ha-" to "hz-", then "ia-" and "ib-"), about one in five translated.
THREE_HUNDRED_NINETY_EIGHTH_ON = _ids(
    *(f"h{c}-" for c in "abcdefghijklmnopqrstuvwxyz"), "ia-", "ib-"
)
# The four-hundred-and-twenty-sixth on, gathered blind in four rounds in one session (ids
# "ic-" to "iz-", then "fa-" to "fd-"), about a third translated.
FOUR_HUNDRED_TWENTY_SIXTH_ON = _ids(
    *(f"i{c}-" for c in "cdefghijklmnopqrstuvwxyz"), "fa-", "fb-", "fc-", "fd-"
)
# The four-hundred-and-fifty-fourth on, gathered blind in four rounds in one session (ids
# "fe-" to "fy-", then "pa-" to "pd-", "pi-", "pk-" and "pp-"), about a fifth translated.
FIFTY_FOURTH_IDS = (*(f"f{c}-" for c in "efghijklmnopqrstuvwxy"), *(f"p{c}-" for c in "abcdikp"))
FOUR_HUNDRED_FIFTY_FOURTH_ON = _ids(*FIFTY_FOURTH_IDS)
RECENT = (
    *(f"i{letter}-" for letter in "cdefghijklmnopqrstuvwxyz"),
    *(f"f{letter}-" for letter in "abcd"),
    *FIFTY_FOURTH_IDS,
    *(f"h{letter}-" for letter in "abcdefghijklmnopqrstuvwxyz"),
    "ia-",
    "ib-",
    *(f"g{letter}-" for letter in "abcdefghijklmnopqrstuvwxyz"),
    *(f"o{letter}-" for letter in "abcdefghijklmnopqrstuvwxy"),
    *(f"n{letter}-" for letter in "abcdefghijklmnopqrstuvwxyz"),
    *(f"m{letter}-" for letter in "abcdefghijklmnopqrstuvwxy"),
    *(f"l{letter}-" for letter in "abcdefghijklmnopqrstuvwxyz"),
    *(f"k{letter}-" for letter in "abcdefghijklmnopqrstuvwxyz"),
    *(f"j{letter}-" for letter in "abcdefghijklmnopqrstuvwxyz"),
    *(f"p{letter}-" for letter in "lmnoqrstuvwxyz"),
    *(f"q{letter}-" for letter in "abcdefghijklmnopqrstuvwxyz"),
    *(f"s{letter}-" for letter in "abcdefghijklmnopqrstuvwxyz"),
    *(f"t{letter}-" for letter in "abcdefghijklmnopqrstuvwxyz"),
    *(f"u{letter}-" for letter in "abcdefghijklmnopqrstuvwxyz"),
    *(f"v{letter}-" for letter in "abcdefghijklmnopqrstuvwxyz"),
    *(f"w{letter}-" for letter in "abcdefghijklmnopqrstuvwxyz"),
    *(f"x{letter}-" for letter in "abcdefghijklmnopqrstuvwxyz"),
    *(f"y{letter}-" for letter in "abcdefghijklmnopqrstuvwxyz"),
    *(f"z{letter}-" for letter in "abcdefghijklmnopqrstuvwxyz"),
)
EARLIER = [p for p in REAL_POSTS if not p["id"].startswith(RECENT)]

# Each group with its floor (the share of its expected categories the rules alone find).
RECALL_FLOORS = [
    (TUNED, 0.89),
    (EARLIER, 0.78),
    (EIGHTH, 0.35),
    (NINTH, 0.41),
    (TENTH, 0.28),
    (ELEVENTH, 0.42),
    (TWELFTH, 0.44),
    (THIRTEENTH, 0.46),
    (FOURTEENTH, 0.41),
    (FIFTEENTH, 0.3),
    (SIXTEENTH, 0.44),
    (SEVENTEENTH, 0.4),
    (EIGHTEENTH, 0.45),
    (NINETEENTH, 0.37),
    (TWENTIETH, 0.24),
    (TWENTYFIRST, 0.42),
    (TWENTYSECOND, 0.46),
    (TWENTYTHIRD, 0.46),
    (TWENTYFOURTH, 0.41),
    (TWENTYFIFTH, 0.41),
    (TWENTYSIXTH, 0.48),
    (TWENTYSEVENTH, 0.35),
    (TWENTYEIGHTH, 0.35),
    (TWENTYNINTH, 0.42),
    (THIRTIETH_ON, 0.4),
    (THIRTY_FOURTH_ON, 0.43),
    (THIRTY_NINTH_ON, 0.55),
    (FORTY_FIFTH_ON, 0.47),
    (FORTY_NINTH_ON, 0.4),
    (FIFTY_FIRST_ON, 0.4),
    (FIFTY_FIFTH_ON, 0.45),
    (FIFTY_NINTH_ON, 0.44),
    (SIXTY_SECOND_ON, 0.4),
    (SIXTY_FOURTH_ON, 0.5),
    (SIXTY_SEVENTH_ON, 0.38),
    (SEVENTIETH_ON, 0.42),
    (SEVENTY_SECOND_ON, 0.35),
    (SEVENTY_SIXTH_ON, 0.4),
    (EIGHTIETH_ON, 0.27),
    (EIGHTY_THIRD_ON, 0.43),
    (EIGHTY_NINTH_ON, 0.43),
    (NINETY_SEVENTH_ON, 0.42),
    (HUNDRED_THIRTEENTH_ON, 0.36),
    (HUNDRED_THIRTY_FIRST_ON, 0.3),
    (HUNDRED_FORTY_FOURTH_ON, 0.38),
    (HUNDRED_FIFTY_NINTH_ON, 0.33),
    (HUNDRED_SEVENTY_SECOND_ON, 0.37),
    (HUNDRED_EIGHTY_FIRST_ON, 0.41),
    (HUNDRED_NINETY_SIXTH_ON, 0.45),
    (TWO_HUNDRED_FOURTEENTH_ON, 0.5),
    (TWO_HUNDRED_THIRTY_THIRD_ON, 0.42),
    (TWO_HUNDRED_FIFTY_THIRD_ON, 0.28),
    (TWO_HUNDRED_SEVENTY_SIXTH_ON, 0.35),
    (TWO_HUNDRED_NINETY_EIGHTH_ON, 0.27),
    (THREE_HUNDRED_TWENTY_FIRST_ON, 0.38),
    (THREE_HUNDRED_FORTY_EIGHTH_ON, 0.37),
    (THREE_HUNDRED_SEVENTY_SECOND_ON, 0.39),
    (THREE_HUNDRED_NINETY_EIGHTH_ON, 0.48),
    (FOUR_HUNDRED_TWENTY_SIXTH_ON, 0.38),
    (FOUR_HUNDRED_FIFTY_FOURTH_ON, 0.35),
]
RECALL_GROUP_NAMES = [
    "tuned",
    "earlier",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "twenty-first",
    "twenty-second",
    "twenty-third",
    "twenty-fourth",
    "twenty-fifth",
    "twenty-sixth",
    "twenty-seventh",
    "twenty-eighth",
    "twenty-ninth",
    "thirtieth to thirty-third",
    "thirty-fourth to thirty-eighth",
    "thirty-ninth to forty-fourth",
    "forty-fifth to forty-eighth",
    "forty-ninth and fiftieth",
    "fifty-first to fifty-fourth",
    "fifty-fifth to fifty-eighth",
    "fifty-ninth to sixty-first",
    "sixty-second and sixty-third",
    "sixty-fourth to sixty-sixth",
    "sixty-seventh to sixty-ninth",
    "seventieth and seventy-first",
    "seventy-second to seventy-fifth",
    "seventy-sixth on",
    "eightieth on",
    "eighty-third on",
    "eighty-ninth on",
    "ninety-seventh on",
    "hundred-and-thirteenth on",
    "hundred-and-thirty-first on",
    "hundred-and-forty-fourth on",
    "hundred-and-fifty-ninth on",
    "hundred-and-seventy-second on",
    "hundred-and-eighty-first on",
    "hundred-and-ninety-sixth to two-hundred-and-thirteenth",
    "two-hundred-and-fourteenth on",
    "two-hundred-and-thirty-third on",
    "two-hundred-and-fifty-third on",
    "two-hundred-and-seventy-sixth on",
    "two-hundred-and-ninety-eighth on",
    "three-hundred-and-twenty-first on",
    "three-hundred-and-forty-eighth on",
    "three-hundred-and-seventy-second on",
    "three-hundred-and-ninety-eighth on",
    "four-hundred-and-twenty-sixth on",
    "four-hundred-and-fifty-fourth on",
]
