"""Killed and injured in Ukrainian and Russian (contract; same Figure conventions as
:mod:`geoevents.extract.casualties`)."""

from __future__ import annotations

from geoevents.extract.casualties import Casualties


def parse_casualties(text: str) -> Casualties:
    """Killed/injured figures of one clause."""
    return Casualties()
