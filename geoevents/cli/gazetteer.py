"""``geoevents gazetteer``: build the offline index from extra sources, show what it holds."""

from __future__ import annotations

import json
import sys
import time
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

_FILE = click.Path(path_type=Path, dir_okay=False, exists=True)


@click.group("gazetteer")
def gazetteer() -> None:
    """Build and inspect the offline gazetteer index."""


@gazetteer.command("build")
@click.option(
    "--geonames",
    "geonames_files",
    multiple=True,
    type=_FILE,
    metavar="FILE",
    help="GeoNames dump (UA.zip, UA.txt, allCountries.zip); repeatable.",
)
@click.option(
    "--alternate-names",
    "alternate_files",
    multiple=True,
    type=_FILE,
    metavar="FILE",
    help="GeoNames alternateNamesV2 file (.txt or .zip); repeatable.",
)
@click.option(
    "--custom",
    "custom_files",
    multiple=True,
    type=_FILE,
    metavar="FILE",
    help="Custom places CSV or GeoJSON (they win over GeoNames); repeatable.",
)
@click.option(
    "--path",
    "index_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Index file to write (default: the user cache index).",
)
@click.option(
    "--country",
    "countries",
    multiple=True,
    metavar="CC",
    help="Keep only GeoNames places of this country (ISO code; repeatable). Default: the world.",
)
@click.option("--quiet", is_flag=True, help="No progress bars.")
def build(
    geonames_files: Sequence[Path],
    alternate_files: Sequence[Path],
    custom_files: Sequence[Path],
    index_path: Path | None,
    countries: Sequence[str],
    quiet: bool,
) -> None:
    """Build the index: embedded GeoNames cities500 + regions + strategic sites, plus FILEs.

    Malformed lines in the files are skipped and listed; a file without any
    valid line stops the build with an error naming it (the old index stays).
    """
    from gazetteer.build import build_index
    from gazetteer.cache import default_index_path
    from gazetteer.errors import GazetteerError

    codes = tuple(dict.fromkeys(c.strip().upper() for c in countries if c.strip()))
    bad = [c for c in codes if len(c) != 2 or not c.isalpha()]
    if bad:
        raise click.BadParameter(
            f"not ISO 3166-1 alpha-2: {', '.join(bad)}", param_hint="--country"
        )
    target = index_path or default_index_path()
    started = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            build_index(
                target,
                geonames_files=tuple(geonames_files),
                alternate_names_files=tuple(alternate_files),
                custom_files=tuple(custom_files),
                progress=not quiet,
                countries=codes or None,
            )
        except (GazetteerError, OSError) as err:
            raise click.ClickException(f"build failed, index unchanged: {err}") from err
    skipped = [str(w.message) for w in caught if issubclass(w.category, UserWarning)]
    for message in skipped[:20]:
        click.echo(f"skipped: {message}", err=True)
    if len(skipped) > 20:
        click.echo(f"... and {len(skipped) - 20} more skipped lines", err=True)
    click.echo(f"built {target} in {time.perf_counter() - started:.1f} s", err=True)
    if skipped:
        click.echo(f"{len(skipped)} malformed line(s) skipped", err=True)


def _plain(value: Any, indent: int = 0) -> list[str]:
    pad = "  " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, dict | list) and item:
                lines.append(f"{pad}{key}:")
                lines.extend(_plain(item, indent + 1))
            else:
                lines.append(f"{pad}{key}: {item if item not in (None, '') else '-'}")
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict | list):
                lines.append(f"{pad}-")
                lines.extend(_plain(item, indent + 1))
            else:
                lines.append(f"{pad}- {item}")
    else:
        lines.append(f"{pad}{value}")
    return lines


@gazetteer.command("info")
@click.option(
    "--path",
    "index_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Index file (default: the user cache index, built if missing).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def info(index_path: Path | None, as_json: bool) -> None:
    """Show the index's file, sources, versions and counts."""
    from gazetteer import Gazetteer
    from gazetteer.errors import GazetteerError

    try:
        data = Gazetteer.open(index_path, progress=sys.stderr.isatty()).info()
    except GazetteerError as err:
        raise click.ClickException(str(err)) from err
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, default=str))
    else:
        click.echo("\n".join(_plain(data)))
