"""Dump resolver answers for a fixed, diverse set of queries (to compare before/after a change).

Usage: ``.venv/bin/python bench/gazetteer_identity.py OUT.jsonl`` then, after the change,
``... OUT2.jsonl`` and ``cmp OUT.jsonl OUT2.jsonl`` (or ``--compare OUT.jsonl``).

Queries: a deterministic sample of indexed keys, their title-cased and typo'd
forms, the toponyms of the geoparsing corpora in ``../shared/benchmarks/geoparsing``
(where present), each with no context, a UA context, a nearby point and a country
restriction. Every candidate's place, score, stage and explanation is written.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "benchmarks" / "geoparsing"


def _queries(gz) -> list[str]:
    keys = sorted(k for k, _, _ in gz.name_keys())
    rng = random.Random(7)
    sample = rng.sample(keys, min(3000, len(keys)))
    out = list(sample)
    out += [k.title() for k in sample[:500]]
    for k in sample[:300]:
        if len(k) >= 6:
            i = rng.randrange(1, len(k) - 2)
            out.append(k[:i] + k[i + 1] + k[i] + k[i + 2 :])
    if CORPORA.is_dir():
        from gazetteer.evaluation import iter_gold, read_corpus

        for path in sorted(CORPORA.glob("*.xml")):
            out += sorted({t.name for t in iter_gold(read_corpus(path))})
    out += ["Makiivka", "Kharkov", "Kharkiv region", "DPR", "U.S.", "Crimean Bridge", "Київ"]
    return list(dict.fromkeys(out))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="JSON Lines file to write")
    parser.add_argument("--compare", help="an earlier dump: report the first differences")
    args = parser.parse_args(argv)
    from gazetteer import Context, Gazetteer

    gz = Gazetteer.open()
    contexts = [
        ("none", None, 5, None),
        ("limit1", None, 1, None),
        (
            "ua",
            Context(regions=(("UA", "05"),), countries=("UA",), country_focus=("UA", "RU")),
            5,
            None,
        ),
        ("near", Context(near=((48.0, 37.8),)), 3, None),
        ("only", None, 3, ["UA", "US"]),
    ]
    queries = _queries(gz)
    with open(args.out, "w", encoding="utf-8") as fh:
        for q in queries:
            for label, ctx, limit, only in contexts:
                got = gz.resolve(q, ctx, limit=limit, countries=only)
                rows = [[c.place.place_id, repr(c.score), c.to_dict()] for c in got]
                fh.write(json.dumps([q, label, rows], ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(queries)} queries x {len(contexts)} settings -> {args.out}")
    if args.compare:
        old = Path(args.compare).read_text(encoding="utf-8").splitlines()
        new = Path(args.out).read_text(encoding="utf-8").splitlines()
        diffs = [(a, b) for a, b in zip(old, new, strict=False) if a != b]
        print(f"compared with {args.compare}: {len(old)} vs {len(new)} lines, {len(diffs)} differ")
        for a, b in diffs[:5]:
            print("-", a[:300], "\n+", b[:300])
        return 1 if diffs or len(old) != len(new) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
