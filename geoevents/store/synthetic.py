"""Synthetic reports for the store's benchmark and reliability tests.

Report ``i`` is the same whatever range it is generated in: strikes are
numbered ``i // REPORTS_PER_STRIKE`` and each strike (place, day, type) and
each report (small position jitter, claimant, figure) come from their own
seeded random generators. Titles and texts are generated labels, not prose.

>>> a = list(synthetic_reports(0, 4))
>>> b = list(synthetic_reports(3, 5))
>>> a[3] == b[0], a[0][0].id, len(a[0][1])
(True, 'syn-1-0', 1)
>>> a[0][1][0].place_name == a[1][1][0].place_name  # reports 0..2 tell of one strike
True
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterator

from geoevents.io.articles import Article
from geoevents.model import Claim, Event, Figure, stable_id

REPORTS_PER_STRIKE = 3
N_PLACES = 3000
FIRST_DAY = datetime.date(2022, 3, 1).toordinal()
N_DAYS = 730
_CLAIMANTS = (
    ("Ministry of Defence A", "russia"),
    ("General Staff B", "ukraine"),
    ("Regional governor C", "ukraine"),
    ("Observer mission D", "other"),
)


def _place(seed: int, k: int) -> tuple[float, float]:
    rng = random.Random(f"{seed}-place-{k}")
    return (round(rng.uniform(46.0, 52.0), 5), round(rng.uniform(23.0, 40.0), 5))


def synthetic_reports(
    start: int, stop: int, *, seed: int = 1
) -> Iterator[tuple[Article, list[Event]]]:
    """Articles ``start..stop-1`` with one machine event each (a strike has about 3 reports)."""
    for i in range(start, stop):
        strike = i // REPORTS_PER_STRIKE
        srng = random.Random(f"{seed}-strike-{strike}")
        place_no = srng.randrange(N_PLACES)
        lat, lon = _place(seed, place_no)
        day = datetime.date.fromordinal(FIRST_DAY + srng.randrange(N_DAYS)).isoformat()
        etype = srng.choice(("air_drone_strike", "shelling_missile_attack", "interception"))
        killed = srng.randrange(0, 50)
        rng = random.Random(f"{seed}-report-{i}")
        if etype != "interception" and rng.random() < 0.2:
            etype = (
                "air_drone_strike"
                if etype == "shelling_missile_attack"
                else "shelling_missile_attack"
            )
        claimant, side = _CLAIMANTS[rng.randrange(len(_CLAIMANTS))]
        figure = max(0, killed + rng.choice((0, 0, 1, -1, 5)))
        article_id = f"syn-{seed}-{i}"
        article = Article(
            id=article_id,
            title=f"Synthetic report {i}",
            text=f"synthetic strike {strike} at place {place_no} on {day} ({etype}), report {i}",
            url=f"https://example.invalid/{seed}/{i}",
            published=datetime.date.fromisoformat(day) + datetime.timedelta(days=rng.randrange(2)),
        )
        ev = Event(
            id=stable_id(article_id, place_no, day),
            event_type=etype,
            lat=round(lat + rng.uniform(-0.005, 0.005), 5),
            lon=round(lon + rng.uniform(-0.005, 0.005), 5),
            date=day,
            date_start=day,
            date_end=day,
            date_precision="day",
            place_name=f"Place {place_no}",
            country_code="UA",
            location_precision=1,
            claims=(
                Claim(
                    claimant, side, "asserts", killed=Figure(figure, figure), article_id=article_id
                ),
            ),
        )
        yield article, [ev]
