"""Benchmark: ingest with fusion of 10k, 30k and 100k synthetic reports into a GeoPackage.

Each size goes into a fresh store: articles are stored in batches (one
transaction per batch, the defaults of ``geoevents ingest``), then fused once.
Prints per size the wall-clock seconds of storing and of fusing, their total,
the CPU seconds of the whole ingest, the cost per report and the ratio of the
cost to ``n log n`` relative to the smallest size (about 1.0 means the cost grows
like ``n log n``; below 1.0, better), for wall clock and for CPU time. "fuse-only"
is the in-memory fusion alone (index, union-find, merging), without any I/O.

Then, on the largest store, a daily run: 1% new reports stored and the store
re-fused, and a re-run of the same reports (content hash: nothing stored).

Extraction is not part of this benchmark (``bench/extract_throughput.py``).
The machine's load average is printed before and after: on a shared machine
the wall-clock figures move with other work, CPU seconds much less.

Usage: ``.venv/bin/python bench/store_ingest.py [SIZES...]`` (default 10000 30000 100000).
"""

from __future__ import annotations

import math
import os
import sys
import tempfile
import time
from pathlib import Path

from geoevents.store import open_store
from geoevents.store.fusion import ReportEvent, fuse
from geoevents.store.sql import bulk
from geoevents.store.synthetic import synthetic_reports


def _load() -> str:
    one, five, _fifteen = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} CPUs"


def run(n: int, workdir: Path) -> dict[str, float]:
    """Ingest ``n`` reports into a fresh store; seconds of each phase."""
    db = workdir / f"bench-{n}.gpkg"
    reports = list(synthetic_reports(0, n))
    c0 = time.process_time()
    t0 = time.perf_counter()
    with open_store(db) as store:
        store.add_reports(reports)
        t1 = time.perf_counter()
        store.fuse()
        t2 = time.perf_counter()
        cpu = time.process_time() - c0
        counts = store.counts()
    # fusion alone, in memory (index + union-find + merging), for the scaling figure
    items = [
        ReportEvent(f"re-{i}", a.content_hash, a.published.isoformat(), evs[0])
        for i, (a, evs) in enumerate(reports)
    ]
    t3 = time.perf_counter()
    with bulk():
        fuse(items)
    t4 = time.perf_counter()
    return {
        "n": n,
        "store": t1 - t0,
        "fuse": t2 - t1,
        "total": t2 - t0,
        "cpu": cpu,
        "fuse_mem": t4 - t3,
        "events": counts["events"],
        "size_mb": db.stat().st_size / 1e6,
    }


def daily(n: int, workdir: Path) -> None:
    """On the store of ``n`` reports: add 1% new reports, then re-run them (all known)."""
    db = workdir / f"bench-{n}.gpkg"
    new = list(synthetic_reports(n, n + n // 100))
    for label in (f"+{len(new)} new reports", f"same {len(new)} again"):
        c0 = time.process_time()
        t0 = time.perf_counter()
        with open_store(db) as store:
            added = store.add_reports(new)
            store.fuse()
        print(
            f"  daily run on {n} reports, {label}: stored {added}, "
            f"{time.perf_counter() - t0:.2f} s wall, {time.process_time() - c0:.2f} s CPU",
            flush=True,
        )


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [10_000, 30_000, 100_000]
    print(f"before: {_load()}")
    print(
        f"{'reports':>8} {'store s':>8} {'fuse s':>7} {'total s':>8} {'CPU s':>6} "
        f"{'us/report':>10} {'vs nlogn':>9} {'CPU vs':>7} {'fuse-only s':>11} {'events':>7} "
        f"{'MB':>6}"
    )
    base = base_cpu = None
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            r = run(n, Path(tmp))
            per = r["total"] / n * 1e6
            nlogn = r["total"] / (n * math.log(n))
            cpu_nlogn = r["cpu"] / (n * math.log(n))
            base = base or nlogn
            base_cpu = base_cpu or cpu_nlogn
            print(
                f"{n:>8} {r['store']:>8.2f} {r['fuse']:>7.2f} {r['total']:>8.2f} "
                f"{r['cpu']:>6.2f} {per:>10.1f} {nlogn / base:>9.2f} {cpu_nlogn / base_cpu:>7.2f} "
                f"{r['fuse_mem']:>11.2f} {r['events']:>7} {r['size_mb']:>6.1f}",
                flush=True,
            )
        daily(sizes[-1], Path(tmp))
    print(f"after: {_load()}")


if __name__ == "__main__":
    main(sys.argv[1:])
