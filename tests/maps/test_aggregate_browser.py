"""The aggregated map of a big event dataset in the real headless browser.

A GeoParquet event dataset (``DIR/month=YYYY-MM/*.parquet``, generated vectorised) is
mapped by ``geoevents map`` with a low ``--aggregate-above``; the page must say so,
count per hexagon as an independent count does, per month and per event type, and
show the hostile text of the newest events verbatim.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import geopandas as gpd
import h3
import pytest

from tests.maps.conftest import FIND_MAP_JS, click_event, embedded_data, wait_idle
from tests.support.cli import run
from tests.support.event_dataset import HOSTILE, event_frame, months_of, write_dataset

N_EVENTS = 6_000
NEWEST = 800


@pytest.fixture(scope="module")
def frame() -> gpd.GeoDataFrame:
    return event_frame(N_EVENTS, seed=5, hostile=0.02)


def _write_map(folder: Path, frame: gpd.GeoDataFrame, *options: Any) -> Path:
    dataset = write_dataset(frame, folder / "events", files_per_month=2)
    out = folder / "map.html"
    result = run(
        "map", dataset, "-o", out, "--aggregate-above", 1_000, "--newest", NEWEST, *options
    )
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def big_map(tmp_path_factory: pytest.TempPathFactory, frame: gpd.GeoDataFrame) -> Path:
    return _write_map(tmp_path_factory.mktemp("aggregate"), frame)


def _cells(frame: gpd.GeoDataFrame) -> list[str]:
    return [h3.latlng_to_cell(p.y, p.x, 5) for p in frame.geometry]


def test_the_page_says_it_shows_counts_and_the_newest_events(
    open_map: Any, big_map: Path, frame: gpd.GeoDataFrame
) -> None:
    page, log = open_map(big_map)
    notice = page.locator("#ge-aggregate-notice")
    assert notice.is_visible()
    assert notice.inner_text() == (
        "6,000 events: shown as counts per hexagon; the newest 800 as markers"
    )
    assert "H3 resolution 5" in page.inner_text("#ge-aggregate")
    assert page.evaluate("window.geoevents.aggregate.state()") == {
        "month": None,
        "shown": N_EVENTS,
        "cells": len(set(_cells(frame))),
    }
    assert page.evaluate("window.geoevents.state()")["total"] == NEWEST
    assert log.errors == [] and log.dialogs == []


def test_the_month_filter_changes_the_counts(
    open_map: Any, big_map: Path, frame: gpd.GeoDataFrame
) -> None:
    page, log = open_map(big_map)
    months = months_of(frame)
    cells = _cells(frame)
    for label, month in (("2023-03", "2023-03"), ("undated", "unknown"), ("all months", None)):
        page.select_option("#ge-agg-month", label=label)
        keep = [month is None or m == month for m in months]
        expected = Counter(c for c, k in zip(cells, keep, strict=True) if k)
        state = page.evaluate("window.geoevents.aggregate.state()")
        assert state == {"month": month, "shown": sum(expected.values()), "cells": len(expected)}
        drawn = page.evaluate(
            "Object.fromEntries([...document.querySelectorAll('path[data-cell]')]"
            ".filter(p => p.dataset.count !== '0').map(p => [p.dataset.cell, +p.dataset.count]))"
        )
        assert drawn == dict(expected)
        assert page.inner_text("#ge-agg-count") == (
            f"{sum(expected.values()):,} events in {len(expected):,} hexagons ({label})"
        )
    assert log.errors == []


def test_the_type_checkboxes_change_the_counts(
    open_map: Any, big_map: Path, frame: gpd.GeoDataFrame
) -> None:
    page, _ = open_map(big_map)
    page.select_option("#ge-agg-month", label="2024-06")
    page.uncheck("input[data-layer='type:interception']")
    wait_idle(page)
    keep = (months_of(frame) == "2024-06") & (frame["event_type"] != "interception")
    assert page.evaluate("window.geoevents.aggregate.state()")["shown"] == int(keep.sum())


def test_a_click_on_a_hexagon_gives_its_counts_by_type(
    open_map: Any, big_map: Path, frame: gpd.GeoDataFrame
) -> None:
    page, _ = open_map(big_map)
    page.evaluate(FIND_MAP_JS)
    for side in ("russia", "ukraine", "other", "unknown"):  # no markers over the hexagons
        page.uncheck(f"input[data-layer='side:{side}']")
    wait_idle(page)
    page.select_option("#ge-agg-month", label="2023-05")
    in_month = frame[months_of(frame) == "2023-05"]
    cells = _cells(in_month)
    cell = Counter(cells).most_common(1)[0][0]
    expected = Counter(t for c, t in zip(cells, in_month["event_type"], strict=True) if c == cell)
    lat, lon = h3.cell_to_latlng(cell)
    x, y = page.evaluate(
        """([lat, lon]) => { const m = window.__testMap; m.setView([lat, lon], 8, {animate: false});
             const p = m.latLngToContainerPoint([lat, lon]);
             const r = m.getContainer().getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }""",
        [lat, lon],
    )
    page.wait_for_timeout(200)
    page.mouse.click(x, y)
    popup = page.wait_for_selector(f".ge-hex-popup[data-cell='{cell}']", timeout=5000)
    text = popup.inner_text()
    assert f"{sum(expected.values())} events in this hexagon" in text
    assert "Month: 2023-05" in text
    rows = page.evaluate(
        "[...document.querySelectorAll('.ge-hex-popup .ge-hex-row')]"
        ".map(r => [r.dataset.type, +r.querySelector('b').textContent])"
    )
    assert dict(rows) == dict(expected)
    # the open popup follows the month filter
    page.select_option("#ge-agg-month", label="2023-06")
    june = frame[months_of(frame) == "2023-06"]
    n_june = sum(c == cell for c in _cells(june))
    page.wait_for_selector(".ge-hex-popup:has-text('Month: 2023-06')", timeout=5000)
    assert f"{n_june} events in this hexagon" in page.inner_text(".ge-hex-popup")


def test_hostile_text_of_the_newest_events_is_shown_as_text(open_map: Any, big_map: Path) -> None:
    page, log = open_map(big_map)
    features = embedded_data(big_map)["events"]["features"]
    hostile = [f["id"] for f in features if f["properties"].get("place_name") == HOSTILE]
    assert hostile, "the newest events hold hostile rows"
    page.evaluate(FIND_MAP_JS)
    text = click_event(page, hostile[0])
    assert HOSTILE in text
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.locator(".leaflet-popup a[href^='javascript']").count() == 0
    assert log.dialogs == [] and log.errors == []


def test_the_offline_aggregated_map_needs_no_network(
    open_map: Any, tmp_path: Path, frame: gpd.GeoDataFrame
) -> None:
    out = _write_map(tmp_path, frame.iloc[:2_000], "--offline")
    html = out.read_text(encoding="utf-8")
    assert "https://cdn.jsdelivr.net" not in html
    page, log = open_map(out, network=False)
    assert page.locator("#ge-aggregate-notice").is_visible()
    assert page.evaluate("window.geoevents.aggregate.state()")["shown"] == 2_000
    assert log.refused == [] and log.errors == []
