"""Stage 3: score candidates with importance and context, best first.

The raw score adds up, each part recorded in :attr:`Candidate.explain`:

* stage: ``0.5 * base`` (exact 1.0, variant 0.85, fuzzy 0.8 x similarity);
* importance: ``0.2 * importance`` (settlements: log10 of population / 7;
  regions 0.75, countries 1.0, sites 0.5) and ``+0.03`` when the query matched
  the place's main name;
* context: ``+0.30`` in a region named in context, ``+0.12`` in a named
  country (or the country of a named region), ``+0.05`` in a focus country,
  up to ``+0.25`` near a place already resolved in the text (linear to 0 at
  250 km);
* source: ``+0.20`` for custom places (curated sites, user files).

The reported score is ``raw / (raw + 0.3)`` (0..1, order preserving).

>>> round(population_importance(340_000), 2), population_importance(0)
(0.79, 0.0)
>>> round(haversine_km((48.0, 37.8), (47.1, 39.4)))
156
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from gazetteer.candidates import Match
from gazetteer.types import Candidate, Context, Place

KIND_IMPORTANCE = {"country": 1.0, "region": 0.75, "site": 0.5}
KIND_ORDER = {"country": 3, "region": 2, "site": 1, "settlement": 0}
W_STAGE, W_IMPORTANCE, W_MAIN = 0.5, 0.2, 0.03
W_REGION, W_COUNTRY, W_FOCUS, W_NEAR, W_CUSTOM = 0.30, 0.12, 0.05, 0.25, 0.20
NEAR_KM = 250.0


def population_importance(population: int) -> float:
    """0..1 importance from population (log scale; 10 million -> 1)."""
    return min(1.0, math.log10(max(population, 0) + 1) / 7.0)


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two ``(lat, lon)`` points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def importance(place: Place) -> float:
    """Importance of a place irrespective of the query (0..1)."""
    if place.kind in KIND_IMPORTANCE:
        return max(KIND_IMPORTANCE[place.kind], population_importance(place.population))
    return population_importance(place.population)


def score_match(
    match: Match, place: Place, priority: int, context: Context
) -> tuple[float, list[str]]:
    """Raw score and explanation of one match."""
    why = [
        f"stage {match.stage} on {match.hit.name!r}"
        + (f" (similarity {match.similarity:.2f})" if match.stage == "fuzzy" else "")
        + f": +{W_STAGE * match.base:.3f}"
    ]
    raw = W_STAGE * match.base
    imp = importance(place)
    raw += W_IMPORTANCE * imp
    why.append(
        f"importance {imp:.2f} ({place.kind}, population {place.population}): +{W_IMPORTANCE * imp:.3f}"
    )
    if match.hit.main:
        raw += W_MAIN
        why.append(f"main name: +{W_MAIN:.3f}")
    cc, a1 = place.country_code or "", place.admin1_code or ""
    if context.regions and (cc, a1) in context.regions:
        raw += W_REGION
        why.append(f"in context region {cc}.{a1}: +{W_REGION:.3f}")
    named_countries = set(context.countries) | {r[0] for r in context.regions}
    if cc and cc in named_countries:
        raw += W_COUNTRY
        why.append(f"in context country {cc}: +{W_COUNTRY:.3f}")
    elif cc and cc in context.country_focus:
        raw += W_FOCUS
        why.append(f"in focus country {cc}: +{W_FOCUS:.3f}")
    if context.near:
        dist = min(haversine_km((place.lat, place.lon), p) for p in context.near)
        bonus = W_NEAR * max(0.0, 1.0 - dist / NEAR_KM)
        if bonus > 0:
            raw += bonus
            why.append(f"{dist:.0f} km from a place in the same text: +{bonus:.3f}")
    if priority > 0:
        raw += W_CUSTOM
        why.append(f"custom place (priority {priority}): +{W_CUSTOM:.3f}")
    return raw, why


def squash(raw: float) -> float:
    """Map a raw score to 0..1, preserving order.

    >>> squash(0.0), squash(0.3)
    (0.0, 0.5)
    """
    return raw / (raw + 0.3) if raw > 0 else 0.0


def rank(
    matches: Iterable[Match],
    places: dict[int, Place],
    priorities: dict[int, int],
    context: Context,
    *,
    limit: int,
) -> list[Candidate]:
    """Candidates best first (ties: priority, kind, population, row id)."""
    scored = []
    for match in matches:
        place = places.get(match.hit.place_id)
        if place is None:
            continue
        priority = priorities.get(match.hit.place_id, 0)
        raw, why = score_match(match, place, priority, context)
        key = (
            -raw,
            -priority,
            -KIND_ORDER.get(place.kind, 0),
            -place.population,
            place.place_id or 0,
        )
        scored.append((key, raw, match, place, why))
    scored.sort(key=lambda item: item[0])
    out = []
    for _, raw, match, place, why in scored[: max(limit, 0)]:
        final = squash(raw)
        out.append(
            Candidate(
                place=place,
                score=final,
                matched_name=match.hit.name,
                stage=match.stage,
                precision=place.kind if place.kind in KIND_ORDER else "settlement",
                explain=(*why, f"score {final:.3f} (raw {raw:.3f})"),
            )
        )
    return out
