"""Make the compact fonts in resources/fonts/ that the PDF record is set in, and the colour
emoji font the window shows emoji in.

Run: uv run --group fonts python packaging/make_fonts.py [--sources DIR]
The fonts are committed, so neither a build nor a fresh clone needs this script; run it
again only to change what the fonts cover. It fetches its sources from package registries
with their ordinary clients (so the bytes are traceable to a named package version):

- Debian `fonts-noto-core` (`apt-get download`): Noto Sans (Latin, Greek, Cyrillic), Noto
  Sans Hebrew, Arabic, Devanagari and Thai.
- Debian `fonts-noto-cjk`: Noto Sans CJK; one face (SC) cut to the characters of the
  national standards' common sets (GB 2312, Big5 level 1, JIS X 0208 level 1 and
  KS X 1001), kana and CJK punctuation. The whole font is 16 MB; a rarer character is
  reported by the export before it writes.
- npm `@expo-google-fonts/noto-emoji` (`npm pack`): Noto Emoji, the monochrome emoji font
  (colour emoji would cost 10 MB and PDF viewers draw bitmap glyphs poorly).
- npm `twemoji-colr-font` (`npm pack`): Twemoji as a COLR (v0) colour font, built with
  Mozilla's twemoji-colr; unpacked from WOFF2 to TrueType (Qt loads TrueType on every
  platform), without hinting or glyph names and at 256 units per em, into `twemoji/` with
  its licence (the font OFL 1.1, the art CC BY 4.0). It sits
  in its own folder so the PDF record, which globs this folder, never picks it up.

Hinting is dropped (the PDF is printed or zoomed, never shown at screen pixel sizes) and
so are tables only screens use. `glyphless.ttf` is made here too: one blank glyph, the font
of the PDF's invisible text layer (see composer/export/pdf_textlayer.py). All are under
the SIL Open Font License 1.1 (OFL.txt beside them); Noto declares no Reserved Font Name,
so the subsets keep their names.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterable
from pathlib import Path

from fontTools import subset
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont
from fontTools.ttLib.scaleUpem import scale_upem

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
DEBIAN = ("fonts-noto-core", "fonts-noto-cjk")
NPM_EMOJI = "@expo-google-fonts/noto-emoji@0.4.7"
NPM_COLOUR_EMOJI = "twemoji-colr-font@15.0.3"
COLOUR_EMOJI = FONTS / "twemoji"
NOTO = "usr/share/fonts/truetype/noto"
CJK_TTC = "usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
CJK_FACE = "Noto Sans CJK SC"

# (output file, source file under NOTO). Bold only for Latin: headings and labels are
# Latin; Qt emboldens the other scripts itself when a post's text is bold (it never is).
WHOLE = (
    ("NotoSans-Regular.ttf", "NotoSans-Regular.ttf"),
    ("NotoSans-Bold.ttf", "NotoSans-Bold.ttf"),
    ("NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Regular.ttf"),
    ("NotoSansArabic-Regular.ttf", "NotoSansArabic-Regular.ttf"),
    ("NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Regular.ttf"),
    ("NotoSansThai-Regular.ttf", "NotoSansThai-Regular.ttf"),
)


def fetch(sources: Path) -> Path:
    """Download and unpack the source packages into `sources` (kept for a second run)."""
    unpacked = sources / "root"
    if not (unpacked / CJK_TTC).is_file():
        subprocess.run(["apt-get", "download", *DEBIAN], cwd=sources, check=True)
        for deb in sorted(sources.glob("*.deb")):
            subprocess.run(["dpkg-deb", "-x", str(deb), str(unpacked)], check=True)
    emoji = sources / "emoji" / "package" / "400Regular" / "NotoEmoji_400Regular.ttf"
    if not emoji.is_file():
        packed = subprocess.run(
            ["npm", "pack", NPM_EMOJI], cwd=sources, check=True, capture_output=True, text=True
        ).stdout.split()[-1]
        with tarfile.open(sources / packed) as tar:
            tar.extractall(sources / "emoji", filter="data")
    if not (sources / "twemoji" / "package" / "twemoji.woff2").is_file():
        packed = subprocess.run(
            ["npm", "pack", NPM_COLOUR_EMOJI],
            cwd=sources,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()[-1]
        with tarfile.open(sources / packed) as tar:
            tar.extractall(sources / "twemoji", filter="data")
    return unpacked


def colour_emoji(sources: Path) -> None:
    """Twemoji as TrueType, with the package's licence beside it. Every glyph and sequence
    stays; hinting and glyph names go, and the outlines move from 512 to 256 units per em
    (a rounding of 1/512 em, invisible at any size the window draws): 115 KB less in the
    installers, whose budget has little room (see tests/packaging/test_bundle.py)."""
    package = sources / "twemoji" / "package"
    font = TTFont(package / "twemoji.woff2")  # WOFF2 needs brotli: fonttools[woff]
    font.flavor = None
    options = _options()
    options.drop_tables += ["FFTM"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=font.getBestCmap().keys(), glyphs=font.getGlyphOrder())
    subsetter.subset(font)
    scale_upem(font, 256)
    COLOUR_EMOJI.mkdir(parents=True, exist_ok=True)
    font.save(COLOUR_EMOJI / "Twemoji.ttf")
    licence = (package / "LICENSE").read_text(encoding="utf-8")
    (COLOUR_EMOJI / "LICENSE.md").write_text(
        f"Twemoji.ttf: {NPM_COLOUR_EMOJI} from npm (Twemoji Mozilla, COLR), unpacked from "
        "WOFF2 to TrueType, without hinting or glyph names and at 256 units per em, by "
        "packaging/make_fonts.py.\n\n" + licence,
        encoding="utf-8",
    )


def _options(**extra: object) -> subset.Options:
    options = subset.Options()
    options.hinting = False
    options.drop_tables += ["DSIG", "gasp", "hdmx", "LTSH", "VDMX", "kern", "vhea", "vmtx"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.layout_features = ["*"]  # shaping (Arabic joining, conjuncts) needs them all
    options.notdef_outline = True
    options.glyph_names = False
    for key, value in extra.items():
        setattr(options, key, value)
    return options


def _save(
    font: TTFont, unicodes: Iterable[int] | None, out: Path, features: list[str] | None = None
) -> None:
    options = _options(**({"layout_features": features} if features is not None else {}))
    subsetter = subset.Subsetter(options)
    if unicodes is None:
        subsetter.populate(unicodes=font.getBestCmap().keys())
    else:
        subsetter.populate(unicodes=sorted(set(unicodes) & set(font.getBestCmap())))
    subsetter.subset(font)
    font.save(out)
    print(f"{out.name}: {out.stat().st_size / 1e6:.2f} MB")


def _decodable(codec: str, leads: range, trails: range) -> set[int]:
    found = set()
    for lead in leads:
        for trail in trails:
            try:
                text = bytes((lead, trail)).decode(codec)
            except UnicodeDecodeError:
                continue
            found.update(ord(c) for c in text)
    return found


def cjk_characters() -> set[int]:
    """The common characters of each CJK standard, from Python's own codecs.

    All of GB 2312 (simplified Chinese), Big5 level 1 (traditional), JIS X 0208 level 1
    (Japanese) and KS X 1001's Hangul (the 2,350 syllables Korean text is nearly all
    written in), with their symbols, kana, jamo and punctuation: 13,000 glyphs, 2.6 MB.
    Every Hangul syllable and the rarer ideographs would be about twice that, past the
    bundle budget.
    """
    chars: set[int] = set()
    chars |= _decodable("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))
    chars |= _decodable("euc_jp", range(0xA1, 0xD0), range(0xA1, 0xFF))  # to level 1's end
    chars |= _decodable("euc_kr", range(0xA1, 0xCA), range(0xA1, 0xFF))  # symbols, Hangul
    chars |= _decodable("big5", range(0xA1, 0xC7), range(0x40, 0xFF))  # level 1 and symbols
    chars |= set(range(0x1100, 0x1200)) | set(range(0x3130, 0x3190))  # jamo
    chars |= set(range(0x3000, 0x3100))  # CJK punctuation, kana
    chars |= set(range(0x31F0, 0x3200)) | set(range(0xFF00, 0xFFF0))  # small kana, full width
    return {c for c in chars if c >= 0x2E80 or 0x1100 <= c < 0x1200}


def glyphless(out: Path) -> None:
    """A font with one blank glyph, for the invisible text layer."""
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder([".notdef", "blank"])
    builder.setupCharacterMap({0x20: "blank"})
    pen = TTGlyphPen(None)
    empty = pen.glyph()
    builder.setupGlyf({".notdef": empty, "blank": empty})
    builder.setupHorizontalMetrics({".notdef": (500, 0), "blank": (500, 0)})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Composer Glyphless", "styleName": "Regular"})
    builder.setupOS2(sTypoAscender=800, sTypoDescender=-200, usWinAscent=800, usWinDescent=200)
    builder.setupPost()
    builder.save(out)
    print(f"{out.name}: {out.stat().st_size} bytes")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, help="keep the downloaded packages here")
    args = parser.parse_args(argv)
    sources = args.sources or Path(tempfile.mkdtemp(prefix="composer-fonts-"))
    sources.mkdir(parents=True, exist_ok=True)
    root = fetch(sources.resolve())
    FONTS.mkdir(parents=True, exist_ok=True)
    for name, source in WHOLE:
        _save(TTFont(root / NOTO / source), None, FONTS / name)
    faces = TTCollection(root / CJK_TTC).fonts
    face = next(f for f in faces if f["name"].getDebugName(1) == CJK_FACE)
    # Only `ccmp`: the other CJK features reach alternate glyphs (other locales' forms,
    # vertical, full and half width) that Qt never asks for here, and would double the size.
    _save(face, cjk_characters(), FONTS / "NotoSansCJKsc-Subset-Regular.otf", ["ccmp"])
    emoji = sources / "emoji" / "package" / "400Regular" / "NotoEmoji_400Regular.ttf"
    _save(TTFont(emoji), None, FONTS / "NotoEmoji-Regular.ttf")
    glyphless(FONTS / "glyphless.ttf")
    colour_emoji(sources)
    licence = (sources / "emoji" / "package" / "LICENSE_FONT").read_text(encoding="utf-8")
    (FONTS / "OFL.txt").write_text(_provenance() + licence, encoding="utf-8")
    return 0


def _provenance() -> str:
    """Which font each file is, with its copyright line, before the licence text."""
    lines = ["The fonts in this folder are subsets (made by packaging/make_fonts.py) of:", ""]
    for path in sorted(FONTS.glob("*.[ot]tf")):
        if path.name != "glyphless.ttf":
            name = TTFont(path)["name"]
            lines.append(
                f"{path.name}: {name.getDebugName(4)}, {name.getDebugName(5)}. "
                f"{name.getDebugName(0)}"
            )
    lines += [
        "",
        "glyphless.ttf is made by packaging/make_fonts.py (one blank glyph).",
        "",
        "All are licensed under the SIL Open Font License, Version 1.1, below.",
        "",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
