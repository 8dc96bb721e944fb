"""Events <-> GeoDataFrame <-> files (.geojson, .gpkg, .csv, .parquet).

GeoJSON keeps nested values (claims, sources, casualties) as JSON; the tabular
formats store them as JSON text columns (listed in :data:`JSON_COLUMNS`) plus
flat ``killed_low``/``killed_high``/``injured_low``/``injured_high`` columns
for GIS filtering. Every file is written atomically.

Reading goes through the reader layer (:mod:`geoevents.io.files`):
:func:`iter_events` yields each event or an :class:`~geoevents.errors.InputError`
naming the file, feature/row (CSV: line) and field, so one bad event never loses
the others; coordinates must be finite and within -90..90 / -180..180.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import math
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd

from gazetteer.atomic import atomic_path, atomic_write_text
from gazetteer.geo import latlon_of, lonlat, point
from geoevents.errors import InputError
from geoevents.io.files import (
    DATA_ERRORS,
    check_regular,
    check_unicode,
    load_json,
    read_text_file,
)
from geoevents.model import PROPERTY_KEYS, Event

CRS = "EPSG:4326"
JSON_COLUMNS = (
    "place_original",
    "weapons",
    "targets",
    "claims",
    "claimant_sides",
    "disputed_by",
    "casualties",
    "weapon_counts",
    "confidence_reasons",
    "sources",
)
FLAT_CASUALTY_COLUMNS = ("killed_low", "killed_high", "injured_low", "injured_high")
#: ISO days, written as DATE fields to a GeoPackage (QGIS's temporal controller reads them).
DATE_COLUMNS = ("date", "date_start", "date_end")
FORMATS = {
    ".geojson": "GeoJSON",
    ".json": "GeoJSON",
    ".gpkg": "GPKG",
    ".csv": "CSV",
    ".parquet": "Parquet",
}
LAYER = "events"
#: What the table readers (pyogrio/GDAL, pyarrow, pandas) raise on a damaged file.
_READ_ERRORS = (OSError, RuntimeError, *DATA_ERRORS)


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
    """Events from a frame made by :func:`events_to_frame` or read by :func:`read_events`.

    Raises the first bad row's :class:`~geoevents.errors.InputError`.
    """
    return _strict(_frame_items(frame, None))


def _strict(items: Iterable[Event | InputError]) -> list[Event]:
    out = []
    for item in items:
        if isinstance(item, InputError):
            raise item
        out.append(item)
    return out


def _frame_items(frame: gpd.GeoDataFrame, where: str | None) -> Iterator[Event | InputError]:
    """Each row of ``frame`` as an event or a named error."""
    records = frame.drop(columns="geometry").to_dict("records")
    yield from _table_items(records, [_position(g) for g in frame.geometry], where)


def _position(geom: Any) -> tuple[Any, Any] | str:
    """``(lat, lon)`` of a Point geometry, else what was found instead (for the message)."""
    if geom is None or geom.is_empty or geom.geom_type != "Point":
        return repr(None if geom is None else ("empty" if geom.is_empty else geom.geom_type))
    return latlon_of(geom)


def _table_items(
    records: list[dict[str, Any]],
    positions: list[tuple[Any, Any] | str],
    where: str | None,
    lines: list[int] | None = None,
) -> Iterator[Event | InputError]:
    """Rows as events or named errors (``lines``: the CSV line each row starts on)."""
    for row, (rec, pos) in enumerate(zip(records, positions, strict=True)):
        line = None if lines is None else lines[row]
        if isinstance(pos, str):
            yield InputError(
                f"row {row}: an event needs a Point geometry, found {pos}",
                path=where,
                line=line,
                field="geometry",
            )
            continue
        yield _event_item(rec, pos[0], pos[1], f"row {row}", where, line, tabular=True)


def _event_item(
    props: Any,
    lat: Any,
    lon: Any,
    label: str,
    where: str | None,
    line: int | None = None,
    *,
    tabular: bool = False,
) -> Event | InputError:
    """An event from its properties and position, or an error naming ``label`` and the field."""

    def error(message: str, field: str | None = None) -> InputError:
        return InputError(f"{label}: {message}", path=where, line=line, field=field)

    if not isinstance(props, dict):
        return error(f"properties must be an object, not {_type_name(props)}", "properties")
    for name, value, limit in (("lat", lat, 90.0), ("lon", lon, 180.0)):
        problem = coordinate_problem(value, limit)
        if problem:
            return error(problem, name)
    if tabular:
        props = {k: (None if _isna(v) else v) for k, v in props.items()}
    for key in ("id", "event_type"):
        if not isinstance(props.get(key), str) or not props[key]:
            return error(f"missing or not a string: {_short(props.get(key))}", key)
    try:
        if tabular:
            for col in JSON_COLUMNS:
                if col in props:
                    props[col] = _decode(props[col])
        return Event.from_properties(props, lat=float(lat), lon=float(lon))
    except DATA_ERRORS as err:
        return error(f"cannot read event: {type(err).__name__}: {_short(err, 200)}")


def coordinate_problem(value: Any, limit: float) -> str | None:
    """Why ``value`` is not a coordinate within ``-limit..limit`` (``None`` if it is).

    >>> coordinate_problem(float("nan"), 90.0), coordinate_problem(-300, 90.0)
    ('not a finite number: nan', 'out of range -90..90: -300')
    >>> coordinate_problem("47.1", 90.0), coordinate_problem(47.1, 90.0)
    ("not a number: '47.1'", None)
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"not a number: {_short(value)}"
    try:
        number = float(value)
    except OverflowError:
        return f"not a finite number: {_short(value)}"
    if not math.isfinite(number):
        return f"not a finite number: {_short(value)}"
    if abs(number) > limit:
        return f"out of range -{limit:g}..{limit:g}: {_short(value)}"
    return None


def _type_name(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def _short(value: Any, size: int = 40) -> str:
    """``repr(value)`` cut to ``size`` characters (a value too deep to print is named so)."""
    try:
        text = repr(value) if not isinstance(value, BaseException) else str(value)
    except RecursionError:
        return f"a {_type_name(value)} nested too deeply to show"
    return text if len(text) <= size else text[: size - 3] + "..."


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


def typed_dates(frame: pd.DataFrame, columns: Iterable[str]) -> pd.DataFrame:
    """A copy of ``frame`` whose ISO-day text ``columns`` hold :class:`datetime.date` values.

    >>> typed_dates(pd.DataFrame({"d": ["2023-06-27", None]}), ["d"])["d"].tolist()
    [datetime.date(2023, 6, 27), None]
    """
    out = frame.copy()
    for col in columns:
        if col in out.columns:
            out[col] = pd.Series(
                [None if _isna(v) else datetime.date.fromisoformat(str(v)[:10]) for v in out[col]],
                index=out.index,
                dtype=object,
            )
    return out


def write_events(
    events: Iterable[Event] | gpd.GeoDataFrame,
    path: str | Path,
    columns: Mapping[str, Sequence[Any]] | None = None,
) -> Path:
    """Write events to ``path``; the format follows the extension. Atomic.

    ``columns``: more properties, one value per event (e.g. a fused event's members);
    a list value is JSON text in the tabular formats.
    """
    path = Path(path)
    columns = dict(columns or {})
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InputError(
            f"unsupported output format {suffix or '(none)'}; use one of {', '.join(FORMATS)}",
            path=str(path),
        )
    evs = frame_to_events(events) if isinstance(events, gpd.GeoDataFrame) else list(events)
    if suffix in (".geojson", ".json"):
        collection = to_feature_collection(evs)
        for name, values in columns.items():
            for feature, value in zip(collection["features"], values, strict=True):
                feature["properties"][name] = list(value) if isinstance(value, tuple) else value
        text = json.dumps(collection, ensure_ascii=False, indent=1)
        atomic_write_text(path, text + "\n")
        return path
    flat = _flat_frame(events_to_frame(evs))
    for name, values in columns.items():
        flat[name] = [
            json.dumps(list(v), ensure_ascii=False) if isinstance(v, (list, tuple)) else v
            for v in values
        ]
    with atomic_path(path) as tmp:
        if suffix == ".gpkg":  # through Arrow, so the days are DATE fields
            typed_dates(flat, DATE_COLUMNS).to_file(
                tmp, layer=LAYER, driver="GPKG", engine="pyogrio", use_arrow=True
            )
        elif suffix == ".parquet":
            flat.to_parquet(tmp, index=False)
        else:  # CSV: WKT-free lat/lon columns open everywhere
            df = pd.DataFrame(flat.drop(columns="geometry"))
            df.insert(1, "lat", [g.y for g in flat.geometry])
            df.insert(2, "lon", [g.x for g in flat.geometry])
            # RFC 4180 line ends: the csv module then quotes a field holding a bare \r too
            df.to_csv(tmp, index=False, lineterminator="\r\n")
    return path


def read_events(path: str | Path) -> gpd.GeoDataFrame:
    """Read an events file written by :func:`write_events` into a frame like :func:`events_to_frame`.

    Raises the first error (see :func:`load_events` to collect them instead).
    """
    return events_to_frame(load_events(path))


def load_events(
    path: str | Path, on_error: Callable[[InputError], Any] | None = None
) -> list[Event]:
    """The events of a file written by :func:`write_events`.

    Without ``on_error``, the first problem is raised as an
    :class:`~geoevents.errors.InputError` naming the file (and feature/row, field).
    With it, each bad event is passed to ``on_error`` and the others are returned;
    a file that cannot be read, or none of whose events can, still raises.
    """
    if on_error is None:
        return _strict(iter_events(path))
    events: list[Event] = []
    bad: list[InputError] = []
    for item in iter_events(path):
        (bad if isinstance(item, InputError) else events).append(item)
    if bad and not events and len(bad) == 1:
        raise bad[0]
    for err in bad:
        on_error(err)
    if bad and not events:
        raise InputError(f"none of its {len(bad)} events could be read", path=str(path))
    return events


def iter_events(path: str | Path, cap: int | None = None) -> Iterator[Event | InputError]:
    """Each event of an events file, or an :class:`~geoevents.errors.InputError` naming
    file, feature/row and field; a file that cannot be read at all is one error.

    Every kind of problem (size, non-regular file, decoding, JSON depth, missing
    layer or columns, non-finite or out-of-range coordinates) is an error here;
    nothing is raised.
    """
    path = Path(path)
    where = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix not in FORMATS:
            raise InputError(f"not an events file: {suffix or '(no extension)'}", path=where)
        if suffix in (".geojson", ".json"):
            text = read_text_file(path, cap)
            yield from _geojson_items(load_json(text, where, check=False), where)
            return
        check_regular(path, cap)
        lines = None
        if suffix == ".csv":
            records, positions, lines = _csv_table(read_text_file(path, cap), where)
        else:
            records, positions = _binary_table(path, suffix)
    except InputError as err:
        yield err
        return
    except _READ_ERRORS as err:
        yield InputError(f"cannot read events: {_short(err, 300)}", path=where)
        return
    yield from _table_items(records, positions, where, lines)


def _geojson_items(data: Any, where: str) -> Iterator[Event | InputError]:
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        yield InputError(
            f"not a GeoJSON FeatureCollection (a top-level {_type_name(data)})", path=where
        )
        return
    features = data.get("features")
    if not isinstance(features, list):
        yield InputError("features must be a list", path=where, field="features")
        return
    for i, feat in enumerate(features):
        if not isinstance(feat, dict):
            yield InputError(f"feature {i}: not an object but a {_type_name(feat)}", path=where)
            continue
        try:
            check_unicode(feat, where)
        except InputError as err:
            yield InputError(f"feature {i}: {err.message}", path=where, field=err.field)
            continue
        geometry = feat.get("geometry")
        if not isinstance(geometry, dict) or geometry.get("type") != "Point":
            kind = geometry.get("type") if isinstance(geometry, dict) else geometry
            yield InputError(
                f"feature {i}: an event needs a Point geometry, found {_short(kind)}",
                path=where,
                field="geometry",
            )
            continue
        coords = geometry.get("coordinates")
        if not isinstance(coords, list) or len(coords) < 2:
            yield InputError(
                f"feature {i}: coordinates must be [lon, lat], not {_short(coords)}",
                path=where,
                field="coordinates",
            )
            continue
        yield _event_item(feat.get("properties"), coords[1], coords[0], f"feature {i}", where)


_Table = tuple[list[dict[str, Any]], list[tuple[Any, Any] | str]]


def _csv_table(text: str, where: str) -> tuple[Any, Any, list[int]]:
    """Rows, ``(lat, lon)`` and starting line of each row of a CSV written by :func:`write_events`."""
    df = pd.read_csv(io.StringIO(text))
    _check_columns(df.columns, ("lat", "lon", "id", "event_type"), where, 1)
    positions = [(_number(a), _number(b)) for a, b in zip(df["lat"], df["lon"], strict=True)]
    return df.drop(columns=["lat", "lon"]).to_dict("records"), positions, _row_lines(text)


def _row_lines(text: str) -> list[int]:
    """The line each data row of CSV ``text`` starts on (a quoted field may hold line breaks).

    >>> _row_lines('id,note\\r\\na,"two\\nlines"\\r\\nb,x\\r\\n')
    [2, 4]
    """
    reader = csv.reader(io.StringIO(text, newline=""))
    starts, previous = [], 1
    next(reader, None)
    for _ in reader:
        starts.append(previous + 1)
        previous = reader.line_num
    return starts


def _number(value: Any) -> Any:
    """A float for numeric text (pandas leaves a column with one bad cell as text)."""
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return value
    return value


def _check_columns(columns: Iterable[Any], needed: tuple[str, ...], where: str, line: Any) -> None:
    present = set(columns)
    missing = [c for c in needed if c not in present]
    if missing:
        raise InputError(f"no {', '.join(missing)} column(s)", path=where, line=line)


def _binary_table(path: Path, suffix: str) -> _Table:
    """Rows and positions of a GeoPackage (``events`` layer) or GeoParquet file.

    Read through Arrow to plain rows and WKB: no data frame and no CRS parsing,
    which cost more than the rows of a small file.
    """
    import shapely

    if suffix == ".gpkg":
        import pyogrio

        with warnings.catch_warnings():  # GDAL's warnings on a damaged file: the error says it
            warnings.simplefilter("ignore", RuntimeWarning)
            try:
                meta, table = pyogrio.read_arrow(path, layer=LAYER)
            except pyogrio.errors.DataLayerError as err:
                layers = ", ".join(str(name) for name, _ in pyogrio.list_layers(path))
                raise InputError(
                    f"no {LAYER!r} layer (layers: {layers or 'none'})", path=str(path)
                ) from err
        geometry = meta.get("geometry_name") or "wkb_geometry"
    else:
        import pyarrow.parquet as pq

        table = pq.read_table(path)
        geometry = "geometry"
    _check_columns(table.column_names, ("id", "event_type", geometry), str(path), None)
    records = table.to_pylist()
    for rec in records:  # DATE fields of a GeoPackage come back as dates: the model holds ISO days
        for col in DATE_COLUMNS:
            if isinstance(rec.get(col), datetime.date):
                rec[col] = rec[col].isoformat()[:10]
    wkb = [rec.pop(geometry) for rec in records]
    geoms = shapely.from_wkb(wkb, on_invalid="ignore") if wkb else []
    return records, [_position(g) for g in geoms]
