"""Place names in Ukrainian and Russian text, declined as the grammar wants (contract).

A :class:`~geoevents.extract.mentions.Mention` of a Cyrillic sentence has ``text`` the
name the gazetteer resolves (the nominative: "Харків"), ``written`` the form in the
sentence ("Харкові"), and its span over the written form.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from geoevents.extract.mentions import Mention

if TYPE_CHECKING:  # pragma: no cover
    from gazetteer import Gazetteer


def find_mentions(
    sentence: str,
    gz: Gazetteer,
    *,
    exclude: Iterable[tuple[int, int]] = (),
    matcher: Any = None,
) -> list[Mention]:
    """All place mentions of a Ukrainian or Russian sentence, sorted by position."""
    return []


def article_context(
    gz: Gazetteer, text: str
) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    """Regions ``(country, admin1)`` and countries named in Cyrillic ``text`` (declined
    forms included), in order of first mention: as
    :func:`geoevents.extract.mentions.article_context` for English."""
    return (), ()
