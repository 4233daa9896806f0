"""The PDF record shows and holds what agents write, in every script: read back with pypdf
and pdftotext, and checked against the approved texts attached inside the PDF."""

from __future__ import annotations

import hashlib
import io
import re
import subprocess

import pytest
from pypdf import PdfReader

from composer.export.pdf_finish import ATTACHMENT_FORMAT, read_attachment
from composer.export.pdf_textlayer import visual_order
from composer.services.export import ExportRefusedError, ExportRequest
from composer.services.export_checks import MISSING_GLYPHS
from tests.helpers.pdftext import page_texts
from tests.helpers.requirements import require_tool

SCRIPTS = {
    "korean": "보험 상담은 언제든지 환영합니다",
    "thai": "สวัสดีครับ ประกันภัยรถยนต์",
    "devanagari": "नमस्ते, क्षत्रिय परिवार के लिए बीमा",
    "arabic": "مرحبا بكم في وكالة التأمين",
    "hebrew": "שלום וברוכים הבאים",
    "greek": "Γειά σου, ασφάλιση κατοικίας",
    "cyrillic": "Привет! Страхование жилья",
    "chinese": "欢迎咨询保险 歡迎諮詢保險",
    "japanese": "こんにちは、保険のご相談",
    "emoji": "Storm kit ready? 🌪️🔦👍🏽 ❤️ 👨‍👩‍👧",
}
LIGATURES = "office fluffy finally affine efficient"
NO_FONT = "𓀀"  # an Egyptian hieroglyph: no shipped font (nor this machine's) has it
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e]")  # pdftotext wraps RTL in these


def flat(text: str) -> str:
    """Whitespace collapsed: a line may wrap anywhere on the page."""
    return " ".join(text.split())


def pdftotext(data: bytes) -> str:
    program = require_tool("pdftotext", "poppler-utils")
    done = subprocess.run(
        [program, "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True
    )
    return BIDI_MARKS.sub("", done.stdout.decode("utf-8"))


@pytest.fixture
def record(exporter, make_post, tmp_path):
    """One post per script, each line its own paragraph, exported as one PDF."""
    posts = [
        make_post(text, platforms=("linkedin",), title=f"In {name}")
        for name, text in SCRIPTS.items()
    ]
    posts.append(make_post(LIGATURES, platforms=("linkedin", "facebook"), title="Ligatures"))
    out = tmp_path / "record.pdf"
    exporter.export(ExportRequest("pdf", post_ids=tuple(p.id for p in posts)), out)
    return out.read_bytes(), posts


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_pypdf_reads_each_script_back_exactly(record, script):
    data, _ = record
    text = flat("\n".join(page_texts(data)))
    assert flat(SCRIPTS[script]) in text


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_pdftotext_reads_each_script_back_exactly(record, script):
    data, _ = record
    assert flat(SCRIPTS[script]) in flat(pdftotext(data))


def test_no_ligatures_break_search(record):
    data, _ = record
    for words in (flat("\n".join(page_texts(data))), flat(pdftotext(data))):
        assert LIGATURES in words
        assert not re.search("[\ufb00-\ufb06]", words)  # no ﬁ, ﬂ, ﬃ presentation forms


def test_each_text_appears_once(record):
    """Qt's own glyphs add no second, broken copy of the text."""
    data, _ = record
    text = flat(pdftotext(data))
    assert text.count(SCRIPTS["devanagari"]) == 1
    assert text.count(LIGATURES) == 1  # two platforms, one approved text: printed once


def test_attached_texts_match_their_hashes_and_the_pages(record):
    data, posts = record
    attached = read_attachment(data)
    assert attached["format"] == ATTACHMENT_FORMAT
    assert [p["post_id"] for p in attached["posts"]] == [p.id for p in posts]
    pages = flat("\n".join(page_texts(data)))
    for post, entry in zip(posts, attached["posts"], strict=True):
        assert entry["texts"] == {platform: post.body for platform in post.platforms}
        for platform, text in entry["texts"].items():
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            assert entry["sha256"][platform] == digest
            assert f"SHA-256 {digest}" in pages


def test_fonts_are_embedded_as_subsets(record):
    """Only the glyphs used travel in the PDF: all scripts in well under a megabyte."""
    data, _ = record
    assert len(data) < 400_000
    reader = PdfReader(io.BytesIO(data))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if font["/BaseFont"] == "/Helvetica":  # the footer: a standard font, not embedded
                assert font["/Subtype"] == "/Type1" and "/FontDescriptor" not in font
                continue
            names.add(str(font["/BaseFont"]))
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor  # embedded
    assert {"/NotoSansCJKsc-Regular", "/NotoSansThai-Regular"} <= names
    # Emoji: the record's monochrome Noto Emoji, unless the window's colour emoji font is
    # registered in this process (Qt then prefers it, and draws its glyphs as shapes).
    from PySide6.QtGui import QFontDatabase

    colour = "Twemoji Mozilla" in QFontDatabase.families()
    assert colour or "/NotoEmoji-Regular" in names, names


def test_missing_glyphs_are_a_blocking_problem_naming_post_and_characters(
    exporter, make_post, tmp_path
):
    ok = make_post("Plain text", platforms=("linkedin",))
    odd = make_post(f"Ancient wisdom {NO_FONT} says insure", platforms=("linkedin",))
    plan = exporter.plan(ExportRequest("pdf", post_ids=(ok.id, odd.id)))
    [problem] = plan.missing_glyphs
    assert problem.code == MISSING_GLYPHS and problem.blocking
    assert problem.post_ids == (odd.id,) and problem.characters == (NO_FONT,)
    with pytest.raises(ExportRefusedError):
        exporter.write(plan, tmp_path / "r.pdf")
    assert not (tmp_path / "r.pdf").exists()

    allowed = exporter.plan(
        ExportRequest("pdf", post_ids=(ok.id, odd.id), allow_missing_glyphs=True)
    )
    assert not allowed.refusals and allowed.missing_glyphs[0] in allowed.warnings
    exporter.write(allowed, tmp_path / "r.pdf")
    data = (tmp_path / "r.pdf").read_bytes()
    assert f"Ancient wisdom {NO_FONT} says insure" in flat("\n".join(page_texts(data)))


def test_other_formats_do_not_check_glyphs(exporter, make_post):
    post = make_post(f"Ancient {NO_FONT}", platforms=("linkedin",))
    assert not exporter.plan(ExportRequest("json", post_ids=(post.id,))).problems


def test_cli_refuses_missing_glyphs_in_one_line_unless_allowed(cli, make_post, tmp_path):
    post = make_post(f"Ancient wisdom {NO_FONT}", platforms=("linkedin",))
    out = tmp_path / "r.pdf"
    status, stdout, stderr = cli("export", "--format", "pdf", "--out", str(out), str(post.id))
    assert status == 2 and not out.exists() and stdout == ""
    assert len(stderr.strip().splitlines()) == 1
    assert f"post {post.id}: {NO_FONT} (U+13000)" in stderr
    assert "--allow-missing-glyphs" in stderr
    status, _, stderr = cli(
        "export", "--format", "pdf", "--out", str(out), "--allow-missing-glyphs", str(post.id)
    )
    assert status == 0 and out.exists()
    assert "U+13000" in stderr  # still said, as a warning


@pytest.mark.parametrize(
    ("logical", "rtl", "shown"),
    [
        ("abc", False, "abc"),
        ("אבג", False, "גבא"),
        ("Hebrew: שלום עולם", False, "Hebrew: םלוע םולש"),
        ("שלום 123 עולם", True, "םלוע 123 םולש"),
        ("abc אבג def", False, "abc גבא def"),
        ("שלום abc", True, "abc םולש"),
        ("טקסט ", False, "טסקט "),  # a trailing space stays at the end
    ],
)
def test_visual_order(logical, rtl, shown):
    assert visual_order(logical, rtl) == shown


def test_the_record_of_a_reply_shows_the_comment_it_answers(exporter, make_post, tmp_path):
    from composer.domain.conversations import Comment

    comment = Comment("Nobody ever calls me back!", "Dana R.", "google", "https://g.co/r/1")
    reply = make_post(
        "I'm sorry, Dana. Please call me.", platforms=("facebook",), in_reply_to=comment
    )
    plain = make_post("Storm kit tips.", platforms=("facebook",))
    out = tmp_path / "record.pdf"
    exporter.export(ExportRequest("pdf", post_ids=(reply.id, plain.id)), out)
    pages = [flat(t) for t in page_texts(out.read_bytes())]
    reply_page = next(p for p in pages[1:] if "I'm sorry, Dana" in p)  # after the cover
    plain_page = next(p for p in pages[1:] if "Storm kit tips." in p)
    assert "In reply to" in reply_page and "Nobody ever calls me back!" in reply_page
    assert "Dana R. · google" in reply_page and "https://g.co/r/1" in reply_page
    assert "In reply to" not in plain_page
