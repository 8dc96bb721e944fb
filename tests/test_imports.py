"""The floors of the house: no import runs back up, and modules import in no circle.

Every ``import`` of ``gazetteer/``, ``geoevents/`` and ``maps/`` is parsed,
function-level and ``TYPE_CHECKING`` imports included. A module may import
only from the floors :data:`MAY_IMPORT` lists for its own floor. Module
cycles are searched over the imports that run (``TYPE_CHECKING`` blocks
excluded), each module pointing at the modules it names.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("gazetteer", "geoevents", "maps")

#: Floor of a module: the longest matching prefix wins.
FLOORS = {
    "gazetteer": "gazetteer",
    "geoevents": "core",  # errors, vocabulary, model, dates, filters
    "geoevents.io": "io",
    "geoevents.extract": "extract",
    "geoevents.store": "store",
    "geoevents.ingest": "application",
    "geoevents.evaluation": "application",
    "geoevents.scale": "application",
    "maps": "maps",
    "geoevents.cli": "cli",
    "geoevents.__main__": "cli",
}
_BASE = {"gazetteer", "core"}
#: The floors each floor may import (its own included).
MAY_IMPORT = {
    "gazetteer": {"gazetteer"},
    "core": _BASE,
    "io": _BASE | {"io"},
    "extract": _BASE | {"io", "extract"},
    "store": _BASE | {"io", "store"},
    "application": _BASE | {"io", "extract", "store", "application"},
    "maps": _BASE | {"io", "maps"},
    "cli": _BASE | {"io", "extract", "store", "application", "maps", "cli"},
}


def floor_of(module: str) -> str:
    """The floor of a module name.

    >>> floor_of("geoevents.extract.claims"), floor_of("geoevents.model"), floor_of("maps.style")
    ('extract', 'core', 'maps')
    """
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        floor = FLOORS.get(".".join(parts[:n]))
        if floor is not None:
            return floor
    raise KeyError(module)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    out = {}
    for pkg in PACKAGES:
        for path in sorted((ROOT / pkg).rglob("*.py")):
            if "node_modules" not in path.parts:
                out[_module_name(path)] = path
    return out


MODULES = _modules()


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _targets(module: str, node: ast.Import | ast.ImportFrom, is_package: bool) -> list[str]:
    """Our modules an import statement names (``from pkg import mod`` names ``pkg.mod``)."""
    if isinstance(node, ast.Import):
        names = [a.name for a in node.names]
    else:
        base = node.module or ""
        if node.level:
            anchor = module.split(".")
            anchor = anchor if is_package else anchor[:-1]
            anchor = anchor[: len(anchor) - (node.level - 1)]
            base = ".".join([*anchor, base] if base else anchor)
        names = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
    return [n for n in names if n.split(".")[0] in PACKAGES]


def imports_of(module: str) -> list[tuple[str, int, bool]]:
    """``(imported module, line, runs)`` for every import of ``module``; ``runs`` is False
    inside ``if TYPE_CHECKING:``."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    out: list[tuple[str, int, bool]] = []

    def visit(node: ast.AST, runs: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for sub in child.body:
                    visit_one(sub, False)
                for sub in child.orelse:
                    visit_one(sub, runs)
            else:
                visit_one(child, runs)

    def visit_one(node: ast.AST, runs: bool) -> None:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            out.extend((t, node.lineno, runs) for t in _targets(module, node, is_package))
        visit(node, runs)

    visit(tree, True)
    return out


def test_the_packages_are_found() -> None:
    assert "geoevents.extract.extractor" in MODULES and "gazetteer.geo" in MODULES
    assert "maps" in MODULES


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_import_runs_back_up(module: str) -> None:
    floor = floor_of(module)
    upward = [
        f"{MODULES[module].relative_to(ROOT)}:{line}: {module} ({floor}) imports "
        f"{target} ({floor_of(target)})"
        for target, line, _ in imports_of(module)
        if floor_of(target) not in MAY_IMPORT[floor]
    ]
    assert not upward, "\n".join(upward)


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """A cycle of ``graph`` as a path that returns to its start, or None.

    >>> find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None
    True
    >>> find_cycle({"a": {"b"}, "b": {"a"}})
    ['a', 'b', 'a']
    """
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    stack: list[str] = []

    def walk(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state:
                found = walk(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = walk(node)
            if found:
                return found
    return None


def test_modules_import_in_no_circle() -> None:
    graph = {
        m: {t for t, _, runs in imports_of(m) if runs and t in MODULES and t != m} for m in MODULES
    }
    cycle = find_cycle(graph)
    assert cycle is None, " -> ".join(cycle or ())


def test_the_check_sees_function_level_and_type_checking_imports() -> None:
    """``geoevents map`` imports the map writer inside its function; the store names the
    article type only for type checking."""
    found = imports_of("geoevents.cli.map")
    assert ("maps.eventmap", True) in {(t, runs) for t, _, runs in found}
    assert ("geoevents.io.articles", False) in {
        (t, r) for t, _, r in imports_of("geoevents.store.sql")
    }
