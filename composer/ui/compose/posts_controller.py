"""The post in the editor: open, new, save, approve, and keeping the widgets in step.

Owns the `DraftSession` and the history panel's signals; tells the checks controller
when a different post is showing.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QObject, QTime, QTimer
from PySide6.QtGui import QPixmap, QTextCursor
from PySide6.QtWidgets import QDialog

from composer.domain.accounts import Account
from composer.domain.conversations import Comment
from composer.domain.errors import StorageError
from composer.domain.posts import Post, PostDraft
from composer.services.library import LibraryError
from composer.services.planning import PlanningError
from composer.ui import alerts
from composer.ui.compose import approve_flow
from composer.ui.compose.approval_note import APPROVED_STATES, describe
from composer.ui.compose.draft_session import LAST_POST_KEY, DraftSession
from composer.ui.compose.planning_actions import renew_evergreen
from composer.ui.dialogs.planning_words import planning_words
from composer.ui.dialogs.profile_picture import load_picture
from composer.ui.dialogs.revisions import RevisionsDialog
from composer.ui.images.attachments_controller import AttachmentsController
from composer.ui.shell import audit_notices
from composer.ui.shell.welcome import SAMPLE, WELCOMED_KEY

if TYPE_CHECKING:
    from composer.app.container import Services
    from composer.domain.history import HistoryItem
    from composer.domain.posts import PostQuery
    from composer.ui.compose.approve_flow import AskReasons
    from composer.ui.compose.centre import CentrePane
    from composer.ui.findings.checks_controller import ChecksController
    from composer.ui.shell.banner import Banner
    from composer.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)

APPROVED_EDIT = "approved-edit"


class PostsController(QObject):
    def __init__(
        self,
        services: Services,
        centre: CentrePane,
        checks: ChecksController,
        banner: Banner,
        history: Any,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.centre = centre
        self.checks = checks
        self.banner = banner
        self.history = history
        self.session = DraftSession(services.library, self.collect, self)
        self.session.created.connect(self._created)
        self.session.saved.connect(self._saved)
        self.session.statusChanged.connect(self._status_changed)
        self.session.saveFailed.connect(self._save_failed)
        self._loading = False
        self._listed: tuple[object, ...] = ()
        self._unlocked: int | None = None  # the approved post the agent chose to edit
        # A child timer, not QTimer.singleShot: a pending single shot would keep this
        # controller (and the window) alive after the window closes.
        self._evergreen_timer = QTimer(self)
        self._evergreen_timer.setSingleShot(True)
        self._evergreen_timer.timeout.connect(self._renew_evergreen)
        centre.approval.edit.clicked.connect(self.edit_approved)
        centre.when.clicked.connect(self.schedule)
        self.images = AttachmentsController(services.images, centre, banner, self)
        self.images.changed.connect(self._edited)
        checks.settings = services.library
        centre.editor.textChanged.connect(self._edited)
        centre.targeting.changed.connect(self._edited)
        centre.targeting.account.currentIndexChanged.connect(self._show_author)
        self._accounts: list[Account] = []
        self._picture: tuple[tuple[str, str] | None, QPixmap | None] = (None, None)
        centre.variants.changed.connect(self._edited)
        centre.comment.changed.connect(self._edited)
        centre.editor.focusLost.connect(self.session.save_now)
        history.postActivated.connect(self.open)
        history.newRequested.connect(self.new)
        if hasattr(history, "postChanged"):
            history.postChanged.connect(self._changed_elsewhere)
        if hasattr(history, "postDeleted"):
            history.postDeleted.connect(self._deleted_elsewhere)

    # -- what the editor holds --------------------------------------------------------

    def collect(self) -> PostDraft:
        c = self.centre
        post = self.session.post
        return PostDraft(
            body=c.editor.toPlainText(),
            title=post.title if post else "",
            platforms=c.targeting.platforms(),
            variants=c.variants.variants(),
            link=post.link if post else "",
            scheduled_at=post.scheduled_at if post else None,
            tags=post.tags if post else (),
            account_id=c.targeting.account_id(),
            attachments=self.images.attachments(),
            in_reply_to=c.comment.comment(),
        )

    def _show(self, post: Post | None, draft: PostDraft | None = None) -> None:
        self._loading = True
        try:
            content = draft or (post.draft if post else PostDraft(body=""))
            c = self.centre
            c.editor.setPlainText(content.body)
            c.editor.moveCursor(QTextCursor.MoveOperation.End)  # carry on where it ends
            c.targeting.set_platforms(content.platforms)
            self.refresh_accounts(content.account_id)
            c.variants.set_variants(content.variants)
            self.images.show_post(content.attachments)
            c.comment.set_comment(content.in_reply_to)
            c.set_status(self._workflow(post))
            c.set_details(content.title, content.scheduled_at, content.tags)
            c.saved.setText("")
        finally:
            self._loading = False
        self.banner.remove(APPROVED_EDIT)
        if post is None or post.id != self._unlocked:
            self._unlocked = None
        self._show_approval(post)
        self.checks.post_loaded(self._history_for(post.id if post else None))
        self._listed = _listing(post)
        if post is not None:
            self.history.select_post(post.id)
        self.centre.window().setWindowTitle(_title(post))

    def _window(self) -> MainWindow:
        return cast("MainWindow", self.centre.window())  # the centre pane lives in it

    def _history_for(self, post_id: int | None) -> tuple[HistoryItem, ...]:
        try:
            return self.services.history.recent_for_checks(exclude_post_id=post_id)
        except Exception:
            log.exception("recent history unavailable")
            return ()

    def refresh_accounts(self, selected: int | None = None) -> None:
        try:
            accounts = self.services.accounts.list()
        except Exception:
            log.exception("accounts unavailable")
            accounts = []
        if selected is None:
            selected = self.centre.targeting.account_id()
        self._accounts = accounts
        self.centre.targeting.set_accounts(accounts, selected)
        self._show_author()

    def _show_author(self) -> None:
        """The previews head each post with the account's (or the profile's) name."""
        try:
            profile = self.services.library.profile()
        except Exception:
            log.exception("profile unavailable")
            profile = None
        key = profile.picture_key() if profile else None
        if key != self._picture[0]:
            self._picture = (key, load_picture(self.services.images, key))
        self.centre.preview.set_author(
            self._accounts,
            self.centre.targeting.account_id(),
            profile.name if profile else "",
            self._picture[1],
        )

    # -- opening ----------------------------------------------------------------------

    def start(self, unclean: bool) -> None:
        """Open what the agent was working on, or the sample on the very first run; then
        bring back the evergreen posts that are due."""
        self._evergreen_timer.start(0)  # after the first paint, on the event loop
        library = self.services.library
        last = library.setting(LAST_POST_KEY)
        if isinstance(last, int) and self.open(last, quiet=True):
            if unclean:
                self.banner.show_notice(
                    "recovered",
                    "Composer did not close properly last time. Your draft was reopened as "
                    "it was last saved.",
                )
            return
        if not library.setting(WELCOMED_KEY) and self.services.history.count(_all()) == 0:
            post = library.create(SAMPLE)
            library.set_setting(WELCOMED_KEY, True)
            self.history.refresh()
            self.open(post.id)
            self._window().show_welcome()
            return
        self.new()

    def _renew_evergreen(self) -> None:
        renew_evergreen(self)

    def open(self, post_id: int, quiet: bool = False) -> bool:
        if self.session.post_id == post_id:
            return True
        post = self.session.open(post_id)
        if post is None or post.deleted_at is not None:
            if not quiet:
                alerts.warning(self.centre, "Not found", "That post is no longer in the library.")
            if post is not None:
                self.session.start_new()
            return False
        self._show(post)
        return True

    def new(
        self,
        reply: bool = False,
        comment: Comment | None = None,
        platforms: tuple[str, ...] = (),
    ) -> None:
        """A new draft; with `reply`, a reply: the comment field first, for pasting (the
        comment's known facts and the platforms given, e.g. a reply in a post's thread)."""
        self.session.start_new()
        platforms = platforms or self.services.preferences.load().default_platforms
        comment = (comment or Comment(text="")) if reply else None
        self._show(None, PostDraft(body="", platforms=platforms, in_reply_to=comment))
        (self.centre.comment.text if reply else self.centre.editor).setFocus()

    def _changed_elsewhere(self, post_id: int) -> None:
        if post_id == self.session.post_id:
            self.reload(refresh_history=False)

    def _deleted_elsewhere(self, post_id: int) -> None:
        if post_id == self.session.post_id:
            self.session.save_now()
            self.new()

    def catch_up(self) -> bool:
        """Take changes made outside the window (the command line approved, exported or
        edited the open post) when nothing typed here is waiting to be saved."""
        post = self.session.post
        if post is None or self.session.dirty:
            return False
        try:
            stored = self.services.library.get(post.id)
        except Exception:
            log.exception("could not read the open post")
            return False
        if (stored.updated_at, stored.status) == (post.updated_at, post.status):
            return False
        self.reload(refresh_history=False)
        return True

    def reload(self, refresh_history: bool = True) -> None:
        """Take the library's current version of the open post (after a restore)."""
        post_id = self.session.post_id
        if post_id is None:
            return
        self.session.save_now()
        post = self.services.library.get(post_id)
        self.session.replace(post)
        self._show(post)
        if refresh_history:
            self.history.refresh()

    # -- when it goes out ---------------------------------------------------------------

    def schedule(self) -> None:
        """Ask for a date and time (or none) and keep it; an approval is not touched."""
        from composer.ui.compose.schedule import ScheduleDialog

        self.session.save_now()
        post = self.session.post
        if post is None:
            alerts.info(self.centre, "Nothing to schedule", "Write the post first.")
            return
        last = self.services.planning.last_time()
        dialog = ScheduleDialog(post.scheduled_at, self.centre, default_time=last)
        try:
            answer = dialog.exec()
            if answer == QDialog.DialogCode.Rejected:
                return
            when = None if answer == ScheduleDialog.CLEARED else dialog.chosen()
        finally:
            dialog.deleteLater()
        self.set_time(post.id, when)

    def set_time(self, post_id: int, when: datetime | None) -> None:
        try:
            post = self.services.planning.schedule(post_id, when).post
        except LibraryError as exc:
            alerts.warning(self.centre, "Not scheduled", str(exc))
            return
        except PlanningError as exc:
            alerts.warning(self.centre, "Not scheduled", planning_words(exc))
            return
        self.show_time(post)

    def show_time(self, post: Post) -> None:
        """The post has a new time: the header and the history say so."""
        self.session.replace(post)
        self.centre.set_details(post.title, post.scheduled_at, post.tags)
        self.history.refresh()

    # -- approval lock ------------------------------------------------------------------

    def _show_approval(self, post: Post | None) -> None:
        if post is None or post.status not in APPROVED_STATES or post.id == self._unlocked:
            self.centre.lock(None)
            return
        try:
            approval = self.services.approval.active_approval(post.id)
        except Exception:
            log.exception("approval unavailable")
            approval = None
        self.centre.lock(describe(approval, post.status))

    def edit_approved(self) -> None:
        """Edit a copy (the approval stays), or unlock this post after saying that editing
        ends its approval."""
        post = self.session.post
        if post is None:
            return
        choice = alerts.choose(
            self.centre,
            "Edit an approved post?",
            "The approval covers this exact text. Edit a copy and this post stays approved; "
            "edit the post itself and, once you change it, the approval ends and it is a "
            "draft again, to be approved anew.",
            ("Edit a Copy", "Edit and End the Approval", "Cancel"),
        )
        if choice is None:
            return
        if choice == 0:
            self.edit_copy(post.id)
            return
        self._unlocked = post.id
        self.centre.lock(None)
        self.centre.editor.setFocus()

    def edit_copy(self, post_id: int) -> None:
        self.session.save_now()
        copy = self.services.library.duplicate(post_id)
        self.history.refresh()
        self.open(copy.id)
        self._window().statusBar().showMessage("Editing a copy; the original stays approved.", 6000)
        self.centre.editor.setFocus()

    # -- saving -----------------------------------------------------------------------

    def _edited(self) -> None:
        if self._loading:
            return
        post = self.session.post
        approved = post is not None and post.status in ("approved", "exported")
        if approved and not self.banner.has(APPROVED_EDIT):
            self.banner.show_notice(
                APPROVED_EDIT,
                "You are editing an approved post: once this change is saved, the approval "
                "ends and the post is a draft again. Approve it again when you are done.",
                "warning",
            )
        self.session.mark_dirty()
        self.centre.saved.setText("Editing…")
        self.checks.request()

    def save(self) -> None:
        self.session.save_now()
        if self.session.post is not None and not self.session.dirty:
            self._window().statusBar().showMessage("Saved.", 3000)

    def _created(self, post: Post) -> None:
        self._saved(post)
        self.history.refresh()
        self.history.select_post(post.id)

    def _saved(self, post: Post) -> None:
        self.centre.saved.setText(f"Saved {QTime.currentTime().toString('HH:mm')}")
        self.centre.set_status(self._workflow(post))
        listing = _listing(post)
        if listing != self._listed:
            self._listed = listing
            self.history.refresh()
        self.centre.window().setWindowTitle(_title(post))

    def _workflow(self, post: Post | None) -> str | None:
        """The badge's status: the workflow one (in review, published, retired...)."""
        if post is None:
            return None
        try:
            return self.services.history.status(post.id)
        except (LibraryError, StorageError):
            return post.status

    def _status_changed(self, post: Post) -> None:
        self.centre.set_status(self._workflow(post))
        self._show_approval(post)
        self.history.refresh()

    def _save_failed(self, message: str) -> None:
        self.banner.show_notice(
            "save-failed",
            f"Your latest changes could not be saved yet ({message}). Composer keeps trying; "
            "keep this window open.",
            "error",
        )

    # -- approving --------------------------------------------------------------------

    def approve(self) -> None:
        self.session.save_now()
        post = self.session.post
        if post is None:
            alerts.info(self.centre, "Nothing to approve", "Write the post first.")
            return
        if self.centre.locked:
            alerts.info(self.centre, "Already approved", "This exact text is approved already.")
            return
        approval = approve_flow.approve_post(
            self.centre, self.services.approval, post.id, ask=approve_flow_ask()
        )
        audit_notices.show(self.banner, self.services.audit)
        if approval is None:
            return
        self.session.replace(self.services.library.get(post.id))
        self.centre.set_status(self._workflow(self.session.post))
        self.banner.remove(APPROVED_EDIT)
        self._unlocked = None
        self._show_approval(self.session.post)
        self.history.refresh()
        kept = len(approval.overrides)
        note = f" with {kept} reason{'s' if kept != 1 else ''} on record" if kept else ""
        self._window().statusBar().showMessage(f"Approved{note}.", 6000)

    def open_revisions(self) -> None:
        post_id = self.session.post_id
        if post_id is None:
            return
        self.session.save_now()
        # Window-modal and freed on close (WA_DeleteOnClose): never touch it after it closes.
        dialog = RevisionsDialog(self.services.library, post_id, self.centre)
        dialog.restored.connect(self._revision_restored)
        dialog.open()

    def _revision_restored(self, post: Post) -> None:
        if post.id == self.session.post_id:
            self.reload()


def approve_flow_ask() -> AskReasons:
    """Looked up at call time so tests can replace `approve_flow.ask_reasons`."""
    return approve_flow.ask_reasons


def _all() -> PostQuery:
    from composer.domain.posts import PostQuery

    return PostQuery()


def _listing(post: Post | None) -> tuple[object, ...]:
    if post is None:
        return ()
    first = post.body.strip().split("\n", 1)[0][:80]
    return (post.id, post.title, first, post.status, post.platforms)


def _title(post: Post | None) -> str:
    if post is None:
        return "Composer"
    name = post.title or post.body.strip().split("\n", 1)[0][:60] or "Untitled"
    return f"{name} — Composer"
