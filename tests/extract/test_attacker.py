"""The attacker side follows the agent of the strike, not the claimant (issue 10, class "attacker").

Each case: a report that must give the side, and a near miss that must not guess one.
"""

from __future__ import annotations

import datetime

import pytest

from geoevents.extract import Extractor
from geoevents.extract.attacker import attacker_side
from geoevents.io.articles import Article


def _sides(gazetteer, text: str) -> dict[str, str | None]:
    art = Article(id="a", title="", text=text, published=datetime.date(2024, 3, 10))
    return {e.place_name or "": e.attacker_side for e in Extractor(gazetteer).article(art).events}


@pytest.mark.parametrize(
    ("sentence", "side"),
    [
        ("Ukraine's air force said Russian drones hit the port of Izmail.", "russia"),
        ("Ukraine's air force said drones hit the port of Izmail.", None),  # a speaker only
        ("The Russian defence ministry claimed Ukrainian missiles struck Donetsk.", "ukraine"),
    ],
)
def test_the_speaker_is_no_agent(sentence: str, side: str | None) -> None:
    assert attacker_side(sentence, "air_drone_strike") == side


def test_a_one_sided_weapon_names_the_attacker(gazetteer) -> None:
    text = "A Kalibr cruise missile hit a warehouse in Khmelnytskyi on Saturday, officials said."
    assert _sides(gazetteer, text) == {"Khmelnytskyi": "russia"}
    # near miss: Grad rockets are fired by both sides
    text = "Grad rockets hit a warehouse in Khmelnytskyi on Saturday, officials said."
    assert _sides(gazetteer, text) == {"Khmelnytskyi": None}


def test_a_follow_up_sentence_can_name_the_agent(gazetteer) -> None:
    text = (
        "An explosion destroyed a warehouse in Khmelnytskyi on Saturday, officials said. "
        "Three people were killed when a Russian drone slammed into the building."
    )
    assert _sides(gazetteer, text) == {"Khmelnytskyi": "russia"}


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Kyiv did not comment on the drone strike on the refinery in Tuapse.", {"Tuapse"}),
        (
            "Moscow and Kyiv agreed a prisoner swap hours before Russian missiles hit Zaporizhzhia.",
            {"Zaporizhzhya"},
        ),
        ("Washington has been helping as Russian drones struck Lviv overnight.", {"Lviv"}),
        # near miss: the capital is where the strike was
        ("Russian missiles hit Kyiv on Saturday, the mayor said.", {"Kyiv"}),
    ],
)
def test_a_government_named_by_its_capital_is_no_strike_place(gazetteer, text, places) -> None:
    assert set(_sides(gazetteer, text)) == places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "Drones hit a depot in Mykolaiv overnight; they were launched from the Yeysk area, "
            "the air force said.",
            {"Mykolayiv"},
        ),
        (
            "A missile fired by a bomber flying over Russia's Belgorod region struck a school in "
            "Kharkiv.",
            {"Kharkiv"},
        ),
        # near miss: drones shot down over a city: that city is where it happened
        ("Air defences shot down drones flying over Kyiv overnight.", {"Kyiv"}),
    ],
)
def test_a_launch_area_is_no_strike_place(gazetteer, text, places) -> None:
    assert set(_sides(gazetteer, text)) == places


def test_a_river_is_not_its_city(gazetteer) -> None:
    text = "Russian artillery on the far side of the Dnipro river shelled Kherson, killing two."
    assert set(_sides(gazetteer, text)) == {"Kherson"}
    # near miss: the city itself
    assert set(_sides(gazetteer, "Russian missiles hit Dnipro, killing two.")) == {"Dnipro"}
