"""Numbers written in Ukrainian and Russian: digits and number words in every case.

Shared by the figures (:mod:`geoevents.extract.uk_ru.casualties`) and the weapon counts
(:mod:`geoevents.extract.uk_ru.counts`). A number word is matched by its stem, so "двоє",
"двох", "двома", "двое", "двух" are all 2; "п'ятеро", "п’ять", "пятерых" are 5.
Qualifiers map to the English ones of :mod:`geoevents.extract.casualties`.

>>> parse_number("37"), parse_number("двоє"), parse_number("п'ятьох"), parse_number("двадцять три")
(37, 2, 5, 23)
>>> parse_number("сорока двух"), parse_number("сто двадцять"), parse_number("одну")
(42, 120, 1)
>>> parse_number("людей") is None
True
>>> NUMBER_RX.fullmatch("тридцять сім") is not None
True
"""

from __future__ import annotations

import re

#: (stem regex, value): matched against a whole lower-cased word, first match wins.
_WORDS: tuple[tuple[str, int], ...] = (
    (r"одинадцят\w*|одиннадцат\w*", 11),
    (r"дванадцят\w*|двенадцат\w*", 12),
    (r"тринадцят\w*|тринадцат\w*", 13),
    (r"чотирнадцят\w*|четырнадцат\w*", 14),
    (r"п[ʼ'’]?ятнадцят\w*|пятнадцат\w*", 15),
    (r"шістнадцят\w*|шестнадцат\w*", 16),
    (r"сімнадцят\w*|семнадцат\w*", 17),
    (r"вісімнадцят\w*|восемнадцат\w*", 18),
    (r"дев[ʼ'’]?ятнадцят\w*|девятнадцат\w*", 19),
    (r"двадцят\w*|двадцат\w*", 20),
    (r"тридцят\w*|тридцат\w*", 30),
    (r"сорок\w*", 40),
    (r"п[ʼ'’]?ятдесят\w*|пятьдесят\w*|пятидесят\w*", 50),
    (r"шістдесят\w*|шестьдесят\w*|шестидесят\w*", 60),
    (r"сімдесят\w*|семьдесят\w*|семидесят\w*", 70),
    (r"вісімдесят\w*|восемьдесят\w*|восьмидесят\w*", 80),
    (r"дев[ʼ'’]?яност\w*|девяност\w*", 90),
    (r"сто|ста", 100),
    (r"двісті|двохсот\w*|двести|двухсот\w*", 200),
    (r"триста|трьохсот\w*|трехсот\w*", 300),
    (r"чотириста|четыреста", 400),
    (r"п[ʼ'’]?ятсот|пятьсот", 500),
    (r"один|одна|одне|одного|одній|одну|одним|одною|одно|одной|одном|одному", 1),
    (r"два|дві|двоє|двох|двом|двома|двое|двоих|двух|двум|двумя", 2),
    (r"три|трьох|трьом|трьома|троє|трох|трое|троих|трех|трём|трем|тремя", 3),
    (r"чотир\w*|четыр\w*|четвер[оы]\w*", 4),
    (r"п[ʼ'’]?ят[ьеи]\w*|п[ʼ'’]?ятер\w*|пят[ьи]\w*|пятер\w*|п[ʼ'’]?ятьох|п[ʼ'’]?ятьом\w*", 5),
    (r"шіст\w*|шест\w*|шестер\w*", 6),
    (r"сім|семи|сімох|сімома|семер\w*|семь|семью", 7),
    (r"вісім|восьми|вісьмох|восемь|восьмер\w*", 8),
    (r"дев[ʼ'’]?ят[ьие]\w*|дев[ʼ'’]?ятер\w*|девят\w*", 9),
    (r"десят\w*|десятер\w*", 10),
)
_COMPILED = tuple((re.compile(p), v) for p, v in _WORDS)
_THOUSAND = re.compile(r"тисяч\w*|тысяч\w*")

#: One number: digits (with a thin space, a space or a comma inside thousands) or up to
#: four number words ("сто двадцять три").
_WORD = r"[а-яіїєґё'ʼ’]+"
NUMBER = rf"\d{{1,3}}(?:[ \u202f\u00a0]\d{{3}})+|\d+|{_WORD}(?:\s+{_WORD}){{0,3}}"
NUMBER_RX = re.compile(NUMBER, re.IGNORECASE)

#: Qualifiers before a number, by the English qualifier they mean.
QUALIFIERS: dict[str, str] = {
    "щонайменше": "at least",
    "принаймні": "at least",
    "не менше": "at least",
    "не менше ніж": "at least",
    "не менее": "at least",
    "как минимум": "at least",
    "по меньшей мере": "at least",
    "минимум": "at least",
    "мінімум": "at least",
    "понад": "more than",
    "більше": "more than",
    "більш ніж": "more than",
    "більше ніж": "more than",
    "более": "more than",
    "больше": "more than",
    "свыше": "more than",
    "близько": "about",
    "приблизно": "about",
    "майже": "nearly",
    "около": "about",
    "примерно": "about",
    "почти": "nearly",
    "порядка": "about",
    "до": "up to",
}
QUALIFIER = "|".join(
    sorted((re.escape(q).replace(r"\ ", r"\s+") for q in QUALIFIERS), key=len, reverse=True)
)


def word_value(word: str) -> int | None:
    """Value of one number word in any case, or ``None``."""
    w = word.lower().replace("’", "'").replace("ʼ", "'")
    if w.isdigit():
        return int(w)
    for rx, value in _COMPILED:
        if rx.fullmatch(w):
            return value
    return None


def parse_number(text: str) -> int | None:
    """Integer value of digits or Ukrainian/Russian number words (up to thousands)."""
    t = re.sub(r"[ \u202f\u00a0](?=\d{3}\b)", "", text.strip())
    if t.isdigit():
        return int(t)
    total = current = 0
    seen = False
    for w in t.lower().split():
        if _THOUSAND.fullmatch(w):
            total += max(current, 1) * 1000
            current = 0
            seen = True
            continue
        value = word_value(w)
        if value is None:
            return None
        current += value
        seen = True
    return total + current if seen else None
