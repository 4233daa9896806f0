"""The colour emoji font the window draws emoji in, registered once per process.

Without it a machine with no emoji font (many Linux desktops) shows emoji as empty boxes,
and Windows and Mac draw them each in their own style; an agent should see a post the way
it looks on any other machine. Composer ships Twemoji as a COLR colour font in
resources/fonts/twemoji/ (made by packaging/make_fonts.py; the font OFL 1.1, the art
CC BY 4.0) and names it to Qt as the application's emoji font, so emoji take it before any
system font, while text keeps the system's. Qt prefers a colour emoji font it knows of even
when a document names another, so a PDF record written from the window draws these emoji
too (as vector shapes); written from the command line, it uses its own monochrome Noto
Emoji, which sits one folder up and is registered only when a PDF is written.
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from PySide6.QtGui import QFontDatabase

from composer.domain.layout import resources_dir

log = logging.getLogger(__name__)

EMOJI_FONT = Path("fonts") / "twemoji" / "Twemoji.ttf"


def emoji_font_path() -> Path:
    return resources_dir() / EMOJI_FONT


@cache
def register_emoji_font() -> str | None:
    """Add the shipped emoji font and make it Qt's emoji font; its family, or None (logged)
    when the file is missing or Qt cannot read it (emoji then fall back to the system's)."""
    path = emoji_font_path()
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("the emoji font %s could not be loaded; emoji use the system's fonts", path)
        return None
    for family in families:
        QFontDatabase.addApplicationEmojiFontFamily(family)
    return families[0]
