"""Images in exports: JSON and Markdown name them, the PDF shows them, bundles carry them
without metadata; `composer attach` and `composer export --format bundle` end to end."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from dataclasses import replace
from datetime import datetime

import pytest

from composer.media import meta as image_meta
from composer.services.export import (
    ExportRefusedError,
    ExportRequest,
    ExportTargetExistsError,
    ProblemCode,
)
from tests.helpers.images import camera_jpeg, encode, picture
from tests.helpers.pdftext import page_texts, squash

ALT = "Our office team at the charity run, all in blue shirts"


@pytest.fixture
def photo_post(services, make_post):
    """An approved X post with a phone photo (GPS, turned on its side) and a PNG graphic."""
    phone = services.images.attach_bytes(camera_jpeg(64, 48, orientation=6, gps=True), "IMG.JPG")
    graphic = services.images.attach_bytes(encode(picture(120, 60), "png"), "checklist.png")
    attachments = (replace(phone, alt_text=ALT), replace(graphic, alt_text="A storm checklist"))
    return make_post(when=datetime(2026, 5, 13, 19, 0), attachments=attachments)


def export(exporter, tmp_path, format, ids, name, **options):
    out = tmp_path / name
    return out, exporter.export(ExportRequest(format, post_ids=tuple(ids), **options), out)


def test_json_references_the_images(exporter, photo_post, tmp_path):
    out, _ = export(exporter, tmp_path, "json", [photo_post.id], "out.json")
    [record] = json.loads(out.read_text("utf-8"))["posts"]
    first, second = record["images"]
    assert first == {
        "file": f"post-{photo_post.id}-1.jpg",
        "sha256": photo_post.attachments[0].sha256,
        "alt_text": ALT,
        "format": "jpeg",
        "width": 48,
        "height": 64,
    }
    assert (second["file"], second["alt_text"]) == (
        f"post-{photo_post.id}-2.png",
        "A storm checklist",
    )


def test_markdown_lists_the_images_in_order(exporter, photo_post, tmp_path):
    out, _ = export(exporter, tmp_path, "md", [photo_post.id], "out.md")
    text = out.read_text("utf-8")
    assert "Images, in this order:" in text
    assert f"1. `post-{photo_post.id}-1.jpg`" in text and ALT in text
    assert text.index("-1.jpg") < text.index("-2.png")


def test_pdf_shows_the_images_with_their_alt_text(exporter, photo_post, tmp_path):
    out, _ = export(exporter, tmp_path, "pdf", [photo_post.id], "out.pdf")
    data = out.read_bytes()
    assert data.count(b"/Subtype /Image") >= 2
    _cover, page, _signature = page_texts(data)  # the images fit the post's one page
    assert squash("the charity run, all in blue shirts") in squash(page)  # "ﬃ" is a ligature
    assert squash("Image 2 (post-1-2.png). Description (alt text): A storm checklist") in squash(
        page
    )
    assert photo_post.attachments[0].sha256 in squash(page)
    assert b"Exif" not in data  # decoded afresh: no camera data (the XMP is the PDF's own)


def test_bundle_zip_holds_csv_clean_images_readme_and_sums(
    services, exporter, photo_post, tmp_path
):
    out, result = export(exporter, tmp_path, "bundle", [photo_post.id], "week.zip")
    assert result.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    assert result.record.format == "bundle"
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        files = {name: archive.read(name) for name in names}
    first, second = f"images/post-{photo_post.id}-1.jpg", f"images/post-{photo_post.id}-2.png"
    assert names == ["posts.csv", first, second, "README.txt", "SHA256SUMS"]
    rows = list(csv.reader(io.StringIO(files["posts.csv"].decode("utf-8-sig"))))
    assert rows == [["05/13/2026 19:00", photo_post.body, ""]]  # Hootsuite by default
    jpeg = files[first]
    facts = image_meta.read_facts(jpeg, "jpeg")
    assert not facts.has_location and not facts.has_metadata and facts.orientation == 1
    assert b"Exif" not in jpeg and b"GPS" not in jpeg
    readme = files["README.txt"].decode("utf-8")
    assert f"Post {photo_post.id}" in readme and ALT in readme and first in readme
    for line in files["SHA256SUMS"].decode().splitlines():
        digest, name = line.split("  ")
        assert hashlib.sha256(files[name]).hexdigest() == digest
    assert services.library.get(photo_post.id).status == "exported"
    assert services.audit.verify().ok


def test_bundle_folder_with_sprout_csv(services, exporter, photo_post, tmp_path):
    out, result = export(
        exporter, tmp_path, "bundle", [photo_post.id], "by-hand", scheduler="sprout"
    )
    assert out.is_dir()
    assert sorted(p.name for p in out.iterdir()) == [
        "README.txt",
        "SHA256SUMS",
        "images",
        "posts.csv",
    ]
    assert result.sha256 == hashlib.sha256((out / "SHA256SUMS").read_bytes()).hexdigest()
    header = (out / "posts.csv").read_text("utf-8-sig").splitlines()[0]
    assert header == "date,time_24hr,message_text"  # Sprout's header row
    assert not image_meta.read_facts(
        (out / "images" / f"post-{photo_post.id}-1.jpg").read_bytes(), "jpeg"
    ).has_location
    assert not list(tmp_path.glob(".by-hand*"))
    with pytest.raises(FileExistsError):
        exporter.export(ExportRequest("bundle", post_ids=(photo_post.id,)), out)
    exporter.export(ExportRequest("bundle", post_ids=(photo_post.id,)), out, force=True)
    other = tmp_path / "holiday-photos"
    other.mkdir()
    with pytest.raises(ExportTargetExistsError) as caught:
        exporter.export(ExportRequest("bundle", post_ids=(photo_post.id,)), other, force=True)
    assert caught.value.path == other and not caught.value.replaceable


def test_bundle_refuses_when_an_image_file_is_gone(services, exporter, photo_post, tmp_path):
    services.images.path_for(photo_post.attachments[1].sha256, "png").unlink()
    with pytest.raises(ExportRefusedError) as caught:
        exporter.export(ExportRequest("bundle", post_ids=(photo_post.id,)), tmp_path / "b.zip")
    [missing] = caught.value.problems
    assert (missing.code, missing.post_ids, missing.count) == (
        ProblemCode.MISSING_IMAGE,
        (photo_post.id,),
        2,
    )
    assert not (tmp_path / "b.zip").exists()
    assert services.library.get(photo_post.id).status == "approved"


def test_posts_without_images_export_as_before(exporter, make_post, tmp_path):
    post = make_post(when=datetime(2026, 5, 13, 19, 0))
    out, _ = export(exporter, tmp_path, "bundle", [post.id], "plain.zip")
    with zipfile.ZipFile(out) as archive:
        assert archive.namelist() == ["posts.csv", "README.txt", "SHA256SUMS"]
        assert "Images: none" in archive.read("README.txt").decode()


# --- the command line ------------------------------------------------------------------------


@pytest.fixture
def one_post(cli, tmp_path):
    source = tmp_path / "posts.jsonl"
    row = {"text": "Charity run!", "platforms": ["x"], "scheduled_at": "2030-05-18T09:00"}
    source.write_text(json.dumps(row), encoding="utf-8")
    assert cli("import", str(source))[0] == 0
    return 1


def test_cli_attach_then_export_a_bundle(cli, one_post, tmp_path):
    photo = tmp_path / "IMG_2041.JPG"
    photo.write_bytes(camera_jpeg(80, 60, gps=True))
    graphic = tmp_path / "kit.png"
    graphic.write_bytes(encode(picture(), "png"))
    status, out, err = cli("attach", "1", str(photo), str(graphic), "--alt", ALT, "--alt", "Kit")
    assert status == 0, err
    assert "Attached 2 images to post 1" in out and "IMG_2041.JPG" in out
    assert "records where it was taken" in err
    status, out, _ = cli("attach", "1", str(graphic), "--format", "json")  # already there
    assert [a["alt_text"] for a in json.loads(out)["attachments"]] == [ALT, "Kit"]
    assert cli("approve", "1")[0] == 0
    bundle = tmp_path / "bundle.zip"
    status, out, err = cli("export", "1", "--format", "bundle", "--out", str(bundle))
    assert status == 0, err
    with zipfile.ZipFile(bundle) as archive:
        jpeg = archive.read("images/post-1-1.jpg")
    assert not image_meta.read_facts(jpeg, "jpeg").has_location


def test_cli_attach_refuses_a_bad_file_and_attaches_nothing(cli, one_post, tmp_path):
    good = tmp_path / "good.png"
    good.write_bytes(encode(picture(), "png"))
    bad = tmp_path / "notes.png"
    bad.write_bytes(b"this is not a picture")
    status, _, err = cli("attach", "1", str(good), str(bad))
    assert status == 2
    assert err.strip() == (
        "composer: notes.png: this is not an image Composer can read; "
        "nothing was attached to post 1"
    )
    status, out, _ = cli("show", "1", "--format", "json")
    assert status == 0 and json.loads(out)["images"] == []
    assert cli("attach", "1", str(good), "--alt", "a", "--alt", "b")[0] == 2  # 2 alts, 1 file
    assert cli("attach", "99", str(good))[0] == 2
