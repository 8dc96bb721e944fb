"""What one sentence says on its own: weapons, figures per clause, trigger, targets.

Everything here depends only on the sentence text, so
:class:`geoevents.extract.extractor.Extractor` computes it once per distinct
sentence (wire copy repeats boilerplate sentences across articles).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from geoevents.extract.casualties import GATE_STEMS as CASUALTY_STEMS
from geoevents.extract.casualties import Casualties, parse_casualties
from geoevents.extract.claims import clauses
from geoevents.extract.counts import WeaponCounts, parse_counts
from geoevents.extract.detect import GATE_STEMS as TRIGGER_STEMS
from geoevents.extract.detect import Detection, detect
from geoevents.extract.sentences import has_stem
from geoevents.extract.targets import find_targets
from geoevents.extract.weapons import (
    WEAPONS,
    Weapon,
    find_weapons,
    harmed_aircraft,
    weapon_spans,
)
from geoevents.model import Figure

#: Targets that make "destroyed"/"hit" a strike even without a weapon named.
STRIKE_TARGETS = frozenset(
    {
        "ammunition depot",
        "fuel depot",
        "weapon system",
        "radar",
        "airfield",
        "military base",
        "troop position",
    }
)
#: Weapon labels that name a specific system (not "rocket", "drone").
SPECIFIC_WEAPONS = frozenset(w.label for w in WEAPONS if not w.generic)
_NONE = Casualties()

#: Figures of one clause: ``(start, end, casualties)``.
ClauseFigures = tuple[int, int, Casualties]


@dataclass(frozen=True)
class SentenceFacts:
    """What one sentence says on its own: weapons, figures, trigger, targets.

    ``targets`` is ``None`` when the sentence has no trigger word (then no
    stage needs it).
    """

    weapon_spans: tuple[tuple[int, int, Weapon], ...]
    per_clause: tuple[ClauseFigures, ...]
    has_figs: bool
    detection: Detection | None
    weapons: tuple[str, ...]
    specific: tuple[str, ...]
    targets: tuple[str, ...] | None
    counts: WeaponCounts = WeaponCounts()  # weapons launched / shot down


@dataclass(frozen=True)
class FactReaders:
    """One language's readers of what a sentence says on its own (English:
    :data:`ENGLISH_READERS`; Ukrainian and Russian: :mod:`geoevents.extract.uk_ru.facts`).

    ``harmed`` says whether aircraft are harmed ("two bombers were damaged": a military
    target); ``retype`` may change a detection given the sentence's weapon counts.
    """

    weapon_spans: Callable[[str], list[tuple[int, int, Weapon]]]
    clause_casualties: Callable[[str], list[ClauseFigures]]
    casualty_stems: tuple[str, ...]
    parse_counts: Callable[[str], WeaponCounts]
    trigger_stems: tuple[str, ...]
    find_targets: Callable[[str], tuple[str, ...]]
    detect: Callable[..., Detection | None]
    find_weapons: Callable[[str, list[tuple[int, int, Weapon]]], tuple[str, ...]]
    harmed: Callable[[str, list[tuple[int, int, Weapon]]], bool] = lambda s, spans: False
    retype: Callable[[Detection, WeaponCounts], Detection] = lambda det, counts: det


def sentence_facts(s: str) -> SentenceFacts:
    """The :class:`SentenceFacts` of ``s`` (computed afresh; the extractor memoises).

    >>> f = sentence_facts("Two Grad rockets hit a school in Kherson, killing three people.")
    >>> f.detection.event_type, f.weapons, f.targets, f.per_clause[0][2].killed.low
    ('shelling_missile_attack', ('Grad',), ('school',), 3)
    >>> sentence_facts("Residents spent the night in shelters.").detection is None
    True
    """
    return read_facts(s, ENGLISH_READERS)


def read_facts(s: str, r: FactReaders) -> SentenceFacts:
    """The :class:`SentenceFacts` of ``s`` read by one language's readers ``r``."""
    wspans = r.weapon_spans(s)
    per_clause = (
        tuple(r.clause_casualties(s)) if has_stem(s, r.casualty_stems) else ((0, len(s), _NONE),)
    )
    counts = r.parse_counts(s)
    has_figs = bool(counts) or any(c.killed or c.injured for _, _, c in per_clause)
    det = None
    targets = None
    if has_stem(s, r.trigger_stems):  # no trigger word: no detection, no targets needed
        targets = r.find_targets(s)
        harmed = r.harmed(s, wspans)
        if harmed:
            targets = tuple(sorted({*targets, "aircraft"}))
        corroborated = has_figs or harmed or not STRIKE_TARGETS.isdisjoint(targets)
        det = r.detect(s, wspans, corroborated=corroborated)
        if det is not None:
            det = r.retype(det, counts)
    weapons = r.find_weapons(s, wspans)
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


def clause_casualties(sentence: str) -> list[ClauseFigures]:
    """Casualty figures of each clause of ``sentence``."""
    return [(a, b, parse_casualties(sentence[a:b])) for a, b in clauses(sentence)]


def figures_for(pos: int, per_clause: tuple[ClauseFigures, ...]) -> Casualties:
    """Figures of the clause holding ``pos``; else the only figures told before that clause
    ("63 died; 20 were hurt, the governor said"), never those of a later clause, which
    has a speaker of its own ("Moscow says it hit a depot; Kyiv counts 35 dead").

    >>> s = "Moscow says it hit a depot; Kyiv counts 35 dead"
    >>> per_clause = tuple(clause_casualties(s))
    >>> figures_for(0, per_clause).killed is None, figures_for(30, per_clause).killed.low
    (True, 35)
    """
    for a, b, cas in per_clause:
        if a <= pos < b and (cas.killed or cas.injured):
            return cas
    with_figs = [c for a, _, c in per_clause if (c.killed or c.injured) and a <= pos]
    if len(with_figs) == 1:
        return with_figs[0]
    return Casualties()


def merge_figures(per_clause: tuple[ClauseFigures, ...]) -> Casualties:
    """The first killed and the first injured figure over all clauses."""
    killed: Figure | None = None
    injured: Figure | None = None
    for _, _, c in per_clause:
        killed = killed or c.killed
        injured = injured or c.injured
    return Casualties(killed, injured)


ENGLISH_READERS = FactReaders(
    weapon_spans,
    clause_casualties,
    CASUALTY_STEMS,
    parse_counts,
    TRIGGER_STEMS,
    find_targets,
    detect,
    find_weapons,
    harmed=harmed_aircraft,
)
