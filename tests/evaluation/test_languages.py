"""``geoevents eval extract`` per article language (issue 15): the gold ``language`` field,
the ``languages`` table and ``--language``.

The articles are written for these tests (our own words). An article's language is the
gold's label (``en`` when not given): the figures of each language are those of its
articles, with the headline shares of the issue's targets (precision, recall, place within
tolerance, type, figures credited to the claimant's side).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from geoevents.cli import main
from geoevents.errors import GoldFormatError
from geoevents.evaluation import evaluate, evaluate_file, figures, read_gold
from geoevents.evaluation.gold import parse_gold
from geoevents.evaluation.text import language_lines

ARTICLES = {
    "kharkiv.txt": (
        "Missiles strike Kharkiv flats\nPublished: 2023-03-06\n\n"
        "Russian missiles struck an apartment building in Kharkiv on Sunday, killing three "
        "people and injuring 12, the regional governor said.\n"
    ),
    # Ukrainian with an English paragraph: the English sentence carries the strike
    "sumy_mixed.txt": (
        "Суми / Sumy\nPublished: 2023-04-11\n\n"
        "Уночі місто знову прокинулося від вибухів, люди ховалися в укриттях.\n\n"
        "Russian drones struck a school in Sumy on Monday, injuring four people, the regional "
        "governor said.\n"
    ),
    "alert_uk.txt": (
        "Повітряна тривога\nPublished: 2024-02-02\n\n"
        "Увага! У кількох областях оголошено повітряну тривогу. Просимо всіх перейти до "
        "укриттів і не нехтувати сигналом до відбою.\n"
    ),
    "statement_ru.txt": (
        "Заявление\nPublished: 2024-02-02\n\n"
        "Министры иностранных дел провели переговоры о зерновом коридоре и страховании "
        "судов, решения отложены до следующей встречи.\n"
    ),
}
KHARKIV_EVENT = {
    "place": {"name": "Kharkiv", "lat": 49.98177, "lon": 36.25475, "geonameid": 706483},
    "event_type": ["shelling_missile_attack", "air_drone_strike"],
    "date": "2023-03-05",
    "claims": [{"side": "ukraine", "killed": [3], "injured": [12]}],
}
SUMY_EVENT = {
    "place": {"name": "Sumy", "lat": 50.9216, "lon": 34.80029, "also": ["Суми"]},
    "event_type": "air_drone_strike",
    "date": "2023-04-10",
    "claims": [{"side": "ukraine", "stance": "asserts", "injured": [4]}],
}
GOLD = [
    {"file": "kharkiv.txt", "events": [KHARKIV_EVENT]},
    {"file": "sumy_mixed.txt", "language": "uk", "events": [SUMY_EVENT]},
    {"file": "alert_uk.txt", "language": "uk", "classes": ["no_strike"], "events": []},
    {"file": "statement_ru.txt", "language": "RU", "classes": ["no_strike"], "events": []},
]


@pytest.fixture(scope="module")
def gold_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("languages")
    for name, text in ARTICLES.items():
        (root / name).write_text(text, encoding="utf-8")
    doc = {"geoevents_document": "expected-events", "version": 2, "articles": GOLD}
    path = root / "gold.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def _doc(**article: Any) -> dict[str, Any]:
    return {
        "geoevents_document": "expected-events",
        "articles": [{"file": "a.txt", "events": [], **article}],
    }


@pytest.mark.parametrize(
    ("value", "expected"), [(None, "en"), ("uk", "uk"), ("RU", "ru"), ("en", "en")]
)
def test_the_language_of_an_article(value: str | None, expected: str) -> None:
    article = {} if value is None else {"language": value}
    assert parse_gold(_doc(**article), "g.json").articles[0].language == expected


@pytest.mark.parametrize("value", ["ukr", "", 7, "u1", None])
def test_a_bad_language_names_the_field(value: Any) -> None:
    with pytest.raises(GoldFormatError, match="two-letter ISO 639-1 code") as info:
        parse_gold(_doc(language=value), "g.json")
    assert info.value.field == "language" and info.value.where == "article 0 (a.txt)"


def test_only_keeps_the_articles_of_the_languages(gold_file: Path) -> None:
    gold = read_gold(gold_file)
    assert gold.languages == ("en", "ru", "uk")
    assert [a.file for a in gold.only(["uk"]).articles] == ["sumy_mixed.txt", "alert_uk.txt"]
    assert [a.index for a in gold.only(["RU", "en"]).articles] == [0, 3]
    assert gold.only([]).articles == ()


def test_the_languages_table(gold_file: Path, gazetteer: Any) -> None:
    from geoevents.extract import Extractor

    figs = figures(evaluate(read_gold(gold_file), Extractor(gazetteer)))
    table = figs["languages"]
    assert list(table) == ["en", "ru", "uk"]  # English first, then by code
    en, ru, uk = table["en"], table["ru"], table["uk"]
    assert (en["articles"], en["tp"], en["fp"], en["fn"]) == (1, 1, 0, 0)
    assert (en["place"], en["type"], en["figures_to_side"]) == (1.0, 1.0, 1.0)
    # the mixed post's English paragraph is read; the alert is no event
    assert (uk["articles"], uk["evaluated"], uk["gold"], uk["tp"], uk["fp"]) == (2, 2, 1, 1, 0)
    assert (uk["precision"], uk["recall"], uk["place"], uk["figures_to_side"]) == (1, 1, 1, 1)
    assert uk["measures"]["attribution"] == {"right": 1, "total": 1, "share": 1.0}
    # nothing to find and nothing found: full marks, shares over no pairs are not measured
    assert (ru["gold"], ru["predicted"], ru["precision"], ru["recall"]) == (0, 0, 1.0, 1.0)
    assert (ru["place"], ru["type"], ru["figures_to_side"]) == (None, None, None)
    total = sum(row["tp"] for row in table.values())
    assert total == figs["events"]["tp"] == 2


def test_a_missed_event_lowers_its_own_language_only(gold_file: Path, gazetteer: Any) -> None:
    """A gold event no extractor finds (a place the text never names) is a false negative
    of its language; the other languages keep their figures."""
    lviv = {
        "place": {"name": "Lviv", "lat": 49.83826, "lon": 24.02324},
        "event_type": "air_drone_strike",
        "date": "2024-02-02",
        "claims": [{"side": "ukraine", "killed": [1]}],
    }
    doc = json.loads(gold_file.read_text(encoding="utf-8"))
    doc["articles"][2]["events"] = [lviv]
    doc["articles"][2]["classes"] = ["figures"]
    path = gold_file.with_name("missed.json")
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    table = figures(evaluate_file(path, gazetteer=gazetteer))["languages"]
    assert (table["uk"]["tp"], table["uk"]["fn"], table["uk"]["recall"]) == (1, 1, 0.5)
    assert table["uk"]["place"] == 0.5
    assert (table["en"]["recall"], table["ru"]["recall"]) == (1.0, 1.0)
    only_uk = figures(evaluate_file(path, gazetteer=gazetteer, languages=["uk"]))
    assert list(only_uk["languages"]) == ["uk"] and only_uk["articles"] == 2


def test_the_text_table() -> None:
    row = {"articles": 3, "tp": 2, "fp": 1, "fn": 0, "precision": 2 / 3, "recall": 1.0}
    lines = language_lines(
        {"languages": {"uk": {**row, "place": 1.0, "type": None, "figures_to_side": 0.5}}}
    )
    assert lines[0].split() == [
        "language", "articles", "tp", "fp", "fn", "precision", "recall", "place", "type",
        "fig.side",
    ]  # fmt: skip
    assert lines[1].split() == ["uk", "3", "2", "1", "0", "66.7", "%", "100.0", "%", "100.0",
                                "%", "-", "50.0", "%"]  # fmt: skip
    assert language_lines({"languages": {}}) == []


def _cli(*args: str) -> Any:
    return CliRunner().invoke(main, ["eval", "extract", *args], catch_exceptions=False)


def test_cli_language_option(gold_file: Path, gazetteer: Any) -> None:
    result = _cli(str(gold_file))
    assert result.exit_code == 0, result.output
    assert "4 of 4 articles evaluated" in result.stdout
    assert "\n  uk" in result.stdout and "fig.side" in result.stdout
    only = _cli(str(gold_file), "--language", "uk", "--json", "--min-recall", "1")
    assert only.exit_code == 0, only.output
    figs = json.loads(only.stdout)
    assert (figs["articles"], figs["evaluated"], list(figs["languages"])) == (2, 2, ["uk"])
    both = json.loads(_cli(str(gold_file), "--language", "en", "--language", "ru", "--json").stdout)
    assert list(both["languages"]) == ["en", "ru"]
    bad = _cli(str(gold_file), "--language", "de")
    assert bad.exit_code == 2
    assert "no article in de; the gold file has en, ru, uk" in bad.stderr
