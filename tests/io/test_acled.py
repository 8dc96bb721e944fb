"""``export --format acled-csv``: the example reports through a real store into ACLED's columns."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from geoevents.io.acled import ACLED_COLUMNS, FORCES, acled_row, fatalities
from geoevents.model import Claim, Event, Figure
from geoevents.store import open_store
from tests.support.cli import examples_store, run


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return examples_store(tmp_path_factory.mktemp("acled"))


@pytest.fixture(scope="module")
def rows(store: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, str]]:
    out = tmp_path_factory.mktemp("acled-out") / "acled.csv"
    result = run("export", "--db", store, "-o", out, "--format", "acled-csv")
    assert result.exit_code == 0, result.output
    with open(out, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames or ()) == ACLED_COLUMNS
        return list(reader)


def test_one_row_per_stored_event_at_its_point(store: Path, rows: list[dict[str, str]]) -> None:
    with open_store(store, create=False) as st:
        events = {e.id: e for e in st.event_list()}
    assert len(rows) == len(events) > 10
    for row in rows:
        iso3, _, event_id = row["event_id_cnty"].partition("-")
        ev = events[event_id]
        assert iso3 == {"UA": "UKR", "RU": "RUS"}[ev.country_code or ""]
        assert float(row["latitude"]) == pytest.approx(ev.lat, abs=1e-5)
        assert float(row["longitude"]) == pytest.approx(ev.lon, abs=1e-5)
        assert int(row["geo_precision"]) == ev.location_precision
        assert row["location"] == ev.place_name
        assert row["event_date"] == (ev.date_start or ev.date)
        assert row["year"] == row["event_date"][:4]
        span = (date.fromisoformat(ev.date_end) - date.fromisoformat(ev.date_start)).days
        assert row["time_precision"] == ("1" if span == 0 else "2" if span <= 7 else "3")


def test_types_and_actors_follow_acled(rows: list[dict[str, str]]) -> None:
    kinds = {(r["disorder_type"], r["event_type"], r["sub_event_type"]) for r in rows}
    assert ("Strategic developments", "Strategic developments", "Disrupted weapons use") in kinds
    assert (
        "Political violence",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    ) in kinds
    for r in rows:
        if r["actor1"]:
            assert r["actor1"] in FORCES.values()
            codes = sorted(int(x) for x in (r["inter1"], r["inter2"]) if x)
            assert r["interaction"] == "".join(map(str, codes + [0]))[:2]
        else:  # no attacker: no actors, no interaction code
            assert not r["interaction"]
    # Belgorod, shelled from Ukraine: Ukraine's forces are external there (8)
    belgorod = next(r for r in rows if r["location"] == "Belgorod")
    assert (belgorod["actor1"], belgorod["inter1"]) == (FORCES["ukraine"], "8")


def test_fatalities_are_the_most_conservative_claim(rows: list[dict[str, str]]) -> None:
    nova = next(r for r in rows if r["location"] == "Nova Kakhovka")
    # Kyiv counts 52 soldiers, the Russian-installed officials 7 people: ACLED gets 7
    assert nova["fatalities"] == "7"
    assert "fatalities differ between claims" in nova["tags"]
    assert "52 killed" in nova["notes"] and "7 killed" in nova["notes"]
    assert nova["admin2"] == "Kakhovka Raion"  # from the gazetteer's register
    assert nova["actor1"] == FORCES["ukraine"]  # HIMARS, and the depot was Russian


def test_the_export_is_deterministic_and_refuses_another_extension(
    store: Path, tmp_path: Path
) -> None:
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    for out in (a, b):
        assert run("export", "--db", store, "-o", out, "--format", "acled-csv").exit_code == 0
    assert a.read_bytes() == b.read_bytes()
    result = run("export", "--db", store, "-o", tmp_path / "a.geojson", "--format", "acled-csv")
    assert result.exit_code == 2 and "an ACLED export is a .csv file" in result.output
    assert not (tmp_path / "a.geojson").exists()


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        ((), 0),  # nothing stated: ACLED's 0
        ((Claim("governor", "ukraine", killed=Figure(None, 12, "up to")),), 12),
        (
            (
                Claim("ministry", "russia", killed=Figure(60, None, "more than")),
                Claim("administration", "ukraine", killed=Figure(35, 35)),
            ),
            35,
        ),
        # a denial's figure is no claim of deaths
        ((Claim("ministry", "russia", "denies", killed=Figure(0, 0)),), 0),
    ],
)
def test_fatalities(claims: tuple[Claim, ...], expected: int) -> None:
    assert fatalities(Event("e", "air_drone_strike", 50.9, 34.8, claims=claims)) == expected


def test_civilian_targets_make_civilians_the_second_actor() -> None:
    base = dict(event_type="shelling_missile_attack", lat=48.7, lon=37.6, country_code="UA")
    civ = acled_row(Event("a", attacker_side="russia", targets=("school",), **base))
    assert (civ["actor2"], civ["inter2"], civ["civilian_targeting"]) == (
        "Civilians (Ukraine)",
        7,
        "Civilian targeting",
    )
    mil = acled_row(Event("b", attacker_side="russia", targets=("airfield",), **base))
    assert (mil["actor2"], mil["civilian_targeting"]) == (FORCES["ukraine"], "")
    unknown = acled_row(Event("c", **base))  # no attacker: nothing to name
    assert (unknown["actor1"], unknown["actor2"], unknown["interaction"]) == ("", "", "")
