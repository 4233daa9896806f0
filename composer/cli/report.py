"""The people-facing text report of `composer check`."""

from __future__ import annotations

from composer.cli.words import plural
from composer.domain.findings import CheckResult


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a code-point offset."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def format_text_report(text: str, result: CheckResult) -> str:
    rows: list[tuple[str, str, str, str]] = []
    for finding in result.findings:
        if finding.start is None:
            where = "-"
        else:
            line, column = line_column(text, finding.start)
            where = f"{line}:{column}"
        message = finding.message
        if finding.text:
            message += f'  "{_clip(finding.text)}"'
        if finding.suggestions:
            message += f"  -> {finding.suggestions[0]}"
        rows.append((where, finding.severity, finding.rule, message))
    lines: list[str] = []
    if rows:
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        for row in rows:
            cells = [row[i].ljust(widths[i]) for i in range(3)]
            lines.append("  ".join([*cells, row[3]]))
    else:
        lines.append("No findings.")
    counts = "  ".join(
        f"{name} {count.length}/{count.limit}" for name, count in result.platforms.items()
    )
    summary = result.summary
    lines.append("")
    lines.append(
        ", ".join(plural(summary[kind], kind) for kind in ("error", "warning", "suggestion"))
        + (f"   {counts}" if counts else "")
    )
    return "\n".join(lines) + "\n"


def _clip(text: str, width: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
