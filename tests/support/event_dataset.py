"""Big event datasets for tests and benchmarks, generated vectorised (numpy/pandas).

:func:`event_frame` makes ``n`` event rows in the columns ``geoevents extract`` writes
(:func:`geoevents.io.events.events_to_frame`, nested values as JSON text), without
one :class:`~geoevents.model.Event` per row: a few template events give the text
columns (one of them with hostile text everywhere), numpy draws ids, types, positions
and days. :func:`write_dataset` writes it as the event dataset of issue 12
(``DIR/month=YYYY-MM/part-00000.parquet``, GeoParquet, rows sorted by
``report_event_id``, ``month=unknown`` for undated events).

>>> frame = event_frame(1000, seed=1)
>>> len(frame), frame["id"].is_unique, list(frame.columns) == list(events_to_frame([]).columns)
(1000, True, True)
"""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from geoevents.io.events import JSON_COLUMNS, events_to_frame
from geoevents.model import Claim, Event, Source
from geoevents.vocabulary import EVENT_TYPES
from tests.support.synthetic import PLACES, START

#: Hostile text of the template event whose every text field is markup or script.
HOSTILE = "${alert(1)}</script><script>window.pwned=1</script><img src=x onerror=window.pwned=2>"


def _templates() -> gpd.GeoDataFrame:
    """One template row per place (made-up claims), plus one hostile row."""
    events = [
        Event(
            f"tpl-{i}",
            "air_drone_strike",
            lat,
            lon,
            place_name=place,
            admin1=admin1,
            country_code=cc,
            claims=(Claim("Regional governor", "ukraine", quote=f"A strike hit {place}."),),
            sources=(Source(f"a{i}", f"Report about {place}", f"https://example.org/{i}"),),
        )
        for i, (place, admin1, cc, lat, lon) in enumerate(PLACES)
    ]
    events.append(
        Event(
            "tpl-hostile",
            "air_drone_strike",
            46.2,
            34.9,
            place_name=HOSTILE,
            country_code="UA",
            claims=(Claim(HOSTILE, "ukraine", quote=HOSTILE),),
            sources=(Source("h", HOSTILE, "javascript:window.pwned=3"),),
        )
    )
    frame = events_to_frame(events)
    for col in JSON_COLUMNS:
        frame[col] = [json.dumps(v, ensure_ascii=False, sort_keys=True) for v in frame[col]]
    return frame


def event_frame(
    n: int, seed: int = 0, days: int = 730, undated: float = 0.02, hostile: float = 0.001
) -> gpd.GeoDataFrame:
    """``n`` reproducible event rows over ``days`` days from 2023-01-01.

    Positions scatter up to ±0.3° around the template places; ``undated`` of the rows
    have no date, ``hostile`` of them take the hostile template's text.
    """
    rng = np.random.default_rng(seed)
    tpl = _templates()
    n_places = len(tpl) - 1
    pick = rng.integers(0, n_places, n)
    pick[rng.random(n) < hostile] = n_places
    frame = tpl.iloc[pick].reset_index(drop=True)
    frame["id"] = [f"ev-{seed}-{i:07d}" for i in range(n)]
    frame["event_type"] = np.array(sorted(EVENT_TYPES), dtype=object)[
        rng.integers(0, len(EVENT_TYPES), n)
    ]
    day = np.datetime64(START.isoformat()) + rng.integers(0, days, n).astype("timedelta64[D]")
    text = day.astype(str).astype(object)
    text[rng.random(n) < undated] = None
    for col in ("date", "date_start", "date_end"):
        frame[col] = text
    frame["date_precision"] = np.where(pd.isna(text), None, "day")
    lat = tpl.geometry.y.to_numpy()[pick] + rng.uniform(-0.3, 0.3, n).round(3)
    lon = tpl.geometry.x.to_numpy()[pick] + rng.uniform(-0.3, 0.3, n).round(3)
    return frame.set_geometry(gpd.points_from_xy(lon, lat, crs="EPSG:4326"))


def months_of(frame: pd.DataFrame) -> pd.Series:
    """The dataset partition of each row: ``YYYY-MM`` of its first day, else ``unknown``."""
    first = frame["date_start"].where(frame["date_start"].notna(), frame["date"])
    return first.map(lambda d: d[:7] if isinstance(d, str) else "unknown")


def write_dataset(frame: gpd.GeoDataFrame, out: Path, files_per_month: int = 1) -> Path:
    """Write ``frame`` as an event dataset under ``out`` (see the module docstring)."""
    frame = frame.copy()
    frame["report_id"] = [f"r{i:08x}" for i in range(len(frame))]
    frame["report_published"] = None
    frame["report_event_id"] = "re-" + frame["id"]
    months = months_of(frame)
    for month, part in frame.groupby(months, sort=True):
        folder = out / f"month={month}"
        folder.mkdir(parents=True, exist_ok=True)
        part = part.sort_values("report_event_id")
        for k, chunk in enumerate(np.array_split(np.arange(len(part)), files_per_month)):
            part.iloc[chunk].to_parquet(folder / f"part-{k:05d}.parquet", index=False)
    (out / "_errors.jsonl").write_text("", encoding="utf-8")
    return out
