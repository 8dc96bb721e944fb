"""Deterministic synthetic events for map tests, benchmarks and the screenshot fallback.

Places are real towns (coordinates rounded); events, claims and quotes are made up.

>>> evs = synthetic_events(50, seed=1)
>>> len(evs), len({e.id for e in evs}), evs == synthetic_events(50, seed=1)
(50, 50, True)
"""

from __future__ import annotations

import datetime
import random

from geoevents.model import Claim, Event, Figure, Source, stable_id
from geoevents.vocabulary import EVENT_TYPES

#: (place, admin1, country, lat, lon)
PLACES: tuple[tuple[str, str, str, float, float], ...] = (
    ("Kharkiv", "Kharkiv Oblast", "UA", 49.99, 36.23),
    ("Kupiansk", "Kharkiv Oblast", "UA", 49.71, 37.61),
    ("Donetsk", "Donetsk Oblast", "UA", 48.02, 37.80),
    ("Makiivka", "Donetsk Oblast", "UA", 48.05, 37.97),
    ("Bakhmut", "Donetsk Oblast", "UA", 48.60, 38.00),
    ("Kramatorsk", "Donetsk Oblast", "UA", 48.72, 37.56),
    ("Olenivka", "Donetsk Oblast", "UA", 47.84, 37.68),
    ("Zaporizhzhia", "Zaporizhzhia Oblast", "UA", 47.84, 35.14),
    ("Kherson", "Kherson Oblast", "UA", 46.64, 32.61),
    ("Odesa", "Odesa Oblast", "UA", 46.48, 30.72),
    ("Mykolaiv", "Mykolaiv Oblast", "UA", 46.97, 31.99),
    ("Dnipro", "Dnipropetrovsk Oblast", "UA", 48.47, 35.04),
    ("Kyiv", "Kyiv City", "UA", 50.45, 30.52),
    ("Lviv", "Lviv Oblast", "UA", 49.84, 24.03),
    ("Sumy", "Sumy Oblast", "UA", 50.91, 34.80),
    ("Belgorod", "Belgorod Oblast", "RU", 50.60, 36.59),
    ("Sevastopol", "Sevastopol", "UA", 44.60, 33.52),
    ("Luhansk", "Luhansk Oblast", "UA", 48.57, 39.31),
)
WEAPONS = (
    "Shahed drone",
    "Iskander missile",
    "Grad rockets",
    "HIMARS",
    "artillery",
    "Kh-101 missile",
)
TARGETS = ("residential building", "power plant", "railway station", "ammunition depot", "bridge")
CLAIMANTS = (
    ("Ukrainian General Staff", "ukraine"),
    ("Regional governor", "ukraine"),
    ("Russian Ministry of Defence", "russia"),
    ("Local occupation official", "russia"),
    ("UN monitoring mission", "other"),
    ("Unnamed witness", "unknown"),
)
START = datetime.date(2023, 1, 1)


def synthetic_events(n: int, seed: int = 0, days: int = 365) -> list[Event]:
    """``n`` reproducible events over ``days`` days from 2023-01-01 (some co-located)."""
    rng = random.Random(seed)
    types = list(EVENT_TYPES)
    out = []
    for i in range(n):
        place, admin1, cc, lat, lon = PLACES[rng.randrange(len(PLACES))]
        precision = rng.choice((1, 1, 1, 2, 3))
        if rng.random() < 0.7:  # the rest stay exactly on the town: co-located events
            lat += rng.uniform(-0.25, 0.25)
            lon += rng.uniform(-0.35, 0.35)
        day = START + datetime.timedelta(days=rng.randrange(days))
        claims = []
        for _ in range(rng.choice((1, 1, 2, 3))):
            name, side = CLAIMANTS[rng.randrange(len(CLAIMANTS))]
            killed = rng.choice((None, None, rng.randrange(0, 60)))
            claims.append(
                Claim(
                    name,
                    side,
                    "asserts",
                    killed=Figure(killed, killed) if killed is not None else None,
                    quote=f"{name} said a strike hit {place} on {day.isoformat()}.",
                    article_id=f"art-{i}",
                )
            )
        disputed = len({c.side for c in claims}) > 1 and rng.random() < 0.5
        eid = stable_id("synthetic", seed, i)
        out.append(
            Event(
                id=eid,
                event_type=types[rng.randrange(len(types))],
                lat=round(lat, 5),
                lon=round(lon, 5),
                date=day.isoformat(),
                date_start=day.isoformat(),
                date_end=day.isoformat(),
                date_precision="day",
                place_name=place,
                country_code=cc,
                admin1=admin1,
                location_precision=precision,
                weapons=(rng.choice(WEAPONS),),
                targets=(rng.choice(TARGETS),),
                claims=tuple(claims),
                disputed=disputed,
                verified=False if rng.random() < 0.2 else None,
                sources=(
                    Source(
                        f"art-{i}",
                        f"Report {i} about {place}",
                        f"https://news.example.org/{i}",
                        day.isoformat(),
                    ),
                ),
            )
        )
    return out
