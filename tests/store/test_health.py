"""Store health (issue 14, case 8): damaged rows are skipped with a named error, ``check``
finds integrity errors, damaged and orphan rows, ``--repair`` quarantines them, ``export``
refuses a store that fails SQLite's integrity check."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from geoevents.cli import main
from geoevents.errors import StoreError
from geoevents.ingest import ingest
from geoevents.io.events import read_events
from geoevents.store import open_store
from geoevents.store.health import StoreDamagedError, check_store, repair_store

from .test_gpkg_store import article, makiivka


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store of :func:`makiivka`: two fused events (Makiivka, Kyiv) of four reports."""
    with open_store(tmp_path / "events.gpkg") as store:
        assert store.add_reports(makiivka()) == 4
    return tmp_path / "events.gpkg"


#: Kyiv's report event (article 4): damaging it leaves the fused Makiivka event.
KYIV_FID = 4


def sql(db: Path, statement: str, params: tuple = ()) -> None:
    con = sqlite3.connect(db)
    try:
        con.execute(statement, params)
        con.commit()
    finally:
        con.close()


def cli(*args: object) -> subprocess.CompletedProcess:
    """The real command in a child process (its stderr as a user sees it, logging included)."""
    return subprocess.run(
        [sys.executable, "-m", "geoevents", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
    )


#: (table, column, SQL value expression, fid) -> a damaged row
DAMAGE = {
    "bad JSON": ("report_events", "event_json", "'{\"lat\": 50.4, '", KYIV_FID),
    "wrong type": ("report_events", "event_json", "42", KYIV_FID),
    "not UTF-8": ("report_events", "event_json", "CAST(x'7bff7d' AS TEXT)", KYIV_FID),
    "NaN latitude": (
        "report_events",
        "event_json",
        "replace(event_json, '\"lat\":50.45', '\"lat\":NaN')",
        KYIV_FID,
    ),
    "unknown event type": (
        "report_events",
        "event_json",
        "replace(event_json, 'interception', 'bombardment')",
        KYIV_FID,
    ),
}


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_a_damaged_report_event_is_skipped_by_name_and_the_rest_fuses(db: Path, kind: str) -> None:
    table, column, value, fid = DAMAGE[kind]
    sql(db, f"UPDATE {table} SET {column} = {value} WHERE fid = ?", (fid,))
    with open_store(db) as store:
        store.rebuild()
        events = store.event_list()
        assert [e.place_name for e in events] == ["Makiivka"]
        assert len(events[0].claims) == 3  # the three Makiivka reports survive
        (bad,) = store.damaged
        assert (bad.table, bad.fid, bad.column) == (table, fid, column)
        assert f"table {table}, fid {fid}, column {column}" in str(bad)
        assert not check_store(store).ok


def test_damaged_fused_rows_and_corrections_are_skipped_by_name(db: Path) -> None:
    with open_store(db) as store:
        target = store.event_list()[0]
        store.correct(target.id, event_type="air_drone_strike")
    sql(db, 'UPDATE corrections SET changes = \'{"lat": "north"}\'')
    sql(db, "UPDATE events SET properties = '[1' WHERE id = ?", (target.id,))
    with open_store(db) as store:
        assert [e.place_name for e in store.event_list()] == ["Kyiv"]  # fused rows read as stored
        assert [(d.table, d.column) for d in store.damaged] == [("events", "properties")]
        store.rebuild()  # the correction cannot be read: machine output is fused without it
        assert {e.event_type for e in store.event_list()} == {
            "interception",
            "shelling_missile_attack",
        }
        assert ("corrections", 1, "changes") in {(d.table, d.fid, d.column) for d in store.damaged}


@pytest.mark.slow  # child processes
def test_commands_on_a_damaged_store_name_the_row_and_go_on(db: Path, tmp_path: Path) -> None:
    sql(db, "UPDATE report_events SET event_json = '{oops' WHERE fid = ?", (KYIV_FID,))
    sql(db, "UPDATE geoevents_meta SET value = '1' WHERE key = 'fusion_stale'")  # fuse on read
    named = f"table report_events, fid {KYIV_FID}, column event_json"
    out = tmp_path / "out.geojson"
    export = cli("export", "--db", db, "-o", out)
    assert export.returncode == 1 and named in export.stderr
    assert "Traceback" not in export.stderr + export.stdout
    assert list(read_events(out)["place_name"]) == ["Makiivka"]
    html = tmp_path / "map.html"
    mapped = cli("map", "--db", db, "-o", html)
    assert named in mapped.stderr and "Traceback" not in mapped.stderr
    assert "wrote a map of 1 events" in mapped.stdout and html.stat().st_size > 0
    assert mapped.returncode == 1  # a skipped row fails the run, as in export
    articles = tmp_path / "known.jsonl"  # articles already stored: ingest fuses, no extraction
    articles.write_text(
        "".join(
            json.dumps({"id": a.id, "title": a.title, "text": a.text}) + "\n"
            for a, _ in makiivka()[:2]
        )
    )
    sql(db, "UPDATE geoevents_meta SET value = '1' WHERE key = 'fusion_stale'")
    ingested = cli("ingest", articles, "--db", db)
    assert ingested.returncode == 1 and named in ingested.stderr
    assert "Traceback" not in ingested.stderr + ingested.stdout
    sql(db, "UPDATE geoevents_meta SET value = '1' WHERE key = 'fusion_stale'")
    with open_store(db) as store:
        report = ingest(store, [articles])
        assert (report.skipped, report.fused) == (2, 1)
        assert not store.is_stale()
        assert f"{named}: not valid JSON" in str(store.damaged[0])


def test_an_events_id_that_is_not_utf8_is_skipped_and_fusion_rewrites_it(db: Path) -> None:
    sql(db, "UPDATE events SET id = CAST(x'6576ff' AS TEXT) WHERE place_name = 'Kyiv'")
    with open_store(db) as store:
        assert [e.place_name for e in store.event_list()] == ["Makiivka"]
        assert str(store.damaged[0]).endswith("column id: text is not valid UTF-8")
        assert {(d.table, d.column) for d in check_store(store).damaged} == {("events", "id")}
        store.add_report(article(5, "2023-01-05"), [])  # a new report: fusion is due
        store.fuse()  # the damaged id cannot be written back: every fused row is rewritten
        assert sorted(e.place_name for e in store.event_list()) == ["Kyiv", "Makiivka"]
        assert check_store(store).ok


def test_check_finds_damaged_and_orphan_rows_and_repair_quarantines_them(db: Path) -> None:
    runner = CliRunner()
    healthy = runner.invoke(main, ["check", "--db", str(db)])
    assert healthy.exit_code == 0 and healthy.output.strip().endswith(
        "ok (4 reports, 4 report_events, 2 events, 4 claims, 4 sources, 0 corrections)"
    )
    sql(db, "UPDATE report_events SET event_json = 'null' WHERE fid = 2")
    sql(db, "INSERT INTO claims (event_id, claimant) VALUES ('fused-nowhere', 'X')")
    sql(db, "DELETE FROM reports WHERE article_id = 'art-3'")
    sql(db, "UPDATE events SET geom = x'00' WHERE place_name = 'Kyiv'")
    found = runner.invoke(main, ["check", "--db", str(db)])
    assert found.exit_code == 1
    for words in (
        "table report_events, fid 2, column event_json: expected a JSON object",
        "table claims, fid 5, column event_id: orphan: no events row with id 'fused-nowhere'",
        "table report_events, fid 3, column content_hash: orphan: no reports row",
        "table events, fid 2, column geom: not a GeoPackage point",
        "2 damaged rows, 2 orphan rows",
    ):
        assert words in found.output
    repaired = runner.invoke(main, ["check", "--db", str(db), "--repair"])
    assert repaired.exit_code == 0, repaired.output
    assert "2 rows moved to quarantine" in repaired.output and repaired.output.endswith(
        "ok (3 reports, 2 report_events, 2 events, 2 claims, 2 sources, 0 corrections)\n"
    )
    con = sqlite3.connect(db)
    try:
        quarantined = con.execute(
            "SELECT source_table, source_fid, row_json FROM quarantine ORDER BY fid"
        ).fetchall()
    finally:
        con.close()
    assert [(t, f) for t, f, _ in quarantined] == [("report_events", 2), ("report_events", 3)]
    assert json.loads(quarantined[1][2])["event_json"].startswith('{"lat":48.046')  # kept whole


def overwrite_root_page(db: Path, name: str, fill: bytes) -> None:
    """Overwrite the root page of table or index ``name`` (the file still opens)."""
    con = sqlite3.connect(db)
    try:
        page = con.execute("PRAGMA page_size").fetchone()[0]
        root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()
    finally:
        con.close()
    with open(db, "r+b") as fh:
        fh.seek((root[0] - 1) * page)
        fh.write((fill * page)[:page])


def corrupt_an_index(db: Path) -> None:
    """An index page of garbage: every query not using it works, the integrity check fails."""
    overwrite_root_page(db, "report_events_hash", b"\x0d" + b"\xa5" * 99)


@pytest.mark.slow  # child processes
def test_export_refuses_a_store_that_fails_the_integrity_check(db: Path, tmp_path: Path) -> None:
    corrupt_an_index(db)
    out = tmp_path / "out.geojson"
    result = cli("export", "--db", db, "-o", out)
    assert result.returncode == 1 and "fails its integrity check" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()
    checked = cli("check", "--db", db)
    assert checked.returncode == 1 and "integrity check:" in checked.stderr
    with open_store(db, create=False) as store, pytest.raises(StoreDamagedError):
        repair_store(store)


@pytest.mark.slow  # child processes
def test_a_malformed_store_gives_a_message_not_a_traceback(db: Path) -> None:
    overwrite_root_page(db, "events", bytes(range(256)))
    with pytest.raises(StoreError, match="cannot read: database disk image is malformed"):
        with open_store(db, create=False) as store:
            store.event_list()
    for args in (("check",), ("export", "-o", db.with_suffix(".geojson"))):
        result = cli(*args, "--db", db)
        assert result.returncode == 1 and "malformed" in result.stderr
        assert "Traceback" not in result.stderr


def test_check_and_repair_on_postgis(pg_url: str) -> None:
    import psycopg

    with open_store(pg_url) as pg:
        pg.add_reports(makiivka())
    with psycopg.connect(pg_url) as conn:
        conn.execute(
            "UPDATE report_events SET event_json = '{\"lat\": 1}' WHERE content_hash = "
            "(SELECT content_hash FROM reports WHERE article_id = 'art-4')"
        )
        conn.execute("INSERT INTO sources (event_id, article_id) VALUES ('fused-nowhere', 'a')")
        conn.execute("UPDATE events SET geom = NULL WHERE place_name = 'Makiivka'")
    with open_store(pg_url) as pg:
        report = check_store(pg)
        assert report.integrity == () and not report.ok
        assert {(d.table, d.column, d.reason.split(" (")[0]) for d in report.damaged} == {
            ("report_events", "event_json", "not a valid event"),
            ("events", "geom", "no geometry"),
        }
        assert [(d.table, d.column) for d in report.orphans] == [("sources", "event_id")]
        assert sorted(e.place_name for e in pg.event_list()) == ["Kyiv", "Makiivka"]
        done = repair_store(pg)
        assert [d.table for d in done.quarantined] == ["report_events"]
        assert [e.place_name for e in pg.event_list()] == ["Makiivka"]
        assert check_store(pg).ok
    with psycopg.connect(pg_url) as conn:
        (row,) = conn.execute("SELECT source_table, row_json FROM quarantine").fetchall()
    assert row[0] == "report_events" and json.loads(row[1])["event_json"] == '{"lat": 1}'
