"""Reading JSON the agent (or a script) hands us, with one plain error for hostile input.

`json.loads` alone turns a file nested ten thousand deep into a RecursionError and a
5,000-digit number into a ValueError about `sys.set_int_max_str_digits`; both would
reach the user as a traceback. Here they, and text that is not text (a NUL, or a lone
surrogate from an escape like `\\ud800`, which no file can store), become JsonInputError.
"""

from __future__ import annotations

import json
from typing import Any

MAX_INT_DIGITS = 30  # ids and counts; nothing in a post needs more


class JsonInputError(ValueError):
    """The JSON cannot be used; the message is a short phrase without the location."""


class _NumberTooLongError(Exception):
    pass


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise _NumberTooLongError(text)
    return int(text)


def parse_json(text: str) -> Any:
    """`json.loads(text)`, or JsonInputError saying what is wrong (with the line)."""
    try:
        return json.loads(text, parse_int=_bounded_int)
    except json.JSONDecodeError as exc:
        raise JsonInputError(f"not valid JSON at line {exc.lineno}: {exc.msg}") from None
    except RecursionError:
        raise JsonInputError("not usable JSON: it is nested too deeply") from None
    except _NumberTooLongError as exc:
        digits = len(str(exc).lstrip("-"))
        raise JsonInputError(
            f"not usable JSON: a number has {digits:,} digits (at most {MAX_INT_DIGITS})"
        ) from None


def text_problem(value: str) -> str:
    """Empty for ordinary text; else why it cannot be stored (NUL, lone surrogate)."""
    if "\x00" in value:
        return "holds a NUL character, which is not text"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        code = ord(value[exc.start])
        return f"holds a lone surrogate (\\u{code:04x}), which is not a character"
    return ""
