"""Each target platform's own limits: length, hashtags, links and the "see more" fold.

The numbers come from `resources/platforms.toml`; this module only decides what to say.
"""

from __future__ import annotations

from composer.domain.findings import Finding, PlatformCount, Severity
from composer.guidelines.counting import measure
from composer.guidelines.facts import Span, TextFacts
from composer.guidelines.inputs import CheckInput
from composer.guidelines.platforms import Platform, load_platforms, validate_platforms

_LIMITS_REFERENCE = "Composer guidelines, Platforms (limits as published by each platform)"
_X_REFERENCE = "X character counting: twitter-text config v3 (github.com/twitter/twitter-text)"
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
    shown = platform.display_name
    over = measured.length - measured.limit
    if platform.counting == "weighted_x":
        how = (
            "X counts every link as 23 characters and every emoji and every Chinese, Japanese or "
            "Korean character as 2. "
        )
    elif platform.counting == "chars_emoji_utf8":
        how = f"{shown} counts each emoji as several characters (its size in bytes). "
    else:
        how = ""
    return [
        _finding(
            platform,
            "platform.length",
            "error",
            f"Too long for {shown}: {measured.length:,} of {measured.limit:,} characters "
            f"({over:,} over).",
            f"{shown} will not publish a post over its limit, and schedulers reject it at "
            f"upload. {how}Trim with care: the end of a post often carries the disclosure "
            "that keeps it compliant.",
            _X_REFERENCE if platform.counting == "weighted_x" else _LIMITS_REFERENCE,
            (measured.valid_end, len(text)),
            text,
        )
    ]


def _hashtags(platform: Platform, facts: TextFacts) -> list[Finding]:
    allowed = platform.max_hashtags
    if allowed is None:
        return []
    tags = facts.hashtags
    if len(tags) <= allowed:
        return []
    shown = platform.display_name
    noun = "hashtag" if allowed == 1 else "hashtags"
    return [
        _finding(
            platform,
            "platform.hashtags",
            "warning",
            f"{shown} takes at most {allowed} {noun} in a post; this one has {len(tags)}.",
            f"Past {allowed}, {shown} may drop the extra tags, show them as plain text or refuse "
            "the post, and a string of tags reads as spam to the people you want to reach. "
            "Keep the most relevant ones.",
            _LIMITS_REFERENCE,
            (tags[allowed][0], tags[-1][1]),
            facts.text,
        )
    ]


def _links(platform: Platform, facts: TextFacts) -> list[Finding]:
    if platform.max_links is None and platform.links_clickable:
        return []
    urls = facts.urls
    shown = platform.display_name
    findings: list[Finding] = []
    if platform.max_links is not None and len(urls) > platform.max_links:
        allowed = platform.max_links
        findings.append(
            _finding(
                platform,
                "platform.links",
                "warning",
                f"{shown} takes at most {allowed} links in a post; this one has {len(urls)}.",
                f"{shown} refuses posts with more than {allowed} links, so a scheduler will fail "
                "to publish it; a post full of links also reads as spam.",
                _LIMITS_REFERENCE,
                (urls[allowed][0], urls[-1][1]),
                facts.text,
            )
        )
    if not platform.links_clickable:
        findings += [
            _finding(
                platform,
                "platform.links",
                "suggestion",
                f"Links in {shown} captions are not clickable; say “link in bio” instead.",
                f"{shown} shows a link in a caption as plain text nobody can tap, so readers "
                "can't reach the page. Put the link in your bio and point to it.",
                _LIMITS_REFERENCE,
                span,
                facts.text,
            )
            for span in urls
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
    shown = platform.display_name
    return [
        _finding(
            platform,
            "platform.fold",
            "suggestion",
            f"On {shown}, the first sentence runs past the “see more” fold "
            f"(about {fold} characters).",
            "Most readers decide from the lines above “see more” whether to open a post. A "
            "short first sentence or question that ends before the fold gives them a reason "
            "to read on, and to reply.",
            _LIMITS_REFERENCE,
            (start, first_end),
            text,
        )
    ]


def _finding(
    platform: Platform,
    category: str,
    severity: Severity,
    message: str,
    explanation: str,
    reference: str,
    span: Span,
    text: str,
) -> Finding:
    start, end = span
    return Finding(
        rule=f"{category}.{platform.name}",
        category=category,
        severity=severity,
        message=message,
        explanation=explanation,
        reference=reference,
        start=start,
        end=end,
        text=text[start:end],
    )
