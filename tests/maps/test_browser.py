"""The map in a real browser (Debian chromium + Playwright): layers, popups, time, escaping, offline."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest

from geoevents.io.events import read_events
from maps.mapdata import date_window
from tests.maps.conftest import (
    HOSTILE,
    HOSTILE_PLACE,
    assert_counts,
    click_event,
    hover_event,
    wait_idle,
)


@pytest.fixture
def page_online(open_map: Any, online_map: Path) -> tuple[Any, Any]:
    page, log = open_map(online_map)
    # the Leaflet map object, for positioning the view in tests
    page.evaluate(
        "window.__testMap = Object.values(window).find(v => v && v._container && v.getZoom)"
    )
    return page, log


def test_loads_without_console_errors_and_counts_every_layer(
    page_online: tuple[Any, Any], test_events: list[Any]
) -> None:
    page, log = page_online
    assert log.errors == []
    assert log.dialogs == []
    # the state and the layer panel count every type and side
    assert_counts(page, test_events)
    assert page.inner_text("#ge-count").startswith(
        f"{len(test_events)} of {len(test_events)} events"
    )
    # every asset came from the local npm copies through the CDN route
    assert any("leaflet.markercluster" in u for u in log.served)
    assert log.refused == []


@pytest.mark.parametrize("layer", ["type:interception", "type:air_drone_strike", "side:russia"])
def test_toggling_a_layer_changes_what_is_visible(
    page_online: tuple[Any, Any], test_events: list[Any], layer: str
) -> None:
    page, _ = page_online
    kind, value = layer.split(":")
    if kind == "type":
        keep = [e for e in test_events if e.event_type != value]
    else:
        keep = [e for e in test_events if set(e.claimant_sides) - {value}]
    page.uncheck(f"input[data-layer='{layer}']")
    state = wait_idle(page)
    assert state["visible"] == len(keep) < len(test_events)
    if kind == "type":
        assert state["byType"][value] == 0
    # the cluster layer really holds fewer markers
    assert page.evaluate("window.geoevents.clusterSize()") == len(keep)
    assert f"off={layer}" in page.evaluate("location.hash")
    page.check(f"input[data-layer='{layer}']")
    assert wait_idle(page)["visible"] == len(test_events)


def test_click_opens_popup_with_claims_sources_and_badges(page_online: tuple[Any, Any]) -> None:
    page, log = page_online
    text = click_event(page, "ev-makiivka")
    assert "Shelling/artillery/missile attack" in text
    assert "DISPUTED" in text.upper()
    assert "Makiivka, Donetsk Oblast, UA" in text
    assert "2023-01-01" in text
    assert "HIMARS" in text and "temporary barracks" in text
    assert "Russian Ministry of Defence" in text and "killed: 63" in text
    assert "Ukrainian General Staff" in text and "killed: nearly 400" in text
    assert "killed 63–400" in text
    assert "The ministry put the toll at 63 servicemen." in text
    assert "settlement" in text
    link = page.locator(".leaflet-popup a", has_text="Toll disputed after barracks strike")
    assert link.get_attribute("href") == "https://example.org/a1"
    # the location-uncertainty circle is drawn while the popup is open
    assert (
        page.evaluate(
            "() => { let r = null; window.__testMap.eachLayer(l => { if (l.getRadius && l._mRadius) r = l._mRadius; }); return r; }"
        )
        == 3000
    )
    assert log.errors == []


def test_low_confidence_events_are_marked_for_review(page_online: tuple[Any, Any]) -> None:
    page, log = page_online
    # ev-sevastopol: approximate place, one source, no claimant, unverified, no attacker
    text = click_event(page, "ev-sevastopol")
    assert "NEEDS REVIEW" in text.upper()
    assert "Confidence: 0.45 (approximate place: -0.15;" in text
    faint = "() => { let n = 0; window.__testMap.eachLayer(l => { if (l.options && l.options.fillOpacity === 0.3) n++; }); return n; }"
    assert page.evaluate(faint) >= 1  # its marker is drawn faint
    page.keyboard.press("Escape")
    # near miss: the Makiivka event (0.75) is confident enough
    text = click_event(page, "ev-makiivka")
    assert "NEEDS REVIEW" not in text.upper() and "Confidence: 0.75" in text
    assert log.errors == []


def test_hostile_quote_is_shown_verbatim_and_runs_nothing(page_online: tuple[Any, Any]) -> None:
    page, log = page_online
    # hover tooltip shows the hostile place name as text
    assert HOSTILE_PLACE in hover_event(page, "ev-hostile")
    # the popup shows quote, place, claimant and source title verbatim
    text = click_event(page, "ev-hostile")
    quotes = page.eval_on_selector_all(
        ".leaflet-popup .ge-quote", "els => els.map(e => e.textContent)"
    )
    assert HOSTILE in quotes
    assert HOSTILE_PLACE in text
    assert "Someone <i>quoted</i>" in text
    assert "<script>window.pwned=5</script>Title" in text
    assert "UNVERIFIED" in text.upper()
    # a javascript: source URL is not made into a link
    assert page.locator(".leaflet-popup .ge-popup a").count() == 0
    # search results show it as text too
    page.fill("#ge-search", "olenivka</b>")
    assert HOSTILE_PLACE in page.inner_text("#ge-results")
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert (
        page.evaluate(
            "document.querySelectorAll('.leaflet-popup img, .leaflet-popup i, "
            "#ge-results b').length"
        )
        == 0
    )
    assert log.dialogs == []
    assert log.errors == []


def test_time_slider_changes_the_count(
    page_online: tuple[Any, Any], test_events: list[Any]
) -> None:
    page, _ = page_online
    end = datetime.date(2023, 3, 2)
    page.select_option("#ge-time-window", "7")
    page.eval_on_selector(
        "#ge-time-slider",
        "(el, v) => { el.value = String(v); el.dispatchEvent(new Event('input')); }",
        (end - datetime.date(1970, 1, 1)).days,
    )
    state = wait_idle(page)
    lo = (end - datetime.timedelta(days=6)).isoformat()
    hi = end.isoformat()
    expected = sum(
        1 for e in test_events if (w := date_window(e)) is None or (w[1] >= lo and w[0] <= hi)
    )
    assert state["window"] == [lo, hi]
    assert state["visible"] == expected < len(test_events)
    assert page.inner_text("#ge-count").startswith(f"{expected} of {len(test_events)} events")
    # undated events can be left out
    page.uncheck("#ge-undated")
    assert wait_idle(page)["visible"] == expected - 1
    assert "end=2023-03-02" in page.evaluate("location.hash")


def test_shared_view_restores_filters(
    open_map: Any, online_map: Path, test_events: list[Any]
) -> None:
    page, log = open_map(
        online_map, hash="map=9/50.45/30.52&win=7&end=2023-03-03&off=type:remote_explosive"
    )
    state = page.evaluate("window.geoevents.state()")
    assert state["window"] == ["2023-02-25", "2023-03-03"]
    assert state["byType"]["remote_explosive"] == 0
    assert (
        page.evaluate(
            "window.__m = Object.values(window).find(v => v && v._container && v.getZoom); window.__m.getZoom()"
        )
        == 9
    )
    assert not page.is_checked("input[data-layer='type:remote_explosive']")
    assert log.errors == []


def test_search_by_event_id_opens_its_popup(page_online: tuple[Any, Any]) -> None:
    page, _ = page_online
    page.fill("#ge-search", "ev-sevastopol")
    page.press("#ge-search", "Enter")
    page.wait_for_selector(".leaflet-popup .ge-popup[data-event-id='ev-sevastopol']", timeout=10000)
    text = page.inner_text(".leaflet-popup .ge-popup")
    assert "Sevastopol" in text and "near" in text


def test_download_geojson_of_shown_events(
    page_online: tuple[Any, Any], test_events: list[Any], tmp_path: Path
) -> None:
    page, _ = page_online
    page.uncheck("input[data-layer='type:air_drone_strike']")
    state = wait_idle(page)
    with page.expect_download() as dl:
        page.click("#ge-download-geojson")
    target = tmp_path / "events.geojson"
    dl.value.save_as(target)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert len(data["features"]) == state["visible"]
    frame = read_events(target)  # readable back by geoevents
    assert "air_drone_strike" not in set(frame["event_type"])
    hostile = [e for e in test_events if e.id == "ev-sevastopol"][0]
    assert hostile.id in set(frame["id"])


def test_region_and_heat_layers_follow_the_filters(page_online: tuple[Any, Any]) -> None:
    page, _ = page_online
    total = page.evaluate(
        "Array.from(document.querySelectorAll('.ge-region-n')).reduce((a, e) => a + (+e.textContent), 0)"
    )
    assert total == page.evaluate("window.geoevents.state().visible")
    assert page.locator("canvas.leaflet-heatmap-layer").count() == 1
    page.uncheck("input[data-layer='type:interception']")
    state = wait_idle(page)
    total = page.evaluate(
        "Array.from(document.querySelectorAll('.ge-region-n')).reduce((a, e) => a + (+e.textContent), 0)"
    )
    assert total == state["visible"]


def test_offline_file_renders_with_every_request_refused(
    open_map: Any, offline_map: Path, test_events: list[Any]
) -> None:
    page, log = open_map(offline_map, network=False)
    state = page.evaluate("window.geoevents.state()")
    assert state["visible"] == len(test_events)
    assert log.errors == []
    assert log.refused == []  # the page did not even try the network
    # country outlines are the basemap: a canvas with drawn pixels under the markers
    assert page.evaluate(
        "document.querySelector('.leaflet-container').classList.contains('ge-outline-base')"
    )
    assert page.locator(".leaflet-control-minimap").count() == 1
    assert page.locator(".leaflet-control-zoom-fullscreen, .fullscreen-icon").count() >= 1
    html = offline_map.read_text(encoding="utf-8")
    assert "https://cdn.jsdelivr.net" not in html
