"""Claims, not facts: claimants, sides, denials, verification (issue 3, point 5)."""

from __future__ import annotations

import datetime

import pytest

from geoevents.extract import Extractor
from geoevents.extract.claims import find_claims, region_side
from geoevents.extract.outlets import outlet_claimant
from geoevents.io.articles import Article

MALOTARANIVKA = (
    "Near the village of Malotaranivka in the Donetsk People's Republic, two HIMARS launchers and two "
    "ammunition depots were destroyed by air-launched high-precision missiles, the Russian defence "
    "ministry said; Ukraine's general staff called the claim fake."
)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            MALOTARANIVKA,
            [
                ("Russian Ministry of Defence", "russia", "asserts"),
                ("Ukrainian General Staff", "ukraine", "denies"),
            ],
        ),
        (
            "Russia's defence ministry on Monday said it had destroyed a depot.",
            [("Russian Ministry of Defence", "russia", "asserts")],
        ),
        (
            "According to Ukraine's air force, 20 of 25 drones were shot down.",
            [("Ukrainian Air Force", "ukraine", "asserts")],
        ),
        (
            "The Ukrainian military said in a statement that it hit a bridge.",
            [("Ukrainian military", "ukraine", "asserts")],
        ),
        (
            "Belgorod governor Vyacheslav Gladkov said a woman was injured.",
            [("Belgorod governor", "russia", "asserts")],
        ),
        (
            "Kharkiv governor Oleh Syniehubov said a missile hit a school.",
            [("Kharkiv governor", "ukraine", "asserts")],
        ),
        (
            "According to the Russian-installed governor of Zaporizhzhia, the city was shelled.",
            [("Russian-installed officials", "russia", "asserts")],
        ),
        (
            "Ukrainian forces shelled Donetsk, the city's Russian-installed mayor said.",
            [("Russian-installed officials", "russia", "asserts")],
        ),
        (
            "Local officials said three people were killed.",
            [("local officials", "unknown", "asserts")],
        ),
        (
            "Three people were killed, Reuters reported.",
            [("Reuters", "other", "reports")],
        ),
        (
            "TASS reported explosions in the city.",
            [("TASS", "russia", "reports")],
        ),
        (
            "Russia said 63 soldiers died, but Ukraine said about 400 were killed.",
            [
                ("Russian officials", "russia", "asserts"),
                ("Ukrainian officials", "ukraine", "asserts"),
            ],
        ),
        # any office named with its country speaks for that side
        (
            "Ukraine's interior ministry said four people died.",
            [("Ukrainian officials", "ukraine", "asserts")],
        ),
        (
            "Russia's emergencies ministry said rescuers found six bodies.",
            [("Russian officials", "russia", "asserts")],
        ),
        # a national office without a country takes the event's country later
        (
            "Interior Minister Ivan Petrenko said nine were hurt.",
            [("national officials", "unknown", "asserts")],
        ),
        (
            "The national police said two cars burned.",
            [("national officials", "unknown", "asserts")],
        ),
        # near miss: an office that was hit, not one that speaks
        ("A drone hit the interior ministry building in the city.", []),
        # local authorities without a national adjective: the side of their place, later
        (
            "A school burned down, the police said.",
            [("local officials", "unknown", "asserts")],
        ),
        (
            "The district military administration said a clinic was hit.",
            [("local officials", "unknown", "asserts")],
        ),
        (
            "Four cars burned, the Kursk region's emergency headquarters said.",
            [("Kursk officials", "russia", "asserts")],
        ),
        ("Rescuers said the police station was hit.", []),
        # Crimea and Sevastopol are administered by Russia; officials there speak for it
        (
            "Sevastopol's port authorities said a ferry was damaged.",
            [("Crimean officials", "russia", "asserts")],
        ),
        # an office or minister named with its country, and who speaks for a side
        (
            "Russia's investigative committee said a bus was hit.",
            [("Russian officials", "russia", "asserts")],
        ),
        (
            "Ukraine's energy minister told reporters that two substations burned.",
            [("Ukrainian officials", "ukraine", "asserts")],
        ),
        (
            "A spokeswoman for Ukraine's army in the south said the claim was false.",
            [("Ukrainian officials", "ukraine", "denies")],
        ),
        ("A spokeswoman for the hospital said two were hurt.", []),
        # international bodies speak for no side
        (
            "The IAEA mission at the plant said shells had landed near a reactor.",
            [("international organisation", "other", "asserts")],
        ),
        # a name inside a relative clause is not the speaker
        ("The envoy, who had met Putin in Sochi, said talks would go on.", []),
        (
            "Putin said in Sochi that talks would go on.",
            [("Russian officials", "russia", "asserts")],
        ),
        ("Russia did not confirm the toll.", [("Russian officials", "russia", "asserts")]),
        # attackers are not claimants
        ("Russian forces shelled Kherson overnight.", []),
        ("A missile struck a hotel in Kramatorsk.", []),
    ],
)
def test_claimants(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    got = find_claims(sentence)
    assert [(c.claimant, c.side, c.stance) for c in got.claimants] == expected
    for c in got.claimants:
        assert 0 <= c.start < c.end <= len(sentence)


@pytest.mark.parametrize(
    ("sentence", "denial", "disputes"),
    [
        (MALOTARANIVKA, True, None),
        ("Kyiv rejected Russia's account of the strike.", True, "russia"),
        ("Moscow denied Ukraine's claims, calling them lies.", True, "ukraine"),
        ("The Russian defence ministry dismissed the report as fake.", True, None),
        ("The Russian defence ministry said the strike killed 63.", False, None),
        # denials in other words
        ("A Kremlin spokesman said its forces do not target homes.", True, None),
        ("Kyiv said it had no involvement in the blasts.", True, None),
        ("Ukraine's navy said Russian troops had mined the dam themselves.", False, None),
        ("Ukraine's navy said Russian troops had blown up the dam themselves.", True, None),
        ("The Kremlin said the reports were lies.", True, None),
        # near misses: "lies" as "is located", a target as a noun
        ("The town, officials said, lies 30 km from the border.", False, None),
        ("The governor said the target was a fuel depot.", False, None),
    ],
)
def test_denials(sentence: str, denial: bool, disputes: str | None) -> None:
    got = find_claims(sentence)
    assert got.denial is denial
    assert got.disputes_side == disputes
    if denial:
        assert any(c.stance == "denies" for c in got.claimants)


@pytest.mark.parametrize(
    ("sentence", "unverified"),
    [
        ("Reuters could not independently verify the report.", True),
        ("The claims could not be independently verified.", True),
        ("The AP was unable to confirm the figures.", True),
        ("The claim has not been independently verified.", True),
        ("The Russian defence ministry said the strike killed 63.", False),
    ],
)
def test_unverified(sentence: str, unverified: bool) -> None:
    assert find_claims(sentence).unverified is unverified


def test_region_side_uses_the_country_lookup() -> None:
    assert region_side("Belgorod") == "russia"
    assert region_side("Kherson") == "ukraine"
    assert region_side("Tomsk") == "unknown"
    assert region_side("Tomsk", lambda name: "RU") == "russia"


def test_outlet_claimant() -> None:
    assert outlet_claimant("https://www.example.com/a") == "example.com"
    assert outlet_claimant(None) == "news report"


def _claims(gazetteer, text: str) -> list[tuple[str, str, str, int | None, int | None]]:
    """``(claimant, side, stance, killed low, injured low)`` of the article's one event."""
    art = Article(id="a", title="", text=text, published=datetime.date(2024, 3, 10))
    (event,) = Extractor(gazetteer).article(art).events
    return [
        (
            c.claimant,
            c.side,
            c.stance,
            c.killed.low if c.killed else None,
            c.injured.low if c.injured else None,
        )
        for c in event.claims
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # figures with no speaker right after a speaker's figures are that speaker's
        (
            "A missile hit a depot in Poltava on Friday, killing two, the governor said."
            " Eleven more people were wounded.",
            [("regional governor", "ukraine", "asserts", 2, 11)],
        ),
        # near miss: a sentence without figures between them; the outlet's own voice
        (
            "A missile hit a depot in Poltava on Friday, killing two, the governor said."
            " The depot burned for hours. Eleven more people were wounded.",
            [
                ("regional governor", "ukraine", "asserts", 2, None),
                ("news report", "other", "reports", None, 11),
            ],
        ),
    ],
)
def test_figures_after_a_speaker_are_theirs(gazetteer, text: str, expected: list) -> None:
    assert _claims(gazetteer, text) == expected


def test_a_speaker_after_the_event_is_a_claim_without_figures(gazetteer) -> None:
    text = (
        "Drones hit an oil depot in Bryansk on Friday, starting a fire."
        " Russia's defence ministry said its air defences had been working all night."
    )
    assert _claims(gazetteer, text) == [
        ("news report", "other", "reports", None, None),
        ("Russian Ministry of Defence", "russia", "asserts", None, None),
    ]
    # near misses: the outlet's own background sentence is no claim, and a speaker
    # paragraphs later speaks about something else
    text = "Drones hit an oil depot in Bryansk on Friday, starting a fire. The depot is old."
    assert _claims(gazetteer, text) == [("news report", "other", "reports", None, None)]
    text = (
        "Drones hit an oil depot in Bryansk on Friday, starting a fire. The depot is old."
        " It was built in 1970. Grain prices rose in June. Wheat sold well in the autumn."
        " Russia's defence ministry said its budget would grow."
    )
    assert _claims(gazetteer, text) == [("news report", "other", "reports", None, None)]


@pytest.mark.parametrize(
    ("place", "side"),
    [("Yalta", "russia"), ("Kherson", "ukraine")],
)
def test_local_officials_speak_for_the_authority_of_the_place(
    gazetteer, place: str, side: str
) -> None:
    text = f"A drone hit a hotel in {place} on Friday, wounding four people, the mayor said."
    assert _claims(gazetteer, text) == [("local officials", side, "asserts", None, 4)]


def test_a_clause_with_its_own_speaker_keeps_its_figures(gazetteer) -> None:
    text = "Moscow says it hit a barracks in Sumy; Kyiv counts 12 civilians dead and 30 hurt."
    claims = _claims(gazetteer, text)
    assert ("Russian officials", "russia", "asserts", None, None) in claims
    # near miss: figures told before the speaker's clause are the speaker's
    text = (
        "A missile hit a school in Sumy, killing 12 people and injuring 30;"
        " rescuers were still searching, the governor said."
    )
    assert _claims(gazetteer, text) == [("regional governor", "ukraine", "asserts", 12, 30)]


def test_the_toll_of_a_strike_named_for_comparison_is_not_this_ones(gazetteer) -> None:
    text = (
        "A drone hit a warehouse in Izmail on Friday, killing three, the governor said."
        " It was the deadliest attack on the port since May, when a missile strike on"
        " Kharkiv killed 21 people."
    )
    figures = {k for c in _claims(gazetteer, text) for k in c[3:] if k is not None}
    assert figures == {3}
    # near miss: a toll of this strike told after a comparison of its own size
    text = (
        "A drone hit a warehouse in Izmail on Friday. It was the deadliest attack on the"
        " port this year, killing 21 people."
    )
    assert {k for c in _claims(gazetteer, text) for k in c[3:] if k is not None} == {21}
