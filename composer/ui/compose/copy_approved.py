"""Post > Copy Approved Text: one approved post's text for one platform, to the clipboard.

For agents who post by hand: what goes to the clipboard is the approved snapshot, never
the draft being edited, so what they paste is exactly what they signed off.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QMenu

from composer.guidelines.platforms import load_platforms
from composer.services.library import LibraryError

if TYPE_CHECKING:
    from composer.app.container import Services


def fill_menu(
    menu: QMenu, window: QMainWindow, services: Services | None, post_id: int | None
) -> None:
    """Rebuild the submenu for the open post: one entry per approved platform."""
    menu.clear()
    approval = None
    if services is not None and post_id is not None:
        approval = services.approval.active_approval(post_id)
    if approval is None or not approval.texts or services is None or post_id is None:
        placeholder = menu.addAction("Approve the post first")
        placeholder.setEnabled(False)
        return
    names = load_platforms()
    for platform in approval.texts:
        shown = names[platform].display_name if platform in names else platform
        action = menu.addAction(f"For {shown}")
        action.triggered.connect(_copier(window, services, post_id, platform, shown))


def _copier(
    window: QMainWindow, services: Services, post_id: int, platform: str, shown: str
) -> Callable[[], None]:
    def copy() -> None:
        from composer.services.export import ExportService

        try:
            text = ExportService.over(services).approved_text(post_id, platform)
        except LibraryError:  # the approval ended since the menu was built (an edit)
            window.statusBar().showMessage(
                f"Nothing copied: this post is no longer approved for {shown}.", 6000
            )
            return
        QGuiApplication.clipboard().setText(text)
        window.statusBar().showMessage(f"Copied the approved text for {shown}.", 5000)

    return copy
