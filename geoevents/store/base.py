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
import hashlib
import json
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geopandas import GeoDataFrame

from geoevents.errors import InputError, SchemaVersionError, StoreError
from geoevents.eventio import events_to_frame
from geoevents.filters import EventFilter, apply_filter
from geoevents.model import Claim, Event, Figure, Source, stable_id
from geoevents.store.corrections import (
    Correction,
    CorrectionRequest,
    apply_corrections,
    place_changes,
    validate_changes,
)
from geoevents.store.fusion import FusedEvent, ReportEvent, fuse
from geoevents.store.layers import claim_row
from geoevents.store.schema import FUSED_TABLES, MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:
    from geoevents.articles import Article

#: Articles committed per transaction during ingest (at most; see :data:`BATCH_SECONDS`).
BATCH_SIZE = 1000
#: A batch is also committed once this many seconds passed since the last commit, so a
#: slow extraction still shows progress and loses little when killed.
BATCH_SECONDS = 2.0


@dataclass
class IngestReport:
    """Counts of one ingest run, and the messages of what failed."""

    read: int = 0
    skipped: int = 0  # already stored (same content hash)
    failed: int = 0
    events: int = 0  # machine events of the newly stored articles
    fused: int = 0  # fused events in the store afterwards
    stored: int = 0  # newly stored articles
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the command line.

        >>> IngestReport(read=3, skipped=1, events=2, fused=1, stored=2).summary()
        'read 3 articles: 2 stored, 1 already stored, 0 failed; 2 events -> 1 fused events in store'
        """
        return (
            f"read {self.read} articles: {self.stored} stored, {self.skipped} already stored, "
            f"{self.failed} failed; {self.events} events -> {self.fused} fused events in store"
        )


def _published(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()[:10]
    return str(value)[:10] or None


_FIGURE_FIELDS = ("low", "high", "qualifier", "text")
_CLAIM_FIELDS = (
    "claimant",
    "side",
    "stance",
    "killed",
    "injured",
    "quote",
    "article_id",
    "disputes",
)
_SOURCE_FIELDS = ("article_id", "title", "url", "published", "quote")
_EVENT_KEYS = (
    "id",
    "event_type",
    "date",
    "date_start",
    "date_end",
    "date_precision",
    "place_name",
    "country_code",
    "admin1",
    "geonameid",
    "location_precision",
    "weapons",
    "targets",
    "attacker_side",
    "claims",
    "claimant_sides",
    "disputed",
    "disputed_by",
    "verified",
    "casualties",
    "sources",
    "corrected",
)
_EVENT_KEY_SET = set(_EVENT_KEYS)
#: The fast serializer below is used only while the model has exactly these fields.
_FAST = (
    tuple(f.name for f in fields(Figure)) == _FIGURE_FIELDS
    and tuple(f.name for f in fields(Claim)) == _CLAIM_FIELDS
    and tuple(f.name for f in fields(Source)) == _SOURCE_FIELDS
    and tuple(Event("x", "interception", 0, 0).to_properties()) == _EVENT_KEYS
)


def _figure_dict(f: Figure | None) -> dict[str, Any] | None:
    return (
        None
        if f is None
        else {"low": f.low, "high": f.high, "qualifier": f.qualifier, "text": f.text}
    )


def properties(ev: Event) -> dict[str, Any]:
    """``ev.to_properties()``, computed without ``dataclasses.asdict`` (several times faster).

    Falls back to :meth:`Event.to_properties` if the model's value types gain fields.

    >>> from geoevents.model import Claim, Figure
    >>> e = Event("x", "air_drone_strike", 1, 2, claims=(Claim("A", killed=Figure(1, 2)),),
    ...           sources=(Source("a1", "T"),))
    >>> properties(e) == e.to_properties()
    True
    """
    if not _FAST:
        return ev.to_properties()
    claims, sources = ev.claims, ev.sources
    out: dict[str, Any] = {
        "id": ev.id,
        "event_type": ev.event_type,
        "date": ev.date,
        "date_start": ev.date_start,
        "date_end": ev.date_end,
        "date_precision": ev.date_precision,
        "place_name": ev.place_name,
        "country_code": ev.country_code,
        "admin1": ev.admin1,
        "geonameid": ev.geonameid,
        "location_precision": ev.location_precision,
        "weapons": list(ev.weapons),
        "targets": list(ev.targets),
        "attacker_side": ev.attacker_side,
    }
    out["claims"] = [
        {
            "claimant": c.claimant,
            "side": c.side,
            "stance": c.stance,
            "killed": _figure_dict(c.killed),
            "injured": _figure_dict(c.injured),
            "quote": c.quote,
            "article_id": c.article_id,
            "disputes": c.disputes,
        }
        for c in claims
    ]
    out["claimant_sides"] = list(ev.claimant_sides)
    out["disputed"] = ev.disputed
    out["disputed_by"] = list(ev.disputed_by)
    out["verified"] = ev.verified
    out["casualties"] = ev.casualties
    out["sources"] = [
        {
            "article_id": s.article_id,
            "title": s.title,
            "url": s.url,
            "published": s.published,
            "quote": s.quote,
        }
        for s in sources
    ]
    out["corrected"] = ev.corrected
    return out


def event_json(ev: Event) -> str:
    """JSON of an event (properties plus ``lat``/``lon``), as stored in ``report_events``."""
    return json.dumps(
        {"lat": ev.lat, "lon": ev.lon, "properties": properties(ev)},
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )


def event_from_json(text: str) -> Event:
    """Inverse of :func:`event_json`.

    >>> ev = Event("x", "interception", 50.45, 30.52, date="2023-05-16")
    >>> event_from_json(event_json(ev)) == ev
    True
    """
    d = json.loads(text)
    return event_from_properties(d["properties"], lat=d["lat"], lon=d["lon"])


def _figure(d: dict[str, Any] | None) -> Figure | None:
    return None if d is None else Figure(d["low"], d["high"], d["qualifier"], d["text"])


def event_from_properties(p: dict[str, Any], *, lat: float, lon: float) -> Event:
    """:meth:`Event.from_properties` for properties written by :func:`properties` (faster).

    >>> e = Event("x", "air_drone_strike", 1.5, 2.5, geonameid=7, weapons=("a",))
    >>> event_from_properties(properties(e), lat=1.5, lon=2.5) == e
    True
    """
    if not _FAST or p.keys() != _EVENT_KEY_SET:
        return Event.from_properties(p, lat=lat, lon=lon)
    try:
        return _fast_event(p, lat, lon)
    except (KeyError, TypeError):  # written by another version: the model decides
        return Event.from_properties(p, lat=lat, lon=lon)


def _fast_event(p: dict[str, Any], lat: float, lon: float) -> Event:
    claims = tuple(
        Claim(
            c["claimant"],
            c["side"],
            c["stance"],
            _figure(c["killed"]),
            _figure(c["injured"]),
            c["quote"],
            c["article_id"],
            c["disputes"],
        )
        for c in p["claims"]
    )
    sources = tuple(
        Source(s["article_id"], s["title"], s["url"], s["published"], s["quote"])
        for s in p["sources"]
    )
    gid = p["geonameid"]
    return Event(
        id=p["id"],
        event_type=p["event_type"],
        lat=float(lat),
        lon=float(lon),
        date=p["date"],
        date_start=p["date_start"],
        date_end=p["date_end"],
        date_precision=p["date_precision"],
        place_name=p["place_name"],
        country_code=p["country_code"],
        admin1=p["admin1"],
        geonameid=None if gid is None else int(gid),
        location_precision=int(p["location_precision"] or 1),
        weapons=tuple(p["weapons"] or ()),
        targets=tuple(p["targets"] or ()),
        attacker_side=p["attacker_side"],
        claims=claims,
        disputed=bool(p["disputed"]),
        disputed_by=tuple(p["disputed_by"] or ()),
        verified=p["verified"],
        sources=sources,
        corrected=bool(p["corrected"]),
    )


def claims_summary(ev: Event) -> str:
    """Killed figures per claimant, e.g. ``"63 (Russian MoD) - 400 (Ukrainian General Staff)"``.

    >>> from geoevents.model import Claim, Figure
    >>> claims_summary(Event("x", "air_drone_strike", 0, 0, claims=(
    ...     Claim("Russian MoD", "russia", killed=Figure(63, 89)),
    ...     Claim("Ukrainian General Staff", "ukraine", killed=Figure(400, 400, "nearly")))))
    '63-89 (Russian MoD) - nearly 400 (Ukrainian General Staff)'
    """
    parts = []
    for c in ev.claims:
        f = c.killed
        if f is None or c.stance == "denies":
            continue
        if f.low is not None and f.high is not None and f.low != f.high:
            num = f"{f.low}-{f.high}"
        else:
            num = str(f.low if f.low is not None else f.high)
        if f.qualifier:
            num = f"{f.qualifier} {num}"
        parts.append(f"{num} ({c.claimant})")
    return " - ".join(parts)


def _digest(fe: FusedEvent, props_json: str) -> str:
    payload = json.dumps(
        [
            props_json,
            fe.event.lat,
            fe.event.lon,
            list(fe.members),
            [[lk.member, lk.other, lk.reason] for lk in fe.links],
        ],
        ensure_ascii=False,
    )
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()


def _int(v: bool | None) -> int | None:
    return None if v is None else int(v)


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


def _report_event_json(ev: Event, source: Source) -> str:
    """:func:`event_json` of ``ev`` with ``source`` added to its sources, if not there yet.

    Same text as ``event_json(ev.with_(sources=ev.sources + (source,)))`` without
    building a second event.

    >>> ev = Event("x", "interception", 50.4, 30.5, sources=(Source("a0"),))
    >>> src = Source("a1", "T", "https://example.invalid/1", "2023-01-02")
    >>> _report_event_json(ev, src) == event_json(ev.with_(sources=ev.sources + (src,)))
    True
    >>> _report_event_json(ev, Source("a0", "other title")) == event_json(ev)
    True
    """
    if any(s.article_id == source.article_id for s in ev.sources):
        return event_json(ev)
    if not _FAST:
        return event_json(ev.with_(sources=ev.sources + (source,)))
    props = properties(ev)
    props["sources"].append(
        {
            "article_id": source.article_id,
            "title": source.title,
            "url": source.url,
            "published": source.published,
            "quote": source.quote,
        }
    )
    return json.dumps(
        {"lat": ev.lat, "lon": ev.lon, "properties": props},
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )


class EventStore:
    """A store of reports and fused events; use :func:`geoevents.store.open_store`.

    A context manager: on a clean exit, reports added through this handle are
    fused (if not already) and the connection is closed.
    """

    #: Human name of the store location, for messages.
    location: str = ""
    placeholder = "?"

    def __init__(self) -> None:
        self._dirty = False

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

    def has_report(self, content_hash: str) -> bool:
        """True if an article with this content hash is stored."""
        with self._read_tx() as cur:
            row = self._exec(
                cur, "SELECT 1 FROM reports WHERE content_hash = ?", (content_hash,)
            ).fetchone()
        return row is not None

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
        known: set[str] = set()
        for i in range(0, len(hashes), 500):
            chunk = hashes[i : i + 500]
            marks = ", ".join("?" for _ in chunk)
            rows = self._exec(
                cur, f"SELECT content_hash FROM reports WHERE content_hash IN ({marks})", chunk
            ).fetchall()
            known.update(r[0] for r in rows)
        now = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
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
                event_rows.append((rid, h, idx, published, _report_event_json(ev, source)))
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

    def ingest(
        self,
        inputs: Sequence[str | Path],
        *,
        gazetteer: Any = None,
        published: datetime.date | None = None,
        batch_size: int = BATCH_SIZE,
    ) -> IngestReport:
        """Read articles, extract events, store new articles and fuse.

        An article already stored (same content hash) is skipped unread by the
        extractor, so re-ingesting changes nothing. Bad input and extraction
        failures are counted and described in :attr:`IngestReport.errors`; the
        other articles still go through.
        """
        from geoevents.articles import read_articles

        report = IngestReport()
        extract = None
        extract_failed = 0
        with self._read_tx() as cur:
            known = {r[0] for r in self._exec(cur, "SELECT content_hash FROM reports").fetchall()}

        def items() -> Iterator[tuple[Article, Sequence[Event]]]:
            nonlocal extract, gazetteer, extract_failed
            for item in read_articles([str(p) for p in inputs], published=published):
                if isinstance(item, InputError):
                    report.failed += 1
                    report.errors.append(str(item))
                    continue
                report.read += 1
                h = item.content_hash
                if h in known:
                    report.skipped += 1
                    continue
                if extract is None:
                    from geoevents.pipeline import extract_article

                    extract = extract_article
                    if gazetteer is None:
                        from gazetteer import Gazetteer

                        gazetteer = Gazetteer.open()
                try:
                    result = extract(item, gazetteer)
                except Exception as err:  # one bad article must not stop the run
                    report.failed += 1
                    extract_failed += 1
                    report.errors.append(f"{item.where}: extraction failed: {err}")
                    continue
                known.add(h)
                report.events += len(result.events)
                yield item, result.events

        added = self.add_reports(items(), batch_size=batch_size)
        report.stored = added
        # includes articles another process stored meanwhile
        report.skipped = report.read - extract_failed - added
        self.fuse()
        with self._read_tx() as cur:
            report.fused = int(self._exec(cur, "SELECT count(*) FROM events").fetchone()[0])
        return report

    # -- fusion ---------------------------------------------------------------------------
    def _load_report_events(self, cur: Any) -> list[ReportEvent]:
        rows = self._exec(
            cur,
            "SELECT id, content_hash, published, event_json, fid FROM report_events ORDER BY id",
        ).fetchall()
        return [ReportEvent(r[0], r[1], r[2], event_from_json(r[3]), int(r[4])) for r in rows]

    def _load_corrections(self, cur: Any) -> list[Correction]:
        rows = self._exec(
            cur,
            "SELECT fid, event_id, anchors, changes, note, created_at FROM corrections "
            "ORDER BY fid",
        ).fetchall()
        return [
            Correction(int(r[0]), r[1], tuple(json.loads(r[2])), json.loads(r[3]), r[4], r[5])
            for r in rows
        ]

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
            props_json = json.dumps(
                properties(fe.event), ensure_ascii=False, sort_keys=True, separators=(",", ":")
            )
            new[fe.event.id] = (fe, _digest(fe, props_json), props_json)
        if full:
            for t in FUSED_TABLES:
                self._exec(cur, f"DELETE FROM {t}")
            old: dict[str, str] = {}
        else:
            old = dict(self._exec(cur, "SELECT id, digest FROM events").fetchall())
        gone = [(i,) for i, d in old.items() if i not in new or new[i][1] != d]
        for t in FUSED_TABLES:
            col = "id" if t == "events" else "event_id"
            self._many(cur, f"DELETE FROM {t} WHERE {col} = ?", gone)
        todo = [(fe, d, pj) for i, (fe, d, pj) in sorted(new.items()) if old.get(i) != d]
        ev_rows, claim_rows, source_rows, member_rows = [], [], [], []
        for fe, digest, props_json in todo:
            ev = fe.event
            cas = ev.casualties
            ev_rows.append(
                (
                    *self._geom_params(ev.lat, ev.lon),
                    ev.id,
                    ev.event_type,
                    ev.date,
                    ev.date_start,
                    ev.date_end,
                    ev.date_precision,
                    ev.place_name,
                    ev.country_code,
                    ev.admin1,
                    ev.geonameid,
                    ev.location_precision,
                    json.dumps(list(ev.weapons), ensure_ascii=False),
                    json.dumps(list(ev.targets), ensure_ascii=False),
                    ev.attacker_side,
                    _int(ev.disputed),
                    json.dumps(list(ev.disputed_by), ensure_ascii=False),
                    _int(ev.verified),
                    _int(ev.corrected),
                    cas["killed"]["low"],
                    cas["killed"]["high"],
                    cas["injured"]["low"],
                    cas["injured"]["high"],
                    claims_summary(ev),
                    len(ev.sources),
                    len(fe.members),
                    ev.lat,
                    ev.lon,
                    digest,
                    props_json,
                )
            )
            claim_rows.extend(claim_row(ev.id, c) for c in ev.claims)
            for s in ev.sources:
                source_rows.append((ev.id, s.article_id, s.title, s.url, s.published, s.quote))
            joined = {lk.member: lk for lk in fe.links}
            for pos, m in enumerate(fe.members):
                lk = joined.get(m)
                member_rows.append(
                    (ev.id, m, pos, lk.other if lk else None, lk.reason if lk else None)
                )
        from geoevents.store.schema import EVENT_COLUMNS

        cols = ", ".join(EVENT_COLUMNS)
        marks = ", ".join("?" for _ in EVENT_COLUMNS)
        self._many(
            cur, f"INSERT INTO events (geom, {cols}) VALUES ({self._geom_sql()}, {marks})", ev_rows
        )
        self._many(
            cur,
            "INSERT INTO claims (event_id, claimant, side, stance, killed_low, killed_high, "
            "killed_qualifier, injured_low, injured_high, injured_qualifier, quote, article_id, "
            "disputes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            claim_rows,
        )
        self._many(
            cur,
            "INSERT INTO sources (event_id, article_id, title, url, published, quote) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            source_rows,
        )
        self._many(
            cur,
            "INSERT INTO fusion_members (event_id, report_event_id, position, joined_with, "
            "reason) VALUES (?, ?, ?, ?, ?)",
            member_rows,
        )
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
        rows = self._exec(cur, "SELECT lat, lon, properties FROM events ORDER BY id").fetchall()
        return [event_from_properties(json.loads(p), lat=lat, lon=lon) for lat, lon, p in rows]

    def event_list(self) -> list[Event]:
        """All fused events (corrections applied), sorted by id."""
        with self._read_tx() as cur:
            cur_events = self._current(cur)
        return [e.event if isinstance(e, FusedEvent) else e for e in cur_events]

    def events(self, filter: EventFilter | None = None) -> GeoDataFrame:
        """Fused events (corrections applied, ``corrected`` set) as a GeoDataFrame."""
        return apply_filter(events_to_frame(self.event_list()), filter)

    def explain(self, event_id: str) -> list[str]:
        """Lines saying which reports make ``event_id`` and why they were merged."""
        with self._read_tx() as cur:
            if self._meta(cur, "fusion_stale") == "1":
                found = [fe for fe in self._fuse_all(cur) if fe.event.id == event_id]
                if not found:
                    raise StoreError(f"{self.location}: no event {event_id}")
                fe = found[0]
                ev = fe.event
                joined = {lk.member: lk for lk in fe.links}
                members = [
                    (
                        m,
                        joined[m].other if m in joined else None,
                        joined[m].reason if m in joined else None,
                    )
                    for m in fe.members
                ]
            else:
                row = self._exec(
                    cur, "SELECT lat, lon, properties FROM events WHERE id = ?", (event_id,)
                ).fetchone()
                if row is None:
                    raise StoreError(f"{self.location}: no event {event_id}")
                ev = Event.from_properties(json.loads(row[2]), lat=row[0], lon=row[1])
                members = [
                    (r[0], r[1], r[2])
                    for r in self._exec(
                        cur,
                        "SELECT report_event_id, joined_with, reason FROM fusion_members "
                        "WHERE event_id = ? ORDER BY position",
                        (event_id,),
                    ).fetchall()
                ]
            info = {}
            for m, _, _ in members:
                r = self._exec(
                    cur,
                    "SELECT r.article_id, r.title, r.published, e.event_json FROM report_events e "
                    "JOIN reports r ON r.content_hash = e.content_hash WHERE e.id = ?",
                    (m,),
                ).fetchone()
                info[m] = r
            corrections = [c for c in self._load_corrections(cur) if set(c.anchors) & set(info)]
        when = ev.date or (f"{ev.date_start}..{ev.date_end}" if ev.date_start else "unknown date")
        lines = [
            f"{ev.id}: {ev.event_type} at {ev.place_name or '?'} ({ev.lat:.4f}, {ev.lon:.4f}) "
            f"on {when}; {len(members)} report event(s), {len(ev.sources)} source(s)"
            + ("; CORRECTED" if ev.corrected else "")
        ]
        if claims_summary(ev):
            lines.append(f"  killed: {claims_summary(ev)}")
        for m, other, reason in members:
            r = info.get(m)
            art = f"article {r[0]} {r[1]!r} published {r[2] or '?'}" if r else "article ?"
            if r:
                mev = event_from_json(r[3])
                art += (
                    f"; extracted {mev.event_type} at {mev.place_name or '?'} on {mev.date or '?'}"
                )
            lines.append(f"  member {m}: {art}")
            if stable_id("fused", m) == ev.id:
                lines.append("    first report of this event: the event id derives from it")
            if other is None and len(members) > 1:
                lines.append("    the other reports joined this one (directly or in turn)")
            elif other is not None:
                lines.append(f"    merged with {other}: {reason}")
        for c in corrections:
            change = ", ".join(f"{k}={v}" for k, v in sorted(c.changes.items()))
            note = f" ({c.note})" if c.note else ""
            lines.append(f"  correction #{c.seq} at {c.created_at}: {change}{note}")
        return lines

    # -- corrections ----------------------------------------------------------------------
    def _changes_of(self, req: CorrectionRequest, gazetteer: Any) -> dict[str, Any]:
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

    def correct_many(
        self, requests: Iterable[CorrectionRequest], *, gazetteer: Any = None
    ) -> tuple[list[Event], list[str]]:
        """Store corrections and re-fuse once; returns corrected events and error messages.

        A request naming an unknown event or carrying a bad value is reported and
        the others are still applied.
        """
        requests = list(requests)
        if gazetteer is None and any(r.place for r in requests):
            from gazetteer import Gazetteer

            gazetteer = Gazetteer.open()
        errors: list[str] = []
        anchors_done: list[tuple[str, ...]] = []
        now = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
        with self._write_tx() as cur:
            if self._meta(cur, "fusion_stale") != "0":
                self._write_fused(cur, self._fuse_all(cur), full=False)
            for req in requests:
                anchors = tuple(
                    r[0]
                    for r in self._exec(
                        cur,
                        "SELECT report_event_id FROM fusion_members WHERE event_id = ? "
                        "ORDER BY position",
                        (req.event_id,),
                    ).fetchall()
                )
                if not anchors:
                    errors.append(f"{req.event_id}: no such event in {self.location}")
                    continue
                if req.detach is not None:
                    if req.detach not in anchors:
                        errors.append(
                            f"{req.event_id}: {req.detach} is not one of its report events "
                            f"({', '.join(anchors)})"
                        )
                        continue
                    if len(anchors) == 1:
                        errors.append(f"{req.event_id}: has one report event, nothing to detach")
                        continue
                    anchors, changes = (req.detach,), {"detach": True}
                else:
                    try:
                        changes = self._changes_of(req, gazetteer)
                    except ValueError as err:
                        errors.append(f"{req.event_id}: {err}")
                        continue
                self._exec(
                    cur,
                    "INSERT INTO corrections (event_id, anchors, changes, note, created_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (
                        req.event_id,
                        json.dumps(anchors),
                        json.dumps(changes, sort_keys=True),
                        req.note,
                        now,
                    ),
                )
                anchors_done.append(anchors)
            if anchors_done:
                fused = self._fuse_all(cur)
                self._write_fused(cur, fused, full=False)
        out = []
        if anchors_done:
            by_member = {m: fe.event for fe in fused for m in fe.members}
            seen = set()
            for anchors in anchors_done:
                ev = by_member[anchors[0]]
                if ev.id not in seen:
                    seen.add(ev.id)
                    out.append(ev)
        return out, errors

    def correct(
        self,
        event_id: str,
        *,
        place: str | None = None,
        lat: float | None = None,
        lon: float | None = None,
        event_type: str | None = None,
        date: str | datetime.date | None = None,
        note: str | None = None,
        detach: str | None = None,
        gazetteer: Any = None,
    ) -> Event:
        """Correct a fused event's place, coordinates, type or date; returns the new event.

        ``detach=REPORT_EVENT_ID`` instead undoes a merge: that member report event
        becomes an event of its own (returned) and is never fused again. The
        correction is stored apart from machine output and re-applied on every
        re-fusion. Raises :class:`~geoevents.errors.StoreError` for an unknown event
        and ``ValueError`` for a bad value.
        """
        if isinstance(date, datetime.date):
            date = date.isoformat()
        req = CorrectionRequest(event_id, place, lat, lon, event_type, date, note, detach)
        done, errors = self.correct_many([req], gazetteer=gazetteer)
        if errors:
            msg = errors[0]
            if "no such event" in msg:
                raise StoreError(msg)
            raise ValueError(msg)
        return done[0]

    # -- context manager ------------------------------------------------------------------
    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        try:
            if exc_type is None and self._dirty:
                self.fuse()
        finally:
            self.close()
