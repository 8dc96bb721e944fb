"""Every kind of correction an analyst makes, through the command line, and each surviving
re-ingestion: reject (kept, hidden) and restore, attacker, weapons, a claimant's figures,
who made it (--by), from the command line and from a CSV file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.cli import ROOT, examples_store, run


def _events(db: Path, tmp_path: Path, *extra: str) -> dict[str, dict]:
    out = tmp_path / "out.geojson"
    result = run("export", "--db", db, "-o", out, *extra)
    assert result.exit_code == 0, result.output
    feats = json.loads(out.read_text(encoding="utf-8"))["features"]
    return {f["properties"]["id"]: f["properties"] for f in feats}


def _event_at(events: dict[str, dict], place: str) -> dict:
    return next(p for p in events.values() if p["place_name"] == place)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return examples_store(tmp_path)


def test_a_rejected_event_is_kept_hidden_and_can_be_restored(db: Path, tmp_path: Path) -> None:
    malo = _event_at(_events(db, tmp_path), "Malotaranivka")["id"]
    result = run("correct", malo, "--db", db, "--reject", "a drill, not a strike", "--by", "ann")
    assert result.exit_code == 0, result.output
    assert malo not in _events(db, tmp_path)  # hidden from exports
    shown = _events(db, tmp_path, "--rejected", "only")
    assert list(shown) == [malo] and shown[malo]["rejected"] == "a drill, not a strike"
    review = json.loads(run("review", "--db", db, "--limit", "0", "--json").output)
    assert malo not in {r["id"] for r in review}
    lines = run("explain", malo, "--db", db).output
    assert "REJECTED: a drill, not a strike" in lines and " by ann: rejected=a drill" in lines
    # kept across re-ingestion of the same articles
    assert run("ingest", ROOT / "examples", "--db", db).exit_code == 0
    assert malo not in _events(db, tmp_path)
    # near miss: restored, it is back like any other
    assert run("correct", malo, "--db", db, "--restore", "--by", "bo").exit_code == 0
    back = _events(db, tmp_path)
    assert malo in back and back[malo]["rejected"] is None and back[malo]["corrected"]


def test_attacker_weapons_and_a_claimants_figures(db: Path, tmp_path: Path) -> None:
    nova = _event_at(_events(db, tmp_path), "Nova Kakhovka")
    claimant = nova["claims"][0]["claimant"]
    result = run(
        "correct",
        nova["id"],
        "--db",
        db,
        "--attacker",
        "ukraine",
        "--weapons",
        "HIMARS, cluster munition",
        "--claimant",
        claimant.upper(),
        "--killed",
        "40-52",
        "--note",
        "per the later statement",
    )
    assert result.exit_code == 0, result.output
    assert run("ingest", ROOT / "examples", "--db", db).exit_code == 0  # survives re-ingestion
    fixed = _events(db, tmp_path)[nova["id"]]
    assert fixed["attacker_side"] == "ukraine"
    assert fixed["weapons"] == ["HIMARS", "cluster munition"]
    claim = next(c for c in fixed["claims"] if c["claimant"] == claimant)
    assert (claim["killed"]["low"], claim["killed"]["high"]) == (40, 52)
    # near misses: figures need a claimant, and counts must be counts
    bad = run("correct", nova["id"], "--db", db, "--killed", "12")
    assert bad.exit_code == 1 and "name the claimant" in bad.output
    bad = run("correct", nova["id"], "--db", db, "--claimant", claimant, "--killed", "many")
    assert bad.exit_code == 1 and "killed: expected a number or LOW-HIGH" in bad.output
    both = run("correct", nova["id"], "--db", db, "--reject", "x", "--restore")
    assert both.exit_code == 2


def test_a_csv_of_corrections_records_who_made_each(db: Path, tmp_path: Path) -> None:
    events = _events(db, tmp_path)
    kyiv = next(p["id"] for p in events.values() if p["place_name"] == "Kyiv")
    kharkiv = _event_at(events, "Kharkiv")["id"]
    csv_path = tmp_path / "fixes.csv"
    csv_path.write_text(
        "event_id,attacker,weapons,reject,by,note\n"
        f"{kyiv},russia,Shahed;Kalibr,,cy,from the air force\n"
        f"{kharkiv},,,duplicate of another report,,\n",
        encoding="utf-8",
    )
    result = run("correct", "--csv", csv_path, "--db", db, "--by", "dee")
    assert result.exit_code == 0, result.output
    after = _events(db, tmp_path)
    assert kharkiv not in after and after[kyiv]["weapons"] == ["Kalibr", "Shahed"]
    assert " by cy: attacker_side=russia" in run("explain", kyiv, "--db", db).output
    assert " by dee: rejected=duplicate" in run("explain", kharkiv, "--db", db).output


def _kyiv_2022(p: dict) -> bool:
    """The examples' two reports of the Kyiv strikes of late 2022 (not the Telegram post of 2024)."""
    return p["place_name"] == "Kyiv" and (p["date_start"] or "") < "2023-02"


def test_two_events_of_one_strike_are_merged(db: Path, tmp_path: Path) -> None:
    events = _events(db, tmp_path)
    kyiv = sorted(p["id"] for p in events.values() if _kyiv_2022(p))
    assert len(kyiv) == 2  # the examples report two attacks on Kyiv: an analyst says one
    a, b = kyiv
    result = run(
        "correct", a, "--db", db, "--merge-with", b, "--by", "ann", "--note", "same strike"
    )
    assert result.exit_code == 0, result.output
    assert run("ingest", ROOT / "examples", "--db", db).exit_code == 0  # survives re-ingestion
    after = [p for p in _events(db, tmp_path).values() if _kyiv_2022(p)]
    assert len(after) == 1 and len(after[0]["sources"]) == 2
    assert "merged by an analyst" in run("explain", after[0]["id"], "--db", db).output
    # near misses: an unknown event, and the event itself
    bad = run("correct", a, "--db", db, "--merge-with", "ev-nope")
    assert bad.exit_code == 1 and "no such event" in bad.output
    alone = run("correct", a, "--db", db, "--merge-with", a, "--type", "interception")
    assert alone.exit_code == 2


def test_an_event_added_by_hand(db: Path, tmp_path: Path) -> None:
    result = run(
        "correct",
        "--add",
        "--type",
        "air_drone_strike",
        "--place",
        "Izium, Kharkiv oblast",
        "--date",
        "2024-02-01",
        "--attacker",
        "russia",
        "--weapons",
        "Shahed",
        "--claimant",
        "regional governor",
        "--killed",
        "3",
        "--note",
        "from the governor's channel",
        "--by",
        "ann",
        "--db",
        db,
    )
    assert result.exit_code == 0, result.output
    new_id = result.output.split()[1].rstrip(":")
    assert run("ingest", ROOT / "examples", "--db", db).exit_code == 0
    ev = _events(db, tmp_path)[new_id]
    assert (ev["place_name"], ev["date"], ev["attacker_side"], ev["weapons"]) == (
        "Izyum",
        "2024-02-01",
        "russia",
        ["Shahed"],
    )
    assert any(c["killed"] and c["killed"]["low"] == 3 for c in ev["claims"])
    assert ev["sources"][0]["title"].startswith("Added by ann on ")
    # near miss: no place, no event
    bad = run("correct", "--add", "--type", "air_drone_strike", "--date", "2024-02-01", "--db", db)
    assert bad.exit_code == 2 and "give --place or --lat/--lon" in bad.output
