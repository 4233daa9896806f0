"""Build the Linux one-folder bundle with the README's build script and run its self-test.

Marked `packaging` (run alone: `uv run pytest -m packaging`). It takes about a minute on
CI's 2 cores: PyInstaller analysis and collection ~30 s, the .tar.gz ~10 s, the checks a
few seconds. The bundle is built in a temporary folder, never in the work tree.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest

from tests.helpers.paths import REPO
from tests.helpers.requirements import in_ci, missing, require_tool

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.timeout(900),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle"),
]

ROOT = REPO
FOLDER_BUDGET_MB = 130
TARBALL_BUDGET_MB = 50
IN_CI = in_ci()


def _version() -> str:
    import tomllib

    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run `packaging/build.py` once, the way the README says, into a temporary folder."""
    if shutil.which("uv") is None:
        missing("uv is needed to run the build command")
    # The build strips every library and builds a small ICU (else the size budget fails).
    require_tool("strip", "binutils")
    require_tool("readelf", "binutils")
    if shutil.which("cc") is None:
        require_tool("gcc", "gcc")
    base = tmp_path_factory.mktemp("bundle")
    command = [
        "uv",
        "run",
        "--group",
        "build",
        "python",
        str(ROOT / "packaging" / "build.py"),
        f"--dist={base / 'dist'}",
        f"--work={base / 'work'}",
    ]
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    output = f"{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    assert result.returncode == 0, f"build failed:\n{output}"
    print(f"bundle built in {time.perf_counter() - started:.0f} s")
    return base / "dist"


def _offscreen_env(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHON_KEYRING_BACKEND", None)  # the tests' safe default; the bundle finds its own
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["COMPOSER_DATA_DIR"] = str(data_dir)
    return env


def _needed(path: Path) -> list[str]:
    """The libraries an ELF file names as NEEDED."""
    dynamic = subprocess.run(
        ["readelf", "-dW", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic)


def _size_mb(folder: Path) -> float:
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 1e6


def test_self_test_passes_in_the_bundle(dist: Path, tmp_path: Path) -> None:
    program = dist / "Composer" / "composer"
    result = subprocess.run(
        [str(program), "self-test"],
        env=_offscreen_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(frozen," in result.stdout
    assert "self-test passed" in result.stdout
    for step in ("resources", "library", "guidelines", "keyring", "window", "pdf"):
        assert f"ok   {step}" in result.stdout, result.stdout
    assert "MainWindow painted" in result.stdout
    if IN_CI:  # .ci/run starts GNOME Keyring on a D-Bus session
        assert "Secret Service" in result.stdout, result.stdout


def test_version_comes_from_pyproject(dist: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(dist / "Composer" / "composer"), "--version"],
        env=_offscreen_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"composer {_version()}"


def test_self_test_names_what_failed(dist: Path, tmp_path: Path) -> None:
    """A bundle that lost its rule packs must fail, naming the step."""
    broken = tmp_path / "Composer"
    shutil.copytree(dist / "Composer", broken, symlinks=True)
    shutil.rmtree(broken / "_internal" / "resources" / "guidelines")
    result = subprocess.run(
        [str(broken / "composer"), "self-test", "--no-window"],
        env=_offscreen_env(tmp_path / "data"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "FAIL resources" in result.stdout
    assert "self-test failed: resources" in result.stderr


def test_bundle_layout_and_budgets(dist: Path) -> None:
    folder = dist / "Composer"
    internal = folder / "_internal"
    # Data at the same relative paths as in the source tree.
    assert (internal / "resources" / "guidelines").is_dir()
    assert (internal / "resources" / "icons" / "composer-256.png").is_file()
    assert (internal / "composer" / "storage" / "migrations" / "env.py").is_file()
    assert list((internal / "composer" / "storage" / "migrations" / "versions").glob("*.py"))
    assert list(internal.glob("keyring-*.dist-info/entry_points.txt"))
    assert list(internal.glob("composer-*.dist-info/METADATA"))
    # Unused Qt parts are left out.
    qt = internal / "PySide6" / "Qt"
    assert not (qt / "translations").exists()
    assert not list(qt.glob("plugins/platformthemes/*gtk3*"))
    assert not list(qt.glob("lib/libQt6Network*"))
    assert (qt / "plugins" / "platforms" / "libqxcb.so").is_file()
    assert not list(qt.glob("plugins/wayland-decoration-client/*adwaita*"))  # needs QtSvg
    assert not list(internal.glob("PySide6/QtDBus*"))  # the Python module; Qt's library stays
    assert (qt / "lib" / "libQt6DBus.so.6").is_file()
    # Libraries taken from the system (packaging/bundling.py, _SYSTEM_LIBRARIES), and what
    # only they need; GLib and libdbus stay.
    for name in ("libstdc++", "libgcc_s", "libX11", "libfontconfig", "libfreetype", "libpng16"):
        assert not list(internal.glob(f"{name}.so*")), name
    assert (internal / "libglib-2.0.so.0").is_file()
    assert (internal / "libdbus-1.so.3").is_file()
    # Every Qt library a bundled file links to is in the bundle.
    bundled = {p.name for p in internal.rglob("*.so*")}
    for path in internal.rglob("*.so*"):
        if path.is_file() and not path.is_symlink():
            needed = _needed(path)
            missing_qt = [n for n in needed if n.startswith("libQt6") and n not in bundled]
            assert not missing_qt, f"{path.relative_to(folder)} needs {missing_qt}"
    # No symlink points at a file that was left out.
    dangling = [p for p in folder.rglob("*") if p.is_symlink() and not p.exists()]
    assert not dangling, dangling

    size = _size_mb(folder)
    archives = list(dist.glob(f"Composer-{_version()}-linux-*.tar.gz"))
    assert len(archives) == 1, archives
    archive_mb = archives[0].stat().st_size / 1e6
    print(f"bundle {size:.1f} MB, {archives[0].name} {archive_mb:.1f} MB")
    assert size <= FOLDER_BUDGET_MB
    assert archive_mb <= TARBALL_BUDGET_MB
    with tarfile.open(archives[0]) as tar:
        names = tar.getnames()
    assert "Composer/composer" in names
    assert all(name == "Composer" or name.startswith("Composer/") for name in names)
