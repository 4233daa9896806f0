"""The scheduler checks on their own: what blocks a Hootsuite or Sprout file, tested on
approved snapshots made in memory (no library, no approvals)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from composer.domain.posts import Approval, content_hash
from composer.export.model import ExportItem
from composer.services.export_checks import MAX_ROWS, ProblemCode, scheduler_problems

START = datetime(2026, 6, 1, 9, 0)
NOW = START - timedelta(days=1)


def items(count: int) -> list[ExportItem]:
    """`count` approved X posts with different texts, an hour apart."""
    made = []
    for n in range(count):
        text = f"Tip {n}: what would you add?"
        approval = Approval(
            id=n + 1,
            post_id=n + 1,
            texts={"x": text},
            hashes={"x": content_hash(text)},
            link="",
            findings=(),
            overrides={},
            approver="Jordan Agent",
            approved_at=datetime(2026, 5, 1, 9, 0, tzinfo=UTC),
        )
        made.append(ExportItem(n + 1, approval, ("x",), scheduled_at=START + timedelta(hours=n)))
    return made


@pytest.mark.parametrize("format", ["hootsuite", "sprout"])
def test_more_rows_than_a_scheduler_takes_block_the_file(format):
    assert MAX_ROWS == 350
    at_most = scheduler_problems(format, items(MAX_ROWS), "x", now=NOW)
    assert at_most == []
    over = scheduler_problems(format, items(MAX_ROWS + 1), "x", now=NOW)
    assert [(p.code, p.tool, p.count, p.limit, p.blocking) for p in over] == [
        (ProblemCode.TOO_MANY_POSTS, format, 351, 350, True)
    ]
