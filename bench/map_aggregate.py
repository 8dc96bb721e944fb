"""Benchmark: the aggregated map of 1 million events (issue 12, item 5).

An event dataset (``DIR/month=YYYY-MM/*.parquet``, GeoParquet, as ``extract --engine
dask`` writes it) of N synthetic events is generated vectorised
(:mod:`tests.support.event_dataset`), then ``geoevents map DIR -o map.html`` runs in
this process (the real command: columns read with pyarrow, counts per H3 hexagon,
the newest 5,000 read back as events, the page written). Printed per size: the
time to render the page (the whole command), the HTML size, the hexagons, and the
page's own load time in Debian's headless Chromium without network (navigation
start until the markers and hexagons are drawn, median of the loads), as
``bench/map_load.py`` measures it. It asserts nothing.

Usage, from the project root (so that ``tests.support`` is importable)::

    .venv/bin/python -m bench.map_aggregate [SIZES...] [--runs N] [--offline]

(default size 1000000, 3 loads).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import tempfile
import time
from pathlib import Path

from bench.map_load import load_once
from tests.support.browser import launch
from tests.support.cli import run
from tests.support.event_dataset import event_frame, write_dataset


def render(n: int, workdir: Path, *, offline: bool) -> dict[str, float]:
    """Generate a dataset of ``n`` events, map it; return the figures."""
    t0 = time.perf_counter()
    dataset = write_dataset(event_frame(n, seed=0), workdir / f"events-{n}", files_per_month=4)
    made = time.perf_counter() - t0
    out = workdir / f"map-{n}.html"
    t0 = time.perf_counter()
    result = run("map", dataset, "-o", out, *(["--offline"] if offline else []))
    seconds = time.perf_counter() - t0
    if result.exit_code != 0:
        raise RuntimeError(result.output)
    html = out.read_text(encoding="utf-8")
    m = re.search(r'id="geoevents-aggregate">(.*?)</script>', html)
    data = json.loads(m.group(1)) if m else {"cells": [], "resolution": None}
    return {
        "generate_s": made,
        "render_s": seconds,
        "html_mb": out.stat().st_size / 1e6,
        "cells": len(data["cells"]),
        "resolution": data["resolution"],
        "path": out,  # type: ignore[dict-item]
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[1_000_000])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--offline", action="store_true", help="write the --offline page")
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    print("| events | dataset s | render s | HTML MB | hexagons | res | load s |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = launch(pw)
        for n in args.sizes:
            f = render(n, Path(tmp), offline=args.offline)
            loads = [
                load_once(browser, f["path"], offline=args.offline)["ready"]  # type: ignore[arg-type]
                for _ in range(args.runs)
            ]
            print(
                f"| {n:,} | {f['generate_s']:.1f} | {f['render_s']:.1f} | {f['html_mb']:.2f} "
                f"| {f['cells']:,} | {f['resolution']} | {statistics.median(loads):.2f} |",
                flush=True,
            )
        browser.close()


if __name__ == "__main__":
    main()
