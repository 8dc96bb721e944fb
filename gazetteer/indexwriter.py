"""Write the gathered places into a new SQLite index file (tables, names, keys)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

from gazetteer.build_regions import RegionOut
from gazetteer.normalize import indexable, normalize, skeleton
from gazetteer.records import Rec
from gazetteer.regions import CURATED_ALIASES
from gazetteer.sources.packaged import progress_bar

#: Longest key indexed (longer names are descriptions, not names).
MAX_KEY_CHARS = 100


_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    kind TEXT NOT NULL, cc TEXT, admin1_code TEXT, admin1 TEXT, geonameid INTEGER,
    fclass TEXT, fcode TEXT, population INTEGER NOT NULL, source TEXT NOT NULL,
    admin2 TEXT, admin3 TEXT, point_source TEXT, code TEXT, admin2_code TEXT, admin3_code TEXT,
    priority INTEGER NOT NULL
);
CREATE TABLE names (
    key TEXT NOT NULL, skel TEXT NOT NULL, place_id INTEGER NOT NULL, name TEXT NOT NULL,
    main INTEGER NOT NULL, cc TEXT, admin1_code TEXT
);
CREATE TABLE keys (
    key TEXT NOT NULL, kind TEXT NOT NULL, population INTEGER NOT NULL, PRIMARY KEY (key, kind)
) WITHOUT ROWID;
CREATE TABLE region_keys (
    stem TEXT NOT NULL, skel TEXT NOT NULL, cc TEXT NOT NULL, admin1_code TEXT NOT NULL,
    strength INTEGER NOT NULL
);
CREATE TABLE country_keys (key TEXT NOT NULL, cc TEXT NOT NULL);
CREATE TABLE region_abbrevs (form TEXT NOT NULL, cc TEXT NOT NULL, admin1_code TEXT NOT NULL);
"""
_INDEXES = """
CREATE INDEX names_key ON names (key);
CREATE INDEX names_skel ON names (skel);
CREATE INDEX names_cc ON names (cc, admin1_code);
CREATE INDEX places_admin2 ON places (admin2_code);
CREATE INDEX places_admin3 ON places (admin3_code);
CREATE INDEX region_keys_stem ON region_keys (stem);
CREATE INDEX region_keys_skel ON region_keys (skel);
"""


class Keys:
    """Memoised name -> key and key -> skeleton for the build (names repeat a lot)."""

    def __init__(self) -> None:
        self.keys: dict[str, str] = {}
        self.skels: dict[str, str] = {}

    def key(self, name: str) -> str:
        key = self.keys.get(name)
        if key is None:
            key = normalize(name) if name and indexable(name) else ""
            if len(key) > MAX_KEY_CHARS:
                key = ""
            self.keys[name] = key
        return key

    def skel(self, key: str) -> str:
        skel = self.skels.get(key)
        if skel is None:
            skel = self.skels[key] = skeleton(key)
        return skel


def _name_rows(
    place_id: int, rec: Rec, seen_keys: dict[tuple[str, str], int], keyer: Keys
) -> Iterator[tuple]:
    main_key = keyer.key(rec.name)
    done: set[str] = set()
    n_listed = 1 + len(rec.names)
    for i, name in enumerate((rec.name, *sorted(rec.names), *sorted(rec.extra_names))):
        key = keyer.key(name)
        if not key or key in done:
            continue
        done.add(key)
        if i < n_listed:  # extra names (demonyms, bare region names) stay out of ``keys``
            # one row per key and kind: a key's kinds are those of its candidates
            cur = seen_keys.get((key, rec.kind))
            if cur is None or rec.population > cur:
                seen_keys[(key, rec.kind)] = rec.population
        yield (key, keyer.skel(key), place_id, name, int(key == main_key), rec.cc, rec.admin1_code)


def _place_row(i: int, r: Rec) -> tuple:
    return (
        i, r.name, r.lat, r.lon, r.kind, r.cc, r.admin1_code, r.admin1, r.geonameid, r.fclass,
        r.fcode, r.population, r.source, r.admin2, r.admin3, r.point_source, r.code,
        r.admin2_code, r.admin3_code, r.priority,
    )  # fmt: skip


def _write_region_and_country_keys(
    con: sqlite3.Connection, regions: Sequence[RegionOut], countries: Sequence[Rec]
) -> None:
    region_rows: list[tuple] = []
    for reg in regions:
        cc, a1 = reg.rec.cc or "", reg.rec.admin1_code or ""
        for stem, strength in reg.stems.items():
            region_rows.append((stem, skeleton(stem), cc, a1, strength))
        for key in reg.strong:
            region_rows.append((key, skeleton(key), cc, a1, 3))
    for key, targets in CURATED_ALIASES.items():
        for cc, a1 in targets:
            region_rows.append((key, skeleton(key), cc, a1, 4))
    con.executemany("INSERT INTO region_keys VALUES (?,?,?,?,?)", region_rows)
    con.executemany(
        "INSERT INTO region_abbrevs VALUES (?,?,?)",
        sorted(
            (form, reg.rec.cc or "", reg.rec.admin1_code or "")
            for reg in regions
            for form in reg.abbreviations
        ),
    )
    country_rows = set()
    for rec in countries:
        for name in (rec.name, *rec.names):
            key = normalize(name) if indexable(name) else ""
            if key:
                country_rows.add((key, rec.cc))
    con.executemany("INSERT INTO country_keys VALUES (?,?)", sorted(country_rows))


def write_index(
    path: Path,
    places: list[Rec],
    regions: list[RegionOut],
    countries: list[Rec],
    meta: dict[str, str],
    progress: bool,
    keyer: Keys,
    more: Sequence[Rec] = (),
) -> None:
    """Create the index at ``path`` (a new file) and fill every table."""
    con = sqlite3.connect(path)
    try:
        con.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY;"
            "PRAGMA cache_size=-262144;" + _SCHEMA
        )
        all_recs = [*countries, *(r.rec for r in regions), *places, *more]
        con.executemany(
            "INSERT INTO places VALUES (" + ",".join("?" * 20) + ")",
            (_place_row(i, r) for i, r in enumerate(all_recs, start=1)),
        )
        seen: dict[tuple[str, str], int] = {}

        def rows() -> Iterator[tuple]:
            for i, rec in progress_bar(
                enumerate(all_recs, start=1), len(all_recs), "names", progress
            ):
                yield from _name_rows(i, rec, seen, keyer)

        con.executemany("INSERT INTO names VALUES (?,?,?,?,?,?,?)", rows())
        con.executemany(
            "INSERT INTO keys VALUES (?,?,?)", ((k, kind, pop) for (k, kind), pop in seen.items())
        )
        _write_region_and_country_keys(con, regions, countries)
        con.executescript(_INDEXES)
        con.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))
        con.commit()
        con.execute("INSERT INTO meta VALUES ('complete', '1')")
        con.commit()
    finally:
        con.close()
