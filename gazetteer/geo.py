"""The one place where coordinate order is converted.

The API speaks ``(lat, lon)``; GeoJSON and shapely speak ``(x, y) = (lon, lat)``.
Every conversion between the two goes through these functions.

>>> lonlat(47.9, 37.8)
[37.8, 47.9]
>>> latlon_of(point(47.9, 37.8))
(47.9, 37.8)
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # shapely is imported only where a point is made
    from shapely.geometry import Point


def lonlat(lat: float, lon: float) -> list[float]:
    """GeoJSON position ``[lon, lat]`` for an API ``(lat, lon)`` pair."""
    return [float(lon), float(lat)]


def point(lat: float, lon: float) -> Point:
    """A shapely point (x=lon, y=lat) for an API ``(lat, lon)`` pair."""
    from shapely.geometry import Point

    return Point(float(lon), float(lat))


def latlon_of(geom: Point) -> tuple[float, float]:
    """API ``(lat, lon)`` of a shapely point."""
    return (float(geom.y), float(geom.x))


def latlon_from_position(position: list[float] | tuple[float, float]) -> tuple[float, float]:
    """API ``(lat, lon)`` from a GeoJSON ``[lon, lat]`` position."""
    return (float(position[1]), float(position[0]))


def valid_latlon(lat: float, lon: float) -> bool:
    """True if ``(lat, lon)`` are finite and within the WGS84 ranges.

    >>> valid_latlon(48.0, 37.8), valid_latlon(91, 0), valid_latlon(float("nan"), 0)
    (True, False, False)
    """
    return (
        math.isfinite(lat)
        and math.isfinite(lon)
        and -90.0 <= lat <= 90.0
        and -180.0 <= lon <= 180.0
    )


EARTH_RADIUS_KM = 6371.0088


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two ``(lat, lon)`` pairs.

    >>> round(haversine_km((48.0, 37.8), (48.0, 37.8)), 3)
    0.0
    >>> round(haversine_km((0.0, 0.0), (0.0, 1.0)), 1)
    111.2
    """
    lat1, lon1 = map(math.radians, a)
    lat2, lon2 = map(math.radians, b)
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def offset_point(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    """The point ``km`` away from ``(lat, lon)`` on ``bearing`` (degrees from north).

    >>> tuple(round(v, 4) for v in offset_point(48.0, 37.0, 10.0, 0.0))
    (48.0899, 37.0)
    """
    r = km / EARTH_RADIUS_KM
    la, lo, b = math.radians(lat), math.radians(lon), math.radians(bearing)
    lat2 = math.asin(math.sin(la) * math.cos(r) + math.cos(la) * math.sin(r) * math.cos(b))
    lon2 = lo + math.atan2(
        math.sin(b) * math.sin(r) * math.cos(la), math.cos(r) - math.sin(la) * math.sin(lat2)
    )
    return math.degrees(lat2), (math.degrees(lon2) + 540.0) % 360.0 - 180.0
