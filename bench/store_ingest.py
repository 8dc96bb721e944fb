"""Benchmark: ingest with fusion of 10k, 30k and 100k synthetic reports into a GeoPackage.

Each size goes into a fresh store: articles are stored in batches (one
transaction per batch), then fused once. Prints seconds per phase, the cost per
report and the ratio of the cost to ``n log n`` relative to the smallest size
(about 1.0 means the cost grows like ``n log n``; below 1.0, better).

Usage: ``.venv/bin/python bench/store_ingest.py [SIZES...]`` (default 10000 30000 100000).
"""

from __future__ import annotations

import math
import sys
import tempfile
import time
from pathlib import Path

from geoevents.store import open_store
from geoevents.store.fusion import fuse
from geoevents.store.synthetic import synthetic_reports


def run(n: int, workdir: Path) -> dict[str, float]:
    db = workdir / f"bench-{n}.gpkg"
    reports = list(synthetic_reports(0, n))
    t0 = time.perf_counter()
    with open_store(db) as store:
        store.add_reports(reports)
        t1 = time.perf_counter()
        store.fuse()
        t2 = time.perf_counter()
        counts = store.counts()
    # fusion alone, in memory (index + union-find), for the scaling figure
    from geoevents.store.fusion import ReportEvent

    items = [
        ReportEvent(f"re-{i}", a.content_hash, a.published.isoformat(), evs[0])
        for i, (a, evs) in enumerate(reports)
    ]
    t3 = time.perf_counter()
    fused = fuse(items)
    t4 = time.perf_counter()
    return {
        "n": n,
        "store": t1 - t0,
        "fuse": t2 - t1,
        "total": t2 - t0,
        "fuse_mem": t4 - t3,
        "events": counts["events"],
        "fused_mem": len(fused),
        "size_mb": db.stat().st_size / 1e6,
    }


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [10_000, 30_000, 100_000]
    print(
        f"{'reports':>8} {'store s':>8} {'fuse s':>7} {'total s':>8} {'us/report':>10} "
        f"{'vs nlogn':>9} {'fuse-only s':>11} {'events':>7} {'MB':>6}"
    )
    base = None
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            r = run(n, Path(tmp))
            per = r["total"] / n * 1e6
            nlogn = r["total"] / (n * math.log(n))
            base = base or nlogn
            print(
                f"{n:>8} {r['store']:>8.2f} {r['fuse']:>7.2f} {r['total']:>8.2f} {per:>10.1f} "
                f"{nlogn / base:>9.2f} {r['fuse_mem']:>11.2f} {r['events']:>7} {r['size_mb']:>6.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main(sys.argv[1:])
