"""Event confidence: the score, its reasons, the ``--min-confidence`` filter (issue 10, point 4)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from geoevents.cli import main
from geoevents.confidence import NEEDS_REVIEW, confidence
from geoevents.filters import EventFilter, select
from geoevents.io.events import write_events
from geoevents.model import Claim, Event, Source
from tests.maps.conftest import embedded_data, hand_events

SOLID = Event(
    "solid",
    "shelling_missile_attack",
    48.0,
    37.8,
    date="2023-01-01",
    date_precision="day",
    attacker_side="russia",
    claims=(Claim("regional governor", "ukraine"),),
    sources=(Source("a"), Source("b")),
)


@pytest.mark.parametrize(
    ("changes", "score", "reason"),
    [
        ({}, 1.0, None),
        ({"location_precision": 2}, 0.85, "approximate place: -0.15"),
        ({"location_precision": 3}, 0.7, "region only: -0.30"),
        ({"date": None, "date_precision": "unknown"}, 0.85, "no date: -0.15"),
        ({"sources": (Source("a"), Source("a"))}, 0.9, "one source: -0.10"),
        ({"claims": (Claim("BBC", "other", "reports"),)}, 0.9, "no official claimant: -0.10"),
        ({"disputed": True}, 0.85, "disputed: -0.15"),
        ({"verified": False}, 0.85, "not independently verified: -0.15"),
        ({"attacker_side": None}, 0.95, "attacker unknown: -0.05"),
    ],
)
def test_each_weakness_takes_its_share(changes, score, reason) -> None:
    ev = SOLID.with_(**changes)
    assert confidence(ev) == (score, (reason,) if reason else ())
    assert ev.confidence == score and ev.to_properties()["confidence"] == score


def test_score_is_clamped_and_an_analysts_correction_raises_it() -> None:
    weak = SOLID.with_(
        location_precision=3, date=None, date_precision="unknown", sources=(), claims=(),
        disputed=True, verified=False, attacker_side=None,
    )  # fmt: skip
    assert weak.confidence == 0.0  # 1 - 1.0
    assert weak.with_(corrected=True).confidence == 0.2
    assert SOLID.with_(corrected=True).confidence == 1.0


def test_min_confidence_filter_keeps_the_confident_events() -> None:
    events = hand_events()
    kept = select(events, EventFilter(min_confidence=NEEDS_REVIEW))
    assert 0 < len(kept) < len(events)
    assert all(e.confidence >= NEEDS_REVIEW for e in kept)
    assert {e.id for e in events} - {e.id for e in kept} == {"ev-sevastopol", "ev-lviv-undated"}


def test_map_command_filters_by_confidence(tmp_path: Path) -> None:
    src = write_events(hand_events(), tmp_path / "events.geojson")
    stored = json.loads(src.read_text(encoding="utf-8"))["features"]
    assert {f["properties"]["confidence"] for f in stored} >= {0.45, 0.75}
    out = tmp_path / "map.html"
    result = CliRunner().invoke(main, ["map", str(src), "-o", str(out), "--min-confidence", "0.6"])
    assert result.exit_code == 0, result.output
    shown = {f["id"] for f in embedded_data(out)["events"]["features"]}
    assert "ev-makiivka" in shown and "ev-sevastopol" not in shown
    bad = CliRunner().invoke(main, ["map", str(src), "-o", str(out), "--min-confidence", "2"])
    assert bad.exit_code != 0 and "--min-confidence" in bad.output
