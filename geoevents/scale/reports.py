"""Report events from the event dataset (GeoParquet) and fused events to a file.

The event dataset (written by ``geoevents extract --engine dask``, see docs/scale.md)
holds the rows of :func:`~geoevents.io.events.events_to_frame` plus
:data:`REPORT_COLUMNS`: the article's content hash, its publication day and the
report event's stable id. :func:`read_report_events` turns one of its files into
:class:`~geoevents.store.fusion.ReportEvent` values (bad rows become errors naming
file, row and field; the other rows still come through).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import geopandas as gpd

from geoevents.errors import InputError
from geoevents.io.events import events_to_frame, iter_events, write_events
from geoevents.store.fusion import FusedEvent, ReportEvent

#: Columns the event dataset adds to the events' own.
REPORT_COLUMNS = ("report_id", "report_published", "report_event_id")


def report_events_to_frame(items: Sequence[ReportEvent]) -> gpd.GeoDataFrame:
    """Rows of the event dataset for ``items`` (events' columns plus :data:`REPORT_COLUMNS`)."""
    frame = events_to_frame(r.event for r in items)
    frame["report_id"] = [r.report_id for r in items]
    frame["report_published"] = [r.published for r in items]
    frame["report_event_id"] = [r.id for r in items]
    return frame


def dataset_files(inputs: Iterable[str | Path]) -> list[Path]:
    """The Parquet files of the datasets (directories, searched recursively) and files given.

    Raises :class:`InputError` naming an input that does not exist or holds no Parquet file.
    """
    files: list[Path] = []
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.parquet") if p.is_file())
            if not found:
                raise InputError("no .parquet file in this directory", path=str(path))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise InputError("no such file or directory", path=str(path))
    return files


def _report_columns(path: Path) -> dict[str, list[Any]] | InputError:
    import pyarrow.parquet as pq

    try:
        names = pq.read_schema(path).names
        missing = [c for c in REPORT_COLUMNS if c not in names]
        if missing:
            return InputError(
                f"not an event dataset file: no {', '.join(missing)} column(s)",
                path=str(path),
                field=missing[0],
            )
        return pq.read_table(path, columns=list(REPORT_COLUMNS)).to_pydict()
    except (OSError, ValueError) as err:
        return InputError(f"cannot read the report columns: {err}", path=str(path))


def _report_problem(report_id: Any, published: Any, rid: Any) -> tuple[str, str] | None:
    """``(field, message)`` of the first bad report column of a row, else None."""
    for field, value in (("report_event_id", rid), ("report_id", report_id)):
        if not isinstance(value, str) or not value:
            return field, f"missing or not a string: {value!r}"
    if published is not None:
        try:
            datetime.date.fromisoformat(str(published)[:10])
        except ValueError:
            return "report_published", f"not an ISO day: {published!r}"
    return None


def read_report_events(path: str | Path) -> list[ReportEvent | InputError]:
    """The report events of one file of the event dataset, in row order; a bad row (or a
    file that cannot be read at all) is an :class:`InputError` in its place."""
    path = Path(path)
    columns = _report_columns(path)
    if isinstance(columns, InputError):
        return [columns]
    events = list(iter_events(path))
    if len(events) != len(columns["report_event_id"]):  # the file itself failed
        return [e for e in events if isinstance(e, InputError)] or [
            InputError("rows and report columns differ", path=str(path))
        ]
    out: list[ReportEvent | InputError] = []
    rows = zip(events, *(columns[c] for c in REPORT_COLUMNS), strict=True)
    for row, (ev, report_id, published, rid) in enumerate(rows):
        if isinstance(ev, InputError):
            out.append(ev)
            continue
        problem = _report_problem(report_id, published, rid)
        if problem:
            field, message = problem
            out.append(InputError(f"row {row}: {message}", path=str(path), field=field))
            continue
        day = None if published is None else str(published)[:10]
        out.append(ReportEvent(rid, report_id, day, ev))
    return out


def read_files(paths: Iterable[str | Path]) -> list[ReportEvent | InputError]:
    """:func:`read_report_events` of several files (one partition of a Dask bag)."""
    return [item for path in paths for item in read_report_events(path)]


def write_fused(fused: Sequence[FusedEvent], path: str | Path) -> Path:
    """Write fused events with a ``members`` column (their report event ids). Atomic."""
    return write_events([f.event for f in fused], path, {"members": [f.members for f in fused]})
