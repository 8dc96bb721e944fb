"""Screenshot of a map page in Debian's headless Chromium, with no network at all.

Used to make ``docs/map-screenshot.png`` from the example reports::

    .venv/bin/geoevents extract examples/ -o /tmp/x/events.geojson
    .venv/bin/geoevents map /tmp/x/events.geojson -o /tmp/x/map.html --offline
    .venv/bin/python -m tests.support.screenshot /tmp/x/map.html docs/map-screenshot.png

Every request the page makes is refused (an ``--offline`` page makes none), so
the basemap is the embedded country outlines. The popup of one event is opened
(``--event ID``, default: the event with the most claims) without moving the
view, and the layer panel is left as the page shows it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from gazetteer.atomic import atomic_write_bytes
from tests.support.browser import READY_JS, PageLog, launch, route_offline

#: Page script: id of the event with the most claims (ties: first in page order).
MOST_CLAIMS_JS = """() => {
  const f = JSON.parse(document.getElementById('geoevents-data').textContent).events.features;
  let best = null, n = -1;
  f.forEach(x => { const k = (x.properties.claims || []).length; if (k > n) { n = k; best = x.id; } });
  return best;
}"""


def screenshot(
    page_path: Path,
    out: Path,
    *,
    event_id: str | None = None,
    width: int = 1280,
    height: int = 800,
) -> dict[str, object]:
    """Write a PNG of ``page_path`` to ``out`` (atomically); return what the page showed."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = launch(pw)
        try:
            ctx = browser.new_context(viewport={"width": width, "height": height})
            page = ctx.new_page()
            log = PageLog()
            route_offline(page, log, network=False)
            page.goto(page_path.resolve().as_uri())
            page.wait_for_function(READY_JS, timeout=60_000)
            chosen = event_id or page.evaluate(MOST_CLAIMS_JS)
            if chosen:
                if not page.evaluate("id => window.geoevents.showPopup(id)", chosen):
                    raise SystemExit(f"no event {chosen} on the page")
                page.wait_for_selector(".leaflet-popup .ge-popup", timeout=10_000)
            page.wait_for_timeout(800)  # popup auto-pan and canvas redraw
            png = page.screenshot(type="png")
            state = page.evaluate("window.geoevents.state()")
            ctx.close()
        finally:
            browser.close()
    if log.errors:
        raise SystemExit(f"the page logged errors: {log.errors[:5]}")
    atomic_write_bytes(out, png)
    return {"event": chosen, "refused": len(log.refused), "visible": state["visible"]}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Screenshot a geoevents map page without network.")
    ap.add_argument("page", type=Path, help="map HTML (made with `geoevents map ... --offline`)")
    ap.add_argument("out", type=Path, help="PNG to write")
    ap.add_argument("--event", help="event id whose popup is opened (default: most claims)")
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=800)
    args = ap.parse_args(argv)
    info = screenshot(
        args.page, args.out, event_id=args.event, width=args.width, height=args.height
    )
    size_kb = args.out.stat().st_size / 1024
    print(
        f"wrote {args.out} ({size_kb:.0f} KB): {info['visible']} events shown, "
        f"popup of {info['event']}, {info['refused']} requests refused"
    )


if __name__ == "__main__":
    main()
