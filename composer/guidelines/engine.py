"""The guideline engine: rule packs plus built-in checks, run over one post at a time.

Pure Python and free of Qt, so the window, the command line and the tests share it. One
Engine is built once (packs compiled up front) and then checks many texts quickly.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from composer.domain.conversations import CommentReading
from composer.domain.findings import CheckResult, Finding, PlatformCount
from composer.domain.layout import shipped_rules_dir
from composer.domain.profile import Profile
from composer.guidelines.builtin.characters import check_characters
from composer.guidelines.builtin.history import HistoryCheck
from composer.guidelines.builtin.media_checks import check_media
from composer.guidelines.builtin.platform_checks import check_platforms
from composer.guidelines.builtin.texts import builtin_text, reader_needs, reader_unless
from composer.guidelines.checks import (
    Check,
    Hit,
    PatternTimeoutError,
    PhraseCheck,
    SubstitutionCheck,
)
from composer.guidelines.comments import PRAISE_SIGNAL, context_signals, read_comment
from composer.guidelines.concept_check import ConceptCheck
from composer.guidelines.concepts import Grammar
from composer.guidelines.facts import TextFacts
from composer.guidelines.inputs import CheckInput
from composer.guidelines.language import reads_as_english
from composer.guidelines.normalise import Normalised, normalise
from composer.guidelines.own_words import Protected, own_spans
from composer.guidelines.pack_cache import load_packs_cached
from composer.guidelines.packs import LoadError, Rule, add_signal_sets
from composer.guidelines.phrase_set import PhraseSet
from composer.guidelines.prefilter import Need, may_match
from composer.guidelines.reader import (
    COMMENT_MODEL_FILE,
    MAX_CHARS,
    REPLY_MODEL_FILE,
    LazyReader,
    Reader,
    Reading,
    doubted,
    load_reader,
    loaded,
    reader_finding,
    reads_as_complaint,
)
from composer.guidelines.tidy import tidy
from composer.guidelines.unread import deferrable, unread_sets
from composer.guidelines.wordindex import PhraseHit, WordIndex

if TYPE_CHECKING:
    from composer.guidelines.builtin.spelling import SpellingCheck

BuiltinCheck = Callable[[CheckInput, TextFacts], Iterable[Finding]]
# What a check needs before it can find anything: its phrases in the text, or a text that
# one of its patterns could match (see `_gate`). None: it is always asked.
_Gate = tuple[PhraseSet, tuple[tuple[Need, ...], ...]] | None
_NO_FAULT_HINT = frozenset({"conversation.liability"})  # the reply reader never hints at it
_NONE_UNHINTED: frozenset[str] = frozenset()  # the posts' reader hints at every category
# Fewer words than this and the posts' reader never doubts a rule's finding. Across the
# 30,042 labelled posts (in sample), doubting posts shorter than this took one clean post off
# the loud list and made 18 right findings suggestions, among them "This is a sure thing for
# your retirement!" after one retraining read it as 46 % likely a guarantee.
DOUBT_WORDS = 15


class _Context:
    """Per-check state handed to rule checks: facts, profile and cached signals."""

    __slots__ = ("_cache", "_signals", "facts", "profile")

    def __init__(
        self,
        facts: TextFacts,
        profile: Profile | None,
        signals: dict[str, PhraseSet],
        conversation: dict[str, bool] | None = None,
    ) -> None:
        self.facts = facts
        self.profile = profile
        self._signals = signals
        # The conversation signals (a reply? to a complaint?) are known before any rule runs.
        self._cache: dict[str, bool] = dict(conversation or context_signals(None))

    def signal(self, name: str) -> bool:
        cached = self._cache.get(name)
        if cached is None:
            cached = self._cache[name] = self._signals[name].present(self.facts)
        return cached


class Engine:
    def __init__(
        self,
        rules: Sequence[Rule],
        signals: dict[str, list[str]],
        builtins: Sequence[BuiltinCheck] = (),
        load_errors: Sequence[LoadError] = (),
        index: WordIndex | None = None,
        grammar: Grammar | None = None,
        load_notices: Sequence[LoadError] = (),
        signal_sets: dict[str, PhraseSet] | None = None,
        reader: Reader | None = None,
        comment_reader: Reader | LazyReader | None = None,
        reply_reader: Reader | LazyReader | None = None,
    ) -> None:
        self.rules = list(rules)
        self.load_errors = list(load_errors)
        self.load_notices = list(load_notices)  # e.g. a custom rule replacing a shipped one
        index = index if index is not None else WordIndex()
        self._index = index
        self.grammar = grammar or Grammar()
        if signal_sets is None:  # `signals` made into phrase sets here, in the index
            signal_sets = {name: index.add(values) for name, values in signals.items()}
        self._signals = signal_sets
        # asked for by name only (`_Context.signal`, the readers' needs): looked for when asked
        index.defer(deferrable(self.rules, signal_sets.values(), index))
        self._builtins = list(builtins)
        self._history = HistoryCheck(self.is_promotional)
        self.reader = reader
        # Read from disk when first asked for (`load`): only replies and comments need them.
        self._comment_reader: Reader | LazyReader | None = comment_reader
        self._reply_reader: Reader | LazyReader | None = reply_reader
        # The rules for each set of target platforms, with their gates (see `_plan`).
        self._plans: dict[
            tuple[frozenset[str], int, int], list[tuple[Rule, _Gate, int | None]]
        ] = {}
        self._unread_sets: dict[tuple[object, ...], frozenset[int]] = {}

    @classmethod
    def load(
        cls,
        extra_rule_dirs: Sequence[Path] = (),
        *,
        user_dictionary: Path | None = None,
        shipped: bool = True,
        style_checks: bool = True,
    ) -> Engine:
        """Build an engine from the shipped packs plus custom folders (later ones win)."""
        directories = [shipped_rules_dir()] if shipped else []
        directories.extend(extra_rule_dirs)
        with _collector_paused():  # everything it makes lives as long as the engine
            packs = load_packs_cached(directories, shipped_rules_dir() if shipped else None)
            builtins: list[BuiltinCheck] = []
            if style_checks:
                from composer.guidelines.builtin.readability import ReadabilityCheck
                from composer.guidelines.builtin.spelling import SpellingCheck

                builtins += [SpellingCheck(user_dictionary), ReadabilityCheck()]
            return cls(
                packs.rules,
                packs.signals,
                builtins,
                packs.errors,
                packs.index,
                packs.grammar,
                packs.notices,
                signal_sets=add_signal_sets(packs),
                reader=load_reader() if shipped else None,
                comment_reader=LazyReader(COMMENT_MODEL_FILE) if shipped else None,
                reply_reader=LazyReader(REPLY_MODEL_FILE) if shipped else None,
            )

    @property
    def comment_reader(self) -> Reader | None:
        """The model that reads a comment as a complaint or not (loaded when first used)."""
        return loaded(self._comment_reader)

    @comment_reader.setter
    def comment_reader(self, reader: Reader | None) -> None:
        self._comment_reader = reader

    @property
    def reply_reader(self) -> Reader | None:
        """The model that reads replies (tone, privacy...), loaded when first used."""
        return loaded(self._reply_reader)

    @reply_reader.setter
    def reply_reader(self, reader: Reader | None) -> None:
        self._reply_reader = reader

    @property
    def spelling(self) -> SpellingCheck | None:
        """The spelling check, for suggestions and "add to dictionary" in the window."""
        from composer.guidelines.builtin.spelling import SpellingCheck

        return next((b for b in self._builtins if isinstance(b, SpellingCheck)), None)

    def with_rules(self, rules: Sequence[Rule]) -> Engine:
        """A lean engine with only `rules` (no built-ins), sharing this one's signals."""
        lean = Engine(rules, {})
        lean._signals = self._signals
        lean._index = self._index
        lean.grammar = self.grammar
        lean._history = HistoryCheck(lambda _text: False)
        return lean

    def signal_present(self, name: str, text: str) -> bool:
        signal = self._signals.get(name)
        return signal is not None and signal.present(TextFacts(self.view(text).text))

    def view(self, text: str, facts: TextFacts | None = None) -> Normalised:
        """The matching view of a text (see `normalise`): what rules and signals read."""
        emoji = () if text.isascii() else (facts or TextFacts(text)).emoji
        return normalise(text, emoji=emoji, vocabulary=self._index.knows)

    def reader_text(self, facts: TextFacts, protected: Protected | None = None) -> str:
        """What the learned readers read: the matching view with the agent's own words and
        the grammar's terms of art ("guaranteed renewable", "$0 premium") blanked, offsets
        unchanged. The training script reads its labelled texts through this too."""
        text = protected.blanked(facts.text) if protected is not None else facts.text
        parts: list[str] = []
        done = 0
        for start, end in self.grammar.term_spans(facts):  # in order, never overlapping
            parts += [text[done:start], " " * (end - start)]
            done = end
        return "".join(parts) + text[done:] if parts else text

    def is_promotional(self, text: str) -> bool:
        """The one shared definition of a promotional post (disclosure, promo-mix)."""
        return self.signal_present("promotional", text)

    def check(self, inp: CheckInput) -> CheckResult:
        # A check makes many small objects (hundreds of thousands for a long text) that all
        # live until it ends: the collector's passes over them find nothing to free, cost a
        # tenth of a long text's time and were most of the slowest posts' extra
        # milliseconds (p99). It catches up after, freeing what the check left (its facts
        # and their caches).
        with _collector_paused():
            return self._check(inp)

    def read_comment(self, text: str, rating: int | None = None) -> CommentReading:
        """What the reply checks read in a comment: a complaint? personal details?

        `rating` is a review's stars when the comment has them: 1 or 2 is a complaint
        (`low-rating`) unless the words already said why; 3 to 5 change nothing."""
        view = self.view(text)
        facts = TextFacts(view.text)

        def find(name: str) -> str:
            signal = self._signals.get(name)
            hits = signal.hits(facts) if signal is not None else []
            if not hits:
                return ""
            start, end = view.span(hits[0].start, hits[0].end)
            return view.original[start:end]

        reading = read_comment(text, find, rating)
        if reading.complaint or self.comment_reader is None or find(PRAISE_SIGNAL):
            return reading
        if not reads_as_complaint(self.comment_reader, view.text):
            return reading
        # No grievance word, but it reads like the complaints the reader learned from:
        # offered for the register like any other (the reply checks treat it as one).
        first = facts.sentences[0] if facts.sentences else (0, len(view.text))
        start, end = view.span(*first)
        return replace(reading, complaint=True, reason="reads-like", evidence=text[start:end])

    def _check(self, inp: CheckInput) -> CheckResult:
        facts = TextFacts(inp.text)  # the text as given: counts, spelling, readability
        view = self.view(inp.text, facts)
        seen = facts if view.text == inp.text else TextFacts(view.text)  # what rules read
        comment = inp.comment
        reading = self.read_comment(comment.text, comment.rating) if comment is not None else None
        conversation = context_signals(reading)
        ctx = _Context(seen, inp.profile, self._signals, conversation)
        protected = Protected(own_spans(seen, inp.profile))
        targets = set(inp.platforms)
        today = inp.today  # asked of the clock only for a rule that has dates or lines
        findings: list[Finding] = []
        index = self._index
        # the index's finds (nearly every rule's gate reads them), less what no rule that
        # can run here reads (see `unread`)
        scanned = index.scan(seen, self._unread(targets, conversation))
        for rule, gate in self._plan(targets, scanned):
            scope = rule.applicability
            if not scope.always:
                today = today or dt.date.today()
                if not scope.applies(inp.profile, today):
                    continue
            if rule.when and not all(ctx.signal(name) for name in rule.when):
                continue
            if rule.unless_signal and any(ctx.signal(name) for name in rule.unless_signal):
                continue
            if gate is not None:
                phrases, needs = gate
                if phrases.index is index:  # the engine's own index, as nearly always
                    raw = scanned.get(phrases.set_id)
                else:
                    raw = phrases.index.scan(seen).get(phrases.set_id)
                if not raw and not (needs and any(may_match(n, seen) for n in needs)):
                    continue  # none of its phrases in the text, none of its patterns can match
            try:
                findings.extend(
                    _finding(rule, hit, view)
                    for hit in rule.check.hits(ctx)
                    if hit.start is None or self._stands(rule, hit, seen, protected)
                )
            except PatternTimeoutError:
                findings.append(_timeout_finding(rule))
        platform_findings, counts = check_platforms(inp, facts)
        findings.extend(platform_findings)
        findings.extend(check_media(inp, facts))
        findings.extend(check_characters(view))
        for builtin in self._builtins:  # spelling and readability read the view too
            found = builtin(inp, seen)
            findings.extend(found if seen is facts else (_mapped(f, view) for f in found))
        findings.extend(self._history(inp, facts))
        if self.reader is not None or (inp.comment is not None and self.reply_reader):
            findings = self._read(inp, view, seen, protected, findings)
        return CheckResult(tuple(tidy(findings)), _ordered(counts, inp.platforms))

    def _plan(
        self, targets: set[str], scanned: dict[int, list[PhraseHit]]
    ) -> list[tuple[Rule, _Gate]]:
        """The rules to ask for a text, in order, each with its gate: those for the target
        platforms (worked out once per set of platforms), less those gated by the engine's
        own phrases alone that found none (most rules, on most texts)."""
        key = (frozenset(targets), len(self.rules), id(self._index))
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plans[key] = [
                (rule, _gate(rule.check), self._gated_by(rule))
                for rule in self.rules
                if not (rule.platforms and targets.isdisjoint(rule.platforms))
            ]
        return [(rule, gate) for rule, gate, only in plan if only is None or only in scanned]

    def _unread(self, targets: set[str], conversation: dict[str, bool]) -> frozenset[int]:
        """The sets of the engine's index that no rule which can run for these platforms
        and conversation signals reads, worked out once for each."""
        platforms = frozenset(targets)
        key = (platforms, *sorted(conversation.items()), len(self.rules), id(self._index))
        found = self._unread_sets.get(key)
        if found is None:
            found = unread_sets(self.rules, platforms, conversation, self._index)
            self._unread_sets[key] = found
        return found

    def _gated_by(self, rule: Rule) -> int | None:
        """The set of the engine's own phrases a rule needs and nothing else can stand in
        for (no pattern), or None when it is asked whatever the phrases found."""
        gate = _gate(rule.check)
        if gate is None or gate[1] or gate[0].index is not self._index:
            return None
        return gate[0].set_id

    def _read(
        self,
        inp: CheckInput,
        view: Normalised,
        facts: TextFacts,
        protected: Protected,
        findings: list[Finding],
    ) -> list[Finding]:
        """`findings` weighed by the learned readers, with their warnings added: categories
        they read that no rule found, never on the agent's own words (they are blanked
        before they read), and never where the grammar would silence a rule (negation, a
        myth corrected, a question, a quote). A reply is read first by the reader that
        learned from replies (tone, privacy, fault), then by the posts' reader for what is
        still unfound. A rule's finding the reader of its kind (posts' or replies') all but
        rules out is shown as a suggestion (`doubted`)."""
        if len(facts.text) > MAX_CHARS:  # a document, not a post: the readers leave it
            return findings
        if not reads_as_english(facts):  # they learned English words only
            return findings
        text = self.reader_text(facts, protected)
        whole = self.reader.probabilities(text) if self.reader is not None else None
        # A post of a few words gives the reader too little to overrule a rule on: what it
        # doubts is a post explaining, warning about or quoting the line, which takes more.
        doubts = inp.comment is None and len(text.split()) >= DOUBT_WORDS
        if whole is not None and doubts and self.reader is not None:
            findings = doubted(findings, self.reader, whole)
        found = {f.category for f in findings}
        readings: list[tuple[Reader, str, Reading]] = []
        if inp.comment is not None and (replies := self.reply_reader) is not None:
            said = replies.probabilities(text)
            findings = doubted(findings, replies, said, "reply-reader-doubt")
            found = {f.category for f in findings}
            # owning a slow callback is fine (the liability rules weigh what the comment is
            # about): the reader is not asked to hint at fault below its threshold
            read = replies.read(text, facts.sentences, frozenset(found), said, _NO_FAULT_HINT)
            readings += [(replies, "reply-reader", reading) for reading in read]
            # the specialist has spoken on its categories: the posts' reader is not asked
            found |= set(replies.categories)
        if self.reader is not None:
            if inp.comment is None:  # a post, not a reply: the conversation categories are moot
                found |= {c for c in self.reader.categories if c.startswith("conversation.")}
            else:  # it learned from posts: in a reply, thanks read to it like a testimonial
                # and customer service ("we'll make sure Lena sees this", "DM us a number and
                # I'll call you today") like a promise about a claim or a push to buy
                found |= {"compliance.testimonial", "compliance.claims-promise"}
                found.add("etiquette.hard-sell")
            unhinted = _NONE_UNHINTED if inp.comment is None else None  # hints on posts only
            read = self.reader.read(text, facts.sentences, frozenset(found), whole, unhinted)
            readings += [(self.reader, "reader", reading) for reading in read]
        needs, unless = reader_needs(), reader_unless()
        return findings + [
            reader_finding(reading, view, reader.posts, key)
            for reader, key, reading in readings
            # the grammar's scope holds for them too: a myth being corrected, a question...
            if not self.grammar.doubts_sentence(facts, reading.category, *reading.span)
            and (key != "reader" or self._reader_may(reading.category, needs, unless, facts))
        ]

    def _reader_may(
        self, category: str, needs: dict[str, str], unless: dict[str, str], facts: TextFacts
    ) -> bool:
        """Whether the posts' reader may speak of `category` in this text: the signal it
        needs is there (see `reader_needs`) and the one that rules it out is not."""
        if not self._has_signal(needs.get(category), facts):
            return False
        ruled_out = self._signals.get(unless[category]) if category in unless else None
        return ruled_out is None or not ruled_out.present(facts)

    def _has_signal(self, name: str | None, facts: TextFacts) -> bool:
        """Whether the text has signal `name` (True for no signal, or an unknown one)."""
        signal = self._signals.get(name) if name else None
        return signal is None or signal.present(facts)

    def _stands(self, rule: Rule, hit: Hit, facts: TextFacts, protected: Protected) -> bool:
        """A hit survives the grammar's scope and never lies on the agent's own words."""
        start, end = hit.start or 0, hit.end or 0
        if rule.category != "compliance.disclosure" and protected.touches(start, end):
            return False
        return not self.grammar.suppressed(facts, rule.category, start, end)

    def check_text(
        self,
        text: str,
        platforms: Sequence[str] = ("facebook",),
        profile: Profile | None = None,
    ) -> CheckResult:
        return self.check(CheckInput(text=text, platforms=tuple(platforms), profile=profile))


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The garbage collector paused (never switched on if it was off), for work whose
    objects all live until it ends: its passes over them would find nothing to free."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _gate(check: Check) -> _Gate:
    """What a check needs to find anything: a phrase check its phrases; a concept check its
    first concept, matched through the word index (its phrases, or a text one of its
    patterns may match). Every hit of those checks starts from one of these."""
    if isinstance(check, PhraseCheck | SubstitutionCheck):
        return check.phrases, ()
    if isinstance(check, ConceptCheck):
        return check.parts[0].gate()
    return None


def _finding(rule: Rule, hit: Hit, view: Normalised) -> Finding:
    start, end, flagged = hit.start, hit.end, ""
    if start is not None and end is not None:
        start, end = view.span(start, end)
        flagged = view.original[start:end]
    # Its fields in their order (rule, category, severity, message, explanation, reference,
    # start, end, text, suggestions), not by name: a dense text makes tens of thousands.
    return Finding(
        rule.id,
        rule.category,
        rule.severity,
        rule.message,
        rule.explanation,
        rule.reference,
        start,
        end,
        flagged,
        hit.suggestions,
    )


def _mapped(finding: Finding, view: Normalised) -> Finding:
    if finding.start is None or finding.end is None:
        return finding
    start, end = view.span(finding.start, finding.end)
    return replace(finding, start=start, end=end, text=view.original[start:end])


def _timeout_finding(rule: Rule) -> Finding:
    timeout = builtin_text("pattern-timeout")
    return timeout.finding(rule.id, rule.category, rule=rule.id, source=rule.source)


def _ordered(
    counts: dict[str, PlatformCount], platforms: Sequence[str]
) -> dict[str, PlatformCount]:
    return {name: counts[name] for name in platforms if name in counts}
