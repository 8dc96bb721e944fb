"""The CI gate: ``geoevents eval extract GOLD --min-precision P --min-recall R`` on every gold set.

Every gold file of the project (the examples and the annotated corpus under
``tests/data/extract/``) is evaluated through the command, with the floors of
:data:`FLOORS`, so an extraction change that loses precision or recall on
them fails the suite. A gold file without floors fails too: a new corpus
cannot go unmeasured. Floors are set a little below the measured figures;
raise them when extraction improves.
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

#: gold file (relative to the project) -> (min precision, min recall) of its events.
FLOORS: dict[str, tuple[float, float]] = {
    "examples/expected.json": (1.0, 1.0),  # every example event, nothing extra
    # measured on the corpus (82 articles, 62 events): precision 0.984, recall 1.0
    # (0.892 / 0.935 before the work on places that are not the strike's and placeless
    # strikes; 0.696 / 0.887 before the background, attacker, count and impact-verb work)
    "tests/data/extract/gold.json": (0.95, 0.97),
}


def _gold_files() -> list[str]:
    found = [ROOT / "examples" / "expected.json"]
    for path in sorted(CORPUS.glob("*.json")) if CORPUS.is_dir() else ():
        head = path.read_text(encoding="utf-8")[:4096]
        if '"expected-events"' in head:
            found.append(path)
    return [p.relative_to(ROOT).as_posix() for p in found]


@pytest.mark.parametrize("name", _gold_files())
def test_gold_set_meets_its_floors(name: str, gazetteer: Any) -> None:
    assert name in FLOORS, f"{name}: a gold file without floors; measure it and add them"
    min_p, min_r = FLOORS[name]
    args = ["eval", "extract", str(ROOT / name), "--json"]
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
    result = CliRunner().invoke(main, ["eval", "extract", str(CORPUS / "gold.json"), "--json"])
    measures = json.loads(result.stdout)["measures"]
    low = {
        name: measures[name]["share"]
        for name, floor in MEASURE_FLOORS.items()
        if measures[name]["share"] < floor
    }
    assert not low, f"below the floors {MEASURE_FLOORS}: {low}"
