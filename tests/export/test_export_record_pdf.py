"""The PDF record as an examiner reads it, read back with pdftotext and pypdf: the cover,
each post's page (title, status, text once, platforms by name, approval stamp, findings in
plain words, dismissals apart, publications, hashes), page numbers and a signature line."""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, date, datetime

import pytest

from composer.domain.findings import CATEGORIES
from composer.domain.profile import Profile
from composer.domain.record import OutsideReview
from composer.export.record_words import CATEGORY_NAMES
from composer.services.export import ExportRequest
from tests.helpers.pdftext import page_texts, squash
from tests.helpers.requirements import require_tool

PROFILE = Profile(
    name="Sam Ortiz",
    agency="Ortiz Insurance Group",
    license_number="0K98765",
    states=("CA", "SD"),
    lines=("property-casualty", "life"),
)


def pdftotext_pages(data: bytes, *options: str) -> list[str]:
    """Each page's text, whitespace collapsed (with "-layout", each page's lines)."""
    program = require_tool("pdftotext", "poppler-utils")
    done = subprocess.run(
        [program, *options, "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True
    )
    pages = [p for p in done.stdout.decode("utf-8").split("\f") if p.strip()]
    if options:
        return pages
    return [" ".join(p.split()) for p in pages]


@pytest.fixture
def record(services, exporter, make_post, clock, tmp_path):
    services.library.set_profile(PROFILE)
    same = make_post(
        "Free flood quotes this week. Guaranteed answers by Friday?",
        platforms=("linkedin", "facebook"),
        title="Flood quotes",
        reason="Answers, not results: carrier approved the wording",
    )
    services.library.set_setting(f"dismissed:{same.id}", ["body|test.free|free"])
    services.records.publish(
        same.id,
        "linkedin",
        url="https://www.linkedin.com/feed/update/1",
        at=datetime(2026, 5, 20, 14, 30, tzinfo=UTC),
        audience="boosted",
        spend="40",
    )
    services.records.publish(
        same.id,
        "facebook",
        at=datetime(2026, 5, 20, 15, 0, tzinfo=UTC),
        live_text="Free flood quotes this week. Guaranteed answers by Monday?",
    )
    split = make_post(
        "Storm kit: water, torch, radio. What is in yours?",
        platforms=("x", "instagram"),
        variants={"instagram": "Storm kit checklist in the picture. What would you add?"},
    )
    out = tmp_path / "record.pdf"
    exporter.export(ExportRequest("pdf", post_ids=(same.id, split.id)), out)
    data = out.read_bytes()
    return data, pdftotext_pages(data), same, split


def test_the_cover_names_the_agent_the_period_and_the_library(services, record):
    _, pages, _, _ = record
    cover = pages[0]
    for expected in (
        "Record of approved posts",
        "Agent Sam Ortiz",
        "Agency Ortiz Insurance Group",
        "Licence number 0K98765",
        "States CA, SD",
        "Lines of authority Property and casualty, Life",
        "Period covered 2026-05-13 to 2026-05-20",
        "Posts in this record 2",
        f"Library id {services.library_id}",
    ):
        assert expected in cover, expected


def test_every_page_is_numbered_and_the_last_has_a_signature_and_date_line(record):
    data, pages, _, _ = record
    assert len(pages) == 4
    for number, page in enumerate(pages, start=1):
        assert page.endswith(f"Page {number} of 4"), page[-40:]
    assert re.search(r"Signature: _{10,} Date: _{10,}", pages[-1])
    pypdf_pages = page_texts(data)
    assert all(squash(f"Page{n}of4") in squash(t) for n, t in enumerate(pypdf_pages, 1))


def test_a_post_page_has_its_title_status_and_the_text_once(record):
    _, pages, _, _ = record
    page = pages[1]
    assert page.startswith("Flood quotes Post 1 · Published")  # approved, then it ran
    assert "Platforms LinkedIn and Facebook" in page
    # one text for both platforms (the live text quoted below ends "by Monday?")
    assert page.count("Guaranteed answers by Friday?") == 1
    words = re.sub(r"https://www\.linkedin\.com\S*", "", page)  # the link as it ran
    assert "linkedin" not in words and "facebook" not in words  # display names only
    second = pages[2]
    assert second.startswith("Storm kit: water, torch, radio. What is in yours? Post 2")
    assert "For X" in second and "For Instagram" in second  # two texts, each named


def test_the_approval_stamp_names_who_when_and_the_rules(services, record):
    _, pages, same, _ = record
    approval = services.approval.active_approval(same.id)
    page = pages[1]
    assert "Approved by Sam Ortiz (self-approval)" in page
    assert approval.rules is not None
    assert f"Rules SHA-256 {approval.rules.sha256}" in page
    assert f"SHA-256 {approval.hashes['linkedin']}" in page


def test_findings_are_plain_words_with_reasons_and_dismissals_apart(record):
    _, pages, _, _ = record
    page = pages[1]
    assert (
        "Must be fixed or justified. Guarantee or promise: 'guaranteed' needs care “Guaranteed”"
        in page
    )
    assert "Kept because: Answers, not results: carrier approved the wording" in page
    open_part, _, dismissed_part = page.partition("Dismissed by the agent")
    assert "Something offered as free" in dismissed_part
    assert "Warning" not in open_part  # the dismissed warning is not listed as open
    assert "test.guaranteed" not in page and "compliance." not in page


def test_publications_are_listed_with_audience_spend_and_link(record):
    data, pages, _, _ = record
    lines = [" ".join(line.split()) for line in pdftotext_pages(data, "-layout")[1].splitlines()]
    assert any(
        re.match(
            r"LinkedIn 2026-05-20 \d\d:30 Boosted \(paid\) 40\.00 not compared "
            r"https://www\.linkedin\.com",
            line,
        )
        for line in lines
    ), lines
    assert any(re.match(r"Facebook 2026-05-20 \d\d:00 Public - DIFFERS -", x) for x in lines)
    assert "Error: the text on Facebook" in pages[1]
    assert "Guaranteed answers by Monday?" in pages[1]  # as it reads on the network
    assert "Not recorded as published yet." in pages[2]


def test_an_outside_approval_shows_reviewer_organisation_code_and_expiry(
    services, exporter, make_post, clock, tmp_path
):
    post = make_post("Home insurance questions? Ask me.", platforms=("facebook",), approve=False)
    with services.database.write() as tx:
        tx.approvals.add(
            post.id,
            {"facebook": post.body},
            "",
            [],
            {},
            "Sam Ortiz",
            clock(),
            review=OutsideReview("Dana Lee", "Acme Mutual", "AM-2026-118", date(2027, 5, 1)),
        )
        tx.posts.set_status(post.id, "approved", clock())
    out = tmp_path / "outside.pdf"
    exporter.export(ExportRequest("pdf", post_ids=(post.id,)), out)
    page = pdftotext_pages(out.read_bytes())[1]
    for expected in (
        "Approved by Dana Lee (outside review)",
        "Organisation Acme Mutual",
        "Approval code AM-2026-118",
        "Expires 2027-05-01",
        "Submitted by Sam Ortiz",
    ):
        assert expected in page, expected


def test_every_category_has_plain_words():
    assert set(CATEGORY_NAMES) == set(CATEGORIES)
