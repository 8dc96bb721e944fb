"""``geoevents export``: write the store's fused events to a file."""

from __future__ import annotations

from typing import Any

import click

from geoevents.cli.options import (
    db_option,
    filter_from_options,
    filter_options,
    open_gazetteer,
    store_failure,
)
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
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["auto", "acled-csv"]),
    default="auto",
    show_default=True,
    help="auto: the output's extension decides; acled-csv: ACLED's columns and conventions "
    "(docs/acled.md), one row per event, to a .csv file.",
)
@filter_options
def export(db: str, output: str, fmt: str = "auto", **filters: Any) -> None:
    """Export fused events (corrections applied) from the store, optionally filtered.

    Every format carries each event's claims, sources and `corrected` marker; a
    GeoPackage also gets `claims` and `sources` attribute layers keyed by `event_id`.
    `--format acled-csv` writes ACLED-compatible rows to merge with ACLED downloads."""
    from pyogrio.errors import DataSourceError

    from geoevents.io.events import write_events
    from geoevents.store import open_store
    from geoevents.store.health import require_sound
    from geoevents.store.layers import write_layered_gpkg

    check_output(output, store=db)
    if fmt == "acled-csv" and not output.lower().endswith(".csv"):
        raise click.BadParameter(f"{output}: an ACLED export is a .csv file", param_hint="--output")
    flt = filter_from_options(**filters)
    try:
        with open_store(db, create=False) as store:
            require_sound(store)  # a store failing its integrity check is not exported
            events = store.event_list(flt)
            damaged = list(store.damaged)
        if fmt == "acled-csv":
            _write_acled(events, output)
        elif output.lower().endswith(".gpkg"):
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


def _write_acled(events: list[Any], output: str) -> None:
    """ACLED rows, with raion and hromada names where the gazetteer knows the place."""
    from geoevents.io.acled import acled_rows, write_acled_csv

    ids = [e.geonameid for e in events if e.geonameid is not None]
    admin = open_gazetteer().index.admin_names(ids) if ids else {}
    write_acled_csv(acled_rows(events, admin), output)
