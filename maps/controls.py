"""The controls of the event map, one folium element and one small page script each.

Like folium's plugins, every feature of the page is its own element: it adds its
script (``maps/templates/<name>.js``) to the page and calls it with the page
context made by ``core.js``. :func:`control_elements` gives the elements of a
map in page order; ``markers`` and ``basemaps`` are always there, the others
(:data:`OPTIONAL_CONTROLS`) can be left out.

>>> [c.name for c in control_elements(["search", "legend"])]
['markers', 'basemaps', 'legend', 'search']
>>> control_elements(["compass"])
Traceback (most recent call last):
...
geoevents.errors.ConfigurationError: unknown map control 'compass'; known: popup, overlays, ...
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from branca.element import Figure, MacroElement

from geoevents.errors import ConfigurationError
from maps import assets
from maps.rawelement import RawElement

TEMPLATES = Path(__file__).resolve().parent / "templates"

#: Controls every map has: the event markers and the basemaps (with the layer control).
REQUIRED_CONTROLS: tuple[str, ...] = ("markers", "basemaps")
#: Controls that can be switched off, in page order.
OPTIONAL_CONTROLS: tuple[str, ...] = (
    "popup",
    "overlays",
    "filters",
    "downloads",
    "timewindow",
    "legend",
    "search",
)
#: Page order of every control (markers first: the others use them).
PAGE_ORDER: tuple[str, ...] = ("markers", "popup", "basemaps", *OPTIONAL_CONTROLS[1:])


def page_script(name: str) -> str:
    """Text of ``templates/<name>.js``, safe to inline in a ``<script>`` element."""
    return assets.safe_inline_script((TEMPLATES / f"{name}.js").read_text(encoding="utf-8"))


class MapControl(MacroElement):
    """One control: its script, then the call that adds it to the page context.

    The parent must be the :class:`maps.eventmap.EventLayer`, whose ``context_name``
    is the JS variable holding the context.
    """

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = f"MapControl_{name}"
        self.name = name

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise TypeError("a MapControl can only be rendered inside a folium map")
        context = self._parent.context_name
        text = f"{page_script(self.name)}\ngeoeventsKit.controls.{self.name}({context});\n"
        figure.script.add_child(RawElement(text), name=self.get_name())


def control_elements(optional: Iterable[str] | None = None) -> list[MapControl]:
    """Elements of the required controls plus ``optional`` (default: all), in page order."""
    chosen = set(OPTIONAL_CONTROLS if optional is None else optional)
    unknown = sorted(chosen - set(OPTIONAL_CONTROLS))
    if unknown:
        raise ConfigurationError(
            f"unknown map control {unknown[0]!r}; known: {', '.join(OPTIONAL_CONTROLS)}"
        )
    chosen.update(REQUIRED_CONTROLS)
    return [MapControl(name) for name in PAGE_ORDER if name in chosen]
