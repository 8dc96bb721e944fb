"""Browser fixtures: Debian's headless Chromium driven by Playwright, no network.

CDN requests are answered from the local npm copies in ``maps/node_modules``,
image (tile) requests with a blank PNG, and everything else is refused and
recorded, so a test can assert which requests a page made.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from maps import assets

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def blank_png() -> bytes:
    """A valid 1x1 transparent PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    idat = zlib.compress(b"\x00\x00\x00\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


BLANK_PNG = blank_png()


@dataclass
class PageLog:
    """What happened on a page: console errors, page errors, dialogs, requests."""

    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    served: list[str] = field(default_factory=list)
    tiles: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


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
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


def _attach(page: Any, log: PageLog, *, network: bool) -> None:
    page.on(
        "console",
        lambda m: log.errors.append(m.text) if m.type == "error" else None,
    )
    page.on("pageerror", lambda e: log.errors.append(f"pageerror: {e}"))

    def on_dialog(d: Any) -> None:
        log.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", on_dialog)

    def route(r: Any) -> None:
        url = r.request.url
        if url.startswith(("file:", "blob:", "data:")):
            r.continue_()
            return
        if network:
            local = assets.local_path_for_url(url)
            if local is not None and local.is_file():
                log.served.append(url)
                r.fulfill(path=str(local))
                return
            if r.request.resource_type == "image":
                log.tiles.append(url)
                r.fulfill(status=200, content_type="image/png", body=BLANK_PNG)
                return
        log.refused.append(url)
        r.abort()

    page.route("**/*", route)


@pytest.fixture
def open_map(browser: Any) -> Iterator[Any]:
    """``open_map(path, network=True, hash="")`` -> (page, log), page ready to use."""
    contexts: list[Any] = []

    def _open(path: Path, *, network: bool = True, hash: str = "") -> tuple[Any, PageLog]:
        ctx = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
        contexts.append(ctx)
        page = ctx.new_page()
        log = PageLog()
        _attach(page, log, network=network)
        page.goto(path.as_uri() + (f"#{hash}" if hash else ""))
        page.wait_for_function("window.geoevents && window.geoevents.ready === true", timeout=30000)
        return page, log

    yield _open
    for ctx in contexts:
        ctx.close()


def wait_idle(page: Any) -> dict[str, Any]:
    """Wait until the page has applied the last filter change; return its state."""
    page.wait_for_timeout(120)  # filter changes are debounced by 60 ms
    page.wait_for_function("window.geoevents.state().busy === 0", timeout=20000)
    return page.evaluate("window.geoevents.state()")


# ---- events used by the browser tests (own wording; places and figures are facts) ----------

HOSTILE = "${alert(1)}</script><script>window.pwned=1</script>\\`<img src=x onerror=window.pwned=2>"
HOSTILE_PLACE = "<b onmouseover=window.pwned=3>Olenivka</b>${window.pwned=4}"


def hand_events() -> list[Any]:
    """Hand-made events: a dispute, a hostile quote, co-located events, undated, each type."""
    from geoevents.model import Claim, Event, Figure, Source

    return [
        Event(
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
        ),
        Event(
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
        ),
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
    from maps.synthetic import synthetic_events

    return hand_events() + synthetic_events(40, seed=3)


@pytest.fixture(scope="session")
def test_events() -> list[Any]:
    return all_test_events()


@pytest.fixture(scope="session")
def online_map(tmp_path_factory: pytest.TempPathFactory, test_events: list[Any]) -> Path:
    """The test events as an online map (assets linked from the CDN), heat and regions on."""
    from geoevents.eventio import events_to_frame
    from maps.eventmap import write_map

    path = tmp_path_factory.mktemp("maps") / "online.html"
    write_map(events_to_frame(test_events), path, title="Test map", heat=True, regions=True)
    return path


@pytest.fixture(scope="session")
def offline_map(tmp_path_factory: pytest.TempPathFactory, test_events: list[Any]) -> Path:
    """The test events as one self-contained offline file."""
    from geoevents.eventio import events_to_frame
    from maps.eventmap import write_map

    path = tmp_path_factory.mktemp("maps") / "offline.html"
    write_map(events_to_frame(test_events), path, title="Offline map", offline=True)
    return path
