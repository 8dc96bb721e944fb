"""``geoevents ingest``: add articles to the event store and fuse their events."""

from __future__ import annotations

import datetime

import click

from geoevents.cli.options import db_option, published_option, store_failure
from geoevents.cli.outputs import check_inputs_not_store
from geoevents.dburl import mask_secrets
from geoevents.errors import GeoeventsError


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@db_option(help="Store: a .gpkg file (created if missing) or a postgresql:// URL.")
@published_option(
    "Publication date for articles that carry none (anchors relative dates such as 'yesterday')."
)
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
def ingest(inputs: tuple[str, ...], db: str, published: datetime.date | None, quiet: bool) -> None:
    """Extract strike events from INPUT files/directories ('-' for stdin) into the store.

    Articles already in the store (same title and text) are skipped, so running
    this every day on overlapping inputs is safe. Reports of the same strike are
    fused into one event that keeps every claim and source. Bad inputs are
    reported and the others are still stored; the exit code is 1 if any failed.
    """
    from geoevents.ingest import ingest as ingest_articles
    from geoevents.store import open_store

    check_inputs_not_store(inputs, db)
    try:
        with open_store(db) as store:
            report = ingest_articles(store, list(inputs), published=published)
            damaged = [mask_secrets(str(d), db) for d in store.damaged]
    except GeoeventsError as err:
        raise store_failure(err, db) from err
    for msg in report.errors:
        click.echo(f"error: {mask_secrets(msg, db)}", err=True)
    if not quiet:
        click.echo(report.summary())
    for msg in damaged:  # rows of the store skipped while fusing: named, and they fail the run
        click.echo(f"error: {msg}", err=True)
    if report.failed or damaged:
        raise SystemExit(1)
