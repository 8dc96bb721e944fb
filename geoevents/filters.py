"""Query filters shared by ``geoevents export`` and ``geoevents map``.

An :class:`EventFilter` selects rows of an events frame (as made by
:func:`geoevents.eventio.events_to_frame`). Empty criteria select everything.

>>> from geoevents.eventio import events_to_frame
>>> from geoevents.model import Claim, Event
>>> frame = events_to_frame([
...     Event("a", "air_drone_strike", 48.0, 37.9, date="2023-01-01", country_code="UA",
...           claims=(Claim("Ukrainian General Staff", "ukraine"),)),
...     Event("b", "interception", 50.4, 30.5, date="2023-02-01", country_code="UA"),
... ])
>>> list(apply_filter(frame, EventFilter(until=datetime.date(2023, 1, 15))).id)
['a']
>>> list(apply_filter(frame, EventFilter(claimants=("general staff",))).id)
['a']
>>> list(apply_filter(frame, EventFilter(bbox=(30.0, 50.0, 31.0, 51.0))).id)
['b']
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import click
from geopandas import GeoDataFrame

from geoevents.vocabulary import EVENT_TYPES, SIDES

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class EventFilter:
    """Criteria an event must meet; each empty criterion accepts everything.

    Dates compare against the event's date window (``date_start``..``date_end``,
    or ``date``): an event is kept if its window overlaps ``since``..``until``.
    Events without any date are dropped when ``since`` or ``until`` is set.
    ``claimants`` match a claim's side exactly (``russia``) or its claimant name
    as a case-insensitive substring (``"general staff"``).
    """

    since: datetime.date | None = None
    until: datetime.date | None = None
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    types: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    claimants: tuple[str, ...] = ()  # claimant side or name substring

    @property
    def is_empty(self) -> bool:
        """True if the filter accepts every event.

        >>> EventFilter().is_empty, EventFilter(types=("interception",)).is_empty
        (True, False)
        """
        return self == EventFilter()


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    try:
        if value != value:  # NaN
            return None
    except (TypeError, ValueError):
        return None
    return str(value)[:10] or None


def _claims_of(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, str):
        return json.loads(value)
    return list(value) if value is not None else []


def _claimant_match(claims: list[dict[str, Any]], wanted: tuple[str, ...]) -> bool:
    for c in claims:
        side = (c.get("side") or "").lower()
        name = (c.get("claimant") or "").casefold()
        for w in wanted:
            wl = w.casefold()
            if wl == side or (wl and wl in name):
                return True
    return False


def apply_filter(frame: GeoDataFrame, f: EventFilter | None) -> GeoDataFrame:
    """Rows of ``frame`` that meet ``f`` (the frame itself when ``f`` is empty)."""
    if f is None or f.is_empty or len(frame) == 0:
        return frame
    keep = [True] * len(frame)
    if f.since is not None or f.until is not None:
        since = f.since.isoformat() if f.since else None
        until = f.until.isoformat() if f.until else None
        starts = frame["date_start"] if "date_start" in frame else [None] * len(frame)
        ends = frame["date_end"] if "date_end" in frame else [None] * len(frame)
        for i, (d, s, e) in enumerate(zip(frame["date"], starts, ends, strict=True)):
            lo = _iso(s) or _iso(d)
            hi = _iso(e) or _iso(d) or lo
            if lo is None:
                keep[i] = False
                continue
            if since is not None and hi < since:
                keep[i] = False
            if until is not None and lo > until:
                keep[i] = False
    if f.bbox is not None:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        xs, ys = frame.geometry.x, frame.geometry.y
        for i, (x, y) in enumerate(zip(xs, ys, strict=True)):
            if not (min_lon <= x <= max_lon and min_lat <= y <= max_lat):
                keep[i] = False
    if f.types:
        wanted = set(f.types)
        for i, t in enumerate(frame["event_type"]):
            if t not in wanted:
                keep[i] = False
    if f.countries:
        wanted_cc = {c.upper() for c in f.countries}
        for i, cc in enumerate(frame["country_code"]):
            if not isinstance(cc, str) or cc.upper() not in wanted_cc:
                keep[i] = False
    if f.claimants:
        for i, claims in enumerate(frame["claims"]):
            if keep[i] and not _claimant_match(_claims_of(claims), f.claimants):
                keep[i] = False
    return frame[keep]


def _parse_date(value: str | None, name: str) -> datetime.date | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as err:
        raise click.BadParameter(f"expected YYYY-MM-DD, got {value!r}", param_hint=name) from err


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
    parts = value.split(",")
    try:
        nums = tuple(float(p) for p in parts)
    except ValueError as err:
        raise click.BadParameter(
            f"expected min_lon,min_lat,max_lon,max_lat, got {value!r}", param_hint="--bbox"
        ) from err
    if len(nums) != 4:
        raise click.BadParameter(
            f"expected min_lon,min_lat,max_lon,max_lat, got {value!r}", param_hint="--bbox"
        )
    min_lon, min_lat, max_lon, max_lat = nums
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise click.BadParameter(
            f"bbox must be min_lon<=max_lon, min_lat<=max_lat within WGS84, got {value!r}",
            param_hint="--bbox",
        )
    return (min_lon, min_lat, max_lon, max_lat)


def filter_options(func: F) -> F:
    """Click decorator adding ``--since --until --bbox --type --country --claimant``."""
    options = [
        click.option("--since", metavar="YYYY-MM-DD", help="Events on or after this day."),
        click.option("--until", metavar="YYYY-MM-DD", help="Events on or before this day."),
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
            "--country", "countries", multiple=True, help="ISO country code (repeatable)."
        ),
        click.option(
            "--claimant",
            "claimants",
            multiple=True,
            help=f"Claimant side ({', '.join(sorted(SIDES))}) or part of a claimant's name "
            "(repeatable).",
        ),
    ]
    for opt in reversed(options):
        func = opt(func)
    return func


def filter_from_options(**kwargs: Any) -> EventFilter:
    """An :class:`EventFilter` from the keyword arguments of :func:`filter_options`.

    Unrelated keyword arguments are ignored, so a command can pass all of its own.

    >>> filter_from_options(since="2023-01-01", types=("interception",), bbox=None, output="x")
    EventFilter(since=datetime.date(2023, 1, 1), until=None, bbox=None, types=('interception',), countries=(), claimants=())
    """
    return EventFilter(
        since=_parse_date(kwargs.get("since"), "--since"),
        until=_parse_date(kwargs.get("until"), "--until"),
        bbox=parse_bbox(kwargs.get("bbox")),
        types=tuple(kwargs.get("types") or ()),
        countries=tuple(c.upper() for c in kwargs.get("countries") or ()),
        claimants=tuple(kwargs.get("claimants") or ()),
    )
