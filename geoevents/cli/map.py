"""``geoevents map``: render events (event files, articles or the store) as an interactive map.

Inputs that cannot be read are reported on stderr and skipped; the map is still
written (atomically) from the others. Exit status: 0 every input read, 1 some
input failed (the map holds the rest) or nothing could be written, 2 usage error.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from geoevents.cli.options import db_option, filter_from_options, filter_options
from geoevents.cli.outputs import check_output
from geoevents.dburl import describe_db, mask_secrets
from geoevents.errors import GeoeventsError, InputError

#: Suffixes read as event files written by ``geoevents extract``; anything else is articles.
EVENT_SUFFIXES = (".geojson", ".gpkg", ".csv", ".parquet")


def _is_events_file(path: Path) -> bool:
    suffix = path.suffix.lower()
    if suffix in EVENT_SUFFIXES:
        return True
    if suffix == ".json" and path.is_file():
        with open(path, encoding="utf-8", errors="replace") as fh:
            head = fh.read(4096)
        return '"FeatureCollection"' in head
    return False


def _read_inputs(inputs: tuple[str, ...]) -> tuple[list[Any], list[str], int]:
    """Events read from ``inputs`` (event files, or articles extracted), error messages,
    and how many sources gave events (each event file; all articles together)."""
    from geoevents.io.events import load_events

    events: list[Any] = []
    errors: list[str] = []
    articles: list[str] = []
    sources = 0
    for raw in inputs:
        path = Path(raw)
        if not path.exists():
            errors.append(str(InputError("no such file or directory", path=raw)))
            continue
        if path.is_file() and _is_events_file(path):
            try:
                events.extend(load_events(path, on_error=lambda e: errors.append(str(e))))
                sources += 1
            except GeoeventsError as err:
                errors.append(str(err))
        else:
            articles.append(raw)
    if articles:
        from geoevents.extract import Extractor
        from geoevents.model import sort_events

        found = []
        read = 0
        for item in Extractor().run(articles):
            if isinstance(item, InputError):
                errors.append(str(item))
            else:
                read += 1
                found.extend(item.events)
        events.extend(sort_events(found))
        sources += read > 0
    return events, errors, sources


@click.command("map")
@click.argument("inputs", nargs=-1, metavar="INPUT...")
@click.option("-o", "--output", required=True, help="Output HTML file (written atomically).")
@click.option(
    "--offline",
    is_flag=True,
    help="One self-contained file: every JS/CSS asset inlined from maps/node_modules "
    "(or $GEOEVENTS_ASSETS_DIR) and country outlines as the basemap.",
)
@click.option("--title", default="Reported strikes", show_default=True, help="Map title.")
@click.option("--heat", is_flag=True, help="Add a density (heat) layer.")
@click.option("--regions", is_flag=True, help="Add a layer with event counts per region.")
@db_option(
    default=None,
    envvar="GEOEVENTS_MAP_DB",
    help="Map the events of a store (.gpkg or postgresql:// URL) instead of, or besides, INPUT.",
)
@filter_options
def map_command(
    inputs: tuple[str, ...],
    output: str,
    offline: bool,
    title: str,
    heat: bool,
    regions: bool,
    db: str | None,
    **filters: Any,
) -> None:
    """Render INPUT... (event files from `geoevents extract`, or articles) as an HTML map.

    Inputs that cannot be read are reported on stderr (file, line, field) and skipped;
    the map is written from the others and the exit status is 1. Filters (--since,
    --type, ...) apply to every input.
    """
    from geoevents.filters import select
    from maps import assets
    from maps.eventmap import write_map

    if not inputs and not db:
        raise click.UsageError("give at least one INPUT or --db")
    check_output(output, inputs=inputs, store=db)
    flt = filter_from_options(**filters)
    if offline:
        try:
            assets.check_assets()
        except GeoeventsError as err:
            raise click.ClickException(str(err)) from err
    events, errors, sources = _read_inputs(inputs)
    if db:
        from geoevents.store import open_store

        try:
            with open_store(db, create=False) as store:
                events.extend(store.event_list())
                # damaged rows were skipped (and logged by name): they fail the run
                errors.extend(mask_secrets(str(d), db) for d in store.damaged)
            sources += 1
        except GeoeventsError as err:
            errors.append(mask_secrets(f"{describe_db(db)}: {err}", db))
    for msg in errors:
        click.echo(f"error: {msg}", err=True)
    if errors and not sources:
        raise click.ClickException(f"no input could be read ({len(errors)} errors)")
    events = select(_first_of_each_id(events), flt)
    try:
        write_map(events, output, title=title, offline=offline, heat=heat, regions=regions)
    except GeoeventsError as err:
        raise click.ClickException(str(err)) from err
    except OSError as err:  # a read-only folder, a full disk
        raise click.ClickException(f"{output}: cannot write: {err.strerror or err}") from err
    skipped = f" ({len(errors)} inputs skipped)" if errors else ""
    click.echo(f"wrote a map of {len(events)} events to {output}{skipped}")
    if errors:
        sys.exit(1)


def _first_of_each_id(events: list[Any]) -> list[Any]:
    """``events`` without later repeats of an id (the same event from two inputs)."""
    first: dict[str, Any] = {}
    for ev in events:
        first.setdefault(ev.id, ev)
    return list(first.values())
