"""Event files that are damaged, hostile or half-bad: named errors, the good events kept
(issue 14 cases 5 and 6, reader side)."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import pytest

from geoevents.errors import InputError
from geoevents.io.events import LAYER, iter_events, load_events, write_events
from geoevents.model import Event
from tests.support.synthetic import synthetic_events

EVENTS = synthetic_events(4, seed=3)


def _split(path: Path) -> tuple[list[Event], list[InputError]]:
    items = list(iter_events(path))
    return (
        [e for e in items if isinstance(e, Event)],
        [e for e in items if isinstance(e, InputError)],
    )


def _geojson(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    path = write_events(EVENTS, tmp_path / "events.geojson")
    return path, json.loads(path.read_text(encoding="utf-8"))


def _dump(path: Path, doc: Any) -> Path:
    # allow_nan: Python writes NaN/Infinity tokens, as a careless tool would
    path.write_text(json.dumps(doc, allow_nan=True), encoding="utf-8")
    return path


# --- case 5: coordinates --------------------------------------------------------------


@pytest.mark.parametrize(
    ("coords", "field", "message"),
    [
        ([float("nan"), 48.0], "lon", "not a finite number: nan"),
        ([30.0, float("inf")], "lat", "not a finite number: inf"),
        ([30.0, -300], "lat", "out of range -90..90: -300"),
        ([181.5, 10], "lon", "out of range -180..180: 181.5"),
        (["30", 48.0], "lon", "not a number: '30'"),
        ([True, 48.0], "lon", "not a number: True"),
        ([30.0], "coordinates", "coordinates must be [lon, lat]"),
    ],
)
def test_bad_coordinates_are_named_and_the_other_events_kept(
    tmp_path: Path, coords: list[Any], field: str, message: str
) -> None:
    path, doc = _geojson(tmp_path)
    doc["features"][1]["geometry"]["coordinates"] = coords
    _dump(path, doc)
    events, errors = _split(path)
    assert [e.id for e in events] == [e.id for i, e in enumerate(EVENTS) if i != 1]
    assert len(errors) == 1
    assert (errors[0].path, errors[0].field) == (str(path), field)
    assert errors[0].message.startswith("feature 1: ") and message in errors[0].message


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".gpkg"])
def test_bad_coordinates_in_tables(tmp_path: Path, suffix: str) -> None:
    path = write_events(EVENTS, tmp_path / f"events{suffix}")
    if suffix == ".csv":
        df = pd.read_csv(path)
        df.loc[0, "lat"] = float("nan")
        df.loc[2, "lat"] = -300
        df.to_csv(path, index=False)
    else:
        read = gpd.read_file if suffix == ".gpkg" else gpd.read_parquet
        frame = read(path)
        frame.loc[2, "geometry"] = gpd.points_from_xy([30.0], [-300.0])[0]
        frame.loc[0, "geometry"] = gpd.points_from_xy([math.inf], [45.0])[0]
        if suffix == ".gpkg":
            frame.to_file(path, layer=LAYER, engine="pyogrio")
        else:
            frame.to_parquet(path)
    events, errors = _split(path)
    assert [e.id for e in events] == [EVENTS[1].id, EVENTS[3].id]
    assert [e.message[:6] for e in errors] == ["row 0:", "row 2:"]
    assert all(e.path == str(path) for e in errors)
    assert "out of range -90..90" in errors[1].message and errors[1].field == "lat"
    if suffix == ".csv":  # the CSV line of the row (header is line 1)
        assert [e.line for e in errors] == [2, 4]


def test_all_bad_events_raise_one_clear_error_after_naming_each(tmp_path: Path) -> None:
    path, doc = _geojson(tmp_path)
    for feat in doc["features"]:
        feat["geometry"]["coordinates"] = [float("nan"), float("nan")]
    _dump(path, doc)
    seen: list[InputError] = []
    with pytest.raises(InputError, match=r"none of its 4 events could be read"):
        load_events(path, on_error=seen.append)
    assert len(seen) == 4 and all(e.field == "lat" for e in seen)
    with pytest.raises(InputError, match=r"feature 0: not a finite number"):
        load_events(path)  # strict: the first error


# --- case 6: damaged files, missing layers and columns, odd JSON shapes -------------


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.gpkg", b"", "cannot read events"),
        ("garbage.gpkg", b"not a geopackage at all\n" * 40, "cannot read events"),
        ("garbage.parquet", b"PAR1 not really", "cannot read events"),
        ("empty.geojson", b"", "not valid JSON"),
        (
            "list.geojson",
            b'[{"type": "Feature"}]',
            "not a GeoJSON FeatureCollection (a top-level list)",
        ),
        ("deep.geojson", b"[" * 100_000, "nested too deeply"),
        ("latin1.csv", "id,lat\ncaf\xe9,1".encode("latin-1"), "not UTF-8 text"),
        ("empty.csv", b"", "No columns to parse"),
        ("nocols.csv", b"lat,lon\n48,37\n", "no id, event_type column(s)"),
        (
            "types.geojson",
            b'{"type": "FeatureCollection", "features": {}}',
            "features must be a list",
        ),
        ("events.txt", b"x", "not an events file: .txt"),
    ],
)
def test_damaged_event_files_are_one_named_error(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    events, errors = _split(path)
    assert not events and len(errors) == 1
    assert errors[0].path == str(path) and message in errors[0].message
    with pytest.raises(InputError, match="^" + str(path).replace(".", r"\.")):
        load_events(path)


def test_truncated_geopackage(tmp_path: Path) -> None:
    path = write_events(EVENTS, tmp_path / "events.gpkg")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    events, errors = _split(path)
    assert not events and len(errors) == 1 and errors[0].path == str(path)


def test_geopackage_without_an_events_layer(tmp_path: Path) -> None:
    path = tmp_path / "other.gpkg"
    frame = gpd.GeoDataFrame({"a": [1]}, geometry=gpd.points_from_xy([30], [50]), crs=4326)
    frame.to_file(path, layer="roads", engine="pyogrio")
    events, errors = _split(path)
    assert not events
    assert str(errors[0]) == f"{path}: no 'events' layer (layers: roads)"


def test_properties_null_and_missing_fields_are_named(tmp_path: Path) -> None:
    path, doc = _geojson(tmp_path)
    doc["features"][0]["properties"] = None
    del doc["features"][2]["properties"]["event_type"]
    doc["features"][3]["properties"]["id"] = 7
    _dump(path, doc)
    events, errors = _split(path)
    assert [e.id for e in events] == [EVENTS[1].id]
    assert [(e.message.split(":")[0], e.field) for e in errors] == [
        ("feature 0", "properties"),
        ("feature 2", "event_type"),
        ("feature 3", "id"),
    ]
    assert "not null" in errors[0].message


def test_a_wrong_value_type_inside_properties_is_named(tmp_path: Path) -> None:
    path, doc = _geojson(tmp_path)
    doc["features"][1]["properties"]["claims"] = [42]
    doc["features"][2]["properties"]["location_precision"] = "high"
    _dump(path, doc)
    events, errors = _split(path)
    assert [e.id for e in events] == [EVENTS[0].id, EVENTS[3].id]
    assert [e.message.split(":")[0] for e in errors] == ["feature 1", "feature 2"]
    assert all("cannot read event" in e.message for e in errors)


def test_event_file_that_is_a_fifo_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    os.mkfifo(path)
    events, errors = _split(path)
    assert not events and "FIFO" in errors[0].message


def test_values_too_deep_to_print_are_still_named(tmp_path: Path) -> None:
    deep: Any = 1
    for _ in range(900):
        deep = [deep]
    path, doc = _geojson(tmp_path)
    doc["features"][0]["geometry"]["coordinates"] = [deep]
    doc["features"][1]["geometry"]["coordinates"] = [deep, 48.0]
    doc["features"][2] = "a string"
    path.write_text(json.dumps(doc), encoding="utf-8")
    events, errors = _split(path)
    assert [e.id for e in events] == [EVENTS[3].id]
    assert [e.field for e in errors] == ["coordinates", "lon", None]
    assert "feature 2: not an object but a str" in str(errors[2])


def test_csv_field_with_a_bare_carriage_return_round_trips(tmp_path: Path) -> None:
    ev = EVENTS[0].with_(place_name="Odesa\rport")
    path = write_events([ev, *EVENTS[1:]], tmp_path / "events.csv")
    assert [e.place_name for e in load_events(path)][0] == "Odesa\rport"
    assert [e.id for e in load_events(path)] == [e.id for e in EVENTS]


def test_a_lone_surrogate_loses_its_feature_only(tmp_path: Path) -> None:
    path, doc = _geojson(tmp_path)
    text = json.dumps(doc).replace(EVENTS[2].id, EVENTS[2].id + "\\ud800", 1)
    path.write_text(text, encoding="utf-8")
    events, errors = _split(path)
    assert [e.id for e in events] == [e.id for i, e in enumerate(EVENTS) if i != 2]
    assert [(e.field, e.message[:28]) for e in errors] == [("id", "feature 2: lone surrogate U+")]


def test_csv_error_lines_count_line_breaks_inside_quoted_fields(tmp_path: Path) -> None:
    evs = [EVENTS[0].with_(place_name="Odesa\nport"), *EVENTS[1:3]]
    path = write_events(evs, tmp_path / "events.csv")
    df = pd.read_csv(path)
    df.loc[1, "lat"] = 95.0
    df.to_csv(path, index=False, lineterminator="\r\n")
    events, errors = _split(path)
    assert [e.id for e in events] == [evs[0].id, evs[2].id]
    assert events[0].place_name == "Odesa\nport"
    assert [(e.line, e.field) for e in errors] == [(4, "lat")]  # row 1 starts on line 4
