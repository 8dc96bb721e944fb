"""The Python API of the map (build_map / save_map / write_map) on real frames and files."""

from __future__ import annotations

import copy
import inspect
import re
from pathlib import Path
from typing import Any

import folium
import folium.plugins
import pytest
from branca.element import Figure

from geoevents.errors import ConfigurationError
from geoevents.io.events import events_to_frame, read_events, write_events
from geoevents.model import Claim, Event, Source
from maps import assets
from maps.eventmap import EventMap, build_map, save_map, write_map
from tests.maps.conftest import HOSTILE, embedded_data

TEMPLATE_TEXT = "{{ 7*7 }} {% raw %} {# not a comment #} {{ cycler.__init__.__globals__ }}"


def _asset_lists() -> dict[str, Any]:
    """Every class-level asset list of folium and branca (deep copies)."""
    out: dict[str, Any] = {}
    import branca.element

    for module in (folium, folium.plugins, folium.map, folium.features, branca.element):
        for name, cls in inspect.getmembers(module, inspect.isclass):
            for attr in ("default_js", "default_css"):
                if attr in vars(cls):
                    out[f"{cls.__module__}.{name}.{attr}"] = copy.deepcopy(vars(cls)[attr])
    return out


def test_folium_class_level_asset_lists_are_untouched(
    test_events: list[Any], tmp_path: Path
) -> None:
    before = _asset_lists()
    assert "folium.folium.Map.default_js" in before
    frame = events_to_frame(test_events)
    write_map(frame, tmp_path / "online.html", heat=True, regions=True)
    write_map(frame, tmp_path / "offline.html", offline=True)
    save_map(build_map(frame), tmp_path / "again.html", offline=True)
    assert _asset_lists() == before
    assert folium.Map.default_js is not EventMap.default_js
    # a plain folium map made afterwards links folium's own assets, none of ours
    html = folium.Map().get_root().render()
    folium_urls = {url for _, url in (*folium.Map.default_js, *folium.Map.default_css)}
    ours = [a.url for a in (*assets.JS_ASSETS, *assets.CSS_ASSETS) if a.url not in folium_urls]
    assert ours
    for url in ours:
        assert url not in html
    assert all(url in html for _, url in folium.Map.default_js)
    # and a new Figure has only its own meta header
    assert list(Figure().header._children) == ["meta_http"]


def test_write_map_takes_a_geodataframe_and_keeps_every_event(
    test_events: list[Any], tmp_path: Path
) -> None:
    frame = events_to_frame(test_events)
    path = write_map(frame, tmp_path / "m.html", title="API map")
    data = embedded_data(path)
    assert sorted(f["id"] for f in data["events"]["features"]) == sorted(frame["id"])
    # true positions in the GeoJSON ([lon, lat]); display positions fanned out for shared spots
    kyiv = [i for i, f in enumerate(data["events"]["features"]) if f["id"].startswith("ev-kyiv")]
    assert len(kyiv) == 3
    for i in kyiv:
        assert data["events"]["features"][i]["geometry"]["coordinates"] == [30.52, 50.45]
    shown = {tuple(data["display"][i]) for i in kyiv}
    assert len(shown) == 3
    for lat, lon in shown:
        assert 0 < abs(lat - 50.45) + abs(lon - 30.52) < 0.01
    # write -> read events -> map gives the same data
    gj = tmp_path / "events.geojson"
    write_events(test_events, gj)
    again = embedded_data(write_map(read_events(gj), tmp_path / "m2.html", title="API map"))
    assert again == data


def test_template_syntax_in_article_text_is_data_not_code(tmp_path: Path) -> None:
    ev = Event(
        "ev-jinja",
        "air_drone_strike",
        48.0,
        37.8,
        date="2023-01-01",
        date_precision="day",
        place_name=TEMPLATE_TEXT,
        claims=(Claim(TEMPLATE_TEXT, "ukraine", quote=HOSTILE + TEMPLATE_TEXT),),
        sources=(Source("s", TEMPLATE_TEXT, "https://example.org/x"),),
    )
    path = write_map(events_to_frame([ev]), tmp_path / "t.html", title=TEMPLATE_TEXT)
    html = path.read_text(encoding="utf-8")
    props = embedded_data(html)["events"]["features"][0]["properties"]
    assert props["place_name"] == TEMPLATE_TEXT
    assert props["claims"][0]["quote"] == HOSTILE + TEMPLATE_TEXT
    assert props["sources"][0]["title"] == TEMPLATE_TEXT
    assert "'__builtins__'" not in html  # the globals of the template were not dumped
    assert re.search(r"<title>\{\{ 7\*7 \}\} \{% raw %\}", html)
    # nothing from the text can end the data element or open a template literal
    data_block = html.split('id="geoevents-data">')[1].split("</script>")[0]
    assert "<" not in data_block and "`" not in data_block and "${" not in data_block


def test_failed_render_leaves_no_file(test_events: list[Any], tmp_path: Path) -> None:
    m = build_map(events_to_frame(test_events))
    # a plugin with its own CDN script cannot be inlined from our npm copies
    folium.plugins.Geocoder().add_to(m)
    target = tmp_path / "map.html"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(ConfigurationError, match="offline map still links external assets"):
        save_map(m, target, offline=True)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]


def test_offline_page_inlines_css_images(test_events: list[Any], tmp_path: Path) -> None:
    html = write_map(events_to_frame(test_events), tmp_path / "o.html", offline=True).read_text(
        encoding="utf-8"
    )
    # leaflet's layer-control and fullscreen icons become data: URIs
    assert html.count("data:image/png;base64,") + html.count("data:image/svg+xml;base64,") >= 2
    assert not re.findall(r"url\(\s*[\"']?(?!data:|#)[^)\"']+\.(?:png|svg)", html)


def test_empty_frame_gives_a_working_page(tmp_path: Path) -> None:
    path = write_map(events_to_frame([]), tmp_path / "empty.html")
    data = embedded_data(path)
    assert data["events"]["features"] == [] and data["dateRange"] is None
    assert data["bounds"] is None and data["regions"] == []
