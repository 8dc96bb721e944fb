"""Rendering of events as interactive folium/Leaflet maps (thin elements with templates).

Public API: :func:`maps.eventmap.build_map` (GeoDataFrame -> folium map),
:func:`maps.eventmap.save_map` and :func:`maps.eventmap.write_map`.
"""

from maps.eventmap import EventMap, build_map, render_html, save_map, write_map

__all__ = ["EventMap", "build_map", "render_html", "save_map", "write_map"]
