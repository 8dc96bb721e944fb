"""The JSON Schema of the events GeoJSON matches the model and rejects wrong documents (point 7)."""

from __future__ import annotations

import copy
import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from geoevents.errors import InputError
from geoevents.io.events import read_events, to_feature_collection, write_events
from geoevents.model import Claim, Event, Figure, Source
from geoevents.vocabulary import DATE_PRECISION, EVENT_TYPES, LOCATION_PRECISION, SIDES, STANCES


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    text = resources.files("geoevents").joinpath("schema/events.schema.json").read_text("utf-8")
    doc = json.loads(text)
    jsonschema.Draft202012Validator.check_schema(doc)
    return doc


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _event(i: int, event_type: str, **kw: Any) -> Event:
    claims = (
        Claim(
            "Russian Ministry of Defence",
            "russia",
            "asserts",
            killed=Figure(63, 63, None, "63 killed"),
            injured=Figure(24, None, "dozens", "dozens wounded"),
            quote="The ministry said 63 died.",
            article_id="a1",
        ),
        Claim(
            "Ukrainian General Staff",
            "ukraine",
            "denies",
            quote="fake",
            article_id="a1",
            disputes="russia",
        ),
        Claim("Reuters", "other", "reports", killed=Figure(None, 400, "nearly"), article_id="a2"),
    )
    base: dict[str, Any] = dict(
        id=f"ev-{i:04d}",
        event_type=event_type,
        lat=48.04782,
        lon=37.92576,
        date="2023-01-01",
        date_start="2023-01-01",
        date_end="2023-01-01",
        date_precision="day",
        place_name="Makiivka",
        country_code="UA",
        admin1="Donetsk",
        geonameid=702320,
        location_precision=1,
        weapons=("HIMARS",),
        targets=("military base",),
        attacker_side="ukraine",
        claims=claims,
        disputed=True,
        disputed_by=("ukraine",),
        verified=False,
        sources=(Source("a1", "Title", "https://example.org/a1", "2023-01-04", "quote"),),
    )
    base.update(kw)
    return Event(**base)


def _variants() -> list[Event]:
    evs = [_event(i, t) for i, t in enumerate(EVENT_TYPES)]
    evs.append(
        _event(
            10,
            "interception",
            date=None,
            date_start=None,
            date_end=None,
            date_precision="unknown",
            place_name=None,
            country_code=None,
            admin1=None,
            geonameid=None,
            location_precision=3,
            weapons=(),
            targets=(),
            attacker_side=None,
            claims=(),
            disputed=False,
            disputed_by=(),
            verified=None,
            sources=(Source("a3"),),
        )
    )
    evs.append(
        _event(
            11,
            "air_drone_strike",
            date=None,
            date_start="2022-12-26",
            date_end="2023-01-01",
            date_precision="range",
            location_precision=2,
        )
    )
    return evs


def test_valid_collections_pass(validator: jsonschema.Draft202012Validator) -> None:
    fc = to_feature_collection(_variants())
    errors = sorted(validator.iter_errors(fc), key=str)
    assert not errors, errors[0].message if errors else ""
    assert validator.is_valid(to_feature_collection([]))


def test_schema_lists_every_exported_property(schema: dict[str, Any]) -> None:
    props = _event(0, "air_drone_strike").to_properties()
    spec = schema["$defs"]["properties"]
    assert set(spec["required"]) == set(props) == set(spec["properties"])
    for key in (
        "id",
        "event_type",
        "date",
        "date_precision",
        "place_name",
        "country_code",
        "admin1",
        "geonameid",
        "location_precision",
        "weapons",
        "targets",
        "claims",
        "disputed",
        "verified",
        "casualties",
        "sources",
    ):  # the minimum
        assert key in spec["required"]
    assert set(schema["$defs"]["claim"]["properties"]) == set(props["claims"][0])
    assert set(schema["$defs"]["source"]["properties"]) == set(props["sources"][0])


def test_enums_come_from_the_vocabulary(schema: dict[str, Any]) -> None:
    spec = schema["$defs"]["properties"]["properties"]
    assert set(spec["event_type"]["enum"]) == set(EVENT_TYPES)
    assert set(spec["date_precision"]["enum"]) == set(DATE_PRECISION)
    assert set(spec["location_precision"]["enum"]) == set(LOCATION_PRECISION)
    claim = schema["$defs"]["claim"]["properties"]
    assert set(claim["side"]["enum"]) == set(SIDES)
    assert set(claim["stance"]["enum"]) == set(STANCES)


def _mutate(fc: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    doc = copy.deepcopy(fc)
    node = doc
    for key in path[:-1]:
        node = node[key]
    if value is KeyError:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return doc


P = ("features", 0, "properties")


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("type",), "Feature"),
        (("features", 0, "geometry", "coordinates"), [37.9, 148.0]),  # latitude out of range
        (("features", 0, "geometry", "coordinates"), [237.9, 48.0]),  # longitude out of range
        (("features", 0, "geometry", "type"), "Polygon"),
        ((*P, "event_type"), "artillery"),
        ((*P, "date"), "01/01/2023"),
        ((*P, "date_precision"), "month"),
        ((*P, "location_precision"), 4),
        ((*P, "geonameid"), "702320"),
        ((*P, "country_code"), "Ukraine"),
        ((*P, "claims", 0, "side"), "nato"),
        ((*P, "claims", 0, "stance"), "believes"),
        ((*P, "claims", 0, "killed", "low"), -1),
        ((*P, "claims", 0, "claimant"), KeyError),
        ((*P, "sources", 0, "article_id"), KeyError),
        ((*P, "casualties", "killed"), KeyError),
        ((*P, "disputed"), "yes"),
        ((*P, "verified"), "unverified"),
        ((*P, "claims"), KeyError),
        ((*P, "unexpected"), 1),
        (("features", 0, "id"), KeyError),
    ],
)
def test_invalid_documents_fail(
    validator: jsonschema.Draft202012Validator, path: tuple[Any, ...], value: Any
) -> None:
    fc = to_feature_collection([_event(0, "air_drone_strike")])
    assert validator.is_valid(fc)
    assert not validator.is_valid(_mutate(fc, path, value))


def test_written_geojson_validates_and_round_trips(
    tmp_path: Path, validator: jsonschema.Draft202012Validator
) -> None:
    evs = _variants()
    out = write_events(evs, tmp_path / "events.geojson")
    validator.validate(json.loads(out.read_text(encoding="utf-8")))
    back = read_events(out)
    assert len(back) == len(evs)


def test_an_event_without_a_point_geometry_is_named(tmp_path: Path) -> None:
    out = write_events(_variants()[:3], tmp_path / "events.geojson")
    fc = json.loads(out.read_text(encoding="utf-8"))
    fc["features"][1]["geometry"] = None
    bad = tmp_path / "null.geojson"
    bad.write_text(json.dumps(fc), encoding="utf-8")
    with pytest.raises(
        InputError, match=r"null\.geojson: field geometry: feature 1: .*Point.*None"
    ):
        read_events(bad)
    fc["features"][1]["geometry"] = {"type": "LineString", "coordinates": [[30, 50], [31, 51]]}
    bad.write_text(json.dumps(fc), encoding="utf-8")
    with pytest.raises(InputError, match="feature 1: .*'LineString'"):
        read_events(bad)


def test_a_geopackage_row_without_geometry_is_named(tmp_path: Path) -> None:
    import geopandas as gpd

    from geoevents.io.events import LAYER

    out = write_events(_variants()[:3], tmp_path / "events.gpkg")
    frame = gpd.read_file(out, layer=LAYER, engine="pyogrio")
    frame.loc[2, "geometry"] = None
    bad = tmp_path / "null.gpkg"
    frame.to_file(bad, layer=LAYER, engine="pyogrio")
    with pytest.raises(InputError, match=r"null\.gpkg: field geometry: row 2: .*Point.*None"):
        read_events(bad)
