"""The seasonal ideas calendar (resources/planning/seasonal_ideas.toml): readable, dated
right, and useful rather than promotional: the guideline engine finds no error or warning
outside style.* and platform.* in any title, prompt or starter draft."""

from __future__ import annotations

from datetime import date

import pytest

from composer.domain.planning import Idea
from composer.guidelines.engine import Engine
from composer.guidelines.inputs import CheckInput
from composer.services.ideas import IdeasFileError, ideas_between, load_ideas, shipped_ideas

IDEAS = shipped_ideas()


def test_the_year_is_covered_with_the_dates_the_issue_names():
    assert {idea.month for idea in IDEAS} == set(range(1, 13))
    by_id = {idea.id: idea for idea in IDEAS}
    assert by_id["clocks-spring"].date_in(2026) == date(2026, 3, 8)  # 2nd Sunday of March
    assert by_id["clocks-autumn"].date_in(2026) == date(2026, 11, 1)  # 1st Sunday of November
    assert "October 15 to December 7" in by_id["medicare-aep"].starter
    assert by_id["hurricane-prep"].date_in(2030) < date(2030, 6, 1)  # before the season


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.load()


@pytest.mark.parametrize("idea", IDEAS, ids=[idea.id for idea in IDEAS])
def test_each_idea_is_useful_not_promotional(engine, idea: Idea):
    for text in (idea.title, idea.prompt, idea.starter):
        result = engine.check(CheckInput(text=text, platforms=("facebook", "linkedin")))
        noise = [
            f"{f.rule} ({f.severity}): {f.text!r}"
            for f in result.findings
            if f.severity in ("error", "warning")
            and not f.category.startswith(("style.", "platform."))
        ]
        assert noise == [], text


def test_ideas_between_spans_years_and_days():
    found = ideas_between(date(2029, 12, 1), date(2030, 1, 31))
    assert [(day, [i.id for i in ideas]) for day, ideas in sorted(found.items())] == [
        (date(2029, 12, 5), ["holiday-safety"]),
        (date(2030, 1, 8), ["winter-pipes"]),
    ]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ('id = "a"\ntitle = "T"\nprompt = "P"\nstarter = "S"\nmonth = 13\nday = 1', "month"),
        ('id = "a"\ntitle = "T"\nprompt = "P"\nstarter = "S"\nmonth = 3', "day or nth"),
        ('id = "a"\ntitle = "T"\nprompt = "P"\nstarter = ""\nmonth = 3\nday = 1', "starter"),
        ('id = "a"\ntitle = "T"\nprompt = "P"\nstarter = "S"\nmonth = 3\nnth = 2\nweekday = "x"',
         "nth"),
        ('id = "a"\ntitle = "T"\nprompt = "P"\nstarter = "S"\nmonth = 3\nday = 1\nwhen = 1',
         "when is not a field"),
    ],
)  # fmt: skip
def test_a_bad_idea_is_named_with_its_field(tmp_path, body, words):
    path = tmp_path / "ideas.toml"
    path.write_text(f"[[idea]]\n{body}\n", encoding="utf-8")
    with pytest.raises(IdeasFileError) as caught:
        load_ideas(path)
    assert "idea 'a'" in str(caught.value) and words in str(caught.value)
