"""One fused event from its member report events: which place, type and date win, and the
union of claims and sources (:func:`merge_members`), and its stable id (:func:`fused_id`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from geoevents.model import Claim, Event, Source, stable_id

if TYPE_CHECKING:  # pragma: no cover
    from geoevents.store.fusion import ReportEvent


def order_key(r: ReportEvent) -> tuple[str, str]:
    """Order of members inside an event, and which one names it: publication day, then
    id (a total key on content: the storage order never matters)."""
    return (r.published or "9999-12-31", r.id)


def _pick(values: Iterable[object]) -> object:
    """Most common non-empty value, ties to the first seen."""
    seen = [v for v in values if v not in (None, "")]
    if not seen:
        return None
    counts = Counter(seen)
    best = max(counts.values())
    return next(v for v in seen if counts[v] == best)


def _claim_key(c: Claim) -> tuple[object, ...]:
    figures = (c.killed, c.injured, c.launched, c.intercepted)
    return (c.claimant.casefold().strip(), c.side, c.stance, *figures, c.disputes)


def merge_members(members: Sequence[ReportEvent], fused_id: str) -> Event:
    """The fused event of ``members`` (already in order, earliest report first).

    Corrected members decide place, type and date; otherwise the most precise
    location and the most common type and day win. Claims and sources are the
    union (a claim repeated word for word by several outlets is kept once; any
    differing figure is another claim).
    """
    evs = [m.event for m in members]
    deciders = [e for e in evs if e.corrected] or evs
    best_prec = min(e.location_precision for e in deciders)
    loc = next(e for e in deciders if e.location_precision == best_prec)
    event_type = _pick(e.event_type for e in deciders)
    day_dates = [e.date for e in deciders if e.date and e.date_precision == "day"]
    if day_dates:
        date = _pick(day_dates)
        date_start = date_end = date
        date_precision = "day"
    else:
        dated = [e for e in deciders if e.date or e.date_start]
        if dated:
            date = _pick(e.date for e in dated)
            starts = [e.date_start or e.date for e in dated]
            ends = [e.date_end or e.date_start or e.date for e in dated]
            date_start = max(s for s in starts if s)
            date_end = min(s for s in ends if s)
            if date_end < date_start:
                date_start, date_end = dated[0].date_start, dated[0].date_end
            date_precision = _pick(e.date_precision for e in dated) or "unknown"
        else:
            date = date_start = date_end = None
            date_precision = "unknown"
    claims: list[Claim] = []
    seen_claims: set[tuple[object, ...]] = set()
    sources: list[Source] = []
    seen_sources: set[str] = set()
    for e in evs:
        for c in e.claims:
            k = _claim_key(c)
            if k not in seen_claims:
                seen_claims.add(k)
                claims.append(c)
        for s in e.sources:
            if s.article_id not in seen_sources:
                seen_sources.add(s.article_id)
                sources.append(s)
    verified_values = [e.verified for e in evs if e.verified is not None]
    verified = False if False in verified_values else (True if verified_values else None)
    return Event(
        id=fused_id,
        event_type=str(event_type),
        lat=loc.lat,
        lon=loc.lon,
        date=date,  # type: ignore[arg-type]
        date_start=date_start,
        date_end=date_end,
        date_precision=str(date_precision),
        place_name=loc.place_name,
        place_original=tuple(dict.fromkeys(w for e in evs for w in e.place_original)),
        country_code=loc.country_code,
        admin1=loc.admin1,
        geonameid=loc.geonameid,
        location_precision=loc.location_precision,
        weapons=tuple(sorted({w for e in evs for w in e.weapons})),
        targets=tuple(sorted({t for e in evs for t in e.targets})),
        attacker_side=_pick(e.attacker_side for e in evs),  # type: ignore[arg-type]
        claims=tuple(claims),
        disputed=any(e.disputed for e in evs),
        disputed_by=tuple(sorted({d for e in evs for d in e.disputed_by})),
        verified=verified,
        sources=tuple(sources),
        corrected=any(e.corrected for e in evs),
        rejected=next((e.rejected for e in evs if e.rejected is not None), None),
    )


def fused_id(members: Sequence[ReportEvent]) -> str:
    """Stable id of a fused event, derived from its first member.

    First = published first, ties to the smallest report-event id (a digest of the
    article's content), never to the order of storage: a report joining later changes
    the id only if it was published earlier, or the same day with a smaller id.
    """
    return stable_id("fused", min(members, key=order_key).id)
