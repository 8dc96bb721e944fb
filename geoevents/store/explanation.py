"""Why a fused event is what it is: its member reports and corrections, as data.

:meth:`geoevents.store.sql.EventStore.explain` returns a
:class:`FusionExplanation`; ``geoevents explain`` words it.
"""

from __future__ import annotations

from dataclasses import dataclass

from geoevents.model import Event, stable_id
from geoevents.store.corrections import Correction


@dataclass(frozen=True)
class MemberReport:
    """One report event of a fused event: which article said what, and why it joined."""

    id: str
    joined_with: str | None  # the member it was merged with (None: the others joined it)
    reason: str | None
    article_id: str | None = None  # None when the report's article row is missing
    title: str | None = None
    published: str | None = None
    event: Event | None = None  # the event as extracted from that article


@dataclass(frozen=True)
class FusionExplanation:
    """A fused event, its member reports in fusion order, and the corrections that touch it."""

    event: Event
    members: tuple[MemberReport, ...]
    corrections: tuple[Correction, ...]

    def founded_by(self, member: MemberReport) -> bool:
        """True if the fused event's id derives from ``member`` (its first report)."""
        return stable_id("fused", member.id) == self.event.id
