"""The ``geoevents`` command run in-process, and a store of the bundled example reports."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from geoevents.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(*args: object) -> Result:
    """``geoevents ARGS...`` through the real click group (arguments turned into text)."""
    return CliRunner().invoke(main, [str(a) for a in args])


def examples_store(folder: Path) -> Path:
    """A GeoPackage store in ``folder`` holding the example reports (``geoevents ingest``)."""
    db = folder / "events.gpkg"
    result = run("ingest", ROOT / "examples", "--db", db)
    assert result.exit_code == 0, result.output
    return db
