"""The store commands: ingest, export, explain, correct (through the real click group)."""

from __future__ import annotations

from pathlib import Path

import pytest

from geoevents.io.events import read_events
from geoevents.store import open_store
from tests.support.cli import run

from .conftest import FIXTURES
from .test_gpkg_store import makiivka


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "events.gpkg"
    with open_store(path) as store:
        store.add_reports(makiivka())
    return path


@pytest.mark.parametrize("suffix", [".geojson", ".gpkg", ".csv", ".parquet"])
def test_export_writes_filtered_events(db: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"out{suffix}"
    result = run("export", "--db", db, "-o", out, "--claimant", "general staff")
    assert result.exit_code == 0, result.output
    assert "wrote 1 events" in result.output
    frame = read_events(out)
    assert list(frame.place_name) == ["Makiivka"]
    assert sorted(c["killed"]["low"] for c in frame.claims.iloc[0]) == [63, 89, 400]
    assert len(frame.sources.iloc[0]) == 3


def test_export_without_filters_and_missing_store(db: Path, tmp_path: Path) -> None:
    result = run("export", "--db", db, "-o", tmp_path / "all.geojson")
    assert result.exit_code == 0 and "wrote 2 events" in result.output
    result = run("export", "--db", tmp_path / "nope.gpkg", "-o", tmp_path / "x.geojson")
    assert result.exit_code == 1 and "no such store" in result.output
    assert not (tmp_path / "nope.gpkg").exists()


def test_explain_command(db: Path) -> None:
    with open_store(db) as store:
        mk = next(e.id for e in store.event_list() if e.place_name == "Makiivka")
    result = run("explain", mk, "--db", db)
    assert result.exit_code == 0
    assert result.output.count("member re-") == 3 and "merged with re-" in result.output
    result = run("explain", "ev-0000", "--db", db)
    assert result.exit_code == 1 and "no event ev-0000" in result.output


def test_correct_command_and_csv(db: Path, tmp_path: Path) -> None:
    with open_store(db) as store:
        ids = {e.place_name: e.id for e in store.event_list()}
    result = run(
        "correct",
        ids["Kyiv"],
        "--db",
        db,
        "--lat",
        "50.4",
        "--lon",
        "30.6",
        "--type",
        "air_drone_strike",
        "--note",
        "checked footage",
    )
    assert result.exit_code == 0, result.output
    assert f"corrected {ids['Kyiv']}: air_drone_strike" in result.output
    csv = tmp_path / "fix.csv"
    csv.write_text(
        "event_id,place,lat,lon,event_type,date,note\n"
        f"{ids['Makiivka']},,,,,2023-01-02,dated by the ministry\n"
        f"{ids['Makiivka']},,,,bombing,,\n"
        "ev-unknown,,,,,2023-01-01,\n"
        f"{ids['Makiivka']},,north,,,,\n",
        encoding="utf-8",
    )
    result = run("correct", "--csv", csv, "--db", db)
    assert result.exit_code == 1
    assert f"corrected {ids['Makiivka']}" in result.output
    assert "unknown event type 'bombing'" in result.output
    assert "ev-unknown: no such event" in result.output
    assert f"{csv}:5: field lat: not a number" in result.output
    with open_store(db) as store:
        events = {e.id: e for e in store.event_list()}
        assert store.counts()["corrections"] == 2
    assert events[ids["Makiivka"]].date == "2023-01-02" and events[ids["Makiivka"]].corrected
    assert events[ids["Kyiv"]].event_type == "air_drone_strike"
    out = tmp_path / "c.geojson"
    assert run("export", "--db", db, "-o", out).exit_code == 0
    assert read_events(out).corrected.all()


@pytest.mark.parametrize(
    "args",
    [
        ["correct", "--lat", "1"],
        ["correct", "ev-1"],
        ["correct", "ev-1", "--lat", "50"],
        ["correct", "ev-1", "--csv", "x.csv"],
        ["correct", "ev-1", "--detach", "re-1", "--date", "2023-01-01"],
    ],
)
def test_correct_usage_errors(db: Path, args: list[str]) -> None:
    result = run(*args, "--db", db)
    assert result.exit_code == 2


def test_ingest_command_twice(tmp_path: Path, gazetteer: object) -> None:
    db = tmp_path / "e.gpkg"
    first = run("ingest", FIXTURES, "--db", db)
    assert first.exit_code == 0, first.output
    assert "read 3 articles: 3 stored" in first.output and "-> 1 fused events" in first.output
    again = run("ingest", FIXTURES, "--db", db)
    assert again.exit_code == 0
    assert "0 stored, 3 already stored" in again.output


def test_correct_detach_command(db: Path) -> None:
    with open_store(db) as store:
        mk = next(e.id for e in store.event_list() if e.place_name == "Makiivka")
    lines = run("explain", mk, "--db", db).output.splitlines()
    member = next(ln.split()[1].rstrip(":") for ln in lines if "merged with re-" in ln)
    member_line = next(i for i, ln in enumerate(lines) if "merged with re-" in ln) - 1
    member = lines[member_line].split()[1].rstrip(":")
    result = run("correct", mk, "--detach", member, "--db", db, "--note", "separate strike")
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        assert len(store.event_list()) == 3
    result = run("correct", mk, "--detach", "re-nope", "--db", db)
    assert result.exit_code == 1 and "is not one of its report events" in result.output


def test_export_filters_select_from_the_store(tmp_path: Path) -> None:
    import datetime

    from geoevents.io.articles import Article

    from .test_gpkg_store import strike

    db = tmp_path / "e.gpkg"
    belgorod = strike(
        "b1",
        50.6,
        36.6,
        1,
        "Governor of Belgorod",
        "russia",
        event_type="air_drone_strike",
        place_name="Belgorod",
        date="2023-03-02",
    ).with_(date_start="2023-03-02", date_end="2023-03-02", country_code="RU")
    with open_store(db) as store:
        store.add_reports(makiivka())
        store.add_report(
            Article("art-b", "Report b", "Body b.", published=datetime.date(2023, 3, 2)),
            [belgorod],
        )
    cases = {
        (): {"Makiivka", "Kyiv", "Belgorod"},
        ("--since", "2023-02-01"): {"Belgorod"},
        ("--until", "2023-01-31"): {"Makiivka", "Kyiv"},
        ("--bbox", "37.5,47.8,38.2,48.3"): {"Makiivka"},
        ("--type", "interception"): {"Kyiv"},
        ("--type", "air_drone_strike", "--type", "interception"): {"Kyiv", "Belgorod"},
        ("--country", "ru"): {"Belgorod"},
        ("--claimant", "russia"): {"Makiivka", "Belgorod"},
        ("--claimant", "kyiv city"): {"Kyiv"},
        ("--country", "UA", "--claimant", "russia", "--until", "2023-01-02"): {"Makiivka"},
        ("--since", "2024-01-01"): set(),
    }
    for i, (args, expected) in enumerate(cases.items()):
        out = tmp_path / f"f{i}.geojson"
        result = run("export", "--db", db, "-o", out, *args)
        assert result.exit_code == 0, (args, result.output)
        assert f"wrote {len(expected)} events" in result.output
        assert set(read_events(out).place_name) == expected, args


def test_correct_place_by_name_survives_reingest_and_new_reports(
    tmp_path: Path, gazetteer: object
) -> None:
    """The acceptance path on the command line: three example articles fused into one event;
    an analyst moves it with --place; re-ingesting and a fourth report keep the correction,
    and the exported events carry the `corrected` marker."""
    import json

    db = tmp_path / "e.gpkg"
    assert run("ingest", FIXTURES, "--db", db).exit_code == 0
    with open_store(db) as store:
        (ev,) = store.event_list()
    result = run(
        "correct", ev.id, "--db", db, "--place", "Olenivka, Donetsk oblast", "--note", "test"
    )
    assert result.exit_code == 0, result.output
    assert f"corrected {ev.id}: shelling_missile_attack at Olenivka" in result.output
    again = run("ingest", FIXTURES, "--db", db)
    assert "0 stored, 3 already stored" in again.output
    fourth = tmp_path / "more" / "makiivka_fourth.json"
    fourth.parent.mkdir()
    fourth.write_text(
        json.dumps(
            {
                "id": "makiivka-fourth",
                "title": "Governor counts the dead in Olenivka after New Year strike",
                "published": "2023-01-03",  # later: the event keeps its id (docs/store.md)
                "text": "The Russian-installed governor said on Tuesday that rockets hit a "
                "building in Olenivka, Donetsk region, on January 1, killing 70 servicemen.",
            }
        ),
        encoding="utf-8",
    )
    added = run("ingest", fourth.parent, "--db", db)
    assert added.exit_code == 0 and "1 stored" in added.output, added.output
    out = tmp_path / "events.geojson"
    assert run("export", "--db", db, "-o", out).exit_code == 0
    frame = read_events(out)
    row = frame[frame.id == ev.id].iloc[0]
    assert bool(row.corrected) and row.place_name == "Olenivka"
    assert abs(row.geometry.y - 47.84) < 0.1 and abs(row.geometry.x - 37.66) < 0.1
    assert len(row.sources) == 4 and "makiivka-fourth" in {s["article_id"] for s in row.sources}
    assert len(frame) == 1
    explained = run("explain", ev.id, "--db", db).output
    assert "correction #1" in explained and "place_name=Olenivka" in explained


def test_exported_geopackage_has_events_claims_and_sources_layers(db: Path, tmp_path: Path) -> None:
    import geopandas as gpd
    import pyogrio

    with open_store(db) as store:
        kyiv = next(e.id for e in store.event_list() if e.place_name == "Kyiv")
        store.correct(kyiv, lat=50.4, lon=30.6)
    out = tmp_path / "out.gpkg"
    result = run("export", "--db", db, "-o", out)
    assert result.exit_code == 0, result.output
    layers = dict(pyogrio.list_layers(out))
    assert layers == {  # and the relations' mapping views and QGIS's styles (test_qgis.py)
        "events": "Point",
        "claims": None,
        "sources": None,
        "events_claims": None,
        "events_sources": None,
        "layer_styles": None,
    }
    events = gpd.read_file(out, layer="events", engine="pyogrio")
    claims = pyogrio.read_dataframe(out, layer="claims")
    sources = pyogrio.read_dataframe(out, layer="sources")
    assert dict(zip(events.place_name, events.corrected, strict=True)) == {
        "Makiivka": False,
        "Kyiv": True,
    }
    mk = events[events.place_name == "Makiivka"].id.iloc[0]
    assert sorted(claims[claims.event_id == mk].killed_low) == [63, 89, 400]
    assert set(claims.event_id) == set(events.id)
    assert sorted(sources[sources.event_id == mk].article_id) == ["art-1", "art-2", "art-3"]
    assert len(sources) == 4
    assert list(read_events(out).id) == list(events.id)  # still an events file
    empty = tmp_path / "none.gpkg"
    result = run("export", "--db", db, "-o", empty, "--since", "2030-01-01")
    assert result.exit_code == 0 and "wrote 0 events" in result.output
    assert len(pyogrio.read_dataframe(empty, layer="claims")) == 0
    assert not list(tmp_path.glob(".*tmp*"))  # no temporary files left
