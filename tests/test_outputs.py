"""Issue 14 case 1: no command writes over a file it reads, and a run where every input
failed never replaces an existing output with an empty result (real store, real files)."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from geoevents.cli import main
from geoevents.store import open_store
from tests.store.conftest import FIXTURES
from tests.store.test_cli import db  # noqa: F401 - a fixture, used through `store`

ARTICLE = FIXTURES / "makiivka_mod.json"


def run(*args: object) -> object:
    return CliRunner().invoke(main, [str(a) for a in args])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def store(db: Path) -> Path:  # noqa: F811 - `db` is the imported fixture
    """The store of the store commands' tests (tests/store/test_cli.py): two fused events."""
    return db


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.json"
    shutil.copy(ARTICLE, path)
    return path


def _refused(result: object, *words: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    for word in words:
        assert word in result.output, result.output


def test_export_and_map_refuse_to_write_over_the_store(store: Path, tmp_path: Path) -> None:
    before = digest(store)
    link = tmp_path / "link.gpkg"
    link.symlink_to(store)
    hard = tmp_path / "hard.gpkg"
    os.link(store, hard)
    for out in (store, link, hard, tmp_path / "sub" / ".." / "events.gpkg"):
        _refused(run("export", "--db", store, "-o", out), "is the store (--db)", "--output")
        _refused(run("map", "--db", store, "-o", out), "is the store (--db)")
    _refused(run("export", "--db", link, "-o", store), "is the store (--db)")
    assert digest(store) == before
    with open_store(store, create=False) as s:
        assert len(s.event_list()) == 2  # still the store, reports and all


def test_extract_and_map_refuse_to_write_over_an_input(article: Path, tmp_path: Path) -> None:
    before = article.read_bytes()
    link = tmp_path / "out.geojson"
    link.symlink_to(article)
    for out in (article, link):
        _refused(run("extract", article, "-o", out), "is also an input", str(article))
        _refused(run("map", article, "-o", out), "is also an input")
    assert article.read_bytes() == before
    # an input that does not exist yet, named another way: the same resolved path
    missing = tmp_path / "later.geojson"
    (tmp_path / "sub").mkdir()
    alias = tmp_path / "sub" / ".." / "later.geojson"
    _refused(run("extract", missing, "-o", alias), "is also an input")
    assert not missing.exists()


def test_geocode_ingest_and_correct_refuse_their_own_files(store: Path, tmp_path: Path) -> None:
    csv = tmp_path / "places.csv"
    csv.write_text("place\nKyiv\n", encoding="utf-8")
    _refused(run("geocode", "--csv", csv, "--column", "place", "-o", csv), "is also an input")
    assert csv.read_text(encoding="utf-8") == "place\nKyiv\n"
    before = digest(store)
    _refused(run("ingest", store, "--db", store), "is the store (--db) itself")
    _refused(run("correct", "--csv", store, "--db", store), "is the store (--db) itself")
    assert digest(store) == before


def test_an_output_that_cannot_be_a_file_is_refused_before_any_work(
    store: Path, tmp_path: Path
) -> None:
    _refused(run("export", "--db", store, "-o", tmp_path), "cannot write", "is a directory")
    blocker = tmp_path / "plain.txt"
    blocker.write_text("x")
    _refused(run("export", "--db", store, "-o", blocker / "out.geojson"), "is a file")
    _refused(run("map", "--db", store, "-o", blocker / "deeper" / "map.html"), "is a file")


def test_extract_keeps_the_old_output_when_every_input_failed(
    gazetteer: object, article: Path, tmp_path: Path
) -> None:
    out = tmp_path / "events.geojson"
    first = run("extract", article, "-o", out)
    assert first.exit_code == 0, first.output
    before = out.read_bytes()
    assert b"Makiivka" in before
    typo = run("extract", tmp_path / "a.jsno", "-o", out)
    _refused(typo, "every input failed", "left unchanged", "a.jsno")
    assert out.read_bytes() == before
    # one good input among bad ones still writes (the good events)
    mixed = run("extract", tmp_path / "a.jsno", article, "-o", out)
    assert mixed.exit_code == 1 and out.read_bytes() == before
    fresh = tmp_path / "fresh.geojson"
    assert run("extract", tmp_path / "nope.json", "-o", fresh).exit_code == 1
    assert not fresh.exists() or b"Makiivka" not in fresh.read_bytes()


def test_map_keeps_the_old_map_when_every_article_failed(
    gazetteer: object, article: Path, tmp_path: Path
) -> None:
    out = tmp_path / "map.html"
    assert run("map", article, "-o", out).exit_code == 0
    before = out.read_bytes()
    broken = tmp_path / "broken.json"
    broken.write_text('{"title": "x", "text": ', encoding="utf-8")
    _refused(run("map", broken, "-o", out), "no input could be read", "broken.json")
    assert out.read_bytes() == before
