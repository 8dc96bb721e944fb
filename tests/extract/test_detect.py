"""Event detection and typing (issue 3, point 3)."""

from __future__ import annotations

import pytest

from geoevents.extract.attacker import attacker_side
from geoevents.extract.detect import detect
from geoevents.vocabulary import EVENT_TYPES


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        ("Russian missiles struck an apartment building in Dnipro.", "shelling_missile_attack"),
        ("The town of Nikopol was shelled overnight.", "shelling_missile_attack"),
        ("A HIMARS strike hit a dormitory in Makiivka.", "shelling_missile_attack"),
        ("Grad rockets hit the centre of the city.", "shelling_missile_attack"),
        ("Two depots were destroyed by air-launched missiles.", "air_drone_strike"),
        ("Two depots were destroyed by ground-launched missiles.", "shelling_missile_attack"),
        ("A drone attack set an oil depot ablaze.", "air_drone_strike"),
        ("Iranian-made drones hit energy facilities in Odesa.", "air_drone_strike"),
        ("Russian warplanes bombed the village.", "air_drone_strike"),
        ("A glide bomb hit a supermarket in Kharkiv.", "air_drone_strike"),
        ("Air defences shot down 18 drones over the Kyiv region.", "interception"),
        ("Two Storm Shadow missiles were intercepted over Crimea.", "interception"),
        ("A Su-34 jet was downed near the border.", "interception"),
        ("A car bomb killed an official in Berdiansk.", "remote_explosive"),
        ("Two deminers were killed by a landmine near Izium.", "remote_explosive"),
        ("An explosion tore through the building.", "remote_explosive"),
        ("A strike hit the port on Tuesday.", "shelling_missile_attack"),
        # "brought down": what flies is intercepted, what stands was hit
        ("Air defence units brought down three drones over the city.", "interception"),
        ("Twelve drones were quickly brought down before dawn.", "interception"),
        ("A ballistic missile brought down part of a block of flats.", "shelling_missile_attack"),
        ("An ammunition truck blew up inside the depot.", "remote_explosive"),
        ("Missiles pound the city after midnight.", "shelling_missile_attack"),
        ("The roof was brought down by the blast.", "remote_explosive"),  # the blast decides
        ("Russian jets dropped three heavy bombs on a warehouse.", "air_drone_strike"),
        ("Pieces of a ballistic missile rained down on a park.", "shelling_missile_attack"),
        ("An attack before dawn damaged the dam.", "shelling_missile_attack"),
    ],
)
def test_event_types(sentence: str, event_type: str) -> None:
    d = detect(sentence)
    assert d is not None
    assert d.event_type == event_type
    assert d.event_type in EVENT_TYPES
    assert sentence[d.start : d.end] == d.trigger


@pytest.mark.parametrize(
    "sentence",
    [
        "President Zelensky gave a speech in Kyiv on Monday.",
        "Foreign ministers met in Astana, Kazakhstan, to discuss grain exports.",
        "The Samara governor opened a hotline for relatives of soldiers.",
        "Moscow threatened to strike Kyiv if the attacks continued.",
        "Ukraine's general staff called the claim fake.",
        "No shelling was reported in the city overnight.",
        "The striker scored twice for Shakhtar Donetsk.",
        "He suffered a heart attack in Moscow.",
        "The vote of no confidence brought down the cabinet.",  # no weapon: no strike
        # an attack that harmed nothing, or no armed attack; praise is no weapon
        "The attack was condemned by the United Nations.",
        "A cyber attack damaged the servers of the bank.",
        "Praise rained down on the winners of the contest.",
    ],
)
def test_non_events(sentence: str) -> None:
    assert detect(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "event_type", "side"),
    [
        ("Russian forces shelled Kherson.", "shelling_missile_attack", "russia"),
        ("Ukrainian drones hit a refinery in Ryazan.", "air_drone_strike", "ukraine"),
        ("Kyiv struck the bridge with missiles.", "shelling_missile_attack", "ukraine"),
        ("Russian air defences shot down eight drones.", "interception", "ukraine"),
        ("A missile hit the city.", "shelling_missile_attack", None),
        # the agent of the strike, whatever it is: a bomb, a warship, a drone barrage
        ("A Russian guided bomb struck a school in Kharkiv.", "air_drone_strike", "russia"),
        ("A Ukrainian naval drone barrage hit the tanker.", "air_drone_strike", "ukraine"),
        # the speaker's nationality is no agent
        ("The Russian ministry said a missile hit the depot.", "shelling_missile_attack", None),
    ],
)
def test_attacker_side(sentence: str, event_type: str, side: str | None) -> None:
    assert attacker_side(sentence, event_type) == side
