"""What a network's feed would show of a post: where the "more" fold falls, the link that
gets a card, the crop an image gets, and whose name and initials head it.

The window's preview draws these; deciding them here, without Qt, keeps them testable and
fast enough to run on every pause in typing. The numbers (fold characters and lines, the
"more" words, the crops) are data in resources/platforms.toml.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from composer.domain.accounts import Account
from composer.guidelines.entities import find_urls

WORD_BACK = 30  # how far a cut may step back to end on a whole word
# A cut never lands inside a character sequence that is drawn as one: before a joiner,
# variation selector, skin tone or combining mark, or right after a joiner.
_JOINER = "\u200d"
_CLINGS = frozenset("\u200d\ufe0e\ufe0f\u20e3") | {chr(c) for c in range(0x1F3FB, 0x1F400)}


@dataclass(frozen=True, slots=True)
class Folded:
    shown: str  # the text above the fold (all of it when nothing is cut)
    cut: bool


def fold(
    text: str,
    chars: int | None,
    lines: int | None = None,
    line_chars: int | None = None,
) -> Folded:
    """The part of `text` a feed shows before "more": at most `chars` characters and at most
    `lines` lines of about `line_chars` characters (a line break starts a new line), cut
    back to the end of a word when one ends close enough."""
    end = len(text)
    if chars is not None:
        end = min(end, chars)
    if lines is not None and line_chars:
        end = min(end, _end_of_line(text, lines, line_chars))
    if end >= len(text) or not text[end:].strip():  # nothing but spaces below the fold
        return Folded(text if end >= len(text) else text[:end].rstrip(), False)
    if not text[end].isspace():  # mid-word: step back to the end of the word before
        start = max(0, end - WORD_BACK)
        space = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
        if space > 0:
            end = space
    while end > 0 and (text[end] in _CLINGS or text[end - 1] == _JOINER or _combining(text[end])):
        end -= 1
    return Folded(text[:end].rstrip(), True)


def _end_of_line(text: str, lines: int, line_chars: int) -> int:
    """Where the `lines`-th feed line ends (len(text) when the text has fewer lines)."""
    used = 0
    pos = 0
    for paragraph in text.split("\n"):
        if used == lines:
            return max(pos - 1, 0)  # the fold falls on this line break
        rows = max(1, -(-len(paragraph) // line_chars))
        if used + rows > lines:
            return pos + (lines - used) * line_chars
        used += rows
        pos += len(paragraph) + 1
    return len(text)


def _combining(char: str) -> bool:
    return unicodedata.combining(char) != 0


def first_link(text: str) -> str | None:
    """The first web address in `text` (the one a network makes a card of), or None."""
    spans = find_urls(text)
    return text[spans[0][0] : spans[0][1]] if spans else None


def link_domain(link: str) -> str:
    """The site a card names: `https://www.naic.org/x` -> `naic.org`, lower case."""
    address = link if "://" in link else f"https://{link}"
    try:
        host = urlsplit(address).hostname or link
    except ValueError:
        host = link
    host = host.lower()
    return host[4:] if host.startswith("www.") else host


def nearest_ratio(width: int, height: int, ratios: Sequence[float]) -> float:
    """The crop (width / height) of `ratios` nearest the image's own shape."""
    if width <= 0 or height <= 0 or not ratios:
        return ratios[0] if ratios else 1.0
    own = width / height
    return min(ratios, key=lambda ratio: abs(ratio - own) / ratio)


def centre_crop(width: int, height: int, ratio: float) -> tuple[int, int, int, int]:
    """The largest centred box of shape `ratio` inside a `width` x `height` image, as
    (x, y, width, height)."""
    if width <= 0 or height <= 0 or ratio <= 0:
        return 0, 0, max(width, 0), max(height, 0)
    if width / height > ratio:  # too wide: trim the sides
        crop_w = max(1, round(height * ratio))
        return (width - crop_w) // 2, 0, crop_w, height
    crop_h = max(1, round(width / ratio))
    return 0, (height - crop_h) // 2, width, crop_h


def initials(name: str) -> str:
    """One or two letters for a picture-less avatar: "Jane Q. Doe" -> "JD"."""
    words = [w for w in name.replace("@", " ").split() if w[0].isalnum()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][0].upper()
    return (words[0][0] + words[-1][0]).upper()


def author_name(
    platform: str,
    accounts: Sequence[Account],
    selected: int | None,
    profile_name: str,
) -> str:
    """Whose name heads the post on `platform`: the chosen account when it is on that
    platform, else the first account there, else the profile's name."""
    on_platform = [a for a in accounts if a.platform == platform]
    chosen = next((a for a in on_platform if a.id == selected), None)
    account = chosen or (on_platform[0] if on_platform else None)
    if account is not None:
        return account.display_name or account.handle
    return profile_name or "Your name"
