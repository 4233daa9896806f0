"""Typed preferences: one name each, stored as one record; the old keys still count."""

from __future__ import annotations

import pytest

from composer.app.container import Services
from composer.domain.preferences import Preferences
from composer.services.preferences import LEGACY_KEYS, PREFERENCES_KEY, PreferencesService


def test_nothing_chosen_means_the_defaults(services: Services) -> None:
    assert services.preferences.load() == Preferences()
    assert Preferences() == Preferences(theme="system", approver="", default_platforms=())


def test_saved_preferences_come_back(services: Services) -> None:
    chosen = Preferences(theme="dark", approver="R. Lee", default_platforms=("x", "linkedin"))
    services.preferences.save(chosen)
    assert services.preferences.load() == chosen
    assert PreferencesService(services.library).load() == chosen


def test_values_stored_under_the_old_keys_are_read_and_moved(open_services) -> None:
    first = open_services()
    first.library.set_setting("theme", "light")
    first.library.set_setting("approver", "Compliance desk: R. Lee")
    first.library.set_setting("default_platforms", ["facebook", "instagram"])
    first.close()

    services = open_services()
    before = services.preferences.load()
    assert before == Preferences(
        theme="light",
        approver="Compliance desk: R. Lee",
        default_platforms=("facebook", "instagram"),
    )
    services.preferences.update(theme="dark")  # the first save moves the old keys
    stored = services.library.settings([PREFERENCES_KEY, *LEGACY_KEYS.values()])
    assert set(stored) == {PREFERENCES_KEY}
    assert services.preferences.load() == Preferences(
        theme="dark",
        approver="Compliance desk: R. Lee",
        default_platforms=("facebook", "instagram"),
    )


def test_the_record_wins_over_an_old_key_written_later(services: Services) -> None:
    services.preferences.save(Preferences(theme="dark"))
    services.library.set_setting("theme", "light")  # e.g. an older Composer on this library
    services.library.set_setting("approver", "Old Name")
    assert services.preferences.load() == Preferences(theme="dark")


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ({"theme": "purple"}, Preferences()),
        ({"theme": {"dark": True}}, Preferences()),
        ({"approver": 42}, Preferences()),
        ({"default_platforms": "x"}, Preferences()),
        ({"default_platforms": ["x", "myspace", 3, "x"]}, Preferences(default_platforms=("x",))),
        ({"approver": "  J. Agent "}, Preferences(approver="J. Agent")),
    ],
)
def test_unusable_stored_values_fall_back_to_defaults(stored, expected) -> None:
    assert Preferences.from_stored(stored) == expected


def test_approval_signs_with_the_preferred_approver(services: Services) -> None:
    from composer.domain.posts import PostDraft

    services.preferences.update(approver="Compliance desk: R. Lee")
    post = services.library.create(PostDraft(body="Storm kit checklist.", platforms=("x",)))
    assert services.approval.approve(post.id).approver == "Compliance desk: R. Lee"
