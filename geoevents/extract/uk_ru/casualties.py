"""Killed and injured in Ukrainian and Russian, with the Figure conventions of
:mod:`geoevents.extract.casualties` (the English table applies unchanged):

=============================================  ==========================================
wording                                        Figure(low, high, qualifier)
=============================================  ==========================================
"загинули 5 людей", "погибли двое"             killed ``(5, 5, None)``, ``(2, 2, None)``
"ще 12 поранені", "ранены 12 человек"          injured ``(12, 12, None)``
"загинула жінка", "погиб мужчина"              killed ``(1, 1, None)`` (one person named)
"двоє загиблих", "трое пострадавших"           killed ``(2, 2)``, injured ``(3, 3)``
"постраждали 7 осіб, серед них 2 дітей"        injured ``(7, 7)`` (the first figure wins)
"щонайменше 10", "не менее 10"                 ``(10, None, "at least")``
"понад 20", "более 20"                         ``(20, None, "more than")``
"близько 30", "около 30" / "майже 30"          ``(30, 30, "about")`` / ``"nearly"``
"до 40"                                        ``(None, 40, "up to")``
"від 10 до 15", "10-15"                        ``(10, 15, "between")``
"десятки", "сотні", "кілька"                   ``(24, None, "dozens")``, ``(200, None,
                                               "hundreds")``, ``(3, None, "several")``
"є загиблі", "есть пострадавшие"               ``(1, None, "at least")`` (count unknown)
"без жертв", "обійшлося без постраждалих",     ``(0, 0, "none")``; "жертв" is killed and
"жертв нет", "никто не пострадал"              injured, "постраждалих" injured
"кількість загиблих зросла до 12"              killed ``(12, 12, None)`` ("до" is "to")
"знищено до 30 окупантів", "уничтожены         killed ``(None, 30, "up to")``,
более 600 военнослужащих"                      ``(600, None, "more than")`` (military)
"до 400 убитыми и ранеными", "потери ВСУ       killed and injured both ``(None, 400,
составили до 120 военнослужащих"               "dead and wounded")`` (never split)
=============================================  ==========================================

"Постраждали" / "пострадали" are injured; "смертельно поранений" is killed. A number
that is the day of a date ("28 липня") or counts weapons ("37 шахедів") is no figure.

>>> parse_casualties("Загинули 5 людей, ще 12 поранені")
Casualties(killed=Figure(low=5, high=5, qualifier=None, text='Загинули 5 людей'), injured=Figure(low=12, high=12, qualifier=None, text='12 поранені'))
>>> parse_casualties("В результате обстрела погибли не менее трех человек").killed
Figure(low=3, high=None, qualifier='at least', text='погибли не менее трех человек')
>>> parse_casualties("28 липня 37 шахедів атакували Одесу")
Casualties(killed=None, injured=None)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from geoevents.extract.casualties import Casualties
from geoevents.extract.sentences import has_stem
from geoevents.extract.uk_ru.numbers import _WORDS, QUALIFIER, QUALIFIERS, parse_number
from geoevents.model import Figure

__all__ = ["GATE_STEMS", "Casualties", "parse_casualties", "parse_quantity"]

_NUMWORD = "|".join(p for p, _ in _WORDS) + r"|тисяч\w*|тысяч\w*"
#: One number: digits or up to four number words ("сорока двух", "сто двадцять три").
NUM = (
    rf"(?:(?:\d{{1,3}}(?:[ \u202f\u00a0]\d{{3}})+|\d+)(?:\s+(?:тисяч\w*|тысяч\w*))?|(?:{_NUMWORD})(?![\w'’ʼ])"
    rf"(?:\s+(?:{_NUMWORD})(?![\w'’ʼ])){{0,3}})"
)
#: Vague quantities: word -> (low, high, English label).
VAGUE: tuple[tuple[str, int | None, int | None, str], ...] = (
    (r"десят(?:ки|ків|ками|ках|ки|ков|ками)", 24, None, "dozens"),
    (r"сот(?:ні|ень|нями|нях|ни|ен)", 200, None, "hundreds"),
    (r"кільк(?:а|ох|ом|ома)|нескольк\w*", 3, None, "several"),
)
_VAGUE = "|".join(rx for rx, *_ in VAGUE)
#: A quantity: a range of digits, or a number or vague word after an optional qualifier (a
#: range in words, "від двох до п'яти", is rare: its digits form keeps the patterns small).
QTY = (
    rf"(?:(?:від|от)\s+\d+\s+до\s+\d+|\d+\s*[-–]\s*\d+"
    rf"|(?:(?:{QUALIFIER})\s+)?(?:{NUM}|(?:{_VAGUE})(?![\w])))"
)

#: Killed: verbs, participles and nouns ("загинули", "загиблих", "погибших", "жертв").
_KILL = (
    r"(?:смертельн\w*\s+(?:поранен\w*|ранен\w*|травмован\w*|травмирован\w*)|загин\w*|загибл\w*|вбит\w*"
    r"|убит\w*|помер(?:ла|ли|ло)?|погиб\w*|скончал\w*|умер(?:ла|ли)?|жертв\w*|гибел\w*|загибел\w*)"
)
#: Injured ("поранені", "постраждали", "пострадали", "получили ранения").
_HURT = (
    r"(?:поранен\w*|травмован\w*|травмувал\w*|постражд\w*|потерпіл\w*|госпіталізован\w*|шпиталізован\w*|ранен\w*"
    r"|пострада\w*|травмирован\w*|госпитализирован\w*"
    r"|(?:за\s+(?:медицинской\s+|медичною\s+)?(?:медпомощью|помощью|допомогою)\s+)?(?:обратил|звернул)\w*"
    r"(?:\s+(?:за|по)\s+(?:медицинской\s+|медичною\s+|медичну\s+)?(?:медпомощью|помощью|допомог\w*))?"
    r"|(?:отрима\w*|дістал\w*|зазна\w*)\s+(?:[\w'’-]+\s+)?(?:поранен\w*|травм\w*)"
    r"|(?:получ\w*)\s+(?:[\w'’-]+\s+)?(?:ранени\w*|травм\w*))"
)
_VERB = rf"(?:{_KILL}|{_HURT})"
#: People counted ("людей", "осіб", "человек", "мирных жителей", "военнослужащих").
_PEOPLE = (
    r"(?:люд\w*|ос[іо]б\w*|чолов[іі]к\w*|человек\w*|жител\w*|житель\w*|мешканц\w*|мешкан\w*"
    r"|діт\w*|дитин\w*|дет\w*|ребен\w*|ребён\w*|жін\w*|женщин\w*|мужчин\w*|цивільн\w*|гражданск\w*"
    r"|військов\w*|военн\w*|військовослужбовц\w*|военнослужащ\w*|солдат\w*|бійц\w*|бойц\w*"
    r"|рятувальник\w*|спасател\w*|медик\w*|поліцейськ\w*|полицейск\w*|пенсіонер\w*|пенсионер\w*"
    r"|працівник\w*|сотрудник\w*|підлітк\w*|подростк\w*|енергетик\w*|окупант\w*|оккупант\w*|офіцер\w*"
    r"|офицер\w*|бойовик\w*|боевик\w*|найманц\w*|наемник\w*|росіян\w*|россиян\w*|українц\w*|украинц\w*"
    r"|моряк\w*|пілот\w*|летчик\w*|льотчик\w*|громадян\w*|граждан\w*|пацієнт\w*|пациент\w*|відвідувач\w*"
    r"|посетител\w*|пасажир\w*|пассажир\w*)"
)
#: An adjective before a people noun ("мирних", "українських", "российских").
_ADJ = r"(?:[\w'’-]+(?:их|ых|іх|і|ие|ые|ого|его|ому))"
_GAP = rf"(?:\s+{_ADJ}){{0,2}}\s+{_PEOPLE}"
_AUX = r"(?:\s+(?:ще|також|еще|также|були|було|був|була|є|были|было|был|была|вже|уже|внаслідок\s+\w+))*"

_VERB_THEN_N = re.compile(
    rf"(?<![\w-])(?P<v>{_VERB}|жертвами\s+стал\w*|(?:поранення|травми|ранения|травмы)\s+(?:отрима\w*|дістал\w*|получ\w*))(?:\s+(?:ще|також|еще|также|вже|уже))?"
    rf"\s+(?P<q>{QTY})(?![\w'’-])(?P<gap>{_GAP})?",
    re.IGNORECASE,
)
_N_THEN_VERB = re.compile(
    rf"(?<![\w:.,-])(?P<q>{QTY})(?![\w'’-])(?P<gap>{_GAP})?{_AUX}\s*[—–-]?\s+(?P<v>{_VERB})(?![\w])",
    re.IGNORECASE,
)
#: "Загиблих — 5", "раненых: 12".
_NOUN_DASH = re.compile(
    rf"(?<![\w-])(?P<v>загиблих|поранених|постраждалих|травмованих|погибших|раненых|пострадавших)"
    rf"\s*[—–:-]?\s*(?P<q>{QTY})(?![\w'’-])",
    re.IGNORECASE,
)
#: A toll that grew: "кількість загиблих зросла до 12", "число погибших возросло до 12".
_RISEN = re.compile(
    rf"(?<![\w-])(?:кількість|число)\s+(?:(?P<k>загиблих|жертв|погибших|убитих|убитых|вбитих)"
    rf"|(?P<h>поранених|постраждалих|травмованих|раненых|пострадавших))(?:\s+[^\s.;!?]+){{0,14}}?\s+"
    rf"(?:зросл\w*|збільшил\w*|возросл\w*|выросл\w*|увеличил\w*|досягл\w*|достигл\w*|сягнул\w*|становить"
    rf"|составля\w*|составил\w*|склал\w*|склада\w*)\s+(?:до\s+)?(?P<q>{NUM})(?![\w])",
    re.IGNORECASE,
)
#: Military reports count people "destroyed": killed.
_ELIMINATED = re.compile(
    rf"(?<![\w-])(?:знищен\w*|знищи\w*|ліквідован\w*|ліквідува\w*|уничтож\w*|ликвидирова\w*)\s+(?P<q>{QTY})(?![\w])"
    rf"(?:\s+[\w'’-]+(?:их|ых|іх)){{0,2}}\s+(?:окупант\w*|оккупант\w*|військов\w*|военнослужащ\w*"
    r"|військовослужбовц\w*|бойовик\w*|боевик\w*|найманц\w*|наемник\w*|солдат\w*|націоналіст\w*"
    r"|националист\w*|росіян\w*|россиян\w*|бійц\w*|бойц\w*|піхотинц\w*|особового\s+складу|личного\s+состава)",
    re.IGNORECASE,
)
#: Losses, killed and wounded together: "потери ВСУ составили до 120 военнослужащих".
_LOSSES = re.compile(
    rf"(?<![\w-])(?:потер[ьия]\w*|втрат[иа]?\w*)\s+(?:[\w'’-]+\s+){{0,6}}?"
    rf"(?:составил\w*|составля\w*|склал\w*|склада\w*|сягнул\w*|становл\w*)\s+(?P<q>{QTY})(?![\w'’-])",
    re.IGNORECASE,
)
#: After a killed count: "... и раненых" makes it one figure for both.
_AND_WOUNDED = re.compile(r"\s+(?:і|та|и)\s+(?:поранен|ранен)\w*", re.IGNORECASE)
#: Bodies found are dead: "знайшли тіла чотирьох людей", "извлекли тела 5 человек", "тіло жінки".
_BODIES = re.compile(
    rf"(?<![\w-])(?:знайшли|знайдено|виявили|виявлено|дістали|витягли|деблокували|нашли|найдены|обнаружили"
    rf"|обнаружены|извлекли|извлечены|достали)\s+(?:[\w-]+\s+){{0,2}}?(?:тіла|тела)\s+(?P<q>{QTY})(?![\w'’-])"
    rf"|(?<![\w-])(?:тіла|тела)\s+(?P<q2>{QTY})(?![\w'’-])(?:\s+[\w'’-]+)?\s+(?:знайшли|знайдено|виявили|виявлено"
    rf"|дістали|витягли|нашли|найдены|обнаружили|обнаружены|извлекли|извлечены)"
    rf"|(?<![\w-])(?:знайшли|знайдено|виявили|виявлено|дістали|витягли|нашли|найдено|обнаружили|обнаружено"
    rf"|извлекли|извлечено)\s+(?:[\w-]+\s+){{0,2}}?(?:тіло|тело)(?![\w-])",
    re.IGNORECASE,
)
#: One person named, no numeral: "загинула жінка", "погиб мужчина", "поранено дитину",
#: "загинуло немовля", "ранен военный" (not "пострадал военный аэродром").
_ONE = (
    r"(?:жінк[аиу]|чоловік(?:а)?|дитин[аиу]|хлопчик(?:а)?|дівчинк[аиу]|підліт(?:ок|ка)|пенсіонер(?:к[аиу]|а)?"
    r"|водій|водія|мешкан(?:ець|ця|ка|ку)|житель(?:ка|ку)?|жителя|цивільн(?:ий|ого)|військов(?:ий|ого)"
    r"|рятувальник(?:а)?|медик(?:а)?|поліцейськ(?:ий|ого)|людина|людину|особа|особу"
    r"|женщин[аыу]|мужчин[аыу]|реб[её]н(?:ок|ка)|подрост(?:ок|ка)|пенсионер(?:к[аиу]|а)?|водител[ья]"
    r"|жител(?:ь|я|ьница|ьницу)|военнослужащ(?:ий|его)|сотрудник(?:а)?|мальчик(?:а)?|девочк[аиу]"
    r"|полицейск(?:ий|ого)|спасател[ья]|человек|мати|матір|мать|батько|батька|отец|отца|син|сина|сын|сына"
    r"|донька|доньку|дочка|дочку|дочь|брат|брата|сестра|сестру|бабус[яю]|дідус[ья]|бабушк[ау]|дедушк[ау]"
    r"|охранник(?:а)?|охоронц[яь]|охоронець|сторож(?:а)?|пасажир(?:а|ка|ку)?|пассажир(?:а|ка|ку)?|пішохід|пішохода"
    r"|пешеход(?:а)?|журналіст(?:а|ка|ку)?|журналист(?:а|ка|ку)?|волонтер(?:а|ка|ку)?|рабоч(?:ий|его)"
    r"|працівни(?:к|ка|ця|цю)|работни(?:к|ка|ца|цу)|фермер(?:а)?"
    r"|немовля|немовляти|малюк(?:а)?|младен(?:ец|ца)|малыш(?:а)?|військовослужбов(?:ець|ця|иця|ицю)"
    r"|воен(?:ный|ного)|неповнолітн(?:ій|ього|я|ю)|несовершеннолетн(?:ий|его|яя|юю)"
    r"|дівчин[аиу]|девушк[аиу]|юнак(?:а)?|юнош[аиу]|хлоп(?:ець|ця)|пар(?:ень|ня)"
    r"|школяр(?:а|ка|ку)?|школьни(?:к|ка|ца|цу)|студент(?:а|ка|ку)?|вчител(?:ь|я|ька|ьку)"
    r"|учител(?:ь|я|ьница|ьницу)|лікар(?:я|ка|ку)?|врач(?:а)?)"
    # an adjective used as a noun ("військовий", "военный") before a thing is no person
    r"(?!\s+(?:об['’ʼ]?єкт|объект|аеродром|аэродром|склад|завод|автомоб|транспорт|ешелон|эшелон"
    r"|корабл|судн|літак|самол|техні|техник|частин|комісаріат|комиссариат|госпітал|госпитал|шпитал"
    r"|інфраструктур|инфраструктур|потенціал|потенциал|будин|будівл|здани|зданн|містечк|городок)\w*)"
)
_ONE_VERB = (
    r"(?:смертельн\w*\s+(?:поранен|ранен|травмован|травмирован)\w*|загинув|загинула|загинуло|вбит(?:ий|а|о)|помер|померла|погиб|погибла|погибло|убит(?:ый|а|о)"
    r"|скончал(?:ся|ась)|умер|умерла|поранен(?:ий|а|о)|поранено|травмован(?:ий|а|о)|травмувал(?:ся|ася)"
    r"|постраждав|постраждала|постраждало|ранен(?:ый|а|о)?|пострадал(?:а)?|травмирован(?:ый|а|о)"
    r"|госпіталізован(?:ий|а|о)|госпитализирован(?:ый|а|о)|(?:отримав|отримала|получил|получила)\s+"
    r"(?:[\w'’-]+\s+)?(?:поранення|травми|травму|ранения|ранение|травмы|травму)"
    r"|(?:поранення|травми|травму|ранения|ранение|травмы)\s+(?:отримав|отримала|получил|получила))"
)
_ONE_PERSON = re.compile(
    rf"(?<![\w-])(?:(?P<v>{_ONE_VERB})(?:\s+[\w'’-]+){{0,3}}?\s+(?P<p>{_ONE})"
    rf"|(?P<p2>{_ONE})(?:\s+[\w'’-]+){{0,2}}?\s+(?P<v2>{_ONE_VERB}))(?![\w])",
    re.IGNORECASE,
)
#: A married couple: two people ("загинуло подружжя", "погибли супруги").
_COUPLE = re.compile(
    rf"(?<![\w-])(?P<v>{_VERB})(?:\s+[\w'’-]+){{0,2}}?\s+(?:подружжя|супруги|пара)(?![\w])"
    rf"|(?<![\w-])(?:подружжя|супруги)\s+(?P<v2>{_VERB})",
    re.IGNORECASE,
)
#: A count not given: "є загиблі", "есть пострадавшие", "загинули люди".
_SOME = re.compile(
    r"(?<![\w-])(?:є|есть|имеются|маємо)\s+(?P<v>загибл\w*|жертв\w*|поранен\w*|постражд\w*|травмован\w*"
    r"|погибш\w*|ранен\w*|пострадавш\w*)(?:\s+(?:і|та|и)\s+(?P<v2>поранен\w*|постражд\w*|ранен\w*|пострадавш\w*))?"
    r"|(?<![\w-])(?P<v3>загинули|погибли|поранені|постраждали|пострадали|ранены)\s+(?:люди|мирні\s+жителі|мирные\s+жители)(?![\w])"
    r"|(?<![\w-])(?:про|о|об)\s+(?P<v4>загиблих|поранених|постраждалих|травмованих|погибших|раненых|пострадавших"
    r"|жертвах)(?:\s+(?:і|та|и)\s+(?P<v5>поранених|постраждалих|раненых|пострадавших))?"
    r"(?![\w-])(?!\s+(?:уточн\w*|не\s+надход\w*|не\s+поступа\w*|немає|нет|поки|пока))",
    re.IGNORECASE,
)
_VICTIMS = r"(?:жертв|постраждалих|загиблих|поранених|пострадавших|погибших|раненых|потерпілих|травмованих)"
_VICTIMS2 = rf"{_VICTIMS}(?:\s+(?:і|та|и|або|или|чи)\s+{_VICTIMS})?"
_NONE = re.compile(
    rf"(?<![\w-])(?:без\s+(?P<w>{_VICTIMS2})"
    rf"|(?P<w2>{_VICTIMS2})\s+(?:немає|нема|нет|не\s+було|не\s+было|не\s+виявлено|не\s+зафіксовано)"
    r"|(?:ніхто|никто|(?:мирні\s+|мирные\s+)?(?:жителі|мешканці|жители|люди))\s+не\s+(?P<v>\w+)|не\s+(?P<v2>постраждав|загинув|пострадал|погиб)\s+(?:ніхто|никто))(?![\w])",
    re.IGNORECASE,
)
#: Lower-case word stems without one of which no pattern above matches.
GATE_STEMS: tuple[str, ...] = tuple(
    """
    загин загибл вбит убит помер погиб скончал умер жертв смертельн поранен травмов травмув постражд
    потерпіл госпіталіз шпиталіз ранен пострада травмир госпитализ отрима дістал зазна получ кількість число
    знищен знищи ліквідов ліквідув уничтож ликвидир ніхто никто без потер втрат гибел загибел
    обратил звернул тіла тела тіло тело
    """.split()
)


def parse_quantity(text: str) -> Figure | None:
    """A :class:`Figure` for a Ukrainian or Russian quantity phrase (the module table).

    >>> parse_quantity("щонайменше 10"), parse_quantity("до 40")
    (Figure(low=10, high=None, qualifier='at least', text='щонайменше 10'), Figure(low=None, high=40, qualifier='up to', text='до 40'))
    >>> parse_quantity("від 10 до 15"), parse_quantity("сотні")
    (Figure(low=10, high=15, qualifier='between', text='від 10 до 15'), Figure(low=200, high=None, qualifier='hundreds', text='сотні'))
    """
    raw = " ".join(text.split())
    t = raw.lower()
    m = re.fullmatch(rf"(?:від|от)\s+({NUM})\s+до\s+({NUM})|(\d+)\s*[-–]\s*(\d+)", t)
    if m is not None:
        a, b = (parse_number(g) for g in m.groups() if g is not None)
        if a is None or b is None:
            return None
        return Figure(min(a, b), max(a, b), "between", raw)
    qual = None
    m = re.match(rf"({QUALIFIER})\s+", t)
    if m is not None:
        qual = QUALIFIERS[" ".join(m.group(1).split())]
        t = t[m.end() :]
    for rx, low, high, label in VAGUE:
        if re.fullmatch(rx, t):
            return Figure(low, high, label if qual is None else f"{qual} {label}", raw)
    n = parse_number(t)
    if n is None or (qual is None and re.fullmatch(r"(?:19|20)\d\d", t)):  # a year
        return None
    if qual in ("at least", "more than"):
        return Figure(n, None, qual, raw)
    if qual == "up to":
        return Figure(None, n, qual, raw)
    return Figure(n, n, qual, raw)


_MONTH = (
    r"(?:січн|лют|берез|квітн|травн|червн|липн|серпн|вересн|жовтн|листопад|грудн|январ|феврал|март|апрел"
    r"|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*"
)
#: After a number: a month ("28 липня"), a time ("о 5:30", "5 годин"), a year ("2024 року").
_NOT_PEOPLE_AFTER = re.compile(
    rf"\s*(?:{_MONTH}|[:.]\d|годин\w*|хвилин\w*|час\w*|минут\w*|рок\w*|год[ау]?\b|км|кілометр\w*|километр\w*|%)",
    re.IGNORECASE,
)

_Found = Iterator[tuple[str, int, Figure]]


def _kind(verb: str) -> str:
    return "killed" if re.match(_KILL, verb, re.IGNORECASE) else "injured"


def _quantity(sentence: str, m: re.Match[str]) -> Figure | None:
    fig = parse_quantity(m.group("q"))
    if fig is None or _NOT_PEOPLE_AFTER.match(sentence, m.end("q")):
        return None
    return fig


def _with_text(fig: Figure, text: str) -> Figure:
    return Figure(fig.low, fig.high, fig.qualifier, text)


#: Word stems one of which every match of a reader's pattern holds (its cheap pre-filter).
_READER_STEMS: dict[int, tuple[str, ...]] = {
    id(_RISEN): ("кількість", "число"),
    id(_LOSSES): ("потер", "втрат"),
    id(_BODIES): ("тіла", "тела", "тіло", "тело"),
    id(_ELIMINATED): ("знищен", "знищи", "ліквідов", "ліквідув", "уничтож", "ликвидир"),
    id(_COUPLE): ("подружж", "супруг", "пара"),
    id(_SOME): ("є", "есть", "имеются", "маємо", "люди", "мирні", "мирные", "про", "о", "об"),
    id(_NONE): (
        "без",
        "немає",
        "нема",
        "нет",
        "ніхто",
        "никто",
        "жителі",
        "мешканці",
        "жители",
        "люди",
    ),
    id(_ONE_PERSON): tuple(
        """
        жінк чолов дитин хлопч дівчин підліт пенсіонер водій водія мешкан житель жител цивільн
        військов рятувальник медик поліцейськ людин особ женщин мужчин ребен ребён подрост
        пенсионер водител военнослужащ сотрудник мальчик девочк полицейск спасател человек мат
        батьк отец отца син сын донь доч брат сестр бабус дідус бабушк дедушк охран охорон сторож
        пасажир пассажир пішохід пішохода пешеход журналіст журналист волонтер рабоч працівни работни
        фермер немовл младен малюк малыш військовослужбов воен неповнолітн несовершеннолетн дівчин
        девушк юнак юнош хлопец хлопц парен парн школяр школьни студент вчител учител лікар врач
        """.split()
    ),
}


def _scan(rx: re.Pattern[str], sentence: str) -> Iterator[re.Match[str]]:
    """``rx.finditer(sentence)``, skipped when the sentence lacks the pattern's stems."""
    stems = _READER_STEMS.get(id(rx))
    if stems is not None and not has_stem(sentence, stems):
        return iter(())
    return rx.finditer(sentence)


def _numbers(sentence: str) -> _Found:
    """Counts before or after a casualty word, tolls that grew, "Загиблих — 5"."""
    for rx in (_VERB_THEN_N, _N_THEN_VERB, _NOUN_DASH):
        for m in _scan(rx, sentence):
            fig = _quantity(sentence, m)
            if fig is not None:
                verb = m.group("v")
                kind = "killed" if verb.lower().startswith("жертвами") else _kind(verb)
                both = _AND_WOUNDED.match(sentence, m.end()) if rx is _N_THEN_VERB else None
                if kind == "killed" and both is not None:  # "400 убитыми и ранеными"
                    yield from _both(fig, sentence[m.start() : both.end()], m.start())
                    continue
                end = m.end("gap") if rx is _VERB_THEN_N and m.group("gap") else m.end()
                text = sentence[m.start() : end] if rx is _VERB_THEN_N else m.group(0)
                yield kind, m.start(), _with_text(fig, text)
    for m in _scan(_RISEN, sentence):
        n = parse_number(m.group("q"))
        if n is not None:
            yield "killed" if m.group("k") else "injured", m.start(), Figure(n, n, None, m.group(0))
    for m in _scan(_BODIES, sentence):
        q = m.group("q") or m.group("q2")
        fig = parse_quantity(q) if q else Figure(1, 1)
        if fig is not None:
            yield "killed", m.start(), _with_text(fig, m.group(0))
    for m in _scan(_LOSSES, sentence):
        fig = _quantity(sentence, m)
        if fig is not None:
            yield from _both(fig, m.group(0), m.start())
    for m in _scan(_ELIMINATED, sentence):
        fig = _quantity(sentence, m)
        if fig is not None:
            yield "killed", m.start(), _with_text(fig, m.group(0))


def _both(fig: Figure, text: str, pos: int) -> _Found:
    """One figure for killed and wounded together: an upper bound of each (never split)."""
    both = Figure(None, fig.high if fig.high is not None else fig.low, "dead and wounded", text)
    yield "killed", pos, both
    yield "injured", pos, both


def _persons(sentence: str) -> _Found:
    """One person or a couple named; a count not given ("є загиблі")."""
    for m in _scan(_ONE_PERSON, sentence):
        yield _kind(m.group("v") or m.group("v2")), m.start(), Figure(1, 1, None, m.group(0))
    for m in _scan(_COUPLE, sentence):
        yield _kind(m.group("v") or m.group("v2")), m.start(), Figure(2, 2, None, m.group(0))
    for m in _scan(_SOME, sentence):
        some = Figure(1, None, "at least", m.group(0))
        for g in ("v", "v2", "v3", "v4", "v5"):
            if m.group(g):
                yield _kind(m.group(g)), m.start(), some


def _nones(sentence: str) -> _Found:
    """None: "без жертв", "постраждалих немає", "ніхто не загинув", "никто не пострадал"."""
    for m in _scan(_NONE, sentence):
        zero = Figure(0, 0, "none", m.group(0))
        words = (m.group("w") or m.group("w2") or m.group("v") or m.group("v2") or "").lower()
        for word in words.split():
            if word.startswith("жертв"):
                yield "killed", m.start(), zero
                yield "injured", m.start(), zero
            elif re.fullmatch(_KILL, word) or re.fullmatch(r"погибш\w*", word):
                yield "killed", m.start(), zero
            elif re.fullmatch(_HURT, word):
                yield "injured", m.start(), zero


_READERS = (_numbers, _persons, _nones)


def parse_casualties(text: str) -> Casualties:
    """Killed and injured figures of one clause; the first figure of each kind wins.

    >>> parse_casualties("Внаслідок удару загинула жінка, ще двоє людей травмовані").killed.low
    1
    >>> parse_casualties("Обошлось без пострадавших.").injured
    Figure(low=0, high=0, qualifier='none', text='без пострадавших')
    >>> parse_casualties("Постраждали 7 осіб, серед них 2 дітей").injured.low
    7
    """
    if not has_stem(text, GATE_STEMS):
        return Casualties()
    found: dict[str, tuple[int, Figure]] = {}
    for read in _READERS:
        for kind, pos, fig in read(text):
            if kind not in found or pos < found[kind][0]:
                found[kind] = (pos, fig)
    return Casualties(found.get("killed", (0, None))[1], found.get("injured", (0, None))[1])
