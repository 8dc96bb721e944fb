"""``geoevents review``: the events an analyst should check first, and why."""

from __future__ import annotations

import json
from typing import Any

import click

from geoevents.cli.options import (
    db_option,
    filter_from_options,
    filter_options,
    open_gazetteer,
    store_failure,
)
from geoevents.errors import GeoeventsError


@click.command("review")
@db_option()
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=20,
    show_default=True,
    help="How many events to list (0: all).",
)
@click.option(
    "--needs-review",
    "only_review",
    is_flag=True,
    help="Only the events below the review threshold (drawn 'needs review' on the map).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON (id, confidence, reasons, ...).")
@filter_options
def review(db: str, limit: int, only_review: bool, as_json: bool, **filters: Any) -> None:
    """List the store's events to check first: lowest confidence first (approximate place,
    a place name other places share, one source, no official claimant, disputed or differing
    tolls, unverified, unknown attacker), with the reasons and the commands to look closer or
    correct."""
    from geoevents.confidence import NEEDS_REVIEW, review_order
    from geoevents.store import open_store

    try:
        with open_store(db, create=False) as store:
            events = store.event_list(filter_from_options(**filters))
    except GeoeventsError as err:
        raise store_failure(err, db) from err
    gz = open_gazetteer() if events else None  # names other places share need a second look
    ranked = [t for t in review_order(events, gz) if not only_review or t[1] < NEEDS_REVIEW]
    below = sum(1 for t in ranked if t[1] < NEEDS_REVIEW)
    shown = ranked[:limit] if limit else ranked
    if as_json:
        click.echo(json.dumps([_row(ev, score, why) for ev, score, why in shown], indent=1))
        return
    click.echo(
        f"{len(events)} events, {below} below confidence {NEEDS_REVIEW} (need review); "
        + (f"the {len(shown)} to check first:" if len(shown) < len(ranked) else "in review order:")
    )
    for ev, score, why in shown:
        row = _row(ev, score, why)
        click.echo(f"{score:.2f}  {ev.id}  {row['event_type']} at {row['place']} on {row['date']}")
        for reason in why:
            click.echo(f"        {reason}")
    if shown:
        click.echo(
            "look closer: geoevents explain ID; fix: geoevents correct ID --place/--type/--date ..."
        )


def _row(ev: Any, score: float, why: tuple[str, ...]) -> dict[str, Any]:
    when = ev.date or (f"{ev.date_start}..{ev.date_end}" if ev.date_start else "?")
    return {
        "id": ev.id,
        "confidence": score,  # the review score: the confidence, less a shared name's penalty
        "reasons": list(why),
        "event_type": ev.event_type,
        "place": ev.place_name or f"{ev.lat:.4f}, {ev.lon:.4f}",
        "date": when,
        "sources": len(ev.sources),
        "corrected": ev.corrected,
    }
