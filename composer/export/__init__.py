"""The export file formats: pure functions from approved snapshots to bytes.

Nothing here reads the library or decides what may be exported; `composer.services.export`
does that and hands over `ExportItem`s. Each format lives in its own module, imported only
when used, so the PDF writer (Qt) costs nothing to the CSV and JSON exports.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence

from composer.export.model import ExportItem, RenderOptions

FORMATS: tuple[str, ...] = ("hootsuite", "sprout", "csv", "json", "md", "pdf", "bundle")
SCHEDULERS: tuple[str, ...] = ("hootsuite", "sprout")  # one platform, one account per file
EXTENSIONS: dict[str, str] = {
    "hootsuite": ".csv",
    "sprout": ".csv",
    "csv": ".csv",
    "json": ".json",
    "md": ".md",
    "pdf": ".pdf",
    "bundle": ".zip",  # or a folder: any name without .zip
}
_MODULES: dict[str, str] = {
    "hootsuite": "composer.export.hootsuite",
    "sprout": "composer.export.sprout",
    "csv": "composer.export.csv",
    "json": "composer.export.json",
    "md": "composer.export.markdown",
    "pdf": "composer.export.pdf",
    "bundle": "composer.export.bundle",
}


def render(format: str, items: Sequence[ExportItem], options: RenderOptions) -> bytes:
    """The file's bytes for `items` in `format` (one of FORMATS)."""
    if format not in _MODULES:
        raise ValueError(f"unknown export format {format!r}; choose from: {', '.join(FORMATS)}")
    module = importlib.import_module(_MODULES[format])
    render_module: Callable[[Sequence[ExportItem], RenderOptions], bytes] = module.render
    return render_module(items, options)
