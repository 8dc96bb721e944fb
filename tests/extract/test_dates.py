"""Event dates resolved against the publication date, and datelines (issue 3, points 1 and 4)."""

from __future__ import annotations

import datetime

import pytest

from geoevents.dates import (
    DateSpan,
    event_date,
    parse_iso_date,
    published_from_text,
    strip_date_lines,
)
from geoevents.vocabulary import DATE_PRECISION

D = datetime.date
WED = D(2023, 1, 4)  # a Wednesday


@pytest.mark.parametrize(
    ("sentence", "published", "start", "end", "phrase"),
    [
        # absolute dates, with and without year
        (
            "A missile hit the station on 8 April 2022.",
            None,
            D(2022, 4, 8),
            D(2022, 4, 8),
            "8 April 2022",
        ),
        (
            "The strike on 31 December killed two.",
            WED,
            D(2022, 12, 31),
            D(2022, 12, 31),
            "31 December",
        ),
        ("Shelling on Dec. 31 hit the market.", WED, D(2022, 12, 31), D(2022, 12, 31), "Dec. 31"),
        (
            "Drones struck on January 2nd, 2023.",
            None,
            D(2023, 1, 2),
            D(2023, 1, 2),
            "January 2nd, 2023",
        ),
        ("The depot burned on 2022-07-11.", None, D(2022, 7, 11), D(2022, 7, 11), "2022-07-11"),
        ("Shelling resumed on January 3.", WED, D(2023, 1, 3), D(2023, 1, 3), "January 3"),
        # weekdays count back from publication, the same day included
        ("Missiles hit a school on Monday.", WED, D(2023, 1, 2), D(2023, 1, 2), "Monday"),
        ("Drones attacked on Wednesday night.", WED, WED, WED, "Wednesday"),
        (
            "A strike last Wednesday hit the port.",
            WED,
            D(2022, 12, 28),
            D(2022, 12, 28),
            "last Wednesday",
        ),
        ("Rockets fell on Thursday.", WED, D(2022, 12, 29), D(2022, 12, 29), "Thursday"),
        # named days
        (
            "The attack on New Year's Eve killed one.",
            WED,
            D(2022, 12, 31),
            D(2022, 12, 31),
            "New Year's Eve",
        ),
        (
            "Rockets hit the barracks on New Year's Day.",
            WED,
            D(2023, 1, 1),
            D(2023, 1, 1),
            "New Year's Day",
        ),
        (
            "Shelling on Christmas Day hit Kherson.",
            WED,
            D(2022, 12, 25),
            D(2022, 12, 25),
            "Christmas Day",
        ),
        # relative words and periods
        ("Shelling killed two yesterday.", WED, D(2023, 1, 3), D(2023, 1, 3), "yesterday"),
        ("A drone hit a house today.", WED, WED, WED, "today"),
        ("Drones attacked overnight.", WED, D(2023, 1, 3), WED, "overnight"),
        ("A missile hit the port last night.", WED, D(2023, 1, 3), WED, "last night"),
        ("A depot exploded three days ago.", WED, D(2023, 1, 1), D(2023, 1, 1), "three days ago"),
        (
            "The plant was hit two weeks ago.",
            WED,
            D(2022, 12, 18),
            D(2022, 12, 24),
            "two weeks ago",
        ),
        (
            "Shelling hit the town three months ago.",
            D(2023, 4, 12),
            D(2023, 1, 1),
            D(2023, 1, 31),
            "three months ago",
        ),
        ("A bridge was struck last week.", WED, D(2022, 12, 26), D(2023, 1, 1), "last week"),
        ("Strikes hit the city earlier this week.", WED, D(2023, 1, 2), WED, "earlier this week"),
        ("The region was shelled last month.", WED, D(2022, 12, 1), D(2022, 12, 31), "last month"),
        (
            "Drones struck over the weekend.",
            WED,
            D(2022, 12, 31),
            D(2023, 1, 1),
            "over the weekend",
        ),
        ("A year ago a missile hit the mall.", WED, D(2022, 1, 1), D(2022, 12, 31), "year ago"),
        (
            "The bridge was hit in October 2022.",
            None,
            D(2022, 10, 1),
            D(2022, 10, 31),
            "in October 2022",
        ),
        ("The bridge was hit in October.", WED, D(2022, 10, 1), D(2022, 10, 31), "in October"),
        # the strike was the day before the day the sentence names
        (
            "Crews cleared the rubble on Tuesday after a drone hit the depot the previous night.",
            WED,
            D(2023, 1, 2),
            D(2023, 1, 2),
            "previous night",
        ),
        (
            "A nurse died on Monday, a day after a missile struck the clinic.",
            WED,
            D(2023, 1, 1),
            D(2023, 1, 1),
            "a day after",
        ),
        # a time of day that fixes the day: the latest one before publication
        ("Drones hit the depot shortly after midnight.", WED, WED, WED, "after midnight"),
        ("Rockets fell on the town in the early hours.", WED, WED, WED, "early hours"),
        # near miss: a day named beside the time of day is the day
        (
            "A missile hit the block before dawn on Monday.",
            WED,
            D(2023, 1, 2),
            D(2023, 1, 2),
            "Monday",
        ),
        # near miss: the night alone spans two days
        ("Drones struck the port during the night.", WED, D(2023, 1, 3), WED, None),
        # near miss: the strike is the day named, the day before is something else
        (
            "Missiles hit the port on Monday, a day after the talks ended.",
            WED,
            D(2023, 1, 2),
            D(2023, 1, 2),
            "Monday",
        ),
    ],
)
def test_event_date_resolves_expressions(
    sentence: str, published: D | None, start: D, end: D, phrase: str | None
) -> None:
    span = event_date(sentence, published)
    assert (span.start, span.end) == (start, end)
    assert span.precision == ("day" if start == end else "range")
    if phrase is None:  # no expression: the default window
        assert span.text is None
    else:
        assert span.text is not None and phrase.lower() in span.text.lower()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ministry said on Tuesday that a strike on Sunday hit Izium.", D(2023, 1, 1)),
        ("Officials reported on Monday that shelling on Saturday hit a market.", D(2022, 12, 31)),
        ("Kyiv said late on Tuesday that rockets hit the depot on Monday.", D(2023, 1, 2)),
        # the time of day of a report that names its day: that day's
        ("The army said on Tuesday that a drone hit the depot just after midnight.", D(2023, 1, 3)),
    ],
)
def test_report_date_is_not_the_event_date(sentence: str, expected: D) -> None:
    span = event_date(sentence, WED)
    assert span.start == span.end == expected


def test_only_a_report_date_gives_the_default_range() -> None:
    span = event_date("The defence ministry said on Monday that 63 soldiers died.", WED)
    assert span == DateSpan(D(2023, 1, 3), WED, "range", None)


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("A depot burned.", WED, DateSpan(D(2023, 1, 3), WED, "range")),
        ("A depot burned.", None, DateSpan(None, None, "unknown")),
        ("A drone exploded on Friday.", None, DateSpan(None, None, "unknown", "Friday")),
        (
            "A drone exploded three days ago.",
            None,
            DateSpan(None, None, "unknown", "three days ago"),
        ),
        ("Rockets hit it on 9 May.", None, DateSpan(None, None, "unknown", "9 May")),
    ],
)
def test_defaults_without_expression_or_publication_date(
    sentence: str, published: D | None, expected: DateSpan
) -> None:
    assert event_date(sentence, published) == expected


def test_precision_values_are_the_vocabulary() -> None:
    spans = [
        event_date("on Monday", WED),
        event_date("last week", WED),
        event_date("nothing", None),
    ]
    assert [s.precision for s in spans] == ["day", "range", "unknown"]
    assert {s.precision for s in spans} <= set(DATE_PRECISION)


def test_event_fields_fill_the_event_model() -> None:
    from geoevents.model import Event

    day = event_date("on Monday", WED).event_fields()
    assert day == {
        "date": "2023-01-02",
        "date_start": "2023-01-02",
        "date_end": "2023-01-02",
        "date_precision": "day",
    }
    rng = event_date("last week", WED).event_fields()
    assert rng["date"] is None and rng["date_precision"] == "range"
    ev = Event(id="e", event_type="air_drone_strike", lat=50.0, lon=30.0, **rng)
    assert (ev.date_start, ev.date_end) == ("2022-12-26", "2023-01-01")


def test_missing_year_takes_the_latest_year_not_after_publication() -> None:
    assert event_date("on 31 December", D(2023, 1, 1)).start == D(2022, 12, 31)
    assert event_date("on 31 December", D(2023, 12, 31)).start == D(2023, 12, 31)
    assert event_date("on 30 February", WED).precision == "unknown"  # no such day


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("May 31, 2024 at 08:56PM\nA strike hit Kharkiv.", None, D(2024, 5, 31)),
        ("Tuesday, May 31, 2022 at 8:56 PM EST\nText.", None, D(2022, 5, 31)),
        ("Published: 2 August 2023\nText.", None, D(2023, 8, 2)),
        ("Updated 2023-05-02 10:00 GMT\nText.", None, D(2023, 5, 2)),
        ("Moscow, Aug 2 (EFE) - Shelling hit Donetsk.", 2023, D(2023, 8, 2)),
        ("KYIV, Ukraine, Jan. 2, 2023 (AP) — Drones hit the city.", None, D(2023, 1, 2)),
        ("LONDON, 5 May - Talks began. It was 2022.", None, D(2022, 5, 5)),
        (
            "Moscow, Dec 30 (EFE) - A strike. In 2023 and again in 2023, and 2021.",
            None,
            D(2023, 12, 30),
        ),
        # no dateline: a date in the running text is not the publication date
        ("On Dec 31, 2022 a strike hit Makiivka.", None, None),
        ("Moscow, Aug 2 (EFE) - Shelling hit Donetsk.", None, None),  # no year anywhere
        ("Shelling hit Donetsk.", 2023, None),
    ],
)
def test_published_from_text(text: str, year: int | None, expected: D | None) -> None:
    assert published_from_text(text, year=year) == expected


def test_dateline_deep_in_the_text_is_ignored() -> None:
    text = "\n".join(["Line of text."] * 6 + ["May 31, 2024 at 08:56PM"])
    assert published_from_text(text) is None


def test_strip_date_lines_keeps_content() -> None:
    assert strip_date_lines("July 21, 2022 at 11:05AM\n\nNear the village.") == "Near the village."
    assert strip_date_lines("Near the village.\nMay 31, 2024") == "Near the village.\nMay 31, 2024"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-07-29", D(2022, 7, 29)),
        ("2022-07-29T14:10:00+00:00", D(2022, 7, 29)),
        ("2022-07-29 14:10", D(2022, 7, 29)),
        (datetime.datetime(2022, 7, 29, 3, 0), D(2022, 7, 29)),
        ("29/07/2022", None),
        ("2022-13-01", None),
        ("yesterday", None),
        (20220729, None),
    ],
)
def test_parse_iso_date(value: object, expected: D | None) -> None:
    assert parse_iso_date(value) == expected


def test_deterministic() -> None:
    s = "Russia's defence ministry said on Saturday that missiles hit Luhansk on Friday."
    assert event_date(s, D(2023, 5, 13)) == event_date(s, D(2023, 5, 13))
    assert event_date(s, D(2023, 5, 13)).start == D(2023, 5, 12)
