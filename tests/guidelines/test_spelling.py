"""style.spelling: real typos are caught with exact spans; deliberate words are left alone."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from composer.domain import files
from composer.guidelines.builtin import spelling, word_list
from composer.guidelines.builtin.spelling import SpellingCheck
from composer.guidelines.facts import TextFacts
from composer.guidelines.inputs import CheckInput


@pytest.fixture(scope="module")
def checker() -> SpellingCheck:
    check = SpellingCheck()
    check.warm_up()
    return check


def flagged(check: SpellingCheck, text: str) -> list[str]:
    return [f.text for f in check(CheckInput(text), TextFacts(text))]


# -- catching typos ----------------------------------------------------------------------


def test_flags_a_misspelling_with_its_span_and_suggestions(checker: SpellingCheck) -> None:
    text = "Your new card should recieve a welcome letter."
    [finding] = checker(CheckInput(text), TextFacts(text))
    assert finding.rule == "style.spelling.unknown"
    assert finding.category == "style.spelling"
    assert finding.severity == "suggestion"
    assert finding.message == '"recieve" may be misspelled.'
    assert finding.reference == "Composer spelling dictionary"
    assert finding.explanation
    assert (finding.start, finding.end) == (21, 28)
    assert text[finding.start : finding.end] == finding.text == "recieve"
    assert finding.suggestions[0] == "receive"
    assert len(finding.suggestions) <= 3


@pytest.mark.parametrize(
    ("prefix", "offset"),
    [
        ("🎃 ", 2),  # one code point (two UTF-16 units)
        ("👨\u200d👩\u200d👧 ", 6),  # a ZWJ family: five code points, eight UTF-16 units
        ("🎃👨\u200d👩\u200d👧 Happy fall! We ", 22),
    ],
)
def test_spans_count_code_points_after_emoji(
    checker: SpellingCheck, prefix: str, offset: int
) -> None:
    text = prefix + "recieve your renewal soon"
    [finding] = checker(CheckInput(text), TextFacts(text))
    assert (finding.start, finding.end) == (offset, offset + 7)
    assert text[finding.start : finding.end] == "recieve"


def test_several_typos_are_reported_in_order(checker: SpellingCheck) -> None:
    text = "Thier premuim went up, so I beleive it's time to review teh policy."
    assert flagged(checker, text) == ["Thier", "premuim", "beleive", "teh"]


@pytest.mark.parametrize(
    ("text", "word", "first"),
    [
        ("Recieve it today.", "Recieve", "Receive"),  # capital at a sentence start
        ("PLEASE RECIEVE IT.", "RECIEVE", "RECEIVE"),  # shouting keeps its case
        ("I dont know.", "dont", "don't"),  # a dropped apostrophe
        ("Yes thats right.", "thats", "that's"),
        ("The premuim is due.", "premuim", "premium"),  # an insurance word as the answer
        ("What is teh deductable?", "deductable", "deductible"),
        ("It was dosen't matter.", "dosen't", "doesn't"),  # a misspelled contraction
    ],
)
def test_suggestions_keep_case_and_put_the_likeliest_first(
    checker: SpellingCheck, text: str, word: str, first: str
) -> None:
    findings = {f.text: f for f in checker(CheckInput(text), TextFacts(text))}
    assert findings[word].suggestions[0] == first


def test_a_misspelled_possessive_flags_only_the_word(checker: SpellingCheck) -> None:
    text = "Ask your agnet's office."
    [finding] = checker(CheckInput(text), TextFacts(text))
    assert (finding.start, finding.end, finding.text) == (9, 14, "agnet")
    assert finding.suggestions[0] == "agent"


def test_each_part_of_a_hyphenated_word_is_checked(checker: SpellingCheck) -> None:
    text = "A well-knwon carrier."
    [finding] = checker(CheckInput(text), TextFacts(text))
    assert text[finding.start : finding.end] == "knwon"


@pytest.mark.parametrize("typo", ["fourty", "untill", "sence", "goverment", "seperate"])
def test_british_spelling_rules_do_not_excuse_classic_typos(
    checker: SpellingCheck, typo: str
) -> None:
    assert flagged(checker, f"It was {typo} today.") == [typo]


def test_a_long_shouted_typo_is_flagged_but_a_long_acronym_is_not(
    checker: SpellingCheck,
) -> None:
    text = "We RECIEVE claims under TRICARE, report to FINCEN and check AMBEST daily."
    assert flagged(checker, text) == ["RECIEVE"]


# -- staying quiet -----------------------------------------------------------------------

INSURANCE = (
    "Your deductible, declarations page and every endorsement matter. An umbrella policy, an "
    "annuity with its annuitant, an HO-3 or HO-6 form, COBRA, Medigap and Medicare, a copay "
    "and coinsurance: the underwriter reads each rider. Subrogation, indexed products, IUL "
    "and VUL, the premium each policyholder pays, insurtech apps for renters and homeowners. "
    "Insurtechs, annuitants and medigap plans too. Send a DM on LinkedIn, Instagram or "
    "Facebook, add a hashtag or an emoji, or join my webinar. Thx, y'all!"
)


def test_insurance_and_social_vocabulary_is_known(checker: SpellingCheck) -> None:
    assert flagged(checker, INSURANCE) == []


def test_without_the_insurance_list_those_words_would_be_flagged(tmp_path: Path) -> None:
    bare = SpellingCheck(vocabulary=tmp_path / "missing.txt")
    assert {"insurtech", "hashtag", "emoji", "webinar"} <= set(flagged(bare, INSURANCE))


@pytest.mark.parametrize(
    "text",
    [
        "Tips at https://example.com/recieve-tips and www.example.org/teh today.",
        "Follow #recieve and #InsuranceTipz, thanks to @recieve and @jonsmiht.",
        "Mail jon.smiht@example.com for the PDF.",
        "See the 2nd and 3rd floors, zorb19 rules and abc123xyz codes.",
        "The NFIB, SBA, XYZQ and NAICS agree.",
        "InsureCo, iPhone, McAllister and QuoteWizard are brands.",
        "I met Jaxon and Zorblatt at the Kowalczyk picnic.",
        "Jaxon said hi. Then Jaxon left.",  # a name at a sentence start, used elsewhere too
        "Mr. Zorblatt called.",
        "Don't, can't, won't, shouldn't, we'd, you're, they'll, I'm, y'all, daren't.",
        "Don\u2019t worry, we\u2019re on it: the underwriter\u2019s note is here.",
        "The agent's desk and the carrier's forms.",
        "A pre-existing condition, a multi-policy discount and a non-renewal notice.",
        "My favourite colour, organised by the organisation's centre: a licence and a "
        "cheque for the defence programme, analysed and travelled.",
        "Sooo goood, yesss!",
        "A café, a jalapeño and a naïve piñata.",
        "ok hm uh",
        ":smiley: :tada:",
        "",
    ],
)
def test_deliberate_words_are_not_flagged(checker: SpellingCheck, text: str) -> None:
    assert flagged(checker, text) == []


# -- suggest, is_known -------------------------------------------------------------------


def test_suggest_returns_at_most_three_in_the_words_case(checker: SpellingCheck) -> None:
    assert checker.suggest("Recieve")[0] == "Receive"
    assert checker.suggest("teh") == ["the", "ten", "tea"]
    assert len(checker.suggest("ther")) == 3


def test_short_words_fall_back_to_two_edits_only_when_allowed(checker: SpellingCheck) -> None:
    fresh = SpellingCheck()
    assert fresh.suggest("hwta", far=False) == []  # no single edit reaches a word
    assert fresh.suggest("hwta")[0] == "what"  # two swaps away
    assert fresh.suggest("hwta", far=False)[0] == "what"  # now cached


def test_suggestions_are_cached_per_word(monkeypatch: pytest.MonkeyPatch) -> None:
    check = SpellingCheck()
    first = check.suggest("recieve")

    def fail(*args: object, **kwargs: object) -> set[str]:
        raise AssertionError("recomputed a cached word")

    monkeypatch.setattr(spelling, "_edits1", fail)
    assert check.suggest("Recieve") == [w.capitalize() for w in first]


def test_suggestions_leave_out_vulgar_words(checker: SpellingCheck) -> None:
    assert "tits" not in checker.suggest("tihs")
    assert checker.suggest("tihs")[0] == "this"


@pytest.mark.parametrize(
    ("word", "known"),
    [
        ("deductible", True),
        ("Medigap", True),
        ("colour", True),
        ("agent's", True),
        ("shouldn't", True),
        ("recieve", False),
        ("agnet's", False),
        ("dosen't", False),
    ],
)
def test_is_known(checker: SpellingCheck, word: str, known: bool) -> None:
    assert checker.is_known(word) is known


def test_construction_does_not_load_the_word_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> None:
        raise AssertionError("loaded at construction")

    monkeypatch.setattr(spelling, "_english_words", refuse)
    SpellingCheck(Path("nowhere/dictionary.txt"))
    with pytest.raises(AssertionError):
        SpellingCheck().warm_up()


# -- the user's dictionary ---------------------------------------------------------------


def test_added_word_is_known_now_and_after_a_reload(tmp_path: Path) -> None:
    path = tmp_path / "not-yet-created" / "dictionary.txt"
    check = SpellingCheck(path)
    text = "We love zorblax here."
    assert flagged(check, text) == ["zorblax"]

    check.add_to_user_dictionary("Zorblax")

    assert flagged(check, text) == []
    assert path.read_text(encoding="utf-8") == "Zorblax\n"
    assert os.listdir(path.parent) == ["dictionary.txt"]  # no temporary file left behind
    assert flagged(SpellingCheck(path), text) == []


def test_adding_keeps_existing_lines_and_skips_duplicates(tmp_path: Path) -> None:
    path = tmp_path / "dictionary.txt"
    path.write_text("\ufeff# my words\nKowalski", encoding="utf-8")
    check = SpellingCheck(path)
    check.add_to_user_dictionary("zorblax")
    check.add_to_user_dictionary("ZORBLAX")
    assert path.read_text(encoding="utf-8-sig") == "# my words\nKowalski\nzorblax\n"
    assert check.is_known("kowalski")


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "dictionary.txt"
    path.write_text("first\n", encoding="utf-8")
    check = SpellingCheck(path)

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(files.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        check.add_to_user_dictionary("zorblax")
    assert path.read_text(encoding="utf-8") == "first\n"
    assert os.listdir(tmp_path) == ["dictionary.txt"]


def test_a_user_word_becomes_a_suggestion(tmp_path: Path) -> None:
    check = SpellingCheck(tmp_path / "dictionary.txt")
    assert "zorblax" not in check.suggest("zorblaxx")
    check.add_to_user_dictionary("zorblax")
    assert check.suggest("zorblaxx") == ["zorblax"]


def test_reload_picks_up_edits_made_outside(tmp_path: Path) -> None:
    path = tmp_path / "dictionary.txt"
    check = SpellingCheck(path)  # no file yet: fine
    assert not check.is_known("zorblax")
    path.write_text("zorblax\n", encoding="utf-8")
    check.reload_user_dictionary()
    assert check.is_known("zorblax")


def test_plurals_of_user_words_are_known(tmp_path: Path) -> None:
    check = SpellingCheck(tmp_path / "dictionary.txt")
    check.add_to_user_dictionary("zorblax")
    assert flagged(check, "Two zorblaxs and a zorblax.") == []


@pytest.mark.parametrize("entry", ["", "   ", "two words"])
def test_add_rejects_anything_but_one_word(tmp_path: Path, entry: str) -> None:
    path = tmp_path / "dictionary.txt"
    with pytest.raises(ValueError):
        SpellingCheck(path).add_to_user_dictionary(entry)
    assert not path.exists()


def test_the_word_lists_are_cached_and_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import marshal

    import platformdirs

    monkeypatch.setattr(platformdirs, "user_cache_path", lambda *a, **k: tmp_path / "cache")
    first = word_list.english_frequency()
    caches = {p.name.split("-")[1]: p for p in (tmp_path / "cache").glob("english-*.marshal")}
    assert set(caches) == {"common", "frequency"}
    assert "deductible" in first or "insurance" in first
    common = word_list.english_common()
    assert len(common) == word_list.COMMON and common < first.keys()
    assert "the" in common and "antidisestablishmentarianism" not in common
    caches["frequency"].write_bytes(marshal.dumps({"onlyword": 7}))
    assert word_list.english_frequency() == {"onlyword": 7}  # read from the cache
    caches["frequency"].write_bytes(b"not marshal data")
    assert len(word_list.english_frequency()) == len(first)  # a bad cache is rebuilt


def test_a_common_post_never_reads_the_whole_list(monkeypatch: pytest.MonkeyPatch) -> None:
    english = spelling._English()
    monkeypatch.setattr(word_list, "english_sorted", lambda: None)
    monkeypatch.setattr(word_list, "write_sorted", lambda words: None)
    monkeypatch.setattr(word_list, "english_frequency", lambda: pytest.fail("whole list read"))
    assert "storm" in english and "the" in english
    monkeypatch.setattr(word_list, "english_frequency", lambda: {"zyzzyva": 1})
    assert "zyzzyva" in english  # a rarer word reads the whole list once
    assert "qwxv" not in english


def test_a_rarer_word_is_asked_of_the_sorted_file_not_the_whole_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_cache_path", lambda *a, **k: tmp_path / "cache")
    english = spelling._English()  # the commonest words (building the caches afresh)
    words = frozenset({"zyzzyva", "renters", "naïve", "a", "storm"})
    word_list.write_sorted(words)
    found = word_list.english_sorted()
    assert found is not None
    assert all(w in found for w in words)
    assert not any(w in found for w in ("", "b", "zz", "renter", "rentersz", "naive", 7))
    monkeypatch.setattr(word_list, "english_frequency", lambda: pytest.fail("whole list read"))
    assert "zyzzyva" in english and "qwxv" not in english
    monkeypatch.setattr(word_list, "english_frequency", lambda: {"qwxv": 3})
    assert english.whole() == {"qwxv": 3}  # suggestions read the words and counts into memory
    assert "qwxv" in english and english.count("qwxv") == 3
    next((tmp_path / "cache").glob("english-sorted-*.bin")).write_bytes(b"CWL1 cut short")
    assert word_list.english_sorted() is None
