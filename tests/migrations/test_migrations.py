"""Migrations: the head schema matches the models, and every released library still opens.

`tests/fixtures/library-<revision>.sqlite3` are real libraries written by each released
schema (never regenerate one: it stands for files agents already have). The first holds
a profile, a setting, a LinkedIn account, an exported post with a variant, an approval
voided by a later edit with an override reason, an archived post and one in the bin, and
an audit log of four entries. From 0002 on, the exported post also carries an image with
alt text, which its approval pins down by hash. From 0003 on, the export row names its
own audit entry and entries may carry an HMAC (the fixture was made without a keyring, so
its entries are unsigned, as on such a computer); each fixture is a backup, so it also
carries the head its log had. From 0004 on, the library has weekly posting slots (two for
all platforms, one for LinkedIn) and the rate post is scheduled and evergreen. From 0005 on,
a reply carries the comment it answers, and that comment is in the complaint register
(answered, with a note), logged in the chain. From 0006 on, approvals
name the rule packs in force, and the exported post has a publication (its last use), a
legal hold and a submission for outside review. From 0007 on, times are UTC with the zone
they were set in; that fixture was made with TZ=America/New_York. From 0009 on, a spring
post is approved, retired and archived. From 0010 on, the reply's comment (and so its
register entry and the entry's audit record) carries the review's rating, one star.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from composer.app.container import Services
from composer.domain.posts import PostQuery
from composer.storage.database import (
    NewerSchemaError,
    head_revision,
    make_engine,
    migrate,
    migrations_config,
    open_library,
)
from composer.storage.models import Base, include_name
from tests.helpers.paths import FIXTURES

RELEASED = sorted(FIXTURES.glob("library-*.sqlite3"))


def test_upgrade_empty_database_matches_models(tmp_path):
    path = tmp_path / "empty.sqlite3"
    migrate(path)
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"include_name": include_name, "compare_type": True}
            )
            assert compare_metadata(context, Base.metadata) == []
            assert context.get_current_revision() == head_revision()
            names = {
                row[0]
                for row in connection.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')"
                )
            }
    finally:
        engine.dispose()
    assert {"posts_fts", "posts_fts_insert", "audit_log_no_update"} <= names


def test_there_is_a_fixture_for_the_first_schema():
    assert [p.name for p in RELEASED][:1] == ["library-0001.sqlite3"]


@pytest.mark.parametrize("fixture", RELEASED, ids=[p.stem for p in RELEASED])
def test_released_library_opens_and_keeps_everything(tmp_path, fixture, monkeypatch):
    # In New York: older libraries' wall times are read there (0007), and the 0007 fixture
    # was planned there, so every one shows the same wall times.
    monkeypatch.setenv("TZ", "America/New_York")
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(fixture, data / "library.sqlite3")
    with Services.open(data, engine_loader=lambda: None) as services:
        assert (data / "library.audit-head").exists()  # anchored on first open
        report = services.database.report
        assert report.moved_aside is None
        if fixture.stem != f"library-{head_revision()}":
            assert report.pre_migration_backup is not None
        assert services.database.integrity_check() == "ok"
        assert services.audit.verify().ok
        assert services.library.profile().name == "Sam Ortiz"
        assert services.library.setting("editor") == {"font_size": 13}
        [account] = services.account_repository.list()
        assert (account.platform, account.handle) == ("linkedin", "samortiz")

        live = services.history.page(PostQuery())
        assert {p.status for p in live} == {"exported", "draft", "archived"}
        exported = next(p for p in live if p.status == "exported")
        assert exported.variants["linkedin"].startswith("Storm season: a kit")
        assert [p.id for p in services.history.page(PostQuery(search="cafe"))] != []
        assert len(services.history.page(PostQuery(deleted=True))) == 1
        snapshot = services.approval.approved_snapshot(exported.id)
        assert set(snapshot.texts) == {"facebook", "linkedin"}
        voided = services.approval.approvals(
            next(p for p in live if p.link.startswith("https://")).id
        )
        assert voided[0].voided_at is not None
        assert list(voided[0].overrides.values()) == ["Carrier-approved rate ad"]
        revisions = services.library.revisions(exported.id)
        if fixture.stem == "library-0001":  # from before images: none anywhere, still fine
            assert exported.attachments == () and snapshot.images == ()
            assert all(r.content.attachments == () for r in revisions)
        else:
            [image] = exported.attachments
            assert (image.format, image.width, image.height) == ("png", 120, 90)
            assert image.alt_text.startswith("A storm kit")
            assert [(i.sha256, i.alt_text) for i in snapshot.images] == [
                (image.sha256, image.alt_text)
            ]
            assert revisions[0].content.attachments == (image,)
        slots = [(slot.label(), slot.platform) for slot in services.planning.slots()]
        rate = next(p for p in live if p.link.startswith("https://"))
        planned = [(e.post_id, f"{e.wall:%Y-%m-%d %H:%M}") for e in services.planning.calendar()]
        if fixture.stem < "library-0004":  # from before planning: no slots, nothing evergreen
            assert slots == [] and planned == []  # (only the post in the bin had a time)
            assert services.evergreen.of(rate.id) is None
        else:
            assert slots == [("mon 08:00", "linkedin"), ("tue 09:30", ""), ("thu 12:00", "")]
            assert planned == [(rate.id, "2026-06-02 09:30")]
            mark = services.evergreen.of(rate.id)
            assert mark is not None and (mark.every_days, mark.times, mark.made) == (90, 4, 0)
        replies = [p for p in live if p.in_reply_to is not None]
        complaints = services.conversations.complaints()
        if fixture.stem < "library-0005":  # from before replies: none, and an empty register
            assert replies == [] and complaints == []
            assert all(r.content.in_reply_to is None for r in revisions)
        else:
            [reply] = replies
            assert reply.in_reply_to.text == "One star. Nobody at this agency calls me back!! 😡"
            assert (reply.in_reply_to.author, reply.in_reply_to.at.hour) == ("Dana R.", 18)
            [entry] = complaints
            assert (entry.post_id, entry.status, entry.note) == (
                reply.id,
                "answered",
                "Called back the same day",
            )
            assert entry.comment == reply.in_reply_to
            rated = fixture.stem >= "library-0010"  # from before ratings: none, as recorded
            assert reply.in_reply_to.rating == (1 if rated else None)


def test_there_is_a_fixture_for_the_images_schema():
    assert "library-0002.sqlite3" in [p.name for p in RELEASED]


def test_there_is_a_fixture_for_the_keyed_audit_schema():
    assert "library-0003.sqlite3" in [p.name for p in RELEASED]


def test_keyed_audit_migration_adds_columns_and_keeps_the_triggers(tmp_path):
    path = tmp_path / "library.sqlite3"
    shutil.copy(RELEASED[1], path)  # 0002
    migrate(path)
    with sqlite3.connect(path) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(audit_log)")}
        export_columns = {row[1] for row in conn.execute("PRAGMA table_info(exports)")}
        triggers = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
        macs = [row[0] for row in conn.execute("SELECT mac FROM audit_log")]
    conn.close()
    assert "mac" in columns and {"audit_seq", "audit_hash"} <= export_columns
    assert {"audit_log_no_update", "audit_log_no_delete"} <= triggers
    assert macs == [None] * 4  # old entries keep their plain hashes
    _downgrade(path, "0002")  # and back
    with sqlite3.connect(path) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(audit_log)")}
        triggers = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
    conn.close()
    assert "mac" not in columns and "audit_log_no_update" in triggers


def test_there_is_a_fixture_for_the_posting_slots_schema():
    assert "library-0004.sqlite3" in [p.name for p in RELEASED]


def test_posting_slots_migration_adds_the_table_and_index_and_goes_back(tmp_path):
    path = tmp_path / "library.sqlite3"
    shutil.copy(FIXTURES / "library-0003.sqlite3", path)
    migrate(path)
    with sqlite3.connect(path) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        slots = conn.execute("SELECT count(*) FROM posting_slots").fetchone()[0]
        plan = " ".join(
            str(row[-1])
            for row in conn.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM posts WHERE deleted_at IS NULL "
                "AND scheduled_at >= '2026-05-01' AND scheduled_at < '2026-06-01'"
            )
        )
    conn.close()
    assert {"posting_slots", "evergreen", "ix_posts_scheduled"} <= tables and slots == 0
    assert "ix_posts_scheduled" in plan  # the calendar reads a range through the index
    _downgrade(path, "0003")
    with sqlite3.connect(path) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert not {"posting_slots", "evergreen", "ix_posts_scheduled"} & tables


def test_there_is_a_fixture_for_the_replies_schema():
    assert "library-0005.sqlite3" in [p.name for p in RELEASED]


def test_replies_migration_adds_tables_and_keeps_the_triggers(tmp_path):
    path = tmp_path / "library.sqlite3"
    shutil.copy(FIXTURES / "library-0004.sqlite3", path)
    migrate(path)
    with sqlite3.connect(path) as conn:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        revision_columns = {row[1] for row in conn.execute("PRAGMA table_info(revisions)")}
        empty = [row[0] for row in conn.execute("SELECT in_reply_to FROM revisions")]
        triggers = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
    conn.close()
    assert {"post_comments", "complaints"} <= tables and "in_reply_to" in revision_columns
    assert empty and set(empty) == {None}  # old revisions answer no comment
    assert {"audit_log_no_update", "audit_log_no_delete", "approval_images_no_update"} <= triggers
    _downgrade(path, "0004")
    with sqlite3.connect(path) as conn:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        revision_columns = {row[1] for row in conn.execute("PRAGMA table_info(revisions)")}
    conn.close()
    assert "complaints" not in tables and "in_reply_to" not in revision_columns


def test_there_is_a_fixture_for_the_record_schema():
    assert "library-0006.sqlite3" in [p.name for p in RELEASED]


def test_record_migration_adds_columns_and_a_table_and_keeps_the_triggers(tmp_path):
    path = tmp_path / "library.sqlite3"
    shutil.copy(FIXTURES / "library-0005.sqlite3", path)
    migrate(path)
    with sqlite3.connect(path) as conn:
        approval_columns = {row[1] for row in conn.execute("PRAGMA table_info(approvals)")}
        post_columns = {row[1] for row in conn.execute("PRAGMA table_info(posts)")}
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        holds = {row[0] for row in conn.execute("SELECT legal_hold FROM posts")}
        rules = {row[0] for row in conn.execute("SELECT rules_sha256 FROM approvals")}
    conn.close()
    assert {
        "rules_version",
        "rules_sha256",
        "rules_packs",
        "review_kind",
        "reviewer",
        "organisation",
        "approval_code",
        "expires_on",
    } <= approval_columns
    assert {"legal_hold", "last_used_at"} <= post_columns
    assert {"publications", "submissions", "audit_log_no_update"} <= tables
    assert "approval_texts_no_update" in tables
    assert holds == {0} and rules == {None}  # no hold, no rules version recorded before
    data = tmp_path / "data"
    data.mkdir()
    shutil.move(path, data / "library.sqlite3")
    with Services.open(data, engine_loader=lambda: None) as services:
        exported = next(p for p in services.history.page(PostQuery()) if p.status == "exported")
        snapshot = services.approval.approved_snapshot(exported.id)
        assert snapshot.rules is None and snapshot.review is None  # read as a self-approval
        assert services.audit.verify().ok
    _downgrade(data / "library.sqlite3", "0005")
    with sqlite3.connect(data / "library.sqlite3") as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        post_columns = {row[1] for row in conn.execute("PRAGMA table_info(posts)")}
    conn.close()
    assert "publications" not in tables and "submissions" not in tables
    assert "legal_hold" not in post_columns
    assert {"audit_log_no_update", "posts_fts_update"} <= tables


def test_the_record_fixture_keeps_its_publication_hold_and_rules_version(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURES / "library-0006.sqlite3", data / "library.sqlite3")
    with Services.open(data, engine_loader=lambda: None) as services:
        exported = next(p for p in services.history.page(PostQuery()) if p.status == "exported")
        [publication] = services.records.publications(exported.id)
        assert (publication.platform, publication.audience, publication.spend) == (
            "linkedin",
            "boosted",
            "25.00",
        )
        assert publication.live_matches is True  # the LinkedIn variant, as approved
        snapshot = services.approval.approved_snapshot(exported.id)
        assert snapshot.rules is not None and len(snapshot.rules.sha256) == 64
        assert any(p.file == "guarantee.toml" for p in snapshot.rules.packs)
        retention = services.records.retention(exported.id)
        assert retention.legal_hold and retention.last_used is not None
        [submission] = services.review.submissions(exported.id)
        assert (submission.submitted_to, submission.state) == (
            "Acme Mutual home office",
            "in-review",
        )
        assert services.audit.verify().ok


def test_there_is_a_fixture_for_the_utc_times_schema():
    assert "library-0007.sqlite3" in [p.name for p in RELEASED]


def _columns(path: Path, table: str) -> list[str]:
    with sqlite3.connect(path) as conn:
        names = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
    conn.close()
    return names


def _times(path: Path, table: str) -> list[tuple[str, str | None]]:
    with sqlite3.connect(path) as conn:
        columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        zone = "scheduled_tz" if "scheduled_tz" in columns else "NULL"
        rows = conn.execute(
            f"SELECT scheduled_at, {zone} FROM {table} WHERE scheduled_at IS NOT NULL ORDER BY id"
        ).fetchall()
    conn.close()
    return rows


def test_times_migration_reads_old_wall_times_in_the_computers_zone(tmp_path):
    path = tmp_path / "library.sqlite3"
    shutil.copy(FIXTURES / "library-0006.sqlite3", path)
    before = _times(path, "posts")
    assert ("2026-05-20 19:00:00.000000", None) in before  # the draft in the bin, local time
    migrate(path, zone=ZoneInfo("America/New_York"))
    after = _times(path, "posts")
    assert ("2026-05-20 23:00:00.000000", "America/New_York") in after  # EDT: UTC-4
    assert len(after) == len(before) and {tz for _, tz in after} == {"America/New_York"}
    assert "scheduled_tz" in dict.fromkeys(_columns(path, "revisions"))
    _downgrade(path, "0006")
    assert _times(path, "posts") == before
    assert "scheduled_tz" not in _columns(path, "posts") + _columns(path, "revisions")


def test_the_times_fixture_set_in_new_york_reads_the_same_instant_in_los_angeles(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURES / "library-0007.sqlite3", data / "library.sqlite3")
    with Services.open(data, engine_loader=lambda: None) as services:
        binned = services.history.page(PostQuery(deleted=True))[0]
        assert binned.scheduled_tz == "America/New_York"
        assert binned.scheduled_at == datetime(2026, 5, 20, 16, 0)  # 19:00 in New York
        entries = services.planning.calendar()
        assert entries and all(e.at.utcoffset() == timedelta(hours=-7) for e in entries)
        assert services.audit.verify().ok


def test_there_is_a_fixture_for_the_retirement_schema():
    assert "library-0009.sqlite3" in [p.name for p in RELEASED]


def test_retirement_migration_adds_the_column_and_goes_back(tmp_path):
    path = tmp_path / "library.sqlite3"
    shutil.copy(FIXTURES / "library-0008.sqlite3", path)
    migrate(path)
    with sqlite3.connect(path) as conn:
        post_columns = {row[1] for row in conn.execute("PRAGMA table_info(posts)")}
        retired = {row[0] for row in conn.execute("SELECT retired_at FROM posts")}
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert "retired_at" in post_columns and retired == {None}
    assert {"audit_log_no_update", "posts_fts_update"} <= tables
    data = tmp_path / "data"
    data.mkdir()
    shutil.move(path, data / "library.sqlite3")
    with Services.open(data, engine_loader=lambda: None) as services:
        live = services.history.page(PostQuery())
        assert "retired" not in services.history.statuses(live).values()
        assert services.audit.verify().ok
    _downgrade(data / "library.sqlite3", "0008")
    with sqlite3.connect(data / "library.sqlite3") as conn:
        post_columns = {row[1] for row in conn.execute("PRAGMA table_info(posts)")}
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert "retired_at" not in post_columns
    assert {"audit_log_no_update", "posts_fts_update"} <= tables


def test_the_retirement_fixture_keeps_its_retired_post(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURES / "library-0009.sqlite3", data / "library.sqlite3")
    with Services.open(data, engine_loader=lambda: None) as services:
        [retired] = services.history.page(PostQuery(workflow=("retired",)))
        assert retired.body.startswith("Spring check-up") and retired.status == "archived"
        assert services.records.retention(retired.id).last_used is not None
        assert "retire" in [e.action for e in services.audit.entries(retired.id)]
        assert services.audit.verify().ok


def test_there_is_a_fixture_for_the_ratings_schema():
    assert "library-0010.sqlite3" in [p.name for p in RELEASED]


def test_ratings_migration_adds_the_columns_keeps_old_records_and_goes_back(tmp_path):
    """0010 (ratings): every comment and complaint of the 0009 library has no rating, its
    audit chain and revisions read back unchanged, a rating can be given, and 0009 comes
    back."""
    path = tmp_path / "library.sqlite3"
    shutil.copy(FIXTURES / "library-0009.sqlite3", path)
    with sqlite3.connect(path) as conn:
        log_before = conn.execute("SELECT seq, hash, data FROM audit_log ORDER BY seq").fetchall()
        revisions_before = conn.execute("SELECT id, in_reply_to FROM revisions").fetchall()
    conn.close()
    migrate(path)
    with sqlite3.connect(path) as conn:
        ratings = {
            row[0]
            for table in ("post_comments", "complaints")
            for row in conn.execute(f"SELECT rating FROM {table}")
        }
        log_after = conn.execute("SELECT seq, hash, data FROM audit_log ORDER BY seq").fetchall()
        revisions_after = conn.execute("SELECT id, in_reply_to FROM revisions").fetchall()
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert "rating" in _columns(path, "post_comments") and "rating" in _columns(path, "complaints")
    assert ratings == {None}
    assert log_after == log_before and revisions_after == revisions_before
    assert {"audit_log_no_update", "posts_fts_update"} <= tables
    data = tmp_path / "data"
    data.mkdir()
    shutil.move(path, data / "library.sqlite3")
    with Services.open(data, engine_loader=lambda: None) as services:
        assert services.audit.verify().ok  # the old chain verifies as it did
        [entry] = services.conversations.complaints()
        reply = services.library.get(entry.post_id)
        assert reply.in_reply_to.rating is None and entry.comment.rating is None
        # The old revisions' comments write back byte for byte as stored (no "rating" key).
        for revision in services.library.revisions(reply.id):
            comment = revision.content.in_reply_to
            if comment is not None:
                assert "rating" not in comment.to_dict()
        services.conversations.flag_reply(reply.id)  # the same words: the same entry
        assert [c.id for c in services.conversations.complaints()] == [entry.id]
        rated = replace(reply.in_reply_to, rating=2)
        services.library.autosave(reply.id, replace(reply.draft, in_reply_to=rated))
        assert services.library.get(reply.id).in_reply_to.rating == 2
        assert services.audit.verify().ok
    _downgrade(data / "library.sqlite3", "0009")
    assert "rating" not in _columns(data / "library.sqlite3", "post_comments")
    assert "rating" not in _columns(data / "library.sqlite3", "complaints")
    with sqlite3.connect(data / "library.sqlite3") as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        kept = conn.execute("SELECT count(*) FROM post_comments").fetchone()[0]
    conn.close()
    assert kept == 1 and {"audit_log_no_update", "posts_fts_update"} <= tables


def test_the_ratings_fixture_keeps_its_rating_in_the_register_and_the_audit_log(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURES / "library-0010.sqlite3", data / "library.sqlite3")
    with Services.open(data, engine_loader=lambda: None) as services:
        [entry] = services.conversations.complaints()
        assert entry.comment.rating == 1
        [logged] = [e for e in services.audit.entries() if e.action == "complaint"]
        assert logged.data["rating"] == 1
        assert services.audit.verify().ok
    with sqlite3.connect(data / "library.sqlite3") as conn:  # a changed rating shows
        conn.execute("UPDATE complaints SET rating = 5")
    conn.close()
    with Services.open(data, engine_loader=lambda: None) as services:
        report = services.audit.verify()
        assert not report.ok and f"rating of complaint {entry.id} was changed" in report.problem


def _downgrade(path: Path, revision: str) -> None:
    from alembic import command

    engine = make_engine(path, foreign_keys=False)
    try:
        with engine.connect() as connection, connection.begin():
            config = migrations_config()
            config.attributes["connection"] = connection
            command.downgrade(config, revision)
    finally:
        engine.dispose()


def test_newer_schema_is_refused_untouched(tmp_path):
    path = tmp_path / "library.sqlite3"
    shutil.copy(RELEASED[0], path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_later'")
    conn.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(NewerSchemaError) as caught:
        open_library(path)
    assert "Please update Composer" in str(caught.value)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_corrupt_database_is_moved_aside_never_overwritten(tmp_path):
    path = tmp_path / "library.sqlite3"
    shutil.copy(RELEASED[0], path)
    damaged = bytearray(path.read_bytes())
    damaged[2048:6144] = b"\xff" * 4096  # wreck some b-tree pages
    path.write_bytes(bytes(damaged))
    db = open_library(path)
    try:
        assert db.report.moved_aside is not None
        assert db.report.moved_aside.read_bytes() == bytes(damaged)
        assert db.report.notices and "damaged" in db.report.notices[0]
        assert db.integrity_check() == "ok"
    finally:
        db.close()


def test_the_named_schema_head_is_the_scripts_head():
    from composer.storage.database import SCHEMA_HEAD, scripts_head

    assert scripts_head() == SCHEMA_HEAD  # a new migration must update SCHEMA_HEAD


def test_opening_an_up_to_date_library_does_not_import_alembic(tmp_path):
    import subprocess
    import sys

    from composer.storage.database import open_library

    open_library(tmp_path / "library.sqlite3").close()  # created and migrated
    code = (
        "import sys; from pathlib import Path; from composer.storage.database import "
        f"open_library; open_library(Path({str(tmp_path / 'library.sqlite3')!r})).close(); "
        "print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_threads_migration_links_no_reply_and_downgrades(tmp_path):
    """0008 (threads): the 0007 library's reply is linked to no post, a link can be made,
    and 0007 comes back."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURES / "library-0007.sqlite3", data / "library.sqlite3")
    with Services.open(data, engine_loader=lambda: None) as services:
        replies = [p for p in services.history.page(PostQuery()) if p.in_reply_to is not None]
        assert replies and all(p.in_reply_to.on_post_id is None for p in replies)
        assert [r.reply_id for r in services.threads.reviews().replies] == sorted(
            p.id for p in replies
        )
        target = next(p for p in services.history.page(PostQuery()) if p.in_reply_to is None)
        reply = replies[0]
        linked = replace(reply.in_reply_to, on_post_id=target.id)
        services.library.autosave(reply.id, replace(reply.draft, in_reply_to=linked))
        assert [r.reply_id for r in services.threads.thread(target.id).replies] == [reply.id]
        [entry] = services.conversations.complaints()
        assert services.threads.thread(target.id).replies[0].complaint_id == entry.id
        assert services.audit.verify().ok
    _downgrade(data / "library.sqlite3", "0007")
    with sqlite3.connect(data / "library.sqlite3") as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(post_comments)")}
        kept = conn.execute("SELECT count(*) FROM post_comments").fetchone()[0]
    conn.close()
    assert "on_post_id" not in columns and kept == len(replies)
