"""``geoevents fuse`` end to end: an event dataset -> fused events with their members,
the same with ``--engine local`` and ``--engine dask --workers 2``."""

from __future__ import annotations

import json

import geopandas as gpd

from geoevents.scale.synthetic import edge_cases, synthetic_report_events
from geoevents.store.fusion import fuse
from tests.scale.fusion_data import write_dataset
from tests.support.cli import run


def test_fuse_local_and_dask_write_the_same_events(tmp_path, gazetteer):
    items = synthetic_report_events(0, 900) + edge_cases(2)
    dataset = write_dataset(items, tmp_path / "events")
    expected = fuse(items)

    local = run("fuse", dataset, "-o", tmp_path / "local.parquet")
    assert local.exit_code == 0, local.output
    assert f"{len(expected)} fused events" in local.output
    dask = run("fuse", dataset, "-o", tmp_path / "dask.parquet", "--engine", "dask", "--workers", 2)
    assert dask.exit_code == 0, dask.output

    a = gpd.read_parquet(tmp_path / "local.parquet")
    b = gpd.read_parquet(tmp_path / "dask.parquet")
    assert a.equals(b)
    assert list(a["id"]) == [f.event.id for f in expected]
    assert [tuple(json.loads(m)) for m in a["members"]] == [f.members for f in expected]

    geojson = run("fuse", dataset, "-o", tmp_path / "fused.geojson", "-q")
    assert geojson.exit_code == 0, geojson.output
    features = json.loads((tmp_path / "fused.geojson").read_text())["features"]
    assert [f["properties"]["members"] for f in features] == [list(f.members) for f in expected]


def test_fuse_usage_errors(tmp_path):
    assert run("fuse", tmp_path / "nothing", "-o", tmp_path / "x.parquet").exit_code == 1
    assert run("fuse", tmp_path, "-o", tmp_path / "x.txt").exit_code == 2
    result = run("fuse", tmp_path, "-o", tmp_path / "x.parquet", "--workers", 2)
    assert result.exit_code == 2 and "--workers needs --engine dask" in result.output
