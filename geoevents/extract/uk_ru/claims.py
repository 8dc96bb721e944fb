"""Claimants, denials and "could not verify" in Ukrainian and Russian (the same
:class:`~geoevents.extract.claims.SentenceClaims` as English).

A phrase of :mod:`geoevents.extract.uk_ru.claimants` is a claimant when the sentence links
it to a statement, in either word order: a speech verb after it with no comma between
("Генштаб ЗСУ повідомив", "губернатор Белгородской области Вячеслав Гладков в Telegram
сообщил"), a speech verb right before it ("повідомили у Повітряних силах", "заявил
Песков"), "за даними / за словами / по данным / по словам / согласно" before it, or a
colon after it (a Telegram header: "Повітряні сили: ...") or a dash before it at the end ("... — Повітряні сили."). A phrase
after a comma and
before "повідомили" is the object of the clause before, not a speaker.

Stances: a clause with a denial word ("спростували", "фейк", "не відповідає дійсності",
"опроверг", "ложь", "не соответствует действительности", "самі себе обстріляли") gives
``"denies"``; outlets (ТАСС, Укрінформ, ...) ``"reports"``. In a denying clause a
claimant right after a claim noun ("заяви Міноборони РФ", "утверждения Киева") owns the
rejected account: it is no speaker and :attr:`SentenceClaims.disputes_side` is its side.
"Не вдалося перевірити", "не удалось независимо подтвердить" set ``unverified``.

>>> sc = find_claims("Генштаб ЗСУ спростував заяви Міноборони РФ про знищення HIMARS.")
>>> [(c.claimant, c.side, c.stance) for c in sc.claimants], sc.disputes_side
([('Ukrainian General Staff', 'ukraine', 'denies')], 'russia')
>>> sc = find_claims("Губернатор Белгородской области Вячеслав Гладков сообщил о двух раненых.")
>>> [(c.claimant, c.side, c.stance) for c in sc.claimants]
[('Belgorod governor', 'russia', 'asserts')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from geoevents.extract.claims import FoundClaimant, SentenceClaims, clause_index, region_side
from geoevents.extract.sentences import candidates, has_stem
from geoevents.extract.uk_ru.claimants import OUTLETS, SPEAKERS, Phrase, compiled, region_of

#: Speech verbs and nouns, Ukrainian and Russian (a whole word).
_SAY = (
    r"(?:повідом\w*|заяв\w*|зазнач\w*|написа\w*|пише|пишуть|розпов\w*|дода(?:в|ла|ли|є|ють)"
    r"|наголос\w*|уточн\w*|інформу\w*|поінформ\w*|підтверд\w*|спросту\w*|спростув\w*|запереч\w*"
    r"|звіту\w*|звітува\w*|оприлюдн\w*|назва(?:в|ла|ли)|назива\w*|сказа\w*|каже|кажуть|передає"
    r"|сообщ\w*|отмет\w*|отмеча\w*|пишет|рассказ\w*|добав\w*|подтверд\w*|опроверг\w*|опровер\w*"
    r"|доложи\w*|доклад\w*|назва(?:л|ла|ли)|называ\w*|говор\w*|информир\w*|отчита\w*|переда[её]т"
    r"|подчерк\w*|констатува\w*|констатир\w*|відзвітува\w*|стверджу\w*|утвержда\w*|вважа\w*|считает|считают"
    r"|отверг\w*|отверга\w*|отрица\w*|обвини\w*|обвиня\w*|звинуват\w*|звинувачу\w*|признал\w*|визна(?:в|ла|ли|ють|є))"
)
#: Accusing: its subject speaks, the phrase after it is accused ("обвинили украинскую армию").
_ACCUSE = r"(?:обвин|звинува|звинувач)"
_SAY_RX = re.compile(rf"(?<![\w-]){_SAY}(?![\w-])", re.IGNORECASE)
#: A speech verb after the phrase: up to seven words, no comma, no "що"/"что".
_AFTER_SAY = re.compile(
    rf"^(?:\s+(?!(?:що|что|і|й|и|та|але|но|а)\b)[^\s,.;:!?()«»\"—–]+){{0,7}}?\s+{_SAY}(?![\w-])",
    re.IGNORECASE,
)
#: A speech verb right before the phrase ("повідомили у Генштабі", "сообщил губернатор").
_BEFORE_SAY = re.compile(
    rf"(?<![\w-])(?!{_ACCUSE}){_SAY}(?:\s+(?!(?:що|что|як|как|коли|когда|після|после|о|об|про)\b)[^\s,.;:!?()«»\"—–]+){{0,4}}?"
    r"\s+(?:у\s+|в\s+|во\s+|із\s+|з\s+)?$",
    re.IGNORECASE,
)
_ACCORDING = re.compile(
    r"(?<![\w-])(?:за\s+(?:даними|словами|інформацією|повідомленням|оцінками|підрахунками|оцінкою|версією)"
    r"|по\s+(?:данным|словам|информации|сообщению|сообщениям|оценкам|подсч[её]там|оценке|версии|утверждению)"
    r"|за\s+повідомленнями|за\s+твердженням"
    r"|згідно\s+з(?:\s+даними)?|согласно(?:\s+данным)?|відповідно\s+до\s+(?:даних|інформації)"
    r"|(?:як|как)\s+(?:повідомля\w*|повідоми\w*|сообща\w*|сообщи\w*|пише|пишет|зазнача\w*|отмеча\w*))"
    r"(?:\s+[^\s,.;:!?]+){0,2}?\s+$",
    re.IGNORECASE,
)
#: The word before a phrase that makes it an object ("по позиціях ЗСУ", "будівлю ОВА").
_OBJECT_BEFORE = re.compile(
    r"(?<![\w-])(?:по|проти|против|для|будівл\w*|будинок|будинку|приміщенн\w*|здани[еяю]|офіс\w*|офис\w*"
    r"|позиці\w*|позици\w*)\s+$",
    re.IGNORECASE,
)
#: A claim noun right before a phrase: its owner's account ("заяви Міноборони РФ").
_CLAIM_NOUN_BEFORE = re.compile(
    r"(?<![\w-])(?:заяв[аиуі]|заявою|заяв|заявам\w*|заявах|твердженн\w*|утверждени\w*|заявлени\w*|повідомленн\w*|сообщени\w*"
    r"|версі\w*|верси\w*|дан(?:і|их|ные|ных)|інформаці\w*|информаци\w*|фейк\w*|звинувачен\w*|обвинени\w*)"
    r"(?:\s+про)?\s+$",
    re.IGNORECASE,
)
_DENIAL = re.compile(
    r"(?<![\w-])(?:спростув\w*|спросту\w*|фейк\w*|не\s+відповіда\w*\s+дійсності|заперечу\w*|заперечи\w*"
    r"|неправд\w*|брехн\w*|брехлив\w*|бреш\w*|(?<!протидії\s)дезінформац\w*|пропаганд\w*|вигадк\w*"
    r"|опроверг\w*|не\s+соответству\w*\s+действительности|отрица\w*|ложь|лжи|ложью|ложн\w*|вран(?:ье|ья|ьё|ьем)|врут|врёт|врет"
    r"|(?<!противодействия\s)дезинформац\w*|отверга\w*|отверг\w*|выдумк\w*|клевет\w*|(?:самі|сами)\s+(?:себе|себя)"
    r"|нічого\s+спільного|ничего\s+общего|не\s+причетн\w*|не\s+причастн\w*"
    r"|а\s+не\s+(?:[\w-]+\s+){0,2}?(?:удар\w*|обстріл\w*|обстрел\w*|атак\w*)"
    r"|(?:вызвал\w*|спричинил\w*|зруйнувал\w*|пошкодил\w*|повредил\w*|разрушил\w*)\s+(?:[\w«»-]+\s+){0,4}?"
    r"(?:украинск|українськ)\w*\s+(?:[\w-]+\s+){0,2}?(?:ПВО|ППО|зенитн\w*|зенітн\w*|NASAMS|Patriot)"
    r"|назва\w*\s+(?:[\w-]+\s+){0,4}?(?:провокаці\w*|провокаци\w*|инсценировк\w*|інсценуванн\w*|постановк\w*)"
    r"|(?:никакого|никаких|жодного|жодних)\s+(?:[\w-]+\s+){0,2}?(?:удар\w*|обстрел\w*|обстріл\w*|атак\w*|задач\w*)"
    r"|(?:удар\w*|обстрел\w*|обстріл\w*|атак\w*|воздействи\w*|впливу)\s+(?:[\w-]+\s+){0,3}?не\s+(?:было|було)"
    r"|не\s+(?:завдава\w*|наносил\w*|атакува\w*|обстрілюва\w*|обстреливал\w*|били|бил))(?![\w-])",
    re.IGNORECASE,
)
_UNVERIFIED = re.compile(
    r"(?<![\w-])(?:(?:не\s+вдал[ао]ся|не\s+мож\w*|неможливо|не\s+удалось|не\s+мог\w*|невозможно)"
    r"\s+(?:[\w-]+\s+){0,2}?(?:перевір\w*|підтверд\w*|верифіку\w*|провер\w*|подтверд\w*|верифицир\w*)"
    r"|неперевірен\w*|непроверенн\w*|не\s+(?:було\s+|было\s+)?(?:незалежно\s+|независимо\s+|офіційно\s+|официально\s+)?"
    r"(?:підтверджен\w*|подтвержден\w*|верифікован\w*)|не\s+підтверджу\w*|не\s+подтвержда\w*"
    r"|(?:перевірити|підтвердити|проверить|подтвердить|верифікувати)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:не\s+(?:вдал[ао]ся|вдається|можемо|може|можуть|удалось|удаётся|удается|можем|может|могут)|неможливо|невозможно))",
    re.IGNORECASE,
)
_RUSSIA = (
    r"(?:російськ\w*|российск\w*|Росі[їяю]\w*|Росси\w*|РФ|Москв\w*|Кремл\w*|окупант\w*|оккупант\w*"
    r"|рашист\w*|ворог\w*|ворож\w*|Міноборони\s+РФ|Минобороны)"
)
_UKRAINE = (
    r"(?:українськ\w*|украинск\w*|Україн\w*|Украин\w*|Києв\w*|Київ\w*|Киев\w*|ЗСУ|ВСУ|Зеленськ\w*"
    r"|Зеленск\w*)"
)
_NOUN = (
    r"(?:заяв[аиуі]|заявою|заяв|заявам\w*|заявах|твердженн\w*|утверждени\w*|заявлени\w*|повідомленн\w*|сообщени\w*|версі\w*|верси\w*"
    r"|дан(?:і|их|ные|ных)|інформаці\w*|информаци\w*|фейк\w*|пропаганд\w*|звинувачен\w*|обвинени\w*"
    r"|вигадк\w*|выдумк\w*|ложь|брехн\w*)"
)
_DISPUTES = re.compile(
    rf"(?<![\w-]){_NOUN}\s+(?:[\w-]+\s+){{0,2}}?(?:(?P<ru>{_RUSSIA})|(?P<ua>{_UKRAINE}))(?![\w-])"
    rf"|(?<![\w-])(?:(?P<ru2>(?:російськ|российск|окупантськ|ворож)\w*)|(?P<ua2>(?:українськ|украинск|київськ|киевск)\w*))\s+{_NOUN}",
    re.IGNORECASE,
)
#: A conjunction between two statements: the clause boundaries of :func:`clauses`.
_CLAUSE_BREAK = re.compile(
    r";|,\s+(?:але|а(?!\s+не\b)|проте|однак|натомість|тоді\s+як|но|однако|тогда\s+как|в\s+то\s+время\s+как|зато)\s+",
    re.IGNORECASE,
)
_COLON_AFTER = re.compile(r"\s*:")
#: An attribution after a dash at the end: "Збито 20 шахедів — Повітряні сили."
_DASH_BEFORE = re.compile(r"[—–]\s*$")
_DASH_TAIL = re.compile(r"[—–][^—–]{1,70}$")
_AT_END = re.compile(r"[\s.!»\"]*$")

#: Lower-case word stems without one of which a sentence has no claim information.
GATE_STEMS: tuple[str, ...] = tuple(
    """
    повідом заяв зазнач написа пише пишу розпов дода наголос уточн інформу поінформ підтверд
    спросту запереч звіту оприлюдн назва назив сказа каже кажу переда констат відзвіт
    сообщ подтверд отмет отмеч рассказ добав опроверг опровер доложи доклад называ говор информир
    отчита подчерк вважа считает считают стверджу утвержд обвин звинуват звинувачу признал визна
    даними словами інформацією повідомленням оцінками підрахунками оцінкою версією данным
    словам информации сообщению оценкам подсчетам подсчётам оценке версии згідно согласно
    відповідно
    фейк відповіда неправд брехн брехлив бреш дезінформ пропаганд вигадк
    соответству отрица ложь лжи ложью ложн вранье вранья врут врёт врет дезинформ отверга отверг выдумк клевет самі сами
    нічого ничего причетн причастн вызвал спричинил зруйнувал пошкодил повредил разрушил провокаці провокаци инсценир інсцен постановк никакого никаких жодного
    жодних
    перевір провер верифіку верифицир неперевір непровер
    тасс тарс риа ріа интерфакс інтерфакс укрінформ укринформ правд суспільн суспильн рбк
    reuters рейтер би бі bbc
    """.split()
)
#: The verbs of "не атакували", "не наносили": a denial only after "не".
_NOT_STEMS: tuple[str, ...] = tuple(
    "завдава наносил атакува обстрілюва обстреливал били бил было було".split()
)
_SPEAKERS = compiled(SPEAKERS)
_OUTLETS = compiled(OUTLETS)
_LITERALS: tuple[tuple[str, ...], ...] = (
    *(p.literals for p, _ in _SPEAKERS),
    *(p.literals for p, _ in _OUTLETS),
)
_DENIAL_STEMS: tuple[str, ...] = (
    "спросту",
    "запереч",
    "опроверг",
    *GATE_STEMS[GATE_STEMS.index("фейк") : GATE_STEMS.index("перевір")],
)
_OCCUPIED = {"Zaporizhzhia", "Kherson", "Donetsk", "Luhansk"}
_GENERIC = {"regional governor": " governor", "local officials": " officials"}


def find_claims(
    sentence: str, *, country_of: Callable[[str], str | None] | None = None
) -> SentenceClaims:
    """Claimants, denial and verification flags of one Ukrainian or Russian sentence.

    The regions of :mod:`~geoevents.extract.uk_ru.claimants` all have a side, so
    ``country_of`` (kept for the contract) is never asked.

    >>> sc = find_claims("Про це в Telegram повідомив начальник Харківської ОВА Олег Синєгубов.")
    >>> [(c.claimant, c.side) for c in sc.claimants]
    [('Kharkiv governor', 'ukraine')]
    >>> find_claims("Російські війська обстріляли позиції ЗСУ.").claimants
    ()
    """
    if not _gate(sentence):  # no speech, outlet, denial, doubt or header: nothing to read
        return SentenceClaims()
    spans = clauses(sentence)
    if has_stem(sentence, _DENIAL_STEMS) or _denied_act(sentence):
        denying = [bool(_DENIAL.search(sentence, a, b)) for a, b in spans]
    else:
        denying = [False] * len(spans)
    found, owners = _speakers(sentence, spans, denying)
    taken = [(c.start, c.end) for c in found] + [(a, b) for a, b, _ in owners]
    low = sentence.lower()
    wanted = set(candidates(low, _LITERALS))
    for i, (p, rx) in enumerate(_OUTLETS, start=len(_SPEAKERS)):
        if i not in wanted:
            continue
        for m in rx.finditer(sentence):
            if not any(x < m.end() and m.start() < y for x, y in taken):
                taken.append(m.span())
                found.append(FoundClaimant(p.claimant, p.side, "reports", m.start(), m.end()))
    found.sort(key=lambda c: c.start)
    disputes = next((side for a, _, side in owners if denying[clause_index(spans, a)]), None)
    return SentenceClaims(
        _first_per_claimant(found),
        any(denying),
        _UNVERIFIED.search(sentence) is not None,
        disputes or _disputes_side(sentence, spans, denying),
    )


def _denied_act(sentence: str) -> bool:
    low = sentence.lower()
    return " не " in low and (has_stem(sentence, _NOT_STEMS) or " а не " in low)


def _gate(sentence: str) -> bool:
    """Whether a sentence may hold claim information (the cheap pre-filter)."""
    return (
        has_stem(sentence, GATE_STEMS)
        or ":" in sentence[:80]
        or _denied_act(sentence)
        or _DASH_TAIL.search(sentence[-80:]) is not None
    )


def _speakers(
    sentence: str, spans: list[tuple[int, int]], denying: list[bool]
) -> tuple[list[FoundClaimant], list[tuple[int, int, str]]]:
    """Claimants linked to a statement, and the owners of rejected accounts."""
    found: list[FoundClaimant] = []
    owners: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    wanted = set(candidates(sentence.lower(), _LITERALS))
    for i, (p, rx) in enumerate(_SPEAKERS):
        if i not in wanted:
            continue
        for m, who in _matches(p, rx, sentence):
            a, b = m.span()
            if any(x < b and a < y for x, y in taken):
                continue
            k = clause_index(spans, a)
            before = sentence[max(spans[k][0], a - 60) : a]
            if denying[k] and _CLAIM_NOUN_BEFORE.search(before):
                taken.append((a, b))
                owners.append((a, b, who[1]))
                continue
            if not _linked(sentence, a, b, spans[k]):
                continue
            taken.append((a, b))
            stance = "denies" if denying[k] else "asserts"
            found.append(FoundClaimant(who[0], who[1], stance, a, b))
    return _without_generic(found), owners


def _matches(
    p: Phrase, rx: re.Pattern[str], sentence: str
) -> Iterator[tuple[re.Match[str], tuple[str, str]]]:
    """The matches of a phrase with their ``(claimant, side)``; a match whose region word
    names no region ("сообщил губернатор ...": "сообщил") is tried again one word on."""
    pos = 0
    while (m := rx.search(sentence, pos)) is not None:
        who = _who(p, m)
        if who is None:
            pos = m.start() + 1
            continue
        yield m, who
        pos = max(m.end(), m.start() + 1)


def _who(p: Phrase, m: re.Match[str]) -> tuple[str, str] | None:
    """``(claimant, side)`` of a match; ``None`` when its region word names no region."""
    if "{region}" not in p.claimant:
        return p.claimant, p.side
    words = [w for w in m.groups() if w]
    if not words:  # a governor named alone: the phrase says the region
        return p.claimant, region_side(p.claimant.split(" ")[0])
    region = region_of(words[0])
    if region is None:
        return None
    return p.claimant.format(region=region), region_side(region)


def _linked(sentence: str, a: int, b: int, clause: tuple[int, int]) -> bool:
    """Whether the phrase at ``a:b`` speaks (see the module docstring)."""
    start, end = clause
    before = sentence[max(start, a - 80) : a]
    if _OBJECT_BEFORE.search(before):
        return False
    if _AFTER_SAY.match(sentence[b : min(end, b + 120)]):
        return True
    if _COLON_AFTER.match(sentence, b) and not any(ch.isalnum() for ch in sentence[:a]):
        return True  # a header: "Повітряні сили: ...", "Гладков: ..."
    if _DASH_BEFORE.search(before) and _AT_END.match(sentence, b):
        return True
    return bool(_BEFORE_SAY.search(before) or _ACCORDING.search(before))


def _without_generic(found: list[FoundClaimant]) -> list[FoundClaimant]:
    """Drop "regional governor" or "local officials" when the title names its holder
    ("губернатор Вячеслав Гладков", "губернатор Михаил Развожаев", "мэр Сергей Собянин": one
    claimant) or a named governor or officials of a region speak too."""
    names = {c.claimant for c in found}
    if "Russian-installed officials" in names:  # "губернатор Запорожской области Балицкий"
        found = [
            c for c in found if c.claimant.split(" ")[0] not in _OCCUPIED or c.side == "russia"
        ]

    def named(c: FoundClaimant) -> bool:
        return any(
            o is not c and o.claimant not in _GENERIC and 0 <= o.start - c.end <= 40 for o in found
        ) or any(n.endswith(_GENERIC[c.claimant]) and n != c.claimant for n in names)

    return [c for c in found if c.claimant not in _GENERIC or not named(c)]


def _disputes_side(sentence: str, spans: list[tuple[int, int]], denying: list[bool]) -> str | None:
    """The side whose account a denying clause names ("спростував заяви росіян")."""
    for (a, b), den in zip(spans, denying, strict=True):
        m = _DISPUTES.search(sentence, a, b) if den else None
        if m is not None:
            return "russia" if (m.group("ru") or m.group("ru2")) else "ukraine"
    return None


def _first_per_claimant(found: list[FoundClaimant]) -> tuple[FoundClaimant, ...]:
    first: dict[str, FoundClaimant] = {}
    for c in found:
        first.setdefault(c.claimant, c)
    return tuple(first.values())


@lru_cache(maxsize=256)
def clauses(sentence: str) -> list[tuple[int, int]]:
    """``[start, end)`` spans of the clauses of ``sentence`` (figures are read per clause).

    A sentence splits at ";" and at ", але / , а / , проте / , однак / , но / , однако"
    when the parts on both sides have a speech verb or a denial of their own (two
    statements); "загинули двоє, а ще п'ятеро поранені, повідомив мер" and "повідомив про
    сімох загиблих; 17 людей поранені" stay one clause (one speaker's figures).

    >>> s = "Міноборони РФ заявило про 600 загиблих, але в ЗСУ заявили, що ніхто не загинув."
    >>> [s[a:b] for a, b in clauses(s)]
    ['Міноборони РФ заявило про 600 загиблих', ', але в ЗСУ заявили, що ніхто не загинув.']
    >>> len(clauses("Загинули двоє людей, а ще п'ятеро поранені, повідомив мер."))
    1
    """
    cuts = [0]
    for m in _CLAUSE_BREAK.finditer(sentence):
        if _states(sentence[cuts[-1] : m.start()]) and _states(sentence[m.start() :]):
            cuts.append(m.start())
    cuts.append(len(sentence))
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a] or [(0, len(sentence))]


def _states(text: str) -> bool:
    return bool(_SAY_RX.search(text) or _DENIAL.search(text) or _ACCORDING.search(text + " "))


_ANAPHORA = re.compile(
    rf"(?<![\w-])(?:(?:він|вона|вони|он|она|они)(?:\s+[\w-]+){{0,2}}?\s+{_SAY}"
    rf"|{_SAY}\s+(?:він|вона|вони|он|она|они)|за\s+(?:його|її|їхніми|їх)\s+(?:словами|даними)"
    rf"|(?:відомство|ведомство|міністерство|министерство)\s+(?:[\w-]+\s+)?{_SAY}"
    rf"|по\s+(?:его|её|ее|их)\s+(?:словам|данным)|(?:за\s+даними|по\s+данным|за\s+словами|по\s+словам"
    rf"|по\s+утверждению|за\s+твердженням)\s+"
    rf"(?:відомства|ведомства|міністерства|министерства|штабу|штаба|ОВА|адміністрації|администрации)"
    rf"|(?:у|в)\s+(?:відомстві|ведомстве|міністерстві|министерстве"
    rf"|штабі|штабе|адміністрації|администрации|ОВА)\s+(?:[\w-]+\s+)?{_SAY})(?![\w-])",
    re.IGNORECASE,
)


def refers_back(sentence: str) -> bool:
    """True when a sentence's speaker is an earlier claimant ("він назвав", "по его словам").

    >>> refers_back("Заяви Міноборони РФ про сотні загиблих він назвав фейком.")
    True
    >>> refers_back("По его словам, пострадавших нет."), refers_back("Загинули двоє людей.")
    (True, False)
    """
    return has_stem(sentence, GATE_STEMS) and _ANAPHORA.search(sentence) is not None
