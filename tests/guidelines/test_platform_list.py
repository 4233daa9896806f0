"""One platform list: the domain's, which the platform data file must match."""

from __future__ import annotations

from composer.domain import accounts, platforms
from composer.guidelines.platforms import load_platforms


def test_the_data_file_lists_the_same_platforms_in_the_same_order() -> None:
    data = load_platforms()
    assert tuple(data) == platforms.PLATFORMS
    assert {name: p.display_name for name, p in data.items()} == dict(platforms.PLATFORM_NAMES)


def test_every_layer_reads_the_one_list() -> None:
    from composer.ui.history import history_model

    assert accounts.PLATFORMS is platforms.PLATFORMS
    assert history_model.PLATFORM_NAMES is platforms.PLATFORM_NAMES
    assert platforms.display_name("linkedin") == "LinkedIn"
    assert platforms.display_name("myspace") == "myspace"
