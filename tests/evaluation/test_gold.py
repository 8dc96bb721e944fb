"""Gold files: v1 and v2 read, and every kind of bad gold named by file, article and field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from geoevents.errors import GeoeventsError, GoldFormatError
from geoevents.evaluation.gold import CLASSES, read_gold

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _gold(**changes: Any) -> dict[str, Any]:
    """A valid v2 gold document with one article and one event; ``changes`` edit it."""
    event = {
        "place": {"name": "Kharkiv", "lat": 49.98, "lon": 36.25, "geonameid": 706483},
        "event_type": ["shelling_missile_attack"],
        "date": "2023-03-05",
        "weapons": ["missile"],
        "claims": [{"claimant": "regional governor", "side": "ukraine", "killed": [3]}],
    }
    event.update(changes.pop("event", {}))
    article = {"file": "kharkiv.txt", "classes": ["figures"], "events": [event]}
    article.update(changes.pop("article", {}))
    doc = {"geoevents_document": "expected-events", "version": 2, "articles": [article]}
    doc.update(changes)
    return doc


def _write(tmp_path: Path, doc: Any, name: str = "gold.json") -> Path:
    path = tmp_path / name
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return path


def test_the_v1_examples_file_reads() -> None:
    gold = read_gold(EXAMPLES / "expected.json")
    assert gold.version == 1 and gold.tolerance_km == 10
    assert len(gold.articles) == 23
    assert sum(len(a.events) for a in gold.articles) == 18
    assert {a.language for a in gold.articles} == {"en", "uk", "ru"}
    olenivka = next(a for a in gold.articles if a.file == "olenivka_prison.html")
    assert [p.name for p in olenivka.not_at] == ["Mariupol", "Donetsk"]
    assert all(p.lat is None for p in olenivka.not_at)  # v1: names only
    records = [a.key for a in gold.articles if a.record]
    assert "wire_reports.jsonl#belgorod-2023-12-30" in records
    assert gold.folder == EXAMPLES


def test_a_v2_file_reads_with_its_new_fields(tmp_path: Path) -> None:
    doc = _gold(
        tolerance_km=5,
        event={
            "place": {"name": "Kyiv", "lat": 50.45, "lon": 30.52, "tolerance_km": 25},
            "event_type": "interception",
            "date": None,
            "date_range": ["2023-05-15", "2023-05-16"],
            "attacker_side": "russia",
            "launched": 18,
            "intercepted": 18,
            "verified": None,
        },
        article={
            "not_at": [{"name": "Kramatorsk", "lat": 48.7389, "lon": 37.5848}],
            "classes": ["intercepts", "dates"],
        },
    )
    (article,) = read_gold(_write(tmp_path, doc)).articles
    (ev,) = article.events
    assert ev.event_types == ("interception",)
    assert ev.place.tolerance_km == 25
    assert (ev.launched, ev.intercepted, ev.attacker_side) == (18, 18, "russia")
    assert ev.date_range == ("2023-05-15", "2023-05-16")
    assert ev.asserts_verified and ev.verified is None
    assert article.not_at[0].tolerance_km == 5  # the file's tolerance
    assert article.classes == ("intercepts", "dates")
    assert ev.claims[0].claimant == "regional governor" and ev.claims[0].killed == (3,)


@pytest.mark.parametrize(
    ("doc", "field", "message"),
    [
        (
            _gold(event={"place": {"name": "Kharkiv", "lat": 49.98}}),
            "events[0].place.lon",
            "longitude",
        ),
        (_gold(event={"event_type": ["strike"]}), "events[0].event_type", "'strike' is not one of"),
        (_gold(event={"date": "05/03/2023"}), "events[0].date", "ISO date"),
        (
            _gold(event={"date_range": ["2023-03-05", "2023-03-06"]}),
            "events[0].date_range",
            "not both",
        ),
        (
            _gold(event={"date": None, "date_range": ["2023-03-06", "2023-03-05"]}),
            "events[0].date_range",
            "ends before it starts",
        ),
        (_gold(event={"weapons": ["Kinzal"]}), "events[0].weapons", "unknown label 'Kinzal'"),
        (_gold(event={"targets": ["flats"]}), "events[0].targets", "unknown label 'flats'"),
        (_gold(event={"weapon": ["missile"]}), "events[0].weapon", "unknown key"),
        (_gold(event={"attacker_side": "Russia"}), "events[0].attacker_side", "not one of"),
        (_gold(event={"launched": -3}), "events[0].launched", "a count"),
        (
            _gold(event={"claims": [{"side": "ukraine", "killed": ["three"]}]}),
            "events[0].claims[0].killed",
            "a count",
        ),
        (
            _gold(event={"claims": [{"side": "ukraine", "stance": "claims"}]}),
            "events[0].claims[0].stance",
            "not one of",
        ),
        (_gold(event={"disputed": "no"}), "events[0].disputed", "true, false or null"),
        (_gold(article={"classes": ["figure"]}), "classes", "unknown class 'figure'"),
        (_gold(article={"events": None}), "events", "[] for a non-event"),
        (_gold(article={"file": "../secret.txt"}), "file", "inside the gold file's folder"),
        (_gold(article={"not_at": [{"name": "Kramatorsk"}]}), "not_at[0].lat", "latitude"),
    ],
)
def test_bad_gold_names_file_article_and_field(
    tmp_path: Path, doc: dict[str, Any], field: str, message: str
) -> None:
    path = _write(tmp_path, doc)
    with pytest.raises(GoldFormatError) as info:
        read_gold(path)
    err = info.value
    assert err.path == str(path) and err.field == field
    assert err.where is not None and err.where.startswith("article 0 (")
    text = str(err)
    assert text.startswith(f"{path}: article 0 (") and f"field {field}: " in text
    assert message in text
    assert isinstance(err, GeoeventsError) and isinstance(err, ValueError)


@pytest.mark.parametrize(
    ("content", "field", "message"),
    [
        ('{"geoevents_document": "expected-events", ', None, "not valid JSON"),
        ("[]", None, "must be a JSON object"),
        (json.dumps(_gold(geoevents_document="events")), "geoevents_document", "expected-events"),
        (json.dumps(_gold(version=3)), "version", "unsupported version 3"),
        (json.dumps(_gold(tolerance_km=0)), "tolerance_km", "positive number"),
        (json.dumps(_gold(articles=[])), "articles", "non-empty list"),
    ],
)
def test_bad_gold_document_names_the_file(
    tmp_path: Path, content: str, field: str | None, message: str
) -> None:
    path = _write(tmp_path, content)
    with pytest.raises(GoldFormatError, match=message) as info:
        read_gold(path)
    assert info.value.field == field and str(info.value).startswith(str(path))


def test_the_same_article_twice_is_named(tmp_path: Path) -> None:
    doc = _gold()
    doc["articles"].append(dict(doc["articles"][0]))
    with pytest.raises(GoldFormatError, match="the same article as article 0") as info:
        read_gold(_write(tmp_path, doc))
    assert info.value.where == "article 1 (kharkiv.txt)"


def test_an_unreadable_gold_file_is_a_gold_error(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="cannot read"):
        read_gold(tmp_path / "absent.json")
    _write(tmp_path, "").write_bytes(b"\xff\xfe{")
    with pytest.raises(GoldFormatError, match="not UTF-8"):
        read_gold(tmp_path / "gold.json")


def test_the_classes_are_those_of_the_gold_format() -> None:
    assert set(CLASSES) == {
        "no_strike", "actor", "person", "comparison", "background", "launch_area", "visit",
        "case", "noun_trigger", "multi_strike", "russian_form", "figures", "intercepts",
        "attribution", "attacker", "dates", "russia_strike", "crimea", "inflected",
        "oblast_colloquial", "mixed_language", "namesake", "disputed",
    }  # fmt: skip


def test_the_documented_example_is_a_valid_gold_file(tmp_path: Path) -> None:
    """The JSON example of docs/extraction.md ("The gold format") reads as it is."""
    doc = (EXAMPLES.parent / "docs" / "extraction.md").read_text(encoding="utf-8")
    section = doc.split("### The gold format", 1)[1]
    example = section.split("```json\n", 1)[1].split("```", 1)[0]
    (article,) = read_gold(_write(tmp_path, example)).articles
    assert article.classes == ("intercepts", "figures") and article.not_at[0].name == "Kramatorsk"
    assert article.events[0].launched == 18
