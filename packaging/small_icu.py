"""English-only ICU data for the Linux bundle, as Node.js's "small-icu" build ships.

PySide6's Qt Core on Linux links ICU, whose data library (libicudata.so.73) is 32 MB: a
third of the bundle, mostly collation, names and dictionaries for hundreds of languages,
and legacy code pages. Qt uses ICU for collation, case mapping and legacy text codecs;
Composer is in English. Here the data package inside the library is rewritten keeping the
core tables and the root and English locales (about 4 MB), and linked into a new library
with the same name and symbol. ICU falls back to the root locale for anything left out,
as it does for any locale it lacks. Windows and macOS builds of Qt carry no ICU of their
own, so this is Linux only. Without a C compiler the full library is kept, with a warning.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

# Locale-specific items ("de_CH.res", "coll/zh.res"): kept only for these locales.
_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*$")
_KEPT_LOCALES = re.compile(r"^(root|en|en_[A-Za-z0-9_]*|res_index)$")
# Single-byte Western code pages stay (windows-125x, ISO 8859, Mac Roman, DOS Latin), so Qt
# still decodes e.g. pasted windows-1252 HTML; the East Asian and EBCDIC tables (5 MB) go.
_KEPT_CONVERTERS = re.compile(
    r"^(ibm-(5346|5347|5348|5349|5350|5351|5352|5353|5354|912|913|914|915|920|923|437|850)"
    r"_P\d+-\d+|macos-0_2-10\.2)\.cnv$"
)
# Whole kinds of item nothing in Composer asks ICU for.
_DROPPED = (
    re.compile(r"\.cnv$"),  # other code pages (Python reads and writes the files)
    re.compile(r"\.spp$"),  # StringPrep profiles
    re.compile(r"^translit/"),  # transliteration rules
    re.compile(r"^brkitr/.*\.dict$"),  # word dictionaries for CJK, Thai, Lao, Khmer, Burmese
    re.compile(r"^(confusables\.cfu|unames\.icu)$"),  # spoof checks, character names
)


def keep_item(name: str) -> bool:
    """Whether an item ("icudt73l/coll/root.res") stays in the English-only data."""
    path = name.split("/", 1)[1] if "/" in name else name
    if _KEPT_CONVERTERS.match(path):
        return True
    if any(pattern.search(path) for pattern in _DROPPED):
        return False
    stem = path.rsplit("/", 1)[-1]
    if stem.endswith(".res"):
        stem = stem[: -len(".res")]
        if _LOCALE.match(stem):
            return bool(_KEPT_LOCALES.match(stem))
    return True


def filter_common_data(blob: bytes) -> tuple[bytes, int, int]:
    """Rewrite an ICU common-data package ("CmnD") keeping `keep_item` items.

    Layout: a header of `headerSize` bytes, then the table of contents: a count and
    (name offset, data offset) pairs, both relative to the table, then the names, then
    the items, each starting on a 16-byte boundary. Item order (sorted by name, which ICU
    searches in binary) is kept. Returns the new blob and the item counts before and after.
    """
    header_size = struct.unpack_from("<H", blob, 0)[0]
    if blob[2:4] != b"\xda\x27" or blob[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    toc = header_size
    count = struct.unpack_from("<I", blob, toc)[0]
    offsets = [struct.unpack_from("<II", blob, toc + 4 + 8 * i) for i in range(count)]
    items: list[tuple[bytes, bytes]] = []
    for index, (name_offset, data_offset) in enumerate(offsets):
        name = blob[toc + name_offset : blob.index(b"\0", toc + name_offset)]
        end = offsets[index + 1][1] if index + 1 < count else len(blob) - toc
        if keep_item(name.decode("ascii")):
            items.append((name, blob[toc + data_offset : toc + end]))

    table_size = 4 + 8 * len(items)
    names = b""
    name_offsets = []
    for name, _data in items:
        name_offsets.append(table_size + len(names))
        names += name + b"\0"
    body = names
    position = table_size + len(names)
    data_offsets = []
    chunks = []
    for _name, data in items:
        padding = -(toc + position) % 16
        chunks.append(b"\0" * padding)
        position += padding
        data_offsets.append(position)
        chunks.append(data)
        position += len(data)
    table = struct.pack("<I", len(items)) + b"".join(
        struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets, strict=True)
    )
    new_blob = blob[:header_size] + table + body + b"".join(chunks)
    return new_blob, count, len(items)


# "  1: 0000000000001000 0x1e8bb80 OBJECT  GLOBAL DEFAULT    5 icudt73_dat"
_SYMBOL_LINE = re.compile(
    r"\s([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\S+\s+\d+\s+(icudt\d+_dat)"
)


def _data_symbol(library: Path) -> tuple[str, int, int]:
    """The icudtNN_dat symbol's name, file offset and size (from readelf)."""
    symbols = subprocess.run(
        ["readelf", "-sW", str(library)], check=True, capture_output=True, text=True
    ).stdout
    match = re.search(
        r"\s([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\S+\s+\d+\s+(icudt\d+_dat)", symbols
    )
    if not match:
        raise ValueError(f"no icudt*_dat symbol in {library}")
    address, size, name = int(match.group(1), 16), int(match.group(2), 0), match.group(3)
    sections = subprocess.run(
        ["readelf", "-SW", str(library)], check=True, capture_output=True, text=True
    ).stdout
    rodata = re.search(r"\.rodata\s+PROGBITS\s+([0-9a-f]+)\s+([0-9a-f]+)", sections)
    if not rodata:
        raise ValueError(f"no .rodata section in {library}")
    file_offset = address - int(rodata.group(1), 16) + int(rodata.group(2), 16)
    return name, file_offset, size


def small_icu_library(original: Path, work: Path) -> Path | None:
    """Build an English-only copy of `original` in `work`; None (and why) if not possible."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None or shutil.which("readelf") is None:
        print("small_icu: no C compiler or readelf; keeping ICU's full data (32 MB)")
        return None
    symbol, offset, size = _data_symbol(original)
    with original.open("rb") as file:
        file.seek(offset)
        blob = file.read(size)
    small, before, after = filter_common_data(blob)
    work.mkdir(parents=True, exist_ok=True)
    data_file = work / f"{symbol}.dat"
    data_file.write_bytes(small)
    assembly = work / f"{symbol}.S"
    assembly.write_text(
        "\t.section .rodata\n"
        f"\t.globl {symbol}\n"
        f"\t.type {symbol}, @object\n"
        "\t.balign 16\n"
        f"{symbol}:\n"
        f'\t.incbin "{data_file}"\n'
        f"\t.size {symbol}, . - {symbol}\n"
        '\t.section .note.GNU-stack,"",@progbits\n',
        encoding="ascii",
    )
    library = work / original.name
    subprocess.run(
        [
            compiler,
            "-shared",
            "-nostdlib",
            f"-Wl,-soname,{original.name}",
            "-o",
            str(library),
            str(assembly),
        ],
        check=True,
    )
    print(
        f"small_icu: {original.name} {size / 1e6:.1f} MB -> {len(small) / 1e6:.1f} MB "
        f"({after} of {before} items: core tables, root and English)"
    )
    return library
