"""EventFilter on events, and the click options that build it."""

from __future__ import annotations

import datetime

import click
import pytest
from click.testing import CliRunner

from geoevents.cli.options import filter_from_options, filter_options
from geoevents.filters import EventFilter, select
from geoevents.model import Claim, Event, Figure

D = datetime.date


def events() -> list[Event]:
    return [
        Event(
            "makiivka",
            "shelling_missile_attack",
            48.05,
            37.93,
            date="2023-01-01",
            date_start="2023-01-01",
            date_end="2023-01-01",
            country_code="UA",
            claims=(
                Claim("Russian Ministry of Defence", "russia", killed=Figure(63, 63)),
                Claim("Ukrainian General Staff", "ukraine", killed=Figure(400, 400)),
            ),
        ),
        Event(
            "kyiv",
            "interception",
            50.45,
            30.52,
            date="2023-05-16",
            country_code="UA",
            claims=(Claim("Kyiv city administration", "ukraine"),),
        ),
        Event(
            "belgorod",
            "air_drone_strike",
            50.6,
            36.6,
            date_start="2023-03-01",
            date_end="2023-03-05",
            date_precision="range",
            country_code="RU",
            claims=(Claim("Governor of Belgorod", "russia"),),
        ),
        Event("undated", "remote_explosive", 47.1, 37.5, country_code="UA"),
    ]


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (EventFilter(), ["makiivka", "kyiv", "belgorod", "undated"]),
        (EventFilter(since=D(2023, 3, 3)), ["kyiv", "belgorod"]),  # range overlaps
        (EventFilter(until=D(2023, 3, 1)), ["makiivka", "belgorod"]),
        (EventFilter(since=D(2023, 1, 1), until=D(2023, 1, 1)), ["makiivka"]),
        (EventFilter(bbox=(30.0, 50.0, 37.0, 51.0)), ["kyiv", "belgorod"]),
        (EventFilter(types=("interception", "remote_explosive")), ["kyiv", "undated"]),
        (EventFilter(countries=("ru",)), ["belgorod"]),
        (EventFilter(claimants=("russia",)), ["makiivka", "belgorod"]),
        (EventFilter(claimants=("GENERAL STAFF",)), ["makiivka"]),
        (EventFilter(claimants=("ukraine",), countries=("UA",), until=D(2023, 2, 1)), ["makiivka"]),
    ],
)
def test_select(flt: EventFilter, expected: list[str]) -> None:
    assert [e.id for e in select(events(), flt)] == expected
    assert [e.id for e in events() if flt.matches(e)] == expected


@click.command()
@filter_options
def show(**kwargs: object) -> None:
    click.echo(repr(filter_from_options(**kwargs)))


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], EventFilter()),
        (
            [
                "--since",
                "2023-01-01",
                "--bbox",
                "37,47,39,49",
                "--type",
                "interception",
                "--country",
                "ua",
                "--claimant",
                "russia",
                "--claimant",
                "ukraine",
            ],
            EventFilter(
                since=D(2023, 1, 1),
                bbox=(37.0, 47.0, 39.0, 49.0),
                types=("interception",),
                countries=("UA",),
                claimants=("russia", "ukraine"),
            ),
        ),
    ],
)
def test_filter_options(args: list[str], expected: EventFilter) -> None:
    result = CliRunner().invoke(show, args)
    assert result.exit_code == 0, result.output
    assert result.output.strip() == repr(expected)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "yesterday"], "expected YYYY-MM-DD"),
        (["--bbox", "1,2,3"], "min_lon,min_lat,max_lon,max_lat"),
        (["--bbox", "40,47,37,49"], "bbox must be"),
        (["--type", "bombing"], "bombing"),
    ],
)
def test_bad_filter_options_are_refused(args: list[str], message: str) -> None:
    result = CliRunner().invoke(show, args)
    assert result.exit_code == 2 and message in result.output
