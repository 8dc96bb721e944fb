"""Stage 2: exact, variant and fuzzy candidates on the real index."""

from __future__ import annotations

import pytest

from gazetteer.candidates import exact_matches, find_matches, fuzzy_matches, variant_matches
from gazetteer.normalize import normalize
from tests import cases


def _ids(gazetteer, matches) -> set[int]:
    places = gazetteer.index.places([m.hit.place_id for m in matches])
    return {p.geonameid for p in places.values()}


def test_exact_finds_every_place_sharing_a_name(gazetteer) -> None:
    ids = _ids(gazetteer, exact_matches(gazetteer.index, "makiivka"))
    assert {cases.MAKIIVKA_CITY, cases.MAKIIVKA_VILLAGE} <= ids


def test_variant_stage_finds_unlisted_romanisation(gazetteer) -> None:
    # "makiiwka" is not a GeoNames spelling; its skeleton equals Makiyivka's
    assert not exact_matches(gazetteer.index, "makiiwka")
    found = variant_matches(gazetteer.index, "makiiwka")
    assert cases.MAKIIVKA_CITY in _ids(gazetteer, found)
    assert all(m.stage == "variant" and m.base < 1.0 for m in found)


def test_fuzzy_stage_is_restricted_to_context(gazetteer) -> None:
    key = normalize("Malotaranovi")
    in_ua = fuzzy_matches(gazetteer.index, key, countries=["UA"])
    assert cases.MALOTARANIVKA in _ids(gazetteer, in_ua)
    in_region = fuzzy_matches(gazetteer.index, key, countries=["UA"], regions=[("UA", "05")])
    assert cases.MALOTARANIVKA in _ids(gazetteer, in_region)
    assert not fuzzy_matches(gazetteer.index, key, countries=["FR"])


def test_fuzzy_runs_only_when_nothing_else_matched(gazetteer) -> None:
    stages = {m.stage for m in find_matches(gazetteer.index, "kharkiv")}
    assert "fuzzy" not in stages and "exact" in stages


@pytest.mark.parametrize(("spelling", "geonameid"), cases.ROMANISATIONS)
def test_romanisations_resolve(gazetteer, spelling: str, geonameid: int) -> None:
    best = gazetteer.resolve(spelling)[0]
    assert best.place.geonameid == geonameid
    assert best.stage in {"exact", "variant"}


@pytest.mark.parametrize(("spelling", "geonameid"), cases.CYRILLIC)
def test_cyrillic_resolves(gazetteer, spelling: str, geonameid: int) -> None:
    assert gazetteer.resolve(spelling)[0].place.geonameid == geonameid


@pytest.mark.parametrize(("spelling", "context_text", "geonameid"), cases.TYPOS)
def test_typos_resolve_fuzzily(gazetteer, spelling, context_text, geonameid) -> None:
    ctx = gazetteer.context_from_text(context_text) if context_text else None
    best = gazetteer.resolve(spelling, ctx)[0]
    assert best.place.geonameid == geonameid
    assert best.stage in {"variant", "fuzzy"}


@pytest.mark.parametrize("query", cases.NO_MATCH)
def test_no_match_inputs_give_empty_list(gazetteer, query: str) -> None:
    assert gazetteer.resolve(query) == []


def test_countries_filter_is_hard(gazetteer) -> None:
    assert all(c.place.country_code == "RU" for c in gazetteer.resolve("Donetsk", countries=["ru"]))
    assert gazetteer.resolve("Donetsk", countries=["RU"])[0].place.geonameid == cases.DONETSK_RU
