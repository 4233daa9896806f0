"""`composer self-test` from a source checkout (fast; the frozen run is in test_bundle.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_self_test_passes_from_source(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COMPOSER_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "composer", "self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(from source," in result.stdout
    for step in ("resources", "library", "guidelines", "keyring", "window", "pdf"):
        assert f"ok   {step}" in result.stdout, result.stdout
    assert not any(tmp_path.iterdir()), "self-test must not touch the data folder"


def test_self_test_can_skip_the_window(tmp_path: Path) -> None:
    env = {**os.environ, "COMPOSER_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "composer", "self-test", "--no-window"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
    assert " window " not in result.stdout
