"""``geoevents map`` end to end on the example reports: articles, event files, the store."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from geoevents.cli import main
from geoevents.io.events import read_events
from maps import assets
from maps.mapdata import date_window
from tests.maps.conftest import embedded_data

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def run(*args: Any, env: dict[str, str] | None = None) -> Any:
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example reports extracted once to .geojson and .gpkg by `geoevents extract`."""
    out = tmp_path_factory.mktemp("extracted")
    paths = {}
    for suffix in (".geojson", ".gpkg"):
        path = out / f"events{suffix}"
        result = run("extract", EXAMPLES, "-o", path, "--quiet")
        assert result.exit_code == 0, result.output
        paths[suffix] = path
    return paths


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A GeoPackage store of the example reports made by `geoevents ingest`."""
    db = tmp_path_factory.mktemp("store") / "events.gpkg"
    result = run("ingest", EXAMPLES, "--db", db)
    assert result.exit_code == 0, result.output
    return db


def _ids(features: list[dict[str, Any]]) -> list[str]:
    return sorted(f["id"] for f in features)


def test_map_of_example_articles_runs_extraction(
    extracted: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "articles.html"
    result = run("map", EXAMPLES, "-o", out, "--title", "Example reports")
    assert result.exit_code == 0, result.output
    expected = read_events(extracted[".geojson"])
    assert len(expected) >= 10
    assert f"wrote a map of {len(expected)} events" in result.output
    data = embedded_data(out)
    assert _ids(data["events"]["features"]) == sorted(expected["id"])
    html = out.read_text(encoding="utf-8")
    assert "<title>Example reports</title>" in html
    # the embedded collection is itself readable as an events file
    copy = tmp_path / "embedded.geojson"
    copy.write_text(json.dumps(data["events"]), encoding="utf-8")
    assert sorted(read_events(copy)["id"]) == sorted(expected["id"])


@pytest.mark.parametrize("suffix", [".geojson", ".gpkg"])
def test_map_of_event_files(extracted: dict[str, Path], tmp_path: Path, suffix: str) -> None:
    src = extracted[suffix]
    out = tmp_path / "events.html"
    result = run("map", src, "-o", out, "--heat", "--regions")
    assert result.exit_code == 0, result.output
    frame = read_events(src)
    data = embedded_data(out)
    assert _ids(data["events"]["features"]) == sorted(frame["id"])
    by_id = {f["id"]: f for f in data["events"]["features"]}
    for row in frame.itertuples():
        lon, lat = by_id[row.id]["geometry"]["coordinates"]
        assert (round(lat, 5), round(lon, 5)) == (
            round(row.geometry.y, 5),
            round(row.geometry.x, 5),
        )
        assert by_id[row.id]["properties"]["event_type"] == row.event_type
    assert sum(r["count"] for r in data["regions"]) == len(frame)
    config = re.search(r"geoeventsMap\(map_\w+, (\{.*?\}),\n", out.read_text(encoding="utf-8"))
    assert config and json.loads(config.group(1))["heat"] is True


def test_map_of_store_with_filters(store: Path, tmp_path: Path) -> None:
    from geoevents.store import open_store

    with open_store(store, create=False) as st:
        everything = st.events()
    out = tmp_path / "all.html"
    assert run("map", "--db", store, "-o", out).exit_code == 0
    assert _ids(embedded_data(out)["events"]["features"]) == sorted(everything["id"])

    out = tmp_path / "shelling.html"
    result = run("map", "--db", store, "-o", out, "--type", "shelling_missile_attack")
    assert result.exit_code == 0, result.output
    feats = embedded_data(out)["events"]["features"]
    expected = everything[everything["event_type"] == "shelling_missile_attack"]
    assert 0 < len(feats) == len(expected) < len(everything)
    assert {f["properties"]["event_type"] for f in feats} == {"shelling_missile_attack"}

    out = tmp_path / "since.html"
    result = run("map", "--db", store, "-o", out, "--since", "2023-01-01")
    assert result.exit_code == 0, result.output
    feats = embedded_data(out)["events"]["features"]
    assert 0 < len(feats) < len(everything)
    for f in feats:
        p = f["properties"]
        end = (p.get("date_end") or p.get("date") or "")[:10]
        assert end >= "2023-01-01", f["id"]


def test_corrected_event_is_marked(store: Path, tmp_path: Path) -> None:
    from geoevents.store import open_store

    db = tmp_path / "corrected.gpkg"
    shutil.copy(store, db)
    with open_store(db, create=False) as st:
        target = next(e for e in st.event_list() if e.event_type == "remote_explosive")
    result = run("correct", target.id, "--type", "air_drone_strike", "--db", db, "--note", "t")
    assert result.exit_code == 0, result.output
    out = tmp_path / "corrected.html"
    assert run("map", "--db", db, "-o", out).exit_code == 0
    feats = {f["id"]: f["properties"] for f in embedded_data(out)["events"]["features"]}
    assert feats[target.id]["corrected"] is True
    assert feats[target.id]["event_type"] == "air_drone_strike"
    assert sum(1 for p in feats.values() if p.get("corrected")) == 1


def test_missing_input_is_reported_and_others_still_map(
    extracted: dict[str, Path], tmp_path: Path
) -> None:
    missing = tmp_path / "nope.geojson"
    broken = tmp_path / "broken.geojson"
    broken.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    out = tmp_path / "partial.html"
    result = run("map", missing, extracted[".geojson"], broken, "-o", out)
    assert result.exit_code == 1
    assert re.search(rf"error: .*{re.escape(str(missing))}.*no such file", result.output)
    assert re.search(rf"error: .*{re.escape(str(broken))}", result.output)
    assert "2 inputs skipped" in result.output
    assert _ids(embedded_data(out)["events"]["features"]) == sorted(
        read_events(extracted[".geojson"])["id"]
    )
    # nothing readable at all: clear error, no file
    out2 = tmp_path / "none.html"
    result = run("map", missing, "-o", out2)
    assert result.exit_code == 1 and "no input could be read" in result.output
    assert not out2.exists()
    # no input at all is a usage error
    assert run("map", "-o", out2).exit_code == 2


def _copy_assets(dst: Path) -> Path:
    for asset in (*assets.JS_ASSETS, *assets.CSS_ASSETS, assets.OUTLINES, assets.REGIONS):
        src = assets.asset_path(asset)
        target = dst / asset.package / asset.path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(src, target)
        # CSS images referenced by the stylesheets
        for img in src.parent.glob("*.png"):
            shutil.copy(img, target.parent / img.name)
    return dst


def test_output_is_written_atomically_when_rendering_fails(
    extracted: dict[str, Path], tmp_path: Path
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "map.html"
    out.write_text("previous map", encoding="utf-8")
    bad_assets = _copy_assets(tmp_path / "assets")
    # a damaged copy of leaflet.js (not UTF-8): found by the check, fails while rendering
    (bad_assets / "leaflet" / "dist" / "leaflet.js").write_bytes(b"\xff\xfe\x00broken")
    env = {assets.ENV_VAR: str(bad_assets)}
    result = run("map", extracted[".geojson"], "-o", out, "--offline", env=env)
    assert result.exit_code == 1
    assert "leaflet.js cannot be read" in result.output
    assert out.read_text(encoding="utf-8") == "previous map"
    assert sorted(p.name for p in out_dir.iterdir()) == ["map.html"]  # no temp file left
    # a missing asset is named with the command that installs it
    (bad_assets / "leaflet" / "dist" / "leaflet.js").unlink()
    result = run("map", extracted[".geojson"], "-o", out, "--offline", env=env)
    assert result.exit_code == 1
    assert "leaflet/dist/leaflet.js not found" in result.output and "npm ci" in result.output
    assert out.read_text(encoding="utf-8") == "previous map"
    # with the good copy the same command replaces the file
    (bad_assets / "leaflet" / "dist" / "leaflet.js").write_bytes(
        assets.asset_path(assets.JS_ASSETS[0]).read_bytes()
    )
    result = run("map", extracted[".geojson"], "-o", out, "--offline", env=env)
    assert result.exit_code == 0, result.output
    assert embedded_data(out)["events"]["features"]
    assert sorted(p.name for p in out_dir.iterdir()) == ["map.html"]


def test_offline_file_has_no_external_script_or_stylesheet(
    extracted: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "offline.html"
    result = run("map", extracted[".gpkg"], "-o", out, "--offline")
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]*\ssrc=", html, re.I)
    assert not re.search(r"<link[^>]*\shref=[\"']?https?:", html, re.I)
    assert not re.search(r"@import|url\(\s*[\"']?https?:", html, re.I)
    assert "cdn.jsdelivr.net" not in html
    assert 'id="geoevents-outlines"' in html
    for asset in assets.JS_ASSETS:  # every library is inside the file
        first_line = assets.read_asset(asset).strip().splitlines()[0][:60]
        assert assets.safe_inline_script(first_line) in html, asset.name


def test_title_with_markup_and_template_syntax(extracted: dict[str, Path], tmp_path: Path) -> None:
    title = "{{ 7*7 }}{% raw %}</title><script>window.pwned=1</script>"
    out = tmp_path / "title.html"
    result = run("map", extracted[".geojson"], "-o", out, "--title", title)
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "<title>{{ 7*7 }}{% raw %}&lt;/title&gt;&lt;script&gt;" in html
    assert "<script>window.pwned" not in html and "49" not in re.findall(r"<title>.*", html)[0]
    config = re.search(r"geoeventsMap\(map_\w+, (\{.*?\}),\n", html)
    assert config and json.loads(config.group(1))["title"] == title


def test_same_input_gives_the_same_page(extracted: dict[str, Path], tmp_path: Path) -> None:
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    assert run("map", extracted[".geojson"], "-o", a).exit_code == 0
    assert run("map", extracted[".geojson"], "-o", b).exit_code == 0
    assert a.read_bytes() == b.read_bytes()


def test_date_range_covers_every_event_window(extracted: dict[str, Path]) -> None:
    from geoevents.io.events import frame_to_events
    from maps.eventmap import build_map, render_html

    frame = read_events(extracted[".geojson"])
    data = embedded_data(render_html(build_map(frame)))
    windows = [w for e in frame_to_events(frame) if (w := date_window(e))]
    assert data["dateRange"] == [min(w[0] for w in windows), max(w[1] for w in windows)]
