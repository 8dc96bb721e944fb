"""The embedded store: one GeoPackage file (SQLite) that QGIS and GDAL open directly.

The file is a valid GeoPackage 1.2: application id ``GPKG``, the required
``gpkg_spatial_ref_sys`` rows, ``gpkg_contents`` listing ``events`` as a
features layer (point geometry, EPSG:4326, GeoPackage binary geometry) and the
other tables as attributes layers, and ``gpkg_geometry_columns``. No spatial
index extension is written (its triggers need GDAL's SQL functions). Dates are ``DATE``
columns; the ``events``-``claims``/``sources`` relations and a default QGIS style are
declared (:mod:`geoevents.store.qgis`).

Writers take SQLite's write lock with ``BEGIN IMMEDIATE``; a second writer
waits up to ``timeout`` seconds, then fails with
:class:`~geoevents.errors.StoreLockedError`. The rollback journal makes every
transaction atomic, also when the process is killed.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from geoevents.errors import StoreError, StoreLockedError
from geoevents.store.gpkgbinary import WGS84, encode_point
from geoevents.store.qgis import prepare_for_qgis
from geoevents.store.schema import DDL, DESCRIPTIONS, SCHEMA_VERSION, TABLES
from geoevents.store.sql import EventStore

#: ``PRAGMA application_id`` of a GeoPackage ("GPKG").
GPKG_APPLICATION_ID = 0x47504B47
#: ``PRAGMA user_version`` for GeoPackage 1.2.
GPKG_USER_VERSION = 10200
#: SQLite page cache per connection (KiB).
CACHE_KIB = 131072
#: Seconds a writer waits for another writer before failing.
DEFAULT_TIMEOUT = 120.0

WGS84_WKT = (
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,'
    'AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,'
    'AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],'
    'AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]'
)

GPKG_DDL = (
    """CREATE TABLE IF NOT EXISTS gpkg_spatial_ref_sys (
        srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
        organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)""",
    """CREATE TABLE IF NOT EXISTS gpkg_contents (
        table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
        description TEXT DEFAULT '',
        last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
        CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))""",
    """CREATE TABLE IF NOT EXISTS gpkg_geometry_columns (
        table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
        srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
        CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
        CONSTRAINT uk_gc_table_name UNIQUE (table_name),
        CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
        CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))""",
)

_SRS_ROWS = (
    (
        "Undefined cartesian SRS",
        -1,
        "NONE",
        -1,
        "undefined",
        "undefined cartesian coordinate reference system",
    ),
    (
        "Undefined geographic SRS",
        0,
        "NONE",
        0,
        "undefined",
        "undefined geographic coordinate reference system",
    ),
    (
        "WGS 84 geodetic",
        WGS84,
        "EPSG",
        4326,
        WGS84_WKT,
        "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid",
    ),
)


#: Added to messages of SQLite errors met in a transaction.
_CHECK_HINT = " (run 'geoevents check --db' on the store)"


def _lenient_text(raw: bytes) -> str:
    """SQLite text as ``str``; bytes that are not UTF-8 kept as surrogates (decode.py names them).

    >>> _lenient_text("Kyiv".encode()), _lenient_text(b"\\xff")
    ('Kyiv', '\\udcff')
    """
    return raw.decode("utf-8", "surrogateescape")


class GpkgStore(EventStore):
    """An :class:`EventStore` in a GeoPackage file."""

    placeholder = "?"

    def __init__(self, path: str | Path, *, create: bool = True, timeout: float = DEFAULT_TIMEOUT):
        super().__init__()
        self.path = Path(path)
        self.location = str(self.path)
        if not self.path.exists() and not create:
            raise StoreError(f"{self.path}: no such store")
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a directory, not a GeoPackage")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(str(self.path), timeout=timeout, isolation_level=None)
            # text that is not UTF-8 reaches the row decoders (a named error), not a crash
            self.conn.text_factory = _lenient_text
        except (OSError, sqlite3.Error) as err:
            raise StoreError(f"{self.path}: cannot open: {err}") from err
        try:
            self._open(create)
        except BaseException:
            self.conn.close()
            raise

    def _open(self, create: bool) -> None:
        try:
            # a large page cache keeps random-key index inserts fast in big stores
            self.conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            names = {
                r[0]
                for r in self.conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                ).fetchall()
            }
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path}: not a GeoPackage/SQLite file ({err})") from err
        except sqlite3.Error as err:
            raise StoreError(f"{self.path}: cannot read: {err}") from err
        if "geoevents_meta" not in names:
            if names:
                raise StoreError(
                    f"{self.path}: a SQLite/GeoPackage file but not a geoevents store "
                    "(no geoevents_meta table)"
                )
            if not create:
                raise StoreError(f"{self.path}: empty file, not a geoevents store")
            self._create()
        self._check_version()

    def _create(self) -> None:
        with self._write_tx() as cur:
            cur.execute(f"PRAGMA application_id = {GPKG_APPLICATION_ID}")
            cur.execute(f"PRAGMA user_version = {GPKG_USER_VERSION}")
            for sql in GPKG_DDL:
                cur.execute(sql)
            cur.executemany(
                "INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)", _SRS_ROWS
            )
            for sql in DDL:
                cur.execute(
                    sql.format(
                        pk="INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL",
                        geom="POINT",
                        real="REAL",
                        date="DATE",
                        datetime="DATETIME",
                    )
                )
            for t in TABLES:
                spatial = t == "events"
                cur.execute(
                    "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, "
                    "description, srs_id) VALUES (?, ?, ?, ?, ?)",
                    (
                        t,
                        "features" if spatial else "attributes",
                        t,
                        DESCRIPTIONS[t],
                        WGS84 if spatial else None,
                    ),
                )
            cur.execute(
                "INSERT OR IGNORE INTO gpkg_geometry_columns VALUES ('events', 'geom', 'POINT', ?, 0, 0)",
                (WGS84,),
            )
            cur.execute(
                "INSERT OR IGNORE INTO geoevents_meta (key, value) VALUES ('schema_version', ?)",
                (str(SCHEMA_VERSION),),
            )
            cur.execute(
                "INSERT OR IGNORE INTO geoevents_meta (key, value) VALUES ('fusion_stale', '0')"
            )
            prepare_for_qgis(cur)

    @contextlib.contextmanager
    def _write_tx(self) -> Iterator[Any]:
        cur = self.conn.cursor()
        try:
            cur.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as err:
            if "locked" in str(err) or "busy" in str(err):
                raise StoreLockedError(
                    f"{self.path}: another process is writing this store; try again later ({err})"
                ) from err
            raise StoreError(f"{self.path}: {err}") from err
        try:
            yield cur
        except (sqlite3.Error, UnicodeEncodeError) as err:  # a damaged row written back
            self.conn.rollback()
            raise StoreError(f"{self.path}: cannot write: {err}{_CHECK_HINT}") from err
        except BaseException:
            self.conn.rollback()
            raise
        else:
            try:
                cur.execute("COMMIT")
            except sqlite3.Error as err:
                self.conn.rollback()
                raise StoreError(f"{self.path}: commit failed: {err}") from err
        finally:
            cur.close()

    @contextlib.contextmanager
    def _read_tx(self) -> Iterator[Any]:
        cur = self.conn.cursor()
        try:
            cur.execute("BEGIN")
            yield cur
        except sqlite3.Error as err:
            self.conn.rollback()
            raise StoreError(f"{self.path}: cannot read: {err}{_CHECK_HINT}") from err
        finally:
            if self.conn.in_transaction:
                self.conn.rollback()
            cur.close()

    def _geom_sql(self) -> str:
        return "?"

    def _geom_params(self, lat: float, lon: float) -> tuple[Any, ...]:
        return (encode_point(lat, lon),)

    def _after_fusion(self, cur: Any) -> None:
        row = cur.execute("SELECT min(lon), min(lat), max(lon), max(lat) FROM events").fetchone()
        cur.execute(
            "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, "
            "last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE table_name = 'events'",
            tuple(row),
        )
        cur.execute(
            "UPDATE gpkg_contents SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') "
            "WHERE table_name IN ('claims', 'sources', 'fusion_members')"
        )
        prepare_for_qgis(cur)  # a store made before the relations and style gets them here

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()
