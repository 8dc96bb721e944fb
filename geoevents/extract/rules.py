"""Which language's rules read a sentence: English, or Ukrainian and Russian.

Every stage that reads words (facts, claims, place mentions, dates) comes in one set per
language; the per-article driver asks :func:`rules_for` for the set of each sentence, so a
post that mixes a Ukrainian paragraph with an English one is read sentence by sentence.
A sentence written mostly in Cyrillic is read by :mod:`geoevents.extract.uk_ru` when it
is Ukrainian or Russian (or too short to tell), and by no rules when it is in another
Cyrillic language (Belarusian, Bulgarian, ...); any other sentence by the English rules.

>>> rules_for("Russian missiles struck Kharkiv overnight.").name
'en'
>>> rules_for("Унаслідок ракетного удару по Харкову загинули двоє людей.").name
'uk_ru'
>>> is_cyrillic("Ракетний удар по Kharkiv")
True
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from geoevents import dates
from geoevents.dates import DateSpan
from geoevents.extract import attacker, claims, facts, mentions
from geoevents.extract.casualties import Casualties
from geoevents.extract.claims import SentenceClaims
from geoevents.extract.facts import SentenceFacts
from geoevents.extract.mentions import Mention
from geoevents.extract.uk_ru import attacker as uk_ru_attacker
from geoevents.extract.uk_ru import claims as uk_ru_claims
from geoevents.extract.uk_ru import dates as uk_ru_dates
from geoevents.extract.uk_ru import facts as uk_ru_facts
from geoevents.extract.uk_ru import mentions as uk_ru_mentions
from geoevents.io.language import READ, sentence_language


@dataclass(frozen=True)
class Rules:
    """The word-reading stages of one language (or of none: ``"none"``)."""

    name: str
    sentence_facts: Callable[[str], SentenceFacts]
    find_claims: Callable[..., SentenceClaims]
    find_mentions: Callable[..., list[Mention]]
    event_date: Callable[[str, datetime.date | None], DateSpan]
    attacker_side: Callable[[str, str], str | None]
    blamed_sides: Callable[[str], set[str]]
    refers_back: Callable[[str], bool]


def _no_facts(s: str) -> SentenceFacts:
    return SentenceFacts((), ((0, len(s), Casualties()),), False, None, (), (), None)


def _no_claims(s: str, **_: Any) -> SentenceClaims:
    return SentenceClaims()


def _no_mentions(s: str, gz: Any, **_: Any) -> list[Mention]:
    return []


def _no_date(s: str, published: datetime.date | None) -> DateSpan:
    return dates.event_date("", published)


ENGLISH = Rules(
    "en",
    facts.sentence_facts,
    claims.find_claims,
    mentions.find_mentions,
    dates.event_date,
    attacker.attacker_side,
    attacker.blamed_sides,
    claims.refers_back,
)
UK_RU = Rules(
    "uk_ru",
    uk_ru_facts.sentence_facts,
    uk_ru_claims.find_claims,
    uk_ru_mentions.find_mentions,
    uk_ru_dates.event_date,
    uk_ru_attacker.attacker_side,
    uk_ru_attacker.blamed_sides,
    uk_ru_claims.refers_back,
)
#: A sentence in a language geoevents does not read: it says nothing.
NOT_READ = Rules(
    "none",
    _no_facts,
    _no_claims,
    _no_mentions,
    _no_date,
    lambda s, t: None,
    lambda s: set(),
    lambda s: False,
)


def is_cyrillic(text: str) -> bool:
    """Whether most letters of ``text`` are Cyrillic (a Latin name inside counts less)."""
    if _CYRILLIC.search(text) is None:  # English text: one scan in C
        return False
    return len(_CYRILLIC.findall(text)) > len(_LATIN.findall(text))


_CYRILLIC = re.compile("[\u0400-\u04ff]")
_LATIN = re.compile("[A-Za-z]")


@lru_cache(maxsize=8192)
def rules_for(sentence: str) -> Rules:
    """The rules that read ``sentence`` (see the module docstring)."""
    if not is_cyrillic(sentence):
        return ENGLISH
    lang = sentence_language(sentence)
    return UK_RU if lang is None or lang in READ else NOT_READ
