"""Write `tests/fixtures/library-<head>.sqlite3`: a small real library from this schema.

    uv run python tests/migrations/make_fixture.py

Run it once when a migration is released, and commit the file; never regenerate an older
fixture (it stands for libraries agents already have). test_migrations.py opens each.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from composer.app.container import Services
from composer.domain.attachments import Attachment
from composer.domain.conversations import Comment
from composer.domain.findings import CheckResult, Finding
from composer.domain.posts import PostDraft
from composer.domain.profile import Profile
from composer.storage.database import head_revision
from tests.helpers.paths import FIXTURES

ALT_TEXT = "A storm kit: water, a torch and a first-aid box on a kitchen table"


def _photo(services: Services) -> Attachment:
    """A small photo made in code, stored in the (temporary) data folder like any image."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(120, 90, QImage.Format.Format_RGB32)
    image.fill(QColor("#2a6f97"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return services.images.attach_bytes(bytes(buffer.data().data()), "storm-kit.png")


class _Engine:
    def check(self, request):
        if "guaranteed" not in request.text.lower():
            return CheckResult(findings=())
        finding = Finding(
            rule="fixture.guarantee",
            category="compliance.guarantee",
            severity="error",
            message="A promise",
            start=0,
            end=10,
            text=request.text[:10],
        )
        return CheckResult(findings=(finding,))


def main() -> int:
    target = FIXTURES / f"library-{head_revision()}.sqlite3"
    if target.exists():
        print(f"{target} exists; fixtures are never regenerated", file=sys.stderr)
        return 1
    moment = [datetime(2026, 5, 1, 9, 0, tzinfo=UTC)]

    def clock() -> datetime:
        moment[0] += timedelta(seconds=7)
        return moment[0]

    with (
        tempfile.TemporaryDirectory() as folder,
        Services.open(Path(folder), engine_loader=_Engine, clock=clock) as s,
    ):
        s.library.set_profile(
            Profile(
                name="Sam Ortiz",
                agency="Ortiz Insurance Group",
                license_number="0K98765",
                states=("CA",),
                disclosure="Sam Ortiz, CA Lic. #0K98765",
            )
        )
        s.library.set_setting("editor", {"font_size": 13})
        account = s.account_repository.add("linkedin", "samortiz", "Sam Ortiz")
        common = {"title": "Storm kit", "tags": ("storm",), "account_id": account.id}
        platforms = ("facebook", "linkedin")
        a = s.library.create(
            PostDraft(body="Storm season: what's in your kit?", platforms=platforms, **common)
        )
        photo = _photo(s)  # from schema 0002: an image with alt text, approved and exported
        s.library.autosave(
            a.id,
            PostDraft(
                body="Storm season reminder: what's in your emergency kit?",
                platforms=platforms,
                variants={"linkedin": "Storm season: a kit checklist. What would you add?"},
                attachments=(replace(photo, alt_text=ALT_TEXT),),
                **common,
            ),
        )
        s.approval.approve(a.id)
        s.audit.record_export("hootsuite", "/exports/may.csv", "e3" * 32, [a.id])
        # From schema 0004: where it ran (and so its last use), and a legal hold.
        s.records.publish(
            a.id,
            "linkedin",
            url="https://www.linkedin.com/feed/update/urn:li:activity:1",
            at=datetime(2026, 5, 2, 12, 30, tzinfo=UTC),
            audience="boosted",
            spend="25",
            live_text="Storm season: a kit checklist. What would you add?",
        )
        s.records.set_hold(a.id, True)
        s.review.submit([a.id], "Acme Mutual home office")
        rate = {"platforms": ("x",), "link": "https://example.com/quote"}
        b = s.library.create(PostDraft(body="Guaranteed lowest rates in town!", **rate))
        s.approval.approve(b.id, reason="Carrier-approved rate ad")
        s.library.autosave(b.id, PostDraft(body="Great rates. Questions? Ask me.", **rate))
        imported = s.importer.import_drafts(
            [
                PostDraft(body="Un café avec nos clients", platforms=("threads",)),
                PostDraft(body="Old draft in the bin", scheduled_at=datetime(2026, 5, 20, 19)),
            ]
        )
        s.planning.set_slots(["tue 09:30", "thu 12:00"])  # from 0004: posting slots
        s.planning.set_slots(["mon 08:00"], platform="linkedin")
        s.library.reschedule(b.id, datetime(2026, 6, 2, 9, 30))  # from 0004: evergreen
        s.evergreen.mark(b.id, 90, times=4)
        s.library.archive(imported[0])
        s.library.delete(imported[1])
        # From schema 0004: a reply with the comment it answers, flagged as a complaint and
        # answered (two more audit entries).
        comment = Comment(
            text="One star. Nobody at this agency calls me back!! 😡",
            author="Dana R.",
            platform="google",
            url="https://g.co/review/123",
            at=datetime(2026, 4, 30, 18, 5, tzinfo=UTC),
            rating=1,  # from schema 0010: the review's stars
        )
        reply = s.library.create(
            PostDraft(
                body="I'm sorry, Dana. Please call me at 555-0100 so I can help.",
                platforms=("facebook",),
                in_reply_to=comment,
            )
        )
        complaint = s.conversations.flag_reply(reply.id)
        s.conversations.set_status(complaint.id, "answered", "Called back the same day")
        # From schema 0009: a post approved, retired (no longer in use) and archived.
        spring = s.library.create(
            PostDraft(body="Spring check-up: gutters, roof, smoke alarms.", platforms=("x",))
        )
        s.approval.approve(spring.id)
        s.records.retire(spring.id)
        s.library.archive(spring.id)
        assert s.audit.verify().ok
        s.database.backup_to(target)
    with sqlite3.connect(target, isolation_level=None) as conn:  # small: 1 KiB pages
        conn.execute("PRAGMA page_size=1024")
        conn.execute("VACUUM")
    conn.close()
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
