"""PyInstaller runtime hook: give a windowed Windows build a console for command-line use.

A windowed (GUI-subsystem) executable starts without standard output, so `Composer.exe
self-test` or `--version` typed in a terminal would print nothing. When arguments are given
and there is no stdout, attach to the parent's console, if there is one, and write there.
"""

import sys


def _attach_parent_console() -> None:
    import ctypes

    attach_parent_process = -1
    if not ctypes.windll.kernel32.AttachConsole(attach_parent_process):
        return  # started from Explorer or a shortcut: no console to write to
    sys.stdout = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
    sys.stderr = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115


if sys.platform == "win32" and sys.stdout is None and len(sys.argv) > 1:
    _attach_parent_console()
