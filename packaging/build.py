"""Build Composer for the platform this runs on: the one build command.

    uv run --group build python packaging/build.py [--self-test]

- Linux: dist/Composer/ (one folder) and dist/Composer-<version>-linux-<arch>.tar.gz
- macOS: dist/Composer.app and dist/Composer-<version>.dmg (dmgbuild)
- Windows: dist/Composer/ and dist/Composer-Setup-<version>.exe (Inno Setup's ISCC)

`--self-test` runs the built app's `self-test` afterwards (offscreen on a Linux machine
without a display). The version comes from pyproject.toml, through packaging/bundling.py.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
sys.path.insert(0, str(PACKAGING))

from bundling import project_version  # noqa: E402

NAME = "Composer"
INNO_SETUP_DEFAULT = Path(r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build", help="PyInstaller's work folder"
    )
    parser.add_argument("--clean", action="store_true", help="ignore PyInstaller's cache")
    parser.add_argument("--no-package", action="store_true", help="stop after the folder")
    parser.add_argument("--self-test", action="store_true", help="run the built self-test")
    args = parser.parse_args(argv)

    version = project_version()
    started = time.perf_counter()
    run_pyinstaller(args.dist, args.work, clean=args.clean)
    print(f"build: bundle ready in {time.perf_counter() - started:.0f} s")
    if args.self_test:
        self_test(executable(args.dist))
    if not args.no_package:
        artefact = package(args.dist, version)
        print(f"build: {artefact} ({artefact.stat().st_size / 1e6:.1f} MB)")
    print(f"build: done in {time.perf_counter() - started:.0f} s")
    return 0


def run_pyinstaller(dist: Path, work: Path, *, clean: bool = False) -> None:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        f"--distpath={dist}",
        f"--workpath={work}",
        str(PACKAGING / "composer.spec"),
    ]
    if clean:
        command.insert(3, "--clean")
    subprocess.run(command, check=True, cwd=ROOT)


def executable(dist: Path) -> Path:
    """The built program: what a person (or the self-test) starts."""
    if sys.platform == "darwin":
        return dist / f"{NAME}.app" / "Contents" / "MacOS" / NAME
    if sys.platform == "win32":
        return dist / NAME / f"{NAME}.exe"
    return dist / NAME / NAME.lower()


def self_test(program: Path) -> None:
    """Run the built app's self-test; its output is captured and echoed, because a
    windowed Windows program gets standard handles only when they are passed explicitly."""
    env = dict(os.environ)
    if sys.platform.startswith("linux") and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(f"build: {program} self-test", flush=True)
    result = subprocess.run(
        [str(program), "self-test"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
        timeout=300,
    )
    print(result.stdout, end="", flush=True)
    if result.returncode != 0:
        raise SystemExit(f"build: the bundle's self-test failed ({result.returncode})")


def package(dist: Path, version: str) -> Path:
    if sys.platform == "darwin":
        return make_dmg(dist, version)
    if sys.platform == "win32":
        return make_installer(dist, version)
    return make_tarball(dist, version)


def make_tarball(dist: Path, version: str) -> Path:
    """Composer-<version>-linux-<arch>.tar.gz holding the Composer/ folder."""
    archive = dist / f"{NAME}-{version}-linux-{platform.machine()}.tar.gz"
    return make_tarball_of(dist / NAME, archive)


def make_tarball_of(folder: Path, archive: Path) -> Path:
    """gzip level 9: the download is what agents wait for; it costs ~10 s here."""
    with tarfile.open(archive, "w:gz", compresslevel=9) as tar:
        tar.add(folder, arcname=folder.name, filter=_normalised)
    return archive


def _normalised(info: tarfile.TarInfo) -> tarfile.TarInfo:
    """No build machine's user names or ids in the archive."""
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def make_dmg(dist: Path, version: str) -> Path:
    """Composer-<version>.dmg with the app and a link to /Applications (dmgbuild)."""
    import dmgbuild

    image = dist / f"{NAME}-{version}.dmg"
    image.unlink(missing_ok=True)
    dmgbuild.build_dmg(
        str(image),
        NAME,
        settings_file=str(PACKAGING / "macos" / "dmg_settings.py"),
        defines={"app": str(dist / f"{NAME}.app")},
    )
    return image


def make_installer(dist: Path, version: str) -> Path:
    """Composer-Setup-<version>.exe from packaging/windows/composer.iss (Inno Setup 6)."""
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    compiler = Path(iscc) if iscc else INNO_SETUP_DEFAULT
    if not compiler.exists():
        raise SystemExit("Inno Setup 6 is needed: `choco install innosetup` or jrsoftware.org")
    subprocess.run(
        [
            str(compiler),
            f"/DAppVersion={version}",
            f"/DSourceDir={dist / NAME}",
            f"/DOutputDir={dist}",
            f"/DIconFile={ROOT / 'resources' / 'icons' / 'composer.ico'}",
            str(PACKAGING / "windows" / "composer.iss"),
        ],
        check=True,
    )
    return dist / f"{NAME}-Setup-{version}.exe"


if __name__ == "__main__":
    sys.exit(main())
