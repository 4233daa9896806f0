"""Build one rule from its `[[rule]]` table: the check it runs and the texts it shows.

Kept apart from loading (packs.py) so each check type's keys and validation read in one
place. `schema.py` lists the keys each check type may use.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeGuard

from composer.domain.findings import CATEGORIES, SEVERITIES, Severity
from composer.guidelines import applicability, checks, phrases, schema
from composer.guidelines.applicability import ALWAYS, Applicability
from composer.guidelines.concept_check import ConceptCheck
from composer.guidelines.concepts import Concept, Grammar
from composer.guidelines.phrase_set import PhraseSet
from composer.guidelines.platforms import load_platforms
from composer.guidelines.prefilter import needs_of, regex_needs
from composer.guidelines.state_check import UnlistedStateCheck
from composer.guidelines.wordindex import WordIndex

PATTERN_TIMEOUT_S = 0.05
# A pack may allow a slow pattern more time, but never enough to stall typing or a check.
MAX_PATTERN_TIMEOUT_S = 0.5
CHECK_TYPES = (
    "phrases", "substitution", "pattern", "count", "caps", "caps-run", "required", "concepts",
    "unlisted-state",
)  # fmt: skip
_CONCEPT_REF = re.compile(r"^\{([A-Z][A-Z0-9_]*)\}$")


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    category: str
    severity: Severity
    message: str
    explanation: str
    reference: str
    check: checks.Check
    check_type: str
    source: str
    platforms: tuple[str, ...] = ()
    when: tuple[str, ...] = ()
    unless_signal: tuple[str, ...] = ()
    trigger_examples: tuple[str, ...] = ()
    pass_examples: tuple[str, ...] = ()
    applicability: Applicability = ALWAYS


class RuleError(ValueError):
    """One rule is malformed; the message says how."""


class Shared(Protocol):
    """What rules may use from every pack: concepts and the grammar."""

    concepts: dict[str, Concept]
    concept_phrases: dict[str, list[str]]
    grammar: Grammar


@dataclass
class NoShared:
    """No concepts and an empty grammar, for a rule built on its own."""

    concepts: dict[str, Concept] = field(default_factory=dict)
    concept_phrases: dict[str, list[str]] = field(default_factory=dict)
    grammar: Grammar = field(default_factory=Grammar)


def is_text_list(value: object) -> TypeGuard[list[str]]:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _text(raw: Mapping[str, Any], key: str, *, required: bool = True) -> str:
    value = raw.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise RuleError(f"needs '{key}' as text")
    return " ".join(value.split()) if key == "message" else value.strip()


def texts(raw: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not is_text_list(value):
        raise RuleError(f"'{key}' must be a list of texts")
    return tuple(value)


def build_rule(
    raw: object, source: str, index: WordIndex | None = None, packs: Shared | None = None
) -> Rule:
    if not isinstance(raw, dict):
        raise RuleError("must be a table")
    rule_id = _text(raw, "id")
    category = _text(raw, "category")
    if category not in CATEGORIES:
        hint = schema.suggestion(category, CATEGORIES)
        raise RuleError(f"has an unknown category '{category}'{hint}")
    if rule_id != category and not rule_id.startswith(category + "."):
        raise RuleError(f"id must begin with its category '{category}'")
    severity = _text(raw, "severity")
    if severity not in SEVERITIES:
        raise RuleError(f"severity must be one of {', '.join(SEVERITIES)}")
    check_type = _text(raw, "check")
    if check_type not in CHECK_TYPES:
        hint = schema.suggestion(check_type, CHECK_TYPES)
        raise RuleError(f"has an unknown check type '{check_type}'{hint}")
    if bad := schema.rule_key_errors(raw, check_type):
        raise RuleError("; ".join(bad))
    platforms = texts(raw, "platforms")
    known = load_platforms()
    if any(p not in known for p in platforms):
        raise RuleError(f"names an unknown platform in {list(platforms)}")
    try:
        scope = applicability.parse(raw)
    except applicability.ApplicabilityError as exc:
        raise RuleError(str(exc)) from exc
    index = index if index is not None else WordIndex()
    examples = raw.get("examples", {})
    if not isinstance(examples, dict):
        raise RuleError("'examples' must be a table with 'trigger' and 'pass' lists")
    return Rule(
        id=rule_id,
        category=category,
        severity=severity,
        message=_text(raw, "message"),
        explanation=_text(raw, "explanation"),
        reference=_text(raw, "reference", required=False),
        check=_BUILDERS[check_type](raw, index, packs or NoShared()),
        check_type=check_type,
        source=source,
        platforms=platforms,
        when=texts(raw, "when"),
        unless_signal=texts(raw, "unless_signal"),
        trigger_examples=texts(examples, "trigger"),
        pass_examples=texts(examples, "pass"),
        applicability=scope,
    )


def _phrase_pattern(values: tuple[str, ...], key: str) -> checks.Alternation | None:
    if not values:
        return None
    try:
        for value in values:
            phrases.parse(value)  # a broken phrase is reported when packs load
    except (ValueError, re.error) as exc:
        raise RuleError(f"'{key}': {exc}") from exc
    return checks.Alternation(values)


def _filters(raw: Mapping[str, Any]) -> checks.Filters:
    scope = raw.get("scope", "sentence")
    if scope not in ("sentence", "text"):
        raise RuleError("'scope' must be 'sentence' or 'text'")
    return checks.Filters(
        exceptions=_phrase_pattern(texts(raw, "exceptions"), "exceptions"),
        near=_phrase_pattern(texts(raw, "near"), "near"),
        unless=_phrase_pattern(texts(raw, "unless"), "unless"),
        scope=scope,
    )


def _phrase_set(values: Sequence[str], key: str, index: WordIndex) -> PhraseSet:
    try:
        return index.add(values)
    except (ValueError, re.error) as exc:
        raise RuleError(f"'{key}': {exc}") from exc


def _build_phrases(raw: Mapping[str, Any], index: WordIndex, packs: Shared) -> checks.Check:
    values = _expand_concepts(texts(raw, "phrases"), packs)
    if not values:
        raise RuleError("a 'phrases' check needs a non-empty 'phrases' list")
    return checks.PhraseCheck(
        phrases=_phrase_set(values, "phrases", index),
        filters=_filters(raw),
        suggestions=texts(raw, "suggestions"),
    )


def _build_substitution(raw: Mapping[str, Any], index: WordIndex, packs: Shared) -> checks.Check:
    table = raw.get("replace")
    if not isinstance(table, dict) or not table:
        raise RuleError("a 'substitution' check needs a 'replace' table: phrase = wording")
    for phrase, wording in table.items():
        if not isinstance(wording, str):
            raise RuleError(f"replacement for '{phrase}' must be text")
    return checks.SubstitutionCheck(
        phrases=_phrase_set(list(table), "replace", index),
        replacements=tuple(table.values()),
        filters=_filters(raw),
    )


def _compile_regex(source: object, raw: Mapping[str, Any]) -> checks.LazyRegex:
    """Checked now, so a broken pattern is reported when packs load; kept for later use."""
    import regex  # only when packs are built, not when they come from the cache

    if not isinstance(source, str) or not source:
        raise RuleError("needs 'pattern' as a regular expression")
    # A plain int: regex's own flag type would make unpickling the pack cache import regex.
    flags = 0 if raw.get("case_sensitive", False) else int(regex.IGNORECASE)
    try:
        regex.compile(source, flags)
    except regex.error as exc:
        raise RuleError(f"pattern does not compile ({exc})") from exc
    return checks.LazyRegex(source, flags)


def _build_pattern(raw: Mapping[str, Any], _index: WordIndex, _packs: Shared) -> checks.Check:
    pattern = _compile_regex(raw.get("pattern"), raw)
    anchors = texts(raw, "anchors")
    group = raw.get("group", 0)
    if not isinstance(group, int | str):
        raise RuleError("'group' must be a number or a group name")
    timeout = raw.get("timeout", PATTERN_TIMEOUT_S)
    if not isinstance(timeout, int | float) or not 0 < timeout <= MAX_PATTERN_TIMEOUT_S:
        raise RuleError(
            f"'timeout' must be a positive number of seconds, at most {MAX_PATTERN_TIMEOUT_S:g}"
        )
    prefilter = raw.get("prefilter")
    if prefilter is not None:
        if not isinstance(prefilter, str) or not prefilter:
            raise RuleError("'prefilter' must be a regular expression")
        try:
            compiled_prefilter: re.Pattern[str] | None = re.compile(prefilter)
        except re.error as exc:
            raise RuleError(f"prefilter does not compile ({exc})") from exc
    else:
        compiled_prefilter = None
    return checks.PatternCheck(
        prefilter=compiled_prefilter,
        prefilter_needs=needs_of(compiled_prefilter) if compiled_prefilter else (),
        pattern_needs=regex_needs(pattern.source, pattern.flags),
        pattern=pattern,
        anchors=tuple(a.lower() for a in anchors) or None,
        timeout=float(timeout),
        filters=_filters(raw),
        suggestions=texts(raw, "suggestions"),
        group=group,
    )


def _build_count(raw: Mapping[str, Any], _index: WordIndex, _packs: Shared) -> checks.Check:
    what = raw.get("count")
    if what not in checks.COUNTABLES:
        raise RuleError(f"'count' must be one of {', '.join(checks.COUNTABLES)}")
    maximum = raw.get("max")
    if not isinstance(maximum, int) or maximum < 0:
        raise RuleError("a 'count' check needs 'max' as a whole number")
    return checks.CountCheck(what=what, maximum=maximum)


def _build_caps(raw: Mapping[str, Any], _index: WordIndex, _packs: Shared) -> checks.Check:
    threshold = raw.get("max_share", 0.5)
    min_letters = raw.get("min_letters", 20)
    if not isinstance(threshold, int | float) or not 0 < threshold < 1:
        raise RuleError("'max_share' must be a fraction between 0 and 1")
    if not isinstance(min_letters, int) or min_letters < 1:
        raise RuleError("'min_letters' must be a whole number")
    return checks.CapsShareCheck(threshold=float(threshold), min_letters=min_letters)


def _build_caps_run(raw: Mapping[str, Any], _index: WordIndex, _packs: Shared) -> checks.Check:
    min_words = raw.get("min_words", 5)
    if not isinstance(min_words, int) or min_words < 2:
        raise RuleError("'min_words' must be a whole number of at least 2")
    return checks.CapsRunCheck(min_words=min_words)


def _build_required(raw: Mapping[str, Any], _index: WordIndex, _packs: Shared) -> checks.Check:
    source = raw.get("requires")
    pattern = raw.get("requires_pattern")
    if source is None and pattern is None:
        raise RuleError("a 'required' check needs 'requires', 'requires_pattern' or both")
    compiled = _compile_regex(pattern, raw) if pattern is not None else None
    if source is None:
        return checks.RequiredCheck(source=None, pattern=compiled, suggestions_from_source=False)
    if not isinstance(source, str) or not source.strip():
        raise RuleError("'requires' must be text or profile.<field>")
    field_name = source.removeprefix("profile.")
    if source.startswith("profile.") and field_name not in _PROFILE_FIELDS:
        raise RuleError(f"'requires' names an unknown profile field '{field_name}'")
    # With both, the pattern recognises the requirement in the agent's own words and the
    # profile's text is the fix; without the profile's text, the pattern alone decides.
    return checks.RequiredCheck(source=source, pattern=compiled)


def _expand_concepts(values: Sequence[str], packs: Shared) -> list[str]:
    """`{NAME}` entries stand for every phrase of that concept."""
    expanded: list[str] = []
    for value in values:
        ref = _CONCEPT_REF.match(value.strip())
        if ref is None:
            expanded.append(value)
        elif ref.group(1) in packs.concept_phrases:
            expanded.extend(packs.concept_phrases[ref.group(1)])
        else:
            hint = schema.suggestion(ref.group(1), packs.concept_phrases)
            raise RuleError(f"uses an unknown concept '{ref.group(1)}'{hint}")
    return expanded


def _build_concepts_check(raw: Mapping[str, Any], _index: WordIndex, packs: Shared) -> checks.Check:
    names = texts(raw, "all")
    context = texts(raw, "anywhere")
    if not names:
        raise RuleError("a 'concepts' check needs concept names in 'all'")
    unknown = [n for n in (*names, *context) if n not in packs.concepts]
    if unknown:
        hint = schema.suggestion(unknown[0], packs.concepts)
        raise RuleError(f"uses an unknown concept '{unknown[0]}'{hint}")
    distance = raw.get("distance", 8)
    if not isinstance(distance, int) or not 0 <= distance <= 40:
        raise RuleError("'distance' must be a whole number of words from 0 to 40")
    packs.concepts[names[0]].anchor()  # found in the index's single pass
    return ConceptCheck(
        parts=tuple(packs.concepts[n] for n in names),
        grammar=packs.grammar,
        distance=distance,
        filters=_filters(raw),
        context=tuple(packs.concepts[n] for n in context),
    )


_PROFILE_FIELDS = {
    "name", "agency", "license_number", "disclosure", "broker_dealer_disclosure",
    "tpmo_disclaimer", "reply_snippet",
}  # fmt: skip


def _build_unlisted_state(
    raw: Mapping[str, Any], _index: WordIndex, _packs: Shared
) -> checks.Check:
    if not texts(raw, "near"):
        raise RuleError("an 'unlisted-state' check needs 'near' words that mark solicitation")
    return UnlistedStateCheck(filters=_filters(raw))


_BUILDERS = {
    "phrases": _build_phrases,
    "substitution": _build_substitution,
    "pattern": _build_pattern,
    "count": _build_count,
    "caps": _build_caps,
    "caps-run": _build_caps_run,
    "required": _build_required,
    "concepts": _build_concepts_check,
    "unlisted-state": _build_unlisted_state,
}
