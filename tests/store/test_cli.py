"""The store commands: ingest, export, explain, correct (through the real click group)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from geoevents.cli import main
from geoevents.eventio import read_events
from geoevents.store import open_store

from .conftest import FIXTURES
from .test_gpkg_store import makiivka


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "events.gpkg"
    with open_store(path) as store:
        store.add_reports(makiivka())
    return path


def run(*args: str) -> object:
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.parametrize("suffix", [".geojson", ".gpkg", ".csv", ".parquet"])
def test_export_writes_filtered_events(db: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"out{suffix}"
    result = run("export", "--db", db, "-o", out, "--claimant", "general staff")
    assert result.exit_code == 0, result.output
    assert "wrote 1 events" in result.output
    frame = read_events(out)
    assert list(frame.place_name) == ["Makiivka"]
    assert sorted(c["killed"]["low"] for c in frame.claims.iloc[0]) == [63, 89, 400]
    assert len(frame.sources.iloc[0]) == 3


def test_export_without_filters_and_missing_store(db: Path, tmp_path: Path) -> None:
    result = run("export", "--db", db, "-o", tmp_path / "all.geojson")
    assert result.exit_code == 0 and "wrote 2 events" in result.output
    result = run("export", "--db", tmp_path / "nope.gpkg", "-o", tmp_path / "x.geojson")
    assert result.exit_code == 1 and "no such store" in result.output
    assert not (tmp_path / "nope.gpkg").exists()


def test_explain_command(db: Path) -> None:
    with open_store(db) as store:
        mk = next(e.id for e in store.event_list() if e.place_name == "Makiivka")
    result = run("explain", mk, "--db", db)
    assert result.exit_code == 0
    assert result.output.count("member re-") == 3 and "merged with re-" in result.output
    result = run("explain", "ev-0000", "--db", db)
    assert result.exit_code == 1 and "no event ev-0000" in result.output


def test_correct_command_and_csv(db: Path, tmp_path: Path) -> None:
    with open_store(db) as store:
        ids = {e.place_name: e.id for e in store.event_list()}
    result = run(
        "correct",
        ids["Kyiv"],
        "--db",
        db,
        "--lat",
        "50.4",
        "--lon",
        "30.6",
        "--type",
        "air_drone_strike",
        "--note",
        "checked footage",
    )
    assert result.exit_code == 0, result.output
    assert f"corrected {ids['Kyiv']}: air_drone_strike" in result.output
    csv = tmp_path / "fix.csv"
    csv.write_text(
        "event_id,place,lat,lon,event_type,date,note\n"
        f"{ids['Makiivka']},,,,,2023-01-02,dated by the ministry\n"
        f"{ids['Makiivka']},,,,bombing,,\n"
        "ev-unknown,,,,,2023-01-01,\n"
        f"{ids['Makiivka']},,north,,,,\n",
        encoding="utf-8",
    )
    result = run("correct", "--csv", csv, "--db", db)
    assert result.exit_code == 1
    assert f"corrected {ids['Makiivka']}" in result.output
    assert "unknown event type 'bombing'" in result.output
    assert "ev-unknown: no such event" in result.output
    assert f"{csv}:5: field lat: not a number" in result.output
    with open_store(db) as store:
        events = {e.id: e for e in store.event_list()}
        assert store.counts()["corrections"] == 2
    assert events[ids["Makiivka"]].date == "2023-01-02" and events[ids["Makiivka"]].corrected
    assert events[ids["Kyiv"]].event_type == "air_drone_strike"
    out = tmp_path / "c.geojson"
    assert run("export", "--db", db, "-o", out).exit_code == 0
    assert read_events(out).corrected.all()


@pytest.mark.parametrize(
    "args",
    [
        ["correct", "--lat", "1"],
        ["correct", "ev-1"],
        ["correct", "ev-1", "--lat", "50"],
        ["correct", "ev-1", "--csv", "x.csv"],
        ["correct", "ev-1", "--detach", "re-1", "--date", "2023-01-01"],
    ],
)
def test_correct_usage_errors(db: Path, args: list[str]) -> None:
    result = run(*args, "--db", db)
    assert result.exit_code == 2


def test_ingest_command_twice(tmp_path: Path, gazetteer: object) -> None:
    db = tmp_path / "e.gpkg"
    first = run("ingest", FIXTURES, "--db", db)
    assert first.exit_code == 0, first.output
    assert "read 3 articles: 3 stored" in first.output and "-> 1 fused events" in first.output
    again = run("ingest", FIXTURES, "--db", db)
    assert again.exit_code == 0
    assert "0 stored, 3 already stored" in again.output


def test_correct_detach_command(db: Path) -> None:
    with open_store(db) as store:
        mk = next(e.id for e in store.event_list() if e.place_name == "Makiivka")
    lines = run("explain", mk, "--db", db).output.splitlines()
    member = next(ln.split()[1].rstrip(":") for ln in lines if "merged with re-" in ln)
    member_line = next(i for i, ln in enumerate(lines) if "merged with re-" in ln) - 1
    member = lines[member_line].split()[1].rstrip(":")
    result = run("correct", mk, "--detach", member, "--db", db, "--note", "separate strike")
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        assert len(store.event_list()) == 3
    result = run("correct", mk, "--detach", "re-nope", "--db", db)
    assert result.exit_code == 1 and "is not one of its report events" in result.output
