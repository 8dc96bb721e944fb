"""``geoevents map``: render events (event files, articles or the store) as an interactive map.

Inputs that cannot be read are reported on stderr and skipped; the map is still
written (atomically) from the others. Exit status: 0 every input read, 1 some
input failed (the map holds the rest) or nothing could be written, 2 usage error.

GeoParquet event files and event datasets (``DIR/month=YYYY-MM/*.parquet``) are read
column by column (:mod:`geoevents.scale.aggregate`): a map of more events than
``--aggregate-above`` shows counts per hexagon plus the ``--newest`` events as markers.
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
from geoevents.scale.aggregate import DEFAULT_AGGREGATE_ABOVE, DEFAULT_NEWEST

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


def _read_inputs(inputs: tuple[str, ...]) -> tuple[list[Any], list[str], int, list[Path]]:
    """Events read from ``inputs`` (event files, or articles extracted), error messages,
    how many sources gave events (each event file; all articles together), and the
    GeoParquet files and event datasets (read later, column by column)."""
    from geoevents.io.events import load_events
    from geoevents.scale.aggregate import is_event_dataset

    events: list[Any] = []
    errors: list[str] = []
    articles: list[str] = []
    tables: list[Path] = []
    sources = 0
    for raw in inputs:
        path = Path(raw)
        if not path.exists():
            errors.append(str(InputError("no such file or directory", path=raw)))
            continue
        if is_event_dataset(path) or (path.is_file() and path.suffix.lower() == ".parquet"):
            tables.append(path)
        elif path.is_file() and _is_events_file(path):
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
    return events, errors, sources, tables


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
@click.option(
    "--aggregate-above",
    type=click.IntRange(min=0),
    default=DEFAULT_AGGREGATE_ABOVE,
    show_default=True,
    metavar="N",
    help="A map of more events shows counts per hexagon, type and month (with a month "
    "filter) plus the newest events as markers, and says so on the page.",
)
@click.option(
    "--newest",
    type=click.IntRange(min=0),
    default=DEFAULT_NEWEST,
    show_default=True,
    metavar="N",
    help="How many of the newest events an aggregated map shows as markers.",
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
    aggregate_above: int,
    newest: int,
    **filters: Any,
) -> None:
    """Render INPUT... (event files from `geoevents extract`, event datasets
    DIR/month=YYYY-MM/*.parquet, or articles) as an HTML map.

    Inputs that cannot be read are reported on stderr (file, line, field) and skipped;
    the map is written from the others and the exit status is 1. Filters (--since,
    --type, ...) apply to every input. A map of more than --aggregate-above events
    shows counts per hexagon plus the --newest events as markers.
    """
    from geoevents.filters import select
    from maps import assets
    from maps.eventmap import write_map

    if not inputs and not db:
        raise click.UsageError("give at least one INPUT or --db")
    check_output(output, inputs=inputs, store=db)
    flt = filter_from_options(**filters)
    style = {"title": title, "offline": offline, "heat": heat, "regions": regions}
    if offline:
        try:
            assets.check_assets()
        except GeoeventsError as err:
            raise click.ClickException(str(err)) from err
    events, errors, sources, tables = _read_inputs(inputs)
    if db:
        sources += _read_store(db, events, errors)
    events = select(_first_of_each_id(events), flt)
    rows, read = _table_rows(tables, flt, {ev.id for ev in events}, errors)
    sources += read
    for msg in errors:
        click.echo(f"error: {msg}", err=True)
    if errors and not sources:
        raise click.ClickException(f"no input could be read ({len(errors)} errors)")
    total = len(events) + len(rows)
    late: list[str] = []  # bad events found while reading the shown ones back
    counts = None
    try:
        if total > aggregate_above:
            counts, events = _aggregate(events, rows, newest, late)
        elif len(rows):
            from geoevents.scale.aggregate import load_events_by_id

            events.extend(load_events_by_id(rows, on_error=lambda e: late.append(str(e))))
        write_map(events, output, aggregate=counts, **style)
    except GeoeventsError as err:
        raise click.ClickException(str(err)) from err
    except OSError as err:  # a read-only folder, a full disk
        raise click.ClickException(f"{output}: cannot write: {err.strerror or err}") from err
    for msg in late:
        click.echo(f"error: {msg}", err=True)
    errors.extend(late)
    skipped = f" ({len(errors)} inputs skipped)" if errors else ""
    if counts is not None:
        click.echo(
            f"wrote a map of {total} events to {output}: counts per hexagon (H3 resolution "
            f"{counts.resolution}), the newest {len(events)} as markers{skipped}"
        )
    else:
        click.echo(f"wrote a map of {total} events to {output}{skipped}")
    if errors:
        sys.exit(1)


def _read_store(db: str, events: list[Any], errors: list[str]) -> int:
    """Add the fused events of the store ``db`` to ``events`` (problems to ``errors``);
    1 if it could be read, else 0."""
    from geoevents.store import open_store

    try:
        with open_store(db, create=False) as store:
            events.extend(store.event_list())
            # damaged rows were skipped (and logged by name): they fail the run
            errors.extend(mask_secrets(str(d), db) for d in store.damaged)
        return 1
    except GeoeventsError as err:
        errors.append(mask_secrets(f"{describe_db(db)}: {err}", db))
        return 0


def _table_rows(tables: list[Path], flt: Any, seen: set[str], errors: list[str]) -> tuple[Any, int]:
    """The columns of the events in GeoParquet files and event datasets that ``flt`` keeps
    (:func:`geoevents.scale.aggregate.read_event_columns`), without ids in ``seen`` or
    repeated; and how many of ``tables`` gave events. Bad files go to ``errors``."""
    import pandas as pd

    from geoevents.scale.aggregate import filter_columns, read_event_columns

    frames = []
    read = 0
    for path in tables:
        before = len(errors)
        cols = read_event_columns(
            path, claims=bool(flt.claimants), on_error=lambda e: errors.append(str(e))
        )
        read += bool(len(cols)) or len(errors) == before
        frames.append(cols)
    if not frames:
        return pd.DataFrame({"id": []}), 0
    rows = pd.concat(frames, ignore_index=True)
    rows = rows[~rows["id"].isin(seen)].drop_duplicates("id")
    return filter_columns(rows, flt), read


def _aggregate(
    events: list[Any], rows: Any, newest: int, errors: list[str]
) -> tuple[Any, list[Any]]:
    """Counts per hexagon of ``events`` and the event table ``rows`` together, and the
    ``newest`` of them as events (those of ``rows`` read back from their files; bad
    ones go to ``errors``)."""
    import pandas as pd

    from geoevents.model import sort_events
    from geoevents.scale import aggregate

    parts = [aggregate.event_columns(events)] + ([rows] if len(rows) else [])
    table = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    counts = aggregate.count_hexagons(table)
    top = aggregate.newest(table, newest)
    in_memory = set(top.loc[top["file"].isna(), "id"])
    shown = [ev for ev in events if ev.id in in_memory]
    shown.extend(
        aggregate.load_events_by_id(
            top[top["file"].notna()], on_error=lambda e: errors.append(str(e))
        )
    )
    return counts, sort_events(shown)


def _first_of_each_id(events: list[Any]) -> list[Any]:
    """``events`` without later repeats of an id (the same event from two inputs)."""
    first: dict[str, Any] = {}
    for ev in events:
        first.setdefault(ev.id, ev)
    return list(first.values())
