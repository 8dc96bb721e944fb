"""Counts of huge event sets per hexagon, event type and month, for maps a page cannot hold.

A map of millions of events cannot embed one feature per event. This module reads
only the columns it needs (pyarrow, never one :class:`~geoevents.model.Event` per
row) from event files and from the event dataset (``DIR/month=YYYY-MM/*.parquet``,
see ``docs/map.md``), applies the map's filters to the columns, counts the events
per H3 hexagon (Uber's hexagonal grid, the ``h3`` package), event type and month,
and picks the newest events, the only ones read back as events. No Dask: the
default install runs it, and a million events take about 10 s on one core.

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
from geoevents.vocabulary import EVENT_TYPES

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
#: Columns of an event file read for counting (plus ``confidence``, and ``claims`` for a
#: claimant filter); a dataset's ``month`` comes from the partition directory.
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
        return event_columns([])
    return pd.concat(frames, ignore_index=True)


def _file_columns(
    path: Path,
    month: str | None,
    claims: bool,
    on_error: Callable[[InputError], Any] | None,
) -> pd.DataFrame:
    """:func:`read_event_columns` of one GeoParquet file (``month``: its partition)."""
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
    table = table.drop_columns(["geometry"])
    frame = _derived_columns(table, shapely.get_y(geoms), shapely.get_x(geoms), month)
    frame["file"] = where
    return frame[
        _good_rows(frame, _is_text(table, "id"), _is_text(table, "event_type"), where, on_error)
    ]


def _good_rows(
    frame: pd.DataFrame,
    id_ok: Any,
    type_ok: Any,
    where: str,
    on_error: Callable[[InputError], Any] | None,
) -> Any:
    """Mask of the rows with a usable point, id and a known event type. Each other row is an
    :class:`InputError` (file row, field): raised, or passed to ``on_error``."""
    import numpy as np

    lat, lon = frame["lat"].to_numpy(), frame["lon"].to_numpy()
    known = frame["event_type"].isin(list(EVENT_TYPES)).to_numpy()
    checks = (
        ("geometry", np.isnan(lat) | np.isnan(lon), "an event needs a Point geometry"),
        ("lat", np.abs(lat) > 90, "latitude out of range"),
        ("lon", np.abs(lon) > 180, "longitude out of range"),
        ("id", ~id_ok, "missing or not a string"),
        ("event_type", ~type_ok, "missing or not a string"),
        ("event_type", ~known, "unknown event type"),
    )
    good = np.ones(len(frame), dtype=bool)
    for field, bad, message in checks:
        for row in np.flatnonzero(bad & good):
            err = InputError(f"row {row}: {message}", path=where, field=field)
            if on_error is None:
                raise err
            on_error(err)
            good[row] = False
    return good


def _is_text(table: Any, name: str) -> Any:
    """Mask (numpy) of the cells of column ``name`` that hold non-empty text."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    column = table.column(name)
    if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
        return np.zeros(table.num_rows, dtype=bool)
    ok = pc.fill_null(pc.greater(pc.utf8_length(column), 0), False)
    return ok.to_numpy(zero_copy_only=False).astype(bool)


def _days(table: Any, name: str) -> Any:
    """Column ``name`` of an Arrow table as ISO days (text, typed dates and times alike;
    empty text is null), or all null when it is missing."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if name not in table.column_names:
        return pa.nulls(table.num_rows, pa.string())
    column = table.column(name)
    if pa.types.is_date(column.type) or pa.types.is_timestamp(column.type):
        return pc.strftime(column, format="%Y-%m-%d")
    if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
        return pa.nulls(table.num_rows, pa.string())
    days = pc.utf8_slice_codeunits(column, 0, 10)
    return pc.if_else(pc.greater(pc.utf8_length(days), 0), days, pa.scalar(None, pa.string()))


def _derived_columns(table: Any, lat: Any, lon: Any, month: str | None) -> pd.DataFrame:
    """The frame of :func:`read_event_columns` from an Arrow table of event columns and
    the positions (``month``: the dataset partition, else from the dates)."""
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    def plain(name: str) -> Any:
        if name in table.column_names:
            return table.column(name).to_pandas()
        return pd.Series([None] * table.num_rows, dtype=object)

    date = _days(table, "date")
    lo = pc.coalesce(_days(table, "date_start"), date)
    hi = pc.coalesce(_days(table, "date_end"), date, lo)
    own_month = pc.fill_null(pc.utf8_slice_codeunits(lo, 0, 7), UNKNOWN_MONTH)
    rejected = (
        pc.is_valid(table.column("rejected"))
        if "rejected" in table.column_names
        else pa.array([False] * table.num_rows)
    )
    frame = pd.DataFrame(
        {
            "id": plain("id"),
            "event_type": plain("event_type"),
            "lat": lat,
            "lon": lon,
            "lo": lo.to_pandas(),
            "hi": hi.to_pandas(),
            "month": own_month.to_pandas() if month is None else month,
            "country_code": plain("country_code"),
            "rejected": rejected.to_numpy(zero_copy_only=False).astype(bool),
            "confidence": plain("confidence"),
            "file": None,
        }
    )
    if "claims" in table.column_names:
        frame["claims"] = plain("claims")
    return frame


def event_columns(events: Sequence[Event]) -> pd.DataFrame:
    """The columns of :func:`read_event_columns` for events already in memory (and
    already filtered: no ``confidence`` and ``claims``).

    >>> from geoevents.model import Event
    >>> cols = event_columns([Event("a", "interception", 50.0, 30.0, date="2023-04-02")])
    >>> cols.loc[0, ["month", "lo", "hi"]].tolist(), bool(cols.loc[0, "rejected"])
    (['2023-04', '2023-04-02', '2023-04-02'], False)
    """
    import numpy as np
    import pyarrow as pa

    table = pa.table(
        {
            "id": pa.array([e.id for e in events], pa.string()),
            "event_type": pa.array([e.event_type for e in events], pa.string()),
            "date": pa.array([e.date for e in events], pa.string()),
            "date_start": pa.array([e.date_start for e in events], pa.string()),
            "date_end": pa.array([e.date_end for e in events], pa.string()),
            "country_code": pa.array([e.country_code for e in events], pa.string()),
            "rejected": pa.array([e.rejected for e in events], pa.string()),
        }
    )
    lat = np.array([e.lat for e in events], dtype=float)
    lon = np.array([e.lon for e in events], dtype=float)
    return _derived_columns(table, lat, lon, None)


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
    """:meth:`EventFilter._claimant_match` on the JSON text (or list) of a claims cell.

    >>> _claimant_match('[{"claimant": "Kyiv Governor", "side": "ukraine"}]', ["governor"])
    True
    >>> _claimant_match("not json", ["russia"]), _claimant_match(None, ["russia"])
    (False, False)
    """
    try:
        items = json.loads(claims) if isinstance(claims, str) else claims
    except ValueError:  # not JSON: the event cannot be read, so it matches no claimant
        return False
    for c in items if isinstance(items, list) else [items]:
        if not isinstance(c, dict):
            continue
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


def hex_cells(lat: Any, lon: Any, resolution: int) -> tuple[np.ndarray, np.ndarray]:
    """The H3 cells (hex text, sorted) the points fall in, and the index of each point's
    cell; each distinct position is indexed once."""
    import h3
    import numpy as np
    import pandas as pd

    points = np.asarray(lat, dtype=float) + 1j * np.asarray(lon, dtype=float)
    where, unique = pd.factorize(points)
    cells = [
        h3.latlng_to_cell(a, b, resolution)
        for a, b in zip(unique.real.tolist(), unique.imag.tolist(), strict=True)
    ]
    codes, names = pd.factorize(np.array(cells, dtype=object), sort=True)
    return np.asarray(names, dtype=object), codes[where] if len(where) else where


def count_hexagons(frame: pd.DataFrame, resolution: int | None = None) -> HexCounts:
    """Events of ``frame`` (columns of :func:`read_event_columns`) per hexagon, type and month.

    ``resolution`` defaults to :func:`hex_resolution` of the events' extent. Months
    are sorted with ``"unknown"`` last, types and hexagons sorted.
    """
    import h3
    import numpy as np
    import pandas as pd

    if resolution is None:
        resolution = hex_resolution(frame["lat"], frame["lon"])
    cells, cell_of = hex_cells(frame["lat"], frame["lon"], resolution)
    month_of, months = pd.factorize(frame["month"], sort=True)
    type_of, types = pd.factorize(frame["event_type"], sort=True)
    months = list(months)
    if UNKNOWN_MONTH in months:  # undated last: move its code to the end
        k = months.index(UNKNOWN_MONTH)
        remap = np.array([i - (i > k) if i != k else len(months) - 1 for i in range(len(months))])
        month_of = remap[month_of]
        months = [*months[:k], *months[k + 1 :], UNKNOWN_MONTH]
    n_m, n_t = len(months), len(types)
    key = (cell_of.astype(np.int64) * n_m + month_of) * n_t + type_of
    found, sizes = np.unique(key, return_counts=True)
    out: list[HexCell] = []
    starts = np.flatnonzero(np.r_[True, np.diff(found // (n_m * n_t)) != 0]) if len(found) else []
    bounds = [*starts, len(found)]
    for lo, hi in zip(bounds[:-1], bounds[1:], strict=False):
        cell = str(cells[found[lo] // (n_m * n_t)])
        counts = tuple(
            (int(k // n_t % n_m), int(k % n_t), int(n))
            for k, n in zip(found[lo:hi], sizes[lo:hi], strict=True)
        )
        boundary = tuple((float(a), float(b)) for a, b in h3.cell_to_boundary(cell))
        out.append(HexCell(cell, boundary, counts))
    return HexCounts(
        resolution, tuple(months), tuple(str(t) for t in types), tuple(out), len(frame)
    )


def newest(frame: pd.DataFrame, n: int) -> pd.DataFrame:
    """The ``n`` newest rows: latest window end first, then latest start, then id;
    undated events last."""
    import numpy as np

    if n <= 0:
        return frame.iloc[:0]
    hi = frame["hi"].fillna("").to_numpy(dtype="U10")
    if len(hi) > n:  # sort only the rows that can be among the newest
        kth = np.partition(hi, len(hi) - n)[len(hi) - n]
        frame = frame[hi >= kth]
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
