"""The map in a real browser, part two: shared spots, combined filters, basemaps, chrome."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path
from typing import Any

import pytest

from geoevents.io.events import events_to_frame
from maps.eventmap import write_map
from maps.mapdata import date_window
from maps.style import TYPE_STYLES, basemaps
from tests.maps.conftest import FIND_MAP_JS, HOSTILE, click_event, wait_idle

KYIV = ["ev-kyiv-1", "ev-kyiv-2", "ev-kyiv-3"]  # three events at the very same coordinates
HOSTILE_TITLE = "{{ 7*7 }}</title><img src=x onerror=window.pwned=7>" + HOSTILE


@pytest.fixture
def page(open_map: Any, online_map: Path) -> tuple[Any, Any]:
    p, log = open_map(online_map)
    p.evaluate(FIND_MAP_JS)
    return p, log


def test_events_at_the_same_spot_are_fanned_out_not_hidden(page: tuple[Any, Any]) -> None:
    p, log = page
    styles = [p.evaluate("id => window.geoevents.markerStyle(id)", i) for i in KYIV]
    assert all(s["shown"] for s in styles)
    spots = {tuple(s["display"]) for s in styles}
    assert len(spots) == 3  # three markers, three places on a ring around the true spot
    for lat, lon in spots:
        metres = math.hypot(lat - 50.45, (lon - 30.52) * math.cos(math.radians(50.45))) * 111_195
        assert 60 < metres < 400
    # at a street zoom each one has its own marker, several pixels apart, with its own popup
    for ev_id in KYIV:
        text = click_event(p, ev_id, zoom=16)
        assert f"id {ev_id}" in text
        assert "50.4500, 30.5200" in text  # the popup gives the true position
    points = [p.evaluate("id => window.geoevents.markerPoint(id)", i) for i in KYIV]
    assert min(math.dist(a, b) for a in points for b in points if a != b) > 20
    # zoomed out they share a cluster whose count includes all three
    p.evaluate("window.__testMap.setView([50.45, 30.52], 7, {animate: false})")
    p.wait_for_function(
        "Array.from(document.querySelectorAll('.marker-cluster'))"
        ".some(e => +e.textContent.trim() >= 3)",
        timeout=10000,
    )
    assert log.errors == []


def test_type_and_side_filters_combine(page: tuple[Any, Any], test_events: list[Any]) -> None:
    p, _ = page
    p.uncheck("input[data-layer='type:shelling_missile_attack']")
    p.uncheck("input[data-layer='side:ukraine']")
    state = wait_idle(p)

    def shown(e: Any) -> bool:
        sides = set(e.claimant_sides) or {"unknown"}
        return e.event_type != "shelling_missile_attack" and bool(sides - {"ukraine"})

    expected = [e for e in test_events if shown(e)]
    assert 0 < state["visible"] == len(expected) < len(test_events)
    assert state["byType"]["shelling_missile_attack"] == 0
    assert p.evaluate("window.geoevents.clusterSize()") == len(expected)
    assert p.evaluate("window.geoevents.markerStyle('ev-makiivka').shown") is False
    # Russian + Ukrainian claims: hidden by the type filter only; back with the type on
    p.check("input[data-layer='type:shelling_missile_attack']")
    wait_idle(p)
    assert p.evaluate("window.geoevents.markerStyle('ev-makiivka').shown") is True
    hash_ = p.evaluate("location.hash")
    assert "side:ukraine" in hash_ and "type:shelling" not in hash_


def test_marker_shape_colour_size_and_precision(page: tuple[Any, Any]) -> None:
    p, _ = page
    style = {
        i: p.evaluate("id => window.geoevents.markerStyle(id)", i)
        for i in ("ev-makiivka", "ev-hostile", "ev-kyiv-1", "ev-sevastopol", "ev-lviv-undated")
    }
    for ev_id, t in (
        ("ev-makiivka", "shelling_missile_attack"),
        ("ev-hostile", "air_drone_strike"),
        ("ev-kyiv-1", "interception"),
        ("ev-sevastopol", "remote_explosive"),
    ):
        assert style[ev_id]["fill"] == TYPE_STYLES[t].colour
        assert style[ev_id]["shape"] == TYPE_STYLES[t].shape
    # up to 400 killed claimed: a bigger marker than an event without casualty figures
    assert style["ev-makiivka"]["radius"] > style["ev-kyiv-1"]["radius"] + 5
    # claims from two sides: dark outline; one side: that side's colour
    assert style["ev-makiivka"]["outline"] == "#222222"
    assert style["ev-kyiv-1"]["outline"] == "#007a7a"
    # location precision: settlement solid, near dashed, region dotted
    assert style["ev-kyiv-1"]["dash"] is None
    assert style["ev-sevastopol"]["dash"] == "5 3"
    assert style["ev-lviv-undated"]["dash"] == "2 3"
    # the uncertainty circle of a "region" event is 75 km
    click_event(p, "ev-lviv-undated")
    radius = p.evaluate(
        "() => { let r = null; window.__testMap.eachLayer(l => { if (l._mRadius) r = l._mRadius; }); return r; }"
    )
    assert radius == 75_000


def test_basemap_switch_loads_the_chosen_tiles(page: tuple[Any, Any]) -> None:
    p, log = page
    names = [b["name"] for b in basemaps()]
    assert names == ["OpenStreetMap", "Light (Esri gray)", "Satellite (Esri imagery)"]
    assert any("tile.openstreetmap.org" in u for u in log.tiles)
    p.hover(".leaflet-control-layers")
    labels = p.eval_on_selector_all(
        ".leaflet-control-layers-base label", "els => els.map(e => e.textContent.trim())"
    )
    # and the embedded coarse outlines, the fallback when tiles cannot load
    assert labels == [*names, "Country outlines (offline)"]
    for name, host in (
        ("Satellite (Esri imagery)", "World_Imagery"),
        ("Light (Esri gray)", "World_Light_Gray_Base"),
    ):
        before = len(log.tiles)
        p.hover(".leaflet-control-layers")
        p.click(f".leaflet-control-layers-base label:has-text('{name}') input")
        for _ in range(50):  # tile requests arrive while Playwright waits
            if any(host in u for u in log.tiles[before:]):
                break
            p.wait_for_timeout(200)
        assert any(host in u for u in log.tiles[before:]), log.tiles[before:][:3]
        # exactly one tile layer on the map: the chosen one
        urls = p.evaluate(
            "() => { const u = []; window.__testMap.eachLayer(l => { if (l._url) u.push(l._url); }); return u; }"
        )
        assert len(urls) == 1 and host in urls[0]
    assert p.evaluate("window.geoevents.state().visible") == p.evaluate("window.geoevents.total")
    assert log.errors == []


def test_legend_title_date_range_and_controls(
    page: tuple[Any, Any], test_events: list[Any]
) -> None:
    p, log = page
    legend = p.inner_text(".ge-legend")
    for label in (
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Interception/shoot-down",
    ):
        assert label in legend
    for label in ("settlement", "near", "region", "claimant side", "killed"):
        assert label in legend
    windows = [w for e in test_events if (w := date_window(e))]
    title = p.inner_text(".ge-title")
    assert "Test map" in title
    assert f"{len(test_events)} events" in title
    assert f"{min(w[0] for w in windows)} – {max(w[1] for w in windows)}" in title
    assert p.locator(".leaflet-control-minimap").count() == 1
    assert p.locator(".leaflet-control-zoom-fullscreen").count() == 1
    assert p.locator(".leaflet-control-scale").count() == 1
    assert log.errors == []


def test_fit_to_events_brings_every_event_into_view(
    page: tuple[Any, Any], test_events: list[Any]
) -> None:
    p, _ = page
    p.evaluate("window.__testMap.setView([0, -100], 8, {animate: false})")
    p.click("#ge-fit")
    p.wait_for_timeout(500)
    inside = p.evaluate(
        """evs => { const b = window.__testMap.getBounds();
                    return evs.filter(e => b.contains([e[0], e[1]])).length; }""",
        [[e.lat, e.lon] for e in test_events],
    )
    assert inside == len(test_events)


def test_search_by_place_lists_and_opens_events(page: tuple[Any, Any]) -> None:
    p, _ = page
    p.fill("#ge-search", "kyiv")
    results = p.eval_on_selector_all("#ge-results li", "els => els.map(e => e.textContent)")
    assert len(results) >= 3 and all(r.startswith("Kyiv") for r in results)
    p.fill("#ge-search", "makiivka")
    p.click("#ge-results li >> nth=0")
    p.wait_for_selector(".leaflet-popup .ge-popup[data-event-id='ev-makiivka']", timeout=10000)
    p.fill("#ge-search", "no such place at all")
    assert p.locator("#ge-results li").count() == 0


@pytest.fixture(scope="module")
def special_map(tmp_path_factory: pytest.TempPathFactory, test_events: list[Any]) -> Path:
    """A map with a hostile title and an analyst-corrected event."""
    evs = [
        dataclasses.replace(e, corrected=True) if e.id == "ev-sevastopol" else e
        for e in test_events[:8]
    ]
    path = tmp_path_factory.mktemp("special") / "special.html"
    write_map(events_to_frame(evs), path, title=HOSTILE_TITLE, regions=True)
    return path


def test_hostile_title_is_text_and_corrected_badge_shows(open_map: Any, special_map: Path) -> None:
    p, log = open_map(special_map)
    p.evaluate(FIND_MAP_JS)
    assert p.inner_text(".ge-title-text") == HOSTILE_TITLE
    assert p.evaluate("document.title") == HOSTILE_TITLE
    assert p.locator(".ge-title img, .ge-title script").count() == 0
    text = click_event(p, "ev-sevastopol")
    assert "CORRECTED" in text.upper()
    assert p.locator(".leaflet-popup .ge-corrected").count() == 1
    text = click_event(p, "ev-makiivka")
    assert "CORRECTED" not in text.upper()
    assert p.evaluate("typeof window.pwned") == "undefined"
    assert log.dialogs == [] and log.errors == []


def test_offline_basemap_draws_country_outlines_and_names(open_map: Any, offline_map: Path) -> None:
    p, log = open_map(offline_map, network=False)
    names = p.eval_on_selector_all(".ge-country-label", "els => els.map(e => e.textContent)")
    assert {"Ukraine", "Russia", "Moldova"} <= set(names)
    painted = p.evaluate(
        """() => Array.from(document.querySelectorAll('.leaflet-overlay-pane canvas')).map(c => {
             const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
             let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; }
             return n / (c.width * c.height); })"""
    )
    assert painted and max(painted) > 0.3  # land polygons fill a good part of the view
    assert log.refused == [] and log.errors == []
    # the outlines are one of the basemaps; choosing tiles with no network falls back to them
    p.hover(".leaflet-control-layers")
    labels = p.eval_on_selector_all(
        ".leaflet-control-layers-base label", "els => els.map(e => e.textContent.trim())"
    )
    assert labels[-1] == "Country outlines (offline)"
    p.click(".leaflet-control-layers-base label:has-text('OpenStreetMap') input")
    p.wait_for_function(
        "document.querySelector('.leaflet-container').classList.contains('ge-outline-base')"
        " && document.querySelectorAll('.ge-country-label').length > 0",
        timeout=10000,
    )
    assert log.refused and all("openstreetmap" in u for u in log.refused)
    p.evaluate(FIND_MAP_JS)
    tiles_on_map = (
        "() => { let n = 0; window.__testMap.eachLayer(l => { if (l._url) n++; }); return n; }"
    )
    assert p.evaluate(tiles_on_map) == 0
    assert p.evaluate("window.geoevents.state().visible") == p.evaluate("window.geoevents.total")


def test_ready_signal_fires_once_events_are_drawn(
    browser: Any, online_map: Path, test_events: list[Any]
) -> None:
    from tests.support.browser import PageLog, route_offline

    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        p = ctx.new_page()
        log = PageLog()
        route_offline(p, log)
        p.add_init_script(
            "window.addEventListener('geoevents:ready', e => {"
            " window.__readyDetail = e.detail;"
            " window.__shownAtReady = window.geoevents.state().visible; })"
        )
        p.goto(online_map.as_uri())
        p.wait_for_selector("body[data-geoevents-ready='1']", state="attached", timeout=30000)
        assert p.evaluate("window.__readyDetail") == {"total": len(test_events)}
        assert p.evaluate("window.__shownAtReady") == len(test_events)
        t = p.evaluate("window.geoevents.timings")
        assert 0 < t["start"] <= t["markers"] <= t["clustered"] <= t["ready"]
        assert log.errors == []
    finally:
        ctx.close()
