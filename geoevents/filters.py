"""Query filters shared by ``geoevents export``, ``geoevents map`` and the store.

An :class:`EventFilter` says whether an :class:`~geoevents.model.Event` is
wanted (:meth:`EventFilter.matches`). Empty criteria select everything. The
click options that build one live in :mod:`geoevents.cli.options`.

>>> from geoevents.model import Claim, Event
>>> events = [
...     Event("a", "air_drone_strike", 48.0, 37.9, date="2023-01-01", country_code="UA",
...           claims=(Claim("Ukrainian General Staff", "ukraine"),)),
...     Event("b", "interception", 50.4, 30.5, date="2023-02-01", country_code="UA"),
... ]
>>> [e.id for e in select(events, EventFilter(until=datetime.date(2023, 1, 15)))]
['a']
>>> [e.id for e in select(events, EventFilter(claimants=("general staff",)))]
['a']
>>> [e.id for e in select(events, EventFilter(bbox=(30.0, 50.0, 31.0, 51.0)))]
['b']
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from geoevents.model import Event


@dataclass(frozen=True)
class EventFilter:
    """Criteria an event must meet; each empty criterion accepts everything.

    Dates compare against the event's date window (:attr:`Event.window`): an
    event is kept if its window overlaps ``since``..``until``. Events without
    any date are dropped when ``since`` or ``until`` is set. ``claimants``
    match a claim's side exactly (``russia``) or its claimant name as a
    case-insensitive substring (``"general staff"``).
    """

    since: datetime.date | None = None
    until: datetime.date | None = None
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    types: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    claimants: tuple[str, ...] = ()  # claimant side or name substring
    min_confidence: float | None = None  # drop events below (geoevents.confidence)
    rejected: str = "hide"  # events an analyst rejected: "hide", "include" or "only"

    @property
    def is_empty(self) -> bool:
        """True if the filter accepts every event.

        >>> EventFilter().is_empty, EventFilter(types=("interception",)).is_empty
        (True, False)
        """
        return self == EventFilter()

    def matches(self, ev: Event) -> bool:
        """True if ``ev`` meets every criterion."""
        return (
            self._in_dates(ev)
            and self._in_bbox(ev)
            and (not self.types or ev.event_type in self.types)
            and (
                not self.countries
                or (ev.country_code or "").upper() in {c.upper() for c in self.countries}
            )
            and (not self.claimants or self._claimant_match(ev))
            and (self.min_confidence is None or ev.confidence >= self.min_confidence)
            and self._rejection_shown(ev)
        )

    def _rejection_shown(self, ev: Event) -> bool:
        if self.rejected == "include":
            return True
        return (ev.rejected is not None) == (self.rejected == "only")

    def _in_dates(self, ev: Event) -> bool:
        if self.since is None and self.until is None:
            return True
        window = ev.window
        if window is None:
            return False
        lo, hi = window
        if self.since is not None and hi < self.since.isoformat():
            return False
        return self.until is None or lo <= self.until.isoformat()

    def _in_bbox(self, ev: Event) -> bool:
        if self.bbox is None:
            return True
        min_lon, min_lat, max_lon, max_lat = self.bbox
        return min_lon <= ev.lon <= max_lon and min_lat <= ev.lat <= max_lat

    def _claimant_match(self, ev: Event) -> bool:
        for c in ev.claims:
            side = c.side.lower()
            name = c.claimant.casefold()
            for w in self.claimants:
                wl = w.casefold()
                if wl == side or (wl and wl in name):
                    return True
        return False


def select(events: Iterable[Event], f: EventFilter | None) -> list[Event]:
    """The events that meet ``f`` (all but the rejected ones when ``f`` is empty or
    ``None``), in order."""
    if f is None or f.is_empty:
        return [ev for ev in events if ev.rejected is None]
    return [ev for ev in events if f.matches(ev)]
