"""Durability: a process autosaving in a loop is SIGKILLed; what it reported is there."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from composer.app.container import Services
from composer.domain.posts import PostQuery

CHILD = r"""
import sys
from pathlib import Path
from composer.app.container import Services
from composer.domain.posts import PostDraft

with Services.open(Path(sys.argv[1]), engine_loader=lambda: None) as services:
    n = 0
    while True:
        post = services.library.create(PostDraft(body=f"post {n} edit -1"))
        print(f"{post.id} -1", flush=True)
        for k in range(5):
            services.library.autosave(post.id, PostDraft(body=f"post {n} edit {k}"))
            print(f"{post.id} {k}", flush=True)  # only after the commit returned
        n += 1
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_during_autosave_loses_nothing_reported(tmp_path):
    data = tmp_path / "data"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    reported: list[str] = []
    deadline = time.monotonic() + 60
    assert child.stdout is not None
    while len(reported) < 300 and time.monotonic() < deadline:
        line = child.stdout.readline()
        if not line:
            break
        reported.append(line)
    os.kill(child.pid, signal.SIGKILL)
    rest, err = child.communicate(timeout=30)
    reported.extend(rest.splitlines())
    assert len(reported) >= 300, err

    latest: dict[int, int] = {}
    for line in reported:
        if line.strip():
            post_id, edit = (int(v) for v in line.split())
            latest[post_id] = max(latest.get(post_id, -1), edit)

    with Services.open(data, engine_loader=lambda: None) as services:
        assert services.database.report.moved_aside is None
        assert services.database.integrity_check() == "ok"
        stored = {p.id: p for p in services.history.page(PostQuery(limit=1000))}
        for post_id, edit in latest.items():
            assert post_id in stored, f"post {post_id} was reported saved but is missing"
            saved_edit = int(stored[post_id].body.rsplit(" ", 1)[1])
            assert saved_edit >= edit, f"post {post_id}: edit {edit} reported, {saved_edit} kept"
