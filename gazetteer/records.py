"""The mutable place record the index build collects from every source."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Rec:
    """One place while the build gathers it (see :func:`gazetteer.build.build_index`).

    ``names`` become ``keys`` (and region stems); ``extra_names`` (demonyms,
    bare region names) are names only the resolver uses. ``admin2``/``admin3``
    and their codes place a Ukrainian settlement in its raion and hromada;
    ``point_source`` says how a point was derived where the place has no point
    of its own (see :mod:`gazetteer.register`).
    """

    name: str
    lat: float
    lon: float
    kind: str
    cc: str | None
    admin1_code: str | None
    geonameid: int | None
    fclass: str | None
    fcode: str | None
    population: int
    source: str
    priority: int = 0
    admin1: str | None = None
    names: set[str] = field(default_factory=set)
    extra_names: set[str] = field(default_factory=set)
    admin2: str | None = None
    admin3: str | None = None
    point_source: str | None = None
    code: str | None = None  # the place's own register code (KATOTTG)
    admin2_code: str | None = None
    admin3_code: str | None = None
