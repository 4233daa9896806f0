"""Soak: type over 20,000 characters with live checks, autosave and underlines running.

This is how the Python 3.11 crash showed itself (a worker thread emitting into Qt while
the GUI thread typed); the process must survive and the last text must be checked.
"""

from __future__ import annotations

import random

from composer.domain.posts import PostDraft
from tests.helpers.widgets import type_text, wait_checked

PHRASES = (
    "Spring storms are coming 🌧️ so review your homeowners policy. ",
    "We offer the best rates in town! ",
    "Your claim is guaranteed, no questions asked. ",
    "Reach out and recieve a free quote today. ",
    "What would you ask your agent? ",
    "\n",
)
TARGET = 20_000


def test_typing_twenty_thousand_characters_with_live_checks(qtbot, window, services):
    post = services.library.create(PostDraft(body="", platforms=("facebook", "x", "linkedin")))
    assert window.posts.open(post.id)
    editor = window.centre.editor
    editor.setFocus()
    rng = random.Random(5)
    checker = window.checks.checker
    typed = chunks = 0
    while typed < TARGET:
        chunk = "".join(rng.choice(PHRASES) for _ in range(6))
        type_text(qtbot, editor, chunk)
        typed += len(chunk)
        chunks += 1
        if chunks % 20 == 0:  # checks start (and finish) while typing goes on
            runs = checker.runs
            qtbot.waitUntil(lambda runs=runs: checker.runs > runs, timeout=10_000)
    wait_checked(qtbot, window, timeout=20_000)
    text = editor.toPlainText()
    assert len(text) >= TARGET
    assert window.checks.checker.runs > 5
    assert window.checks.result.request.body == text
    assert any(i.finding.rule.startswith("compliance.") for i in window.checks.items)
    window.posts.session.save_now()
    assert services.library.get(post.id).body == text
