"""``geoevents correct``: an analyst fixes an event's place, type or date."""

from __future__ import annotations

import datetime

import click

from geoevents.cli.options import IsoDate, db_option
from geoevents.errors import GeoeventsError, InputError
from geoevents.vocabulary import EVENT_TYPES


@click.command("correct")
@click.argument("event_id", required=False)
@db_option()
@click.option(
    "--place", help='Correct place, resolved by the gazetteer ("Olenivka, Donetsk oblast").'
)
@click.option("--lat", type=float, help="Correct latitude (with --lon).")
@click.option("--lon", type=float, help="Correct longitude (with --lat).")
@click.option(
    "--type", "event_type", type=click.Choice(sorted(EVENT_TYPES)), help="Correct event type."
)
@click.option("--date", type=IsoDate(), help="Correct date.")
@click.option("--note", help="Why (kept with the correction).")
@click.option(
    "--detach",
    metavar="REPORT_EVENT_ID",
    help="Undo a merge: split this member report event (see `geoevents explain`) off into "
    "an event of its own.",
)
@click.option(
    "--csv",
    "csv_path",
    type=click.Path(dir_okay=False),
    help="CSV of corrections: event_id, place, lat, lon, event_type, date, note, detach.",
)
def correct(
    event_id: str | None,
    db: str,
    place: str | None,
    lat: float | None,
    lon: float | None,
    event_type: str | None,
    date: datetime.date | None,
    note: str | None,
    detach: str | None,
    csv_path: str | None,
) -> None:
    """Correct EVENT_ID (or every row of --csv). Corrections are stored apart from
    machine output and survive re-ingestion and re-fusion; the map marks them.
    --detach undoes a wrong merge."""
    from geoevents.store import CorrectionRequest, open_store, read_corrections_csv

    if (event_id is None) == (csv_path is None):
        raise click.UsageError("give either EVENT_ID with what to change, or --csv FILE")
    if csv_path is not None and any(
        v is not None for v in (place, lat, lon, event_type, date, detach)
    ):
        raise click.UsageError(
            "--csv cannot be combined with --place/--lat/--lon/--type/--date/--detach"
        )
    errors: list[str] = []
    requests: list[CorrectionRequest] = []
    if csv_path is not None:
        try:
            for item in read_corrections_csv(csv_path):
                if isinstance(item, InputError):
                    errors.append(str(item))
                else:
                    requests.append(item)
        except InputError as err:
            raise click.ClickException(str(err)) from err
    else:
        assert event_id is not None
        if (lat is None) != (lon is None):
            raise click.UsageError("give --lat and --lon together")
        if not any(v is not None for v in (place, lat, event_type, date, detach)):
            raise click.UsageError(
                "nothing to correct: give --place, --lat/--lon, --type, --date or --detach"
            )
        if detach is not None and any(v is not None for v in (place, lat, event_type, date)):
            raise click.UsageError("--detach cannot be combined with other changes")
        requests.append(
            CorrectionRequest(
                event_id, place, lat, lon, event_type, date and date.isoformat(), note, detach
            )
        )
    done = []
    if requests:
        try:
            with open_store(db, create=False) as store:
                done, store_errors = store.correct_many(requests)
        except GeoeventsError as err:
            raise click.ClickException(str(err)) from err
        errors.extend(store_errors)
    for ev in done:
        where = ev.place_name or f"{ev.lat:.4f}, {ev.lon:.4f}"
        click.echo(f"corrected {ev.id}: {ev.event_type} at {where} on {ev.date or '?'}")
    for msg in errors:
        click.echo(f"error: {msg}", err=True)
    if errors:
        raise SystemExit(1)
