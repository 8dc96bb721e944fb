"""The team store: PostgreSQL + PostGIS, shared by a newsroom and readable by QGIS.

Same tables as the GeoPackage store (:mod:`geoevents.store.schema`); ``events.geom``
is ``geometry(Point, 4326)`` with a GiST index. Writers serialise on a
transaction-scoped advisory lock (waiting up to ``timeout`` seconds, then
:class:`~geoevents.errors.StoreLockedError`); readers use a repeatable-read
snapshot. Tables live in the connection's ``search_path`` (choose a schema with
``?options=-csearch_path%3Dmyschema`` in the URL).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from geoevents.errors import StoreError, StoreLockedError
from geoevents.store.schema import DDL, SCHEMA_VERSION
from geoevents.store.sql import EventStore

#: Advisory lock key of the store's write lock ("geoevent" as a number).
LOCK_KEY = 0x67656F6576656E74 & 0x7FFFFFFFFFFFFFFF


class PostgisStore(EventStore):
    """An :class:`EventStore` in a PostgreSQL database with PostGIS."""

    placeholder = "%s"

    def __init__(self, url: str, *, timeout: float = 120.0):
        super().__init__()
        try:
            import psycopg
        except ImportError as err:  # pragma: no cover - psycopg is a declared extra
            raise StoreError(
                "the PostGIS store needs psycopg: pip install 'geoevents[postgis]'"
            ) from err
        self._psycopg = psycopg
        self.url = url
        self.location = _redact(url)
        self.timeout = timeout
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as err:
            raise StoreError(f"{self.location}: cannot connect: {err}") from err
        try:
            self._open()
        except BaseException:
            self.conn.close()
            raise

    def _tables(self, cur: Any) -> set[str]:
        """Our table names present in the schema where tables are created (a catalog scan,
        not the relation cache, so that a table another session just created is seen)."""
        cur.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relname IN ('geoevents_meta', 'events')"
        )
        return {r[0] for r in cur.fetchall()}

    def _open(self) -> None:
        with self._read_tx() as cur:
            found = self._tables(cur)
        if "geoevents_meta" not in found:
            with self._write_tx() as cur:
                found = self._tables(cur)
                if "geoevents_meta" not in found:
                    if "events" in found:
                        raise StoreError(
                            f"{self.location}: has an 'events' table but is not a geoevents "
                            "store (no geoevents_meta table)"
                        )
                    self._create(cur)
        self._check_version()

    def _create(self, cur: Any) -> None:
        try:
            cur.execute("CREATE EXTENSION IF NOT EXISTS postgis")
        except self._psycopg.Error as err:
            raise StoreError(
                f"{self.location}: PostGIS is not available ({err}); run CREATE EXTENSION postgis"
            ) from err
        for sql in DDL:
            cur.execute(
                sql.format(
                    pk="BIGSERIAL PRIMARY KEY",
                    geom="geometry(Point, 4326)",
                    real="DOUBLE PRECISION",
                )
            )
        cur.execute("CREATE INDEX IF NOT EXISTS events_geom ON events USING GIST (geom)")
        cur.execute(
            "INSERT INTO geoevents_meta (key, value) VALUES ('schema_version', %s) "
            "ON CONFLICT (key) DO NOTHING",
            (str(SCHEMA_VERSION),),
        )
        cur.execute(
            "INSERT INTO geoevents_meta (key, value) VALUES ('fusion_stale', '0') "
            "ON CONFLICT (key) DO NOTHING"
        )

    @contextlib.contextmanager
    def _write_tx(self) -> Iterator[Any]:
        psycopg = self._psycopg
        try:
            with self.conn.transaction(), self.conn.cursor() as cur:
                cur.execute(f"SET LOCAL lock_timeout = '{int(self.timeout * 1000)}ms'")
                try:
                    cur.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
                except psycopg.errors.LockNotAvailable as err:
                    raise StoreLockedError(
                        f"{self.location}: another process is writing this store; try again later"
                    ) from err
                cur.execute("SET LOCAL lock_timeout = 0")
                yield cur
        except psycopg.Error as err:
            raise StoreError(f"{self.location}: {err}") from err

    @contextlib.contextmanager
    def _read_tx(self) -> Iterator[Any]:
        psycopg = self._psycopg
        try:
            with self.conn.transaction(), self.conn.cursor() as cur:
                cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                yield cur
        except psycopg.Error as err:
            raise StoreError(f"{self.location}: {err}") from err

    def _geom_sql(self) -> str:
        return "ST_SetSRID(ST_MakePoint(%s, %s), 4326)"

    def _geom_params(self, lat: float, lon: float) -> tuple[Any, ...]:
        return (float(lon), float(lat))

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()


def _redact(url: str) -> str:
    """The URL without its password, for messages.

    >>> _redact("postgresql://ann:secret@db.example/events")
    'postgresql://ann:***@db.example/events'
    >>> _redact("postgresql://localhost/events")
    'postgresql://localhost/events'
    """
    scheme, sep, rest = url.partition("://")
    if "@" not in rest:
        return url
    cred, _, host = rest.rpartition("@")
    user, colon, _pw = cred.partition(":")
    return f"{scheme}{sep}{user}{':***' if colon else ''}@{host}"
