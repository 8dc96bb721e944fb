"""Claims, not facts: claimants, sides, denials, verification (issue 3, point 5)."""

from __future__ import annotations

import pytest

from geoevents.extract.claims import find_claims, outlet_claimant, region_side

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
