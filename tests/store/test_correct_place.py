"""Issue 14 case 10: `correct --place` refuses a fuzzy or far-away gazetteer match unless
--yes is given, and shows what it would have chosen (real store, real gazetteer)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from geoevents.cli import main
from geoevents.store import open_store

from .conftest import FIXTURES


def run(*args: object) -> object:
    return CliRunner().invoke(main, [str(a) for a in args])


def test_far_or_fuzzy_place_needs_yes(tmp_path: Path, gazetteer: object) -> None:
    db = tmp_path / "e.gpkg"
    assert run("ingest", FIXTURES, "--db", db).exit_code == 0
    with open_store(db) as store:
        (ev,) = store.event_list()
    assert ev.place_name == "Makiyivka"

    far = run("correct", ev.id, "--db", db, "--place", "Lviv")
    assert far.exit_code == 1, far.output
    assert "would move it to Lviv" in far.output and "49.8" in far.output
    assert "km from the event's current point (> 50 km)" in far.output
    assert "nothing changed" in far.output and "--yes" in far.output

    fuzzy = run("correct", ev.id, "--db", db, "--place", "Olenivkq")
    assert fuzzy.exit_code == 1, fuzzy.output
    assert "would move it to Olenivka" in fuzzy.output and "fuzzy match" in fuzzy.output
    assert "km from" not in fuzzy.output  # 32 km: only the fuzziness is the reason
    with open_store(db) as store:
        assert store.event_list() == [ev] and store.counts()["corrections"] == 0

    near = run("correct", ev.id, "--db", db, "--place", "Khartsyzk")  # exact, 13 km away
    assert near.exit_code == 0, near.output
    forced = run("correct", ev.id, "--db", db, "--place", "Lviv", "--yes")
    assert forced.exit_code == 0 and f"corrected {ev.id}" in forced.output, forced.output
    with open_store(db) as store:
        (moved,) = store.event_list()
        assert moved.place_name == "Lviv" and moved.corrected
        assert store.counts()["corrections"] == 2
