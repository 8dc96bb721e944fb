"""Rows of the store read back into values; a damaged row becomes a named error.

A store written by geoevents only holds rows these functions read, but a file
edited by hand, by another tool or damaged on disk may hold anything: JSON that
does not parse, a number where text belongs, text that is not UTF-8, a point
out of range. Each decoder raises :class:`RowError` (column and reason) for
such a row; :func:`decode_rows` turns it into a :class:`DamagedRow` (table, row
id, column) so that the rest of the store is still read.

>>> rows = [(1, "re-1", "h1", "2023-01-02", '{"lat": 48.0, "lon": 37.9, "properties": '
...          '{"id": "x", "event_type": "interception"}}'),
...         (2, "re-2", "h2", None, "{not json")]
>>> values, damaged = decode_rows(rows, report_event, "report_events", "e.gpkg")
>>> [v.id for v in values]
['re-1']
>>> print(damaged[0])  # doctest: +ELLIPSIS
e.gpkg: damaged row skipped: table report_events, fid 2, column event_json: not valid JSON (...)
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from geoevents.model import Event
from geoevents.store.corrections import Correction, apply_changes, validate_changes
from geoevents.store.fusion import ReportEvent

T = TypeVar("T")

#: An event that stored corrections are applied to, to see that their values make an event.
_PROBE = Event("probe", "interception", 0.0, 0.0)

#: What a decoder may raise on a damaged row (besides :class:`RowError`).
DECODE_ERRORS = (ValueError, TypeError, KeyError, AttributeError, RecursionError, OverflowError)


class RowError(ValueError):
    """A row that cannot be read: ``column`` and why."""

    def __init__(self, column: str, reason: str) -> None:
        self.column = column
        self.reason = reason
        super().__init__(f"column {column}: {reason}")


@dataclass(frozen=True)
class DamagedRow:
    """A stored row that cannot be read, named by table, row id (``fid``) and column."""

    location: str
    table: str
    fid: Any
    column: str
    reason: str

    def __str__(self) -> str:
        return (
            f"{self.location}: damaged row skipped: table {self.table}, fid {self.fid}, "
            f"column {self.column}: {self.reason}"
        )


def is_writable(value: Any) -> bool:
    """True for text that can be written back to the store (valid UTF-8).

    >>> is_writable("Kyiv"), is_writable(b"\\xff".decode("utf-8", "surrogateescape")), is_writable(3)
    (True, False, False)
    """
    if not isinstance(value, str):
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _text(column: str, value: Any, *, nullable: bool = False) -> str | None:
    """``value`` if it is text that can be written back (valid UTF-8)."""
    if value is None and nullable:
        return None
    if not isinstance(value, str):
        raise RowError(column, f"expected text, found {type(value).__name__}")
    if not is_writable(value):
        raise RowError(column, "text is not valid UTF-8")
    return value


def _json(column: str, value: Any) -> Any:
    text = _text(column, value)
    assert text is not None
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as err:
        raise RowError(column, f"not valid JSON ({str(err)[:80]})") from err


def checked_event(column: str, ev: Event) -> Event:
    """``ev`` if fusion and the map can use it: finite coordinates within WGS84 ranges."""
    if not (math.isfinite(ev.lat) and math.isfinite(ev.lon)):
        raise RowError(column, f"coordinates not finite ({ev.lat}, {ev.lon})")
    if not (-90 <= ev.lat <= 90 and -180 <= ev.lon <= 180):
        raise RowError(column, f"coordinates out of range ({ev.lat}, {ev.lon})")
    for name in ("date", "date_start", "date_end"):
        if not isinstance(getattr(ev, name), (str, type(None))):
            raise RowError(column, f"{name} is not text")
    return ev


def _event(column: str, make: Callable[[], Event]) -> Event:
    try:
        return checked_event(column, make())
    except RowError:
        raise
    except DECODE_ERRORS as err:
        raise RowError(column, f"not a valid event ({type(err).__name__}: {err})") from err


def report_event(row: Sequence[Any]) -> ReportEvent:
    """``(fid, id, content_hash, published, event_json)`` of ``report_events``."""
    _fid, rid, content_hash, published, text = row
    rid = _text("id", rid)
    content_hash = _text("content_hash", content_hash)
    d = _json("event_json", text)
    if not isinstance(d, dict):
        raise RowError("event_json", "expected a JSON object")
    ev = _event(
        "event_json", lambda: Event.from_properties(d["properties"], lat=d["lat"], lon=d["lon"])
    )
    published = _text("published", published, nullable=True)
    return ReportEvent(str(rid), str(content_hash), published, ev)


def correction(row: Sequence[Any]) -> Correction:
    """``(fid, event_id, anchors, changes, note, created_at, author)`` of ``corrections``."""
    fid, event_id, anchors, changes, note, created_at, author = row
    anchor_list = _json("anchors", anchors)
    if not isinstance(anchor_list, list) or not all(isinstance(a, str) for a in anchor_list):
        raise RowError("anchors", "expected a JSON list of report event ids")
    change_map = _json("changes", changes)
    if not isinstance(change_map, dict):
        raise RowError("changes", "expected a JSON object")
    try:
        validate_changes(change_map)  # then the values must make an event (as fusion applies them)
        apply_changes(_PROBE, change_map)
    except DECODE_ERRORS as err:
        raise RowError("changes", str(err)) from err
    return Correction(
        int(fid),
        str(_text("event_id", event_id)),
        tuple(anchor_list),
        change_map,
        _text("note", note, nullable=True),
        _text("created_at", created_at, nullable=True),
        _text("author", author, nullable=True),
    )


def fused_event(row: Sequence[Any]) -> Event:
    """``(fid, id, lat, lon, properties)`` of the fused ``events`` table."""
    _fid, eid, lat, lon, props = row
    _text("id", eid)
    for name, value in (("lat", lat), ("lon", lon)):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise RowError(name, f"expected a number, found {type(value).__name__}")
    p = _json("properties", props)
    if not isinstance(p, dict):
        raise RowError("properties", "expected a JSON object")
    ev = _event("properties", lambda: Event.from_properties(p, lat=lat, lon=lon))
    if ev.id != eid:
        raise RowError("properties", f"names event {ev.id!r}, the row is {eid!r}")
    return ev


def decode_rows(
    rows: Iterable[Sequence[Any]], decode: Callable[[Sequence[Any]], T], table: str, location: str
) -> tuple[list[T], list[DamagedRow]]:
    """Each row decoded, and a :class:`DamagedRow` for each one that could not be.

    Every row starts with its ``fid``, the row id named in the error.
    """
    values: list[T] = []
    damaged: list[DamagedRow] = []
    for row in rows:
        try:
            values.append(decode(row))
        except RowError as err:
            damaged.append(DamagedRow(location, table, row[0], err.column, err.reason))
        except DECODE_ERRORS as err:
            damaged.append(DamagedRow(location, table, row[0], "?", f"{err!r}"[:200]))
    return values, damaged
