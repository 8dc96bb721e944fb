"""Fault injection: the disk fills up during ingest and export (a real, size-limited tmpfs
mounted for the test; CI runs as root). The command exits 1 with a clear message, the store
stays readable and byte for byte unchanged, and no half-written output is left."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from geoevents.cli import main
from geoevents.store import open_store

from .conftest import FIXTURES, in_ci
from .test_gpkg_store import makiivka


@contextlib.contextmanager
def tmpfs(mnt: Path, size: str) -> Iterator[Path]:
    """A tmpfs of ``size`` mounted at ``mnt`` (root only: skipped elsewhere, fails in CI)."""
    mnt.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mnt)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        reason = f"cannot mount a tmpfs (needs root): {mounted.stderr.strip()}"
        if in_ci():
            pytest.fail(reason)
        pytest.skip(reason)
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=True)


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MiB tmpfs of our own, unmounted afterwards."""
    with tmpfs(tmp_path / "disk", "4m") as mnt:
        yield mnt


def fill(disk: Path) -> None:
    """Take every free byte of ``disk``."""
    with open(disk / "filler", "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\xa5" * 65536)
        except OSError as err:
            assert err.errno == errno.ENOSPC
        try:
            while True:
                fh.write(b"\xa5")
        except OSError as err:
            assert err.errno == errno.ENOSPC


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def store_on(disk: Path) -> tuple[Path, str, list]:
    db = disk / "events.gpkg"
    with open_store(db) as store:
        store.add_reports(makiivka())
    with open_store(db) as store:
        events = store.event_list()
    return db, digest(db), events


def assert_unchanged(db: Path, before: str, events: list) -> None:
    assert digest(db) == before
    assert not (db.parent / f"{db.name}-journal").exists()
    with open_store(db, create=False) as store:
        assert store.event_list() == events


@pytest.mark.slow
def test_ingest_on_a_full_disk_fails_cleanly_and_leaves_the_store_unchanged(
    disk: Path, gazetteer: object
) -> None:
    db, before, events = store_on(disk)
    fill(disk)
    result = CliRunner().invoke(main, ["ingest", str(FIXTURES), "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert "database or disk is full" in result.output
    assert not isinstance(result.exception, OSError) and "Traceback" not in result.output
    assert_unchanged(db, before, events)
    os.unlink(disk / "filler")  # space again: the same ingest now goes through
    again = CliRunner().invoke(main, ["ingest", str(FIXTURES), "--db", str(db)])
    assert again.exit_code == 0 and "3 stored" in again.output, again.output


@pytest.mark.parametrize("suffix", [".geojson", ".gpkg", ".csv"])
def test_export_on_a_full_disk_fails_cleanly_and_leaves_no_output(disk: Path, suffix: str) -> None:
    db, before, events = store_on(disk)
    out = disk / f"out{suffix}"
    fill(disk)
    result = CliRunner().invoke(main, ["export", "--db", str(db), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert "No space left on device" in result.output or "disk is full" in result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in disk.iterdir()) == ["events.gpkg", "filler"]  # no tmp left
    assert_unchanged(db, before, events)
