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

from typing import TYPE_CHECKING

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
    if ev.verified is False:
        out.append(("not independently verified", 0.15))
    if not ev.attacker_side:
        out.append(("attacker unknown", 0.05))
    return out


def confidence(ev: Event) -> tuple[float, tuple[str, ...]]:
    """The event's confidence in [0, 1] and the reasons it is below 1 (see the module doc)."""
    weaknesses = _weaknesses(ev)
    score = 1.0 - sum(w for _, w in weaknesses)
    reasons = [f"{name}: -{w:.2f}" for name, w in weaknesses]
    if ev.corrected:
        score += 0.2
        reasons.append("corrected by an analyst: +0.20")
    return round(min(1.0, max(0.0, score)), 2), tuple(reasons)
