"""Store schema: tables shared by the GeoPackage and PostGIS back ends, and versions.

Tables (``fid`` is the integer primary key everywhere):

``reports``          one row per stored article (content hash unique)
``report_events``    machine events of each article as JSON: the source of truth
``events``           fused events (the spatial layer; rebuilt from the two above)
``claims``           one row per claim of a fused event
``sources``          one row per source article of a fused event
``fusion_members``   which report events make which fused event, and why
``corrections``      analyst corrections, apart from machine output
``geoevents_meta``   ``schema_version`` and the fusion state

Column types are written per back end: ``{pk}`` (primary key), ``{geom}`` (point
geometry), ``{real}``, ``{date}`` (an ISO ``YYYY-MM-DD`` day) and ``{datetime}`` (a UTC time,
:func:`utc_now`) are filled in by each dialect: ``DATE`` and ``DATETIME`` in a GeoPackage, so
GDAL and QGIS read date fields; text in PostGIS. A store made
before ``{date}`` keeps its text columns: the values are the same ISO days.

>>> "events" in TABLES and TABLES[0] == "geoevents_meta"
True
"""

from __future__ import annotations

import datetime

#: Schema version this release writes and reads.
SCHEMA_VERSION = 2

#: Migrations: ``{from_version: list of SQL statements to reach from_version + 1}``; a
#: newer store, or one older than the migrations reach, is refused with
#: :class:`~geoevents.errors.SchemaVersionError`. Version 2: events an analyst rejected
#: (``events.rejected``, the reason) and who made each correction (``corrections.author``).
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        "ALTER TABLE events ADD COLUMN rejected TEXT",
        "ALTER TABLE corrections ADD COLUMN author TEXT",
    ),
}

TABLES = (
    "geoevents_meta",
    "reports",
    "report_events",
    "events",
    "claims",
    "sources",
    "fusion_members",
    "corrections",
)

#: Tables rebuilt by fusion.
FUSED_TABLES = ("events", "claims", "sources", "fusion_members")

DESCRIPTIONS = {
    "geoevents_meta": "geoevents store metadata (schema version, fusion state)",
    "reports": "Ingested articles, one per content hash",
    "report_events": "Machine-extracted events per article (JSON, source of truth)",
    "events": "Fused strike events (one per strike, all claims and sources)",
    "claims": "Claims per fused event: claimant, side, casualty figures",
    "sources": "Source articles per fused event",
    "fusion_members": "Which report events make each fused event, and why",
    "corrections": "Analyst corrections (kept apart from machine output)",
}

EVENT_COLUMNS = (
    "id",
    "event_type",
    "date",
    "date_start",
    "date_end",
    "date_precision",
    "place_name",
    "country_code",
    "admin1",
    "geonameid",
    "location_precision",
    "weapons",
    "targets",
    "attacker_side",
    "disputed",
    "disputed_by",
    "verified",
    "corrected",
    "rejected",
    "killed_low",
    "killed_high",
    "injured_low",
    "injured_high",
    "claims_summary",
    "n_sources",
    "n_reports",
    "lat",
    "lon",
    "digest",
    "properties",
)

DDL = (
    """CREATE TABLE IF NOT EXISTS geoevents_meta (
        fid {pk}, key TEXT NOT NULL UNIQUE, value TEXT)""",
    """CREATE TABLE IF NOT EXISTS reports (
        fid {pk}, content_hash TEXT NOT NULL UNIQUE, article_id TEXT, title TEXT, url TEXT,
        published {date}, path TEXT, ingested_at {datetime})""",
    """CREATE TABLE IF NOT EXISTS report_events (
        fid {pk}, id TEXT NOT NULL UNIQUE, content_hash TEXT NOT NULL, idx INTEGER NOT NULL,
        published {date}, event_json TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS events (
        fid {pk}, geom {geom}, id TEXT NOT NULL UNIQUE, event_type TEXT NOT NULL, date {date},
        date_start {date}, date_end {date}, date_precision TEXT, place_name TEXT, country_code TEXT,
        admin1 TEXT, geonameid INTEGER, location_precision INTEGER, weapons TEXT, targets TEXT,
        attacker_side TEXT, disputed INTEGER, disputed_by TEXT, verified INTEGER,
        corrected INTEGER, rejected TEXT, killed_low INTEGER, killed_high INTEGER, injured_low INTEGER,
        injured_high INTEGER, claims_summary TEXT, n_sources INTEGER, n_reports INTEGER,
        lat {real}, lon {real}, digest TEXT NOT NULL, properties TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS claims (
        fid {pk}, event_id TEXT NOT NULL, claimant TEXT, side TEXT, stance TEXT,
        killed_low INTEGER, killed_high INTEGER, killed_qualifier TEXT, injured_low INTEGER,
        injured_high INTEGER, injured_qualifier TEXT, quote TEXT, article_id TEXT,
        disputes TEXT)""",
    """CREATE TABLE IF NOT EXISTS sources (
        fid {pk}, event_id TEXT NOT NULL, article_id TEXT, title TEXT, url TEXT,
        published {date}, quote TEXT)""",
    """CREATE TABLE IF NOT EXISTS fusion_members (
        fid {pk}, event_id TEXT NOT NULL, report_event_id TEXT NOT NULL, position INTEGER,
        joined_with TEXT, reason TEXT)""",
    """CREATE TABLE IF NOT EXISTS corrections (
        fid {pk}, event_id TEXT NOT NULL, anchors TEXT NOT NULL, changes TEXT NOT NULL,
        note TEXT, created_at {datetime}, author TEXT)""",
    "CREATE INDEX IF NOT EXISTS report_events_hash ON report_events (content_hash)",
    "CREATE INDEX IF NOT EXISTS claims_event ON claims (event_id)",
    "CREATE INDEX IF NOT EXISTS sources_event ON sources (event_id)",
    "CREATE INDEX IF NOT EXISTS fusion_members_event ON fusion_members (event_id)",
    "CREATE INDEX IF NOT EXISTS fusion_members_member ON fusion_members (report_event_id)",
    "CREATE INDEX IF NOT EXISTS events_date ON events (date_start, date_end)",
)

#: Rows that ``geoevents check --repair`` took out of a table because they cannot be
#: read, kept whole as JSON (created on first repair; ``{pk}`` as in :data:`DDL`).
QUARANTINE_DDL = """CREATE TABLE IF NOT EXISTS quarantine (
    fid {pk}, source_table TEXT NOT NULL, source_fid INTEGER, row_json TEXT NOT NULL,
    reason TEXT, moved_at TEXT)"""


def utc_now() -> str:
    """The current UTC time as a GeoPackage ``DATETIME`` value (``2024-03-10T12:00:00Z``)."""
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
