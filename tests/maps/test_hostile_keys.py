"""Data that could trip the page: prototype names as keys, a lone value where a list belongs.

Strings such as ``"__proto__"`` or ``"constructor"`` in any field the page uses as
an object key (attacker side, claimant, quote, weapon, place, country, id) must
show as text and leave popups, legend, filters and counts working; a string in a
list field (``weapons: "HIMARS"``) is one item, not one per letter.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from geoevents.io.events import events_to_frame
from geoevents.model import Claim, Event, Source
from geoevents.vocabulary import EVENT_TYPES, SIDES
from maps.eventmap import write_map
from maps.mapdata import as_list, build_map_data, json_for_script, normalise_event
from tests.maps.conftest import (
    FIND_MAP_JS,
    assert_counts,
    click_event,
    embedded_data,
    hand_events,
    wait_idle,
)

KEYS = ("__proto__", "constructor", "toString", "hasOwnProperty")


def key_events() -> list[Event]:
    """One event per prototype name, used in every free-text field."""
    types = list(EVENT_TYPES)
    sides = list(SIDES)
    return [
        Event(
            key,
            types[i % len(types)],
            47.0 + 0.4 * i,
            35.5,
            date=f"2023-04-0{i + 1}",
            date_precision="day",
            place_name=key,
            admin1=key,
            country_code=key,
            weapons=(key, "HIMARS"),
            targets=(key,),
            attacker_side=key,
            claims=(Claim(key, sides[i % len(sides)], quote=f"{key} said so", article_id=key),),
            disputed=True,
            disputed_by=(key,),
            sources=(Source(key, key, None, None, key),),
        )
        for i, key in enumerate(KEYS)
    ]


@pytest.fixture(scope="module")
def key_map(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Event]]:
    events = hand_events() + key_events()
    path = tmp_path_factory.mktemp("keys") / "keys.html"
    write_map(events_to_frame(events), path, title="constructor", heat=True, regions=True)
    return path, events


def test_prototype_names_render_count_and_open(open_map: Any, key_map: Any) -> None:
    path, events = key_map
    page, log = open_map(path)
    page.evaluate(FIND_MAP_JS)
    assert_counts(page, events)
    assert page.locator(".ge-legend .ge-legend-row").count() == len(EVENT_TYPES) + 3
    for key in KEYS:
        text = click_event(page, key)
        assert f"Attacker: {key}" in text
        assert f"Weapons: {key}, HIMARS" in text and f"Targets: {key}" in text
        assert f"{key}, {key}, {key}" in text  # place, region, country
        assert f"{key} said so" in text and f"id {key}" in text
        quotes = page.eval_on_selector_all(
            ".leaflet-popup .ge-quote", "els => els.map(e => e.textContent)"
        )
        assert quotes == [f"{key} said so", key]  # the source's own quote is not dropped
        badge = page.get_attribute(".leaflet-popup .ge-disputed", "title")
        assert badge == f"disputed by {key}"
    # the filters still count right: one type off and on again
    first = key_events()[0].event_type
    page.uncheck(f"input[data-layer='type:{first}']")
    assert wait_idle(page)["visible"] == len(events) - sum(e.event_type == first for e in events)
    page.check(f"input[data-layer='type:{first}']")
    assert wait_idle(page)["visible"] == len(events)
    page.fill("#ge-search", "__proto__")
    assert page.locator("#ge-results li").count() == 1
    assert log.errors == [] and log.dialogs == []


def test_prototype_names_and_bad_escapes_in_the_url_hash(open_map: Any, key_map: Any) -> None:
    path, events = key_map
    page, log = open_map(
        path, hash="off=type:__proto__,side:constructor,type:toString&hasOwnProperty=1&win=%E0%A4"
    )
    state = page.evaluate("window.geoevents.state()")
    assert state["visible"] == len(events)
    assert log.errors == []


def _rewrite_data(html: str, change: Any) -> str:
    """``html`` with its embedded events changed by ``change(features)``."""
    m = re.search(
        r'(<script type="application/json" id="geoevents-data">)(.*?)(</script>)', html, re.S
    )
    assert m
    data = json.loads(m.group(2))
    change(data["events"]["features"])
    return html[: m.start(2)] + json_for_script(data) + html[m.end(2) :]


def test_page_survives_keys_and_lone_values_python_never_writes(
    open_map: Any, tmp_path: Path
) -> None:
    """Page data from another writer: unknown type and side named like prototype members,
    and lone values in list fields."""
    events = hand_events()
    path = write_map(events_to_frame(events), tmp_path / "m.html")

    def change(features: list[dict[str, Any]]) -> None:
        odd, lone = features[0]["properties"], features[1]["properties"]
        odd["event_type"] = "constructor"
        odd["claims"] = [{"claimant": "x", "side": "__proto__"}]
        lone["weapons"], lone["targets"] = "Storm Shadow", "bridge"
        lone["claims"] = {"claimant": "Governor", "side": "ukraine", "quote": "One claim."}
        lone["sources"] = {"article_id": "s", "title": "Lone source"}
        lone["disputed"], lone["disputed_by"] = True, "Governor"

    html = _rewrite_data(path.read_text("utf-8"), change)
    path.write_text(html, encoding="utf-8")
    data = embedded_data(path)
    odd_id, lone_id = (f["id"] for f in data["events"]["features"][:2])
    page, log = open_map(path)
    page.evaluate(FIND_MAP_JS)
    state = page.evaluate("window.geoevents.state()")
    assert state["total"] == len(events) and state["visible"] == len(events) - 1
    assert "constructor" not in state["byType"]
    assert page.evaluate(f"window.geoevents.showPopup({odd_id!r})")
    page.wait_for_selector(f".leaflet-popup .ge-popup[data-event-id='{odd_id}']")
    assert "(__proto__)" in page.inner_text(".leaflet-popup .ge-popup")
    text = click_event(page, lone_id)
    assert "Weapons: Storm Shadow" in text and "Targets: bridge" in text
    assert "Governor" in text and "One claim." in text and "Lone source" in text
    assert log.errors == []


# ---- a lone value in a list field is one item ----------------------------------------


def test_as_list_keeps_a_string_whole() -> None:
    assert as_list("HIMARS") == ["HIMARS"]
    assert as_list('"HIMARS"') == ["HIMARS"]  # JSON text, as CSV/GeoPackage cells hold it
    assert as_list('["HIMARS", "ATACMS"]') == ["HIMARS", "ATACMS"]
    assert as_list("") == [] and as_list(None) == [] and as_list("null") == []
    assert as_list({"claimant": "x"}) == [{"claimant": "x"}]


def _weapons_frame() -> Any:
    """A frame as another tool may hand it over: lone strings in list columns."""
    frame = events_to_frame(hand_events())
    frame.loc[0, "weapons"] = "HIMARS"  # a plain string
    frame.loc[1, "weapons"] = json.dumps("Storm Shadow")  # JSON text of a string
    frame.loc[1, "targets"] = "bridge"
    frame.loc[2, "disputed_by"] = "Regional governor"
    return frame


def test_a_lone_string_in_a_list_field_is_one_item() -> None:
    frame = _weapons_frame()
    ids = list(frame["id"][:3])
    props = {f["id"]: f["properties"] for f in build_map_data(frame).features}
    assert props[ids[0]]["weapons"] == ["HIMARS"]
    assert props[ids[1]]["weapons"] == ["Storm Shadow"] and props[ids[1]]["targets"] == ["bridge"]
    assert props[ids[2]]["disputed_by"] == ["Regional governor"]
    assert frame.loc[0, "weapons"] == "HIMARS"  # the caller's frame is not changed
    ev = Event("x", "interception", 50.0, 30.0, weapons="Shahed-136", targets="power plant")
    assert normalise_event(ev).weapons == ("Shahed-136",)
    feature = build_map_data([ev]).features[0]["properties"]
    assert feature["weapons"] == ["Shahed-136"] and feature["targets"] == ["power plant"]


def test_lone_string_weapon_shows_whole_in_the_popup(open_map: Any, tmp_path: Path) -> None:
    frame = _weapons_frame()
    first, second = frame["id"][0], frame["id"][1]
    path = write_map(frame, tmp_path / "w.html")
    page, log = open_map(path)
    page.evaluate(FIND_MAP_JS)
    text = click_event(page, first)
    assert "Weapons: HIMARS" in text and "H, I, M" not in text
    text = click_event(page, second)
    assert "Weapons: Storm Shadow" in text and "Targets: bridge" in text
    assert log.errors == []
