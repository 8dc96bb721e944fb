"""Sentence splitting for news text, with character spans.

A rule-based splitter tuned for wire copy: it breaks after ``.``, ``!`` or ``?``
(optionally followed by closing quotes or brackets) when the next non-space
character starts a new sentence, and never after common abbreviations
("Gen.", "Lt.", "U.S.", "Jan.", "No."), single initials ("J. Smith"),
or inside decimals ("2.5 km"). Blank lines always end a sentence, so a
dateline or heading on its own line is its own sentence.

>>> [s.text for s in split_sentences("Gen. Smith spoke. A strike hit Kyiv on Dec. 31. No one died.")]
['Gen. Smith spoke.', 'A strike hit Kyiv on Dec. 31.', 'No one died.']
>>> s = split_sentences("First one.  Second one!")[1]
>>> (s.start, s.end, s.text)
(12, 23, 'Second one!')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

import ahocorasick

T = TypeVar("T")

#: Lower-cased tokens (without the final dot) after which a dot does not end a sentence.
#: (Single letters are initials: "J. Smith", and in Ukrainian and Russian "м. Суми"
#: (місто), "с. Липці" (село), "г. Белгород" (город).)
ABBREVIATIONS: frozenset[str] = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt cpt sgt adm cmdr gov sen rep rev st mt ft
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    no nos vs etc approx est dept univ corp inc ltd co jr sr
    u.s u.k u.n e.u u.s.a a.m p.m i.e e.g km sq
    смт обл пос вул ул просп пр тис тыс млн млрд грн руб див ген им ім
    """.split()
)

# A candidate boundary: terminal punctuation, optional closers, then whitespace.
_BOUNDARY = re.compile(r"""[.!?]+["'”’)\]]*(?=\s)""")
_PARA = re.compile(r"\n[ \t]*\n|\r\n[ \t]*\r\n")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_NEXT = re.compile(r"\s+(\S)")


@dataclass(frozen=True)
class Sentence:
    """A sentence and its ``[start, end)`` character span in the source text."""

    text: str
    start: int
    end: int
    index: int = 0


def _is_break(text: str, dot_pos: int, after: int) -> bool:
    """Decide whether the punctuation at ``dot_pos`` ends a sentence."""
    nxt = _NEXT.match(text, after)
    if nxt is None:
        return True
    following = nxt.group(1)
    if text[dot_pos] in "!?":
        return True
    if following.islower() or following in ",;:":
        return False
    m = _WORD_BEFORE.search(text, max(0, dot_pos - 64), dot_pos)  # no copy, no full scan
    if m is None:
        return True
    word = m.group(1).lower().strip(".")
    if word in ABBREVIATIONS:
        # "on Dec. 31." — a month abbreviation followed by a number continues.
        return False
    if len(word) == 1 and word.isalpha():  # an initial: "J. Smith"
        return False
    return True


def _split_block(text: str, offset: int) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if _is_break(text, m.start(), m.end()):
            spans.append((start, m.end()))
            start = m.end()
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        seg = text[a:b]
        stripped = seg.strip()
        if not stripped:
            continue
        lead = len(seg) - len(seg.lstrip())
        out.append((offset + a + lead, offset + a + lead + len(stripped)))
    return out


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into :class:`Sentence` objects with spans into ``text``.

    >>> [s.text for s in split_sentences("Moscow, Aug 2 (EFE)\\n\\nDrones hit a depot. It burned.")]
    ['Moscow, Aug 2 (EFE)', 'Drones hit a depot.', 'It burned.']
    >>> split_sentences("")
    []
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _PARA.finditer(text):
        spans.extend(_split_block(text[pos : m.start()], pos))
        pos = m.end()
    spans.extend(_split_block(text[pos:], pos))
    return [Sentence(" ".join(text[a:b].split()), a, b, i) for i, (a, b) in enumerate(spans)]


_WORDS = re.compile(r"[^\W_]+")


@lru_cache(maxsize=512)
def _tokens(sentence: str) -> tuple[str, ...]:
    return tuple(_WORDS.findall(sentence.lower()))


#: Stem tuples seen by :func:`has_stem` (by identity; the tuples are kept
#: alive here) -> their bit in a word's mask.
_STEM_BITS: dict[int, tuple[int, tuple[str, ...]]] = {}
#: Word -> bit mask of the stem tuples it starts with (words repeat a lot).
_WORD_MASK: dict[str, int] = {}
_WORD_MASK_MAX = 500_000


def _bit(stems: tuple[str, ...]) -> int:
    hit = _STEM_BITS.get(id(stems))
    if hit is None:
        hit = (1 << len(_STEM_BITS), stems)
        _STEM_BITS[id(stems)] = hit
        _WORD_MASK.clear()
        _sentence_mask.cache_clear()
    return hit[0]


def _word_mask(word: str) -> int:
    mask = 0
    for bit, stems in _STEM_BITS.values():
        if word.startswith(stems):
            mask |= bit
    if len(_WORD_MASK) >= _WORD_MASK_MAX:
        _WORD_MASK.clear()
    _WORD_MASK[word] = mask
    return mask


@lru_cache(maxsize=512)
def _sentence_mask(sentence: str) -> int:
    mask = 0
    get = _WORD_MASK.get
    for word in _tokens(sentence):
        m = get(word)
        mask |= _word_mask(word) if m is None else m
    return mask


def has_stem(sentence: str, stems: tuple[str, ...]) -> bool:
    """Whether a lower-cased word of ``sentence`` starts with one of ``stems``.

    The cheap pre-filter of each extraction stage: a stage lists the stems its
    patterns cannot match without (a weapon name, a casualty verb, a trigger)
    and skips its regex scans for the many sentences that have none. Words are
    runs of letters and digits ("Kh-101" is "kh", "101"). Each sentence is read
    once for all stem tuples (a bit mask per word, cached), so pass module-level
    tuples, not new ones on every call.

    >>> has_stem("Two Grad rockets hit Kherson", ("grad", "himars"))
    True
    >>> has_stem("Residents spent the night in shelters", ("kill", "wound"))
    False
    """
    bit = _bit(stems)
    return bool(_sentence_mask(sentence) & bit)


#: Literal tables seen by :func:`candidates` (by identity, kept alive here) ->
#: an automaton whose values are the indices of the entries holding each literal.
_TABLE_AUTOMATA: dict[int, tuple[ahocorasick.Automaton | None, tuple[tuple[str, ...], ...]]] = {}


def candidates(low: str, table: tuple[tuple[str, ...], ...]) -> list[int]:
    """Indices, in order, of the entries of ``table`` one of whose literals occurs in ``low``.

    ``low`` is lower-cased text, ``table`` the per-pattern literals of a stage
    (every match of pattern ``i`` contains one of ``table[i]``). One
    Aho-Corasick pass finds all literals, overlapping ones included, and no
    entry is tested on its own; the automaton is built once per table, so pass
    module-level tables.

    >>> candidates("two grad rockets", (("himars",), ("grad", "bm-21"), ("rocket",), ("ad",)))
    [1, 2, 3]
    >>> candidates("peace talks", (("himars",),))
    []
    """
    hit = _TABLE_AUTOMATA.get(id(table))
    if hit is None:
        owners: dict[str, list[int]] = {}
        for i, lits in enumerate(table):
            for lit in lits:
                owners.setdefault(lit, []).append(i)
        auto = None
        if owners:
            auto = ahocorasick.Automaton()
            for lit, idx in owners.items():
                auto.add_word(lit, tuple(idx))
            auto.make_automaton()
        hit = (auto, table)
        _TABLE_AUTOMATA[id(table)] = hit
    auto = hit[0]
    if auto is None or not low:
        return []
    found: set[int] = set()
    for _, idx in auto.iter(low):
        found.update(idx)
    return sorted(found)


def gated_entries(
    sentence: str, entries: Sequence[T], table: tuple[tuple[str, ...], ...], *, gate: bool = True
) -> list[T]:
    """The ``entries`` (one per ``table`` row, in order) that :func:`candidates` keeps
    for ``sentence``; every entry without ``gate``.

    >>> table = (("himars",), ("grad",), ("rocket",))
    >>> gated_entries("Two Grad rockets", ["himars", "grad", "rocket"], table)
    ['grad', 'rocket']
    """
    if not gate:
        return list(entries)
    return [entries[i] for i in candidates(sentence.lower(), table)]
