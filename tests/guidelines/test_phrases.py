"""The phrase compiler: forgiving about case, inflection and punctuation, strict about words."""

from __future__ import annotations

import re

import pytest

from composer.guidelines.alternation import compile_phrases
from composer.guidelines.facts import TextFacts
from composer.guidelines.heads import begins_at, start_heads
from composer.guidelines.phrases import parse, phrase_pattern
from composer.guidelines.wordindex import WordIndex


@pytest.mark.parametrize(
    ("phrase", "text", "flagged"),
    [
        ("guarantee return", "We GUARANTEED returns!", "GUARANTEED returns"),
        ("no-cost coverage", "no cost  coverage for all", "no cost  coverage"),
        ("no cost coverage", "No-cost coverage!", "No-cost coverage"),
        ("policy", "two policies", "policies"),
        ("promise", "promising", "promising"),
        ("don't need", "you don’t need it", "don’t need"),
        ("claim ~ approved", "your claim will surely be approved", "claim will surely be approved"),
        ("(free|no-cost) insurance", "No cost insurance", "No cost insurance"),
        ("$ (visa|gift) card", "a $100 Visa card", "$100 Visa card"),
        ("(my|our)? commission", "I'll share commission", "commission"),
        ("(my|our)? commission", "our commission", "our commission"),
        ("invest*", "investments", "investments"),
    ],
)
def test_phrase_matches_family(phrase: str, text: str, flagged: str) -> None:
    match = compile_phrases([phrase]).search(text)
    assert match is not None and match.group() == flagged


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        ("free", "carefree"),
        ("scam", "scampi"),
        ("claim ~ approved", "claim filed. Then approved"),
        ("cheat", "cheetah"),
        ("rate", "rather"),
        ("$0", "about $0.75 per $100 of payroll"),  # a number goes on past a decimal point
        ("top #", "the top 1,000 agents"),
    ],
)
def test_phrase_respects_word_and_sentence_edges(phrase: str, text: str) -> None:
    assert compile_phrases([phrase]).search(text) is None


def test_start_keys_cover_every_start() -> None:
    assert parse("(free|no-cost) (insurance|coverage)").start_keys(3) == {
        ("fre", False),
        ("no", True),
    }
    assert parse("(my|our)? commission").start_keys(3) == {
        ("my", True),
        ("our", False),
        ("com", False),
    }
    assert parse("(i'll|sh*t) x").start_keys(3) == {("i", True), ("sh", True)}
    assert parse("$ gift card").start_keys(3) is None


def test_start_heads_begin_every_match() -> None:
    """Every shipped phrase's matches at a word begin at one of its `start_heads`, in the
    lower-case letters the word index compares them with (it skips a phrase at a word
    whose head is none of them: "theft" at "the", "you're" at "your", "week" at "weekend")."""
    from composer.guidelines.checks import PhraseCheck, SubstitutionCheck
    from composer.guidelines.concept_check import ConceptCheck
    from composer.guidelines.engine import Engine
    from composer.guidelines.tokens import find_words_and_heads

    engine = Engine.load(style_checks=False)
    texts = [t for r in engine.rules for t in (*r.trigger_examples, *r.pass_examples)]
    heads = {  # (text, where a word starts): its head
        (text, start): head
        for text in texts
        for (start, _end), head in zip(*find_words_and_heads(text), strict=True)
    }
    values: set[str] = set()
    for rule in engine.rules:
        check = rule.check
        if isinstance(check, ConceptCheck):
            values.update(v for part in (*check.parts, *check.context) for v in part.values)
        elif isinstance(check, PhraseCheck | SubstitutionCheck):
            values.update(check.phrases.values)
    checked = whole = 0
    for value in sorted(values):
        phrase = parse(value)
        found = start_heads(phrase)
        if found is None:
            continue
        pattern = re.compile(phrase.source(), re.IGNORECASE)
        for text in texts:
            for match in pattern.finditer(text):
                head = heads.get((text, match.start()), "")
                if head.isascii() and head:
                    checked += 1
                    whole += head in found[0]
                    assert begins_at(found, head), (value, match.group())
    assert checked > 1000
    assert whole > checked // 2  # most are told by the whole head, not its beginning


def test_start_heads() -> None:
    theft = ("theft", "theftd", "thefted", "theftes", "thefting", "thefts")
    assert start_heads(parse("theft")) == (theft, ())
    heads = start_heads(parse("(your)? (policy|deny*|dry*|promise*)"))
    assert heads is not None
    assert heads[1] == ("den", "dr", "promis")
    assert set(heads[0]) == {"your", "yours", "youres", "youred", "yourd", "youring",
                             "policy", "policies", "policied", "policying"}  # fmt: skip
    you_are = start_heads(parse("you're covered"))
    assert you_are is not None
    assert begins_at(you_are, "you") and not begins_at(you_are, "your")
    week = start_heads(parse("(week|day) off"))
    assert week is not None
    assert begins_at(week, "weeks") and not begins_at(week, "weekend")
    assert begins_at(start_heads(parse("week* off")) or ((), ()), "weekend")
    assert start_heads(parse("wow !")) == ((), ("wow",))  # may end inside a word
    assert start_heads(parse("(no)? ~ cost")) is None


def test_word_pairs_kept_between_texts_are_left_alone_by_the_collector() -> None:
    """What the index keeps per word pair (tens of thousands of pairs in a long session)
    holds numbers and text only, so the garbage collector stops visiting it."""
    import gc

    index = WordIndex()
    phrases = index.add(["guaranteed growth", "(your|the) (home)? policy", "(no|zero) risk"])
    facts = TextFacts("Zero risk: your home policy and the policy give guaranteed growth.")
    assert len(phrases.hits(facts)) == 4
    for _ in range(5):  # a pass untracks a tuple once what it holds is untracked
        gc.collect()
    assert index._pairs
    # each pair's own tuple stays tracked (it holds a dict), nothing inside it
    assert not any(gc.is_tracked(part) for kept in index._pairs.values() for part in kept)


def test_word_index_finds_phrases_of_many_sets_in_one_pass() -> None:
    index = WordIndex()
    first = index.add(["guaranteed growth", "(no|zero) risk"])
    second = index.add(["$ gift card", "policy"])
    facts = TextFacts("Zero risk and GUARANTEED growth: a $50 gift card with each policy.")
    assert [facts.text[h.start : h.end] for h in first.hits(facts)] == [
        "Zero risk",
        "GUARANTEED growth",
    ]
    assert [facts.text[h.start : h.end] for h in second.hits(facts)] == ["$50 gift card", "policy"]


@pytest.mark.parametrize("bad", ["", "~ word", "word ~"])
def test_malformed_phrase_is_rejected(bad: str) -> None:
    with pytest.raises(ValueError):
        phrase_pattern(bad)


@pytest.mark.parametrize(
    ("phrase", "text"),
    [("deny* claims", "denies claims"), ("promise* payment", "promising payment")],
)
def test_wildcard_follows_spelling_changes(phrase: str, text: str) -> None:
    assert compile_phrases([phrase]).search(text) is not None


def test_a_phrase_is_parsed_once_into_slots_and_gaps() -> None:
    tree = parse("(my|our)? free-look ~ (renters insurance|policy*)")
    assert [None if s is None else (s.options, s.optional) for s in tree.items] == [
        ((("my",), ("our",)), True),
        ((("free",),), False),
        ((("look",),), False),
        None,
        ((("renters", "insurance"), ("policy*",)), False),
    ]
    assert tree.words() == ["my", "our", "free", "look", "renters", "insurance", "policy*"]
    assert tree.source() == phrase_pattern("(my|our)? free-look ~ (renters insurance|policy*)")


def test_alternatives_narrow_one_slot_at_a_time() -> None:
    narrowed = dict(parse("(my|our)? (gift|cash) card").alternatives())
    assert list(narrowed) == ["my", "our", "gift", "cash"]
    our = narrowed["our"].source()
    assert re.search(our, "our gift card", re.I) and not re.search(our, "gift card", re.I)
    assert re.search(narrowed["cash"].source(), "my cash card", re.I)
    assert not re.search(narrowed["cash"].source(), "my gift card", re.I)
    assert [label for label, _ in parse("no downside").alternatives()] == ["no downside"]


@pytest.mark.parametrize("phrase", ["(a|b (c|d)|e) f", "roll over your 401(k)", "(x|y))"])
def test_nested_or_stray_parentheses_are_an_error(phrase: str) -> None:
    with pytest.raises(ValueError, match="parentheses"):
        parse(phrase)


def test_words_sharing_endings_match_exactly_as_when_written_one_by_one() -> None:
    """A slot's neighbours that take the same endings share one group: same matches."""
    slot = "(will|must|pay|cover|covered|deny*|settle|approve|policy|$|two words|is|are)"
    shared = re.compile(parse(slot + " now").source(), re.I)
    separate = re.compile(
        "(?<![\\w$])(?:"
        + "|".join(
            f"(?:{parse(w).source().removeprefix('(?<![\\w$])')})" for w in slot[1:-1].split("|")
        )
        + ")[^\\w.!?\\n]+now(?:['’]?s)?(?!\\w)",
        re.I,
    )
    assert len(shared.pattern) < len(separate.pattern)
    texts = [
        "will now",
        "wills now",
        "must now",
        "pays now",
        "paid now",
        "covers now",
        "covered now",
        "covereds now",
        "denies now",
        "denied now",
        "settling now",
        "settle's now",
        "approves now",
        "policies now",
        "$100 now",
        "two words now",
        "is now",
        "are now",
        "arent now",
        "willing now",
        "cover's now",
        "coverage now",
    ]
    for text in texts:
        ours, theirs = shared.search(text), separate.search(text)
        assert (ours and ours.span()) == (theirs and theirs.span()), text


def test_a_gap_before_an_optional_slot_stays_when_the_slot_is_left_out() -> None:
    # "split ~ (my)? commission": the words between stay allowed without "my" too.
    pattern = re.compile(phrase_pattern("split ~ (my|our)? commission*"), re.IGNORECASE)
    for text in ("split my annual commission", "split the whole commission", "split commission"):
        assert pattern.search(text), text
    assert pattern.search("split with you our commissions")
    assert not pattern.search("split. Commission")  # not across sentences
