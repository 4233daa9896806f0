"""History: full-text search over title, body and variants, and the filters."""

from __future__ import annotations

from datetime import timedelta

import pytest

from composer.domain.posts import PostDraft, PostQuery
from composer.storage.posts import fts_query


@pytest.fixture
def posts(services, clock):
    library = services.library
    made = {
        "flood": library.create(
            PostDraft(body="Flood insurance is separate", platforms=("facebook",), tags=("flood",))
        ),
        "titled": library.create(
            PostDraft(body="Check your policy", title="Hurricane prep", platforms=("linkedin",))
        ),
        "variant": library.create(
            PostDraft(
                body="Winter driving tips",
                platforms=("x", "facebook"),
                variants={"x": "Snow tires save lives"},
            )
        ),
        "accent": library.create(PostDraft(body="Un café with clients", platforms=("threads",))),
    }
    clock.advance(60)
    library.archive(made["accent"].id)
    return made


def ids(services, **query):
    return [p.id for p in services.history.page(PostQuery(**query))]


def test_search_finds_title_body_and_variants(services, posts):
    assert ids(services, search="flood") == [posts["flood"].id]
    assert ids(services, search="hurricane") == [posts["titled"].id]
    assert ids(services, search="snow tires") == [posts["variant"].id]
    assert ids(services, search="cafe") == [posts["accent"].id]  # accents folded
    assert ids(services, search="hurri") == [posts["titled"].id]  # as you type
    assert ids(services, search="nothing-like-this") == []


def test_search_follows_edits(services, posts):
    services.library.autosave(posts["flood"].id, PostDraft(body="Earthquake cover"))
    assert ids(services, search="flood") == []
    assert ids(services, search="earthquake") == [posts["flood"].id]
    services.library.autosave(posts["variant"].id, PostDraft(body="Winter", platforms=("x",)))
    assert ids(services, search="snow") == []


def test_search_survives_odd_input(services, posts):
    for query in ('"', "AND", "title:", "*", "NEAR(", "-x", "a OR"):
        services.history.page(PostQuery(search=query))
    assert fts_query('flood "policy') == '"flood" "policy"*'
    assert fts_query("flood ") == '"flood"'
    assert fts_query("!!") is None


def test_filters(services, posts, clock):
    assert set(ids(services, platform="facebook")) == {posts["flood"].id, posts["variant"].id}
    assert ids(services, statuses=("archived",)) == [posts["accent"].id]
    assert ids(services, tag="flood") == [posts["flood"].id]
    assert ids(services, since=clock.now - timedelta(seconds=1)) == [posts["accent"].id]
    assert posts["accent"].id not in ids(services, until=clock.now - timedelta(seconds=1))
    assert ids(services, search="flood", platform="linkedin") == []
    services.library.delete(posts["flood"].id)
    assert posts["flood"].id not in ids(services)
    assert ids(services, deleted=True) == [posts["flood"].id]


def test_newest_change_first_and_paging(services, posts, clock):
    clock.advance(5)
    services.library.autosave(posts["flood"].id, PostDraft(body="Flood insurance, updated"))
    everything = ids(services, limit=10)
    assert everything[0] == posts["flood"].id
    assert ids(services, limit=2) + ids(services, limit=2, offset=2) == everything
    assert services.history.count(PostQuery()) == 4
