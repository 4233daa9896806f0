"""CSV safety: RFC 4180 quoting, embedded newlines, formula neutralisation, BOM."""

from __future__ import annotations

import csv
import io

import pytest

from composer.export.csv_safety import csv_bytes, neutralise


def read_back(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize(
    "start",
    ["=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20"],
    ids=["=", "+", "-", "@", "tab", "cr", "fullwidth=", "fullwidth+", "fullwidth-", "fullwidth@"],
)
def test_dangerous_starts_get_an_apostrophe(start):
    cell = f"{start}SUM(A1:A9)"
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize(
    "cell", [" =1+1", '\t=HYPERLINK("x")', "  +1", "\n-2", "\u3000\uff1d1", "\xa0@SUM(A1)"]
)
def test_formulas_after_whitespace_get_an_apostrophe(cell):
    assert neutralise(cell) == "'" + cell
    assert read_back(csv_bytes([[cell]]))[0][0] == "'" + cell


@pytest.mark.parametrize("cell", ["Hello", "", " not a formula", "'quoted", "5 = five", "#tag"])
def test_innocent_cells_are_unchanged(cell):
    assert neutralise(cell) == cell


def test_quoting_commas_quotes_and_newlines_round_trip():
    rows = [["a, b", 'she said "hi"', "line one\nline two\r\nline three", "plain"]]
    data = csv_bytes(rows, header=["h1", "h2", "h3", "h4"])
    assert data.startswith(b"h1,h2,h3,h4\r\n")
    assert b'"a, b","she said ""hi""","line one\nline two\r\nline three",plain\r\n' in data
    assert read_back(data) == [["h1", "h2", "h3", "h4"], *rows]


def test_neutralisation_on_by_default_and_off_on_request():
    rows = [['=HYPERLINK("http://evil")', "@mention hello", "-list", "+1 555"]]
    on = read_back(csv_bytes(rows))
    assert on == [["'" + cell for cell in rows[0]]]
    assert read_back(csv_bytes(rows, neutralise_cells=False)) == rows


def test_bom_only_when_asked_and_utf8_always():
    rows = [["café ☂ 保险"]]
    assert not csv_bytes(rows).startswith(b"\xef\xbb\xbf")
    with_bom = csv_bytes(rows, bom=True)
    assert with_bom.startswith(b"\xef\xbb\xbf")
    assert with_bom[3:].decode("utf-8") == "café ☂ 保险\r\n"
