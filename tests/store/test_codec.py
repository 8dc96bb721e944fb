"""The one event codec (``geoevents.model``): the fast path, the lenient path and the JSON
the store keeps, on the events extracted from the examples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geoevents.errors import InputError
from geoevents.extract import Extractor
from geoevents.model import (
    PROPERTY_KEYS,
    Event,
    Source,
    event_from_json,
    event_json,
    properties_json,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def events(gazetteer: object) -> list[Event]:
    found = [
        ev
        for item in Extractor(gazetteer).run([EXAMPLES])  # type: ignore[arg-type]
        if not isinstance(item, InputError)
        for ev in item.events
    ]
    assert len(found) > 10 and any(e.claims and e.sources for e in found)
    return found


def test_properties_round_trip(events: list[Event]) -> None:
    for ev in events:
        props = ev.to_properties()
        assert tuple(props) == PROPERTY_KEYS
        assert Event.from_properties(props, lat=ev.lat, lon=ev.lon) == ev
        assert event_from_json(event_json(ev)) == ev
        assert json.loads(properties_json(ev)) == json.loads(json.dumps(props))


def test_lenient_reading_of_other_shapes(events: list[Event]) -> None:
    """Properties without the derived keys, or with foreign ones, read as the same event."""
    for ev in events:
        props = ev.to_properties()
        for key in ("casualties", "claimant_sides"):
            del props[key]
        props["colour"] = "red"
        assert Event.from_properties(props, lat=ev.lat, lon=ev.lon) == ev


def test_a_stored_report_event_carries_its_article(events: list[Event]) -> None:
    ev = events[0]
    src = Source("another-article", "T", "https://example.invalid/a", "2023-01-02")
    assert event_json(ev, source=src) == event_json(ev.with_(sources=(*ev.sources, src)))
    again = Source(ev.sources[0].article_id, "a different title")
    assert event_json(ev, source=again) == event_json(ev)
