"""The house keeps its shape: the layers of `composer/`, and the imports that never happen.

The layers, top to bottom (each may import the ones below it, never the ones above):

    cli, app              entry points: parse arguments, wire the container, start the window
    ui                    Qt widgets; talks to services (and reads domain values)
    services              use cases; the only layer that combines the ones below
    guidelines, storage,  the engine, the library database, exports, the keyring and
    export, secrets,      Qt's image and page work; side by side, none imports another
    media                 (but export uses media to typeset the PDF record)
    domain                plain values, errors and tiny file helpers; imports nothing of ours

The never-rules, checked over every `.py` file under `composer/` (a new file is checked as
soon as it exists), counting every import: at module level, inside functions, and inside
`if TYPE_CHECKING:` blocks alike.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "composer"

ENTRY_POINTS = frozenset({"cli", "app", "__init__", "__main__"})
LOWER = frozenset({"guidelines", "storage", "export", "secrets", "media"})
KNOWN_AREAS = ENTRY_POINTS | LOWER | {"ui", "services", "domain"}
# The one use between neighbours: the PDF record is typeset, and its images decoded, by
# media (which needs nothing but domain), so this stays a one-way street.
PEER_USES = frozenset({("export", "media")})

LAYERS = """
cli, app -> ui -> services -> guidelines, storage, export, secrets, media -> domain
"""


@dataclass(frozen=True)
class Import:
    line: int
    name: str  # the fully qualified module, as written (relative ones resolved)
    names: tuple[str, ...] = ()  # what `from name import ...` takes from it

    def candidates(self) -> list[str]:
        """The module, and each `module.name` (`from PySide6 import QtWidgets`)."""
        return [self.name, *(f"{self.name}.{name}" for name in self.names)]


@dataclass(frozen=True)
class Breach:
    path: str
    line: int
    name: str
    rule: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: imports {self.name}: {self.rule}"


def module_name(relative: Path) -> str:
    """`guidelines/engine.py` -> `composer.guidelines.engine` (packages name their folder)."""
    parts = ["composer", *relative.with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(source: str, relative: Path) -> list[Import]:
    """Every import in `source`, wherever it sits, relative ones resolved against the file."""
    tree = ast.parse(source, filename=str(relative))
    package = module_name(relative).split(".")
    if relative.name != "__init__.py":
        package = package[:-1]
    found: list[Import] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(Import(node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            found.append(Import(node.lineno, module, tuple(alias.name for alias in node.names)))
        elif isinstance(node, ast.Call) and _dynamic_import(node):
            found.append(Import(node.lineno, node.args[0].value))  # type: ignore[attr-defined]
    return found


def _dynamic_import(node: ast.Call) -> bool:
    """`importlib.import_module("composer.x")` counts as an import of `composer.x`."""
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return (
        name in {"import_module", "__import__"}
        and bool(node.args)
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    )


def area_of(relative: Path) -> str:
    """The top-level part of `composer/` a file belongs to (`ui`, `services`, ...)."""
    first = relative.parts[0]
    return first.removesuffix(".py") if len(relative.parts) == 1 else first


def _ours(name: str) -> str | None:
    """The area of `composer.<area>...`, or None for someone else's module."""
    parts = name.split(".")
    if parts[0] != "composer":
        return None
    return parts[1] if len(parts) > 1 else "__init__"


def _rules(area: str, name: str) -> str | None:
    """Why `area` may not import `name`, or None when it may."""
    target = _ours(name)
    top = name.split(".")[0]
    if target is not None and target != area:
        if area in LOWER | {"domain"} and target in {"ui", "app", "cli", "services"}:
            return f"{area} never imports ui, app, cli or services"
        if area == "services" and target in {"ui", "cli", "app"}:
            return "services never import ui, cli or app"
        if area in {"ui", "cli"} and target == "storage":
            return f"{area} reaches the library through services, never storage"
        if area == "ui" and target == "cli":
            return "ui never imports cli"
        if area == "domain":
            return "domain imports nothing of ours but domain"
        if area in LOWER and target in LOWER and (area, target) not in PEER_USES:
            return f"{area} and {target} sit side by side: neither imports the other"
    if name.startswith("PySide6"):
        if area == "guidelines":
            return "guidelines import no Qt at all"
        if name.startswith("PySide6.QtWidgets") and area != "ui":
            return "only ui imports QtWidgets"
        if name.startswith("PySide6.QtGui") and area not in {"ui", "media"}:
            return "only ui and media import QtGui"
        if area == "domain":
            return "domain imports no Qt"
    if top in {"sqlalchemy", "alembic"} and area != "storage":
        return "only storage imports sqlalchemy/alembic"
    return None


def check_source(source: str, relative: Path) -> list[Breach]:
    """The breaches in one module's source, `relative` being its path under `composer/`."""
    area = area_of(relative)
    breaches = []
    for item in imports_of(source, relative):
        for name in item.candidates():
            rule = _rules(area, name)
            if rule:
                breaches.append(Breach(relative.as_posix(), item.line, name, rule))
                break
    return breaches


def _modules() -> list[Path]:
    return sorted(path.relative_to(PACKAGE) for path in PACKAGE.rglob("*.py"))


def test_every_module_keeps_to_its_layer() -> None:
    breaches = [
        breach
        for relative in _modules()
        for breach in check_source((PACKAGE / relative).read_text(encoding="utf-8"), relative)
    ]
    assert not breaches, "layering breaches:\n" + "\n".join(map(str, breaches)) + LAYERS


def test_every_module_sits_in_a_known_layer() -> None:
    """A new top-level folder has to be given a place in the layers before it is used."""
    unknown = sorted({area_of(relative) for relative in _modules()} - KNOWN_AREAS)
    assert not unknown, f"composer/ areas with no place in the layers: {unknown}"


def test_the_walk_sees_every_module() -> None:
    """Nothing is skipped: the walk finds the files a plain listing does, new ones too."""
    listed = {p.relative_to(PACKAGE) for p in PACKAGE.glob("**/*.py")}
    assert set(_modules()) == listed
    assert Path("guidelines/engine.py") in listed


# --- the checker checks ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "source", "expected"),
    [
        ("guidelines/new_rule.py", "import composer.storage\n", "composer.storage"),
        ("guidelines/x.py", "def f():\n    from composer.app import paths\n", "composer.app"),
        (
            "storage/x.py",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
            "    from composer.services.library import LibraryService\n",
            "composer.services.library",
        ),
        ("guidelines/builtin/y.py", "from ...app.paths import data_dir\n", "composer.app.paths"),
        ("services/x.py", "from PySide6.QtGui import QImage\n", "PySide6.QtGui"),
        ("services/x.py", "from PySide6 import QtWidgets\n", "PySide6.QtWidgets"),
        ("guidelines/x.py", "import PySide6.QtCore\n", "PySide6.QtCore"),
        ("ui/x.py", "from composer.storage.database import Database\n", "composer.storage"),
        ("cli/x.py", "from composer.storage.errors import StorageError\n", "composer.storage"),
        ("export/x.py", "import sqlalchemy as sa\n", "sqlalchemy"),
        ("services/x.py", "from alembic import command\n", "alembic"),
        ("domain/x.py", "from composer.guidelines import engine\n", "composer.guidelines"),
        ("domain/x.py", "from PySide6.QtCore import QObject\n", "PySide6.QtCore"),
        ("media/x.py", "from composer.services import images\n", "composer.services"),
        ("services/x.py", "import importlib\nimportlib.import_module('composer.ui')\n", "composer"),
        ("services/x.py", "from composer.cli.common import fail\n", "composer.cli"),
        ("media/x.py", "from composer.export import pdf\n", "composer.export"),
        ("guidelines/x.py", "from composer.storage import models\n", "composer.storage"),
        ("export/x.py", "from PySide6.QtGui import QPdfWriter\n", "PySide6.QtGui"),
    ],
)
def test_checker_catches_a_breach(path: str, source: str, expected: str) -> None:
    breaches = check_source(source, Path(path))
    assert breaches, f"{path} doing {source!r} should breach"
    assert any(b.name.startswith(expected) for b in breaches), breaches
    assert all(b.path == path and b.line >= 1 for b in breaches)
    assert path in str(breaches[0]) and str(breaches[0].line) in str(breaches[0])


@pytest.mark.parametrize(
    ("path", "source"),
    [
        ("ui/x.py", "from PySide6.QtWidgets import QWidget\nfrom composer.services import x\n"),
        ("media/x.py", "from PySide6.QtGui import QImage\nfrom composer.domain import files\n"),
        ("storage/x.py", "import sqlalchemy\nfrom alembic import command\n"),
        ("services/x.py", "from composer.storage import database\nfrom composer.media import q\n"),
        ("app/x.py", "from composer.storage.database import open_library\n"),
        ("cli/x.py", "from composer.services.maintenance import MaintenanceService\n"),
        ("domain/x.py", "from composer.domain.files import atomic_write\nfrom . import posts\n"),
        ("guidelines/builtin/z.py", "from ..engine import Engine\nfrom composer.domain import x\n"),
        ("export/x.py", "from composer.media.typeset import typeset\n"),
    ],
)
def test_checker_allows_what_the_layers_allow(path: str, source: str) -> None:
    assert check_source(source, Path(path)) == []


def test_checker_names_file_line_and_import() -> None:
    source = (
        "import os\n\n\ndef later():\n    from composer.ui.shell.main_window import MainWindow\n"
    )
    [breach] = check_source(source, Path("storage/new_file.py"))
    assert (breach.path, breach.line, breach.name) == (
        "storage/new_file.py",
        5,
        "composer.ui.shell.main_window",
    )
    assert str(breach).startswith("storage/new_file.py:5: imports composer.ui.shell.main_window")


def test_checker_catches_a_new_file_on_disk(tmp_path: Path) -> None:
    """A file written into a guidelines folder is walked and caught like any other."""
    root = tmp_path / "composer"
    (root / "guidelines").mkdir(parents=True)
    (root / "guidelines" / "brand_new.py").write_text("import composer.storage\n")
    found = [
        breach
        for path in sorted(root.rglob("*.py"))
        for breach in check_source(path.read_text(), path.relative_to(root))
    ]
    assert [(b.path, b.line, b.name) for b in found] == [
        ("guidelines/brand_new.py", 1, "composer.storage")
    ]


# --- one of each ----------------------------------------------------------------------------
# Shared low-level helpers live once, where every layer may import them; a second copy
# creeping back in (a private atomic write, another Span alias) fails here, naming the file.

ONE_OF_EACH = {
    # what: (where it may be defined, a pattern that defines it)
    "atomic write (os.replace / fsync)": (
        {
            "domain/files.py",
            # SQLite writes the backup's temporary file itself; it is renamed once checked.
            "storage/backup.py",
            # moves a damaged library aside: a rename of an existing file, not a write.
            "storage/library_file.py",
        },
        r"\bos\.(replace|fsync)\(",
    ),
    "UTF-8 with a byte-order mark": ({"domain/files.py"}, r"utf-8-sig|lstrip\(\"\\ufeff\"\)"),
    "Span": ({"guidelines/tokens.py"}, r"^Span\s*=|^class Span\b"),
    "match_case": ({"guidelines/tokens.py"}, r"^def _?match_case\("),
    "LIBRARY_FILE": ({"domain/layout.py"}, r"^LIBRARY_FILE\s*="),
    "the platform list": ({"domain/platforms.py"}, r"^\s*\"threads\"|\"instagram\",\s*\"threads\""),
    "resources_dir": ({"domain/layout.py"}, r"^def resources_dir\("),
}


@pytest.mark.parametrize("what", sorted(ONE_OF_EACH))
def test_one_of_each(what: str) -> None:
    import re

    allowed, pattern = ONE_OF_EACH[what]
    regex = re.compile(pattern, re.MULTILINE)
    found = []
    for relative in _modules():
        text = (PACKAGE / relative).read_text(encoding="utf-8")
        for match in regex.finditer(text):
            if relative.as_posix() not in allowed:
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{relative.as_posix()}:{line}: {match.group(0)!r}")
    assert not found, f"{what} belongs in {sorted(allowed)} only:\n" + "\n".join(found)


# --- no import cycles -----------------------------------------------------------------------
# Counting imports inside functions too: a cycle "broken" by moving an import into a
# function is still a cycle. Imports under `if TYPE_CHECKING:` are for annotations only.


def _runtime_imports(source: str, relative: Path) -> list[Import]:
    tree = ast.parse(source)
    for node in ast.walk(tree):
        for name in ("body", "orelse"):
            body = getattr(node, name, None)
            if isinstance(body, list):
                setattr(node, name, [n for n in body if not _type_checking_block(n)])
    return imports_of(ast.unparse(tree), relative)


def _type_checking_block(node: ast.AST) -> bool:
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and (
        (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
        or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")
    )


def import_graph(sources: dict[Path, str]) -> dict[str, set[str]]:
    """Each module's runtime imports of our own modules (a name resolves to its module)."""
    names = {module_name(relative): relative for relative in sources}

    def resolve(name: str) -> str | None:
        while name and name not in names:
            name = name.rpartition(".")[0]
        return name if name and name != "composer" else None

    graph: dict[str, set[str]] = {}
    for module, relative in names.items():
        targets = {
            resolve(candidate)
            for item in _runtime_imports(sources[relative], relative)
            for candidate in item.candidates()
        }
        graph[module] = {t for t in targets if t is not None and t != module}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, round and round (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_itself_round_a_cycle() -> None:
    sources = {r: (PACKAGE / r).read_text(encoding="utf-8") for r in _modules()}
    found = cycles(import_graph(sources))
    assert not found, "import cycles:\n" + "\n".join(" <-> ".join(group) for group in found)


def test_the_cycle_check_sees_a_cycle_hidden_in_a_function() -> None:
    sources = {
        Path("services/export.py"): "from composer.services.export_bundle import stage\n",
        Path("services/export_bundle.py"): (
            "def stage():\n    from composer.services.export import ExportError\n"
        ),
        Path("services/other.py"): (
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
            "    from composer.services.export import ExportError\n"
        ),
    }
    assert cycles(import_graph(sources)) == [
        ["composer.services.export", "composer.services.export_bundle"]
    ]
