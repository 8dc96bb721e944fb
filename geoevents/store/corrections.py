"""Analyst corrections: stored apart from machine output, applied before fusion.

A correction either changes fields (place, coordinates, type, date) or
*detaches* one member report event from a fused event, undoing that merge: the
detached report event is never fused again and becomes an event of its own.

A correction names the fused event it was made on and records that event's
member report events (its *anchors*). Re-fusion applies the change to those
report events again, so a correction survives re-ingestion and re-fusion even
when the fused event later gains members (and its members keep its id).

>>> from geoevents.model import Event
>>> from geoevents.store.fusion import ReportEvent
>>> re = ReportEvent("re-1", "h", None, Event("x", "air_drone_strike", 47.0, 37.0))
>>> c = Correction(1, "ev-1", ("re-1",), {"event_type": "shelling_missile_attack"}, "typo")
>>> [r.event.event_type for r in apply_corrections([re], [c])], apply_corrections([re], [c])[0].event.corrected
(['shelling_missile_attack'], True)
"""

from __future__ import annotations

import csv
import datetime
import io
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from geoevents.errors import InputError
from geoevents.io.files import read_text_file
from geoevents.store.fusion import ReportEvent
from geoevents.vocabulary import EVENT_TYPES

#: Event fields a correction may set.
CORRECTABLE = (
    "lat",
    "lon",
    "place_name",
    "country_code",
    "admin1",
    "geonameid",
    "location_precision",
    "event_type",
    "date",
    "date_start",
    "date_end",
    "date_precision",
)
_PRECISION_OF_KIND = {"site": 1, "settlement": 1, "region": 3, "country": 3}


@dataclass(frozen=True)
class Correction:
    """One stored correction (``seq`` orders corrections of one event)."""

    seq: int
    event_id: str
    anchors: tuple[str, ...]
    changes: dict[str, Any] = field(hash=False)
    note: str | None = None
    created_at: str | None = None


@dataclass(frozen=True)
class CorrectionRequest:
    """What an analyst asks to change on a fused event (before place lookup)."""

    event_id: str
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    event_type: str | None = None
    date: str | None = None
    note: str | None = None
    detach: str | None = None  # a member report event to split off into its own event


def apply_corrections(
    items: Sequence[ReportEvent], corrections: Sequence[Correction]
) -> list[ReportEvent]:
    """Report events with the corrections that anchor on them applied, in ``seq`` order."""
    by_anchor: dict[str, list[Correction]] = {}
    for c in sorted(corrections, key=lambda c: c.seq):
        for a in c.anchors:
            by_anchor.setdefault(a, []).append(c)
    if not by_anchor:
        return list(items)
    out = []
    for r in items:
        cs = by_anchor.get(r.id)
        if cs:
            ev = r.event
            detached = r.detached
            for c in cs:
                changes = dict(c.changes)
                detached = bool(changes.pop("detach", False)) or detached
                ev = replace(ev, corrected=True, **changes)
            r = replace(r, event=ev, detached=detached)
        out.append(r)
    return out


def validate_changes(changes: dict[str, Any]) -> dict[str, Any]:
    """Check and normalise a change set; raises ``ValueError`` naming the bad field.

    >>> validate_changes({"date": "2023-01-01"})["date_precision"]
    'day'
    >>> validate_changes({"event_type": "bombing"})
    Traceback (most recent call last):
    ...
    ValueError: event_type: unknown event type 'bombing'
    """
    out = dict(changes)
    if out.get("detach") is True and len(out) == 1:
        return out
    for k in out:
        if k not in CORRECTABLE:
            raise ValueError(f"{k}: not a correctable field")
    if "event_type" in out and out["event_type"] not in EVENT_TYPES:
        raise ValueError(f"event_type: unknown event type {out['event_type']!r}")
    if "date" in out:
        try:
            day = datetime.date.fromisoformat(str(out["date"])).isoformat()
        except ValueError as err:
            raise ValueError(f"date: expected YYYY-MM-DD, got {out['date']!r}") from err
        out.update(date=day, date_start=day, date_end=day, date_precision="day")
    for k in ("lat", "lon"):
        if k in out:
            v = float(out[k])
            limit = 90.0 if k == "lat" else 180.0
            if not math.isfinite(v) or abs(v) > limit:
                raise ValueError(f"{k}: {out[k]!r} is outside -{limit:g}..{limit:g}")
            out[k] = v
    if ("lat" in out) != ("lon" in out):
        raise ValueError("lat/lon: give both or neither")
    return out


def place_changes(gazetteer: Any, text: str) -> dict[str, Any]:
    """Location fields for a place name such as ``"Olenivka, Donetsk oblast"``.

    Uses the gazetteer's ``resolve_text`` and takes its best candidate.
    """
    try:
        candidates = gazetteer.resolve_text(text)
    except Exception as err:  # the gazetteer's own errors carry the reason
        raise ValueError(f"place: cannot resolve {text!r}: {err}") from err
    if not candidates:
        raise ValueError(f"place: no gazetteer match for {text!r}")
    best = candidates[0]
    p = best.place
    return {
        "lat": float(p.lat),
        "lon": float(p.lon),
        "place_name": p.name,
        "country_code": p.country_code,
        "admin1": p.admin1,
        "geonameid": p.geonameid,
        "location_precision": _PRECISION_OF_KIND.get(p.kind, 1),
    }


_CSV_FIELDS = ("event_id", "place", "lat", "lon", "event_type", "date", "note", "detach")


def request_changes(req: CorrectionRequest, gazetteer: Any) -> dict[str, Any]:
    """The validated field changes of a (non-detach) request; ``ValueError`` if bad.

    ``gazetteer`` resolves ``req.place`` (it is not used otherwise).

    >>> request_changes(CorrectionRequest("ev-1", lat=47.1, lon=37.5), None)
    {'lat': 47.1, 'lon': 37.5, 'location_precision': 1, 'geonameid': None}
    """
    changes: dict[str, Any] = {}
    if req.place:
        changes.update(place_changes(gazetteer, req.place))
    if req.lat is not None or req.lon is not None:
        changes["lat"], changes["lon"] = req.lat, req.lon
        if not req.place:
            changes["location_precision"] = 1
            changes["geonameid"] = None  # the old place's id no longer applies
    if req.event_type:
        changes["event_type"] = req.event_type
    if req.date:
        changes["date"] = req.date
    if not changes:
        raise ValueError("nothing to correct (give place, lat/lon, event_type or date)")
    if "lat" in changes and (changes["lat"] is None or changes["lon"] is None):
        raise ValueError("lat/lon: give both or neither")
    return validate_changes(changes)


def read_corrections_csv(path: str | Path) -> Iterator[CorrectionRequest | InputError]:
    """Correction requests from a CSV with a header row.

    Columns: ``event_id`` (required), ``place``, ``lat``, ``lon``, ``event_type``,
    ``date``, ``note``, ``detach`` (a member report-event id to split off); all but
    ``event_id`` may be left out or empty. A bad row yields an :class:`InputError` naming file, line
    and field; the other rows still come through. A file that cannot be read
    (missing, not a regular file, over the size cap, not UTF-8) is one error.
    """
    where = str(path)
    try:
        text = read_text_file(path)
    except InputError as err:
        yield err
        return
    with io.StringIO(text, newline="") as fh:
        reader = csv.DictReader(fh)
        try:
            names = reader.fieldnames
        except csv.Error as err:
            yield InputError(f"not readable CSV: {err}", path=where, line=1)
            return
        if names is None or "event_id" not in names:
            yield InputError("header must name an event_id column", path=where, line=1)
            return
        unknown = [f for f in names if f not in _CSV_FIELDS]
        if unknown:
            yield InputError(
                f"unknown column(s) {', '.join(unknown)}; expected {', '.join(_CSV_FIELDS)}",
                path=where,
                line=1,
            )
            return
        for row in _csv_rows(reader, where):
            if isinstance(row, InputError):
                yield row
                return
            yield _csv_request(row, where, reader.line_num)


def _csv_request(row: dict[Any, Any], where: str, line: int) -> CorrectionRequest | InputError:
    """One CSV row as a request, or the error naming its line and field."""
    vals = {k: (v.strip() if isinstance(v, str) and v.strip() else None) for k, v in row.items()}
    if None in row:
        return InputError("more fields than the header names", path=where, line=line)
    if not vals.get("event_id"):
        return InputError("missing", path=where, line=line, field="event_id")
    coords: dict[str, float | None] = {}
    for key, limit in (("lat", 90.0), ("lon", 180.0)):
        raw = vals.get(key)
        try:
            coords[key] = float(raw) if raw else None
        except ValueError:
            return InputError(f"not a number: {raw!r}", path=where, line=line, field=key)
        value = coords[key]
        if value is not None and (not math.isfinite(value) or abs(value) > limit):
            return InputError(
                f"{raw!r} is not a finite number in -{limit:g}..{limit:g}",
                path=where,
                line=line,
                field=key,
            )
    req = CorrectionRequest(
        event_id=str(vals["event_id"]),
        place=vals.get("place"),
        lat=coords["lat"],
        lon=coords["lon"],
        event_type=vals.get("event_type"),
        date=vals.get("date"),
        note=vals.get("note"),
        detach=vals.get("detach"),
    )
    if not any((req.place, req.lat is not None, req.event_type, req.date, req.detach)):
        return InputError(
            "nothing to correct (give place, lat/lon, event_type, date or detach)",
            path=where,
            line=line,
        )
    return req


def _csv_rows(reader: csv.DictReader, where: str) -> Iterator[dict[str, Any] | InputError]:
    """The rows of ``reader``; a CSV syntax error (e.g. a field over the size limit) ends them."""
    try:
        yield from reader
    except csv.Error as err:
        yield InputError(f"not readable CSV: {err}", path=where, line=reader.line_num)
