"""QGIS-native GeoPackages: DATE fields, declared relations and a default style, in the store
and in ``export -o OUT.gpkg``, checked the way GDAL (and so QGIS) reads them.

Relations are read by GDAL's own Python bindings (Debian's ``python3-gdal``, run as a
subprocess: the project's venv has pyogrio, which does not expose relationships); field types
through pyogrio's GDAL.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pyogrio
import pytest

from geoevents.store.qgis import SIZE_EXPRESSION, STYLE_NAME
from geoevents.vocabulary import EVENT_TYPES
from tests.support.cli import ROOT, examples_store, run

from .conftest import _skip_or_fail

SYSTEM_PYTHON = "/usr/bin/python3"
_GDAL_RELATIONS = """
import json, sys
from osgeo import gdal
gdal.UseExceptions()
ds = gdal.OpenEx(sys.argv[1])
out = {}
for name in ds.GetRelationshipNames() or []:
    r = ds.GetRelationship(name)
    out[name] = [r.GetLeftTableName(), r.GetRightTableName(), r.GetMappingTableName(),
                 list(r.GetLeftTableFields()), list(r.GetRightTableFields())]
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return examples_store(tmp_path_factory.mktemp("qgis"))


@pytest.fixture(scope="module")
def exported(store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("qgis-out") / "export.gpkg"
    result = run("export", "--db", store, "-o", out)
    assert result.exit_code == 0, result.output
    return out


def gdal_relationships(path: Path) -> dict[str, list]:
    if (
        shutil.which(SYSTEM_PYTHON) is None
        or subprocess.run(
            [SYSTEM_PYTHON, "-c", "from osgeo import gdal"], capture_output=True
        ).returncode
    ):
        _skip_or_fail("GDAL's Python bindings (Debian python3-gdal) are not installed")
    done = subprocess.run(
        [SYSTEM_PYTHON, "-c", _GDAL_RELATIONS, str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(done.stdout)


@pytest.mark.parametrize("which", ["store", "exported"])
def test_days_are_date_fields(which: str, request: pytest.FixtureRequest) -> None:
    path = request.getfixturevalue(which)
    info = pyogrio.read_info(path, layer="events")
    types = dict(zip(info["fields"], info["dtypes"], strict=True))
    assert {types[c] for c in ("date", "date_start", "date_end")} == {"datetime64[D]"}
    sources = pyogrio.read_info(path, layer="sources")
    assert dict(zip(sources["fields"], sources["dtypes"], strict=True))["published"] == (
        "datetime64[D]"
    )
    if which == "store":  # and the store's own times
        reports = pyogrio.read_info(path, layer="reports")
        rtypes = dict(zip(reports["fields"], reports["dtypes"], strict=True))
        assert rtypes["published"] == "datetime64[D]"
        assert rtypes["ingested_at"].startswith("datetime64")
        stamps = pyogrio.read_dataframe(path, layer="reports").ingested_at
        assert stamps.notna().all()
    # and the values are the events' days, not empty
    frame = pyogrio.read_dataframe(path, layer="events", read_geometry=False)
    assert frame.date_start.notna().all() and (frame.date_start <= frame.date_end).all()


@pytest.mark.parametrize("which", ["store", "exported"])
def test_gdal_reads_the_relations(which: str, request: pytest.FixtureRequest) -> None:
    path = request.getfixturevalue(which)
    rels = gdal_relationships(path)
    assert sorted(v[:3] for v in rels.values()) == [
        ["events", "claims", "events_claims"],
        ["events", "sources", "events_sources"],
    ]
    con = sqlite3.connect(path)
    try:
        pairs = con.execute(
            "SELECT e.id, c.event_id FROM events_claims m JOIN events e ON e.fid = m.base_id "
            "JOIN claims c ON c.fid = m.related_id"
        ).fetchall()
        n_claims = con.execute("SELECT count(*) FROM claims").fetchone()[0]
    finally:
        con.close()
    assert len(pairs) == n_claims > 0  # every claim related to its own event
    assert all(a == b for a, b in pairs)


@pytest.mark.parametrize("which", ["store", "exported"])
def test_the_events_layer_has_a_default_style(which: str, request: pytest.FixtureRequest) -> None:
    path = request.getfixturevalue(which)
    styles = pyogrio.read_dataframe(path, layer="layer_styles")
    row = styles[(styles.f_table_name == "events") & (styles.styleName == STYLE_NAME)]
    assert len(row) == 1 and bool(row.useAsDefault.iloc[0])
    assert row.f_geometry_column.iloc[0] == pyogrio.read_info(path, layer="events")["geometry_name"]
    qml = ET.fromstring(row.styleQML.iloc[0])
    renderer = qml.find("renderer-v2")
    assert renderer is not None and renderer.get("attr") == "event_type"
    assert [c.get("value") for c in qml.iter("category")] == list(EVENT_TYPES)
    colours = [o.get("value") for o in qml.iter("Option") if o.get("name") == "color"]
    assert colours[0] == "214,39,40,255"  # air/drone strikes red, as on the HTML map
    sizes = [o.get("value") for o in qml.iter("Option") if o.get("name") == "expression"]
    assert sizes == [SIZE_EXPRESSION] * len(EVENT_TYPES)
    temporal = qml.find("temporal")
    assert temporal is not None
    assert (temporal.get("startField"), temporal.get("endField")) == ("date_start", "date_end")


def test_refusion_keeps_relations_right_and_one_style(store: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.gpkg"
    shutil.copy(store, db)
    more = tmp_path / "more"
    more.mkdir()
    shutil.copy(ROOT / "examples" / "nova_kakhovka_unverified.txt", more / "again.txt")
    (more / "new.txt").write_text(
        "Drones hit a fuel depot in Bryansk\n\nPublished: 2024-01-19\n\n"
        "Drones struck a fuel depot in Bryansk overnight, starting a fire, the governor said.\n",
        encoding="utf-8",
    )
    assert run("ingest", more, "--db", db).exit_code == 0
    con = sqlite3.connect(db)
    try:
        n_styles = con.execute("SELECT count(*) FROM layer_styles").fetchone()[0]
        n_rel = con.execute("SELECT count(*) FROM gpkgext_relations").fetchone()[0]
        orphans = con.execute(
            "SELECT count(*) FROM claims c WHERE NOT EXISTS "
            "(SELECT 1 FROM events_claims m WHERE m.related_id = c.fid)"
        ).fetchone()[0]
    finally:
        con.close()
    assert (n_styles, n_rel, orphans) == (1, 2, 0)
    assert "Bryansk" in set(pyogrio.read_dataframe(db, layer="events").place_name)
