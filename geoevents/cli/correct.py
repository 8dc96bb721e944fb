"""``geoevents correct``: an analyst fixes, rejects, restores or splits an event."""

from __future__ import annotations

import datetime
import os
from dataclasses import replace
from typing import Any

import click

from geoevents.cli.options import IsoDate, db_option, open_gazetteer, store_failure
from geoevents.cli.outputs import check_inputs_not_store
from geoevents.dburl import mask_secrets
from geoevents.errors import GeoeventsError, InputError
from geoevents.vocabulary import EVENT_TYPES

#: A --place match farther than this from the event's current point needs --yes.
FAR_KM = 50.0


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
    "--add",
    "add_new",
    is_flag=True,
    help="Add an event by hand (no EVENT_ID): give --type, --date and --place or --lat/--lon, "
    "optionally --attacker, --weapons, --claimant/--killed/--injured and --note.",
)
@click.option(
    "--merge-with",
    metavar="OTHER_EVENT_ID",
    help="The two events are one strike: fuse their reports into one event, whatever the "
    "fusion rules say.",
)
@click.option(
    "--attacker",
    type=click.Choice(["russia", "ukraine", "other", "unknown"]),
    help="Attacker side.",
)
@click.option(
    "--weapons", help='The event\'s weapons, comma-separated ("Iskander, cluster munition").'
)
@click.option("--claimant", help="Whose figures --killed/--injured set (a claimant of the event).")
@click.option("--killed", metavar="N|LOW-HIGH", help="Killed, as that claimant states it.")
@click.option("--injured", metavar="N|LOW-HIGH", help="Injured, as that claimant states it.")
@click.option(
    "--reject",
    metavar="REASON",
    help="Reject a false event: it is kept with the reason, but hidden from exports, maps and "
    "reviews (--rejected include shows it) until --restore.",
)
@click.option("--restore", is_flag=True, help="Undo a rejection.")
@click.option(
    "--by",
    "author",
    default=lambda: os.environ.get("GEOEVENTS_USER") or _login(),
    show_default="$GEOEVENTS_USER or your login name",
    help="Who makes the correction (kept with it; `geoevents explain` shows it).",
)
@click.option(
    "--csv",
    "csv_path",
    type=click.Path(dir_okay=False),
    help="CSV of corrections: event_id, place, lat, lon, event_type, date, note, detach, merge_with, "
    "attacker, weapons, reject, restore, claimant, killed, injured, by.",
)
@click.option(
    "--yes",
    "--force",
    "yes",
    is_flag=True,
    help=f"Apply --place even when the gazetteer's match is fuzzy or more than "
    f"{FAR_KM:g} km from the event's current point (otherwise refused, showing the match).",
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
    add_new: bool,
    merge_with: str | None,
    attacker: str | None,
    weapons: str | None,
    claimant: str | None,
    killed: str | None,
    injured: str | None,
    reject: str | None,
    restore: bool,
    author: str | None,
    csv_path: str | None,
    yes: bool,
) -> None:
    """Correct EVENT_ID (or every row of --csv): place, type, date, attacker, weapons, a
    claimant's figures; --reject a false event (kept, hidden) or --restore it; --merge-with
    another event that is the same strike; --detach
    undoes a wrong merge. Corrections are stored apart from machine output with who made
    them, when and why (--note), and survive re-ingestion and re-fusion; the map marks them."""
    from geoevents.store import CorrectionRequest

    names = None if weapons is None else tuple(w.strip() for w in weapons.split(",") if w.strip())
    fields = dict(
        place=place, lat=lat, lon=lon, event_type=event_type, date=date and date.isoformat(),
        detach=detach, merge_with=merge_with, attacker=attacker, weapons=names, reject=reject,
        restore=restore, claimant=claimant, killed=killed, injured=injured,
    )  # fmt: skip
    if add_new:
        if event_id is not None or csv_path is not None:
            raise click.UsageError("--add makes a new event: give no EVENT_ID and no --csv")
        _add_event(db, fields, note, author)
        return
    if (event_id is None) == (csv_path is None):
        raise click.UsageError("give either EVENT_ID with what to change, or --csv FILE")
    if csv_path is not None and any(v not in (None, False) for v in fields.values()):
        raise click.UsageError("--csv cannot be combined with the changes of one event")
    check_inputs_not_store([csv_path], db)
    errors: list[str] = []
    requests: list[CorrectionRequest] = []
    if csv_path is not None:
        requests, errors = _csv_requests(csv_path, author)
    else:
        assert event_id is not None
        requests.append(_single_request(event_id, fields, note, author))
    done, store_errors = _apply(db, requests, confirm=place is not None and not yes)
    errors.extend(store_errors)
    for ev in done:
        where = ev.place_name or f"{ev.lat:.4f}, {ev.lon:.4f}"
        click.echo(f"corrected {ev.id}: {ev.event_type} at {where} on {ev.date or '?'}")
    for msg in errors:
        click.echo(f"error: {mask_secrets(msg, db)}", err=True)
    if errors:
        raise SystemExit(1)


def _csv_requests(csv_path: str, author: str | None) -> tuple[list[Any], list[str]]:
    """The requests of a corrections CSV (a row without its own "by": ``author``), and
    the errors of its bad rows."""
    from geoevents.store import read_corrections_csv

    requests: list[Any] = []
    errors: list[str] = []
    try:
        for item in read_corrections_csv(csv_path):
            if isinstance(item, InputError):
                errors.append(str(item))
            else:
                requests.append(item if item.author else replace(item, author=author))
    except InputError as err:
        raise click.ClickException(str(err)) from err
    return requests, errors


def _add_event(db: str, fields: dict[str, Any], note: str | None, author: str | None) -> None:
    """Store an event added by hand and print the fused event it became part of."""
    from geoevents.store import AddedEvent, open_store

    if fields["event_type"] is None:
        raise click.UsageError("--add needs --type")
    unused = [k for k in ("detach", "merge_with", "reject", "restore") if fields[k]]
    if unused:
        raise click.UsageError(f"--add cannot be combined with --{unused[0].replace('_', '-')}")
    kept = {
        k: v for k, v in fields.items() if k not in ("detach", "merge_with", "reject", "restore")
    }
    kept["weapons"] = kept["weapons"] or ()
    add = AddedEvent(note=note, author=author, **kept)
    try:
        with open_store(db) as store:
            ev = store.add_event(add, gazetteer=open_gazetteer() if add.place else None)
    except ValueError as err:
        raise click.UsageError(str(err)) from err
    except GeoeventsError as err:
        raise store_failure(err, db) from err
    click.echo(f"added {ev.id}: {ev.event_type} at {ev.place_name or '?'} on {ev.date or '?'}")


def _login() -> str | None:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name in a bare container
        return None


def _single_request(
    event_id: str, fields: dict[str, Any], note: str | None, author: str | None
) -> Any:
    """The request of the command line's options; a usage error when they make none."""
    from geoevents.store import CorrectionRequest

    if (fields["lat"] is None) != (fields["lon"] is None):
        raise click.UsageError("give --lat and --lon together")
    given = {k for k, v in fields.items() if v not in (None, False)}
    if not given:
        raise click.UsageError(
            "nothing to correct: give --place, --lat/--lon, --type, --date, --attacker, "
            "--weapons, --killed/--injured, --reject, --restore, --detach or --merge-with"
        )
    for alone in ("detach", "merge_with"):
        if alone in given and len(given) > 1:
            flag = "--" + alone.replace("_", "-")
            raise click.UsageError(f"{flag} cannot be combined with other changes")
    if {"reject", "restore"} <= given:
        raise click.UsageError("give --reject or --restore, not both")
    return CorrectionRequest(event_id, note=note, author=author, **fields)


def _apply(db: str, requests: list[Any], *, confirm: bool) -> tuple[list[Any], list[str]]:
    """Store ``requests`` (corrected events, errors); ``confirm``: a --place match that is
    fuzzy or far away is refused first (see :func:`_confirm_place`)."""
    from geoevents.store import open_store

    if not requests:
        return [], []
    try:
        with open_store(db, create=False) as store:
            gazetteer = open_gazetteer() if any(r.place for r in requests) else None
            if confirm:
                _confirm_place(store, requests[0], gazetteer)
            return store.correct_many(requests, gazetteer=gazetteer)
    except GeoeventsError as err:
        raise store_failure(err, db) from err


def _confirm_place(store: Any, req: Any, gazetteer: Any) -> None:
    """Refuse (exit 1, showing the match) a --place match that is fuzzy or far from the
    event's current point; the store's own checks report unknown events and places."""
    from gazetteer.geo import haversine_km

    try:
        current = store.explain(req.event_id).event
        found = gazetteer.resolve_text(req.place)
    except Exception:  # an unknown event or unusable place: correct_many says which
        return
    if not found:
        return
    best = found[0]
    km = haversine_km((current.lat, current.lon), (best.place.lat, best.place.lon))
    reasons = []
    if best.stage == "fuzzy":
        reasons.append(f"a fuzzy match on {best.matched_name!r}")
    if km > FAR_KM:
        reasons.append(f"{km:.0f} km from the event's current point (> {FAR_KM:g} km)")
    if reasons:
        where = ", ".join(str(x) for x in (best.place.admin1, best.place.country_code) if x)
        raise click.ClickException(
            f"{req.event_id}: --place {req.place!r} would move it to {best.place.name}"
            f"{f' ({where})' if where else ''} at {best.place.lat:.4f}, {best.place.lon:.4f}: "
            f"{' and '.join(reasons)}; nothing changed (give --yes to apply)"
        )
