"""Counts per hexagon, type and month of event datasets, and the aggregated ``geoevents map``.

The datasets are real GeoParquet files (``DIR/month=YYYY-MM/*.parquet``) generated
vectorised (:mod:`tests.support.event_dataset`); every count is checked against an
independent count made row by row from the generated frame.
"""

from __future__ import annotations

import datetime
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import geopandas as gpd
import h3
import pytest

from geoevents.errors import InputError
from geoevents.filters import EventFilter, select
from geoevents.io.events import events_to_frame, frame_to_events, write_events
from geoevents.model import Event
from geoevents.scale import aggregate
from tests.maps.conftest import embedded_data
from tests.support.cli import run
from tests.support.event_dataset import HOSTILE, event_frame, months_of, write_dataset


@pytest.fixture(scope="module")
def frame() -> gpd.GeoDataFrame:
    return event_frame(20_000, seed=7)


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory, frame: gpd.GeoDataFrame) -> Path:
    return write_dataset(frame, tmp_path_factory.mktemp("ds") / "events", files_per_month=2)


def _aggregate_data(html: str) -> dict[str, Any] | None:
    m = re.search(r'<script type="application/json" id="geoevents-aggregate">(.*?)</script>', html)
    return json.loads(m.group(1)) if m else None


def _newest_ids(frame: Any, n: int) -> list[str]:
    """The ``n`` newest ids, counted independently: latest day first, then id; undated last."""
    rows = sorted(
        zip(frame["id"], frame["date"], strict=True),
        key=lambda r: (not isinstance(r[1], str), _neg(r[1]) if isinstance(r[1], str) else 0, r[0]),
    )
    return sorted(r[0] for r in rows[:n])


def _neg(day: str) -> int:
    return -datetime.date.fromisoformat(day).toordinal()


def test_counts_per_hexagon_type_and_month_match_an_independent_count(
    frame: gpd.GeoDataFrame, dataset: Path
) -> None:
    cols = aggregate.read_event_columns(dataset)
    assert len(cols) == len(frame)
    resolution = aggregate.hex_resolution(cols["lat"], cols["lon"])
    assert resolution == 5  # Ukraine and Belgorod: ~250 km² hexagons
    counts = aggregate.count_hexagons(cols)
    assert counts.resolution == resolution
    expected = Counter(
        (h3.latlng_to_cell(p.y, p.x, resolution), month, kind)
        for p, month, kind in zip(
            frame.geometry, months_of(frame), frame["event_type"], strict=True
        )
    )
    found = Counter()
    for cell in counts.cells:
        assert cell.boundary == tuple(h3.cell_to_boundary(cell.cell))
        for m, t, n in cell.counts:
            found[(cell.cell, counts.months[m], counts.types[t])] += n
    assert found == expected
    assert counts.total == sum(expected.values()) == len(frame)
    assert counts.months[-1] == "unknown" and list(counts.months[:-1]) == sorted(counts.months[:-1])
    assert [c.cell for c in counts.cells] == sorted(c.cell for c in counts.cells)


def test_a_dataset_directory_is_read_column_by_column(
    frame: gpd.GeoDataFrame, dataset: Path, tmp_path: Path
) -> None:
    assert aggregate.is_event_dataset(dataset)
    assert not aggregate.is_event_dataset(dataset / "month=2023-01")
    cols = aggregate.read_event_columns(dataset)
    assert sorted(cols["id"]) == sorted(frame["id"])
    by_id = dict(zip(cols["id"], cols["month"], strict=True))
    assert [by_id[i] for i in frame["id"]] == list(months_of(frame))
    assert set(cols["file"]) == {str(p) for p in dataset.glob("month=*/part-*.parquet")}
    # the newest rows read back as events equal the generated rows
    top = aggregate.newest(cols, 25)
    events = aggregate.load_events_by_id(top)
    wanted = frame[frame["id"].isin(top["id"])]
    assert sorted(events, key=lambda e: e.id) == sorted(frame_to_events(wanted), key=lambda e: e.id)


def test_bad_files_and_rows_of_a_dataset_are_named_and_the_rest_is_read(
    frame: gpd.GeoDataFrame, tmp_path: Path
) -> None:
    out = write_dataset(frame.iloc[:3000], tmp_path / "ds")
    bad_rows = frame.iloc[3000:3003].copy()
    bad_rows.loc[bad_rows.index[1], "event_type"] = None
    bad_rows = bad_rows.set_geometry([None, *bad_rows.geometry[1:]], crs="EPSG:4326")
    bad_rows.to_parquet(out / "month=2023-01" / "part-00009.parquet", index=False)
    (out / "month=2023-02" / "part-00008.parquet").write_bytes(b"PAR1 not really")
    (out / "month=2023-02" / ".part-00007.parquet").write_bytes(b"being written")
    errors: list[Any] = []
    cols = aggregate.read_event_columns(out, on_error=errors.append)
    assert len(cols) == 3001
    messages = sorted(str(e) for e in errors)
    assert len(messages) == 3, messages
    assert any("part-00009.parquet: field geometry: row 0" in m for m in messages), messages
    assert any("part-00009.parquet: field event_type: row 1" in m for m in messages), messages
    assert any("part-00008.parquet: cannot read events" in m for m in messages), messages
    with pytest.raises(InputError, match=r"part-0000[89]\.parquet"):
        aggregate.read_event_columns(out)


@pytest.mark.parametrize(
    "flt",
    [
        EventFilter(since=datetime.date(2024, 3, 1), until=datetime.date(2024, 4, 15)),
        EventFilter(types=("interception",), countries=("ru",)),
        EventFilter(bbox=(35.0, 47.0, 39.0, 49.0)),
        EventFilter(claimants=("governor",)),
        EventFilter(claimants=("russia",)),
        EventFilter(min_confidence=0.5),
        EventFilter(rejected="only"),
        EventFilter(rejected="include"),
        EventFilter(),
    ],
    ids=repr,
)
def test_filters_on_columns_keep_what_they_keep_on_events(
    frame: gpd.GeoDataFrame, tmp_path: Path, flt: EventFilter
) -> None:
    part = frame.iloc[:3000].copy()
    part.loc[part.index[::7], "rejected"] = "duplicate"
    # through events, so that the confidence column is the events' own
    events = frame_to_events(part)
    path = write_events(events, tmp_path / "events.parquet")
    cols = aggregate.read_event_columns(path, claims=True)
    kept = aggregate.filter_columns(cols, flt)
    assert sorted(kept["id"]) == sorted(e.id for e in select(events, flt))


def test_the_map_switches_to_aggregates_above_the_threshold(
    frame: gpd.GeoDataFrame, tmp_path: Path
) -> None:
    out = write_dataset(frame.iloc[:2000], tmp_path / "ds")
    plain, agg = tmp_path / "plain.html", tmp_path / "agg.html"
    result = run("map", out, "-o", plain, "--aggregate-above", 2000)
    assert result.exit_code == 0, result.output
    assert "wrote a map of 2000 events" in result.output
    html = plain.read_text(encoding="utf-8")
    assert _aggregate_data(html) is None
    assert len(embedded_data(html)["events"]["features"]) == 2000
    result = run("map", out, "-o", agg, "--aggregate-above", 1999, "--newest", 300)
    assert result.exit_code == 0, result.output
    assert "the newest 300 as markers" in result.output
    html = agg.read_text(encoding="utf-8")
    data = _aggregate_data(html)
    assert data is not None and data["total"] == 2000
    assert data["notice"] == "2,000 events: shown as counts per hexagon; the newest 300 as markers"
    assert sum(n for c in data["cells"] for _, _, n in c["n"]) == 2000
    assert len(embedded_data(html)["events"]["features"]) == 300


def test_the_newest_events_are_the_markers_from_every_input(
    frame: gpd.GeoDataFrame, dataset: Path, tmp_path: Path
) -> None:
    later = [
        Event(f"late-{i}", "interception", 50.45, 30.52, date=f"2025-0{i}-01") for i in (1, 2, 3)
    ]
    extra = write_events(later, tmp_path / "later.geojson")
    out = tmp_path / "map.html"
    result = run("map", dataset, extra, "-o", out, "--aggregate-above", 1000, "--newest", 40)
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    ids = sorted(f["id"] for f in embedded_data(html)["events"]["features"])
    everything = events_to_frame(later)[["id", "date"]]
    both = [
        *zip(frame["id"], frame["date"], strict=True),
        *zip(everything["id"], everything["date"], strict=True),
    ]
    assert ids == _newest_ids({"id": [r[0] for r in both], "date": [r[1] for r in both]}, 40)
    assert {"late-1", "late-2", "late-3"} <= set(ids)
    data = _aggregate_data(html)
    assert data is not None and data["total"] == len(frame) + 3
    # same input, same page
    again = tmp_path / "again.html"
    run("map", dataset, extra, "-o", again, "--aggregate-above", 1000, "--newest", 40)
    assert again.read_bytes() == out.read_bytes()


def test_filters_apply_to_the_aggregated_counts(
    frame: gpd.GeoDataFrame, dataset: Path, tmp_path: Path
) -> None:
    out = tmp_path / "map.html"
    args = ("--since", "2024-01-01", "--type", "interception", "--aggregate-above", 100)
    result = run("map", dataset, "-o", out, *args, "--newest", 10)
    assert result.exit_code == 0, result.output
    data = _aggregate_data(out.read_text(encoding="utf-8"))
    assert data is not None
    dated = frame["date"].notna() & (frame["date"] >= "2024-01-01")
    expected = int((dated & (frame["event_type"] == "interception")).sum())
    assert data["total"] == expected and data["types"] == ["interception"]
    assert f"wrote a map of {expected} events" in result.output


@pytest.mark.slow
def test_the_default_threshold_aggregates_a_map_of_over_200000_events(tmp_path: Path) -> None:
    big = event_frame(aggregate.DEFAULT_AGGREGATE_ABOVE + 1, seed=11)
    out = write_dataset(big, tmp_path / "ds")
    page = tmp_path / "map.html"
    result = run("map", out, "-o", page)
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    data = _aggregate_data(html)
    assert data is not None and data["total"] == aggregate.DEFAULT_AGGREGATE_ABOVE + 1
    assert data["notice"] == (
        "200,001 events: shown as counts per hexagon; the newest 5,000 as markers"
    )
    assert len(embedded_data(html)["events"]["features"]) == aggregate.DEFAULT_NEWEST


def test_rows_of_unknown_hostile_event_types_are_named_and_never_reach_the_page(
    frame: gpd.GeoDataFrame, tmp_path: Path
) -> None:
    part = frame.iloc[:500].copy()
    part.loc[part.index[::5], "event_type"] = HOSTILE
    path = tmp_path / "events.parquet"
    part.to_parquet(path, index=False)
    out = tmp_path / "map.html"
    result = run("map", path, "-o", out, "--aggregate-above", 100, "--newest", 10)
    assert result.exit_code == 1, result.output  # the map is written, the bad rows named
    assert f"{path}: field event_type: row 5: unknown event type" in result.output
    assert "wrote a map of 400 events" in result.output
    html = out.read_text(encoding="utf-8")
    assert HOSTILE not in html and "window.pwned" not in html
    data = _aggregate_data(html)
    assert data is not None and data["total"] == 400 and HOSTILE not in data["types"]
