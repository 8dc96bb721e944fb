"""Benchmark: single-process ``fuse()`` against distributed fusion on 2 Dask workers.

Synthetic report events (``geoevents.scale.synthetic``, about three reports per strike
over two years of Ukraine) from 10,000 to 200,000 (``--million`` adds 1,000,000).
For each size it prints the wall-clock seconds of ``fuse()`` in this process and of
:func:`geoevents.scale.fusion.distributed_fuse` on a local cluster of 2 worker
processes (the reports generated on the workers and held in their memory first, so
only fusion is timed), each divided by ``n log2 n`` and by ``n`` (microseconds), and
the two results are checked equal. Growth like ``n log n`` shows as a flat
``us/(n log2 n)`` column.

A same-process calibration (1,000,000 dict lookups) is timed before and after: on a
shared host, divide by it to compare runs. The load average is printed too.

Usage: ``.venv/bin/python bench/scale_fusion.py [--sizes N ...] [--million] [--workers 2]``
(default run: a few minutes on 2 cores).
"""

from __future__ import annotations

import argparse
import math
import os
import time

DEFAULT_SIZES = (10_000, 20_000, 50_000, 100_000, 200_000)
#: Report events per partition of the distributed input.
PER_PARTITION = 10_000


def calibration() -> float:
    """Seconds of 1,000,000 dict lookups in this process."""
    table = {i: i for i in range(1000)}
    t0 = time.perf_counter()
    total = 0
    for i in range(1_000_000):
        total += table[i % 1000]
    return time.perf_counter() - t0


def _generate(bounds: list[tuple[int, int]]) -> list:
    from geoevents.scale.synthetic import synthetic_report_events

    return [r for start, stop in bounds for r in synthetic_report_events(start, stop)]


def _row(label: str, n: int, seconds: float) -> str:
    nlogn = n * math.log2(n)
    return (
        f"{label:<12}{n:>10,}{seconds:>10.2f}{seconds / nlogn * 1e6:>14.3f}"
        f"{seconds / n * 1e6:>10.1f}"
    )


def run(sizes: list[int], workers: int) -> None:
    import dask.bag as db

    from geoevents.scale.cluster import open_client
    from geoevents.scale.fusion import distributed_fuse
    from geoevents.store.fusion import fuse

    print(f"calibration: 1M dict lookups {calibration():.3f} s")
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    print(f"{'engine':<12}{'reports':>10}{'seconds':>10}{'us/(nlog2n)':>14}{'us/n':>10}")
    with open_client(workers=workers) as client:
        for n in sizes:
            items = _generate([(0, n)])
            t0 = time.perf_counter()
            expected = fuse(items)
            print(_row("fuse()", n, time.perf_counter() - t0), flush=True)
            del items
            bounds = [(s, min(n, s + PER_PARTITION)) for s in range(0, n, PER_PARTITION)]
            bag = db.from_sequence(bounds, npartitions=len(bounds)).map_partitions(_generate)
            bag = client.persist(bag)
            client.wait_for_workers(workers)
            from distributed import wait

            wait(bag)
            t0 = time.perf_counter()
            fused, _ = distributed_fuse(bag, scheduler=client)
            seconds = time.perf_counter() - t0
            same = "equal" if fused == expected else "DIFFERENT"
            print(f"{_row(f'dask x{workers}', n, seconds)}  {same}", flush=True)
            del bag, fused, expected
    print(f"calibration: 1M dict lookups {calibration():.3f} s")
    print(f"load average {os.getloadavg()[0]:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--million", action="store_true", help="Also 1,000,000 report events.")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    sizes = list(args.sizes) + ([1_000_000] if args.million else [])
    run(sizes, args.workers)


if __name__ == "__main__":
    main()
