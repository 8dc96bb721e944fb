"""Who struck: the attacking side, from the strike's agent or a military claimant's own words.

The side is read from the sentence ("Russian missiles hit", "Ukraine struck"; for an interception
"Russian air defences shot down" means Ukraine attacked), else from a military claimant who says
its own forces destroyed something (or, for an interception, that it shot something down).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from geoevents.model import Claim

#: Claimants whose statements about their own side's actions set the attacker side.
MILITARY_CLAIMANTS = {
    "Russian Ministry of Defence": "russia",
    "Ukrainian General Staff": "ukraine",
    "Ukrainian Air Force": "ukraine",
    "Ukrainian military": "ukraine",
}
_DESTROYED = re.compile(
    r"\b(?:destroyed|eliminated|neutrali[sz]ed|liquidated|wiped\s+out)\b"
    r"|\b(?:its|our)\s+(?:[\w-]+\s+){0,2}?(?:forces|troops|units?|missiles?|drones?|aircraft|artillery"
    r"|strikes?|rockets?)\s+(?:had\s+|have\s+|has\s+)?(?:struck|hit|destroyed|targeted|attacked)\b",
    re.I,
)
_OTHER = {"russia": "ukraine", "ukraine": "russia"}


_ATTACKER = re.compile(
    r"\b(?P<who>Russian|Russia'?s|Moscow'?s|Ukrainian|Ukraine'?s|Kyiv'?s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<what>forces|troops|army|military|missiles?|drones?|strikes?|attacks?|shelling|aircraft|warplanes?|jets?"
    r"|artillery|bombers?|units?|navy|fleet|rockets?|shells?|air\s+force|saboteurs?|special\s+forces|air\s+defen[cs]es?"
    r"|bombs?|projectiles?|munitions?|warships?|helicopters?|shaheds?|kamikaze|barrage|offensive|assault)\b"
    r"|\b(?P<who2>Russia|Moscow|Ukraine|Kyiv)\s+(?:has\s+|had\s+)?(?:struck|attacked|launched|fired|shelled|hit|bombed|pounded|targeted|strikes|attacks)\b",
    re.IGNORECASE,
)


_SPEAKS = re.compile(
    r"\s+(?:\w+\s+)?(?:said|says|say|reported|reports|stated|told|announced|claimed|claims|added"
    r"|wrote|posted|confirmed|denied|blamed|accused)\b",
    re.IGNORECASE,
)


def attacker_side(sentence: str, event_type: str) -> str | None:
    """The attacking side when the sentence states it ("Russian missiles", "Ukraine struck").

    For interceptions "Russian air defences shot down ..." means the attacker is Ukraine.

    >>> attacker_side("Russian forces shelled Kherson", "shelling_missile_attack")
    'russia'
    >>> attacker_side("Russian air defences shot down eight drones", "interception")
    'ukraine'
    >>> attacker_side("Ukrainian drones hit a refinery", "air_drone_strike")
    'ukraine'
    >>> attacker_side("A Russian glide bomb hit a school", "air_drone_strike")
    'russia'
    >>> attacker_side("Ukraine's air force said Shaheds hit the port", "air_drone_strike") is None
    True
    >>> attacker_side("A strike hit the city", "shelling_missile_attack") is None
    True
    """
    for m in _ATTACKER.finditer(sentence):
        if _SPEAKS.match(sentence, m.end()):  # "Ukraine's air force said ...": a speaker
            continue
        who = (m.group("who") or m.group("who2")).lower()
        side = "russia" if who.startswith(("russia", "moscow")) else "ukraine"
        what = (m.group("what") or "").lower()
        if "defen" in what:
            if event_type == "interception":
                return "ukraine" if side == "russia" else "russia"
            continue
        return side
    return None


def claimed_attacker(event_type: str, claims: Iterable[Claim], text: str) -> str | None:
    """The attacker side a military claimant's own statement implies, if any."""
    for c in claims:
        mil = MILITARY_CLAIMANTS.get(c.claimant)
        if mil is None or c.stance != "asserts":
            continue
        if event_type == "interception":
            return _OTHER[mil]
        if _DESTROYED.search(text):
            return mil
        return None
    return None
