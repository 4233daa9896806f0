"""The PyInstaller recipe shared by composer.spec and the benchmark's minimal-window spec.

Both bundles go through `build()`, so the size and start-up budgets compare like with like:
one folder, windowed, no UPX (it breaks macOS signing and some Qt DLLs), the same Qt
plugins and translations left out, and on Linux every library stripped, the desktop's own
libraries (C++ runtime, X11, fontconfig, FreeType...) taken from the system, and of the rest
only the libraries something in the bundle links to kept.
"""

from __future__ import annotations

import os
import re
import sys
import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePath
from typing import Any

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
# Our hook directory overrides PyInstaller's run-time hook for PySide6 (see its docstring).
HOOKS_DIR = PACKAGING / "hooks"
RUNTIME_HOOKS = [
    str(PACKAGING / "rthooks" / "windows_console.py"),
    str(PACKAGING / "rthooks" / "first_paint_probe.py"),
]

IS_LINUX = sys.platform.startswith("linux")
IS_MAC = sys.platform == "darwin"
IS_WIN = sys.platform == "win32"

# Python modules that analysis finds but the app never imports at run time:
# - PySide6's own package hook pulls in QtNetwork and friends; the app has no network code.
# - mako (for Alembic) offers a Pygments plugin, and some hook pulls in setuptools: 2.7 MB.
# - ssl and _hashlib are what link OpenSSL's libssl and libcrypto (5 MB): nothing here uses
#   TLS, and hashlib falls back to its built-in sha2/md5/blake2 modules without _hashlib.
# - multiprocessing brings a runtime hook that imports it at every start (~6 ms); the app
#   starts no processes of its own.
# - pypdf imports fontTools and Pillow when present, to read fonts and images of PDFs made
#   elsewhere; the app only finishes PDFs it wrote (fontTools is in the `fonts` group, so a
#   developer's environment may have it: 4 MB).
# - Interactive and developer tools: help(), readline, test frameworks, mail and web servers.
# - PySide6.QtDBus is listed by PySide6's hooks because Qt's Gui library links Qt's D-Bus
#   library (which stays); the Python module is never imported (0.3 MB).
# - SQLAlchemy's hook takes every dialect; the library is SQLite. Alembic's DDL modules import
#   the PostgreSQL dialect at import time, so that one stays; MySQL, Oracle and SQL Server
#   are never imported (0.4 MB of compressed bytecode).
# - _pydecimal and _pydatetime are the pure-Python fallbacks that decimal and datetime import
#   only when their C modules are missing, which in a bundle they never are.
EXCLUDED_MODULES = [
    "PySide6.QtDBus",
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtSvg",
    "PySide6.QtSvgWidgets",
    "pygments",
    "mako.ext.pygmentplugin",
    "fontTools",
    "PIL",
    "setuptools",
    "pkg_resources",
    "distutils",
    "_distutils_hack",
    "ssl",
    "_ssl",
    "_hashlib",
    "pydoc",
    "pydoc_data",
    "multiprocessing",
    "readline",
    "tkinter",
    "_tkinter",
    "unittest",
    "doctest",
    "xmlrpc",
    "ftplib",
    "smtplib",
    "http.server",
    "lib2to3",
    "ensurepip",
    "venv",
    "sqlalchemy.dialects.mssql",
    "sqlalchemy.dialects.mysql",
    "sqlalchemy.dialects.oracle",
    "_pydecimal",
    "_pydatetime",
]

# Qt plugin folders the app needs none of: embedded-Linux input and display back-ends,
# OpenGL glue for X11 and Wayland (the widgets paint in software), networking, SQL, QML.
_DROPPED_PLUGIN_TYPES = {
    "designer",
    "egldeviceintegrations",
    "generic",
    "networkinformation",
    "qmltooling",
    "sqldrivers",
    "tls",
    "wayland-graphics-integration-client",
    "wayland-graphics-integration-server",
    "xcbglintegrations",
}
# Single plugins left out, by file name without a "lib" prefix or any extension.
_DROPPED_PLUGINS = {
    # platforms: kept are xcb, wayland, offscreen (self-test on CI), cocoa and windows
    "qeglfs",
    "qlinuxfb",
    "qminimal",
    "qminimalegl",
    "qvkkhrdisplay",
    "qvnc",
    "qdirect2d",
    # the GTK 3 theme would bring the whole of GTK (8 MB and more) from the build machine
    "qgtk3",
    "qtvirtualkeyboardplugin",
    # image formats an agent's post never holds (no network takes an SVG upload; the
    # platform marks are PNGs)
    "qsvg",
    "qsvgicon",
    "qpdf",
    "qtiff",
    "qtga",
    "qwbmp",
    "qicns",
    "qmacheif",
    "qmacjp2",
    # the Adwaita title bars for Wayland link Qt's SVG library, which is left out, so they
    # could never load; Qt draws its own title bars (bradient) instead, as it did before
    "adwaita",
    # Wayland shells other than the desktop one (xdg-shell)
    "fullscreen-shell-v1",
    "ivi-shell",
    "qt-shell",
    "wl-shell-plugin",
}
# Qt libraries only the dropped modules and plugins use (matched anywhere in the name).
# On Linux, `_linked_only` also finds the rest (EGL, OpenGL, Wayland compositor glue).
_DROPPED_QT_LIBRARIES = re.compile(r"Qt6(Network|Pdf|Qml|Quick|Svg|VirtualKeyboard)")
# PySide6/Qt/plugins on Linux and macOS, PySide6/plugins on Windows.
_TRANSLATIONS = re.compile(r"^PySide6[/\\](Qt[/\\])?translations[/\\]")
_PLUGIN_DIR = re.compile(r"^PySide6[/\\](?:Qt[/\\])?plugins[/\\]([^/\\]+)[/\\]([^/\\]+)$")
# Linux libraries taken from the system instead of the build machine: the AppImage project's
# exclude list (github.com/AppImageCommunity/pkg2appimage, file `excludelist`), which names
# what every Linux desktop has and what breaks when an older or newer copy is bundled.
# PyInstaller already leaves libxcb to the system for the same reason, and the PySide6
# wheel itself (manylinux_2_34) expects the C++ runtime and libX11 from the system:
# - libstdc++ and libgcc_s: Qt needs GLIBCXX_3.4.29 (GCC 11), which every system with the
#   glibc this bundle needs has (2.35 or later, for libpython); a bundled copy would also be
#   the one the system's input-method and graphics modules get, which may need a newer one.
# - libX11 and libX11-xcb: a bundled libX11 runs on the system's libxcb, and fails when the
#   build machine's is the newer ("undefined symbol: xcb_wait_for_reply64").
# - fontconfig and FreeType: they read the system's font configuration and cache, which a
#   copy from another release may not understand (slow starts while it rebuilds a cache).
# - zlib, expat and libuuid: part of every base system.
# The libraries only these needed (libpng and Brotli for FreeType; libXau, libXdmcp, libbsd
# and libmd for libX11) go with them. GLib and libdbus stay bundled (the AppImage list keeps
# them in; the system's copies come with their own dependencies).
_SYSTEM_LIBRARIES = re.compile(
    r"^(libstdc\+\+|libgcc_s|libX11|libX11-xcb|libfontconfig|libfreetype|libz|libexpat|libuuid)"
    r"\.so(\.\d+)*$"
)


def project_version() -> str:
    """The one place the version lives: pyproject.toml."""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return str(data["project"]["version"])


def check_installed_version(version: str) -> None:
    """The bundle carries composer's installed metadata; refuse a stale install."""
    from importlib.metadata import version as installed

    found = installed("composer")
    if found != version:
        raise SystemExit(
            f"composer is installed as {found} but pyproject.toml says {version}: run `uv sync`"
        )


def _plugin_stem(filename: str) -> str:
    stem = PurePath(filename).name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def is_unwanted_qt_file(dest: str) -> bool:
    """Whether a collected file is a Qt plugin, library or translation the app never loads."""
    if _TRANSLATIONS.match(dest):
        return True
    plugin = _PLUGIN_DIR.match(dest)
    if plugin:
        kind, filename = plugin.groups()
        return kind in _DROPPED_PLUGIN_TYPES or _plugin_stem(filename) in _DROPPED_PLUGINS
    return bool(_DROPPED_QT_LIBRARIES.search(PurePath(dest).name))


def trim(binaries: Sequence[Any], datas: Sequence[Any]) -> tuple[list[Any], list[Any]]:
    """Leave out unwanted Qt files; on Linux, also libraries nothing kept links to."""
    kept_binaries = [entry for entry in binaries if not is_unwanted_qt_file(entry[0])]
    kept_datas = [entry for entry in datas if not is_unwanted_qt_file(entry[0])]
    if IS_LINUX:
        kept_binaries = _linked_only(kept_binaries)
        kept_binaries = [_small_icu(entry) for entry in kept_binaries]
    # PyInstaller lists symlinks (libQt6Gui.so.6 -> PySide6/Qt/lib/...) among the data files;
    # one whose target was left out would dangle.
    present = {
        os.path.normpath(entry[0]) for entry in kept_binaries + kept_datas if entry[2] != "SYMLINK"
    }

    def resolves(entry: Any) -> bool:
        dest, target, kind = entry
        return (
            kind != "SYMLINK"
            or os.path.normpath(os.path.join(os.path.dirname(dest), target)) in present
        )

    return [e for e in kept_binaries if resolves(e)], [e for e in kept_datas if resolves(e)]


def _linked_only(binaries: list[Any]) -> list[Any]:
    """Keep extension modules, Qt plugins, libpython, and the libraries they link to.

    Libraries come into the bundle as dependencies of files collected at first; once a Qt
    plugin is left out, the libraries only it needed (GTK for the GTK theme, EGL glue) stay
    behind unless pruned. The libraries each file names (ELF NEEDED, from `readelf`) are
    followed from the roots through the bundled libraries, never into a system library
    (`_SYSTEM_LIBRARIES`), so what only a system library needs is left out with it.
    """
    roots = [
        entry
        for entry in binaries
        if entry[2] == "EXTENSION"
        or _PLUGIN_DIR.match(entry[0])
        or PurePath(entry[0]).name.startswith("libpython")
    ]
    root_names = {entry[0] for entry in roots}
    by_name: dict[str, list[Any]] = {}
    for entry in binaries:
        if entry[0] not in root_names:
            by_name.setdefault(PurePath(entry[0]).name, []).append(entry)
    needed: set[str] = set()
    queue = [source for _dest, source, _kind in roots]
    while queue:
        for name in _needed_libraries(queue.pop()):
            if name in needed or name not in by_name or _SYSTEM_LIBRARIES.match(name):
                continue
            needed.add(name)
            queue.extend(source for _dest, source, _kind in by_name[name])
    kept: list[Any] = []
    dropped: list[str] = []
    system: list[str] = []
    for entry in binaries:
        dest = entry[0]
        name = PurePath(dest).name
        if dest in root_names or name in needed:
            kept.append(entry)
        elif _SYSTEM_LIBRARIES.match(name):
            system.append(dest)
        else:
            dropped.append(dest)
    if system:
        print(f"bundling: left {len(system)} libraries to the system: {', '.join(sorted(system))}")
    if dropped:
        print(f"bundling: left out {len(dropped)} unlinked libraries: {', '.join(sorted(dropped))}")
    return kept


def _needed_libraries(path: str) -> list[str]:
    """The libraries an ELF file names as NEEDED (its direct dependencies).

    Without binutils' readelf, `ldd`'s full (transitive) list: the system libraries still
    stay out, but what only they need stays in.
    """
    import shutil
    import subprocess

    if shutil.which("readelf") is None:
        from PyInstaller.depend.bindepend import get_imports

        return [PurePath(name).name for name, _path in get_imports(path)]
    output = subprocess.run(
        ["readelf", "-dW", path], check=True, capture_output=True, text=True
    ).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", output)


def _small_icu(entry: Any) -> Any:
    """Swap Qt's ICU data library for the English-only one (see small_icu.py)."""
    dest, source, kind = entry
    if not re.fullmatch(r"libicudata\.so\.\d+", PurePath(dest).name):
        return entry
    from PyInstaller.config import CONF
    from small_icu import small_icu_library

    small = small_icu_library(Path(source), Path(CONF["workpath"]) / "small-icu")
    return (dest, str(small), kind) if small else entry


def windows_version_info(name: str, version: str, description: str) -> Any:
    """The version resource Windows shows in the file's properties."""
    from PyInstaller.utils.win32 import versioninfo as vi

    numbers = [int(part) for part in re.findall(r"\d+", version)[:4]]
    numbers += [0] * (4 - len(numbers))
    fixed = tuple(numbers)
    strings = [
        vi.StringStruct("CompanyName", name),
        vi.StringStruct("FileDescription", description),
        vi.StringStruct("FileVersion", version),
        vi.StringStruct("InternalName", name),
        vi.StringStruct("OriginalFilename", f"{name}.exe"),
        vi.StringStruct("ProductName", name),
        vi.StringStruct("ProductVersion", version),
    ]
    return vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(filevers=fixed, prodvers=fixed),
        kids=[
            vi.StringFileInfo([vi.StringTable("040904B0", strings)]),
            vi.VarFileInfo([vi.VarStruct("Translation", [0x0409, 1200])]),
        ],
    )


def build(
    *,
    name: str,
    script: Path,
    datas: Iterable[tuple[str, str]] = (),
    hiddenimports: Iterable[str] = (),
    icon: dict[str, Path] | None = None,
    version: str = "0.0.0",
    description: str = "",
    bundle_identifier: str | None = None,
) -> Any:
    """Analysis -> PYZ -> EXE -> COLLECT (-> BUNDLE on macOS), the same for every bundle.

    `name` is the folder (and macOS app) name; the executable is `name` on Windows and
    macOS and its lower-case form on Linux, where commands are lower case.
    """
    from PyInstaller.building.api import COLLECT, EXE, PYZ
    from PyInstaller.building.build_main import Analysis

    analysis = Analysis(
        [str(script)],
        pathex=[str(ROOT)],
        datas=list(datas),
        hiddenimports=list(hiddenimports),
        hookspath=[str(HOOKS_DIR)],
        runtime_hooks=RUNTIME_HOOKS,
        excludes=EXCLUDED_MODULES,
        noarchive=False,
        optimize=0,  # asserts and docstrings stay: argparse help and SQLAlchemy use them
    )
    binaries, collected = trim(analysis.binaries, analysis.datas)
    pyz = PYZ(analysis.pure)
    platform_icon = None
    if icon:
        platform_icon = str(icon["win"] if IS_WIN else icon["mac"] if IS_MAC else icon["png"])
    exe = EXE(
        pyz,
        analysis.scripts,
        [],
        exclude_binaries=True,
        name=name if (IS_WIN or IS_MAC) else name.lower(),
        console=False,
        debug=False,
        strip=IS_LINUX,
        upx=False,
        icon=platform_icon if (IS_WIN or IS_MAC) else None,
        version=windows_version_info(name, version, description) if IS_WIN else None,
        argv_emulation=False,
    )
    folder = COLLECT(exe, binaries, collected, name=name, strip=IS_LINUX, upx=False)
    if not IS_MAC:
        return folder
    from PyInstaller.building.osx import BUNDLE

    return BUNDLE(
        folder,
        name=f"{name}.app",
        icon=platform_icon,
        bundle_identifier=bundle_identifier,
        version=version,
        info_plist={
            "CFBundleName": name,
            "CFBundleDisplayName": name,
            "CFBundleShortVersionString": version,
            "CFBundleVersion": version,
            "LSMinimumSystemVersion": "11.0",
            "NSHighResolutionCapable": True,
            "LSApplicationCategoryType": "public.app-category.productivity",
        },
    )
