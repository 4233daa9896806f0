"""`composer rules coverage`: every phrase alternative is exercised by an example or a post."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from composer.cli import run
from composer.guidelines import coverage
from composer.guidelines.engine import shipped_rules_dir
from composer.guidelines.packs import load_packs
from tests.helpers.paths import DATA

PACK = """
[concept.TREAT]
phrases = ["(pizza|tacos) party"]
patterns = ['\\bbbq\\b', '\\bluau\\b']

[[rule]]
id = "etiquette.hard-sell.custom"
category = "etiquette.hard-sell"
severity = "warning"
check = "phrases"
phrases = ["(flash|blowout|mega) sale", "act (now|today)?"]
message = "m"
explanation = "e"
[rule.examples]
trigger = ["Flash sale today!"]
"""


def _lines(entries: list[coverage.Entry]) -> set[str]:
    return {
        f"{e.kind} {e.name}\t{u.alternative}\t{u.phrase}" for e in entries for u in e.unexercised
    }


def test_each_alternative_of_each_slot_is_counted(tmp_path: Path) -> None:
    (tmp_path / "mine.toml").write_text(PACK, encoding="utf-8")
    packs = load_packs([tmp_path])
    assert not packs.errors
    entries = coverage.measure(packs, ["Act now: a pizza party and a BBQ."])
    by_name = {e.name: e for e in entries}
    rule = by_name["etiquette.hard-sell.custom"]
    assert (rule.total, rule.exercised) == (5, 2)  # flash, blowout, mega; now, today
    assert [u.alternative for u in rule.unexercised] == ["blowout", "mega", "today"]
    treat = by_name["TREAT"]
    assert [u.alternative for u in treat.unexercised] == ["tacos", "\\bluau\\b"]
    assert treat.total == 4


def test_a_phrase_that_does_not_parse_is_left_out_not_a_crash(tmp_path: Path) -> None:
    broken = PACK.replace('"(pizza|tacos) party"', '"(pizza|tacos) party", "a (b|c (d|e))"')
    (tmp_path / "mine.toml").write_text(broken, encoding="utf-8")
    packs = load_packs([tmp_path])
    assert packs.errors  # loading already names the phrase
    entries = coverage.measure(packs, ["A flash sale and a pizza party."])
    by_name = {e.name: e for e in entries}
    assert "a (b|c (d|e))" not in {u.phrase for u in by_name["TREAT"].unexercised}
    assert "blowout" in {u.alternative for u in by_name["etiquette.hard-sell.custom"].unexercised}


def test_unlabelled_posts_count_only_when_asked(tmp_path: Path) -> None:
    posts = tmp_path / "posts.jsonl"
    posts.write_text(
        json.dumps({"text": "a", "expect": ["etiquette.spam"]}) + "\n"
        + json.dumps({"text": "b", "expect": []}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    assert coverage.corpus_texts([posts]) == ["a"]
    assert coverage.corpus_texts([tmp_path], all_posts=True) == ["a", "b"]


# Every alternative against every labelled post (about 8,000 by 10,000): 20 to 45 s on the
# shared 2-core machine, more under load; the suite's 60 s default is for ordinary tests.
@pytest.mark.timeout(300)
def test_shipped_alternatives_are_exercised() -> None:
    packs = load_packs([shipped_rules_dir()])
    folders = [DATA, DATA / "real", DATA / "real" / "medicare", DATA / "replies"]
    texts = coverage.corpus_texts(folders)
    gaps = sorted(_lines(coverage.measure(packs, texts)))
    # Every alternative ships with an example or a labelled post that uses it: new wording
    # comes with its examples, and wording nobody writes is deleted.
    assert not gaps, "no example or labelled post exercises:\n" + "\n".join(gaps)


def test_cli_coverage_json_and_exit_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "mine.toml").write_text(PACK, encoding="utf-8")
    status = run(["rules", "coverage", "--format", "json", "--rules", str(tmp_path),
                  "--corpus", str(DATA / "regression_posts.jsonl")])  # fmt: skip
    data = json.loads(capsys.readouterr().out)
    assert status == 1
    (mine,) = [e for e in data if e["name"] == "etiquette.hard-sell.custom"]
    assert mine["alternatives"] == 5 and mine["exercised"] + len(mine["unexercised"]) == 5
    assert {"phrase": "(flash|blowout|mega) sale", "alternative": "mega"} in mine["unexercised"]
