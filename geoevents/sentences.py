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
from dataclasses import dataclass

#: Lower-cased tokens (without the final dot) after which a dot does not end a sentence.
ABBREVIATIONS: frozenset[str] = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt cpt sgt adm cmdr gov sen rep rev st mt ft
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    no nos vs etc approx est dept univ corp inc ltd co jr sr
    u.s u.k u.n e.u u.s.a a.m p.m i.e e.g km sq
    """.split()
)

# A candidate boundary: terminal punctuation, optional closers, then whitespace.
_BOUNDARY = re.compile(r"""[.!?]+["'”’)\]]*(?=\s)""")
_PARA = re.compile(r"\n[ \t]*\n|\r\n[ \t]*\r\n")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


@dataclass(frozen=True)
class Sentence:
    """A sentence and its ``[start, end)`` character span in the source text."""

    text: str
    start: int
    end: int
    index: int = 0


def _is_break(text: str, dot_pos: int, after: int) -> bool:
    """Decide whether the punctuation at ``dot_pos`` ends a sentence."""
    nxt = re.match(r"\s+(\S)", text[after:])
    if nxt is None:
        return True
    following = nxt.group(1)
    if text[dot_pos] in "!?":
        return True
    if following.islower() or following in ",;:":
        return False
    m = _WORD_BEFORE.search(text[:dot_pos])
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
