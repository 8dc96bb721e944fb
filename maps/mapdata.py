"""Data behind the interactive map: everything that is not rendering.

:func:`build_map_data` turns an events frame (as made by
:func:`geoevents.io.events.events_to_frame`) into a :class:`MapData` value: one
compact GeoJSON feature per event (true coordinates, nulls dropped, readable
back by :func:`geoevents.io.events.read_events`), display positions that fan out
events sharing a spot, per-region anchors and counts, the date range and the
counts the legend shows. The page builds markers and popups from it in the
browser; colours and shapes are in :mod:`maps.style`.

Frames and events from elsewhere (a hand-made frame, a table whose cell holds
a plain string, ``Event(weapons="HIMARS")``) may hold a lone value where a list
belongs: list fields are normalised first (:func:`normalise_frame`,
:func:`normalise_event`), so ``weapons: "HIMARS"`` is one weapon, not six letters.

>>> from geoevents.io.events import events_to_frame
>>> from geoevents.model import Event
>>> frame = events_to_frame([
...     Event("b", "interception", 48.0, 37.8, date="2023-01-02", date_precision="day"),
...     Event("a", "air_drone_strike", 48.0, 37.8, date="2023-01-01", date_precision="day"),
... ])
>>> data = build_map_data(frame)
>>> [f["id"] for f in data.features], data.date_range
(['a', 'b'], ('2023-01-01', '2023-01-02'))
>>> len(data.display), data.display[0] != data.display[1]
(2, True)
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from geopandas import GeoDataFrame

from gazetteer.geo import EARTH_RADIUS_KM, lonlat
from geoevents.io.events import frame_to_events
from geoevents.model import Claim, Event, Source
from geoevents.vocabulary import EVENT_TYPES, SIDES

#: Radius in metres of the location-uncertainty circle per ACLED precision code.
UNCERTAINTY_RADIUS_M: dict[int, int] = {1: 3_000, 2: 15_000, 3: 75_000}

#: Short labels of the location precision codes, shown in popups and the legend.
PRECISION_LABELS: dict[int, str] = {1: "settlement", 2: "near", 3: "region"}

#: Properties that can be rebuilt from the others and are left out of the page.
_DERIVED = ("claimant_sides", "casualties", "weapon_counts")

#: Event fields holding lists; a lone value in one of them is a one-item list.
LIST_FIELDS = ("place_original", "weapons", "targets", "disputed_by", "claims", "sources")

#: Fan-out of co-located events: first ring radius and spacing, metres.
FAN_BASE_M = 120.0
FAN_STEP_M = 60.0


@dataclass(frozen=True)
class RegionCount:
    """A region (country + first-level division) with its anchor point and event count."""

    key: str
    label: str
    lat: float
    lon: float
    count: int


@dataclass(frozen=True)
class MapData:
    """Everything the page needs about the events, in JSON-ready form.

    Attributes
    ----------
    features
        GeoJSON features (true ``[lon, lat]`` positions), sorted by date then id.
    display
        ``(lat, lon)`` where each feature's marker is drawn (co-located events fanned out).
    region_index
        Index into :attr:`regions` of each feature's region.
    regions
        Regions with their anchor (mean position of their events) and total count.
    date_range
        First and last day over all event date windows, or ``None`` if no event has a date.
    type_counts, side_counts
        Events per event type and per claimant side (an event counts once per side).
    bounds
        ``((south, west), (north, east))`` of the true positions, or ``None`` when empty.
    """

    features: tuple[dict[str, Any], ...]
    display: tuple[tuple[float, float], ...]
    region_index: tuple[int, ...]
    regions: tuple[RegionCount, ...]
    date_range: tuple[str, str] | None
    type_counts: dict[str, int] = field(default_factory=dict)
    side_counts: dict[str, int] = field(default_factory=dict)
    bounds: tuple[tuple[float, float], tuple[float, float]] | None = None

    def to_json_obj(self) -> dict[str, Any]:
        """The JSON object embedded in the page (see :func:`json_for_script`)."""
        return {
            "events": {"type": "FeatureCollection", "features": list(self.features)},
            "display": [[round(a, 6), round(b, 6)] for a, b in self.display],
            "region": list(self.region_index),
            "regions": [
                {"key": r.key, "label": r.label, "lat": r.lat, "lon": r.lon, "count": r.count}
                for r in self.regions
            ],
            "dateRange": list(self.date_range) if self.date_range else None,
            "typeCounts": self.type_counts,
            "sideCounts": self.side_counts,
            "bounds": [list(self.bounds[0]), list(self.bounds[1])] if self.bounds else None,
        }


def _compact(value: Any) -> Any:
    """Drop ``None`` values and empty containers from nested dicts (lists keep their items).

    >>> _compact({"a": None, "b": [], "c": {"d": None, "e": 1}, "f": [{"g": None}]})
    {'c': {'e': 1}, 'f': [{}]}
    """
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            v = _compact(v)
            if v is None or (isinstance(v, (list, dict)) and not v and k not in ("claims",)):
                continue
            out[k] = v
        return out
    if isinstance(value, list):
        return [_compact(v) for v in value]
    return value


def event_feature(ev: Event) -> dict[str, Any]:
    """Compact GeoJSON feature of one event (nulls, empties and derived keys dropped).

    >>> f = event_feature(Event("x", "interception", 50.45, 30.52))
    >>> f["geometry"]["coordinates"], f["properties"]["event_type"], "date" in f["properties"]
    ([30.52, 50.45], 'interception', False)
    """
    props = ev.to_properties()
    for key in _DERIVED:
        props.pop(key, None)
    props = _compact(props)
    props.setdefault("claims", [])
    for key in ("disputed", "corrected"):
        if not props.get(key):
            props.pop(key, None)
    return {
        "type": "Feature",
        "id": ev.id,
        "geometry": {"type": "Point", "coordinates": lonlat(ev.lat, ev.lon)},
        "properties": props,
    }


def date_window(ev: Event) -> tuple[str, str] | None:
    """First and last ISO day of the event's date window, ``None`` when undated.

    >>> date_window(Event("x", "interception", 0, 0, date_start="2023-01-01",
    ...                   date_end="2023-01-03", date_precision="range"))
    ('2023-01-01', '2023-01-03')
    >>> date_window(Event("x", "interception", 0, 0)) is None
    True
    """
    lo = (ev.date_start or ev.date or "")[:10] or None
    hi = (ev.date_end or ev.date or "")[:10] or lo
    if lo is None:
        return None
    return (lo, hi) if hi >= lo else (hi, lo)


def fan_out(
    positions: Sequence[tuple[float, float]], keys: Sequence[str] | None = None
) -> list[tuple[float, float]]:
    """Display positions: events at the same spot spread on rings around it.

    Positions are ``(lat, lon)``; those equal to 6 decimals form a group, whose
    members (ordered by ``keys``, default their index) are placed on rings of
    :data:`FAN_BASE_M` metres and more around the true spot. Lone events stay put.

    >>> out = fan_out([(48.0, 37.8), (48.0, 37.8), (50.0, 30.0)])
    >>> out[2]
    (50.0, 30.0)
    >>> out[0] != out[1] and all(abs(a - 48.0) < 0.01 for a, _ in out[:2])
    True
    >>> fan_out([(48.0, 37.8), (48.0, 37.8)], ["b", "a"]) == fan_out([(48.0, 37.8)] * 2, ["a", "b"])[::-1]
    True
    """
    keys = list(keys) if keys is not None else [f"{i:09d}" for i in range(len(positions))]
    groups: dict[tuple[float, float], list[int]] = defaultdict(list)
    for i, (lat, lon) in enumerate(positions):
        groups[(round(lat, 6), round(lon, 6))].append(i)
    out = [(float(lat), float(lon)) for lat, lon in positions]
    for (lat, lon), members in groups.items():
        if len(members) < 2:
            continue
        members.sort(key=lambda i: keys[i])
        placed = 0
        ring = 0
        while placed < len(members):
            radius_m = FAN_BASE_M + ring * FAN_STEP_M
            per_ring = max(6, int(2 * math.pi * radius_m / FAN_STEP_M))
            batch = members[placed : placed + per_ring]
            for j, i in enumerate(batch):
                angle = 2 * math.pi * j / len(batch) + ring * 0.5
                dlat = math.degrees(radius_m * math.cos(angle) / (EARTH_RADIUS_KM * 1000))
                coslat = max(math.cos(math.radians(lat)), 1e-6)
                dlon = math.degrees(radius_m * math.sin(angle) / (EARTH_RADIUS_KM * 1000 * coslat))
                out[i] = (lat + dlat, lon + dlon)
            placed += len(batch)
            ring += 1
    return out


def region_key(country_code: str | None, admin1: str | None) -> str:
    """Key of an event's region.

    >>> region_key("UA", "Donetsk Oblast"), region_key(None, None)
    ('UA/Donetsk Oblast', '?/?')
    """
    return f"{country_code or '?'}/{admin1 or '?'}"


def region_counts(events: Iterable[Event]) -> list[RegionCount]:
    """Events per region, anchored at the mean position of the region's events.

    >>> regs = region_counts([Event("a", "interception", 48.0, 37.0, country_code="UA",
    ...                             admin1="Donetsk Oblast"),
    ...                       Event("b", "interception", 48.2, 38.0, country_code="UA",
    ...                             admin1="Donetsk Oblast")])
    >>> [(r.label, r.count, round(r.lat, 2), round(r.lon, 2)) for r in regs]
    [('Donetsk Oblast, UA', 2, 48.1, 37.5)]
    """
    acc: dict[str, list[Event]] = defaultdict(list)
    for ev in events:
        acc[region_key(ev.country_code, ev.admin1)].append(ev)
    out = []
    for key in sorted(acc):
        evs = acc[key]
        first = evs[0]
        parts = [p for p in (first.admin1, first.country_code) if p]
        label = ", ".join(parts) if parts else "unknown region"
        out.append(
            RegionCount(
                key=key,
                label=label,
                lat=sum(e.lat for e in evs) / len(evs),
                lon=sum(e.lon for e in evs) / len(evs),
                count=len(evs),
            )
        )
    return out


def as_list(value: Any) -> list[Any]:
    """The value of a list field as a list: a lone string or object is one item.

    Missing values (``None``, NaN, ``""``) are the empty list; JSON text (as the
    tabular formats store lists) is decoded first, other text is one item.

    >>> as_list("HIMARS"), as_list('["HIMARS", "Storm Shadow"]'), as_list(("a",))
    (['HIMARS'], ['HIMARS', 'Storm Shadow'], ['a'])
    >>> as_list('"HIMARS"'), as_list({"claimant": "x"}), as_list(None), as_list(float("nan"))
    (['HIMARS'], [{'claimant': 'x'}], [], [])
    """
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except (ValueError, RecursionError):
            pass  # plain text (or JSON nested too deep to read): one item
    if hasattr(value, "tolist"):  # numpy arrays (list columns of Parquet files) and scalars
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, str):
        return [value] if value else []
    if not isinstance(value, dict) and pd.isna(value):
        return []
    return [value]


def normalise_frame(frame: GeoDataFrame) -> GeoDataFrame:
    """A copy of ``frame`` whose list fields (:data:`LIST_FIELDS`) hold lists."""
    out = frame.copy()
    for col in LIST_FIELDS:
        if col in out.columns:
            out[col] = pd.Series([as_list(v) for v in out[col]], index=out.index, dtype=object)
    return out


def normalise_event(ev: Event) -> Event:
    """``ev`` with a lone value in a list field (``weapons="HIMARS"``) made a one-item tuple.

    >>> normalise_event(Event("x", "interception", 0, 0, weapons="Shahed-136")).weapons
    ('Shahed-136',)
    """
    changes = {}
    for name in LIST_FIELDS:
        value = getattr(ev, name)
        if isinstance(value, (str, Claim, Source)):
            changes[name] = (value,)
    return ev.with_(**changes) if changes else ev


def _sort_key(ev: Event) -> tuple[str, str]:
    win = date_window(ev)
    return (win[0] if win else "9999", ev.id)


def build_map_data(frame: GeoDataFrame | Iterable[Event]) -> MapData:
    """Map data for an events frame (or events), deterministic for the same input.

    List fields are normalised first (:func:`normalise_frame`, :func:`normalise_event`).

    >>> build_map_data([]).date_range is None
    True
    """
    if isinstance(frame, GeoDataFrame):
        events = frame_to_events(normalise_frame(frame))
    else:
        events = [normalise_event(e) for e in frame]
    events.sort(key=_sort_key)
    display = fan_out([(e.lat, e.lon) for e in events], [e.id for e in events])
    regions = region_counts(events)
    index = {r.key: i for i, r in enumerate(regions)}
    windows = [w for w in (date_window(e) for e in events) if w]
    date_range = (min(w[0] for w in windows), max(w[1] for w in windows)) if windows else None
    types = Counter(e.event_type for e in events)
    sides: Counter[str] = Counter()
    for e in events:
        sides.update(e.claimant_sides)
    bounds = None
    if events:
        lats = [e.lat for e in events]
        lons = [e.lon for e in events]
        bounds = ((min(lats), min(lons)), (max(lats), max(lons)))
    return MapData(
        features=tuple(event_feature(e) for e in events),
        display=tuple(display),
        region_index=tuple(index[region_key(e.country_code, e.admin1)] for e in events),
        regions=tuple(regions),
        date_range=date_range,
        type_counts={t: types[t] for t in EVENT_TYPES if types[t]},
        side_counts={s: sides[s] for s in SIDES if sides[s]},
        bounds=bounds,
    )


def json_for_script(obj: Any) -> str:
    """JSON text safe inside an HTML ``<script>`` element and any JS string context.

    ``<``, ``>``, ``&``, backtick, ``$`` and U+2028/U+2029 are written as ``\\u``
    escapes, so no ``</script>`` or template-literal syntax can appear; the
    value parses back unchanged.

    >>> s = json_for_script({"q": "${x}</script>`\\u2028"})
    >>> s
    '{"q":"\\\\u0024{x}\\\\u003c/script\\\\u003e\\\\u0060\\\\u2028"}'
    >>> json.loads(s) == {"q": "${x}</script>`\\u2028"}
    True
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("`", "\\u0060")
        .replace("$", "\\u0024")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


__all__ = [
    "FAN_BASE_M",
    "LIST_FIELDS",
    "MapData",
    "PRECISION_LABELS",
    "RegionCount",
    "UNCERTAINTY_RADIUS_M",
    "as_list",
    "build_map_data",
    "date_window",
    "event_feature",
    "fan_out",
    "json_for_script",
    "normalise_event",
    "normalise_frame",
    "region_counts",
    "region_key",
]
