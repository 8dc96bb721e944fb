"""The event map: a lean folium :class:`~folium.Map`, an element with the events, one per control.

Markers, popups, layer toggles, the time window, counts, search and downloads
are built in the browser from one embedded JSON blob (see
:mod:`maps.mapdata`), on a canvas renderer with marker clustering, so that
100,000 events load in seconds. :class:`EventLayer` embeds the data and the
page core; each control (:mod:`maps.controls`) is a child element with its own
script, and ``controls=`` of :func:`build_map` leaves optional ones out. Text
from articles only reaches the page as escaped JSON and the DOM as
``textContent``: it is shown verbatim, never run.

>>> from geoevents.io.events import events_to_frame
>>> from geoevents.model import Claim, Event
>>> frame = events_to_frame([Event("ev-1", "air_drone_strike", 48.0, 37.8, date="2023-01-01",
...     claims=(Claim("Someone", "ukraine", quote="</script><b>${x}`"),))])
>>> html = render_html(build_map(frame, title="Demo"))
>>> "</script><b>" in html, "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e" in html
(False, True)
"""

from __future__ import annotations

import hashlib
import html as html_lib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import folium
from branca.element import Element, Figure, MacroElement
from geopandas import GeoDataFrame
from jinja2 import Template

from gazetteer.atomic import atomic_write_text
from gazetteer.geo import latlon_from_position
from geoevents.confidence import NEEDS_REVIEW
from geoevents.errors import ConfigurationError
from maps import assets
from maps import outlines as admin_outlines
from maps.aggregate import AggregateControl, HexLayer
from maps.controls import TEMPLATES, control_elements, page_script
from maps.mapdata import (
    PRECISION_LABELS,
    UNCERTAINTY_RADIUS_M,
    MapData,
    build_map_data,
    json_for_script,
)
from maps.rawelement import RawElement
from maps.style import basemaps, side_config, type_config

DATA_ID = "geoevents-data"
OUTLINES_ID = "geoevents-outlines"
REGION_OUTLINES_ID = "geoevents-region-outlines"
#: Lowest zoom at which the names of the region outlines are shown.
REGION_LABEL_ZOOM = 6
#: Shown by an online map whose scripts (Leaflet from the CDN) could not load: without it the
#: page would stay blank with no word.
NO_NETWORK_HTML = (
    '<div id="ge-no-network" class="ge-nonet" hidden>This map loads its scripts and tiles from '
    "the internet, and they could not be loaded. Connect to the network and reload, or make the "
    "map with <code>geoevents map --offline</code>: one file that works without a network.</div>"
    "<script>window.addEventListener('load', function () { if (!window.L) "
    "{ document.getElementById('ge-no-network').hidden = false; } });</script>"
)
#: Dash pattern of the marker outline per location precision (solid, dashed, dotted).
PRECISION_DASH: dict[int, str | None] = {1: None, 2: "5 3", 3: "2 3"}


class EventMap(folium.Map):
    """A folium map whose page loads only the assets the event layer needs.

    The asset lists are set on this subclass, so folium's own class-level lists
    (and every other map made in the process) stay untouched. Each asset is linked
    with its subresource-integrity hash (:func:`maps.assets.link_tag`).
    """

    default_js = [(a.name, a.url) for a in assets.JS_ASSETS]
    default_css = [(a.name, a.url) for a in assets.CSS_ASSETS]

    def render(self, **kwargs: Any) -> None:
        """Render the map; our CDN assets are linked with their integrity hashes."""
        super().render(**kwargs)
        figure = self.get_root()
        if isinstance(figure, Figure):
            # replaces folium's plain link of the same name, in place
            for asset in (*assets.JS_ASSETS, *assets.CSS_ASSETS):
                figure.header.add_child(RawElement(assets.link_tag(asset)), name=asset.name)


class EventLayer(MacroElement):
    """Embeds the events as JSON and starts the page: core script, then the controls.

    The macros of the template are rendered once with the data as variables;
    their output goes into the page as :class:`RawElement` (never re-parsed).
    The children are the controls (:class:`maps.controls.MapControl`); their scripts
    follow the core's, and ``start()`` runs once all of them are on the page.
    """

    _template = Template(
        """
{% macro header(this, kwargs) %}<style>{{ this.css }}</style>{% endmacro %}
{% macro html(this, kwargs) %}<script type="application/json" id="{{ this.data_id }}">{{ this.data_json }}</script>
{% if this.outlines_json %}<script type="application/json" id="{{ this.outlines_id }}">{{ this.outlines_json }}</script>{% endif %}
{% if this.regions_json %}<script type="application/json" id="{{ this.regions_id }}">{{ this.regions_json }}</script>{% endif %}
{% endmacro %}
{% macro script(this, kwargs) %}
{{ this.js }}
var {{ this.context_name }} = geoeventsMap({{ this._parent.get_name() }}, {{ this.config_json }},
  JSON.parse(document.getElementById("{{ this.data_id }}").textContent));
{% endmacro %}
"""
    )

    def __init__(
        self,
        data: MapData,
        config: dict[str, Any],
        outlines: Any | None = None,
        regions: Any | None = None,
    ) -> None:
        super().__init__()
        self._name = "EventLayer"
        self.data_id = DATA_ID
        self.outlines_id = OUTLINES_ID
        self.regions_id = REGION_OUTLINES_ID
        self.data_json = json_for_script(data.to_json_obj())
        self.config_json = json_for_script(config)
        self.outlines_json = json_for_script(outlines) if outlines is not None else ""
        self.regions_json = json_for_script(regions) if regions is not None else ""
        self.css = (TEMPLATES / "eventmap.css").read_text(encoding="utf-8").replace("</", "<\\/")
        self.js = page_script("util") + "\n" + page_script("core")

    def render(self, **kwargs: Any) -> None:
        """Add the rendered header, html and script parts to the page verbatim."""
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise TypeError("an EventLayer can only be rendered inside a folium map")
        module = self._template.module
        for part, macro in (
            (figure.header, module.header),
            (figure.html, module.html),
            (figure.script, module.script),
        ):
            part.add_child(RawElement(str(macro(self, kwargs))), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)
        figure.script.add_child(
            RawElement(f"{self.context_name}.start();\n"), name=f"{self.get_name()}_start"
        )

    @property
    def context_name(self) -> str:
        """Name of the JS variable holding the page context (see ``core.js``)."""
        return f"geoevents_{self._id}"


def map_config(
    *,
    title: str,
    offline: bool,
    heat: bool,
    regions: bool,
    labels: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Configuration object handed to the page script (JSON-ready).

    >>> cfg = map_config(title="t", offline=False, heat=True, regions=False)
    >>> [p["label"] for p in cfg["precision"]], cfg["heat"], cfg["placeLabels"]
    (['settlement', 'near', 'region'], True, [])
    """
    return {
        "title": title,
        "placeLabels": labels or [],
        "offline": offline,
        "heat": heat,
        "regions": regions,
        "types": type_config(),
        "sides": side_config(),
        "precision": [
            {
                "id": str(k),
                "label": PRECISION_LABELS[k],
                "radius": UNCERTAINTY_RADIUS_M[k],
                "dash": PRECISION_DASH[k],
            }
            for k in sorted(PRECISION_LABELS)
        ],
        "basemaps": basemaps(),
        "review": NEEDS_REVIEW,
        "outlinesId": OUTLINES_ID,
        "regionOutlinesId": REGION_OUTLINES_ID,
        "regionLabelZoom": REGION_LABEL_ZOOM,
    }


def build_map(
    events: GeoDataFrame,
    *,
    title: str = "Reported strikes",
    offline: bool = False,
    heat: bool = False,
    regions: bool = False,
    controls: Iterable[str] | None = None,
    labels: list[dict[str, Any]] | None = None,
    aggregate: HexLayer | None = None,
) -> EventMap:
    """A folium map of the events in ``events`` (a frame as made by ``geoevents.io.events``).

    Parameters
    ----------
    events
        Events frame (``read_events`` / ``events_to_frame``).
    title
        Title shown on the map and as the page title.
    offline
        Embed country outlines as the default basemap (the tiles stay selectable) and
        the region (admin-1) outlines of the events' countries (:mod:`maps.outlines`;
        Russia and Ukraine when no event has a country) as an overlay; pass the result
        to :func:`save_map` with ``offline=True`` to inline every asset.
    heat, regions
        Add the density (heat) layer / the per-region count layer (drawn by the
        ``overlays`` control).
    controls
        The optional controls to put on the page (:data:`maps.controls.OPTIONAL_CONTROLS`,
        default all of them); markers and basemaps are always there.
    labels
        Settlement labels of the offline basemap (``{name, lat, lon, minZoom}``); by default
        :func:`place_labels` picks them from the gazetteer. Online maps take the tiles' names.
    aggregate
        Counts per hexagon of a huge event set (:class:`maps.aggregate.HexLayer`): the
        page draws them as a layer with a month filter and says that ``events`` are only
        the newest of them (:mod:`maps.aggregate`).
    """
    elements = control_elements(controls)
    data = build_map_data(events)
    outlines, regions_geo, labels = _basemap_data(data, offline, labels)
    center = [48.5, 31.5]
    if data.bounds:
        (s, w), (n, e) = data.bounds
        center = [(s + n) / 2, (w + e) / 2]
    m = EventMap(
        location=center,
        zoom_start=6,
        tiles=None,
        control_scale=True,
        prefer_canvas=True,
        zoom_control=True,
    )
    fig = m.get_root()
    if isinstance(fig, Figure):
        fig.title = html_lib.escape(title)
        fig.header.add_child(
            Element('<meta name="generator" content="geoevents"/>'), name="generator"
        )
        if not offline:  # the page's scripts come from the network: say so when they cannot
            fig.html.add_child(Element(NO_NETWORK_HTML), name="ge_no_network")
    layer = EventLayer(
        data,
        map_config(
            title=title,
            offline=offline,
            heat=heat,
            regions=regions,
            labels=labels if offline else None,
        ),
        outlines,
        regions_geo,
    )
    if aggregate is not None:
        elements.append(AggregateControl(aggregate, markers=len(data.features)))
    for element in elements:
        layer.add_child(element)
    _name_by_content(m, layer, [e.data_json for e in elements if isinstance(e, AggregateControl)])
    m.add_child(layer)
    return m


def _name_by_content(m: EventMap, layer: EventLayer, extra: list[str]) -> None:
    """Name the map and layer by a digest of what they embed: folium names elements with
    random ids, so the same events give the same page byte for byte."""
    digest = hashlib.sha1(layer.config_json.encode("utf-8"))
    digest.update(layer.data_json.encode("utf-8"))
    for text in extra:
        digest.update(text.encode("utf-8"))
    m._id = digest.hexdigest()[:32]
    layer._id = m._id


def _basemap_data(
    data: MapData, offline: bool, labels: list[dict[str, Any]] | None
) -> tuple[Any, Any, list[dict[str, Any]] | None]:
    """Country outlines, region outlines and settlement labels the page embeds: offline all
    three; online only the coarse country outlines, if installed (shown when tiles fail)."""
    if not offline:
        try:
            return _outlines(assets.FALLBACK_OUTLINES), None, None
        except ConfigurationError:
            return None, None, None
    countries = admin_outlines.countries_for_map(
        f["properties"].get("country_code") for f in data.features
    )
    if labels is None:
        labels = place_labels(data, countries)
    return _outlines(assets.OUTLINES), admin_outlines.region_outlines(countries), labels


def _outlines(asset: assets.Asset) -> Any:
    try:
        return json.loads(assets.read_asset(asset))
    except json.JSONDecodeError as err:
        raise ConfigurationError(
            f"country outlines {assets.asset_path(asset)} are not valid JSON: {err}"
        ) from err


def place_labels(data: MapData, countries: Iterable[str]) -> list[dict[str, Any]]:
    """Settlement names for the offline basemap, from the gazetteer (:mod:`gazetteer.labels`)."""
    from gazetteer import Gazetteer
    from gazetteer.labels import map_labels

    points = [latlon_from_position(f["geometry"]["coordinates"]) for f in data.features]
    return map_labels(Gazetteer.open(), points, countries)


def render_html(m: folium.Map, *, offline: bool = False) -> str:
    """The complete HTML page of ``m``; with ``offline`` every asset is inlined."""
    html = m.get_root().render()
    if offline:
        html = assets.inline_assets(html)
    return html


def save_map(m: folium.Map, path: str | Path, *, offline: bool = False) -> Path:
    """Write the page of ``m`` to ``path`` atomically (one self-contained file with ``offline``)."""
    if offline:
        assets.check_assets()
    path = Path(path)
    atomic_write_text(path, render_html(m, offline=offline))
    return path


def write_map(
    events: GeoDataFrame,
    path: str | Path,
    *,
    title: str = "Reported strikes",
    offline: bool = False,
    heat: bool = False,
    regions: bool = False,
    controls: Iterable[str] | None = None,
    aggregate: HexLayer | None = None,
) -> Path:
    """Build and save the map of ``events`` in one call (see :func:`build_map`)."""
    if offline:
        assets.check_assets()
    m = build_map(
        events,
        title=title,
        offline=offline,
        heat=heat,
        regions=regions,
        controls=controls,
        aggregate=aggregate,
    )
    return save_map(m, path, offline=offline)
