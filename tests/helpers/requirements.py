"""Tests that need something a bare machine lacks (Xvfb, a Secret Service, pdftotext,
../shared): skipped with a reason on a developer's machine, failed where CI is set.

CI (`.ci/run`, with CI=true) installs and starts all of it, so a skip there would only
hide a test that no longer runs.
"""

from __future__ import annotations

import os
import shutil
from typing import NoReturn

import pytest


def in_ci() -> bool:
    """Whether CI is set to something other than empty, 0, false or no."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def missing(reason: str) -> NoReturn:
    """Skip the calling test (or fixture) for `reason`; fail it instead where CI is set."""
    if in_ci():
        pytest.fail(f"CI is set, so this must run, but {reason}", pytrace=False)
    pytest.skip(reason)


def require_tool(name: str, package: str) -> str:
    """The path of the program `name`, from the Debian package `package`."""
    path = shutil.which(name)
    if path is None:
        missing(f"{name} is not installed (Debian package {package})")
    return path
