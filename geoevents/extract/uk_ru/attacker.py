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

from geoevents.vocabulary import OPPONENTS

_I = re.IGNORECASE

#: (pattern, side when the sentence is Ukrainian, side when Russian); None: the same side.
_AGENTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"\b(?:росі[яію]\w*|россия|рф\b|російськ\w*|российск\w*|рашист\w*|окупант\w*"
            r"|оккупант\w*|агресор\w*|ворог\w*|вс\s+рф|вкс\s+(?:рф|россии)|армі[яї]\s+рф"
            r"|кремл\w*|москв\w*)",
            _I,
        ),
        "russia",
    ),
    (
        re.compile(
            r"\b(?:всу\b|зсу\b|сили\s+оборони|сил\s+оборони|українськ\w*|украинск\w*|украин[аы]\b"
            r"|україн[аи]\b|київськ\w+\s+режим\w*|киевск\w+\s+режим\w*|вфу\b|сбу\b|гур\b"
            r"|вооружённ\w+\s+формирован\w*|вооруженн\w+\s+формирован\w*|боевик\w*)",
            _I,
        ),
        "ukraine",
    ),
)
#: "Противник": the writer's opponent.
_ENEMY = re.compile(r"\bпротивник\w*", _I)
#: A word before the noun that makes it the target, not the agent.
_TARGET_BEFORE = re.compile(
    r"(?:\b(?:по|на|проти|против|проти\s+позицій|по\s+позиціях|по\s+позициям|позиції|позиций"
    r"|позиціях|позициях|об'єкт\w*|объект\w*|склад\w*|техніку|технику|військах|войскам)\s+)$",
    _I,
)
#: Air defence as the subject of an interception.
_AIR_DEFENCE = re.compile(r"\b(?:ППО|ПВО|протиповітрян\w+|противовоздушн\w+|Повітрян\w+\s+сил)", _I)
_UKRAINIAN_LETTERS = frozenset("іїєґІЇЄҐ")


def _writer(sentence: str) -> str:
    """``"ukraine"`` for a Ukrainian sentence, ``"russia"`` for a Russian one (by letters)."""
    return "ukraine" if any(ch in _UKRAINIAN_LETTERS for ch in sentence) else "russia"


def attacker_side(sentence: str, event_type: str) -> str | None:
    """The attacking side when the sentence states it (see the module docstring)."""
    if event_type == "interception":
        ad = _AIR_DEFENCE.search(sentence)
        if ad is not None:
            found = _named(sentence)
            defender = found if found is not None else _writer(sentence)
            # "сбили украинские БПЛА": the noun names what was downed, i.e. the attacker
            if found is not None and found != _writer(sentence):
                return found
            return OPPONENTS[defender]
    return _named(sentence)


def _named(sentence: str) -> str | None:
    best: tuple[int, str] | None = None
    for rx, side in _AGENTS:
        for m in rx.finditer(sentence):
            if _TARGET_BEFORE.search(sentence[max(0, m.start() - 30) : m.start()]):
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), side)
            break
    enemy = _ENEMY.search(sentence)
    if enemy is not None and (best is None or enemy.start() < best[0]):
        if not _TARGET_BEFORE.search(sentence[max(0, enemy.start() - 30) : enemy.start()]):
            best = (enemy.start(), OPPONENTS[_writer(sentence)])
    return None if best is None else best[1]


_BLAME = re.compile(
    r"\b(?:звинуват\w*|обвинил\w*|обвиня\w*|обвинув\w*|відповідальн\w+\s+(?:є|несе)|ответственност\w*"
    r"\s+(?:лежит|несет)\s+на)\s+(?P<who>\w+)",
    _I,
)


def blamed_sides(sentence: str) -> set[str]:
    """Sides a sentence holds responsible ("звинуватили Росію", "обвинили ВСУ").

    >>> sorted(blamed_sides("У Києві звинуватили Росію в ударі по лікарні."))
    ['russia']
    >>> sorted(blamed_sides("В Москве обвинили ВСУ в обстреле."))
    ['ukraine']
    """
    out = set()
    for m in _BLAME.finditer(sentence):
        side = _named(m.group("who"))
        if side is not None:
            out.add(side)
    return out
