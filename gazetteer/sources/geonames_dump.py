"""Read GeoNames dump files: country files, ``allCountries`` and ``alternateNamesV2``.

The main dump format is tab-separated, UTF-8, 19 columns per line::

    geonameid name asciiname alternatenames latitude longitude feature_class
    feature_code country_code cc2 admin1 admin2 admin3 admin4 population
    elevation dem timezone modification_date

Files are read as ``.txt`` or as the ``.zip`` GeoNames publishes (``UA.zip``
holds ``UA.txt`` and a ``readme.txt``; ``alternateNamesV2.zip`` also holds
``iso-languagecodes.txt``, which is ignored).

Malformed lines are skipped and reported (see :mod:`gazetteer.sources`); a file
without a single valid line raises :class:`~gazetteer.errors.SourceDataError`.

>>> row = ("703448\\tKyiv\\tKyiv\\tKiev,Kyjiw\\t50.45466\\t30.5238\\tP\\tPPLC\\tUA\\t\\t12"
...        "\\t\\t\\t\\t2797553\\t\\t187\\tEurope/Kyiv\\t2024-01-01")
>>> rec = parse_geonames_line(row, path="UA.txt", line=1)
>>> rec.place.name, rec.place.kind, rec.place.admin1_code, rec.alternate_names
('Kyiv', 'settlement', '12', ('Kiev', 'Kyjiw'))
>>> kind_for("S", "BDG"), kind_for("A", "ADM1"), kind_for("A", "PCLI"), kind_for("H", "RSV")
('site', 'region', 'country', 'site')
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterator
from pathlib import Path

from gazetteer.errors import SourceDataError
from gazetteer.sources import report_problem
from gazetteer.types import Place, SourceRecord

__all__ = [
    "PSEUDO_LANGUAGES",
    "kind_for",
    "parse_geonames_line",
    "read_alternate_names",
    "read_geonames",
]

#: Number of tab-separated columns of a GeoNames main dump line.
GEONAMES_COLUMNS = 19

#: ``isolanguage`` values of alternateNamesV2 that are codes or links, not names.
PSEUDO_LANGUAGES = frozenset({"link", "post", "iata", "icao", "faac", "wkdt", "unlc", "tcid"})

#: Members of a GeoNames zip that hold documentation, not data.
_NON_DATA_MEMBERS = frozenset({"readme.txt", "iso-languagecodes.txt"})

_SOURCE = "geonames-dump"


def kind_for(feature_class: str, feature_code: str) -> str:
    """Map a GeoNames feature class and code to a :class:`Place` kind.

    ``P`` -> settlement; ``A`` with a ``PCL*`` code -> country; other ``A``
    (first- and lower-level divisions) -> region; every other class (``S``
    spots and buildings, ``H`` water, ``T`` terrain, ``L`` areas, ``R`` roads
    and railways, ``V`` vegetation, ``U`` undersea) -> site.

    >>> kind_for("P", "PPLA2"), kind_for("A", "ADM2"), kind_for("S", "AIRP")
    ('settlement', 'region', 'site')
    """
    if feature_class == "P":
        return "settlement"
    if feature_class == "A":
        return "country" if feature_code.startswith("PCL") else "region"
    return "site"


def _float_in(text: str, low: float, high: float, what: str) -> float:
    try:
        value = float(text)
    except ValueError as err:
        raise ValueError(f"{what} is not a number: {text!r}") from err
    if not low <= value <= high:
        raise ValueError(f"{what} {value} outside [{low}, {high}]")
    return value


def parse_geonames_line(
    text: str, *, path: str | None = None, line: int | None = None
) -> SourceRecord:
    """Parse one line of a GeoNames main dump into a :class:`SourceRecord`.

    Raises
    ------
    SourceDataError
        The line does not have 19 columns or a field is invalid; the message
        names the file, line and field.

    >>> parse_geonames_line("1\\tX", path="UA.txt", line=7)
    Traceback (most recent call last):
    ...
    gazetteer.errors.SourceDataError: UA.txt:7: expected 19 tab-separated columns, found 2
    """
    cols = text.rstrip("\r\n").split("\t")
    if len(cols) != GEONAMES_COLUMNS:
        raise SourceDataError(
            f"expected {GEONAMES_COLUMNS} tab-separated columns, found {len(cols)}",
            path=path,
            line=line,
        )
    field = "geonameid"
    try:
        geonameid = int(cols[0])
        field = "name"
        name = cols[1].strip()
        if not name:
            raise ValueError("empty")
        field = "latitude"
        lat = _float_in(cols[4], -90.0, 90.0, "latitude")
        field = "longitude"
        lon = _float_in(cols[5], -180.0, 180.0, "longitude")
        field = "population"
        population = int(cols[14]) if cols[14].strip() else 0
    except ValueError as err:
        raise SourceDataError(f"field {field}: {err}", path=path, line=line) from err
    feature_class, feature_code = cols[6].strip(), cols[7].strip()
    seen = {name}
    alternates: list[str] = []
    for alt in [cols[2], *cols[3].split(",")]:
        alt = alt.strip()
        if alt and alt not in seen:
            seen.add(alt)
            alternates.append(alt)
    place = Place(
        name=name,
        lat=lat,
        lon=lon,
        kind=kind_for(feature_class, feature_code),
        country_code=cols[8].strip().upper() or None,
        admin1=None,
        admin1_code=cols[10].strip() or None,
        geonameid=geonameid,
        feature_class=feature_class or None,
        feature_code=feature_code or None,
        population=max(population, 0),
        source=_SOURCE,
    )
    return SourceRecord(place=place, alternate_names=tuple(alternates), priority=0)


def _open_members(path: Path) -> Iterator[tuple[str, Iterator[bytes]]]:
    """Yield ``(display name, binary line iterator)`` for each data file in ``path``."""
    if not path.is_file():
        raise SourceDataError("no such file", path=str(path))
    if path.suffix.lower() != ".zip":
        with open(path, "rb") as fh:
            yield str(path), iter(fh)
        return
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as err:
        raise SourceDataError(f"not a readable zip file: {err}", path=str(path)) from err
    with zf:
        members = [
            m
            for m in zf.namelist()
            if m.lower().endswith(".txt") and os.path.basename(m).lower() not in _NON_DATA_MEMBERS
        ]
        if not members:
            raise SourceDataError("zip holds no GeoNames .txt data file", path=str(path))
        for member in members:
            with zf.open(member) as fh:
                yield f"{path}!{member}", iter(fh)


def _decoded_lines(
    path: Path, problems: list[SourceDataError] | None
) -> Iterator[tuple[str, int, str]]:
    """Yield ``(display path, line number, text)`` for non-blank, non-comment lines."""
    for display, lines in _open_members(path):
        for number, raw in enumerate(lines, start=1):
            try:
                text = raw.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError as err:
                report_problem(
                    SourceDataError(f"not UTF-8: {err.reason}", path=display, line=number),
                    problems,
                )
                continue
            if not text.strip() or text.startswith("#"):
                continue
            yield display, number, text


def read_geonames(
    path: str | os.PathLike[str], *, problems: list[SourceDataError] | None = None
) -> Iterator[SourceRecord]:
    """Yield every place of a GeoNames main dump (``UA.txt``, ``UA.zip``, ``allCountries.zip``).

    Parameters
    ----------
    path
        A ``.txt`` dump or a ``.zip`` holding one.
    problems
        If given, skipped malformed lines are appended here as
        :class:`SourceDataError`; otherwise each is a :class:`SourceDataWarning`.

    Raises
    ------
    SourceDataError
        The file is missing, unreadable, or holds no valid line.
    """
    path = Path(path)
    valid = 0
    for display, number, text in _decoded_lines(path, problems):
        try:
            record = parse_geonames_line(text, path=display, line=number)
        except SourceDataError as err:
            report_problem(err, problems)
            continue
        valid += 1
        yield record
    if valid == 0:
        raise SourceDataError(
            "no valid GeoNames dump line (19 tab-separated columns)", path=str(path)
        )


def read_alternate_names(
    path: str | os.PathLike[str], *, problems: list[SourceDataError] | None = None
) -> Iterator[tuple[int, str, str | None]]:
    """Yield ``(geonameid, alternate name, isolanguage or None)`` from ``alternateNamesV2``.

    Columns: alternateNameId, geonameid, isolanguage, alternate name,
    isPreferredName, isShortName, isColloquial, isHistoric, from, to (the older
    8-column ``alternateNames.txt`` is accepted too). Rows whose language is a
    code or link pseudo-language (:data:`PSEUDO_LANGUAGES`) are skipped.

    Raises
    ------
    SourceDataError
        The file is missing, unreadable, or holds no valid line.
    """
    path = Path(path)
    valid = 0
    for display, number, text in _decoded_lines(path, problems):
        cols = text.split("\t")
        if len(cols) not in (8, 10):
            report_problem(
                SourceDataError(
                    f"expected 10 tab-separated columns, found {len(cols)}",
                    path=display,
                    line=number,
                ),
                problems,
            )
            continue
        try:
            geonameid = int(cols[1])
        except ValueError:
            report_problem(
                SourceDataError(
                    f"field geonameid: not an integer: {cols[1]!r}", path=display, line=number
                ),
                problems,
            )
            continue
        valid += 1
        language = cols[2].strip() or None
        name = cols[3].strip()
        if language in PSEUDO_LANGUAGES or not name:
            continue
        yield geonameid, name, language
    if valid == 0:
        raise SourceDataError("no valid alternateNamesV2 line", path=str(path))
