"""Place mentions on the real gazetteer (issue 3, point 2) and location choice (point 6)."""

from __future__ import annotations

import datetime

import pytest

from geoevents.extract import Extractor
from geoevents.extract.mentions import article_context, context_runs, find_mentions
from geoevents.io.articles import Article


def _mentions(sentence: str, gz) -> list[tuple[str, str, str]]:  # noqa: ANN001
    return [(m.text, m.kind, m.relation) for m in find_mentions(sentence, gz)]


def events_in(text: str, gz, **kw: object):  # noqa: ANN001, ANN202
    """The events of a one-sentence article dated 2024-03-06 (also used by test_variants)."""
    art = Article(
        id="t",
        title=None,
        text=text,
        published=datetime.date(2024, 3, 6),
        published_source="metadata",
        **kw,  # type: ignore[arg-type]
    )
    return Extractor(gz).article(art).events


def test_common_words_that_are_place_names_are_not_places(gazetteer) -> None:  # noqa: ANN001
    s = "In May, a drone hit a warehouse on Reading Road in Mobile, Western officials said."
    assert _mentions(s, gazetteer) == []
    # with a place cue they are places
    assert ("Mobile", "toponym", "at") in _mentions("The city of Mobile was hit.", gazetteer)


def test_abbreviations_and_federation_are_not_places(gazetteer) -> None:  # noqa: ANN001
    s = "Gen. Staff said artillery of the Russian Federation destroyed a howitzer in Kherson."
    assert [m[0] for m in _mentions(s, gazetteer)] == ["Kherson"]


def test_region_phrases(gazetteer) -> None:  # noqa: ANN001
    s = "Shelling hit the Mykolaiv region and the Kharkov Region, while Donbas and Crimea were quiet."
    found = find_mentions(s, gazetteer)
    assert [(m.text, m.kind) for m in found] == [
        ("Mykolaiv region", "region"),
        ("Kharkov Region", "region"),
        ("Donbas", "region"),
        ("Crimea", "region"),
    ]
    assert [m.region.admin1 for m in found[:2]] == ["Mykolaiv Oblast", "Kharkiv Oblast"]
    two = find_mentions("Drones struck the Belgorod and Kursk regions.", gazetteer)
    assert [m.text for m in two] == ["Belgorod", "Kursk regions"]
    assert [m.region.country_code for m in two] == ["RU", "RU"]
    assert [m.region.admin1[:5] for m in two] == ["Belgo", "Kursk"]


@pytest.mark.parametrize(
    ("sentence", "mention", "place", "relation", "precision"),
    [
        ("A missile hit a village south of Kramatorsk.", "Kramatorsk", "Kramatorsk", "relative", 2),
        (
            "Artillery struck a farm 40 kilometers east of the border with Belgorod.",
            "Belgorod",
            "Belgorod",
            "relative",
            2,
        ),
        ("Drones hit an oil depot 15 km (9 miles) north of Sumy.", "Sumy", "Sumy", "relative", 2),
        ("A glide bomb hit a shop near Kupiansk.", "Kupiansk", "Kupyansk", "near", 2),
        (
            "Russian forces shelled positions in the Kupiansk direction.",
            "Kupiansk",
            "Kupyansk",
            "near",
            2,
        ),
        (
            "A rocket hit a school near the village of Malotaranivka.",
            "Malotaranivka",
            "Malotaranivka",
            "near",
            1,
        ),
        ("Shelling hit a market in Nikopol.", "Nikopol", "Nikopol", "at", 1),
    ],
)
def test_relations_and_precision(
    gazetteer,  # noqa: ANN001
    sentence: str,
    mention: str,
    place: str,
    relation: str,
    precision: int,
) -> None:
    (m,) = [m for m in find_mentions(sentence, gazetteer) if m.text == mention]
    assert m.relation == relation
    (ev,) = events_in(sentence, gazetteer)
    assert (ev.place_name, ev.location_precision) == (place, precision)


def test_relative_place_gives_way_to_the_named_village(gazetteer) -> None:  # noqa: ANN001
    s = "A strike hit Malotaranivka, a village south of Kramatorsk, on Monday."
    (ev,) = events_in(s, gazetteer)
    assert (ev.place_name, ev.location_precision) == ("Malotaranivka", 1)


def test_region_only_is_precision_3_at_the_capital(gazetteer) -> None:  # noqa: ANN001
    (ev,) = events_in("Russian drones attacked the Odesa region overnight.", gazetteer)
    assert ev.location_precision == 3
    assert ev.admin1 == "Odesa Oblast"


def test_capital_as_government_is_not_the_place(gazetteer) -> None:  # noqa: ANN001
    s = "Four people were killed in shelling by Kiev forces in Horlivka, rebels said."
    (ev,) = events_in(s, gazetteer)
    assert ev.place_name == "Horlivka"
    assert (
        events_in("Soldiers were killed in an air strike, and Kiev points at Moscow.", gazetteer)
        == ()
    )
    headline = "Moscow now counts 89 soldiers dead after New Year rocket strike on Makiivka"
    assert [e.place_name for e in events_in(headline, gazetteer)] == ["Makiyivka"]


@pytest.mark.parametrize(
    "text",
    [
        "The president gave a speech in Kyiv about the air strikes of the past year.",
        "Defence ministers met in Astana, Kazakhstan, to discuss drone attacks on shipping.",
        "The governor opened a hotline in Samara for relatives of soldiers killed in the war.",
        "Ukraine's air force said Russia launched 4,000 drones at Ukraine in March, a monthly record.",
        "Russia fired 400 missiles and 600 drones at Ukraine last month, Zelensky said.",
        "Moscow threatened to strike Kyiv if the bridge was hit again.",
    ],
)
def test_non_events_stay_off_the_map(text: str, gazetteer) -> None:  # noqa: ANN001
    assert events_in(text, gazetteer) == ()


def test_article_context_reads_capitalised_runs(gazetteer) -> None:  # noqa: ANN001
    text = "Drones hit a depot. The Donetsk People's Republic and the Kharkov Region were shelled."
    assert context_runs(text)[1:] == ["The Donetsk People's Republic", "Kharkov Region"]
    regions, countries = article_context(gazetteer, text)
    assert ("UA", "05") in regions and ("UA", "07") in regions
    # a lower-case word that is also a region name elsewhere adds nothing
    assert article_context(gazetteer, "the central heating failed") == ((), ())
    regions, countries = article_context(gazetteer, "Ukraine and Russia traded strikes.")
    assert set(countries) == {"UA", "RU"} and regions == ()


def test_small_namesake_abroad_is_not_the_place(gazetteer) -> None:  # noqa: ANN001
    """ "Law" (Lawton, US) is no place in a report about Ukraine; the region still places it."""
    s = "Law enforcers opened a case after shelling killed two soldiers in the Donetsk region."
    (ev,) = events_in(s, gazetteer)
    assert (ev.country_code, ev.location_precision) == ("UA", 3)


def test_settlement_lies_in_the_region_the_sentence_names(gazetteer) -> None:  # noqa: ANN001
    """Ivanivka is ranked first in Luhansk oblast; "in the Kherson region" picks that one."""
    (ev,) = events_in("Russian shelling hit Ivanivka, killing two people.", gazetteer)
    assert ev.admin1 == "Luhansk Oblast"
    s = "Russian shelling hit Ivanivka in the Kherson region, killing two people."
    (ev,) = events_in(s, gazetteer)
    assert (ev.place_name, ev.admin1, ev.location_precision) == ("Ivanivka", "Kherson Oblast", 1)
    # the Stepanivka of Kherson oblast is in the settlement register only: its point is
    # approximate (its hromada's), so it places the event near it (precision 2), never exactly
    s = "Russian shelling hit Stepanivka in the Kherson region, killing two people."
    (ev,) = events_in(s, gazetteer)
    assert (ev.place_name, ev.admin1, ev.location_precision) == ("Stepanivka", "Kherson Oblast", 2)


def test_reported_in_is_the_event_place_but_said_in_is_not(gazetteer) -> None:  # noqa: ANN001
    assert _mentions("Explosions reported in Belgorod", gazetteer) == [
        ("Belgorod", "toponym", "at")
    ]
    s = "Zelensky reported in Kyiv that drones hit Odesa."
    assert [(m[0], m[2]) for m in _mentions(s, gazetteer)] == [("Kyiv", "aside"), ("Odesa", "at")]


def test_sentence_initial_air_is_not_a_place(gazetteer) -> None:  # noqa: ANN001
    """ "Air" once resolved to a town in Brazil; only Sumy is a place here."""
    s = "Air defences shot down Shahed drones over Sumy on Sunday, the governor said."
    assert [m[0] for m in _mentions(s, gazetteer)] == ["Sumy"]
    (ev,) = events_in(s, gazetteer)
    assert (ev.place_name, ev.event_type, ev.weapons) == ("Sumy", "interception", ("Shahed",))


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a weapon system's name is no place ("Pantsir" is also a GeoNames name)
        ("Pantsir launchers guarding the capital downed four drones, the ministry said.", []),
        ("Drones hit air defence systems in Engels, the governor said.", ["Engels"]),
        # where a deal was signed is a venue
        (
            "Drones hit a depot in Kherson hours after the two sides signed an accord in Geneva.",
            ["Kherson"],
        ),
        ("Shells struck a school in Kherson on the day the accord took effect.", ["Kherson"]),
        # a launch site, and the region it lies in, are where the weapon came from
        (
            "The missile that killed 40 people was fired from a field near Snizhne in the Donetsk region.",
            [],
        ),
        ("Shells fired from Russian positions hit Snizhne in the Donetsk region.", ["Snizhne"]),
        # "says 12 killed in X": the words between tell what happened there, X is no venue
        ("Officials say 12 killed in Kupiansk shelling", ["Kupyansk"]),
        ("Officials said in Kyiv that shelling killed 12 people.", []),
        # lower-case ticker text: a name after a place noun is a place, a bare one is not read
        (
            "russian drones hit warehouses at the river port of reni overnight, officials said.",
            ["Reni"],
        ),
        ("russian drones hit warehouses in reni overnight, officials said.", []),
    ],
)
def test_places_that_are_not_where_the_strike_was(text: str, places: list[str], gazetteer) -> None:  # noqa: ANN001
    assert sorted(e.place_name for e in events_in(text, gazetteer)) == places
