"""The command line's words for the record's refusal codes (composer.services.records)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from composer.cli.errors import CommandError, UsageError

if TYPE_CHECKING:
    from composer.services.records import RecordRefusedError

# Codes that mean the input was wrong (exit 2); every other refusal is exit 1.
USAGE_CODES = {
    "unknown-platform",
    "unknown-audience",
    "bad-spend",
    "bad-url",
    "before-last-use",
    "future-date",
}


def refusal_text(exc: RecordRefusedError) -> str:
    post = f"post {exc.post_id}"
    words = {
        "not-approved": f"{post} has no approval that applies; approve it first (composer approve)",
        "platform-not-approved": f"{post} was not approved for {exc.value}; "
        "approve it for that platform first",
        "unknown-platform": f"--platform: unknown platform {exc.value!r}",
        "unknown-audience": f"--audience: {exc.value!r} is not public, group or boosted",
        "bad-spend": f"--spend: {exc.value!r} is not an amount (e.g. 25 or 25.50)",
        "bad-url": f"--url: {exc.value!r} is not a web address (http:// or https://)",
        "in-bin": f"{post} is in the bin; restore it first",
        "in-retention": f"{post} must be kept until {exc.until}; nothing was deleted "
        "(archive it instead)",
        "retired": f"{post} is retired (no longer in use); nothing more is recorded for it",
        "before-last-use": f"--last-used: {post} was used until {exc.until}, after that day",
        "future-date": f"--last-used: {exc.value} is in the future; give the last day it "
        "was in use",
        "legal-hold": f"{post} is under legal hold; nothing was deleted "
        f"(composer hold {exc.post_id} --off lifts it)",
    }
    return words.get(exc.code, f"{post}: {exc.code}")


def refusal_error(exc: RecordRefusedError) -> Exception:
    text = refusal_text(exc)
    return UsageError(text) if exc.code in USAGE_CODES else CommandError(text)
