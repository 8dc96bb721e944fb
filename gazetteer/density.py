"""Where a batch's confident answers lie: a prior for namesakes near the other reports.

A column of conflict-event locations clusters along a front line. A bare
"Vodiane" or "Pisky" with namesakes across the country most likely lies where
the batch's other, unambiguous places lie (geoparsers call this spatial
minimality). :class:`Density` counts the batch's confident points within
:data:`RADIUS_KM` of a candidate; :func:`gazetteer.rank.score_match` adds up to
``W_DENSITY`` for it, on a log scale relative to the densest point of the batch,
so a village amid forty reports beats its namesake amid none, while a city's
importance still outweighs it. The points come from the batch itself
(:mod:`gazetteer.batch`), never from a list of names.

>>> d = Density.of([(48.0, 37.8)] * 9 + [(50.45, 30.52)])
>>> d.count(48.05, 37.85), d.count(49.0, 33.0)
(9, 0)
>>> round(d.share(48.05, 37.85), 2), d.share(49.0, 33.0)
(1.0, 0.0)
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from gazetteer.geo import haversine_km

#: A candidate counts the batch's points within this distance (a front-line sector).
RADIUS_KM = 20.0
_KM_PER_DEGREE = 111.2


@dataclass(frozen=True, eq=False)
class Density:
    """Counts of a batch's confident points around any location (compared by identity)."""

    radius_km: float
    cells: dict[tuple[int, int], tuple[tuple[float, float], ...]]
    peak: int  # the highest count around any of the points
    total: int

    @classmethod
    def of(cls, points: Iterable[tuple[float, float]], radius_km: float = RADIUS_KM) -> Density:
        """The density of ``points`` ((lat, lon) pairs; repeats count: many reports, one place)."""
        cell = radius_km / _KM_PER_DEGREE
        grid: defaultdict[tuple[int, int], list[tuple[float, float]]] = defaultdict(list)
        pts = [(float(lat), float(lon)) for lat, lon in points]
        for lat, lon in pts:
            grid[(math.floor(lat / cell), math.floor(lon / cell))].append((lat, lon))
        frozen = {k: tuple(v) for k, v in sorted(grid.items())}
        density = cls(radius_km, frozen, 0, len(pts))
        peak = max((density.count(lat, lon) for lat, lon in set(pts)), default=0)
        return cls(radius_km, frozen, peak, len(pts))

    def count(self, lat: float, lon: float) -> int:
        """How many of the points lie within :attr:`radius_km` of (lat, lon)."""
        cell = self.radius_km / _KM_PER_DEGREE
        row, col = math.floor(lat / cell), math.floor(lon / cell)
        span = 1 + int(1.0 / max(math.cos(math.radians(min(abs(lat), 85.0))), 0.1))
        n = 0
        for r in range(row - 1, row + 2):
            for c in range(col - span, col + span + 1):
                for p in self.cells.get((r, c), ()):
                    if haversine_km((lat, lon), p) <= self.radius_km:
                        n += 1
        return n

    def share(self, lat: float, lon: float) -> float:
        """0..1: ``log(1 + count) / log(1 + peak)`` (0 when the batch has no points)."""
        if self.peak <= 0:
            return 0.0
        return math.log1p(self.count(lat, lon)) / math.log1p(self.peak)
