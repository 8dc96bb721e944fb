"""``geoevents review``: the events to check first, lowest confidence first, with reasons."""

from __future__ import annotations

import json
from pathlib import Path

from geoevents.confidence import NEEDS_REVIEW
from geoevents.store import open_store
from tests.support.cli import examples_store, run


def test_review_lists_the_weakest_events_first(tmp_path: Path) -> None:
    db = examples_store(tmp_path)
    vague = tmp_path / "vague"
    vague.mkdir()
    (vague / "sumy.txt").write_text(
        "Drones over Sumy region\n\nPublished: 2024-05-02\n\n"
        "Drones attacked the Sumy region overnight, a local news site reported.\n",
        encoding="utf-8",
    )
    assert run("ingest", vague, "--db", db).exit_code == 0
    result = run("review", "--db", db, "--limit", "0", "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    with open_store(db, create=False) as store:
        assert {r["id"] for r in rows} == {e.id for e in store.event_list()}
    scores = [r["confidence"] for r in rows]
    assert scores == sorted(scores)  # the weakest first
    first = rows[0]
    assert first["place"] == "Sumy Oblast" and first["confidence"] < NEEDS_REVIEW
    assert any(r.startswith("region only") for r in first["reasons"])
    # a place name other settlements share is a reason to look (the examples' Olenivka has
    # many namesakes); a big city's name is its own
    olenivka = next(r for r in rows if r["place"] == "Olenivka")
    assert any(r.startswith("name shared by") for r in olenivka["reasons"])
    kyiv = [r for r in rows if r["place"] == "Kyiv"]
    assert kyiv and not any(x.startswith("name shared") for r in kyiv for x in r["reasons"])
    # near miss: only the events below the threshold, and the filters apply
    only = json.loads(run("review", "--db", db, "--needs-review", "--json").output)
    assert [r["id"] for r in only] == [r["id"] for r in rows if r["confidence"] < NEEDS_REVIEW]
    types = json.loads(run("review", "--db", db, "--type", "interception", "--json").output)
    assert types and {r["event_type"] for r in types} == {"interception"}
    text = run("review", "--db", db, "--limit", "1").output
    assert text.splitlines()[1].startswith(f"{first['confidence']:.2f}  {first['id']}")
    assert "geoevents explain ID" in text
