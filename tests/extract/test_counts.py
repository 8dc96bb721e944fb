"""Weapons launched and shot down, per claimant (issue 10, class "intercepts").

Counts are claims like casualty figures: the air force's "13 of 15" stays the air
force's, and the event's ``weapon_counts`` is the range across claims.
"""

from __future__ import annotations

import datetime

import pytest

from geoevents.extract import Extractor
from geoevents.extract.counts import parse_counts
from geoevents.io.articles import Article
from geoevents.model import Event


@pytest.mark.parametrize(
    ("sentence", "launched", "intercepted"),
    [
        ("Of the 15 drones launched overnight, 13 were shot down.", (15, 15), (13, 13)),
        ("Air defences destroyed 18 of 20 missiles over the capital.", (20, 20), (18, 18)),
        ("Russia fired six Kinzhal missiles; all were destroyed.", (6, 6), (6, 6)),
        ("Nine of the eleven cruise missiles were intercepted.", (11, 11), (9, 9)),
        ("Crews shot down at least 20 drones over the south.", None, (20, None)),
        ("The enemy launched 40 Shahed drones against the region.", (40, 40), None),
        # all shot down: as many launched
        ("Gunners downed each one of the 12 drones over the bay.", (12, 12), (12, 12)),
        ("All nine missiles were intercepted near the coast.", (9, 9), (9, 9)),
        ("Crews shoot down all 30 drones over the capital.", (30, 30), (30, 30)),
        # some hit, the others shot down: the launched are the sum
        ("Three drones struck the depot and a further five were shot down.", (8, 8), (5, 5)),
        # "attacked X with N drones"
        ("The enemy attacked the refinery with 11 drones before dawn.", (11, 11), None),
        # near misses: numbers that are people, dates or buildings
        ("On March 9, 3 people were killed when a missile hit a house.", None, None),
        ("Four drones hit two buildings in the city.", None, None),
        ("Twelve people were injured by falling debris.", None, None),
        ("One of the 12 drones was shot down.", (12, 12), (1, 1)),
        ("Three drones struck the depot and five people were hurt.", None, None),
        ("All 40 residents were evacuated.", None, None),
    ],
)
def test_parse_counts(sentence: str, launched, intercepted) -> None:
    got = parse_counts(sentence)
    assert (None if got.launched is None else (got.launched.low, got.launched.high)) == launched
    assert (
        None if got.intercepted is None else (got.intercepted.low, got.intercepted.high)
    ) == intercepted


def test_counts_stay_with_their_claimant_and_round_trip(gazetteer) -> None:
    text = (
        "Russia sent 24 Shahed drones at Odesa overnight and 21 of them were shot "
        "down, Ukraine's air force said. Debris damaged a warehouse in the port, the "
        "regional governor said."
    )
    art = Article(id="a", title="", text=text, published=datetime.date(2024, 3, 10))
    (ev,) = Extractor(gazetteer).article(art).events
    assert ev.place_name == "Odesa"
    assert ev.weapon_counts == {
        "launched": {"low": 24, "high": 24},
        "intercepted": {"low": 21, "high": 21},
    }
    (counted,) = [c for c in ev.claims if c.launched is not None]
    assert counted.side == "ukraine" and counted.intercepted.low == 21
    assert all(c.launched is None for c in ev.claims if c is not counted)
    again = Event.from_properties(ev.to_properties(), lat=ev.lat, lon=ev.lon)
    assert again == ev and again.weapon_counts == ev.weapon_counts
