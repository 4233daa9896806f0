"""An export and its record go together: the file is placed inside the transaction that
records it, and removed again (an earlier file put back) when the record cannot be kept."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from composer.domain.files import AtomicWriteError, Staged
from composer.services.export import ExportNotRecordedError, ExportRequest, ExportWriteError
from composer.storage.anchor import anchor_path, read_anchor


@pytest.fixture
def out(tmp_path) -> Path:
    """An empty folder for the exports (the library lives elsewhere in tmp_path)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def read_only_library(monkeypatch) -> None:
    """Writing the export row fails the way SQLite fails on a read-only library file."""

    def refuse(*_args, **_kwargs):
        raise OperationalError(
            "INSERT INTO exports",
            {},
            sqlite3.OperationalError("attempt to write a readonly database"),
        )

    monkeypatch.setattr("composer.storage.approvals.ExportRepository.add", refuse)


def test_export_row_names_its_entry_and_the_head_record_follows(services, exporter, make_post, out):
    post = make_post("Storm kit tips. Questions?")
    result = exporter.export(ExportRequest("json", post_ids=(post.id,)), out / "r.json")
    assert hashlib.sha256((out / "r.json").read_bytes()).hexdigest() == result.sha256
    last = services.audit.entries()[-1]
    assert (result.record.audit_seq, result.record.audit_hash) == (last.seq, last.hash)
    head = read_anchor(anchor_path(services.database.path))
    assert (head.seq, head.hash) == (last.seq, last.hash)
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []
    assert services.audit.verify().ok


def test_a_read_only_library_leaves_no_file(services, exporter, make_post, out, monkeypatch):
    post = make_post("Storm kit tips. Questions?")
    read_only_library(monkeypatch)
    with pytest.raises(ExportNotRecordedError) as caught:
        exporter.export(ExportRequest("csv", post_ids=(post.id,)), out / "r.csv")
    assert caught.value.code == "not-recorded" and "readonly" in caught.value.detail
    assert caught.value.path == (out / "r.csv").absolute()
    assert list(out.glob("*r.csv*")) == []
    assert services.library.get(post.id).status == "approved"
    assert services.audit.verify().ok


def test_a_failed_record_puts_back_the_file_it_would_replace(
    services, exporter, make_post, out, monkeypatch
):
    post = make_post("Storm kit tips. Questions?")
    target = out / "r.md"
    target.write_text("last week's export", encoding="utf-8")
    read_only_library(monkeypatch)
    with pytest.raises(ExportNotRecordedError):
        exporter.export(ExportRequest("md", post_ids=(post.id,)), target, force=True)
    assert target.read_text(encoding="utf-8") == "last week's export"
    assert [p.name for p in out.iterdir()] == ["r.md"]


def test_a_failure_after_the_file_was_placed_takes_it_back(
    services, exporter, make_post, out, monkeypatch
):
    post = make_post("Storm kit tips. Questions?")
    real_place = Staged.place

    def place_then_fail(self):
        real_place(self)
        assert self.path.exists()
        raise AtomicWriteError(f"cannot write {self.path}: the disk is full")

    monkeypatch.setattr(Staged, "place", place_then_fail)
    with pytest.raises(ExportWriteError, match="the disk is full"):
        exporter.export(ExportRequest("json", post_ids=(post.id,)), out / "r.json")
    assert list(out.iterdir()) == []
    assert services.audit.entries()[-1].action == "approve"  # nothing recorded
    assert services.library.get(post.id).status == "approved"


def test_bundle_folder_is_placed_with_its_record(services, exporter, make_post, out):
    post = make_post("Storm kit tips. Questions?", platforms=("x",))
    request = ExportRequest("bundle", post_ids=(post.id,), platform="x")
    result = exporter.export(request, out / "bundle")
    assert (out / "bundle").is_dir() and result.record.audit_seq is not None
    assert [p.name for p in out.iterdir()] == ["bundle"]


def test_cli_says_so_in_one_line_and_exits_2(cli, tmp_path, monkeypatch):
    source = tmp_path / "posts.jsonl"
    source.write_text('{"text": "Storm kit tips. Questions?", "platforms": ["x"]}', "utf-8")
    assert cli("import", str(source))[0] == 0
    assert cli("approve", "1")[0] == 0
    read_only_library(monkeypatch)
    out = tmp_path / "r.csv"
    status, stdout, stderr = cli("export", "--format", "csv", "--out", str(out), "1")
    assert status == 2 and stdout == ""
    [line] = [text for text in stderr.splitlines() if "note:" not in text]
    assert line.startswith("composer: nothing was exported: the export could not be recorded")
    assert line.endswith("the file was removed")
    assert not out.exists()
