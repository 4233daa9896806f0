"""PySide6 run-time hook that, unlike PyInstaller's own, does not import Qt at start-up.

PyInstaller's hook imports PySide6.QtCore before the app runs, only to add a qt.conf when
the bindings lack one; PyPI's PySide6 wheels embed theirs, so for us that import is pure
cost: ~40 ms for command-line use that never opens a window, and, since shiboken hooks the
import system, every later import of the app's own modules gets slower too. What is kept:
the plugin and QML paths, and the search paths PyInstaller's hook sets for Qt's libraries.
"""


def _pyi_rthook() -> None:
    import os
    import sys

    meipass = sys._MEIPASS  # type: ignore[attr-defined]
    qt_root = os.path.join(meipass, "PySide6", "" if sys.platform == "win32" else "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt_root, "plugins")
    os.environ["QML2_IMPORT_PATH"] = os.path.join(qt_root, "qml")
    if sys.platform == "win32":
        os.environ["PATH"] = os.pathsep.join(filter(None, [meipass, os.environ.get("PATH")]))
    elif sys.platform == "darwin" and not meipass.endswith(os.path.join("Contents", "Frameworks")):
        old = os.environ.get("DYLD_LIBRARY_PATH")
        os.environ["DYLD_LIBRARY_PATH"] = os.pathsep.join(filter(None, [meipass, old]))


_pyi_rthook()
del _pyi_rthook
