"""Posts' times in UTC with the zone they were set in (issue 15).

- `posts.scheduled_at` and `revisions.scheduled_at` now hold UTC (naive, so they sort and
  the calendar's index still serves a range); before, they held the agent's local wall time.
- `posts.scheduled_tz` and `revisions.scheduled_tz`: the IANA name of the zone the time was
  set in ("America/New_York"), NULL where there is no time.

The assumption: an older library's wall times were set in the zone of the computer that
opens it for this update (the computer's zone, or the one `open_library` is given). That is
true of every library written before, which kept times as the local wall time of the
computer they were made on, unless the library moved to a computer in another zone before
updating, which Composer cannot tell. A wall time that zone skips (the spring-forward hour,
which only an import could hold) is read as the same clock time after the change.

Downgrade turns the times back into wall time in the zone each was set in.

Plain ADD COLUMNs and UPDATEs of the time columns only: no table is copied, and the search
triggers (which watch title, body and variants) stay quiet.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo

import sqlalchemy as sa
from alembic import op

from composer.domain.planning import (
    local_zone,
    utc_to_wall,
    wall_to_utc,
    zone_name,
    zone_named,
)

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

TABLES = ("posts", "revisions")


def _zone() -> tzinfo:
    """The zone `migrate()` was given, else the computer's."""
    config = op.get_context().config
    zone = config.attributes.get("zone") if config is not None else None
    return zone if isinstance(zone, tzinfo) else local_zone()


Change = Callable[[datetime, str | None], tuple[datetime, str | None]]


def _convert(name: str, change: Change) -> None:
    """Rewrite every set time of table `name` (and its zone) through `change`."""
    table = sa.table(
        name,
        sa.column("id", sa.Integer()),
        sa.column("scheduled_at", sa.DateTime()),
        sa.column("scheduled_tz", sa.String()),
    )
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(table.c.id, table.c.scheduled_at, table.c.scheduled_tz).where(
            table.c.scheduled_at.is_not(None)
        )
    ).all()
    for row in rows:
        at, zone = change(row.scheduled_at, row.scheduled_tz)
        bind.execute(
            sa.update(table).where(table.c.id == row.id).values(scheduled_at=at, scheduled_tz=zone)
        )


def upgrade() -> None:
    zone = _zone()
    name = zone_name(zone)
    for table in TABLES:
        op.add_column(table, sa.Column("scheduled_tz", sa.String(length=64), nullable=True))
        _convert(table, lambda wall, _tz: (wall_to_utc(wall, zone), name))


def downgrade() -> None:
    here = _zone()
    for table in TABLES:
        _convert(table, lambda at, tz: (utc_to_wall(at, zone_named(tz or "") or here), tz))
        # SQLite's own DROP COLUMN (3.35+): a batch copy would drop the tables' triggers.
        op.execute(f"ALTER TABLE {table} DROP COLUMN scheduled_tz")
