"""Take docs/screenshot.png on a real X server (Xvfb), with a real post and its findings.

    uv run python docs/make_screenshot.py [--out docs/screenshot.png] [--dark]
        [--size 1024x700] [--calendar [week|month|agenda]] [--thread] [--record] [--post-menu]

`--thread` adds comments and replies to the first post and shows its thread (Show Thread).
`--record` puts the sample's older posts through the examiner's record (one in review, one
published with its approval about to lapse, one retired) so the history shows those
statuses; `--post-menu` opens the Post menu before the grab.

Starts its own Xvfb on a free display (Debian package `xvfb`), opens a fresh library in
a temporary folder with a sample profile and post, waits for the checks and grabs the
screen through the X server (not the offscreen platform).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

POST = (
    "Spring storms are coming 🌧️ and now is a great time to review your homeowners "
    "policy. We offer the best rates in town, and every new client gets a free gift card!\n\n"
    "Your claim is guaranteed to be paid fast, no questions asked. Reach out and recieve "
    "a quote today."
)


def free_display() -> int:
    for number in range(90, 200):
        if not Path(f"/tmp/.X{number}-lock").exists():
            return number
    raise RuntimeError("no free X display")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshot.png"))
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--size", default="1360x820")
    parser.add_argument(
        "--calendar",
        nargs="?",
        const="month",
        choices=("week", "month", "agenda"),
        help="the calendar beside the editor, over a planned month (week, month or agenda)",
    )
    parser.add_argument("--thread", action="store_true", help="show a post's thread")
    parser.add_argument("--record", action="store_true", help="posts in review, published...")
    parser.add_argument("--post-menu", action="store_true", help="open the Post menu")
    args = parser.parse_args()
    if shutil.which("Xvfb") is None:
        print("Xvfb is not installed (apt-get install xvfb)", file=sys.stderr)
        return 1
    width, height = (int(v) for v in args.size.split("x"))
    number = free_display()
    xvfb = subprocess.Popen(
        [
            "Xvfb",
            f":{number}",
            "-screen",
            "0",
            f"{width}x{height}x24",
            "-dpi",
            "96",
            "-nolisten",
            "tcp",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(0.8)
        os.environ["DISPLAY"] = f":{number}"
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        with tempfile.TemporaryDirectory() as tmp:
            return _shoot(Path(tmp), Path(args.out), width, height, args)
    finally:
        xvfb.terminate()
        xvfb.wait(5)


def _plan_month(services) -> None:
    """A few posts planned this month and next, on several platforms and statuses."""
    from datetime import date, datetime, time, timedelta

    from composer.domain.posts import PostDraft

    today = date.today()
    monday = today - timedelta(days=today.weekday())
    plan = [
        (0, time(9, 30), ("facebook", "linkedin"), "Storm kit checklist", True),
        (1, time(12, 0), ("x",), "Flood cover is separate", False),
        (2, time(9, 30), ("linkedin", "x"), "Teen drivers: three questions", True),
        (4, time(17, 45), ("instagram",), "Coat drive drop-offs", False),
        (7, time(9, 30), ("facebook",), "Hurricane season starts", True),
        (9, time(8, 0), ("linkedin",), "Renters: what is covered?", False),
        (14, time(9, 30), ("x", "facebook"), "Home inventory in an hour", True),
    ]
    for offset, at, platforms, title, approve in plan:
        when = datetime.combine(monday + timedelta(days=offset), at)
        post = services.library.create(
            PostDraft(body=f"{title}. What would you add?", title=title, platforms=platforms,
                      scheduled_at=when)
        )  # fmt: skip
        if approve:
            services.approval.approve(post.id, reason="reviewed")
    services.planning.set_slots(["tue 09:30", "thu 12:00"])


def _shoot(data_dir: Path, out: Path, width: int, height: int, args: argparse.Namespace) -> int:
    dark = bool(args.dark)
    calendar: str | None = args.calendar
    thread = bool(args.thread)
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from composer.app.container import Services, load_engine
    from composer.domain.posts import PostDraft
    from composer.domain.profile import Profile
    from composer.ui.shell.main_window import MainWindow
    from composer.ui.shell.welcome import WELCOMED_KEY

    app = QApplication([sys.argv[0]])
    app.setApplicationName("Composer")
    if dark:
        QGuiApplication.styleHints().setColorScheme(Qt.ColorScheme.Dark)
    services = Services.open(data_dir)
    services.library.set_setting(WELCOMED_KEY, True)
    services.library.set_profile(
        Profile(
            name="Dana Reyes",
            agency="Reyes Family Insurance",
            license_number="0H12345",
            states=("CA",),
            disclosure="Dana Reyes, Reyes Family Insurance, CA License 0H12345.",
        )
    )
    older = [
        "Thinking about adding a teen driver? Three things to ask before the keys change "
        "hands. What was your first car?",
        "Our office is collecting coats for the Maple Grove shelter this month. Drop-offs "
        "welcome Monday to Friday. Who else is helping?",
    ]
    if args.record:
        older.append("Flood cover is a separate policy. Ask me what yours includes.")
        services.library.set_setting("self_approval_valid_days", 20)
    made = []
    for text in older:
        post = services.library.create(PostDraft(body=text, platforms=("facebook",)))
        services.approval.approve(post.id, reason="reviewed")
        made.append(post.id)
    if args.record:
        services.records.retire(made[2])
        services.records.publish(made[1], "facebook")
        services.review.submit([made[0]], "Jo Park, agency principal")
    if thread and made:
        _add_replies(services, made[0])
    post = services.library.create(
        PostDraft(body=POST, title="Spring policy review", platforms=("facebook", "linkedin", "x"))
    )
    if calendar:
        _plan_month(services)
    window = MainWindow(data_dir)
    window.resize(width, height)
    window.move(0, 0)
    if dark:
        services.preferences.update(theme="dark")  # as Settings > Theme > Dark does
    window.attach_services(services)
    window.attach_engine(load_engine(data_dir))
    window.posts.open(post.id)
    window.show()
    if calendar:
        window.actions_.calendar.trigger()
        from composer.ui.calendar.panel import CalendarPanel

        panel = window.findChild(CalendarPanel)
        if panel is not None:
            panel.set_mode(calendar)
    loop = QEventLoop()
    QTimer.singleShot(2500, loop.quit)
    loop.exec()
    cards = window.findings.cards()
    if cards:
        cards[1 if len(cards) > 1 else 0].set_expanded(True)
    cursor = window.centre.editor.textCursor()
    cursor.setPosition(0)
    window.centre.editor.setTextCursor(cursor)
    if thread and made and window.replies is not None:
        dialog = window.replies.threads.show_thread(made[0])
        if dialog is not None:
            dialog.move(width - dialog.width() - 40, 60)
    QTimer.singleShot(800, loop.quit)
    loop.exec()
    if args.post_menu:
        menu = window.actions_.post_menu
        menu.popup(window.mapToGlobal(window.menuBar().geometry().bottomLeft()))
        QTimer.singleShot(600, loop.quit)
        loop.exec()
    screen = QGuiApplication.primaryScreen()
    image = screen.grabWindow(0, 0, 0, width, height)
    out.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(out))
    print(f"saved {out} ({image.width()}x{image.height()})")
    window.close()
    services.close()
    return 0


def _add_replies(services: object, post_id: int) -> None:
    """Three comments on the post (one a complaint, flagged) and the agent's replies."""
    from datetime import UTC, datetime

    from composer.domain.conversations import Comment
    from composer.domain.posts import PostDraft

    said = [
        (
            "Maria G.",
            datetime(2026, 5, 11, 9, 40, tzinfo=UTC),
            "We have two boys who need these, thank you for doing this!!",
            "Thank you, Maria! The drop-off is open Monday to Friday.",
        ),
        (
            "Tom B.",
            datetime(2026, 5, 11, 14, 5, tzinfo=UTC),
            "Nice. Now maybe someone at your office could call me back about my claim, "
            "I've left three messages.",
            "I'm sorry, Tom. I'd like to sort this out: please call me at 555-0100.",
        ),
        (
            "Lee W.",
            datetime(2026, 5, 12, 8, 15, tzinfo=UTC),
            "Do you take kids' sizes too?",
            "",
        ),
    ]
    library = services.library  # type: ignore[attr-defined]
    for author, when, text, answer in said:
        comment = Comment(text, author, "facebook", at=when, on_post_id=post_id)
        reply = library.create(PostDraft(body=answer, platforms=("facebook",), in_reply_to=comment))
        if author == "Tom B.":
            services.conversations.flag_reply(reply.id)  # type: ignore[attr-defined]
        elif answer:
            services.approval.approve(reply.id, reason="reviewed")  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(main())
