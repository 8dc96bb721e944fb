"""Weapon names: normalised labels, their aliases, and the kind of weapon.

Each entry maps a normalised label to the patterns that name it and a
``kind`` that :mod:`geoevents.extract.detect` uses to type an event:

================  ===================================================  ===========
label             aliases (case-insensitive)                           kind
================  ===================================================  ===========
HIMARS            HIMARS, M142                                         rocket
ATACMS            ATACMS, Army Tactical Missile System                 missile
Storm Shadow      Storm Shadow, SCALP(-EG)                             missile
Grad              Grad, BM-21                                          rocket
Smerch            Smerch, BM-30                                        rocket
Uragan            Uragan, BM-27                                        rocket
Tochka-U          Tochka(-U)                                           missile
S-300             S-300                                                missile
S-400             S-400                                                missile
Kalibr            Kalibr                                               missile
Iskander          Iskander(-M/-K)                                      missile
Kh-101            Kh-101, Kh-555, Kh-22, Kh-59                         missile
Kinzhal           Kinzhal                                              missile
Onyx              Onyx, Oniks                                          missile
Neptune           Neptune                                              missile
Shahed            Shahed(-136), Geran(-2), Iranian-made drone(s)       drone
Lancet            Lancet                                               drone
Vilkha            Vilkha                                               rocket
Tornado-S         Tornado-S                                            rocket
Zircon            Zircon, Tsirkon                                      missile
Oreshnik          Oreshnik                                             missile
Bayraktar         Bayraktar (TB2)                                      drone
drone             drone(s), UAV(s), kamikaze drone, loitering munition drone
glide bomb        glide bomb(s), guided aerial bomb(s), KAB, FAB       aircraft
aircraft          warplane, fighter jet, aircraft, airstrike           aircraft
cluster munition  cluster munition(s)/bomb(s)/warhead(s), submunitions  artillery
artillery         artillery, howitzer, shells, mortar(s), tank fire    artillery
rocket            rocket(s), MLRS, multiple rocket launcher            rocket
missile           missile(s), ballistic/cruise missile                 missile
explosive         car bomb, IED, landmine, mine, explosive device      explosive
================  ===================================================  ===========

Specific labels win over generic ones in the same sentence: "Kalibr cruise
missiles" gives ``("Kalibr",)``, not ``("Kalibr", "missile")``.

>>> find_weapons("Iranian-made drones and a Kh-101 cruise missile hit the city")
('Kh-101', 'Shahed')
>>> find_weapons("It was struck with HIMARS rockets and SCALP missiles")
('HIMARS', 'Storm Shadow')
>>> weapon_kinds(("Grad", "Shahed"))
('drone', 'rocket')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from geoevents.extract.sentences import gated_entries, has_stem


@dataclass(frozen=True)
class Weapon:
    """One normalised weapon: its label, kind and alias pattern."""

    label: str
    kind: str  # missile | rocket | artillery | drone | aircraft | explosive
    pattern: str
    generic: bool = False
    #: The one side that fields it in this war ("Kalibr": russia; "HIMARS": ukraine); None
    #: for weapons both sides use (Grad, Tochka-U, S-300 as a ground-attack missile, drones).
    operator: str | None = None


WEAPONS: tuple[Weapon, ...] = (
    Weapon("HIMARS", "rocket", r"HIMARS|M142", operator="ukraine"),
    Weapon("ATACMS", "missile", r"ATACMS|Army Tactical Missile Systems?", operator="ukraine"),
    Weapon("Storm Shadow", "missile", r"Storm Shadows?|SCALP(?:-EG)?", operator="ukraine"),
    Weapon("Grad", "rocket", r"Grads?|BM-21"),
    Weapon("Smerch", "rocket", r"Smerch|BM-30"),
    Weapon("Uragan", "rocket", r"Uragan|BM-27"),
    Weapon("Tochka-U", "missile", r"Tochka(?:-U)?"),
    Weapon("S-300", "missile", r"S-?300s?"),
    Weapon("S-400", "missile", r"S-?400s?"),
    Weapon("Kalibr", "missile", r"Kalibrs?", operator="russia"),
    Weapon("Iskander", "missile", r"Iskanders?(?:-[MK])?", operator="russia"),
    Weapon("Kh-101", "missile", r"Kh-(?:101|555|22|59|31|35)s?|X-101", operator="russia"),
    Weapon("Kinzhal", "missile", r"Kinzhals?", operator="russia"),
    Weapon("Onyx", "missile", r"Onyx|Oniks", operator="russia"),
    Weapon(
        "Neptune",
        "missile",
        r"Neptunes?(?=\s+(?:anti-ship\s+|cruise\s+)?missiles?)|R-360",
        operator="ukraine",
    ),
    Weapon(
        "Shahed",
        "drone",
        r"Shaheds?(?:-13[16])?|Gerans?(?:-2)?|Iranian[- ]made (?:kamikaze |attack |suicide )?drones?",
        operator="russia",
    ),
    Weapon("Lancet", "drone", r"Lancets?", operator="russia"),
    Weapon("Vilkha", "rocket", r"Vilkhas?", operator="ukraine"),
    Weapon("Tornado-S", "rocket", r"Tornado-S", operator="russia"),
    Weapon("Zircon", "missile", r"Zircons?|Tsirkons?", operator="russia"),
    Weapon("Oreshnik", "missile", r"Oreshnik", operator="russia"),
    Weapon("Bayraktar", "drone", r"Bayraktars?(?:\s+TB2)?", operator="ukraine"),
    Weapon(
        "glide bomb",
        "aircraft",
        r"glide bombs?|guided (?:aerial |air )?bombs?|KABs?|FAB-\d+|aerial bombs?",
        operator="russia",
    ),
    Weapon(
        "cluster munition",
        "artillery",
        r"cluster (?:munitions?|bombs?|shells?|warheads?)|(?:cluster )?submunitions?",
    ),
    Weapon(
        "drone",
        "drone",
        r"(?:kamikaze |attack |suicide |combat )?drones?|UAVs?|unmanned aerial vehicles?|loitering munitions?",
        generic=True,
    ),
    Weapon(
        "aircraft",
        "aircraft",
        r"warplanes?|fighter jets?|fighter[- ]bombers?|military aircraft|bombers?|air ?strikes?|airstrikes?|helicopters?",
        generic=True,
    ),
    Weapon(
        "artillery",
        "artillery",
        r"artillery|howitzers?|shells?|shelling|mortars?|tank fire",
        generic=True,
    ),
    Weapon(
        "rocket",
        "rocket",
        r"rockets?|MLRS|multiple (?:launch )?rocket (?:launchers?|systems?)",
        generic=True,
    ),
    Weapon(
        "missile",
        "missile",
        r"(?:ballistic |cruise |guided |air-launched |high-precision |anti-ship )*missiles?",
        generic=True,
    ),
    Weapon(
        "explosive",
        "explosive",
        r"car bombs?|IEDs?|improvised explosive devices?|landmines?|land mines?|explosive devices?|roadside bombs?",
        generic=True,
    ),
)

_CASE_SENSITIVE = {"Grad", "Onyx", "Neptune", "Lancet", "glide bomb", "Tochka-U", "Vilkha"}


@cache
def _compiled() -> tuple[tuple[Weapon, re.Pattern[str]], ...]:
    out = []
    for w in WEAPONS:
        flags = 0 if w.label in _CASE_SENSITIVE else re.IGNORECASE
        pat = w.pattern
        if w.label == "glide bomb":  # "KAB"/"FAB" are upper case only; the rest are not
            pat = r"(?i:glide bombs?|guided (?:aerial |air )?bombs?|aerial bombs?)|KABs?|FAB-\d+"
        out.append((w, re.compile(rf"(?<![\w-])(?:{pat})(?![\w])", flags)))
    return tuple(out)


#: Lower-case word stems without one of which no weapon pattern matches
#: (checked in tests against the full scan).
GATE_STEMS: tuple[str, ...] = tuple(
    """
    himars m142 atacms army storm scalp grad bm smerch uragan tochka 300 s300 400 s400 kalibr iskander
    kh x 101 kinzhal onyx oniks neptune 360 shahed geran iranian lancet glide guided kab fab aerial
    cluster submunition drone kamikaze attack suicide combat uav unmanned loitering warplane fighter military bomber
    air helicopter artiller howitzer shell mortar tank rocket mlrs multiple missile ballistic cruise
    high anti car ied improvised landmine land explosive roadside vilkha tornado zircon tsirkon
    oreshnik bayraktar
    """.split()
)


def weapon_spans(sentence: str) -> list[tuple[int, int, Weapon]]:
    """All weapon mentions as ``(start, end, weapon)``, specific ones first.

    >>> text = "Two Grad rockets"
    >>> [(text[a:b], w.label) for a, b, w in weapon_spans(text)]
    [('Grad', 'Grad'), ('rockets', 'rocket')]
    """
    if not has_stem(sentence, GATE_STEMS):  # most sentences name no weapon
        return []
    return _scan(sentence)


#: For each of :data:`WEAPONS`, lower-case substrings one of which every match
#: contains: a pattern is only scanned when the sentence has one (checked in
#: tests against the full scan).
WEAPON_LITERALS: tuple[tuple[str, ...], ...] = (
    ("himars", "m142"),
    ("atacms", "army"),
    ("storm", "scalp"),
    ("grad", "bm-21"),
    ("smerch", "bm-30"),
    ("uragan", "bm-27"),
    ("tochka",),
    ("300",),
    ("400",),
    ("kalibr",),
    ("iskander",),
    ("kh-", "x-101"),
    ("kinzhal",),
    ("onyx", "oniks"),
    ("neptune", "r-360"),
    ("shahed", "geran", "iranian"),
    ("lancet",),
    ("vilkha",),
    ("tornado-s",),
    ("zircon", "tsirkon"),
    ("oreshnik",),
    ("bayraktar",),
    ("glide", "guided", "aerial", "kab", "fab-"),
    ("cluster", "submunition"),
    ("drone", "uav", "unmanned", "loitering"),
    ("warplane", "fighter", "aircraft", "bomber", "air", "helicopter"),
    ("artillery", "howitzer", "shell", "mortar", "tank fire"),
    ("rocket", "mlrs", "multiple"),
    ("missile",),
    ("car bomb", "ied", "improvised", "landmine", "land mine", "explosive", "roadside"),
)


def _scan(sentence: str, *, gated: bool = True) -> list[tuple[int, int, Weapon]]:
    """All weapon spans; with ``gated``, only patterns whose literals occur."""
    return scan_weapons(sentence, _compiled(), WEAPON_LITERALS, gated=gated)


def scan_weapons(
    sentence: str,
    table: tuple[tuple[Weapon, re.Pattern[str]], ...],
    literals: tuple[tuple[str, ...], ...],
    *,
    gated: bool,
) -> list[tuple[int, int, Weapon]]:
    """Every match of a ``(weapon, pattern)`` table as ``(start, end, weapon)``; with
    ``gated``, only the patterns one of whose ``literals`` occurs (one table per language)."""
    scan = gated_entries(sentence, table, literals, gate=gated)
    return [(m.start(), m.end(), w) for w, rx in scan for m in rx.finditer(sentence)]


def find_weapons(
    sentence: str, spans: list[tuple[int, int, Weapon]] | None = None
) -> tuple[str, ...]:
    """Sorted normalised weapon labels named in ``sentence``.

    Generic labels ("missile", "drone") are dropped when a specific weapon of the
    same kind is named. ``spans`` are :func:`weapon_spans` of the sentence when
    the caller has them already.

    >>> find_weapons("shelling with artillery and drones")
    ('artillery', 'drone')
    >>> find_weapons("a minister spoke about peace")
    ()
    """
    if spans is None:
        spans = weapon_spans(sentence)
    return weapon_labels(w for a, b, w in spans if not is_target_use(sentence, a, b, w.kind))


def weapon_labels(found: Iterable[Weapon]) -> tuple[str, ...]:
    """Sorted labels of the weapons used, a generic label only when no specific weapon of
    its kind is among them."""
    found = list(found)
    specific = {w for w in found if not w.generic}
    kinds = {w.kind for w in specific}
    labels = {w.label for w in specific}
    labels.update(w.label for w in found if w.generic and w.kind not in kinds)
    return tuple(sorted(labels))


_AS_TARGET_AFTER = re.compile(
    r"\s+(?:multiple rocket )?(?:launchers?|batter(?:y|ies)|systems?|complex(?:es)?|positions?"
    r"|depots?|stores?|warehouses?|stockpiles?|production|plants?|factor(?:y|ies)|workshops?)\b",
    re.IGNORECASE,
)
_AS_WEAPON_BEFORE = re.compile(
    r"\b(?:from|with|by|using|fired|launched)\s+(?:[\w-]+\s+){0,2}$", re.I
)


#: A cargo: "missiles that were being carried by rail", "a train carrying missiles".
_CARGO_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:that|which)\s+(?:were|was|had\s+been|are|is)\s+(?:being\s+)?"
    r"(?:carried|transported|shipped|stored|delivered|moved|loaded|kept)\b",
    re.IGNORECASE,
)
_CARGO_BEFORE = re.compile(
    r"\b(?:carrying|transporting|loaded\s+with|shipments?\s+of|cargo\s+of|stockpiles?\s+of)"
    r"\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
#: Aircraft that were harmed: "two bombers were slightly damaged" (the target, not the means).
_HARMED_AFTER = re.compile(
    r"\s+(?:were|was|had\s+been|have\s+been|has\s+been)\s+(?:\w+ly\s+)?"
    r"(?:damaged|destroyed|hit|burned|burnt)\b",
    re.IGNORECASE,
)


def is_target_use(sentence: str, start: int, end: int, kind: str | None = None) -> bool:
    """True for "two HIMARS launchers were destroyed", "a drone depot", missiles carried
    as a cargo, and (``kind`` "aircraft") "two bombers were damaged": the weapon is the target.

    >>> is_target_use("two HIMARS launchers were destroyed", 4, 10)
    True
    >>> is_target_use("fired from HIMARS launchers", 11, 17)
    False
    >>> is_target_use("a train carrying cruise missiles", 24, 32)
    True
    >>> is_target_use("bombers were damaged", 0, 7, "aircraft"), is_target_use("bombers fired", 0, 7, "aircraft")
    (True, False)
    """
    if _CARGO_AFTER.match(sentence, end) or _CARGO_BEFORE.search(sentence, 0, start):
        return True
    if kind == "aircraft" and _HARMED_AFTER.match(sentence, end):
        return True
    if not _AS_TARGET_AFTER.match(sentence, end):
        return False
    return _AS_WEAPON_BEFORE.search(sentence[:start]) is None


def harmed_aircraft(sentence: str, spans: Iterable[tuple[int, int, Weapon]]) -> bool:
    """Whether an aircraft named in ``sentence`` was harmed ("two bombers were damaged").

    >>> harmed_aircraft("Two bombers were damaged", weapon_spans("Two bombers were damaged"))
    True
    """
    return any(w.kind == "aircraft" and _HARMED_AFTER.match(sentence, b) for _, b, w in spans)


def weapon_kinds(labels: tuple[str, ...]) -> tuple[str, ...]:
    """Sorted distinct kinds of the given labels."""
    by_label = {w.label: w.kind for w in WEAPONS}
    return tuple(sorted({by_label[x] for x in labels if x in by_label}))


def operator_side(labels: Iterable[str]) -> str | None:
    """The side whose weapons these are, when every one-sided weapon among them agrees.

    >>> operator_side(["Kalibr", "drone"]), operator_side(["HIMARS"]), operator_side(["Grad"])
    ('russia', 'ukraine', None)
    >>> operator_side(["Kalibr", "Storm Shadow"]) is None
    True
    """
    sides = {w.operator for w in WEAPONS if w.label in set(labels) and w.operator}
    return sides.pop() if len(sides) == 1 else None
