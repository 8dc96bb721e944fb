"""Document-level resolution on the real index: the text's other toponyms as a soft focus."""

from __future__ import annotations

import pytest

from gazetteer.document import (
    W_COUNTRY_NAME,
    W_SMALL_NAMESAKE,
    focus_context,
    is_acronym,
    prior,
    resolve_document,
    softmax,
    squash,
    unsquash,
)
from gazetteer.types import Candidate, Context, Place


def _where(found: Candidate | None) -> tuple[str | None, str | None, str] | None:
    if found is None:
        return None
    return (found.place.country_code, found.place.admin1_code, found.precision)


def test_other_toponyms_pick_the_namesake_in_their_region(gazetteer) -> None:
    alone = resolve_document(gazetteer, "Alexandria reported damage.", ["Alexandria"])
    assert _where(alone["Alexandria"])[0] == "EG"  # the largest Alexandria
    text = "Flooding closed roads from Fargo to Moorhead; Alexandria was hit too."
    found = resolve_document(gazetteer, text, ["Fargo", "Moorhead", "Alexandria"])
    assert _where(found["Alexandria"]) == ("US", "MN", "settlement")
    assert _where(found["Fargo"]) == ("US", "ND", "settlement")
    # the explanation says what the document added
    assert any(line.startswith("document: +") for line in found["Alexandria"].explain)


def test_without_votes_the_namesake_is_not_moved(gazetteer) -> None:
    text = "Flooding closed roads from Fargo to Moorhead; Alexandria was hit too."
    found = resolve_document(gazetteer, text, ["Fargo", "Moorhead", "Alexandria"], rounds=0)
    assert _where(found["Alexandria"])[0] == "EG"


def test_districts_follow_the_document(gazetteer) -> None:
    text = "Deputies in Henry County and McDonough said Atlanta traffic was slow."
    found = resolve_document(gazetteer, text, ["Henry County", "McDonough", "Atlanta"])
    assert _where(found["Henry County"]) == ("US", "GA", "district")


def test_bare_division_name_in_its_region(gazetteer) -> None:
    text = "Schools in DeKalb closed, officials in Decatur and Atlanta said."
    found = resolve_document(gazetteer, text, ["DeKalb", "Decatur", "Atlanta"])
    assert found["DeKalb"].place.name == "DeKalb County"
    assert _where(found["DeKalb"]) == ("US", "GA", "district")
    assert any("bare name 'DeKalb'" in line for line in found["DeKalb"].explain)
    # a state keeps its name: "Ohio" is never Ohio County
    found = resolve_document(
        gazetteer, "Schools in Ohio and Columbus closed.", ["Ohio", "Columbus"]
    )
    assert _where(found["Ohio"]) == ("US", "OH", "region")


def test_a_country_name_beats_its_small_namesake(gazetteer) -> None:
    text = "Exporters in Houston, Texas, said China bought less."
    ctx = gazetteer.context_from_text(text)
    town = gazetteer.resolve("China", ctx, limit=1)[0]
    assert town.precision == "settlement" and town.place.admin1_code == "TX"  # the resolver alone
    found = resolve_document(gazetteer, text, ["Houston", "Texas", "China"], rounds=0)
    assert _where(found["China"]) == ("CN", None, "country")


def test_a_continent_named_by_its_abbreviation(gazetteer) -> None:
    assert gazetteer.resolve("EU", limit=2)[1].place.name == "Eu"  # a French town, second
    found = resolve_document(gazetteer, "EU ministers met in Brussels.", ["EU", "Brussels"])
    assert _where(found["EU"]) == (None, None, "continent")
    town = next(c for c in gazetteer.resolve("Eu", limit=3) if c.precision == "settlement")
    europe = gazetteer.resolve("EU", limit=1)[0]
    assert prior(europe) == W_COUNTRY_NAME  # a continent named exactly
    assert prior(town) == 0.0  # no country or continent among its namesakes: no change
    assert prior(town, country_named=True) == -W_SMALL_NAMESAKE  # 8,000 people


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (
            "Shelling hit Olenivka and Volnovakha in the Donetsk region.",
            ["Olenivka", "Volnovakha"],
            {"Olenivka": ("UA", "05"), "Volnovakha": ("UA", "05")},
        ),
        (
            "Strikes hit Makiivka near Chernihiv and Nizhyn.",
            ["Makiivka", "Chernihiv", "Nizhyn"],
            {"Makiivka": ("UA", "02"), "Chernihiv": ("UA", "02")},
        ),
        ("Strikes hit Makiivka.", ["Makiivka"], {"Makiivka": ("UA", "05")}),
        (
            "Drones hit Kharkov and Belgorod.",
            ["Kharkov", "Belgorod"],
            {"Kharkov": ("UA", "07"), "Belgorod": ("RU", "09")},
        ),
    ],
)
def test_ukrainian_and_russian_cases(gazetteer, text, names, expected) -> None:
    found = resolve_document(gazetteer, text, names)
    for name, (cc, a1) in expected.items():
        assert _where(found[name])[:2] == (cc, a1)


def test_spellings_of_one_name_share_an_answer_and_unknown_names_give_none(gazetteer) -> None:
    text = "MANSFIELD - Mansfield police said; Blorptown Heights was not found."
    found = resolve_document(gazetteer, text, ["MANSFIELD", "Mansfield", "Blorptown Heights"])
    assert found["MANSFIELD"].place == found["Mansfield"].place
    assert found["Blorptown Heights"] is None
    assert resolve_document(gazetteer, "", []) == {}


def test_deterministic(gazetteer) -> None:
    text = "Deputies in Henry County and McDonough said Atlanta traffic was slow."
    names = ["Henry County", "McDonough", "Atlanta", "Paris"]
    first = resolve_document(gazetteer, text, names)
    again = resolve_document(gazetteer, text, list(names))
    assert {k: (v.place, v.score) for k, v in first.items()} == {
        k: (v.place, v.score) for k, v in again.items()
    }


def test_pure_helpers() -> None:
    assert [is_acronym(n) for n in ("U.K.", "WA", "Wa", "NEW YORK")] == [True, True, False, False]
    assert softmax([], 0.1) == []
    probs = softmax([1.0, 0.9], 0.05)
    assert probs[0] > 0.85 and sum(probs) == pytest.approx(1.0)
    assert unsquash(squash(0.7)) == pytest.approx(0.7)
    assert squash(-1.0) == 0.0 and unsquash(1.0) > 1e5
    kyiv = Candidate(
        Place("Kyiv", 50.45, 30.52, country_code="UA", admin1_code="12"),
        0.8,
        "Kyiv",
        "exact",
        "settlement",
    )
    base = Context(countries=("RU",), regions=(("UA", "12"),))
    assert focus_context(base, [kyiv]) == Context(countries=("RU", "UA"), regions=(("UA", "12"),))
