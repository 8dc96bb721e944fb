"""Is this sentence a strike report, and of which type?

Types are those of :data:`geoevents.vocabulary.EVENT_TYPES` (ACLED sub-event
types). A sentence reports an event when it has a *strong* trigger, or a *weak*
trigger together with a weapon named in it (:mod:`geoevents.extract.weapons`):

=================================================  ==========================  ========
trigger words (case-insensitive)                   event_type                  strength
=================================================  ==========================  ========
shot down, downed, intercepted, interception,      ``interception``            strong
air defence destroyed/repelled/neutralised,
brought down (what flies: "drones were brought
down", "brought down two missiles")
air strike, airstrike, air raid, bombed, bombing,  ``air_drone_strike``        strong
drone strike/attack, kamikaze drone, glide bomb,
air-launched, launched from aircraft
shelled, shelling, artillery fire, missile         ``shelling_missile_attack`` strong
strike/attack, rocket attack/fire, bombardment
car bomb, IED, landmine, explosive device,         ``remote_explosive``        strong
bomb exploded/went off, blown up
strike(s), struck                                  (typed by weapon)           strong
attack(ed), hit, destroyed, targeted, pounded,     (typed by weapon)           weak
fired, launched, explosion(s), blast(s), tore
into/through, slammed/smashed/crashed into, blasted,
blew up, brought down (a building), rained down on
=================================================  ==========================  ========

When the trigger does not fix the type, the first-named weapon's kind does:
missile, rocket, artillery -> ``shelling_missile_attack``; drone, aircraft ->
``air_drone_strike``; explosive -> ``remote_explosive``; an unqualified
"strike" with no weapon is ``shelling_missile_attack``; an explosion with no
weapon is ``remote_explosive``. A weak trigger with no weapon reports a strike
when the sentence states casualties or a military target, or when "an attack"
is the subject of the harm ("An attack early on Monday damaged the bridge");
then it is ``shelling_missile_attack``.

Sentences about threats, plans or negations ("threatened to strike", "could
hit", "no shelling was reported") are not events. Sentences with no place
stay off the map (that is decided later, in :mod:`geoevents.extract.article`).

>>> detect("Russian missiles struck an apartment building in Dnipro.").event_type
'shelling_missile_attack'
>>> detect("Two drones were shot down over the Belgorod region.").event_type
'interception'
>>> detect("Iranian-made drones hit energy facilities in Odesa.").event_type
'air_drone_strike'
>>> detect("The president gave a speech in Kyiv.") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geoevents.extract.sentences import has_stem
from geoevents.extract.weapons import Weapon, is_target_use, weapon_spans

_I = re.IGNORECASE


def _rx(p: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{p})(?![\w])", _I)


#: What flies and can be brought down (then "brought down" is an interception).
_FLYING = r"(?:drones?|UAVs?|missiles?|rockets?|aircraft|jets?|planes?|helicopters?|Shaheds?)"

#: (pattern, event_type or None when the weapon decides, strong)
TRIGGERS: tuple[tuple[re.Pattern[str], str | None, bool], ...] = (
    (
        _rx(
            r"shot\s+down|shoots?\s+down|shooting\s+down|downed|intercept(?:ed|s|ing|ions?)?"
            r"|air\s+defen[cs]es?\s+(?:systems?\s+|units?\s+|forces\s+)?(?:destroyed|repelled|neutrali[sz]ed|repulsed|thwarted|engaged)"
            r"|(?:repelled|repulsed|thwarted|foiled)\s+(?:an?\s+)?(?:\w+\s+)?(?:drone|missile|air)\s+attacks?"
            r"|(?:destroyed|neutrali[sz]ed)\s+(?:in\s+the\s+air|over|in\s+the\s+skies)"
            # what is brought down is a weapon: "were brought down", "brought down two drones"
            rf"|{_FLYING}\s+(?:\w+\s+){{0,2}}?(?:been|was|were|be|being)\s+(?:\w+ly\s+)?brought\s+down"
            rf"|(?:brought|bringing|brings?)\s+down\s+(?:\w+\s+){{0,3}}?{_FLYING}"
        ),
        "interception",
        True,
    ),
    (
        _rx(
            r"car\s+bombs?|IEDs?|improvised\s+explosive\s+devices?|land\s?mines?|explosive\s+devices?"
            r"|roadside\s+bombs?|booby[- ]trap(?:ped)?|bomb\s+(?:exploded|went\s+off|blast)|blown\s+up|truck\s+bomb"
        ),
        "remote_explosive",
        True,
    ),
    (
        _rx(
            r"air\s?strikes?|airstrikes?|air\s+raids?(?!\s+(?:sirens?|alerts?|alarms?|warnings?|shelters?))|bombed|bombing|bombings|aerial\s+bombs?|glide\s+bombs?"
            r"|drone\s+(?:strikes?|attacks?|raids?)|kamikaze\s+drones?|(?:struck|hit|attacked)\s+by\s+(?:an?\s+)?drones?"
            r"|dropped\s+(?:[\w-]+\s+){0,2}bombs?|air-launched"
            r"|(?:launched|fired|dropped)\s+from\s+(?:\w+\s+)?(?:aircraft|warplanes?|jets?|planes?|bombers?|helicopters?)"
        ),
        "air_drone_strike",
        True,
    ),
    (
        _rx(
            r"shell(?:ed|ing|s)|artillery\s+(?:fire|strikes?|attacks?|barrages?)|missile\s+(?:strikes?|attacks?)"
            r"|rocket\s+(?:attacks?|fire|strikes?)|bombard(?:ed|ment|ments)|barrages?|mortar\s+(?:fire|attacks?)"
            r"|MLRS\s+(?:fire|strikes?)"
        ),
        "shelling_missile_attack",
        True,
    ),
    (_rx(r"strikes?|struck|striking"), None, True),
    (
        _rx(
            r"attack(?:ed|s|ing)?|hit|hits|hitting|destroyed|destroying|targeted|targeting|pound(?:s|ed|ing)?|fired|launched"
            r"|explosions?|blasts?|exploded|damaged|set\s+(?:on\s+)?fire|ablaze"
            r"|tore\s+(?:into|through)|ripped\s+through|(?:slammed|smashed|crashed|ploughed|plowed)\s+into"
            r"|blasted|blew\s+up|rained\s+(?:down\s+)?on"
            # a weapon that brought down a building ("a missile brought down a section")
            r"|brought\s+down"
        ),
        None,
        False,
    ),
)

#: Lower-case word stems without one of which no trigger matches: most
#: sentences of an article have none and stop here.
GATE_STEMS: tuple[str, ...] = tuple(
    """
    shot shoot down intercept air repel repuls thwart foil destroy neutrali car bomb ied improvised land
    mine explosive roadside booby blown truck raid drone kamikaze struck hit attack dropped launch fire
    shell artiller missile rocket bombard barrage mortar mlrs strik target pound explo blast damag set
    ablaze glide aerial tore ripped slammed smashed crashed ploughed plowed blew brought bring rained
    """.split()
)

_NON_EVENT = _rx(
    r"threaten(?:ed|s|ing)?\s+to|could\s+(?:strike|hit|attack|target)|would\s+(?:strike|hit|attack|target)"
    r"|will\s+(?:strike|hit|attack|target)|plans?\s+to\s+(?:strike|attack|hit)|if\s+(?:Russia|Ukraine|Kyiv|Moscow)\s+(?:strikes|attacks)"
    r"|no\s+(?:strikes?|attacks?|shelling|explosions?)\s+(?:were|was|has|have)"
    r"|(?:asked|allowed|permission|permit)\s+(?:\w+\s+){0,3}to\s+(?:strike|use|hit)"
    r"|heart\s+attack|panic\s+attack|hunger\s+strike|labou?r\s+strike|strike\s+a\s+deal"
)

_KIND_TYPE = {
    "missile": "shelling_missile_attack",
    "rocket": "shelling_missile_attack",
    "artillery": "shelling_missile_attack",
    "drone": "air_drone_strike",
    "aircraft": "air_drone_strike",
    "explosive": "remote_explosive",
}


@dataclass(frozen=True)
class Detection:
    """An event report in a sentence: its type, the trigger and its span."""

    event_type: str
    trigger: str
    start: int
    end: int
    reason: str
    strength: int = 3  # 3: the trigger fixes the type, 2: a weapon does, 1: a default


_DESTROY_HIT = re.compile(
    r"\b(?:destroyed|hit|hits|struck|targeted|damaged|set\s+(?:on\s+)?fire|ablaze|attacks?\s+on)\b",
    _I,
)


def detect(
    sentence: str,
    weapons: list[tuple[int, int, Weapon]] | None = None,
    *,
    corroborated: bool = False,
) -> Detection | None:
    """The event type reported by ``sentence``, or ``None`` for a non-event.

    ``weapons`` are :func:`geoevents.extract.weapons.weapon_spans` of the sentence
    (computed when not given). ``corroborated`` (the sentence states casualties
    or names a strike target) lets "destroyed", "hit", "struck" and "damaged"
    report a strike without a weapon ("destroyed an ammunition depot, killing
    52" is ``shelling_missile_attack``).

    >>> detect("Ukraine's general staff called the claim fake.") is None
    True
    >>> detect("A car bomb killed a Russian-installed official in Berdiansk.").event_type
    'remote_explosive'
    >>> detect("Moscow threatened to strike Kyiv.") is None
    True
    >>> detect("Classes continue through air raid alerts.") is None  # a warning, no strike
    True
    >>> d = detect("The town was shelled overnight.")
    >>> (d.event_type, d.trigger)
    ('shelling_missile_attack', 'shelled')
    """
    if not has_stem(sentence, GATE_STEMS):
        return None
    hits = []
    for rx, etype, strong in TRIGGERS:
        for m in rx.finditer(sentence):
            hits.append((m.start(), m.end(), m.group(0), etype, strong))
    if not hits or _NON_EVENT.search(sentence):
        return None
    if weapons is None:
        weapons = weapon_spans(sentence)
    used = sorted(
        (a, b, w)
        for a, b, w in weapons
        if not is_target_use(sentence, a, b, w.kind) and w.kind in _KIND_TYPE
    )
    first_kind = used[0][2].kind if used else None
    typed = [h for h in hits if h[3] is not None]
    if typed:
        order = {"interception": 0, "remote_explosive": 1}
        typed.sort(key=lambda h: (order.get(h[3], 2), h[0]))
        a, b, text, etype, _ = typed[0]
        hit = hit_before(sentence, a, used, _HIT_VERB) if etype == "interception" else None
        if hit is not None:  # "two missiles hit the port and two more were shot down"
            return hit
        return Detection(etype, text, a, b, f"trigger {text!r} -> {etype}")
    strong = [h for h in hits if h[4]]
    if first_kind is None:  # only a weapon brings a building down: "brought down by the blast"
        hits = [h for h in hits if not h[2].lower().startswith("brought")] or hits
    a, b, text, _, _ = (strong or hits)[0]
    if first_kind is not None:
        etype = _KIND_TYPE[first_kind]
        return Detection(
            etype, text, a, b, f"trigger {text!r} + weapon {used[0][2].label} -> {etype}", 2
        )
    if strong:
        return Detection(
            "shelling_missile_attack", text, a, b, f"trigger {text!r}, no weapon -> default", 1
        )
    if re.fullmatch(r"explosions?|blasts?|exploded|blew\s+up", text, _I):
        return Detection("remote_explosive", text, a, b, f"explosion {text!r}, no weapon", 1)
    m = _DESTROY_HIT.search(sentence) if corroborated else _ATTACK_DID.search(sentence)
    if m is not None:
        why = "with casualties/target" if corroborated else "done by an attack"
        return Detection(
            "shelling_missile_attack",
            m.group(0),
            m.start(),
            m.end(),
            f"trigger {m.group(0)!r} {why} -> default",
            1,
        )
    return None


#: "An attack (early on Monday) damaged ...": an attack that did harm is a strike, with
#: no weapon named ("the attack was condemned", "a cyber attack" are none).
_ATTACK_DID = re.compile(
    r"\b(?:an?|the)\s+(?:(?!cyber)[\w-]+\s+)?attacks?(?:\s+[\w-]+){0,3}?\s+"
    r"(?:damaged|destroyed|wrecked|killed|wounded|injured)\b",
    _I,
)


_HIT_VERB = re.compile(r"\b(?:hit|hits|struck|slammed\s+into|tore\s+into|crashed\s+into)\b", _I)


def hit_before(
    sentence: str, before: int, used: list[tuple[int, int, Weapon]], verbs: re.Pattern[str]
) -> Detection | None:
    """A weapon that hit something (one of ``verbs``, the language's), told before the
    interception of others: the strike.

    >>> s = "Two missiles hit the port and two were shot down"
    >>> hit_before(s, 34, weapon_spans("Two missiles"), _HIT_VERB)
    Detection(event_type='shelling_missile_attack', trigger='hit', start=13, end=16, reason="missile 'hit' before the interception -> shelling_missile_attack", strength=2)
    >>> hit_before("Drones were shot down; debris hit a house", 12, weapon_spans("Drones"), _HIT_VERB) is None
    True
    """
    m = verbs.search(sentence, 0, before)
    if m is None:
        return None
    weapon = next((w for a, _b, w in used if a < m.start()), None)
    if weapon is None:
        return None
    etype = _KIND_TYPE[weapon.kind]
    reason = f"{weapon.label} {m.group(0)!r} before the interception -> {etype}"
    return Detection(etype, m.group(0), m.start(), m.end(), reason, 2)
