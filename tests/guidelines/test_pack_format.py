"""The strict pack format: unknown keys are named with a suggestion, and every key works."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from composer.guidelines import schema
from composer.guidelines.builtin.texts import builtin_texts
from composer.guidelines.engine import Engine, shipped_rules_dir
from composer.guidelines.inputs import CheckInput

README = shipped_rules_dir() / "README.md"

RULE = """
[[rule]]
id = "etiquette.hard-sell.custom"
category = "etiquette.hard-sell"
severity = "warning"
check = "phrases"
phrases = ["blowout sale"]
message = "Sounds like a sale."
explanation = "Why."
"""


def _load(tmp_path: Path, text: str, name: str = "mine.toml") -> Engine:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return Engine.load([tmp_path], style_checks=False)


def _reasons(engine: Engine, name: str = "mine.toml") -> list[str]:
    return [str(e) for e in engine.load_errors if e.file == name]


def _flags(engine: Engine, rule_id: str, text: str, **kwargs) -> list:
    result = engine.with_rules([r for r in engine.rules if r.id == rule_id]).check(
        CheckInput(text=text, **kwargs)
    )
    return [f for f in result.findings if f.rule == rule_id]


def test_misspelt_rule_key_is_named_with_file_rule_and_suggestion(tmp_path: Path) -> None:
    engine = _load(tmp_path, RULE + 'exceptons = ["blowout sale ended"]\n')
    assert _reasons(engine) == [
        "mine.toml: rule 'etiquette.hard-sell.custom': unknown key 'exceptons'; "
        "did you mean 'exceptions'?"
    ]
    assert not any(r.id == "etiquette.hard-sell.custom" for r in engine.rules)


def test_key_of_another_check_type_is_an_error(tmp_path: Path) -> None:
    engine = _load(tmp_path, RULE + 'replace = { "blowout" = "sale" }\nmax = 3\n')
    (reason,) = _reasons(engine)
    assert "'replace' does not apply to a 'phrases' check (only to 'substitution')" in reason
    assert "'max' does not apply to a 'phrases' check (only to 'count')" in reason


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ('[pack]\nid = "x"\ntitel = "t"\n', "[pack]: unknown key 'titel'; did you mean 'title'?"),
        ("[rule.examples]\ntriger = ['x']\n", "unknown key 'triger'; did you mean 'trigger'?"),
        ("[concept.THING]\nphrase = ['x']\n", "concept 'THING': unknown key 'phrase'"),
        ("[grammar]\nnegator = ['no']\n", "[grammar]: unknown key 'negator'"),
        ("[signals]\npromotinal = ['x']\n", "did you mean 'promotional'?"),
        ("[rules]\nx = 1\n", "top level: unknown key 'rules'; did you mean 'rule'?"),
        ('[builtin."x"]\nmesage = "m"\n', "unknown key 'mesage'; did you mean 'message'?"),
    ],
)
def test_unknown_keys_in_every_table_are_errors(tmp_path: Path, extra: str, expected: str) -> None:
    text = RULE + extra if extra.startswith("[rule.") else extra + RULE
    reasons = _reasons(_load(tmp_path, text))
    assert any(expected in r for r in reasons), reasons


def test_unknown_names_get_suggestions(tmp_path: Path) -> None:
    text = RULE.replace('"phrases"', '"phrase"', 1) + RULE.replace("custom", "other").replace(
        '["blowout sale"]', '["{CERTAINTI}"]'
    )
    reasons = _reasons(_load(tmp_path, text))
    assert any("unknown check type 'phrase'; did you mean 'phrases'?" in r for r in reasons)
    assert any("unknown concept 'CERTAINTI'; did you mean 'CERTAINTY'?" in r for r in reasons)


def test_duplicate_id_in_one_custom_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(RULE, encoding="utf-8")
    engine = _load(tmp_path, RULE, name="b.toml")
    assert [str(n) for n in engine.load_notices] == [
        "b.toml: rule 'etiquette.hard-sell.custom': this id is also used in a.toml; "
        "only this one is used"
    ]
    assert [r.source for r in engine.rules if r.id == "etiquette.hard-sell.custom"] == ["b.toml"]


def test_shipped_packs_have_no_duplicate_ids() -> None:
    ids: list[str] = []
    for path in sorted(shipped_rules_dir().glob("*.toml")):
        ids += [r["id"] for r in tomllib.loads(path.read_text(encoding="utf-8")).get("rule", [])]
    assert len(ids) == len(set(ids))


def test_custom_rule_reusing_a_shipped_id_overrides_with_a_notice(tmp_path: Path) -> None:
    engine = _load(tmp_path, RULE.replace("custom", "urgency"))
    assert not engine.load_errors
    (notice,) = engine.load_notices
    assert str(notice) == (
        "mine.toml: rule 'etiquette.hard-sell.urgency': replaces the shipped rule with this id "
        "(from hard-sell.toml); give it another id unless that was meant"
    )
    assert [r.source for r in engine.rules if r.id == "etiquette.hard-sell.urgency"] == [
        "mine.toml"
    ]


# Keys no shipped rule uses, each with a behaviour test below.
TESTED_ONLY = {
    "platforms", "unless_signal", "group", "suggestions", "replace", "timeout", "effective_until",
}  # fmt: skip


def test_every_key_is_documented_and_used_by_a_shipped_pack_or_tested() -> None:
    readme = README.read_text(encoding="utf-8")
    documented = {
        *re.findall(r"`([a-z_]+)", readme),
        *re.findall(r"(?m)^([a-z_]+) =", readme),
        *re.findall(r"\[rule\.([a-z_]+)\]", readme),
    }
    used: set[str] = set()
    for path in shipped_rules_dir().glob("*.toml"):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        used |= set(data.get("pack", {})) | set(data.get("grammar", {}))
        for table in data.get("concept", {}).values():
            used |= set(table)
        for table in data.get("builtin", {}).values():
            used |= set(table)
        for rule in data.get("rule", []):
            used |= set(rule) | set(rule.get("examples", {}))
    keys = schema.RULE | schema.PACK | schema.EXAMPLES | schema.CONCEPT | schema.GRAMMAR
    keys |= schema.BUILTIN | {k for ks in schema.CHECK_KEYS.values() for k in ks}
    assert keys - documented == set()
    assert keys - used - TESTED_ONLY == set()


def test_substitution_offers_the_wording_in_the_same_case(tmp_path: Path) -> None:
    rule = RULE.replace('check = "phrases"', 'check = "substitution"').replace(
        'phrases = ["blowout sale"]', 'replace = { "blowout sale" = "special offer" }'
    )
    (finding,) = _flags(_load(tmp_path, rule), "etiquette.hard-sell.custom", "Blowout sale!")
    assert finding.text == "Blowout sale" and finding.suggestions == ("Special offer",)


def test_phrase_rule_suggestions_and_platforms(tmp_path: Path) -> None:
    rule = RULE + 'suggestions = ["a gentler word"]\nplatforms = ["linkedin"]\n'
    engine = _load(tmp_path, rule)
    rule_id = "etiquette.hard-sell.custom"
    assert not _flags(engine, rule_id, "Blowout sale", platforms=("facebook",))
    (finding,) = _flags(engine, rule_id, "Blowout sale", platforms=("linkedin",))
    assert finding.suggestions == ("a gentler word",)


def test_unless_signal_silences_a_rule(tmp_path: Path) -> None:
    engine = _load(tmp_path, RULE + 'unless_signal = ["securities"]\n')
    rule_id = "etiquette.hard-sell.custom"
    assert _flags(engine, rule_id, "Blowout sale on renters quotes")
    assert not _flags(engine, rule_id, "Blowout sale on mutual funds and ETFs")


def test_pattern_group_flags_only_that_group(tmp_path: Path) -> None:
    rule = RULE.replace('check = "phrases"', 'check = "pattern"').replace(
        'phrases = ["blowout sale"]', "pattern = 'blowout (sale)'\ngroup = 1"
    )
    (finding,) = _flags(_load(tmp_path, rule), "etiquette.hard-sell.custom", "A blowout sale")
    assert finding.text == "sale"


def test_required_pattern_can_be_case_sensitive(tmp_path: Path) -> None:
    rule = RULE.replace('check = "phrases"', 'check = "required"').replace(
        'phrases = ["blowout sale"]', "requires_pattern = 'NMLS'\ncase_sensitive = true"
    )
    engine = _load(tmp_path, rule)
    assert _flags(engine, "etiquette.hard-sell.custom", "nmls 123")
    assert not _flags(engine, "etiquette.hard-sell.custom", "NMLS 123")


def test_builtin_texts_are_complete() -> None:
    data = tomllib.loads((shipped_rules_dir() / "builtin.toml").read_text(encoding="utf-8"))
    for key, table in data["builtin"].items():
        assert set(table) == schema.BUILTIN, key
        assert table["severity"] in ("error", "warning", "suggestion"), key
    texts = builtin_texts()
    assert (
        texts["platform.hashtags"]
        .finding(
            "platform.hashtags.x",
            "platform.hashtags",
            shown="X",
            allowed=1,
            noun="hashtag",
            count=3,
        )
        .message
        == "X takes at most 1 hashtag in a post; this one has 3."
    )
