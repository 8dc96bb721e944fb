"""Strike targets: normalised labels and the phrases that name them.

==========================  =================================================
label                       phrases (case-insensitive, singular or plural)
==========================  =================================================
ammunition depot            ammunition/ammo/munitions depot, arms depot, weapons store
fuel depot                  fuel/oil depot, oil refinery, refinery, fuel storage
weapon system               HIMARS/S-300/... launcher, air defence system, battery
radar                       radar (station)
airfield                    airfield, air base, airbase, airport
military base               military base/unit, barracks, command post, headquarters
troop position              positions, troop concentration, dugouts
prison                      prison, penal colony, detention centre/camp, POW camp
apartment building          apartment/residential building, block of flats, high-rise,
                            five-storey building (three storeys or more)
house                       private house(s), home(s)
school                      school, kindergarten, university
hospital                    hospital, clinic, maternity ward
bridge                      bridge
railway                     railway station, railway, train, rail depot, carried by rail
port                        port, seaport, grain terminal
power infrastructure        power plant, power station, substation, power grid
factory                     factory, plant, enterprise, industrial facility
museum                      museum
shopping centre             shopping centre/mall, market, super-/hypermarket
ship                        ship, warship, vessel, flagship, landing ship
vehicle                     tank(s), armoured vehicle, truck(s), (mini)bus
aircraft                    warplane, helicopter, fighter jet, plane (shot down)
hotel                       hotel
==========================  =================================================

>>> find_targets("two HIMARS launchers and two ammunition depots were destroyed")
('ammunition depot', 'weapon system')
>>> find_targets("A missile hit an apartment building near the railway station")
('apartment building', 'railway')
"""

from __future__ import annotations

import re
from functools import cache

from geoevents.extract.sentences import gated_entries

TARGETS: tuple[tuple[str, str], ...] = (
    (
        "ammunition depot",
        r"(?:ammunition|ammo|munitions?|arms|weapons?|missile)\s+(?:depots?|dumps?|stores?|warehouses?"
        r"|storage(?: facilit(?:y|ies)| sites?)?|stockpiles?)|arsenals?",
    ),
    (
        "fuel depot",
        r"(?:fuel|oil|petroleum)\s+(?:depots?|storage(?: facilit(?:y|ies)| tanks?)?|terminals?|tanks?)"
        r"|(?:oil\s+)?refiner(?:y|ies)",
    ),
    (
        "weapon system",
        r"(?:HIMARS|M142|S-?300|S-?400|Buk|Patriot|IRIS-T|NASAMS|Grad|Uragan|Smerch|Tor|Pantsir|Iskander"
        r"|multiple rocket)\s+(?:launchers?|batter(?:y|ies)|systems?|complex(?:es)?)"
        r"|air[- ]defen[cs]e\s+(?:systems?|batter(?:y|ies)|launchers?)",
    ),
    ("radar", r"radars?(?:\s+stations?)?"),
    ("airfield", r"airfields?|air\s?bases?|airports?|aerodromes?"),
    (
        "military base",
        r"military\s+(?:bases?|units?|facilit(?:y|ies)|installations?)|barracks|command\s+posts?"
        r"|headquarters|training\s+grounds?",
    ),
    ("troop position", r"troop\s+(?:positions?|concentrations?)|dugouts?|trenches"),
    (
        "prison",
        r"prisons?|penal\s+colon(?:y|ies)|detention\s+(?:centres?|centers?|facilit(?:y|ies)|camps?)"
        r"|prison(?:er)?(?:-of-war|\s+of\s+war)?\s+camps?|POW\s+camps?|filtration\s+camps?",
    ),
    (
        "apartment building",
        r"(?:apartment|residential|multi-stor(?:e)?y)\s+(?:buildings?|blocks?|houses?)|blocks?\s+of\s+flats"
        r"|high-rises?|apartment\s+complex(?:es)?"
        r"|(?:[3-9]|\d\d|three|four|five|six|seven|eight|nine|ten|twelve|sixteen)-stor(?:e)?(?:y|ied)"
        r"\s+(?:residential\s+|apartment\s+)?(?:buildings?|blocks?)",
    ),
    ("house", r"private\s+(?:houses?|homes?)|houses?|homes"),
    ("school", r"schools?|kindergartens?|universit(?:y|ies)|colleges?"),
    ("hospital", r"hospitals?|clinics?|maternity\s+(?:ward|hospital)s?|medical\s+facilit(?:y|ies)"),
    ("bridge", r"bridges?"),
    (
        "railway",
        r"railway\s+stations?|train\s+stations?|railways?|rail\s+(?:depots?|lines?)|trains?"
        r"|(?:carried|transported|shipped|moved|delivered)\s+by\s+rail",
    ),
    ("port", r"(?:sea)?ports?|grain\s+terminals?|harbou?rs?"),
    (
        "power infrastructure",
        r"(?:power|thermal|hydroelectric|electric(?:ity)?)\s+(?:plants?|stations?|grid|substations?|facilit(?:y|ies))"
        r"|substations?|energy\s+(?:infrastructure|facilit(?:y|ies))",
    ),
    ("factory", r"factor(?:y|ies)|industrial\s+(?:facilit(?:y|ies)|plants?|enterprises?)|plants?"),
    ("museum", r"museums?"),
    ("shopping centre", r"shopping\s+(?:centres?|centers?|malls?)|(?:super|hyper)?markets?"),
    ("ship", r"(?:war|landing\s+)?ships?|vessels?|flagship|frigates?|corvettes?|patrol\s+boats?"),
    ("vehicle", r"armou?red\s+vehicles?|tanks?|trucks?|(?:mini)?bus(?:es)?|cars?"),
    (
        "aircraft",
        r"warplanes?|helicopters?|fighter\s+jets?|(?:Su|MiG|Ka|Mi)-\d+s?|aircraft|planes?",
    ),
    ("hotel", r"hotels?"),
)


#: Labels that are the means, not the target, after "from", "with", "by", "using".
_MEANS = frozenset({"weapon system", "aircraft", "ship"})
_USED_FROM = re.compile(r"\b(?:from|with|by|using)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


@cache
def _compiled() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (label, re.compile(rf"(?<![\w-])(?:{pat})(?![\w-])", re.IGNORECASE))
        for label, pat in TARGETS
    )


#: For each of :data:`TARGETS`, lower-case substrings one of which every match
#: contains: a pattern is only scanned when the sentence has one (checked in
#: tests against the full scan).
TARGET_LITERALS: tuple[tuple[str, ...], ...] = (
    ("depot", "dump", "store", "warehouse", "storage", "stockpile", "arsenal"),
    ("fuel", "oil", "petroleum", "refiner"),
    ("launcher", "batter", "system", "complex"),
    ("radar",),
    ("air", "aerodrome"),
    ("military", "barracks", "command", "headquarters", "training"),
    ("troop", "dugout", "trenches"),
    ("prison", "penal", "detention", "camp"),
    ("building", "block", "house", "flats", "high-rise", "complex"),
    ("house", "home"),
    ("school", "kindergarten", "universit", "college"),
    ("hospital", "clinic", "maternity", "medical"),
    ("bridge",),
    ("rail", "train"),
    ("port", "terminal", "harbo"),
    ("power", "thermal", "hydroelectric", "electric", "substation", "energy"),
    ("factor", "industrial", "plant"),
    ("museum",),
    ("shopping", "market"),
    ("ship", "vessel", "frigate", "corvette", "boat"),
    ("vehicle", "tank", "truck", "bus", "car"),
    ("warplane", "helicopter", "jet", "su-", "mig-", "ka-", "mi-", "aircraft", "plane"),
    ("hotel",),
)


def target_spans(sentence: str) -> list[tuple[int, int, str]]:
    """Target mentions as ``(start, end, label)``; a phrase is counted once,
    by the first (most specific) label whose pattern covers it."""
    return _scan(sentence, gated=True)


def _scan(sentence: str, *, gated: bool = False) -> list[tuple[int, int, str]]:
    """All target spans; with ``gated``, only patterns whose literals occur."""
    scan = gated_entries(sentence, _compiled(), TARGET_LITERALS, gate=gated)
    taken: list[tuple[int, int]] = []
    out = []
    for label, rx in scan:
        for m in rx.finditer(sentence):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if label in _MEANS and _USED_FROM.search(sentence[: m.start()]):
                continue  # "fired from HIMARS launchers": the means, not the target
            taken.append((m.start(), m.end()))
            out.append((m.start(), m.end(), label))
    return sorted(out)


def find_targets(sentence: str) -> tuple[str, ...]:
    """Sorted normalised target labels named in ``sentence``.

    "fuel tanks" is a fuel depot; a "tank" on its own is a vehicle; "power
    plant" is power infrastructure, a bare "plant" a factory.

    >>> find_targets("Drones set fire to fuel tanks at an oil depot")
    ('fuel depot',)
    >>> find_targets("The minister spoke about peace")
    ()
    """
    return tuple(sorted({label for _, _, label in target_spans(sentence)}))
