"""Free-text geocoding accuracy on UCDP GED location strings for Ukraine.

Takes every row of the UCDP GED Ukraine file with ``where_prec`` 1 or 2 (UCDP
knows the place to within about 25 km), keeps the distinct ``where_description``
strings (the first row's point is the truth for a string), and geocodes them in
one batch with the product's own command, ``geoevents geocode --csv IN --column
where_description -o OUT`` (same code path as a user's batch). Prints the share
within 10, 25 and 50 km, the median error, the share unresolved, and the
answers' precision mix. ``--errors N`` lists the N worst answers.

Usage::

    .venv/bin/python bench/ucdp_geocode.py [--csv ../shared/benchmarks/ucdp/ucdp_ged_ukraine.csv]
        [--errors 30] [--json]
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CSV = ROOT.parent / "shared" / "benchmarks" / "ucdp" / "ucdp_ged_ukraine.csv"


def gold_strings(path: Path) -> dict[str, tuple[float, float]]:
    """Distinct ``where_description`` of rows with ``where_prec`` 1-2 -> first row's point."""
    gold: dict[str, tuple[float, float]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row.get("where_prec", "").strip() not in ("1", "2"):
                continue
            text = (row.get("where_description") or "").strip()
            if not text or text in gold:
                continue
            try:
                gold[text] = (float(row["latitude"]), float(row["longitude"]))
            except (KeyError, ValueError):
                continue
    return gold


def run_batch(strings: list[str], workdir: Path) -> dict[str, dict[str, str]]:
    """Geocode the strings with the ``geoevents geocode --csv`` command; query -> output row."""
    from click.testing import CliRunner

    from geoevents.cli import main

    src = workdir / "in.csv"
    out = workdir / "out.csv"
    with open(src, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["where_description"])
        writer.writerows([s] for s in strings)
    result = CliRunner().invoke(
        main,
        ["geocode", "--csv", str(src), "--column", "where_description", "-o", str(out)],
        catch_exceptions=False,
    )
    if result.exit_code != 0:
        sys.exit(f"geocode failed ({result.exit_code}): {result.output}")
    with open(out, encoding="utf-8", newline="") as fh:
        return {row["where_description"]: row for row in csv.DictReader(fh)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    ap.add_argument("--errors", type=int, default=0, help="list the N worst answers")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    if not args.csv.is_file():
        sys.exit(f"{args.csv}: not found (the UCDP file lives in ../shared/benchmarks/ucdp/)")
    from gazetteer.geo import haversine_km

    gold = gold_strings(args.csv)
    strings = sorted(gold)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        answers = run_batch(strings, Path(tmp))
    seconds = time.perf_counter() - t0
    errors: list[tuple[float, str, dict[str, str]]] = []
    unresolved = 0
    precisions: Counter[str] = Counter()
    for text in strings:
        row = answers.get(text) or {}
        if not row.get("lat"):
            unresolved += 1
            errors.append((math.inf, text, row))
            continue
        precisions[row.get("precision") or "?"] += 1
        km = haversine_km(gold[text], (float(row["lat"]), float(row["lon"])))
        errors.append((km, text, row))
    n = len(strings)
    dists = [e[0] for e in errors]
    figures = {
        "strings": n,
        "within_10km": round(sum(d <= 10 for d in dists) / n, 4),
        "within_25km": round(sum(d <= 25 for d in dists) / n, 4),
        "within_50km": round(sum(d <= 50 for d in dists) / n, 4),
        "median_km": round(statistics.median(dists), 2),
        "unresolved": round(unresolved / n, 4),
        "precision_mix": dict(sorted(precisions.items())),
        "seconds": round(seconds, 2),
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"UCDP where_description, where_prec 1-2: {n} distinct strings ({seconds:.1f} s)")
        print(
            f"  within 10 km {figures['within_10km']:.3f}   within 25 km {figures['within_25km']:.3f}"
            f"   within 50 km {figures['within_50km']:.3f}"
        )
        print(f"  median error {figures['median_km']} km   unresolved {figures['unresolved']:.3f}")
        print(f"  precision of answers: {figures['precision_mix']}")
    if args.errors:
        errors.sort(key=lambda e: (-e[0], e[1]))
        for km, text, row in errors[: args.errors]:
            got = f"{row.get('place_name')} ({row.get('admin1')}, {row.get('precision')})"
            print(f"  {km:8.1f} km  {text!r} -> {got if row.get('lat') else 'unresolved'}")


if __name__ == "__main__":
    main()
