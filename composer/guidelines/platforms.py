"""The platforms a post can target, read from `resources/platforms.toml`.

Limits change (Instagram cut hashtags from 30 to 5 in December 2025), so they live in data
that can be updated without touching the checks.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal, cast

from composer.domain.layout import resources_dir
from composer.guidelines.content_cache import a_dict, made

Counting = Literal["weighted_x", "chars", "chars_emoji_utf8"]
COUNTINGS: tuple[Counting, ...] = ("weighted_x", "chars", "chars_emoji_utf8")


@dataclass(frozen=True, slots=True)
class ImageRules:
    """What a platform accepts as images; None means no rule known."""

    min_images: int = 0
    max_images: int | None = None
    formats: tuple[str, ...] = ()
    max_bytes: int | None = None
    aspect_min: float | None = None  # width / height
    aspect_max: float | None = None
    display_width: int | None = None
    alt_text: bool = True
    alt_text_max: int | None = None


@dataclass(frozen=True, slots=True)
class FeedLook:
    """How the feed draws a post, for the window's preview (never used by the checks)."""

    fold_lines: int | None = None  # lines before the "more" link; None: no line fold
    line_chars: int | None = None  # about how many characters one feed line holds
    more: str = "more"  # the "more" link's words
    image_ratios: tuple[float, ...] = (1.91,)  # crops (width / height) a single image gets
    link_card: bool = True
    caption_below: bool = False  # the text under the image, after the name (Instagram)


@dataclass(frozen=True, slots=True)
class Platform:
    name: str
    display_name: str
    limit: int
    counting: Counting
    fold: int | None = None
    max_hashtags: int | None = None
    max_links: int | None = None
    links_clickable: bool = True
    images: ImageRules = ImageRules()
    preview: FeedLook = FeedLook()


class PlatformDataError(ValueError):
    """platforms.toml is missing, unreadable or has a wrong value (message says where)."""


@cache
def default_path() -> Path:
    return resources_dir() / "platforms.toml"


def load_platforms(path: Path | str | None = None) -> dict[str, Platform]:
    """All platforms by name, in file order (read once per path, then cached)."""
    return dict(_load(Path(path) if path is not None else default_path()))


def validate_platforms(names: Iterable[str]) -> tuple[str, ...]:
    """The names as a tuple; ValueError naming the known ones if any is unknown."""
    known = load_platforms()
    cleaned = tuple(names)
    unknown = [name for name in cleaned if name not in known]
    if unknown:
        listed = ", ".join(sorted(known))
        which = ", ".join(f"'{name}'" for name in unknown)
        noun = "platform" if len(unknown) == 1 else "platforms"
        raise ValueError(f"Unknown {noun} {which}. Known platforms: {listed}.")
    return cleaned


def _toml(data: bytes) -> dict[str, Any]:
    import tomllib  # only when the parsed copy is missing: the parser costs milliseconds

    return tomllib.loads(data.decode())


@cache
def _load(path: Path) -> Mapping[str, Platform]:
    try:
        raw = made("toml", path.read_bytes(), _toml, a_dict)
    except OSError as error:
        raise PlatformDataError(
            f"Cannot read the platform list {path}: {error.strerror}."
        ) from error
    except ValueError as error:  # tomllib's TOMLDecodeError, or bytes that are not UTF-8
        raise PlatformDataError(f"The platform list {path} is not valid TOML: {error}.") from error
    platforms: dict[str, Platform] = {}
    for name, table in raw.items():
        if not isinstance(table, dict):
            raise PlatformDataError(f"{path}: '{name}' should be a table like [{name}].")
        try:
            platforms[name] = _platform(name, table)
        except (KeyError, TypeError, ValueError) as error:
            raise PlatformDataError(f"{path}: platform '{name}': {_why(error)}") from error
    return platforms


def _platform(name: str, table: dict[str, Any]) -> Platform:
    counting = table["counting"]
    if counting not in COUNTINGS:
        raise ValueError(f"counting must be one of {', '.join(COUNTINGS)}, not '{counting}'")
    images = dict(table.get("images", {}))
    if "formats" in images:
        images["formats"] = tuple(images["formats"])
    return Platform(
        name=name,
        display_name=_typed(table["display_name"], str, "display_name"),
        limit=_typed(table["limit"], int, "limit"),
        counting=cast(Counting, counting),
        fold=_optional_int(table, "fold"),
        max_hashtags=_optional_int(table, "max_hashtags"),
        max_links=_optional_int(table, "max_links"),
        links_clickable=_typed(table.get("links_clickable", True), bool, "links_clickable"),
        images=ImageRules(**images),
        preview=_feed_look(dict(table.get("preview", {}))),
    )


def _feed_look(table: dict[str, Any]) -> FeedLook:
    ratios = tuple(table.pop("image_ratios", FeedLook().image_ratios))
    if not ratios or not all(isinstance(r, int | float) and r > 0 for r in ratios):
        raise ValueError(f"preview.image_ratios should be positive numbers, not {ratios!r}")
    look = FeedLook(image_ratios=tuple(float(r) for r in ratios), **table)
    for field in ("fold_lines", "line_chars"):
        value = getattr(look, field)
        if value is not None and (not isinstance(value, int) or value < 1):
            raise ValueError(f"preview.{field} should be a whole number above 0, not {value!r}")
    return look


def _typed[T](value: object, kind: type[T], field: str) -> T:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ValueError(f"{field} should be {kind.__name__}, not {value!r}")
    return value


def _optional_int(table: dict[str, Any], field: str) -> int | None:
    value = table.get(field)
    return None if value is None else _typed(value, int, field)


def _why(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"missing {error.args[0]}"
    if isinstance(error, TypeError):
        return f"unknown image or preview rule ({error})"
    return str(error)
