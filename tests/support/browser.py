"""Open map pages in Debian's headless Chromium with no network (tests, bench, screenshots).

Playwright (a test extra) drives ``/usr/bin/chromium``; no browser is ever
downloaded. :func:`route_offline` answers CDN requests from the local npm
copies (:func:`maps.assets.local_path_for_url`), image requests (map tiles) with
a blank PNG and refuses everything else, recording what it did in a
:class:`PageLog`.

>>> blank_png()[:8] == b"\\x89PNG\\r\\n\\x1a\\n" and len(BLANK_PNG) < 100
True
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
#: Headers of the CDN responses (jsDelivr allows every origin, which integrity checks need).
CDN_HEADERS = {"Access-Control-Allow-Origin": "*"}
#: JS condition that holds once the page script has drawn the events and is interactive.
READY_JS = "window.geoevents && window.geoevents.ready === true"


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


def launch(playwright: Any) -> Any:
    """Launch Debian's headless Chromium; :class:`RuntimeError` if it is not installed."""
    if not CHROMIUM.exists():
        raise RuntimeError(
            f"Debian chromium is not installed at {CHROMIUM} (apt-get install chromium)"
        )
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def route_offline(page: Any, log: PageLog, *, network: bool = True, tiles: bool = True) -> None:
    """Log console errors and dialogs of ``page`` and answer its requests without network.

    With ``network`` CDN assets come from the local npm copies and images are
    blank; without it every request that leaves the page is refused.
    """
    page.on("console", lambda m: log.errors.append(m.text) if m.type == "error" else None)
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
                # as the CDN does: the page loads its assets in CORS mode (integrity checks)
                r.fulfill(path=str(local), headers=CDN_HEADERS)
                return
            if r.request.resource_type == "image" and tiles:  # else: a tile server out of reach
                log.tiles.append(url)
                r.fulfill(status=200, content_type="image/png", body=BLANK_PNG)
                return
        log.refused.append(url)
        r.abort()

    page.route("**/*", route)
