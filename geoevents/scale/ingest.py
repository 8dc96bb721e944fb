"""``ingest --engine dask``: workers read, extract and store their partitions; the client fuses.

Each input partition is one Dask task (:func:`ingest_partition`). The task reads
its articles, drops those the store already holds (looked up by content hash
before extraction, like :func:`geoevents.ingest.ingest`), extracts the others
with the worker's one :class:`~geoevents.extract.Extractor` and

- on a PostGIS store writes them itself, one transaction per batch
  (:meth:`~geoevents.store.sql.EventStore.add_reports`: under the store's advisory
  write lock, inserting only hashes not stored yet, so any number of workers may
  write at once and a batch is committed whole or not at all);
- on a GeoPackage store (SQLite has one writer) returns them to the client, which
  writes them as tasks finish.

A task whose worker dies is run again by Dask; the rerun finds the batches the
dead attempt committed among the stored hashes and stores the rest, so nothing is
lost or doubled. A task that raises is retried ``retries`` times, then reported
as a failed partition. After the last partition the client fuses once.

The store then equals the store a single process makes of the same inputs, with
one exception: articles with the same content hash (same title and text) in more
than one partition are stored once, as the copy whose partition committed first,
where a single process keeps the first it reads. Exact copies differ only in the
stored ``path``; copies with other ids or days give other report ids.

The store's URL travels to the workers inside :class:`StoreTarget`, whose
``repr`` masks the password (Dask logs a failed task's arguments); task names
carry only the partition number.
"""

from __future__ import annotations

import datetime
import json
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geoevents.dburl import describe_db, mask_secrets
from geoevents.errors import InputError
from geoevents.extract.extractor import ExtractionError
from geoevents.ingest import IngestReport
from geoevents.io.articles import Article
from geoevents.store import is_postgres_url
from geoevents.store.sql import BATCH_SIZE

if TYPE_CHECKING:  # pragma: no cover
    from geoevents.model import Event
    from geoevents.scale.shards import Partition
    from geoevents.store.sql import EventStore

#: Times a partition whose task raised is run again before it is reported as failed.
RETRIES = 2


@dataclass(frozen=True)
class StoreTarget:
    """The PostGIS store the workers write to; its password never shows in a repr.

    >>> StoreTarget("postgresql://ann:hunter2@db/events")
    StoreTarget('postgresql://ann:***@db/events')
    """

    url: str

    def __repr__(self) -> str:
        return f"StoreTarget({describe_db(self.url)!r})"

    __str__ = __repr__


@dataclass(frozen=True)
class ErrorRecord:
    """One input error as data (an :class:`InputError` loses its fields when pickled).

    >>> r = ErrorRecord.of(InputError("not JSON", path="a.jsonl", line=3))
    >>> str(r), r.to_json()
    ('a.jsonl:3: not JSON', '{"path": "a.jsonl", "line": 3, "field": null, "message": "not JSON"}')
    """

    path: str | None
    line: int | None
    field: str | None
    message: str
    extraction: bool = False  # the article was read, then its extraction failed

    @classmethod
    def of(cls, err: InputError) -> ErrorRecord:
        path = None if err.path is None else str(err.path)
        extraction = isinstance(err, ExtractionError)
        return cls(path, err.line, err.field, err.message, extraction)

    def __str__(self) -> str:
        return str(InputError(self.message, path=self.path, line=self.line, field=self.field))

    def sort_key(self) -> tuple[str, int, str]:
        return (self.path or "", self.line or 0, self.message)

    def to_json(self) -> str:
        keys = ("path", "line", "field", "message")
        return json.dumps({k: getattr(self, k) for k in keys}, ensure_ascii=False)


@dataclass(frozen=True)
class PartitionResult:
    """What one partition's task did; ``reports`` only when the client writes (GeoPackage)."""

    read: int = 0
    extract_failed: int = 0
    errors: tuple[ErrorRecord, ...] = ()
    reports: tuple[tuple[Article, tuple[Event, ...]], ...] = ()


@dataclass
class DaskIngestReport:
    """The run's counts (the same summary as a local ingest), its input errors and the
    partitions that failed after their retries."""

    report: IngestReport
    errors: list[ErrorRecord] = field(default_factory=list)
    failed_partitions: list[ErrorRecord] = field(default_factory=list)


#: Settings of a worker's session: the server drops the session (its transaction and the
#: write lock with it) of a worker machine that vanished within about a minute, instead of
#: holding the lock for the hours of the system's TCP defaults. A worker's transaction
#: only inserts a batch it has built, so it is never idle for long.
WORKER_SESSION = {
    "idle_in_transaction_session_timeout": "60s",
    "tcp_keepalives_idle": "20",
    "tcp_keepalives_interval": "10",
    "tcp_keepalives_count": "3",
    "tcp_user_timeout": "60000",  # ms: data the worker never acknowledges
}


def open_worker_store(target: StoreTarget) -> EventStore:
    """The store at ``target`` for one task, with :data:`WORKER_SESSION` set."""
    from geoevents.store import open_store

    store = open_store(target.url)
    for name, value in WORKER_SESSION.items():
        store.conn.execute("SELECT set_config(%s, %s, false)", (name, value))  # type: ignore[attr-defined]
    return store


def ingest_items(
    items: Iterable[Article | InputError],
    target: StoreTarget | None,
    *,
    known: frozenset[str] = frozenset(),
    batch_size: int = BATCH_SIZE,
    index_path: str | None = None,
) -> PartitionResult:
    """Extract and store (``target``) or return (``None``) the new articles of ``items``.

    Runs on a worker. ``known`` are hashes to skip besides those the store at
    ``target`` already holds (looked up for these articles only).
    """
    from geoevents.scale.worker import worker_extractor

    articles: list[Article] = []
    errors: list[ErrorRecord] = []
    for item in items:
        if isinstance(item, InputError):
            errors.append(ErrorRecord.of(item))
        else:
            articles.append(item)
    store = open_worker_store(target) if target is not None else None
    try:
        skip = set(known)
        if store is not None:
            skip |= store.known_hashes(a.content_hash for a in articles)
        new = []
        for art in articles:
            if art.content_hash not in skip:
                skip.add(art.content_hash)  # the same article twice: extracted once
                new.append(art)
        pairs: list[tuple[Article, tuple[Event, ...]]] = []

        def extracted() -> Iterable[tuple[Article, tuple[Event, ...]]]:
            if not new:
                return
            for res in worker_extractor(index_path).run(new):
                if isinstance(res, InputError):
                    errors.append(ErrorRecord.of(res))
                    continue
                pair = (res.article, tuple(res.events))
                if store is None:
                    pairs.append(pair)
                yield pair

        if store is not None:
            store.add_reports(extracted(), batch_size=batch_size)
        else:
            for _ in extracted():
                pass
    finally:
        if store is not None:
            store.close()  # not the context exit: the client fuses once, at the end
    return PartitionResult(
        read=len(articles),
        extract_failed=sum(e.extraction for e in errors),
        errors=tuple(errors),
        reports=tuple(pairs),
    )


def ingest_partition(
    partition: Partition,
    target: StoreTarget | None,
    *,
    published: datetime.date | None = None,
    known: frozenset[str] = frozenset(),
    batch_size: int = BATCH_SIZE,
    index_path: str | None = None,
) -> PartitionResult:
    """The task of one partition: read it (:func:`geoevents.scale.shards.read_partition`),
    then :func:`ingest_items`."""
    from geoevents.scale.shards import read_partition

    items = read_partition(partition, published=published)
    return ingest_items(items, target, known=known, batch_size=batch_size, index_path=index_path)


def ingest_on_dask(
    client: Any,
    store: EventStore,
    db: str,
    partitions: Sequence[Partition],
    *,
    published: datetime.date | None = None,
    batch_size: int = BATCH_SIZE,
    retries: int = RETRIES,
    index_path: str | None = None,
    on_partition: Callable[[], None] | None = None,
) -> DaskIngestReport:
    """Ingest ``partitions`` on ``client``'s workers into ``store`` (opened on ``db``), then fuse.

    ``stored`` and ``events`` of the summary are what the store gained during the
    run (a retried task's committed batches count once); ``on_partition`` is
    called as each partition finishes (a progress bar).
    """
    from distributed import as_completed

    before = store.counts()
    from geoevents.scale.worker import default_index_path

    index_path = index_path or default_index_path()
    if is_postgres_url(db):
        target: StoreTarget | None = StoreTarget(db)
        known: Any = frozenset()
    else:
        target = None
        hashes = frozenset(store.report_hashes())
        known = client.scatter(hashes, broadcast=True) if hashes else frozenset()
    token = uuid.uuid4().hex[:8]
    by_key = {}
    futures = []
    for i, part in enumerate(partitions):
        fut = client.submit(
            ingest_partition,
            part,
            target,
            published=published,
            known=known,
            batch_size=batch_size,
            index_path=index_path,
            key=f"geoevents-ingest-{token}-{i:05d}",
            retries=retries,
        )
        by_key[fut.key] = part
        futures.append(fut)
    out = DaskIngestReport(IngestReport())
    report = out.report
    extract_failed = 0
    for fut in as_completed(futures):
        try:
            res: PartitionResult = fut.result()
        except Exception as err:  # the task's own error, after its retries
            part = by_key[fut.key]
            message = f"partition {part.name} failed after {retries + 1} attempts: {err}"
            failed = ErrorRecord(part.path, None, None, mask_secrets(message, db))
            out.failed_partitions.append(failed)
        else:
            report.read += res.read
            extract_failed += res.extract_failed
            out.errors.extend(res.errors)
            if res.reports:
                store.add_reports(res.reports, batch_size=batch_size)
        fut.release()
        if on_partition is not None:
            on_partition()
    after = store.counts()
    report.stored = after["reports"] - before["reports"]
    report.events = after["report_events"] - before["report_events"]
    out.errors.sort(key=ErrorRecord.sort_key)
    report.errors = [str(e) for e in out.errors]
    report.failed = len(out.errors)
    report.skipped = report.read - extract_failed - report.stored
    del known  # the scattered hashes, if any, are released with their last reference
    store.fuse()
    report.fused = store.event_count()
    return out


def default_errors_path(db: str) -> Path:
    """Where the input errors of a run on ``db`` are written without ``--errors``.

    Beside a GeoPackage store (``events.gpkg`` -> ``events.errors.jsonl``); a PostGIS
    store has no directory, so ``ingest-errors.jsonl`` in the current directory.

    >>> default_errors_path("data/events.gpkg").as_posix()
    'data/events.errors.jsonl'
    >>> default_errors_path("postgresql://ann:pw@db/events").as_posix()
    'ingest-errors.jsonl'
    """
    if is_postgres_url(db):
        return Path("ingest-errors.jsonl")
    path = Path(db)
    return path.with_name(f"{path.stem}.errors.jsonl")


def write_errors(path: str | Path, errors: Sequence[ErrorRecord]) -> None:
    """``errors`` as JSON lines (path, line, field, message), written atomically."""
    from gazetteer.atomic import atomic_write_text

    atomic_write_text(path, "".join(e.to_json() + "\n" for e in errors))
