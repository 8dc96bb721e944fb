"""Acceptance: three differently worded articles on the Makiivka strike, through the real
extraction pipeline and gazetteer, become one stored event with three sources and
every conflicting figure kept; re-ingesting them changes nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from geoevents.cli.explain import explain_lines
from geoevents.ingest import ingest
from geoevents.store import open_store

from .conftest import FIXTURES

ARTICLES = sorted(FIXTURES.glob("makiivka_*.json"))


def dump(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


@pytest.fixture
def store_path(tmp_path: Path, gazetteer: object) -> Path:
    db = tmp_path / "events.gpkg"
    with open_store(db) as store:
        report = ingest(store, ARTICLES, gazetteer=gazetteer)
    assert (report.read, report.stored, report.failed) == (3, 3, 0), report.errors
    return db


def test_three_articles_fuse_into_one_event_with_all_claims(store_path: Path) -> None:
    with open_store(store_path) as store:
        events = store.event_list()
        assert len(events) == 1, [(e.place_name, e.date) for e in events]
        (ev,) = events
        lines = explain_lines(store.explain(ev.id))
    assert ev.place_name and ev.place_name.startswith("Maki")
    assert ev.country_code == "UA" and ev.date == "2023-01-01"
    assert abs(ev.lat - 48.05) < 0.05 and abs(ev.lon - 37.93) < 0.05
    assert sorted(s.article_id for s in ev.sources) == [
        "makiivka-genstaff",
        "makiivka-mod",
        "makiivka-update",
    ]
    figures = {(c.side, c.killed.low) for c in ev.claims if c.killed}
    assert {("russia", 63), ("russia", 89), ("ukraine", 400)} <= figures
    assert ev.casualties["killed"] == {"low": 63, "high": 400}
    assert sum("merged with" in ln for ln in lines) == 2


def test_reingesting_the_articles_changes_nothing(store_path: Path, gazetteer: object) -> None:
    before = dump(store_path)
    with open_store(store_path) as store:
        report = ingest(store, ARTICLES, gazetteer=gazetteer)
    assert (report.read, report.skipped, report.stored, report.events) == (3, 3, 0, 0)
    assert dump(store_path) == before


def test_bad_input_is_reported_and_the_rest_stored(tmp_path: Path, gazetteer: object) -> None:
    bad = tmp_path / "broken.jsonl"
    bad.write_text('{"id": "x", "text": "A drone hit a depot."}\n{not json\n', encoding="utf-8")
    with open_store(tmp_path / "e.gpkg") as store:
        report = ingest(store, [*ARTICLES, bad], gazetteer=gazetteer)
    assert report.failed == 1 and report.stored == 4
    assert "broken.jsonl:2" in report.errors[0]
