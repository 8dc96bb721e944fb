"""How a place mention of a Ukrainian or Russian sentence relates to the event.

The relations and their use are those of English (:mod:`geoevents.extract.mentions`):

===============  ===========================================================  ==============
relation         cue (Ukrainian; Russian)                                     use
===============  ===========================================================  ==============
``at``           "у/в/на/по/над/до X", "місто X"; "в/на/по/над X", none       the place
``near``         "біля, поблизу, неподалік (від), під, поруч із, в районі,    precision 2
                 на околиці/околицях X"; "возле, вблизи, недалеко от, под,
                 рядом с, в районе, в окрестностях, на окраине X"
``relative``     "за 20 км від X", "на північ від X", "північніше X";         orients only
                 "в 20 км от X", "к северу от X", "севернее X"
``origin``       "з/із/зі X", "з боку X", "з території X", "з напрямку X";    never the place
                 "из X", "со стороны X", "с территории X", "с направления X"
``aside``        "брифінг/зустріч/переговори/саміт у X", "X заявив";           never the place
                 "встреча/переговоры в X", "X заявила"
===============  ===========================================================  ==============

>>> s = "Вибухи пролунали за 15 км від Харкова"
>>> relation(s, s.index("Харкова"), len(s))[:2]
('relative', 'за 15 км від')
>>> s = "Ракети запустили з території Бєлгородської області"
>>> relation(s, s.index("Бєлгородської"), len(s))[0]
'origin'
"""

from __future__ import annotations

import re

_DIRS_UK = (
    r"північ\w*|півден\w*|південь|схід\w*|східн\w*|захід\w*|західн\w*"
    r"|північно-\w+|південно-\w+"
)
_DIRS_RU = r"север\w*|юг\w*|восток\w*|восточн\w*|запад\w*|северо-\w+|юго-\w+"
_NUM = r"(?:\d+(?:[.,]\d+)?|кілька|кількох|декілька|несколько|нескольких|\w+)"
_UNIT = r"(?:км|кілометр\w*|километр\w*)"
_PLACE = (
    r"(?:(?:міст[оаі]|сел[оаі]|селищ[еаі]|смт|м\.|с\.|г\.|пос\.|город[аеу]?|сел[оаеу]|поселк[аеу]"
    r"|посёлк[аеу]|деревн[иеяю])\s+)?"
)
_RELATIVE = re.compile(
    rf"(?<![\w])(?:(?:за|в|у)\s+{_NUM}\s*{_UNIT}\s+(?:(?:на|к)\s+(?:{_DIRS_UK}|{_DIRS_RU})\s+)?(?:від|от)"
    rf"|(?:на|к)\s+(?:{_DIRS_UK}|{_DIRS_RU})\s+(?:від|от)"
    rf"|(?:північніше|південніше|східніше|західніше|севернее|южнее|восточнее|западнее)"
    rf"|(?:кордон\w*|границ\w*)\s+(?:з|із|с)"
    rf")\s+{_PLACE}$",
    re.IGNORECASE,
)
_NEAR = re.compile(
    rf"(?<![\w])(?:біля|поблизу|навколо|довкола|вокруг|неподалік(?:\s+від)?|недалеко\s+від|під|поруч\s+(?:з|із)|поряд\s+(?:з|із)"
    rf"|в\s+районі|у\s+районі|на\s+околиц\w+|околиц\w+|в\s+околиц\w+|у\s+околиц\w+|передмісті"
    rf"|возле|вблизи|недалеко\s+от|под|рядом\s+с|в\s+районе|в\s+окрестност\w+|окрестност\w+"
    rf"|на\s+окраин\w+|на\s+подступах\s+к|на\s+підступах\s+до)\s+{_PLACE}$",
    re.IGNORECASE,
)
_ORIGIN = re.compile(
    rf"(?<![\w])(?:з|із|зі|зо|из|изо"
    rf"|(?:з|із|зі)\s+(?:боку|сторони|території|напрямку|акваторії|району|аеродрому)"
    rf"|(?:с|со)\s+(?:стороны|территории|направления|акватории|аэродрома)"
    rf"|(?:з|із|зі|с|со)\s+(?:тимчасово\s+)?(?:окупован\w+|оккупирован\w+)"
    rf"|запущен\w*\s+(?:з|із|из|с)|випущен\w*\s+(?:з|із)|выпущен\w*\s+(?:из|с))\s+{_PLACE}$",
    re.IGNORECASE,
)
_ASIDE = re.compile(
    r"(?<![\w])(?:брифінг\w*|брифинг\w*|зустріч\w*|встреч\w*|переговор\w*|саміт\w*|саммит\w*|візит\w*|визит\w*"
    r"|конференці\w*|конференци\w*|форум\w*|суд\w*|виступ\w*|выступ\w*|посольств\w*|народився"
    r"|родился|живе|живет|живёт|підписа\w*|подписа\w*|угод\w*|соглашени\w*)"
    r"\s+(?:\w+\s+){0,2}?(?:у|в|на|до)\s+$",
    re.IGNORECASE,
)
#: A place that stands for a government: "Київ заявив", "Москва заявила", "Кремль".
_ACTOR_AFTER = re.compile(
    r"^\s+(?:(?:не|вже|знову|также|також|теж|тоже|офіційно|официально)\s+)?"
    r"(?:заяв\w*|звинуват\w*|обвинил\w*|обвиня\w*|вимага\w*|требу\w*|погроз\w*|пригроз\w*"
    r"|погрожу\w*|угрожа\w*|визна\w*|призна\w*|запереч\w*|отрица\w*|відповіл\w*|ответил\w*"
    r"|підтверди\w*|подтверди\w*|наполяга\w*|настаива\w*|вважа\w*|считает|відмовил\w*"
    r"|отказал\w*|погодил\w*|согласил\w*|підписал\w*|подписал\w*)",
    re.IGNORECASE,
)
_AT = re.compile(rf"(?<![\w])(?:у|в|во|на|по|над|до)\s+{_PLACE}$", re.IGNORECASE)


def relation(sentence: str, start: int, end: int) -> tuple[str, str, str | None]:
    """``(relation, cue, direction)`` of the mention at ``[start, end)`` (module doc)."""
    before = sentence[max(0, start - 80) : start]
    m = _RELATIVE.search(before)
    if m is not None:
        d = re.search(rf"{_DIRS_UK}|{_DIRS_RU}", m.group(0), re.IGNORECASE)
        return "relative", " ".join(m.group(0).split()), d.group(0) if d else None
    m = _NEAR.search(before)
    if m is not None:
        return "near", " ".join(m.group(0).split()), None
    m = _ORIGIN.search(before)
    if m is not None:
        return "origin", " ".join(m.group(0).split()), None
    m = _ASIDE.search(before)
    if m is not None:
        return "aside", " ".join(m.group(0).split()), None
    a = _ACTOR_AFTER.match(sentence[end:])
    if a is not None:
        return "aside", " ".join(a.group(0).split()), None
    m = _AT.search(before)
    if m is not None:
        return "at", " ".join(m.group(0).split()), None
    return "at", "", None
