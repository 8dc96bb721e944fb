"""Events <-> GeoDataFrame <-> files (.geojson, .gpkg, .csv, .parquet).

GeoJSON keeps nested values (claims, sources, casualties) as JSON; the tabular
formats store them as JSON text columns (listed in :data:`JSON_COLUMNS`) plus
flat ``killed_low``/``killed_high``/``injured_low``/``injured_high`` columns
for GIS filtering. Every file is written atomically.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd

from gazetteer.atomic import atomic_path, atomic_write_text
from gazetteer.geo import latlon_of, lonlat, point
from geoevents.errors import InputError
from geoevents.model import PROPERTY_KEYS, Event

CRS = "EPSG:4326"
JSON_COLUMNS = (
    "weapons",
    "targets",
    "claims",
    "claimant_sides",
    "disputed_by",
    "casualties",
    "sources",
)
FLAT_CASUALTY_COLUMNS = ("killed_low", "killed_high", "injured_low", "injured_high")
FORMATS = {
    ".geojson": "GeoJSON",
    ".json": "GeoJSON",
    ".gpkg": "GPKG",
    ".csv": "CSV",
    ".parquet": "Parquet",
}
LAYER = "events"


def events_to_frame(events: Iterable[Event]) -> gpd.GeoDataFrame:
    """A GeoDataFrame (EPSG:4326) with one row per event, nested values as Python objects."""
    rows = []
    geoms = []
    for ev in events:
        props = ev.to_properties()
        cas = props["casualties"]
        props["killed_low"] = cas["killed"]["low"]
        props["killed_high"] = cas["killed"]["high"]
        props["injured_low"] = cas["injured"]["low"]
        props["injured_high"] = cas["injured"]["high"]
        rows.append(props)
        geoms.append(point(ev.lat, ev.lon))
    columns = list(PROPERTY_KEYS) + list(FLAT_CASUALTY_COLUMNS)
    df = pd.DataFrame(rows, columns=columns)
    for col in FLAT_CASUALTY_COLUMNS + ("geonameid",):
        df[col] = df[col].astype("Int64")
    return gpd.GeoDataFrame(df, geometry=geoms, crs=CRS)


def _decode(value: Any) -> Any:
    if isinstance(value, str):
        return json.loads(value)
    return value


def frame_to_events(frame: gpd.GeoDataFrame) -> list[Event]:
    """Events from a frame made by :func:`events_to_frame` or read by :func:`read_events`."""
    out = []
    for row, (rec, geom) in enumerate(
        zip(frame.drop(columns="geometry").to_dict("records"), frame.geometry, strict=True)
    ):
        if geom is None or geom.is_empty or geom.geom_type != "Point":
            kind = None if geom is None else ("empty" if geom.is_empty else geom.geom_type)
            raise InputError(
                f"row {row}: an event needs a Point geometry, found {kind!r}", field="geometry"
            )
        props = {k: (None if _isna(v) else v) for k, v in rec.items()}
        for col in JSON_COLUMNS:
            if col in props:
                props[col] = _decode(props[col])
        lat, lon = latlon_of(geom)
        out.append(Event.from_properties(props, lat=lat, lon=lon))
    return out


def _isna(v: Any) -> bool:
    if isinstance(v, (list, dict, tuple)):
        return False
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def to_feature_collection(events: Iterable[Event]) -> dict[str, Any]:
    """RFC 7946 FeatureCollection (positions ``[lon, lat]``)."""
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": ev.id,
                "geometry": {"type": "Point", "coordinates": lonlat(ev.lat, ev.lon)},
                "properties": ev.to_properties(),
            }
            for ev in events
        ],
    }


def _flat_frame(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    flat = frame.copy()
    for col in JSON_COLUMNS:
        if col in flat.columns:
            flat[col] = [json.dumps(v, ensure_ascii=False, sort_keys=True) for v in flat[col]]
    return flat


def write_events(events: Iterable[Event] | gpd.GeoDataFrame, path: str | Path) -> Path:
    """Write events to ``path``; the format follows the extension. Atomic."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InputError(
            f"unsupported output format {suffix or '(none)'}; use one of {', '.join(FORMATS)}",
            path=str(path),
        )
    evs = frame_to_events(events) if isinstance(events, gpd.GeoDataFrame) else list(events)
    if suffix in (".geojson", ".json"):
        text = json.dumps(to_feature_collection(evs), ensure_ascii=False, indent=1)
        atomic_write_text(path, text + "\n")
        return path
    flat = _flat_frame(events_to_frame(evs))
    with atomic_path(path) as tmp:
        if suffix == ".gpkg":
            flat.to_file(tmp, layer=LAYER, driver="GPKG", engine="pyogrio")
        elif suffix == ".parquet":
            flat.to_parquet(tmp, index=False)
        else:  # CSV: WKT-free lat/lon columns open everywhere
            df = pd.DataFrame(flat.drop(columns="geometry"))
            df.insert(1, "lat", [g.y for g in flat.geometry])
            df.insert(2, "lon", [g.x for g in flat.geometry])
            df.to_csv(tmp, index=False)
    return path


def read_events(path: str | Path) -> gpd.GeoDataFrame:
    """Read an events file written by :func:`write_events` into a frame like :func:`events_to_frame`."""
    return events_to_frame(load_events(path))


def load_events(path: str | Path) -> list[Event]:
    """The events of a file written by :func:`write_events`.

    Raises :class:`~geoevents.errors.InputError` naming the file (and feature/row, field).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix in (".geojson", ".json"):
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("type") != "FeatureCollection":
                raise InputError("not a GeoJSON FeatureCollection", path=str(path))
            evs: list[Event] = []
            for i, feat in enumerate(data.get("features", [])):
                geometry = feat.get("geometry") if isinstance(feat, dict) else None
                if not isinstance(geometry, dict) or geometry.get("type") != "Point":
                    kind = geometry.get("type") if isinstance(geometry, dict) else geometry
                    raise InputError(
                        f"feature {i}: an event needs a Point geometry, found {kind!r}",
                        path=str(path),
                        field="geometry",
                    )
                try:
                    lon, lat = geometry["coordinates"][:2]
                    evs.append(Event.from_properties(feat["properties"], lat=lat, lon=lon))
                except (KeyError, TypeError, ValueError) as err:
                    raise InputError(f"feature {i}: {err}", path=str(path)) from err
            return evs
        if suffix == ".gpkg":
            frame = gpd.read_file(path, layer=LAYER, engine="pyogrio")
        elif suffix == ".parquet":
            frame = gpd.read_parquet(path)
        elif suffix == ".csv":
            df = pd.read_csv(path)
            frame = gpd.GeoDataFrame(
                df.drop(columns=["lat", "lon"]),
                geometry=[point(a, b) for a, b in zip(df["lat"], df["lon"], strict=True)],
                crs=CRS,
            )
        else:
            raise InputError(f"not an events file: {suffix or '(no extension)'}", path=str(path))
    except InputError:
        raise
    except (OSError, ValueError, KeyError) as err:
        raise InputError(f"cannot read events: {err}", path=str(path)) from err
    try:
        return frame_to_events(frame)
    except InputError as err:
        raise InputError(err.message, path=str(path), line=err.line, field=err.field) from err
