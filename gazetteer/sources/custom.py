"""Read user places from CSV or GeoJSON; they outrank GeoNames (priority 10).

CSV columns (header required; ``name``, ``lat``, ``lon`` mandatory)::

    name, aliases, lat, lon, kind, feature, country, admin1, admin1_code, geonameid

``aliases`` are separated by ``|`` or ``;``; ``kind`` is one of ``site``
(default), ``settlement``, ``district``, ``region``, ``country``,
``continent``; ``feature`` is an optional
GeoNames-style ``CLASS.CODE`` such as ``S.BDG`` (bridge), ``S.PSN`` (nuclear
power station) or ``S.AIRB`` (air base); ``country`` is an ISO
3166-1 alpha-2 code. Lines starting with ``#`` are comments.

GeoJSON: a ``FeatureCollection`` of ``Point`` features whose properties carry
the same keys (``aliases`` may be a list); the coordinates give lat/lon.

Invalid rows are skipped and reported with file, line (CSV) or feature number
(GeoJSON) and field; a file with no valid row raises
:class:`~gazetteer.errors.SourceDataError`.

>>> import pathlib, tempfile
>>> p = pathlib.Path(tempfile.mkdtemp()) / "places.csv"
>>> _ = p.write_text("name,aliases,lat,lon,kind,country\\nTest Bridge,Test Br.|TB,46.5,32.6,site,UA\\n")
>>> [(r.place.name, r.alternate_names, r.priority) for r in read_custom_places(p)]
[('Test Bridge', ('Test Br.', 'TB'), 10)]
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from gazetteer.errors import SourceDataError
from gazetteer.geo import latlon_from_position
from gazetteer.sources import report_problem
from gazetteer.types import PRECISIONS, Place, SourceRecord

__all__ = [
    "CUSTOM_PRIORITY",
    "STRATEGIC_SITES",
    "InvalidFieldError",
    "parse_custom_row",
    "read_custom_places",
]

#: Priority of custom places; GeoNames records have priority 0.
CUSTOM_PRIORITY = 10

#: The curated strategic sites shipped with the package.
STRATEGIC_SITES = Path(__file__).resolve().parent.parent / "data" / "strategic_sites.csv"

_ALIAS_SPLIT = re.compile(r"[|;]")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_REQUIRED = ("name", "lat", "lon")
_FEATURE_CLASS = re.compile(r"^[AHLPRSTUV]$")
_FEATURE_CODE = re.compile(r"^[A-Z0-9]{1,10}$")


class InvalidFieldError(ValueError):
    """A custom place field is missing or invalid (message ``field <name>: ...``)."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(f"field {field}: {message}")


def _coordinate(value: object, field: str, limit: float) -> float:
    if isinstance(value, bool) or value is None or (isinstance(value, str) and not value.strip()):
        raise InvalidFieldError(field, "missing")
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError) as err:
        raise InvalidFieldError(field, f"not a number: {value!r}") from err
    if not math.isfinite(number) or not -limit <= number <= limit:
        raise InvalidFieldError(field, f"{number} outside [-{limit:g}, {limit:g}]")
    return number


def _text(value: object) -> str:
    """Text with runs of whitespace (newlines, tabs) collapsed to one space."""
    return "" if value is None else " ".join(str(value).split())


def parse_custom_row(row: Mapping[str, object], *, source: str = "custom") -> SourceRecord:
    """Validate one custom place (a CSV row or GeoJSON properties plus lat/lon).

    Raises ``ValueError`` whose message starts with ``field <name>:``.

    >>> parse_custom_row({"name": "X", "lat": "95", "lon": "30"})
    Traceback (most recent call last):
    ...
    gazetteer.sources.custom.InvalidFieldError: field lat: 95.0 outside [-90, 90]
    >>> rec = parse_custom_row({"name": "Y", "lat": 1, "lon": 2, "aliases": ["Y1", "Y"]})
    >>> rec.place.kind, rec.alternate_names
    ('site', ('Y1',))
    """
    name = _text(row.get("name"))
    if not name:
        raise InvalidFieldError("name", "missing")
    lat = _coordinate(row.get("lat"), "lat", 90.0)
    lon = _coordinate(row.get("lon"), "lon", 180.0)
    kind = _text(row.get("kind")).lower() or "site"
    if kind not in PRECISIONS:
        raise InvalidFieldError("kind", f"{kind!r} is not one of {', '.join(PRECISIONS)}")
    country = _text(row.get("country")).upper() or None
    if country is not None and not _COUNTRY.match(country):
        raise InvalidFieldError("country", f"{country!r} is not an ISO 3166-1 alpha-2 code")
    feature = _text(row.get("feature")).upper()
    feature_class, _, feature_code = feature.partition(".")
    if feature and not (_FEATURE_CLASS.match(feature_class) and _FEATURE_CODE.match(feature_code)):
        raise InvalidFieldError("feature", f"{feature!r} is not CLASS.CODE like S.BDG")
    raw_id = _text(row.get("geonameid"))
    try:
        geonameid = int(raw_id) if raw_id else None
    except ValueError as err:
        raise InvalidFieldError("geonameid", f"not an integer: {raw_id!r}") from err
    aliases_value = row.get("aliases")
    if isinstance(aliases_value, list | tuple):
        parts = [_text(a) for a in aliases_value]
    else:
        parts = [p.strip() for p in _ALIAS_SPLIT.split(_text(aliases_value))]
    aliases: list[str] = []
    for alias in parts:
        if alias and alias != name and alias not in aliases:
            aliases.append(alias)
    place = Place(
        name=name,
        lat=lat,
        lon=lon,
        kind=kind,
        country_code=country,
        admin1=_text(row.get("admin1")) or None,
        admin1_code=_text(row.get("admin1_code")) or None,
        geonameid=geonameid,
        feature_class=feature_class or None,
        feature_code=feature_code or None,
        source=source,
    )
    return SourceRecord(place=place, alternate_names=tuple(aliases), priority=CUSTOM_PRIORITY)


def _csv_rows(path: Path, text: str) -> Iterator[tuple[int, dict[str, str]]]:
    """``(line number where the row starts, row)``; blank and ``#`` comment rows skipped."""
    reader = csv.reader(io.StringIO(text, newline=""))
    fields: list[str] | None = None
    start = 1
    try:
        for values in reader:
            line, start = start, reader.line_num + 1
            if not any(v.strip() for v in values) or values[0].lstrip().startswith("#"):
                continue
            if fields is None:
                fields = [h.strip().lower() for h in values]
                missing = [f for f in _REQUIRED if f not in fields]
                if missing:
                    raise SourceDataError(
                        f"header lacks column(s) {', '.join(missing)} (found: {', '.join(fields)})",
                        path=str(path),
                        line=line,
                    )
                continue
            yield line, dict(zip(fields, values[: len(fields)], strict=False))
    except csv.Error as err:
        raise SourceDataError(f"malformed CSV: {err}", path=str(path), line=start) from err
    if fields is None:
        raise SourceDataError("empty custom places file", path=str(path))


def _geojson_rows(path: Path, text: str) -> Iterator[tuple[int, dict[str, object] | str]]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as err:
        raise SourceDataError(
            f"not valid JSON: {err.msg}", path=str(path), line=err.lineno
        ) from err
    if isinstance(doc, dict) and doc.get("type") == "Feature":
        features = [doc]
    elif isinstance(doc, dict) and isinstance(doc.get("features"), list):
        features = doc["features"]
    else:
        raise SourceDataError("expected a GeoJSON FeatureCollection", path=str(path))

    for index, feature in enumerate(features, start=1):
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        if not isinstance(geometry, dict) or geometry.get("type") != "Point":
            yield index, "field geometry: not a Point"
            continue
        position = geometry.get("coordinates")
        if not isinstance(position, list) or len(position) < 2:
            yield index, "field geometry: Point needs [lon, lat] coordinates"
            continue
        props = feature.get("properties") or {}
        if not isinstance(props, dict):
            yield index, "field properties: not an object"
            continue
        try:
            lat, lon = latlon_from_position(position)
        except (TypeError, ValueError):
            yield index, f"field geometry: coordinates are not numbers: {position!r}"
            continue
        yield index, {**props, "lat": lat, "lon": lon}


def read_custom_places(
    path: str | os.PathLike[str],
    *,
    problems: list[SourceDataError] | None = None,
    source: str = "custom",
) -> Iterator[SourceRecord]:
    """Yield the places of a custom CSV or GeoJSON file (by suffix: ``.csv``, ``.geojson``/``.json``).

    Parameters
    ----------
    path
        The file to read.
    problems
        If given, skipped rows are appended here as :class:`SourceDataError`
        (message ``field <name>: ...``, with path and line); otherwise each is
        a :class:`~gazetteer.sources.SourceDataWarning`.
    source
        The :attr:`Place.source` label of the records.

    Raises
    ------
    SourceDataError
        The file is missing, unreadable, lacks required columns, or holds no
        valid row.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise SourceDataError(f"cannot read custom places: {err}", path=str(path)) from err
    is_json = path.suffix.lower() in (".geojson", ".json")
    rows = _geojson_rows(path, text) if is_json else _csv_rows(path, text)
    valid = 0
    for number, row in rows:
        where = {"path": str(path), "line": None if is_json else number}
        prefix = f"feature {number}: " if is_json else ""
        if isinstance(row, str):
            report_problem(SourceDataError(prefix + row, **where), problems)
            continue
        try:
            record = parse_custom_row(row, source=source)
        except ValueError as err:
            report_problem(SourceDataError(prefix + str(err), **where), problems)
            continue
        valid += 1
        yield record
    if valid == 0:
        raise SourceDataError("no valid custom place", path=str(path))
