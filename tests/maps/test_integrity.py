"""Online maps load their CDN assets with subresource-integrity hashes of the installed files."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest

from geoevents.io.events import events_to_frame
from maps import assets
from maps.eventmap import write_map
from tests.maps.conftest import hand_events
from tests.support.browser import CDN_HEADERS, READY_JS, PageLog, route_offline

MAPS_DIR = Path(assets.__file__).resolve().parent
LINK_RE = re.compile(r"<(script|link)\b([^>]*?)\s(?:src|href)=\"(https?://[^\"]+)\"([^>]*)>")


def _sha384(path: Path) -> str:
    """The integrity value of a file, computed here independently of maps.assets."""
    return "sha384-" + base64.b64encode(hashlib.sha384(path.read_bytes()).digest()).decode()


def _links(html: str) -> dict[str, dict[str, str]]:
    """Every external script and stylesheet of a page: url -> its attributes."""
    out = {}
    for m in LINK_RE.finditer(html):
        attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', m.group(2) + m.group(4)))
        attrs["tag"] = m.group(1)
        out[m.group(3)] = attrs
    return out


def test_cdn_versions_equal_the_installed_npm_packages() -> None:
    declared = json.loads((MAPS_DIR / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((MAPS_DIR / "package-lock.json").read_text(encoding="utf-8"))
    assert declared["dependencies"] == assets.VERSIONS  # exact pins, no ranges
    assert lock["packages"][""]["dependencies"] == assets.VERSIONS
    for package, version in assets.VERSIONS.items():
        assert lock["packages"][f"node_modules/{package}"]["version"] == version, package
        installed = assets.assets_dir() / package / "package.json"
        got = json.loads(installed.read_text(encoding="utf-8"))["version"]
        assert got == version, f"{package}: CDN links {version}, node_modules has {got}"
    for asset in (*assets.JS_ASSETS, *assets.CSS_ASSETS):
        assert f"/{asset.package}@{assets.VERSIONS[asset.package]}/" in asset.url


def test_every_cdn_asset_has_the_integrity_of_the_installed_file(tmp_path: Path) -> None:
    html = write_map(events_to_frame(hand_events()), tmp_path / "m.html").read_text("utf-8")
    links = _links(html)
    linked = {a.url for a in (*assets.JS_ASSETS, *assets.CSS_ASSETS)}
    assert set(links) == linked  # nothing else is loaded from the network
    for url, attrs in links.items():
        local = assets.local_path_for_url(url)
        assert local is not None and local.is_file(), url
        assert attrs["integrity"] == _sha384(local), f"stale integrity hash of {url}"
        assert attrs["crossorigin"] == "anonymous"
        assert attrs["tag"] == ("script" if url.endswith(".js") else "link")
    # the offline page inlines the same files: no link, no integrity attribute left
    offline = write_map(events_to_frame(hand_events()), tmp_path / "o.html", offline=True)
    assert _links(offline.read_text("utf-8")) == {}


def test_link_tag_only_for_page_assets() -> None:
    assert assets.link_tag(assets.CSS_ASSETS[0]).startswith('<link rel="stylesheet" href=')
    with pytest.raises(ValueError, match="outlines is not linked"):
        assets.link_tag(assets.OUTLINES)


def _open(browser: Any, path: Path, tamper: str | None = None) -> tuple[Any, Any, PageLog]:
    """Open ``path`` with the CDN served from node_modules; ``tamper``: URL served changed."""
    ctx = browser.new_context()
    page = ctx.new_page()
    log = PageLog()
    route_offline(page, log)
    if tamper:
        local = assets.local_path_for_url(tamper)
        assert local is not None
        body = local.read_bytes() + b"\n/* one byte more than the published file */\n"
        # registered last, so it answers this URL before route_offline does
        page.route(
            tamper,
            lambda r: r.fulfill(
                body=body,
                content_type="application/javascript",
                headers=CDN_HEADERS,
            ),
        )
    page.goto(path.as_uri())
    return ctx, page, log


def test_browser_runs_the_assets_only_with_matching_hashes(browser: Any, tmp_path: Path) -> None:
    path = write_map(events_to_frame(hand_events()), tmp_path / "m.html", heat=True)
    ctx, page, log = _open(browser, path)
    try:
        page.wait_for_function(READY_JS, timeout=30000)
        loaded = page.evaluate(
            "[typeof L, typeof L.markerClusterGroup, typeof L.heatLayer, typeof L.Control.MiniMap,"
            " typeof L.control.fullscreen, typeof topojson]"
        )
        assert loaded == ["object", "function", "function", "function", "function", "object"]
        sheets = page.evaluate("Array.from(document.styleSheets).filter(s => s.href).length")
        assert sheets == len(assets.CSS_ASSETS)
        assert log.errors == [] and log.refused == []
        assert {a.url for a in (*assets.JS_ASSETS, *assets.CSS_ASSETS)} <= set(log.served)
    finally:
        ctx.close()
    # a CDN that serves other bytes: the browser refuses to run the script
    cluster = assets.JS_ASSETS[1]
    assert cluster.package == "leaflet.markercluster"
    ctx, page, log = _open(browser, path, tamper=cluster.url)
    try:
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)
        assert page.evaluate("typeof L.markerClusterGroup") == "undefined"
        assert page.evaluate("window.geoevents === undefined || !window.geoevents.ready")
        assert any("integrity" in e and cluster.url in e for e in log.errors), log.errors
    finally:
        ctx.close()
