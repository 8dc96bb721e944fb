"""Property-based tests of every reader (issue 14): no uncaught exception, every error
names its file, and the good records around a bad one survive.

Each example writes a small real file (articles: txt, html, json, jsonl; events: GeoJSON,
CSV, GeoPackage written with pyogrio, GeoParquet; correction CSVs) mixing good records
with generated bad ones, and reads it back. The ``ci`` profile of tests/conftest.py runs
2,000 examples per reader; the default ``dev`` profile 100.
"""

from __future__ import annotations

import csv
import io
import json
import math
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import pyogrio
from hypothesis import given
from hypothesis import strategies as st
from shapely.geometry import Point

from geoevents.errors import InputError
from geoevents.io.articles import read_articles
from geoevents.io.events import JSON_COLUMNS, LAYER, events_to_frame, iter_events, write_events
from geoevents.model import Event
from geoevents.store import CorrectionRequest, read_corrections_csv
from tests.support.synthetic import synthetic_events

GOOD_TEXT = "Russian drones struck a fuel depot in Odesa overnight, the governor said."
EVENTS = synthetic_events(3, seed=11)

# --- strategies -------------------------------------------------------------------------

_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(["text", "id", "published", "2023-13-45", "\u2028", "\x00"])
)
#: Any JSON value, small.
json_values = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=10,
)
#: Records that look like articles but are wrong in one way or another.
bad_records = st.fixed_dictionaries(
    {},
    optional={
        "id": json_values,
        "title": json_values,
        "text": json_values,
        "url": json_values,
        "published": json_values,
    },
)
#: JSON text no reader should trust: deep, huge, lone surrogates, NUL, NaN, truncations.
hostile_json = st.sampled_from(
    [
        "[" * 3000 + "]" * 3000,
        '{"text": ' + "[" * 100_000 + "}",
        '{"text": "x", "n": ' + "7" * 4500 + "}",
        '{"text": "strike \\ud800 on Kyiv"}',
        '{"text": "\\udfff"}',
        '{"id": "\\ud83d", "text": "ok"}',
        '{"text": "a\\u0000b"}',
        '{"text": NaN}',
        '{"text": Infinity}',
        '{"text": "x"',
        "null",
        '"just a string"',
        "{}",
        '{"text": "   "}',
    ]
)
#: One line of JSON Lines: anything but a newline.
bad_lines = (
    hostile_json
    | st.text(alphabet=st.characters(codec="utf-8", blacklist_characters="\n"), max_size=60)
    | bad_records.map(lambda r: json.dumps(r, ensure_ascii=False))
    | json_values.map(json.dumps)
)
#: The bytes of a file no reader should trust.
bad_bytes = (
    st.binary(max_size=300)
    | st.text(max_size=200).map(lambda t: t.encode("utf-8"))
    | hostile_json.map(str.encode)
    | st.text(max_size=80).map(lambda t: t.encode("utf-16"))
)
#: A coordinate that is not one: NaN, infinities, out of range, wrong types.
bad_coordinates = (
    st.sampled_from([math.nan, math.inf, -math.inf, 91.0, -300.0, 181.0, 1e308])
    | st.floats(min_value=181, allow_infinity=True)
    | st.floats(max_value=-181, allow_infinity=True)
)
bad_cells = st.text(
    alphabet=st.characters(codec="utf-8", blacklist_characters="\x00"), max_size=30
) | st.sampled_from(["nan", "inf", "-300", "1e999", "", "[", "{}", "null", "1" * 5000])


# --- helpers ----------------------------------------------------------------------------


@contextmanager
def _folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="fuzz-") as name:
        yield Path(name)


def _split(items: Any, where: Path) -> tuple[list[Any], list[InputError]]:
    """Good items and errors; every error names a file at or under ``where``."""
    good, errors = [], []
    for item in items:
        if isinstance(item, InputError):
            assert item.path is not None and item.path.startswith(str(where)), item
            assert str(item).startswith(item.path)
            errors.append(item)
        else:
            good.append(item)
    return good, errors


def _good_record(i: int) -> dict[str, str]:
    """A good article record; its id is longer than any generated string, so unique."""
    return {"id": f"good-record-{i}", "text": f"{GOOD_TEXT} Report {i}."}


GOOD_IDS = [f"good-record-{i}" for i in range(3)]


# --- articles ---------------------------------------------------------------------------


def _between_good_files(name: str, data: bytes) -> None:
    """``data`` as file ``name`` between two good text articles: both of them are read."""
    with _folder() as d:
        (d / "a.txt").write_text(f"Depot hit\n{GOOD_TEXT}\n", encoding="utf-8")
        (d / name).write_bytes(data)
        (d / "c.txt").write_text(f"Port hit\n{GOOD_TEXT} Again.\n", encoding="utf-8")
        arts, errors = _split(read_articles([d]), d)
        names = [Path(a.path).name for a in arts]
        assert names[0] == "a.txt" and names[-1] == "c.txt"
        assert len(arts) + len(errors) == 3
        assert all(e.path == str(d / name) for e in errors)
        assert all("\x00" not in a.text for a in arts)


@given(data=bad_bytes)
def test_text_articles_around_a_bad_file(data: bytes) -> None:
    _between_good_files("b.txt", data)


#: Pages for the HTML reader: arbitrary bytes, or arbitrary text inside real markup.
html_pages = bad_bytes | st.builds(
    lambda title, body: (
        f"<html><head><title>{title}</title></head><body><article><p>{body}</p>"
        f"<script>{body}</script></article></body></html>"
    ).encode(),
    st.text(max_size=30),
    st.text(max_size=200),
)


@given(data=html_pages)
def test_html_article_between_good_files(data: bytes) -> None:
    _between_good_files("b.html", data)


def test_a_good_html_article_is_read() -> None:
    with _folder() as d:
        (d / "a.html").write_text(
            f"<html><head><title>Depot hit</title></head><body><article><p>{GOOD_TEXT}</p>"
            f"<p>{GOOD_TEXT}</p></article></body></html>",
            encoding="utf-8",
        )
        (art,) = read_articles([d])
        assert art.title == "Depot hit" and GOOD_TEXT in art.text


@given(records=st.lists(bad_records | json_values, max_size=5), where=st.integers(0, 5))
def test_json_list_keeps_the_good_records(records: list[Any], where: int) -> None:
    with _folder() as d:
        f = d / "a.json"
        mixed = [
            _good_record(0),
            *records[:where],
            _good_record(1),
            *records[where:],
            _good_record(2),
        ]
        f.write_text(json.dumps(mixed), encoding="utf-8")
        arts, errors = _split(read_articles([f]), f)
        assert [a.id for a in arts if a.id in GOOD_IDS] == GOOD_IDS
        assert len(arts) + len(errors) == len(mixed)


@given(data=bad_bytes)
def test_bad_json_file_beside_a_good_one(data: bytes) -> None:
    with _folder() as d:
        (d / "a.json").write_bytes(data)
        (d / "b.json").write_text(json.dumps([_good_record(0)]), encoding="utf-8")
        arts, _ = _split(read_articles([d]), d)
        assert arts[-1].id == GOOD_IDS[0]


@given(lines=st.lists(bad_lines, min_size=1, max_size=4), crlf=st.booleans())
def test_jsonl_bad_lines_are_named_and_the_good_lines_keep_their_numbers(
    lines: list[str], crlf: bool
) -> None:
    with _folder() as d:
        f = d / "a.jsonl"
        rows = [json.dumps(_good_record(0))]
        for i, line in enumerate(lines, start=1):
            rows += [line, json.dumps(_good_record(i), ensure_ascii=i % 2 == 0)]
        f.write_bytes(("\r\n" if crlf else "\n").join(rows).encode("utf-8", "surrogatepass"))
        arts, errors = _split(read_articles([f]), f)
        good = {a.id: a.line for a in arts if a.id.startswith("good-record-")}
        assert good == {f"good-record-{i}": 2 * i + 1 for i in range(len(lines) + 1)}
        assert all(e.line is None or e.line % 2 == 0 for e in errors)


# --- event files ------------------------------------------------------------------------


def _written_csv_rows() -> list[dict[str, str]]:
    with _folder() as d:
        path = write_events(EVENTS, d / "events.csv")
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))


#: The good events as write_events writes them: CSV rows, a flat frame (JSON columns as text).
CSV_ROWS = _written_csv_rows()
GOOD_FRAME = events_to_frame(EVENTS)
for _col in JSON_COLUMNS:
    GOOD_FRAME[_col] = [json.dumps(v) for v in GOOD_FRAME[_col]]


def _good_ids(events: list[Event]) -> list[str]:
    wanted = {e.id for e in EVENTS}
    return [e.id for e in events if e.id in wanted]


bad_features = st.fixed_dictionaries(
    {"type": st.just("Feature")},
    optional={
        "geometry": json_values
        | st.builds(
            lambda lat, lon: {"type": "Point", "coordinates": [lon, lat]},
            bad_coordinates,
            st.floats(),
        ),
        "properties": json_values
        | st.builds(
            lambda p: {**EVENTS[0].to_properties(), "id": "bad-feature", **p},
            st.dictionaries(
                st.sampled_from(list(EVENTS[0].to_properties())), json_values, max_size=3
            ),
        ),
    },
)


@given(bad=st.lists(bad_features | json_values, min_size=1, max_size=4))
def test_geojson_keeps_the_good_features(bad: list[Any]) -> None:
    with _folder() as d:
        f = d / "events.geojson"
        doc: dict[str, Any] = {"type": "FeatureCollection"}
        good = [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [e.lon, e.lat]},
                "properties": e.to_properties(),
            }
            for e in EVENTS
        ]
        doc["features"] = [good[0], *bad[:2], good[1], *bad[2:], good[2]]
        f.write_text(json.dumps(doc, allow_nan=True), encoding="utf-8")
        events, errors = _split(iter_events(f), f)
        assert _good_ids(events) == [e.id for e in EVENTS]
        assert len(events) + len(errors) == len(doc["features"])
        for ev in events:
            assert math.isfinite(ev.lat) and -90 <= ev.lat <= 90
            assert math.isfinite(ev.lon) and -180 <= ev.lon <= 180


@given(data=bad_bytes, suffix=st.sampled_from([".geojson", ".csv", ".gpkg", ".parquet"]))
def test_an_event_file_of_bad_bytes_is_one_named_error(data: bytes, suffix: str) -> None:
    with _folder() as d:
        f = d / f"events{suffix}"
        f.write_bytes(data)
        events, errors = _split(iter_events(f), f)
        assert not events and errors


@given(
    rows=st.lists(
        st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "event_type",
                    "lat",
                    "lon",
                    "claims",
                    "date",
                    "location_precision",
                    "weapons",
                ]
            ),
            bad_cells,
            min_size=1,
        ),
        min_size=1,
        max_size=3,
    )
)
def test_csv_keeps_the_good_rows(rows: list[dict[str, str]]) -> None:
    with _folder() as d:
        f = d / "events.csv"
        bad = [{**CSV_ROWS[0], "id": "", **row} for row in rows]
        mixed = [CSV_ROWS[0], *bad, *CSV_ROWS[1:]]
        buf = io.StringIO()
        writer = csv.DictWriter(buf, list(CSV_ROWS[0]))  # RFC 4180 CRLF, as write_events
        writer.writeheader()
        writer.writerows(mixed)
        f.write_text(buf.getvalue(), encoding="utf-8", newline="")
        events, errors = _split(iter_events(f), f)
        assert _good_ids(events) == [e.id for e in EVENTS]
        assert len(events) + len(errors) == len(mixed)


def _bad_frame(points: list[Any], cells: list[str]) -> gpd.GeoDataFrame:
    """The good rows with bad ones between: bad geometry, a claims cell that is not JSON."""
    bad = GOOD_FRAME.iloc[[0] * len(points)].copy()
    bad["id"] = [f"bad-{i}" for i in range(len(points))]
    bad["claims"] = [cells[i % len(cells)] for i in range(len(points))]
    bad = bad.set_geometry(gpd.GeoSeries(points, index=bad.index, crs=GOOD_FRAME.crs))
    return pd.concat([GOOD_FRAME.iloc[:1], bad, GOOD_FRAME.iloc[1:]], ignore_index=True)


_bad_points = st.lists(
    st.builds(Point, bad_coordinates, st.floats(-80, 80))
    | st.builds(Point, st.floats(-170, 170), bad_coordinates)
    | st.none(),
    min_size=1,
    max_size=3,
)


@given(points=_bad_points, cells=st.lists(bad_cells, min_size=1, max_size=3))
def test_geopackage_keeps_the_good_rows(points: list[Any], cells: list[str]) -> None:
    with _folder() as d:
        f = d / "events.gpkg"
        pyogrio.write_dataframe(_bad_frame(points, cells), f, layer=LAYER, driver="GPKG")
        events, errors = _split(iter_events(f), f)
        assert _good_ids(events) == [e.id for e in EVENTS]
        assert len(events) + len(errors) == len(EVENTS) + len(points)


@given(points=_bad_points, cells=st.lists(bad_cells, min_size=1, max_size=3))
def test_geoparquet_keeps_the_good_rows(points: list[Any], cells: list[str]) -> None:
    with _folder() as d:
        f = d / "events.parquet"
        _bad_frame(points, cells).to_parquet(f, index=False)
        events, errors = _split(iter_events(f), f)
        assert _good_ids(events) == [e.id for e in EVENTS]
        assert len(events) + len(errors) == len(EVENTS) + len(points)


# --- correction CSVs --------------------------------------------------------------------

_CORRECTION_COLUMNS = ["event_id", "place", "lat", "lon", "event_type", "date", "note", "detach"]


@given(rows=st.lists(st.lists(bad_cells, max_size=10), min_size=1, max_size=4))
def test_correction_csv_keeps_the_good_rows(rows: list[list[str]]) -> None:
    with _folder() as d:
        f = d / "fixes.csv"
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(_CORRECTION_COLUMNS)
        writer.writerow(["ev-good-0", "", "48.5", "37.5"])
        for row in rows:
            writer.writerow(row)
        writer.writerow(["ev-good-1", "Kharkiv"])
        f.write_text(buf.getvalue(), encoding="utf-8")
        good, errors = _split(read_corrections_csv(f), f)
        ids = [r.event_id for r in good if isinstance(r, CorrectionRequest)]
        assert ids[0] == "ev-good-0" and ids[-1] == "ev-good-1"
        for req in good:
            if req.lat is not None:
                assert math.isfinite(req.lat) and abs(req.lat) <= 90
            if req.lon is not None:
                assert math.isfinite(req.lon) and abs(req.lon) <= 180


@given(data=bad_bytes)
def test_a_correction_csv_of_bad_bytes_never_raises(data: bytes) -> None:
    with _folder() as d:
        f = d / "fixes.csv"
        f.write_bytes(data)
        good, errors = _split(read_corrections_csv(f), f)
        assert all(isinstance(r, CorrectionRequest) for r in good)
