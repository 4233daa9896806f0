"""The keys a rule pack may use, so a typo is a load error instead of a silently ignored key.

A misspelt `exceptons` or a `replace` table on a phrases rule would otherwise load fine and
do nothing, and the agent would never learn why a rule misfires. Every table's keys are
checked here and an unknown one is named with the closest known key.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping

TOP_LEVEL = frozenset(
    {
        "pack",
        "signals",
        "rule",
        "concept",
        "grammar",
        "builtin",
        "reader_names",
        "reader_needs",
        "reader_unless",
    }
)
PACK = frozenset({"id", "title"})
EXAMPLES = frozenset({"trigger", "pass"})
CONCEPT = frozenset({"phrases", "patterns", "negatable", "ignore_case"})
GRAMMAR = frozenset(
    {
        "categories",
        "negators",
        "negated_assurance",
        "debunk_sentence",
        "debunk_post",
        "scam_post",
        "terms",
        "quote_corrected",
        "quote_keeps",
    }
)
BUILTIN = frozenset({"message", "explanation", "reference", "severity"})
RULE = frozenset(
    {
        "id", "category", "severity", "check", "message", "explanation", "reference",
        "platforms", "when", "unless_signal", "examples",
        "lines", "lines_not_held", "states", "effective_from", "effective_until",
    }
)  # fmt: skip
FILTERS = frozenset({"exceptions", "near", "unless", "scope"})
CHECK_KEYS: dict[str, frozenset[str]] = {
    "phrases": frozenset({"phrases", "suggestions"}) | FILTERS,
    "substitution": frozenset({"replace"}) | FILTERS,
    "pattern": frozenset(
        {"pattern", "group", "case_sensitive", "anchors", "prefilter", "timeout", "suggestions"}
    )
    | FILTERS,
    "count": frozenset({"count", "max"}),
    "caps": frozenset({"max_share", "min_letters"}),
    "caps-run": frozenset({"min_words"}),
    "required": frozenset({"requires", "requires_pattern", "case_sensitive"}),
    "concepts": frozenset({"all", "anywhere", "distance"}) | FILTERS,
    "unlisted-state": FILTERS,
}


def suggestion(word: str, known: Iterable[str]) -> str:
    """ "; did you mean 'x'?" for the closest known word, or nothing when none is close."""
    close = difflib.get_close_matches(word, sorted(known), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


def unknown_keys(table: Mapping[str, object], known: frozenset[str], what: str) -> list[str]:
    """One reason per key of `table` not in `known`, each naming the closest known key."""
    return [
        f"{what}: unknown key '{key}'{suggestion(key, known)}" for key in table if key not in known
    ]


def rule_key_errors(raw: Mapping[str, object], check: str) -> list[str]:
    """Keys a rule of type `check` may not have: unknown ones and other check types' keys."""
    allowed = RULE | CHECK_KEYS[check]
    reasons: list[str] = []
    for key in raw:
        if key in allowed:
            continue
        owners = [name for name, keys in CHECK_KEYS.items() if key in keys]
        if owners:
            reasons.append(
                f"'{key}' does not apply to a '{check}' check (only to {_names(owners)})"
            )
        else:
            reasons.append(f"unknown key '{key}'{suggestion(key, allowed)}")
    examples = raw.get("examples")
    if isinstance(examples, Mapping):
        reasons.extend(unknown_keys(examples, EXAMPLES, "[rule.examples]"))
    return reasons


def _names(checks: list[str]) -> str:
    quoted = [f"'{c}'" for c in checks]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]
