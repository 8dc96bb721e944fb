"""Counts of huge event sets per hexagon, event type and month, for maps a page cannot hold.

A map of millions of events cannot embed one feature per event. This module reads
only the columns it needs (pyarrow, never one :class:`~geoevents.model.Event` per
row) from event files and from the event dataset (``DIR/month=YYYY-MM/*.parquet``,
see ``docs/scale.md``), applies the map's filters to the columns, counts the events
per H3 hexagon (Uber's hexagonal grid, the ``h3`` package), event type and month,
and picks the newest events, the only ones read back as events. No Dask: the
default install runs it, and a million events take seconds on one core.

>>> import pandas as pd
>>> cols = pd.DataFrame({"id": ["a", "b", "c"], "event_type": ["interception"] * 3,
...     "lat": [50.45, 50.45, 48.0], "lon": [30.52, 30.52, 37.8],
...     "lo": ["2023-01-01", "2023-02-03", None], "hi": ["2023-01-01", "2023-02-03", None],
...     "month": ["2023-01", "2023-02", "unknown"]})
>>> counts = count_hexagons(cols, 5)
>>> counts.total, counts.months, len(counts.cells)
(3, ('2023-01', '2023-02', 'unknown'), 2)
>>> list(newest(cols, 2)["id"])
['b', 'a']
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geoevents.errors import InputError
from geoevents.filters import EventFilter
from geoevents.model import Event

if TYPE_CHECKING:  # numpy and pandas are imported where used: the CLI starts without them
    import numpy as np
    import pandas as pd

#: Maps of more events than this show counts per hexagon plus the newest events.
DEFAULT_AGGREGATE_ABOVE = 200_000
#: How many of the newest events an aggregated map shows as markers.
DEFAULT_NEWEST = 5_000
#: Hexagons across the events' extent the resolution aims at (at most).
TARGET_CELLS = 6_000
#: Resolutions an aggregated map uses: 2 (~87,000 km²) to 8 (~0.7 km²).
MIN_RESOLUTION, MAX_RESOLUTION = 2, 8
#: Month of an event with no date (as the dataset's ``month=unknown`` partition).
UNKNOWN_MONTH = "unknown"
#: Columns of an event table read for counting (plus ``month`` in a dataset).
READ_COLUMNS = (
    "id",
    "event_type",
    "date",
    "date_start",
    "date_end",
    "country_code",
    "rejected",
    "geometry",
)
_KM_PER_DEGREE = 111.32


@dataclass(frozen=True)
class HexCell:
    """One hexagon: its H3 index, outline ``((lat, lon), ...)`` and counts.

    ``counts`` holds ``(month index, type index, events)`` triples into the
    ``months`` and ``types`` of the :class:`HexCounts` it belongs to.
    """

    cell: str
    boundary: tuple[tuple[float, float], ...]
    counts: tuple[tuple[int, int, int], ...]

    @property
    def total(self) -> int:
        """Events in the hexagon over every month and type."""
        return sum(n for _, _, n in self.counts)


@dataclass(frozen=True)
class HexCounts:
    """Events per H3 hexagon, event type and month (sorted: same input, same value)."""

    resolution: int
    months: tuple[str, ...]
    types: tuple[str, ...]
    cells: tuple[HexCell, ...]
    total: int

    @property
    def area_km2(self) -> float:
        """Average area of a hexagon at :attr:`resolution`, km²."""
        import h3

        return float(h3.average_hexagon_area(self.resolution, unit="km^2"))

    def to_json_obj(self) -> dict[str, Any]:
        """The JSON object the page's aggregate layer draws (see ``maps.aggregate``)."""
        return {
            "resolution": self.resolution,
            "areaKm2": round(self.area_km2, 1),
            "months": list(self.months),
            "types": list(self.types),
            "total": self.total,
            "cells": [
                {
                    "id": c.cell,
                    "b": [[round(a, 5), round(b, 5)] for a, b in c.boundary],
                    "n": [list(t) for t in c.counts],
                }
                for c in self.cells
            ],
        }


def is_event_dataset(path: str | Path) -> bool:
    """True if ``path`` is a directory of ``month=...`` partitions (an event dataset).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     before = is_event_dataset(d)
    ...     (Path(d) / "month=2023-01").mkdir()
    ...     before, is_event_dataset(d)
    (False, True)
    """
    path = Path(path)
    return path.is_dir() and any(p.is_dir() and p.name.startswith("month=") for p in path.iterdir())


def table_files(path: str | Path) -> list[tuple[Path, str | None]]:
    """The GeoParquet files of an event file or dataset, each with its ``month=`` partition.

    Files whose name starts with ``.`` or ``_`` (temporary files, ``_errors.jsonl``) are
    not part of a dataset.
    """
    path = Path(path)
    if not path.is_dir():
        return [(path, None)]
    return [
        (p, p.parent.name.partition("=")[2])
        for p in sorted(path.glob("month=*/*.parquet"))
        if not p.name.startswith((".", "_"))
    ]


def read_event_columns(
    path: str | Path,
    *,
    claims: bool = False,
    on_error: Callable[[InputError], Any] | None = None,
) -> pd.DataFrame:
    """The columns the aggregated map needs of a GeoParquet events file or event dataset.

    Returns a frame with ``id, event_type, lat, lon, lo, hi, month, country_code,
    rejected, confidence, file`` (``lo``/``hi``: the ISO date window, ``None`` if undated;
    ``month``: the dataset's partition, else the month of ``lo``, else ``"unknown"``;
    ``file``: the file the row is in), plus ``claims`` (JSON text) with ``claims=True``.
    A file that cannot be read, and each row without a valid point, id or type, is an
    :class:`~geoevents.errors.InputError` naming the file (row, field): raised, or
    with ``on_error`` passed to it and the file or row skipped.
    """
    import pandas as pd

    frames = []
    for file, month in table_files(path):
        try:
            frames.append(_file_columns(file, month, claims, on_error))
        except InputError as err:
            if on_error is None:
                raise
            on_error(err)
    if not frames:
        return _derived_columns(pd.DataFrame({"id": [], "event_type": [], "lat": [], "lon": []}))
    return pd.concat(frames, ignore_index=True)


def _file_columns(
    path: Path,
    month: str | None,
    claims: bool,
    on_error: Callable[[InputError], Any] | None,
) -> pd.DataFrame:
    """:func:`read_event_columns` of one GeoParquet file (``month``: its partition)."""
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq
    import shapely

    where = str(path)
    try:
        names = set(pq.read_schema(path).names)
        missing = [c for c in ("id", "event_type", "geometry") if c not in names]
        if missing:
            raise InputError(f"no {', '.join(missing)} column(s)", path=where)
        wanted = [*READ_COLUMNS, "confidence", *(["claims"] if claims else [])]
        table = pq.read_table(path, columns=[c for c in wanted if c in names])
    except (OSError, pa.ArrowException) as err:
        raise InputError(f"cannot read events: {str(err)[:300]}", path=where) from err
    geoms = shapely.from_wkb(
        table.column("geometry").to_numpy(zero_copy_only=False), on_invalid="ignore"
    )
    frame = pd.DataFrame(
        {c: table.column(c).to_pandas() for c in table.column_names if c != "geometry"}
    )
    frame["lat"] = shapely.get_y(geoms)
    frame["lon"] = shapely.get_x(geoms)
    frame = frame[_good_rows(frame, where, on_error)]
    if month is not None:
        frame["month"] = month
    out = _derived_columns(frame)
    out["file"] = where
    return out


def _good_rows(
    frame: pd.DataFrame, where: str, on_error: Callable[[InputError], Any] | None
) -> Any:
    """Mask of the rows with a usable point, id and type. Each other row is an
    :class:`InputError` (row, field): raised, or passed to ``on_error``."""
    import numpy as np

    checks = (
        ("geometry", frame["lat"].isna() | frame["lon"].isna(), "an event needs a Point geometry"),
        ("lat", frame["lat"].abs() > 90, "latitude out of range"),
        ("lon", frame["lon"].abs() > 180, "longitude out of range"),
        ("id", ~frame["id"].map(_is_text), "missing or not a string"),
        ("event_type", ~frame["event_type"].map(_is_text), "missing or not a string"),
    )
    good = np.ones(len(frame), dtype=bool)
    for field, bad, message in checks:
        for row in np.flatnonzero(bad.to_numpy(dtype=bool) & good):
            err = InputError(f"row {row}: {message}", path=where, field=field)
            if on_error is None:
                raise err
            on_error(err)
            good[row] = False
    return good


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value)


def _day(value: Any) -> str | None:
    """The ISO day of a date cell (text, or a date of a typed column), ``None`` if empty.

    >>> import datetime
    >>> _day("2023-01-02T10:00"), _day(datetime.date(2023, 1, 2)), _day(None), _day(float("nan"))
    ('2023-01-02', '2023-01-02', None, None)
    """
    if isinstance(value, str):
        return value[:10] or None
    if hasattr(value, "isoformat"):
        return str(value.isoformat())[:10]
    return None


def _derived_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """Add ``lo``, ``hi``, ``month``, ``rejected`` (bool) to a frame of raw event columns."""
    out = frame.copy()
    for col in ("date", "date_start", "date_end", "country_code", "rejected", "confidence", "file"):
        if col not in out.columns:
            out[col] = None
    date = out["date"].where(out["date"].notna(), None)
    lo = out["date_start"].where(out["date_start"].notna(), date)
    hi = out["date_end"].where(out["date_end"].notna(), date)
    hi = hi.where(hi.notna(), lo)
    out["lo"] = lo.map(_day)
    out["hi"] = hi.map(_day)
    own_month = out["lo"].map(lambda v: v[:7] if isinstance(v, str) else UNKNOWN_MONTH)
    if "month" in out.columns:
        out["month"] = out["month"].astype(object).where(out["month"].notna(), own_month)
    else:
        out["month"] = own_month
    out["rejected"] = out["rejected"].notna()
    keep = [
        "id",
        "event_type",
        "lat",
        "lon",
        "lo",
        "hi",
        "month",
        "country_code",
        "rejected",
        "confidence",
        "file",
    ]
    if "claims" in out.columns:
        keep.append("claims")
    return out[keep].reset_index(drop=True)


def event_columns(events: Sequence[Event]) -> pd.DataFrame:
    """The columns of :func:`read_event_columns` for events already in memory (and
    already filtered: no ``confidence`` and ``claims``).

    >>> from geoevents.model import Event
    >>> cols = event_columns([Event("a", "interception", 50.0, 30.0, date="2023-04-02")])
    >>> cols.loc[0, ["month", "lo", "hi"]].tolist(), bool(cols.loc[0, "rejected"])
    (['2023-04', '2023-04-02', '2023-04-02'], False)
    """
    import numpy as np
    import pandas as pd

    frame = pd.DataFrame(
        {
            "id": [e.id for e in events],
            "event_type": [e.event_type for e in events],
            "lat": np.array([e.lat for e in events], dtype=float),
            "lon": np.array([e.lon for e in events], dtype=float),
            "date": [e.date for e in events],
            "date_start": [e.date_start for e in events],
            "date_end": [e.date_end for e in events],
            "country_code": [e.country_code for e in events],
            "rejected": [e.rejected for e in events],
        }
    )
    return _derived_columns(frame)


def filter_columns(frame: pd.DataFrame, flt: EventFilter | None) -> pd.DataFrame:
    """The rows of ``frame`` that ``flt`` keeps, as :meth:`EventFilter.matches` on events.

    Rejected events are left out unless the filter asks for them.
    """
    import pandas as pd

    flt = flt or EventFilter()
    keep = ~frame["rejected"] if flt.rejected == "hide" else frame["rejected"]
    if flt.rejected == "include":
        keep = pd.Series(True, index=frame.index)
    if flt.since is not None or flt.until is not None:
        keep &= frame["lo"].notna()
        if flt.since is not None:
            keep &= frame["hi"].fillna("") >= flt.since.isoformat()
        if flt.until is not None:
            keep &= frame["lo"].fillna("9999") <= flt.until.isoformat()
    if flt.bbox is not None:
        min_lon, min_lat, max_lon, max_lat = flt.bbox
        keep &= frame["lon"].between(min_lon, max_lon) & frame["lat"].between(min_lat, max_lat)
    if flt.types:
        keep &= frame["event_type"].isin(flt.types)
    if flt.countries:
        wanted = {c.upper() for c in flt.countries}
        keep &= frame["country_code"].fillna("").str.upper().isin(wanted)
    if flt.min_confidence is not None:
        keep &= pd.to_numeric(frame["confidence"], errors="coerce").fillna(0) >= flt.min_confidence
    if flt.claimants:
        if "claims" not in frame.columns:
            raise ValueError("a claimant filter needs the claims column (claims=True)")
        keep &= frame["claims"].map(lambda text: _claimant_match(text, flt.claimants))
    return frame[keep.to_numpy(dtype=bool)].reset_index(drop=True)


def _claimant_match(claims: Any, wanted: Iterable[str]) -> bool:
    """:meth:`EventFilter._claimant_match` on the JSON text (or list) of a claims cell."""
    items = json.loads(claims) if isinstance(claims, str) else claims
    if items is None:
        return False
    for c in items if isinstance(items, list) else [items]:
        side = str(c.get("side") or "").lower()
        name = str(c.get("claimant") or "").casefold()
        for w in wanted:
            wl = w.casefold()
            if wl == side or (wl and wl in name):
                return True
    return False


def hex_resolution(lat: Any, lon: Any) -> int:
    """The finest H3 resolution that covers the points' extent with at most
    :data:`TARGET_CELLS` hexagons (between :data:`MIN_RESOLUTION` and :data:`MAX_RESOLUTION`).

    >>> hex_resolution([44.0, 52.0], [22.0, 40.0])   # Ukraine: hexagons of ~250 km²
    5
    >>> hex_resolution([50.4, 50.5], [30.4, 30.6])   # one city
    8
    """
    import h3
    import numpy as np

    lat = np.asarray(lat, dtype=float)
    lon = np.asarray(lon, dtype=float)
    if not lat.size:
        return MIN_RESOLUTION
    mid = math.radians(float(lat.min() + lat.max()) / 2)
    height = (float(lat.max() - lat.min()) + 0.01) * _KM_PER_DEGREE
    width = (float(lon.max() - lon.min()) + 0.01) * _KM_PER_DEGREE * max(math.cos(mid), 0.01)
    for res in range(MAX_RESOLUTION, MIN_RESOLUTION - 1, -1):
        if height * width / h3.average_hexagon_area(res, unit="km^2") <= TARGET_CELLS:
            return res
    return MIN_RESOLUTION


def hex_cells(lat: Any, lon: Any, resolution: int) -> np.ndarray:
    """The H3 cell (hex text) of each point; each distinct position is indexed once."""
    import h3
    import numpy as np

    points = np.column_stack([np.asarray(lat, dtype=float), np.asarray(lon, dtype=float)])
    if not len(points):
        return np.array([], dtype=object)
    unique, inverse = np.unique(points, axis=0, return_inverse=True)
    cells = np.array(
        [h3.latlng_to_cell(float(a), float(b), resolution) for a, b in unique], dtype=object
    )
    return cells[inverse.reshape(-1)]


def count_hexagons(frame: pd.DataFrame, resolution: int | None = None) -> HexCounts:
    """Events of ``frame`` (columns of :func:`read_event_columns`) per hexagon, type and month.

    ``resolution`` defaults to :func:`hex_resolution` of the events' extent. Months
    are sorted with ``"unknown"`` last, types and hexagons sorted.
    """
    import h3
    import pandas as pd

    if resolution is None:
        resolution = hex_resolution(frame["lat"], frame["lon"])
    cells = hex_cells(frame["lat"], frame["lon"], resolution)
    months = sorted(set(frame["month"]), key=lambda m: (m == UNKNOWN_MONTH, m))
    types = sorted(set(frame["event_type"]))
    keys = pd.DataFrame(
        {
            "cell": cells,
            "m": pd.Categorical(frame["month"], categories=months).codes,
            "t": pd.Categorical(frame["event_type"], categories=types).codes,
        }
    )
    grouped = keys.groupby(["cell", "m", "t"], sort=True).size()
    out: list[HexCell] = []
    for cell, part in grouped.groupby(level="cell", sort=True):
        counts = tuple((int(m), int(t), int(n)) for (_, m, t), n in part.items())
        boundary = tuple((float(a), float(b)) for a, b in h3.cell_to_boundary(cell))
        out.append(HexCell(str(cell), boundary, counts))
    return HexCounts(resolution, tuple(months), tuple(types), tuple(out), len(frame))


def newest(frame: pd.DataFrame, n: int) -> pd.DataFrame:
    """The ``n`` newest rows: latest window end first, then latest start, then id;
    undated events last."""
    if n <= 0:
        return frame.iloc[:0]
    order = frame.assign(_hi=frame["hi"].fillna(""), _lo=frame["lo"].fillna(""))
    order = order.sort_values(["_hi", "_lo", "id"], ascending=[False, False, True], kind="stable")
    return order.head(n).drop(columns=["_hi", "_lo"])


def load_events_by_id(
    rows: pd.DataFrame, on_error: Callable[[InputError], Any] | None = None
) -> list[Event]:
    """The events of ``rows`` (columns of :func:`read_event_columns`), read back from
    their files with :func:`geoevents.io.events.frame_to_events`: only those files,
    only those ids (the first row of each id in a file). A row that is not an event
    is an :class:`InputError` naming the file, id and field: raised, or passed to
    ``on_error`` and skipped."""
    import geopandas as gpd
    import pyarrow as pa
    import pyarrow.dataset as ds

    events: list[Event] = []
    for file, part in rows.groupby("file", sort=True):
        wanted = sorted(set(part["id"]))
        try:
            table = ds.dataset(file, format="parquet").to_table(filter=ds.field("id").isin(wanted))
        except (OSError, pa.ArrowException) as err:
            raise InputError(f"cannot read events: {str(err)[:300]}", path=str(file)) from err
        frame = table.to_pandas().drop_duplicates("id").reset_index(drop=True)
        geometry = gpd.GeoSeries.from_wkb(frame.pop("geometry"), crs="EPSG:4326")
        events.extend(_frame_events(gpd.GeoDataFrame(frame, geometry=geometry), file, on_error))
    return events


def _frame_events(
    frame: Any, file: str, on_error: Callable[[InputError], Any] | None
) -> list[Event]:
    """The events of ``frame``; when one row is bad, row by row, naming each bad one."""
    from geoevents.io.events import frame_to_events

    try:
        return frame_to_events(frame)
    except InputError:
        pass
    events = []
    for i in range(len(frame)):
        try:
            events.extend(frame_to_events(frame.iloc[i : i + 1]))
        except InputError as err:
            named = InputError(
                f"event {frame['id'].iloc[i]}: {err.message}", path=file, field=err.field
            )
            if on_error is None:
                raise named from err
            on_error(named)
    return events
