"""Countries, continents, regions and districts of the default index (real data)."""

from __future__ import annotations

import pytest

from gazetteer.extras import demonym_forms, division_keys, region_abbreviations
from gazetteer.normalize import normalize
from tests.cases import ABBREVIATED_CONTEXT, KHARKIV, WORLD


@pytest.mark.parametrize(("query", "context_text", "geonameid", "kind"), WORLD)
def test_world_names_resolve(gazetteer, query, context_text, geonameid, kind) -> None:
    ctx = gazetteer.context_from_text(context_text) if context_text else None
    best = gazetteer.resolve(query, ctx, limit=1)[0]
    assert (best.place.geonameid, best.place.kind) == (geonameid, kind), best.explain
    assert best.precision == kind


@pytest.mark.parametrize(("text", "regions"), ABBREVIATED_CONTEXT)
def test_news_abbreviations_after_a_comma_name_a_region(gazetteer, text, regions) -> None:
    found = gazetteer.context_from_text(text).regions
    assert all(r in found for r in regions)
    if not regions:
        assert not [r for r in found if r[0] in ("US", "CA")]


def test_abbreviations_are_case_and_dot_exact(gazetteer) -> None:
    # "ill" and "in" are words: only "Ill." / "IN" after a place and a comma count
    assert gazetteer.context_from_text("Springfield, Ill., officials").regions == (("US", "IL"),)
    assert gazetteer.context_from_text("they were ill, in bed").regions == ()
    assert gazetteer.context_from_text("Gary, IN THE NEWS").regions == ()


def test_demonyms_name_the_country_but_never_enter_a_context(gazetteer) -> None:
    assert gazetteer.resolve("Russian", limit=1)[0].place.country_code == "RU"
    # "Russian forces shelled Donetsk" is not a text about places in Russia
    ctx = gazetteer.context_from_text("Russian forces shelled the city overnight")
    assert "RU" not in ctx.countries
    # nor are demonyms place names for the extraction automaton
    keys = {k for k, _, _ in gazetteer.name_keys() if k in {"russian", "ukrainian", "syrian"}}
    assert keys == set()


def test_bare_region_name_yields_to_a_namesake_city(gazetteer) -> None:
    found = gazetteer.resolve("Kharkiv", limit=5)
    assert found[0].place.geonameid == KHARKIV
    region = next(c for c in found if c.place.kind == "region")
    assert any("bare region name" in line for line in region.explain)
    # with its region word the region wins
    assert gazetteer.resolve("Kharkiv region", limit=1)[0].place.kind == "region"


def test_region_population_is_the_sum_of_its_settlements(gazetteer) -> None:
    florida = gazetteer.resolve("Florida", limit=1)[0].place
    assert florida.kind == "region" and florida.population > 10_000_000


def test_districts_need_their_division_word(gazetteer) -> None:
    hall = gazetteer.resolve("Hall County", limit=5)
    assert hall and all(c.place.kind == "district" for c in hall[:3])
    assert all(c.place.feature_code == "ADM2" for c in hall[:3])
    assert gazetteer.resolve("Hall Co.", limit=1)[0].place.kind == "district"
    # a bare "Hall" is never a district
    assert all(c.place.kind != "district" for c in gazetteer.resolve("Hall", limit=20))


def test_continent_has_no_country(gazetteer) -> None:
    europe = gazetteer.resolve("Europe", limit=1)[0]
    assert europe.place.country_code is None and europe.place.feature_code == "CONT"


@pytest.mark.parametrize(
    ("raw", "key"),
    [("U.S.", "us"), ("N. C.", "nc"), ("W.Va.", "w va"), ("Washington, D.C.", "washington dc")],
)
def test_initials_are_joined(raw, key) -> None:
    assert normalize(raw) == key


def test_demonym_rules_and_division_keys() -> None:
    assert {"syrian", "syrians"} <= set(demonym_forms("Syria"))
    assert "sudanese" in demonym_forms("Sudan") and "iraqi" in demonym_forms("Iraq")
    assert demonym_forms("") == () and demonym_forms("Chad\x00") != ()
    assert division_keys("Bakhmut Raion") == ("bakhmut raion",)
    assert division_keys("Suffolk") == ()
    assert region_abbreviations("CA-BC") == ("B.C.", "BC")


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("a car bomb went off near the market", ()),
        ("officials told us on Monday", ()),
        ("the U.S. embassy said", ("US",)),
        ("US and UK officials", ("US", "GB")),
    ],
)
def test_short_country_abbreviations_need_capitals(gazetteer, text, countries) -> None:
    assert gazetteer.context_from_text(text).countries == countries


def test_a_county_named_after_a_state_is_not_the_state(gazetteer) -> None:
    assert gazetteer.context_from_text("Washington County deputies said").regions == ()
    assert gazetteer.context_from_text("in the Donetsk region").regions == (("UA", "05"),)


@pytest.mark.parametrize(
    ("query", "region"),
    [
        ("Taganrog", "Rostov Oblast"),
        ("Shebekino", "Belgorod Oblast"),
        ("Sudzha", "Kursk Oblast"),
        ("Gomel", "Gomel Region"),
        ("Kramatorsk", "Donetsk Oblast"),
    ],
)
def test_places_carry_english_region_names(gazetteer, query, region) -> None:
    assert gazetteer.resolve(query)[0].place.admin1 == region


@pytest.mark.parametrize(
    ("phrase", "name"),
    [("Rostovskaya oblast'", "Rostov Oblast"), ("Belgorod region", "Belgorod Oblast")],
)
def test_russian_region_forms_resolve_to_the_english_named_region(gazetteer, phrase, name) -> None:
    best = gazetteer.resolve(phrase)[0]
    assert (best.place.name, best.precision) == (name, "region")
