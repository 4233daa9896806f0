"""About Composer: the version, where the agent's data lives, and the privacy promise.

Agents (and the compliance desks they answer to) ask "where is my stuff and who sees
it?"; the answer is here in plain words, with the folder one click away.
"""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import composer
from composer.app import paths

PRIVACY = (
    "Composer works offline and sends nothing anywhere: no sign-in with us, no "
    "telemetry, no update checks. Your posts, profile, snippets and settings stay in the "
    "folder below; account credentials stay in this computer's secure keyring."
)


def about_lines(data_dir: Path) -> dict[str, str]:
    """The facts the box shows, by field (also what tests read)."""
    from composer.ui.shell.app_setup import log_path

    return {
        "version": f"Composer {composer.__version__}",
        "privacy": PRIVACY,
        "data": f"Your library: {data_dir}",
        "rules": f"Your own rule packs: {paths.user_rules_dir(data_dir)}",
        "log": f"Log file: {log_path(data_dir)}",
        "build": f"Python {platform.python_version()} · Qt for Python {pyside_version}",
    }


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("About Composer")
        self._data_dir = data_dir
        self.labels: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        for key, text in about_lines(data_dir).items():
            label = QLabel(text, self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setAccessibleName(key.capitalize())
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if key == "version":
                font = label.font()
                font.setPointSizeF(font.pointSizeF() * 1.3)
                font.setBold(True)
                label.setFont(font)
            self.labels[key] = label
            layout.addWidget(label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_folder = QPushButton("&Open Data Folder", self)
        self.open_folder.setAccessibleName("Open the data folder")
        self.open_folder.setAutoDefault(False)
        self.open_folder.clicked.connect(self._open_folder)
        self.buttons.addButton(self.open_folder, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._data_dir)))
