"""A post's thread: the post, then each comment left on it with the agent's reply under it.

Why its own module: the conversation service keeps the register; this answers "what was
said under this post, and what did we answer", for the window's thread view and
`composer thread`. A reply belongs to a post through its comment's `on_post_id`; replies
to comments on no post of the library (reviews, pages) form one "reviews" thread. Plain
dataclasses out (`domain.conversations.Thread`); errors are codes the front ends word.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from composer.domain.conversations import Thread, ThreadReply
from composer.domain.posts import Post
from composer.services.library import LibraryError

if TYPE_CHECKING:
    from composer.storage.database import Database
    from composer.storage.repositories import Repositories

TARGETS_LIMIT = 200  # posts offered as "the post the comment was on"
_LATEST = datetime.max.replace(tzinfo=UTC)


class ThreadError(LibraryError, LookupError):
    """No thread: `code` is `no-post` (no such post), `in-bin` (the post is in the bin) or
    `is-reply` (the id is a reply; `parent` is the post it belongs to, when it has one)."""

    def __init__(self, code: str, post_id: int, parent: int | None = None) -> None:
        super().__init__(f"{code}: {post_id}")
        self.code = code
        self.post_id = post_id
        self.parent = parent


class ThreadService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def thread(self, post_id: int) -> Thread:
        """The post and its replies, in the order the comments were made."""
        with self._db.read() as tx:
            post = tx.posts.get(post_id)
            if post is None:
                raise ThreadError("no-post", post_id)
            if post.deleted_at is not None:
                raise ThreadError("in-bin", post_id)
            if post.in_reply_to is not None:
                raise ThreadError("is-reply", post_id, post.in_reply_to.on_post_id)
            replies = _replies(tx, tx.threads.replies_on(post_id))
        replies.sort(key=_comment_order)
        return Thread(post.id, post.title, post.body, post.status, tuple(replies))

    def reviews(self) -> Thread:
        """Replies to comments on no post (reviews, pages), by platform, author, then date."""
        with self._db.read() as tx:
            replies = _replies(tx, tx.threads.replies_on(None))
        replies.sort(
            key=lambda r: (r.comment.platform, r.comment.author.casefold(), *_comment_order(r))
        )
        return Thread(None, "", "", "", tuple(replies))

    def thread_of(self, post_id: int) -> int | None:
        """The post whose thread `post_id` is in: itself for a post, its post for a linked
        reply, None for a reply to a review (or an id not in the library)."""
        with self._db.read() as tx:
            post = tx.posts.get(post_id)
        if post is None:
            return None
        return post.id if post.in_reply_to is None else post.in_reply_to.on_post_id

    def posts(self, limit: int = TARGETS_LIMIT) -> list[Post]:
        """The posts a comment can be left on (not replies, not in the bin), newest first."""
        with self._db.read() as tx:
            return tx.threads.posts(limit)


def _replies(tx: Repositories, posts: list[Post]) -> list[ThreadReply]:
    out = []
    for post in posts:
        comment = post.in_reply_to
        assert comment is not None  # the query joins the comment
        flagged = next(
            (c.id for c in tx.complaints.for_post(post.id) if c.comment.text == comment.text),
            None,
        )
        out.append(ThreadReply(post.id, comment, post.body, post.status, flagged))
    return out


def _comment_order(reply: ThreadReply) -> tuple[datetime, int]:
    return (reply.comment.at or _LATEST, reply.reply_id)
