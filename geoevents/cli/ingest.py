"""``geoevents ingest``: add articles to the event store and fuse their events."""

from __future__ import annotations

import datetime

import click

from geoevents.errors import GeoeventsError

DB_HELP = "Store: a .gpkg file (created if missing) or a postgresql:// URL."


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", default="events.gpkg", show_default=True, envvar="GEOEVENTS_DB", help=DB_HELP)
@click.option(
    "--published",
    metavar="YYYY-MM-DD",
    help="Publication date for articles that carry none (anchors relative dates such as 'yesterday').",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
def ingest(inputs: tuple[str, ...], db: str, published: str | None, quiet: bool) -> None:
    """Extract strike events from INPUT files/directories ('-' for stdin) into the store.

    Articles already in the store (same title and text) are skipped, so running
    this every day on overlapping inputs is safe. Reports of the same strike are
    fused into one event that keeps every claim and source. Bad inputs are
    reported and the others are still stored; the exit code is 1 if any failed.
    """
    from geoevents.store import open_store

    day = None
    if published:
        try:
            day = datetime.date.fromisoformat(published)
        except ValueError as err:
            raise click.BadParameter(
                f"expected YYYY-MM-DD, got {published!r}", param_hint="--published"
            ) from err
    try:
        with open_store(db) as store:
            report = store.ingest(list(inputs), published=day)
    except GeoeventsError as err:
        raise click.ClickException(str(err)) from err
    for msg in report.errors:
        click.echo(f"error: {msg}", err=True)
    if not quiet:
        click.echo(report.summary())
    if report.failed:
        raise SystemExit(1)
