"""Free-text location strings as reports and event datasets write them (stage: target + cut).

Real GeoNames ids: Vuhlehirsk 690822, Uman 690688, Odesa 698740, Ocheretyne
698759, Soledar 692372, Makiyivka 702320, Kharkiv 706483, Donetsk 709717.
"""

from __future__ import annotations

import csv

import pytest
from click.testing import CliRunner

from gazetteer.batch import batch_prior
from gazetteer.freetext import parse_location
from gazetteer.geo import haversine_km, offset_point
from geoevents.cli import main
from tests import cases

VUHLEHIRSK, UMAN, ODESA, OCHERETYNE = 690822, 690688, 698740, 698759


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # the target is not the first part: structures, lists, descriptors
        ('observation post 7 ("Oak") close to the town of Uglegorsk in Donetsk region', VUHLEHIRSK),
        ("checkpoint near Uglegorsk, Donetsk region", VUHLEHIRSK),
        ("Bakhmut and villages around it, including Soledar", cases.BAKHMUT),
        ("Gorlovka's suburb of Horlivka", cases.HORLIVKA),
        ("Kuibyshevsky district of Donetsk", cases.DONETSK_UA),
        ("Donetsk airport, northern edge", cases.DONETSK_UA),
        ("Ilovaysk City Donetsk oblast", 707679),
        ("Donetsk region: Makiivka", cases.MAKIIVKA_CITY),
        ("areas of the settlements of Ocheretino of the Donetsk People's Republic", OCHERETYNE),
        # a qualifier names the oblast by its capital's name
        ("Makiivka, Donetsk", cases.MAKIIVKA_CITY),
        ("Makiivka (Chernihiv)", cases.MAKIIVKA_VILLAGE),
    ],
)
def test_target_found_past_descriptors(gazetteer, query: str, expected: int) -> None:
    best = gazetteer.resolve_text(query)[0]
    assert best.place.geonameid == expected, best.explain


def test_lower_case_words_are_not_targets_in_a_cased_string(gazetteer) -> None:
    # "road" is an alternate name of Rode (England), "dam" of Damascus: not here
    best = gazetteer.resolve_text("on the road near Soledar")[0]
    assert best.place.country_code == "UA" and best.place.name == "Soledar"
    best = gazetteer.resolve_text("near a dam near the village of Opytne near Donetsk")[0]
    assert best.place.country_code == "UA" and best.place.name == "Opytne"
    # an all-lower-case query is still read as names
    assert gazetteer.resolve_text("kharkiv")[0].place.geonameid == cases.KHARKIV


def test_coordinates_written_in_the_text_are_the_answer(gazetteer) -> None:
    best = gazetteer.resolve_text("seen at 48.573410, 37.998120\nclose to Soledar, Donetsk Oblast")[
        0
    ]
    assert (best.lat, best.lon) == (48.57341, 37.99812)
    assert best.stage == "coordinates" and best.precision == "site"
    # out of range numbers are not coordinates
    assert parse_location("Road 95.123456, 200.123456").point is None


def test_offset_moves_the_point(gazetteer) -> None:
    plain = gazetteer.resolve_text("Bakhmut")[0]
    moved = gazetteer.resolve_text("10 km north of Bakhmut")[0]
    assert moved.place.geonameid == cases.BAKHMUT
    assert haversine_km((plain.lat, plain.lon), (moved.lat, moved.lon)) == pytest.approx(
        10, abs=0.05
    )
    assert moved.lat > plain.lat
    assert any("moved 10 km" in line for line in moved.explain)


def test_offset_point_bearings() -> None:
    lat, lon = offset_point(48.0, 37.0, 20.0, 90.0)
    assert lon > 37.0 and lat == pytest.approx(48.0, abs=0.01)
    assert haversine_km((48.0, 37.0), (lat, lon)) == pytest.approx(20.0, abs=0.01)


def test_namesake_outside_the_named_region_ranks_below_the_region(gazetteer) -> None:
    # Olenivka exists in Donetsk, Odesa and Poltava oblasts; none in Sumy
    found = gazetteer.resolve_text("Olenivka, Sumy region")
    assert found[0].precision == "region" and found[0].place.admin1_code == "21"
    assert any("outside the named area" in line for line in found[0].explain)


@pytest.mark.parametrize(
    ("russian", "ukrainian"),
    # Russian forms that GeoNames does not list for these places
    [
        ("Shakhtarskoye", "Shakhtarske"),
        ("Slobozhanskoye", "Slobozhanske"),
        ("Selydovo", "Selydove"),
    ],
)
def test_russian_forms_match_ukrainian_names(gazetteer, russian: str, ukrainian: str) -> None:
    best = gazetteer.resolve(russian)[0]
    assert best.place.name == ukrainian and best.place.country_code == "UA"
    assert best.stage == "variant"


def test_country_alias_does_not_hide_a_city(gazetteer) -> None:
    # GeoNames lists "Uman" as an alternate name of Oman
    best = gazetteer.resolve("Uman")[0]
    assert best.place.geonameid == UMAN
    oman = next(c for c in gazetteer.resolve("Uman", limit=5) if c.place.kind == "country")
    assert any("alternate country name" in line for line in oman.explain)
    # a country's main name is untouched
    assert gazetteer.resolve("Oman")[0].place.kind == "country"


def test_batch_prior_from_the_batch_itself(gazetteer) -> None:
    ukrainian = ["Kharkiv", "Lviv", "Sumy", "Poltava", "Dnipro", "Odessa", "Kherson"]
    prior = batch_prior(gazetteer, ukrainian)
    assert prior.countries == ("UA",)
    assert "UA" in prior.describe()
    assert gazetteer.resolve_text("Odessa", prior.context())[0].place.geonameid == ODESA
    # too few answers, or no dominant country: no prior
    assert batch_prior(gazetteer, ["Kharkiv", "Paris"]).countries == ()
    assert batch_prior(gazetteer, []).countries == ()


def test_batch_geocode_uses_and_reports_the_prior(gazetteer, tmp_path) -> None:
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    rows = ["Kharkiv", "Lviv", "Sumy", "Poltava", "Dnipro", "Kherson", "Odessa"]
    src.write_text("place\n" + "\n".join(rows) + "\n", encoding="utf-8")
    runner = CliRunner()
    args = ["geocode", "--csv", str(src), "--column", "place", "-o", str(out)]
    result = runner.invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0 and "batch context: UA" in result.output
    with open(out, encoding="utf-8") as fh:
        odessa = [r for r in csv.DictReader(fh) if r["place"] == "Odessa"][0]
    assert odessa["country_code"] == "UA"
    result = runner.invoke(main, [*args, "--no-batch-context"], catch_exceptions=False)
    assert result.exit_code == 0 and "batch context" not in result.output
    with open(out, encoding="utf-8") as fh:
        odessa = [r for r in csv.DictReader(fh) if r["place"] == "Odessa"][0]
    assert odessa["country_code"] == "US"  # without context, the bigger main-name match


# -- the settlement register: qualifiers by oblast, raion and hromada ---------------------


def test_repeated_name_inside_the_oblast_answers_the_oblast_with_the_namesakes(gazetteer) -> None:
    # two villages named Zemlianky in Kharkiv oblast (Vovchansk and Kehychivka hromadas)
    found = gazetteer.resolve_text("Zemlianky, Kharkiv")
    assert found[0].precision == "region" and found[0].place.name == "Kharkiv Oblast"
    tie = next(line for line in found[0].explain if "tie" in line)
    assert "Zemlianky" in tie and "answered with the area" in found[0].explain[-1]
    assert {c.place.admin3 for c in found[1:3]} == {"Vovchansk Hromada", "Kehychivka Hromada"}


def test_hromada_qualifier_picks_the_namesake_inside_it(gazetteer) -> None:
    best = gazetteer.resolve_text("Zemlianky, Kharkiv, Vovchansk hromada")[0]
    assert best.place.name == "Zemlianky" and best.place.admin3 == "Vovchansk Hromada"
    best = gazetteer.resolve_text("Vodiane, Kalchyk hromada")[0]
    assert best.place.name == "Vodiane" and best.place.admin3 == "Kalchyk Hromada"
    assert best.precision == "hromada"  # a derived point is never settlement-exact


def test_hromada_phrases_resolve_to_the_hromada(gazetteer) -> None:
    for phrase in ("Ocheretynska hromada", "Ocheretyne community"):
        best = gazetteer.resolve_text(phrase)[0]
        assert best.place.name == "Ocheretyne Hromada" and best.precision == "hromada", phrase
    # a typo in the name
    assert gazetteer.resolve_text("Krasnopilia community")[0].place.name == "Krasnopillia Hromada"


def test_former_raion_is_placed_at_its_centre(gazetteer) -> None:
    # the pre-2020 raions are not in the register; their centre gives the name
    best = gazetteer.resolve_text("Starobeshivskyi district")[0]
    assert best.place.name == "Starobesheve" and best.precision == "district"
    assert any("former raion" in line for line in best.explain)


def test_batch_prior_names_the_main_regions(gazetteer) -> None:
    donbas = ["Bakhmut", "Avdiivka", "Horlivka", "Kramatorsk", "Sievierodonetsk", "Lysychansk"]
    prior = batch_prior(gazetteer, donbas)
    assert ("UA", "05") in prior.regions  # Donetsk oblast
    assert prior.context().region_focus == prior.regions
    assert "region Donetsk Oblast" in prior.describe()


@pytest.mark.parametrize(
    ("query", "name", "oblast"),
    [
        ("Sudzha, Kursk region", "Sudzha", "Kursk Oblast"),
        ("Klintsy, Bryansk", "Klintsy", "Bryansk Oblast"),
        ("Graivoron, Belgorod", "Grayvoron", "Belgorod Oblast"),
        ("Tyotkino, Kursk oblast", "Tëtkino", "Kursk Oblast"),
        ("Glushkovo (Kursk)", "Glushkovo", "Kursk Oblast"),
    ],
)
def test_russian_border_oblasts_qualify_like_ukrainian_ones(gazetteer, query, name, oblast) -> None:
    best = gazetteer.resolve_text(query)[0]
    assert (best.place.name, best.place.admin1, best.place.country_code) == (name, oblast, "RU")
