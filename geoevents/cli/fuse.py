"""``geoevents fuse DATASET_OR_FILES... -o OUT``: reports of the same strike -> one event.

Reads the event dataset that ``geoevents extract --engine dask`` writes (directories
are searched for ``.parquet`` files; single files of it may be given too), fuses the
report events with the store's rules (:func:`geoevents.store.fusion.fuse`; docs/store.md)
and writes the fused events with a ``members`` column (their report event ids) to
``.parquet``, ``.geojson``, ``.gpkg`` or ``.csv`` (atomic). ``--engine dask`` fuses on a
Dask cluster (:mod:`geoevents.scale.fusion`) with the same result.

Bad rows are reported on stderr as ``error: path: field F: row N: message`` and the
other rows are still fused. Exit status: 0 all rows read, 1 some failed, 2 usage error.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from geoevents.cli.options import check_engine, engine_options
from geoevents.errors import GeoeventsError


def _check_output(ctx: click.Context, param: click.Parameter, value: str) -> str:
    from geoevents.io.events import FORMATS

    if Path(value).suffix.lower() not in FORMATS:
        raise click.BadParameter(f"{value!r}: unsupported format; use one of {', '.join(FORMATS)}")
    return value


@click.command("fuse")
@click.argument("inputs", nargs=-1, required=True, metavar="DATASET_OR_FILES...")
@click.option(
    "-o",
    "--output",
    required=True,
    callback=_check_output,
    help="Output file (.parquet, .geojson, .gpkg, .csv) with a members column.",
)
@engine_options
@click.option("-q", "--quiet", is_flag=True, help="No summary.")
def fuse_command(
    inputs: tuple[str, ...],
    output: str,
    engine: str,
    scheduler: str | None,
    workers: int | None,
    quiet: bool,
) -> None:
    """Fuse the report events of event datasets (directories) or their Parquet files."""
    from geoevents.cli.outputs import check_output
    from geoevents.errors import InputError
    from geoevents.scale.fusion import unique_reports
    from geoevents.scale.reports import dataset_files, read_files, write_fused
    from geoevents.store.fusion import ReportEvent, fuse

    check_engine(engine, scheduler, workers)
    try:
        files = dataset_files(inputs)
    except InputError as err:
        raise click.ClickException(str(err)) from err
    check_output(output, inputs=files)
    if engine == "local":
        items = read_files(files)
        errors = [i for i in items if isinstance(i, InputError)]
        fused = fuse(unique_reports(i for i in items if isinstance(i, ReportEvent)))
    else:
        fused, errors = _fuse_on_dask(files, scheduler, workers)
    for err in errors:
        click.echo(f"error: {err}", err=True)
    try:
        write_fused(fused, output)
    except (OSError, GeoeventsError, ValueError) as err:
        raise click.ClickException(f"cannot write {output}: {err}") from err
    if not quiet:
        reports = sum(len(f.members) for f in fused)
        click.echo(
            f"fuse: {len(files)} file(s), {reports} report events, {len(errors)} input error(s), "
            f"{len(fused)} fused events",
            err=True,
        )
    if errors:
        sys.exit(1)


def _fuse_on_dask(files: list[Path], scheduler: str | None, workers: int | None):  # noqa: ANN202
    from geoevents.errors import ConfigurationError
    from geoevents.scale.cluster import open_client
    from geoevents.scale.fusion import distributed_fuse, files_bag

    try:
        with open_client(scheduler, workers) as client:
            return distributed_fuse(files_bag(files), scheduler=client)
    except ConfigurationError as err:
        raise click.ClickException(str(err)) from err
