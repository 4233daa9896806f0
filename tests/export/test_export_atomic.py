"""Atomic writes: all or nothing, never overwrite without asking, no temporary files left."""

from __future__ import annotations

import errno
import os

import pytest

from composer.domain.files import AtomicWriteError, write_atomic


def test_writes_the_bytes_and_leaves_nothing_else(tmp_path):
    target = tmp_path / "out.csv"
    write_atomic(target, b"a,b\r\n")
    assert target.read_bytes() == b"a,b\r\n"
    assert os.listdir(tmp_path) == ["out.csv"]


def test_existing_file_is_kept_without_overwrite(tmp_path):
    target = tmp_path / "out.csv"
    target.write_bytes(b"old")
    with pytest.raises(FileExistsError):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["out.csv"]
    write_atomic(target, b"new", overwrite=True)
    assert target.read_bytes() == b"new"


def test_a_file_that_appears_meanwhile_is_not_overwritten(tmp_path, monkeypatch):
    target = tmp_path / "out.csv"
    real_link = os.link

    def racing_link(src, dst):
        target.write_bytes(b"theirs")  # someone else saved under that name just now
        return real_link(src, dst)

    monkeypatch.setattr(os, "link", racing_link)
    with pytest.raises(FileExistsError):
        write_atomic(target, b"mine")
    assert target.read_bytes() == b"theirs"
    assert os.listdir(tmp_path) == ["out.csv"]


def test_missing_folder_is_one_plain_line(tmp_path):
    with pytest.raises(AtomicWriteError, match="there is no folder") as caught:
        write_atomic(tmp_path / "nope" / "out.csv", b"x")
    assert "\n" not in str(caught.value)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_folder_leaves_no_file(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(AtomicWriteError, match="permission denied"):
            write_atomic(folder / "out.csv", b"x")
        assert os.listdir(folder) == []
    finally:
        folder.chmod(0o700)


def test_permission_error_on_create_leaves_no_file(tmp_path, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(AtomicWriteError, match="permission denied") as caught:
        write_atomic(tmp_path / "out.csv", b"x")
    assert "\n" not in str(caught.value)
    assert os.listdir(tmp_path) == []


def test_full_disk_midway_leaves_no_partial_file(tmp_path, monkeypatch):
    real_write = os.write
    calls = {"n": 0}

    def half_then_full(fd, data):
        calls["n"] += 1
        if calls["n"] == 1:
            return real_write(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", half_then_full)
    target = tmp_path / "out.pdf"
    target_existing = tmp_path / "keep.pdf"
    target_existing.write_bytes(b"previous")
    with pytest.raises(AtomicWriteError, match="the disk is full"):
        write_atomic(target, b"x" * 1000)
    with pytest.raises(AtomicWriteError):
        write_atomic(target_existing, b"y" * 1000, overwrite=True)
    assert sorted(os.listdir(tmp_path)) == ["keep.pdf"]
    assert target_existing.read_bytes() == b"previous"
