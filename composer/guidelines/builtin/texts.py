"""The built-in checks' texts, kept in `resources/guidelines/builtin.toml` like every rule's.

Wording changes (or a compliance desk's review of it) then touch data, not code, and every
finding the agent sees is written in one place. Placeholders are `str.format` fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from composer.domain.files import decode_text
from composer.domain.findings import Finding, Severity
from composer.domain.layout import shipped_rules_dir
from composer.guidelines.content_cache import a_dict, made


@dataclass(frozen=True, slots=True)
class BuiltinText:
    severity: Severity
    message: str
    explanation: str
    reference: str

    def finding(
        self, rule: str, category: str, severity: Severity | None = None, /, **fields: Any
    ) -> Finding:
        """A finding with these texts and `fields` filled in.

        `span`, `text` and `suggestions` among the fields go to the finding itself.
        """
        span = fields.pop("span", None)
        text = fields.pop("text", "")
        suggestions = fields.pop("suggestions", ())
        start, end = span if span is not None else (None, None)
        # Its fields in their order, not by name; a text with no braces is its own
        # formatting (most references and many explanations), so it is not formatted.
        return Finding(
            rule,
            category,
            severity or self.severity,
            _filled(self.message, fields),
            _filled(self.explanation, fields),
            _filled(self.reference, fields),
            start,
            end,
            text,
            suggestions,
        )


def _filled(template: str, fields: dict[str, Any]) -> str:
    """`template.format(**fields)`: the same text, unformatted when it has no braces."""
    return template.format(**fields) if "{" in template or "}" in template else template


@cache
def _builtin_toml() -> dict[str, Any]:
    """The shipped `builtin.toml`, parsed once for all the tables below."""
    raw = (shipped_rules_dir() / "builtin.toml").read_bytes()
    return made("toml", raw, lambda data: _toml(decode_text(data)), a_dict)


def _toml(text: str) -> dict[str, Any]:
    import tomllib  # only when the parsed copy is missing: the parser costs milliseconds

    return tomllib.loads(text)


@cache
def builtin_texts() -> dict[str, BuiltinText]:
    """Every built-in check's texts, read once from the shipped `builtin.toml`."""
    data = _builtin_toml()
    return {
        key: BuiltinText(
            severity=table["severity"],
            message=" ".join(table["message"].split()),
            explanation=table["explanation"].strip(),
            reference=table["reference"].strip(),
        )
        for key, table in data["builtin"].items()
    }


def builtin_text(key: str) -> BuiltinText:
    return builtin_texts()[key]


@cache
def reader_needs() -> dict[str, str]:
    """The signal (signals.toml) a post must have before the posts' reader may warn of a
    category: "free" alone, with nothing insured in sight, is not free coverage."""
    return dict(_builtin_toml().get("reader_needs", {}))


@cache
def reader_unless() -> dict[str, str]:
    """The signal (signals.toml) that keeps the posts' reader from warning of a category: a
    guarantee stated with its standard qualification ("backed by the claims-paying ability of
    the insurer") is how a guarantee should be worded, not a promise of returns."""
    return dict(_builtin_toml().get("reader_unless", {}))


@cache
def reader_names() -> dict[str, str]:
    """How the learned reader's warnings name each category ("a gift or reward for
    buying"), kept in `builtin.toml` with the other texts."""
    return dict(_builtin_toml().get("reader_names", {}))
