"""Geoparsing evaluation: readers on tiny fixtures, metrics by hand, the real corpora's counts."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from gazetteer.evaluation import (
    MAX_ERROR_KM,
    CorpusError,
    Outcome,
    auc,
    iter_gold,
    parse_corpus,
    read_corpus,
    score,
    worst,
)

FIXTURES = Path(__file__).parent / "fixtures"


def test_geowebnews_reader_keeps_geocoded_spans_and_fixes_bad_offsets() -> None:
    (article,) = read_corpus(FIXTURES / "gwn_tiny.xml")
    assert article.id == "0"
    assert [t.name for t in article.toponyms] == ["Kherson", "Kyiv", "officials", "Odesa"]
    gold = list(iter_gold([article]))
    assert [(t.name, t.geonameid) for t in gold] == [
        ("Kherson", 706448),
        ("Kyiv", 703448),
        ("Odesa", None),  # coordinates without a GeoNames id still count
    ]
    for t in article.toponyms:
        assert article.text[t.start : t.end] == t.name  # Kyiv's offsets were off by one
    assert (gold[0].lat, gold[0].lon) == (46.65581, 32.6178)


def test_lgl_reader_fixes_off_by_one_and_skips_untagged() -> None:
    (article,) = read_corpus(FIXTURES / "lgl_tiny.xml")
    assert article.id == "9001"
    gold = list(iter_gold([article]))
    assert [(t.name, t.geonameid, t.lat, t.lon) for t in gold] == [
        ("Makiivka", 702320, 48.04782, 37.92576),
        ("Donetsk", 709717, 48.023, 37.80224),
    ]
    assert all(article.text[t.start : t.end] == t.name for t in gold)
    assert len(article.toponyms) == 3


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<articles><article>", "malformed XML"),
        (b"<articles><article><text>x</text></article></articles>", "no <toponym>"),
        (b"<articles><article><toponym><x/></toponym></article></articles>", "neither"),
    ],
)
def test_bad_corpus_is_a_clear_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.xml"
    path.write_bytes(content)
    with pytest.raises(CorpusError, match=message) as info:
        read_corpus(path)
    assert str(path) in str(info.value)


def test_missing_corpus_file(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="cannot read"):
        read_corpus(tmp_path / "none.xml")


def test_span_without_coordinates_or_with_out_of_range_ones_is_not_gold() -> None:
    xml = (
        "<articles><article docid='1'><text>Near Izium</text><toponyms>"
        "<toponym><start>5</start><end>10</end><phrase>Izium</phrase>"
        "<gaztag geonameid='706524'><lat>99</lat><lon>37.2</lon></gaztag></toponym>"
        "</toponyms></article></articles>"
    )
    assert list(iter_gold(parse_corpus(xml))) == []


G = (50.0, 30.0)


def _o(error: float | None, gold_id: int | None = 1, chosen_id: int | None = 1) -> Outcome:
    if error is None:
        return Outcome("a", "x", G, gold_id, None)
    return Outcome(
        "a", "x", G, gold_id, (0.0, 0.0), chosen_id=chosen_id, error_km=error, point_error_km=error
    )


@pytest.mark.parametrize(
    ("outcomes", "expected"),
    [
        (
            [_o(0.0), _o(160.9), _o(161.1, chosen_id=2), _o(None)],
            {"n": 4, "acc161": 0.5, "exact_id": 0.5, "unresolved": 0.25},
        ),
        ([_o(10.0), _o(30.0, gold_id=None)], {"n": 2, "acc161": 1.0, "exact_id": 1.0}),
        ([_o(None), _o(None)], {"acc161": 0.0, "exact_id": 0.0, "unresolved": 1.0}),
    ],
)
def test_score_shares(outcomes: list[Outcome], expected: dict[str, float]) -> None:
    got = score(outcomes)
    assert {k: got[k] for k in expected} == expected


def test_score_errors_by_hand() -> None:
    got = score([_o(10.0), _o(30.0), _o(None)])
    assert got["mean_km"] == round((10 + 30 + MAX_ERROR_KM) / 3, 2)
    assert got["median_km"] == 30.0
    logs = [math.log(11), math.log(31), math.log(20040)]
    by_hand = ((logs[0] + logs[1]) / 2 + (logs[1] + logs[2]) / 2) / (2 * math.log(20040))
    assert got["auc"] == round(by_hand, 4)


def test_auc_bounds_and_cap() -> None:
    assert auc([0.0] * 5) == 0.0
    assert auc([MAX_ERROR_KM * 3] * 4) == 1.0
    assert auc([math.e - 1]) == pytest.approx(1 / math.log(20040))


def test_score_of_nothing() -> None:
    assert score([])["n"] == 0


def test_worst_puts_unresolved_first() -> None:
    outcomes = [_o(5.0), _o(None), _o(900.0), _o(20.0)]
    assert [o.error_km for o in worst(outcomes, k=3)] == [MAX_ERROR_KM, 900.0, 20.0]


@pytest.mark.parametrize(
    ("filename", "articles", "spans", "gold", "gold_with_id"),
    [
        ("GWN.xml", 200, 6612, 2601, 2401),
        ("lgl.xml", 588, 5088, 4462, 4462),
        ("TR-News.xml", 118, 1319, 1275, 1275),
    ],
)
def test_real_corpora_counts(
    shared_dir: Path, filename: str, articles: int, spans: int, gold: int, gold_with_id: int
) -> None:
    corpus = read_corpus(shared_dir / "benchmarks" / "geoparsing" / filename)
    toponyms = [t for a in corpus for t in a.toponyms]
    gold_spans = list(iter_gold(corpus))
    assert (len(corpus), len(toponyms), len(gold_spans)) == (articles, spans, gold)
    assert sum(1 for t in gold_spans if t.geonameid is not None) == gold_with_id
    # every gold span (including TR-News' ~117 off-by-one ones) is anchored on its name
    assert all(t.anchored for t in gold_spans)
    texts = {a.id: a.text for a in corpus}
    assert len(texts) == articles


# --------------------------------------------------------------------------- with the real gazetteer


def test_resolve_article_on_the_tiny_corpora(gazetteer) -> None:
    from gazetteer.evaluation import evaluate

    lgl = evaluate(gazetteer, read_corpus(FIXTURES / "lgl_tiny.xml"))
    assert [(o.name, o.chosen_id, o.error_km) for o in lgl] == [
        ("Makiivka", 702320, 0.0),
        ("Donetsk", 709717, 0.0),
    ]
    gwn = evaluate(gazetteer, read_corpus(FIXTURES / "gwn_tiny.xml"))
    assert [o.name for o in gwn] == ["Kherson", "Kyiv", "Odesa"]
    odesa = gwn[2]
    assert odesa.gold_id is None and odesa.chosen_id == 698740
    assert 0 < odesa.error_km == odesa.point_error_km < 5  # no gold id: the point distance
    assert score(gwn)["exact_id"] == 1.0  # over the two spans that have a gold id


def test_same_entity_counts_as_zero_only_when_asked(gazetteer) -> None:
    from gazetteer.evaluation import evaluate

    xml = (
        "<articles><article docid='1'><text>Talks in Ukraine.</text><toponyms>"
        "<toponym><start>9</start><end>16</end><phrase>Ukraine</phrase>"
        "<gaztag geonameid='690791'><lat>49.0</lat><lon>32.0</lon></gaztag></toponym>"
        "</toponyms></article></articles>"
    )
    articles = parse_corpus(xml)
    (entity,) = evaluate(gazetteer, articles)
    (points,) = evaluate(gazetteer, articles, same_entity_zero=False)
    assert entity.chosen_id == points.chosen_id == 690791
    assert entity.error_km == 0.0
    assert points.error_km == entity.point_error_km > 100  # Kyiv vs GeoNames' centroid


def test_eval_geoparse_cli_json(gazetteer) -> None:
    from click.testing import CliRunner

    from geoevents.cli import main

    result = CliRunner().invoke(
        main, ["eval", "geoparse", str(FIXTURES / "lgl_tiny.xml"), "--json"], catch_exceptions=False
    )
    assert result.exit_code == 0
    metrics = json.loads(result.stdout)
    assert metrics == {
        "n": 2,
        "acc161": 1.0,
        "mean_km": 0.0,
        "median_km": 0.0,
        "auc": 0.0,
        "exact_id": 1.0,
        "unresolved": 0.0,
    }


def test_eval_geoparse_cli_bad_corpus(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from geoevents.cli import main

    bad = tmp_path / "bad.xml"
    bad.write_text("<articles><article>", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "geoparse", str(bad)])
    assert result.exit_code == 1
    assert "malformed XML" in result.stderr and str(bad) in result.stderr


def test_document_resolution_is_the_default_and_can_be_turned_off(gazetteer) -> None:
    from gazetteer.evaluation import evaluate

    text = "Flooding closed roads from Fargo to Moorhead; Alexandria was hit too."
    spans = "".join(
        f"<toponym><start>{text.index(name)}</start><end>{text.index(name) + len(name)}</end>"
        f"<phrase>{name}</phrase><gaztag geonameid='{gid}'><lat>{lat}</lat><lon>{lon}</lon>"
        "</gaztag></toponym>"
        for name, gid, lat, lon in (
            ("Fargo", 5059163, 46.87719, -96.7898),
            ("Moorhead", 5038108, 46.87386, -96.76951),
            ("Alexandria", 5016108, 45.88524, -95.37754),  # Alexandria, Minnesota
        )
    )
    articles = parse_corpus(
        f"<articles><article docid='1'><text>{text}</text><toponyms>{spans}"
        "</toponyms></article></articles>"
    )
    together = evaluate(gazetteer, articles)
    assert [o.error_km for o in together] == [0.0, 0.0, 0.0]
    assert together[2].chosen_id == 5016108
    no_votes = evaluate(gazetteer, articles, neighbours=False)  # the CLI's --no-neighbours
    assert no_votes[2].chosen_country == "EG" and no_votes[2].error_km > 8000
    two_pass = evaluate(gazetteer, articles, document=False)
    assert [o.chosen_id for o in two_pass[:2]] == [5059163, 5038108]
