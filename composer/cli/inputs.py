"""Reading user-supplied text for the command line, with plain errors for bad input."""

from __future__ import annotations

import sys
from pathlib import Path

from composer.cli.errors import UsageError
from composer.domain.files import decode_text


def read_text_input(source: str, *, strip_final_newline: bool = True) -> str:
    """Read UTF-8 text from a file or `-` (standard input).

    A byte-order mark is dropped and line endings are kept as they are (CRLF stays two
    characters). The one line break a text editor adds at the very end is dropped so that
    counts match what the agent typed.
    """
    label = "standard input" if source == "-" else source
    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except FileNotFoundError as exc:
        raise UsageError(f"file not found: {source}") from exc
    except IsADirectoryError as exc:
        raise UsageError(f"{source} is a folder, not a file") from exc
    except OSError as exc:
        raise UsageError(f"cannot read {label}: {exc.strerror or exc}") from exc
    try:
        text = decode_text(data)
    except UnicodeDecodeError as exc:
        raise UsageError(
            f"{label} is not valid UTF-8 text (bad byte at position {exc.start}); "
            "save it as UTF-8 and try again"
        ) from exc
    if strip_final_newline:
        if text.endswith("\r\n"):
            text = text[:-2]
        elif text.endswith("\n"):
            text = text[:-1]
    return text
