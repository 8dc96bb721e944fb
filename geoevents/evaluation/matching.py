"""Predicted events against gold events of one article: one-to-one matching by place.

A predicted event can match a gold event when it has the gold place's GeoNames
id or lies within the place's tolerance. Among all such pairs the closest is
taken first (ties: an acceptable type first, then gold order, then predicted
order), so the matching is one-to-one and deterministic. The type is not a
matching condition; it is measured on the pairs, like the date
(:mod:`geoevents.evaluation.measures`).

>>> from geoevents.model import Event
>>> from geoevents.evaluation.gold import GoldEvent, GoldPlace
>>> kyiv = GoldEvent(GoldPlace("Kyiv", 50.45, 30.52), ("interception",))
>>> near = Event("a", "air_drone_strike", 50.46, 30.52)
>>> far = Event("b", "interception", 49.99, 36.23)
>>> m = match_events((kyiv,), (far, near))
>>> [(p.gold_index, p.event_index) for p in m.pairs], m.missed, m.spurious
([(0, 1)], (), (0,))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from gazetteer.geo import haversine_km
from geoevents.evaluation.gold import GoldEvent, GoldPlace
from geoevents.model import Event


@dataclass(frozen=True)
class Pair:
    """A gold event and the predicted event matched to it."""

    gold_index: int
    event_index: int
    distance_km: float


@dataclass(frozen=True)
class Matching:
    """The pairs of one article, the gold events missed and the predicted ones left over."""

    pairs: tuple[Pair, ...]
    missed: tuple[int, ...]  # gold indices without a predicted event
    spurious: tuple[int, ...]  # predicted indices without a gold event


def place_distance(ev: Event, place: GoldPlace) -> float | None:
    """Distance in km from ``ev`` to ``place`` when it counts as there, else ``None``.

    Same GeoNames id counts whatever the distance; a place given by name only (a
    v1 ``not_at`` entry) counts when the event's place name is that name.

    >>> p = GoldPlace("Kyiv", 50.45, 30.52, geonameid=703448)
    >>> place_distance(Event("a", "interception", 50.45, 30.52), p)
    0.0
    >>> place_distance(Event("a", "interception", 49.99, 36.23), p) is None
    True
    >>> place_distance(Event("a", "interception", 0, 0, geonameid=703448), p) > 1000
    True
    """
    if place.lat is None or place.lon is None:
        same = ev.place_name is not None and ev.place_name.casefold() == place.name.casefold()
        return 0.0 if same else None
    km = haversine_km((ev.lat, ev.lon), (place.lat, place.lon))
    if km <= place.tolerance_km:
        return km
    if place.geonameid is not None and ev.geonameid == place.geonameid:
        return km
    return None


def match_events(gold: Sequence[GoldEvent], predicted: Sequence[Event]) -> Matching:
    """Match ``predicted`` to ``gold`` events one-to-one, greedy by distance."""
    candidates = []
    for j, g in enumerate(gold):
        for i, ev in enumerate(predicted):
            km = place_distance(ev, g.place)
            if km is not None:
                candidates.append((round(km, 6), ev.event_type not in g.event_types, j, i))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for km, _, j, i in sorted(candidates):
        if j in used_gold or i in used_pred:
            continue
        used_gold.add(j)
        used_pred.add(i)
        pairs.append(Pair(j, i, km))
    return Matching(
        pairs=tuple(sorted(pairs, key=lambda p: p.gold_index)),
        missed=tuple(j for j in range(len(gold)) if j not in used_gold),
        spurious=tuple(i for i in range(len(predicted)) if i not in used_pred),
    )


def not_at_place(ev: Event, places: Sequence[GoldPlace]) -> GoldPlace | None:
    """The first ``not_at`` place ``ev`` lies at, if any."""
    return next((p for p in places if place_distance(ev, p) is not None), None)
