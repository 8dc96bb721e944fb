"""How far an analyst can trust an event: a score in [0, 1] with its reasons.

The score starts at 1 and each weakness takes its share, so the reasons add up
to the score and say what to check:

=========================================  ======
weakness                                   score
=========================================  ======
place only near a named place (precision   -0.15
2: a derived point, "near X")
place only a region (precision 3)          -0.30
no day: a window of days                   -0.05
no date at all                             -0.15
one source only                            -0.10
no official claimant (the outlet's voice)  -0.10
disputed (a claimant denies it)            -0.15
claims give different death tolls          -0.05
(not disputed otherwise)
not independently verified                 -0.15
attacker side unknown                      -0.05
=========================================  ======

Two or more sources, or claims of both sides that the strike happened, take
nothing; an analyst's correction raises the score by 0.2 (at most 1). Events
below :data:`NEEDS_REVIEW` are drawn as "needs review" on the map, and
``--min-confidence`` drops the events below a floor. Derived from the event's
own fields: the same event always has the same score, wherever it is computed.

>>> from geoevents.model import Claim, Event, Source
>>> ev = Event("e", "shelling_missile_attack", 48.0, 37.8, date="2023-01-01",
...            attacker_side="russia", claims=(Claim("regional governor", "ukraine"),),
...            sources=(Source("a"), Source("b")))
>>> confidence(ev)
(1.0, ())
>>> score, why = confidence(ev.with_(location_precision=3, sources=(Source("a"),)))
>>> score, why
(0.6, ('region only: -0.30', 'one source: -0.10'))
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from geoevents.model import Event

#: Below this score an event needs an analyst's review.
NEEDS_REVIEW = 0.6
_PRECISION = {2: ("approximate place", 0.15), 3: ("region only", 0.30)}


def _weaknesses(ev: Event) -> list[tuple[str, float]]:
    out = []
    if ev.location_precision in _PRECISION:
        out.append(_PRECISION[ev.location_precision])
    if ev.date_precision == "range":
        out.append(("a window of days, no day", 0.05))
    elif ev.window is None:
        out.append(("no date", 0.15))
    if len({s.article_id for s in ev.sources}) <= 1:
        out.append(("one source", 0.10))
    if not any(c.stance != "reports" for c in ev.claims):
        out.append(("no official claimant", 0.10))
    if ev.disputed or any(c.stance == "denies" for c in ev.claims):
        out.append(("disputed", 0.15))
    elif _figures_differ(ev):
        out.append(("claims give different death tolls", 0.05))
    if ev.verified is False:
        out.append(("not independently verified", 0.15))
    if not ev.attacker_side:
        out.append(("attacker unknown", 0.05))
    return out


def _figures_differ(ev: Event) -> bool:
    """Two asserting claims whose killed figures cannot both hold (their ranges do not meet)."""
    ranges = []
    for c in ev.claims:
        k = c.killed
        if c.stance == "denies" or k is None or (k.low is None and k.high is None):
            continue
        low = k.low if k.low is not None else 0
        high = (
            k.high if k.high is not None and k.qualifier not in ("at least", "more than") else None
        )
        ranges.append((low, high))
    return any(
        (h1 is not None and h1 < l2) or (h2 is not None and h2 < l1)
        for i, (l1, h1) in enumerate(ranges)
        for l2, h2 in ranges[i + 1 :]
    )


def confidence(ev: Event) -> tuple[float, tuple[str, ...]]:
    """The event's confidence in [0, 1] and the reasons it is below 1 (see the module doc)."""
    weaknesses = _weaknesses(ev)
    score = 1.0 - sum(w for _, w in weaknesses)
    reasons = [f"{name}: -{w:.2f}" for name, w in weaknesses]
    if ev.corrected:
        score += 0.2
        reasons.append("corrected by an analyst: +0.20")
    return round(min(1.0, max(0.0, score)), 2), tuple(reasons)


#: A review's penalty for a place name other places share (the gazetteer may have
#: picked the wrong one), and the size from which a city's name is its own.
NAMESAKE_PENALTY = 0.10
BIG_CITY = 100_000


def namesakes(gazetteer: Any, ev: Event) -> int:
    """How many other settlements (over 20 km away) bear the name of the event's place,
    when that place is no big city: the gazetteer may have picked the wrong one."""
    from gazetteer.geo import haversine_km

    if not ev.place_name or ev.location_precision == 3:
        return 0
    name = ev.place_name.casefold()
    try:
        cands = gazetteer.resolve(ev.place_name, limit=25)
    except Exception:  # a name the gazetteer rejects has no namesakes to tell
        return 0
    same = [
        c.place for c in cands if c.place.kind == "settlement" and c.place.name.casefold() == name
    ]
    if not same:
        return 0
    dist = [haversine_km((p.lat, p.lon), (ev.lat, ev.lon)) for p in same]
    own = same[dist.index(min(dist))]
    if own.population >= BIG_CITY:
        return 0
    return sum(1 for d in dist if d > 20)


def review_order(
    events: Iterable[Event], gazetteer: Any = None
) -> list[tuple[Event, float, tuple[str, ...]]]:
    """Events with their review score and reasons, the ones to check first first: lowest
    score, then the most reasons, then the newest, then by id (a stable order). The score is
    the confidence, less :data:`NAMESAKE_PENALTY` when ``gazetteer`` tells that other places
    share the event's place name.

    >>> from geoevents.model import Claim, Event
    >>> a = Event("a", "air_drone_strike", 48.0, 37.8, date="2023-01-02", location_precision=3)
    >>> b = Event("b", "air_drone_strike", 48.0, 37.8, date="2023-01-01",
    ...           attacker_side="russia", claims=(Claim("governor", "ukraine"),))
    >>> [(ev.id, score) for ev, score, _ in review_order([b, a])]
    [('a', 0.45), ('b', 0.9)]
    """
    scored = []
    for ev in events:
        score, why = confidence(ev)
        n = namesakes(gazetteer, ev) if gazetteer is not None else 0
        if n:
            score = round(max(0.0, score - NAMESAKE_PENALTY), 2)
            why = (*why, f"name shared by {n} other place(s): -{NAMESAKE_PENALTY:.2f}")
        scored.append((ev, score, why))
    scored.sort(key=lambda t: (t[1], -len(t[2]), _newest_first(t[0]), t[0].id))
    return scored


def _newest_first(ev: Event) -> int:
    """A key that sorts later days first, events with no date last."""
    day = ev.date_end or ev.date
    return -datetime.date.fromisoformat(day[:10]).toordinal() if day else 0
