"""The GeoPackage store: idempotence, validity, fusion state, corrections, versions."""

from __future__ import annotations

import datetime
import sqlite3
from pathlib import Path

import geopandas as gpd
import pyogrio
import pytest

from geoevents.cli.explain import explain_lines
from geoevents.errors import SchemaVersionError, StoreError
from geoevents.io.articles import Article
from geoevents.model import Claim, Event, Figure
from geoevents.store import open_store
from geoevents.store.gpkgbinary import decode_point
from geoevents.store.schema import SCHEMA_VERSION

OLENIVKA_DONETSK = (47.8367, 37.6625)


def article(i: int, day: str = "2023-01-02") -> Article:
    return Article(
        id=f"art-{i}",
        title=f"Report {i}",
        text=f"Body of report {i}.",
        url=f"https://example.invalid/{i}",
        published=datetime.date.fromisoformat(day),
    )


def strike(
    eid: str, lat: float, lon: float, killed: int, claimant: str, side: str, **kw: object
) -> Event:
    return Event(
        id=eid,
        event_type=kw.pop("event_type", "shelling_missile_attack"),  # type: ignore[arg-type]
        lat=lat,
        lon=lon,
        date=kw.pop("date", "2023-01-01"),  # type: ignore[arg-type]
        date_start="2023-01-01",
        date_end="2023-01-01",
        date_precision="day",
        place_name=kw.pop("place_name", "Makiivka"),  # type: ignore[arg-type]
        country_code="UA",
        claims=(Claim(claimant, side, killed=Figure(killed, killed)),),
        **kw,  # type: ignore[arg-type]
    )


def makiivka() -> list[tuple[Article, list[Event]]]:
    return [
        (article(1), [strike("e1", 48.0478, 37.9258, 63, "Russian Ministry of Defence", "russia")]),
        (article(2), [strike("e2", 48.05, 37.93, 400, "Ukrainian General Staff", "ukraine")]),
        (
            article(3, "2023-01-04"),
            [strike("e3", 48.046, 37.924, 89, "Russian Ministry of Defence", "russia")],
        ),
        (
            article(4),
            [
                strike(
                    "e4",
                    50.45,
                    30.52,
                    0,
                    "Kyiv city administration",
                    "ukraine",
                    event_type="interception",
                    place_name="Kyiv",
                )
            ],
        ),
    ]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "events.gpkg"
    with open_store(path) as store:
        assert store.add_reports(makiivka()) == 4
    return path


def fused_tables(path: Path) -> dict[str, list[tuple]]:
    con = sqlite3.connect(path)
    try:
        return {
            t: con.execute(f"SELECT * FROM {t} ORDER BY fid").fetchall()
            for t in ("events", "claims", "sources", "fusion_members")
        }
    finally:
        con.close()


def test_reports_of_one_strike_become_one_event(db: Path) -> None:
    with open_store(db) as store:
        frame = store.events()
        assert store.counts()["reports"] == 4
    assert len(frame) == 2
    mk = frame[frame.place_name == "Makiivka"].iloc[0]
    assert len(mk.sources) == 3
    assert sorted(c["killed"]["low"] for c in mk.claims) == [63, 89, 400]
    assert (mk.killed_low, mk.killed_high) == (63, 400)


def dump(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def test_reingest_changes_nothing(db: Path) -> None:
    before = dump(db)
    with open_store(db) as store:
        assert store.add_reports(makiivka()) == 0
        assert not store.add_report(*makiivka()[0])
        store.fuse()
    after = dump(db)
    assert len(after) > 30 and after == before


def test_store_is_a_valid_geopackage(db: Path) -> None:
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        contents = dict(con.execute("SELECT table_name, data_type FROM gpkg_contents").fetchall())
        blobs = con.execute("SELECT geom, lat, lon FROM events").fetchall()
    finally:
        con.close()
    assert contents["events"] == "features"
    assert {contents[t] for t in ("claims", "sources", "reports", "corrections")} == {"attributes"}
    for blob, lat, lon in blobs:
        assert decode_point(blob) == (lat, lon)
    layers = dict(pyogrio.list_layers(db))
    assert layers["events"] == "Point"
    assert {"claims", "sources", "reports", "report_events", "fusion_members"} <= set(layers)
    info = pyogrio.read_info(db, layer="events")
    assert info["crs"] == "EPSG:4326" and info["features"] == 2
    frame = gpd.read_file(db, layer="events", engine="pyogrio")
    kyiv = frame[frame.place_name == "Kyiv"].iloc[0]
    assert (kyiv.geometry.x, kyiv.geometry.y) == (30.52, 50.45)
    claims = gpd.read_file(db, layer="claims", engine="pyogrio")
    assert sorted(claims.killed_low) == [0, 63, 89, 400]


def test_readers_see_unfused_reports_and_fusion_catches_up(tmp_path: Path) -> None:
    path = tmp_path / "e.gpkg"
    writer = open_store(path)
    try:
        for art, evs in makiivka():
            writer.add_report(art, evs)
        with open_store(path) as reader:
            assert reader.is_stale()
            assert reader.counts()["events"] == 0
            in_memory = reader.event_list()
        writer.fuse()
        with open_store(path) as reader:
            assert not reader.is_stale()
            assert reader.event_list() == in_memory
    finally:
        writer.close()


def test_ingest_order_does_not_matter_and_rebuild_reproduces(tmp_path: Path) -> None:
    reports = makiivka()
    a, b = tmp_path / "a.gpkg", tmp_path / "b.gpkg"
    with open_store(a) as store:
        for item in reports:
            store.add_report(*item)
            store.fuse()
        incremental = store.event_list()
        store.rebuild()
        assert store.event_list() == incremental
    with open_store(b) as store:
        store.add_reports(reversed(reports))
    with open_store(b) as store:
        other = store.event_list()

    def content(events: list[Event]) -> list[Event]:
        return sorted((e.with_(id="") for e in events), key=lambda e: (e.lat, e.lon))

    assert content(other) == content(incremental)
    # ids derive from the report published first, ties to the smallest report-event id:
    # the same reports stored in two orders (articles 1, 2 and 4 share a day) give one id set
    assert [e.id for e in other] == [e.id for e in incremental]
    assert fused_tables(a)["fusion_members"] and len(fused_tables(b)["claims"]) == 4


def test_correction_survives_reingest_new_reports_and_rebuild(db: Path) -> None:
    with open_store(db) as store:
        kyiv_id = store.events(None).query("place_name == 'Kyiv'").id.iloc[0]
        fixed = store.correct(
            kyiv_id, lat=50.40, lon=30.60, event_type="air_drone_strike", note="analyst"
        )
        assert fixed.id == kyiv_id and fixed.corrected
        assert (fixed.lat, fixed.lon, fixed.event_type) == (50.40, 30.60, "air_drone_strike")
    with open_store(db) as store:
        store.add_reports(makiivka())  # re-ingest: nothing new
        # a new report of the same Kyiv strike, published later, joins the corrected event
        store.add_report(
            article(9, "2023-01-03"),
            [
                strike(
                    "e9",
                    50.401,
                    30.601,
                    2,
                    "Air Force",
                    "ukraine",
                    event_type="air_drone_strike",
                    place_name="Kyiv",
                )
            ],
        )
    with open_store(db) as store:
        ev = next(e for e in store.event_list() if e.id == kyiv_id)
        assert ev.corrected and (ev.lat, ev.lon, ev.event_type) == (
            50.40,
            30.60,
            "air_drone_strike",
        )
        assert len(ev.sources) == 2
        store.rebuild()
        assert next(e for e in store.event_list() if e.id == kyiv_id) == ev
        lines = explain_lines(store.explain(kyiv_id))
    assert any("correction #1" in ln and "analyst" in ln for ln in lines)
    assert lines[0].endswith("CORRECTED")
    corrected = gpd.read_file(db, layer="events", engine="pyogrio").set_index("id").corrected
    assert corrected[kyiv_id] == 1 and corrected.sum() == 1


def test_correcting_a_misplaced_report_fuses_it_where_it_belongs(tmp_path: Path) -> None:
    path = tmp_path / "e.gpkg"
    right = strike(
        "r", *OLENIVKA_DONETSK, 50, "Russian Ministry of Defence", "russia", place_name="Olenivka"
    )
    wrong = strike(
        "w", 45.38, 32.53, 53, "Ukrainian General Staff", "ukraine", place_name="Olenivka"
    )
    with open_store(path) as store:
        store.add_reports([(article(1), [right]), (article(2), [wrong])])
        assert len(store.event_list()) == 2
        wrong_id = next(e.id for e in store.event_list() if e.lat < 46)
        fused = store.correct(wrong_id, lat=OLENIVKA_DONETSK[0], lon=OLENIVKA_DONETSK[1])
        assert len(store.event_list()) == 1
        assert fused.corrected and len(fused.sources) == 2
        assert sorted(c.killed.low for c in fused.claims) == [50, 53]


def test_correct_place_through_the_gazetteer(db: Path, gazetteer: object) -> None:
    with open_store(db) as store:
        mk = store.events().query("place_name == 'Makiivka'").id.iloc[0]
        fixed = store.correct(mk, place="Olenivka, Donetsk oblast", gazetteer=gazetteer)
    assert fixed.corrected and fixed.place_name == "Olenivka"
    assert fixed.country_code == "UA" and "Donetsk" in (fixed.admin1 or "")
    assert abs(fixed.lat - 47.84) < 0.2 and abs(fixed.lon - 37.66) < 0.2


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"event_id": "ev-nope", "lat": 1.0, "lon": 2.0}, StoreError),
        ({"event_type": "bombing"}, ValueError),
        ({"date": "01/01/2023"}, ValueError),
        ({"lat": 95.0, "lon": 2.0}, ValueError),
        ({}, ValueError),
    ],
)
def test_bad_corrections_are_refused(db: Path, kwargs: dict, error: type) -> None:
    with open_store(db) as store:
        event_id = kwargs.pop("event_id", store.event_list()[0].id)
        with pytest.raises(error):
            store.correct(event_id, **kwargs)
        assert store.counts()["corrections"] == 0


@pytest.mark.parametrize(
    ("version", "words"), [("0", "too old"), (str(SCHEMA_VERSION + 1), "newer"), ("x", "no valid")]
)
def test_other_schema_versions_are_refused_clearly(db: Path, version: str, words: str) -> None:
    con = sqlite3.connect(db)
    con.execute("UPDATE geoevents_meta SET value = ? WHERE key = 'schema_version'", (version,))
    con.commit()
    con.close()
    with pytest.raises(SchemaVersionError, match=words):
        open_store(db)


def test_files_that_are_not_stores_are_refused(tmp_path: Path) -> None:
    text = tmp_path / "notes.gpkg"
    text.write_text("not a database " * 100)
    with pytest.raises(StoreError, match="not a GeoPackage"):
        open_store(text)
    other = tmp_path / "other.gpkg"
    gpd.GeoDataFrame({"a": [1]}, geometry=gpd.points_from_xy([1], [2]), crs="EPSG:4326").to_file(
        other, engine="pyogrio"
    )
    with pytest.raises(StoreError, match="not a geoevents store"):
        open_store(other)
    with pytest.raises(StoreError, match="no such store"):
        open_store(tmp_path / "missing.gpkg", create=False)
    assert not (tmp_path / "missing.gpkg").exists()


def test_explain_names_members_and_reasons(db: Path) -> None:
    with open_store(db) as store:
        mk = store.events().query("place_name == 'Makiivka'").id.iloc[0]
        lines = explain_lines(store.explain(mk))
        with pytest.raises(StoreError, match="no event"):
            store.explain("ev-missing")
    text = "\n".join(lines)
    assert "3 report event(s), 3 source(s)" in lines[0]
    assert text.count("member re-") == 3 and text.count("merged with re-") == 2
    assert "km apart <= 5 km" in text and "first report" in text
    assert "63 (Russian Ministry of Defence)" in text and "400 (Ukrainian General Staff)" in text


def test_an_article_twice_in_one_batch_is_stored_once(tmp_path: Path) -> None:
    item = makiivka()[0]
    with open_store(tmp_path / "nested" / "e.gpkg") as store:
        assert store.add_reports([item, item, makiivka()[1]]) == 2
        assert store.counts()["report_events"] == 2


def test_detach_undoes_a_merge_and_survives_rebuild(db: Path) -> None:
    with open_store(db) as store:
        mk = next(e for e in store.event_list() if e.place_name == "Makiivka")
        members = [
            ln.split()[1].rstrip(":")
            for ln in explain_lines(store.explain(mk.id))
            if "member re-" in ln
        ]
        assert len(members) == 3
        alone = store.correct(mk.id, detach=members[-1], note="a different strike")
        assert alone.corrected and len(alone.sources) == 1
        with pytest.raises(ValueError, match="not one of its report events"):
            store.correct(mk.id, detach="re-unknown")
        after = store.event_list()
        store.add_reports(makiivka())
        store.rebuild()
        assert store.event_list() == after
    rest = next(e for e in after if len(e.sources) == 2)
    assert rest.id == mk.id and not rest.corrected
    assert sorted(len(e.sources) for e in after) == [1, 1, 2]


def test_a_version_1_store_is_migrated(db: Path) -> None:
    """A store from before rejections and authors (schema 1) gains the columns and re-fuses."""
    con = sqlite3.connect(db)
    con.execute("ALTER TABLE events DROP COLUMN rejected")
    con.execute("ALTER TABLE corrections DROP COLUMN author")
    con.execute("UPDATE geoevents_meta SET value = '1' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    with open_store(db) as store:
        events = store.event_list()
        assert events and all(e.rejected is None for e in events)
        store.correct(events[0].id, event_type="interception")
    con = sqlite3.connect(db)
    try:
        cols = {r[1] for r in con.execute("PRAGMA table_info(events)")}
        version = con.execute(
            "SELECT value FROM geoevents_meta WHERE key = 'schema_version'"
        ).fetchone()[0]
    finally:
        con.close()
    assert "rejected" in cols and version == str(SCHEMA_VERSION)
