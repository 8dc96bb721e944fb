"""List fields read from event files: a lone value is one item, never split into letters."""

from __future__ import annotations

import json

from geoevents.io.events import read_events


def test_lone_string_list_fields_read_as_one_item(tmp_path) -> None:
    props = {
        "id": "a",
        "event_type": "shelling_missile_attack",
        "weapons": "HIMARS",
        "targets": "bridge",
        "disputed_by": "russia",
    }
    path = tmp_path / "e.geojson"
    feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [37.6, 48.0]}}
    path.write_text(
        json.dumps({"type": "FeatureCollection", "features": [{**feature, "properties": props}]}),
        encoding="utf-8",
    )
    frame = read_events(path)
    row = frame.iloc[0]
    assert list(row["weapons"]) == ["HIMARS"]
    assert list(row["targets"]) == ["bridge"]
    assert list(row["disputed_by"]) == ["russia"]
