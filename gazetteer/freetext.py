"""Free-text location strings: split into a target place and its qualifiers.

"near Novokaterynivka village, Starobeshivskiy district, Donetsk region" ->
target "Novokaterynivka", a district (unused), region "Donetsk region".
"Chuhuiv, south of Kharkiv" -> target "Chuhuiv", reference place "Kharkiv".

>>> parts = split_location("near Novokaterynivka village, Starobeshivskiy district, Donetsk region")
>>> [(p.text, p.role) for p in parts]
[('Novokaterynivka', 'place'), ('Starobeshivskiy', 'district'), ('Donetsk region', 'phrase')]
>>> [(p.text, p.role) for p in split_location("Chuhuiv, south of Kharkiv")]
[('Chuhuiv', 'place'), ('Kharkiv', 'reference')]
>>> [(p.text, p.role) for p in split_location("the outskirts of Makiivka (Donetsk oblast)")]
[('Makiivka', 'place'), ('Donetsk oblast', 'phrase')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPLIT = re.compile(
    r"\s*(?:[,;()\[\]/|]|\s-\s|\s+in\s+(?:the\s+)?|\s+near\s+|\s+outside\s+)\s*", re.I
)
_DIRECTION = (
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|"
    r"northern|southern|eastern|western)"
)
_REFERENCE = re.compile(
    rf"^(?:(?:about|some|around|approximately)\s+)?(?:\d+(?:[.,]\d+)?\s*(?:km|kilometres|kilometers|miles|mi)\s+)?"
    rf"(?:(?:to\s+the\s+)?{_DIRECTION}\s+of|from|near|outside|close\s+to|next\s+to)\s+(?P<rest>.+)$",
    re.I,
)
_LEADING = re.compile(
    r"^(?:(?:in|at|on|near|nearby|around|outside|close\s+to|the|village|town|city|settlement|"
    r"urban-type\s+settlement|hamlet|outskirts|suburbs?|area|vicinity|region|district|of|"
    r"village\s+of|town\s+of|city\s+of)\s+)+",
    re.I,
)
_TRAILING = re.compile(
    r"(?:\s+(?:village|town|city|settlement|hamlet|urban-type\s+settlement|area|outskirts|"
    r"suburbs?|vicinity))+$",
    re.I,
)
_DISTRICT = re.compile(
    r"^(?P<name>.+?)\s+(?:district|raion|rayon|hromada|community|municipality|"
    r"territorial\s+community)$",
    re.I,
)


@dataclass(frozen=True)
class LocationPart:
    """One comma-separated part of a location string.

    ``role``: ``place`` (the target, first), ``reference`` ("south of X": a
    nearby place), ``district`` (second-level unit, not in the index),
    ``phrase`` (a region, country or further place; the caller decides).
    """

    text: str
    role: str


def split_location(query: str) -> list[LocationPart]:
    """Split a free-text location string into parts with roles."""
    parts: list[LocationPart] = []
    for raw in _SPLIT.split(query):
        text = " ".join(raw.split())
        if not text:
            continue
        ref = _REFERENCE.match(text)
        if ref and parts:
            rest = _clean(ref.group("rest"))
            if rest:
                parts.append(LocationPart(rest, "reference"))
            continue
        if ref and not parts:
            text = ref.group("rest")
        district = _DISTRICT.match(text)
        if district and parts:
            parts.append(LocationPart(_clean(district.group("name")), "district"))
            continue
        cleaned = _clean(text)
        if not cleaned:
            continue
        parts.append(LocationPart(cleaned, "place" if not parts else "phrase"))
    return parts


def _clean(text: str) -> str:
    text = _LEADING.sub("", text.strip())
    text = _TRAILING.sub("", text)
    return text.strip(" .:'\"")
