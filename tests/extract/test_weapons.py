"""Weapons and targets normalised (issue 3, point 4)."""

from __future__ import annotations

import pytest

from geoevents.extract.targets import find_targets
from geoevents.extract.weapons import find_weapons, weapon_kinds


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ukraine fired HIMARS rockets at the base", ("HIMARS",)),
        ("The bridge was hit by ATACMS ballistic missiles", ("ATACMS",)),
        ("Storm Shadow and SCALP-EG missiles struck Sevastopol", ("Storm Shadow",)),
        ("Grad rockets landed in the town", ("Grad",)),
        ("An S-300 missile hit the centre of Kharkiv", ("S-300",)),
        ("Russia launched Iranian-made drones overnight", ("Shahed",)),
        ("Shahed-136 drones and Kalibr cruise missiles", ("Kalibr", "Shahed")),
        ("an Iskander-M ballistic missile", ("Iskander",)),
        ("Tu-95 bombers fired Kh-101 missiles", ("Kh-101", "aircraft")),
        ("the town came under artillery fire", ("artillery",)),
        ("a kamikaze drone hit a car", ("drone",)),
        ("a car bomb exploded", ("explosive",)),
        ("guided aerial bombs were dropped", ("glide bomb",)),
        # the weapon is the target, not the means
        ("two HIMARS launchers were destroyed by air-launched missiles", ("missile",)),
        ("fired from HIMARS launchers", ("HIMARS",)),
        ("ATACMS missiles with cluster warheads", ("ATACMS", "cluster munition")),
        # a cargo is the target: what was carried, stored or shipped
        ("a blast destroyed cruise missiles that were being moved by rail", ()),
        ("a drone hit a train carrying Kalibr missiles", ("drone",)),
        ("a frigate fired Kalibr missiles that hit the port", ("Kalibr",)),  # near miss
        # aircraft harmed are the target; aircraft that fire are the means
        ("two bombers were badly damaged at the base", ()),
        ("bombers fired missiles at the city", ("aircraft", "missile")),
        # ordinary words are not weapons
        ("The grad student read about Neptune's moons", ()),
        ("The minister spoke about peace talks", ()),
    ],
)
def test_find_weapons(sentence: str, expected: tuple[str, ...]) -> None:
    assert find_weapons(sentence) == expected


def test_weapon_kinds() -> None:
    assert weapon_kinds(("HIMARS", "Shahed", "artillery", "unknown")) == (
        "artillery",
        "drone",
        "rocket",
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "two HIMARS launchers and two ammunition depots were destroyed",
            ("ammunition depot", "weapon system"),
        ),
        ("a radar station near the border", ("radar",)),
        ("the strike hit a prison holding Ukrainian prisoners of war", ("prison",)),
        ("a missile hit a residential building", ("apartment building",)),
        ("the Crimean bridge was damaged", ("bridge",)),
        ("the museum of local lore was destroyed", ("museum",)),
        ("drones set fuel tanks ablaze at an oil depot", ("fuel depot",)),
        ("a strike on the power plant", ("power infrastructure",)),
        ("bombs set a hypermarket ablaze", ("shopping centre",)),
        ("a minibus burned at the crossroads", ("vehicle",)),
        ("a missile hit a nine-storey building", ("apartment building",)),
        ("a drone hit a two-storey building", ()),  # near miss: a low building is no block
        ("missiles shipped by rail were destroyed", ("railway",)),
        ("The minister spoke about peace talks", ()),
    ],
)
def test_find_targets(sentence: str, expected: tuple[str, ...]) -> None:
    assert find_targets(sentence) == expected
