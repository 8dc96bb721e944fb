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

from geoevents.extract.counts import WeaponCounts
from geoevents.extract.detect import Detection
from geoevents.extract.facts import ClauseFigures, FactReaders, SentenceFacts, read_facts
from geoevents.extract.uk_ru import casualties, claims
from geoevents.extract.uk_ru.counts import parse_counts
from geoevents.extract.uk_ru.detect import GATE_STEMS as TRIGGER_STEMS
from geoevents.extract.uk_ru.detect import detect
from geoevents.extract.uk_ru.targets import find_targets
from geoevents.extract.uk_ru.weapons import find_weapons, weapon_spans


def sentence_facts(s: str) -> SentenceFacts:
    """The :class:`SentenceFacts` of a Ukrainian or Russian sentence (computed afresh;
    the extractor memoises), read as :func:`geoevents.extract.facts.sentence_facts` reads
    English.

    >>> sentence_facts("Ракета «Іскандер» влучила в підприємство.").detection.event_type
    'shelling_missile_attack'
    """
    return read_facts(s, READERS)


def _retype(det: Detection, counts: WeaponCounts) -> Detection:
    """A weak "destroyed" with a count shot down is an interception."""
    if det.strength < 3 and counts.intercepted is not None:
        return _destroyed_in_the_air(det)
    return det


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


READERS = FactReaders(
    weapon_spans,
    clause_casualties,
    casualties.GATE_STEMS,
    parse_counts,
    TRIGGER_STEMS,
    find_targets,
    detect,
    find_weapons,
    retype=_retype,
)
