"""The attacker side follows the agent of the strike, not the claimant (issue 10, class "attacker").

Each case: a report that must give the side, and a near miss that must not guess one.
"""

from __future__ import annotations

import datetime

import pytest

from geoevents.extract import Extractor
from geoevents.extract.attacker import attacker_side, blamed_sides
from geoevents.io.articles import Article


def _result(gazetteer, text: str):
    art = Article(id="a", title="", text=text, published=datetime.date(2024, 3, 10))
    return Extractor(gazetteer, explain=True).article(art)


def _sides(gazetteer, text: str) -> dict[str, str | None]:
    return {e.place_name or "": e.attacker_side for e in _result(gazetteer, text).events}


def _inferred(gazetteer, text: str) -> bool:
    """True when the attacker came from who holds the place, not from the text."""
    return any(
        "the side not holding the place" in line for line in _result(gazetteer, text).explain
    )


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
    assert not _inferred(gazetteer, text)
    # near miss: Grad rockets are fired by both sides: the side comes from who holds the town
    text = "Grad rockets hit a warehouse in Khmelnytskyi on Saturday, officials said."
    assert _sides(gazetteer, text) == {"Khmelnytskyi": "russia"}
    assert _inferred(gazetteer, text)


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


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        # no side named: the opponent of the side holding the place
        ("A missile hit a school in Izium on Tuesday, the governor said.", {"Izyum": "russia"}),
        (
            "A missile hit a fuel depot in Dzhankoi overnight, officials said.",
            {"Dzhankoy": "ukraine"},
        ),
        ("Drones set fire to an oil depot in Bryansk, the governor said.", {"Bryansk": "ukraine"}),
        (
            "Shells hit a bus stop in Horlivka, killing three, the town's Russian-installed mayor said.",
            {"Horlivka": "ukraine"},
        ),
        # near misses: each side blames the other, or the speaker blames the holder: left open
        (
            "A blast tore through a barracks in Olenivka on Friday. Moscow blamed Ukraine for the "
            "attack, while Kyiv said Russia was behind it.",
            {"Olenivka": None},
        ),
        (
            "A missile hit a market in Kostiantynivka on Wednesday. Moscow blamed Ukraine for the strike.",
            {"Kostyantynivka": None},
        ),
    ],
)
def test_an_unnamed_attacker_is_the_opponent_of_the_places_holder(gazetteer, text, sides) -> None:
    assert _sides(gazetteer, text) == sides


@pytest.mark.parametrize(
    ("sentence", "sides"),
    [
        ("Russia's defence ministry blamed Ukraine for the attack.", {"ukraine"}),
        ("The governor said Kyiv was behind the drone raid.", {"ukraine"}),
        ("The ministry called it a terrorist attack by the Kyiv regime.", {"ukraine"}),
        ("Ukrainian officials accused Moscow of targeting the port on purpose.", {"russia"}),
        # near misses: a blame about something else, and no blame at all
        ("Kyiv accused Moscow of stalling the grain talks.", set()),
        ("Moscow said Ukraine had agreed to a prisoner exchange.", set()),
    ],
)
def test_the_side_a_speaker_blames(sentence: str, sides: set[str]) -> None:
    assert blamed_sides(sentence) == sides


@pytest.mark.parametrize(
    ("sentence", "side"),
    [
        ("Drones struck a train carrying ammunition to Russian troops.", None),  # the target
        ("A strike on Ukraine's air force base destroyed two jets.", None),
        ("Kyiv says its strike killed 40 Russian soldiers.", None),
        ("The raid destroyed a Russian ammunition depot.", None),
        ("Two Ukrainian sea drones struck the ship.", "ukraine"),  # near miss: the agent
        ("A barrage of Russian missiles hit the city.", "russia"),
    ],
)
def test_a_side_after_a_preposition_is_the_target(sentence: str, side: str | None) -> None:
    assert attacker_side(sentence, "air_drone_strike") == side
