"""Colours, marker shapes and basemaps of the event map.

>>> TYPE_STYLES["air_drone_strike"].shape
'circle'
>>> sorted(TYPE_STYLES) == sorted(EVENT_TYPES) and sorted(SIDE_COLOURS) == sorted(SIDES)
True
>>> [b["name"] for b in basemaps()]
['OpenStreetMap', 'Light (Esri gray)', 'Satellite (Esri imagery)']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import xyzservices.providers as xyz

from geoevents.vocabulary import EVENT_TYPES, SIDES


@dataclass(frozen=True)
class TypeStyle:
    """How markers of one event type are drawn."""

    colour: str
    shape: str  # circle, square, triangle, diamond


TYPE_STYLES: dict[str, TypeStyle] = {
    t.id: TypeStyle(t.colour, t.shape) for t in EVENT_TYPES.values()
}

#: Claimant side -> colour of the marker outline and the legend swatch.
SIDE_COLOURS: dict[str, str] = {
    "russia": "#6a3d9a",
    "ukraine": "#007a7a",
    "other": "#444444",
    "unknown": "#9a9a9a",
}

#: xyzservices providers offered as basemaps (name shown, provider).
BASEMAP_PROVIDERS: tuple[tuple[str, Any], ...] = (
    ("OpenStreetMap", xyz.OpenStreetMap.Mapnik),
    ("Light (Esri gray)", xyz.Esri.WorldGrayCanvas),
    ("Satellite (Esri imagery)", xyz.Esri.WorldImagery),
)


def basemaps() -> list[dict[str, Any]]:
    """Basemap tile layers as JSON-ready dicts (name, url, attribution, maxZoom)."""
    out = []
    for name, provider in BASEMAP_PROVIDERS:
        out.append(
            {
                "name": name,
                "url": provider.build_url(),
                "attribution": provider.html_attribution,
                "maxZoom": int(provider.get("max_zoom") or 18),
            }
        )
    return out


def type_config() -> list[dict[str, str]]:
    """Event types with label, colour and shape, in vocabulary order."""
    return [
        {
            "id": t.id,
            "label": t.label,
            "colour": TYPE_STYLES[t.id].colour,
            "shape": TYPE_STYLES[t.id].shape,
        }
        for t in EVENT_TYPES.values()
    ]


def side_config() -> list[dict[str, str]]:
    """Claimant sides with label and colour, in vocabulary order."""
    return [{"id": s, "label": label, "colour": SIDE_COLOURS[s]} for s, label in SIDES.items()]
