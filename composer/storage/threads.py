"""Threads: the replies to comments left on a post, and the posts a comment can be on.

Its own module so the posts repository stays about one post; the queries join the reply's
comment (`post_comments.on_post_id`, from 0008) to the posts table.
"""

from __future__ import annotations

from datetime import tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from composer.domain.posts import Post
from composer.storage.models import PostCommentRow, PostRow
from composer.storage.posts import to_post


class ThreadRows:
    def __init__(self, session: Session, zone: tzinfo) -> None:
        self._session = session
        self._zone = zone  # posts' times are handed out as wall time here (see posts.py)

    def replies_on(self, post_id: int | None) -> list[Post]:
        """The replies (not in the bin) to comments left on `post_id`; with None, the
        replies to comments on no post (reviews, pages). By id; the service orders them."""
        linked = (
            PostCommentRow.on_post_id.is_(None)
            if post_id is None
            else PostCommentRow.on_post_id == post_id
        )
        rows = self._session.scalars(
            select(PostRow)
            .join(PostCommentRow, PostCommentRow.post_id == PostRow.id)
            .where(linked, PostRow.deleted_at.is_(None))
            .order_by(PostRow.id)
        )
        return [to_post(row, self._zone) for row in rows]

    def posts(self, limit: int) -> list[Post]:
        """Posts (not replies, not in the bin) a comment can be on, newest change first."""
        has_comment = select(PostCommentRow.post_id).where(PostCommentRow.post_id == PostRow.id)
        rows = self._session.scalars(
            select(PostRow)
            .where(PostRow.deleted_at.is_(None), ~has_comment.exists())
            .order_by(PostRow.updated_at.desc(), PostRow.id.desc())
            .limit(limit)
        )
        return [to_post(row, self._zone) for row in rows]
