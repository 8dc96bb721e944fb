"""Ingest: read articles, extract their events and add them to the store, then fuse.

An application step composing :meth:`geoevents.extract.Extractor.run` with the
store (:meth:`geoevents.store.sql.EventStore.add_reports`); the store itself only
persists. An article already stored (same content hash) is skipped before
extraction, so re-ingesting changes nothing. Bad input and extraction failures
are counted and described in :attr:`IngestReport.errors`; the other articles
still go through.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geoevents.errors import InputError
from geoevents.extract.extractor import ExtractionError
from geoevents.io.articles import Article, read_articles
from geoevents.model import Event
from geoevents.store.sql import BATCH_SIZE

if TYPE_CHECKING:  # pragma: no cover
    from geoevents.extract import ArticleResult, Extractor
    from geoevents.store.sql import EventStore


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


def ingest(
    store: EventStore,
    inputs: Sequence[str | Path],
    *,
    extractor: Extractor | None = None,
    gazetteer: Any = None,
    published: datetime.date | None = None,
    batch_size: int = BATCH_SIZE,
) -> IngestReport:
    """Read ``inputs``, extract the articles ``store`` does not hold yet, store them and fuse.

    The extractor (default: one on ``gazetteer``, or the default gazetteer) is
    made only when a new article needs it.
    """
    report = IngestReport()
    known = store.report_hashes()
    extract_failed = 0

    def new_articles() -> Iterator[Article | InputError]:
        for item in read_articles([str(p) for p in inputs], published=published):
            if isinstance(item, Article):
                report.read += 1
                if item.content_hash in known:
                    report.skipped += 1
                    continue
            yield item

    def items() -> Iterator[tuple[Article, Sequence[Event]]]:
        nonlocal extract_failed
        for item in _run_lazily(new_articles(), extractor, gazetteer):
            if isinstance(item, InputError):
                report.failed += 1
                extract_failed += isinstance(item, ExtractionError)
                report.errors.append(str(item))
                continue
            known.add(item.article.content_hash)
            report.events += len(item.events)
            yield item.article, item.events

    report.stored = store.add_reports(items(), batch_size=batch_size)
    # includes articles another process stored meanwhile
    report.skipped = report.read - extract_failed - report.stored
    store.fuse()
    report.fused = store.event_count()
    return report


def _run_lazily(
    items: Iterator[Article | InputError], extractor: Extractor | None, gazetteer: Any
) -> Iterator[ArticleResult | InputError]:
    """``Extractor.run`` over ``items``, the extractor made only when a first article comes."""
    for first in items:
        if isinstance(first, InputError):
            yield first
            continue
        if extractor is None:
            from geoevents.extract import Extractor

            extractor = Extractor(gazetteer)
        yield from extractor.run(itertools.chain([first], items))
        return
