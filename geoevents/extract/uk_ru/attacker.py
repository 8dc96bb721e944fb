"""Who struck, in Ukrainian and Russian: the side a sentence names as the agent of a strike.

The same contract as :func:`geoevents.extract.attacker.attacker_side`. A side's noun is the
agent unless a preposition makes it the target ("удар по російських позиціях", "по
позициям ВСУ"). "Ворог", "окупанти", "противник" are the other side of the one writing:
in a Ukrainian sentence Russia, in a Russian sentence (the Russian defence ministry's
"противник") Ukraine. For an interception, air defences that shoot down are the defender's:
the attacker is the other side.

>>> attacker_side("Вночі ворог атакував Одесу ударними БпЛА.", "air_drone_strike")
'russia'
>>> attacker_side("Российские войска нанесли удар по Краматорску.", "shelling_missile_attack")
'russia'
>>> attacker_side("ВСУ обстреляли Шебекино из РСЗО.", "shelling_missile_attack")
'ukraine'
>>> attacker_side("Противник атаковал Белгород беспилотниками.", "air_drone_strike")
'ukraine'
>>> attacker_side("Сили ППО збили 37 шахедів над областю.", "interception")
'russia'
>>> attacker_side("Дежурные средства ПВО уничтожили 12 украинских БПЛА.", "interception")
'ukraine'
>>> attacker_side("Сили оборони уразили нафтобазу в Криму.", "shelling_missile_attack")
'ukraine'
>>> attacker_side("Удар по позиціях російських військ.", "shelling_missile_attack") is None
True
"""

from __future__ import annotations

import re
from functools import lru_cache

from geoevents.vocabulary import OPPONENTS

_I = re.IGNORECASE

#: Adjectives of a side (any case) before what strikes: the weapon's or force's owner.
_ADJ = {
    "russia": r"(?:російськ|российск|рашистськ|окупаційн|оккупационн)\w*",
    "ukraine": r"(?:українськ|украинск|всушн)\w*",
}
_STRIKER = (
    r"(?:\w+\s+){0,2}?(?:ракет|дрон|безпілотн|беспилотн|бпла|шахед|авіабомб|авиабомб|каб\b|снаряд"
    r"|артилер|артиллер|літак|самол|вертол|військ|войск|армі|арми|авіаці|авиаци|ударн|окупант"
    r"|оккупант|рсзв|рсзо|диверс|гелікоптер|вертоліт|крилат|крылат|баліст|баллист|himars|atacms"
    r"|катер|безекіпаж|безэкипаж|морськ\w+\s+дрон|морск\w+\s+дрон)"
)
#: Who strikes, as a noun: the subject of a strike verb a few words on.
_NOUN = {
    "russia": r"(?:Росія|Россия|РФ|ВС\s+РФ|ВКС(?:\s+(?:РФ|России))?|росіяни|россияне|окупанти|оккупанты"
    r"|рашисти|агресор|армія\s+РФ|российские\s+войска|Москва|Кремль)",
    "ukraine": r"(?:ЗСУ|ВСУ|ВФУ|Сили\s+оборони|Сили\s+безпеки|СБУ|ГУР|Україна|Украина|Киев|Київ"
    r"|киевский\s+режим|боевики|украинские\s+(?:военные|войска|силы)|ВМС(?:\s+ЗСУ)?)",
}
_ENEMY = r"(?:ворог|противник)"
_VERB = (
    r"(?:\s+\S+){0,3}?\s+(?:атаку\w*|атакова\w*|атакува\w*|вдари\w*|удари\w*|нанес\w*|нанос\w*"
    r"|завда\w*|обстріл\w*|обстрел\w*|обстрілю\w*|обстрелива\w*|запусти\w*|запуска\w*|випусти\w*"
    r"|выпусти\w*|скину\w*|скида\w*|сбросил\w*|сбрасыва\w*|уразил\w*|уразив|поразил\w*|б[ʼ'’]?є\w*"
    r"|бьет|бьют|гатил\w*|застосува\w*|применил\w*|спрямува\w*|направил\w*|знищил\w*|уничтожил\w*"
    r"|пошкодил\w*|повредил\w*|вели\s+огонь|відкрили\s+вогонь|открыли\s+огонь)\b"
)
#: "з боку ворога", "со стороны ВСУ": where the fire came from.
_FROM = r"(?:з\s+боку|со\s+стороны)\s+"


def _compile() -> tuple[tuple[re.Pattern[str], str], ...]:
    out = []
    for side in ("russia", "ukraine"):
        out.append((re.compile(rf"\b{_ADJ[side]}\s+{_STRIKER}", _I), side))
        out.append((re.compile(rf"\b{_NOUN[side]}\b(?={_VERB})", _I), side))
        out.append((re.compile(rf"{_FROM}(?:{_NOUN[side]}|{_ADJ[side]})", _I), side))
    out.append((re.compile(rf"\b{_ENEMY}\w*(?={_VERB})|{_FROM}{_ENEMY}\w*", _I), "enemy"))
    return tuple(out)


_AGENTS = _compile()
#: A word before the side's phrase that makes it the target, not the agent.
_TARGET_BEFORE = re.compile(
    r"\b(?:по|на|проти|против|позиці\w*|позици\w*|об[ʼ'’]?єкт\w*|объект\w*|склад\w*|скупчен\w*"
    r"|скоплен\w*|техніку|технику|пункт\w*)\s+$",
    _I,
)
#: Air defence as the subject of an interception.
_AIR_DEFENCE = re.compile(r"\b(?:ППО|ПВО|протиповітрян\w+|противовоздушн\w+|Повітрян\w+\s+сил)", _I)
_UKRAINIAN_LETTERS = frozenset("іїєґІЇЄҐ")


def _writer(sentence: str) -> str:
    """``"ukraine"`` for a Ukrainian sentence, ``"russia"`` for a Russian one (by letters)."""
    return "ukraine" if any(ch in _UKRAINIAN_LETTERS for ch in sentence) else "russia"


@lru_cache(maxsize=4096)
def attacker_side(sentence: str, event_type: str) -> str | None:
    """The attacking side when the sentence states it (see the module docstring)."""
    found = _named(sentence)
    if event_type == "interception" and found is None and _AIR_DEFENCE.search(sentence):
        return OPPONENTS[_writer(sentence)]  # "Сили ППО збили 37 шахедів": the defender's
    return found


def _named(sentence: str) -> str | None:
    best: tuple[int, str] | None = None
    for rx, side in _AGENTS:
        for m in rx.finditer(sentence):
            if _TARGET_BEFORE.search(sentence[max(0, m.start() - 30) : m.start()]):
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), side)
            break
    if best is None:
        return None
    return OPPONENTS[_writer(sentence)] if best[1] == "enemy" else best[1]


_BLAME = re.compile(
    r"\b(?:звинуват\w*|обвинил\w*|обвиня\w*|обвинув\w*|відповідальн\w+\s+(?:є|несе)|ответственност\w*"
    r"\s+(?:лежит|несет)\s+на)\s+(?P<who>\w+)",
    _I,
)
_BLAMED = re.compile(
    r"(?P<ru>^(?:росі|росси|рф|москв|кремл))|(?P<ua>^(?:україн|украин|київ|киев|зсу|всу))", _I
)


def _blamed(word: str) -> str | None:
    m = _BLAMED.match(word)
    if m is None:
        return None
    return "russia" if m.group("ru") else "ukraine"


def blamed_sides(sentence: str) -> set[str]:
    """Sides a sentence holds responsible ("звинуватили Росію", "обвинили ВСУ").

    >>> sorted(blamed_sides("У Києві звинуватили Росію в ударі по лікарні."))
    ['russia']
    >>> sorted(blamed_sides("В Москве обвинили ВСУ в обстреле."))
    ['ukraine']
    """
    out = set()
    for m in _BLAME.finditer(sentence):
        side = _blamed(m.group("who"))
        if side is not None:
            out.add(side)
    return out
