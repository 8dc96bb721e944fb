"""Browser fixtures: Debian's headless Chromium driven by Playwright, no network.

CDN requests are answered from the local npm copies in ``maps/node_modules``,
image (tile) requests with a blank PNG, and everything else is refused and
recorded, so a test can assert which requests a page made.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from maps import assets
from tests.support.browser import CHROMIUM, READY_JS, PageLog, launch, route_offline


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the session."""
    if not CHROMIUM.exists():
        pytest.fail(
            "Debian chromium is not installed at /usr/bin/chromium (./dev.sh test installs it)"
        )
    assets.check_assets()  # fails with the npm command to run
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = launch(pw)
        yield b
        b.close()


@pytest.fixture
def open_map(browser: Any) -> Iterator[Any]:
    """``open_map(path, network=True, hash="", tiles=True)`` -> (page, log), page ready to use;
    ``tiles=False``: the scripts load but every tile request fails."""
    contexts: list[Any] = []

    def _open(
        path: Path, *, network: bool = True, hash: str = "", tiles: bool = True
    ) -> tuple[Any, PageLog]:
        ctx = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
        contexts.append(ctx)
        page = ctx.new_page()
        log = PageLog()
        route_offline(page, log, network=network, tiles=tiles)
        page.goto(path.as_uri() + (f"#{hash}" if hash else ""))
        page.wait_for_function(READY_JS, timeout=30000)
        return page, log

    yield _open
    for ctx in contexts:
        ctx.close()


def wait_idle(page: Any) -> dict[str, Any]:
    """Wait until the page has applied the last filter change; return its state."""
    page.wait_for_timeout(120)  # filter changes are debounced by 60 ms
    page.wait_for_function("window.geoevents.state().busy === 0", timeout=20000)
    return page.evaluate("window.geoevents.state()")


def assert_counts(page: Any, events: list[Any]) -> dict[str, Any]:
    """Check that the page counts ``events`` per type and side, also in the layer panel.

    Every event must be shown; returns the page state.
    """
    from collections import Counter

    state: dict[str, Any] = page.evaluate("window.geoevents.state()")
    assert state["total"] == state["visible"] == len(events)
    types = Counter(e.event_type for e in events)
    assert {k: v for k, v in state["byType"].items() if v} == dict(types)
    sides: Counter[str] = Counter()
    for e in events:
        sides.update(e.claimant_sides)
    assert {k: v for k, v in state["bySide"].items() if v} == dict(sides)
    for t, n in types.items():
        label = page.locator(f"label:has(input[data-layer='type:{t}']) .ge-count")
        assert label.inner_text() == f"({n})"
    return state


def centre_on_event(page: Any, event_id: str, zoom: int = 16) -> tuple[float, float]:
    """Centre the view on the event's marker at ``zoom``; return the marker's pixel point.

    Needs ``window.__testMap`` (the Leaflet map) set on the page.
    """
    page.evaluate(
        """([id, zoom]) => { const f = JSON.parse(document.getElementById('geoevents-data').textContent);
                   const i = f.events.features.findIndex(x => x.id === id);
                   const d = f.display[i];
                   window.__testMap.setView([d[0], d[1]], zoom, {animate: false}); }""",
        [event_id, zoom],
    )
    page.wait_for_timeout(300)
    page.wait_for_function("window.geoevents.state().busy === 0", timeout=10000)
    x, y = page.evaluate("id => window.geoevents.markerPoint(id)", event_id)
    return float(x), float(y)


def click_event(page: Any, event_id: str, zoom: int = 16) -> str:
    """Centre the event at ``zoom`` (16: no clustering), click its marker, return the popup text.

    The click is repeated a few times while the cluster layer is still redrawing after
    the view change (slow, shared CI machines).
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    x, y = centre_on_event(page, event_id, zoom)
    selector = f".leaflet-popup .ge-popup[data-event-id='{event_id}']"
    for _ in range(5):
        page.mouse.click(x, y)
        try:
            page.wait_for_selector(selector, timeout=2000)
            break
        except PlaywrightTimeout:
            continue
    page.wait_for_selector(selector, timeout=2000)
    return str(page.inner_text(".leaflet-popup .ge-popup"))


def hover_event(page: Any, event_id: str, zoom: int = 16) -> str:
    """Move the mouse onto the event's marker and return its tooltip text."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    x, y = centre_on_event(page, event_id, zoom)
    for _ in range(5):
        # Leaflet's canvas renderer handles at most one mousemove per 32 ms and drops the
        # rest: pause between moves so that both "leave" and "enter" are seen.
        page.mouse.move(x + 80, y + 80)
        page.wait_for_timeout(80)
        page.mouse.move(x + 1, y + 1)
        page.wait_for_timeout(80)
        page.mouse.move(x, y)
        try:
            page.wait_for_selector(".ge-tip", timeout=2000)
            break
        except PlaywrightTimeout:
            continue
    page.wait_for_selector(".ge-tip", timeout=2000)
    return str(page.inner_text(".ge-tip"))


#: JS that finds the page's Leaflet map object and keeps it as ``window.__testMap``.
FIND_MAP_JS = (
    "void (window.__testMap = Object.values(window).find(v => v && v._container && v.getZoom))"
)


# ---- events used by the browser tests (own wording; places and figures are facts) ----------

HOSTILE = "${alert(1)}</script><script>window.pwned=1</script>\\`<img src=x onerror=window.pwned=2>"
HOSTILE_PLACE = "<b onmouseover=window.pwned=3>Olenivka</b>${window.pwned=4}"


def disputed_event() -> Any:
    """The Makiivka strike: two sides' claims with different tolls."""
    from geoevents.model import Claim, Event, Figure, Source

    return Event(
        "ev-makiivka",
        "shelling_missile_attack",
        48.05,
        37.97,
        date="2023-01-01",
        date_start="2023-01-01",
        date_end="2023-01-01",
        date_precision="day",
        place_name="Makiivka",
        admin1="Donetsk Oblast",
        country_code="UA",
        weapons=("HIMARS",),
        targets=("temporary barracks",),
        attacker_side="ukraine",
        claims=(
            Claim(
                "Russian Ministry of Defence",
                "russia",
                killed=Figure(63, 63),
                quote="The ministry put the toll at 63 servicemen.",
                article_id="a1",
            ),
            Claim(
                "Ukrainian General Staff",
                "ukraine",
                killed=Figure(400, 400, "nearly"),
                quote="Kyiv's count was close to 400 killed.",
                article_id="a2",
            ),
        ),
        disputed=True,
        disputed_by=("Russian Ministry of Defence",),
        sources=(
            Source(
                "a1",
                "Toll disputed after barracks strike",
                "https://example.org/a1",
                "2023-01-02",
            ),
        ),
    )


def hostile_event() -> Any:
    """An event whose every text field is hostile markup or script."""
    from geoevents.model import Claim, Event, Source

    return Event(
        "ev-hostile",
        "air_drone_strike",
        46.2,
        34.9,
        date="2023-02-10",
        date_precision="day",
        place_name=HOSTILE_PLACE,
        country_code="UA",
        claims=(Claim("Someone <i>quoted</i>", "other", quote=HOSTILE, article_id="h1"),),
        verified=False,
        sources=(
            Source(
                "h1",
                "<script>window.pwned=5</script>Title",
                "javascript:window.pwned=6",
                None,
                HOSTILE,
            ),
        ),
    )


def hand_events() -> list[Any]:
    """Hand-made events: a dispute, a hostile quote, co-located events, undated, each type."""
    from geoevents.model import Claim, Event

    return [
        disputed_event(),
        hostile_event(),
        *[
            Event(
                f"ev-kyiv-{d}",
                "interception",
                50.45,
                30.52,
                date=f"2023-03-0{d}",
                date_precision="day",
                place_name="Kyiv",
                admin1="Kyiv City",
                country_code="UA",
                claims=(
                    Claim(
                        "Ukrainian Air Force",
                        "ukraine",
                        quote=f"Air defence downed drones over the capital ({d}).",
                        article_id=f"k{d}",
                    ),
                ),
            )
            for d in (1, 2, 3)
        ],
        Event(
            "ev-sevastopol",
            "remote_explosive",
            44.6,
            33.52,
            date="2023-06-15",
            date_precision="day",
            place_name="Sevastopol",
            country_code="UA",
            location_precision=2,
            verified=False,
        ),
        Event(
            "ev-lviv-undated",
            "interception",
            49.84,
            24.03,
            place_name="Lviv",
            admin1="Lviv Oblast",
            country_code="UA",
            location_precision=3,
            claims=(Claim("Regional governor", "ukraine", quote="Missiles were shot down."),),
        ),
    ]


def all_test_events() -> list[Any]:
    """Hand-made events plus 40 synthetic ones."""
    from tests.support.synthetic import synthetic_events

    return hand_events() + synthetic_events(40, seed=3)


@pytest.fixture(scope="session")
def test_events() -> list[Any]:
    return all_test_events()


@pytest.fixture(scope="session")
def online_map(tmp_path_factory: pytest.TempPathFactory, test_events: list[Any]) -> Path:
    """The test events as an online map (assets linked from the CDN), heat and regions on."""
    from geoevents.io.events import events_to_frame
    from maps.eventmap import write_map

    path = tmp_path_factory.mktemp("maps") / "online.html"
    write_map(events_to_frame(test_events), path, title="Test map", heat=True, regions=True)
    return path


@pytest.fixture(scope="session")
def offline_map(tmp_path_factory: pytest.TempPathFactory, test_events: list[Any]) -> Path:
    """The test events as one self-contained offline file."""
    from geoevents.io.events import events_to_frame
    from maps.eventmap import write_map

    path = tmp_path_factory.mktemp("maps") / "offline.html"
    write_map(events_to_frame(test_events), path, title="Offline map", offline=True)
    return path


def embedded_data(page: Path | str) -> dict[str, Any]:
    """The events JSON embedded in a map page (file path or HTML text)."""
    import json
    import re

    html = page if isinstance(page, str) else page.read_text(encoding="utf-8")
    m = re.search(r'<script type="application/json" id="geoevents-data">(.*?)</script>', html, re.S)
    assert m, "no embedded event data in the page"
    data: dict[str, Any] = json.loads(m.group(1))
    return data
