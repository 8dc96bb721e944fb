"""Distributed extraction: article shards -> the partitioned GeoParquet event dataset.

:func:`extract_dataset` maps one task per input partition
(:func:`geoevents.scale.shards.partitions`) over the Dask cluster. A task reads
its partition, extracts every article with the worker's one extractor
(:func:`~geoevents.scale.worker.worker_extractor`) and writes its rows, one file
per month, named by the partition's index (:mod:`geoevents.scale.dataset`). So:

- a task whose worker died is rerun by Dask elsewhere and overwrites its own
  files: nothing lost, nothing doubled; a task that raises is retried
  :data:`RETRIES` times, then reported as an error of its partition (never
  silently skipped);
- an event id met in an earlier partition (or earlier in the same one) is dropped,
  as the local command drops duplicate events: the client keeps the ids in input
  order (every event id of the run, some 70 bytes each) and asks the workers to
  rewrite the few files concerned;
- the dataset is built in a hidden directory beside ``OUT`` and replaces it once
  complete, with ``_errors.jsonl``.

A remote cluster (``--scheduler``) needs on every worker: the package with its
``dask`` extra, the inputs at the same path or URL, the directory beside ``OUT``
at the same path (a shared file system), and the gazetteer index at the path the
client names (the same ``GEOEVENTS_CACHE_DIR`` on a shared disk, or
``GEOEVENTS_GAZETTEER``; a worker missing it builds it there, under the index's
lock).
"""

from __future__ import annotations

import datetime
import shutil
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geoevents.errors import InputError
from geoevents.model import Event
from geoevents.scale.dataset import (
    drop_rows,
    error_record,
    publish,
    report_frame,
    staging_dir,
    write_errors,
    write_part,
)
from geoevents.scale.shards import TARGET_BYTES, Partition, partitions, read_partition
from geoevents.scale.worker import default_index_path

#: Times a task that raised is tried again before its partition is reported as failed.
RETRIES = 2


@dataclass(frozen=True)
class PartitionResult:
    """What one task did: counts, input errors, and the ids of the events it wrote."""

    index: int
    read: int
    failed: int
    ok: int
    duplicates: int
    ids: tuple[str, ...]
    months: tuple[str, ...]
    errors: tuple[dict[str, Any], ...]
    unresolved: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class DatasetSummary:
    """The outcome of :func:`extract_dataset`."""

    path: Path
    partitions: int
    read: int
    failed: int
    ok: int
    events: int
    duplicates: int
    errors: tuple[dict[str, Any], ...]
    unresolved: dict[str, int] = field(default_factory=dict)


def first_seen(seen: set[str]) -> Callable[[Event], bool]:
    """A ``keep`` for :func:`~geoevents.scale.dataset.report_frame`: true the first time an
    event id is met (``seen`` remembers them)."""

    def keep(ev: Event) -> bool:
        if ev.id in seen:
            return False
        seen.add(ev.id)
        return True

    return keep


def extract_partition(
    p: Partition, stage: str, published: datetime.date | None, index_path: str | None
) -> PartitionResult:
    """Task: extract partition ``p`` and write its rows under ``stage`` (runs on a worker)."""
    from geoevents.extract.extractor import ExtractionError
    from geoevents.scale.worker import worker_extractor

    extractor = worker_extractor(index_path)
    counts: Counter[str] = Counter()
    unresolved: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []
    reports = []
    for item in extractor.run(read_partition(p, published)):
        if isinstance(item, InputError):
            counts["failed"] += 1
            counts["read"] += isinstance(item, ExtractionError)
            errors.append(error_record(item))
            continue
        counts["read"] += 1
        counts["ok"] += 1
        unresolved.update(item.unresolved)
        reports.append((item.article, item.events))
    frame = report_frame(reports, keep=first_seen(set()))
    months = write_part(frame, stage, p.index)
    found = sum(len(evs) for _, evs in reports)
    return PartitionResult(
        index=p.index,
        read=counts["read"],
        failed=counts["failed"],
        ok=counts["ok"],
        duplicates=found - len(frame),
        ids=tuple(frame["id"]),
        months=tuple(months),
        errors=tuple(errors),
        unresolved=tuple(sorted(unresolved.items())),
    )


def extract_dataset(
    client: Any,
    inputs: Sequence[str],
    out_dir: str | Path,
    *,
    published: datetime.date | None = None,
    index_path: str | None = None,
    target_bytes: int = TARGET_BYTES,
    progress: Any = None,
) -> DatasetSummary:
    """Extract every article of ``inputs`` on ``client``'s cluster into the dataset ``out_dir``.

    Parameters
    ----------
    client
        A ``distributed.Client`` (:func:`geoevents.scale.cluster.open_client`).
    inputs
        Globs, directories or files of JSON Lines (plain or ``.gz``) or Parquet shards;
        local paths or fsspec URLs the workers can read.
    out_dir
        The dataset directory; an existing dataset there is replaced when the new one is
        complete.
    published
        Publication day of articles that give none (``--published``).
    index_path
        Gazetteer index every worker opens; default: the client's
        (:func:`default_index_path`).
    target_bytes
        Size of a JSON Lines partition.
    progress
        A ``tqdm``-like bar (``total``, ``refresh()``, ``update(n)``) advanced per partition.

    Raises
    ------
    InputError
        An input matches no shard, or ``out_dir`` exists and is not a dataset.
    """
    parts = partitions(inputs, target_bytes=target_bytes)
    index_path = index_path or default_index_path()
    stage = staging_dir(out_dir)
    try:
        if progress is not None:
            progress.total = len(parts)
            progress.refresh()
        results, failures = _run_tasks(client, parts, stage, published, index_path, progress)
        duplicates = _drop_duplicates(client, results, str(stage))
        errors: list[dict[str, Any]] = []
        for p in parts:
            errors.extend(results[p.index].errors if p.index in results else [failures[p.index]])
        write_errors(stage, errors)
        path = publish(stage, out_dir)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    done = results.values()
    unresolved: Counter[str] = Counter()
    for r in done:
        unresolved.update(dict(r.unresolved))
    return DatasetSummary(
        path=path,
        partitions=len(parts),
        read=sum(r.read for r in done),
        failed=sum(r.failed for r in done) + len(failures),
        ok=sum(r.ok for r in done),
        events=sum(len(r.ids) for r in done) - duplicates,
        duplicates=sum(r.duplicates for r in done) + duplicates,
        errors=tuple(errors),
        unresolved=dict(unresolved),
    )


def _run_tasks(
    client: Any,
    parts: list[Partition],
    stage: Path,
    published: datetime.date | None,
    index_path: str,
    progress: Any,
) -> tuple[dict[int, PartitionResult], dict[int, dict[str, Any]]]:
    """One task per partition; the results and the failed partitions' error records, by index."""
    from distributed import as_completed

    token = uuid.uuid4().hex[:12]
    futures = client.map(
        extract_partition,
        parts,
        stage=str(stage),
        published=published,
        index_path=index_path,
        retries=RETRIES,
        key=[f"geoevents-extract-{token}-{p.index}" for p in parts],
    )
    by_key = {f.key: p for f, p in zip(futures, parts, strict=True)}
    results: dict[int, PartitionResult] = {}
    failures: dict[int, dict[str, Any]] = {}
    for future in as_completed(futures):
        p = by_key[future.key]
        if future.status == "error":
            err = future.exception()
            failures[p.index] = {
                "path": p.path,
                "line": p.first_line if p.kind != "jsonl.gz" else None,
                "field": None,
                "message": f"partition {p.name} failed after {RETRIES + 1} tries: "
                f"{type(err).__name__}: {err}"[:500],
            }
        else:
            results[p.index] = future.result()
        if progress is not None:
            progress.update(1)
    return results, failures


def _drop_duplicates(client: Any, results: dict[int, PartitionResult], stage: str) -> int:
    """Drop, from each partition's files, the event ids an earlier partition wrote; returns
    how many rows were dropped."""
    seen: set[str] = set()
    jobs = []
    for index in sorted(results):
        r = results[index]
        again = {i for i in r.ids if i in seen}
        seen.update(r.ids)
        if again:
            jobs.append(client.submit(drop_rows, stage, index, r.months, again, pure=False))
    return sum(client.gather(jobs))
