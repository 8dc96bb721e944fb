"""Distributed fusion equals ``fuse`` on small random sets built to straddle partition edges.

Events are drawn around a few anchor places (block edges, the equator, high latitudes,
the antimeridian, the 0 deg column wrap) and days at time-window edges, with every kind
of date (exact, range, too long, undated), precision, region name, GeoNames id, shared
article, detached event and analyst merge group, and tiny partitions so that halos
matter. Two checks: the partitions emit exactly the accepted pairs of ``fuse`` (each
pair at least once, nothing else), and Dask's synchronous scheduler gives ``fuse``'s
events, members and links.
"""

from __future__ import annotations

import datetime

import dask.bag as db
from hypothesis import given, settings
from hypothesis import strategies as st

from geoevents.model import Claim, Event, Figure
from geoevents.scale.fusion import (
    distributed_fuse,
    keyed_reports,
    partition_facts,
    partition_pairs,
)
from geoevents.scale.partition import Partitioning
from geoevents.store.fusion import ReportEvent, accepted_edges, fuse, window

#: Places where partitions meet: a block corner, the equator, high latitudes, 180 deg, 0 deg.
PLACES = ((48.0, 36.0), (0.0, 37.5), (69.9, 30.0), (84.05, 3.0), (-16.0, 179.9), (51.0, -0.05))
FIRST = datetime.date(2023, 1, 31).toordinal()  # 738551: an edge of 1-, 2- and 32-day windows
TYPES = ("air_drone_strike", "shelling_missile_attack", "interception", "remote_explosive")
SIZES = (
    Partitioning(days=1, rows=4, cols=5),
    Partitioning(days=2, rows=7, cols=8),
    Partitioning(days=5, rows=20, cols=10),
    Partitioning(),
)


def _day(ordinal: int) -> str:
    return datetime.date.fromordinal(ordinal).isoformat()


@st.composite
def report_event(
    draw: st.DrawFn, k: int, base: tuple[float, float], precisions: tuple[int, ...]
) -> ReportEvent:
    # a few km, a few cells (15 km near the poles) or the 100 km rule
    spreads = st.sampled_from((0.05, 0.6, 1.5))
    lat_spread, lon_spread = draw(spreads), draw(spreads)
    lat = max(-90.0, min(90.0, base[0] + draw(st.floats(-lat_spread, lat_spread))))
    lon = base[1] + draw(st.floats(-lon_spread, lon_spread))
    lon = (lon + 180.0) % 360.0 - 180.0
    start = FIRST + draw(st.integers(-3, 3))
    kind = draw(st.sampled_from(("exact", "range", "unknown", "undated")))
    span = draw(st.integers(0, 9)) if kind == "range" else 0
    dated = kind != "undated"
    ev = Event(
        id=f"x{k}",
        event_type=draw(st.sampled_from(TYPES)),
        lat=round(lat, 4),
        lon=round(lon, 4),
        date=_day(start) if dated else None,
        date_start=_day(start) if dated else None,
        date_end=_day(start + span) if dated else None,
        date_precision="day" if kind == "exact" else "unknown",
        location_precision=draw(st.sampled_from(precisions)),
        country_code=draw(st.sampled_from(("UA", "UA", None))),
        admin1=draw(st.sampled_from(("Donetsk", "Kharkiv", None))),
        geonameid=draw(st.sampled_from((None, 1, 2))),
        claims=(Claim(f"claimant {k % 3}", "ukraine", killed=Figure(k, k)),),
    )
    published = draw(st.sampled_from((None, _day(start), _day(start + 1))))
    return ReportEvent(
        id=f"re-{k:02d}",
        report_id=f"h{draw(st.integers(0, 5))}",  # shared: events of one article
        published=published,
        event=ev,
        detached=draw(st.integers(0, 9)) == 0,
        merge_group=draw(st.sampled_from((None,) * 8 + ("g1", "g2"))),
    )


@st.composite
def report_sets(draw: st.DrawFn) -> list[ReportEvent]:
    base = draw(st.sampled_from(PLACES))
    n = draw(st.integers(2, 12))
    far = (base[0], base[1] - 6.0)  # one region index key may span any distance
    # region-level events widen halos: sets without them test the fine grid's alone
    precisions = draw(st.sampled_from(((1, 2), (1, 1, 2, 3))))
    return [
        draw(report_event(k, draw(st.sampled_from((base, base, far))), precisions))
        for k in range(n)
    ]


def emitted_pairs(items: list[ReportEvent], p: Partitioning) -> list[tuple[str, str]]:
    """Every pair the partitions emit, by the same functions the Dask graph runs."""
    anchors = frozenset(f[1] for f in partition_facts(items, p) if f[0] == "anchor")
    by_key: dict[object, list[ReportEvent]] = {}
    for key, r in keyed_reports(items, anchors, p):
        by_key.setdefault(key, []).append(r)
    return [pair for key, part in by_key.items() for pair in partition_pairs(key, part, p)]


@settings(max_examples=300)
@given(report_sets(), st.sampled_from(SIZES))
def test_partitions_emit_exactly_the_accepted_pairs(items, p):
    ordered = sorted(items, key=lambda r: r.id)
    windows = [window(r) for r in ordered]
    expected = {(e[2], e[3]) for e in accepted_edges(ordered, windows)}
    assert set(emitted_pairs(items, p)) == expected


@settings(max_examples=100)
@given(report_sets(), st.sampled_from(SIZES))
def test_synchronous_dask_gives_fuse(items, p):
    bag = db.from_sequence(items, npartitions=3)
    fused, errors = distributed_fuse(bag, partitioning=p, scheduler="synchronous")
    assert errors == []
    assert fused == fuse(items)
