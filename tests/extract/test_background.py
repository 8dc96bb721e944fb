"""Background in strike reports: places named for comparison and strikes dated well before
publication are no events of the report (issue 10, class "background"/"comparison").

Each case has a sentence that must yield its event and a near miss that must not.
"""

from __future__ import annotations

import datetime

import pytest

from geoevents.extract import Extractor
from geoevents.extract.background import EARLIER_DAYS, cause_spans, comparison_spans
from geoevents.io.articles import Article

PUBLISHED = datetime.date(2024, 3, 10)


@pytest.fixture(scope="module")
def extractor(gazetteer) -> Extractor:
    return Extractor(gazetteer, explain=True)


def _places(extractor: Extractor, text: str, published=PUBLISHED) -> list[str]:
    art = Article(id="t", title="", text=text, published=published)
    return sorted(e.place_name or "" for e in extractor.article(art).events)


def test_a_place_named_for_comparison_is_no_event(extractor) -> None:
    text = (
        "A Russian missile hit a market in Kharkiv on Saturday, killing six people. It was the "
        "worst strike on the city since the attack on the station in Kramatorsk in April 2022."
    )
    assert _places(extractor, text) == ["Kharkiv"]
    art = Article(id="t", title="", text=text, published=PUBLISHED)
    result = extractor.article(art)
    assert any("named for comparison" in line for line in result.explain)
    assert result.events[0].date == "2024-03-09"  # the comparison's date is not the event's


def test_since_without_a_superlative_keeps_its_place(extractor) -> None:
    # near miss: "since Monday" is time, and the strike place comes after it
    text = "Since Monday, Russian artillery has shelled Nikopol, the governor said."
    assert comparison_spans(text) == []
    assert _places(extractor, text) == ["Nikopol"]


def test_a_strike_dated_long_before_publication_is_background(extractor) -> None:
    text = (
        "Russian drones hit an energy facility in Ladyzhyn on Saturday, the regional governor "
        "said. In October 2022 Russian missiles hit the power plant in Burshtyn."
    )
    assert _places(extractor, text) == ["Ladyzhyn"]  # Burshtyn: a recalled strike
    # near miss: the same sentences in a report of October 2022 report both strikes
    assert _places(extractor, text, datetime.date(2022, 10, 20)) == ["Burshtyn", "Ladyzhyn"]
    assert EARLIER_DAYS == 30


def test_a_report_about_an_earlier_strike_alone_keeps_it(extractor) -> None:
    # a follow-up weeks later whose only strike is the earlier one: that is its event
    text = "Investigators said on Friday the missile that hit Chasiv Yar in July was a Kh-22."
    assert _places(extractor, text, datetime.date(2023, 9, 15)) == ["Chasiv Yar"]


def test_a_follow_up_days_later_keeps_the_event(extractor) -> None:
    text = "On March 2, a Russian drone hit an apartment block in Odesa, killing 12."
    assert _places(extractor, text) == ["Odesa"]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # the cause a strike answers is background, its date too
        (
            "Russian missiles hit Zaporizhzhia on Monday in response to the attack that damaged "
            "the bridge at Chonhar on Friday.",
            ["Zaporizh"],
        ),
        ("In response, Russian missiles hit Zaporizhzhia on Monday.", ["Zaporizh"]),
        ("Missiles pound Kharkiv after Belgorod attack", ["Kharkiv"]),
        # near miss: the strike named after "after" is the report's own event
        ("Rescuers search rubble after Kharkiv missile strike", ["Kharkiv"]),
    ],
)
def test_the_cause_a_strike_answers_is_background(extractor, text: str, places: list[str]) -> None:
    found = _places(extractor, text)
    assert [p[: len(want)] for p, want in zip(found, places, strict=False)] == places
    assert len(found) == len(places)


def test_cause_spans_need_the_trigger_outside() -> None:
    s = "Drones hit Kursk in retaliation for the shelling of Sumy."
    assert [s[a:b] for a, b in cause_spans(s, s.index("hit"))] == [
        "in retaliation for the shelling of Sumy"
    ]
    assert cause_spans(s, s.index("shelling")) == []  # the trigger is the cause's own


def test_an_event_placed_months_before_is_background(extractor) -> None:
    text = (
        "Foreign ministers met in Geneva on Saturday. The meeting came four months after a "
        "missile strike killed 15 people in Chernihiv."
    )
    assert _places(extractor, text) == []
    # near miss: days after a strike, the strike is the report's own
    text = "Two days after a missile strike killed 15 people in Chernihiv, rescuers found a body."
    assert _places(extractor, text) == ["Chernihiv"]


def test_a_launch_area_held_by_a_side_is_where_missiles_came_from(extractor) -> None:
    text = "Missiles fired from occupied Crimea hit the port of Mykolaiv on Saturday."
    assert _places(extractor, text) == ["Mykolayiv"]
    # near miss: the strike on the peninsula itself
    text = "Missiles fired from the sea hit a depot in occupied Crimea on Saturday."
    assert _places(extractor, text) == ["Autonomous Republic of Crimea"]


def test_lower_case_wire_copy_after_a_capitals_dateline(extractor) -> None:
    text = (
        "KHERSON, March 9 (Wire) - russian shells hit a bus stop in the southern city of kherson "
        "on saturday, killing two people, regional officials said."
    )
    assert _places(extractor, text) == ["Kherson"]
    # near miss: a lower-case word that is also a place but no place cue before it
    text = (
        "KYIV, March 9 (Wire) - russian shells hit a bus stop on saturday, killing two people, "
        "officials said, as the ground was still frozen like a rock."
    )
    assert _places(extractor, text) == []
