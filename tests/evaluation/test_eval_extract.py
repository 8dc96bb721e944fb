"""``geoevents eval extract``: real extraction on small articles written for these tests.

Each test writes a gold file next to the articles and evaluates it with the
real gazetteer and :class:`~geoevents.extract.Extractor`: a right gold scores
full marks, a spurious event is a false positive, a missed one a false negative,
non-event articles and ``not_at`` places count, attributes are measured on the
matched pairs only, and the CLI prints the figures and gates on its floors.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from geoevents.cli import main
from geoevents.evaluation import evaluate, evaluate_file, figures, read_gold
from geoevents.evaluation.gold import GoldEvent, GoldPlace
from geoevents.evaluation.matching import match_events
from geoevents.evaluation.measures import MEASURES
from geoevents.model import Event

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

#: Articles in our own words (no news text): file name -> content.
ARTICLES = {
    "counts.txt": (
        "Missiles over Kharkiv\nPublished: 2023-03-06\n\n"
        "Russia fired 4 missiles at Kharkiv on Sunday and air defences shot down 1 of the 4 "
        "missiles, the regional governor said.\n"
    ),
    "kharkiv.txt": (
        "Missiles strike Kharkiv flats\nPublished: 2023-03-06\n\n"
        "Russian missiles struck an apartment building in Kharkiv on Sunday, killing three "
        "people and injuring 12, the regional governor said.\n"
    ),
    "two_cities.txt": (
        "Drones hit two cities\nPublished: 2023-04-11\n\n"
        "Russian drones struck a school in Sumy on Monday, injuring four people, the regional "
        "governor said.\nIn a separate attack, Russian artillery shelled Nikopol on Monday, "
        "killing one man, local officials said.\n"
    ),
    "talks.txt": (
        "Ministers meet in Vienna\nPublished: 2023-05-02\n\n"
        "Foreign ministers met in Vienna on Tuesday to discuss grain exports and shipping "
        "insurance.\n"
    ),
    "oriented.txt": (
        "Shelling near the front\nPublished: 2022-08-20\n\n"
        "Russian forces shelled Malotaranivka, a village near Kramatorsk, on Friday, wounding "
        "two residents, the regional governor said.\n"
    ),
    "wire.jsonl": "\n".join(
        json.dumps(r)
        for r in (
            {
                "id": "kherson-1",
                "published": "2023-06-01",
                "title": "Shelling in Kherson",
                "text": "Russian artillery shelled Kherson on Wednesday, killing two people, "
                "the regional governor said.",
            },
            {
                "id": "talks-2",
                "published": "2023-06-02",
                "title": "Talks in Geneva",
                "text": "Diplomats met in Geneva on Thursday to discuss a prisoner exchange.",
            },
        )
    )
    + "\n",
    "pair.json": json.dumps([{"id": "a", "text": "One."}, {"id": "b", "text": "Two."}]),
}

KHARKIV = {"name": "Kharkiv", "lat": 49.98177, "lon": 36.25475, "geonameid": 706483}
KHARKIV_EVENT = {
    "place": KHARKIV,
    "event_type": ["shelling_missile_attack", "air_drone_strike"],
    "date": "2023-03-05",
    "weapons": ["missile"],
    "targets": ["apartment building"],
    "attacker_side": "russia",
    "claims": [
        {"claimant": "regional governor", "side": "ukraine", "killed": [3], "injured": [12]}
    ],
}
SUMY_EVENT = {
    "place": {"name": "Sumy", "lat": 50.9216, "lon": 34.80029},
    "event_type": "air_drone_strike",
    "date": "2023-04-10",
    "weapons": ["drone"],
    "targets": ["school"],
    "claims": [{"side": "ukraine", "stance": "asserts", "injured": [4]}],
}
NIKOPOL_EVENT = {
    "place": {"name": "Nikopol", "lat": 47.56659, "lon": 34.40815},
    "event_type": "shelling_missile_attack",
    "date_range": ["2023-04-09", "2023-04-11"],
    "attacker_side": "russia",
    "claims": [{"side": "ukraine", "killed": [1]}],
}
RIGHT = [
    {"file": "kharkiv.txt", "classes": ["figures", "attacker"], "events": [KHARKIV_EVENT]},
    {"file": "two_cities.txt", "classes": ["multi_strike"], "events": [SUMY_EVENT, NIKOPOL_EVENT]},
    {"file": "talks.txt", "classes": ["no_strike", "visit"], "events": []},
    {
        "file": "oriented.txt",
        "classes": ["comparison"],
        "not_at": [{"name": "Kramatorsk", "lat": 48.7389, "lon": 37.5848}],
        "events": [
            {
                "place": {"name": "Malotaranivka", "lat": 48.66165, "lon": 37.51025},
                "event_type": "shelling_missile_attack",
                "date": "2022-08-19",
                "claims": [{"side": "ukraine", "injured": [2]}],
            }
        ],
    },
    {
        "file": "wire.jsonl",
        "record": "kherson-1",
        "classes": ["figures"],
        "events": [
            {
                "place": {"name": "Kherson", "lat": 46.63695, "lon": 32.61458},
                "event_type": "shelling_missile_attack",
                "date": "2023-05-31",
                "weapons": ["artillery"],
                "claims": [{"side": "ukraine", "killed": [2]}],
            }
        ],
    },
    {"file": "wire.jsonl", "record": "talks-2", "classes": ["no_strike"], "events": []},
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("gold")
    for name, text in ARTICLES.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def extractor(gazetteer: Any) -> Any:
    from geoevents.extract import Extractor

    return Extractor(gazetteer, explain=True)


def _write_gold(folder: Path, name: str, articles: list[dict[str, Any]], **top: Any) -> Path:
    doc = {"geoevents_document": "expected-events", "version": 2, "tolerance_km": 10}
    path = folder / f"{name}.json"
    path.write_text(json.dumps({**doc, **top, "articles": articles}), encoding="utf-8")
    return path


def _figures(folder: Path, extractor: Any, name: str, articles: list[dict[str, Any]]) -> dict:
    return figures(evaluate(read_gold(_write_gold(folder, name, articles)), extractor))


def _kinds(figs: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [(e["article"], e["kind"], e["place"]) for e in figs["errors"]]


def test_a_right_gold_scores_full_marks(folder: Path, extractor: Any) -> None:
    figs = _figures(folder, extractor, "right", RIGHT)
    assert figs["evaluated"] == figs["articles"] == 6 and figs["input_errors"] == []
    ev = figs["events"]
    assert (ev["gold"], ev["predicted"], ev["tp"], ev["fp"], ev["fn"]) == (5, 5, 5, 0, 0)
    assert (ev["precision"], ev["recall"], ev["f1"]) == (1.0, 1.0, 1.0)
    measured = {m: v for m, v in figs["measures"].items() if v["total"]}
    assert set(measured) == {
        "type", "date", "attacker_side", "weapons", "targets", "claim_side", "attribution",
        "figures",
    }  # fmt: skip
    assert all(v["share"] == 1.0 for v in measured.values()), measured
    assert figs["measures"]["attribution"]["total"] == 6  # killed and injured figures with a side
    assert figs["errors"] == []
    assert figs["classes"]["no_strike"] == {
        "articles": 2, "tp": 0, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0,
        "errors": 0,
    }  # fmt: skip
    assert figs["classes"]["multi_strike"]["tp"] == 2
    assert figs["classes"]["figures"]["articles"] == 2


def test_a_spurious_event_is_a_false_positive(folder: Path, extractor: Any) -> None:
    only_sumy = [{"file": "two_cities.txt", "classes": ["multi_strike"], "events": [SUMY_EVENT]}]
    figs = _figures(folder, extractor, "spurious", only_sumy)
    assert (figs["events"]["tp"], figs["events"]["fp"], figs["events"]["fn"]) == (1, 1, 0)
    assert figs["events"]["precision"] == 0.5 and figs["events"]["recall"] == 1.0
    (err,) = figs["errors"]
    assert (err["kind"], err["place"], err["gold"]) == (
        "false_positive",
        "Nikopol",
        "no gold event here",
    )
    assert err["predicted"].startswith("shelling_missile_attack at Nikopol")
    assert err["classes"] == ["multi_strike"]
    assert err["notes"], "the extractor's explanation of the event"
    assert figs["classes"]["multi_strike"]["precision"] == 0.5
    assert figs["events"]["fp_reasons"] == {"non_event": 0, "not_at": 0, "unmatched": 1}


def test_a_missed_event_is_a_false_negative(folder: Path, extractor: Any) -> None:
    odesa = {
        "place": {"name": "Odesa", "lat": 46.47747, "lon": 30.73262},
        "event_type": "air_drone_strike",
    }
    gold = [{"file": "kharkiv.txt", "events": [KHARKIV_EVENT, odesa]}]
    figs = _figures(folder, extractor, "missed", gold)
    assert (figs["events"]["tp"], figs["events"]["fp"], figs["events"]["fn"]) == (1, 0, 1)
    assert figs["events"]["recall"] == 0.5
    (err,) = figs["errors"]
    assert (err["kind"], err["place"]) == ("false_negative", "Odesa")
    assert "Kharkiv" in err["predicted"] and err["classes"] == []


def test_any_event_of_a_non_event_article_is_a_false_positive(folder: Path, extractor: Any) -> None:
    gold = [{"file": "kharkiv.txt", "classes": ["no_strike"], "events": []}]
    figs = _figures(folder, extractor, "nonevent", gold)
    assert (figs["events"]["tp"], figs["events"]["fp"], figs["events"]["fn"]) == (0, 1, 0)
    assert figs["events"]["precision"] == 0.0
    assert _kinds(figs) == [("kharkiv.txt", "false_positive", "Kharkiv")]
    assert figs["errors"][0]["gold"] == "no event (non-event article)"
    assert figs["events"]["fp_reasons"]["non_event"] == 1


def test_an_event_at_a_not_at_place_is_a_false_positive(folder: Path, extractor: Any) -> None:
    """A gold that puts the strike in Odesa and names Kharkiv as only mentioned."""
    odesa = {**KHARKIV_EVENT, "place": {"name": "Odesa", "lat": 46.47747, "lon": 30.73262}}
    gold = [{"file": "kharkiv.txt", "events": [odesa], "not_at": [KHARKIV]}]
    figs = _figures(folder, extractor, "not_at", gold)
    assert (figs["events"]["tp"], figs["events"]["fp"], figs["events"]["fn"]) == (0, 1, 1)
    fp = next(e for e in figs["errors"] if e["kind"] == "false_positive")
    assert fp["place"] == "Kharkiv" and fp["gold"] == "not_at Kharkiv: only mentioned"
    assert figs["events"]["fp_reasons"] == {"non_event": 0, "not_at": 1, "unmatched": 0}


def test_attributes_are_measured_on_the_pair_not_used_to_match(
    folder: Path, extractor: Any
) -> None:
    wrong = {
        **KHARKIV_EVENT,
        "event_type": "interception",
        "date": "2023-03-06",
        "attacker_side": "ukraine",
        "weapons": ["Iskander"],
        "claims": [
            {"claimant": "defence ministry", "side": "russia", "stance": "asserts", "killed": [3]}
        ],
    }
    figs = _figures(folder, extractor, "attributes", [{"file": "kharkiv.txt", "events": [wrong]}])
    assert figs["events"]["tp"] == 1 and figs["events"]["fp"] == figs["events"]["fn"] == 0
    m = figs["measures"]
    right = {name: v["right"] for name, v in m.items() if v["total"]}
    assert right == {
        "type": 0, "date": 0, "attacker_side": 0, "weapons": 0, "targets": 1, "claim_side": 0,
        "attribution": 0, "figures": 1,
    }  # fmt: skip
    by_kind = {e["kind"]: e for e in figs["errors"]}
    assert set(by_kind) == {"type", "date", "attacker_side", "weapons", "claim_side", "attribution"}
    assert (by_kind["date"]["gold"], by_kind["date"]["predicted"]) == ("2023-03-06", "2023-03-05")
    assert by_kind["attribution"]["gold"] == "killed 3 by russia"
    assert by_kind["attribution"]["predicted"] == "killed 3 by ukraine"
    assert by_kind["type"]["predicted"] == "shelling_missile_attack"
    assert by_kind["claim_side"]["gold"] == "russia/asserts (defence ministry)"
    assert by_kind["claim_side"]["predicted"] == "other/reports, ukraine/asserts"


def test_launch_counts_are_measured(folder: Path, extractor: Any) -> None:
    counted = {**KHARKIV_EVENT, "claims": [], "targets": [], "launched": 4, "intercepted": 1}
    figs = _figures(folder, extractor, "counts", [{"file": "counts.txt", "events": [counted]}])
    for name in ("launched", "intercepted"):
        assert figs["measures"][name] == {**figs["measures"][name], "right": 1, "total": 1}
    # a gold count the report does not state is an error showing what was stated
    wrong = {**counted, "launched": 5}
    figs = _figures(folder, extractor, "counts2", [{"file": "counts.txt", "events": [wrong]}])
    assert figs["measures"]["launched"]["right"] == 0
    (err,) = [e for e in figs["errors"] if e["kind"] == "launched"]
    assert err["predicted"] == "4"


@pytest.mark.parametrize(
    ("place", "matched"),
    [
        ({"name": "Kharkiv", "lat": 49.98177, "lon": 36.55}, False),  # 20 km east
        ({"name": "Kharkiv", "lat": 49.98177, "lon": 36.55, "tolerance_km": 30}, True),
        ({"name": "Kharkiv", "lat": 49.98177, "lon": 36.55, "geonameid": 706483}, True),
    ],
)
def test_place_tolerance_and_geonameid(
    folder: Path, extractor: Any, place: dict[str, Any], matched: bool
) -> None:
    gold = [{"file": "kharkiv.txt", "events": [{**KHARKIV_EVENT, "place": place}]}]
    figs = _figures(folder, extractor, "tolerance", gold)
    assert figs["events"]["tp"] == int(matched)
    assert figs["events"]["fp"] == figs["events"]["fn"] == int(not matched)


def test_a_date_range_holds_the_predicted_day_or_not(folder: Path, extractor: Any) -> None:
    inside = {**KHARKIV_EVENT, "date": None, "date_range": ["2023-03-04", "2023-03-06"]}
    outside = {**KHARKIV_EVENT, "date": None, "date_range": ["2023-03-06", "2023-03-07"]}
    for event, right in ((inside, 1), (outside, 0)):
        figs = _figures(folder, extractor, "range", [{"file": "kharkiv.txt", "events": [event]}])
        assert figs["measures"]["date"] == {"right": right, "total": 1, "share": float(right)}


def test_an_unreadable_article_is_reported_and_the_others_go_on(
    folder: Path, extractor: Any
) -> None:
    gold = [
        {"file": "absent.txt", "events": []},
        {"file": "wire.jsonl", "record": "no-such-id", "events": []},
        {"file": "pair.json", "events": []},
        {"file": "kharkiv.txt", "events": [KHARKIV_EVENT]},
    ]
    figs = _figures(folder, extractor, "inputs", gold)
    assert figs["evaluated"] == 1 and figs["events"]["tp"] == 1
    absent, record, pair = figs["input_errors"]
    assert absent.startswith("article 0 (absent.txt): ") and "no such file" in absent
    assert record.startswith("article 1 (wire.jsonl#no-such-id): ")
    assert "no record with id 'no-such-id'" in record
    assert pair.startswith("article 2 (pair.json): ") and "holds 2 articles" in pair


def test_the_v1_examples_evaluate_with_every_gold_event_found(gazetteer: Any) -> None:
    """What tests/extract/test_examples.py asserts, as figures: all found, nothing extra."""
    ev = evaluate_file(EXAMPLES / "expected.json", gazetteer=gazetteer)
    figs = figures(ev)
    assert figs["version"] == 1 and figs["evaluated"] == 23 and figs["input_errors"] == []
    assert figs["events"] == {
        "gold": 18, "predicted": 18, "tp": 18, "fp": 0, "fn": 0,
        "precision": 1.0, "recall": 1.0, "f1": 1.0,
        "fp_reasons": {"non_event": 0, "not_at": 0, "unmatched": 0},
    }  # fmt: skip
    measured = {m: v["share"] for m, v in figs["measures"].items() if v["total"]}
    assert measured == dict.fromkeys(measured, 1.0)
    assert {"type", "date", "claim_side", "figures", "verified"} <= set(measured)
    assert figs["errors"] == []


def _event(lat: float, lon: float, event_type: str = "air_drone_strike") -> Event:
    return Event(f"ev-{lat}-{lon}", event_type, lat, lon)


def test_matching_is_one_to_one_and_greedy_by_distance() -> None:
    a = GoldEvent(GoldPlace("A", 50.0, 30.0), ("air_drone_strike",))
    b = GoldEvent(GoldPlace("B", 50.0, 30.05), ("air_drone_strike",))  # 3.6 km east of A
    near_b, at_a = _event(50.0, 30.04), _event(50.0, 30.001)
    m = match_events((a, b), (near_b, at_a))
    assert [(p.gold_index, p.event_index) for p in m.pairs] == [(0, 1), (1, 0)]
    assert m.missed == m.spurious == ()
    # two predicted events at one gold place: one pair, one false positive
    m = match_events((a,), (_event(50.0, 30.0), _event(50.0, 30.0)))
    assert [(p.gold_index, p.event_index) for p in m.pairs] == [(0, 0)] and m.spurious == (1,)


def test_matching_prefers_an_acceptable_type_between_equal_distances() -> None:
    strike = GoldEvent(GoldPlace("Kyiv", 50.45, 30.52), ("air_drone_strike",))
    shootdown = GoldEvent(GoldPlace("Kyiv", 50.45, 30.52), ("interception",))
    predicted = (_event(50.45, 30.52, "interception"), _event(50.45, 30.52, "air_drone_strike"))
    m = match_events((strike, shootdown), predicted)
    assert [(p.gold_index, p.event_index) for p in m.pairs] == [(0, 1), (1, 0)]
    assert match_events((strike, shootdown), predicted) == m  # deterministic


# -- the command -------------------------------------------------------------------------------


def _cli(*args: str) -> Any:
    return CliRunner().invoke(main, ["eval", "extract", *args], catch_exceptions=False)


def test_cli_json_has_every_figure(folder: Path, gazetteer: Any) -> None:
    result = _cli(str(_write_gold(folder, "cli_json", RIGHT)), "--json")
    assert result.exit_code == 0, result.output
    figs = json.loads(result.stdout)
    assert set(figs) == {
        "gold", "version", "articles", "evaluated", "input_errors", "events", "measures",
        "languages", "classes", "errors",
    }  # fmt: skip
    assert set(figs["events"]) == {
        "gold", "predicted", "tp", "fp", "fn", "precision", "recall", "f1", "fp_reasons",
    }  # fmt: skip
    assert figs["events"]["fp_reasons"] == {"non_event": 0, "not_at": 0, "unmatched": 0}
    assert list(figs["measures"]) == list(MEASURES)
    assert all(set(v) == {"right", "total", "share"} for v in figs["measures"].values())
    assert figs["measures"]["launched"]["share"] is None  # not in this gold
    assert set(figs["classes"]) == {
        "figures",
        "attacker",
        "multi_strike",
        "no_strike",
        "visit",
        "comparison",
    }
    assert figs["events"]["f1"] == 1.0


def test_cli_floors_set_the_exit_status(folder: Path, gazetteer: Any) -> None:
    only_sumy = [{"file": "two_cities.txt", "classes": ["multi_strike"], "events": [SUMY_EVENT]}]
    gold = str(_write_gold(folder, "cli_floor", only_sumy))
    low = _cli(gold, "--min-precision", "0.6")
    assert low.exit_code == 1
    assert "eval extract: precision 0.5000 is below the floor 0.6000" in low.stderr
    assert "precision 50.0 %" in low.stdout  # the figures are still printed
    assert "false positives: 0 in non-event articles, 0 at not_at places, 1 at no gold place" in (
        low.stdout
    )
    assert _cli(gold, "--min-precision", "0.5", "--min-recall", "1").exit_code == 0
    missed = [{"file": "two_cities.txt", "events": [SUMY_EVENT, NIKOPOL_EVENT, KHARKIV_EVENT]}]
    low_recall = _cli(str(_write_gold(folder, "cli_recall", missed)), "--min-recall", "0.7")
    assert low_recall.exit_code == 1 and "recall 0.6667 is below the floor" in low_recall.stderr
    assert _cli(gold, "--min-precision", "1.5").exit_code == 2


def test_cli_explain_lists_the_errors_by_class(folder: Path, gazetteer: Any) -> None:
    gold = [
        {"file": "two_cities.txt", "classes": ["multi_strike", "figures"], "events": [SUMY_EVENT]},
        {"file": "kharkiv.txt", "events": [{**KHARKIV_EVENT, "date": "2023-03-04"}]},
    ]
    result = _cli(str(_write_gold(folder, "cli_explain", gold)), "--explain")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "[(untagged)] 1 error\n  kharkiv.txt: date at Kharkiv" in out
    assert "[figures] 1 error\n  two_cities.txt: false_positive at Nikopol" in out
    assert "[multi_strike] 1 error\n  two_cities.txt: false_positive at Nikopol" in out
    assert "    | " in out  # the extractor's own explanation
    plain = _cli(str(folder / "cli_explain.json"))
    assert (
        "errors: 2 (--explain lists them by class)" in plain.stdout and "    | " not in plain.stdout
    )


def test_cli_reports_bad_gold_and_missing_articles(folder: Path, gazetteer: Any) -> None:
    bad = [{"file": "kharkiv.txt", "events": [{**KHARKIV_EVENT, "date": "March 5"}]}]
    result = _cli(str(_write_gold(folder, "cli_bad", bad)))
    assert result.exit_code == 2
    assert "cli_bad.json: article 0 (kharkiv.txt): field events[0].date: must be an ISO date" in (
        result.stderr
    )
    gold = [{"file": "absent.txt", "events": []}, {"file": "talks.txt", "events": []}]
    result = _cli(str(_write_gold(folder, "cli_missing", gold)))
    assert result.exit_code == 1
    assert "error: article 0 (absent.txt): " in result.stderr
    assert "1 of 2 articles evaluated" in result.stdout


def test_a_figure_nobody_states_is_shown_as_not_stated() -> None:
    from geoevents.evaluation.gold import GoldClaim
    from geoevents.evaluation.measures import check_pair
    from geoevents.model import Claim, Figure

    g = GoldEvent(
        GoldPlace("Kyiv", 50.45, 30.52),
        ("air_drone_strike",),
        claims=(GoldClaim(side="ukraine", killed=(5,)),),
    )
    ev = _event(50.45, 30.52).with_(claims=(Claim("mayor", "ukraine", killed=Figure(4, 4)),))
    by_measure = {c.measure: c for c in check_pair(g, ev)}
    assert by_measure["claim_side"].right
    attribution, figures_ = by_measure["attribution"], by_measure["figures"]
    assert (attribution.right, attribution.gold, attribution.predicted) == (
        False,
        "killed 5 by ukraine",
        "not stated",
    )
    assert (figures_.right, figures_.predicted) == (False, "killed 4 (ukraine)")
