"""``geoevents explain``: why the reports of a fused event were merged."""

from __future__ import annotations

import click

from geoevents.errors import GeoeventsError


@click.command("explain")
@click.argument("event_id")
@click.option(
    "--db",
    default="events.gpkg",
    show_default=True,
    envvar="GEOEVENTS_DB",
    help="Store: a .gpkg file or a postgresql:// URL.",
)
def explain(event_id: str, db: str) -> None:
    """Print the reports that make EVENT_ID, why each was merged, and its corrections."""
    from geoevents.store import open_store

    try:
        with open_store(db, create=False) as store:
            lines = store.explain(event_id)
    except GeoeventsError as err:
        raise click.ClickException(str(err)) from err
    for line in lines:
        click.echo(line)
