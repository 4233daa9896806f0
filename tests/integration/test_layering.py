"""The layering rules, enforced: who may import Qt widgets, SQLAlchemy and Alembic."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.helpers.paths import REPO

PACKAGE = REPO / "composer"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _area(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0]


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_respects_layering(path: Path) -> None:
    imports = _imports(path)
    area = _area(path)
    if area != "ui":
        widgets = {name for name in imports if name.startswith("PySide6.QtWidgets")}
        assert not widgets, f"only composer/ui may import QtWidgets: {sorted(widgets)}"
    if area != "storage":
        orm = {name for name in imports if name.split(".")[0] in {"sqlalchemy", "alembic"}}
        assert not orm, f"only composer/storage may import sqlalchemy/alembic: {sorted(orm)}"
    if area == "guidelines":
        qt = {name for name in imports if name.startswith("PySide6")}
        assert not qt, f"composer/guidelines must not import Qt: {sorted(qt)}"


def test_layering_check_sees_imports(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("from PySide6.QtWidgets import QWidget\nimport sqlalchemy.orm\n")
    assert {"PySide6.QtWidgets", "sqlalchemy.orm"} <= _imports(probe)
