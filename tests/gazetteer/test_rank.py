"""Stage 3: ranking with importance and context, and the explanation trail."""

from __future__ import annotations

import pytest

from gazetteer import Context
from tests import cases


@pytest.mark.parametrize(("name", "context_text", "geonameid"), cases.AMBIGUOUS)
def test_ambiguous_names_with_and_without_context(gazetteer, name, context_text, geonameid) -> None:
    ctx = gazetteer.context_from_text(context_text) if context_text else None
    result = gazetteer.resolve(name, ctx)
    assert result[0].place.geonameid == geonameid
    scores = [c.score for c in result]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores)


def test_context_region_changes_the_winner(gazetteer) -> None:
    plain = gazetteer.resolve("Makiivka")
    village = gazetteer.resolve("Makiivka", Context(regions=(("UA", "02"),)))
    assert plain[0].place.geonameid == cases.MAKIIVKA_CITY
    assert village[0].place.geonameid == cases.MAKIIVKA_VILLAGE
    assert any("context region UA.02" in line for line in village[0].explain)


@pytest.mark.parametrize(
    ("near", "admin1"),
    [((48.02, 37.80), "05"), ((46.48, 30.73), "17"), ((49.59, 34.55), "18")],
)
def test_nearby_resolved_places_pull_the_choice(gazetteer, near, admin1) -> None:
    best = gazetteer.resolve("Olenivka", Context(near=(near,)))[0]
    assert (best.place.country_code, best.place.admin1_code) == ("UA", admin1)
    assert any("km from a place in the same text" in line for line in best.explain)


def test_country_focus_is_a_soft_preference(gazetteer) -> None:
    # Paris, France is far bigger: a UA/RU focus must not override that
    assert (
        gazetteer.resolve("Paris", Context(country_focus=("UA", "RU")))[0].place.country_code
        == "FR"
    )
    # but between two similar small places the focus decides
    lugansk = gazetteer.resolve("Lugansk", Context(country_focus=("KZ",)), limit=5)
    assert {c.place.country_code for c in lugansk} >= {"UA", "KZ"}


def test_explain_trail_names_stage_importance_and_score(gazetteer) -> None:
    best = gazetteer.resolve("Kharkov")[0]
    text = "\n".join(best.explain)
    assert "stage exact" in text and "importance" in text and "score" in text
    assert best.to_dict()["explain"] == list(best.explain)


def test_precision_follows_the_kind(gazetteer) -> None:
    assert gazetteer.resolve("Ukraine")[0].precision == "country"
    assert gazetteer.resolve("Donetsk Oblast")[0].precision == "region"
    assert gazetteer.resolve("Bakhmut")[0].precision == "settlement"


@pytest.mark.parametrize(
    ("name", "site"),
    [("Kerch Bridge", "Crimean Bridge"), ("Olenivka prison", "Olenivka penal colony")],
)
def test_strategic_sites_are_found(gazetteer, name, site) -> None:
    if gazetteer.info()["strategic_sites"] is None:
        pytest.skip("gazetteer/data/strategic_sites.csv not shipped yet")
    best = gazetteer.resolve(name)[0]
    assert best.place.name == site and best.precision == "site"


def test_resolution_is_deterministic(gazetteer) -> None:
    a = [c.to_dict() for c in gazetteer.resolve("Mykolaivka", limit=10)]
    gazetteer.index._places.clear()
    gazetteer._cache.clear()
    b = [c.to_dict() for c in gazetteer.resolve("Mykolaivka", limit=10)]
    assert a == b and len(a) == 10
