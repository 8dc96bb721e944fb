"""What makes a GeoPackage open ready in QGIS: declared relations and a default style.

Both the store (``ingest --db events.gpkg``) and ``export -o OUT.gpkg`` get:

- **Relations** (the OGC GeoPackage Related Tables Extension, which GDAL reads as
  relationships and QGIS turns into layer relations): ``events`` -> ``claims`` and
  ``events`` -> ``sources``, each through a mapping view (``events_claims``,
  ``events_sources``) of ``base_id`` (the event's ``fid``) and ``related_id`` (the claim's
  or source's ``fid``), joined on ``event_id = events.id``. Views, so they can never
  disagree with the tables after a re-fusion.
- **A default style** for the ``events`` layer in QGIS's ``layer_styles`` table: markers
  coloured and shaped by event type as on the HTML map, sized by the highest killed figure
  claimed (the HTML map's radius), and the temporal controller set to ``date_start`` ..
  ``date_end``.

>>> import sqlite3
>>> con = sqlite3.connect(":memory:")
>>> _ = con.executescript(
...     "CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT,"
...     " identifier TEXT, description TEXT);"
...     "CREATE TABLE events (fid INTEGER PRIMARY KEY, id TEXT);"
...     "CREATE TABLE claims (fid INTEGER PRIMARY KEY, event_id TEXT);"
...     "CREATE TABLE sources (fid INTEGER PRIMARY KEY, event_id TEXT);"
...     "INSERT INTO events VALUES (1, 'ev-a'), (2, 'ev-b');"
...     "INSERT INTO claims VALUES (10, 'ev-b'), (11, 'ev-a'), (12, 'ev-b');")
>>> prepare_for_qgis(con.cursor())
>>> con.execute("SELECT base_id, related_id FROM events_claims ORDER BY related_id").fetchall()
[(2, 10), (1, 11), (2, 12)]
>>> con.execute("SELECT related_table_name, mapping_table_name FROM gpkgext_relations").fetchall()
[('claims', 'events_claims'), ('sources', 'events_sources')]
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from geoevents.vocabulary import EVENT_TYPES

#: Attribute layers related to ``events`` by their ``event_id`` column.
RELATED_LAYERS = ("claims", "sources")
#: The Related Tables Extension (OGC 18-000), as GeoPackage extensions name it.
RTE_NAME = "gpkg_related_tables"
RTE_DEFINITION = "http://docs.opengeospatial.org/is/18-000/18-000.html"
#: Name of the default style written to ``layer_styles``.
STYLE_NAME = "geoevents"
#: Marker size (pixels, a diameter) by the highest killed figure: the HTML map's radius, doubled.
SIZE_EXPRESSION = 'coalesce(2 * (5 + min(9, 2.2 * log(2, 1 + coalesce("killed_high", 0)))), 10)'

_DDL = (
    """CREATE TABLE IF NOT EXISTS gpkg_extensions (
        table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL,
        definition TEXT NOT NULL, scope TEXT NOT NULL,
        CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))""",
    """CREATE TABLE IF NOT EXISTS gpkgext_relations (
        id INTEGER PRIMARY KEY AUTOINCREMENT, base_table_name TEXT NOT NULL,
        base_primary_column TEXT NOT NULL DEFAULT 'id', related_table_name TEXT NOT NULL,
        related_primary_column TEXT NOT NULL DEFAULT 'id', relation_name TEXT NOT NULL,
        mapping_table_name TEXT NOT NULL UNIQUE)""",
    """CREATE TABLE IF NOT EXISTS layer_styles (
        id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog TEXT(256),
        f_table_schema TEXT(256), f_table_name TEXT(256), f_geometry_column TEXT(256),
        styleName TEXT(30), styleQML TEXT, styleSLD TEXT, useAsDefault BOOLEAN,
        description TEXT, owner TEXT(30), ui TEXT(30), update_time DATETIME)""",
)


def prepare_for_qgis(cur: Any, geometry_column: str = "geom") -> None:
    """Declare the relations and write the default style (idempotent; inside the caller's
    transaction)."""
    for sql in _DDL:
        cur.execute(sql)
    _register(cur, "gpkgext_relations", None)
    for layer in RELATED_LAYERS:
        mapping = f"events_{layer}"
        cur.execute(
            f"CREATE VIEW IF NOT EXISTS {mapping} AS SELECT e.fid AS base_id, r.fid AS related_id "
            f"FROM events e JOIN {layer} r ON r.event_id = e.id"
        )
        _register(cur, mapping, f"Relation of events to their {layer} (for GIS tools)")
        cur.execute(
            "INSERT INTO gpkgext_relations (base_table_name, base_primary_column, "
            "related_table_name, related_primary_column, relation_name, mapping_table_name) "
            "SELECT 'events', 'fid', ?, 'fid', 'attributes', ? WHERE NOT EXISTS "
            "(SELECT 1 FROM gpkgext_relations WHERE mapping_table_name = ?)",
            (layer, mapping, mapping),
        )
    cur.execute(
        "DELETE FROM layer_styles WHERE f_table_name = 'events' AND styleName = ?", (STYLE_NAME,)
    )
    cur.execute(
        "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, "
        "f_geometry_column, styleName, styleQML, styleSLD, useAsDefault, description, owner, ui, "
        "update_time) VALUES ('', '', 'events', ?, ?, ?, '', 1, ?, '', NULL, NULL)",
        (
            geometry_column,
            STYLE_NAME,
            events_style_qml(),
            "geoevents: colour by event type, size by killed",
        ),
    )
    cur.execute(
        "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description) "
        "VALUES ('layer_styles', 'attributes', 'layer_styles', 'QGIS layer styles')"
    )


def _register(cur: Any, table: str, description: str | None) -> None:
    """The extension row of ``table`` and, for a mapping view, its ``gpkg_contents`` row."""
    cur.execute(
        "INSERT OR IGNORE INTO gpkg_extensions (table_name, column_name, extension_name, "
        "definition, scope) VALUES (?, NULL, ?, ?, 'read-write')",
        (table, RTE_NAME, RTE_DEFINITION),
    )
    if description is not None:
        cur.execute(
            "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description) "
            "VALUES (?, 'attributes', ?, ?)",
            (table, table, description),
        )


def _rgba(hex_colour: str) -> str:
    """QGIS's colour form: ``"214,39,40,255"`` for ``"#d62728"``."""
    h = hex_colour.lstrip("#")
    return ",".join(str(int(h[i : i + 2], 16)) for i in (0, 2, 4)) + ",255"


def _option(parent: ET.Element, name: str, value: str, kind: str = "QString") -> None:
    ET.SubElement(parent, "Option", {"name": name, "type": kind, "value": value})


def _symbol(parent: ET.Element, name: str, colour: str, shape: str) -> None:
    symbol = ET.SubElement(
        parent, "symbol", {"type": "marker", "name": name, "alpha": "1", "clip_to_extent": "1"}
    )
    layer = ET.SubElement(
        symbol, "layer", {"class": "SimpleMarker", "enabled": "1", "pass": "0", "locked": "0"}
    )
    opts = ET.SubElement(layer, "Option", {"type": "Map"})
    for key, value in (
        ("color", _rgba(colour)),
        ("name", shape),
        ("size", "10"),
        ("size_unit", "Pixel"),
        ("outline_color", "35,35,35,255"),
        ("outline_width", "1"),
        ("outline_width_unit", "Pixel"),
    ):
        _option(opts, key, value)
    ddp = ET.SubElement(ET.SubElement(layer, "data_defined_properties"), "Option", {"type": "Map"})
    _option(ddp, "name", "")
    props = ET.SubElement(ddp, "Option", {"name": "properties", "type": "Map"})
    size = ET.SubElement(props, "Option", {"name": "size", "type": "Map"})
    _option(size, "active", "true", "bool")
    _option(size, "expression", SIZE_EXPRESSION)
    _option(size, "type", "3", "int")
    _option(ddp, "type", "collection")


def events_style_qml() -> str:
    """The QML (QGIS style XML) of the ``events`` layer: categories by event type in the
    vocabulary's order, size by killed, temporal by ``date_start``..``date_end``.

    >>> root = ET.fromstring(events_style_qml())
    >>> [c.get("value") for c in root.iter("category")] == list(EVENT_TYPES)
    True
    >>> root.find("renderer-v2").get("attr"), root.find("temporal").get("startField")
    ('event_type', 'date_start')
    """
    root = ET.Element("qgis", {"version": "3.28.0", "styleCategories": "Symbology|Temporal"})
    renderer = ET.SubElement(
        root,
        "renderer-v2",
        {
            "type": "categorizedSymbol",
            "attr": "event_type",
            "symbollevels": "0",
            "enableorderby": "0",
            "forceraster": "0",
        },
    )
    categories = ET.SubElement(renderer, "categories")
    symbols = ET.SubElement(renderer, "symbols")
    for i, t in enumerate(EVENT_TYPES.values()):
        ET.SubElement(
            categories,
            "category",
            {"symbol": str(i), "value": t.id, "label": t.label, "render": "true"},
        )
        _symbol(symbols, str(i), t.colour, t.shape)
    ET.SubElement(
        root,
        "temporal",
        {
            "enabled": "1",
            "mode": "2",  # a start and an end field
            "startField": "date_start",
            "endField": "date_end",
            "accumulate": "0",
            "limitMode": "1",  # a one-day event (start = end) shows on its day
            "fixedDuration": "0",
            "durationUnit": "d",
        },
    )
    body = ET.tostring(root, encoding="unicode")
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + body
