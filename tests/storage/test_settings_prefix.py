"""Settings read by key prefix (the PDF record reads every post's dismissals at once):
`%` and `_` in the prefix are literal, not wildcards."""

from __future__ import annotations


def test_with_prefix_reads_only_keys_starting_with_it_literally(services):
    services.library.update_settings(
        {
            "dismissed:1": ["body|r|free"],
            "dismissed:12": [],
            "dismissedX3": ["not this"],  # '_' or '%' would match this if not escaped
            "profile_x": 1,
        }
    )
    with services.database.read() as tx:
        assert tx.settings.with_prefix("dismissed:") == {
            "dismissed:1": ["body|r|free"],
            "dismissed:12": [],
        }
        assert tx.settings.with_prefix("dismissed_") == {}
        assert tx.settings.with_prefix("%") == {}
