"""Why an export did not happen: refused, not written, or written but not recorded.

Apart from `composer.services.export` so that the modules it uses (bundles, images) can
raise them too without importing it back. Each error carries a code and the facts behind
it, not a sentence: the window and the command line word it for their own reader.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from composer.services.export_checks import Problem
from composer.services.library import LibraryError

__all__ = [
    "ExportError",
    "ExportNotRecordedError",
    "ExportRefusedError",
    "ExportTargetExistsError",
    "ExportWriteError",
]


class ExportError(LibraryError):
    """An export that cannot go ahead; `code` says which kind, front ends word it.

    `str()` is for logs and tracebacks: the code and facts, not words for the agent.
    """

    code = "export-failed"

    def __init__(self, *, path: Path | None = None, detail: str = "") -> None:
        self.path = path
        self.detail = detail  # a lower layer's own one-line reason (an OS error...)
        facts = [str(fact) for fact in (path, detail) if fact]
        super().__init__(f"{self.code}: {'; '.join(facts)}" if facts else self.code)


class ExportRefusedError(ExportError):
    """The selection or the options cannot make a usable file; nothing was written.

    `problems` are the blocking problems, each with its own code and facts."""

    code = "refused"

    def __init__(self, problems: Sequence[Problem], *, path: Path | None = None) -> None:
        self.problems = tuple(problems)
        super().__init__(path=path, detail="; ".join(str(p) for p in self.problems))


class ExportTargetExistsError(ExportError, FileExistsError):
    """The file (or bundle folder) exists: overwriting was not asked for or, when
    `replaceable` is False, cannot be (a folder that is not an earlier bundle)."""

    code = "target-exists"

    def __init__(self, *, path: Path, replaceable: bool = True) -> None:
        self.replaceable = replaceable
        super().__init__(path=path, detail="" if replaceable else "not replaceable")


class ExportWriteError(ExportError):
    """The file could not be written (read-only folder, full disk...); nothing was left.

    `detail` is the file layer's one-line reason."""

    code = "write-failed"


class ExportNotRecordedError(ExportError):
    """The file was written but its record could not be (a read-only library...): the
    file was removed again, since an export the audit log does not know must not stay.

    `detail` is the library's own reason, in lower case."""

    code = "not-recorded"
