"""`composer thread`: a post and the replies to the comments left on it, in comment order.

The contract (README, "The command line"): `composer thread ID [--format text|json]` lists
post ID, then each comment left on it (author, platform, date, link, exact text, whether it
is in the complaint register) with the agent's reply and its status, oldest comment first
(comments without a date last); `composer thread --reviews` does the same for replies to
comments on no post of the library (reviews, pages), by platform, author, then date.
Exit 0; an id that is no post, a post in the bin or a reply is one line on stderr, exit 2
(a reply names the thread it is in).
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from composer.cli.common import open_services, post_id
from composer.cli.errors import UsageError

if TYPE_CHECKING:
    from composer.domain.conversations import Thread, ThreadReply
    from composer.services.threads import ThreadError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "thread", help="a post and its replies, in the order the comments were made"
    )
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("id", type=post_id, metavar="ID", nargs="?", help="the post")
    which.add_argument(
        "--reviews", action="store_true", help="replies to comments on no post (reviews, pages)"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=run_thread)


def run_thread(args: argparse.Namespace) -> int:
    from composer.services.threads import ThreadError

    with open_services(args) as services:
        try:
            thread = (
                services.threads.reviews() if args.reviews else services.threads.thread(args.id)
            )
        except ThreadError as exc:
            raise UsageError(_worded(exc)) from None
    if args.format == "json":
        print(json.dumps(thread_json(thread), ensure_ascii=False, indent=2))
    else:
        _print_thread(thread)
    return 0


def thread_json(thread: Thread) -> dict[str, Any]:
    post = None
    if thread.post_id is not None:
        post = {
            "id": thread.post_id,
            "title": thread.title or None,
            "text": thread.body,
            "status": thread.status,
        }
    return {"post": post, "replies": [_reply_json(r) for r in thread.replies]}


def _reply_json(reply: ThreadReply) -> dict[str, Any]:
    return {
        "id": reply.reply_id,
        "status": reply.status,
        "text": reply.body,
        "complaint_id": reply.complaint_id,
        "comment": reply.comment.to_dict(),
    }


def _print_thread(thread: Thread) -> None:
    if thread.post_id is None:
        print("Replies to reviews and comments on no post")
    else:
        title = f"  ·  {thread.title}" if thread.title else ""
        print(f"Post {thread.post_id}  ·  {thread.status}{title}")
        for line in thread.body.splitlines() or [""]:
            print(f"  {line}")
    if not thread.replies:
        print("\nNo replies yet.")
        return
    for number, reply in enumerate(thread.replies, start=1):
        comment = reply.comment
        when = comment.at.astimezone().strftime("%Y-%m-%d %H:%M") if comment.at else ""
        said = (comment.author, comment.platform, comment.rating_words(), when)
        facts = " · ".join(f for f in said if f)
        flag = f"  [complaint {reply.complaint_id}]" if reply.complaint_id is not None else ""
        print(f"\n{number}. {facts or 'a comment'}{flag}")
        if comment.url:
            print(f"   {comment.url}")
        for line in comment.text.splitlines() or [""]:
            print(f"   > {line}")
        first, *rest = reply.body.splitlines() or [""]
        print(f"   Reply {reply.reply_id} ({reply.status}): {first}")
        for line in rest:
            print(f"     {line}")


def _worded(exc: ThreadError) -> str:
    if exc.code == "is-reply":
        if exc.parent is not None:
            return f"post {exc.post_id} is a reply; see 'composer thread {exc.parent}'"
        return f"post {exc.post_id} is a reply to a review; see 'composer thread --reviews'"
    if exc.code == "in-bin":
        return f"post {exc.post_id} is in the bin; restore it to see its thread"
    return f"there is no post {exc.post_id} (see 'composer history')"
