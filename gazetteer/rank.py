"""Stage 3: score candidates with importance and context, best first.

The raw score adds up, each part recorded in :attr:`Candidate.explain`:

* stage: ``0.5 * base`` (exact 1.0, variant 0.7, fuzzy 0.8 x similarity; fuzzy
  runs only when nothing matched exactly or as a variant);
* importance: ``0.4 * importance`` (log10 of population / 7, at least 1.0 for
  countries and continents, 0.6 for regions, 0.5 for sites, 0.4 for districts;
  a region's population is the sum of its settlements') and ``+0.08`` when the
  query matched the place's main name;
* namesake: ``-0.25`` for a region matched by its bare name when a town of that
  name (main name, at least 15,000 people; or alternate name, at least
  100,000) in the same country is a candidate too ("Kharkiv" and "Kharkov" are
  the city, "Kharkiv region" the region), and for a country matched by an
  alternate name that is the main name of a town of at least 50,000 anywhere
  ("Uman" is the Ukrainian city, not an alias of Oman);
* context: ``+0.30`` in a region named in context (else ``+0.10`` in a focus
  region), ``+0.12`` in a named
  country (or the country of a named region), ``+0.05`` in a focus country,
  up to ``+0.25`` near a place already resolved in the text (linear to 0 at
  250 km), up to ``+0.15`` amid a batch's other answers (:mod:`gazetteer.density`;
  not for regions and countries);
* source: ``+0.45`` for custom places (curated sites, user files): more than any
  importance difference, so they win over GeoNames places of the same name.

The reported score is ``raw / (raw + 0.3)`` (0..1, order preserving).

>>> round(population_importance(340_000), 2), population_importance(0)
(0.79, 0.0)
>>> round(haversine_km((48.0, 37.8), (47.1, 39.4)))
156
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache, partial

from gazetteer.candidates import STAGE_BASE, Match
from gazetteer.geo import haversine_km
from gazetteer.types import Candidate, Context, Explanation, Place

KIND_IMPORTANCE = {"continent": 1.0, "country": 1.0, "region": 0.6, "district": 0.4, "site": 0.5}
KIND_ORDER = {
    "continent": 6,
    "country": 5,
    "region": 4,
    "district": 3,
    "hromada": 2,
    "site": 1,
    "settlement": 0,
}
W_STAGE, W_IMPORTANCE, W_MAIN = 0.5, 0.4, 0.08
#: ``Place.source`` of the settlement register (:mod:`gazetteer.register`): Ukrainian names only.
REGISTER_SOURCE = "katottg"
W_REGION, W_COUNTRY, W_FOCUS, W_NEAR, W_CUSTOM = 0.30, 0.12, 0.05, 0.25, 0.45
#: A region in focus (a batch's main regions, :mod:`gazetteer.batch`): a soft preference.
W_REGION_FOCUS = 0.10
#: Up to this much amid a batch's other answers (:mod:`gazetteer.density`); not for areas.
W_DENSITY = 0.15
_AREA_KINDS = frozenset({"region", "country", "continent"})
NEAR_KM = 250.0
#: A region matched by its bare name loses this much to a namesake town of at
#: least :data:`NAMESAKE_POPULATION` in the same country ("Kharkiv", "New York").
W_NAMESAKE, NAMESAKE_POPULATION = 0.25, 15_000
#: ... or by an alternate name, with a population of at least this ("Kharkov").
NAMESAKE_ALT_POPULATION = 100_000
#: A country matched by an alternate name loses as much to a town of at least
#: this many people whose main name it is ("Uman" is Uman, not an alias of Oman).
NAMESAKE_COUNTRY_POPULATION = 50_000


@lru_cache(maxsize=65536)
def population_importance(population: int) -> float:
    """0..1 importance from population (log scale; 10 million -> 1)."""
    return min(1.0, math.log10(max(population, 0) + 1) / 7.0)


def importance(place: Place) -> float:
    """Importance of a place irrespective of the query (0..1)."""
    if place.kind in KIND_IMPORTANCE:
        return max(KIND_IMPORTANCE[place.kind], population_importance(place.population))
    return population_importance(place.population)


def score_match(
    match: Match,
    place: Place,
    priority: int,
    context: Context,
    *,
    namesake: bool = False,
    explain: bool = True,
) -> tuple[float, list[str]]:
    """Raw score of one match and, with ``explain``, why (else an empty list).

    ``namesake`` marks a region matched by its bare name while a town of the
    same name (population >= :data:`NAMESAKE_POPULATION`) in the same country
    is also a candidate.
    """
    why: list[str] = []
    base = match.base
    if match.stage == "variant" and place.source == REGISTER_SOURCE:
        # the register holds no Russian forms: a variant is its only match
        base = STAGE_BASE["exact"]
    raw = W_STAGE * base
    imp = importance(place)
    raw += W_IMPORTANCE * imp
    if explain:
        why.append(
            f"stage {match.stage} on {match.hit.name!r}"
            + (f" (similarity {match.similarity:.2f})" if match.stage == "fuzzy" else "")
            + (" (a register name, which has no Russian form)" if base != match.base else "")
            + f": +{W_STAGE * base:.3f}"
        )
        why.append(
            f"importance {imp:.2f} ({place.kind}, population {place.population}): "
            f"+{W_IMPORTANCE * imp:.3f}"
        )
    if match.hit.main:
        raw += W_MAIN
        if explain:
            why.append(f"main name: +{W_MAIN:.3f}")
    if namesake:
        raw -= W_NAMESAKE
        if explain:
            why.append(
                f"bare region name shared with a town in {place.country_code}: -{W_NAMESAKE:.3f}"
                if place.kind == "region"
                else f"alternate country name that is a town's name: -{W_NAMESAKE:.3f}"
            )
    if (
        context.regions
        or context.countries
        or context.country_focus
        or context.near
        or context.region_focus
        or context.density is not None
    ):
        raw = _with_context(raw, place, context, why if explain else None)
    if priority > 0:
        raw += W_CUSTOM
        if explain:
            why.append(f"custom place (priority {priority}): +{W_CUSTOM:.3f}")
    return raw, why


def _with_context(raw: float, place: Place, context: Context, why: list[str] | None) -> float:
    """``raw`` plus what the context adds: region, country, focus and nearness bonuses."""
    cc = place.country_code or ""
    regions = context.regions
    if regions and (cc, place.admin1_code or "") in regions:
        raw += W_REGION
        if why is not None:
            why.append(f"in context region {cc}.{place.admin1_code or ''}: +{W_REGION:.3f}")
    elif context.region_focus and (cc, place.admin1_code or "") in context.region_focus:
        raw += W_REGION_FOCUS
        if why is not None:
            why.append(f"in focus region {cc}.{place.admin1_code or ''}: +{W_REGION_FOCUS:.3f}")
    if cc and (cc in context.countries or (regions and any(r[0] == cc for r in regions))):
        raw += W_COUNTRY
        if why is not None:
            why.append(f"in context country {cc}: +{W_COUNTRY:.3f}")
    elif cc and cc in context.country_focus:
        raw += W_FOCUS
        if why is not None:
            why.append(f"in focus country {cc}: +{W_FOCUS:.3f}")
    if context.near:
        dist = min(haversine_km((place.lat, place.lon), p) for p in context.near)
        bonus = W_NEAR * max(0.0, 1.0 - dist / NEAR_KM)
        if bonus > 0:
            raw += bonus
            if why is not None:
                why.append(f"{dist:.0f} km from a place in the same text: +{bonus:.3f}")
    density = context.density
    if density is not None and place.kind not in _AREA_KINDS:
        bonus = W_DENSITY * density.share(place.lat, place.lon)
        if bonus > 0:
            raw += bonus
            if why is not None:
                n = density.count(place.lat, place.lon)
                why.append(
                    f"{n} of the batch's {density.total} located answers within "
                    f"{density.radius_km:g} km: +{bonus:.3f}"
                )
    return raw


def squash(raw: float) -> float:
    """Map a raw score to 0..1, preserving order.

    >>> squash(0.0), squash(0.3)
    (0.0, 0.5)
    """
    return raw / (raw + 0.3) if raw > 0 else 0.0


def unsquash(score: float) -> float:
    """Invert :func:`squash`: the raw score of a 0..1 score (``1e6`` for 1 and above).

    >>> round(unsquash(0.5), 3), unsquash(0.0), round(squash(unsquash(0.8)), 6)
    (0.3, 0.0, 0.8)
    """
    if score <= 0.0:
        return 0.0
    if score >= 1.0:
        return 1e6
    return 0.3 * score / (1.0 - score)


def _namesakes(matches: list[Match], places: dict[int, Place]) -> set[tuple[str, str]]:
    """(country, key) of towns big enough to take a bare name from their region."""
    out = set()
    for m in matches:
        p = places.get(m.hit.place_id)
        if (
            p is not None
            and p.kind == "settlement"
            and p.population >= (NAMESAKE_POPULATION if m.hit.main else NAMESAKE_ALT_POPULATION)
        ):
            out.add((p.country_code or "", m.hit.key))
            if m.hit.main and p.population >= NAMESAKE_COUNTRY_POPULATION:
                out.add(("*", m.hit.key))
    return out


def _is_namesake(match: Match, place: Place, namesakes: set[tuple[str, str]]) -> bool:
    """A region by its bare name, or a country by an alternate name, that a town's name shares."""
    if place.kind == "region":
        return ((place.country_code or ""), match.hit.key) in namesakes
    if place.kind == "country" and not match.hit.main:
        return ("*", match.hit.key) in namesakes
    return False


def rank(
    matches: Iterable[Match],
    places: dict[int, Place],
    priorities: dict[int, int],
    context: Context,
    *,
    limit: int,
) -> list[Candidate]:
    """Candidates best first (ties: priority, kind, population, row id).

    Only the ``limit`` best become candidates; their explanations are written
    when first read (:class:`~gazetteer.types.Explanation`).
    """
    if matches.__class__ is not list:
        matches = list(matches)
    if len(matches) == 1 and limit > 0:  # the common case: one place has this name
        match = matches[0]
        place_id = match[0][0]
        place = places.get(place_id)
        if place is None:
            return []
        priority = priorities.get(place_id, 0)
        raw = score_match(match, place, priority, context, explain=False)[0]
        return [_candidate(raw, match, place, priority, context, False)]
    found = []
    has_area = False
    for m in matches:
        place = places.get(m[0][0])
        if place is not None:
            found.append((m, place))
            if place.kind in ("region", "country"):
                has_area = True
    namesakes = _namesakes(matches, places) if has_area else set()
    scored = []
    for match, place in found:
        priority = priorities.get(match[0][0], 0)
        namesake = has_area and _is_namesake(match, place, namesakes)
        raw = score_match(match, place, priority, context, namesake=namesake, explain=False)[0]
        key = (
            -raw,
            -priority,
            -KIND_ORDER.get(place.kind, 0),
            -place.population,
            place.place_id or 0,
        )
        scored.append((key, raw, match, place, priority, namesake))
    scored.sort(key=lambda item: item[0])
    return [
        _candidate(raw, match, place, priority, context, namesake)
        for _, raw, match, place, priority, namesake in scored[: max(limit, 0)]
    ]


def _candidate(
    raw: float, match: Match, place: Place, priority: int, context: Context, namesake: bool
) -> Candidate:
    """The ranked answer for one scored match; its explanation is written when read."""
    final = squash(raw)
    return Candidate(  # positional: place, score, matched_name, stage, precision, explain
        place,
        final,
        match[0][1],
        match[1],
        place.precision,
        Explanation(partial(_explain, match, place, priority, context, namesake)),
    )


def _explain(
    match: Match, place: Place, priority: int, context: Context, namesake: bool
) -> tuple[str, ...]:
    raw, why = score_match(match, place, priority, context, namesake=namesake)
    return (*why, f"score {squash(raw):.3f} (raw {raw:.3f})")
