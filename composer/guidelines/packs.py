"""Load rule packs (TOML) into rules, reporting each broken rule without losing the rest.

A pack file holds an optional `[pack]` table, optional `[signals]` (named phrase lists
any pack may use in `when`), and `[[rule]]` tables. See resources/guidelines/README.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from composer.domain.files import read_text
from composer.guidelines import phrases, schema
from composer.guidelines.alternation import compile_phrases
from composer.guidelines.builtin.texts import reader_needs, reader_unless
from composer.guidelines.comments import CONTEXT_SIGNALS
from composer.guidelines.concepts import Concept, Grammar
from composer.guidelines.phrase_set import PhraseSet
from composer.guidelines.rule_builder import (
    Rule,
    RuleError,
    build_rule,
    is_text_list,
    texts,
)
from composer.guidelines.wordindex import WordIndex

__all__ = ["LoadError", "PackSet", "Rule", "RuleError", "build_rule", "load_packs", "pack_files"]

# Signals the engine itself reads, so they count as used even when no rule names them. The
# ones the posts' reader needs or is kept quiet by are named in builtin.toml and counted
# from there (see `reader_needs` and `reader_unless`), not listed here again.
ENGINE_SIGNALS = (
    "promotional",
    "comment-unanswered",
    "comment-grievance",
    "comment-personal",
    "comment-praise",
)


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
    notices: list[LoadError] = field(default_factory=list)  # worth knowing, not broken
    signal_sources: dict[str, str] = field(default_factory=dict)  # first file naming each
    files: list[Path] = field(default_factory=list)
    index: WordIndex = field(default_factory=WordIndex)
    concepts: dict[str, Concept] = field(default_factory=dict)
    concept_phrases: dict[str, list[str]] = field(default_factory=dict)
    negatable: set[str] = field(default_factory=set)
    concept_patterns: dict[str, list[re.Pattern[str]]] = field(default_factory=dict)
    grammar: Grammar = field(default_factory=Grammar)
    # The signals' phrase sets, in the index, once an engine's worth of them is made (see
    # `add_signal_sets`): kept with cached packs, so a fresh process does not parse them.
    signal_sets: dict[str, PhraseSet] | None = None


def add_signal_sets(packs: PackSet) -> dict[str, PhraseSet]:
    """The signals' phrase sets, added to the packs' index (once) after everything else, as
    an engine adds them."""
    if packs.signal_sets is None:
        packs.signal_sets = {name: packs.index.add(v) for name, v in packs.signals.items()}
    return packs.signal_sets


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
    parsed: list[tuple[Path, str, dict[str, Any]]] = []
    for directory in directories:
        for path in pack_files([directory]):
            if (data := _read(result, path)) is not None:
                parsed.append((directory, path.name, data))
    for _directory, source, data in parsed:
        _merge_signals(result, source, data.get("signals", {}))
        _merge_concepts(result, source, data.get("concept", {}))
    for _directory, source, data in parsed:
        if "grammar" in data:
            _load_grammar(result, source, data["grammar"])
    _build_concepts(result)
    by_id: dict[str, tuple[int, Path, str]] = {}
    for directory, source, data in parsed:
        raw_rules = data.get("rule", [])
        if not isinstance(raw_rules, list):
            result.errors.append(LoadError(source, None, "'rule' must be [[rule]] tables"))
            continue
        for index, raw in enumerate(raw_rules, start=1):
            rule_id = raw.get("id") if isinstance(raw, dict) else None
            label = rule_id if isinstance(rule_id, str) else f"#{index}"
            try:
                rule = build_rule(raw, source, result.index, result)
            except RuleError as exc:
                result.errors.append(LoadError(source, label, str(exc)))
                continue
            _place(result, by_id, rule, directory, shipped)
    _check_signal_names(result)
    return result


def _read(result: PackSet, path: Path) -> dict[str, Any] | None:
    """A pack file's tables, or None when it cannot be read; unknown tables are errors."""
    import tomllib  # here: a cached pack set never parses, and the parser costs milliseconds

    result.files.append(path)
    try:
        data = tomllib.loads(read_text(path))
    except (OSError, UnicodeDecodeError) as exc:
        result.errors.append(LoadError(path.name, None, f"cannot be read ({exc})"))
        return None
    except tomllib.TOMLDecodeError as exc:
        result.errors.append(LoadError(path.name, None, f"is not valid TOML ({exc})"))
        return None
    for reason in schema.unknown_keys(data, schema.TOP_LEVEL, "top level"):
        result.errors.append(LoadError(path.name, None, reason))
    pack = data.get("pack", {})
    if not isinstance(pack, dict):
        result.errors.append(LoadError(path.name, None, "'pack' must be a table"))
    else:
        for reason in schema.unknown_keys(pack, schema.PACK, "[pack]"):
            result.errors.append(LoadError(path.name, None, reason))
    builtin = data.get("builtin", {})
    for key, table in builtin.items() if isinstance(builtin, dict) else ():
        if isinstance(table, dict):
            for reason in schema.unknown_keys(table, schema.BUILTIN, f'[builtin."{key}"]'):
                result.errors.append(LoadError(path.name, None, reason))
    return data


def _place(
    result: PackSet,
    by_id: dict[str, tuple[int, Path, str]],
    rule: Rule,
    directory: Path,
    shipped: Path | None,
) -> None:
    """Add a rule. A shipped id used twice is an error; a custom rule reusing an id replaces
    the earlier rule (how custom packs override) and says so, naming where the first was."""
    earlier = by_id.get(rule.id)
    if earlier is None:
        by_id[rule.id] = (len(result.rules), directory, rule.source)
        result.rules.append(rule)
        return
    if earlier[1] == directory and directory == shipped:
        reason = f"duplicate id: already defined in {earlier[2]}"
        result.errors.append(LoadError(rule.source, rule.id, reason))
        return
    result.rules[earlier[0]] = rule
    by_id[rule.id] = (earlier[0], directory, rule.source)
    if shipped is not None and earlier[1] == shipped:
        reason = (
            f"replaces the shipped rule with this id (from {earlier[2]}); "
            "give it another id unless that was meant"
        )
    else:
        reason = f"this id is also used in {earlier[2]}; only this one is used"
    result.notices.append(LoadError(rule.source, rule.id, reason))


def _merge_concepts(result: PackSet, source: str, raw: object) -> None:
    if not isinstance(raw, dict):
        result.errors.append(LoadError(source, None, "'concept' must be [concept.NAME] tables"))
        return
    for name, table in raw.items():
        if not re.fullmatch(r"[A-Z][A-Z0-9_]*", name):
            reason = f"concept '{name}' must be named in capitals (A-Z, 0-9, _)"
            result.errors.append(LoadError(source, None, reason))
            continue
        if isinstance(table, dict) and (
            bad := schema.unknown_keys(table, schema.CONCEPT, f"concept '{name}'")
        ):
            result.errors.extend(LoadError(source, None, reason) for reason in bad)
            continue
        values = table.get("phrases", []) if isinstance(table, dict) else None
        patterns = table.get("patterns", []) if isinstance(table, dict) else None
        if not is_text_list(values) or not is_text_list(patterns) or not (values or patterns):
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
                phrases.parse(value)
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
    if bad := schema.unknown_keys(raw, schema.GRAMMAR, "[grammar]"):
        result.errors.extend(LoadError(source, None, reason) for reason in bad)
        return
    try:
        negators = frozenset(w.lower() for w in texts(raw, "negators"))
        sentence, post = texts(raw, "debunk_sentence"), texts(raw, "debunk_post")
        denied = texts(raw, "negated_assurance")
        terms = texts(raw, "terms")
        categories = frozenset(texts(raw, "categories"))
        corrected = texts(raw, "quote_corrected")
        scams = texts(raw, "scam_post")
        result.grammar = Grammar(
            negators=negators,
            negated_assurance=result.index.add(denied) if denied else None,
            debunk_sentence=result.index.add(sentence) if sentence else None,
            debunk_post=result.index.add(post) if post else None,
            scam_post=result.index.add(scams) if scams else None,
            categories=categories,
            terms=result.index.add(terms) if terms else None,
            quote_corrected=result.index.add(corrected) if corrected else None,
            quote_keeps=frozenset(texts(raw, "quote_keeps")),
        )
    except (RuleError, ValueError, re.error) as exc:
        result.errors.append(LoadError(source, None, f"grammar: {exc}"))


def _merge_signals(result: PackSet, source: str, raw: object) -> None:
    if not isinstance(raw, dict):
        result.errors.append(LoadError(source, None, "'signals' must be a table of lists"))
        return
    for name, values in raw.items():
        if not is_text_list(values):
            result.errors.append(LoadError(source, None, f"signal '{name}' must be a list"))
            continue
        try:
            compile_phrases(values)
        except (ValueError, re.error) as exc:
            result.errors.append(LoadError(source, None, f"signal '{name}': {exc}"))
            continue
        result.signals.setdefault(name, []).extend(values)
        result.signal_sources.setdefault(name, source)


def _check_signal_names(result: PackSet) -> None:
    """Rules may only use defined signals; a signal nothing uses is most likely a typo."""
    kept: list[Rule] = []
    used = {*ENGINE_SIGNALS, *reader_needs().values(), *reader_unless().values()}
    for rule in result.rules:
        used.update(rule.when, rule.unless_signal)
        unknown = [
            s
            for s in (*rule.when, *rule.unless_signal)
            if s not in result.signals and s not in CONTEXT_SIGNALS
        ]
        if unknown:
            hint = schema.suggestion(unknown[0], result.signals)
            reason = f"uses an unknown signal '{unknown[0]}'{hint}"
            result.errors.append(LoadError(rule.source, rule.id, reason))
        else:
            kept.append(rule)
    result.rules = kept
    for name in result.signals:
        if name not in used:
            hint = schema.suggestion(name, used)
            reason = f"[signals]: unknown signal '{name}' (no rule uses it){hint}"
            result.errors.append(LoadError(result.signal_sources[name], None, reason))
