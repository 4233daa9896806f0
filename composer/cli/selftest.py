"""`composer self-test`: prove that this copy of Composer has every part it needs.

Meant for an installed or frozen app as much as for a source checkout: a bundle that lost a
data file, a migration, a keyring backend or a Qt plugin fails here, with the step named,
instead of in front of an agent. Each step prints one line; the exit status is 0 when all
pass and 1 otherwise. Nothing touches the user's own library: the library step works in a
temporary folder that is removed afterwards.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from composer.app.container import Services

# A post every shipped pack set must flag: a promised return (compliance) and a typo
# (spelling, which proves pyspellchecker's word list made it into the bundle).
# "fr\u0435e" hides a Cyrillic "е": the reading view needs the bundled confusables data.
SAMPLE_POST = (
    "Guaranteed returns on every polcy, with no risk at all! Message me today. "
    "Your first month of coverage is fr\u0435e."
)
SAMPLE_EXPECTED = (
    "compliance.guarantee",
    "style.spelling",
    "compliance.free",
    "platform.characters",
)
SAMPLE_PLATFORMS = ("facebook", "x")

# The keyring backend each platform's bundle must carry (module named by its entry point).
EXPECTED_KEYRING_BACKEND = {
    "linux": "keyring.backends.SecretService",
    "darwin": "keyring.backends.macOS",
    "win32": "keyring.backends.Windows",
}

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)


class SelfTestError(Exception):
    """A self-test step found something missing or broken; the message says what."""


@dataclass
class Context:
    """What the steps share: a scratch folder, and the library once it is open."""

    scratch: Path
    services: Services | None = None
    engine: Any = None
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class StepResult:
    name: str
    ok: bool
    detail: str
    seconds: float


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "self-test",
        help="check that this installation is complete and working",
        description="Load every resource, create and migrate a library in a temporary folder, "
        "run the guideline checks on a sample, report the keyring backend, open and close "
        "the main window, and write and read back a PDF record in every script. "
        "Exit status: 0 all passed, 1 something failed (named).",
    )
    parser.add_argument(
        "--no-window", action="store_true", help="skip opening the main window (no display)"
    )
    parser.set_defaults(handler=run_self_test)


def run_self_test(args: argparse.Namespace) -> int:
    from composer import __version__

    out = sys.stdout
    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    print(f"Composer {__version__} self-test ({frozen}, Python {sys.version.split()[0]})")
    steps: list[tuple[str, Callable[[Context], str]]] = [
        ("resources", check_resources),
        ("library", check_library),
        ("guidelines", check_guidelines),
        ("keyring", check_keyring),
    ]
    if not args.no_window:
        steps.append(("window", check_window))
    steps.append(("pdf", check_pdf))  # last: it may make the process's QGuiApplication

    results: list[StepResult] = []
    with tempfile.TemporaryDirectory(prefix="composer-self-test-", ignore_cleanup_errors=True) as d:
        context = Context(Path(d))
        try:
            for name, step in steps:
                result = _run_step(name, step, context)
                results.append(result)
                mark = "ok  " if result.ok else "FAIL"
                print(f"{mark} {name:<11}{result.detail}  ({result.seconds:.2f} s)", file=out)
                out.flush()
        finally:
            if context.services is not None:
                context.services.close()

    failed = [r.name for r in results if not r.ok]
    if failed:
        print(f"self-test failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    print("self-test passed")
    return 0


def _run_step(name: str, step: Callable[[Context], str], context: Context) -> StepResult:
    start = time.perf_counter()
    try:
        detail, ok = step(context), True
    except SelfTestError as exc:
        detail, ok = str(exc), False
    except Exception as exc:  # anything else is a failure of this step, not of the command
        detail, ok = f"{type(exc).__name__}: {exc}", False
    return StepResult(name, ok, detail, time.perf_counter() - start)


# --- steps ------------------------------------------------------------------------------


def check_resources(_context: Context) -> str:
    """Every shipped file the app reads: rule packs, platform data, dictionaries, icons."""
    from composer.domain.files import read_text
    from composer.domain.layout import resources_dir, shipped_rules_dir
    from composer.guidelines.packs import load_packs
    from composer.guidelines.platforms import load_platforms

    root = resources_dir()
    if not root.is_dir():
        raise SelfTestError(f"the resources folder is missing ({root})")
    packs = load_packs([shipped_rules_dir()])
    if packs.errors:
        raise SelfTestError("rule packs failed to load: " + "; ".join(map(str, packs.errors)))
    if not packs.files or not packs.rules:
        raise SelfTestError(f"no rule packs found in {shipped_rules_dir()}")
    platforms = load_platforms()
    if not platforms:
        raise SelfTestError("the platform data lists no platforms")
    words = 0
    dictionaries = sorted((root / "dictionaries").glob("*.txt"))
    for path in dictionaries:
        count = sum(1 for line in read_text(path).splitlines() if line.strip())
        if not count:
            raise SelfTestError(f"the dictionary {path.name} is empty")
        words += count
    if not dictionaries:
        raise SelfTestError("no dictionaries found")
    icons = check_icons(root / "icons")
    formats = check_image_formats()
    return (
        f"{len(packs.files)} rule packs ({len(packs.rules)} rules), {len(platforms)} platforms, "
        f"{len(dictionaries)} dictionaries ({words} words), {icons} icons, images: {formats}"
    )


def check_image_formats() -> str:
    """Qt's image plugins for the formats agents attach (a bundle could leave them out)."""
    from composer.media.qt_images import readable_formats

    found = readable_formats()
    missing = [name for name in ("png", "jpeg", "gif", "webp") if name not in found]
    if missing:
        raise SelfTestError(f"cannot read {', '.join(missing)} images (Qt image plugins missing)")
    return "png, jpeg, gif, webp"


def check_icons(folder: Path) -> int:
    """Decode every PNG at its stated size, and read the .ico and .icns headers."""
    from composer.media.qt_images import image_size

    for size in ICON_SIZES:
        path = folder / f"composer-{size}.png"
        if image_size(path) != (size, size):
            raise SelfTestError(f"the icon {path.name} is missing or unreadable")
    ico = (folder / "composer.ico").read_bytes()
    if len(ico) < 6 or struct.unpack("<HHH", ico[:6])[:2] != (0, 1):
        raise SelfTestError("composer.ico is not an icon file")
    icns = (folder / "composer.icns").read_bytes()
    if icns[:4] != b"icns" or struct.unpack(">I", icns[4:8])[0] != len(icns):
        raise SelfTestError("composer.icns is not an icon file")
    if not (folder / "composer.svg").is_file():
        raise SelfTestError("composer.svg is missing")
    from composer.domain.platforms import PLATFORMS  # the calendar's platform icons

    marks = folder.parent / "platform-icons"
    missing = [p for p in PLATFORMS if not (marks / f"{p}.png").is_file()]
    if missing:
        raise SelfTestError(f"platform icons missing: {', '.join(missing)}")
    return len(ICON_SIZES) + 3 + len(PLATFORMS)


def check_library(context: Context) -> str:
    """Create and migrate a library, then write a post and find it by full-text search."""
    from composer.app.container import Services
    from composer.domain.posts import PostDraft, PostQuery

    services = context.services = Services.open(context.scratch)
    maintenance = services.maintenance
    if not maintenance.created:
        raise SelfTestError("the temporary library was not created from scratch")
    revision, head = maintenance.schema(), maintenance.current_schema()
    if revision != head:
        raise SelfTestError(f"the library is at schema {revision}, expected {head}")
    post = services.library.create(PostDraft(body="Self-test: storm kit checklist.", title="Test"))
    found = services.history.page(PostQuery(search="checklist"))
    if [p.id for p in found] != [post.id]:
        raise SelfTestError("a post just written was not found by full-text search")
    integrity = maintenance.integrity()
    if integrity != "ok":
        raise SelfTestError(f"integrity check: {integrity}")
    return f"created and migrated to schema {revision}; write, search and integrity check ok"


def check_guidelines(context: Context) -> str:
    """The engine as the app builds it, over a sample that must trip known checks: the
    temporary library's own guideline service (the window step then uses the same one)."""
    from composer.services.guidelines import GuidelineService

    if context.services is not None:
        guidelines = context.services.guidelines
    else:  # the library step failed; the checks still deserve a try
        guidelines = GuidelineService.open(context.scratch)
    engine = context.engine = guidelines.engine
    errors = getattr(engine, "load_errors", [])
    if errors:
        raise SelfTestError("rule packs failed to load: " + "; ".join(map(str, errors)))
    result = engine.check_text(SAMPLE_POST, platforms=SAMPLE_PLATFORMS)
    found = {finding.category for finding in result.findings}
    missing = [category for category in SAMPLE_EXPECTED if category not in found]
    if missing:
        raise SelfTestError(f"the sample post was not flagged for {', '.join(missing)}")
    if set(result.platforms) != set(SAMPLE_PLATFORMS):
        raise SelfTestError("the sample post was not measured for every platform")
    return f"sample post: {len(result.findings)} findings, including {', '.join(SAMPLE_EXPECTED)}"


def check_keyring(_context: Context) -> str:
    """The platform's keyring backend is bundled and registered; say which one is in use.

    keyring finds its backends through entry points, so a bundle without keyring's
    metadata silently falls back to "no keyring": that is a failure. A machine with no
    running credential store (a bare CI box, a server) is not, and is only reported.
    """
    import importlib
    from importlib.metadata import entry_points

    from composer.secrets import CredentialStore

    expected = EXPECTED_KEYRING_BACKEND.get(sys.platform)
    registered = {ep.value.split(":")[0] for ep in entry_points(group="keyring.backends")}
    if expected is not None:
        if expected not in registered:
            raise SelfTestError(f"keyring backend {expected} is not registered (metadata missing)")
        importlib.import_module(expected)

    import keyring

    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__qualname__}"
    status = CredentialStore().status()
    if status.available:
        return f"{status.location} ({name})"
    return f"no secure store on this machine ({name}); credentials cannot be saved here"


def check_window(context: Context) -> str:
    """Open the main window, wait for it to paint, and close it."""
    from composer.app.container import Services

    note = ""
    if _no_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        note = " (no display found, so offscreen)"
    services = context.services
    if services is None:  # the library step failed; the window still deserves a try
        services = context.services = Services.open(context.scratch / "window")
    from composer.ui.shell.smoke import show_and_close_main_window

    return show_and_close_main_window(services, context.engine) + note


PDF_SAMPLE = "Hello Γειά Привет नमस्ते สวัสดี 안녕 你好 こんにちは 👍🏽 office שלום مرحبا"


def check_pdf(_context: Context) -> str:
    """Set a PDF record in every shipped script and read its text and attachment back."""
    import io

    from pypdf import PdfReader

    from composer.domain.posts import Approval, content_hash
    from composer.export import render
    from composer.export.model import ExportItem, RenderOptions
    from composer.export.pdf_finish import read_attachment
    from composer.export.pdf_fonts import describe, missing_characters

    if _no_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    texts = {"linkedin": PDF_SAMPLE}
    approval = Approval(1, 1, texts, {"linkedin": content_hash(PDF_SAMPLE)}, "", (), {}, "", _now())
    data = render("pdf", [ExportItem(1, approval, ("linkedin",))], RenderOptions())
    missing = missing_characters([PDF_SAMPLE])
    if missing:
        raise SelfTestError(f"no font for {describe(missing)} (resources/fonts incomplete?)")
    pages = PdfReader(io.BytesIO(data)).pages  # the cover, the post's page, the signature
    shown = " ".join((pages[1].extract_text() or "").split())
    if PDF_SAMPLE not in shown:
        raise SelfTestError("the PDF's text layer does not hold the sample text")
    if read_attachment(data)["posts"][0]["texts"] != texts:
        raise SelfTestError("the PDF's attached approved texts differ from the sample")
    return f"{len(data):,} bytes, every script shown, text layer and attachment read back"


def _now() -> Any:
    from datetime import UTC, datetime

    return datetime.now(UTC)


def _no_display() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
