"""Store health: integrity checks, damaged and orphan rows, and the repair path.

:func:`check_store` runs the back end's integrity check (SQLite
``PRAGMA integrity_check`` for a GeoPackage; on PostGIS, every table present
and each event geometry a valid EPSG:4326 point), decodes every row fusion and
the readers use (:mod:`geoevents.store.decode`) and looks for orphan rows
(claims, sources or members of no event; report events of no report).

:func:`repair_store` moves damaged and orphan source rows (report events,
corrections) into the ``quarantine`` table, nothing is deleted, and rebuilds
the fused tables from what is sound. A file that fails SQLite's integrity
check is not repaired in place: export what is sound into a new store first
(``docs/reliability.md``).
"""

from __future__ import annotations

import base64
import datetime
import json
import math
import sqlite3
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from geoevents.errors import StoreError
from geoevents.store import decode
from geoevents.store.decode import DamagedRow
from geoevents.store.gpkgbinary import decode_point
from geoevents.store.schema import QUARANTINE_DDL, TABLES
from geoevents.store.sql import EventStore

#: ``(table, column, parent table, parent column)``: rows whose key has no parent row.
ORPHAN_RULES = (
    ("claims", "event_id", "events", "id"),
    ("sources", "event_id", "events", "id"),
    ("fusion_members", "event_id", "events", "id"),
    ("report_events", "content_hash", "reports", "content_hash"),
)

#: Tables whose bad rows :func:`repair_store` moves to quarantine (the others are rebuilt).
SOURCE_TABLES = ("report_events", "corrections")


class StoreDamagedError(StoreError):
    """The store fails its integrity check: commands refuse to export from it."""


@dataclass(frozen=True)
class HealthReport:
    """What :func:`check_store` found; ``ok`` when nothing."""

    location: str
    integrity: tuple[str, ...]  # messages of the back end's integrity check
    damaged: tuple[DamagedRow, ...]
    orphans: tuple[DamagedRow, ...]
    counts: dict[str, int]

    @property
    def ok(self) -> bool:
        return not (self.integrity or self.damaged or self.orphans)

    def lines(self) -> list[str]:
        """Human-readable lines: one per problem, then a summary."""
        out = [f"{self.location}: integrity check: {m}" for m in self.integrity]
        out += [str(d) for d in (*self.damaged, *self.orphans)]
        rows = ", ".join(f"{n} {t}" for t, n in self.counts.items())
        verdict = (
            "ok"
            if self.ok
            else (
                f"{len(self.integrity)} integrity errors, {len(self.damaged)} damaged rows, "
                f"{len(self.orphans)} orphan rows"
            )
        )
        out.append(f"{self.location}: {verdict} ({rows})")
        return out


def _is_gpkg(store: EventStore) -> bool:
    return store.placeholder == "?"


def integrity_problems(store: EventStore, *, quick: bool = False) -> list[str]:
    """The back end's integrity check: empty when the store is sound.

    ``quick``: SQLite's ``quick_check`` (every page and b-tree, not whether each index
    matches its table: about 2.5 times faster, run before every export).
    """
    if _is_gpkg(store):
        conn = store.conn  # type: ignore[attr-defined]
        try:
            rows = conn.execute(f"PRAGMA {'quick' if quick else 'integrity'}_check").fetchall()
        except sqlite3.Error as err:  # DatabaseError on a malformed file
            return [f"{type(err).__name__}: {err}"]
        return [] if [tuple(r) for r in rows] == [("ok",)] else [str(r[0]) for r in rows]
    with store._read_tx() as cur:
        cur.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema()"
        )
        present = {r[0] for r in cur.fetchall()}
    return [f"table {t} is missing" for t in TABLES if t not in present]


def require_sound(store: EventStore) -> None:
    """Raise :class:`StoreDamagedError` (with the check's messages) if the store fails the
    quick integrity check."""
    problems = integrity_problems(store, quick=True)
    if problems:
        shown = "; ".join(problems[:5]) + (" ..." if len(problems) > 5 else "")
        raise StoreDamagedError(
            f"{store.location}: the store fails its integrity check ({shown}); refusing to "
            f"read from it. Run 'geoevents check --db {store.location}' and see "
            "docs/reliability.md (Store health)"
        )


def _points(store: EventStore, cur: Any) -> list[tuple[Any, Any, Any, Any]]:
    """``(fid, (lat, lon) of the geometry or why it is not a point, lat, lon)`` per event row."""
    if not _is_gpkg(store):
        rows = store._exec(
            cur,
            "SELECT fid, CASE WHEN geom IS NULL THEN 'no geometry' "
            "WHEN ST_SRID(geom) <> 4326 OR GeometryType(geom) <> 'POINT' "
            "THEN 'not an EPSG:4326 point' END, "
            "CASE WHEN GeometryType(geom) = 'POINT' THEN ST_Y(geom) END, "
            "CASE WHEN GeometryType(geom) = 'POINT' THEN ST_X(geom) END, lat, lon FROM events",
        ).fetchall()
        return [(f, why or (y, x), lat, lon) for f, why, y, x, lat, lon in rows]
    out = []
    for fid, geom, lat, lon in store._exec(cur, "SELECT fid, geom, lat, lon FROM events"):
        try:
            point: Any = decode_point(bytes(geom))
        except (*decode.DECODE_ERRORS, StoreError, IndexError, struct.error) as err:
            point = f"not a GeoPackage point ({err or type(err).__name__})"
        out.append((fid, point, lat, lon))
    return out


def _geometry_problems(store: EventStore, cur: Any) -> list[DamagedRow]:
    """Event geometries that are missing, not a point, or not at the row's lat/lon."""
    out = []
    for fid, point, lat, lon in _points(store, cur):
        if isinstance(point, str):
            reason = point
        else:
            try:
                near = all(
                    math.isclose(a, float(b)) for a, b in zip(point, (lat, lon), strict=True)
                )
            except (TypeError, ValueError):
                near = False
            reason = "" if near else f"point {point} is not the row's ({lat}, {lon})"
        if reason:
            out.append(DamagedRow(store.location, "events", fid, "geom", reason))
    return out


def _damaged_rows(store: EventStore, cur: Any) -> list[DamagedRow]:
    queries = (
        (
            "report_events",
            "SELECT fid, id, content_hash, published, event_json FROM report_events",
            decode.report_event,
        ),
        (
            "corrections",
            "SELECT fid, event_id, anchors, changes, note, created_at, author FROM corrections",
            decode.correction,
        ),
        ("events", "SELECT fid, id, lat, lon, properties FROM events", decode.fused_event),
    )
    out: list[DamagedRow] = []
    for table, sql, decoder in queries:
        rows = store._exec(cur, sql + " ORDER BY fid").fetchall()
        out += decode.decode_rows(rows, decoder, table, store.location)[1]
    return out + _geometry_problems(store, cur)


def _orphans(store: EventStore, cur: Any) -> list[DamagedRow]:
    out = []
    for table, col, parent, pcol in ORPHAN_RULES:
        rows = store._exec(
            cur,
            f"SELECT t.fid, t.{col} FROM {table} t LEFT JOIN {parent} p ON p.{pcol} = t.{col} "
            f"WHERE p.fid IS NULL ORDER BY t.fid",
        ).fetchall()
        out += [
            DamagedRow(
                store.location, table, fid, col, f"orphan: no {parent} row with {pcol} {key!r}"
            )
            for fid, key in rows
        ]
    return out


def check_store(store: EventStore) -> HealthReport:
    """Integrity check, damaged rows and orphan rows of ``store``."""
    integrity = integrity_problems(store)
    if integrity and _is_gpkg(store):  # rows of a malformed file may not be readable at all
        try:
            return _check_rows(store, tuple(integrity))
        except StoreError as err:
            return HealthReport(store.location, (*integrity, str(err)), (), (), {})
    return _check_rows(store, tuple(integrity))


def _check_rows(store: EventStore, integrity: tuple[str, ...]) -> HealthReport:
    with store._read_tx() as cur:
        damaged = _damaged_rows(store, cur)
        orphans = _orphans(store, cur)
    return HealthReport(store.location, integrity, tuple(damaged), tuple(orphans), store.counts())


def _row_json(cur: Any, row: Sequence[Any]) -> str:
    """A row as a JSON object (column -> value; bytes and text that is not UTF-8 as base64)."""

    def plain(v: Any) -> Any:
        if isinstance(v, (bytes, memoryview)):
            return {"base64": base64.b64encode(bytes(v)).decode("ascii")}
        if isinstance(v, str):
            try:
                v.encode("utf-8")
            except UnicodeEncodeError:
                raw = v.encode("utf-8", "surrogateescape")
                return {"base64": base64.b64encode(raw).decode("ascii")}
        if isinstance(v, float) and not math.isfinite(v):
            return repr(v)
        return v

    names = [getattr(d, "name", None) or d[0] for d in cur.description]
    return json.dumps({n: plain(v) for n, v in zip(names, row, strict=True)}, sort_keys=True)


@dataclass(frozen=True)
class RepairReport:
    """What :func:`repair_store` did."""

    quarantined: tuple[DamagedRow, ...]
    rebuilt_events: int


def repair_store(store: EventStore) -> RepairReport:
    """Move damaged and orphan report events and corrections to ``quarantine``, then rebuild
    the fused tables (which also clears their damaged and orphan rows).

    Refuses (:class:`StoreDamagedError`) a store that fails its integrity check.
    """
    require_sound(store)
    report = check_store(store)
    bad = [d for d in (*report.damaged, *report.orphans) if d.table in SOURCE_TABLES]
    now = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    pk = (
        "INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL" if _is_gpkg(store) else "BIGSERIAL PRIMARY KEY"
    )
    with store._write_tx() as cur:
        store._exec(cur, QUARANTINE_DDL.format(pk=pk))
        moved: set[tuple[str, Any]] = set()
        for d in bad:
            if (d.table, d.fid) in moved:
                continue
            moved.add((d.table, d.fid))
            row = store._exec(cur, f"SELECT * FROM {d.table} WHERE fid = ?", (d.fid,)).fetchone()
            store._exec(
                cur,
                "INSERT INTO quarantine (source_table, source_fid, row_json, reason, moved_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (d.table, d.fid, _row_json(cur, row), f"{d.column}: {d.reason}", now),
            )
            store._exec(cur, f"DELETE FROM {d.table} WHERE fid = ?", (d.fid,))
        store._write_fused(cur, store._fuse_all(cur), full=True)
    return RepairReport(tuple(bad), store.event_count())
