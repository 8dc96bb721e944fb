"""Reliability sweep: bad inputs and outputs through the real CLI, counted.

Each case runs ``python -m geoevents ...`` in a child process (as a user would) in a
scratch folder and checks: exit status 1 (or 2 for a usage error), no Python
traceback, the message names the file (or the variable/option) it is about, no
password printed, and the files that must survive (inputs, stores, an earlier
output) unchanged byte for byte. Prints one line per case and the totals.

Usage::

    .venv/bin/python bench/reliability_sweep.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "s3cr3t-Pa55"  # noqa: S105 - a known password the sweep greps for


@dataclass
class Case:
    name: str
    args: list[str]
    names: str  # what the message must mention
    keep: list[str] = field(default_factory=list)  # files that must stay unchanged
    env: dict[str, str] = field(default_factory=dict)
    codes: tuple[int, ...] = (1,)


def _digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def _setup(d: Path) -> None:
    """Good and bad inputs in ``d``."""
    good = d / "good.txt"
    good.write_text(
        "Title: Strike on Kharkiv\nDate: 2024-05-10\n\n"
        "A Russian missile hit Kharkiv on Friday, killing 3 people, the governor said.\n",
        encoding="utf-8",
    )
    (d / "articles.jsonl").write_text(
        json.dumps({"id": "a", "title": "x", "text": "Drones hit Sumy."}) + "\n", encoding="utf-8"
    )
    (d / "articles.json").write_text(
        json.dumps([{"id": "a", "title": "x", "text": "A drone hit Sumy on Monday."}]),
        encoding="utf-8",
    )
    (d / "surrogate.json").write_text('{"id": "s", "text": "\\ud800 bad"}', encoding="utf-8")
    (d / "bigint.json").write_text('{"id": "b", "n": ' + "9" * 5000 + "}", encoding="utf-8")
    (d / "deep.json").write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    (d / "latin1.txt").write_bytes("Kharkiv \xe9t\xe9".encode("latin-1"))
    (d / "nan.geojson").write_text(
        '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":'
        '{"type":"Point","coordinates":[NaN,NaN]},"properties":{"id":"x","event_type":'
        '"shelling_missile_attack"}}]}',
        encoding="utf-8",
    )
    (d / "lat300.geojson").write_text(
        '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":'
        '{"type":"Point","coordinates":[30,-300]},"properties":{"id":"x","event_type":'
        '"shelling_missile_attack"}}]}',
        encoding="utf-8",
    )
    (d / "nullprops.geojson").write_text(
        '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":'
        '{"type":"Point","coordinates":[30,50]},"properties":null}]}',
        encoding="utf-8",
    )
    (d / "list.geojson").write_text("[1, 2, 3]", encoding="utf-8")
    (d / "noid.csv").write_text("lat,lon\n50,30\n", encoding="utf-8")
    (d / "empty.gpkg").write_bytes(b"")
    (d / "garbage.gpkg").write_bytes(os.urandom(4096))
    (d / "corr.csv").write_bytes("event_id,place\nx,Kharkiv \xe9\n".encode("latin-1"))
    fifo_dir = d / "withfifo"
    fifo_dir.mkdir()
    shutil.copy(good, fifo_dir / "good.txt")
    os.mkfifo(fifo_dir / "pipe.txt")
    (d / "prev.geojson").write_text('{"type":"FeatureCollection","features":[]}\n')


def _cases(d: Path, store: Path) -> list[Case]:
    pg = f"postgresql://analyst:{PASSWORD}@127.0.0.1:1/nodb"
    pgq = f"postgresql://analyst@127.0.0.1:1/nodb?password={PASSWORD}"
    s = str(store)
    return [
        Case("export over the store", ["export", "--db", s, "-o", s], "events.gpkg", [s]),
        Case("map over the store", ["map", "--db", s, "-o", s], "events.gpkg", [s]),
        Case(
            "extract over its input",
            ["extract", f"{d}/articles.json", "-o", f"{d}/articles.json"],
            "articles.json",
            [f"{d}/articles.json"],
        ),
        Case(
            "extract, every input fails",
            ["extract", f"{d}/missing.txt", "-o", f"{d}/prev.geojson"],
            "missing.txt",
            [f"{d}/prev.geojson"],
        ),
        Case("map --db URL password", ["map", "--db", pg, "-o", f"{d}/m.html"], "127.0.0.1"),
        Case("export ?password=", ["export", "--db", pgq, "-o", f"{d}/x.geojson"], "127.0.0.1"),
        Case("ingest URL password", ["ingest", f"{d}/good.txt", "--db", pg], "127.0.0.1"),
        Case(
            "lone surrogate",
            ["extract", f"{d}/surrogate.json", "-o", f"{d}/o1.geojson"],
            "surrogate.json",
        ),
        Case(
            "huge integer", ["extract", f"{d}/bigint.json", "-o", f"{d}/o2.geojson"], "bigint.json"
        ),
        Case("deep nesting", ["extract", f"{d}/deep.json", "-o", f"{d}/o3.geojson"], "deep.json"),
        Case("/dev/zero", ["extract", "/dev/zero", "-o", f"{d}/o4.geojson"], "/dev/zero"),
        Case("FIFO in a folder", ["extract", f"{d}/withfifo", "-o", f"{d}/o5.geojson"], "pipe.txt"),
        Case("NaN coordinates", ["map", f"{d}/nan.geojson", "-o", f"{d}/m1.html"], "nan.geojson"),
        Case(
            "latitude -300", ["map", f"{d}/lat300.geojson", "-o", f"{d}/m2.html"], "lat300.geojson"
        ),
        Case(
            "properties null",
            ["map", f"{d}/nullprops.geojson", "-o", f"{d}/m3.html"],
            "nullprops.geojson",
        ),
        Case("top-level list", ["map", f"{d}/list.geojson", "-o", f"{d}/m4.html"], "list.geojson"),
        Case("CSV without id", ["map", f"{d}/noid.csv", "-o", f"{d}/m5.html"], "noid.csv"),
        Case("empty gpkg", ["map", f"{d}/empty.gpkg", "-o", f"{d}/m6.html"], "empty.gpkg"),
        Case("garbage gpkg", ["map", f"{d}/garbage.gpkg", "-o", f"{d}/m7.html"], "garbage.gpkg"),
        Case(
            "non-UTF-8 correct --csv",
            ["correct", "--csv", f"{d}/corr.csv", "--db", s],
            "corr.csv",
            [s],
        ),
        Case(
            "output under a file",
            ["extract", f"{d}/good.txt", "-o", f"{d}/good.txt/x.geojson"],
            "good.txt",
        ),
        Case(
            "bad lock timeout",
            ["ingest", f"{d}/good.txt", "--db", s],
            "GEOEVENTS_LOCK_TIMEOUT",
            [s],
            {"GEOEVENTS_LOCK_TIMEOUT": "soon"},
        ),
        Case(
            "blank user agent",
            ["geocode", "Kharkiv", "--online", "--user-agent", " "],
            "user-agent",
            codes=(2,),
        ),
        Case(
            "store with a .csv name",
            ["export", "--db", f"{d}/store.csv", "-o", f"{d}/y.geojson"],
            "store.csv",
        ),
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep", type=Path, help="scratch folder to keep (default: a temporary one)")
    args = ap.parse_args()
    d = args.keep or Path(tempfile.mkdtemp(prefix="sweep-"))
    d.mkdir(parents=True, exist_ok=True)
    _setup(d)
    store = d / "events.gpkg"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "geoevents",
            "ingest",
            str(d / "good.txt"),
            "--db",
            str(store),
            "-q",
        ],
        check=True,
        capture_output=True,
    )
    clean = tracebacks = leaks = unnamed = lost = 0
    cases = _cases(d, store)
    for case in cases:
        before = {k: _digest(Path(k)) for k in case.keep}
        proc = subprocess.run(
            [sys.executable, "-m", "geoevents", *case.args],
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, **case.env},
            cwd=d,
        )
        out = proc.stdout + proc.stderr
        problems = []
        if "Traceback" in out:
            tracebacks += 1
            problems.append("traceback")
        if PASSWORD in out:
            leaks += 1
            problems.append("password printed")
        if case.names.lower() not in out.lower():
            unnamed += 1
            problems.append(f"message does not name {case.names!r}")
        if any(_digest(Path(k)) != v for k, v in before.items()):
            lost += 1
            problems.append("a file that must survive changed")
        if proc.returncode not in case.codes:
            problems.append(f"exit {proc.returncode}")
        if not problems:
            clean += 1
        last = (proc.stderr.strip().splitlines() or [""])[-1][:110]
        print(f"{'ok ' if not problems else 'BAD'} {case.name:<28} exit {proc.returncode}  {last}")
        for p in problems:
            print(f"      {p}")
    print(
        f"\n{len(cases)} cases: {clean} clean (named error, right exit status, nothing lost); "
        f"{tracebacks} tracebacks; {leaks} passwords printed; {unnamed} unnamed; {lost} lost"
    )
    if not args.keep:
        shutil.rmtree(d, ignore_errors=True)
    return 0 if clean == len(cases) else 1


if __name__ == "__main__":
    sys.exit(main())
