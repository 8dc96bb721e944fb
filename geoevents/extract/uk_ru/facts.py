"""What one Ukrainian or Russian sentence says on its own: the same
:class:`~geoevents.extract.facts.SentenceFacts` as English, from the Cyrillic vocabulary
of :mod:`.detect` (triggers), :mod:`.weapons`, :mod:`.counts` (interceptions),
:mod:`.targets`, and the figures per clause of :mod:`.casualties` and :mod:`.claims`.

Labels are the English ones, so a Ukrainian air force post and an English wire story
about the same raid carry the same weapons ("Shahed"), targets and event type.

>>> f = sentence_facts("Уночі ворог атакував Одесу шахедами, пошкоджено багатоповерхівку.")
>>> f.detection.event_type, f.weapons, f.targets
('air_drone_strike', ('Shahed',), ('apartment building',))
>>> f = sentence_facts("Збито 37 з 42 шахедів.")
>>> f.detection.event_type, f.counts.launched.low, f.counts.intercepted.low, f.has_figs
('interception', 42, 37, True)
>>> sentence_facts("Мешканці провели ніч в укриттях.").detection is None
True
"""

from __future__ import annotations

import re

from geoevents.extract.casualties import Casualties
from geoevents.extract.detect import Detection
from geoevents.extract.facts import (
    SPECIFIC_WEAPONS,
    STRIKE_TARGETS,
    ClauseFigures,
    SentenceFacts,
)
from geoevents.extract.sentences import has_stem
from geoevents.extract.uk_ru import casualties, claims
from geoevents.extract.uk_ru.counts import parse_counts
from geoevents.extract.uk_ru.detect import GATE_STEMS as TRIGGER_STEMS
from geoevents.extract.uk_ru.detect import detect
from geoevents.extract.uk_ru.targets import find_targets
from geoevents.extract.uk_ru.weapons import find_weapons, weapon_spans

_NONE = Casualties()

#: Stems of the casualty words: a sentence without one has no figures (the clauses are
#: not read). Broad on purpose: a stem too many costs a parse, one too few loses figures.
#: :mod:`.casualties` may define its own ``GATE_STEMS``; then those are used.
_OWN_CASUALTY_STEMS: tuple[str, ...] = tuple(
    """
    загин загиб вбит вбил вбив убит убил убив поранен поранил травм ранен ранил постраждал
    пострада потерпіл пострадавш жертв смерт мертв помер загибл погиб погибл госпіталіз
    госпитализ шпитал тіл тел вижил контуз
    """.split()
)
CASUALTY_STEMS: tuple[str, ...] = getattr(casualties, "GATE_STEMS", _OWN_CASUALTY_STEMS)


def sentence_facts(s: str) -> SentenceFacts:
    """The :class:`SentenceFacts` of a Ukrainian or Russian sentence (computed afresh;
    the extractor memoises), built exactly as :func:`geoevents.extract.facts.sentence_facts`.

    >>> sentence_facts("Ракета «Іскандер» влучила в підприємство.").detection.event_type
    'shelling_missile_attack'
    """
    wspans = weapon_spans(s)
    per_clause = (
        tuple(clause_casualties(s)) if has_stem(s, CASUALTY_STEMS) else ((0, len(s), _NONE),)
    )
    counts = parse_counts(s)
    has_figs = bool(counts) or any(c.killed or c.injured for _, _, c in per_clause)
    det = None
    targets = None
    if has_stem(s, TRIGGER_STEMS):  # no trigger word: no detection, no targets needed
        targets = find_targets(s)
        corroborated = has_figs or not STRIKE_TARGETS.isdisjoint(targets)
        det = detect(s, wspans, corroborated=corroborated)
        if det is not None and det.strength < 3 and counts.intercepted is not None:
            det = _destroyed_in_the_air(det)
    weapons = find_weapons(s, wspans)
    return SentenceFacts(
        tuple(wspans),
        per_clause,
        has_figs,
        det,
        weapons,
        tuple(w for w in weapons if w in SPECIFIC_WEAPONS),
        targets,
        counts,
    )


_DESTROYED = re.compile(r"знищ\w*|уничтож\w*|знешкод\w*", re.IGNORECASE)


def _destroyed_in_the_air(det: Detection) -> Detection:
    """ "Усі десять знищено", "знищено 87 ракет": with a count shot down, a weak
    "destroyed" is an interception.

    >>> d = Detection("shelling_missile_attack", "знищено", 0, 7, "weak", 1)
    >>> _destroyed_in_the_air(d).event_type
    'interception'
    """
    if not _DESTROYED.fullmatch(det.trigger):
        return det
    why = f"{det.trigger!r} with a count shot down -> interception"
    return Detection("interception", det.trigger, det.start, det.end, why, 2)


def clause_casualties(sentence: str) -> list[ClauseFigures]:
    """Casualty figures of each clause of a Ukrainian or Russian ``sentence``."""
    return [(a, b, casualties.parse_casualties(sentence[a:b])) for a, b in claims.clauses(sentence)]
