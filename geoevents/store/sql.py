"""The event store: accumulate reports, fuse them, correct and query events.

:class:`EventStore` holds all the logic on plain SQL; the GeoPackage
(:mod:`geoevents.store.gpkg`) and PostGIS (:mod:`geoevents.store.postgis`)
back ends supply connections, locking, geometry and DDL.

Writes happen in transactions that hold the store's write lock (SQLite
``BEGIN IMMEDIATE``; a PostgreSQL advisory lock). Reports are committed in
batches together with a *stale* mark; fusion reads every report event and the
corrections, re-fuses, writes only the fused events that changed and clears the
mark in one transaction. A process killed at any point therefore leaves either
the previous fused state with its stale mark (readers then fuse in memory, so
they always see every committed report) or the new one; the next write
completes the fusion.
"""

from __future__ import annotations

import contextlib
import datetime
import gc
import logging
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from geoevents.errors import SchemaVersionError, StoreError
from geoevents.filters import EventFilter, select
from geoevents.model import (
    Event,
    Source,
    event_json,
    properties_json,
    stable_id,
)
from geoevents.store import decode
from geoevents.store.correcting import CorrectingMixin
from geoevents.store.corrections import (
    Correction,
    apply_corrections,
)
from geoevents.store.explanation import FusionExplanation, MemberReport
from geoevents.store.fusion import FusedEvent, ReportEvent, fuse
from geoevents.store.rows import INSERTS, FusedRows, digest, events_insert
from geoevents.store.schema import FUSED_TABLES, MIGRATIONS, SCHEMA_VERSION, utc_now

if TYPE_CHECKING:
    from geopandas import GeoDataFrame

    from geoevents.io.articles import Article

log = logging.getLogger(__name__)

#: Articles committed per transaction during ingest (at most; see :data:`BATCH_SECONDS`).
BATCH_SIZE = 1000
#: A batch is also committed once this many seconds passed since the last commit, so a
#: slow extraction still shows progress and loses little when killed.
BATCH_SECONDS = 2.0


def _published(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()[:10]
    return str(value)[:10] or None


@contextlib.contextmanager
def bulk() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while many small objects are built.

    Loading, fusing and writing a large store allocates millions of tuples and
    dicts that are all still alive; the collector would scan them over and over
    (about a third of the fusion time at 100,000 reports) and can free none.
    Nested uses are fine; the previous state is restored.

    >>> import gc
    >>> with bulk():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


class EventStore(CorrectingMixin):
    """A store of reports and fused events; use :func:`geoevents.store.open_store`.

    A context manager: on a clean exit, reports added through this handle are
    fused (if not already) and the connection is closed.
    """

    #: Human name of the store location, for messages.
    location: str = ""
    placeholder = "?"

    def __init__(self) -> None:
        self._dirty = False
        #: Rows skipped because they cannot be read (each also logged once as an error).
        self.damaged: list[decode.DamagedRow] = []

    # -- back-end hooks -------------------------------------------------------------------
    def _conn_cursor(self) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    @contextlib.contextmanager
    def _write_tx(self) -> Iterator[Any]:  # pragma: no cover - overridden
        raise NotImplementedError
        yield None

    @contextlib.contextmanager
    def _read_tx(self) -> Iterator[Any]:  # pragma: no cover - overridden
        raise NotImplementedError
        yield None

    def _geom_sql(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def _geom_params(self, lat: float, lon: float) -> tuple[Any, ...]:  # pragma: no cover
        raise NotImplementedError

    def _after_fusion(self, cur: Any) -> None:
        """Back-end bookkeeping after the fused tables changed (extent, timestamps)."""

    def close(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    # -- helpers --------------------------------------------------------------------------
    def _q(self, sql: str) -> str:
        return sql if self.placeholder == "?" else sql.replace("?", self.placeholder)

    def _exec(self, cur: Any, sql: str, params: Sequence[Any] = ()) -> Any:
        cur.execute(self._q(sql), tuple(params))
        return cur

    def _many(self, cur: Any, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            cur.executemany(self._q(sql), [tuple(r) for r in rows])

    def _meta(self, cur: Any, key: str) -> str | None:
        row = self._exec(cur, "SELECT value FROM geoevents_meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    def _set_meta(self, cur: Any, key: str, value: str) -> None:
        self._exec(
            cur,
            "INSERT INTO geoevents_meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def _check_version(self) -> None:
        """Refuse other schema versions, or migrate an older one (under the write lock)."""
        with self._read_tx() as cur:
            version = self._version(cur)
        if version < SCHEMA_VERSION:
            with self._write_tx() as cur:
                self._migrate(cur, self._version(cur))

    def _version(self, cur: Any) -> int:
        raw = self._meta(cur, "schema_version")
        try:
            version = int(raw) if raw is not None else None
        except ValueError:
            version = None
        if version is None:
            raise SchemaVersionError(
                f"{self.location}: no valid schema_version in geoevents_meta ({raw!r}); "
                "not a geoevents store or a damaged one"
            )
        if version > SCHEMA_VERSION:
            raise SchemaVersionError(
                f"{self.location}: written by a newer geoevents (schema version {version}); "
                f"this release reads schema version {SCHEMA_VERSION}. Upgrade geoevents."
            )
        if version < SCHEMA_VERSION and not all(
            v in MIGRATIONS for v in range(version, SCHEMA_VERSION)
        ):
            raise SchemaVersionError(
                f"{self.location}: schema version {version} is too old to migrate to "
                f"{SCHEMA_VERSION}; re-create the store by ingesting the articles again"
            )
        return version

    def _migrate(self, cur: Any, version: int) -> None:
        for v in range(version, SCHEMA_VERSION):
            for sql in MIGRATIONS[v]:
                self._exec(cur, sql)
            self._set_meta(cur, "schema_version", str(v + 1))
        if version < SCHEMA_VERSION:
            self._set_meta(cur, "fusion_stale", "1")  # re-fuse with the new schema

    # -- state ----------------------------------------------------------------------------
    def is_stale(self) -> bool:
        """True if reports were stored since the last fusion (readers then fuse in memory)."""
        with self._read_tx() as cur:
            return self._meta(cur, "fusion_stale") == "1"

    def counts(self) -> dict[str, int]:
        """Row counts of the store's tables."""
        out = {}
        with self._read_tx() as cur:
            for t in ("reports", "report_events", "events", "claims", "sources", "corrections"):
                out[t] = int(self._exec(cur, f"SELECT count(*) FROM {t}").fetchone()[0])
        return out

    def report_hashes(self) -> set[str]:
        """Content hashes of every stored article."""
        with self._read_tx() as cur:
            return {r[0] for r in self._exec(cur, "SELECT content_hash FROM reports").fetchall()}

    def event_count(self) -> int:
        """Number of fused events in the ``events`` table."""
        with self._read_tx() as cur:
            return int(self._exec(cur, "SELECT count(*) FROM events").fetchone()[0])

    def has_report(self, content_hash: str) -> bool:
        """True if an article with this content hash is stored."""
        with self._read_tx() as cur:
            row = self._exec(
                cur, "SELECT 1 FROM reports WHERE content_hash = ?", (content_hash,)
            ).fetchone()
        return row is not None

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Those of ``hashes`` whose article is stored (a lookup per 500, not a full scan)."""
        with self._read_tx() as cur:
            return self._stored_of(cur, list(hashes))

    def _stored_of(self, cur: Any, hashes: Sequence[str]) -> set[str]:
        known: set[str] = set()
        for i in range(0, len(hashes), 500):
            chunk = hashes[i : i + 500]
            marks = ", ".join("?" for _ in chunk)
            rows = self._exec(
                cur, f"SELECT content_hash FROM reports WHERE content_hash IN ({marks})", chunk
            ).fetchall()
            known.update(r[0] for r in rows)
        return known

    # -- adding reports -------------------------------------------------------------------
    def _insert_reports(self, cur: Any, batch: Sequence[tuple[Article, Sequence[Event]]]) -> int:
        """Insert the articles of ``batch`` not stored yet; returns how many were new.

        Stored hashes are looked up first, so a batch of known articles writes nothing.
        """
        with bulk():
            return self._insert_new_reports(cur, batch)

    def _insert_new_reports(
        self, cur: Any, batch: Sequence[tuple[Article, Sequence[Event]]]
    ) -> int:
        hashes = [art.content_hash for art, _ in batch]
        known = self._stored_of(cur, hashes)
        now = utc_now()
        report_rows = []
        event_rows = []
        for (article, events), h in zip(batch, hashes, strict=True):
            if h in known:
                continue
            known.add(h)
            published = _published(article.published)
            report_rows.append(
                (h, article.id, article.title, article.url, published, article.path, now)
            )
            source = Source(article.id, article.title, article.url, published)
            for idx, ev in enumerate(events):
                rid = stable_id(h, idx, ev.id, prefix="re")
                event_rows.append((rid, h, idx, published, event_json(ev, source=source)))
        self._many(
            cur,
            "INSERT INTO reports (content_hash, article_id, title, url, published, path, "
            "ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            report_rows,
        )
        self._many(
            cur,
            "INSERT INTO report_events (id, content_hash, idx, published, event_json) "
            "VALUES (?, ?, ?, ?, ?)",
            event_rows,
        )
        if report_rows:
            self._set_meta(cur, "fusion_stale", "1")
        return len(report_rows)

    def add_report(self, article: Article, events: Sequence[Event]) -> bool:
        """Store one article and its machine events; False if already stored (same hash).

        Committed at once; fusion happens on :meth:`fuse` (or on leaving the ``with``
        block). Until then readers fuse in memory.
        """
        with self._write_tx() as cur:
            added = self._insert_reports(cur, [(article, events)]) > 0
        self._dirty = self._dirty or added
        return added

    def add_reports(
        self,
        items: Iterable[tuple[Article, Sequence[Event]]],
        *,
        batch_size: int = BATCH_SIZE,
        batch_seconds: float = BATCH_SECONDS,
    ) -> int:
        """Store many articles; returns how many were new.

        One transaction per batch of ``batch_size`` articles, or fewer when
        ``batch_seconds`` passed since the last commit.
        """
        added = 0
        batch: list[tuple[Article, Sequence[Event]]] = []
        last = time.monotonic()

        def flush() -> None:
            nonlocal added, last
            if batch:
                with self._write_tx() as cur:
                    added += self._insert_reports(cur, batch)
                batch.clear()
            last = time.monotonic()

        for item in items:
            batch.append(item)
            if len(batch) >= batch_size or time.monotonic() - last >= batch_seconds:
                flush()
        flush()
        self._dirty = self._dirty or added > 0
        return added

    # -- fusion ---------------------------------------------------------------------------
    def _decoded(self, rows: Iterable[Sequence[Any]], decoder: Any, table: str) -> list[Any]:
        """``rows`` decoded; damaged ones skipped, noted in :attr:`damaged` and logged."""
        values, damaged = decode.decode_rows(rows, decoder, table, self.location)
        for d in damaged:
            if d not in self.damaged:
                self.damaged.append(d)
                log.error("error: %s; see 'geoevents check --db %s'", d, self.location)
        return values

    def _load_report_events(self, cur: Any) -> list[ReportEvent]:
        sql = "SELECT fid, id, content_hash, published, event_json FROM report_events ORDER BY id"
        return self._decoded(self._exec(cur, sql).fetchall(), decode.report_event, "report_events")

    def _load_corrections(self, cur: Any) -> list[Correction]:
        rows = self._exec(
            cur,
            "SELECT fid, event_id, anchors, changes, note, created_at, author FROM corrections "
            "ORDER BY fid",
        ).fetchall()
        return self._decoded(rows, decode.correction, "corrections")

    def _fuse_all(self, cur: Any) -> list[FusedEvent]:
        with bulk():
            items = apply_corrections(self._load_report_events(cur), self._load_corrections(cur))
            return fuse(items)

    def _write_fused(self, cur: Any, fused: list[FusedEvent], *, full: bool) -> None:
        with bulk():
            self._write_fused_rows(cur, fused, full=full)

    def _write_fused_rows(self, cur: Any, fused: list[FusedEvent], *, full: bool) -> None:
        new = {}
        for fe in fused:
            props_json = properties_json(fe.event)
            new[fe.event.id] = (fe, digest(fe, props_json), props_json)
        old: dict[str, str] = {}
        if not full:
            old = dict(self._exec(cur, "SELECT id, digest FROM events").fetchall())
            full = not all(map(decode.is_writable, old))  # a damaged id: rewrite them all
        if full:
            for t in FUSED_TABLES:
                self._exec(cur, f"DELETE FROM {t}")
            old = {}
        gone = [(i,) for i, d in old.items() if i not in new or new[i][1] != d]
        for t in FUSED_TABLES:
            col = "id" if t == "events" else "event_id"
            self._many(cur, f"DELETE FROM {t} WHERE {col} = ?", gone)
        todo = [(fe, d, pj) for i, (fe, d, pj) in sorted(new.items()) if old.get(i) != d]
        rows = FusedRows()
        for fe, d, pj in todo:
            rows.add(fe, d, pj, self._geom_params(fe.event.lat, fe.event.lon))
        self._many(cur, events_insert(self._geom_sql()), rows.events)
        for table, sql in INSERTS.items():
            self._many(cur, sql, getattr(rows, table))
        self._set_meta(cur, "fusion_stale", "0")
        if gone or todo:
            self._after_fusion(cur)

    def fuse(self) -> None:
        """Re-fuse if reports or corrections changed since the last fusion.

        Only fused events whose content changed are rewritten.
        """
        with self._write_tx() as cur:
            if self._meta(cur, "fusion_stale") != "0":
                self._write_fused(cur, self._fuse_all(cur), full=False)
        self._dirty = False

    def rebuild(self) -> None:
        """Drop the fused tables and re-fuse from stored reports and corrections."""
        with self._write_tx() as cur:
            self._write_fused(cur, self._fuse_all(cur), full=True)
        self._dirty = False

    # -- reading --------------------------------------------------------------------------
    def _current(self, cur: Any) -> list[Event] | list[FusedEvent]:
        if self._meta(cur, "fusion_stale") == "1":
            return self._fuse_all(cur)
        rows = self._exec(cur, "SELECT fid, id, lat, lon, properties FROM events ORDER BY id")
        return self._decoded(rows.fetchall(), decode.fused_event, "events")

    def event_list(self, filter: EventFilter | None = None) -> list[Event]:
        """Fused events (corrections applied) that meet ``filter``, sorted by id."""
        with self._read_tx() as cur:
            cur_events = self._current(cur)
        return select((e.event if isinstance(e, FusedEvent) else e for e in cur_events), filter)

    def events(self, filter: EventFilter | None = None) -> GeoDataFrame:
        """Fused events (corrections applied, ``corrected`` set) as a GeoDataFrame."""
        from geoevents.io.events import events_to_frame

        return events_to_frame(self.event_list(filter))

    def explain(self, event_id: str) -> FusionExplanation:
        """Which reports make ``event_id``, why they were merged, and its corrections."""
        with self._read_tx() as cur:
            ev, members = self._members(cur, event_id)
            reports = []
            for m, other, reason in members:
                r = self._exec(
                    cur,
                    "SELECT r.article_id, r.title, r.published, e.fid, e.id, e.content_hash, "
                    "e.published, e.event_json FROM report_events e "
                    "JOIN reports r ON r.content_hash = e.content_hash WHERE e.id = ?",
                    (m,),
                ).fetchone()
                got = self._decoded([r[3:]] if r else [], decode.report_event, "report_events")
                article = (r[0], r[1], r[2], got[0].event) if r and got else (None,) * 4
                reports.append(MemberReport(m, other, reason, *article))
            ids = {m for m, _, _ in members}
            corrections = [c for c in self._load_corrections(cur) if set(c.anchors) & ids]
        return FusionExplanation(ev, tuple(reports), tuple(corrections))

    def _members(
        self, cur: Any, event_id: str
    ) -> tuple[Event, list[tuple[str, str | None, str | None]]]:
        """The fused event and its members ``(report event id, joined with, reason)``."""
        if self._meta(cur, "fusion_stale") == "1":
            fe = next((fe for fe in self._fuse_all(cur) if fe.event.id == event_id), None)
            if fe is None:
                raise StoreError(f"{self.location}: no event {event_id}")
            joined = {lk.member: lk for lk in fe.links}
            return fe.event, [
                (m, joined[m].other, joined[m].reason) if m in joined else (m, None, None)
                for m in fe.members
            ]
        row = self._exec(
            cur, "SELECT fid, id, lat, lon, properties FROM events WHERE id = ?", (event_id,)
        ).fetchone()
        found = self._decoded([row] if row else [], decode.fused_event, "events")
        if not found:
            why = f" ({self.damaged[-1]})" if row else ""
            raise StoreError(f"{self.location}: no event {event_id}{why}")
        ev = found[0]
        rows = self._exec(
            cur,
            "SELECT report_event_id, joined_with, reason FROM fusion_members "
            "WHERE event_id = ? ORDER BY position",
            (event_id,),
        ).fetchall()
        return ev, [(r[0], r[1], r[2]) for r in rows]

    # -- corrections ----------------------------------------------------------------------
    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        try:
            if exc_type is None and self._dirty:
                self.fuse()
        finally:
            self.close()
