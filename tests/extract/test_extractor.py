"""``Extractor.run``: an article that crashes the pipeline is reported and the run goes on,
in every command that extracts (``extract``, ``map ARTICLES``, ``ingest``).

The crash is injected into the per-article extraction of one marked article; the other
articles go through the real pipeline and the real gazetteer.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from geoevents.cli import main
from geoevents.errors import InputError
from geoevents.extract import ArticleResult, ExtractionError, Extractor
from geoevents.extract.article import ArticleExtraction
from geoevents.ingest import ingest
from geoevents.store import open_store

from .test_cli_extract import NIKOPOL, ODESA

POISON = "Poisoned strike report"


@pytest.fixture
def inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three articles; extracting the middle one raises."""
    d = tmp_path / "articles"
    d.mkdir()
    (d / "a_nikopol.txt").write_text(NIKOPOL, encoding="utf-8")
    (d / "b_poisoned.txt").write_text(f"{POISON}\n\n{ODESA.split(chr(10), 2)[2]}", "utf-8")
    (d / "c_odesa.txt").write_text(ODESA, encoding="utf-8")
    real_run = ArticleExtraction.run

    def run(self: ArticleExtraction) -> ArticleResult:
        if self.article.title == POISON:
            raise RuntimeError("injected failure")
        return real_run(self)

    monkeypatch.setattr(ArticleExtraction, "run", run)
    return d


def test_run_reports_the_crash_and_goes_on(inputs: Path, gazetteer: object) -> None:
    items = list(Extractor(gazetteer).run([inputs]))  # type: ignore[arg-type]
    assert [type(i) for i in items] == [ArticleResult, ExtractionError, ArticleResult]
    err = items[1]
    assert isinstance(err, InputError)
    assert str(err) == (
        f"{inputs / 'b_poisoned.txt'}: extraction failed: RuntimeError: injected failure"
    )
    places = [e.place_name for r in (items[0], items[2]) for e in r.events]  # type: ignore[union-attr]
    assert places == ["Nikopol", "Odesa"]


def _crashed_run(command: str, inputs: Path, out: Path) -> str:
    """Output of ``geoevents COMMAND INPUTS -o OUT``, which must report the crash, exit 1."""
    result = CliRunner().invoke(main, [command, str(inputs), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert "b_poisoned.txt: extraction failed: RuntimeError" in result.output
    return result.output


def test_extract_command_survives_the_crash(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.geojson"
    assert "3 articles read, 1 failed, 2 events found" in _crashed_run("extract", inputs, out)
    assert out.read_text(encoding="utf-8").count('"Feature"') == 2


def test_map_of_articles_survives_the_crash(inputs: Path, tmp_path: Path) -> None:
    """Before the Extractor, one crashing article aborted ``geoevents map ARTICLES``."""
    out = tmp_path / "map.html"
    assert "wrote a map of 2 events" in _crashed_run("map", inputs, out)
    html = out.read_text(encoding="utf-8")
    assert "Nikopol" in html and "Odesa" in html


def test_ingest_counts_the_crash_and_retries_it_later(
    inputs: Path, tmp_path: Path, gazetteer: object
) -> None:
    with open_store(tmp_path / "events.gpkg") as store:
        first = ingest(store, [inputs], gazetteer=gazetteer)
        again = ingest(store, [inputs], gazetteer=gazetteer)
    assert (first.read, first.stored, first.failed, first.events) == (3, 2, 1, 2)
    assert "extraction failed: RuntimeError" in first.errors[0]
    # the failed article was not stored, so the next run extracts it again
    assert (again.read, again.skipped, again.stored, again.failed) == (3, 2, 0, 1)
