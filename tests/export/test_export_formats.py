"""Each format's exact shape, read back with the csv and json modules or the PDF's text."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime

import pytest

from composer.services.export import ExportRequest, ProblemCode
from tests.helpers.pdftext import page_count, page_texts, squash

TRICKY = 'Storm season, folks: "be ready"\nCheck your kit.\n\nWhat\'s in yours?'


def read_csv(path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def export(exporter, tmp_path, format, ids, name=None, **options):
    out = tmp_path / (name or f"out.{format}")
    result = exporter.export(ExportRequest(format, post_ids=tuple(ids), **options), out)
    return out, result


# --- Hootsuite ---------------------------------------------------------------------------


def test_hootsuite_no_header_date_time_message_link(exporter, make_post, tmp_path):
    a = make_post(TRICKY, when=datetime(2026, 5, 13, 19, 0), link="https://agency.example/kit")
    b = make_post("Flood cover is separate. Questions?", when=datetime(2026, 5, 14, 7, 5))
    out, _ = export(exporter, tmp_path, "hootsuite", [a.id, b.id])
    assert read_csv(out) == [
        ["05/13/2026 19:00", TRICKY, "https://agency.example/kit"],
        ["05/14/2026 07:05", "Flood cover is separate. Questions?", ""],
    ]
    assert out.read_bytes().startswith(b'05/13/2026 19:00,"Storm season, folks: ""be ready""\n')


def test_hootsuite_day_first_and_24_hour(exporter, make_post, tmp_path):
    post = make_post(when=datetime(2026, 12, 3, 21, 30))
    out, _ = export(exporter, tmp_path, "hootsuite", [post.id], date_order="dmy")
    assert read_csv(out)[0][0] == "03/12/2026 21:30"


def test_hootsuite_uses_the_chosen_platforms_variant(exporter, make_post, tmp_path):
    post = make_post(
        "Long LinkedIn text about storm preparation. What would you add?",
        platforms=("x", "linkedin"),
        variants={"x": "Storm prep: what would you add?"},
    )
    out, result = export(exporter, tmp_path, "hootsuite", [post.id], platform="x")
    assert read_csv(out)[0][1] == "Storm prep: what would you add?"
    assert result.rows == 1


# --- Sprout ------------------------------------------------------------------------------


def test_sprout_header_and_columns(exporter, make_post, tmp_path):
    post = make_post(TRICKY, when=datetime(2026, 5, 13, 19, 0))
    out, _ = export(exporter, tmp_path, "sprout", [post.id])
    assert out.read_bytes().startswith(b"date,time_24hr,message_text\r\n")
    assert read_csv(out) == [["date", "time_24hr", "message_text"], ["05/13/2026", "19:00", TRICKY]]


def test_sprout_link_column_only_with_links_and_dmy(exporter, make_post, tmp_path):
    a = make_post(when=datetime(2026, 5, 13, 19, 0), link="https://agency.example")
    b = make_post(when=datetime(2026, 5, 13, 20, 0))
    out, _ = export(exporter, tmp_path, "sprout", [a.id, b.id], date_order="dmy")
    rows = read_csv(out)
    assert rows[0] == ["date", "time_24hr", "message_text", "link"]
    assert rows[1][:2] == ["13/05/2026", "19:00"] and rows[1][3] == "https://agency.example"
    assert rows[2][3] == ""


# --- CSV ---------------------------------------------------------------------------------


def test_csv_one_row_per_post_and_platform_with_every_field(
    services, exporter, make_post, tmp_path
):
    post = make_post(
        "Free flood quotes this week!",
        platforms=("x", "linkedin"),
        variants={"linkedin": TRICKY},
        title="Flood week",
        tags=("flood", "storm"),
        link="https://agency.example",
    )
    approval = services.approval.active_approval(post.id)
    out, result = export(exporter, tmp_path, "csv", [post.id])
    rows = [dict(zip(read_csv(out)[0], r, strict=True)) for r in read_csv(out)[1:]]
    assert result.rows == 2 and [r["platform"] for r in rows] == ["x", "linkedin"]
    x, linkedin = rows
    assert x["post_id"] == str(post.id) and x["title"] == "Flood week"
    assert x["text"] == "Free flood quotes this week!" and linkedin["text"] == TRICKY
    assert x["link"] == "https://agency.example" and x["tags"] == "flood, storm"
    assert x["scheduled_at"] == post.scheduled_at.isoformat(timespec="seconds")
    assert x["approval_id"] == str(approval.id) and x["approved_by"] == approval.approver
    assert x["text_sha256"] == approval.hashes["x"]
    assert x["findings"] == "warning compliance.free: 'free' needs care"
    assert linkedin["findings"] == ""


def test_csv_neutralises_by_default_and_not_when_told(exporter, make_post, tmp_path):
    post = make_post("@Tom thanks for the referral! =)")
    out, result = export(exporter, tmp_path, "csv", [post.id])
    assert read_csv(out)[1][3] == "'@Tom thanks for the referral! =)"
    assert [(w.code, w.post_ids) for w in result.warnings] == [
        (ProblemCode.NEUTRALISED, (post.id,))
    ]
    plain, result = export(exporter, tmp_path, "csv", [post.id], name="plain.csv", neutralise=False)
    assert read_csv(plain)[1][3] == "@Tom thanks for the referral! =)"
    assert not result.warnings


def test_bom_for_excel(exporter, make_post, tmp_path):
    post = make_post(when=datetime(2026, 5, 13, 19, 0))
    out, _ = export(exporter, tmp_path, "hootsuite", [post.id], bom=True)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf05/13/2026 19:00,")
    plain, _ = export(exporter, tmp_path, "csv", [post.id], name="plain.csv")
    assert plain.read_bytes().startswith(b"post_id,")


# --- JSON and Markdown ---------------------------------------------------------------------


def test_json_complete_records(services, exporter, make_post, tmp_path):
    account = services.account_repository.add("x", "@agency", "The Agency")
    post = make_post(
        "Guaranteed to make you smile: our free storm checklist",
        platforms=("x", "threads"),
        variants={"threads": "Our storm checklist. Want a copy?"},
        reason="it is a joke about a checklist",
        account_id=account.id,
        title="Checklist",
    )
    approval = services.approval.active_approval(post.id)
    out, _ = export(exporter, tmp_path, "json", [post.id])
    document = json.loads(out.read_text("utf-8"))
    assert document["schema"] == "composer-export" and document["version"] == 1
    (record,) = document["posts"]
    assert record["post_id"] == post.id and record["title"] == "Checklist"
    assert record["texts"] == dict(approval.texts)
    assert record["scheduled_at"] == post.scheduled_at.isoformat(timespec="seconds")
    assert record["account"] == {
        "id": account.id,
        "platform": "x",
        "handle": "@agency",
        "display_name": "The Agency",
    }
    recorded = record["approval"]
    assert recorded["approver"] == approval.approver
    assert recorded["approved_at"] == approval.approved_at.isoformat(timespec="seconds")
    assert recorded["hashes"] == dict(approval.hashes)
    assert recorded["overrides"] == dict(approval.overrides)
    errors = [f for f in recorded["findings"] if f["severity"] == "error"]
    assert errors and errors[0]["reason"] == "it is a joke about a checklist"
    assert {f["platform"] for f in recorded["findings"]} == {"x"}


def test_markdown_one_section_per_post_and_platform(exporter, make_post, tmp_path):
    a = make_post("Use `code` and ``` fences # safely", platforms=("x", "linkedin"))
    b = make_post(title="Second *post*")
    out, result = export(exporter, tmp_path, "md", [a.id, b.id])
    text = out.read_text("utf-8")
    assert result.rows == 3
    assert text.count("\n## Post ") == 3
    assert f"## Post {a.id} · x" in text and f"## Post {a.id} · linkedin" in text
    assert f"## Post {b.id} · x — Second \\*post\\*" in text
    assert "````text\nUse `code` and ``` fences # safely\n````" in text


# --- PDF ---------------------------------------------------------------------------------


def test_pdf_one_page_per_post_with_the_record(services, exporter, make_post, tmp_path):
    account = services.account_repository.add("x", "@agency", "")
    posts = [
        make_post(
            "Guaranteed peace of mind with the right cover. Questions?",
            reason="peace of mind is not a promised return",
            account_id=account.id,
        ),
        make_post("Free flood quote, ask me how", platforms=("x", "linkedin")),
        make_post("Storm kit tips: what is in yours?"),
    ]
    out, result = export(exporter, tmp_path, "pdf", [p.id for p in posts])
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and result.size == len(data)
    assert page_count(data) == 5  # the cover, one page per post, the signature page
    pages = [squash(t) for t in page_texts(data)]
    _cover, first, second, third, _signature = pages
    approval = services.approval.active_approval(posts[0].id)
    for expected in (
        f"Post {posts[0].id}",
        "Guaranteed peace of mind with the right cover. Questions?",
        approval.hashes["x"],
        approval.approver,
        "@agency",
        "2026-05-13 18:15",
        "Must be fixed or justified. Guarantee or promise",
        "Kept because: peace of mind is not a promised return",
    ):
        assert squash(expected) in first, expected
    assert "compliance." not in first  # no internal category or rule ids
    assert squash("Warning. Something offered as free") in second
    assert "LinkedIn" in second and "linkedin" not in second
    assert squash("Storm kit tips: what is in yours?") in third
    assert squash("None: the checks found nothing") in third


def test_pdf_long_post_runs_on_to_more_pages(exporter, make_post, tmp_path):
    long_text = "\n".join(f"Line {i} of a very long Facebook post." for i in range(400))
    post = make_post(long_text, platforms=("facebook",))
    short = make_post("Short one?")
    out, _ = export(exporter, tmp_path, "pdf", [post.id, short.id])
    data = out.read_bytes()
    pages = page_texts(data)
    assert page_count(data) == len(pages) > 2
    assert "Line 0 of a very long" in pages[1]  # after the cover
    assert "Line 399 of a very long" in "".join(pages[2:-2])
    assert squash("Short one?") in squash(pages[-2])  # before the signature page


@pytest.mark.parametrize("format", ["hootsuite", "sprout", "csv", "json", "md", "pdf"])
def test_every_format_writes_and_records(services, exporter, make_post, tmp_path, format):
    post = make_post(when=datetime(2026, 5, 13, 19, 0))
    out, result = export(exporter, tmp_path, format, [post.id])
    assert out.is_file() and result.record.format == format
    assert services.library.get(post.id).status == "exported"
