"""Controlled vocabularies shared by extraction, store and maps.

Event types follow ACLED's sub-event types for remote violence and strategic
developments (ACLED codebook, "Explosions/Remote violence"):

=============================  ==========================================
``event_type``                 ACLED sub-event type
=============================  ==========================================
``air_drone_strike``           Air/drone strike
``shelling_missile_attack``    Shelling/artillery/missile attack
``remote_explosive``           Remote explosive/landmine/IED
``interception``               Disrupted weapons use (shoot-down, interception)
=============================  ==========================================

>>> EVENT_TYPES["interception"].acled
'Disrupted weapons use'
>>> sorted(SIDES)
['other', 'russia', 'ukraine', 'unknown']
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EventType:
    """One entry of the event-type vocabulary."""

    id: str
    label: str
    acled: str
    description: str
    colour: str = "#444444"  # of its markers on the HTML map and in the GeoPackage style
    shape: str = "circle"  # circle, square, triangle, diamond


EVENT_TYPES: dict[str, EventType] = {
    t.id: t
    for t in (
        EventType(
            "air_drone_strike",
            "Air/drone strike",
            "Air/drone strike",
            "Strike by aircraft or drone (including loitering munitions such as Shahed/Geran).",
            "#d62728",
            "circle",
        ),
        EventType(
            "shelling_missile_attack",
            "Shelling/artillery/missile attack",
            "Shelling/artillery/missile attack",
            "Artillery, rocket (MLRS such as Grad, HIMARS) or missile attack (Iskander, Kalibr, "
            "Kh-101, ATACMS, Storm Shadow/SCALP, S-300 used against ground targets).",
            "#ff7f0e",
            "square",
        ),
        EventType(
            "remote_explosive",
            "Remote explosive/landmine/IED",
            "Remote explosive/landmine/IED",
            "Detonation of a planted explosive, car bomb, landmine or IED.",
            "#8c564b",
            "triangle",
        ),
        EventType(
            "interception",
            "Interception/shoot-down",
            "Disrupted weapons use",
            "Missile or drone intercepted or shot down, aircraft shot down.",
            "#1f77b4",
            "diamond",
        ),
    )
}

#: Sides of the conflict a claimant or attacker can belong to.
SIDES: dict[str, str] = {
    "russia": "Russian side",
    "ukraine": "Ukrainian side",
    "other": "Third party / media / international",
    "unknown": "Unknown",
}

#: The opponent of each warring side (the other sides have none).
OPPONENTS: dict[str, str] = {"russia": "ukraine", "ukraine": "russia"}

#: Claim stances: what a claim says about the event.
STANCES: dict[str, str] = {
    "asserts": "states the event happened (with or without figures)",
    "denies": "rejects another party's account of the event",
    "reports": "the outlet reports the event in its own voice",
}

#: ACLED geo-precision codes.
LOCATION_PRECISION: dict[int, str] = {
    1: "settlement: the named town or village",
    2: "near a settlement, or part of a region",
    3: "region only: placed at the regional capital",
}

#: Date precision values.
DATE_PRECISION: dict[str, str] = {
    "day": "exact day",
    "range": "a range of days (date_start..date_end)",
    "unknown": "no date could be determined",
}
