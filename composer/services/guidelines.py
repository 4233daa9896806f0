"""Checking posts: the engine with the agent's custom packs, profile and dictionary.

Shared by the window and the command line so both check with exactly the same rules.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from composer.domain.findings import CheckResult
from composer.domain.history import HistoryItem
from composer.domain.profile import Profile
from composer.guidelines.engine import Engine
from composer.guidelines.inputs import CheckInput
from composer.guidelines.packs import LoadError


class ProfileFileError(ValueError):
    """A profile file that cannot be used; the message says why in plain words."""


def load_profile_file(path: str | Path) -> Profile:
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise ProfileFileError(f"profile file not found: {path}") from exc
    except UnicodeDecodeError as exc:
        raise ProfileFileError(f"profile {path} is not valid UTF-8 text") from exc
    except OSError as exc:
        raise ProfileFileError(f"cannot read profile {path}: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ProfileFileError(f"profile {path} is not valid TOML ({exc})") from exc
    try:
        return Profile.from_mapping(data)
    except ValueError as exc:
        raise ProfileFileError(f"profile {path}: {exc}") from exc


def build_engine(data_dir: Path, extra_rule_dirs: Sequence[Path] = ()) -> Engine:
    """The engine with the shipped packs, the user's own pack folder and dictionary."""
    from composer.app import paths

    return Engine.load(
        [paths.user_rules_dir(data_dir), *extra_rule_dirs],
        user_dictionary=paths.user_dictionary_path(data_dir),
    )


class GuidelineService:
    """The engine plus where a check's profile and history come from.

    `profile` fixes the profile (e.g. `--profile FILE`); otherwise `profile_source` is
    asked at each check, so an edited profile applies at once in the window.
    """

    def __init__(
        self,
        engine: Engine,
        profile: Profile | None = None,
        history: Callable[[], Sequence[HistoryItem]] | None = None,
        profile_source: Callable[[], Profile | None] | None = None,
    ) -> None:
        self.engine = engine
        self.profile = profile
        self._history = history
        self._profile_source = profile_source

    @classmethod
    def open(
        cls,
        data_dir: str | Path | None = None,
        extra_rule_dirs: Sequence[Path] = (),
        profile_file: str | Path | None = None,
        profile: Profile | None = None,
        history: Callable[[], Sequence[HistoryItem]] | None = None,
    ) -> GuidelineService:
        from composer.app import paths

        base = paths.data_dir(data_dir)
        if profile_file is not None:
            profile = load_profile_file(profile_file)
        return cls(build_engine(base, extra_rule_dirs), profile, history)

    @property
    def load_errors(self) -> list[LoadError]:
        return self.engine.load_errors

    @property
    def load_notices(self) -> list[LoadError]:
        """Rules that replaced another of the same id (loaded; the agent should know)."""
        return list(getattr(self.engine, "load_notices", ()))

    def check(self, inp: CheckInput) -> CheckResult:
        """Check with the service's profile and history unless the input brings its own."""
        if inp.profile is None:
            profile = self.profile
            if profile is None and self._profile_source is not None:
                profile = self._profile_source()
            if profile is not None:
                inp = replace(inp, profile=profile)
        if not inp.history and self._history is not None:
            inp = replace(inp, history=tuple(self._history()))
        return self.engine.check(inp)
