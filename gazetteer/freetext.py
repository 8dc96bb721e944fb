"""Free-text location strings: split into target places and their qualifiers.

"near Novokaterynivka village, Starobeshivskiy district, Donetsk region" ->
target "Novokaterynivka", a district, region "Donetsk region".
"Chuhuiv, south of Kharkiv" -> target "Chuhuiv", reference place "Kharkiv".

>>> parts = split_location("near Novokaterynivka village, Starobeshivskiy district, Donetsk region")
>>> [(p.text, p.role) for p in parts]
[('Novokaterynivka', 'place'), ('Starobeshivskiy', 'district'), ('Donetsk region', 'phrase')]
>>> [(p.text, p.role) for p in split_location("Chuhuiv, south of Kharkiv")]
[('Chuhuiv', 'place'), ('Kharkiv', 'reference')]
>>> [(p.text, p.role) for p in split_location("the outskirts of Makiivka (Donetsk oblast)")]
[('Makiivka', 'place'), ('Donetsk oblast', 'phrase')]

Reports write locations loosely; these all parse to a target and qualifiers:

>>> [(p.text, p.role) for p in split_location("Horlivka's suburb of Zaitseve")]
[('Zaitseve', 'place'), ('Horlivka', 'phrase')]
>>> [(p.text, p.role) for p in split_location("Kuibyshevsky district of Donetsk")]
[('Donetsk', 'place')]
>>> [(p.text, p.role) for p in split_location("in the Popasnyansky district of the Luhansk region")]
[('Popasnyansky', 'district'), ('Luhansk region', 'place')]
>>> [(p.text, p.role) for p in split_location("Starobeshivskyi district")]
[('Starobeshivskyi', 'district')]
>>> [(p.text, p.role) for p in split_location("Bilozerka of the Velykooleksandrivska community")]
[('Bilozerka', 'place'), ('Velykooleksandrivska', 'hromada')]
>>> [(p.text, p.role) for p in split_location("Ilovaysk City Donetsk oblast")]
[('Ilovaysk', 'place'), ('Donetsk oblast', 'phrase')]
>>> [(p.text, p.role) for p in split_location("Bakhmut and Chasiv Yar")]
[('Bakhmut', 'place'), ('Chasiv Yar', 'phrase')]
>>> parse_location("seen at 48.573410, 37.998120 near Soledar").point
(48.57341, 37.99812)
>>> parse_location("10 km north-east of Bakhmut").offset
(10.0, 45.0)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Characters and words that separate the parts of a location string.
_SPLIT = re.compile(
    r"\s*(?:[,;()\[\]/|:\n\u201c\u201d\u00ab\u00bb]|\s-\s|\.\s+(?=[A-Z])"
    r"|\s+(?:in|between|and|including|towards?|at|along)\s+(?:the\s+)?)\s*"
    # "near X" stays one piece: X is then a reference place, not a qualifier
    r"|\s+(?=(?:near|nearby|outside|close\s+to)\s)",
    re.I,
)
_UNIT_WORDS = r"(?:district|raion|rayon|hromada|community|municipality|territorial\s+community)"
#: "... district of X", "suburb of X": the part before "of" is a descriptor of X.
_OF_AFTER_DESCRIPTOR = re.compile(
    r"^(?P<left>.*?\b(?:district|suburbs?|outskirts|area|areas|direction|settlements?|"
    r"villages?|towns?|city|neighbou?rhood|sector|part|edge|territory|vicinity|entrance\s+to|"
    r"side|cent(?:er|re)|council|region|oblast|raion|rayon))\s+of\s+(?:the\s+)?(?P<right>.+)$",
    re.I,
)
_REGION_WORD = re.compile(r"\b(?:region|oblast|province)\b", re.I)
#: "X of (the) Y community/district/region": the part after "of" is a unit of X.
_OF_BEFORE_UNIT = re.compile(
    rf"^(?P<left>.+?)\s+of\s+(?:the\s+)?(?P<right>[^,]+?\s+(?:{_UNIT_WORDS}|region|oblast|republic))$",
    re.I,
)
#: "Ilovaysk City Donetsk oblast": a settlement word inside a part splits it.
_INNER_WORD = re.compile(
    r"^(?P<left>\S.*?)\s+(?:town|village|city|settlement)\s+(?P<right>\S.+)$", re.I
)
#: "Slavyansk Donetsk region": a trailing region phrase without a comma.
_TRAILING_REGION = re.compile(
    r"^(?P<left>\S.*?)\s+(?P<right>\S+\s+(?:region|oblast|province|krai|kray))$", re.I
)
_DIRECTION = (
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|"
    r"northern|southern|eastern|western)"
)
_BEARINGS = {
    "north": 0.0,
    "northern": 0.0,
    "northeast": 45.0,
    "east": 90.0,
    "eastern": 90.0,
    "southeast": 135.0,
    "south": 180.0,
    "southern": 180.0,
    "southwest": 225.0,
    "west": 270.0,
    "western": 270.0,
    "northwest": 315.0,
}
_REFERENCE = re.compile(
    rf"^(?:(?:about|some|around|approximately)\s+)?"
    rf"(?:(?P<dist>\d+(?:[.,]\d+)?)\s*(?P<unit>km|kilometres|kilometers|miles|mi|m|meters|metres)"
    rf"(?:\s+\([^)]*\))?\s+)?"
    rf"(?:(?:to\s+the\s+)?(?P<dir>{_DIRECTION})\s+of|from|near|outside|close\s+to|next\s+to)"
    rf"\s+(?:the\s+)?(?P<rest>.+)$",
    re.I,
)
_LEADING = re.compile(
    r"^(?:(?:in|at|on|near|nearby|around|outside|close\s+to|the|a|an|village|town|city|settlement|"
    r"settlements|villages|towns|township|urban-type\s+settlement|hamlet|outskirts|suburbs?|area|"
    r"areas|vicinity|region|district|of|such|as|probably|rebel-held|occupied|liberated|"
    r"frontline|front-line|checkpoint|positions?|direction|entrance\s+to|"
    r"village\s+of|town\s+of|city\s+of)\s+)+",
    re.I,
)
_TRAILING = re.compile(
    r"(?:(?:^|\s+)(?:village|town|city|settlement|settlements|hamlet|township|urban-type\s+settlement|"
    r"area|areas|outskirts|suburbs?|vicinity|sector|sector\s+of\s+the\s+front|front|"
    r"cent(?:er|re)|council|village\s+council|of|the|"
    r"checkpoint|city\s+council|town\s+council|according\s+to\s+.+))+$",
    re.I,
)
_DISTRICT = re.compile(r"^(?P<name>.+?)\s+(?:district|raion|rayon)$", re.I)
_HROMADA = re.compile(
    r"^(?P<name>.+?)\s+(?:hromada|community|municipality|territorial\s+community|"
    r"(?:rural|urban|settlement)\s+(?:hromada|community))$",
    re.I,
)
#: Parts naming a street or a structure, never a settlement target.
_STREET = re.compile(
    r"\b(?:street|st|avenue|ave|prospekt|prospect|boulevard|lane|square|highway|road|bridge|"
    r"crossing|airport|aiport|railway\s+station|station|market|hospital|school|plant|factory|"
    r"mine|memorial|monument|mound|dam|stronghold|checkpoint|platoon|position|no|bp)\b\.?",
    re.I,
)
_COORDS = re.compile(
    r"(?<![\d.])(?P<lat>-?\d{1,2}\.\d{3,})\s*°?\s*[NS]?\s*[,;\s]\s*(?P<lon>-?\d{1,3}\.\d{3,})\s*°?\s*[EW]?(?![\d.])"
)
#: "Horlivka's suburb of Zaitseve" -> "suburb of Zaitseve, Horlivka".
_POSSESSIVE = re.compile(r"^(?P<owner>[^,;()]+?)(?<![Pp]eople)['\u2019]s\s+(?P<rest>\S.+)$")
#: "Bakhmut direction": a front axis named after a town, not the place of the event.
_AXIS = re.compile(r"^(?P<name>.+?)\s+(?:directions?|axis|front)$", re.I)
_NOISE = re.compile(r"\?{2,}|[\"\u2018\u201a\u201e]")


@dataclass(frozen=True)
class LocationPart:
    """One part of a location string.

    ``role``: ``place`` (the first candidate target), ``reference`` ("south of
    X": a nearby place), ``district`` (a raion named "X district"), ``hromada``
    ("X community"), ``structure`` (a street, bridge, airport, checkpoint, or
    words all in lower case: a target only when it matches exactly), ``axis``
    ("Bakhmut direction": a last resort), ``phrase`` (a region, country or further place: the caller
    decides; also a further target when earlier ones do not resolve).
    """

    text: str
    role: str


@dataclass(frozen=True)
class ParsedLocation:
    """A location string parsed: its parts, explicit coordinates, and an offset.

    ``point`` is ``(lat, lon)`` when the string itself gives coordinates;
    ``offset`` is ``(km, bearing degrees)`` of "10 km north of X" (from the
    reference place, which is then the target).
    """

    parts: tuple[LocationPart, ...]
    point: tuple[float, float] | None = None
    offset: tuple[float, float] | None = None


def _coordinates(text: str) -> tuple[tuple[float, float] | None, str]:
    found = _COORDS.search(text)
    if not found:
        return None, text
    lat, lon = float(found.group("lat")), float(found.group("lon"))
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        return None, text
    return (lat, lon), text[: found.start()] + " ; " + text[found.end() :]


def _pieces(text: str) -> list[str]:
    """Split on separators, then on "of" phrases and inner settlement words."""
    out: list[str] = []
    stack = [p for p in _SPLIT.split(text) if p and p.strip()]
    stack.reverse()
    while stack:
        piece = " ".join(stack.pop().split())
        if not piece:
            continue
        for pattern in (_OF_AFTER_DESCRIPTOR, _OF_BEFORE_UNIT, _INNER_WORD, _TRAILING_REGION):
            m = pattern.match(piece)
            if (
                m
                and (pattern is _OF_AFTER_DESCRIPTOR or _clean(m.group("left")))
                and _clean(m.group("right"))
            ):
                left, right = m.group("left"), m.group("right")
                if pattern is _OF_AFTER_DESCRIPTOR:
                    # "suburb of X", "Kuibyshevsky district of X": X is the place; a
                    # named city district ("Kuibyshevsky district") is not a target
                    # ("the Popasnyansky district of the Luhansk region" is a raion)
                    city_district = _DISTRICT.match(left) and not _REGION_WORD.search(right)
                    left = "" if city_district or _is_descriptor(left) else left
                    stack.extend([p for p in (left, right) if p][::-1])
                    piece = ""
                    break
                stack.append(right)
                stack.append(left)
                piece = ""
                break
        if piece:
            out.append(piece)
    return out


def _is_descriptor(text: str) -> bool:
    return not _clean(text)


def _offset(ref: re.Match[str]) -> tuple[float, float] | None:
    if not ref.group("dist") or not ref.group("dir"):
        return None
    km = float(ref.group("dist").replace(",", "."))
    unit = ref.group("unit").lower()
    if unit in ("miles", "mi"):
        km *= 1.609344
    elif unit in ("m", "meters", "metres"):
        km /= 1000.0
    bearing = _BEARINGS.get(ref.group("dir").lower().replace("-", ""))
    return None if bearing is None else (km, bearing)


def parse_location(query: str) -> ParsedLocation:
    """Parse a free-text location string into parts, coordinates and an offset."""
    point, text = _coordinates(query)
    text = _NOISE.sub(" ", text)
    text = "\n".join(_POSSESSIVE.sub(r"\g<rest>, \g<owner>", line) for line in text.split("\n"))
    parts: list[LocationPart] = []
    offset: tuple[float, float] | None = None
    cased = not text.islower()  # in a cased string, lower-case words are not names
    for piece in _pieces(text):
        ref = _REFERENCE.match(piece)
        if ref:
            rest = _clean(ref.group("rest"))
            if rest and (_STREET.search(rest) or (cased and rest.islower())):
                parts.append(LocationPart(rest, "structure"))
            elif rest and parts and any(p.role == "place" for p in parts):
                parts.append(LocationPart(rest, "reference"))
            elif rest:
                parts.append(LocationPart(rest, "place"))
                offset = offset or _offset(ref)
            continue
        unit = _HROMADA.match(piece)
        if unit and _clean(unit.group("name")):
            parts.append(LocationPart(_clean(unit.group("name")), "hromada"))
            continue
        district = _DISTRICT.match(piece)
        if district and _clean(district.group("name")):
            parts.append(LocationPart(_clean(district.group("name")), "district"))
            continue
        cleaned = _clean(piece)
        if not cleaned:
            continue
        if _AXIS.match(cleaned):
            parts.append(LocationPart(_AXIS.match(cleaned).group("name"), "axis"))
            continue
        if _STREET.search(cleaned) or (cased and cleaned.islower()):
            parts.append(LocationPart(cleaned, "structure"))
            continue
        has_place = any(p.role == "place" for p in parts)
        parts.append(LocationPart(cleaned, "phrase" if has_place else "place"))
    return ParsedLocation(tuple(parts), point, offset)


def structure_name(text: str) -> str:
    """The place name in a structure part: "Donetsk airport" -> "Donetsk".

    >>> structure_name("Kharkiv international airport"), structure_name("Sumska Street")
    ('Kharkiv', 'Sumska')
    """
    head = _STREET.split(text)[0]
    head = re.sub(
        r"\b(?:international|main|central|old|new|border|residential)\s*$",
        "",
        head.strip(),
        flags=re.I,
    )
    return _clean(head)


def split_location(query: str) -> list[LocationPart]:
    """Split a free-text location string into parts with roles."""
    return list(parse_location(query).parts)


def _clean(text: str) -> str:
    text = _LEADING.sub("", text.strip(" .:'\"-"))
    text = _TRAILING.sub("", text)
    text = text.strip(" .:'\"-")
    return "" if text.isdigit() else text
