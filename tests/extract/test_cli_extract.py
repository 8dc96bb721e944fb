"""``geoevents extract``: real runs, real files opened with GDAL, schema-valid output (point 8)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pyogrio
import pytest
from click.testing import CliRunner

from geoevents.cli import main
from geoevents.io.events import frame_to_events, read_events, to_feature_collection

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
NIKOPOL = (
    "Shelling hits Nikopol\n\nAugust 12, 2022 at 10:00AM\n\nRussian forces shelled Nikopol with "
    "Grad rockets overnight, killing two people, the governor of the Dnipropetrovsk region said.\n"
)
ODESA = (
    "Drones hit Odesa\n\nA Russian drone struck a warehouse in the port of Odesa on Monday, "
    "injuring three workers, the regional governor said.\n"
)


def _geoevents(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "geoevents", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    text = resources.files("geoevents").joinpath("schema/events.schema.json").read_text("utf-8")
    return jsonschema.Draft202012Validator(
        json.loads(text), format_checker=jsonschema.FormatChecker()
    )


@pytest.fixture(scope="module")
def examples_run(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[subprocess.CompletedProcess[str], Path]:
    """``geoevents extract examples/ -o events.geojson``, run once as a real process."""
    cwd = tmp_path_factory.mktemp("run")
    proc = _geoevents("extract", str(EXAMPLES), "-o", "events.geojson", cwd=cwd)
    return proc, cwd / "events.geojson"


@pytest.fixture()
def small_inputs(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a_nikopol.txt").write_text(NIKOPOL, encoding="utf-8")
    (d / "b_odesa.txt").write_text(ODESA, encoding="utf-8")
    return d


def test_examples_run_succeeds_with_summary(examples_run: tuple[Any, Path]) -> None:
    proc, out = examples_run
    assert proc.returncode == 0, proc.stderr
    assert out.is_file()
    channel = json.loads((EXAMPLES / "telegram_air_force.json").read_text(encoding="utf-8"))
    n_articles = (
        sum(1 for _ in (EXAMPLES / "wire_reports.jsonl").open())
        + sum(1 for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html"))
        + sum(1 for m in channel["messages"] if m["type"] == "message" and m["text"])
    )
    summary = proc.stderr.strip().splitlines()
    assert any(f"{n_articles} articles read, 0 failed" in line for line in summary), proc.stderr
    assert any("events found" in line and "unresolved" in line for line in summary)
    assert "error:" not in proc.stderr


def test_examples_output_opens_in_gdal_and_validates(
    examples_run: tuple[Any, Path], validator: jsonschema.Draft202012Validator
) -> None:
    _, out = examples_run
    doc = json.loads(out.read_text(encoding="utf-8"))
    validator.validate(doc)
    info = pyogrio.read_info(out)
    assert info["driver"] == "GeoJSON" and info["geometry_type"] == "Point"
    frame = pyogrio.read_dataframe(out)
    assert len(frame) == len(doc["features"]) > 0
    assert frame.crs is not None and frame.crs.to_epsg() == 4326
    for col in (
        "id",
        "event_type",
        "date",
        "place_name",
        "geonameid",
        "location_precision",
        "disputed",
    ):
        assert col in frame.columns
    # RFC 7946 order: x = lon, y = lat; coordinates agree with the feature geometry
    first = doc["features"][0]
    assert (frame.geometry.iloc[0].x, frame.geometry.iloc[0].y) == tuple(
        first["geometry"]["coordinates"]
    )
    ids = [f["id"] for f in doc["features"]]
    assert len(ids) == len(set(ids))


def test_examples_events_reach_the_expected_places(examples_run: tuple[Any, Path]) -> None:
    """Every place of examples/expected.json has an event in the file (within the tolerance)."""
    from gazetteer.geo import haversine_km, latlon_from_position

    _, out = examples_run
    points = [
        latlon_from_position(f["geometry"]["coordinates"])
        for f in json.loads(out.read_text(encoding="utf-8"))["features"]
    ]
    expected = json.loads((EXAMPLES / "expected.json").read_text(encoding="utf-8"))
    for entry in expected["articles"]:
        for ev in entry["events"]:
            want = (ev["place"]["lat"], ev["place"]["lon"])
            assert any(haversine_km(p, want) <= expected["tolerance_km"] for p in points), ev[
                "place"
            ]


@pytest.mark.parametrize("suffix", [".geojson", ".gpkg", ".csv", ".parquet"])
def test_every_output_format_opens(
    small_inputs: Path,
    tmp_path: Path,
    suffix: str,
    validator: jsonschema.Draft202012Validator,
) -> None:
    out = tmp_path / f"events{suffix}"
    result = CliRunner().invoke(
        main, ["extract", str(small_inputs), "-o", str(out), "--published", "2023-03-01"]
    )
    assert result.exit_code == 0, result.output
    frame = read_events(out)
    assert len(frame) == 2
    assert set(frame["place_name"]) == {"Nikopol", "Odesa"}
    # every format reads back into events that are valid against the JSON Schema
    doc = to_feature_collection(frame_to_events(frame))
    validator.validate(doc)
    assert {f["properties"]["place_name"] for f in doc["features"]} == {"Nikopol", "Odesa"}
    if suffix in (".geojson", ".gpkg"):  # GDAL opens them directly
        gdal_frame = pyogrio.read_dataframe(out)
        assert len(gdal_frame) == 2 and gdal_frame.crs.to_epsg() == 4326
    if suffix == ".csv":  # GDAL's CSV driver finds the points in the lon/lat columns
        gdal_frame = pyogrio.read_dataframe(
            out, X_POSSIBLE_NAMES="lon", Y_POSSIBLE_NAMES="lat", KEEP_GEOM_COLUMNS="NO"
        )
        assert len(gdal_frame) == 2
        nikopol = gdal_frame[gdal_frame["place_name"] == "Nikopol"].geometry.iloc[0]
        assert 47.4 < nikopol.y < 47.7 and 34.2 < nikopol.x < 34.5
    if suffix == ".parquet":  # GeoParquet: the "geo" metadata names the geometry column and CRS
        import pyarrow.parquet as pq

        geo = json.loads(pq.read_schema(out).metadata[b"geo"])
        assert geo["primary_column"] == "geometry"
        assert "Point" in geo["columns"]["geometry"]["geometry_types"]


def test_bad_inputs_among_good_exit_1_and_the_rest_is_written(
    small_inputs: Path, tmp_path: Path
) -> None:
    bad = small_inputs / "c_feed.jsonl"
    bad.write_text(
        json.dumps(
            {
                "id": "k1",
                "text": "Russian missiles hit Kharkiv on Tuesday, killing three people, the mayor said.",
                "published": "2023-03-01",
            }
        )
        + '\n{"id": "k2", "text": broken\n{"id": "k3"}\n',
        encoding="utf-8",
    )
    (small_inputs / "d_binary.txt").write_bytes(b"\x00\x01\x02")
    out = tmp_path / "events.geojson"
    result = CliRunner().invoke(
        main, ["extract", str(small_inputs), "-o", str(out), "--published", "2023-03-01"]
    )
    assert result.exit_code == 1
    assert f"error: {bad}:2: not valid JSON" in result.stderr
    assert f"error: {bad}:3: field text: record has no text" in result.stderr
    assert f"error: {small_inputs / 'd_binary.txt'}: binary file" in result.stderr
    assert "3 articles read, 3 failed" in result.stderr
    frame = read_events(out)
    assert {"Nikopol", "Odesa", "Kharkiv"} <= set(frame["place_name"])


def test_stdin_to_stdout(small_inputs: Path, validator: jsonschema.Draft202012Validator) -> None:
    proc = _geoevents("extract", "-", "--quiet", cwd=small_inputs, stdin=NIKOPOL)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    validator.validate(doc)
    (feat,) = doc["features"]
    assert feat["properties"]["place_name"] == "Nikopol"
    assert feat["properties"]["date_start"] == "2022-08-11"  # "overnight" before the dateline's day
    assert proc.stderr == ""  # --quiet: no summary


def test_explain_prints_the_trail_to_stderr(small_inputs: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(small_inputs / "a_nikopol.txt"), "--explain"])
    assert result.exit_code == 0, result.output
    assert f"explain: {small_inputs / 'a_nikopol.txt'}" in result.stderr
    assert "Nikopol" in result.stderr.split("explain:", 1)[1]
    json.loads(result.stdout)  # stdout holds only the GeoJSON


def test_outputs_are_deterministic(small_inputs: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a.geojson", tmp_path / "b.geojson"
    for out in (a, b):
        assert (
            CliRunner().invoke(main, ["extract", str(small_inputs), "-o", str(out), "-q"]).exit_code
            == 0
        )
    assert a.read_bytes() == b.read_bytes()


@pytest.mark.parametrize(
    "args",
    [
        ["extract"],
        ["extract", "x.txt", "-o", "events.txt"],
        ["extract", "x.txt", "--published", "04/01/2023"],
        ["extract", "x.txt", "--no-such-option"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert CliRunner().invoke(main, args).exit_code == 2


def test_unwritable_output_fails_cleanly(small_inputs: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["extract", str(small_inputs), "-o", str(blocker / "events.gpkg")]
    )
    assert result.exit_code == 1
    assert "cannot write" in result.stderr
    assert blocker.read_text(encoding="utf-8") == "not a directory"


def test_killed_run_leaves_the_previous_output_intact(tmp_path: Path) -> None:
    """SIGKILL in the middle of a run: the output file is the old one, whole, never half."""
    feed = tmp_path / "feed.jsonl"
    lines = ["{broken"]  # reported at once: tells the test that processing has started
    lines += [
        json.dumps(
            {
                "id": f"r{i}",
                "text": f"Russian shelling hit Nikopol overnight, killing {i % 9 + 1} people, "
                "the governor of the Dnipropetrovsk region said.",
                "published": "2022-08-12",
            }
        )
        for i in range(400)
    ]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "events.geojson"
    old = json.dumps({"type": "FeatureCollection", "features": []})
    out.write_text(old, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "geoevents", "extract", str(feed), "-o", str(out)],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stderr is not None
        first = proc.stderr.readline()
        assert first.startswith(f"error: {feed}:1:")
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    assert out.read_text(encoding="utf-8") == old
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_progress_bar_and_closing_summary(small_inputs: Path) -> None:
    """``--progress`` shows the bar off a terminal too; the summary closes the run."""
    proc = _geoevents(
        "extract", str(small_inputs), "-o", "out.geojson", "--progress", cwd=small_inputs
    )
    assert proc.returncode == 0, proc.stderr
    assert "2 articles [" in proc.stderr  # tqdm's count of articles done
    assert proc.stderr.rstrip().endswith(
        "extract: 2 articles read, 0 failed, 2 events found, 0 places unresolved"
    )
    quiet = _geoevents(
        "extract", str(small_inputs), "-o", "out2.geojson", "--no-progress", cwd=small_inputs
    )
    assert "articles [" not in quiet.stderr and "2 events found" in quiet.stderr


def test_article_without_any_date_still_gives_its_event(tmp_path: Path) -> None:
    """No metadata, no dateline, no --published: the event is kept, its date null/unknown."""
    text = "Drone hits Sumy\n\nA Russian drone struck a school in Sumy, injuring four people.\n"
    proc = _geoevents("extract", "-", "--quiet", cwd=tmp_path, stdin=text)
    assert proc.returncode == 0, proc.stderr
    (feat,) = json.loads(proc.stdout)["features"]
    props = feat["properties"]
    assert props["place_name"] == "Sumy"
    assert (props["date"], props["date_start"], props["date_precision"]) == (None, None, "unknown")
    assert props["sources"][0]["published"] is None
