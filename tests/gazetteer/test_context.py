"""Context: region phrases, regions and countries named in a text."""

from __future__ import annotations

import pytest

from gazetteer import Place, QueryError
from tests import cases


@pytest.mark.parametrize(("phrase", "expected"), cases.REGION_PHRASES)
def test_match_region(gazetteer, phrase: str, expected) -> None:
    place = gazetteer.match_region(phrase)
    if expected is None:
        assert place is None
    else:
        assert isinstance(place, Place) and place.kind == "region"
        assert (place.country_code, place.admin1_code) == expected


@pytest.mark.parametrize(
    ("phrase", "capital"),
    [
        ("Donetsk region", (48.023, 37.802)),
        ("Rostov oblast", (47.22, 39.71)),
        ("Kharkov Region", (49.98, 36.25)),
    ],
)
def test_region_point_is_the_regional_capital(gazetteer, phrase, capital) -> None:
    place = gazetteer.match_region(phrase)
    assert place.lat == pytest.approx(capital[0], abs=0.01)
    assert place.lon == pytest.approx(capital[1], abs=0.01)


def test_region_accessor(gazetteer) -> None:
    donetsk = gazetteer.region("UA", "05")
    assert donetsk is not None and donetsk.kind == "region" and "Donetsk" in donetsk.name
    assert gazetteer.region("ua", "05") == donetsk
    assert gazetteer.region("UA", "99") is None
    assert gazetteer.region("XX", "01") is None


@pytest.mark.parametrize(
    ("text", "regions", "countries"),
    [
        ("Shelling was reported in the Donetsk region on Monday.", [("UA", "05")], []),
        ("The governor of Rostov oblast said drones fell.", [("RU", "61")], []),
        ("Officials of the DPR and the LPR", [("UA", "05"), ("UA", "14")], []),
        ("Air defence worked over the Belgorod region of Russia", [("RU", "09")], ["RU"]),
        ("Ukraine says Kharkov Region was hit", [("UA", "07")], ["UA"]),
        ("Fighting across Donbas", [("UA", "05"), ("UA", "14")], []),
        ("Strikes in Crimea overnight", [("UA", "11")], []),
        ("Donetsk and Kharkiv were shelled", [], []),  # city names, not region phrases
        ("The region was quiet", [], []),
        ("", [], []),
    ],
)
def test_context_from_text(gazetteer, text, regions, countries) -> None:
    ctx = gazetteer.context_from_text(text)
    assert [r for r in ctx.regions if r in regions] == regions
    assert set(ctx.regions) - {("UA", "20")} <= set(regions) | {("UA", "11")}
    assert list(ctx.countries) == countries


def test_context_from_long_text_is_fine(gazetteer) -> None:
    text = "Shelling in the Donetsk region. " * 300
    assert gazetteer.context_from_text(text).regions == (("UA", "05"),)


def test_context_from_non_text_is_a_clear_error(gazetteer) -> None:
    with pytest.raises(QueryError, match="text"):
        gazetteer.context_from_text(None)
