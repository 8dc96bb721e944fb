"""The aggregated layer of maps of huge event sets: counts per hexagon, and the notice.

A map of more events than a page can hold (``geoevents map --aggregate-above``)
shows the counts per H3 hexagon, event type and month (computed outside the
maps, in :mod:`geoevents.scale.aggregate`) plus the newest events as markers,
and says so in a notice on the page. :class:`AggregateControl` is one more
control of the :class:`~maps.eventmap.EventLayer`: it embeds the counts as
escaped JSON (:func:`maps.mapdata.json_for_script`) and adds
``templates/aggregate.js``, which draws the hexagons, the month filter, the
popups and the notice (text only through ``textContent``).

>>> notice_text(812_431, 5_000)
'812,431 events: shown as counts per hexagon; the newest 5,000 as markers'
>>> detail_text(5, 252.9)
'Hexagons: H3 resolution 5, about 253 km² each'
"""

from __future__ import annotations

from typing import Any, Protocol

from branca.element import Figure

from maps.controls import TEMPLATES, MapControl
from maps.mapdata import json_for_script
from maps.rawelement import RawElement

#: Id of the embedded counts (read by ``templates/aggregate.js``).
AGGREGATE_ID = "geoevents-aggregate"


class HexLayer(Protocol):
    """Counts per hexagon, type and month (:class:`geoevents.scale.aggregate.HexCounts`)."""

    @property
    def total(self) -> int: ...

    @property
    def resolution(self) -> int: ...

    @property
    def area_km2(self) -> float: ...

    def to_json_obj(self) -> dict[str, Any]: ...


def notice_text(total: int, markers: int) -> str:
    """What the page says about an aggregated map (events in total, newest as markers)."""
    return f"{total:,} events: shown as counts per hexagon; the newest {markers:,} as markers"


def detail_text(resolution: int, area_km2: float) -> str:
    """The hexagon size line under the notice."""
    return f"Hexagons: H3 resolution {resolution}, about {area_km2:,.0f} km² each"


class AggregateControl(MapControl):
    """The hexagon layer, its month filter and the notice (``templates/aggregate.js``)."""

    def __init__(self, layer: HexLayer, markers: int) -> None:
        super().__init__("aggregate")
        data = layer.to_json_obj()
        data["notice"] = notice_text(layer.total, markers)
        data["detail"] = detail_text(layer.resolution, layer.area_km2)
        self.data_json = json_for_script(data)

    def render(self, **kwargs: Any) -> None:
        """Embed the counts and the style, then add the script like every control."""
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise TypeError("an AggregateControl can only be rendered inside a folium map")
        css = (TEMPLATES / "aggregate.css").read_text(encoding="utf-8").replace("</", "<\\/")
        figure.header.add_child(RawElement(f"<style>{css}</style>"), name=f"{self.get_name()}_css")
        figure.html.add_child(
            RawElement(
                f'<script type="application/json" id="{AGGREGATE_ID}">{self.data_json}</script>'
            ),
            name=self.get_name(),
        )
        super().render(**kwargs)
