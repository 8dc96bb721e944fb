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
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
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
        return {"low": self.low, "high": self.high, "qualifier": self.qualifier, "text": self.text}

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
    launched: Figure | None = None  # weapons launched, as this claimant counts them
    intercepted: Figure | None = None  # ... and shot down

    def __post_init__(self) -> None:
        if self.side not in SIDES:
            raise ValueError(f"unknown side {self.side!r}")
        if self.stance not in STANCES:
            raise ValueError(f"unknown stance {self.stance!r}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "claimant": self.claimant,
            "side": self.side,
            "stance": self.stance,
            "killed": None if self.killed is None else self.killed.to_dict(),
            "injured": None if self.injured is None else self.injured.to_dict(),
            "quote": self.quote,
            "article_id": self.article_id,
            "disputes": self.disputes,
            "launched": None if self.launched is None else self.launched.to_dict(),
            "intercepted": None if self.intercepted is None else self.intercepted.to_dict(),
        }

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
            launched=Figure.from_dict(d.get("launched")),
            intercepted=Figure.from_dict(d.get("intercepted")),
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
        return {
            "article_id": self.article_id,
            "title": self.title,
            "url": self.url,
            "published": self.published,
            "quote": self.quote,
        }

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
    rejected: str | None = None  # an analyst rejected it, for this reason: kept, hidden
    #: the place as the sources wrote it, where that differs from ``place_name`` (a
    #: Ukrainian or Russian form, declined as in the text: "Харкові", "Белгороде")
    place_original: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=(), compare=False)  # explain trail, not exported

    def __post_init__(self) -> None:
        if self.event_type not in EVENT_TYPES:
            raise ValueError(f"unknown event_type {self.event_type!r}")
        if self.location_precision not in (1, 2, 3):
            raise ValueError("location_precision must be 1, 2 or 3")

    @property
    def casualties(self) -> dict[str, dict[str, int | None]]:
        """Low/high range of killed and injured across asserting claims (UCDP style)."""
        return self._ranges("killed", "injured")

    @property
    def weapon_counts(self) -> dict[str, dict[str, int | None]]:
        """Low/high range of weapons launched and shot down across asserting claims.

        >>> c = Claim("Ukrainian Air Force", "ukraine", launched=Figure(15, 15),
        ...           intercepted=Figure(13, 13))
        >>> Event("x", "interception", 50.4, 30.5, claims=(c,)).weapon_counts["intercepted"]
        {'low': 13, 'high': 13}
        """
        return self._ranges("launched", "intercepted")

    def _ranges(self, *figures: str) -> dict[str, dict[str, int | None]]:
        """Low/high range of each named :class:`Claim` figure across asserting claims."""
        asserting = [c for c in self.claims if c.stance != "denies"]
        return {
            name: _range([f for c in asserting if (f := getattr(c, name)) is not None])
            for name in figures
        }

    @property
    def confidence(self) -> float:
        """How far to trust this event, 0..1 (:func:`geoevents.confidence.confidence`)."""
        from geoevents.confidence import confidence

        return confidence(self)[0]

    @property
    def confidence_reasons(self) -> tuple[str, ...]:
        """Why :attr:`confidence` is below 1 ("region only: -0.30", ...)."""
        from geoevents.confidence import confidence

        return confidence(self)[1]

    @property
    def claimant_sides(self) -> tuple[str, ...]:
        """Sorted distinct sides of the claimants."""
        return tuple(sorted({c.side for c in self.claims})) or ("unknown",)

    def to_properties(self) -> dict[str, Any]:
        """GeoJSON ``properties`` (nested JSON values; coordinates excluded)."""
        from geoevents.confidence import confidence

        score, reasons = confidence(self)
        return {
            "id": self.id,
            "event_type": self.event_type,
            "date": self.date,
            "date_start": self.date_start,
            "date_end": self.date_end,
            "date_precision": self.date_precision,
            "place_name": self.place_name,
            "place_original": list(self.place_original),
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
            "weapon_counts": self.weapon_counts,
            "confidence": score,
            "confidence_reasons": list(reasons),
            "sources": [s.to_dict() for s in self.sources],
            "corrected": self.corrected,
            "rejected": self.rejected,
        }

    @property
    def window(self) -> tuple[str, str] | None:
        """The ISO date window ``(first, last)`` the event may fall in; ``None`` if undated.

        >>> Event("x", "interception", 0, 0, date_start="2023-01-02", date_end="2023-01-05").window
        ('2023-01-02', '2023-01-05')
        >>> Event("x", "interception", 0, 0, date="2023-01-02").window
        ('2023-01-02', '2023-01-02')
        >>> Event("x", "interception", 0, 0).window is None
        True
        """
        lo = self.date_start or self.date
        if not lo:
            return None
        return lo[:10], (self.date_end or self.date or lo)[:10]

    @classmethod
    def from_properties(cls, p: dict[str, Any], *, lat: float, lon: float) -> Event:
        """Inverse of :meth:`to_properties` (derived keys are ignored).

        Properties with exactly the keys :meth:`to_properties` writes take a fast
        path; others (older files, hand-written GeoJSON) are read leniently.
        """
        if p.keys() == _PROPERTY_KEYS:
            try:
                return _event_of(p, lat, lon)
            except (KeyError, TypeError, AttributeError):  # the lenient reader decides
                pass
        names = {f.name for f in fields(cls)}
        kw: dict[str, Any] = {k: v for k, v in p.items() if k in names}
        kw["weapons"] = _items(p.get("weapons"))
        kw["targets"] = _items(p.get("targets"))
        kw["disputed_by"] = _items(p.get("disputed_by"))
        kw["place_original"] = _items(p.get("place_original"))
        kw["claims"] = tuple(Claim.from_dict(c) for c in _items(p.get("claims")))
        kw["sources"] = tuple(Source.from_dict(s) for s in _items(p.get("sources")))
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


#: The keys of :meth:`Event.to_properties`, in order.
PROPERTY_KEYS = tuple(Event("x", "interception", 0, 0).to_properties())
_PROPERTY_KEYS = frozenset(PROPERTY_KEYS)


def _items(value: Any) -> tuple[Any, ...]:
    """A list field's value as a tuple: a lone string or object is one item, not its letters.

    >>> _items("HIMARS"), _items(["HIMARS", "ATACMS"]), _items(None), _items("")
    (('HIMARS',), ('HIMARS', 'ATACMS'), (), ())
    """
    if isinstance(value, (list, tuple)):
        return tuple(value)
    if isinstance(value, (str, dict)):
        return (value,) if value else ()
    return tuple(value or ())


def _figure(d: dict[str, Any] | None) -> Figure | None:
    return None if d is None else Figure(d["low"], d["high"], d["qualifier"], d["text"])


def _event_of(p: dict[str, Any], lat: float, lon: float) -> Event:
    """:meth:`Event.from_properties` for properties of exactly this model's shape."""
    claims = tuple(
        Claim(
            c["claimant"],
            c["side"],
            c["stance"],
            _figure(c["killed"]),
            _figure(c["injured"]),
            c["quote"],
            c["article_id"],
            c["disputes"],
            _figure(c.get("launched")),
            _figure(c.get("intercepted")),
        )
        for c in p["claims"]
    )
    sources = tuple(
        Source(s["article_id"], s["title"], s["url"], s["published"], s["quote"])
        for s in p["sources"]
    )
    gid = p["geonameid"]
    return Event(
        id=p["id"],
        event_type=p["event_type"],
        lat=float(lat),
        lon=float(lon),
        date=p["date"],
        date_start=p["date_start"],
        date_end=p["date_end"],
        date_precision=p["date_precision"],
        place_name=p["place_name"],
        place_original=_items(p["place_original"]),
        country_code=p["country_code"],
        admin1=p["admin1"],
        geonameid=None if gid is None else int(gid),
        location_precision=int(p["location_precision"] or 1),
        weapons=_items(p["weapons"]),
        targets=_items(p["targets"]),
        attacker_side=p["attacker_side"],
        claims=claims,
        disputed=bool(p["disputed"]),
        disputed_by=_items(p["disputed_by"]),
        verified=p["verified"],
        sources=sources,
        corrected=bool(p["corrected"]),
        rejected=p["rejected"],
    )


def event_json(ev: Event, *, source: Source | None = None) -> str:
    """Compact JSON of an event (properties plus ``lat``/``lon``), keys sorted.

    ``source`` is added to the event's sources unless one of the same article is there.

    >>> ev = Event("x", "interception", 50.45, 30.52, date="2023-05-16")
    >>> event_from_json(event_json(ev)) == ev
    True
    >>> src = Source("a1", "T")
    >>> event_json(ev, source=src) == event_json(ev.with_(sources=(src,)))
    True
    """
    if source is not None and all(s.article_id != source.article_id for s in ev.sources):
        ev = ev.with_(sources=(*ev.sources, source))  # its derived values count the source
    props = ev.to_properties()
    return json.dumps(
        {"lat": ev.lat, "lon": ev.lon, "properties": props},
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )


def properties_json(ev: Event) -> str:
    """Compact JSON of ``ev.to_properties()``, keys sorted (as the store keeps it)."""
    return json.dumps(ev.to_properties(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def event_from_json(text: str) -> Event:
    """Inverse of :func:`event_json`."""
    d = json.loads(text)
    return Event.from_properties(d["properties"], lat=d["lat"], lon=d["lon"])


def sort_events(events: Iterable[Event]) -> list[Event]:
    """Events in output order: by start date, place name and id."""
    return sorted(events, key=lambda e: (e.date_start or "", e.place_name or "", e.id))


def claims_summary(ev: Event) -> str:
    """Killed figures per claimant, e.g. ``"63 (Russian MoD) - 400 (Ukrainian General Staff)"``.

    >>> claims_summary(Event("x", "air_drone_strike", 0, 0, claims=(
    ...     Claim("Russian MoD", "russia", killed=Figure(63, 89)),
    ...     Claim("Ukrainian General Staff", "ukraine", killed=Figure(400, 400, "nearly")))))
    '63-89 (Russian MoD) - nearly 400 (Ukrainian General Staff)'
    """
    parts = []
    for c in ev.claims:
        f = c.killed
        if f is None or c.stance == "denies":
            continue
        if f.low is not None and f.high is not None and f.low != f.high:
            num = f"{f.low}-{f.high}"
        else:
            num = str(f.low if f.low is not None else f.high)
        if f.qualifier:
            num = f"{f.qualifier} {num}"
        parts.append(f"{num} ({c.claimant})")
    return " - ".join(parts)


def stable_id(*parts: object, prefix: str = "ev") -> str:
    """Deterministic short id from the given parts.

    >>> stable_id("a1", "Makiivka", "2023-01-01")
    'ev-...'
    >>> stable_id("a", 1) == stable_id("a", 1) != stable_id("a", 2)
    True
    """
    payload = json.dumps([str(p) for p in parts], ensure_ascii=False)
    return f"{prefix}-" + hashlib.sha1(payload.encode("utf-8")).hexdigest()[:16]
