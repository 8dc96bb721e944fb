"""Claimants, denials and "could not verify" in Ukrainian and Russian (contract; the same
:class:`~geoevents.extract.claims.SentenceClaims` as English)."""

from __future__ import annotations

from collections.abc import Callable

from geoevents.extract.claims import SentenceClaims


def find_claims(
    sentence: str, *, country_of: Callable[[str], str | None] | None = None
) -> SentenceClaims:
    """Claim information of one sentence."""
    return SentenceClaims()


def clauses(sentence: str) -> list[tuple[int, int]]:
    """``[start, end)`` spans of the clauses of ``sentence`` (figures are read per clause)."""
    return [(0, len(sentence))]
