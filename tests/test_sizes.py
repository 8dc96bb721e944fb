"""Size rules of the house: no file over 600 lines, no function over 80 lines.

Applies to ``gazetteer/``, ``geoevents/`` and ``maps/`` (generated data and
npm packages excluded). Files that do not comply yet are listed in
:data:`EXCEPTIONS` with the reason; their owners empty the list. Nothing in
``geoevents/`` may be on it. The complexity limit (ruff C901, 15) is set in
``ruff.toml`` with the matching per-file exceptions.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("gazetteer", "geoevents", "maps")
MAX_FILE_LINES = 600
MAX_FUNCTION_LINES = 80

#: Files not within the limits yet (path -> why); owners remove their entries.
EXCEPTIONS: dict[str, str] = {}


def _sources() -> list[Path]:
    return sorted(
        p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py") if "node_modules" not in p.parts
    )


def oversize(text: str) -> list[str]:
    """What in a module's source breaks the size rules.

    >>> oversize("def f():\\n" + "    x = 1\\n" * 80)
    ['function f: 81 lines (max 80)']
    >>> oversize("x = 1\\n")
    []
    """
    found = []
    lines = text.count("\n")
    if lines > MAX_FILE_LINES:
        found.append(f"{lines} lines (max {MAX_FILE_LINES})")
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                found.append(f"function {node.name}: {length} lines (max {MAX_FUNCTION_LINES})")
    return found


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(ROOT)))
def test_file_and_functions_are_small(path: Path) -> None:
    rel = path.relative_to(ROOT).as_posix()
    found = oversize(path.read_text(encoding="utf-8"))
    if rel in EXCEPTIONS:
        assert found, f"{rel} complies now: remove it from EXCEPTIONS (and ruff.toml)"
        return
    assert not found, f"{rel}: " + "; ".join(found)


def test_no_exception_in_geoevents() -> None:
    assert not [p for p in EXCEPTIONS if p.startswith("geoevents/")]
    ruff = (ROOT / "ruff.toml").read_text(encoding="utf-8")
    assert '"geoevents/' not in ruff.split("[lint.per-file-ignores]")[-1]
