"""The package's layers, enforced: no module imports from a layer above its own, and no import circle.

The layers are those of docs/architecture.md. Every import counts, also those inside functions and
under `if TYPE_CHECKING`, so a circle cannot hide behind a lazy import.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "kamerstuk"

#: Lowest first. A module belongs to the first layer one of whose names is a prefix of its dotted name.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("base", ("errors", "optional", "render")),
    ("model", ("models",)),
    ("core", ("tokens", "normalize", "detect", "metadata", "merge", "coverage")),
    ("extract", ("extract",)),
    ("readers", ("readers",)),
    ("assembler", ("assembler",)),
    ("api", ("api",)),
    ("services", ("validation", "archive", "views", "graph")),
    ("entry", ("cli", "dask", "__init__", "__main__")),
]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def _layer(module: str) -> int:
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if module == prefix or module.startswith(prefix + "."):
                return index
    raise AssertionError(f"{module} is in no layer: add it to LAYERS and to docs/architecture.md")


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imports(module: str, path: Path, known: set[str]) -> set[str]:
    """The kamerstuk modules `module` imports (the package `__init__` that every import runs is not counted)."""
    is_package = path.name == "__init__.py"
    package = module.split(".") if is_package else module.split(".")[:-1]
    if module == "__init__":
        package = []
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
            elif node.module and node.module.split(".")[0] == "kamerstuk":
                base = []
                node_module = node.module.split(".", 1)[1] if "." in node.module else ""
                targets = [".".join(filter(None, [node_module, alias.name])) for alias in node.names]
                targets.append(node_module)
            else:
                continue
            if node.level:
                stem = base + (node.module.split(".") if node.module else [])
                targets = [".".join(stem + [alias.name]) for alias in node.names] + [".".join(stem)]
        elif isinstance(node, ast.Import):
            targets = [alias.name.split(".", 1)[1] for alias in node.names if alias.name.startswith("kamerstuk.")]
        found.update(target for target in targets if target in known and target != module)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules) - {"__init__"}
    return {name: _imports(name, path, known) for name, path in modules.items()}


def test_every_module_is_in_a_layer() -> None:
    for module in _modules():
        _layer(module)


@pytest.mark.parametrize("module", sorted(_modules()))
def test_no_import_from_a_layer_above(module: str) -> None:
    own = _layer(module)
    above = sorted(target for target in _graph()[module] if _layer(target) > own)
    assert not above, f"{module} ({LAYERS[own][0]}) imports from above: {above}"


def test_no_import_circle() -> None:
    graph = _graph()
    state: dict[str, int] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                circle = path[path.index(target) :] + [target] if target in path else [module, target]
                raise AssertionError("import circle: " + " -> ".join(circle))
            if target not in state:
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])


def test_the_checker_sees_a_circle_and_an_upward_import(tmp_path: Path) -> None:
    """The checks above would fail on a package that breaks the rules (hand-made two-module package)."""
    (tmp_path / "models.py").write_text("from .api import parse\n")
    (tmp_path / "api.py").write_text("from .models import Document\nfrom kamerstuk.cli import main\n")
    known = {"models", "api", "cli"}
    assert _imports("models", tmp_path / "models.py", known) == {"api"}
    assert _imports("api", tmp_path / "api.py", known) == {"models", "cli"}
    assert _layer("api") > _layer("models")


def test_the_assembler_knows_no_reader() -> None:
    """The assembler works from tokens alone: it imports no reader, though readers sit below it."""
    assert not {target for target in _graph()["assembler"] if target.startswith("readers")}
