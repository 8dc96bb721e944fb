"""Extraction throughput: synthetic ~4 KB articles through the pipeline on one core.

Generates N articles from templates (own wording; seeded, so every run reads
the same text), runs :meth:`geoevents.extract.Extractor.article` on each in this
one process, and prints articles/s (wall clock and CPU time), events found and
peak RSS, and two same-process baselines (1M dict lookups, a plain sentence split of the
same articles) with the extraction time as a multiple of the split: absolute rates on a
shared host vary 2-4x, the multiple much less. Target: at least 200 articles/s, memory
under 1 GB.

The filler sentences repeat across articles, like wire boilerplate, and the
pipeline reads each distinct sentence's own facts once per process
(:meth:`geoevents.extract.Extractor.facts`). ``--distinct`` gives every filler
sentence a unique "Update xx:" prefix, so no sentence but the titles repeats:
the throughput of a corpus without boilerplate.

Usage::

    .venv/bin/python bench/extract_throughput.py [--n 300] [--size 4096] [--seed 1] [--distinct]
"""

from __future__ import annotations

import argparse
import datetime
import random
import resource
import sys
import time
from collections import Counter

PLACES = (
    ("Nikopol", "Dnipropetrovsk"),
    ("Marhanets", "Dnipropetrovsk"),
    ("Kramatorsk", "Donetsk"),
    ("Sloviansk", "Donetsk"),
    ("Kupiansk", "Kharkiv"),
    ("Kherson", "Kherson"),
    ("Shebekino", "Belgorod"),
    ("Sumy", "Sumy"),
    ("Zaporizhzhia", "Zaporizhzhia"),
    ("Izium", "Kharkiv"),
    ("Makiivka", "Donetsk"),
    ("Horlivka", "Donetsk"),
)
WEAPONS = (
    "Grad rockets",
    "artillery",
    "a ballistic missile",
    "Iranian-made Shahed drones",
    "HIMARS rockets",
    "glide bombs",
)
TARGETS = (
    "an apartment building",
    "a school",
    "an ammunition depot",
    "a railway station",
    "a power substation",
    "a market",
)
CLAIMANTS = (
    "the governor of the {region} region said",
    "local officials said",
    "Russia's defence ministry said",
    "Ukraine's general staff said",
)
EVENT = (
    "Russian forces struck {target} in {place} with {weapon} on {day}, killing {k} people and wounding {i}, {claimant}.",
    "A strike with {weapon} hit {target} near the town of {place} overnight, {claimant}; at least {k} people died.",
    "Air defences shot down {weapon} over {place} on {day}, {claimant}, and falling debris damaged {target}.",
    "{place} came under fire from {weapon} again on {day}, {claimant}, with some {i} residents injured.",
)
FILLER = (
    "Residents spent much of the night in shelters as sirens sounded across the area.",
    "Emergency crews worked through the morning to clear rubble and restore power to nearby streets.",
    "The authorities urged people to stay away from damaged buildings until engineers had checked them.",
    "Aid groups said they were bringing water, blankets and medicine to families who had lost their homes.",
    "The regional administration said schools would move lessons online for the rest of the week.",
    "Officials repeated calls for more air defence systems to protect towns near the front line.",
    "Neither side's account could be confirmed immediately.",
    "Businesses in the centre said they would reopen once windows had been replaced.",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _tag(k: int) -> str:
    """A short letters-only tag, unique per ``k`` ("ba", "bb", ...): no digits, no stems."""
    out = ""
    while True:
        k, r = divmod(k, 26)
        out = "abcdefghijklmnopqrstuvwxyz"[r] + out
        if k == 0:
            return "b" + out


def synthetic_articles(n: int, size: int, seed: int, *, distinct: bool = False):  # noqa: ANN201 - list[Article]
    """``n`` deterministic articles of about ``size`` bytes each.

    With ``distinct``, each filler sentence starts with its own "Update xx:" tag.
    """
    from geoevents.io.articles import Article

    rnd = random.Random(seed)
    start = datetime.date(2023, 1, 1)
    out = []
    serial = 0
    for k in range(n):
        place, region = rnd.choice(PLACES)
        paras: list[str] = []
        while sum(len(p) + 2 for p in paras) < size:
            if not paras or rnd.random() < 0.25:
                p2, r2 = (place, region) if rnd.random() < 0.6 else rnd.choice(PLACES)
                paras.append(
                    rnd.choice(EVENT).format(
                        target=rnd.choice(TARGETS),
                        place=p2,
                        weapon=rnd.choice(WEAPONS),
                        day=rnd.choice(DAYS),
                        k=rnd.randint(1, 30),
                        i=rnd.randint(1, 60),
                        claimant=rnd.choice(CLAIMANTS).format(region=r2),
                    )
                )
            else:
                filler = rnd.sample(FILLER, 3)
                if distinct:
                    filler = [f"Update {_tag(serial + j)}: {f}" for j, f in enumerate(filler)]
                    serial += len(filler)
                paras.append(" ".join(filler))
        text = "\n\n".join(paras)[:size]
        out.append(
            Article(
                id=f"bench-{k:05d}",
                title=f"Strike reported in {place}",
                text=text,
                published=start + datetime.timedelta(days=k % 365),
                published_source="metadata",
            )
        )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--size", type=int, default=4096)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--distinct", action="store_true", help="no repeated filler sentences (see module doc)"
    )
    args = ap.parse_args(argv)

    from gazetteer import Gazetteer
    from geoevents.extract import Extractor
    from geoevents.extract.sentences import split_sentences

    t0 = time.perf_counter()
    extractor = Extractor(Gazetteer.open())
    arts = synthetic_articles(args.n, args.size, args.seed, distinct=args.distinct)
    warm = extractor.article(arts[0])  # first call builds lazy tables
    setup = time.perf_counter() - t0
    t1 = time.perf_counter()
    cpu1 = time.process_time()
    events = 0
    countries: Counter[str] = Counter()
    for a in arts:
        found = extractor.article(a).events
        events += len(found)
        countries.update(e.country_code or "?" for e in found)
    wall = time.perf_counter() - t1
    cpu = time.process_time() - cpu1
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
    mean_kb = sum(len(a.text.encode()) for a in arts) / len(arts) / 1024
    print(
        f"articles: {len(arts)} x {mean_kb:.1f} KB (seed {args.seed}); warm-up events: {len(warm.events)}"
    )
    texts = [s.text for a in arts for s in split_sentences(a.text)]
    print(
        f"sentences: {len(texts)} ({len(set(texts))} distinct){' --distinct' if args.distinct else ''}"
    )
    print(f"setup (gazetteer open + first article): {setup:.2f} s")
    print(
        f"throughput: {len(arts) / wall:.1f} articles/s wall, {len(arts) / cpu:.1f} articles/s CPU (one core)"
    )
    print(f"events found: {events} ({events / len(arts):.2f} per article)")
    # every synthetic place is in UA or RU: anything else is a misplaced event
    print("events by country: " + ", ".join(f"{cc} {n}" for cc, n in countries.most_common()))
    print(f"peak RSS: {peak_mb:.0f} MB")
    base = _calibration([a.text for a in arts])
    print(
        f"calibration: 1M dict lookups {base[0] * 1000:.0f} ms, plain sentence split of the "
        f"same articles {base[1] * 1000:.0f} ms; extraction takes {cpu / base[1]:.1f}x the split"
    )
    return 0


def _calibration(texts: list[str]) -> tuple[float, float]:
    """Seconds (CPU) for 1M dict lookups and for splitting ``texts`` into sentences: the
    same-process baselines the throughput compares with (the host's speed varies 2-4x)."""
    from geoevents.extract.sentences import split_sentences

    table = {i: i for i in range(1000)}
    t = time.process_time()
    for i in range(1_000_000):
        table.get(i & 1023)
    lookups = time.process_time() - t
    t = time.process_time()
    for text in texts:
        split_sentences(text)
    return lookups, time.process_time() - t


if __name__ == "__main__":
    sys.exit(main())
