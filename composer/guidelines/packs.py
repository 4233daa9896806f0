"""Load rule packs (TOML) into rules, reporting each broken rule without losing the rest.

A pack file holds an optional `[pack]` table, optional `[signals]` (named phrase lists
any pack may use in `when`), and `[[rule]]` tables. See resources/guidelines/README.md.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from composer.domain.findings import CATEGORIES, SEVERITIES, Severity
from composer.guidelines import checks, phrases
from composer.guidelines.concepts import Concept, ConceptCheck, Grammar
from composer.guidelines.platforms import load_platforms
from composer.guidelines.wordindex import PhraseSet, WordIndex

PATTERN_TIMEOUT_S = 0.05
# A pack may allow a slow pattern more time, but never enough to stall typing or a check.
MAX_PATTERN_TIMEOUT_S = 0.5
CHECK_TYPES = ("phrases", "substitution", "pattern", "count", "caps", "required", "concepts")
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


@dataclass(frozen=True, slots=True)
class LoadError:
    """A file or rule that could not be loaded, in words a pack author can act on."""

    file: str
    rule: str | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}: rule '{self.rule}'" if self.rule else self.file
        return f"{where}: {self.reason}"


@dataclass
class PackSet:
    rules: list[Rule] = field(default_factory=list)
    signals: dict[str, list[str]] = field(default_factory=dict)
    errors: list[LoadError] = field(default_factory=list)
    notices: list[LoadError] = field(default_factory=list)  # loaded, but worth saying
    files: list[Path] = field(default_factory=list)
    index: WordIndex = field(default_factory=WordIndex)
    concepts: dict[str, Concept] = field(default_factory=dict)
    concept_phrases: dict[str, list[str]] = field(default_factory=dict)
    negatable: set[str] = field(default_factory=set)
    concept_patterns: dict[str, list[re.Pattern[str]]] = field(default_factory=dict)
    grammar: Grammar = field(default_factory=Grammar)


class RuleError(ValueError):
    """One rule is malformed; the message says how."""


def pack_files(directories: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for directory in directories:
        if directory.is_dir():
            files.extend(sorted(directory.glob("*.toml")))
    return files


def load_packs(directories: Iterable[Path], shipped: Path | None = None) -> PackSet:
    """Load every `*.toml` in the folders; later folders may replace rules by id, and each
    replacement is a notice (of a rule in `shipped`, or of another custom pack's rule).

    Concepts, signals and the grammar come first (from every file), so any rule may use a
    concept defined in another file.
    """
    result = PackSet()
    parsed: list[tuple[Path, dict[str, Any]]] = []
    for path in pack_files(directories):
        result.files.append(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            result.errors.append(LoadError(path.name, None, f"cannot be read ({exc})"))
            continue
        except tomllib.TOMLDecodeError as exc:
            result.errors.append(LoadError(path.name, None, f"is not valid TOML ({exc})"))
            continue
        parsed.append((path, data))
        _merge_signals(result, path.name, data.get("signals", {}))
        _merge_concepts(result, path.name, data.get("concept", {}))
    for path, data in parsed:
        if "grammar" in data:
            _load_grammar(result, path.name, data["grammar"])
    _build_concepts(result)
    by_id: dict[str, int] = {}
    origin: dict[str, Path] = {}
    for path, data in parsed:
        raw_rules = data.get("rule", [])
        if not isinstance(raw_rules, list):
            result.errors.append(LoadError(path.name, None, "'rule' must be [[rule]] tables"))
            continue
        for index, raw in enumerate(raw_rules, start=1):
            rule_id = raw.get("id") if isinstance(raw, dict) else None
            label = rule_id if isinstance(rule_id, str) else f"#{index}"
            try:
                rule = build_rule(raw, path.name, result.index, result)
            except RuleError as exc:
                result.errors.append(LoadError(path.name, label, str(exc)))
                continue
            if rule.id in by_id:
                result.rules[by_id[rule.id]] = rule
                result.notices.append(_replaced(path, rule.id, origin[rule.id], shipped))
            else:
                by_id[rule.id] = len(result.rules)
                result.rules.append(rule)
            origin[rule.id] = path
    _check_signal_names(result)
    return result


def _merge_concepts(result: PackSet, source: str, raw: object) -> None:
    if not isinstance(raw, dict):
        result.errors.append(LoadError(source, None, "'concept' must be [concept.NAME] tables"))
        return
    for name, table in raw.items():
        if not re.fullmatch(r"[A-Z][A-Z0-9_]*", name):
            reason = f"concept '{name}' must be named in capitals (A-Z, 0-9, _)"
            result.errors.append(LoadError(source, None, reason))
            continue
        values = table.get("phrases", []) if isinstance(table, dict) else None
        patterns = table.get("patterns", []) if isinstance(table, dict) else None
        if not _is_text_list(values) or not _is_text_list(patterns) or not (values or patterns):
            reason = f"concept '{name}' needs a 'phrases' or 'patterns' list"
            result.errors.append(LoadError(source, None, reason))
            continue
        try:
            compiled = [
                re.compile(p, re.IGNORECASE if table.get("ignore_case", True) else 0)
                for p in patterns
            ]
        except re.error as exc:
            result.errors.append(LoadError(source, None, f"concept '{name}': {exc}"))
            continue
        result.concept_phrases.setdefault(name, []).extend(values)
        result.concept_patterns.setdefault(name, []).extend(compiled)
        if table.get("negatable"):
            result.negatable.add(name)


def _build_concepts(result: PackSet) -> None:
    for name, values in result.concept_phrases.items():
        try:
            for value in values:
                phrases.phrase_pattern(value)
        except (ValueError, re.error) as exc:
            result.errors.append(LoadError("concepts", None, f"concept '{name}': {exc}"))
            continue
        patterns = tuple(result.concept_patterns.get(name, ()))
        negatable = name in result.negatable
        result.concepts[name] = Concept(name, values, result.index, negatable, patterns)


def _load_grammar(result: PackSet, source: str, raw: object) -> None:
    if not isinstance(raw, dict):
        result.errors.append(LoadError(source, None, "'grammar' must be a table"))
        return
    try:
        negators = frozenset(w.lower() for w in _texts(raw, "negators"))
        sentence, post = _texts(raw, "debunk_sentence"), _texts(raw, "debunk_post")
        denied = _texts(raw, "negated_assurance")
        terms = _texts(raw, "terms")
        categories = frozenset(_texts(raw, "categories"))
        result.grammar = Grammar(
            negators=negators,
            negated_assurance=result.index.add(denied) if denied else None,
            debunk_sentence=result.index.add(sentence) if sentence else None,
            debunk_post=result.index.add(post) if post else None,
            categories=categories,
            terms=result.index.add(terms) if terms else None,
        )
    except (RuleError, ValueError, re.error) as exc:
        result.errors.append(LoadError(source, None, f"grammar: {exc}"))


def _replaced(path: Path, rule_id: str, earlier: Path, shipped: Path | None) -> LoadError:
    if shipped is not None and earlier.parent == shipped and path.parent != shipped:
        reason = (
            f"replaces the shipped rule with this id (from {earlier.name}); "
            "give it another id unless that was meant"
        )
    else:
        reason = f"this id is also used in {earlier.name}; only this one is used"
    return LoadError(path.name, rule_id, reason)


def _merge_signals(result: PackSet, source: str, raw: object) -> None:
    if not isinstance(raw, dict):
        result.errors.append(LoadError(source, None, "'signals' must be a table of lists"))
        return
    for name, values in raw.items():
        if not _is_text_list(values):
            result.errors.append(LoadError(source, None, f"signal '{name}' must be a list"))
            continue
        try:
            phrases.compile_phrases(values)
        except (ValueError, re.error) as exc:
            result.errors.append(LoadError(source, None, f"signal '{name}': {exc}"))
            continue
        result.signals.setdefault(name, []).extend(values)


def _check_signal_names(result: PackSet) -> None:
    kept: list[Rule] = []
    for rule in result.rules:
        unknown = [s for s in (*rule.when, *rule.unless_signal) if s not in result.signals]
        if unknown:
            reason = f"uses an unknown signal '{unknown[0]}'"
            result.errors.append(LoadError(rule.source, rule.id, reason))
        else:
            kept.append(rule)
    result.rules = kept


def _is_text_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _text(raw: Mapping[str, Any], key: str, *, required: bool = True) -> str:
    value = raw.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise RuleError(f"needs '{key}' as text")
    return " ".join(value.split()) if key == "message" else value.strip()


def _texts(raw: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not _is_text_list(value):
        raise RuleError(f"'{key}' must be a list of texts")
    return tuple(value)


def build_rule(
    raw: object, source: str, index: WordIndex | None = None, packs: PackSet | None = None
) -> Rule:
    if not isinstance(raw, dict):
        raise RuleError("must be a table")
    rule_id = _text(raw, "id")
    category = _text(raw, "category")
    if category not in CATEGORIES:
        raise RuleError(f"has an unknown category '{category}'")
    if rule_id != category and not rule_id.startswith(category + "."):
        raise RuleError(f"id must begin with its category '{category}'")
    severity = _text(raw, "severity")
    if severity not in SEVERITIES:
        raise RuleError(f"severity must be one of {', '.join(SEVERITIES)}")
    check_type = _text(raw, "check")
    if check_type not in CHECK_TYPES:
        raise RuleError(f"has an unknown check type '{check_type}'")
    platforms = _texts(raw, "platforms")
    known = load_platforms()
    if any(p not in known for p in platforms):
        raise RuleError(f"names an unknown platform in {list(platforms)}")
    index = index if index is not None else WordIndex()
    examples = raw.get("examples", {})
    if not isinstance(examples, dict):
        raise RuleError("'examples' must be a table with 'trigger' and 'pass' lists")
    return Rule(
        id=rule_id,
        category=category,
        severity=severity,  # type: ignore[arg-type]
        message=_text(raw, "message"),
        explanation=_text(raw, "explanation"),
        reference=_text(raw, "reference", required=False),
        check=_BUILDERS[check_type](raw, index, packs or PackSet(index=index)),
        check_type=check_type,
        source=source,
        platforms=platforms,
        when=_texts(raw, "when"),
        unless_signal=_texts(raw, "unless_signal"),
        trigger_examples=_texts(examples, "trigger"),
        pass_examples=_texts(examples, "pass"),
    )


def _phrase_pattern(values: tuple[str, ...], key: str) -> re.Pattern[str] | None:
    if not values:
        return None
    try:
        return phrases.compile_phrases(values)
    except (ValueError, re.error) as exc:
        raise RuleError(f"'{key}': {exc}") from exc


def _filters(raw: Mapping[str, Any]) -> checks.Filters:
    scope = raw.get("scope", "sentence")
    if scope not in ("sentence", "text"):
        raise RuleError("'scope' must be 'sentence' or 'text'")
    return checks.Filters(
        exceptions=_phrase_pattern(_texts(raw, "exceptions"), "exceptions"),
        near=_phrase_pattern(_texts(raw, "near"), "near"),
        unless=_phrase_pattern(_texts(raw, "unless"), "unless"),
        scope=scope,
    )


def _phrase_set(values: Sequence[str], key: str, index: WordIndex) -> PhraseSet:
    try:
        return index.add(values)
    except (ValueError, re.error) as exc:
        raise RuleError(f"'{key}': {exc}") from exc


def _build_phrases(raw: Mapping[str, Any], index: WordIndex, packs: PackSet) -> checks.Check:
    values = _expand_concepts(_texts(raw, "phrases"), packs)
    if not values:
        raise RuleError("a 'phrases' check needs a non-empty 'phrases' list")
    return checks.PhraseCheck(
        phrases=_phrase_set(values, "phrases", index),
        filters=_filters(raw),
        suggestions=_texts(raw, "suggestions"),
    )


def _build_substitution(raw: Mapping[str, Any], index: WordIndex, packs: PackSet) -> checks.Check:
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


def _compile_regex(source: object, raw: Mapping[str, Any]) -> regex.Pattern[str]:
    if not isinstance(source, str) or not source:
        raise RuleError("needs 'pattern' as a regular expression")
    flags = regex.VERSION1 if raw.get("version1") else 0
    if not raw.get("case_sensitive", False):
        flags |= regex.IGNORECASE
    try:
        return regex.compile(source, flags)
    except regex.error as exc:
        raise RuleError(f"pattern does not compile ({exc})") from exc


def _build_pattern(raw: Mapping[str, Any], _index: WordIndex, _packs: PackSet) -> checks.Check:
    pattern = _compile_regex(raw.get("pattern"), raw)
    anchors = _texts(raw, "anchors")
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
        pattern=pattern,
        anchors=tuple(a.lower() for a in anchors) or None,
        timeout=float(timeout),
        filters=_filters(raw),
        suggestions=_texts(raw, "suggestions"),
        group=group,
    )


def _build_count(raw: Mapping[str, Any], _index: WordIndex, _packs: PackSet) -> checks.Check:
    what = raw.get("count")
    if what not in checks.COUNTABLES:
        raise RuleError(f"'count' must be one of {', '.join(checks.COUNTABLES)}")
    maximum = raw.get("max")
    if not isinstance(maximum, int) or maximum < 0:
        raise RuleError("a 'count' check needs 'max' as a whole number")
    return checks.CountCheck(what=what, maximum=maximum)


def _build_caps(raw: Mapping[str, Any], _index: WordIndex, _packs: PackSet) -> checks.Check:
    threshold = raw.get("max_share", 0.5)
    min_letters = raw.get("min_letters", 20)
    if not isinstance(threshold, int | float) or not 0 < threshold < 1:
        raise RuleError("'max_share' must be a fraction between 0 and 1")
    if not isinstance(min_letters, int) or min_letters < 1:
        raise RuleError("'min_letters' must be a whole number")
    return checks.CapsShareCheck(threshold=float(threshold), min_letters=min_letters)


def _build_required(raw: Mapping[str, Any], _index: WordIndex, _packs: PackSet) -> checks.Check:
    source = raw.get("requires")
    pattern = raw.get("requires_pattern")
    if (source is None) == (pattern is None):
        raise RuleError("a 'required' check needs exactly one of 'requires' or 'requires_pattern'")
    if source is not None:
        if not isinstance(source, str) or not source.strip():
            raise RuleError("'requires' must be text or profile.<field>")
        field_name = source.removeprefix("profile.")
        if source.startswith("profile.") and field_name not in _PROFILE_FIELDS:
            raise RuleError(f"'requires' names an unknown profile field '{field_name}'")
        return checks.RequiredCheck(source=source, pattern=None)
    return checks.RequiredCheck(
        source=None, pattern=_compile_regex(pattern, raw), suggestions_from_source=False
    )


def _expand_concepts(values: Sequence[str], packs: PackSet) -> list[str]:
    """`{NAME}` entries stand for every phrase of that concept."""
    expanded: list[str] = []
    for value in values:
        ref = _CONCEPT_REF.match(value.strip())
        if ref is None:
            expanded.append(value)
        elif ref.group(1) in packs.concept_phrases:
            expanded.extend(packs.concept_phrases[ref.group(1)])
        else:
            raise RuleError(f"uses an unknown concept '{ref.group(1)}'")
    return expanded


def _build_concepts_check(
    raw: Mapping[str, Any], _index: WordIndex, packs: PackSet
) -> checks.Check:
    names = _texts(raw, "all")
    context = _texts(raw, "anywhere")
    if not names:
        raise RuleError("a 'concepts' check needs concept names in 'all'")
    unknown = [n for n in (*names, *context) if n not in packs.concepts]
    if unknown:
        raise RuleError(f"uses an unknown concept '{unknown[0]}'")
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


_PROFILE_FIELDS = {"name", "agency", "license_number", "disclosure", "broker_dealer_disclosure"}

_BUILDERS = {
    "phrases": _build_phrases,
    "substitution": _build_substitution,
    "pattern": _build_pattern,
    "count": _build_count,
    "caps": _build_caps,
    "required": _build_required,
    "concepts": _build_concepts_check,
}
