"""``geoevents export``: write the store's fused events to a file."""

from __future__ import annotations

from typing import Any

import click

from geoevents.cli.options import db_option, filter_from_options, filter_options, store_failure
from geoevents.cli.outputs import check_output
from geoevents.errors import GeoeventsError


@click.command("export")
@db_option()
@click.option(
    "-o",
    "--output",
    required=True,
    help="Output file: .geojson, .gpkg (layers events, claims, sources), .csv or .parquet "
    "(written atomically).",
)
@filter_options
def export(db: str, output: str, **filters: Any) -> None:
    """Export fused events (corrections applied) from the store, optionally filtered.

    Every format carries each event's claims, sources and `corrected` marker; a
    GeoPackage also gets `claims` and `sources` attribute layers keyed by `event_id`."""
    from pyogrio.errors import DataSourceError

    from geoevents.io.events import write_events
    from geoevents.store import open_store
    from geoevents.store.health import require_sound
    from geoevents.store.layers import write_layered_gpkg

    check_output(output, store=db)
    flt = filter_from_options(**filters)
    try:
        with open_store(db, create=False) as store:
            require_sound(store)  # a store failing its integrity check is not exported
            events = store.event_list(flt)
            damaged = list(store.damaged)
        if output.lower().endswith(".gpkg"):
            write_layered_gpkg(events, output)
        else:
            write_events(events, output)
    except GeoeventsError as err:
        raise store_failure(err, db) from err
    except (OSError, DataSourceError) as err:  # a full disk, a read-only folder
        raise click.ClickException(f"{output}: cannot write: {err}") from err
    click.echo(f"wrote {len(events)} events to {output}")
    if damaged:  # each was logged (table, fid, column) as it was skipped
        raise SystemExit(1)
