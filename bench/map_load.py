"""Benchmark: size and browser load time of the event map at 1k, 10k and 100k events.

For each size, synthetic events (:func:`tests.support.synthetic.synthetic_events`) are
written as a map page with :func:`maps.eventmap.write_map` (and as the
``--offline`` single file for the sizes given to ``--offline``), then opened
in Debian's headless Chromium through Playwright with no network: CDN assets
are served from ``maps/node_modules``, tiles are blank images, the offline
file gets every request refused. The load time is measured by the page itself:
from navigation start (``performance.timeOrigin``) until the page script has
added every event to the clustered canvas layer and drawn a frame
(``window.geoevents.timings.ready``, the moment it sets
``<body data-geoevents-ready>`` and fires ``geoevents:ready``). The
median of several fresh page loads is printed with the script's own phases:

- ``script``: navigation start -> page script starts (HTML parsed, assets and
  data JSON parsed, Leaflet map created);
- ``markers``: marker objects built;
- ``ready``: clustered, drawn and interactive.

Targets (issue 4): 10k events < 2 s, 100k < 8 s. Figures depend on the machine
and on what else runs on it; this script prints them and asserts nothing.

Usage, from the project root (so that ``tests.support`` is importable)::

    .venv/bin/python -m bench.map_load [SIZES...] [--runs N] [--offline SIZE...]

(default sizes 1000 10000 100000, 3 runs, offline variant at 10000).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from geoevents.io.events import events_to_frame
from maps.eventmap import write_map
from tests.support.browser import READY_JS, PageLog, launch, route_offline
from tests.support.synthetic import synthetic_events


def write_page(n: int, workdir: Path, *, offline: bool) -> tuple[Path, float]:
    """Write the map of ``n`` synthetic events; return its path and the build seconds."""
    frame = events_to_frame(synthetic_events(n, seed=0))
    path = workdir / f"map-{n}{'-offline' if offline else ''}.html"
    t0 = time.perf_counter()
    write_map(frame, path, title=f"{n} synthetic events", offline=offline)
    return path, time.perf_counter() - t0


def load_once(browser: Any, path: Path, *, offline: bool) -> dict[str, float]:
    """Open ``path`` in a fresh context; return the page's timings in seconds."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = ctx.new_page()
        log = PageLog()
        route_offline(page, log, network=not offline)
        page.goto(path.as_uri(), wait_until="commit", timeout=300_000)
        page.wait_for_function(READY_JS, timeout=300_000, polling=50)
        t = page.evaluate("window.geoevents.timings")
        visible = page.evaluate("window.geoevents.state().visible")
        total = page.evaluate("window.geoevents.total")
        if log.errors or visible != total or (offline and log.refused):
            raise RuntimeError(
                f"{path.name}: page not right: errors={log.errors[:3]} "
                f"visible={visible}/{total} refused={log.refused[:3]}"
            )
        return {k: t[k] / 1000 for k in ("start", "markers", "ready")}
    finally:
        ctx.close()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[1_000, 10_000, 100_000])
    ap.add_argument("--runs", type=int, default=3, help="page loads per file (median shown)")
    ap.add_argument(
        "--offline", nargs="*", type=int, default=[10_000], help="sizes also written --offline"
    )
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory(prefix="geoevents-map-bench-") as tmp, sync_playwright() as pw:
        workdir = Path(tmp)
        browser = launch(pw)
        try:
            for n in args.sizes:
                for offline in (False, True) if n in args.offline else (False,):
                    path, build_s = write_page(n, workdir, offline=offline)
                    runs = [load_once(browser, path, offline=offline) for _ in range(args.runs)]
                    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
                    rows.append(
                        (
                            n,
                            "offline" if offline else "online",
                            path.stat().st_size / 1e6,
                            build_s,
                            med,
                            [r["ready"] for r in runs],
                        )
                    )
                    print_row(*rows[-1], header=len(rows) == 1)
                    path.unlink()
        finally:
            browser.close()


def print_row(
    n: int,
    variant: str,
    mb: float,
    build_s: float,
    med: dict[str, float],
    loads: list[float],
    *,
    header: bool,
) -> None:
    """One line of the table (and the header before the first)."""
    if header:
        print(
            f"{'events':>7} {'page':>7} {'HTML MB':>8} {'write s':>8} "
            f"{'load s':>7} {'script s':>9} {'markers s':>10}  runs (load s)"
        )
    print(
        f"{n:>7} {variant:>7} {mb:>8.2f} {build_s:>8.2f} {med['ready']:>7.2f} "
        f"{med['start']:>9.2f} {med['markers']:>10.2f}  " + " ".join(f"{x:.2f}" for x in loads),
        flush=True,
    )


if __name__ == "__main__":
    main()
