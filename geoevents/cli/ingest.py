"""``geoevents ingest``: add articles to the event store and fuse their events."""

from __future__ import annotations

import datetime
import sys
from typing import Any

import click

from geoevents.cli.options import (
    check_engine,
    db_option,
    engine_options,
    published_option,
    store_failure,
)
from geoevents.cli.outputs import check_inputs_not_store, check_output
from geoevents.dburl import mask_secrets
from geoevents.errors import GeoeventsError


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@db_option(help="Store: a .gpkg file (created if missing) or a postgresql:// URL.")
@published_option(
    "Publication date for articles that carry none (anchors relative dates such as 'yesterday')."
)
@engine_options
@click.option(
    "--errors",
    "errors_path",
    type=click.Path(dir_okay=False),
    help="With --engine dask: write the input errors and failed partitions here, one JSON "
    "object a line (path, line, field, message). Default: beside a .gpkg store "
    "(events.errors.jsonl), ingest-errors.jsonl in the current directory for a PostGIS store.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
def ingest(
    inputs: tuple[str, ...],
    db: str,
    published: datetime.date | None,
    engine: str,
    scheduler: str | None,
    workers: int | None,
    errors_path: str | None,
    quiet: bool,
) -> None:
    """Extract strike events from INPUT files/directories ('-' for stdin) into the store.

    Articles already in the store (same title and text) are skipped, so running
    this every day on overlapping inputs is safe. Reports of the same strike are
    fused into one event that keeps every claim and source. Bad inputs are
    reported and the others are still stored; the exit code is 1 if any failed.

    With --engine dask, INPUTs are JSON Lines (plain or .gz) or Parquet article
    shards (globs, folders, fsspec URLs): Dask workers read and extract them and
    write a PostGIS store themselves (a GeoPackage store is written by this
    process); see docs/scale.md.
    """
    from geoevents.ingest import ingest as ingest_articles
    from geoevents.store import open_store

    check_engine(engine, scheduler, workers)
    check_inputs_not_store(inputs, db)
    if errors_path is not None and engine != "dask":
        raise click.UsageError("--errors needs --engine dask")
    failed_parts: list[str] = []
    try:
        with open_store(db) as store:
            if engine == "dask":
                report, failed_parts = _ingest_on_dask(
                    store, db, inputs, published, scheduler, workers, errors_path, quiet
                )
            else:
                report = ingest_articles(store, list(inputs), published=published)
            damaged = [mask_secrets(str(d), db) for d in store.damaged]
    except GeoeventsError as err:
        raise store_failure(err, db) from err
    for msg in report.errors + failed_parts:
        click.echo(f"error: {mask_secrets(msg, db)}", err=True)
    if not quiet:
        click.echo(report.summary())
    for msg in damaged:  # rows of the store skipped while fusing: named, and they fail the run
        click.echo(f"error: {msg}", err=True)
    if report.failed or damaged or failed_parts:
        raise SystemExit(1)


def _ingest_on_dask(
    store: Any,
    db: str,
    inputs: tuple[str, ...],
    published: datetime.date | None,
    scheduler: str | None,
    workers: int | None,
    errors_path: str | None,
    quiet: bool,
) -> tuple[Any, list[str]]:
    """The run on Dask workers: (the ingest report, the partitions that failed)."""
    from tqdm import tqdm

    from geoevents.scale.cluster import open_client
    from geoevents.scale.ingest import default_errors_path, ingest_on_dask, write_errors
    from geoevents.scale.shards import partitions

    out = errors_path or str(default_errors_path(db))
    check_output(out, inputs=inputs, store=db, option="--errors")
    parts = partitions(list(inputs))
    bar = tqdm(
        total=len(parts), unit=" partitions", file=sys.stderr, disable=True if quiet else None
    )
    try:
        with open_client(scheduler, workers) as client, bar:
            run = ingest_on_dask(
                client, store, db, parts, published=published, on_partition=bar.update
            )
    except OSError as err:  # no scheduler at that address, a lost connection
        raise click.ClickException(mask_secrets(f"--engine dask: {err}", db)) from err
    try:
        write_errors(out, run.errors + run.failed_partitions)
    except OSError as err:
        raise click.ClickException(f"cannot write {out}: {err}") from err
    if (run.errors or run.failed_partitions) and not quiet:
        n = len(run.errors) + len(run.failed_partitions)
        click.echo(f"{n} errors written to {out}", err=True)
    return run.report, [str(f) for f in run.failed_partitions]
