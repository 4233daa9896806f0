"""Helpers for the window and dialog tests: typing, waiting for checks, freed dialogs, texts."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QWidget


def assert_freed_on_close(make: Callable[[], QWidget], close: Callable[[QWidget], None]) -> None:
    """Like novelWriter's checkDialogFreedOnClose: nothing keeps the dialog alive after close."""
    dialog = make()
    ref = weakref.ref(dialog)
    close(dialog)
    del dialog
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
        gc.collect()
    assert ref() is None, "the dialog was not freed on close"


def widget_texts(root: QWidget) -> str:
    """Every text a widget tree shows or holds, to prove a secret is in none of them."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QTreeWidget

    texts: list[str] = [root.windowTitle()]
    for child in root.findChildren(QWidget):
        if isinstance(child, QLabel | QAbstractButton):
            texts.append(child.text())
        elif isinstance(child, QLineEdit):
            texts += [child.text(), child.displayText(), child.placeholderText()]
        elif isinstance(child, QTreeWidget):
            for i in range(child.topLevelItemCount()):
                item = child.topLevelItem(i)
                texts += [item.text(c) for c in range(child.columnCount())]
        texts += [child.toolTip(), child.accessibleName()]
    return "\n".join(texts)


def wait_checked(qtbot, window, timeout: int = 5000) -> None:
    """Until the findings on show belong to exactly the text in the editor, from the latest
    check asked for (a re-check of the same text, after adding a word, counts too)."""
    editor = window.centre.editor

    def current() -> bool:
        result = window.checks.result
        checker = window.checks.checker
        return (
            result is not None
            and result.request.body == editor.toPlainText()
            and result.revision == checker.revision
            and not checker.busy()
        )

    qtbot.waitUntil(current, timeout=timeout)


def type_text(qtbot, editor, text: str) -> None:
    """Key events for every character, as typing makes them.

    QTest only knows ASCII keys, so other characters (emoji, accents) arrive as key events
    that carry their text, which is what an input method delivers.
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    chunk = ""
    for ch in text:
        if ch.isascii() and ch != "\n":
            chunk += ch
            continue
        if chunk:
            qtbot.keyClicks(editor, chunk)
            chunk = ""
        if ch == "\n":
            qtbot.keyClick(editor, Qt.Key.Key_Return)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(editor, event)
    if chunk:
        qtbot.keyClicks(editor, chunk)
