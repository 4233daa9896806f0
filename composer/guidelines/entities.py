"""URLs, hashtags, mentions and emoji in a post, as code-point spans into the text as given.

X counts every URL as 23 and every emoji sequence as 2, and the other checks must not lint
prose inside a link or a tag, so these finders follow twitter-text (the reference X itself
publishes) rather than a looser "anything with a dot" idea of a link.

Why hand-written patterns rather than a library:
- linkify-it-py (a dependency) needs ~2.5 ms for `match()` on a 3,000-character post, about
  ten times this module's whole budget, and differs from twitter-text on purpose (it links
  `ftp://`, e-mail addresses, and takes every label length). Its IANA list of top-level domains
  is reused here (as twitter-text uses its own copy of that list).
- `emoji.emoji_list()` (a dependency) needs ~1.5 ms for the same post, so emoji are matched with
  one precompiled `regex` pattern built from the Unicode emoji properties (UTS #51): it knows every
  emoji the installed Unicode data knows and also joins future ZWJ sequences.
Each finder starts with a cheap scan for its trigger character (`.`, `#`, `@`, or a code point
that can begin an emoji), so a post without any is almost free.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from composer.guidelines.regex_cache import compile_cached
from composer.guidelines.tokens import Span


class _Lazy:
    """A `regex` pattern compiled on first use: most posts have no hashtag and no emoji,
    and importing `regex` costs tens of milliseconds on every `composer check`."""

    __slots__ = ("_compiled", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled: Any = None

    def _get(self) -> Any:
        if self._compiled is None:
            import regex

            self._compiled = regex.compile(self.source)
        return self._compiled

    def match(self, text: str, pos: int = 0) -> Any:
        return self._get().match(text, pos)

    def finditer(self, text: str, pos: int = 0) -> Any:
        return self._get().finditer(text, pos)


# ---------------------------------------------------------------------------------------- URLs
# Character classes after twitter-text's regexen (validUrlPrecedingChars, validDomainChars,
# validGeneralUrlPathChars, validUrlPathEndingChars, validUrlQueryChars, ...).
_LATIN_ACCENTS = (
    "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259"
    "\u025b\u0263\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff"
)
_CYRILLIC = "\u0400-\u04ff"
# A domain character in a URL with a scheme: anything but ASCII punctuation, spaces, controls,
# invisible format characters and non-characters (so `http://☃.net` is a URL).
_DOMAIN_CHAR = (
    r"[^\s!-/:-@\[-`{-~\x00-\x1f\x7f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f"
    r"\ufeff\ufffe\uffff]"
)
# Without a scheme only "ASCII" domains count (twitter-text's validAsciiDomain).
_ASCII_DOMAIN_CHAR = r"[a-zA-Z0-9\u00c0-\u024f\u1e00-\u1eff]"

_SCHEME_HOST = compile_cached(rf"(?:{_DOMAIN_CHAR}(?:[-_]*{_DOMAIN_CHAR})*\.)+")
_PLAIN_HOST = compile_cached(rf"(?:{_ASCII_DOMAIN_CHAR}(?:-*{_ASCII_DOMAIN_CHAR})*\.)+")
_ASCII_TLD = compile_cached(r"[0-9A-Za-z]+")
_UNICODE_TLD = compile_cached(rf"(?:(?![\x00-\x7f]){_DOMAIN_CHAR})+")

_PATH_CHARS = rf"[a-z{_CYRILLIC}0-9!*';:=+,.$/%#\[\]\-\u2013_~|&@{_LATIN_ACCENTS}]"
_PATH_END = rf"[+\-a-z{_CYRILLIC}0-9=_#/{_LATIN_ACCENTS})]"
_PARENS = rf"\((?:{_PATH_CHARS}+|{_PATH_CHARS}*\({_PATH_CHARS}+\){_PATH_CHARS}*)\)"
# Port, path and query after the host. A path may not end in punctuation such as `.` or `,`
# (the lookbehind backs off to the last allowed ending character; `)` only comes from _PARENS).
_TAIL = compile_cached(
    rf"(?::[0-9]+)?"
    rf"(?:/{_PATH_CHARS}*(?:{_PARENS}{_PATH_CHARS}*)*(?<={_PATH_END}))?"
    rf"(?:\?[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]*[a-z0-9\-_&=#/])?",
    re.IGNORECASE,
)
# A dot followed by something that could start a label: the only place a URL can be.
_DOT = compile_cached(r"\.(?=[^\s!-/:-@\[-`{-~])")


@cache
def _tlds() -> frozenset[str]:
    """Every top-level domain, lower case, read the first time a text has a dotted name
    (the list's module brings linkify-it along: some 20 ms that most checks never need)."""
    from linkify_it.tlds import TLDS

    return frozenset(t.lower() for t in TLDS)


@cache
def _cctlds() -> frozenset[str]:
    return frozenset(t for t in _tlds() if len(t) == 2)


_NOT_BEFORE_URL = frozenset("@＠$#＃\ufffe\ufeff\uffff")
_NOT_BEFORE_PLAIN_URL = frozenset("-_./")
_NOT_AFTER_TLD = frozenset("@+-")
_LABEL_ASCII = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
_PLAIN_LABEL = (_LABEL_ASCII - {"_"}) | {
    chr(c) for c in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00))
}
_NOT_LABEL = frozenset("\u00ad\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e")
_MAX_LABEL = 63
_MAX_URL = 4096


def find_urls(text: str) -> list[Span]:
    """Links with a scheme (http, https) or without one (`naic.org`, `www.x.com/path`).

    Follows twitter-text: a known top-level domain is required, labels are at most 63
    characters (after punycode), `name.cc` without a path is only a link for `.co` and `.tv`,
    and a domain right after `@` (an e-mail address) or after a word character is not a link.
    """
    if "." not in text:
        return []
    spans: list[Span] = []
    pos = 0
    while (dot := _DOT.search(text, pos)) is not None:
        found = _url_at_dot(text, dot.start())
        if found is None:
            pos = dot.start() + 1
            continue
        span, resume = found
        if span is not None:
            spans.append(span)
        pos = max(resume, dot.start() + 1)
    return spans


def _url_at_dot(text: str, dot: int) -> tuple[Span | None, int] | None:
    """The URL whose host contains the first dot at `dot`, and where to resume scanning."""
    start = _label_start(text, dot)
    if start >= 3 and text.startswith("://", start - 3):
        scheme_start = start - 3
        while (
            scheme_start > 0
            and text[scheme_start - 1].isascii()
            and text[scheme_start - 1].isalpha()
        ):
            scheme_start -= 1
        if text[scheme_start : start - 3].lower() not in ("http", "https"):
            return None  # ftp:// and friends are not links to X (and not plain domains either)
        if scheme_start > 0 and not _may_precede_url(text[scheme_start - 1]):
            return None
        host = _SCHEME_HOST.match(text, start)
        if host is None:
            return None
        end = _host_end(text, start, host.end(), ascii_only=False)
        if end is None:
            return None, host.end()  # twitter-text drops the whole candidate
        tail = _TAIL.match(text, end)
        assert tail is not None  # every part of _TAIL is optional, so it always matches
        end = tail.end()
        if end - scheme_start > _MAX_URL:
            return None, end
        return (scheme_start, end), end
    # No scheme: an ASCII-only domain, not glued to the word or punctuation before it.
    start = dot
    while start > 0 and text[start - 1] in _PLAIN_LABEL:
        start -= 1
    while text[start] == "-":
        start += 1
    if start > 0:
        before = text[start - 1]
        if before in _NOT_BEFORE_PLAIN_URL or not _may_precede_url(before):
            return None
    host = _PLAIN_HOST.match(text, start)
    if host is None:
        return None
    end = _host_end(text, start, host.end(), ascii_only=True)
    if end is None:
        return None
    tail = _TAIL.match(text, end)
    assert tail is not None  # every part of _TAIL is optional, so it always matches
    tail_end = tail.end()
    if tail_end == end and _is_short_cc_domain(text[start:end]):
        return None  # `bit.ly` alone is prose to twitter-text; `bit.ly/x` and `t.co` are links
    return (start, tail_end), tail_end


def _label_start(text: str, dot: int) -> int:
    """Walk back from a dot over one label's characters (any script)."""
    start = dot
    while start > 0:
        c = text[start - 1]
        if c in _LABEL_ASCII or (c > "\x7f" and not c.isspace() and c not in _NOT_LABEL):
            start -= 1
        else:
            break
    return start


def _may_precede_url(c: str) -> bool:
    """twitter-text's validUrlPrecedingChars: no letter, digit, @, $ or # right before."""
    return not (c.isascii() and c.isalnum()) and c not in _NOT_BEFORE_URL


def _host_end(text: str, start: int, labels_end: int, *, ascii_only: bool) -> int | None:
    """End of the longest valid host from `start` (labels up to `labels_end`, then a TLD)."""
    tld_at = labels_end
    while tld_at > start:
        tld = _ASCII_TLD.match(text, tld_at)
        if tld is None and not ascii_only:
            tld = _UNICODE_TLD.match(text, tld_at)
        if tld is not None:
            end = tld.end()
            name = tld.group().lower()
            if (
                (end == len(text) or text[end] not in _NOT_AFTER_TLD)
                and (name in _tlds() or (not name.isascii() and _punycode(name) in _tlds()))
                and _labels_fit(text[start : tld_at - 1], ascii_only=ascii_only)
            ):
                return end
        # Back off one label: "naic.org.notatld" is the URL "naic.org" followed by prose.
        tld_at = text.rfind(".", start, tld_at - 1) + 1
    return None


def _labels_fit(labels: str, *, ascii_only: bool) -> bool:
    """At most 63 characters a label (punycode for other scripts); no `_` in the domain name."""
    if not ascii_only and "_" in labels.rpartition(".")[2]:
        return False
    for label in labels.split("."):
        if len(label) > _MAX_LABEL or (not label.isascii() and len(_punycode(label)) > _MAX_LABEL):
            return False
    return True


def _punycode(label: str) -> str:
    try:
        return "xn--" + label.lower().encode("punycode").decode("ascii")
    except UnicodeError:
        return ""


def _is_short_cc_domain(host: str) -> bool:
    name, _, tld = host.lower().rpartition(".")
    return "." not in name and tld in _cctlds() and tld not in ("co", "tv")


# ------------------------------------------------------------------------ hashtags and mentions
_HASHTAG_SPECIAL = (
    "_\u200c\u200d\ua67e\u05be\u05f3\u05f4\uff5e\u301c"
    "\u309b\u309c\u30a0\u30fb\u3003\u0f0b\u0f0c\u00b7"
)
# twitter-text: letters, marks, digits and a few joiners, with at least one letter or mark.
_HASHTAG_BODY = _Lazy(
    rf"[\p{{Nd}}{_HASHTAG_SPECIAL}]*+[\p{{L}}\p{{M}}][\p{{L}}\p{{M}}\p{{Nd}}{_HASHTAG_SPECIAL}]*+"
)
_HASHTAG_CHAR = _Lazy(rf"[\p{{L}}\p{{M}}\p{{Nd}}{_HASHTAG_SPECIAL}&]")
# ASCII that cannot start a tag body, and the keycap marks (#️⃣ is an emoji, not a tag).
_NOT_TAG_START = frozenset(" \t\n\r!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~\ufe0f\u20e3")
_HASH_SIGN = compile_cached("[#＃]")
_AT_SIGN = compile_cached("[@＠]")
# Handles as X and Instagram write them: letters, digits, `_`, and inner dots (Instagram).
_HANDLE = compile_cached(r"[A-Za-z0-9_](?:[A-Za-z0-9_]|\.(?=[A-Za-z0-9_])){0,29}")
_NOT_BEFORE_MENTION = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_!#$%&*@＠"
)
_NOT_AFTER_MENTION = compile_cached(rf"[@＠{_LATIN_ACCENTS}]|://")


def find_hashtags(text: str, urls: list[Span]) -> list[Span]:
    """`#tags` (the span includes the sign); `#1` is a number, `a#b` and `&#39;` are not tags."""
    if "#" not in text and "＃" not in text:
        return []
    spans: list[Span] = []
    pos = 0
    while (sign := _HASH_SIGN.search(text, pos)) is not None:
        at = sign.start()
        pos = at + 1
        if at + 1 == len(text) or text[at + 1] in _NOT_TAG_START:
            continue  # "# " or "##": nothing to match (keycaps #️⃣ included)
        if at > 0 and _glued_to_tag_char(text[at - 1]):
            continue
        body = _HASHTAG_BODY.match(text, at + 1)
        if body is None:
            continue
        end = body.end()
        if text.startswith(("#", "＃", "://"), end):
            continue
        if not _inside(at, end, urls):
            spans.append((at, end))
        pos = end
    return spans


def _glued_to_tag_char(c: str) -> bool:
    """A letter, digit, mark, joiner or `&` right before `#` makes it part of a word."""
    if c.isascii():
        return c.isalnum() or c in "_&"
    return _HASHTAG_CHAR.match(c) is not None


def find_mentions(text: str, urls: list[Span]) -> list[Span]:
    """`@handles` (the span includes the sign); the `@` of an e-mail address is not one."""
    if "@" not in text and "＠" not in text:
        return []
    spans: list[Span] = []
    pos = 0
    while (sign := _AT_SIGN.search(text, pos)) is not None:
        at = sign.start()
        pos = at + 1
        if at > 0 and text[at - 1] in _NOT_BEFORE_MENTION:
            continue
        handle = _HANDLE.match(text, at + 1)
        if handle is None:
            continue
        end = handle.end()
        if _NOT_AFTER_MENTION.match(text, end):
            continue
        if not _inside(at, end, urls):
            spans.append((at, end))
        pos = end
    return spans


def _inside(start: int, end: int, spans: list[Span]) -> bool:
    return any(s < end and start < e for s, e in spans)


# -------------------------------------------------------------------------------------- emoji
# One element of an emoji sequence (UTS #51): a flag (two regional indicators), a keycap, or
# an emoji character with an optional skin tone, emoji variation selector or tag sequence.
# A text-style character (Emoji_Presentation=No, such as ❤ or ✈) counts bare too, as twemoji
# and X do, except ©, ® and ™, which are typography unless followed by U+FE0F.
_EMOJI_BASE = (
    r"(?:(?![\u00a9\u00ae\u2122](?!\ufe0f))(?:\p{EPres}|(?=\p{Emoji})\p{ExtPict}))(?!\ufe0e)"
)
_EMOJI_TAIL = r"(?:\p{EMod}|\ufe0f\u20e3?|[\U000e0020-\U000e007e]+\U000e007f)?"
_EMOJI_ELEMENT = rf"(?:\p{{RI}}\p{{RI}}|[0-9#*]\ufe0f?\u20e3|{_EMOJI_BASE}{_EMOJI_TAIL})"
# After a zero-width joiner, any pictograph (even one newer than the installed Unicode data)
# continues the sequence, so new family and profession emoji still count as one.
_EMOJI = _Lazy(rf"{_EMOJI_ELEMENT}(?:\u200d(?:{_EMOJI_ELEMENT}|\p{{ExtPict}}{_EMOJI_TAIL}))*")
# Every code point that can begin (or, for keycaps, follow the start of) an emoji.
_EMOJI_MANY = 24
_EMOJI_HINT = compile_cached(
    "[\u00a9\u00ae\u203c\u2049\u20e3\u2122-\u2bff\u3030\u303d\u3297\u3299\ufe0f"
    "\U0001f000-\U0001ffff]"
)


def find_emoji(text: str) -> list[Span]:
    """One span per emoji sequence: ZWJ sequences, flags, skin tones and keycaps count as one."""
    if text.isascii():
        return []
    spans: list[Span] = []
    pos = 0
    while (hint := _EMOJI_HINT.search(text, pos)) is not None:
        if len(spans) == _EMOJI_MANY:
            # Emoji-heavy text: one scan beats a search and a match call per emoji.
            spans += [m.span() for m in _EMOJI.finditer(text, pos)]
            break
        at = hint.start()
        if text[at] in "\ufe0f\u20e3" and at > pos:
            # Possibly a keycap whose base digit comes just before (1⃣, 1️⃣).
            back = 2 if text[at] == "\u20e3" and text[at - 1] == "\ufe0f" else 1
            at = max(pos, at - back)
        match = _EMOJI.match(text, at)
        if match is None:
            pos = hint.end()
        else:
            spans.append(match.span())
            pos = match.end()
    return spans
