"""The on-disk index: build, location, version checks, corrupt files, bad queries."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gazetteer import Gazetteer, QueryError
from gazetteer.build import build_index, sidecar_path
from gazetteer.cache import cache_dir, default_index_path, index_problem, index_version
from tests import cases

CUSTOM_CSV = """name,aliases,lat,lon,kind,country,admin1_code
Olenivka,Olenivka settlement,47.70,37.50,settlement,UA,05
Test Rail Depot,Makiivka rail depot|Makeevka depot,48.05,37.95,site,UA,05
"""


@pytest.fixture(scope="module")
def small_index(tmp_path_factory) -> tuple[Path, Path]:
    """A small real index (Ukraine only) with one custom file; built once."""
    root = tmp_path_factory.mktemp("gz")
    custom = root / "custom.csv"
    custom.write_text(CUSTOM_CSV, encoding="utf-8")
    path = build_index(root / "ua.sqlite", custom_files=[custom], progress=False, countries=["UA"])
    return path, custom


def test_build_records_sources_and_counts(small_index) -> None:
    path, custom = small_index
    assert index_problem(path, expected_version=index_version()) is None
    with Gazetteer.open(path) as gz:
        info = gz.info()
        assert info["path"] == str(path)
        assert info["custom_files"] == [str(custom.resolve())]
        assert info["only_countries"] == ["UA"]
        assert info["counts"]["kind"]["country"] == 1
        assert info["counts"]["kind"]["region"] >= 25
        assert info["counts"]["kind"]["settlement"] > 5000
        assert info["counts"]["source"]["custom"] == 2  # strategic sites are counted apart
        assert not list(path.parent.glob("*.building"))
        assert sidecar_path(path).exists()


def test_custom_places_win_over_geonames(small_index) -> None:
    with Gazetteer.open(small_index[0]) as gz:
        best = gz.resolve("Olenivka")[0]
        assert best.place.source == "custom" and best.place.lat == pytest.approx(47.70)
        assert any("custom place" in line for line in best.explain)
        assert gz.resolve("Makeevka depot")[0].place.name == "Test Rail Depot"


def test_name_keys_cover_places_regions_countries(small_index) -> None:
    with Gazetteer.open(small_index[0]) as gz:
        keys = {k: (pop, kind) for k, pop, kind in gz.name_keys()}
    assert keys["makiivka"][0] == 338968
    assert keys["ukraine"][1] == "country"
    assert keys["donetsk oblast"][1] == "region"
    assert keys["test rail depot"][1] == "site"
    assert all(k == k.strip() and k for k in keys)


def _truncate(p: Path) -> None:
    data = p.read_bytes()
    p.write_bytes(data[: len(data) // 2])


def _not_sqlite(p: Path) -> None:
    p.write_text("this is not a database\n" * 10)


def _half_written(p: Path) -> None:
    with sqlite3.connect(p) as con:
        con.execute("DELETE FROM meta WHERE key = 'complete'")
    con.close()


def _stale(p: Path) -> None:
    with sqlite3.connect(p) as con:
        con.execute("UPDATE meta SET value = '0-old' WHERE key = 'version'")
    con.close()


def _empty(p: Path) -> None:
    p.write_bytes(b"")


@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        (_truncate, "truncated"),
        (_not_sqlite, "not an SQLite file"),
        (_half_written, "half-written"),
        (_stale, "stale"),
        (_empty, "not an SQLite file"),
    ],
)
def test_bad_index_files_are_detected(small_index, tmp_path, damage, problem) -> None:
    copy = tmp_path / "copy.sqlite"
    shutil.copy(small_index[0], copy)
    damage(copy)
    assert problem in (index_problem(copy, expected_version=index_version()) or "")


@pytest.mark.parametrize("damage", [_truncate, _stale])
def test_bad_index_is_rebuilt_with_its_extra_sources(small_index, tmp_path, damage, caplog) -> None:
    copy = tmp_path / "copy.sqlite"
    shutil.copy(small_index[0], copy)
    shutil.copy(sidecar_path(small_index[0]), sidecar_path(copy))
    damage(copy)
    caplog.set_level(logging.INFO, logger="gazetteer")
    with Gazetteer.open(copy) as gz:  # a rebuild says so, terminal or not
        said = [r.getMessage() for r in caplog.records if r.name == "gazetteer"]
        assert said[0].startswith(f"gazetteer: building the place index {copy}")
        assert said[-1].startswith("gazetteer: index built in")
        info = gz.info()
        assert info["version"] == index_version()
        assert info["only_countries"] == ["UA"]
        assert info["custom_files"] == [str(small_index[1].resolve())]
        assert gz.resolve("Olenivka")[0].place.source == "custom"
    assert index_problem(copy, expected_version=index_version()) is None


def test_cache_location_env_overrides(monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("GEOEVENTS_GAZETTEER", raising=False)
    monkeypatch.setenv("GEOEVENTS_CACHE_DIR", str(tmp_path / "cache"))
    assert cache_dir() == tmp_path / "cache"
    path = default_index_path()
    assert path.parent == tmp_path / "cache" and path.name.startswith("gazetteer-")
    assert path.suffix == ".sqlite"
    monkeypatch.setenv("GEOEVENTS_GAZETTEER", str(tmp_path / "mine.sqlite"))
    assert default_index_path() == tmp_path / "mine.sqlite"


def test_default_index_path_changes_with_version(monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("GEOEVENTS_GAZETTEER", raising=False)
    monkeypatch.setenv("GEOEVENTS_CACHE_DIR", str(tmp_path))
    before = default_index_path()
    monkeypatch.setattr("gazetteer.cache.NORMALIZER_VERSION", "999")
    assert default_index_path() != before


@pytest.mark.parametrize("query", cases.REJECTED)
def test_rejected_queries_raise_query_error(gazetteer, query) -> None:
    with pytest.raises(QueryError):
        gazetteer.resolve(query)
    with pytest.raises(QueryError):
        gazetteer.resolve_text(query)


def test_match_region_never_raises_on_bad_input(gazetteer) -> None:
    assert gazetteer.match_region("x" * 10_000) is None
    assert gazetteer.match_region(None) is None


def test_importing_the_gazetteer_stays_light() -> None:
    code = (
        "import sys, gazetteer; "
        "bad = [m for m in ('pandas', 'geopandas', 'shapely') if m in sys.modules]; "
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_temporaries_of_killed_builds_are_removed(tmp_path) -> None:
    from gazetteer.build import remove_stale_temporaries

    index = tmp_path / "gazetteer-x.sqlite"
    index.write_bytes(b"index")
    old = [
        tmp_path / ".gazetteer-x.sqlite.k3j2.building",
        tmp_path / ".gazetteer-x.sqlite.lookup.9f8e",
        tmp_path / ".gazetteer-x.sqlite.sources.json.a1b2",
    ]
    fresh = tmp_path / ".gazetteer-x.sqlite.zz11.building"  # a build running now
    others = [tmp_path / ".other.sqlite.k3j2.building", tmp_path / "gazetteer-x.sqlite.lock"]
    for p in (*old, fresh, *others):
        p.write_bytes(b"x")
    for p in (*old, others[0]):
        os.utime(p, (time.time() - 7200, time.time() - 7200))
    assert remove_stale_temporaries(index) == sorted(old)
    assert fresh.exists() and all(p.exists() for p in others) and index.exists()
