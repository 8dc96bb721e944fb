"""The same store on a real PostgreSQL + PostGIS (a throwaway cluster, see conftest)."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from geoevents.errors import SchemaVersionError
from geoevents.store import open_store
from tests.store.test_gpkg_store import makiivka
from tests.store.test_reliability import helper


def test_postgis_round_trip_matches_the_geopackage_store(pg_url: str, tmp_path: Path) -> None:
    with open_store(tmp_path / "e.gpkg") as gpkg:
        gpkg.add_reports(makiivka())
    with open_store(tmp_path / "e.gpkg") as gpkg:
        expected = gpkg.event_list()
        expected_explain = [gpkg.explain(e.id) for e in expected]
    with open_store(pg_url) as pg:
        assert pg.add_reports(makiivka()) == 4
    with open_store(pg_url) as pg:
        assert pg.add_reports(makiivka()) == 0  # idempotent
        assert not pg.is_stale()
        assert pg.event_list() == expected
        got_explain = [pg.explain(e.id) for e in expected]
        counts = pg.counts()
    assert counts == {
        "reports": 4,
        "report_events": 4,
        "events": 2,
        "claims": 4,
        "sources": 4,
        "corrections": 0,
    }
    assert got_explain == expected_explain
    with psycopg.connect(pg_url) as conn:
        rows = conn.execute(
            "SELECT ST_SRID(geom), ST_X(geom), ST_Y(geom), lat, lon, claims_summary FROM events"
        ).fetchall()
        gist = conn.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'events' AND indexdef LIKE '%gist%'"
        ).fetchall()
    assert {r[0] for r in rows} == {4326}
    assert all((x, y) == (lon, lat) for _srid, x, y, lat, lon, _s in rows)
    assert any("400 (Ukrainian General Staff)" in r[5] for r in rows)
    assert len(gist) == 1


def test_postgis_corrections_survive_rebuild(pg_url: str) -> None:
    with open_store(pg_url) as pg:
        pg.add_reports(makiivka())
    with open_store(pg_url) as pg:
        kyiv = next(e for e in pg.event_list() if e.place_name == "Kyiv")
        fixed = pg.correct(kyiv.id, lat=50.4, lon=30.6, date="2023-01-02", note="check")
        assert fixed.corrected and fixed.date == "2023-01-02"
        pg.rebuild()
        again = next(e for e in pg.event_list() if e.id == kyiv.id)
    assert again == fixed
    frame = open_store(pg_url).events()
    assert list(frame[frame.corrected].id) == [kyiv.id]


def test_two_ingests_at_once_on_postgis(pg_url: str) -> None:
    a = helper(pg_url, 0, 600, "--batch", "50")  # type: ignore[arg-type]
    b = helper(pg_url, 400, 1000, "--batch", "50")  # type: ignore[arg-type]
    out_a, err_a = a.communicate(timeout=300)
    out_b, err_b = b.communicate(timeout=300)
    assert (a.returncode, b.returncode) == (0, 0), err_a + err_b
    assert int(out_a.split()[-1]) + int(out_b.split()[-1]) == 1000
    with open_store(pg_url) as pg:
        assert pg.counts()["reports"] == 1000
        events = pg.event_list()
        assert sum(len(e.sources) for e in events) == 1000
        pg.rebuild()
        assert pg.event_list() == events


def test_postgis_other_schema_version_is_refused(pg_url: str) -> None:
    open_store(pg_url).close()
    with psycopg.connect(pg_url) as conn:
        conn.execute("UPDATE geoevents_meta SET value = '7' WHERE key = 'schema_version'")
    with pytest.raises(SchemaVersionError, match="newer"):
        open_store(pg_url)
