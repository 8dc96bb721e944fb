"""`geoevents geocode` and `geoevents gazetteer` on the real default index."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from geoevents.cli import main

REQUIRED = {"name", "lat", "lon", "country_code", "admin1", "geonameid", "precision", "score"}


@pytest.fixture(scope="module")
def run(gazetteer):  # the fixture builds the default index once
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, list(args), catch_exceptions=False)

    return invoke


def test_geocode_json_from_a_fresh_process(gazetteer) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "geoevents", "geocode", "Makiivka", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    candidates = json.loads(proc.stdout)
    assert isinstance(candidates, list) and candidates
    assert all(REQUIRED <= set(c) for c in candidates)
    assert candidates[0]["geonameid"] == 702320
    assert candidates[0]["admin1"] == "Donetsk Oblast"
    scores = [c["score"] for c in candidates]
    assert scores == sorted(scores, reverse=True)


def test_several_queries_json(run) -> None:
    result = run("geocode", "Kharkiv", "Crimean Bridge", "--json", "--limit", "2")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [d["query"] for d in data] == ["Kharkiv", "Crimean Bridge"]
    assert data[0]["candidates"][0]["geonameid"] == 706483
    assert data[1]["candidates"][0]["precision"] == "site"
    assert all(len(d["candidates"]) <= 2 for d in data)


def test_human_output_with_explain(run) -> None:
    result = run("geocode", "Olenivka, Donetsk Oblast", "--explain", "--limit", "1")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Olenivka, Donetsk Oblast:"
    assert lines[1].startswith("  1. Olenivka (Donetsk Oblast, UA)")
    assert any(line.strip().startswith("- ") for line in lines[2:])


def test_country_option(run) -> None:
    result = run("geocode", "Aleksandrovka", "--country", "RU", "--json")
    assert result.exit_code == 0
    assert {c["country_code"] for c in json.loads(result.stdout)} == {"RU"}
    bad = run("geocode", "Kyiv", "--country", "Ukraine")
    assert bad.exit_code == 2 and "--country" in bad.stderr


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "empty query"),
        ("   ", "empty query"),
        ("k" * 10_000, "too long"),
        ("Kyiv\x00", "control characters"),
        ("Kyiv\x07Lviv", "control characters"),
    ],
)
def test_bad_query_is_a_clear_message_and_exit_1(run, query: str, message: str) -> None:
    result = run("geocode", query)
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert len(result.stderr) < 300


def test_no_match_exits_1_and_prints_empty_json(run) -> None:
    result = run("geocode", "Qwxzzyqplk", "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []
    assert "no match" in result.stderr


def test_one_bad_query_among_good_ones(run) -> None:
    result = run("geocode", "Kyiv", "", "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data[0]["candidates"] and data[1]["candidates"] == [] and "error" in data[1]


def test_csv_batch_keeps_every_row(run, tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    rows = [
        {"id": "1", "where": "Makiivka", "note": "kept"},
        {"id": "2", "where": "Qwxzzyqplk", "note": "unresolvable"},
        {"id": "3", "where": "", "note": "empty"},
        {"id": "4", "where": "Zaporizhzhia NPP", "note": "site"},
        {"id": "5", "where": "Makiivka", "note": "repeat"},
        {"id": "6", "where": "Харків", "note": "cyrillic"},
    ]
    with open(src, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["id", "where", "note"])
        writer.writeheader()
        writer.writerows(rows)
    out = tmp_path / "out" / "geocoded.csv"
    result = run("geocode", "--csv", str(src), "--column", "where", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "resolved 4 of 6 rows" in result.stderr
    with open(out, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        got = list(reader)
        header = reader.fieldnames
    assert header == [
        "id",
        "where",
        "note",
        "lat",
        "lon",
        "place_name",
        "geonameid",
        "country_code",
        "admin1",
        "precision",
        "score",
    ]
    assert [r["id"] for r in got] == ["1", "2", "3", "4", "5", "6"]
    assert got[0]["geonameid"] == "702320" and float(got[0]["lat"]) == pytest.approx(48.04782)
    assert got[1]["lat"] == got[1]["lon"] == got[1]["place_name"] == ""
    assert got[2]["lat"] == "" and got[2]["note"] == "empty"
    assert got[3]["precision"] == "site" and got[3]["geonameid"] == ""
    assert got[4]["lat"] == got[0]["lat"]
    assert got[5]["geonameid"] == "706483"
    assert [p.name for p in out.parent.iterdir()] == ["geocoded.csv"]  # no temp file left


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--column", "nope"], "no column 'nope'"),
        (["--column"], None),
    ],
)
def test_csv_batch_bad_column(run, tmp_path: Path, args: list[str], message: str | None) -> None:
    src = tmp_path / "in.csv"
    src.write_text("id,where\n1,Kyiv\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    if message is None:
        result = run("geocode", "--csv", str(src), "-o", str(out))
        assert result.exit_code == 2 and "--column" in result.stderr
    else:
        result = run("geocode", "--csv", str(src), *args, "-o", str(out))
        assert result.exit_code == 1 and message in result.stderr and str(src) in result.stderr
    assert not out.exists()


def test_usage_errors(run) -> None:
    assert run("geocode").exit_code == 2
    assert run("geocode", "Kyiv", "--csv", "x.csv", "--column", "a", "-o", "y.csv").exit_code == 2


def test_gazetteer_info(run, gazetteer) -> None:
    result = run("gazetteer", "info", "--json")
    assert result.exit_code == 0
    info = json.loads(result.stdout)
    assert info == json.loads(json.dumps(gazetteer.info(), default=str))
    assert {"path", "version", "sources"} <= set(info)
    text = run("gazetteer", "info")
    assert text.exit_code == 0 and f"version: {info['version']}" in text.stdout


def test_gazetteer_build_with_only_bad_dump_fails_cleanly(run, tmp_path: Path) -> None:
    bad = tmp_path / "UA.txt"
    bad.write_text("broken\tline\n", encoding="utf-8")
    target = tmp_path / "index.sqlite"
    result = run("gazetteer", "build", "--geonames", str(bad), "--path", str(target), "--quiet")
    assert result.exit_code == 1
    assert "no valid GeoNames dump line" in result.stderr and str(bad) in result.stderr
    assert "Traceback" not in result.output
    assert not target.exists()


def test_gazetteer_build_missing_file(run, tmp_path: Path) -> None:
    result = run("gazetteer", "build", "--custom", str(tmp_path / "none.csv"))
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_online_fallback_from_the_cli(run, tmp_path: Path) -> None:
    from tests.gazetteer.local_nominatim import LocalNominatim, serve_local_nominatim

    cache = tmp_path / "online.sqlite"
    with serve_local_nominatim() as domain:
        args = [
            "--online",
            "--nominatim-url",
            f"http://{domain}",
            "--online-cache",
            str(cache),
            "--user-agent",
            "geoevents-tests",
            "--json",
        ]
        known = run("geocode", "Kramatorsk", *args)
        assert known.exit_code == 0 and LocalNominatim.requests == []
        for _ in range(2):
            result = run("geocode", "Hamlet Qwxzzyq", *args)
            assert result.exit_code == 0, result.output
            (cand,) = json.loads(result.stdout)
            assert (cand["lat"], cand["lon"], cand["precision"]) == (48.1, 37.5, "settlement")
            assert cand["source"] == "online" and cand["geonameid"] is None
        assert len(LocalNominatim.requests) == 1  # the second run was served by the disk cache
    assert cache.is_file()


def test_online_needs_an_http_url(run) -> None:
    result = run("geocode", "Kyiv", "--online", "--nominatim-url", "ftp://example.org")
    assert result.exit_code == 2 and "--nominatim-url" in result.stderr


@pytest.mark.parametrize("problem", ["missing input", "not utf-8", "unwritable output"])
def test_csv_batch_file_problems_are_clear(run, tmp_path: Path, problem: str) -> None:
    src = tmp_path / "in.csv"
    out = tmp_path / "out.csv"
    if problem == "not utf-8":
        src.write_bytes(b"id,place\n1,K\xe9iv\n")
    elif problem == "unwritable output":
        src.write_text("id,place\n1,Kyiv\n", encoding="utf-8")
        blocker = tmp_path / "file"
        blocker.write_text("x", encoding="utf-8")
        out = blocker / "out.csv"  # a path under a regular file
    result = run("geocode", "--csv", str(src), "--column", "place", "-o", str(out))
    assert result.exit_code == 1
    assert (
        "cannot write" if problem == "unwritable output" else "cannot read CSV"
    ) in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()
