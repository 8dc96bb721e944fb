"""Weapon names in Ukrainian and Russian, mapped to the English labels.

Each Cyrillic pattern names one :class:`~geoevents.extract.weapons.Weapon` of
:data:`geoevents.extract.weapons.WEAPONS` (same label, kind, operator), so a
Ukrainian "Шахеди", a Russian "Герани" and an English "Geran-2" are all ``"Shahed"``.
Words are matched by stem: every case and number ("шахедів", "Искандерами").

=================  ==================================================================
label              Ukrainian / Russian (and Latin names inside Cyrillic text)
=================  ==================================================================
Shahed             Шахед, Герань(-2), шахеди, герани
Iskander           Іскандер(-М/-К), Искандер
Kalibr             Калібр, Калибр (capitalised: "калібру" is a calibre)
Kh-101             Х-101, Х-555, Х-22, Х-59, Х-31, Х-35, Х-69 (Cyrillic or Latin X)
Kinzhal            Кинджал, Кинжал (capitalised)
Onyx               Онікс, Оникс
Zircon, Oreshnik   Циркон, Орешник / Орєшнік
glide bomb         КАБ, УМПК, ФАБ(-500), керована авіабомба, управляемая авиабомба
S-300, S-400       С-300, С-400
Grad, Smerch, ...  Град, Смерч, Ураган, Торнадо(-С), Точка-У, Вільха/Ольха (capitalised)
HIMARS, ATACMS     HIMARS, ATACMS, Storm Shadow, SCALP (Latin), Хаймарс, Атакамс
Neptune, Lancet    Нептун, Ланцет (capitalised), Байрактар
cluster munition   касетні боєприпаси, кассетные боеприпасы
drone              дрон, БпЛА, БПЛА, безпілотник, беспилотник, FPV/ФПВ-дрон, коптер,
                   безекіпажний/безэкипажный катер, морський дрон (naval drones)
aircraft           авіація, авиация, винищувач; літаки/вертольоти as the means ("з
                   літаків", "удар двох вертольотів"), not as the target
artillery          артилерія, артиллерия, міномет, миномет, гаубиця, снаряди
rocket             РСЗВ, РСЗО, реактивна система залпового вогню / огня, реактивні
                   снаряди, реактивна артилерія, «Вампір»/«Вампир»; a shell of a rocket
                   system ("снаряди РСЗО", "снаряд з «Града»") is that rocket, not artillery
missile            ракета, ракети, ракетний, крилаті/балістичні ракети, балістика,
                   високоточна зброя / высокоточное оружие
explosive          СВУ, вибуховий пристрій, взрывное устройство, міна, мина
=================  ==================================================================

>>> find_weapons("Ворог атакував Одесу шахедами та ракетою Х-101")
('Kh-101', 'Shahed')
>>> find_weapons("По Белгороду ударили из РСЗО «Вампир» и HIMARS")  # HIMARS is a rocket system
('HIMARS',)
>>> find_weapons("Знищено дві пускові установки HIMARS")  # the target, not the means
()
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from geoevents.extract.sentences import has_stem
from geoevents.extract.weapons import WEAPONS, Weapon, scan_weapons, weapon_labels

_BY_LABEL = {w.label: w for w in WEAPONS}

#: ``(label, pattern, case_sensitive)``; a label of :data:`~geoevents.extract.weapons.WEAPONS`.
PATTERNS: tuple[tuple[str, str, bool], ...] = (
    ("HIMARS", r"HIMARS|Хаймарс\w*|Хімарс\w*|Химарс\w*|M142", False),
    ("ATACMS", r"ATACMS|Атакамс\w*|ATACMS", False),
    ("Storm Shadow", r"Storm\s+Shadows?|SCALP(?:-EG)?|Сторм\s+Шедо\w*", False),
    ("Grad", r"Град(?:и|ів|ом|ами|ы|ов|а|у|ам)?|БМ-21|BM-21", True),
    ("Smerch", r"Смерч(?:і|ів|ами|и|ей|ем|а|у)?|БМ-30", True),
    ("Uragan", r"Ураган(?:и|ів|ами|ы|ов|ом|а|у)?|БМ-27", True),
    ("Tochka-U", r"Точк[аиоуі]-У", False),
    ("S-300", r"[СC]-300", False),
    ("S-400", r"[СC]-400", False),
    ("Kalibr", r"Калібр\w*|Калибр\w*", True),
    ("Iskander", r"[ІИ]скандер\w*(?:-[МКMK])?", False),
    ("Kh-101", r"[ХX]-(?:101|555|22|59|69|31|35)(?:[МMПП]\w*)?", False),
    ("Kinzhal", r"Кинджал\w*|Кинжал\w*", True),
    ("Onyx", r"Онікс\w*|Оникс\w*", True),
    ("Neptune", r"Нептун\w*", True),
    (
        "Shahed",
        r"[Шш]ахед\w*(?:-13[16])?|[Гг]ерань-2|Герань|Герані|Герани|Гераней|Гераням\w*|Shaheds?",
        False,
    ),
    ("Lancet", r"Ланцет\w*|Lancets?", True),
    ("Vilkha", r"Вільх\w+|Вільха|Ольх[аиуеі]\w*", True),
    ("Tornado-S", r"Торнадо(?:-[СC])?", True),
    ("Zircon", r"Циркон\w*", True),
    ("Oreshnik", r"Орешник\w*|Орєшнік\w*", True),
    ("Bayraktar", r"Байрактар\w*|Bayraktars?", False),
    (
        "glide bomb",
        r"КАБ\w*|УМПК|ФАБ(?:-\d+)?\w*|(?i:керован\w+\s+(?:авіа)?бомб\w*|управляем\w+\s+(?:авиа)?бомб\w*"
        r"|авіабомб\w*|авиабомб\w*|авіаційн\w+\s+бомб\w*|авиационн\w+\s+бомб\w*)",
        True,
    ),
    ("cluster munition", r"касетн\w+(?:\s+боєприпас\w*)?|кассетн\w+(?:\s+боеприпас\w*)?", False),
    (
        "drone",
        r"(?:FPV|ФПВ)(?:-дрон\w*)?|дрон\w*|Б[пП]ЛА|БПЛА|безпілотник\w*|беспилотник\w*"
        r"|безпілотн\w+\s+літальн\w+\s+апарат\w*|беспилотн\w+\s+летательн\w+\s+аппарат\w*"
        r"|(?:ударн\w+\s+)?коптер\w*|квадрокоптер\w*|UAVs?|drones?"
        r"|безекіпажн\w+(?:\s+катер\w*)?|безэкипажн\w+(?:\s+катер\w*)?|морськ\w+\s+дрон\w*|морск\w+\s+дрон\w*",
        False,
    ),
    (
        "aircraft",
        r"(?:авіаці|авиаци)\w+(?!\s+(?:керован\w+\s+|управляем\w+\s+)?(?:ракет|бомб|боєприпас|боеприпас))"
        r"|авіаудар\w*|авиаудар\w*|винищувач\w*|истребител\w*"
        r"|бомбардувальник\w*|бомбардировщик\w*"
        r"|(?:з|із|зі|с|со)\s+(?:\w+\s+)?(?:літак\w*|самол[её]т\w*|гелікоптер\w*|вертол[іьеё]т\w*)"
        r"|(?:(?!ударн)удар\w*|атак\w*|наліт\w*|налет\w*|налёт\w*)\s+(?:\w+\s+){0,2}?"
        r"(?:літак\w*|самол[её]т\w*|гелікоптер\w*|вертол[іьеё]т\w*)",
        False,
    ),
    (
        "artillery",
        r"артилері\w*|артиллери\w*|артобстріл\w*|артобстрел\w*|міномет\w*|миномет\w*|мінометн\w*"
        r"|гаубиц\w*|гаубиц\w*|снаряд(?:и|ів|ами|ом|ы|ов|а)?|танков\w+\s+(?:вогонь|вогню|огонь|огня)"
        r"|танк\w*\s+обстрі\w*",
        False,
    ),
    (
        "rocket",
        r"РСЗВ|РСЗО|реактивн\w+\s+(?:систем\w*\s+залпового\s+(?:вогню|огня)|снаряд\w*|артилері\w*"
        r"|артиллери\w*)|MLRS|Вампір\w*|Вампир\w*",
        False,
    ),
    (
        "missile",
        r"ракет\w*|(?:крилат|балістичн|крылат|баллистическ)\w+|балістик\w*|баллистик\w*"
        r"|високоточн\w+\s+(?:\w+\s+)?(?:зброє\w*|зброї|зброя)|высокоточн\w+\s+(?:\w+\s+)?оружи\w*",
        False,
    ),
    (
        "explosive",
        r"СВУ|саморобн\w+\s+вибухов\w+\s+пристр\w+|самодельн\w+\s+взрывн\w+\s+устройств\w*"
        r"|вибухов\w+\s+пристр\w+|взрывн\w+\s+устройств\w*|мін[аиуі]|міною|мин[аыуе]|миной"
        r"|вибухівк\w*|взрывчатк\w*|фугас\w*",
        False,
    ),
)

#: Lower-case substrings one of which every match of each entry of :data:`PATTERNS`
#: contains (checked in the tests against the full scan).
WEAPON_LITERALS: tuple[tuple[str, ...], ...] = (
    ("himars", "хаймарс", "хімарс", "химарс", "m142"),
    ("atacms", "атакамс"),
    ("storm", "scalp", "сторм"),
    ("град", "бм-21", "bm-21"),
    ("смерч", "бм-30"),
    ("ураган", "бм-27"),
    ("точк",),
    ("-300",),
    ("-400",),
    ("калібр", "калибр"),
    ("скандер",),
    ("х-", "x-"),
    ("кинджал", "кинжал"),
    ("онікс", "оникс"),
    ("нептун",),
    ("шахед", "герань", "герані", "герани", "гераней", "гераням", "shahed"),
    ("ланцет", "lancet"),
    ("вільх", "ольх"),
    ("торнадо",),
    ("циркон",),
    ("орешник", "орєшнік"),
    ("байрактар", "bayraktar"),
    ("каб", "умпк", "фаб", "бомб"),
    ("касетн", "кассетн"),
    (
        "fpv",
        "фпв",
        "дрон",
        "бпла",
        "безпілот",
        "беспилот",
        "коптер",
        "uav",
        "drone",
        "безекіпаж",
        "безэкипаж",
    ),
    (
        "авіа",
        "авиа",
        "винищувач",
        "истребител",
        "бомбард",
        "літак",
        "самол",
        "гелікоптер",
        "вертол",
    ),
    ("артилер", "артиллер", "артобстр", "міномет", "миномет", "гаубиц", "снаряд", "танк"),
    ("рсзв", "рсзо", "реактивн", "mlrs", "вампір", "вампир"),
    (
        "ракет",
        "крилат",
        "балістичн",
        "крылат",
        "баллистическ",
        "балістик",
        "баллистик",
        "високоточн",
        "высокоточн",
    ),
    ("сву", "вибух", "взрыв", "мін", "мин", "фугас"),
)

#: Lower-case word stems without one of which no pattern matches (each match has a word
#: starting with one of them; checked in the tests against the full scan).
GATE_STEMS: tuple[str, ...] = tuple(
    """
    himars хаймарс хімарс химарс m142 atacms атакамс storm scalp сторм град бм bm 21 30 27 смерч
    ураган точк 300 400 калібр калибр іскандер искандер 101 555 22 59 69 31 35 кинджал кинжал
    онікс оникс нептун шахед shahed герань герані герани гераней гераням ланцет lancet вільх ольх торнадо
    циркон орешник орєшнік байрактар bayraktar каб умпк фаб керован управляем авіабомб авиабомб
    авіаційн авиационн касетн кассетн fpv фпв дрон бпла безпілот беспилот ударн коптер квадрокоптер безекіпаж безэкипаж
    uav drone авіаці авиаци авіаудар авиаудар винищувач истребител бомбардувальник бомбардировщик
    літак самол гелікоптер вертол артилер артиллер артобстр міномет миномет мінометн гаубиц снаряд
    танк рсзв рсзо реактивн mlrs вампір вампир ракет крилат балістичн крылат баллистическ балістик баллистик високоточн высокоточн сву саморобн самодельн
    вибухов взрывн мін мин вибухівк взрывчатк фугас
    """.split()
)


@cache
def _compiled() -> tuple[tuple[Weapon, re.Pattern[str]], ...]:
    out = []
    for label, pat, case in PATTERNS:
        flags = 0 if case else re.IGNORECASE
        out.append((_BY_LABEL[label], re.compile(rf"(?<![\w-])(?:{pat})(?![\w])", flags)))
    return tuple(out)


def weapon_spans(sentence: str) -> list[tuple[int, int, Weapon]]:
    """All weapon mentions as ``(start, end, weapon)``, specific ones first.

    >>> text = "Росія запустила 5 ракет «Калібр»"
    >>> [(text[a:b], w.label) for a, b, w in weapon_spans(text)]
    [('Калібр', 'Kalibr'), ('ракет', 'missile')]
    """
    if not has_stem(sentence, GATE_STEMS):
        return []
    return _without_rocket_shells(sentence, _scan(sentence))


#: Between a shell and the rocket system that fired it: "снаряди з РСЗВ", "снаряд «Града»".
_SHELL_OF = re.compile(r"[\s«»\"]*(?:(?:з|із|зі|с|со|из|от|від)[\s«»\"]+)?", re.IGNORECASE)


def _without_rocket_shells(
    sentence: str, spans: list[tuple[int, int, Weapon]]
) -> list[tuple[int, int, Weapon]]:
    """Drop an artillery span that is part of a rocket system's name ("реактивні
    снаряди", "реактивна артилерія") or the shell of the rocket system named next to it
    ("снаряди РСЗВ", "снаряд з «Града»"): a rocket, not artillery.

    >>> s = "Снаряди з РСЗО влучили в будинок"
    >>> [w.label for a, b, w in _without_rocket_shells(s, _scan(s))]
    ['rocket']
    """
    rockets = [(a, b) for a, b, w in spans if w.kind == "rocket"]
    if not rockets:
        return spans

    def part_of_a_rocket(a: int, b: int) -> bool:
        shell = sentence[a:b].lower().startswith("снаряд")
        return any(
            (ra <= a and b <= rb and (ra, rb) != (a, b))
            or (shell and ra >= b and _SHELL_OF.fullmatch(sentence[b:ra]) is not None)
            for ra, rb in rockets
        )

    return [(a, b, w) for a, b, w in spans if w.kind != "artillery" or not part_of_a_rocket(a, b)]


def _scan(sentence: str, *, gated: bool = True) -> list[tuple[int, int, Weapon]]:
    """All weapon spans; with ``gated``, only patterns whose literals occur."""
    return scan_weapons(sentence, _compiled(), WEAPON_LITERALS, gated=gated)


def find_weapons(
    sentence: str, spans: list[tuple[int, int, Weapon]] | None = None
) -> tuple[str, ...]:
    """Sorted English weapon labels named in ``sentence``; generic labels drop out when a
    specific weapon of the same kind is named (as :func:`geoevents.extract.weapons.find_weapons`).

    >>> find_weapons("Збито 37 з 42 шахедів і дві крилаті ракети Калібр")
    ('Kalibr', 'Shahed')
    >>> find_weapons("Міністр говорив про мир")
    ()
    """
    if spans is None:
        spans = weapon_spans(sentence)
    return weapon_labels(w for a, b, w in spans if not is_target_use(sentence, a, b, w.kind))


#: Before the weapon, words that make it the target: "пускову установку HIMARS",
#: "склад ракет", "ЗРК С-300", "виробництво дронів".
_AS_TARGET_BEFORE = re.compile(
    r"(?:пусков\w+\s+установ\w*|ЗРК|комплекс\w*|систем\w+|склад\w*|сховищ\w*|арсенал\w*"
    r"|позиці\w*|позици\w*|батаре\w*|дивізіон\w*|дивизион\w*|виробництв\w*|производств\w*"
    r"|цех\w*|завод\w*|майстерн\w*|мастерск\w*|операторів|операторов|розрахун\w*|расчет\w*"
    r"|пункт\w*\s+управління|пункт\w*\s+управления|запас\w*|партію|партию|ешелон\w*|эшелон\w*)"
    r"\s+(?:(?!(?:й|і|и|та|а|або|чи|или|and)\s)[\w«»\"'-]+\s+){0,2}[«\"]?$",
    re.IGNORECASE,
)
#: After the weapon, words that make it the target: "HIMARS знищено", "літаки пошкоджено".
_AS_TARGET_AFTER = re.compile(
    r"[»\"]?\s+(?:пусков\w+\s+установ\w*|установ\w*|склад\w*|позиці\w*|позици\w*|батаре\w*|систем\w*"
    r"|комплекс\w*|оперативно-тактичн\w*|оперативно-тактическ\w*)\b",
    re.IGNORECASE,
)
_INSTRUMENTAL_END = re.compile(r"(?:ами|ями|ою|єю|ом)$", re.IGNORECASE)
_AS_WEAPON_BEFORE = re.compile(
    r"(?:\bз|\bіз|\bс|\bзі|\bсо|\bиз|\bот|\bвогнем|\bогнем|\bударом|\bударами|\bзастосуван\w*"
    r"|\bприменени\w*|\bвипущен\w*|\bвыпущен\w*)\s+(?:[\w«»\"'-]+\s+){0,2}$",
    re.IGNORECASE,
)


def is_target_use(sentence: str, start: int, end: int, kind: str | None = None) -> bool:
    """True when the weapon named at ``start:end`` is the target ("знищено пускову
    установку HIMARS", "склад ракет"), not the means.

    >>> s = "Уражено пускову установку HIMARS"
    >>> is_target_use(s, 26, 32)
    True
    >>> s = "Удар із HIMARS по Донецьку"
    >>> is_target_use(s, 8, 14)
    False
    """
    before = sentence[max(0, start - 60) : start]
    if _AS_WEAPON_BEFORE.search(before):
        return False
    if _AS_TARGET_BEFORE.search(before):
        return True
    after = _AS_TARGET_AFTER.match(sentence, end)
    # "ракетними комплексами" (instrumental): the means, not a target
    return after is not None and _INSTRUMENTAL_END.search(after.group(0)) is None


def harmed_aircraft(sentence: str, spans: Iterable[tuple[int, int, Weapon]]) -> bool:
    """Whether an aircraft named in ``sentence`` was harmed: handled by the targets
    table in Ukrainian and Russian ("пошкоджено два літаки" is a target ``aircraft``),
    so always ``False`` here; kept for the same shape as English."""
    return False
