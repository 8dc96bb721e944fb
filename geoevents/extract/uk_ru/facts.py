"""What one Ukrainian or Russian sentence says on its own (contract; filled in by the
vocabulary modules): the same :class:`~geoevents.extract.facts.SentenceFacts` as English."""

from __future__ import annotations

from geoevents.extract.casualties import Casualties
from geoevents.extract.facts import SentenceFacts


def sentence_facts(s: str) -> SentenceFacts:
    """The :class:`SentenceFacts` of a Ukrainian or Russian sentence."""
    return SentenceFacts((), ((0, len(s), Casualties()),), False, None, (), (), None)
