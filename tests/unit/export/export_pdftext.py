"""Just enough PDF reading to check what Qt's writer put on each page (no pypdf here).

Qt writes each page's text as `<glyph ids> Tj` in Flate-compressed content streams and
gives every font a ToUnicode CMap; mapping the ids back through it recovers the text.
"""

from __future__ import annotations

import re
import zlib

_OBJ = re.compile(rb"(\d+) 0 obj\s*(.*?)endobj", re.S)
_STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.S)
_REF = re.compile(rb"/(\w+) (\d+) 0 R")


def _objects(data: bytes) -> dict[int, tuple[bytes, bytes]]:
    out: dict[int, tuple[bytes, bytes]] = {}
    for match in _OBJ.finditer(data):
        body = match.group(2)
        stream = _STREAM.search(body)
        raw = b""
        if stream:
            raw = stream.group(1)
            if b"FlateDecode" in body[: stream.start()]:
                raw = zlib.decompressobj().decompress(raw)  # the end-of-line is left over
            body = body[: stream.start()]
        out[int(match.group(1))] = (body, raw)
    return out


def _cmap(raw: bytes) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", raw, re.S):
        for lo, hi, rest in re.findall(rb"<(\w+)> <(\w+)> (\[.*?\]|<\w+>)", block):
            start, end = int(lo, 16), int(hi, 16)
            if rest.startswith(b"["):
                for i, code in enumerate(re.findall(rb"<(\w+)>", rest)):
                    mapping[start + i] = bytes.fromhex(code.decode()).decode("utf-16-be")
            else:
                first = int(rest[1:-1], 16)
                for i in range(end - start + 1):
                    mapping[start + i] = chr(first + i)
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", raw, re.S):
        for code, uni in re.findall(rb"<(\w+)> <(\w+)>", block):
            mapping[int(code, 16)] = bytes.fromhex(uni.decode()).decode("utf-16-be")
    return mapping


def page_texts(data: bytes) -> list[str]:
    """The text of each page, in order; runs on new lines are separated by newlines."""
    objects = _objects(data)
    fonts: dict[int, dict[int, str]] = {}
    for number, (body, _raw) in objects.items():
        to_unicode = re.search(rb"/ToUnicode (\d+) 0 R", body)
        if to_unicode:
            fonts[number] = _cmap(objects[int(to_unicode.group(1))][1])
    pages: list[str] = []
    for body, _raw in objects.values():
        if not re.search(rb"/Type /Page\b(?!s)", body):
            continue
        contents = int(re.search(rb"/Contents (\d+) 0 R", body).group(1))  # type: ignore[union-attr]
        resources = int(re.search(rb"/Resources (\d+) 0 R", body).group(1))  # type: ignore[union-attr]
        names = {n.decode(): int(o) for n, o in _REF.findall(objects[resources][0])}
        pages.append(_text(objects[contents][1], names, fonts))
    return pages


def _text(stream: bytes, names: dict[str, int], fonts: dict[int, dict[int, str]]) -> str:
    out: list[str] = []
    cmap: dict[int, str] = {}
    token = re.compile(rb"/(\w+) [\d.]+ Tf|(-?[\d.]+) (-?[\d.]+) Td|<([0-9A-Fa-f]*)> Tj")
    for match in token.finditer(stream):
        if match.group(1):
            cmap = fonts.get(names.get(match.group(1).decode(), -1), {})
        elif match.group(2) is not None:
            if float(match.group(3)) != 0:
                out.append("\n")
        else:
            hexed = match.group(4).decode()
            for i in range(0, len(hexed), 4):
                out.append(cmap.get(int(hexed[i : i + 4], 16), "?"))
    return "".join(out).replace("\t", " ")


def page_count(data: bytes) -> int:
    return len(re.findall(rb"/Type /Page\b(?!s)", data))


def squash(text: str) -> str:
    """Whitespace-insensitive form, since a line may wrap anywhere on the page."""
    return "".join(text.split())
