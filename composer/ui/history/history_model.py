"""The history list's model: posts fetched page by page, so 100,000 posts open instantly.

The view asks `canFetchMore`/`fetchMore` as the agent scrolls; each call reads one page of
`PAGE_SIZE` posts through `HistoryService.page`. Only plain `Post` values are held, never
ORM rows. Offsets can shift while the agent works (an edited post jumps to the top), so
rows already shown are never duplicated by a later page.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from composer.domain.platforms import PLATFORM_NAMES
from composer.domain.posts import Post, PostQuery

if TYPE_CHECKING:
    from composer.services.history import HistoryRow, HistoryService

PAGE_SIZE = 50
MAX_PAGE = 1000  # HistoryService caps one page at this many rows

PostRole = Qt.ItemDataRole.UserRole + 1
PostIdRole = Qt.ItemDataRole.UserRole + 2
StatusRole = Qt.ItemDataRole.UserRole + 3
PlatformsRole = Qt.ItemDataRole.UserRole + 4
WhenRole = Qt.ItemDataRole.UserRole + 5
ExpiryRole = Qt.ItemDataRole.UserRole + 6  # "expires 12 Dec", "approval expired" or ""
ExpiryKindRole = Qt.ItemDataRole.UserRole + 7  # "soon", "expired" or ""

# The workflow statuses (composer.domain.workflow) in plain words, and the bin.
STATUS_NAMES: dict[str, str] = {
    "draft": "Draft",
    "changes_requested": "Changes requested",
    "rejected": "Rejected",
    "in_review": "In review",
    "approved": "Approved",
    "exported": "Exported",
    "published": "Published",
    "retired": "Retired",
    "archived": "Archived",
    "deleted": "Deleted",
}
UNTITLED = "(empty draft)"
_Index = QModelIndex | QPersistentModelIndex


def post_heading(post: Post, width: int = 120) -> str:
    """The title, else the first non-blank line of the body, shortened for one row; a
    reply starts with the first words of the comment it answers (and a review's stars)."""
    text = post.title.strip()
    if not text:
        text = next((line.strip() for line in post.body.splitlines() if line.strip()), "")
    if post.in_reply_to is not None:
        answered = post.in_reply_to.opening(6) or "a comment"
        rated = f"{post.in_reply_to.stars()} " if post.in_reply_to.rating else ""
        text = f"↩ {rated}“{answered}” {text}".rstrip()
    if not text:
        return UNTITLED
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def post_status(post: Post, workflow: str | None = None) -> str:
    """What the badge says: a post in the bin is 'deleted' whatever its status was; else
    its workflow status (the stored one until that is known)."""
    if post.deleted_at is not None:
        return "deleted"
    return workflow or post.status


def expiry_mark(expiry: str, last: date | None) -> str:
    """The history's words for an approval about to lapse (`expiry` "soon", with its last
    day) or lapsed ("expired"); "" otherwise."""
    if expiry == "expired":
        return "approval expired"
    if expiry == "soon" and last is not None:
        return f"expires {last.day} {last:%b}"
    return ""


def platforms_text(platforms: tuple[str, ...]) -> str:
    return " · ".join(PLATFORM_NAMES.get(p, p) for p in platforms)


def format_when(when: datetime | None, now: datetime | None = None) -> str:
    """Short and local: a time today, a day this year, a full date before that."""
    if when is None:
        return ""
    local = when.astimezone() if when.tzinfo is not None else when
    now = (now or datetime.now()).astimezone()
    if local.date() == now.date():
        return local.strftime("%H:%M")
    if local.year == now.year:
        return f"{local:%b} {local.day}"
    return local.strftime("%Y-%m-%d")


# (label, the query it starts from) - "Current" hides archived and retired posts, as a mail
# client hides its archive. Stored statuses are one SQL condition; workflow statuses are
# decided per post by the history service.
STATUS_FILTERS: tuple[tuple[str, PostQuery], ...] = (
    ("Current posts", PostQuery(statuses=("draft", "approved", "exported"), retired=False)),
    ("Drafts", PostQuery(statuses=("draft",), retired=False)),
    ("Sent back to draft", PostQuery(workflow=("changes_requested", "rejected"))),
    ("In review", PostQuery(workflow=("in_review",))),
    ("Approved", PostQuery(workflow=("approved",))),
    ("Exported", PostQuery(workflow=("exported",))),
    ("Published", PostQuery(workflow=("published",))),
    ("Retired", PostQuery(workflow=("retired",))),
    ("Archived", PostQuery(statuses=("archived",), retired=False)),
    ("All posts", PostQuery()),
    ("Deleted", PostQuery(deleted=True)),
)
DELETED_FILTER = len(STATUS_FILTERS) - 1

EMPTY_LIBRARY = "No posts yet — press Ctrl+N to start one."
EMPTY_SEARCH = "No posts match “{search}”. Try fewer words, or clear the search."
EMPTY_FILTER = "No posts here. Choose “All posts” or another platform to see more."
EMPTY_BIN = "Nothing has been deleted. Deleted posts wait here until you restore them."


def count_text(count: int) -> str:
    return "1 post" if count == 1 else f"{count:,} posts"


def empty_text(query: PostQuery, default_filters: bool) -> str:
    """What an empty list says, so the agent knows what to do next."""
    if query.search:
        return EMPTY_SEARCH.format(search=query.search)
    if query.deleted:
        return EMPTY_BIN
    if default_filters and query.platform is None:
        return EMPTY_LIBRARY
    return EMPTY_FILTER


class HistoryModel(QAbstractListModel):
    """One row per post for the current query, loaded lazily, newest change first."""

    def __init__(self, history: HistoryService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._history = history
        self._query = PostQuery(limit=PAGE_SIZE)
        self._posts: list[Post] = []
        self._ids: set[int] = set()
        self._rows: dict[int, HistoryRow] = {}  # status and expiry of each post shown
        self._exhausted = True
        self.pages_fetched = 0  # how many page queries ran; the paging tests read this

    # Query -------------------------------------------------------------------

    @property
    def query(self) -> PostQuery:
        return self._query

    def set_query(self, query: PostQuery) -> None:
        """Show the first page for `query` (limit and offset are the model's business)."""
        self._query = replace(query, limit=PAGE_SIZE, offset=0)
        self.reload(PAGE_SIZE)

    def reload(self, at_least: int | None = None) -> None:
        """Re-read from the start, as many rows as were loaded (to keep the scroll place)."""
        wanted = max(PAGE_SIZE, at_least if at_least is not None else len(self._posts))
        self.beginResetModel()
        self._posts, self._ids, self._exhausted = [], set(), False
        self._rows = {}
        while len(self._posts) < wanted and not self._exhausted:
            fresh = self._fresh(self._read(min(MAX_PAGE, wanted - len(self._posts))))
            self._posts.extend(fresh)
            self._ids.update(p.id for p in fresh)
            self._learn(fresh)
        self.endResetModel()

    def _learn(self, posts: list[Post]) -> None:
        """Read the workflow status (and what else a row shows) of newly shown posts."""
        if posts:
            self._rows.update(self._history.rows(posts))

    def update_post(self, post: Post) -> bool:
        """Show a post saved elsewhere without a query (the autosave path).

        A saved post is the newest change, so it moves to the top; if it no longer fits
        the status, platform or bin filter it leaves the list. (Whether it still matches
        the search is left to the next refresh.) False when the post is not shown.
        """
        row = self.row_of(post.id)
        if row < 0:
            return False
        self._learn([post])
        if not self._fits(post):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._posts[row]
            self._ids.discard(post.id)
            self.endRemoveRows()
            return True
        self._posts[row] = post
        newest = self._posts[0].updated_at
        if row > 0 and post.updated_at and (newest is None or post.updated_at >= newest):
            self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), 0)
            self._posts.insert(0, self._posts.pop(row))
            self.endMoveRows()
            row = 0
        self.dataChanged.emit(self.index(row, 0), self.index(row, 0))
        return True

    def _fits(self, post: Post) -> bool:
        query = self._query
        return (
            (post.deleted_at is not None) == query.deleted
            and (not query.statuses or post.status in query.statuses)
            and (not query.workflow or self._status_code(post.id) in query.workflow)
            and (query.retired is None or (post.retired_at is not None) == query.retired)
            and (not query.platform or query.platform in post.platforms)
        )

    @property
    def exhausted(self) -> bool:
        """Every matching post is loaded (so the row count is the total)."""
        return self._exhausted

    # Lazy paging -------------------------------------------------------------

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        fresh = self._fresh(self._read(PAGE_SIZE))
        if not fresh:
            return
        first = len(self._posts)
        self._learn(fresh)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._posts.extend(fresh)
        self._ids.update(p.id for p in fresh)
        self.endInsertRows()

    def fetch_until(self, post_id: int, max_rows: int = 2000) -> int:
        """Load pages until `post_id` is shown (or `max_rows` are); its row, or -1."""
        while (row := self.row_of(post_id)) < 0 and self.canFetchMore():
            if len(self._posts) >= max_rows:
                break
            self.fetchMore()
        return row

    def _read(self, limit: int) -> list[Post]:
        self.pages_fetched += 1
        posts = self._history.page(replace(self._query, limit=limit, offset=len(self._posts)))
        if len(posts) < limit:  # a short page is the last one
            self._exhausted = True
        return posts

    def _fresh(self, posts: list[Post]) -> list[Post]:
        """The posts not shown yet; a page of nothing but repeats ends the paging."""
        fresh = [p for p in posts if p.id not in self._ids]
        if not fresh:
            self._exhausted = True
        return fresh

    # Lookup --------------------------------------------------------------------

    def post_at(self, row: int) -> Post | None:
        return self._posts[row] if 0 <= row < len(self._posts) else None

    def row_of(self, post_id: int) -> int:
        if post_id not in self._ids:
            return -1
        return next(i for i, post in enumerate(self._posts) if post.id == post_id)

    # Qt model API --------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._posts)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        post = self.post_at(index.row()) if index.isValid() else None
        if post is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return post_heading(post)
        if role == PostRole:
            return post
        if role == PostIdRole:
            return post.id
        if role == StatusRole:
            return self.status_of(post)
        if role == ExpiryRole:
            return self.expiry_of(post)
        if role == ExpiryKindRole:
            row = self._rows.get(post.id)
            return "" if row is None or post.deleted_at is not None else row.expiry
        if role == PlatformsRole:
            return platforms_text(post.platforms)
        if role == WhenRole:
            return format_when(post.updated_at)
        if role == Qt.ItemDataRole.ToolTipRole:
            return post.body[:300] + ("…" if len(post.body) > 300 else "")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.spoken(post)
        return None

    def _status_code(self, post_id: int) -> str | None:
        row = self._rows.get(post_id)
        return None if row is None else row.status

    def status_of(self, post: Post) -> str:
        """The badge's code: the workflow status, or "deleted" in the bin."""
        return post_status(post, self._status_code(post.id))

    def expiry_of(self, post: Post) -> str:
        """The mark beside the badge when the approval lapses soon or has lapsed."""
        row = self._rows.get(post.id)
        if row is None or post.deleted_at is not None:
            return ""
        return expiry_mark(row.expiry, row.expires_on)

    def spoken(self, post: Post) -> str:
        """What a screen reader says for a row: the same facts the row shows."""
        status = self.status_of(post)
        parts = [post_heading(post), STATUS_NAMES.get(status, status)]
        mark = self.expiry_of(post)
        if mark:
            parts.append(mark)
        if post.platforms:
            parts.append(platforms_text(post.platforms).replace(" · ", ", "))
        when = format_when(post.updated_at)
        if when:
            parts.append(f"changed {when}")
        return ", ".join(parts)
