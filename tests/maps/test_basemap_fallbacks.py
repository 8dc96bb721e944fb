"""A map that can be read without a network: settlement names on the offline basemap, the
outlines with a notice when tiles fail, and a message when the scripts cannot load."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tests.support.browser import PageLog, route_offline

TEST_MAP_JS = (
    "void (window.__testMap = Object.values(window).find(v => v && v._container && v.getZoom))"
)
LABELS_JS = "Array.from(document.querySelectorAll('.ge-place-label')).map(e => e.textContent)"


def _labels_at(page: Any, lat: float, lon: float, zoom: int) -> list[str]:
    page.evaluate(
        "([lat, lon, z]) => { window.__testMap.setView([lat, lon], z, {animate: false}); }",
        [lat, lon, zoom],
    )
    page.wait_for_timeout(200)
    return list(page.evaluate(LABELS_JS))


def test_offline_basemap_names_towns_by_zoom(open_map: Any, offline_map: Path) -> None:
    page, log = open_map(offline_map, network=False)
    page.evaluate(TEST_MAP_JS)
    wide = _labels_at(page, 48.5, 35.0, 4)
    assert "Kyiv" in wide and "Kharkiv" in wide  # millions: shown from zoom 4
    assert "Druzhkivka" not in wide
    mid = _labels_at(page, 48.5, 35.0, 6)
    assert len(mid) > len(wide) and "Sumy" in mid  # 100,000+: from zoom 6
    close = _labels_at(page, 48.5, 37.6, 10)
    assert len(close) > len(mid)  # towns and villages near the events
    assert log.errors == [] and log.refused == []
    # names are text, never markup: the page carries them as escaped JSON
    html = offline_map.read_text(encoding="utf-8")
    assert re.search(r'"placeLabels":\[\{"name":"', html)


def test_online_map_falls_back_to_outlines_with_a_notice(open_map: Any, online_map: Path) -> None:
    page, log = open_map(online_map, tiles=False)
    page.wait_for_selector(".ge-notice", timeout=15000)
    notice = page.inner_text(".ge-notice")
    assert "Map tiles could not be loaded" in notice and "--offline" in notice
    assert page.evaluate(
        "document.querySelector('.leaflet-container').classList.contains('ge-outline-base')"
    )
    page.click(".ge-notice-close")
    assert page.locator(".ge-notice").count() == 0
    assert log.tiles == []  # every tile was refused


def test_online_map_without_network_says_so(browser: Any, online_map: Path) -> None:
    ctx = browser.new_context()
    try:
        page = ctx.new_page()
        log = PageLog()
        route_offline(page, log, network=False)  # the CDN scripts fail too
        page.goto(online_map.as_uri())
        page.wait_for_selector("#ge-no-network", state="visible", timeout=15000)
        text = page.inner_text("#ge-no-network")
        assert "could not be loaded" in text and "geoevents map --offline" in text
    finally:
        ctx.close()


def test_an_online_map_with_network_shows_no_message(open_map: Any, online_map: Path) -> None:
    page, _ = open_map(online_map)
    assert page.locator("#ge-no-network").is_hidden()
    assert page.locator(".ge-notice").count() == 0
