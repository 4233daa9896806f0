"""A credential wrapped so that printing, logging or serialising it reveals nothing."""

from __future__ import annotations

import hmac
from typing import NoReturn

_HIDDEN = "Secret(<hidden>)"


class Secret:
    """Holds a credential; only `reveal()` gives the text back.

    repr, str and f-strings show a placeholder, and pickling/copying is refused, so a
    stray log line, crash report or export cannot carry the value by accident.
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError("a credential must be text")
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return _HIDDEN

    __str__ = __repr__

    def __format__(self, format_spec: str) -> str:
        return _HIDDEN

    def __bool__(self) -> bool:
        return bool(self._value)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Secret):
            return NotImplemented
        return hmac.compare_digest(self._value.encode(), other._value.encode())

    __hash__ = None  # type: ignore[assignment]  # unhashable: mypy cannot express the idiom

    def __reduce_ex__(self, protocol: object) -> NoReturn:
        raise TypeError("a credential cannot be pickled or copied")
