"""The attributes of a matched pair, measured one by one.

:func:`check_pair` gives a :class:`Check` (measure, right or wrong, gold and
predicted value) for every attribute the gold event asserts; an attribute the
gold leaves out is not measured. The measures, in report order:

``type``
    the predicted type is one of the gold's acceptable types
``date``
    gold ``date``: the predicted date is that single day; gold ``date_range``: the
    predicted window lies within it
``attacker_side``, ``launched``, ``intercepted``
    equal to the gold value (a model without the field counts as missing)
``weapons``, ``targets``
    every gold label is among the predicted ones
``claim_side``
    per gold claim with a side: a predicted claim of that side (and stance, when given)
``attribution``
    per gold figure of a claim with a side: a predicted claim of that side states it
    (the number is the low or high end of its killed or injured figure)
``figures``
    per gold figure: a predicted claim states it, whatever its side
``disputed``, ``disputed_by``, ``verified``, ``casualties``, ``location_precision``
    as the gold asserts them

>>> from geoevents.model import Claim, Event, Figure
>>> from geoevents.evaluation.gold import GoldClaim, GoldEvent, GoldPlace
>>> g = GoldEvent(GoldPlace("Kyiv", 50.45, 30.52), ("interception",), date="2023-05-16",
...               claims=(GoldClaim(side="ukraine", killed=(0,), injured=(3,)),))
>>> ev = Event("a", "interception", 50.45, 30.52, date="2023-05-16", date_start="2023-05-16",
...            date_end="2023-05-16", date_precision="day",
...            claims=(Claim("Kyiv mayor", "ukraine", injured=Figure(3, 3)),))
>>> [(c.measure, c.right) for c in check_pair(g, ev)]  # doctest: +NORMALIZE_WHITESPACE
[('type', True), ('date', True), ('claim_side', True), ('attribution', False),
 ('figures', False), ('attribution', True), ('figures', True)]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from geoevents.evaluation.gold import GoldClaim, GoldEvent
from geoevents.model import Claim, Event, Figure

#: Every measure, in report order.
MEASURES: tuple[str, ...] = (
    "type",
    "date",
    "attacker_side",
    "weapons",
    "targets",
    "claim_side",
    "attribution",
    "figures",
    "launched",
    "intercepted",
    "disputed",
    "disputed_by",
    "verified",
    "casualties",
    "location_precision",
)


@dataclass(frozen=True)
class Check:
    """One measured attribute of a pair: right or not, with both values as text."""

    measure: str
    right: bool
    gold: str
    predicted: str


def check_pair(g: GoldEvent, ev: Event) -> list[Check]:
    """Every attribute ``g`` asserts, measured on the predicted event ``ev``."""
    return list(_checks(g, ev))


def _checks(g: GoldEvent, ev: Event) -> Iterator[Check]:
    yield Check("type", ev.event_type in g.event_types, " or ".join(g.event_types), ev.event_type)
    if g.date is not None or g.date_range is not None:
        yield _date(g, ev)
    if g.attacker_side is not None:
        yield _equal("attacker_side", g.attacker_side, ev.attacker_side)
    for name, want, have in (
        ("weapons", g.weapons, ev.weapons),
        ("targets", g.targets, ev.targets),
    ):
        if want:
            yield Check(name, set(want) <= set(have), _items(want), _items(have))
    for claim in g.claims:
        yield from _claim_checks(claim, ev.claims)
    for name in ("launched", "intercepted"):
        want = getattr(g, name)
        if want is not None:  # right when a claim's count, low or high, is the gold number
            have = ev.weapon_counts[name]
            stated = [v for v in (have["low"], have["high"]) if v is not None]
            shown = _items([str(v) for v in sorted(set(stated))]) if stated else "not stated"
            yield Check(name, want in stated, want, shown)
    if g.disputed is not None:
        yield _equal("disputed", g.disputed, ev.disputed)
    for side in g.disputed_by:
        deniers = {c.side for c in ev.claims if c.stance == "denies"} | set(ev.disputed_by)
        yield Check("disputed_by", side in deniers, side, _items(sorted(deniers)))
    if g.asserts_verified:
        yield _equal("verified", g.verified, ev.verified)
    for kind, end, value in g.casualties:
        yield _equal("casualties", value, ev.casualties[kind][end], what=f"{kind} {end} ")
    if g.location_precision is not None:
        yield _equal("location_precision", g.location_precision, ev.location_precision)


def _date(g: GoldEvent, ev: Event) -> Check:
    window = ev.window
    shown = "undated" if window is None else "..".join(dict.fromkeys(window))
    if g.date is not None:
        right = ev.date_precision == "day" and window == (g.date, g.date)
        return Check("date", right, g.date, shown)
    assert g.date_range is not None
    lo, hi = g.date_range
    right = window is not None and lo <= window[0] <= window[1] <= hi
    return Check("date", right, f"within {lo}..{hi}", shown)


def _claim_checks(claim: GoldClaim, claims: tuple[Claim, ...]) -> Iterator[Check]:
    who = "/".join(x for x in (claim.side, claim.stance) if x) or "any side"
    if claim.claimant:
        who += f" ({claim.claimant})"
    if claim.side is not None:
        mine = [c for c in claims if c.side == claim.side and claim.stance in (None, c.stance)]
        yield Check("claim_side", bool(mine), who, _sides(claims))
    for kind, numbers in (("killed", claim.killed), ("injured", claim.injured)):
        if not numbers:
            continue
        want = f"{kind} {' or '.join(map(str, numbers))}"
        stated = [c for c in claims if _states(getattr(c, kind), numbers)]
        if claim.side is not None:
            sides = [c for c in stated if c.side == claim.side]
            got = (
                f"{want} by {_items(sorted({c.side for c in stated}))}" if stated else "not stated"
            )
            yield Check("attribution", bool(sides), f"{want} by {claim.side}", got)
        yield Check("figures", bool(stated), want, _figures(claims, kind))


def _states(fig: Figure | None, numbers: tuple[int, ...]) -> bool:
    return fig is not None and any(n in (fig.low, fig.high) for n in numbers)


def _equal(measure: str, want: object, have: object, what: str = "") -> Check:
    return Check(measure, want == have, f"{what}{_text(want)}", f"{what}{_text(have)}")


def _text(value: object) -> str:
    if value is None:
        return "missing"
    return str(value).lower() if isinstance(value, bool) else str(value)


def _items(values: tuple[str, ...] | list[str]) -> str:
    return ", ".join(values) if values else "none"


def _sides(claims: tuple[Claim, ...]) -> str:
    return _items(sorted({f"{c.side}/{c.stance}" for c in claims}))


def _figures(claims: tuple[Claim, ...], kind: str) -> str:
    shown = []
    for c in claims:
        fig = getattr(c, kind)
        if fig is not None:
            ends = sorted({x for x in (fig.low, fig.high) if x is not None})
            shown.append(f"{'-'.join(map(str, ends))} ({c.side})")
    return f"{kind} " + (", ".join(shown) if shown else "none")
