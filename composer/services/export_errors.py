"""Why an export did not happen: refused, not written, or written but not recorded.

Apart from `composer.services.export` so that the modules it uses (bundles, images) can
raise them too without importing it back.
"""

from __future__ import annotations

from collections.abc import Sequence

from composer.services.library import LibraryError

__all__ = ["ExportError", "ExportNotRecordedError", "ExportRefusedError", "ExportWriteError"]


class ExportError(LibraryError):
    """An export that cannot go ahead; the message is plain and says why."""


class ExportRefusedError(ExportError):
    """The selection or the options cannot make a usable file; nothing was written."""

    def __init__(self, reasons: Sequence[str]) -> None:
        self.reasons = tuple(reasons)
        super().__init__("; ".join(self.reasons))


class ExportWriteError(ExportError):
    """The file could not be written (read-only folder, full disk...); nothing was left."""


class ExportNotRecordedError(ExportError):
    """The file was written but its record could not be (a read-only library...): the
    file was removed again, since an export the audit log does not know must not stay."""
