"""No command or dialog writes a file inside the data folder, whatever the path or --force."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from composer.services.export import ExportRefusedError, ExportRequest
from composer.services.output_paths import (
    DataFolderTargetError,
    is_data_folder_target,
    refuse_data_folder_target,
)

FORMATS = ("hootsuite", "sprout", "csv", "json", "md", "pdf", "bundle")


@pytest.fixture
def approved(cli, tmp_path) -> Path:
    """One approved post for X in a library at tmp_path/data; returns the data folder."""
    source = tmp_path / "posts.json"
    row = {"text": "Storm kit tips. What's in yours?", "platforms": ["x"]}
    source.write_text(json.dumps([{**row, "scheduled_at": "2030-05-18T09:00"}]), "utf-8")
    assert cli("import", str(source))[0] == 0
    assert cli("approve", "1")[0] == 0
    return tmp_path / "data"


def _targets(data: Path, tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "elsewhere").mkdir(exist_ok=True)
    link_to_library = tmp_path / "innocent.csv"
    link_to_library.symlink_to(data / "library.sqlite3")
    link_to_folder = tmp_path / "shortcut"
    link_to_folder.symlink_to(data, target_is_directory=True)
    return {
        "library": data / "library.sqlite3",
        "dotdot": tmp_path / "elsewhere" / ".." / "data" / "library.sqlite3",
        "symlinked file": link_to_library,
        "symlinked folder": link_to_folder / "library.sqlite3",
        "new file inside": data / "backups" / "export.csv",
        "the folder itself": data,
        "a folder holding it": tmp_path,
    }


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_refuses_every_target_in_the_data_folder_even_with_force(
    cli, approved, tmp_path, fmt
):
    library = approved / "library.sqlite3"
    before = library.read_bytes()
    for name, target in _targets(approved, tmp_path).items():
        argv = ["export", "--format", fmt, "--out", str(target), "--status", "approved"]
        status, out, err = cli(*argv, "--force")
        assert status == 2, (name, err)
        assert out == "" and err.count("\n") == 1 and "data folder" in err, name
        for leftover in tmp_path.rglob("*"):
            assert leftover.suffix != ".tmp", leftover
    assert library.read_bytes() == before
    assert not (approved / "backups" / "export.csv").exists()
    status, out, _ = cli("history", "--format", "json")
    assert status == 0 and [p["status"] for p in json.loads(out)] == ["approved"]
    assert cli("audit", "verify")[0] == 0


def test_backup_out_in_the_data_folder_is_refused(cli, approved, tmp_path):
    for target in (
        approved / "library.sqlite3",
        approved / "backups" / "mine.sqlite3",
        tmp_path / "x" / ".." / "data" / "copy.sqlite3",
    ):
        status, out, err = cli("backup", "--out", str(target))
        assert status == 2 and out == "" and "data folder" in err and err.count("\n") == 1
    assert not (approved / "backups" / "mine.sqlite3").exists()
    assert cli("backup", "--out", str(tmp_path / "fine.sqlite3"))[0] == 0


def test_the_service_refuses_too(services, exporter, make_post):
    make_post()
    plan = exporter.plan(ExportRequest(format="csv", status="approved"))
    library = services.data_dir / "library.sqlite3"
    with pytest.raises(ExportRefusedError, match="data folder"):
        exporter.write(plan, library, force=True)
    assert library.read_bytes()[:16] == b"SQLite format 3\x00"


def test_the_rule_itself(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (tmp_path / "data-old").mkdir()
    assert is_data_folder_target(data / "images" / "new.png", data)
    assert is_data_folder_target(tmp_path, data)
    assert not is_data_folder_target(tmp_path / "data-old" / "x.csv", data)  # a prefix only
    assert not is_data_folder_target(tmp_path / "x.csv", data)
    assert refuse_data_folder_target(tmp_path / "x.csv", data) == tmp_path / "x.csv"
    with pytest.raises(DataFolderTargetError) as caught:
        refuse_data_folder_target(tmp_path, data)
    assert "holds Composer's data folder" in str(caught.value)


def test_a_real_process_cannot_overwrite_the_live_library(approved):
    """The reported command, run as the agent ran it."""
    library = approved / "library.sqlite3"
    before = library.read_bytes()
    env = {**os.environ, "COMPOSER_DATA_DIR": str(approved)}
    argv = ["export", "--format", "csv", "--out", str(library), "--status", "approved"]
    done = subprocess.run(
        [sys.executable, "-m", "composer", *argv, "--force"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("composer: ") and done.stderr.count("\n") == 1
    assert "inside Composer's data folder" in done.stderr
    assert library.read_bytes() == before
