"""Gold files for extraction evaluation: the ``expected-events`` document, read and validated.

A gold file lists articles (a file relative to the gold file's folder, and for
JSON Lines inputs a record id) with the events an analyst codes from each.
Version 1 is ``examples/expected.json``; version 2 adds ``classes``, per-place
``tolerance_km``, ``attacker_side``, ``launched``/``intercepted``, a claim's
``claimant``, ``not_at`` places with coordinates and an article's ``language``
(``"en"`` when not given). Every v1 file is a valid v2 file. The format is documented in ``docs/extraction.md`` ("Evaluating extraction").

Every problem raises :class:`~geoevents.errors.GoldFormatError` naming the file,
the article (index and file) and the field.

>>> gold = parse_gold({"geoevents_document": "expected-events", "tolerance_km": 10,
...     "articles": [{"file": "a.txt", "classes": ["figures"], "events": [
...         {"place": {"name": "Kyiv", "lat": 50.45, "lon": 30.52},
...          "event_type": "interception", "date": "2023-05-16",
...          "claims": [{"side": "ukraine", "killed": 0, "injured": [3]}]}]}]}, "g.json")
>>> ev = gold.articles[0].events[0]
>>> ev.event_types, ev.claims[0].injured, ev.place.tolerance_km
(('interception',), (3,), 10.0)
>>> parse_gold({"geoevents_document": "expected-events", "articles": [
...     {"file": "a.txt", "events": [{"place": {"name": "X", "lat": 95, "lon": 0},
...      "event_type": "interception"}]}]}, "g.json")
Traceback (most recent call last):
...
geoevents.errors.GoldFormatError: g.json: article 0 (a.txt): field events[0].place.lat: \
must be a latitude in -90..90, not 95
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any

from geoevents.errors import GoldFormatError
from geoevents.vocabulary import EVENT_TYPES, SIDES, STANCES

#: The ``geoevents_document`` value of a gold file.
DOCUMENT = "expected-events"
#: Gold format versions this release reads.
VERSIONS = (1, 2)
#: Place tolerance when the file gives none (km).
DEFAULT_TOLERANCE_KM = 10.0
#: The phenomena an article can be tagged with (``classes``).
CLASSES: dict[str, str] = {
    "no_strike": "no strike at all",
    "actor": "capitals or countries as governments ('Moscow said', 'Kyiv-approved')",
    "person": "a surname that is a town",
    "comparison": "a place named for comparison",
    "background": "context or past events with an earlier date",
    "launch_area": "where the launcher flew from",
    "visit": "a diplomatic visit",
    "case": "lower/upper-case names, wire datelines",
    "noun_trigger": "a strike named by a noun ('an attack on the prison in X')",
    "multi_strike": "a second strike in another place",
    "russian_form": "Russian-form place names (Artemovsk, Yelenovka)",
    "figures": "death tolls, killed and injured pairs, 'at least N'",
    "intercepts": "counts of weapons launched and shot down",
    "attribution": "figures said by a speaker, reported speech inside another's statement",
    "attacker": "the attacker side from the agent of the strike, not the claimant",
    "dates": "weekday-relative dates, overnight, follow-ups published days later",
    "russia_strike": "strikes inside Russia",
    "crimea": "strikes in Crimea",
    "inflected": "declined place names ('у Харкові', 'в Белгороде', 'Курской области')",
    "oblast_colloquial": "colloquial oblast names ('на Харківщині', 'Донеччина')",
    "mixed_language": "a post in two languages (Ukrainian with an English paragraph)",
    "namesake": "a town name shared by several places, told apart by its oblast",
    "disputed": "one side denies the event or the other side's account of it",
}
#: The default ``language`` of an article (ISO 639-1).
DEFAULT_LANGUAGE = "en"

_TOP_KEYS = {"geoevents_document", "version", "description", "tolerance_km", "articles"}
_ARTICLE_KEYS = {"file", "record", "language", "published", "classes", "note", "events", "not_at"}
_PLACE_KEYS = {"name", "also", "lat", "lon", "country_code", "geonameid", "tolerance_km"}
_CLAIM_KEYS = {"claimant", "side", "stance", "killed", "injured"}
_EVENT_KEYS = {
    "place",
    "event_type",
    "date",
    "date_range",
    "weapons",
    "targets",
    "attacker_side",
    "launched",
    "intercepted",
    "claims",
    "disputed",
    "disputed_by",
    "verified",
    "casualties",
    "location_precision",
    "note",
}


@dataclass(frozen=True)
class GoldPlace:
    """A gold place: a point (``lat``, ``lon``), optionally a GeoNames id and a tolerance.

    A v1 ``not_at`` entry is a bare name: ``lat`` and ``lon`` are then ``None`` and
    it is compared by name. ``also`` lists other names of the place (documentation).
    """

    name: str
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    geonameid: int | None = None
    tolerance_km: float = DEFAULT_TOLERANCE_KM
    also: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldClaim:
    """A claim the article states: who (side, stance, claimant) and which figures.

    ``killed`` and ``injured`` list the stated numbers; a predicted figure
    matches when one of them is its low or its high end.
    """

    side: str | None = None
    stance: str | None = None
    claimant: str | None = None
    killed: tuple[int, ...] = ()
    injured: tuple[int, ...] = ()


@dataclass(frozen=True)
class GoldEvent:
    """One event an analyst codes from an article. ``None`` fields are not asserted."""

    place: GoldPlace
    event_types: tuple[str, ...]
    date: str | None = None
    date_range: tuple[str, str] | None = None
    weapons: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    attacker_side: str | None = None
    launched: int | None = None
    intercepted: int | None = None
    claims: tuple[GoldClaim, ...] = ()
    disputed: bool | None = None
    disputed_by: tuple[str, ...] = ()
    #: asserted when the gold event has the key: ``False`` (could not verify) or ``None``
    verified: bool | None = None
    asserts_verified: bool = False
    #: v1: ``(kind, end, value)`` of the event's casualty range, e.g. ``("killed", "low", 7)``
    casualties: tuple[tuple[str, str, int], ...] = ()
    location_precision: int | None = None


@dataclass(frozen=True)
class GoldArticle:
    """One gold article: its input, language, tags and events (none: a non-event)."""

    index: int
    file: str
    record: str | None
    published: str | None
    classes: tuple[str, ...]
    note: str | None
    events: tuple[GoldEvent, ...]
    not_at: tuple[GoldPlace, ...] = ()
    #: ISO 639-1 code of the article's language (``"en"``, ``"uk"``, ``"ru"``)
    language: str = DEFAULT_LANGUAGE

    @property
    def key(self) -> str:
        """``file`` or ``file#record``: the article's name in reports."""
        return self.file + (f"#{self.record}" if self.record is not None else "")


@dataclass(frozen=True)
class GoldSet:
    """A whole gold file; article files are relative to :attr:`folder`."""

    path: str
    folder: Path
    version: int
    description: str
    tolerance_km: float
    articles: tuple[GoldArticle, ...]

    @property
    def languages(self) -> tuple[str, ...]:
        """The articles' languages, sorted."""
        return tuple(sorted({a.language for a in self.articles}))

    def only(self, languages: Iterable[str]) -> GoldSet:
        """The same gold set with only the articles in ``languages`` (ISO 639-1 codes).

        >>> gold = parse_gold({"geoevents_document": "expected-events", "articles": [
        ...     {"file": "a.txt", "events": []},
        ...     {"file": "b.txt", "language": "uk", "events": []}]}, "g.json")
        >>> [a.file for a in gold.only(["uk"]).articles], gold.languages
        (['b.txt'], ('en', 'uk'))
        """
        wanted = {code.lower() for code in languages}
        return replace(self, articles=tuple(a for a in self.articles if a.language in wanted))


def read_gold(path: str | Path) -> GoldSet:
    """Read and validate the gold file at ``path``.

    Raises
    ------
    GoldFormatError
        The file cannot be read, is not JSON or not a valid gold document.
    """
    name = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as err:
        raise GoldFormatError(f"cannot read: {err.strerror or err}", path=name) from err
    except UnicodeDecodeError as err:
        raise GoldFormatError(f"not UTF-8 text: {err.reason}", path=name) from err
    except json.JSONDecodeError as err:
        raise GoldFormatError(
            f"not valid JSON: {err.msg} (line {err.lineno}, column {err.colno})", path=name
        ) from err
    return parse_gold(data, name, folder=Path(path).resolve().parent)


def parse_gold(data: Any, path: str, *, folder: Path | None = None) -> GoldSet:
    """A :class:`GoldSet` from the decoded JSON ``data`` of the file named ``path``."""
    top = _Fields(path, None)
    if not isinstance(data, dict):
        raise top.error("the gold file must be a JSON object")
    top.known(data, _TOP_KEYS, "")
    if data.get("geoevents_document") != DOCUMENT:
        raise top.error(f"must be {DOCUMENT!r}", "geoevents_document")
    version = data.get("version", 1)
    if version not in VERSIONS or isinstance(version, bool):
        raise top.error(
            f"unsupported version {version!r}; this release reads {VERSIONS}", "version"
        )
    tolerance = top.positive(data.get("tolerance_km", DEFAULT_TOLERANCE_KM), "tolerance_km")
    description = data.get("description", "")
    if not isinstance(description, str):
        raise top.error("must be a string", "description")
    raw = data.get("articles")
    if not isinstance(raw, list) or not raw:
        raise top.error("must be a non-empty list of articles", "articles")
    articles = tuple(_article(i, a, path, tolerance) for i, a in enumerate(raw))
    seen: dict[str, int] = {}
    for a in articles:
        if a.key in seen:
            raise _Fields(path, a.index, a.file).error(
                f"the same article as article {seen[a.key]}", "record" if a.record else "file"
            )
        seen[a.key] = a.index
    return GoldSet(
        path=path,
        folder=folder if folder is not None else Path(path).resolve().parent,
        version=version,
        description=description,
        tolerance_km=tolerance,
        articles=articles,
    )


def _article(index: int, a: Any, path: str, tolerance: float) -> GoldArticle:
    f = _Fields(path, index, a.get("file") if isinstance(a, dict) else None)
    if not isinstance(a, dict):
        raise f.error("an article must be a JSON object")
    f.known(a, _ARTICLE_KEYS, "")
    file = a.get("file")
    if not isinstance(file, str) or not file.strip():
        raise f.error("must be the article's file name, relative to the gold file", "file")
    if PurePosixPath(file).is_absolute() or ".." in PurePosixPath(file).parts:
        raise f.error("must be a path inside the gold file's folder", "file")
    record = a.get("record")
    if record is not None and (not isinstance(record, str) or not record):
        raise f.error("must be a record id (a string)", "record")
    published = a.get("published")
    if published is not None:
        f.iso_date(published, "published")
    language = a.get("language", DEFAULT_LANGUAGE)
    if not isinstance(language, str) or len(language) != 2 or not language.isalpha():
        raise f.error(
            f"must be a two-letter ISO 639-1 code such as 'uk', not {language!r}", "language"
        )
    classes = f.str_list(a.get("classes", []), "classes")
    for c in classes:
        if c not in CLASSES:
            raise f.error(f"unknown class {c!r}; known: {', '.join(CLASSES)}", "classes")
    note = a.get("note")
    if note is not None and not isinstance(note, str):
        raise f.error("must be a string", "note")
    events = a.get("events")
    if not isinstance(events, list):
        raise f.error("must be a list of events ([] for a non-event article)", "events")
    not_at = a.get("not_at", [])
    if not isinstance(not_at, list):
        raise f.error("must be a list of places", "not_at")
    return GoldArticle(
        index=index,
        file=file,
        record=record,
        published=published,
        classes=tuple(classes),
        note=note,
        events=tuple(_event(f, f"events[{i}]", e, tolerance) for i, e in enumerate(events)),
        not_at=tuple(
            GoldPlace(p) if isinstance(p, str) else _place(f, f"not_at[{i}]", p, tolerance)
            for i, p in enumerate(not_at)
        ),
        language=language.lower(),
    )


def _event(f: _Fields, at: str, e: Any, tolerance: float) -> GoldEvent:
    if not isinstance(e, dict):
        raise f.error("an event must be a JSON object", at)
    f.known(e, _EVENT_KEYS, at)
    place = _place(f, f"{at}.place", e.get("place"), tolerance)
    types = e.get("event_type")
    types = [types] if isinstance(types, str) else types
    if not isinstance(types, list) or not types:
        raise f.error("must be an event type or a non-empty list of them", f"{at}.event_type")
    for t in types:
        f.member(t, EVENT_TYPES, f"{at}.event_type")
    date = e.get("date")
    if date is not None:
        f.iso_date(date, f"{at}.date")
    date_range = e.get("date_range")
    if date_range is not None:
        if date is not None:
            raise f.error("give date or date_range, not both", f"{at}.date_range")
        if not isinstance(date_range, list) or len(date_range) != 2:
            raise f.error("must be [first, last] ISO dates", f"{at}.date_range")
        lo, hi = (f.iso_date(d, f"{at}.date_range") for d in date_range)
        if hi < lo:
            raise f.error(f"ends before it starts: {date_range}", f"{at}.date_range")
        date_range = (date_range[0], date_range[1])
    side = e.get("attacker_side")
    if side is not None:
        f.member(side, SIDES, f"{at}.attacker_side")
    return GoldEvent(
        place=place,
        event_types=tuple(types),
        date=date,
        date_range=date_range,
        weapons=tuple(f.labels(e.get("weapons", []), _weapon_labels(), f"{at}.weapons")),
        targets=tuple(f.labels(e.get("targets", []), _target_labels(), f"{at}.targets")),
        attacker_side=side,
        launched=f.count(e.get("launched"), f"{at}.launched"),
        intercepted=f.count(e.get("intercepted"), f"{at}.intercepted"),
        claims=tuple(_claim(f, f"{at}.claims[{i}]", c) for i, c in enumerate(f.claims(e, at))),
        disputed=f.flag(e.get("disputed"), f"{at}.disputed"),
        disputed_by=tuple(
            f.member(s, SIDES, f"{at}.disputed_by")
            for s in f.str_list(e.get("disputed_by", []), f"{at}.disputed_by")
        ),
        verified=f.flag(e.get("verified"), f"{at}.verified"),
        asserts_verified="verified" in e,
        casualties=_casualties(f, f"{at}.casualties", e.get("casualties", {})),
        location_precision=_precision(f, f"{at}.location_precision", e.get("location_precision")),
    )


def _place(f: _Fields, at: str, p: Any, tolerance: float) -> GoldPlace:
    if not isinstance(p, dict):
        raise f.error("must be a place object with name, lat and lon", at)
    f.known(p, _PLACE_KEYS, at)
    name = p.get("name")
    if not isinstance(name, str) or not name.strip():
        raise f.error("must be the place name", f"{at}.name")
    lat, lon = p.get("lat"), p.get("lon")
    if not _number(lat) or not -90 <= lat <= 90:
        raise f.error(f"must be a latitude in -90..90, not {lat!r}", f"{at}.lat")
    if not _number(lon) or not -180 <= lon <= 180:
        raise f.error(f"must be a longitude in -180..180, not {lon!r}", f"{at}.lon")
    cc = p.get("country_code")
    if cc is not None and (not isinstance(cc, str) or len(cc) != 2 or not cc.isalpha()):
        raise f.error(f"must be a two-letter country code, not {cc!r}", f"{at}.country_code")
    gid = p.get("geonameid")
    if gid is not None and (not _is_count(gid) or gid == 0):
        raise f.error(f"must be a positive integer, not {gid!r}", f"{at}.geonameid")
    return GoldPlace(
        name=name,
        lat=float(lat),
        lon=float(lon),
        country_code=cc.upper() if cc else None,
        geonameid=gid,
        tolerance_km=f.positive(p.get("tolerance_km", tolerance), f"{at}.tolerance_km"),
        also=tuple(f.str_list(p.get("also", []), f"{at}.also")),
    )


def _claim(f: _Fields, at: str, c: Any) -> GoldClaim:
    if not isinstance(c, dict):
        raise f.error("a claim must be a JSON object", at)
    f.known(c, _CLAIM_KEYS, at)
    side, stance, claimant = c.get("side"), c.get("stance"), c.get("claimant")
    if side is not None:
        f.member(side, SIDES, f"{at}.side")
    if stance is not None:
        f.member(stance, STANCES, f"{at}.stance")
    if claimant is not None and not isinstance(claimant, str):
        raise f.error("must be a string", f"{at}.claimant")
    return GoldClaim(
        side=side,
        stance=stance,
        claimant=claimant,
        killed=f.numbers(c.get("killed", []), f"{at}.killed"),
        injured=f.numbers(c.get("injured", []), f"{at}.injured"),
    )


def _casualties(f: _Fields, at: str, value: Any) -> tuple[tuple[str, str, int], ...]:
    if not isinstance(value, dict):
        raise f.error('must be {"killed": {"low": N, "high": N}, "injured": {...}}', at)
    out = []
    for kind, ends in value.items():
        f.member(kind, {"killed": 0, "injured": 0}, at)
        if not isinstance(ends, dict):
            raise f.error('must be {"low": N, "high": N}', f"{at}.{kind}")
        for end, n in ends.items():
            f.member(end, {"low": 0, "high": 0}, f"{at}.{kind}")
            count = f.count(n, f"{at}.{kind}.{end}")
            if count is not None:
                out.append((kind, end, count))
    return tuple(out)


def _precision(f: _Fields, at: str, value: Any) -> int | None:
    if value is not None and value not in (1, 2, 3):
        raise f.error(f"must be 1, 2 or 3, not {value!r}", at)
    return value


def _number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _is_count(x: Any) -> bool:
    return isinstance(x, int) and not isinstance(x, bool) and x >= 0


def _weapon_labels() -> set[str]:
    from geoevents.extract.weapons import WEAPONS

    return {w.label for w in WEAPONS}


def _target_labels() -> set[str]:
    from geoevents.extract.targets import TARGETS

    return {label for label, _ in TARGETS}


class _Fields:
    """Checks of one article's fields; every error names the file, the article and the field."""

    def __init__(self, path: str, index: int | None, file: Any = None) -> None:
        self.path = path
        self.where = None
        if index is not None:
            self.where = f"article {index}" + (f" ({file})" if isinstance(file, str) else "")

    def error(self, message: str, field: str | None = None) -> GoldFormatError:
        return GoldFormatError(message, path=self.path, where=self.where, field=field or None)

    def known(self, obj: dict[str, Any], keys: set[str], at: str) -> None:
        unknown = sorted(set(obj) - keys)
        if unknown:
            field = f"{at}.{unknown[0]}" if at else unknown[0]
            raise self.error(f"unknown key; known keys: {', '.join(sorted(keys))}", field)

    def member(self, value: Any, vocabulary: Any, field: str) -> str:
        if not isinstance(value, str) or value not in vocabulary:
            raise self.error(f"{value!r} is not one of {', '.join(vocabulary)}", field)
        return value

    def iso_date(self, value: Any, field: str) -> datetime.date:
        try:
            if not isinstance(value, str) or len(value) != 10:
                raise ValueError
            return datetime.date.fromisoformat(value)
        except ValueError as err:
            raise self.error(f"must be an ISO date YYYY-MM-DD, not {value!r}", field) from err

    def positive(self, value: Any, field: str) -> float:
        if not _number(value) or value <= 0:
            raise self.error(f"must be a positive number of km, not {value!r}", field)
        return float(value)

    def count(self, value: Any, field: str) -> int | None:
        if value is not None and not _is_count(value):
            raise self.error(f"must be a count (an integer >= 0), not {value!r}", field)
        return value

    def numbers(self, value: Any, field: str) -> tuple[int, ...]:
        items = value if isinstance(value, list) else [value]
        for n in items:
            if not _is_count(n):
                raise self.error(
                    f"must be a count (an integer >= 0) or a list of them: {n!r}", field
                )
        return tuple(items)

    def flag(self, value: Any, field: str) -> bool | None:
        if value is not None and not isinstance(value, bool):
            raise self.error(f"must be true, false or null, not {value!r}", field)
        return value

    def str_list(self, value: Any, field: str) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            raise self.error("must be a list of strings", field)
        return value

    def labels(self, value: Any, known: set[str], field: str) -> list[str]:
        for label in self.str_list(value, field):
            if label not in known:
                raise self.error(
                    f"unknown label {label!r}; known: {', '.join(sorted(known))}", field
                )
        return value

    def claims(self, event: dict[str, Any], at: str) -> list[Any]:
        claims = event.get("claims", [])
        if not isinstance(claims, list):
            raise self.error("must be a list of claims", f"{at}.claims")
        return claims
