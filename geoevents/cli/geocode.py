"""``geoevents geocode``: resolve place names offline (optionally online as a fallback).

One or more queries print ranked candidates; ``--json`` prints, for one query, a
JSON array of candidates (best first), for several a JSON array of
``{"query": ..., "candidates": [...]}`` objects. ``--csv IN --column COL -o OUT``
geocodes a CSV file, adding ``lat, lon, place_name, geonameid, country_code,
admin1, precision, score`` to every row (rows that do not resolve keep empty
values); where the input already has such a column, it is kept and the added one is
named ``geocoded_<name>``. The exit code is 1 if any query failed (bad query or no match).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

import click

if TYPE_CHECKING:
    from gazetteer.geocoder import FallbackGeocoder, OfflineGeocoder
    from gazetteer.types import Context

#: Columns the batch mode adds to every row, in order.
BATCH_COLUMNS = (
    "lat",
    "lon",
    "place_name",
    "geonameid",
    "country_code",
    "admin1",
    "precision",
    "score",
)
#: Public Nominatim (usage policy: at most 1 request/s, a User-Agent naming the app).
DEFAULT_NOMINATIM = "https://nominatim.openstreetmap.org"
#: Default User-Agent for the online fallback (Nominatim requires one naming the app).
DEFAULT_USER_AGENT = "geoevents-geocoder (https://pypi.org/project/geoevents/)"


def _online_dict(location: Any) -> dict[str, Any]:
    """Candidate-shaped dict for a geopy Location from an online geocoder."""
    raw = location.raw if isinstance(location.raw, dict) else {}
    kind = str(raw.get("addresstype") or raw.get("type") or "")
    if kind in ("country", "continent"):
        precision = kind
    elif kind in ("county", "district", "state_district"):
        precision = "district"
    elif kind in ("state", "region", "province", "administrative"):
        precision = "region"
    elif kind in ("city", "town", "village", "hamlet", "suburb", "municipality", "neighbourhood"):
        precision = "settlement"
    else:
        precision = "site"
    importance = raw.get("importance")
    return {
        "name": location.address,
        "lat": location.latitude,
        "lon": location.longitude,
        "country_code": None,
        "admin1": None,
        "geonameid": None,
        "kind": precision,
        "precision": precision,
        "score": round(float(importance), 4) if isinstance(importance, int | float) else None,
        "stage": "online",
        "source": "online",
        "explain": [f"online geocoder {raw.get('osm_type', '')} {raw.get('osm_id', '')}".strip()],
    }


class _QueryLookup:
    """Turns a query into candidate dicts, offline first, online if enabled."""

    def __init__(
        self,
        path: Path | None,
        countries: tuple[str, ...],
        online: bool,
        user_agent: str,
        cache_path: Path | None,
        nominatim_url: str,
    ) -> None:
        from gazetteer.geocoder import OfflineGeocoder

        self.countries = countries
        self.context: Context | None = None  # e.g. a batch prior
        # a first-ever index build shows its progress bars when someone watches
        self.offline: OfflineGeocoder = OfflineGeocoder(path=path, progress=sys.stderr.isatty())
        self.fallback: FallbackGeocoder | None = None
        if online:
            from geopy.geocoders import Nominatim

            from gazetteer.geocoder import with_fallback

            url = urlparse(nominatim_url)
            if url.scheme not in ("http", "https") or not url.netloc:
                raise click.BadParameter(
                    f"not an http(s) URL: {nominatim_url!r}", param_hint="--nominatim-url"
                )
            self.fallback = with_fallback(
                Nominatim(
                    user_agent=user_agent,
                    domain=url.netloc + url.path.rstrip("/"),
                    scheme=url.scheme,
                ),
                cache_path=cache_path,
                offline=self.offline,
            )

    def __call__(self, query: str, limit: int) -> list[dict[str, Any]]:
        found = self.offline.candidates(
            query, limit=limit, country_codes=self.countries or None, context=self.context
        )
        if found or self.fallback is None:
            return [c.to_dict() for c in found]
        online = self.fallback.geocode_online(
            query,
            exactly_one=False,
            limit=limit,
            country_codes=self.countries or None,
        )
        return [_online_dict(loc) for loc in (online or [])][:limit]


def _check_user_agent(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """Refuse a blank User-Agent (geopy would send its own stock agent, which Nominatim blocks).

    >>> _check_user_agent(None, None, " ")
    Traceback (most recent call last):
    ...
    click.exceptions.BadParameter: must name your application and a contact (Nominatim's usage policy), got ' '
    """
    if not value.strip() or any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise click.BadParameter(
            f"must name your application and a contact (Nominatim's usage policy), got {value!r}"
        )
    return value.strip()


def _check_query(query: str) -> None:
    """Reject bad queries early with a message (the gazetteer re-checks)."""
    from gazetteer.errors import QueryError

    if not query.strip():
        raise QueryError("empty query")
    if any((ord(ch) < 32 and ch not in "\t\n\r") or ord(ch) == 127 for ch in query):
        raise QueryError("query contains control characters")
    if len(query) > 500:
        raise QueryError(f"query too long ({len(query)} characters; at most 500)")


def _short(query: str) -> str:
    text = query.encode("unicode_escape").decode("ascii")
    return text if len(text) <= 60 else text[:57] + "..."


def _print_human(query: str, candidates: list[dict[str, Any]], explain: bool) -> None:
    click.echo(f"{query}:")
    for rank, c in enumerate(candidates, start=1):
        where = ", ".join(str(x) for x in (c.get("admin1"), c.get("country_code")) if x)
        gid = c.get("geonameid")
        click.echo(
            f"  {rank}. {c['name']}" + (f" ({where})" if where else "") + f"  {c['lat']:.5f}, "
            f"{c['lon']:.5f}  {c.get('precision')}  score {c.get('score')}"
            + (f"  geonameid {gid}" if gid else "")
            + f"  [{c.get('source')}]"
        )
        if explain:
            for line in c.get("explain") or ():
                click.echo(f"       - {line}")


def _batch(
    lookup: _QueryLookup,
    in_path: Path,
    column: str,
    out_path: Path,
    batch_context: bool = True,
) -> tuple[int, int]:
    """Geocode ``column`` of every row; returns ``(rows, resolved)``."""
    from tqdm import tqdm

    from gazetteer.atomic import atomic_path
    from gazetteer.errors import QueryError

    try:
        with open(in_path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            fields = list(reader.fieldnames or [])
            rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise click.ClickException(f"{in_path}: cannot read CSV: {err}") from err
    if column not in fields:
        raise click.ClickException(
            f"{in_path}: no column {column!r} (columns: {', '.join(fields) or 'none'})"
        )
    names = output_names(fields)
    out_fields = fields + list(names.values())
    renamed = [f"{c} -> {n}" for c, n in names.items() if c != n]
    if renamed:
        click.echo(
            f"{in_path}: the input has columns the geocoder adds; its own are kept and the "
            f"geocoder's are named {', '.join(renamed)}",
            err=True,
        )
    if batch_context:
        from gazetteer.batch import batch_prior

        prior = batch_prior(lookup.offline.gazetteer, (row.get(column) or "" for row in rows))
        click.echo(prior.describe(), err=True)
        lookup.context = prior.context()
    memo: dict[str, dict[str, Any] | None] = {}
    resolved = 0
    for row in tqdm(rows, desc="geocoding", unit=" rows", file=sys.stderr, disable=None):
        query = (row.get(column) or "").strip()
        if query not in memo:
            best: dict[str, Any] | None = None
            try:
                _check_query(query)
                found = lookup(query, 1)
                best = found[0] if found else None
            except QueryError:
                best = None
            memo[query] = best
        best = memo[query]
        row.pop(None, None)  # cells beyond the header
        if best is None:
            row.update(dict.fromkeys(names.values(), ""))
            continue
        resolved += 1
        found_cells = {
            "lat": best["lat"],
            "lon": best["lon"],
            "place_name": best["name"],
            "geonameid": best.get("geonameid") or "",
            "country_code": best.get("country_code") or "",
            "admin1": best.get("admin1") or "",
            "precision": best.get("precision") or "",
            "score": "" if best.get("score") is None else best["score"],
        }
        row.update({names[k]: v for k, v in found_cells.items()})
    try:
        with atomic_path(out_path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=out_fields, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows)
    except OSError as err:
        raise click.ClickException(f"{out_path}: cannot write: {err.strerror or err}") from err
    return len(rows), resolved


def output_names(fields: Sequence[str]) -> dict[str, str]:
    """The name of each added column: its own, or ``geocoded_<name>`` where the input already
    has a column of that name (the input's cells are never overwritten).

    >>> output_names(["id", "place", "lat", "lon"])["lat"], output_names(["place"])["lat"]
    ('geocoded_lat', 'lat')
    """
    taken = set(fields)
    out = {}
    for col in BATCH_COLUMNS:
        name = col
        while name in taken:
            name = f"geocoded_{name}"
        taken.add(name)
        out[col] = name
    return out


@click.command("geocode")
@click.argument("queries", nargs=-1)
@click.option(
    "--country",
    "countries",
    multiple=True,
    metavar="CC",
    help="Only places in this country (ISO code; repeatable).",
)
@click.option(
    "--limit",
    default=5,
    show_default=True,
    type=click.IntRange(1, 100),
    help="Candidates per query.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option("--explain", is_flag=True, help="Print why each candidate scored as it did.")
@click.option(
    "--csv",
    "csv_in",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Batch: input CSV file.",
)
@click.option("--column", help="Batch: the CSV column holding the place text.")
@click.option(
    "--batch-context/--no-batch-context",
    default=True,
    show_default=True,
    help="Batch: rank namesakes in the countries most of the batch resolves to first "
    "(a first pass finds them; the line 'batch context: ...' says which).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Batch: output CSV file (written atomically).",
)
@click.option(
    "--path",
    "index_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Gazetteer index file (default: the user cache).",
)
@click.option(
    "--online",
    is_flag=True,
    help="Ask Nominatim (OpenStreetMap) when the offline index has no match.",
)
@click.option(
    "--user-agent",
    default=DEFAULT_USER_AGENT,
    show_default=True,
    callback=_check_user_agent,
    help="User-Agent for --online (Nominatim policy: name your app and a contact).",
)
@click.option(
    "--online-cache",
    type=click.Path(path_type=Path, dir_okay=False),
    help="SQLite cache for --online answers (default: in the user cache dir).",
)
@click.option(
    "--nominatim-url",
    default=DEFAULT_NOMINATIM,
    show_default=True,
    help="Nominatim server for --online (e.g. your own instance).",
)
def geocode(
    queries: Sequence[str],
    countries: Sequence[str],
    limit: int,
    as_json: bool,
    explain: bool,
    csv_in: Path | None,
    column: str | None,
    batch_context: bool,
    output: Path | None,
    index_path: Path | None,
    online: bool,
    user_agent: str,
    online_cache: Path | None,
    nominatim_url: str,
) -> None:
    """Resolve place names to coordinates, best candidate first.

    \b
    Examples:
      geoevents geocode Makiivka --json
      geoevents geocode "Olenivka, Donetsk Oblast" --explain
      geoevents geocode --csv events.csv --column place -o geocoded.csv
    """
    from gazetteer.errors import GazetteerError, QueryError

    codes = tuple(dict.fromkeys(c.strip().upper() for c in countries if c.strip()))
    bad = [c for c in codes if len(c) != 2 or not c.isalpha()]
    if bad:
        raise click.BadParameter(
            f"not ISO 3166-1 alpha-2: {', '.join(bad)}", param_hint="--country"
        )
    if csv_in is not None:
        if queries:
            raise click.UsageError("give either QUERY arguments or --csv, not both")
        if not column or output is None:
            raise click.UsageError("--csv needs --column COL and -o OUT.csv")
        from gazetteer.cache import cache_dir, default_index_path
        from gazetteer.geocoder import ONLINE_CACHE_NAME
        from geoevents.cli.outputs import check_output

        index = index_path or default_index_path()
        cache = online_cache or cache_dir() / ONLINE_CACHE_NAME
        check_output(output, inputs=(csv_in, index, cache))
    elif not queries:
        raise click.UsageError("give at least one QUERY, or --csv IN.csv --column COL -o OUT.csv")
    try:
        lookup = _QueryLookup(index_path, codes, online, user_agent, online_cache, nominatim_url)
        if csv_in is not None:
            assert column is not None and output is not None
            total, resolved = _batch(lookup, csv_in, column, output, batch_context)
            click.echo(f"resolved {resolved} of {total} rows; wrote {output}", err=True)
            return
        failed = 0
        results: list[dict[str, Any]] = []
        for query in queries:
            try:
                _check_query(query)
                found = lookup(query, limit)
            except QueryError as err:
                failed += 1
                label = _short(query)
                click.echo(f"error: {label}: {err}" if label.strip() else f"error: {err}", err=True)
                results.append({"query": query, "candidates": [], "error": str(err)})
                continue
            if not found:
                failed += 1
                click.echo(f"no match: {_short(query)}", err=True)
            results.append({"query": query, "candidates": found})
            if not as_json:
                if found:
                    _print_human(query, found, explain)
    except GazetteerError as err:
        raise click.ClickException(str(err)) from err
    if as_json:
        payload: Any = results[0]["candidates"] if len(results) == 1 else results
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    if failed:
        sys.exit(1)
