"""Images benchmark (a script, not a test: pytest does not collect it).

    uv run python tests/benchmarks/bench_images.py [--runs 3]

1. Attaching a 12-megapixel phone photo (4000×3000 JPEG with EXIF GPS, ~5 MB) while the
   window runs: a 5 ms timer on the GUI thread records every gap in the event loop from
   the drop until the thumbnail is in the strip and the live checks have shown. The
   longest gap is the worst stall the agent could feel. For comparison, the same attach
   done directly on the GUI thread (what the worker saves us from) is timed, and so is
   the autosave that follows (the session's first with images compiles new statements).
2. Opening a post with 10 such photos: the time `open()` holds the GUI thread and the time
   until every thumbnail shows, the first time (thumbnails read from the disk cache) and
   after (kept in memory). Budget: 100 ms after the first time.

Offscreen Qt platform; a fresh data folder per run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BUDGET_OPEN_MS = 100.0
TICK_MS = 5


def phone_photo(seed: int, width: int = 4000, height: int = 3000) -> bytes:
    """A photo-like JPEG: smooth noise (so it compresses like a photo), EXIF with GPS."""
    import random

    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QImage

    from tests.helpers.images import tiff_exif, with_app1

    rng = random.Random(seed)
    small_w, small_h = width // 8, height // 8
    noise = bytes(rng.getrandbits(8) for _ in range(small_w * small_h * 3))
    small = QImage(noise, small_w, small_h, small_w * 3, QImage.Format.Format_RGB888).copy()
    big = small.scaled(
        width,
        height,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    big.save(buffer, "JPEG", 92)
    return with_app1(bytes(buffer.data().data()), b"Exif\x00\x00" + tiff_exif(6, gps=True))


class GapMeter:
    """Records the gaps between ticks of a fast timer on the GUI thread."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self._last = 0.0
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.gaps = []
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self._last) * 1000)
        self._last = now


def wait(app, done, timeout: float = 60.0) -> None:
    deadline = time.perf_counter() + timeout
    while not done():
        app.processEvents()
        time.sleep(0.001)
        if time.perf_counter() > deadline:
            raise TimeoutError("timed out")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from composer.app.container import Services, load_engine
    from composer.domain.posts import PostDraft
    from composer.ui.images.image_drop import ImageOffer
    from composer.ui.shell.main_window import MainWindow
    from composer.ui.shell.welcome import WELCOMED_KEY

    app = QApplication.instance() or QApplication([])
    print("making 10 photos of 12 megapixels…", flush=True)
    photos = [phone_photo(seed) for seed in range(10)]
    sizes = [len(p) / 1_048_576 for p in photos]
    print(f"  JPEG size {statistics.mean(sizes):.1f} MB on average")

    stalls, attach_s, direct_ms, opens_first, opens_after, shown_first, shown_after, saves = (
        [] for _ in range(8)
    )
    for run in range(args.runs):
        with tempfile.TemporaryDirectory() as folder:
            data = Path(folder)
            for n, photo in enumerate(photos):
                (data / f"IMG_{n}.JPG").write_bytes(photo)
            services = Services.open(data)
            services.library.set_setting(WELCOMED_KEY, True)
            window = MainWindow(data)
            window.attach_services(services)
            window.attach_engine(load_engine(data))
            window.show()
            app.processEvents()
            images = window.posts.images
            post = services.library.create(
                PostDraft(body="Charity run photos", platforms=("facebook",))
            )
            window.posts.open(post.id)
            checks = window.checks
            # The window's first check warms the engine up (a worker holding the GIL);
            # that belongs to the window benchmark, so wait for it here.
            wait(app, lambda c=checks: c.result is not None and not c.checker.busy())

            # 1. attach one 12 MP photo through the window (worker thread)
            meter = GapMeter()
            meter.start()
            started = time.perf_counter()
            images.take(ImageOffer(paths=(str(data / "IMG_0.JPG"),)))
            strip = window.centre.attachments
            wait(app, lambda s=strip, i=images: len(s.attachments()) == 1 and not i.jobs.busy())
            tile = strip.tiles()[0]
            wait(app, lambda t=tile: not t.thumb.icon().isNull())
            attach_s.append(time.perf_counter() - started)
            for _ in range(10):  # the live checks run and show
                app.processEvents()
                time.sleep(0.01)
            meter.stop()
            stalls.append(max(meter.gaps) - TICK_MS)
            # The autosave that follows (1.5 s later, on the GUI thread like every save).
            t0 = time.perf_counter()
            window.posts.session.save_now()
            saves.append((time.perf_counter() - t0) * 1000)

            # ...and what the same work costs when done on the GUI thread
            t0 = time.perf_counter()
            services.images.attach_file(data / "IMG_1.JPG")
            direct_ms.append((time.perf_counter() - t0) * 1000)

            # 2. a post with 10 photos: first open, then again
            stored = [services.images.attach_file(data / f"IMG_{n}.JPG") for n in range(10)]
            many = services.library.create(
                PostDraft(body="Ten photos", platforms=("facebook",), attachments=tuple(stored))
            )
            other = services.library.create(PostDraft(body="Another post"))
            for first in (True, False):
                window.posts.open(other.id)
                app.processEvents()
                t0 = time.perf_counter()
                window.posts.open(many.id)
                opened = time.perf_counter() - t0
                tiles = window.centre.attachments.tiles()
                wait(app, lambda t=tiles: all(not x.thumb.icon().isNull() for x in t))
                shown = time.perf_counter() - t0
                (opens_first if first else opens_after).append(opened * 1000)
                (shown_first if first else shown_after).append(shown * 1000)
            window.posts.images.shutdown()
            window.checks.shutdown()
            window.close()
            services.close()
        print(f"  run {run + 1}/{args.runs} done", flush=True)

    def line(label: str, values: list[float], unit: str = "ms") -> None:
        print(f"{label:<58} median {statistics.median(values):7.1f} {unit}  max {max(values):7.1f}")

    print()
    line("attach a 12 MP photo: longest GUI-thread stall", stalls)
    line("attach a 12 MP photo: drop to thumbnail shown", [s * 1000 for s in attach_s])
    line("same attach done on the GUI thread (avoided)", direct_ms)
    line("the autosave after it (first with images this session)", saves)
    line("open a post with 10 photos, first time: open() on GUI", opens_first)
    line("open a post with 10 photos, first time: all thumbnails", shown_first)
    line("open it again: open() on GUI", opens_after)
    line("open it again: all thumbnails shown", shown_after)
    ok = max(shown_after) <= BUDGET_OPEN_MS
    print(
        f"\nbudget: reopening with 10 images <= {BUDGET_OPEN_MS:.0f} ms: {'ok' if ok else 'OVER'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
