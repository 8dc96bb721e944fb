"""Who struck: the attacking side, from the strike's agent or a military claimant's own words.

The side is read from the sentence ("Russian missiles hit", "Ukraine struck"; for an interception
"Russian air defences shot down" means Ukraine attacked), else from a military claimant who says
its own forces destroyed something (or, for an interception, that it shot something down).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from geoevents.vocabulary import OPPONENTS

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


_ATTACKER = re.compile(
    r"\b(?P<who>Russian|Russia'?s|Moscow'?s|Ukrainian|Ukraine'?s|Kyiv'?s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<what>forces|troops|army|military|missiles?|drones?|strikes?|attacks?|shelling|aircraft|warplanes?|jets?"
    r"|artillery|bombers?|units?|navy|fleet|rockets?|shells?|air\s+force|saboteurs?|special\s+forces|air\s+defen[cs]es?"
    r"|bombs?|projectiles?|munitions?|warships?|helicopters?|shaheds?|kamikaze|barrage|offensive|assault"
    r"|vessels?|boats?)\b"
    r"|\b(?P<who2>Russia|Moscow|Ukraine|Kyiv)\s+(?:has\s+|had\s+)?(?:struck|attacked|launched|fired|shelled|hit"
    r"|bombed|pounded|targeted|bombarded|strikes|attacks|hits|pounds|shells|fires|launches|targets|bombards)\b",
    re.IGNORECASE,
)


#: A preposition that makes the side's noun the object of the strike, not its agent.
_OBJECT_BEFORE = re.compile(
    r"\b(?:to|at|on|against|into|towards?|killed|killing|kills|destroyed|destroying|hit|hitting"
    r"|targeted|targeting)\s+(?:the\s+|an?\s+|\d+\s+)?$",
    re.I,
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
    >>> attacker_side("A drone strike on Russian troops", "air_drone_strike") is None
    True
    """
    for m in _ATTACKER.finditer(sentence):
        if _SPEAKS.match(sentence, m.end()):  # "Ukraine's air force said ...": a speaker
            continue
        if _OBJECT_BEFORE.search(sentence, max(0, m.start() - 16), m.start()):
            continue  # "a strike on Russian troops", "carried to Russia's fleet": the target
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
            return OPPONENTS[mil]
        if _DESTROYED.search(text):
            return mil
        return None
    return None


_BLAME = re.compile(
    r"\b(?:blam(?:ed|es|ing)|accus(?:ed|es|ing)|held)\s+(?P<who>(?:the\s+)?(?:Kyiv\s+regime|Kremlin)"
    r"|(?:Russian|Ukrainian)\s+(?:forces|troops|military)|Russia|Moscow|Ukraine|Kyiv)\b"
    r"(?=\s*(?:[.,;]|$|for\s+(?:the\s+|both\s+|these\s+|this\s+|that\s+|it\b)"
    r"|of\s+(?:the\s+|an?\s+)?(?:attack|strik|shell|bomb|launch|fir|target|carry|hit)|responsible))"
    r"|\b(?P<who2>(?:the\s+)?(?:Kyiv\s+regime|Kremlin)|Russia|Moscow|Ukraine|Kyiv)\s+(?:was|were|is|are|had\s+been)"
    r"\s+(?:behind|responsible\s+for)\b"
    r"|\b(?:attacks?|strikes?|raids?)\s+by\s+(?:the\s+)?(?P<who3>Kyiv\s+regime|Kremlin|Russia|Moscow|Ukraine|Kyiv"
    r"|(?:Russian|Ukrainian)\s+(?:forces|troops|military))\b",
    re.IGNORECASE,
)


_BLAME_HINT = re.compile(r"[Bb]lam|[Aa]ccus|held|behind|responsib| by ")
_MUTUAL = re.compile(
    r"\b(?:blam(?:e|ed|ing)|accus(?:e|ed|ing))\s+(?:each\s+other|one\s+another)|\btrad(?:e|ed|ing)\s+blame",
    re.IGNORECASE,
)


def blamed_sides(sentence: str) -> set[str]:
    """The sides the sentence's speakers hold responsible for the attack ("blamed Ukraine for
    the attack", "said Kyiv was behind it", "a terrorist attack by the Kyiv regime").

    >>> blamed_sides("Russia's defence ministry blamed Ukraine for both attacks.")
    {'ukraine'}
    >>> blamed_sides("Officials said Moscow was behind the blast")
    {'russia'}
    >>> blamed_sides("The ministry called it an attack by the Kyiv regime")
    {'ukraine'}
    >>> blamed_sides("Kyiv accused Moscow of dragging out the talks")
    set()
    >>> sorted(blamed_sides("Moscow and Kyiv blame each other for the blast"))
    ['russia', 'ukraine']
    """
    sides: set[str] = set()
    if _BLAME_HINT.search(sentence) is None:  # the cheap test first: most sentences blame no one
        return sides
    if _MUTUAL.search(sentence):
        return {"russia", "ukraine"}
    for m in _BLAME.finditer(sentence):
        who = (m.group("who") or m.group("who2") or m.group("who3")).lower()
        sides.add("russia" if any(w in who for w in ("russia", "moscow", "kremlin")) else "ukraine")
    return sides


#: Regions of Ukraine under Russian administration since 2014: who holds a place there.
RUSSIAN_HELD_REGIONS = frozenset({"Autonomous Republic of Crimea", "Crimea", "Sevastopol"})
_HELD = re.compile(
    r"\b(?P<ru>(?:Russian|Moscow|Kremlin|Russia)-(?:installed|appointed|backed|controlled|held|occupied)"
    r"|pro-(?:Russian|Moscow)\s+(?:authorit|official|administration|separatist)|separatists?\b"
    r"|occupation\s+(?:authorit|official|administration))"
    r"|\b(?P<ua>(?:Ukrainian|Ukraine|Kyiv)-(?:controlled|held))"
    # Ukrainian and Russian: "окупованої Горлівки", "оккупированном Донецке", "глава ДНР"
    r"|(?P<ru2>\b(?:окупован|оккупирован|окупаційн|оккупационн|тимчасово\s+окупован)\w*"
    r"|\b(?:ДНР|ЛНР|Пушилин\w*|Пушилін\w*|Сальдо|Балицьк\w*|Балицк\w*)\b)"
    r"|(?P<ua2>\b(?:підконтрольн\w+\s+Україн|подконтрольн\w+\s+(?:Киев|Украин))\w*)",
    re.IGNORECASE,
)


def place_holder(country_code: str | None, admin1: str | None, texts: Iterable[str]) -> str | None:
    """The side that holds a struck place, for a report that names no attacker.

    A place in Russia, Crimea or Sevastopol is held by Russia; another place in Ukraine by
    Ukraine unless the texts about it speak of its Russian-installed authorities (or it is
    said to be Ukrainian-held); a place elsewhere: unknown.

    >>> place_holder("UA", "Kharkiv Oblast", ["A missile hit a cafe in the village"])
    'ukraine'
    >>> place_holder("UA", "Donetsk Oblast", ["the city's Russian-installed mayor said"])
    'russia'
    >>> place_holder("UA", "Donetsk Oblast", ["Глава ДНР Денис Пушилин сообщил об обстреле"])
    'russia'
    >>> place_holder("UA", "Sevastopol", [])
    'russia'
    >>> place_holder("PL", None, []) is None
    True
    """
    if country_code == "RU" or (country_code == "UA" and admin1 in RUSSIAN_HELD_REGIONS):
        return "russia"
    if country_code != "UA":
        return None
    found = {
        ("ru" if m.group("ru") or m.group("ru2") else "ua")
        for t in texts
        for m in _HELD.finditer(t)
    }
    return "russia" if found == {"ru"} else "ukraine"


def other_side(side: str | None) -> str | None:
    """The opponent of ``side`` in this war.

    >>> other_side("russia"), other_side("ukraine"), other_side("other")
    ('ukraine', 'russia', None)
    """
    return OPPONENTS.get(side or "")


def inferred_attacker(
    country_code: str | None,
    admin1: str | None,
    texts: Iterable[str],
    blamed: set[str],
    agents: set[str],
) -> tuple[str | None, str]:
    """The attacker of an event whose sentences name none, and why.

    ``blamed``: the sides the article's speakers hold responsible (:func:`blamed_sides`);
    ``agents``: the sides its strike sentences name as the agent (:func:`attacker_side`).
    The opponent of the side holding the place (:func:`place_holder`), unless the article
    blames the holder itself or both sides (then the text leaves it open); where no side holds
    the place (a drone falling in Moldova), the one side blamed, else the one agent named.

    >>> inferred_attacker("UA", "Kharkiv Oblast", [], set(), set())
    ('russia', 'the side not holding the place (Ukraine holds it; no attacker named)')
    >>> inferred_attacker("RU", "Pskov Oblast", [], {"ukraine"}, set())
    ('ukraine', 'the side not holding the place (Russia holds it; no attacker named)')
    >>> inferred_attacker("UA", "Donetsk Oblast", [], {"russia", "ukraine"}, set())[0] is None
    True
    >>> inferred_attacker("MD", None, [], set(), {"russia"})
    ('russia', 'the one side the article names as striking')
    """
    holder = place_holder(country_code, admin1, texts)
    if len(blamed) > 1:
        return None, "each side blamed by the other: left open"
    if holder is not None:
        if blamed and blamed != {other_side(holder)}:
            return None, f"the article blames {holder.title()}, which holds the place: left open"
        why = f"the side not holding the place ({holder.title()} holds it; no attacker named)"
        return other_side(holder), why
    if blamed:
        return next(iter(blamed)), "the side the article's speakers blame"
    if len(agents) == 1:
        return next(iter(agents)), "the one side the article names as striking"
    return None, "no attacker named"
