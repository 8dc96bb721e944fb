"""Where a report event goes for distributed fusion: time window x spatial block, with halos.

A *partition key* is either a **cell** key ``("c", t, by, bx)`` (time window ``t`` of
:attr:`Partitioning.days` days, spatial block ``(by, bx)`` of fine fusion-grid cells)
or a **region** key ``("r", t, region)`` (:func:`~geoevents.store.fusion.region_key`).
Each report event that may pair at all (:func:`~geoevents.store.fusion.pairing_window`)
has one *home* cell key (the window of its first day, the block of its cell) and is
copied into every key of its *halo*, a superset of the homes of everything that can be
a fusion candidate of it (:func:`~geoevents.store.fusion.candidate_pairs`):

* time: a candidate's window meets ``[start - SLACK, end + SLACK]`` and lasts at most
  ``MAX_SPAN_DAYS + 1`` days, so its first day lies in
  ``[start - MAX_SPAN_DAYS - SLACK, end + SLACK]`` (:func:`time_windows`);
* fine grid: ``LAT_REACH`` rows either side and, in longitude, the widest reach of
  those rows (wider near the poles, wrapping at the antimeridian) (:func:`fine_blocks`);
* the 100 km region fallback (coarse grid): its rows and reach, plus one coarse cell
  either side so that rounding at degree edges never matters (:func:`coarse_blocks`);
* the region index: the region key, any distance.

Pairs that involve no region-level event (location precision 3) are fine-grid pairs
only, so every event takes its fine halo. Region-level events (*anchors*) also take
their whole coarse halo and their region keys; any other event is copied into a key of
its coarse halo or its region only where an anchor has its home (:func:`anchor_keys`,
a small set computed first). So a pair is always in the cell partition that is the home
of either of its events, or, for a pair of the region index, in the region partition of
its anchor's home window.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator
from dataclasses import dataclass

from geoevents.store.fusion import (
    COARSE_CELL,
    COARSE_CELLS,
    COARSE_LAT_REACH,
    LAT_CELL,
    LAT_REACH,
    LON_CELL,
    LON_CELLS,
    MAX_SPAN_DAYS,
    SLACK_DAYS,
    ReportEvent,
    cell,
    coarse_cell,
    coarse_lon_reach,
    grid_lon_reach,
    region_key,
)

#: ``("c", window, block row, block column)`` or ``("r", window, region)``.
Key = tuple[object, ...]


@dataclass(frozen=True)
class Partitioning:
    """Sizes of the partitions: days per time window, fine cells per spatial block.

    The defaults (32 days x 3 x 3 degrees) keep the copies made by the halos under
    about half of the events while a partition holds a few thousand.

    >>> Partitioning(cols=7)
    Traceback (most recent call last):
    ...
    ValueError: cols must divide 1200 (longitude cells of the fusion grid), not 7
    """

    days: int = 32
    rows: int = 20
    cols: int = 10

    def __post_init__(self) -> None:
        for name in ("days", "rows", "cols"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, not {getattr(self, name)}")
        if LON_CELLS % self.cols:
            raise ValueError(
                f"cols must divide {LON_CELLS} (longitude cells of the fusion grid), "
                f"not {self.cols}"
            )

    @property
    def block_cols(self) -> int:
        """Spatial blocks around the globe in longitude."""
        return LON_CELLS // self.cols


def home_key(r: ReportEvent, w: tuple[int, int], p: Partitioning) -> Key:
    """The cell key that owns the pairs of ``r`` whose other event sorts after it.

    >>> from geoevents.model import Event
    >>> r = ReportEvent("re", "h", None, Event("x", "interception", 48.0, 37.9))
    >>> home_key(r, (738521, 738521), Partitioning())
    ('c', 23078, 16, 12)
    """
    cy, cx = cell(r.event.lat, r.event.lon)
    return ("c", w[0] // p.days, cy // p.rows, cx // p.cols)


def time_windows(w: tuple[int, int], p: Partitioning) -> range:
    """Time windows holding the first day of every possible candidate of window ``w``.

    >>> list(time_windows((64, 64), Partitioning(days=32)))
    [1, 2]
    """
    return range((w[0] - MAX_SPAN_DAYS - SLACK_DAYS) // p.days, (w[1] + SLACK_DAYS) // p.days + 1)


def _col_blocks(lo: int, hi: int, p: Partitioning) -> set[int]:
    """Block columns of fine columns ``lo..hi`` (unwrapped; they wrap at the antimeridian)."""
    if hi - lo + 1 >= LON_CELLS:
        return set(range(p.block_cols))
    return {b % p.block_cols for b in range(lo // p.cols, hi // p.cols + 1)}


def fine_blocks(lat: float, lon: float, p: Partitioning) -> frozenset[tuple[int, int]]:
    """Blocks of every fine-grid cell :func:`~geoevents.store.fusion.candidate_pairs`
    may pair with the cell of ``(lat, lon)``.

    >>> sorted(fine_blocks(49.0, 37.9, Partitioning()))  # inside one block
    [(16, 12)]
    >>> sorted(fine_blocks(49.0, 179.95, Partitioning()))  # across the antimeridian
    [(16, 59), (16, 60)]
    >>> sorted(fine_blocks(49.0, -0.1, Partitioning()))  # cell columns wrap at 0 deg
    [(16, 0), (16, 119)]
    """
    return _fine_blocks(*cell(lat, lon), p)


@functools.lru_cache(maxsize=65536)
def _fine_blocks(cy: int, cx: int, p: Partitioning) -> frozenset[tuple[int, int]]:
    rows = range(cy - LAT_REACH, cy + LAT_REACH + 1)
    reach = max(grid_lon_reach(row) for row in rows)
    cols = _col_blocks(cx - reach, cx + reach, p)
    return frozenset((row // p.rows, col) for row in rows for col in cols)


def coarse_blocks(lat: float, lon: float, p: Partitioning) -> frozenset[tuple[int, int]]:
    """Blocks of every place the 100 km region fallback (coarse grid) may pair with
    ``(lat, lon)``, plus one coarse cell either side.

    >>> sorted(coarse_blocks(48.0, 37.9, Partitioning()))[:3]
    [(15, 11), (15, 12), (15, 13)]
    """
    return _coarse_blocks(*coarse_cell(lat, lon), p)


@functools.lru_cache(maxsize=16384)
def _coarse_blocks(ccy: int, ccx: int, p: Partitioning) -> frozenset[tuple[int, int]]:
    reach = max(
        coarse_lon_reach(row) for row in range(ccy - COARSE_LAT_REACH, ccy + COARSE_LAT_REACH + 1)
    )
    lat_lo = (ccy - COARSE_LAT_REACH - 1) * COARSE_CELL
    lat_hi = (ccy + COARSE_LAT_REACH + 2) * COARSE_CELL
    row_lo = math.floor(lat_lo / LAT_CELL) - 1
    row_hi = math.floor(lat_hi / LAT_CELL) + 1
    if 2 * (reach + 1) + 1 >= COARSE_CELLS:
        cols = set(range(p.block_cols))
    else:
        lon_lo = (ccx - reach - 1) * COARSE_CELL
        lon_hi = (ccx + reach + 2) * COARSE_CELL
        cols = _col_blocks(math.floor(lon_lo / LON_CELL) - 1, math.floor(lon_hi / LON_CELL) + 1, p)
    brows = range(row_lo // p.rows, row_hi // p.rows + 1)
    return frozenset((row, col) for row in brows for col in cols)


def is_anchor(r: ReportEvent) -> bool:
    """A region-level event: the region index and the 100 km fallback pair only these."""
    return r.event.location_precision >= 3


def anchor_keys(r: ReportEvent, w: tuple[int, int], p: Partitioning) -> list[Key]:
    """The home cell key and home region key of an anchor (nothing for other events)."""
    if not is_anchor(r):
        return []
    home = home_key(r, w, p)
    return [home, ("r", home[1], region_key(r.event))]


def partition_keys(
    r: ReportEvent, w: tuple[int, int], anchors: frozenset[Key] | set[Key], p: Partitioning
) -> Iterator[Key]:
    """Every partition ``r`` (window ``w``) goes to: its home, its halo (see the module)."""
    lat, lon = r.event.lat, r.event.lon
    windows = time_windows(w, p)
    anchor = is_anchor(r)
    fine = fine_blocks(lat, lon, p)
    for t in windows:
        for by, bx in fine:
            yield ("c", t, by, bx)
    if not (anchor or anchors):
        return
    coarse = coarse_blocks(lat, lon, p) - fine
    region = region_key(r.event)
    for t in windows:
        for by, bx in coarse:
            key = ("c", t, by, bx)
            if anchor or key in anchors:
                yield key
        key = ("r", t, region)
        if anchor or key in anchors:
            yield key
