"""Free-text location strings: parsing and resolution."""

from __future__ import annotations

import pytest

from gazetteer.freetext import split_location
from tests import cases


@pytest.mark.parametrize(
    ("query", "parts"),
    [
        (
            "near Novokaterynivka village, Starobeshivskiy district, Donetsk region",
            [
                ("Novokaterynivka", "place"),
                ("Starobeshivskiy", "district"),
                ("Donetsk region", "phrase"),
            ],
        ),
        ("Chuhuiv, south of Kharkiv", [("Chuhuiv", "place"), ("Kharkiv", "reference")]),
        ("Olenivka, Donetsk oblast", [("Olenivka", "place"), ("Donetsk oblast", "phrase")]),
        ("Olenivka in the Donetsk oblast", [("Olenivka", "place"), ("Donetsk oblast", "phrase")]),
        ("10 km north-east of Bakhmut", [("Bakhmut", "place")]),
        ("Makiivka (Donetsk)", [("Makiivka", "place"), ("Donetsk", "phrase")]),
        ("the village of Pisky", [("Pisky", "place")]),
        (" , ; ", []),
    ],
)
def test_split_location(query, parts) -> None:
    assert [(p.text, p.role) for p in split_location(query)] == parts


@pytest.mark.parametrize(("query", "expected"), cases.FREE_TEXT)
def test_resolve_text(gazetteer, query, expected) -> None:
    best = gazetteer.resolve_text(query)[0]
    if isinstance(expected, tuple):
        assert best.precision == "region"
        assert (best.place.country_code, best.place.admin1_code) == expected
    elif isinstance(expected, str):  # a settlement register code (KATOTTG)
        assert best.place.code == expected and best.precision != "settlement"
    else:
        assert best.place.geonameid == expected
    assert best.explain[0].startswith("free text")


def test_unknown_target_falls_back_to_its_region(gazetteer) -> None:
    best = gazetteer.resolve_text("Qwzxqvvbnm, Donetsk region")[0]
    assert best.precision == "region" and best.place.admin1_code == "05"
    assert any("target not found" in line for line in best.explain)


def test_unknown_target_falls_back_to_reference_place(gazetteer) -> None:
    best = gazetteer.resolve_text("Qwzxqvvbnm, 5 km south of Kharkiv")[0]
    assert best.place.name == "Kharkiv" and best.precision == "settlement"


@pytest.mark.parametrize("query", ["", "   ", "near", ", , ,", "\x00"])
def test_empty_free_text_gives_no_match(gazetteer, query) -> None:
    assert gazetteer.resolve_text(query) == []
