"""The engine's contracts: finding shape, spans, disclosure, history rules, big texts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from composer.domain.findings import CATEGORIES, SEVERITIES
from composer.domain.history import HistoryItem
from composer.domain.profile import Profile
from composer.guidelines.engine import Engine
from composer.guidelines.inputs import CheckInput

ENGINE = Engine.load()
PROFILE = Profile(
    name="Sam Ortiz", license_number="0K98765", disclosure="Sam Ortiz, CA Lic. #0K98765"
)


def _check(text: str, **kwargs) -> list:
    return list(ENGINE.check(CheckInput(text=text, **kwargs)).findings)


def test_finding_has_contract_fields() -> None:
    finding = next(
        f for f in _check("Your claim will be approved, I promise.") if f.severity == "error"
    )
    data = finding.to_dict()
    assert set(data) == {
        "rule", "category", "severity", "message", "explanation", "reference",
        "start", "end", "text", "suggestions",
    }  # fmt: skip
    assert finding.category in CATEGORIES and finding.rule.startswith(finding.category)
    assert "\n" not in finding.message and finding.explanation and finding.reference


def test_span_after_astral_characters_is_exact() -> None:
    text = "🧑‍🧑‍🧒🎃 Family day! 👨‍👩‍👧 Our plan has zero risk for your savings."
    findings = [f for f in _check(text) if f.category == "compliance.guarantee"]
    assert findings
    for finding in findings:
        assert text[finding.start : finding.end] == finding.text
        assert finding.text.startswith("zero risk")


def test_disclosure_required_only_for_promotional_posts() -> None:
    promo = "Need renters insurance? Message me for a quote."
    assert any(f.category == "compliance.disclosure" for f in _check(promo, profile=PROFILE))
    with_it = promo + " Sam Ortiz, CA Lic. #0K98765"
    assert not any(f.category == "compliance.disclosure" for f in _check(with_it, profile=PROFILE))
    tip = "Clean your dryer vent twice a year to prevent fires."
    assert not any(f.category == "compliance.disclosure" for f in _check(tip, profile=PROFILE))
    missing = [f for f in _check(promo, profile=PROFILE) if f.category == "compliance.disclosure"]
    assert missing[0].start is None and missing[0].end is None
    assert missing[0].suggestions == ("Sam Ortiz, CA Lic. #0K98765",)


def test_disclosure_skipped_without_profile() -> None:
    promo = "Need renters insurance? Message me for a quote."
    assert not any(f.category == "compliance.disclosure" for f in _check(promo))


def test_promo_mix_counts_recent_promotional_posts() -> None:
    now = datetime.now(UTC)
    promo = "Need auto insurance? Message me for a quote."
    history = tuple(
        HistoryItem(text=f"Shopping for home insurance #{i}? Call me for a quote.",
                    when=now - timedelta(days=i), platforms=("facebook",))
        for i in range(1, 4)
    )  # fmt: skip
    mix = [f for f in _check(promo, history=history) if f.category == "etiquette.promo-mix"]
    assert mix and mix[0].severity == "warning"
    one = [f for f in _check(promo, history=history[:1]) if f.category == "etiquette.promo-mix"]
    assert one and one[0].severity == "suggestion"
    tip = "Test your smoke detectors this weekend."
    assert not [f for f in _check(tip, history=history) if f.category == "etiquette.promo-mix"]


def test_duplicate_within_thirty_days_on_same_platform() -> None:
    old = "Storm season reminder: keep a flashlight and water in one easy-to-grab bin."
    now = datetime.now(UTC)
    recent = (HistoryItem(text=old, when=now - timedelta(days=3), platforms=("facebook",)),)
    again = old.upper().replace("BIN.", "bin!")
    assert any(f.category == "etiquette.duplicate" for f in _check(again, history=recent))
    other = _check(again, history=recent, platforms=("linkedin",))
    assert not any(f.category == "etiquette.duplicate" for f in other)
    stale = (HistoryItem(text=old, when=now - timedelta(days=45), platforms=("facebook",)),)
    assert not any(f.category == "etiquette.duplicate" for f in _check(again, history=stale))
    drafts = (HistoryItem(text=old, when=now, platforms=("facebook",), status="draft"),)
    assert not any(f.category == "etiquette.duplicate" for f in _check(again, history=drafts))


def test_megabyte_text_completes() -> None:
    text = ("Check your smoke detectors. Free quote review, no pressure! 🎃 " * 20000)[:1_000_000]
    result = ENGINE.check(CheckInput(text=text, platforms=("x", "facebook")))
    assert result.platforms["facebook"].length == len(text)
    assert any(f.category == "platform.length" for f in result.findings)


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400
    ),
    platforms=st.lists(
        st.sampled_from(["x", "linkedin", "facebook", "instagram", "threads"]),
        min_size=1, max_size=5, unique=True,
    ),
)  # fmt: skip
def test_engine_never_raises_and_spans_lie_inside(text: str, platforms: list[str]) -> None:
    result = ENGINE.check(CheckInput(text=text, platforms=tuple(platforms), profile=PROFILE))
    for finding in result.findings:
        assert finding.severity in SEVERITIES
        if finding.start is None:
            assert finding.end is None
        else:
            assert 0 <= finding.start <= finding.end <= len(text)
            assert text[finding.start : finding.end] == finding.text


@settings(max_examples=100, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(
            [
                "free",
                "guaranteed",
                "claim",
                "#tag",
                "@you",
                "naic.org",
                "🎃",
                "!!",
                "policy 12345-9",
                "risk",
                "quote",
                "CALL",
                "NOW",
                "👨‍👩‍👧",
                "\r\n",
                "\n",
                "—",
                "they",
                "scam",
            ]
        ),
        max_size=60,
    )
)
def test_engine_on_risky_vocabulary(words: list[str]) -> None:
    text = " ".join(words)
    result = ENGINE.check(CheckInput(text=text, platforms=("x", "instagram", "threads")))
    for finding in result.findings:
        if finding.start is not None:
            assert text[finding.start : finding.end] == finding.text


def test_a_finding_inside_a_wider_one_of_its_category_is_dropped() -> None:
    text = "We offer the best rates in town."
    spans = [
        (f.start, f.end, f.severity)
        for f in _check(text)
        if f.category == "compliance.exaggeration"
    ]
    assert spans, "the superlative must be found"
    for start, end, _severity in spans:
        assert not any(s <= start and end <= e and (s, e) != (start, end) for s, e, _ in spans), (
            spans
        )


def test_a_findings_dict_is_its_fields() -> None:
    """`Finding.to_dict`, written out for speed, gives what `dataclasses.asdict` would."""
    from dataclasses import asdict

    from composer.domain.findings import Finding

    for finding in (
        Finding("r", "style.caps", "warning", "m"),
        Finding("r", "style.caps", "error", "m", "e", "ref", 3, 9, "FREE!!", ("free", "Free")),
    ):
        expected = asdict(finding)
        expected["suggestions"] = list(finding.suggestions)
        assert finding.to_dict() == expected
        assert list(finding.to_dict()) == list(expected)  # the same order of keys
