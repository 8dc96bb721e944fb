"""Extraction accuracy on UCDP GED headlines for Ukraine (real events, real locations).

Each UCDP row becomes one article: its ``source_headline`` (headlines split on
";") as sentences, then its ``where_description`` as a closing sentence. The
script runs :meth:`geoevents.extract.Extractor.run` over every sampled row and
prints:

* the share of rows where at least one event was found;
* among rows with ``where_prec <= 2`` (UCDP knows the place to within ~25 km)
  and an event: the share whose nearest extracted event lies within 25 km and
  50 km of UCDP's point, and the median error (km); the same for the *first*
  event of the row (what a map would show first);
* precision: of all the events extracted from those rows, the share within 25 km
  and 50 km of UCDP's point (a row reports one event, so an event far from it is
  spurious or misplaced).

Usage::

    .venv/bin/python bench/ucdp_headlines.py [--limit 400] [--csv ../shared/benchmarks/ucdp/ucdp_ged_ukraine.csv]

``--limit`` samples rows evenly over the file (deterministic); ``--limit 0`` runs all rows.
"""

from __future__ import annotations

import argparse
import csv
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CSV = ROOT.parent / "shared" / "benchmarks" / "ucdp" / "ucdp_ged_ukraine.csv"


def row_article(row: dict[str, str]):  # noqa: ANN201 - Article, imported lazily
    """One UCDP row as an :class:`~geoevents.io.articles.Article`."""
    from geoevents.dates import parse_iso_date
    from geoevents.io.articles import Article

    heads = [h.strip() for h in (row.get("source_headline") or "").split(";") if h.strip()]
    sentences = [h if h.endswith((".", "!", "?")) else h + "." for h in heads]
    where = (row.get("where_description") or "").strip()
    if where:
        sentences.append(f"The reported location was {where}.")
    first_date = (row.get("source_date") or "").split(";")[0].strip()
    return Article(
        id=f"ucdp-{row['id']}",
        title=None,
        text="\n".join(sentences),
        published=parse_iso_date(first_date),
        published_source="metadata" if parse_iso_date(first_date) else "none",
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    ap.add_argument("--limit", type=int, default=400, help="rows to sample evenly; 0 = all")
    args = ap.parse_args(argv)
    if not args.csv.is_file():
        print(f"no UCDP file at {args.csv}", file=sys.stderr)
        return 2

    from gazetteer import Gazetteer
    from gazetteer.geo import haversine_km
    from geoevents.errors import InputError
    from geoevents.extract import Extractor

    with args.csv.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if re.search(r"\w", r.get("source_headline") or "")]
    if args.limit and args.limit < len(rows):
        step = len(rows) / args.limit
        rows = [rows[int(i * step)] for i in range(args.limit)]

    extractor = Extractor(Gazetteer.open())
    found = 0
    nearest: list[float] = []
    first: list[float] = []
    every: list[float] = []
    failures = 0
    t0 = time.perf_counter()
    by_id = {f"ucdp-{row['id']}": row for row in rows}
    for result in extractor.run([row_article(row) for row in rows]):
        if isinstance(result, InputError):  # keep measuring; count the crash
            failures += 1
            print(result, file=sys.stderr)
            continue
        if not result.events:
            continue
        found += 1
        row = by_id[result.article.id]
        if int(row["where_prec"]) > 2:
            continue
        truth = (float(row["latitude"]), float(row["longitude"]))
        errs = [haversine_km((e.lat, e.lon), truth) for e in result.events]
        nearest.append(min(errs))
        first.append(errs[0])
        every.extend(errs)
    elapsed = time.perf_counter() - t0

    def share(xs: list[float], km: float) -> str:
        return f"{100 * sum(x <= km for x in xs) / len(xs):.1f}%" if xs else "n/a"

    print(f"UCDP GED Ukraine headlines: {len(rows)} rows sampled from {args.csv.name}")
    print(f"rows with an event found: {found}/{len(rows)} = {100 * found / max(1, len(rows)):.1f}%")
    print(f"crashed rows: {failures}")
    print(f"geocoded rows (where_prec <= 2, event found): {len(nearest)}")
    for label, xs in (("nearest event", nearest), ("first event", first)):
        med = f"{statistics.median(xs):.1f} km" if xs else "n/a"
        print(
            f"  {label}: within 25 km {share(xs, 25)}, within 50 km {share(xs, 50)}, median error {med}"
        )
    print(
        f"  precision: {len(every)} events from those rows, within 25 km {share(every, 25)},"
        f" within 50 km {share(every, 50)}"
    )
    print(f"time: {elapsed:.1f} s ({len(rows) / elapsed:.1f} rows/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
