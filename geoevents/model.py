"""Value types of an event: frozen dataclasses and their JSON form.

An :class:`Event` is one strike at one place. Every statement about it is a
:class:`Claim` by a claimant; figures are never merged into one number, the
event's :attr:`Event.casualties` is only the low/high range across claims.

>>> c1 = Claim("Russian Ministry of Defence", "russia", "asserts",
...            killed=Figure(63, 63), quote="q1", article_id="a1")
>>> c2 = Claim("Ukrainian General Staff", "ukraine", "asserts",
...            killed=Figure(400, 400, "nearly"), quote="q2", article_id="a2")
>>> ev = Event(id="ev-1", event_type="shelling_missile_attack", lat=48.04, lon=37.97,
...            claims=(c1, c2))
>>> ev.casualties["killed"]
{'low': 63, 'high': 400}
>>> Event.from_properties(ev.to_properties(), lat=ev.lat, lon=ev.lon) == ev
True
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from geoevents.vocabulary import EVENT_TYPES, SIDES, STANCES


@dataclass(frozen=True)
class Figure:
    """A casualty figure as stated: ``low``..``high`` with the wording's qualifier.

    "at least 63" -> ``Figure(63, None, "at least")``; "nearly 400" ->
    ``Figure(None, 400, "nearly")`` is also acceptable, but extraction stores the
    stated number in both ends unless the wording gives a real range
    ("between 10 and 15" -> ``Figure(10, 15)``); "dozens" -> ``Figure(24, None, "dozens")``.
    """

    low: int | None
    high: int | None
    qualifier: str | None = None
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Figure | None:
        if d is None:
            return None
        return cls(d.get("low"), d.get("high"), d.get("qualifier"), d.get("text"))


@dataclass(frozen=True)
class Claim:
    """What one claimant said about an event."""

    claimant: str
    side: str = "unknown"
    stance: str = "asserts"
    killed: Figure | None = None
    injured: Figure | None = None
    quote: str = ""
    article_id: str = ""
    disputes: str | None = None  # for stance "denies": whose account is rejected

    def __post_init__(self) -> None:
        if self.side not in SIDES:
            raise ValueError(f"unknown side {self.side!r}")
        if self.stance not in STANCES:
            raise ValueError(f"unknown stance {self.stance!r}")

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["killed"] = self.killed.to_dict() if self.killed else None
        d["injured"] = self.injured.to_dict() if self.injured else None
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Claim:
        return cls(
            claimant=d["claimant"],
            side=d.get("side", "unknown"),
            stance=d.get("stance", "asserts"),
            killed=Figure.from_dict(d.get("killed")),
            injured=Figure.from_dict(d.get("injured")),
            quote=d.get("quote", ""),
            article_id=d.get("article_id", ""),
            disputes=d.get("disputes"),
        )


@dataclass(frozen=True)
class Source:
    """An article that reports the event, with the sentence quoted from it."""

    article_id: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    quote: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Source:
        return cls(
            d["article_id"], d.get("title"), d.get("url"), d.get("published"), d.get("quote", "")
        )


def _range(figures: list[Figure]) -> dict[str, int | None]:
    lows = [f.low if f.low is not None else f.high for f in figures]
    highs = [f.high if f.high is not None else f.low for f in figures]
    lows = [x for x in lows if x is not None]
    highs = [x for x in highs if x is not None]
    return {"low": min(lows) if lows else None, "high": max(highs) if highs else None}


@dataclass(frozen=True)
class Event:
    """One reported strike at one place. Coordinates are ``(lat, lon)``."""

    id: str
    event_type: str
    lat: float
    lon: float
    date: str | None = None  # ISO date; equals date_start when precision is "day"
    date_start: str | None = None
    date_end: str | None = None
    date_precision: str = "unknown"
    place_name: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    geonameid: int | None = None
    location_precision: int = 1
    weapons: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    attacker_side: str | None = None
    claims: tuple[Claim, ...] = ()
    disputed: bool = False
    disputed_by: tuple[str, ...] = ()
    verified: bool | None = None  # False: a source says it could not verify
    sources: tuple[Source, ...] = ()
    corrected: bool = False
    notes: tuple[str, ...] = field(default=(), compare=False)  # explain trail, not exported

    def __post_init__(self) -> None:
        if self.event_type not in EVENT_TYPES:
            raise ValueError(f"unknown event_type {self.event_type!r}")
        if self.location_precision not in (1, 2, 3):
            raise ValueError("location_precision must be 1, 2 or 3")

    @property
    def casualties(self) -> dict[str, dict[str, int | None]]:
        """Low/high range of killed and injured across asserting claims (UCDP style)."""
        asserting = [c for c in self.claims if c.stance != "denies"]
        return {
            "killed": _range([c.killed for c in asserting if c.killed]),
            "injured": _range([c.injured for c in asserting if c.injured]),
        }

    @property
    def claimant_sides(self) -> tuple[str, ...]:
        """Sorted distinct sides of the claimants."""
        return tuple(sorted({c.side for c in self.claims})) or ("unknown",)

    def to_properties(self) -> dict[str, Any]:
        """GeoJSON ``properties`` (nested JSON values; coordinates excluded)."""
        return {
            "id": self.id,
            "event_type": self.event_type,
            "date": self.date,
            "date_start": self.date_start,
            "date_end": self.date_end,
            "date_precision": self.date_precision,
            "place_name": self.place_name,
            "country_code": self.country_code,
            "admin1": self.admin1,
            "geonameid": self.geonameid,
            "location_precision": self.location_precision,
            "weapons": list(self.weapons),
            "targets": list(self.targets),
            "attacker_side": self.attacker_side,
            "claims": [c.to_dict() for c in self.claims],
            "claimant_sides": list(self.claimant_sides),
            "disputed": self.disputed,
            "disputed_by": list(self.disputed_by),
            "verified": self.verified,
            "casualties": self.casualties,
            "sources": [s.to_dict() for s in self.sources],
            "corrected": self.corrected,
        }

    @classmethod
    def from_properties(cls, p: dict[str, Any], *, lat: float, lon: float) -> Event:
        """Inverse of :meth:`to_properties` (derived keys are ignored)."""
        names = {f.name for f in fields(cls)}
        kw: dict[str, Any] = {k: v for k, v in p.items() if k in names}
        kw["weapons"] = tuple(p.get("weapons") or ())
        kw["targets"] = tuple(p.get("targets") or ())
        kw["disputed_by"] = tuple(p.get("disputed_by") or ())
        kw["claims"] = tuple(Claim.from_dict(c) for c in p.get("claims") or ())
        kw["sources"] = tuple(Source.from_dict(s) for s in p.get("sources") or ())
        kw.pop("notes", None)
        if kw.get("geonameid") is not None:
            kw["geonameid"] = int(kw["geonameid"])
        kw["location_precision"] = int(kw.get("location_precision") or 1)
        kw["disputed"] = bool(kw.get("disputed"))
        kw["corrected"] = bool(kw.get("corrected"))
        return cls(lat=float(lat), lon=float(lon), **kw)

    def with_(self, **changes: Any) -> Event:
        """A copy with some fields changed."""
        return replace(self, **changes)


def stable_id(*parts: object, prefix: str = "ev") -> str:
    """Deterministic short id from the given parts.

    >>> stable_id("a1", "Makiivka", "2023-01-01")
    'ev-...'
    >>> stable_id("a", 1) == stable_id("a", 1) != stable_id("a", 2)
    True
    """
    payload = json.dumps([str(p) for p in parts], ensure_ascii=False)
    return f"{prefix}-" + hashlib.sha1(payload.encode("utf-8")).hexdigest()[:16]
