"""Ukraine's settlement register in the index: hierarchy, names, derived points, bad input."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import openpyxl
import pytest

from gazetteer import Gazetteer
from gazetteer.build import build_index, sidecar_path
from gazetteer.errors import SourceDataError
from gazetteer.geo import haversine_km
from gazetteer.lookupmap import lookup_map_path
from gazetteer.register import STRAY_KM, mean_point
from gazetteer.sources.katottg import COLUMNS, default_codifier, read_codifier
from gazetteer.types import Place


def _by_code(gz: Gazetteer, query: str, code: str):
    found = [c for c in gz.resolve(query, limit=50) if c.place.code == code]
    assert found, f"{query!r} does not find register unit {code}"
    return found[0]


def _geonames_points(gz: Gazetteer, hromada: str) -> list[tuple[float, float]]:
    return [
        (p.lat, p.lon)
        for p in gz.places_in(hromada)
        if p.kind == "settlement" and p.point_source is None
    ]


def test_village_only_in_register_gets_hromada_mean(gazetteer) -> None:
    best = _by_code(gazetteer, "Keramik", "UA14160190040090584")
    place = best.place
    assert place.source == "katottg" and place.geonameid is None
    assert (place.admin1, place.admin2, place.admin3) == (
        "Donetsk Oblast",
        "Pokrovsk Raion",
        "Ocheretyne Hromada",
    )
    assert place.point_source == "hromada-mean"
    assert best.precision == "hromada" and place.radius_km == 12.0
    lat, lon = mean_point(_geonames_points(gazetteer, "Ocheretyne Hromada"))
    assert (place.lat, place.lon) == pytest.approx((lat, lon), abs=1e-5)
    explain = best.to_dict()["explain"]
    assert "mean of the GeoNames-placed settlements of its hromada" in explain[-1]


@pytest.mark.parametrize(
    ("query", "code", "source", "precision", "radius", "anchor"),
    [
        ("Ivano-Darivka", "UA14020030030030735", "hromada-centre", "hromada", 15.0, "Zvanivka"),
        ("Hranitne", "UA14040090030079900", "raion-centre", "district", 30.0, "Volnovakha"),
        ("Tatysh-Konrat", "UA01140450020042157", "raion-mean", "district", 30.0, None),
    ],
)
def test_each_derivation_pins_precision_and_radius(
    gazetteer, query, code, source, precision, radius, anchor
) -> None:
    best = _by_code(gazetteer, query, code)
    assert best.place.point_source == source
    assert best.precision == precision and best.place.precision == precision
    assert best.place.radius_km == radius
    assert best.precision != "settlement"
    if anchor is not None:  # the point is that of the centre, a GeoNames settlement
        centre = next(
            c.place
            for c in gazetteer.resolve(anchor, limit=20)
            if c.place.kind == "settlement" and c.place.admin1 == best.place.admin1
        )
        assert centre.point_source is None and centre.geonameid is not None
        assert (best.place.lat, best.place.lon) == (centre.lat, centre.lon)
    else:  # the mean of the raion's GeoNames-placed settlements
        raion = gazetteer.divisions(best.place.admin2 or "")[0]
        points = [
            (p.lat, p.lon)
            for p in gazetteer.places_in(raion)
            if p.kind == "settlement" and p.point_source is None
        ]
        assert (best.place.lat, best.place.lon) == pytest.approx(mean_point(points), abs=1e-5)


def test_matched_settlement_keeps_geonames_point_and_gains_hierarchy(gazetteer) -> None:
    best = gazetteer.resolve("Ocheretyne")[0]
    place = best.place
    assert place.geonameid == 698759 and place.point_source is None
    assert place.code == "UA14160190010012632"
    assert (place.admin2, place.admin3) == ("Pokrovsk Raion", "Ocheretyne Hromada")
    assert best.precision == "settlement" and place.radius_km is None


def test_renamed_village_by_its_2021_name(gazetteer) -> None:
    best = gazetteer.resolve("Velyka Kostromka")[0]
    assert best.place.name == "Velyka Dolyna" and best.place.code == "UA12060130020047187"
    assert best.matched_name == "Velyka Kostromka"
    assert gazetteer.resolve("Велика Костромка")[0].place.code == "UA12060130020047187"


def test_cyrillic_input(gazetteer) -> None:
    found = gazetteer.resolve("Землянки", limit=10)
    codes = {c.place.code for c in found}
    donetsk = [c.place for c in found if c.place.admin1 == "Donetsk Oblast"]
    assert donetsk and donetsk[0].admin3 == "Makiivka Hromada"
    assert len(codes) >= 2  # the name repeats in other oblasts


@pytest.mark.parametrize(
    "query",
    ["Ocheretynska hromada", "Ocheretyne Hromada", "Очеретинська селищна громада"],
)
def test_hromada_by_name(gazetteer, query) -> None:
    best = gazetteer.resolve(query)[0]
    assert best.place.kind == "hromada" and best.precision == "hromada"
    assert best.place.name == "Ocheretyne Hromada" and best.place.admin2 == "Pokrovsk Raion"
    members = gazetteer.places_in(best.place)
    assert {p.code for p in members} >= {"UA14160190040090584", "UA14160190010012632"}
    assert {p.admin3 for p in members} == {"Ocheretyne Hromada"}


@pytest.mark.parametrize(
    "query", ["Kramatorsk Raion", "Kramatorskyi district", "Краматорський район"]
)
def test_raion_by_name(gazetteer, query) -> None:
    best = gazetteer.resolve(query)[0]
    assert best.place.kind == "district" and best.precision == "district"
    assert best.place.name == "Kramatorsk Raion" and best.place.source == "katottg"
    kramatorsk = gazetteer.resolve("Kramatorsk")[0].place
    assert (best.place.lat, best.place.lon) == (kramatorsk.lat, kramatorsk.lon)
    assert kramatorsk.admin2 == "Kramatorsk Raion"


def test_divisions_and_places_in(gazetteer) -> None:
    [raion] = gazetteer.divisions("Pokrovsk Raion")
    members = gazetteer.places_in(raion)
    assert {p.admin2 for p in members} == {"Pokrovsk Raion"}
    assert "Ocheretyne Hromada" in {p.name for p in members if p.kind == "hromada"}
    assert gazetteer.places_in(raion.code or "") == members
    assert gazetteer.places_in("Nowhere Raion") == [] and gazetteer.divisions("Kyiv") == []


def test_uman_is_a_settlement_key(gazetteer) -> None:
    from geoevents.extract.mentions import keep_key, matcher_for

    kinds = {kind: pop for key, pop, kind in gazetteer.name_keys() if key == "uman"}
    assert kinds.get("settlement", 0) > 80_000 and "country" in kinds
    assert keep_key("uman", kinds["settlement"], "settlement")
    text = "Missiles struck Uman overnight."
    assert "Uman" in [text[a:b] for a, b, _ in matcher_for(gazetteer).find(text)]


def test_info_counts_register_points(gazetteer) -> None:
    counts = gazetteer.info()["counts"]
    points = counts["register_points"]
    assert points["geonames"] > 4_900
    assert points["hromada-mean"] > 10_000 and points["hromada-centre"] > 5_000
    assert sum(points.values()) > 29_000  # every settlement, hromada and raion
    assert counts["kind"]["hromada"] == 1_772
    register = gazetteer.info()
    assert register["counts"]["source"]["katottg"] > 24_000


def _codifier(path: Path, header: tuple[str, ...], rows: list[tuple]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(("title",))
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


_ROWS = [
    ("UA14000000000091971", None, None, None, None, "O", "Донецька"),
    ("UA14000000000091971", "UA14160000000053203", None, None, None, "P", "Покровський"),
    ("UA14000000000091971", "UA14160000000053203", "UA14160190000013016", None, None, "H",
     "Очеретинська "),
    ("UA14000000000091971", "UA14160000000053203", "UA14160190000013016",
     "UA14160190010012632", None, "T", "Очеретине"),
]  # fmt: skip


def test_codifier_rows_are_read_and_bad_rows_reported(tmp_path) -> None:
    bad = ("UA1416", None, None, None, None, "Z", "Ніщо")
    path = _codifier(tmp_path / "k.xlsx", COLUMNS, [*_ROWS, bad])
    problems: list[SourceDataError] = []
    units = read_codifier(path, problems=problems)
    assert [u.category for u in units] == ["O", "P", "H", "T"]
    assert units[2].name == "Очеретинська" and units[3].hromada == "UA14160190000013016"
    assert len(problems) == 1 and f"{path}:7:" in str(problems[0])
    assert "Категорія об'єкта" in str(problems[0])


def test_default_codifier_is_the_shipped_edition() -> None:
    units = read_codifier(default_codifier(), problems=[])
    counts = {c: sum(u.category == c for u in units) for c in "PHMXC"}
    assert counts == {"P": 136, "H": 1772, "M": 461, "X": 1979, "C": 27261}


@pytest.fixture(scope="module")
def previous_index(tmp_path_factory, gazetteer) -> Path:
    """A copy of the real index that a failed build must leave usable."""
    folder = tmp_path_factory.mktemp("prev")
    path = folder / "index.sqlite"
    source = Path(gazetteer.info()["path"])
    shutil.copy(source, path)
    shutil.copy(lookup_map_path(source), lookup_map_path(path))
    shutil.copy(sidecar_path(source), sidecar_path(path))
    return path


@pytest.mark.parametrize(
    ("make", "expect"),
    [
        (lambda d: d / "missing.xlsx", "settlement register missing"),
        (lambda d: _garbage(d / "garbage.xlsx"), "unreadable codifier"),
        (
            lambda d: _codifier(d / "cols.xlsx", COLUMNS[:5] + ("Категорія",) + COLUMNS[6:], _ROWS),
            'lacks the column "Категорія об\'єкта"',
        ),
        (lambda d: _codifier(d / "nohead.xlsx", ("a", "b"), []), "no header row"),
    ],
)
def test_bad_codifier_fails_build_and_keeps_index(tmp_path, previous_index, make, expect) -> None:
    bad = make(tmp_path)
    before = previous_index.read_bytes()
    with pytest.raises(SourceDataError) as err:
        build_index(previous_index, progress=False, countries=["UA"], register=bad)
    assert str(bad) in str(err.value) and expect in str(err.value)
    assert previous_index.read_bytes() == before
    with Gazetteer.open(previous_index) as gz:
        assert gz.resolve("Keramik")[0].place.admin3 == "Ocheretyne Hromada"


def _garbage(path: Path) -> Path:
    path.write_bytes(b"PK\x03\x04 not a workbook")
    return path


def test_place_precision_never_exact_for_derived_points() -> None:
    for source in ("hromada-mean", "hromada-centre", "raion-centre", "raion-mean"):
        place = Place("X", 48.0, 37.0, point_source=source)
        assert place.precision != "settlement" and place.radius_km is not None
        assert math.isfinite(place.radius_km) and place.point_note()


def test_stray_matches_do_not_pull_a_hromada_mean(gazetteer) -> None:
    # Snizhne hromada: a GeoNames namesake 90 km west once pulled its mean off by 35 km
    snizhne = gazetteer.resolve("Snizhne", limit=1)[0].place
    placed = _geonames_points(gazetteer, "Snizhne Hromada")
    assert len(placed) >= 2
    assert all(haversine_km(p, (snizhne.lat, snizhne.lon)) <= STRAY_KM for p in placed)
    derived = [
        p for p in gazetteer.places_in("Snizhne Hromada") if p.point_source == "hromada-mean"
    ]
    assert derived and all(
        haversine_km((p.lat, p.lon), (snizhne.lat, snizhne.lon)) <= STRAY_KM for p in derived
    )
    register = gazetteer.info()["register"]
    assert 0 < register["settlement_matches_dropped_as_strays"] < 200
    assert register["settlements_matched"] > 4_800
