"""Resolve a free-text location string: qualifiers first, then the target.

Stages, each recorded in the answer's explanation:

1. **Parse** (:func:`gazetteer.freetext.parse_location`): coordinates written in
   the string are the answer; otherwise parts with roles.
2. **Qualifiers**: later parts that name a region ("Donetsk region", or an
   oblast by its capital's name: "X, Kharkiv"), a country, a raion or hromada,
   or a reference place ("south of X") narrow the context.
3. **Target**: the first part that matches a place exactly or as a spelling
   variant inside the named area ("Bakhmut and Soledar", "post 7 near
   Vuhlehirsk"); else the first part's best (fuzzy) match; else the most precise
   qualifier.
4. **Cut**: a best match outside the named area ranks below the area itself; a
   name that repeats inside the named area with nothing to decide between the
   namesakes answers the area, with the namesakes listed after it; "10 km north
   of X" moves the point by that offset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from gazetteer.context import regions_for_phrase
from gazetteer.freetext import LocationPart, parse_location, structure_name
from gazetteer.geo import haversine_km, offset_point
from gazetteer.normalize import normalize
from gazetteer.rank import squash, unsquash
from gazetteer.regions import split_region_phrase
from gazetteer.types import Candidate, Context, Place

if TYPE_CHECKING:
    from gazetteer.resolver import Gazetteer

#: Two namesakes inside the named area whose raw scores differ by less than this
#: are a tie (a population ratio under about 1.8 with nothing else between them).
TIE_RAW = 0.015
_UNIT_KINDS = frozenset({"district", "hromada"})
_COARSE = ("hromada", "district", "region", "country")
#: Adjectival endings of unit names in reports ("Pervomaisky", "Velykonovosilkivska",
#: "Nikolskiy"): the stem names the unit's centre, as the index names units.
_ADJECTIVE = re.compile(r"(?:s'?k(?:yi|iy|yy|y|ij|ii|a|aya|e|oye|oe))$", re.I)
#: A place in a former (pre-2020) raion lies within this distance of its centre town.
FORMER_RAION_KM = 45.0
#: A city this big has districts of its own ("Petrovsky district, Donetsk").
CITY_POPULATION = 100_000


@dataclass
class _Qualifiers:
    """What the parts after the target say about where it lies."""

    base: Context
    regions: list[tuple[str, str]] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    near: list[tuple[float, float]] = field(default_factory=list)
    units: list[Place] = field(default_factory=list)  # raions and hromadas named
    centres: list[tuple[float, float]] = field(default_factory=list)  # former raions' centres
    notes: list[str] = field(default_factory=list)
    fallbacks: list[Candidate] = field(default_factory=list)
    targets: list[LocationPart] = field(default_factory=list)

    def context(self) -> Context:
        return Context(
            countries=tuple(dict.fromkeys((*self.base.countries, *self.countries))),
            regions=tuple(dict.fromkeys((*self.base.regions, *self.regions))),
            near=tuple((*self.base.near, *self.near)),
            country_focus=self.base.country_focus,
            region_focus=self.base.region_focus,
            density=self.base.density,
        )

    def within(self, place: Place) -> bool:
        """True if ``place`` lies in a named unit, region, or (no regions) country."""
        if self.units and not any(_in_unit(place, u) for u in self.units):
            return False
        if self.centres and not any(
            haversine_km((place.lat, place.lon), c) <= FORMER_RAION_KM + (place.radius_km or 0)
            for c in self.centres
        ):  # an approximate point may lie its own radius further
            return False
        if self.regions:
            return (place.country_code or "", place.admin1_code or "") in self.regions
        if self.countries:
            return place.country_code in self.countries
        return True


def _in_unit(place: Place, unit: Place) -> bool:
    """Whether ``place`` is the raion or hromada ``unit`` or lies in it (register codes)."""
    if unit.code is None:
        return False
    return unit.code in (place.code, place.admin2_code, place.admin3_code)


def fallback(place: Place, why: str, raw: float = 0.3) -> Candidate:
    """A coarse answer (region, country, reference place) with its reason."""
    return Candidate(
        place=place,
        score=squash(raw),
        matched_name=place.name,
        stage="region" if place.kind == "region" else "fallback",
        precision=place.kind,
        explain=(f"fallback to {why}", f"score {squash(raw):.3f} (raw {raw:.3f})"),
    )


def coordinate_candidate(query: str, point: tuple[float, float]) -> Candidate:
    """The answer for a string that writes its own coordinates."""
    lat, lon = point
    place = Place(name=f"{lat:.6f}, {lon:.6f}", lat=lat, lon=lon, kind="site", source="coordinates")
    return Candidate(
        place=place,
        score=1.0,
        matched_name=place.name,
        stage="coordinates",
        precision="site",
        explain=(f"free text {query!r}: coordinates written in the text",),
    )


def _region_qualifier(gz: Gazetteer, part: LocationPart, key: str, q: _Qualifiers) -> bool:
    found = regions_for_phrase(gz.index, key)
    if not found:
        return False
    q.regions.extend(r for r in found if r not in q.regions)
    q.notes.append(f"qualifier {part.text!r} -> region(s) {', '.join('.'.join(r) for r in found)}")
    for cc, a1 in found:
        place = gz.index.region_place(cc, a1)
        if place is not None:
            q.fallbacks.append(fallback(place, f"region {place.name} from {part.text!r}", 0.32))
    return True


def _country_qualifier(gz: Gazetteer, part: LocationPart, key: str, q: _Qualifiers) -> bool:
    cc = gz.index.country_for_key(key)
    if not cc:
        return False
    if cc not in q.countries:
        q.countries.append(cc)
    q.notes.append(f"qualifier {part.text!r} -> country {cc}")
    place = gz.index.country_place(cc)
    if place is not None:
        q.fallbacks.append(fallback(place, f"country {cc} from {part.text!r}", 0.31))
    return True


def _unit_qualifier(gz: Gazetteer, part: LocationPart, q: _Qualifiers, cities: list[Place]) -> None:
    """A raion or hromada named after the target: restrict to it when the index knows it."""
    word = "hromada" if part.role == "hromada" else "raion"
    found = [
        c
        for name in dict.fromkeys((part.text, _ADJECTIVE.sub("", part.text)))
        if name
        for c in gz.resolve(f"{name} {word}", q.context(), limit=3)
        if c.place.kind in _UNIT_KINDS
        and c.stage != "fuzzy"
        and (not q.regions or (c.place.country_code or "", c.place.admin1_code or "") in q.regions)
    ]
    if not found:
        _old_unit_centre(gz, part, word, q, cities)
        return
    unit = found[0].place
    q.units.append(unit)
    q.notes.append(f"qualifier {part.text!r} -> {unit.kind} {unit.name}")
    q.fallbacks.insert(0, fallback(unit, f"{unit.kind} {unit.name} from {part.text!r}", 0.34))


def _centre_forms(stem: str) -> tuple[str, ...]:
    """Names of the town a raion adjective is made from, most likely first.

    Novoazov(skyi) <- Novoazovsk, Maryin(skyi) <- Maryinka, Popasnyan(skyi) <- Popasna,
    Starobeshiv(skyi) <- Starobesheve, Yasinovat(skyi) <- Yasinovataya.

    >>> _centre_forms("Starobeshiv")
    ('Starobeshiv', 'Starobeshivsk', 'Starobeshive', 'Starobeshiva', 'Starobeshivka', 'Starobesheve', 'Starobeshove')
    >>> _centre_forms("Popasnyan")[-2:]
    ('Popasna', 'Popasnaya')
    """
    forms = [stem, f"{stem}sk", f"{stem}e", f"{stem}a"]
    low = stem.lower()
    if low.endswith(("ov", "ev", "iv", "in", "yev", "yin")):
        forms.append(f"{stem}ka")
    if low.endswith("iv"):
        forms += [f"{stem[:-2]}eve", f"{stem[:-2]}ove"]
    if low.endswith("at"):
        forms.append(f"{stem}aya")
    if low.endswith(("yan", "ian", "jan")):
        forms += [f"{stem[:-3]}a", f"{stem[:-3]}aya"]
    return tuple(dict.fromkeys(forms))


def _old_unit_centre(
    gz: Gazetteer, part: LocationPart, word: str, q: _Qualifiers, cities: list[Place]
) -> None:
    """A unit the index does not hold (a pre-2020 raion: "Novoazovsky district") is
    named after its centre: that town, found inside the named area (and country), is
    a nearby point, and the place lies within :data:`FORMER_RAION_KM` of it. Beside a
    city named in the string, a unit whose centre lies far from it is one of the
    city's own districts ("Petrovsky district, Donetsk"): not used."""
    stem = _ADJECTIVE.sub("", part.text)
    ctx = q.context()
    centre = [
        c
        for name in dict.fromkeys((*_centre_forms(stem), part.text))
        if len(name) >= 4
        for c in gz.resolve(name, ctx, limit=1, fuzzy=False)
        if c.place.kind == "settlement"
        and (not q.regions or q.within(c.place))
        and (not ctx.countries or c.place.country_code in ctx.countries)
    ][:1]
    if not centre:
        q.notes.append(f"{word} {part.text!r} not in the index (not used)")
        return
    place = centre[0].place
    if cities and all(
        haversine_km((place.lat, place.lon), (c.lat, c.lon)) > FORMER_RAION_KM for c in cities
    ):
        q.notes.append(f"{word} {part.text!r}: a district of {cities[0].name} (not used)")
        return
    q.near.append((place.lat, place.lon))
    if word == "raion":  # a village council ("hromada" word) is small: nearness only
        q.centres.append((place.lat, place.lon))
    raw = 0.335
    q.fallbacks.append(
        Candidate(
            place,
            squash(raw),
            place.name,
            "fallback",
            "district",
            (
                f"fallback to the centre of the former {word} {part.text!r}",
                f"score {squash(raw):.3f}",
            ),
        )
    )
    q.notes.append(
        f"{word} {part.text!r} not in the index: its centre {place.name} "
        f"({place.lat:.4f}, {place.lon:.4f}): the place lies within {FORMER_RAION_KM:g} km of it"
    )


def _reference(gz: Gazetteer, part: LocationPart, q: _Qualifiers) -> None:
    """A further place: a reference point, and an oblast when it is the oblast's capital."""
    ref = gz.resolve(part.text, q.context(), limit=1)
    if not ref or ref[0].stage == "fuzzy":
        return
    place = ref[0].place
    region = (place.country_code or "", place.admin1_code or "")
    capital_of = {(cc, a1) for cc, a1, _ in gz.index.region_key_hits(normalize(part.text))}
    q.fallbacks.append(fallback(place, f"reference place {part.text!r}", 0.33))
    if part.role == "phrase" and region in capital_of:
        # "X, Kharkiv": the oblast, not closeness to its capital
        if region not in q.regions:
            q.regions.append(region)
            area = gz.index.region_place(*region)
            if area is not None:
                q.fallbacks.append(fallback(area, f"region {area.name} from {part.text!r}", 0.32))
        q.notes.append(f"qualifier {part.text!r} names {place.admin1 or region} by its capital")
        return
    q.near.append((place.lat, place.lon))
    q.notes.append(f"reference {part.text!r} -> {place.name} ({place.lat:.4f}, {place.lon:.4f})")


def qualifiers(gz: Gazetteer, parts: tuple[LocationPart, ...], ctx: Context) -> _Qualifiers:
    """Read every part but the targets as a qualifier; collect the targets.

    Areas first (regions and countries, then raions and hromadas inside them),
    so that reference places and targets are read with every area the string names.
    """
    q = _Qualifiers(base=ctx)
    consumed = _area_qualifiers(gz, parts, q)
    pending = [p for p in parts if p.role in ("district", "hromada")]
    for part in parts:  # "Telmanovsky region": no oblast, an adjective: a raion
        if part.role != "phrase" or id(part) in consumed:
            continue
        stem, has_word = split_region_phrase(normalize(part.text))
        if has_word:
            name = part.text.split()[0] if len(part.text.split()) == 2 else ""
            if stem and _ADJECTIVE.search(name) and len(stem.split()) == 1:
                pending.append(LocationPart(name, "district"))
                consumed.add(id(part))
    cities = _cities(gz, parts, q) if pending else []
    for part in pending:
        _unit_qualifier(gz, part, q, cities)
    for part in parts:
        if id(part) in consumed or part.role in ("structure", "axis", "district", "hromada"):
            continue
        if part.role == "place" and not q.targets:
            q.targets.append(part)
            continue
        if part.role == "phrase":
            q.targets.append(part)
        _reference(gz, part, q)
    structures = [p for p in parts if p.role == "structure"]
    q.targets.extend(structures)
    q.targets.extend(
        LocationPart(name, "named")
        for name in dict.fromkeys(structure_name(p.text) for p in structures)
        if name
    )
    q.targets.extend(LocationPart(p.text, "structure") for p in parts if p.role == "axis")
    if not q.targets and pending:  # "Starobeshivskyi district": the unit is the target
        word = "hromada" if pending[0].role == "hromada" else "raion"
        q.targets.append(LocationPart(f"{pending[0].text} {word}", "unit"))
    return q


def _cities(gz: Gazetteer, parts: tuple[LocationPart, ...], q: _Qualifiers) -> list[Place]:
    """Cities (at least :data:`CITY_POPULATION` people) that the string names exactly."""
    out = []
    for part in parts:
        if part.role not in ("place", "phrase"):
            continue
        found = gz.resolve(part.text, q.context(), limit=1, fuzzy=False)
        if found and found[0].stage == "exact" and found[0].place.kind == "settlement":
            if found[0].place.population >= CITY_POPULATION:
                out.append(found[0].place)
    return out


def _area_qualifiers(gz: Gazetteer, parts: tuple[LocationPart, ...], q: _Qualifiers) -> set[int]:
    """Region and country phrases (a leading one too: "Donetsk region: Makiivka")."""
    consumed: set[int] = set()
    for i, part in enumerate(parts):
        key = normalize(part.text)
        if not key:
            continue
        if part.role == "phrase" and (
            _region_qualifier(gz, part, key, q) or _country_qualifier(gz, part, key, q)
        ):
            consumed.add(id(part))
        elif (
            part.role == "place"
            and i < len(parts) - 1
            and split_region_phrase(key)[1]
            and _region_qualifier(gz, part, key, q)
        ):
            consumed.add(id(part))
    return consumed


def _pick_target(gz: Gazetteer, q: _Qualifiers, limit: int) -> tuple[list[Candidate], str]:
    ctx = q.context()
    first: list[Candidate] | None = None
    first_text = ""
    # inside a named area the right namesake may rank low among the country's
    want = max(limit, 50) if (q.units or q.regions) else max(limit, 5)
    for part in q.targets:
        found = gz.resolve(part.text, ctx, limit=want, fuzzy=part.role != "unit")
        if first is None and part.role not in ("structure", "unit"):
            first, first_text = found, part.text
        if q.regions or q.units:
            found = sorted(found, key=lambda c: not q.within(c.place))  # stable: rank kept
        if found and found[0].stage != "fuzzy" and q.within(found[0].place):
            # a street or a lower-case word names a place only as a site or inside the area
            if part.role != "structure" or found[0].place.kind == "site" or q.regions or q.units:
                return found, part.text
    return first or [], first_text


def _shared_unit(gz: Gazetteer, same: list[Candidate]) -> Candidate | None:
    """The hromada, else the raion, that holds every tied namesake (register places)."""
    for attr in ("admin3_code", "admin2_code"):
        codes = {getattr(c.place, attr) for c in same}
        if len(codes) == 1 and None not in codes:
            unit = gz.index.place_by_code(codes.pop())
            if unit is not None:
                return fallback(unit, f"{unit.kind} {unit.name}, which holds every namesake", 0.34)
    return None


def _tie_in_area(gz: Gazetteer, q: _Qualifiers, result: list[Candidate]) -> list[Candidate] | None:
    """Namesakes inside the named area that nothing separates: the area, then them."""
    if not (q.regions or q.units) or len(result) < 2:
        return None
    top = result[0]
    same = [
        c
        for c in result
        if c.place.kind == "settlement"
        and c.stage == top.stage
        and q.within(c.place)
        and unsquash(top.score) - unsquash(c.score) < TIE_RAW
    ]
    if len(same) < 2 or top.place.kind != "settlement":
        return None
    area = _shared_unit(gz, same) or next(
        (f for f in q.fallbacks if f.place.kind in ("hromada", "district", "region")), None
    )
    if area is None:
        return None
    listed = "; ".join(
        f"{c.place.name} ({', '.join(filter(None, (getattr(c.place, 'admin2', None), c.place.admin1)))}"
        f" {c.place.lat:.4f}, {c.place.lon:.4f})"
        for c in same
    )
    note = f"{len(same)} places named {top.matched_name!r} in the named area tie: {listed}"
    head = Candidate(
        area.place,
        min(1.0, top.score + 0.01),
        area.matched_name,
        area.stage,
        area.precision,
        (*area.explain, note, "answered with the area, not a guess"),
    )
    return [head, *result]


def _moved(c: Candidate, offset: tuple[float, float]) -> Candidate:
    km, bearing = offset
    lat, lon = offset_point(c.place.lat, c.place.lon, km, bearing)
    return Candidate(
        replace(c.place, lat=lat, lon=lon),
        c.score,
        c.matched_name,
        c.stage,
        c.precision,
        (*c.explain, f"moved {km:g} km on bearing {bearing:g} from {c.place.name}"),
    )


def resolve_location_text(
    gz: Gazetteer, query: str, ctx: Context, *, limit: int
) -> list[Candidate]:
    """Candidates for a free-text location string, best first (see the module doc)."""
    parsed = parse_location(query)
    if parsed.point is not None:
        return [coordinate_candidate(query, parsed.point)]
    if not parsed.parts:
        return []
    q = qualifiers(gz, parsed.parts, ctx)
    result, target = _pick_target(gz, q, limit)
    prefix: tuple[str, ...] = (f"free text {query!r}: target {target!r}", *q.notes)
    if result and q.fallbacks and not q.within(result[0].place):
        # the text names an area the best match is not in: a correct coarse
        # answer beats a precise wrong one
        prefix = (*prefix, f"best match {result[0].place.name!r} is outside the named area")
        coarse = sorted(
            (f for f in q.fallbacks if f.precision in _COARSE),
            key=lambda f: _COARSE.index(f.precision),
        )  # the most precise area first (a former raion's centre before the oblast)
        result = [
            Candidate(
                c.place,
                min(1.0, result[0].score + 0.01),
                c.matched_name,
                c.stage,
                c.precision,
                (*c.explain, "ranked above the out-of-area match"),
            )
            for c in coarse[:1]
        ] + result
    elif result:
        result = _tie_in_area(gz, q, result) or result
    if not result:
        prefix = (*prefix, "target not found")
        result = sorted(q.fallbacks, key=lambda c: -c.score)
    if parsed.offset and result and result[0].precision in ("settlement", "site"):
        result = [_moved(result[0], parsed.offset), *result[1:]]
    return [
        Candidate(c.place, c.score, c.matched_name, c.stage, c.precision, (*prefix, *c.explain))
        for c in result[:limit]
    ]
