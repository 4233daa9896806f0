"""PyInstaller runtime hook: note when the first window has painted, for the start-up budget.

Inert unless COMPOSER_FIRST_PAINT_FILE names a file. Then, once the app imports QtWidgets,
its QApplication gains an application-wide event filter; after the first widget paint
completes, the wall-clock time is written to that file and the process ends at once. The
benchmark compares that time with the moment it started the process, for the real app and
for a minimal window bundled the same way, so both pay for the same probe.
"""

import os

PROBE_ENV = "COMPOSER_FIRST_PAINT_FILE"


def _install(report_path: str) -> None:
    # Only modules Python has loaded anyway: the probe must not add to what it measures.
    import sys
    import time
    from importlib.machinery import PathFinder

    def report() -> None:
        with open(report_path, "w", encoding="ascii") as file:
            file.write(f"{time.time():.6f}\n")
        os._exit(0)

    def patch(widgets) -> None:  # the freshly imported PySide6.QtWidgets
        from PySide6.QtCore import QEvent, QObject, QTimer

        class FirstPaint(QObject):
            seen = False

            def eventFilter(self, watched, event):  # noqa: N802 (Qt API)
                if not self.seen and event.type() == QEvent.Type.Paint:
                    self.seen = True
                    QTimer.singleShot(0, report)  # after this paint has finished
                return False

        base = widgets.QApplication

        class QApplication(base):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self._first_paint_probe = FirstPaint()
                self.installEventFilter(self._first_paint_probe)

        widgets.QApplication = QApplication

    class Finder:
        """Let QtWidgets load where the app imports it (import order costs time), then patch."""

        def find_spec(self, name, path=None, target=None):
            if name != "PySide6.QtWidgets":
                return None
            sys.meta_path.remove(self)
            spec = PathFinder.find_spec(name, path)
            if spec is None or spec.loader is None:
                return spec
            loader_exec = spec.loader.exec_module

            def exec_module(module):
                loader_exec(module)
                patch(module)

            spec.loader.exec_module = exec_module
            return spec

    sys.meta_path.insert(0, Finder())


if os.environ.get(PROBE_ENV):
    _install(os.environ[PROBE_ENV])
