"""The event dataset: a directory of GeoParquet files partitioned by month of the event.

Layout (the contract ``fuse``, ``map`` and ``ingest`` read; docs/scale.md)::

    OUT/month=2023-01/part-00012.parquet   # rows of input partition 12 dated January 2023
    OUT/month=unknown/part-00012.parquet   # no event date and no publication date
    OUT/_errors.jsonl                      # input errors: {"path", "line", "field", "message"}

Each file is GeoParquet (``geo`` metadata, WKB points, EPSG:4326) with the
columns :func:`geoevents.io.events.write_events` writes to ``.parquet`` (so
:func:`geoevents.io.events.frame_to_events` reads the rows back), plus
``report_id`` (the article's content hash), ``report_published`` (ISO day or
null) and ``report_event_id``; rows are sorted by ``report_event_id``. The
``month`` column lives in the directory names (hive partitioning), as every
reader expects. Column types are fixed (a column that is empty in one file is
still text there), so files concatenate.

Writes are atomic twice over: each file goes to a hidden temporary name then is
renamed (a retried task overwrites its own files, named by input partition), and
the whole dataset is built in a hidden sibling directory that replaces ``OUT``
only when complete (:func:`publish`).
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import os
import shutil
import uuid
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geoevents.errors import InputError
from geoevents.model import Event, stable_id

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

    from geoevents.io.articles import Article

ERRORS_FILE = "_errors.jsonl"
MONTH = "month"
UNKNOWN_MONTH = "unknown"
REPORT_COLUMNS = ("report_id", "report_published", "report_event_id")
#: Model fields holding a truth value (nullable ones are object columns in pandas).
_BOOL_FIELDS = frozenset(
    f.name for f in dataclasses.fields(Event) if str(f.type).startswith("bool")
)


def event_month(ev: Event, published: datetime.date | None) -> str:
    """``"YYYY-MM"`` of the event's start day (else its day, else ``published``), or ``"unknown"``.

    >>> event_month(Event("e", "interception", 0, 0, date_start="2023-01-31"), None)
    '2023-01'
    >>> event_month(Event("e", "interception", 0, 0), datetime.date(2024, 2, 1))
    '2024-02'
    >>> event_month(Event("e", "interception", 0, 0), None)
    'unknown'
    """
    day = ev.date_start or ev.date
    if day:
        return day[:7]
    return published.isoformat()[:7] if published is not None else UNKNOWN_MONTH


def report_frame(
    reports: Iterable[tuple[Article, Sequence[Event]]], keep: Callable[[Event], bool] | None = None
) -> gpd.GeoDataFrame:
    """Dataset rows (with ``month``) of articles and their events, sorted by ``report_event_id``.

    ``report_event_id`` is ``stable_id(content_hash, idx, event id, prefix="re")``
    with ``idx`` the event's index among its article's events, as the store names
    report events. ``keep`` (called once per event, in order) leaves out the
    events it refuses (duplicates), without changing the others' ``idx``.
    """
    from geoevents.io.events import _flat_frame, events_to_frame

    events: list[Event] = []
    extra: dict[str, list[Any]] = {c: [] for c in (*REPORT_COLUMNS, MONTH)}
    for article, evs in reports:
        h = article.content_hash
        day = article.published.isoformat() if article.published else None
        for idx, ev in enumerate(evs):
            if keep is not None and not keep(ev):
                continue
            events.append(ev)
            extra["report_id"].append(h)
            extra["report_published"].append(day)
            extra["report_event_id"].append(stable_id(h, idx, ev.id, prefix="re"))
            extra[MONTH].append(event_month(ev, article.published))
    frame = _flat_frame(events_to_frame(events))
    for col, values in extra.items():
        frame[col] = values
    frame = frame.sort_values("report_event_id", kind="stable").reset_index(drop=True)
    return _fixed_types(frame)


def _fixed_types(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Text columns as ``string``, nullable truth values as ``boolean``: the same Arrow
    types in every file, even where a column holds no value."""
    for col in frame.columns:
        if col != frame.geometry.name and frame[col].dtype == object:
            frame[col] = frame[col].astype("boolean" if col in _BOOL_FIELDS else "string")
    return frame


def part_name(index: int) -> str:
    """File name of input partition ``index``'s rows in each month directory."""
    return f"part-{index:05d}.parquet"


def write_part(frame: gpd.GeoDataFrame, directory: str | Path, index: int) -> list[str]:
    """Write ``frame`` (from :func:`report_frame`) as partition ``index``'s file in each of
    its months, atomically; returns the months written."""
    root = Path(directory)
    months = sorted(set(frame[MONTH])) if len(frame) else []
    for month in months:
        rows = frame[frame[MONTH] == month].drop(columns=MONTH).reset_index(drop=True)
        folder = root / f"{MONTH}={month}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / part_name(index)
        tmp = folder / f".{path.name}.{uuid.uuid4().hex}.tmp"
        try:
            rows.to_parquet(tmp, index=False)
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
    return months


def drop_rows(directory: str | Path, index: int, months: Iterable[str], ids: set[str]) -> int:
    """Rewrite partition ``index``'s files without the events whose ``id`` is in ``ids``
    (an event already written by an earlier partition); returns the rows dropped."""
    import geopandas as gpd

    dropped = 0
    for month in months:
        path = Path(directory) / f"{MONTH}={month}" / part_name(index)
        rows = gpd.read_parquet(path)
        keep = ~rows["id"].isin(ids)
        dropped += int((~keep).sum())
        if keep.all():
            continue
        if not keep.any():
            path.unlink()
            continue
        rows = _fixed_types(rows[keep].reset_index(drop=True))
        rows[MONTH] = month
        write_part(rows, directory, index)
    return dropped


def error_record(err: InputError) -> dict[str, Any]:
    """The ``_errors.jsonl`` object of an input error.

    >>> error_record(InputError("record has no text", path="a.jsonl", line=3, field="text"))
    {'path': 'a.jsonl', 'line': 3, 'field': 'text', 'message': 'record has no text'}
    """
    return {"path": err.path, "line": err.line, "field": err.field, "message": err.message}


def write_errors(directory: str | Path, records: Iterable[dict[str, Any]]) -> Path:
    """Write ``_errors.jsonl`` (one object a line; empty when there was none) atomically."""
    path = Path(directory) / ERRORS_FILE
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False, sort_keys=False) + "\n")
    os.replace(tmp, path)
    return path


def staging_dir(out_dir: str | Path) -> Path:
    """A new hidden directory beside ``out_dir`` that the dataset is built in."""
    out = Path(out_dir).absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    stage = out.parent / f".{out.name}.partial-{uuid.uuid4().hex[:12]}"
    stage.mkdir()
    return stage


def publish(stage: str | Path, out_dir: str | Path) -> Path:
    """Replace ``out_dir`` with the finished dataset built in ``stage``.

    Stray temporary files (a killed task's) are removed first. A previous
    dataset at ``out_dir`` is moved aside, then deleted once the new one is in
    place. Raises :class:`InputError` if ``out_dir`` exists and is not a dataset
    directory (a file, or a folder holding other things).
    """
    stage, out = Path(stage), Path(out_dir).absolute()
    for tmp in stage.rglob(".*.tmp"):
        tmp.unlink(missing_ok=True)
    old: Path | None = None
    if out.exists() or out.is_symlink():
        if not is_dataset(out):
            raise InputError("exists and is not an event dataset; not replaced", path=str(out))
        old = out.parent / f".{out.name}.old-{uuid.uuid4().hex[:12]}"
        os.replace(out, old)
    os.replace(stage, out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return out


def is_dataset(path: str | Path) -> bool:
    """True for an empty directory or one holding only ``month=`` folders and ``_errors.jsonl``."""
    p = Path(path)
    if not p.is_dir() or p.is_symlink():
        return False
    return all(
        (e.name == ERRORS_FILE and e.is_file()) or (e.name.startswith(f"{MONTH}=") and e.is_dir())
        for e in p.iterdir()
    )


def read_dataset(path: str | Path) -> gpd.GeoDataFrame:
    """Every row of the dataset at ``path`` (``month`` as text), sorted by ``report_event_id``."""
    import geopandas as gpd

    if not any(Path(path).glob(f"{MONTH}=*/*.parquet")):
        return report_frame([])
    frame = gpd.read_parquet(path)
    frame[MONTH] = frame[MONTH].astype(str)
    return frame.sort_values("report_event_id", kind="stable").reset_index(drop=True)
