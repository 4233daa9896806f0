"""Snippets have a kind: post snippets, and reply templates (the shipped ones always offered)."""

from __future__ import annotations

import pytest

from composer.services.snippets import REPLY_TEMPLATES, Snippet, SnippetError, SnippetsService


@pytest.fixture
def snippets(services) -> SnippetsService:
    return SnippetsService(services.library)


def test_shipped_reply_templates_are_offered_for_replies_only(snippets):
    assert [s.name for s in snippets.of_kind("reply")] == [t.name for t in REPLY_TEMPLATES]
    assert all(s.kind == "post" for s in snippets.of_kind("post"))
    assert "Reply: thank you" not in [s.name for s in snippets.of_kind("post")]


def test_an_own_reply_template_keeps_its_kind_and_replaces_a_shipped_one(snippets, services):
    own = Snippet("Reply: thank you", "Thanks so much, {name}!", "reply")
    snippets.save([Snippet("Sign-off", "{name}"), own])
    stored = services.library.setting("snippets")
    assert stored[1] == {
        "name": "Reply: thank you",
        "text": "Thanks so much, {name}!",
        "kind": "reply",
    }
    assert "kind" not in stored[0]  # a post snippet is stored as before
    replies = snippets.of_kind("reply")
    assert replies[0] == own and [s.name for s in replies].count("Reply: thank you") == 1
    assert [s.name for s in snippets.of_kind("post")] == ["Sign-off"]


def test_an_unknown_kind_is_refused(snippets):
    with pytest.raises(SnippetError):
        snippets.save([Snippet("X", "y", "tweet")])  # type: ignore[arg-type]
