"""The event store: accumulate articles, fuse reports, correct, query and export.

:func:`open_store` opens a GeoPackage file (the embedded default, created if
missing) or a PostgreSQL + PostGIS database (``postgresql://...``); both give
the same :class:`EventStore` API.

>>> import tempfile, pathlib
>>> from geoevents.io.articles import Article
>>> from geoevents.model import Event
>>> db = pathlib.Path(tempfile.mkdtemp()) / "events.gpkg"
>>> with open_store(db) as store:
...     store.add_report(Article("a1", "Strike", "text"), [Event("x", "interception", 50.4, 30.5)])
True
>>> with open_store(db) as store:
...     store.add_report(Article("a1", "Strike", "text"), []), len(store.events())
(False, 1)
"""

from __future__ import annotations

from pathlib import Path

from geoevents.errors import ConfigurationError
from geoevents.io.environment import env_seconds
from geoevents.store.corrections import (
    AddedEvent,
    Correction,
    CorrectionRequest,
    read_corrections_csv,
)
from geoevents.store.fusion import FusedEvent, ReportEvent, fuse
from geoevents.store.sql import EventStore

__all__ = [
    "AddedEvent",
    "Correction",
    "CorrectionRequest",
    "EventStore",
    "FusedEvent",
    "ReportEvent",
    "fuse",
    "is_postgres_url",
    "open_store",
    "read_corrections_csv",
]

#: Environment variable: seconds a writer waits for another writer (default 120).
TIMEOUT_ENV = "GEOEVENTS_LOCK_TIMEOUT"


def is_postgres_url(db: str | Path) -> bool:
    """True for ``postgresql://`` / ``postgres://`` connection URLs.

    >>> is_postgres_url("postgresql://u@localhost/db"), is_postgres_url("events.gpkg")
    (True, False)
    """
    return isinstance(db, str) and db.startswith(("postgresql://", "postgres://"))


def open_store(db: str | Path, *, create: bool = True, timeout: float | None = None) -> EventStore:
    """Open the store at ``db``: a ``.gpkg`` path or a ``postgresql://`` URL.

    ``create=False`` refuses to create a missing GeoPackage (read-only commands); a new
    GeoPackage must be named ``.gpkg`` (``--db store.csv`` would make a GeoPackage that
    every tool takes for a CSV file), an existing store opens whatever its name.
    ``timeout`` is how long a writer waits for another writer (seconds; default
    from ``GEOEVENTS_LOCK_TIMEOUT`` or 120) before
    :class:`~geoevents.errors.StoreLockedError`.
    """
    if timeout is None:
        timeout = env_seconds(TIMEOUT_ENV, 120.0)
    if is_postgres_url(db):
        from geoevents.store.postgis import PostgisStore

        return PostgisStore(str(db), timeout=timeout)
    path = Path(db)
    if path.suffix.lower() != ".gpkg" and not path.exists():
        what = f"'{path.suffix}'" if path.suffix else "no extension"
        raise ConfigurationError(
            f"{db}: a new store is a .gpkg file (or a postgresql:// URL), not a file with "
            f"{what}; name it e.g. {path.with_suffix('.gpkg').name}"
        )
    from geoevents.store.gpkg import GpkgStore

    return GpkgStore(db, create=create, timeout=timeout)
