"""``geoevents extract INPUT... -o OUT``: news articles -> geocoded strike events.

Reads text, HTML, JSON and JSON Lines files, directories (recursive) and ``-``
(stdin) with :func:`geoevents.io.articles.read_articles`, extracts events with
:meth:`geoevents.extract.Extractor.run` and writes them with
:func:`geoevents.io.events.write_events` (atomic; the format follows the
extension: ``.geojson``, ``.gpkg``, ``.csv``, ``.parquet``). Without ``-o`` or
with ``-o -`` the GeoJSON goes to stdout.

With ``--engine dask`` the inputs are JSON Lines or Parquet shards and ``-o DIR/``
is a month-partitioned GeoParquet dataset built on Dask workers
(:func:`geoevents.scale.extract.extract_dataset`; docs/scale.md), with the input
errors also in ``DIR/_errors.jsonl``.

Every bad input is reported on stderr as ``error: path:line: message`` and the
other articles are still processed. A closing summary (articles read, failed,
events, places unresolved) goes to stderr. Exit status: 0 all inputs read, 1
some input failed (the output still holds every other event), 2 usage error.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from geoevents.cli.options import check_engine, engine_options, published_option
from geoevents.errors import GeoeventsError, InputError

#: Show a progress bar only when a run takes longer than this many seconds.
PROGRESS_DELAY_S = 2.0


def _check_output(ctx: click.Context, param: click.Parameter, value: str) -> str:
    from geoevents.io.events import FORMATS

    if value != "-" and Path(value).suffix.lower() not in FORMATS and not _names_folder(value):
        raise click.BadParameter(
            f"{value!r}: unsupported format; use one of {', '.join(FORMATS)} or '-' for stdout"
        )
    return value


def _names_folder(value: str) -> bool:
    """True for ``DIR/`` or an existing directory: the dataset of ``--engine dask``."""
    return value.endswith(("/", os.sep)) or os.path.isdir(value)


def _error(message: str) -> None:
    click.echo(f"error: {message}", err=True)


def _summary(
    stats: Counter[str] | dict[str, int], unresolved: Counter[str] | dict[str, int]
) -> str:
    """The closing line(s) of a run.

    >>> print(_summary(Counter(read=3, failed=1, events=4), Counter({"Foo": 2})))
    extract: 3 articles read, 1 failed, 4 events found, 1 place unresolved
      unresolved: Foo (2)
    """
    n_unres = len(unresolved)
    line = (
        f"extract: {stats['read']} article{'s' * (stats['read'] != 1)} read, "
        f"{stats['failed']} failed, {stats['events']} event{'s' * (stats['events'] != 1)} found, "
        f"{n_unres} place{'s' * (n_unres != 1)} unresolved"
    )
    if stats.get("duplicates"):
        line += f" ({stats['duplicates']} duplicate events dropped)"
    if unresolved:
        top = ", ".join(
            f"{name} ({n})"
            for name, n in sorted(unresolved.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
        )
        more = f", ... {n_unres - 10} more" if n_unres > 10 else ""
        line += f"\n  unresolved: {top}{more}"
    return line


@click.command("extract")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "-o",
    "--output",
    default="-",
    show_default=True,
    callback=_check_output,
    help="Output file (.geojson, .gpkg, .csv, .parquet); '-' prints GeoJSON to stdout. "
    "With --engine dask: a directory DIR/, the GeoParquet dataset (docs/scale.md).",
)
@published_option("Publication date for articles whose metadata and dateline give none.")
@click.option(
    "--explain", is_flag=True, help="Print why each event was placed where it is (stderr)."
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Force the progress bar on (even off a terminal, from the first article) or off; "
    f"default: on a terminal, after {PROGRESS_DELAY_S:g} s.",
)
@engine_options
def extract(
    inputs: tuple[str, ...],
    output: str,
    published: datetime.date | None,
    explain: bool,
    quiet: bool,
    progress: bool | None,
    engine: str,
    scheduler: str | None,
    workers: int | None,
) -> None:
    """Extract strike events from news articles in INPUT files or directories ('-' = stdin).

    With --engine dask, INPUTs are globs, directories or files of JSON Lines (.jsonl,
    .jsonl.gz) or Parquet article shards, and -o names the dataset directory.
    """
    from geoevents.cli.outputs import check_output

    check_engine(engine, scheduler, workers)
    if engine == "dask":
        if explain:
            raise click.UsageError("--explain needs --engine local")
        _extract_dask(
            inputs,
            output,
            published,
            client_options={"scheduler": scheduler, "workers": workers},
            bar_options=(quiet, progress),
        )
        return
    if _names_folder(output):
        raise click.BadParameter(
            f"{output!r} is a directory: only --engine dask writes a dataset directory",
            param_hint="'-o' / '--output'",
        )
    check_output(output, inputs=inputs)
    extractor = open_extractor(explain)
    stats: Counter[str] = Counter()
    unresolved: Counter[str] = Counter()
    events: list[Any] = []
    seen: set[str] = set()
    with _progress_bar(quiet, progress) as bar:
        for item in extractor.run(list(inputs), published=published):
            bar.update(1)
            if isinstance(item, InputError):
                stats["failed"] += 1
                stats["read"] += _was_read(item)
                bar.clear()
                _error(str(item))
                continue
            stats["read"] += 1
            stats["ok"] += 1
            unresolved.update(item.unresolved)
            if explain:
                bar.clear()
                _print_explain(item)
            for ev in item.events:
                if ev.id in seen:
                    stats["duplicates"] += 1
                    continue
                seen.add(ev.id)
                events.append(ev)
    stats["events"] = len(events)
    _write(events, output, every_input_failed=stats["failed"] > 0 and not stats["ok"])
    if not quiet:
        click.echo(_summary(stats, unresolved), err=True)
    if stats["failed"]:
        sys.exit(1)


def _extract_dask(
    inputs: tuple[str, ...],
    output: str,
    published: datetime.date | None,
    *,
    client_options: dict[str, Any],
    bar_options: tuple[bool, bool | None],
) -> None:
    """``extract --engine dask``: the GeoParquet dataset ``output`` (a directory), built by
    :func:`geoevents.scale.extract.extract_dataset` on the client ``client_options`` give
    (:func:`~geoevents.scale.cluster.open_client`), with a progress bar over partitions
    (``bar_options``: ``--quiet``, ``--progress``)."""
    from geoevents.scale.dataset import is_dataset

    if output == "-" or not _names_folder(output):
        raise click.BadParameter(
            f"{output!r}: with --engine dask the output is a directory (DIR/), the dataset",
            param_hint="'-o' / '--output'",
        )
    if os.path.lexists(output) and not is_dataset(output):
        raise click.BadParameter(
            f"{output!r} exists and is not an event dataset: it would be replaced",
            param_hint="'-o' / '--output'",
        )
    try:
        from geoevents.scale.cluster import open_client
        from geoevents.scale.extract import extract_dataset

        with (
            open_client(**client_options) as client,
            _progress_bar(*bar_options, " partitions") as bar,
        ):
            summary = extract_dataset(
                client, list(inputs), output, published=published, progress=bar
            )
    except GeoeventsError as err:
        raise click.ClickException(str(err)) from err
    for rec in summary.errors:
        _error(
            str(InputError(rec["message"], path=rec["path"], line=rec["line"], field=rec["field"]))
        )
    stats = {
        "read": summary.read,
        "failed": summary.failed,
        "events": summary.events,
        "duplicates": summary.duplicates,
    }
    if not bar_options[0]:
        click.echo(_summary(stats, summary.unresolved), err=True)
    if summary.failed:
        sys.exit(1)


def _write(events: list[Any], output: str, *, every_input_failed: bool) -> None:
    """Write ``events`` to ``output`` ('-': stdout); an existing file is kept when every
    input failed (the run would replace it with an empty result)."""
    from geoevents.io.events import to_feature_collection, write_events

    if every_input_failed and output != "-" and os.path.lexists(output):
        _error(f"every input failed: {output} left unchanged (not replaced by an empty result)")
        return
    try:
        if output == "-":
            click.echo(json.dumps(to_feature_collection(events), ensure_ascii=False, indent=1))
        else:
            write_events(events, output)
    except (OSError, GeoeventsError, ValueError) as err:
        raise click.ClickException(f"cannot write {output}: {err}") from err


def _was_read(error: InputError) -> bool:
    """True for an article that was read and then crashed the pipeline."""
    from geoevents.extract.extractor import ExtractionError

    return isinstance(error, ExtractionError)


def open_extractor(explain: bool) -> Any:
    """An :class:`~geoevents.extract.Extractor` on the default gazetteer, or a click error."""
    try:
        from geoevents.extract import Extractor

        return Extractor(explain=explain)
    except (ImportError, GeoeventsError, OSError) as err:
        raise click.ClickException(f"cannot start extraction: {err}") from err
    except Exception as err:  # the gazetteer's own errors
        raise click.ClickException(f"cannot open the gazetteer: {err}") from err


@contextlib.contextmanager
def _progress_bar(quiet: bool, progress: bool | None, unit: str = " articles") -> Iterator[Any]:
    """A tqdm bar on stderr: on a terminal after a delay, forced on or off by the flags."""
    from tqdm import tqdm

    if quiet or progress is False:
        disable: bool | None = True
    else:
        disable = False if progress else None  # None: only on a terminal
    bar = tqdm(
        unit=unit,
        file=sys.stderr,
        disable=disable,
        delay=0 if progress else PROGRESS_DELAY_S,
        leave=bool(progress),
    )
    try:
        yield bar
    finally:
        bar.close()


def _print_explain(result: Any) -> None:
    click.echo(f"explain: {result.article.where} ({result.article.id})", err=True)
    for line in result.explain:
        click.echo(f"  {line}", err=True)
