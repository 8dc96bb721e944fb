"""The readers through the commands: what an analyst sees on bad input (issue 14 cases 3-7).

Every bad input is a named error on stderr and exit status 1, never a traceback; the
good inputs around it still go through.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from geoevents.cli import main
from geoevents.io.events import write_events
from tests.support.synthetic import synthetic_events

EVENTS = synthetic_events(6, seed=5)


def run(*args: Any, env: dict[str, str] | None = None) -> Any:
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


def _no_traceback(result: Any) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output


def test_map_of_nan_events_is_refused_not_drawn_empty(tmp_path: Path) -> None:
    src = write_events(EVENTS, tmp_path / "events.geojson")
    doc = json.loads(src.read_text(encoding="utf-8"))
    for feat in doc["features"]:
        feat["geometry"]["coordinates"] = [float("nan"), float("nan")]
    src.write_text(json.dumps(doc), encoding="utf-8")
    out = tmp_path / "map.html"
    result = run("map", src, "-o", out)
    _no_traceback(result)
    assert result.exit_code == 1
    assert "wrote a map" not in result.output and not out.exists()
    assert f"{src}: none of its 6 events could be read" in result.output
    assert f"{src}: field lat: feature 5: not a finite number: nan" in result.output


def test_map_keeps_the_good_events_and_files_around_bad_ones(tmp_path: Path) -> None:
    good = write_events(EVENTS[:3], tmp_path / "good.gpkg")
    half = write_events(EVENTS[3:], tmp_path / "half.geojson")
    doc = json.loads(half.read_text(encoding="utf-8"))
    doc["features"][0]["geometry"]["coordinates"] = [30.0, -300]
    doc["features"][1]["properties"] = None
    half.write_text(json.dumps(doc), encoding="utf-8")
    garbage = tmp_path / "garbage.gpkg"
    garbage.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    listed = tmp_path / "list.geojson"
    listed.write_text("[]", encoding="utf-8")
    nocols = tmp_path / "nocols.csv"
    nocols.write_text("lat,lon\n48,37\n", encoding="utf-8")
    out = tmp_path / "map.html"
    result = run("map", good, garbage, half, listed, nocols, "-o", out)
    _no_traceback(result)
    assert result.exit_code == 1
    assert "wrote a map of 4 events" in result.output and "(5 inputs skipped)" in result.output
    for path in (garbage, listed, nocols):
        assert f"error: {path}" in result.output
    assert f"{half}: field lat: feature 0: out of range -90..90: -300" in result.output
    assert f"{half}: field properties: feature 1: " in result.output


def test_correct_csv_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    csv_path = tmp_path / "fixes.csv"
    csv_path.write_bytes("event_id,place\nev-1,Kyiv caf\xe9\n".encode("latin-1"))
    result = run("correct", "--db", tmp_path / "none.gpkg", "--csv", csv_path)
    _no_traceback(result)
    assert result.exit_code == 1
    assert f"{csv_path}: not UTF-8 text: invalid byte 0xe9 at offset 28" in result.output


def test_correct_csv_bad_numbers_are_named_per_line(tmp_path: Path) -> None:
    csv_path = tmp_path / "fixes.csv"
    csv_path.write_text(
        "event_id,lat,lon\nev-1,nan,30\nev-2,-300,30\nev-3,48,inf\n", encoding="utf-8"
    )
    result = run("correct", "--db", tmp_path / "none.gpkg", "--csv", csv_path)
    _no_traceback(result)
    assert result.exit_code == 1
    assert f"{csv_path}:2: field lat: 'nan' is not a finite number in -90..90" in result.output
    assert f"{csv_path}:3: field lat: '-300' is not a finite number in -90..90" in result.output
    assert f"{csv_path}:4: field lon: 'inf' is not a finite number in -180..180" in result.output


def test_non_numeric_lock_timeout_is_a_clear_message(tmp_path: Path) -> None:
    db = tmp_path / "s.gpkg"
    result = run(
        "export", "--db", db, "-o", tmp_path / "e.geojson", env={"GEOEVENTS_LOCK_TIMEOUT": "soon"}
    )
    _no_traceback(result)
    assert result.exit_code == 1
    assert "GEOEVENTS_LOCK_TIMEOUT='soon' is not a number of seconds" in result.output
