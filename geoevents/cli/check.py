"""``geoevents check``: the store's integrity, damaged and orphan rows; ``--repair``."""

from __future__ import annotations

import click

from geoevents.cli.options import db_option
from geoevents.errors import GeoeventsError


@click.command("check")
@db_option(help="Store to check: a .gpkg file or a postgresql:// URL.")
@click.option(
    "--repair",
    is_flag=True,
    help="Move damaged and orphan report events and corrections to the 'quarantine' table "
    "(nothing is deleted) and rebuild the fused events from what is sound.",
)
def check(db: str, repair: bool) -> None:
    """Check the store: SQLite's integrity check (GeoPackage) or its tables and geometries
    (PostGIS), rows that cannot be read, and orphan rows. Exit status 1 if any is found
    (after --repair: if any remains)."""
    from geoevents.store import open_store
    from geoevents.store.health import check_store, repair_store

    try:
        with open_store(db, create=False) as store:
            if repair:
                done = repair_store(store)
                for d in done.quarantined:
                    click.echo(f"quarantined: {d}")
                click.echo(
                    f"{store.location}: {len(done.quarantined)} rows moved to quarantine; "
                    f"fused events rebuilt: {done.rebuilt_events}"
                )
            report = check_store(store)
    except GeoeventsError as err:
        raise click.ClickException(str(err)) from err
    *problems, summary = report.lines()
    for line in problems:
        click.echo(f"error: {line}", err=True)
    click.echo(summary)
    if not report.ok:
        raise SystemExit(1)
