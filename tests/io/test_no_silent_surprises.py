"""Nothing surprising passes in silence: skipped files, non-English articles, a country name
where a code belongs, a store with a misleading extension, input columns the geocoder adds, a
gazetteer build with no terminal (issue: the analyst's daily loop)."""

from __future__ import annotations

import csv
import logging
import shutil
from pathlib import Path

import pytest

from gazetteer.sources.packaged import _progress_lines
from geoevents.io.language import guess_language
from tests.support.cli import ROOT, examples_store, run

UKRAINIAN = (
    "Ракетний удар по Харкову\n\nУнаслідок ракетного удару по Харкову в понеділок загинули "
    "двоє людей, ще дев'ятеро поранені, повідомила обласна військова адміністрація.\n"
)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Russian drones struck a fuel depot in Odesa overnight, the governor said.", "English"),
        (UKRAINIAN, "Ukrainian"),
        (
            "Губернатор сообщил, что при обстреле Белгорода погибли три человека и ещё пятеро ранены.",
            "Russian",
        ),
        (
            "Un missile russe a frappé une école à Kharkiv lundi, selon le gouverneur de la région.",
            "French",
        ),
        # an English report quoting a Cyrillic name is English
        (
            "The strike hit the village of Hroza (Гроза) in the Kharkiv region, killing 52 people.",
            "English",
        ),
        # a terse English headline has few function words, but no foreign ones
        (
            "Drones downed over Kyiv. Air defences shot down Shahed drones over Kyiv overnight.",
            "English",
        ),
        ("", None),  # empty: nothing to tell
        ("Kyiv, 5 May", None),  # too short
    ],
)
def test_guess_language(text: str, language: str | None) -> None:
    assert guess_language(text) == language


POLISH = (
    "Atak dronów na Odessę\n\nW nocy rosyjskie drony zaatakowały port w Odessie, "
    "dwie osoby zginęły, a pięć zostało rannych, poinformował gubernator.\n"
)


def test_a_folder_names_what_it_skips_and_what_it_cannot_read(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(ROOT / "examples" / "nova_kakhovka_unverified.txt", folder / "report.txt")
    (folder / "briefing.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    (folder / "pl.txt").write_text(POLISH, encoding="utf-8")
    (folder / ".hidden.pdf").write_bytes(b"%PDF-1.4\n")  # hidden entries stay unmentioned
    result = run("extract", folder, "-o", tmp_path / "events.geojson")
    assert result.exit_code == 0, result.output
    assert f"warning: {folder / 'briefing.pdf'}: skipped: .pdf files are not read" in result.output
    assert f"warning: {folder / 'pl.txt'}: written in Polish; geoevents reads English, " in (
        result.output
    )
    assert "Ukrainian and Russian, so it is skipped" in result.output
    assert ".hidden.pdf" not in result.output
    assert "1 event found" in result.output  # the English report still goes through


def test_a_country_name_is_answered_with_its_code(tmp_path: Path) -> None:
    db = examples_store(tmp_path)
    result = run("export", "--db", db, "-o", tmp_path / "x.geojson", "--country", "Ukraine")
    assert result.exit_code == 2
    assert "'Ukraine' is not a country code: use UA (Ukraine)" in result.output
    assert not (tmp_path / "x.geojson").exists()
    result = run("export", "--db", db, "-o", tmp_path / "x.geojson", "--country", "ru")
    assert result.exit_code == 0 and "wrote 2 events" in result.output


def test_a_new_store_must_be_named_gpkg(tmp_path: Path) -> None:
    result = run("ingest", ROOT / "examples", "--db", tmp_path / "store.csv")
    assert result.exit_code == 1
    assert "a new store is a .gpkg file (or a postgresql:// URL), not a file with '.csv'" in (
        result.output
    )
    assert not (tmp_path / "store.csv").exists()
    # near miss: an existing store opens whatever its name
    renamed = tmp_path / "store.db"
    shutil.copy(examples_store(tmp_path), renamed)
    assert run("export", "--db", renamed, "-o", tmp_path / "out.geojson").exit_code == 0


def test_geocoding_a_csv_keeps_its_own_coordinates(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("id,place,lat,lon\n1,Kramatorsk,1.5,2.5\n2,,3.5,4.5\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    result = run("geocode", "--csv", src, "--column", "place", "-o", out, "--no-batch-context")
    assert "geocoder's are named lat -> geocoded_lat, lon -> geocoded_lon" in result.output
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["lat"], r["lon"]) for r in rows] == [("1.5", "2.5"), ("3.5", "4.5")]
    assert float(rows[0]["geocoded_lat"]) == pytest.approx(48.72, abs=0.1)
    assert rows[1]["geocoded_lat"] == "" and rows[0]["place_name"]


def test_a_long_build_logs_progress_without_a_terminal(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr("gazetteer.sources.packaged.PROGRESS_SECONDS", 0.0)
    caplog.set_level(logging.INFO, logger="gazetteer")
    items = list(_progress_lines(range(5000), 5000, "names"))
    assert items == list(range(5000))
    lines = [r.getMessage() for r in caplog.records]
    assert lines[:2] == ["gazetteer build: names 1,024/5,000", "gazetteer build: names 2,048/5,000"]
