"""How long a post is to each platform: X's weighted count, plain characters elsewhere.

X counts by twitter-text config v3 (the reference X publishes): the text is NFC-normalised,
every URL counts 23, every emoji sequence 2, code points in the light ranges (Latin, Greek,
Cyrillic, Hebrew, Arabic, ..., general punctuation) 1 and everything else 2. Offsets handed back
are code points into the text exactly as given, not into its NFC form, so a "too long" span
underlines the right characters even in text pasted with decomposed accents.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, Any

from composer.guidelines.entities import find_emoji, find_urls
from composer.guidelines.regex_cache import compile_cached
from composer.guidelines.tokens import Span

if TYPE_CHECKING:
    from composer.guidelines.platforms import Platform


@dataclass(frozen=True, slots=True)
class XConfig:
    """A twitter-text counting configuration (the fields of its config/v*.json)."""

    version: int
    max_weighted_length: int
    scale: int
    default_weight: int
    transformed_url_length: int
    emoji_parsing: bool
    ranges: tuple[tuple[int, int, int], ...]  # (first, last code point, weight), inclusive

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> XConfig:
        """Read a twitter-text config as parsed from JSON (v2 has no `emojiParsingEnabled`)."""
        return cls(
            version=int(data["version"]),
            max_weighted_length=int(data["maxWeightedTweetLength"]),
            scale=int(data["scale"]),
            default_weight=int(data["defaultWeight"]),
            transformed_url_length=int(data["transformedURLLength"]),
            emoji_parsing=bool(data.get("emojiParsingEnabled", False)),
            ranges=tuple(
                (int(r["start"]), int(r["end"]), int(r["weight"])) for r in data["ranges"]
            ),
        )


X_V3 = XConfig(
    version=3,
    max_weighted_length=280,
    scale=100,
    default_weight=200,
    transformed_url_length=23,
    emoji_parsing=True,
    ranges=((0, 4351, 100), (8192, 8205, 100), (8208, 8223, 100), (8242, 8247, 100)),
)
# Config v2: the same weights, but every code point of an emoji counts on its own.
X_V2 = replace(X_V3, version=2, emoji_parsing=False)

# twitter-text refuses these anywhere in a post.
_INVALID = ("\ufffe", "\ufeff", "\uffff")


@dataclass(frozen=True, slots=True)
class XCount:
    """X's view of one text.

    `valid_end` is the code-point offset into the original text where it passes the limit
    (`len(text)` when it fits): a "too long" span runs from there to the end.
    `invalid_at` is the offset of the first character X refuses (U+FFFE, U+FEFF, U+FFFF).
    """

    weighted_length: int
    valid_end: int
    invalid_at: int | None
    max_length: int

    @property
    def valid(self) -> bool:
        """twitter-text's `valid`: not empty, within the limit, no refused characters."""
        return 0 < self.weighted_length <= self.max_length and self.invalid_at is None


class _Weigher:
    """Precompiled weights for one config: `weigh(s)` is the scaled weight of plain text."""

    def __init__(self, config: XConfig) -> None:
        self.config = config
        weights = {w for _, _, w in config.ranges}
        self.range_weight = weights.pop() if len(weights) == 1 else None
        cls = "".join(f"{_escape(a)}-{_escape(b)}" for a, b, _ in config.ranges)
        self.outside = compile_cached(f"[^{cls}]") if cls else compile_cached(r"[\s\S]")
        self.ascii_inside = self.range_weight is not None and any(
            a <= 0 and b >= 127 for a, b, _ in config.ranges
        )

    def weigh(self, s: str) -> int:
        if self.range_weight is None:
            return sum(self.char(c) for c in s)
        outside = 0 if self.ascii_inside and s.isascii() else len(self.outside.findall(s))
        return len(s) * self.range_weight + outside * (
            self.config.default_weight - self.range_weight
        )

    def cut(self, s: str, pos: int, end: int, budget: int) -> int | None:
        """First index in s[pos:end] where the running weight passes `budget`, or None."""
        if self.range_weight is None:
            for i in range(pos, end):
                budget -= self.char(s[i])
                if budget < 0:
                    return i
            return None
        light, heavy = self.range_weight, self.config.default_weight
        if self.ascii_inside and s[pos:end].isascii():
            return pos + budget // light if (end - pos) * light > budget else None
        i = pos
        # Runs of light characters are counted arithmetically, heavy ones one at a time.
        for match in self.outside.finditer(s, pos, end):
            run = match.start() - i
            if run * light > budget:
                return i + budget // light
            budget -= run * light + heavy
            if budget < 0:
                return match.start()
            i = match.start() + 1
        if (end - i) * light > budget:
            return i + budget // light
        return None

    def char(self, c: str) -> int:
        cp = ord(c)
        for first, last, weight in self.config.ranges:
            if first <= cp <= last:
                return weight
        return self.config.default_weight


def _escape(cp: int) -> str:
    return f"\\U{cp:08x}"


@cache
def _weigher(config: XConfig) -> _Weigher:
    return _Weigher(config)


_weigher(X_V3)


def x_count(
    text: str,
    config: XConfig = X_V3,
    *,
    urls: list[Span] | None = None,
    emoji: list[Span] | None = None,
) -> XCount:
    """Count `text` the way X does. Pass `urls`/`emoji` already found in this exact text to
    save finding them again (they are ignored when the text is not in NFC form)."""
    nfc, anchors = _nfc(text)
    if anchors is not None or urls is None:
        urls = find_urls(nfc)
    units: list[tuple[int, int, int]] = [
        (s, e, config.transformed_url_length * config.scale) for s, e in urls
    ]
    if config.emoji_parsing:
        if anchors is not None or emoji is None:
            emoji = find_emoji(nfc)
        if emoji:
            if urls:
                emoji = [(s, e) for s, e in emoji if not any(us < e and s < ue for us, ue in urls)]
            units += [(s, e, config.default_weight) for s, e in emoji]
            units.sort()
    weigher = _weigher(config)
    total = weigher.weigh(nfc)
    if units:
        total += sum(weight for _, _, weight in units)
        total -= weigher.weigh("".join([nfc[start:end] for start, end, _ in units]))
    limit = config.max_weighted_length * config.scale
    valid_end = len(nfc) if total <= limit else _passes_at(nfc, units, limit, weigher)
    invalid_at = min((i for c in _INVALID if (i := nfc.find(c)) >= 0), default=None)
    if anchors is not None:
        valid_end = _to_original(valid_end, anchors)
        if invalid_at is not None:
            invalid_at = _to_original(invalid_at, anchors)
    return XCount(
        weighted_length=total // config.scale,
        valid_end=valid_end,
        invalid_at=invalid_at,
        max_length=config.max_weighted_length,
    )


def x_weighted_length(text: str) -> int:
    """X's weighted length of `text` (config v3)."""
    return x_count(text).weighted_length


def x_valid_end(text: str) -> int:
    """Code-point offset into `text` where it passes X's 280 (`len(text)` when it fits)."""
    return x_count(text).valid_end


def _passes_at(nfc: str, units: list[tuple[int, int, int]], limit: int, weigher: _Weigher) -> int:
    """First offset whose unit (character, URL or emoji) takes the total past `limit`."""
    total = 0
    pos = 0
    for start, end, weight in (*units, (len(nfc), len(nfc), 0)):
        if start > pos:
            cut = weigher.cut(nfc, pos, start, limit - total)
            if cut is not None:
                return cut
            total += weigher.weigh(nfc[pos:start])
        if total + weight > limit:
            return start
        total += weight
        pos = end
    return len(nfc)


# --------------------------------------------------------------- NFC, with offsets mapped back
_NON_ASCII_RUN = compile_cached(r"[\x00-\x7f]?[^\x00-\x7f]+")
# (offset in NFC text, offset in original text, offsets map one to one up to the next anchor)
_Anchor = tuple[int, int, bool]


def _nfc(text: str) -> tuple[str, list[_Anchor] | None]:
    """The NFC form of `text` and, when it differs, anchors for mapping offsets back."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text, None
    parts: list[str] = []
    anchors: list[_Anchor] = []
    nfc_pos = orig_pos = 0
    # Composition never crosses a boundary between two ASCII characters, and (in Unicode's
    # design) never crosses an extended grapheme cluster, so normalise cluster by cluster.
    for run in _NON_ASCII_RUN.finditer(text):
        if unicodedata.is_normalized("NFC", run.group()):
            continue
        start = run.start()
        parts.append(text[orig_pos:start])
        nfc_pos += start - orig_pos
        orig_pos = start
        for cluster in _grapheme().findall(run.group()):
            normal = unicodedata.normalize("NFC", cluster)
            same = normal == cluster
            anchors.append((nfc_pos, orig_pos, same))
            parts.append(normal)
            nfc_pos += len(normal)
            orig_pos += len(cluster)
        anchors.append((nfc_pos, orig_pos, True))
    parts.append(text[orig_pos:])
    return "".join(parts), anchors


def _to_original(offset: int, anchors: list[_Anchor]) -> int:
    """Map an NFC offset back; inside a re-composed cluster, round down to its start."""
    nfc_at, orig_at, linear = 0, 0, True
    for anchor in anchors:
        if anchor[0] > offset:
            break
        nfc_at, orig_at, linear = anchor
    return orig_at + (offset - nfc_at) if linear or offset == nfc_at else orig_at


# ------------------------------------------------------------------------- all platforms
@dataclass(frozen=True, slots=True)
class Measure:
    """A platform's length of a text, its limit, and where the text passes the limit."""

    length: int
    limit: int
    valid_end: int


def measure(
    platform: Platform,
    text: str,
    *,
    urls: list[Span] | None = None,
    emoji: list[Span] | None = None,
) -> Measure:
    """Measure `text` for `platform` (`urls`/`emoji`: spans already found in `text`)."""
    if platform.counting == "weighted_x":
        counted = x_count(text, urls=urls, emoji=emoji)
        return Measure(counted.weighted_length, platform.limit, counted.valid_end)
    if platform.counting == "chars_emoji_utf8":
        return _measure_emoji_bytes(
            text, platform.limit, find_emoji(text) if emoji is None else emoji
        )
    return Measure(len(text), platform.limit, min(len(text), platform.limit))


def platform_length(platform: Platform | str, text: str) -> int:
    """The length `platform` (a Platform or its name) sees: X weighted, others code points."""
    if isinstance(platform, str):
        from composer.guidelines.platforms import load_platforms, validate_platforms

        platform = load_platforms()[validate_platforms([platform])[0]]
    return measure(platform, text).length


def _measure_emoji_bytes(text: str, limit: int, emoji: list[Span]) -> Measure:
    """Code points, but each emoji sequence counts its UTF-8 bytes (as the Threads API does)."""
    extra = 0  # what the emoji so far add on top of one per code point
    valid_end: int | None = None
    for start, end in emoji:
        added = len(text[start:end].encode("utf-8")) - (end - start)
        if valid_end is None:
            if limit - extra < start:  # a plain character before this emoji passes the limit
                valid_end = limit - extra
            elif end + extra + added > limit:
                valid_end = start
        extra += added
    if valid_end is None:
        valid_end = min(len(text), max(limit - extra, 0))
    return Measure(len(text) + extra, limit, valid_end)


@functools.cache
def _grapheme() -> Any:
    """User-perceived characters; `regex` is imported only for text that is not NFC."""
    import regex

    return regex.compile(r"\X")
