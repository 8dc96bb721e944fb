"""Writing to a read-only store or folder (issue 14, case 6): a clear message, exit 1, no
traceback, nothing changed. Root ignores permission bits, so the folder is a real tmpfs
remounted read-only (CI runs as root)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from geoevents.cli import main
from geoevents.store import open_store

from .conftest import FIXTURES
from .test_disk_full import digest, tmpfs
from .test_gpkg_store import makiivka


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Path]:
    """A tmpfs holding a store, remounted read-only for the test."""
    with tmpfs(tmp_path / "ro", "8m") as mnt:
        with open_store(mnt / "events.gpkg") as store:
            store.add_reports(makiivka())
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        yield mnt


def _clean_failure(result) -> None:  # noqa: ANN001 - click Result
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.slow
def test_ingest_into_a_read_only_store_is_a_clear_error(read_only: Path, gazetteer) -> None:
    db = read_only / "events.gpkg"
    before = digest(db)
    result = CliRunner().invoke(main, ["ingest", str(FIXTURES), "--db", str(db)])
    _clean_failure(result)
    assert "read-only" in result.output.lower() or "readonly" in result.output.lower()
    assert digest(db) == before


@pytest.mark.slow
def test_exports_into_a_read_only_folder_are_clear_errors(
    read_only: Path, tmp_path: Path, gazetteer
) -> None:
    db = tmp_path / "events.gpkg"
    with open_store(db) as store:
        store.add_reports(makiivka())
    for name in ("out.geojson", "out.gpkg", "out.csv"):
        out = read_only / name
        result = CliRunner().invoke(main, ["export", "--db", str(db), "-o", str(out)])
        _clean_failure(result)
        assert str(out) in result.output and not out.exists()
    out = read_only / "extracted.geojson"
    result = CliRunner().invoke(main, ["extract", str(FIXTURES), "-o", str(out)])
    _clean_failure(result)
    assert not out.exists()
    html = read_only / "map.html"
    result = CliRunner().invoke(main, ["map", "--db", str(db), "-o", str(html)])
    _clean_failure(result)
    assert not html.exists()
