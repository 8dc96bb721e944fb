"""Exported GeoPackages with the store's layers: ``events``, ``claims`` and ``sources``.

``geoevents export -o OUT.gpkg`` writes the events layer (as every events file)
plus one attribute layer of claims and one of sources, each row carrying its
``event_id``; dates are DATE fields, and the relations and the default style are
declared as in the store itself (:mod:`geoevents.store.qgis`), so QGIS opens it styled
with the claims and sources related to each event.

>>> from geoevents.model import Claim, Event, Figure, Source
>>> ev = Event("ev-1", "air_drone_strike", 48.0, 37.9, claims=(
...     Claim("Ministry", "russia", killed=Figure(63, 63)),), sources=(Source("a1", "T"),))
>>> claims_frame([ev])[["event_id", "claimant", "killed_low"]].values.tolist()
[['ev-1', 'Ministry', 63]]
>>> sources_frame([ev])[["event_id", "article_id", "title"]].values.tolist()
[['ev-1', 'a1', 'T']]
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from gazetteer.atomic import atomic_path
from geoevents.model import Claim, Event, Source
from geoevents.store.qgis import prepare_for_qgis

CLAIM_COLUMNS = (
    "event_id",
    "claimant",
    "side",
    "stance",
    "killed_low",
    "killed_high",
    "killed_qualifier",
    "injured_low",
    "injured_high",
    "injured_qualifier",
    "quote",
    "article_id",
    "disputes",
)
SOURCE_COLUMNS = ("event_id", "article_id", "title", "url", "published", "quote")
_INT_COLUMNS = ("killed_low", "killed_high", "injured_low", "injured_high")


def claim_row(event_id: str, c: Claim) -> tuple[object, ...]:
    """The ``claims`` row of claim ``c`` of event ``event_id`` (in :data:`CLAIM_COLUMNS` order)."""
    k, j = c.killed, c.injured
    return (
        event_id,
        c.claimant,
        c.side,
        c.stance,
        k.low if k else None,
        k.high if k else None,
        k.qualifier if k else None,
        j.low if j else None,
        j.high if j else None,
        j.qualifier if j else None,
        c.quote,
        c.article_id,
        c.disputes,
    )


def source_row(event_id: str, s: Source) -> tuple[object, ...]:
    """The ``sources`` row of source ``s`` of event ``event_id`` (:data:`SOURCE_COLUMNS` order)."""
    return (event_id, s.article_id, s.title, s.url, s.published, s.quote)


def claims_frame(events: Sequence[Event]) -> pd.DataFrame:
    """One row per claim of each event (the store's ``claims`` columns)."""
    rows = [claim_row(ev.id, c) for ev in events for c in ev.claims]
    frame = pd.DataFrame(rows, columns=list(CLAIM_COLUMNS), dtype=object)
    for col in _INT_COLUMNS:
        frame[col] = pd.array(frame[col].tolist(), dtype="Int64")
    return frame


def sources_frame(events: Sequence[Event]) -> pd.DataFrame:
    """One row per source article of each event (the store's ``sources`` columns)."""
    rows = [source_row(ev.id, s) for ev in events for s in ev.sources]
    return pd.DataFrame(rows, columns=list(SOURCE_COLUMNS), dtype=object)


def write_layered_gpkg(events: Sequence[Event], path: str | Path) -> Path:
    """Write ``events`` to the GeoPackage ``path`` with ``claims`` and ``sources`` layers
    beside the ``events`` layer; atomic (the file appears whole or not at all)."""
    import pyogrio

    from geoevents.io.events import typed_dates, write_events

    path = Path(path)
    sources = typed_dates(sources_frame(events), ["published"])
    with atomic_path(path) as tmp:
        write_events(events, tmp)
        for layer, table in (("claims", claims_frame(events)), ("sources", sources)):
            pyogrio.write_dataframe(table, tmp, layer=layer, driver="GPKG", use_arrow=True)
        con = sqlite3.connect(tmp)
        try:
            with con:
                prepare_for_qgis(con.cursor())
        finally:
            con.close()
    return path
