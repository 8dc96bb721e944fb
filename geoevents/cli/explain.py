"""``geoevents explain``: why the reports of a fused event were merged."""

from __future__ import annotations

import click

from geoevents.cli.options import db_option, store_failure
from geoevents.errors import GeoeventsError
from geoevents.model import claims_summary
from geoevents.store.explanation import FusionExplanation, MemberReport


def explain_lines(x: FusionExplanation) -> list[str]:
    """The explanation in words, one line per fact."""
    ev = x.event
    when = ev.date or (f"{ev.date_start}..{ev.date_end}" if ev.date_start else "unknown date")
    lines = [
        f"{ev.id}: {ev.event_type} at {ev.place_name or '?'} ({ev.lat:.4f}, {ev.lon:.4f}) "
        f"on {when}; {len(x.members)} report event(s), {len(ev.sources)} source(s)"
        + ("; CORRECTED" if ev.corrected else "")
        + (f"; REJECTED: {ev.rejected}" if ev.rejected else "")
    ]
    if claims_summary(ev):
        lines.append(f"  killed: {claims_summary(ev)}")
    for m in x.members:
        lines.append(f"  member {m.id}: {_article(m)}")
        if x.founded_by(m):
            lines.append("    first report of this event: the event id derives from it")
        if m.joined_with is None and len(x.members) > 1:
            lines.append("    the other reports joined this one (directly or in turn)")
        elif m.joined_with is not None:
            lines.append(f"    merged with {m.joined_with}: {m.reason}")
    for c in x.corrections:
        change = ", ".join(f"{k}={v}" for k, v in sorted(c.changes.items()))
        note = f" ({c.note})" if c.note else ""
        by = f" by {c.author}" if c.author else ""
        lines.append(f"  correction #{c.seq} at {c.created_at}{by}: {change}{note}")
    return lines


def _article(m: MemberReport) -> str:
    if m.event is None:
        return "article ?"
    return (
        f"article {m.article_id} {m.title!r} published {m.published or '?'}"
        f"; extracted {m.event.event_type} at {m.event.place_name or '?'} on {m.event.date or '?'}"
    )


@click.command("explain")
@click.argument("event_id")
@db_option()
def explain(event_id: str, db: str) -> None:
    """Print the reports that make EVENT_ID, why each was merged, and its corrections."""
    from geoevents.store import open_store

    try:
        with open_store(db, create=False) as store:
            found = store.explain(event_id)
    except GeoeventsError as err:
        raise store_failure(err, db) from err
    for line in explain_lines(found):
        click.echo(line)
