"""Which phrase alternatives anything exercises: wording no example or post ever matches.

A phrase such as `(can't|cannot|won't) lose` is three alternatives. One that no trigger
example and no labelled post matches is either real wording nobody has shown the rule (add
an example) or a guess nobody writes (delete it); either way an untested alternative is
where false alarms hide. A concept's regular-expression `patterns` count one each.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from composer.domain.files import read_text
from composer.guidelines import checks, phrases
from composer.guidelines.engine import Engine
from composer.guidelines.examples import split_example
from composer.guidelines.facts import TextFacts
from composer.guidelines.packs import PackSet
from composer.guidelines.wordindex import WordIndex


@dataclass(frozen=True, slots=True)
class Unexercised:
    phrase: str  # the phrase (or pattern) as written
    alternative: str  # the alternative nothing matched


@dataclass
class Entry:
    """One rule's or one concept's alternatives."""

    kind: str  # "rule" or "concept"
    name: str
    total: int = 0
    unexercised: list[Unexercised] = field(default_factory=list)

    @property
    def exercised(self) -> int:
        return self.total - len(self.unexercised)


def corpus_texts(paths: Iterable[Path], *, all_posts: bool = False) -> list[str]:
    """Posts from JSON-lines files (or folders of them); by default only labelled ones."""
    texts: list[str] = []
    for path in paths:
        files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
        for file in files:
            for line in read_text(file).splitlines():
                if not line.strip():
                    continue
                post = json.loads(line)
                if all_posts or post.get("expect"):
                    texts.append(post["text"])
    return texts


def measure(packs: PackSet, texts: Iterable[str]) -> list[Entry]:
    """Every rule's and concept's alternatives, and those none of `texts` (nor any rule's
    trigger examples) exercises, matched against the view the rules read."""
    engine = Engine(packs.rules, {}, index=packs.index, grammar=packs.grammar)
    views = [engine.view(t).text for t in [*texts, *_examples(packs)]]
    from_concepts = {p for values in packs.concept_phrases.values() for p in values}
    groups: list[tuple[Entry, list[str]]] = []
    for rule in packs.rules:
        if isinstance(rule.check, checks.PhraseCheck | checks.SubstitutionCheck):
            own = [p for p in rule.check.phrases.values if p not in from_concepts]
            groups.append((Entry("rule", rule.id), own))
    for name in dict.fromkeys([*packs.concept_phrases, *packs.concept_patterns]):
        groups.append((Entry("concept", name), list(packs.concept_phrases.get(name, []))))
    _phrase_coverage(groups, views)
    for entry, _ in groups:
        for pattern in (
            packs.concept_patterns.get(entry.name, []) if entry.kind == "concept" else ()
        ):
            entry.total += 1
            if not any(pattern.search(view) for view in views):
                entry.unexercised.append(Unexercised(pattern.pattern, pattern.pattern))
    return [entry for entry, _ in groups]


def _examples(packs: PackSet) -> Iterator[str]:
    for rule in packs.rules:
        yield from (split_example(text)[1] for text in rule.trigger_examples)


def _phrase_coverage(groups: list[tuple[Entry, list[str]]], views: list[str]) -> None:
    """Find each phrase through a word index first, then try its alternatives where it hit."""
    index = WordIndex()
    distinct = sorted({p for _, values in groups for p in values if _parses(p)})
    sets = {value: index.add([value]).set_id for value in distinct}
    where: dict[int, list[str]] = {}
    for view in views:
        for set_id in index.scan(TextFacts(view)):
            where.setdefault(set_id, []).append(view)
    for entry, values in groups:
        for value in dict.fromkeys(values):
            if value not in sets:
                continue  # a phrase that does not parse: loading the packs already said so
            found = where.get(sets[value], [])
            for label, narrowed in phrases.parse(value).alternatives():
                entry.total += 1
                pattern = re.compile(narrowed.source(), re.IGNORECASE)
                if not any(pattern.search(view) for view in found):
                    entry.unexercised.append(Unexercised(value, label))


def to_json(entries: list[Entry]) -> list[dict[str, object]]:
    return [
        {
            "kind": e.kind,
            "name": e.name,
            "alternatives": e.total,
            "exercised": e.exercised,
            "unexercised": [
                {"phrase": u.phrase, "alternative": u.alternative} for u in e.unexercised
            ],
        }
        for e in entries
    ]


def to_text(entries: list[Entry]) -> str:
    lines: list[str] = []
    for e in entries:
        mark = "" if not e.unexercised else f"  ({len(e.unexercised)} unexercised)"
        lines.append(f"{e.kind} {e.name}: {e.exercised}/{e.total}{mark}")
        lines.extend(f"    {u.alternative!r} in {u.phrase!r}" for u in e.unexercised)
    total = sum(e.total for e in entries)
    missing = sum(len(e.unexercised) for e in entries)
    lines.append(f"\n{total - missing}/{total} alternatives exercised, {missing} unexercised")
    return "\n".join(lines)


def _parses(value: str) -> bool:
    try:
        phrases.parse(value)
    except (ValueError, re.error):
        return False
    return True
