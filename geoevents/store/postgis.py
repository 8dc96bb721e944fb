"""The team store: PostgreSQL + PostGIS, shared by a newsroom and readable by QGIS.

Same tables as the GeoPackage store (:mod:`geoevents.store.schema`); ``events.geom``
is ``geometry(Point, 4326)`` with a GiST index. Writers serialise on a
transaction-scoped advisory lock (waiting up to ``timeout`` seconds, then
:class:`~geoevents.errors.StoreLockedError`) in read-committed transactions, so that
each sees every batch the writers before it committed (many Dask workers write one
store this way); readers use a repeatable-read snapshot. Tables live in the
connection's ``search_path`` (choose a schema with
``?options=-csearch_path%3Dmyschema`` in the URL); a schema named there that does not
exist is a :class:`~geoevents.errors.StoreError`, never a silent fallback to ``public``.
The URL appears in messages only through :func:`geoevents.dburl.describe_db`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from geoevents.dburl import describe_db, mask_secrets
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
        self.location = describe_db(url)
        self.timeout = timeout
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as err:
            raise StoreError(mask_secrets(f"{self.location}: cannot connect: {err}", url)) from err
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

    def _missing_schemas(self, cur: Any) -> list[str]:
        """Schemas named in the connection's ``search_path`` that do not exist."""
        cur.execute("SELECT current_setting('search_path')")
        named = [_schema_name(s) for s in cur.fetchone()[0].split(",")]
        named = [s for s in named if s and s != "$user" and not s.startswith("pg_")]
        cur.execute("SELECT nspname FROM pg_namespace WHERE nspname = ANY(%s)", (named,))
        have = {r[0] for r in cur.fetchall()}
        return [s for s in named if s not in have]

    def _open(self) -> None:
        with self._read_tx() as cur:
            missing = self._missing_schemas(cur)
            found = self._tables(cur)
        if missing:
            raise StoreError(
                f"{self.location}: schema {missing[0]!r} named in search_path does not exist "
                f"(CREATE SCHEMA {missing[0]}; or fix the URL's options); refusing to fall "
                "back to another schema"
            )
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
                    date="TEXT",
                    datetime="TEXT",
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
                # whatever the server's default: statements after the lock must see what the
                # previous holder committed (a repeatable-read snapshot is taken by the
                # lock's own SELECT, before the lock is granted)
                cur.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED")
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


def _schema_name(item: str) -> str:
    """One ``search_path`` entry as PostgreSQL reads it (unquoted names fold to lower case).

    >>> _schema_name(' Geo'), _schema_name('"My Schema"'), _schema_name('"$user"')
    ('geo', 'My Schema', '$user')
    """
    item = item.strip()
    if len(item) >= 2 and item[0] == item[-1] == '"':
        return item[1:-1].replace('""', '"')
    return item.lower()
