"""Synthetic report events for the distributed fusion's tests and benchmark.

The reports of :func:`geoevents.store.synthetic.synthetic_reports` (about three per
strike) named as the event dataset names them (article content hash, publication day,
``stable_id(content_hash, idx, event id, prefix="re")``), plus :func:`edge_cases`:
reports of one strike on both sides of the antimeridian, of the 0 deg column wrap, of
time windows, and region-level reports fused by region name or by the 100 km rule.

>>> a = synthetic_report_events(0, 3)
>>> len(a), a[0].id.startswith("re-"), a[0].report_id == a[1].report_id
(3, True, False)
"""

from __future__ import annotations

import datetime

from geoevents.model import Claim, Event, Figure, stable_id
from geoevents.store.fusion import ReportEvent
from geoevents.store.synthetic import synthetic_reports


def synthetic_report_events(start: int, stop: int, *, seed: int = 1) -> list[ReportEvent]:
    """Report events of synthetic articles ``start..stop-1`` (one event each)."""
    out = []
    for article, events in synthetic_reports(start, stop, seed=seed):
        h = article.content_hash
        published = article.published.isoformat()[:10] if article.published else None
        for idx, ev in enumerate(events):
            out.append(ReportEvent(stable_id(h, idx, ev.id, prefix="re"), h, published, ev))
    return out


#: ``(lat, lon, location precision, admin1)`` of the reports of each edge case strike.
_EDGES = (
    ((-16.5, 179.99, 1, "Northern"), (-16.5, -179.99, 1, "Northern")),  # the antimeridian
    ((51.48, -0.01, 1, None), (51.48, 0.01, 1, None)),  # the 0 deg wrap of cell columns
    ((69.9, 29.99, 1, None), (69.9, 30.2, 2, None)),  # a block edge near the pole
    ((48.2, 37.6, 3, "Donetsk"), (48.9, 33.2, 3, "Donetsk")),  # one region, far apart
    ((47.5, 35.9, 3, None), (48.2, 36.1, 1, None)),  # the 100 km rule
)


def edge_cases(copies: int = 10) -> list[ReportEvent]:
    """``copies`` x the strikes of :data:`_EDGES`, on days at time window edges (each strike
    also has a report dated the day before, as overnight strikes are)."""
    out = []
    first = datetime.date(2023, 1, 31).toordinal()
    for copy in range(copies):
        for case, places in enumerate(_EDGES):
            day = first + 32 * copy + case % 2
            for k, (lat, lon, precision, admin1) in enumerate(places):
                dated = day - (k % 2)
                rid = f"re-edge-{copy}-{case}-{k}"
                ev = Event(
                    id=f"edge-{copy}-{case}-{k}",
                    event_type="air_drone_strike" if k else "shelling_missile_attack",
                    lat=lat,
                    lon=lon,
                    date=datetime.date.fromordinal(dated).isoformat(),
                    date_precision="unknown" if k else "day",
                    country_code="UA" if admin1 == "Donetsk" else None,
                    admin1=admin1,
                    location_precision=precision,
                    claims=(Claim(f"Source {k}", "other", killed=Figure(k, k)),),
                )
                out.append(ReportEvent(rid, f"edge-article-{copy}-{case}-{k}", None, ev))
    return out
