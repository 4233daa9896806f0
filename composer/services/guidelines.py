"""Checking posts: the engine with the agent's custom packs, profile and dictionary.

Shared by the window and the command line so both check with exactly the same rules.
`GuidelineService` owns the engine: it builds it (once, on first use), reloads it, and
holds the user's dictionary; approval and the window's live checks ask it for the current
engine rather than keeping one of their own, so after a reload every check uses the new
rules.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from composer.domain.conversations import CommentReading
from composer.domain.files import read_text
from composer.domain.findings import CheckResult
from composer.domain.history import HistoryItem
from composer.domain.layout import user_dictionary_path, user_rules_dir
from composer.domain.profile import Profile
from composer.guidelines.inputs import CheckInput

if TYPE_CHECKING:  # the engine is imported when first built: library commands never need it
    from composer.domain.record import PackHash, RulesVersion
    from composer.guidelines.builtin.spelling import SpellingCheck
    from composer.guidelines.engine import Engine
    from composer.guidelines.packs import LoadError


class ProfileFileError(ValueError):
    """A profile file that cannot be used; the message says why in plain words."""


def load_profile_file(path: str | Path) -> Profile:
    import tomllib  # only for `--profile FILE`: the parser costs a plain check milliseconds

    path = Path(path)
    try:
        data = tomllib.loads(read_text(path))
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
    from composer.guidelines.engine import Engine

    return Engine.load(
        [user_rules_dir(data_dir), *extra_rule_dirs],
        user_dictionary=user_dictionary_path(data_dir),
    )


class GuidelineService:
    """The one owner of the guideline engine, plus where a check's profile and history
    come from.

    The engine is given, or built by `loader` on first use (so commands that never check
    stay fast) and rebuilt by `reload()`. `profile` fixes the profile (e.g. `--profile
    FILE`); otherwise `profile_source` is asked at each check, so an edited profile applies
    at once. `with_profile()` makes a view with its own profile that shares this engine.
    """

    def __init__(
        self,
        engine: Engine | None = None,
        profile: Profile | None = None,
        history: Callable[[], Sequence[HistoryItem]] | None = None,
        profile_source: Callable[[], Profile | None] | None = None,
        *,
        loader: Callable[[], Engine] | None = None,
        user_dictionary: Path | None = None,
        custom_rules: Sequence[Path] = (),
    ) -> None:
        """`custom_rules` are the folders of the agent's own packs the loader reads (for
        `rules_version`; the shipped packs are always counted)."""
        if engine is None and loader is None:
            raise ValueError("a GuidelineService needs an engine or a way to load one")
        self._engine = engine
        self._loader = loader
        self._lock = threading.Lock()
        self._owner: GuidelineService | None = None
        self.profile = profile
        self.user_dictionary = user_dictionary
        self._history = history
        self._profile_source = profile_source
        self._custom_rules = tuple(custom_rules)
        self._rules: RulesVersion | None = None
        self._packs: tuple[PackHash, ...] | None = None  # read when the engine was built

    @classmethod
    def open(
        cls,
        data_dir: str | Path,
        extra_rule_dirs: Sequence[Path] = (),
        profile_file: str | Path | None = None,
        profile: Profile | None = None,
        history: Callable[[], Sequence[HistoryItem]] | None = None,
    ) -> GuidelineService:
        """The service over the packs and dictionary of `data_dir` (built on first use)."""
        base = Path(data_dir)
        if profile_file is not None:
            profile = load_profile_file(profile_file)
        return cls(
            profile=profile,
            history=history,
            loader=lambda: build_engine(base, extra_rule_dirs),
            user_dictionary=user_dictionary_path(base),
            custom_rules=(user_rules_dir(base), *extra_rule_dirs),
        )

    # -- the engine -----------------------------------------------------------------------

    @property
    def engine(self) -> Engine:
        """The current engine, built now if this is the first time it is needed."""
        if self._owner is not None:
            return self._owner.engine
        engine = self._engine
        if engine is None:
            with self._lock:
                if self._engine is None:
                    self._engine = self._load()
                engine = self._engine
        return engine

    @property
    def loaded(self) -> bool:
        return (self._owner or self)._engine is not None

    def reload(self) -> Engine:
        """Build the engine afresh from the packs on disk and use it from now on.

        The old engine keeps serving checks until the new one is ready; if building fails
        the exception is raised and the old engine stays."""
        if self._owner is not None:
            return self._owner.reload()
        rules = self._read_rules_version()  # the files as the engine is about to read them
        engine = self._load_engine()
        self.install(engine, rules)
        return engine

    def install(self, engine: Engine, rules: RulesVersion | None = None) -> None:
        """Check with `engine` from now on (one built elsewhere, e.g. by a test); `rules`
        are the packs it was built from (read from disk when next asked if not given)."""
        if self._owner is not None:
            self._owner.install(engine, rules)
            return
        with self._lock:
            self._engine = engine
            self._rules = rules
            self._packs = None

    def _load(self) -> Engine:
        """The first engine (under the lock), with the hashes of the packs it read; the
        rules version is made from them only when an approval asks (reading Composer's
        version costs more than a whole `composer check`)."""
        packs = self._read_pack_hashes()  # the files as the engine is about to read them
        engine = self._load_engine()
        self._packs = packs
        self._rules = None
        return engine

    def _load_engine(self) -> Engine:
        if self._loader is None:
            raise RuntimeError("this GuidelineService was given its engine; it cannot reload")
        return self._loader()

    def rules_version(self) -> RulesVersion:
        """The rule packs in force (shipped and custom), as read when the engine was built."""
        owner = self._owner or self
        if owner._rules is None:
            if owner._packs is not None:
                from composer import __version__
                from composer.guidelines.fingerprint import versioned

                owner._rules = versioned(__version__, owner._packs)
            else:
                owner._rules = owner._read_rules_version()
        return owner._rules

    def _read_pack_hashes(self) -> tuple[PackHash, ...]:
        from composer.domain.layout import shipped_rules_dir
        from composer.guidelines.fingerprint import pack_hashes

        return pack_hashes(shipped_rules_dir(), self._custom_rules)

    def _read_rules_version(self) -> RulesVersion:
        from composer import __version__
        from composer.domain.layout import shipped_rules_dir
        from composer.guidelines.fingerprint import rules_version

        return rules_version(__version__, shipped_rules_dir(), self._custom_rules)

    def with_profile(self, profile: Profile | None) -> GuidelineService:
        """A view checking with `profile` that shares (and reloads) this service's engine."""
        owner = self._owner or self
        view = GuidelineService(
            owner._engine,
            profile,
            self._history,
            self._profile_source,
            loader=owner._loader,
            user_dictionary=owner.user_dictionary,
            custom_rules=owner._custom_rules,
        )
        view._owner = owner
        return view

    # -- the user's dictionary -------------------------------------------------------------

    @property
    def spelling(self) -> SpellingCheck | None:
        """The spelling check: suggestions, and "add to dictionary"."""
        return getattr(self.engine, "spelling", None)

    def ensure_user_dictionary(self) -> None:
        """Make the (empty) dictionary file, so words added to it last beyond this session."""
        owner = self._owner or self
        if owner.user_dictionary is not None:
            owner.user_dictionary.parent.mkdir(parents=True, exist_ok=True)
            owner.user_dictionary.touch(exist_ok=True)

    def add_to_dictionary(self, word: str) -> None:
        """Teach the spelling check one word, for good (raises ValueError for a bad word)."""
        spelling = self.spelling
        if spelling is None:
            raise ValueError("The spelling check is not available.")
        spelling.add_to_user_dictionary(word)

    # -- checking ----------------------------------------------------------------------

    @property
    def load_errors(self) -> list[LoadError]:
        return self.engine.load_errors

    @property
    def load_notices(self) -> list[LoadError]:
        """Rules that replaced another of the same id (loaded; the agent should know)."""
        return list(getattr(self.engine, "load_notices", ()))

    def read_comment(self, text: str, rating: int | None = None) -> CommentReading:
        """What the reply checks read in a comment: a complaint (and why)? personal details?
        `rating` is a review's stars, when the comment has them."""
        reader = getattr(self.engine, "read_comment", None)  # test engines may not read
        if reader is None:
            return CommentReading(False)
        reading: CommentReading = reader(text, rating)
        return reading

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
