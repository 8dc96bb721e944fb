"""The CI gate: ``geoevents eval extract GOLD --min-precision P --min-recall R`` on every gold set.

Every gold file of the project (the examples and the annotated corpus under
``tests/data/extract/``) is evaluated through the command, with the floors of
:data:`FLOORS`, so an extraction change that loses precision or recall on
them fails the suite. A gold file without floors fails too: a new corpus
cannot go unmeasured. Floors are set a little below the measured figures;
raise them when extraction improves.

The corpus holds articles in English, Ukrainian and Russian (an article's
``language``): its floors are per language (``--language``), so the English
figures keep their floors while the Ukrainian and Russian targets of issue 15
(precision, recall, place within tolerance and figures credited to the right
side at least 0.9) are measured on their own.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from geoevents.cli import main

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "extract"

#: gold file (relative to the project), ``#language`` for one language's articles ->
#: (min precision, min recall) of its events.
FLOORS: dict[str, tuple[float, float]] = {
    # every example event, nothing extra, in each of the three languages
    "examples/expected.json#en": (1.0, 1.0),
    "examples/expected.json#uk": (1.0, 1.0),
    "examples/expected.json#ru": (1.0, 1.0),
    # measured on the English corpus (82 articles, 62 events): precision 0.984, recall 1.0
    # (0.892 / 0.935 before the work on places that are not the strike's and placeless
    # strikes; 0.696 / 0.887 before the background, attacker, count and impact-verb work)
    "tests/data/extract/gold.json#en": (0.95, 0.97),
}
#: The languages of the corpus with issue 15's targets (test_ukrainian_and_russian_targets).
TARGET_LANGUAGES = ("uk", "ru")
#: Issue 15's targets on the Ukrainian and Russian parts of the corpus.
TARGETS = {"precision": 0.9, "recall": 0.9, "place": 0.9, "figures_to_side": 0.9}


def _gold_files() -> list[str]:
    found = [ROOT / "examples" / "expected.json"]
    for path in sorted(CORPUS.glob("*.json")) if CORPUS.is_dir() else ():
        head = path.read_text(encoding="utf-8")[:4096]
        if '"expected-events"' in head:
            found.append(path)
    out = []
    for path in found:
        name = path.relative_to(ROOT).as_posix()
        languages = sorted({a.get("language", "en") for a in _articles(path)})
        out += [name] if languages == ["en"] else [f"{name}#{code}" for code in languages]
    return out


def _articles(path: Path) -> list[dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8"))["articles"]


def _floored() -> list[str]:
    """Every gold set, and every language of a multilingual one, but the target languages."""
    return [n for n in _gold_files() if n.partition("#")[2] not in TARGET_LANGUAGES]


def _eval(name: str, *extra: str) -> Any:
    file, _, language = name.partition("#")
    args = ["eval", "extract", str(ROOT / file), "--json", *extra]
    return CliRunner().invoke(main, args + (["--language", language] if language else []))


def test_every_language_of_the_corpus_is_measured() -> None:
    assert _gold_files().count("tests/data/extract/gold.json#en") == 1
    assert {"tests/data/extract/gold.json#uk", "tests/data/extract/gold.json#ru"} <= set(
        _gold_files()
    )


@pytest.mark.parametrize("name", _floored())
def test_gold_set_meets_its_floors(name: str, gazetteer: Any) -> None:
    assert name in FLOORS, f"{name}: a gold file without floors; measure it and add them"
    min_p, min_r = FLOORS[name]
    file, _, language = name.partition("#")
    args = ["eval", "extract", str(ROOT / file), "--json"]
    args += ["--language", language] if language else []
    result = CliRunner().invoke(
        main, [*args, "--min-precision", str(min_p), "--min-recall", str(min_r)]
    )
    figs = json.loads(result.stdout)
    events = figs["events"]
    assert figs["input_errors"] == [], figs["input_errors"]
    assert result.exit_code == 0, (
        f"{name}: precision {events['precision']} (floor {min_p}), "
        f"recall {events['recall']} (floor {min_r})\n{result.stderr}"
    )
    assert events["precision"] >= min_p and events["recall"] >= min_r


#: Attribute floors on the corpus (the issue's targets: 0.95 each), measured 1.0 attacker
#: side, 0.975 attribution (each figure credited to its claimant's side), 0.98 claim side.
MEASURE_FLOORS = {"attacker_side": 0.95, "attribution": 0.95, "claim_side": 0.95}


def test_corpus_credits_attackers_and_figures_right(gazetteer: Any) -> None:
    result = _eval("tests/data/extract/gold.json#en")
    measures = json.loads(result.stdout)["measures"]
    low = {
        name: measures[name]["share"]
        for name, floor in MEASURE_FLOORS.items()
        if measures[name]["share"] < floor
    }
    assert not low, f"below the floors {MEASURE_FLOORS}: {low}"


@pytest.mark.parametrize("language", TARGET_LANGUAGES)
def test_ukrainian_and_russian_targets(language: str, gazetteer: Any) -> None:
    """Issue 15's targets on one language of the corpus: event precision and recall, place
    within tolerance and figures credited to the claimant's side, each at least 0.9."""
    result = _eval("tests/data/extract/gold.json", "--language", language)
    row = json.loads(result.stdout)["languages"][language]
    assert row["articles"] == row["evaluated"] >= 40
    low = {
        name: row[name] for name, floor in TARGETS.items() if row[name] is None or row[name] < floor
    }
    assert not low, f"{language}: below the targets {TARGETS}: {low}"
