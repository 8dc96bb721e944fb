"""Casualty figures (killed, injured) with their qualifiers.

Convention for :class:`geoevents.model.Figure` (consistent with
:attr:`geoevents.model.Event.casualties`, which takes the low of lows and the high
of highs, using the other end when one is ``None``):

==============================  ===========================================
wording                         Figure(low, high, qualifier)
==============================  ===========================================
"63 killed", "sixty-three"      ``(63, 63, None)``
"at least 63", "more than 63"   ``(63, None, "at least")`` / ``"more than"``
"nearly/almost/about/some 50"   ``(50, 50, "nearly")`` ... the stated number, qualifier kept
"up to 40"                      ``(None, 40, "up to")``
"between 10 and 15", "10-15"    ``(10, 15, "between")``
"a dozen"                       ``(12, 12, "a dozen")``
"dozens"                        ``(24, None, "dozens")``
"scores"                        ``(40, None, "scores")``
"hundreds"                      ``(200, None, "hundreds")``
"several"                       ``(3, None, "several")``
"no one was killed"             ``(0, 0, "none")``
"400 dead and wounded"          killed and injured both ``(None, 400, "dead and wounded")``
"destroyed up to 30 soldiers"   killed ``(None, 30, "up to")`` (military reports)
==============================  ===========================================

A combined "dead and wounded" figure is an upper bound for each, never split.

>>> parse_casualties("At least 63 servicemen were killed and 20 injured")
Casualties(killed=Figure(low=63, high=None, qualifier='at least', text='At least 63 servicemen were killed'), injured=Figure(low=20, high=20, qualifier=None, text='20 injured'))
>>> parse_casualties("the strike killed nearly four hundred soldiers").killed
Figure(low=400, high=400, qualifier='nearly', text='killed nearly four hundred')
>>> parse_number("twenty-five"), parse_number("two hundred and fifty"), parse_number("1,200")
(25, 250, 1200)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from geoevents.extract.sentences import has_stem
from geoevents.model import Figure

_UNITS = {
    "zero": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_U = r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_T = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNDER100 = rf"(?:{_T}(?:[- ]{_U})?|{_U})"
_WORDNUM = rf"(?:(?:a|one|two|three|four|five|six|seven|eight|nine)\s+hundred(?:\s+(?:and\s+)?{_UNDER100})?|{_UNDER100})"
NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{_WORDNUM})"

#: Vague quantities: word -> (low, high).
VAGUE: dict[str, tuple[int | None, int | None]] = {
    "a dozen": (12, 12),
    "dozens": (24, None),
    "dozens of": (24, None),
    "scores": (40, None),
    "scores of": (40, None),
    "hundreds": (200, None),
    "hundreds of": (200, None),
    "several": (3, None),
}
_VAGUE = r"(?:a\s+dozen|dozens(?:\s+of)?|scores(?:\s+of)?|hundreds(?:\s+of)?|several)"

_LOWER = {
    "at least": "at least",
    "more than": "more than",
    "over": "more than",
    "upwards of": "at least",
}
_APPROX = (
    "nearly",
    "almost",
    "about",
    "around",
    "some",
    "approximately",
    "roughly",
    "an estimated",
    "close to",
)
_QUAL = r"(?:at\s+least|more\s+than|over|upwards\s+of|nearly|almost|about|around|some|approximately|roughly|an\s+estimated|close\s+to|up\s+to)"
_QTY = (
    rf"(?:between\s+{NUMBER}\s+and\s+{NUMBER}|\d+\s*[-–]\s*\d+|{NUMBER}\s+to\s+{NUMBER}"
    rf"|(?:{_QUAL}\s+)?(?:{NUMBER}|{_VAGUE}))"
)

_KILL_V = (
    r"(?:killed|dead|died|killing|deaths?|lost\s+their\s+lives|perished|fatalities|dying"
    r"|fatally\s+(?:injured|wounded|hurt)|mortally\s+wounded)"
)
#: Hurt: also "taken to hospital", "hospitalised", "(being) treated for injuries".
_HURT_V = (
    r"(?:injured|wounded|hurt|injuring|wounding|injuries|casualties|taken\s+to\s+(?:a\s+|the\s+)?hospitals?"
    r"|hospitali[sz]ed|treated\s+for\s+(?:their\s+)?(?:injuries|wounds))"
)
_NOUN_GAP = r"(?:\s+(?!and\b|or\b|were\b|was\b|have\b|had\b)[A-Za-z'’-]+){0,5}?"
_AUX = r"(?:\s*,[^,]{1,40},)?(?:\s*,?\s+(?:were|was|have\s+been|had\s+been|has\s+been|are|been|being|had|have|has|reportedly|later|also|all))*"

_N_THEN_VERB = re.compile(
    rf"(?<![\w-])(?P<q>{_QTY}){_NOUN_GAP}{_AUX}\s+(?P<v>{_KILL_V}|{_HURT_V})(?P<comb>\s+(?:and|or)\s+(?:{_HURT_V}|{_KILL_V}))?\b",
    re.IGNORECASE,
)
_VERB_THEN_N = re.compile(
    rf"\b(?P<v>killing|killed|injuring|injured|wounding|wounded|left)\s+(?P<q>{_QTY})(?![\w-])"
    rf"(?:{_NOUN_GAP}\s+(?P<v2>dead|injured|wounded))?",
    re.IGNORECASE,
)
_TOLL = re.compile(
    rf"\b(?:death\s+)?toll\s+(?:\w+\s+){{0,3}}?(?:to|at|of|is|was|stood\s+at|reached)\s+(?P<q>{_QTY})(?![\w-])"
    rf"|\b(?:raised|revised|increased)\s+(?:the\s+(?:death\s+)?toll\s+)?to\s+(?P<q2>{_QTY})(?![\w-])"
    rf"(?=\s+(?:the\s+)?(?:number|toll|dead|killed|deaths)|\s*$|[,.])",
    re.IGNORECASE,
)
#: A toll that grew: "the death toll from the strike on X has risen to 46", "the number of
#: injured climbed to 59" (the noun says which figure; up to eight words in between).
_RISEN = re.compile(
    r"\b(?:(?P<k>(?:death\s+)?toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|people\s+killed|those\s+killed"
    r"|victims|fatalities))|(?P<h>number\s+of\s+(?:the\s+)?(?:injured|wounded|people\s+injured"
    r"|injuries)))\b(?:\s+(?!and\b|but\b)[\w'’-]+){0,16}?\s+(?:has\s+|had\s+|have\s+)?"
    rf"(?:risen|rose|climbed|grown|grew|increased|jumped|reached|hit)\s+(?:to\s+)?(?P<q>{_QTY})(?![\w-])",
    re.IGNORECASE,
)
#: People named one by one: "a man", "his wife", "a married couple" (two).
_PERSON = (
    r"(?:[a-z]*(?:man|woman)|civilian|person|child|boy|girl|soldier|resident|driver|pensioner"
    r"|teenager|worker|employee|officer|guard|journalist|volunteer|doctor|nurse|paramedic|firefighter"
    r"|rescuer|student|farmer|baby|infant|toddler|(?:grand|step)?(?:son|daughter|mother|father|child)"
    r"|wife|husband|brother|sister|couple)"
)
_ONE = rf"(?:a|an|one|his|her|their)\s+(?:[\w'’-]+\s+){{0,3}}?{_PERSON}\b(?!['’])"
_ONE_PERSON = re.compile(
    rf"\b(?:a|an|one)\s+(?:[\w'’-]+\s+){{0,3}}?(?P<p>{_PERSON})\s+(?:was|has\s+been|had\s+been)\s+"
    r"(?:\w+ly\s+)?(?P<v>killed|injured|wounded|hurt)\b",
    re.IGNORECASE,
)
#: "killing a woman and her daughter", "injuring their teenage son": one or two people.
_VERB_PERSONS = re.compile(
    rf"\b(?P<v>killing|killed|injuring|injured|wounding|wounded)\s+(?P<a>{_ONE})"
    rf"(?:\s+and\s+(?P<b>{_ONE}))?",
    re.IGNORECASE,
)
#: "X and his wife were killed": two people.
_AND_RELATIVE = re.compile(
    rf"\band\s+(?:his|her|their)\s+(?:[\w'’-]+\s+){{0,2}}?{_PERSON}\s+"
    r"(?:were|have\s+been|had\s+been)\s+(?:\w+ly\s+)?(?P<v>killed|injured|wounded|hurt)\b",
    re.IGNORECASE,
)
#: Bodies recovered are dead: "rescuers recovered 30 bodies", "found the body of a woman".
_BODIES = re.compile(
    rf"\b(?:recovered|found|pulled|retrieved)\s+(?:out\s+)?(?P<q>{_QTY})\s+bodies\b"
    rf"|\b(?:recovered|found|pulled|retrieved)\s+(?:out\s+)?the\s+body\s+of\s+(?:a|an)\s+"
    rf"(?:[\w'’-]+\s+){{0,2}}?{_PERSON}\b",
    re.IGNORECASE,
)
_HOSPITAL = re.compile(
    rf"\b(?:sending|sent|taking|took|rushing|rushed)\s+(?P<q>{_QTY})(?![\w-])"
    r"(?:\s+(?:people|others|more|residents|civilians|of\s+them))?\s+to\s+(?:a\s+|the\s+)?hospitals?\b",
    re.IGNORECASE,
)
#: Military reports count people "destroyed" or "eliminated": killed.
_ELIMINATED = re.compile(
    rf"\b(?:destroyed|eliminated|neutrali[sz]ed|liquidated)\s+(?P<q>{_QTY})"
    r"(?:\s+(?:Ukrainian|Russian|enemy|foreign|more))?"
    r"\s+(?:soldiers|servicemen|troops|militants|fighters|personnel|nationalists|mercenaries|invaders|occupiers)\b",
    re.IGNORECASE,
)
_NONE = re.compile(
    r"\bno\s+(?P<w>one|casualties|deaths|injuries|victims|fatalities)\b(?:\s+(?:was|were)\s+(?P<v>killed|injured|hurt|wounded))?"
    r"|\bnobody\s+was\s+(?P<v2>killed|injured|hurt)",
    re.IGNORECASE,
)

#: Lower-case word stems without one of which no figure pattern above matches.
GATE_STEMS: tuple[str, ...] = tuple(
    """
    kill dead died death lives perish fatalit dying injur wound hurt casualt toll left nobody victim
    raised revised increased destroyed eliminated neutrali liquidated number hospital bodies body
    """.split()
)


@dataclass(frozen=True)
class Casualties:
    """Killed and injured figures stated in one sentence (``None`` if not stated)."""

    killed: Figure | None = None
    injured: Figure | None = None


def parse_number(text: str) -> int | None:
    """Integer value of digits or English number words up to the hundreds.

    >>> parse_number("sixty three"), parse_number("a hundred"), parse_number("seven")
    (63, 100, 7)
    >>> parse_number("many") is None
    True
    """
    t = text.strip().lower().replace(",", "")
    if t.isdigit():
        return int(t)
    words = re.split(r"[\s-]+", t)
    total = 0
    current = 0
    seen = False
    for w in words:
        if w == "and":
            continue
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_quantity(text: str) -> Figure | None:
    """A :class:`Figure` for a quantity phrase (see the module table).

    >>> parse_quantity("at least 63")
    Figure(low=63, high=None, qualifier='at least', text='at least 63')
    >>> parse_quantity("between 10 and 15")
    Figure(low=10, high=15, qualifier='between', text='between 10 and 15')
    >>> parse_quantity("dozens")
    Figure(low=24, high=None, qualifier='dozens', text='dozens')
    >>> parse_quantity("up to 40")
    Figure(low=None, high=40, qualifier='up to', text='up to 40')
    """
    raw = " ".join(text.split())
    t = raw.lower()
    m = re.fullmatch(rf"between\s+({NUMBER})\s+and\s+({NUMBER})", t)
    if m is None:
        m = re.fullmatch(rf"(\d+)\s*[-–]\s*(\d+)|({NUMBER})\s+to\s+({NUMBER})", t)
        if m is not None:
            a_text, b_text = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            a, b = parse_number(a_text), parse_number(b_text)
            if a is None or b is None:
                return None
            return Figure(min(a, b), max(a, b), "between", raw)
    if m is not None:
        a, b = parse_number(m.group(1)), parse_number(m.group(2))
        if a is None or b is None:
            return None
        return Figure(min(a, b), max(a, b), "between", raw)
    qual = None
    m = re.match(rf"({_QUAL})\s+", t)
    if m is not None:
        qual = " ".join(m.group(1).split())
        t = t[m.end() :]
    vague = " ".join(t.split())
    if vague in VAGUE:
        low, high = VAGUE[vague]
        label = vague.removesuffix(" of")
        return Figure(low, high, label if qual is None else f"{qual} {label}", raw)
    n = parse_number(t)
    if n is None or (qual is None and re.fullmatch(r"(?:19|20)\d\d", t)):  # a year, not a count
        return None
    if qual in _LOWER:
        return Figure(n, None, _LOWER[qual], raw)
    if qual == "up to":
        return Figure(None, n, "up to", raw)
    return Figure(n, n, qual, raw)


def _kind(verb: str) -> str:
    v = verb.lower()
    if re.fullmatch(_KILL_V, v) or v in ("dead", "left dead"):
        return "killed"
    return "injured"


#: ``(kind, position, figure)`` found in a sentence by one family of phrasings.
_Found = Iterator[tuple[str, int, Figure]]


def with_text(fig: Figure, text: str) -> Figure:
    """``fig`` with ``text`` as the words it was read from."""
    return Figure(fig.low, fig.high, fig.qualifier, text)


#: Capitalised month names (case-sensitive: "may" is a verb, "May" a month).
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\.?\s+$")
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b|(?:st|nd|rd|th)\b")
#: After "March 12", these words make 12 a count ("in March 12 people were killed").
_PEOPLE_AFTER = re.compile(
    r"\s+(?:more\s+)?(?:people|persons|civilians|soldiers|servicemen|troops|children|residents"
    r"|men|women|fighters|militants|others|were|was|have|had|killed|dead|died|injured|wounded)\b",
    re.IGNORECASE,
)


def is_day_of_month(sentence: str, start: int, end: int) -> bool:
    """True if ``sentence[start:end]`` is the day of a date ("March 3", "3 March", "3rd").

    >>> s = "on March 3, 2023, killing 4 people"
    >>> is_day_of_month(s, 9, 10), is_day_of_month(s, 26, 27)
    (True, False)
    >>> is_day_of_month("3 may have died", 0, 1), is_day_of_month("In March 12 people died", 9, 11)
    (False, False)
    """
    text = sentence[start:end]
    if not text.isdigit() or not 1 <= int(text) <= 31:
        return False
    if _MONTH_AFTER.match(sentence, end):
        return True
    return bool(_MONTH_BEFORE.search(sentence, 0, start)) and not _PEOPLE_AFTER.match(sentence, end)


def _number_then_verb(sentence: str) -> _Found:
    """Number first: "63 were killed", "400 killed or wounded" (one figure for both).

    The day of a date is no figure: "on March 3, 2023, killing 4" is 4 killed.
    """
    for m in _N_THEN_VERB.finditer(sentence):
        fig = parse_quantity(m.group("q"))
        if fig is None or is_day_of_month(sentence, m.start("q"), m.end("q")):
            continue
        if m.group("comb"):
            high = fig.high if fig.high is not None else fig.low
            both = Figure(None, high, "dead and wounded", m.group(0))
            yield "killed", m.start(), both
            yield "injured", m.start(), both
            continue
        yield _kind(m.group("v")), m.start(), with_text(fig, m.group(0))


def _verb_then_number(sentence: str) -> _Found:
    """Verb first: "killing three", "left 12 injured"."""
    for m in _VERB_THEN_N.finditer(sentence):
        fig = parse_quantity(m.group("q"))
        if fig is None or is_day_of_month(sentence, m.start("q"), m.end("q")):
            continue
        verb = m.group("v").lower()
        if verb == "left":
            if not m.group("v2"):
                continue
            verb = m.group("v2")
        yield _kind(verb), m.start(), with_text(fig, m.group(0))


def _tolls(sentence: str) -> _Found:
    """Tolls: "the death toll rose to 20", "eliminated up to 200 servicemen"."""
    for m in _TOLL.finditer(sentence):
        fig = parse_quantity(m.group("q") or m.group("q2"))
        if fig is not None:
            yield "killed", m.start(), with_text(fig, m.group(0))
    for m in _RISEN.finditer(sentence):
        fig = parse_quantity(m.group("q"))
        if fig is not None:
            yield "killed" if m.group("k") else "injured", m.start(), with_text(fig, m.group(0))
    for m in _ELIMINATED.finditer(sentence):
        fig = parse_quantity(m.group("q"))
        if fig is not None:
            yield "killed", m.start(), with_text(fig, m.group(0))


def _one_person(sentence: str) -> _Found:
    """One person: "a 45-year-old man was killed"; a couple is two."""
    for m in _ONE_PERSON.finditer(sentence):
        n = 2 if m.group("p").lower() == "couple" else 1
        yield _kind(m.group("v")), m.start(), Figure(n, n, None, m.group(0))


def _people(phrase: str | None) -> int:
    """How many people a phrase from :data:`_ONE` names (a couple is two)."""
    if phrase is None:
        return 0
    return 2 if phrase.lower().rstrip().endswith("couple") else 1


def _persons(sentence: str) -> _Found:
    """People named one by one: "killing a woman and her son", "X and his wife were killed"."""
    for m in _VERB_PERSONS.finditer(sentence):
        n = _people(m.group("a")) + _people(m.group("b"))
        yield _kind(m.group("v")), m.start(), Figure(n, n, None, m.group(0))
    for m in _AND_RELATIVE.finditer(sentence):
        yield _kind(m.group("v")), m.start(), Figure(2, 2, None, m.group(0))


def _bodies_and_hospital(sentence: str) -> _Found:
    """Bodies recovered (killed) and people taken to hospital (injured)."""
    for m in _BODIES.finditer(sentence):
        fig = parse_quantity(m.group("q")) if m.group("q") else Figure(1, 1)
        if fig is not None:
            yield "killed", m.start(), with_text(fig, m.group(0))
    for m in _HOSPITAL.finditer(sentence):
        fig = parse_quantity(m.group("q"))
        if fig is not None:
            yield "injured", m.start(), with_text(fig, m.group(0))


def _nones(sentence: str) -> _Found:
    """None: "No one was hurt", "no casualties"."""
    for m in _NONE.finditer(sentence):
        word = (m.group("w") or "").lower()
        verb = (m.group("v") or m.group("v2") or "").lower()
        zero = Figure(0, 0, "none", m.group(0))
        if verb:
            yield _kind(verb), m.start(), zero
        elif word in ("deaths", "fatalities"):
            yield "killed", m.start(), zero
        elif word == "injuries":
            yield "injured", m.start(), zero
        elif word in ("casualties", "victims"):
            yield "killed", m.start(), zero
            yield "injured", m.start(), zero


#: The phrasings in reading order (at one position, the first reader's figure wins).
_READERS = (
    _number_then_verb,
    _verb_then_number,
    _tolls,
    _one_person,
    _persons,
    _bodies_and_hospital,
    _nones,
)


def parse_casualties(sentence: str) -> Casualties:
    """Killed and injured figures in ``sentence``; the first figure of each kind wins.

    >>> parse_casualties("Ukraine said about 400 were killed or wounded").killed
    Figure(low=None, high=400, qualifier='dead and wounded', text='about 400 were killed or wounded')
    >>> parse_casualties("No one was hurt.").injured
    Figure(low=0, high=0, qualifier='none', text='No one was hurt')
    >>> parse_casualties("a 45-year-old man was killed").killed.low
    1
    >>> parse_casualties("Two HIMARS launchers were destroyed")
    Casualties(killed=None, injured=None)
    """
    if not has_stem(sentence, GATE_STEMS):  # no casualty word: nothing to read
        return Casualties()
    found: dict[str, tuple[int, Figure]] = {}
    for read in _READERS:
        for kind, pos, fig in read(sentence):
            if kind not in found or pos < found[kind][0]:
                found[kind] = (pos, fig)
    killed = found.get("killed", (0, None))[1]
    injured = found.get("injured", (0, None))[1]
    return Casualties(killed, injured)
