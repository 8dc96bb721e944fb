"""Subprocess used by the reliability tests: store synthetic reports START..STOP, then fuse.

Usage: ``python helper_ingest.py DB START STOP [--batch N] [--pause SECONDS] [--announce]``.
``--pause`` sleeps after each committed batch so that a test can kill the
process deterministically in the middle of the run; ``--announce`` prints
``fusing`` (flushed) once every report is stored and the fusion starts, so that
a test can kill it during the fusion. Exit code 2 and the message
on stderr when the store refuses (e.g. locked by another writer).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator


def main(argv: list[str]) -> int:
    from geoevents.errors import StoreError
    from geoevents.store import open_store
    from geoevents.store.synthetic import synthetic_reports

    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("start", type=int)
    ap.add_argument("stop", type=int)
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--pause", type=float, default=0.0)
    ap.add_argument("--announce", action="store_true")
    args = ap.parse_args(argv)

    def paced() -> Iterator:
        for n, item in enumerate(synthetic_reports(args.start, args.stop), start=1):
            yield item
            if args.pause and n % args.batch == 0:
                time.sleep(args.pause)  # the batch before this item is committed by now

    try:
        with open_store(args.db) as store:
            # batches by count only, so that a test can check that commits are whole batches
            added = store.add_reports(paced(), batch_size=args.batch, batch_seconds=float("inf"))
            if args.announce:
                print("fusing", flush=True)
            store.fuse()
    except StoreError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(f"added {added}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
