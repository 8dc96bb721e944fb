"""Distributed extraction: articles/s of one process and of 1 and 2 Dask workers, by size.

For each size N (``--sizes``, thousands of articles), the first N articles of a
synthetic corpus of ~4 KB strike reports (:mod:`geoevents.scale.corpus`, JSON
Lines shards of 1,000) are extracted three ways and timed:

- ``single``: a plain :meth:`geoevents.extract.Extractor.run` over the shards in
  this process (the local ``extract`` command's pipeline);
- ``dask-1`` and ``dask-2``: :func:`geoevents.scale.extract.extract_dataset` on a
  local cluster of 1 and 2 worker processes, writing the GeoParquet dataset
  (workers open the gazetteer before the clock starts; cluster start not timed).

It prints articles/s for each, the ratio dask-2/single (target on a 2-core host:
at least 1.7), the peak RSS of each worker (target: under 1.5 GB) and, per size,
the seconds per 1,000 articles (flat when cost grows linearly). Two same-process
calibrations (1M dict lookups; a plain read + ``json.loads`` of the same shards)
let figures from a noisy shared host be compared across runs.

Usage::

    .venv/bin/python bench/scale_extract.py [--sizes 2,5] [--size 4096] [--partition-mb 1] [--dir DIR]

The lead's full run: ``--sizes 10,50,200`` (200,000 articles: about an hour on 2 cores).
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

PER_SHARD = 1000


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _warm(index_path: str) -> None:
    """Open the worker's gazetteer before the clock starts."""
    from geoevents.scale.worker import worker_extractor

    worker_extractor(index_path)


def _single(paths: list[Path]) -> tuple[float, int]:
    from geoevents.extract import Extractor

    extractor = Extractor()
    t0 = time.perf_counter()
    n = sum(1 for _ in extractor.run([str(p) for p in paths]))
    return time.perf_counter() - t0, n


def _dask(
    paths: list[Path], workers: int, out: Path, target_bytes: int
) -> tuple[float, int, list[float]]:
    from geoevents.scale.cluster import open_client
    from geoevents.scale.extract import default_index_path, extract_dataset

    index_path = default_index_path()
    with open_client(workers=workers, memory_limit="3GiB") as client:
        client.run(_warm, index_path)
        t0 = time.perf_counter()
        summary = extract_dataset(
            client, [str(p) for p in paths], out, index_path=index_path, target_bytes=target_bytes
        )
        wall = time.perf_counter() - t0
        rss = sorted(client.run(_peak_rss_mb).values())
    shutil.rmtree(out, ignore_errors=True)
    return wall, summary.read, rss


def _calibration(paths: list[Path]) -> tuple[float, float]:
    """Seconds for 1M dict lookups, and for reading + ``json.loads`` of every line of ``paths``."""
    table = {i: i for i in range(1000)}
    t0 = time.perf_counter()
    total = 0
    for i in range(1_000_000):
        total += table[i % 1000]
    lookups = time.perf_counter() - t0
    t0 = time.perf_counter()
    for p in paths:
        with p.open("rb") as f:
            for line in f:
                json.loads(line)
    return lookups, time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="2,5", help="thousands of articles, comma-separated")
    ap.add_argument("--size", type=int, default=4096, help="bytes per article (about)")
    ap.add_argument("--dir", type=Path, default=None, help="work folder (default: a temp one)")
    ap.add_argument(
        "--partition-mb", type=float, default=1.0, help="JSON Lines partition size (MB)"
    )
    ap.add_argument(
        "--no-dask-1",
        action="store_true",
        help="skip the 1-worker run (long sizes: halves the time)",
    )
    args = ap.parse_args(argv)
    sizes = [int(float(s) * 1000) for s in args.sizes.split(",")]

    from geoevents.scale.corpus import write_jsonl_shards

    work = Path(args.dir or tempfile.mkdtemp(prefix="scale-extract-"))
    t0 = time.perf_counter()
    shards = write_jsonl_shards(work / "corpus", max(sizes), PER_SHARD, size=args.size)
    mb = sum(p.stat().st_size for p in shards) / 2**20
    print(
        f"corpus: {max(sizes)} articles, {mb:.0f} MB in {len(shards)} shards "
        f"({mb * 2**20 / max(sizes) / 1024:.1f} KB each), written in {time.perf_counter() - t0:.0f} s"
    )
    print(
        f"{'articles':>9} {'single/s':>9} {'dask-1/s':>9} {'dask-2/s':>9} {'2w/single':>9} "
        f"{'s/1k (1p)':>9} {'s/1k (2w)':>9}  worker peak RSS MB (1w; 2w)"
    )
    for n in sizes:
        paths = shards[: -(-n // PER_SHARD)]
        single_s, read = _single(paths)
        target = int(args.partition_mb * 2**20)
        one_s, read1, rss1 = (
            (math.nan, n, []) if args.no_dask_1 else _dask(paths, 1, work / "out-1", target)
        )
        two_s, read2, rss2 = _dask(paths, 2, work / "out-2", target)
        assert read == read1 == read2 == n, (read, read1, read2, n)
        print(
            f"{n:>9} {n / single_s:>9.1f} {n / one_s:>9.1f} {n / two_s:>9.1f} "
            f"{single_s / two_s:>9.2f} {single_s / n * 1000:>9.2f} {two_s / n * 1000:>9.2f}  "
            f"{', '.join(f'{r:.0f}' for r in rss1)}; {', '.join(f'{r:.0f}' for r in rss2)}",
            flush=True,
        )
    lookups, reading = _calibration(shards[: -(-min(sizes) // PER_SHARD)])
    print(
        f"calibration: 1M dict lookups {lookups * 1000:.0f} ms; read + json.loads of "
        f"{min(sizes)} articles {reading * 1000:.0f} ms ({min(sizes) / reading:.0f} articles/s)"
    )
    print(f"this process: peak RSS {_peak_rss_mb():.0f} MB")
    if args.dir is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
