"""Weapons launched and shot down in Ukrainian and Russian: "збито 37 з 42 шахедів".

The same :class:`~geoevents.extract.counts.WeaponCounts` as English, with figures in
the conventions of :mod:`geoevents.extract.casualties` (qualifiers of
:data:`geoevents.extract.uk_ru.numbers.QUALIFIERS`: "щонайменше 20" is at least 20).
Air force and defence ministry phrasings:

=========================================================  ==========  ===========
phrase                                                     launched    intercepted
=========================================================  ==========  ===========
збито 37 з 42 шахедів; 37 із 42 БпЛА збито                 42          37
із 42 БпЛА збито 37; из 42 беспилотников сбиты 37          42          37
сбиты 12 беспилотников; перехвачены и уничтожены 25 БПЛА   --          12; 25
ворог атакував 42 ударними БпЛА ... збито/подавлено 37     42          37
запустив 5 ракет; ворог випустив 3 ракети; застосував      5; 3        --
з них збито 30; из них сбиты 30                            --          30
усі/всі збито; все уничтожены (after a launch count)       n           n
=========================================================  ==========  ===========

Numbers may be words in any case ("два", "п'ять", "двох", "сорока двух").

>>> c = parse_counts("Збито 37 з 42 шахедів.")
>>> (c.launched.low, c.intercepted.low)
(42, 37)
>>> parse_counts("Дежурными средствами ПВО перехвачены и уничтожены 25 БПЛА.").intercepted.low
25
>>> parse_counts("Загинули 5 людей.")
WeaponCounts(launched=None, intercepted=None)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from geoevents.extract.counts import WeaponCounts, first_counts
from geoevents.extract.sentences import has_stem
from geoevents.extract.uk_ru import numbers
from geoevents.extract.uk_ru.numbers import QUALIFIER, QUALIFIERS, parse_number
from geoevents.model import Figure

_I = re.IGNORECASE
#: One number word in any case (the stems of :mod:`geoevents.extract.uk_ru.numbers`).
_NW = "(?:" + "|".join(p for p, _ in numbers._WORDS) + r"|тисяч\w*|тысяч\w*)"
_NUM = (
    rf"(?:\d{{1,3}}(?:[ \u202f\u00a0]\d{{3}})+|\d+|{_NW}(?![\w'ʼ’])(?:\s+{_NW}(?![\w'ʼ’])){{0,3}})"
)
#: A count: an optional qualifier, then the number.
_N = rf"(?:(?:{QUALIFIER})\s+)?{_NUM}"
#: What is launched and shot down.
_WEAPON = (
    r"(?:дрон\w*|Б[пП]ЛА|безпілотн\w*|беспилотн\w*|шахед\w*|[Гг]ерань\w*|[Гг]ерані\w*|[Гг]ерани\w*"
    r"|ракет\w*|КАБ\w*|авіабомб\w*|авиабомб\w*|бомб\w*|апарат\w*|аппарат\w*"
    r"|засоб\w*\s+повітряного\s+нападу|средств\w*\s+воздушного\s+нападения"
    r"|цілей|цілі|целей|цели|снаряд\w*|Калібр\w*|Калибр\w*|Кинджал\w*|Кинжал\w*|[ІИ]скандер\w*"
    r"|[ХX]-\d+\w*|ATACMS|HIMARS|Storm\s+Shadow|SCALP|Нептун\w*)"
)
_FIRED = r"випущено|запущено|выпущено|выпущены|запущены"
#: Up to six words (not numbers) between a launch verb and its count: "випустив по Україні".
_FAR = r"(?:[^\W\d_][\w'ʼ’«»\"-]*\s+){0,6}?"
#: Up to three words (not numbers) between a number and its weapon: "42 ударними".
_WORDS = r"(?:[^\W\d_][\w'ʼ’«»\"-]*\s+){0,3}?"
_DOWN1 = (
    r"(?:збит(?:о|і|их|ий)|збил[иа]?|збив|знешкоджен\w*|знешкодил\w*|перехоплен\w*|перехопил\w*"
    r"|подавлен\w*|подавил\w*|знищен\w*|знищил\w*|сбит[ыо]?|сбил[иа]?|перехвачен\w*|перехватил\w*"
    r"|уничтожен\w*|уничтожил\w*|нейтрализован\w*|подавлен\w*)"
)
_DOWN = rf"(?:{_DOWN1}(?:\s*(?:/|,|і|й|та|и|або|или|чи)\s*{_DOWN1})*)"
_BE = r"(?:(?:було|були|був|була|было|были|был|была)\s+)?"
_OF = r"(?:з|із|зі|из)"
#: A parenthetical after the weapon: "18 ракет, выпущенных по столице, сбиты".
_ASIDE = r"(?:,[^,;:.]{1,60},)?"
_END = r"(?=\s*(?:[.;:,!)(—–-]|$|ворожих|ворожі|ракет|ударн|БпЛА|БПЛА|над|в\s|у\s|на\s|з\s+них))"

#: "збито 37 з 42 шахедів", "37 з 42 БпЛА збито", "із 42 БпЛА збито 37".
_OF_RX = re.compile(
    rf"(?<![\w-]){_DOWN}\s+(?:ще\s+)?(?P<i>{_N})\s+{_OF}\s+(?P<l>{_NUM})(?![\w-])"
    rf"|(?<![\w-])(?P<i2>{_N})\s+{_OF}\s+(?P<l2>{_NUM})\s+{_WORDS}{_WEAPON}"
    rf"|(?<![\w-]){_OF}\s+(?P<l3>{_NUM})\s+{_WORDS}{_WEAPON}[\s,]+(?:[^\W\d_]+\s+){{0,4}}?{_BE}{_DOWN}\s+(?P<i3>{_N})(?![\w-])",
    _I,
)
#: "сбиты 12 беспилотников", "збито/подавлено 37", "12 БпЛА знищено", "з них збито 30".
_DOWNED_RX = re.compile(
    rf"(?<![\w-]){_DOWN}\s+(?:(?:ще|ещё|еще|всього|всего|загалом)\s+)?(?P<i>{_N})(?![\w'ʼ’-])"
    rf"(?:\s+{_WORDS}{_WEAPON}|{_END})"
    rf"|(?<![\w-])(?P<i2>{_N})\s+(?:{_WORDS}{_WEAPON}{_ASIDE}\s+|(?:з|із|из)\s+них\s+)?{_BE}{_DOWN}(?![\w])"
    rf"|(?<![\w-])(?:з|із|из)\s+них\s+{_BE}{_DOWN}\s+(?P<i3>{_N})(?![\w'ʼ’-])",
    _I,
)
#: "атакував 42 ударними БпЛА", "запустив 5 ракет", "випустив по Україні 3 ракети".
_LAUNCHED_RX = re.compile(
    r"(?<![\w-])(?:атакува\w*|атакова\w*|випусти\w*|випустил\w*|выпусти\w*|запусти\w*|запустил\w*"
    r"|застосува\w*|применил\w*|примени\w*|задіяв|задіял\w*|задействова\w*)"
    rf"\s+{_FAR}(?:(?:усього|всього|загалом|всего|в\s+общей\s+сложности)\s+)?(?P<l>{_N})(?![\w'ʼ’-])\s+{_WORDS}{_WEAPON}"
    rf"|(?<![\w-])(?P<l2>{_N})\s+{_WORDS}{_WEAPON}\s+{_BE}(?:{_FIRED})"
    rf"|(?<![\w-])(?:{_FIRED})\s+(?P<l3>{_N})(?![\w'ʼ’-])\s+{_WORDS}{_WEAPON}",
    _I,
)
#: "дві ракети збито, чотири влучили", "четыре попали ..., а две сбиты": the launched
#: are the sum.
_HIT = r"(?:влучил\w*|влучив|поцілил\w*|попал[иао]?|досягл\w*|достигл\w*|вдарил\w*|упал[иао]?|впал[иао]?)"
_HIT_AND_DOWNED = re.compile(
    rf"(?<![\w-])(?P<b>{_NUM})\s+(?:{_WORDS}{_WEAPON}\s+)?{_BE}{_DOWN}\s*[,;]?\s+(?:а\s+|ще\s+|еще\s+|ещё\s+)?"
    rf"(?P<a>{_NUM})\s+(?:{_WORDS}{_WEAPON}\s+)?{_HIT}"
    rf"|(?<![\w-])(?P<a2>{_NUM})\s+(?:{_WORDS}{_WEAPON}\s+)?{_HIT}[^.;]{{0,120}}?(?:,|\sі|\sи|\sта|\sа)\s+"
    rf"(?:ще\s+|еще\s+|ещё\s+)?(?P<b2>{_NUM})\s+(?:{_WORDS}{_WEAPON}\s+)?{_BE}{_DOWN}",
    _I,
)
#: "усі 40 збито", "всі збито", "все сбиты": as many shot down as launched.
_ALL_N = re.compile(
    rf"(?<![\w-])(?:усі|всі|все|всех)\s+(?P<n>{_NUM})\s+(?:{_WORDS}{_WEAPON}{_ASIDE}\s+)?{_BE}{_DOWN}"
    rf"|{_DOWN}\s+(?:[^\W\d_][\w'ʼ’-]*\s+){{0,5}}?(?:усі|всі|все|всех)\s+(?P<n2>{_NUM})(?![\w-])",
    _I,
)
_ALL_DOWN = re.compile(
    rf"(?<![\w-])(?:усі|всі|все|всех)\s+(?:з\s+них\s+|из\s+них\s+|{_WORDS}{_WEAPON}\s+)?{_BE}{_DOWN}"
    rf"|{_DOWN}\s+(?:усі|всі|все|всех)(?![\w])",
    _I,
)
#: Stems without one of which no count pattern matches: a verb of shooting down or of
#: launching, and a number (digits, or a number word: "п'ять" is read as "п", "ять").
_DOWN_GATE = tuple(
    """
    збит збил збив знешкодж знешкодил перехоп подавл подавил знищ сбит сбил перехват перехвач уничтож
    нейтрализ
    """.split()
)
_LAUNCH_GATE = tuple(
    """
    атакува атакова випуст выпуст запуст випущ выпущ запущ застосува применил примени задіяв задіял
    задейств
    """.split()
)
_NUMBER_GATE = tuple(
    """
    один одн дв три трь тро тре трё чотир четыр четвер ят пят шіст шест сім сем вісім вісь
    восем вось дев десят сорок сто ста тисяч тысяч
    """.split()
)
_DIGIT = re.compile(r"\d")
#: Narrower gates of single patterns: "з"/"із"/"из" ("37 з 42"), "усі"/"все", a verb of hitting.
_OF_WORD = re.compile(r"(?<![\w-])(?:з|із|зі|из)\s", re.IGNORECASE)
_ALL_GATE = ("усі", "всі", "все")
_HIT_GATE = tuple("влучил влучив поцілил попал досягл достигл вдарил упал впал".split())


def _figure(text: str, whole: str) -> Figure | None:
    """A Figure from "щонайменше 20", "37", "двох"; ``None`` when it is no number."""
    t = " ".join(text.split())
    low = t.lower()
    qual = None
    for q in sorted(QUALIFIERS, key=len, reverse=True):
        if low.startswith(q + " "):
            qual, t = QUALIFIERS[q], t[len(q) + 1 :]
            break
    n = parse_number(t)
    if n is None or (qual is None and re.fullmatch(r"(?:19|20)\d\d", t)):
        return None
    whole = " ".join(whole.split())
    if qual in ("at least", "more than"):
        return Figure(n, None, qual, whole)
    if qual == "up to":
        return Figure(None, n, qual, whole)
    return Figure(n, n, qual, whole)


def _found(sentence: str, gated: bool = True) -> Iterator[tuple[str, int, Figure]]:
    down = not gated or has_stem(sentence, _DOWN_GATE)
    of = down and (not gated or _OF_WORD.search(sentence) is not None)
    for m in _OF_RX.finditer(sentence) if of else ():
        pairs = (("i", "l"), ("i2", "l2"), ("i3", "l3"))
        i, n = next((m.group(a), m.group(b)) for a, b in pairs if m.group(a))
        for kind, text in (("intercepted", i), ("launched", n)):
            fig = _figure(text, m.group(0))
            if fig is not None:
                yield kind, m.start(), fig
    for m in _DOWNED_RX.finditer(sentence) if down else ():
        fig = _figure(m.group("i") or m.group("i2") or m.group("i3"), m.group(0))
        if fig is not None:
            yield "intercepted", m.start(), fig
    every = down and (not gated or has_stem(sentence, _ALL_GATE))
    for m in _ALL_N.finditer(sentence) if every else ():
        fig = _figure(m.group("n") or m.group("n2"), m.group(0))
        if fig is not None:
            yield "intercepted", m.start(), fig
            yield "launched", m.start(), fig
    launch = not gated or has_stem(sentence, _LAUNCH_GATE)
    for m in _LAUNCHED_RX.finditer(sentence) if launch else ():
        fig = _figure(m.group("l") or m.group("l2") or m.group("l3"), m.group(0))
        if fig is not None:
            yield "launched", m.start(), fig
    hit = down and (not gated or has_stem(sentence, _HIT_GATE))
    for m in _HIT_AND_DOWNED.finditer(sentence) if hit else ():
        a = parse_number(m.group("a") or m.group("a2"))
        b = parse_number(m.group("b") or m.group("b2"))
        if a is not None and b is not None:
            text = " ".join(m.group(0).split())
            yield "launched", m.start(), Figure(a + b, a + b, None, text)


def parse_counts(sentence: str, *, gated: bool = True) -> WeaponCounts:
    """Weapons launched and shot down in a Ukrainian or Russian ``sentence``; the first
    of each kind wins (as :func:`geoevents.extract.counts.parse_counts`). ``gated``:
    skip the patterns whose words the sentence lacks (the result is the same; tested).

    >>> c = parse_counts("Ворог атакував 42 ударними БпЛА; збито/подавлено 37.")
    >>> (c.launched.low, c.intercepted.low)
    (42, 37)
    >>> c = parse_counts("Росія випустила п'ять ракет, усі збито.")
    >>> (c.launched.low, c.intercepted.low)
    (5, 5)
    """
    if gated and not (
        (has_stem(sentence, _DOWN_GATE) or has_stem(sentence, _LAUNCH_GATE))
        and (_DIGIT.search(sentence) or has_stem(sentence, _NUMBER_GATE))
    ):
        return WeaponCounts()
    return first_counts(_found(sentence, gated), sentence, _ALL_DOWN)
