"""Settlement names to label an offline map with: big cities everywhere, smaller towns and
villages only near the events, each with the zoom from which it is shown.

Tiles carry place names; the offline map's outlines do not, so a marker could not be read
without clicking it. :func:`map_labels` picks names from the gazetteer (so they are the names
events are resolved to):

=============================================  ================
settlements                                    shown from zoom
=============================================  ================
1,000,000+ people in the map's countries       4
100,000+ in the map's countries                6
20,000+ within :data:`TOWN_KM` of an event      8
1,000+ within :data:`VILLAGE_KM` of an event    10
=============================================  ================

>>> from gazetteer import Gazetteer
>>> labels = map_labels(Gazetteer.open(), [(48.73, 37.56)], ["UA"])
>>> next(x for x in labels if x["name"] == "Kyiv")["minZoom"]
4
>>> next(x for x in labels if x["name"] == "Druzhkivka")["minZoom"]
8
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

from gazetteer.geo import haversine_km

TOWN_KM = 60.0
VILLAGE_KM = 20.0
#: (minimum population, zoom from which shown, km from an event or None for everywhere)
TIERS: tuple[tuple[int, int, float | None], ...] = (
    (1_000_000, 4, None),
    (100_000, 6, None),
    (20_000, 8, TOWN_KM),
    (1_000, 10, VILLAGE_KM),
)


def map_labels(
    gz: Any, points: Sequence[tuple[float, float]], countries: Iterable[str]
) -> list[dict[str, Any]]:
    """Labels ``{name, lat, lon, minZoom}`` for a map of events at ``points`` ((lat, lon))
    in ``countries``, biggest places first; coordinates rounded to 4 decimals."""
    cells = _grid(points)
    out: list[dict[str, Any]] = []
    for name, lat, lon, pop in gz.index.settlements(countries, TIERS[-1][0]):
        for min_pop, zoom, km in TIERS:
            if pop >= min_pop and (km is None or _near(cells, lat, lon, km)):
                out.append(
                    {"name": name, "lat": round(lat, 4), "lon": round(lon, 4), "minZoom": zoom}
                )
                break
    return out


def _grid(
    points: Sequence[tuple[float, float]],
) -> dict[tuple[int, int], list[tuple[float, float]]]:
    """The points by 1-degree cell, for :func:`_near`."""
    cells: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for lat, lon in points:
        cells.setdefault((math.floor(lat), math.floor(lon)), []).append((lat, lon))
    return cells


def _near(
    cells: dict[tuple[int, int], list[tuple[float, float]]], lat: float, lon: float, km: float
) -> bool:
    """True when a point lies within ``km`` (at most about 100 km) of (lat, lon)."""
    ci, cj = math.floor(lat), math.floor(lon)
    for di in (-1, 0, 1):
        for dj in (-1, 0, 1):
            for p in cells.get((ci + di, cj + dj), ()):
                if haversine_km((lat, lon), p) <= km:
                    return True
    return False
