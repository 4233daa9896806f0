"""Each target platform's own limits: length, hashtags, links and the "see more" fold.

The numbers come from `resources/platforms.toml` and the wording from
`resources/guidelines/builtin.toml`; this module only decides when to speak.
"""

from __future__ import annotations

from typing import Any

from composer.domain.findings import Finding, PlatformCount
from composer.guidelines.builtin.texts import builtin_text
from composer.guidelines.counting import measure
from composer.guidelines.facts import TextFacts
from composer.guidelines.inputs import CheckInput
from composer.guidelines.platforms import Platform, load_platforms, validate_platforms
from composer.guidelines.tokens import Span

_FOLD_SLACK = 10  # characters past the fold that still count as "before it" (folds are approximate)
_WORD_BACK = 40  # how far the fold span may reach back to start at a whole word


def check_platforms(
    inp: CheckInput, facts: TextFacts
) -> tuple[list[Finding], dict[str, PlatformCount]]:
    """Findings for every target platform, and each platform's count against its limit."""
    known = load_platforms()
    findings: list[Finding] = []
    counts: dict[str, PlatformCount] = {}
    for name in dict.fromkeys(validate_platforms(inp.platforms)):
        platform = known[name]
        findings += _length(platform, facts, counts)
        findings += _hashtags(platform, facts)
        findings += _links(platform, facts)
        findings += _fold(platform, facts)
    return findings, counts


def _length(
    platform: Platform, facts: TextFacts, counts: dict[str, PlatformCount]
) -> list[Finding]:
    text = facts.text
    if platform.counting == "weighted_x":
        measured = measure(platform, text, urls=facts.urls, emoji=facts.emoji)
    elif platform.counting == "chars_emoji_utf8":
        measured = measure(platform, text, emoji=facts.emoji)
    else:
        measured = measure(platform, text)
    counts[platform.name] = PlatformCount(measured.length, measured.limit)
    if measured.length <= measured.limit:
        return []
    key = "platform.length"
    if platform.counting in ("weighted_x", "chars_emoji_utf8"):
        key += "." + platform.counting
    return [
        _finding(
            platform,
            key,
            (measured.valid_end, len(text)),
            text,
            length=measured.length,
            limit=measured.limit,
            over=measured.length - measured.limit,
        )
    ]


def _hashtags(platform: Platform, facts: TextFacts) -> list[Finding]:
    allowed = platform.max_hashtags
    if allowed is None:
        return []
    tags = facts.hashtags
    if len(tags) <= allowed:
        return []
    noun = "hashtag" if allowed == 1 else "hashtags"
    span = (tags[allowed][0], tags[-1][1])
    fields = {"allowed": allowed, "noun": noun, "count": len(tags)}
    return [_finding(platform, "platform.hashtags", span, facts.text, **fields)]


def _links(platform: Platform, facts: TextFacts) -> list[Finding]:
    if platform.max_links is None and platform.links_clickable:
        return []
    urls = facts.urls
    findings: list[Finding] = []
    if platform.max_links is not None and len(urls) > platform.max_links:
        allowed = platform.max_links
        span = (urls[allowed][0], urls[-1][1])
        findings.append(
            _finding(platform, "platform.links", span, facts.text, allowed=allowed, count=len(urls))
        )
    if not platform.links_clickable:
        findings += [
            _finding(platform, "platform.links.not-clickable", span, facts.text) for span in urls
        ]
    return findings


def _fold(platform: Platform, facts: TextFacts) -> list[Finding]:
    """Only when the first sentence itself is cut by the fold: a normal post stays quiet."""
    fold = platform.fold
    text = facts.text
    if fold is None or len(text) <= fold + _FOLD_SLACK:
        return []
    sentences = facts.sentences
    if not sentences:
        return []
    first_start, first_end = sentences[0]
    if first_end <= fold + _FOLD_SLACK or first_start >= fold:
        return []
    start = fold
    floor = max(first_start, fold - _WORD_BACK)
    while start > floor and not text[start - 1].isspace():
        start -= 1
    return [_finding(platform, "platform.fold", (start, first_end), text, fold=fold)]


def _finding(platform: Platform, key: str, span: Span, text: str, **fields: Any) -> Finding:
    """A finding from the texts in builtin.toml under `key` (a category and variant)."""
    category = ".".join(key.split(".")[:2])
    start, end = span
    return builtin_text(key).finding(
        f"{category}.{platform.name}",
        category,
        span=span,
        text=text[start:end],
        shown=platform.display_name,
        **fields,
    )
