"""A page fragment that folium inserts verbatim, never compiled as a Jinja template."""

from __future__ import annotations

from typing import Any

from branca.element import Element


class RawElement(Element):
    """A page fragment inserted verbatim.

    branca's ``MacroElement.render`` wraps each rendered macro in
    ``Element(text)``, which compiles the text as a Jinja template: article text
    such as ``{{ 7*7 }}`` would be evaluated in Python and ``{% raw %}`` would
    break the build. This element is never compiled, and skipping the compile
    also saves seconds on large pages.

    >>> RawElement("{{ 7*7 }}").render()
    '{{ 7*7 }}'
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "RawElement"
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text
