"""Casualties per claim with qualifiers (issue 3, point 4)."""

from __future__ import annotations

import pytest

from geoevents.extract.casualties import parse_casualties, parse_number, parse_quantity
from geoevents.model import Claim, Event, Figure


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("seven", 7),
        ("twelve", 12),
        ("sixty-three", 63),
        ("sixty three", 63),
        ("a hundred", 100),
        ("four hundred", 400),
        ("three hundred and sixty-five", 365),
        ("1,200", 1200),
        ("89", 89),
        ("many", None),
    ],
)
def test_parse_number(text: str, value: int | None) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier"),
    [
        ("63", 63, 63, None),
        ("at least 63", 63, None, "at least"),
        ("more than 20", 20, None, "more than"),
        ("over 20", 20, None, "more than"),
        ("nearly 400", 400, 400, "nearly"),
        ("some 50", 50, 50, "some"),
        ("about 30", 30, 30, "about"),
        ("up to 40", None, 40, "up to"),
        ("between 10 and 15", 10, 15, "between"),
        ("10-15", 10, 15, "between"),
        ("a dozen", 12, 12, "a dozen"),
        ("dozens", 24, None, "dozens"),
        ("scores", 40, None, "scores"),
        ("hundreds", 200, None, "hundreds"),
        ("two", 2, 2, None),
        ("2023", None, None, None),  # a year, not a count
    ],
)
def test_parse_quantity(
    text: str, low: int | None, high: int | None, qualifier: str | None
) -> None:
    fig = parse_quantity(text)
    if low is None and high is None:
        assert fig is None
    else:
        assert (fig.low, fig.high, fig.qualifier) == (low, high, qualifier)


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("At least 63 servicemen were killed, the ministry said.", (63, None), None),
        ("Ukraine said nearly 400 soldiers were killed.", (400, 400), None),
        ("Some 50 prisoners died and 73 were wounded.", (50, 50), (73, 73)),
        ("The strike killed two people and injured a dozen others.", (2, 2), (12, 12)),
        ("Dozens of people were injured.", None, (24, None)),
        ("Scores of civilians were killed.", (40, None), None),
        ("The shelling left three dead and five wounded.", (3, 3), (5, 5)),
        ("Kyiv said 400 were killed and wounded.", (None, 400), (None, 400)),
        ("A 70-year-old woman was killed.", (1, 1), None),
        ("The death toll rose to 25 on Sunday.", (25, 25), None),
        ("No one was hurt, officials said.", None, (0, 0)),
        ("There were no casualties.", (0, 0), (0, 0)),
        ("Sixty-three soldiers died in the strike.", (63, 63), None),
        ("Two HIMARS launchers and two ammunition depots were destroyed.", None, None),
        ("In 2023 forty drones were launched at the region.", None, None),
        # a toll that grew, with words between the noun and the verb
        ("The toll from Saturday's strike on the mall has now risen to 19.", (19, 19), None),
        ("By evening the number of wounded in the city had climbed to 41.", None, (41, 41)),
        ("The number of drones over the region rose to 30.", None, None),
        # a toll with a long description of the strike before the verb
        (
            "The number of people killed in Tuesday's glide bomb attack on a bus depot in the"
            " centre of the old town has risen to 14.",
            (14, 14),
            None,
        ),
        # hospital, treatment and fatal wounds
        ("Around 40 people had been taken to hospital.", None, (40, 40)),
        ("Another 12 residents were being treated for their injuries.", None, (12, 12)),
        ("The blast killed four and sent 30 others to hospital.", (4, 4), (30, 30)),
        ("Two workers at the depot gate were fatally wounded.", (2, 2), None),
        ("Doctors took two hours to reach the hospital.", None, None),
        ("The hospital treated the wounds of no soldier.", None, None),
        # people named one by one
        ("The shell killed an elderly man and his granddaughter's dog.", (1, 1), None),
        ("The drone hit a car, killing a young couple and injuring their son.", (2, 2), (1, 1)),
        ("A pensioner and her grandson were killed in the blast.", (2, 2), None),
        ("A night watchman was seriously injured.", None, (1, 1)),
        ("The strike killed a bridge and a road.", None, None),
        # bodies recovered are dead
        ("Rescuers pulled out 11 bodies from the rubble.", (11, 11), None),
        ("Divers found the body of a fisherman near the pier.", (1, 1), None),
        ("Sappers found the body of a drone in a field.", None, None),
    ],
)
def test_parse_casualties(
    sentence: str,
    killed: tuple[int | None, int | None] | None,
    injured: tuple[int | None, int | None] | None,
) -> None:
    got = parse_casualties(sentence)
    assert (None if got.killed is None else (got.killed.low, got.killed.high)) == killed
    assert (None if got.injured is None else (got.injured.low, got.injured.high)) == injured
    for fig in (got.killed, got.injured):
        if fig is not None:
            assert fig.text and fig.text in sentence


def test_claim_figures_give_a_range_not_an_average() -> None:
    """Two claims of the Makiivka kind: the event range spans both, nothing averaged."""
    ru = parse_casualties("At least 63 servicemen were killed, the Russian defence ministry said.")
    ua = parse_casualties("Ukraine's military said nearly 400 were killed.")
    ev = Event(
        id="ev-x",
        event_type="shelling_missile_attack",
        lat=48.04,
        lon=37.97,
        claims=(
            Claim("Russian Ministry of Defence", "russia", killed=ru.killed),
            Claim("Ukrainian military", "ukraine", killed=ua.killed),
        ),
    )
    assert ev.casualties["killed"] == {"low": 63, "high": 400}
    assert ru.killed == Figure(63, None, "at least", "At least 63 servicemen were killed")


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("The strike on March 3, 2023, killing 4 people, hit a school.", 4, None),
        ("A missile hit Kramatorsk on Feb. 1, 2023, killing three people.", 3, None),
        ("On 3 March the strike killed 4 people.", 4, None),
        ("The March 3 strike killed four civilians and injured 9.", 4, 9),
        ("A strike on the 3rd killed 4 people.", 4, None),
        ("A strike on the 3rd of March, killing 5.", 5, None),
        ("The shelling on May 14 left 2 dead.", 2, None),
        # a count right after a month name is still a count
        ("In March 12 people were killed in Kherson.", 12, None),
        ("3 were killed on March 4, officials said.", 3, None),
        ("Officials said 3 may have died.", 3, None),
        ("Since May 40 people have been killed in the town.", 40, None),
    ],
)
def test_the_day_of_a_date_is_no_casualty_figure(
    sentence: str, killed: int | None, injured: int | None
) -> None:
    cas = parse_casualties(sentence)
    assert (cas.killed.low if cas.killed else None) == killed
    assert (cas.injured.low if cas.injured else None) == injured
