"""The extraction wing: articles -> strike events.

:class:`Extractor` drives the per-sentence modules (``sentences``, ``detect``,
``claims``, ``casualties``, ``weapons``, ``targets``, ``mentions``, ``locate``)
over each article; :func:`extract_events` is the one-call Python API.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from geoevents.errors import InputError
from geoevents.extract.article import ArticleResult
from geoevents.extract.extractor import ExtractionError, Extractor
from geoevents.model import Event, sort_events

if TYPE_CHECKING:  # pragma: no cover
    import geopandas

    from gazetteer import Gazetteer

__all__ = ["ArticleResult", "ExtractionError", "Extractor", "extract_events"]


def extract_events(
    inputs: Sequence[str | Path],
    *,
    gazetteer: Gazetteer | None = None,
    published: datetime.date | None = None,
) -> tuple[geopandas.GeoDataFrame, list[InputError]]:
    """Read ``inputs`` and extract their events into a GeoDataFrame.

    Bad inputs and articles whose extraction fails do not stop the run: they
    come back as :class:`InputError` in the second element, in input order.
    """
    from geoevents.io.events import events_to_frame

    events: list[Event] = []
    errors: list[InputError] = []
    for item in Extractor(gazetteer).run(inputs, published=published):
        if isinstance(item, InputError):
            errors.append(item)
        else:
            events.extend(item.events)
    return events_to_frame(sort_events(events)), errors
