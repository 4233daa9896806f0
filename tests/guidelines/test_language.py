"""The readers leave text in another language alone: they learned English words only."""

from __future__ import annotations

import pytest

from composer.domain.conversations import Comment
from composer.guidelines import engine as engine_module
from composer.guidelines.engine import Engine
from composer.guidelines.facts import TextFacts
from composer.guidelines.inputs import CheckInput
from composer.guidelines.language import reads_as_english

ENGINE = Engine.load(style_checks=False)
COMPLAINT = Comment(text="Twee weken gewacht op een terugbelverzoek. Slechte service.")
DUTCH = (
    "Beste meneer, wij hebben uw dossier bekeken en het spijt ons dat u zo lang moest wachten. "
    "Wilt u ons bellen of een privébericht sturen, dan zoeken wij samen naar een oplossing."
)
ITALIAN = (
    "Gentile cliente, ci dispiace molto leggere questo. Per rispetto della riservatezza non "
    "entriamo qui nei dettagli, ma vorremmo capire cosa non ha funzionato: ci scriva in privato."
)


@pytest.mark.parametrize(
    "text",
    [
        "Storm season is here: clear the gutters and photograph every room before you need to.",
        "Thanks, Mike! It was our pleasure.",  # too short to judge
        "Public Adjuster Toronto 🔥 Public Adjuster Toronto 🔥 BEST Public Adjuster Toronto!!!",
        "New quote, new savings 💥 #insurance #autoinsurance #homeinsurance #lifeinsurance",
        "CHEAP CAR INSURANCE 50% OFF ANY QUOTE!!! DM me on WhatsApp, cover sorted same day",
    ],
)
def test_english_posts_read_as_english(text: str) -> None:
    assert reads_as_english(TextFacts(text))


@pytest.mark.parametrize("text", [DUTCH, ITALIAN])
def test_other_languages_do_not(text: str) -> None:
    assert not reads_as_english(TextFacts(text))


def _readings(text: str) -> set[str]:
    result = ENGINE.check(CheckInput(text, ("facebook",), comment=COMPLAINT))
    return {f.rule for f in result.findings if "reader" in f.rule}


def test_the_readers_stay_silent_on_a_reply_in_another_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _readings(ITALIAN) == set()
    # Without the guard the same kind reply draws readings made of chance words.
    monkeypatch.setattr(engine_module, "reads_as_english", lambda facts: True)
    assert _readings(ITALIAN)
