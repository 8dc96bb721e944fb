"""Each optional control of the map on its own: absent when left out, working when alone."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from geoevents.errors import ConfigurationError
from geoevents.io.events import events_to_frame
from maps.controls import OPTIONAL_CONTROLS
from maps.eventmap import build_map, write_map
from tests.maps.conftest import FIND_MAP_JS, click_event, embedded_data, wait_idle

#: CSS selector of the element each control puts on the page.
ELEMENT = {
    "popup": ".leaflet-popup .ge-popup",
    "overlays": ".leaflet-control-layers-overlays label",
    "filters": ".ge-filters",
    "downloads": "#ge-download-geojson",
    "timewindow": ".ge-time",
    "legend": ".ge-legend",
    "search": "#ge-search",
}
REGION_TOTAL_JS = (
    "Array.from(document.querySelectorAll('.ge-region-n'))"
    ".reduce((a, e) => a + (+e.textContent), 0)"
)


@pytest.fixture(scope="module")
def control_maps(
    tmp_path_factory: pytest.TempPathFactory, test_events: list[Any]
) -> dict[str, dict[str, Path]]:
    """Per control: the map without it ("without") and the map with only it ("alone")."""
    frame = events_to_frame(test_events)
    base = tmp_path_factory.mktemp("controls")
    out: dict[str, dict[str, Path]] = {}
    for name in OPTIONAL_CONTROLS:
        others = [c for c in OPTIONAL_CONTROLS if c != name]
        out[name] = {}
        for kind, chosen in (("without", others), ("alone", [name])):
            path = base / f"{name}-{kind}.html"
            write_map(frame, path, title="Controls", heat=True, regions=True, controls=chosen)
            out[name][kind] = path
    return out


def test_every_control_has_an_element_to_look_for() -> None:
    assert sorted(ELEMENT) == sorted(OPTIONAL_CONTROLS)


def test_unknown_control_is_a_configuration_error(test_events: list[Any]) -> None:
    with pytest.raises(ConfigurationError, match="unknown map control 'compass'"):
        build_map(events_to_frame(test_events), controls=["legend", "compass"])


def test_leaving_controls_out_keeps_the_embedded_events(
    control_maps: dict[str, dict[str, Path]], online_map: Path
) -> None:
    full = embedded_data(online_map)
    for paths in control_maps.values():
        for path in paths.values():
            assert embedded_data(path) == full


@pytest.mark.parametrize("name", OPTIONAL_CONTROLS)
def test_control_left_out_is_absent_and_the_rest_works(
    open_map: Any, control_maps: dict[str, dict[str, Path]], test_events: list[Any], name: str
) -> None:
    page, log = open_map(control_maps[name]["without"])
    page.evaluate(FIND_MAP_JS)
    assert page.evaluate("window.geoevents.state().visible") == len(test_events)
    if name != "popup":
        click_event(page, "ev-makiivka")  # the popup works without this control
    else:
        assert page.evaluate("typeof window.geoevents.showPopup") == "undefined"
    assert page.locator(ELEMENT[name]).count() == 0
    if name == "overlays":
        assert page.locator("canvas.leaflet-heatmap-layer, .ge-region").count() == 0
        assert (
            page.locator(".leaflet-control-layers-base label").count() == 4
        )  # 3 tile layers + the fallback outlines
    for other in OPTIONAL_CONTROLS:
        if other not in (name, "popup"):
            assert page.locator(ELEMENT[other]).count() >= 1, other
    assert log.errors == []


def _check_alone(page: Any, name: str, test_events: list[Any], tmp_path: Path) -> None:
    """Use the one control on a page that has no other optional control."""
    total = len(test_events)
    if name == "popup":
        assert "Russian Ministry of Defence" in click_event(page, "ev-makiivka")
    elif name == "overlays":
        assert page.locator("canvas.leaflet-heatmap-layer").count() == 1
        assert page.evaluate(REGION_TOTAL_JS) == total
        labels = page.eval_on_selector_all(
            ELEMENT[name], "els => els.map(e => e.textContent.trim())"
        )
        assert labels == ["Density (heat)", "Events per region"]
    elif name == "filters":
        page.uncheck("input[data-layer='type:interception']")
        kept = sum(1 for e in test_events if e.event_type != "interception")
        assert wait_idle(page)["visible"] == kept < total
        assert "off=type:interception" in page.evaluate("location.hash")
    elif name == "downloads":
        with page.expect_download() as dl:
            page.click(ELEMENT[name])
        target = tmp_path / "events.geojson"
        dl.value.save_as(target)
        assert len(json.loads(target.read_text(encoding="utf-8"))["features"]) == total
    elif name == "timewindow":
        page.uncheck("#ge-undated")
        undated = sum(1 for e in test_events if not (e.date or e.date_start))
        assert wait_idle(page)["visible"] == total - undated < total
    elif name == "legend":
        assert "Interception/shoot-down" in page.inner_text(ELEMENT[name])
    elif name == "search":
        page.fill("#ge-search", "ev-sevastopol")
        page.press("#ge-search", "Enter")
        page.wait_for_function("window.__testMap.getZoom() >= 11", timeout=10000)
        assert page.locator(".leaflet-popup").count() == 0  # no popup control on this page


@pytest.mark.parametrize("name", OPTIONAL_CONTROLS)
def test_control_alone_is_present_and_works(
    open_map: Any,
    control_maps: dict[str, dict[str, Path]],
    test_events: list[Any],
    tmp_path: Path,
    name: str,
) -> None:
    page, log = open_map(control_maps[name]["alone"])
    page.evaluate(FIND_MAP_JS)
    assert page.evaluate("window.geoevents.state().visible") == len(test_events)
    if name != "popup":
        assert page.locator(ELEMENT[name]).count() >= 1
    for other in OPTIONAL_CONTROLS:
        if other != name:
            assert page.locator(ELEMENT[other]).count() == 0, other
    _check_alone(page, name, test_events, tmp_path)
    assert page.locator("#ge-count").count() == 1 and page.locator("#ge-fit").count() == 1
    assert log.errors == []
