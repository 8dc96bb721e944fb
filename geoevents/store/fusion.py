"""Fusion: reports of the same strike from different articles become one event.

Rules (documented in ``docs/store.md``):

* **Place.** Two report events may merge when they share a GeoNames id, or when
  they lie within the distance allowed by the coarser of their location
  precisions: 1 (settlement) 5 km, 2 (near / part of a region) 15 km; at
  precision 3 (region only) they must name the same country and first-level
  region (or lie within 100 km when a region is missing).
* **Date.** Date windows (``date_start``..``date_end``, else ``date``; an
  undated event takes the day its article was published and the day before)
  must overlap. When either date is not an exact day (a range, an unknown
  precision, a publication-day guess) they may also be :data:`SLACK_DAYS` apart
  (overnight strikes are dated either side of midnight); two exact, different
  days are two strikes (towns shelled daily). A cluster keeps the intersection
  of its members' windows, so strikes on one town never chain across days.
  Windows longer than :data:`MAX_SPAN_DAYS` are too vague to fuse.
* **Type.** Same event type, or air/drone strike with shelling/missile attack
  (outlets often disagree whether a missile or a drone hit); remote explosives
  and interceptions only fuse with their own type.
* **Articles.** Two events of the same article are never fused (the article
  itself tells them apart). A report event an analyst detached is never fused.

Candidates come from a grid of day x 0.15 deg latitude x 0.3 deg longitude cells
(plus a day x region index for region-level events, and a coarse day x 1 deg grid
for the 100 km rule of region-level events without a region name; longitude cells
of both grids wrap at the antimeridian, so Chukotka or Fiji pairs are found), so the cost
is about ``n log n`` (sorting the candidate edges), never all pairs. Edges are applied
in a fixed order (smallest date gap, then distance, then ids), so the result does
not depend on the order in which reports were ingested.

>>> from geoevents.model import Claim, Figure
>>> a = Event("x1", "shelling_missile_attack", 48.04, 37.97, date="2023-01-01",
...           place_name="Makiivka", claims=(Claim("Russian MoD", "russia", killed=Figure(63, 63)),))
>>> b = Event("x2", "air_drone_strike", 48.05, 37.96, date="2023-01-01", place_name="Makiivka",
...           claims=(Claim("Ukrainian General Staff", "ukraine", killed=Figure(400, 400)),))
>>> out = fuse([ReportEvent("re-1", "r1", "2023-01-01", a), ReportEvent("re-2", "r2", "2023-01-02", b)])
>>> len(out), out[0].members, out[0].event.casualties["killed"]
(1, ('re-1', 're-2'), {'low': 63, 'high': 400})
"""

from __future__ import annotations

import datetime
import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from gazetteer.geo import haversine_km, valid_latlon
from geoevents.model import Event
from geoevents.store.merging import fused_id, merge_members, order_key

#: Distance (km) within which two events at this location precision may be one strike.
MAX_KM: dict[int, float] = {1: 5.0, 2: 15.0}
#: Region-level events with no region name fuse within this distance.
REGION_FALLBACK_KM = 100.0
#: Date windows may be this many days apart and still fuse.
SLACK_DAYS = 1
#: Events whose date window is longer than this are not fused.
MAX_SPAN_DAYS = 7
LAT_CELL = 0.15
LON_CELL = 0.3
#: Longitude cells around the globe (cell indices wrap at the antimeridian).
LON_CELLS = round(360 / LON_CELL)
#: Cells (degrees) of the coarse index that finds region-level pairs fused by distance.
COARSE_CELL = 1.0
#: Coarse longitude cells around the globe (wrapping at the antimeridian like the fine grid).
COARSE_CELLS = round(360 / COARSE_CELL)
#: Kilometres per degree of latitude (and of longitude at the equator).
KM_PER_DEG = 111.32
#: Latitude cells of the fine grid to search either side (covers 15 km).
LAT_REACH = math.ceil(MAX_KM[2] / (LAT_CELL * KM_PER_DEG))
#: Latitude cells of the coarse grid to search either side (covers the region fallback).
COARSE_LAT_REACH = math.ceil(REGION_FALLBACK_KM / (COARSE_CELL * KM_PER_DEG))

#: Event types that may describe the same strike.
TYPE_GROUP: dict[str, str] = {
    "air_drone_strike": "strike",
    "shelling_missile_attack": "strike",
    "remote_explosive": "remote_explosive",
    "interception": "interception",
}


@dataclass(frozen=True)
class ReportEvent:
    """One machine-extracted event of one stored report (article)."""

    id: str  # stable report-event id
    report_id: str  # the article's content hash
    published: str | None  # the article's publication date (ISO) if known
    event: Event
    detached: bool = False  # an analyst split it off: never fused with others
    merge_group: str | None = None  # an analyst merged it with the others of this group


@dataclass(frozen=True)
class Link:
    """Why ``member`` was merged with ``other``."""

    member: str
    other: str
    reason: str


@dataclass(frozen=True)
class FusedEvent:
    """A fused event, its member report events and the merges that made it."""

    event: Event
    members: tuple[str, ...]
    links: tuple[Link, ...]


def _day(value: str | None) -> int | None:
    if not value:
        return None
    return _ordinal(str(value)[:10])


@functools.lru_cache(maxsize=65536)
def _ordinal(day: str) -> int | None:
    """Day ordinal of an ISO date (cached: a store holds a few thousand distinct days)."""
    try:
        return datetime.date.fromisoformat(day).toordinal()
    except ValueError:
        return None


def window(re: ReportEvent) -> tuple[int, int] | None:
    """Day-ordinal window of a report event, or None if it cannot be fused by date.

    >>> ev = Event("x", "interception", 50.0, 30.0, date_start="2023-01-01", date_end="2023-01-03")
    >>> w = window(ReportEvent("r", "h", None, ev)); w[1] - w[0]
    2
    """
    ev = re.event
    start = _day(ev.date_start) or _day(ev.date)
    end = _day(ev.date_end) or _day(ev.date) or start
    if start is None:
        pub = _day(re.published)
        if pub is None:
            return None
        start, end = pub - 1, pub
    assert end is not None
    if end < start:
        start, end = end, start
    if end - start > MAX_SPAN_DAYS:
        return None
    return (start, end)


def is_exact(re: ReportEvent) -> bool:
    """True if the event itself gives one exact day.

    >>> is_exact(ReportEvent("r", "h", None, Event("x", "interception", 0, 0, date="2023-01-01",
    ...                                            date_precision="day")))
    True
    """
    ev = re.event
    return ev.date_precision == "day" and bool(ev.date or ev.date_start)


def _allowed_gap(exact_a: bool, exact_b: bool) -> int:
    return 0 if exact_a and exact_b else SLACK_DAYS


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Days between two windows (0 when they overlap)."""
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def place_match(a: Event, b: Event) -> tuple[bool, float, str]:
    """Whether two events are close enough for their precisions, the distance and why.

    >>> ok, km, why = place_match(Event("a", "interception", 48.0, 37.8),
    ...                           Event("b", "interception", 48.0, 37.9))
    >>> ok, round(km, 1), why
    (False, 7.4, '7.4 km apart > 5 km at location precision 1')
    """
    km = haversine_km((a.lat, a.lon), (b.lat, b.lon))
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True, km, f"same place (GeoNames {a.geonameid})"
    prec = max(a.location_precision, b.location_precision)
    if prec >= 3:
        if a.country_code and a.admin1 and b.country_code and b.admin1:
            same = (a.country_code, a.admin1) == (b.country_code, b.admin1)
            return (
                same,
                km,
                (f"same region {a.admin1}" if same else f"regions differ: {a.admin1} / {b.admin1}"),
            )
        ok = km <= REGION_FALLBACK_KM
        return (
            ok,
            km,
            f"{km:.1f} km apart {'<=' if ok else '>'} {REGION_FALLBACK_KM:g} km (region level)",
        )
    limit = MAX_KM[prec]
    ok = km <= limit
    return (
        ok,
        km,
        f"{km:.1f} km apart {'<=' if ok else '>'} {limit:g} km at location precision {prec}",
    )


def region_key(ev: Event) -> str:
    """Key of the region index: country and first-level region (``None`` when missing).

    >>> region_key(Event("x", "interception", 48.0, 37.8, country_code="UA", admin1="Donetsk"))
    'UA|Donetsk'
    """
    return f"{ev.country_code}|{ev.admin1}"


def cell(lat: float, lon: float) -> tuple[int, int]:
    """Grid cell of a point; longitude cells wrap at the antimeridian (0 .. LON_CELLS - 1)."""
    return (math.floor(lat / LAT_CELL), math.floor(lon / LON_CELL) % LON_CELLS)


def coarse_cell(lat: float, lon: float) -> tuple[int, int]:
    """Cell of the coarse grid (:data:`COARSE_CELL` degrees, wrapping at the antimeridian)."""
    return (math.floor(lat / COARSE_CELL), math.floor(lon / COARSE_CELL) % COARSE_CELLS)


def _lon_reach(
    lat: float, km: float = MAX_KM[2], cell: float = LON_CELL, pad: float = LAT_CELL
) -> int:
    """Longitude cells of ``cell`` degrees to search either side so that ``km`` is covered
    at this latitude and up to ``pad`` degrees (one latitude cell) nearer the pole.

    >>> _lon_reach(48.0), _lon_reach(70.0), _lon_reach(48.0, 100.0, 1.0, 1.0)
    (1, 2, 2)
    """
    c = math.cos(math.radians(min(89.0, abs(lat) + pad)))
    return max(1, math.ceil(km / (cell * KM_PER_DEG * max(c, 1e-3))))


def _forward_offsets(lat_reach: int, lon_reach: int) -> tuple[tuple[int, int, int], ...]:
    """Offsets ``(days, lat cells, lon cells)`` of the neighbouring cells that come *after* a
    cell (lexicographically greater than ``(0, 0, 0)``): half of the neighbourhood, so that
    each pair of neighbouring cells is visited once.

    >>> len(_forward_offsets(1, 1))  # (3 * 3 * 3 - 1) / 2
    13
    """
    return tuple(
        (dd, dy, dx)
        for dd in range(-SLACK_DAYS, SLACK_DAYS + 1)
        for dy in range(-lat_reach, lat_reach + 1)
        for dx in range(-lon_reach, lon_reach + 1)
        if (dd, dy, dx) > (0, 0, 0)
    )


def grid_lon_reach(cy: int) -> int:
    """Longitude cells searched either side from fine cell row ``cy``: :func:`_lon_reach`
    for every latitude of the row (its edge nearer a pole), at most half the globe.

    >>> grid_lon_reach(320), grid_lon_reach(599)
    (1, 26)
    """
    edge = max(abs(cy * LAT_CELL), abs((cy + 1) * LAT_CELL))
    return min(_lon_reach(edge), LON_CELLS // 2)


def coarse_lon_reach(cy: int) -> int:
    """Coarse longitude cells searched either side from coarse row ``cy`` (100 km rule).

    >>> coarse_lon_reach(48), coarse_lon_reach(89)
    (2, 52)
    """
    edge = max(abs(cy * COARSE_CELL), abs((cy + 1) * COARSE_CELL))
    max_reach = math.ceil(180 / COARSE_CELL)
    return min(max_reach, _lon_reach(edge, REGION_FALLBACK_KM, COARSE_CELL, COARSE_CELL))


def pairing_window(r: ReportEvent, w: tuple[int, int] | None) -> tuple[int, int] | None:
    """``w`` (the :func:`window` of ``r``) if ``r`` may pair with others at all: a valid
    position and not detached by an analyst; else None."""
    if w is None or r.detached or not valid_latlon(r.event.lat, r.event.lon):
        return None
    return w


def candidate_pairs(
    items: Sequence[ReportEvent], windows: Sequence[tuple[int, int] | None] | None = None
) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, that the spatial/temporal index puts near each other.

    Sorted, no duplicates, none of one report; ``windows``: :func:`window` of each item.

    Each report event goes into the grid cell of each day of its window; then
    every occupied cell is paired with itself and with the neighbouring cells
    *after* it (:func:`_forward_offsets`), so each pair of cells is looked at
    once and the cost grows with the number of occupied cells and of near pairs,
    never with all pairs.
    """
    if windows is None:
        windows = [window(r) for r in items]
    windows = [pairing_window(r, w) for r, w in zip(items, windows, strict=True)]
    report = [r.report_id for r in items]
    grid, regions = _day_cells(items, windows)
    pairs: set[tuple[int, int]] = set()
    _grid_pairs(grid, report, pairs.add)
    if regions:
        _region_pairs(items, windows, regions, report, pairs.add)
        _region_fallback_pairs(items, windows, report, pairs.add)
    return sorted(pairs)


def _day_cells(
    items: Sequence[ReportEvent], windows: Sequence[tuple[int, int] | None]
) -> tuple[dict[tuple[int, int, int], list[int]], dict[tuple[int, str], list[int]]]:
    """Items per (day, grid cell), and region-level items per (day, region)."""
    grid: dict[tuple[int, int, int], list[int]] = {}
    regions: dict[tuple[int, str], list[int]] = {}
    for i, (r, w) in enumerate(zip(items, windows, strict=True)):
        if w is None:
            continue
        cy, cx = cell(r.event.lat, r.event.lon)
        rkey = region_key(r.event)
        for d in range(w[0], w[1] + 1):
            grid.setdefault((d, cy, cx), []).append(i)
            if r.event.location_precision >= 3:
                regions.setdefault((d, rkey), []).append(i)
    return grid, regions


def _grid_pairs(
    grid: dict[tuple[int, int, int], list[int]],
    report: Sequence[str],
    add: Callable[[tuple[int, int]], None],
) -> None:
    """Pairs within each occupied cell and with the neighbouring cells after it."""
    offsets: dict[int, tuple[tuple[int, int, int], ...]] = {}
    get = grid.get
    for (d, cy, cx), bucket in grid.items():
        n = len(bucket)
        if n > 1:  # the same cell
            for a in range(n - 1):
                i = bucket[a]
                ri = report[i]
                for j in bucket[a + 1 :]:
                    if report[j] != ri:
                        add((i, j) if i < j else (j, i))
        reach = grid_lon_reach(cy)
        offs = offsets.get(reach)
        if offs is None:
            offs = offsets[reach] = _forward_offsets(LAT_REACH, reach)
        for dd, dy, dx in offs:
            other = get((d + dd, cy + dy, (cx + dx) % LON_CELLS))  # wraps at 180 deg
            if other is None:
                continue
            for i in bucket:
                ri = report[i]
                for j in other:
                    if report[j] != ri:  # also skips i == j (one item, two days)
                        add((i, j) if i < j else (j, i))


def _region_pairs(
    items: Sequence[ReportEvent],
    windows: Sequence[tuple[int, int] | None],
    regions: dict[tuple[int, str], list[int]],
    report: Sequence[str],
    add: Callable[[tuple[int, int]], None],
) -> None:
    """Region-level events: every event of that day in the same region, either way."""
    for i, (r, w) in enumerate(zip(items, windows, strict=True)):
        if w is None:
            continue
        rkey = region_key(r.event)
        for d in range(w[0] - SLACK_DAYS, w[1] + SLACK_DAYS + 1):
            for j in regions.get((d, rkey), ()):
                if report[j] != report[i]:
                    add((i, j) if i < j else (j, i))


def _region_fallback_pairs(
    items: Sequence[ReportEvent],
    windows: Sequence[tuple[int, int] | None],
    report: Sequence[str],
    add: Callable[[tuple[int, int]], None],
) -> None:
    """Pairs that :func:`place_match` judges by :data:`REGION_FALLBACK_KM`: one event is
    region-level and one of the two lacks its country or region name.

    Coarse grids (:data:`COARSE_CELL` degrees x day) are searched around each
    event without a region name: a region-level one looks at every event, any
    other at the region-level events.
    """
    vague = [
        i
        for i, (r, w) in enumerate(zip(items, windows, strict=True))
        if w is not None and not (r.event.country_code and r.event.admin1)
    ]
    if not vague:
        return

    everyone: dict[tuple[int, int, int], list[int]] = {}
    regional: dict[tuple[int, int, int], list[int]] = {}
    for i, (r, w) in enumerate(zip(items, windows, strict=True)):
        if w is None:
            continue
        cy, cx = coarse_cell(r.event.lat, r.event.lon)
        for d in range(w[0], w[1] + 1):
            everyone.setdefault((d, cy, cx), []).append(i)
            if r.event.location_precision >= 3:
                regional.setdefault((d, cy, cx), []).append(i)
    if not regional:
        return
    for i in vague:
        ev, w = items[i].event, windows[i]
        assert w is not None
        grid = everyone if ev.location_precision >= 3 else regional
        cy, cx = coarse_cell(ev.lat, ev.lon)
        lon_reach = coarse_lon_reach(cy)
        for d in range(w[0] - SLACK_DAYS, w[1] + SLACK_DAYS + 1):
            for dy in range(-COARSE_LAT_REACH, COARSE_LAT_REACH + 1):
                for dx in range(-lon_reach, lon_reach + 1):
                    for j in grid.get((d, cy + dy, (cx + dx) % COARSE_CELLS), ()):
                        if report[j] != report[i]:
                            add((i, j) if i < j else (j, i))


class _Clusters:
    """Union-find with per-cluster report sets and date cores (cannot-link constraints)."""

    def __init__(self, items: Sequence[ReportEvent], windows: list[tuple[int, int] | None]):
        n = len(items)
        self.parent = list(range(n))
        self.reports: list[set[str] | None] = [{r.report_id} for r in items]
        self.core: list[tuple[int, int] | None] = list(windows)
        self.exact = [is_exact(r) for r in items]  # per root: all members exact days

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def force_union(self, i: int, j: int) -> bool:
        """Merge the clusters of ``i`` and ``j`` whatever the constraints (an analyst's
        merge); False if they were together already."""
        a, b = self.find(i), self.find(j)
        if a == b:
            return False
        ra, rb = self.reports[a], self.reports[b]
        assert ra is not None and rb is not None
        ra.update(rb)
        ca, cb = self.core[a], self.core[b]
        self.core[a] = (max(ca[0], cb[0]), min(ca[1], cb[1])) if ca and cb else (ca or cb)
        self.exact[a] = self.exact[a] and self.exact[b]
        self.parent[b] = a
        self.reports[b] = None
        self.core[b] = None
        return True

    def try_union(self, i: int, j: int) -> str | None:
        """Merge the clusters of ``i`` and ``j``; None if merged, else why not."""
        a, b = self.find(i), self.find(j)
        if a == b:
            return "already together"
        ra, rb = self.reports[a], self.reports[b]
        ca, cb = self.core[a], self.core[b]
        assert ra is not None and rb is not None and ca is not None and cb is not None
        if len(ra) < len(rb):
            a, b, ra, rb = b, a, rb, ra
        if not ra.isdisjoint(rb):
            return "would join two events of one article"
        lo, hi = max(ca[0], cb[0]), min(ca[1], cb[1])
        if lo - hi > _allowed_gap(self.exact[a], self.exact[b]):
            return "dates of the two groups too far apart"
        self.exact[a] = self.exact[a] and self.exact[b]
        ra.update(rb)
        self.parent[b] = a
        self.reports[b] = None
        self.core[a] = (lo, hi)  # lo > hi: empty intersection, lo - hi days apart
        self.core[b] = None
        return None


def _pair_reason(
    x: ReportEvent, y: ReportEvent, wx: tuple[int, int], wy: tuple[int, int]
) -> tuple[bool, float, int, str]:
    ex, ey = x.event, y.event
    if TYPE_GROUP[ex.event_type] != TYPE_GROUP[ey.event_type]:
        return False, 0.0, 0, "incompatible types"
    gap = _gap(wx, wy)
    if gap > _allowed_gap(is_exact(x), is_exact(y)):
        return False, 0.0, gap, "dates too far apart"
    ok, km, where = place_match(ex, ey)
    if not ok:
        return False, km, gap, where
    types = (
        f"same type {ex.event_type}"
        if ex.event_type == ey.event_type
        else f"compatible types {ex.event_type} ~ {ey.event_type}"
    )
    when = "overlapping dates" if gap == 0 else f"dates {gap} day apart (one is not an exact day)"
    return True, km, gap, f"{where}; {when}; {types}"


def _analyst_merges(
    items: Sequence[ReportEvent], clusters: _Clusters, links: list[tuple[int, Link]]
) -> None:
    """Report events an analyst merged (``merge_group``) end in one event, whatever the rules."""
    first: dict[str, int] = {}
    for i, r in enumerate(items):
        if r.merge_group is None:
            continue
        j = first.setdefault(r.merge_group, i)
        if j != i and clusters.force_union(j, i):
            links.append((i, Link(r.id, items[j].id, "merged by an analyst")))


#: An accepted pair: ``(date gap, km, id i, id j, i, j, reason)``, ``i < j`` indices of items.
Edge = tuple[int, float, str, str, int, int, str]


def accepted_edges(
    items: Sequence[ReportEvent], windows: Sequence[tuple[int, int] | None]
) -> list[Edge]:
    """The candidate pairs (:func:`candidate_pairs`) that the rules accept, in the order
    fusion applies them (smallest date gap, then distance, then ids).

    Whether a pair is a candidate and whether it is accepted depends on its two report
    events only, never on the others in ``items``.
    """
    edges: list[Edge] = []
    for i, j in candidate_pairs(items, windows):
        wi, wj = windows[i], windows[j]
        assert wi is not None and wj is not None
        ok, km, gap, reason = _pair_reason(items[i], items[j], wi, wj)
        if ok:
            edges.append((gap, round(km, 6), items[i].id, items[j].id, i, j, reason))
    edges.sort()
    return edges


def fuse(items: Sequence[ReportEvent]) -> list[FusedEvent]:
    """Fuse report events into events; the result is sorted by fused id."""
    items = sorted(items, key=lambda r: r.id)
    windows = [window(r) for r in items]
    edges = accepted_edges(items, windows)
    clusters = _Clusters(items, windows)
    links: list[tuple[int, Link]] = []
    for _gap_days, _km, id_i, id_j, i, j, reason in edges:
        if clusters.try_union(i, j) is None:
            links.append((i, Link(id_j, id_i, reason)))
    _analyst_merges(items, clusters, links)
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(clusters.find(i), []).append(i)
    group_links: dict[int, list[Link]] = {}
    for i, link in links:
        group_links.setdefault(clusters.find(i), []).append(link)
    out = []
    for root, idx in groups.items():
        members = sorted((items[i] for i in idx), key=order_key)
        fid = fused_id(members)
        out.append(
            FusedEvent(
                merge_members(members, fid),
                tuple(m.id for m in members),
                tuple(group_links.get(root, ())),
            )
        )
    out.sort(key=lambda f: f.event.id)
    return out
