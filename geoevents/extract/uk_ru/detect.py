"""Is this Ukrainian or Russian sentence a strike report, and of which type?

The same :class:`~geoevents.extract.detect.Detection`, event types and strengths as
:mod:`geoevents.extract.detect`; words are matched by stem, so every inflection counts
("обстріл", "обстрілу", "обстріляли", "обстрілювали"):

==================================================  ==========================  ========
trigger (Ukrainian / Russian)                       event_type                  strength
==================================================  ==========================  ========
збито, збили, знешкоджено, перехоплено, подавлено;  ``interception``            strong
сбиты, сбили, перехвачены; ППО/ПВО відпрацювала/
работала, засобами ППО, средствами ПВО; знищено/
уничтожены в повітрі/над; відбито/отражена атаку
СВУ, вибуховий пристрій, взрывное устройство,       ``remote_explosive``        strong
підрив/подрыв, підірвали/подорвали, міна/мина
авіаудар, авиаудар, атака дронів/БпЛА/шахедів,      ``air_drone_strike``        strong
атака БПЛА/беспилотников, скинули/сбросили КАБ/
ФАБ/авіабомби, бомбардування/бомбардировка
обстріл, обстрел, артобстріл, ракетний удар/        ``shelling_missile_attack`` strong
ракетна атака, ракетный удар, мінометний вогонь
удар, ударили, завдали удару, нанесли удар, вдарили, (typed by weapon)          strong
приліт/прильоти, прилёт/прилет, влучання/влучила,
попадание, уражено/поражены
атака/атакували, атаковали, знищено/уничтожены,     (typed by weapon)           weak
пошкоджено/повреждены, зруйновано/разрушен, вибух(и)/
взрыв(ы)/взорвался, розірвалася/разорвалась,
детонація, диверсія, попали, (ракета) упала/впала,
запустив/випустив/выпустил, били по
==================================================  ==========================  ========

Typing by weapon, defaults and corroboration follow English: a weak trigger with no
weapon is a strike only when the sentence states casualties or a military target (or
"внаслідок атаки"/"в результате атаки" says an attack did the harm); an explosion with
no weapon is ``remote_explosive`` at strength 1. Threats, plans and warnings
("загроза застосування ударних БпЛА", "погрожує вдарити", "може атакувати",
"повітряна тривога" on its own), negations ("влучань не зафіксовано", "обстрелов не
было", "ніч минула без обстрілів"; an interception stands: "збито 10 дронів, без
влучань"), demining ("знешкоджено вибухонебезпечні предмети"), exercises, mourning and
anniversaries ("жалоба", "траур", "рік тому"), strikes of another season ("після
весняних ударів"), figures of speech ("удар по економіці"), cyber attacks and stabbings
are not events. Air defence named as an agent ("засобами ППО") is an interception only
with a verb of shooting down in the sentence.
"Обійшлося без постраждалих" is a strike without casualties, still an event.

>>> detect("Росіяни завдали ракетного удару по Дніпру.").event_type
'shelling_missile_attack'
>>> detect("Над областю збито 12 шахедів.").event_type
'interception'
>>> detect("Дежурными средствами ПВО перехвачены и уничтожены 25 БПЛА.").event_type
'interception'
>>> detect("Ворог атакував Одесу ударними БпЛА.").event_type
'air_drone_strike'
>>> detect("В області оголошено повітряну тривогу.") is None
True
"""

from __future__ import annotations

import re

from geoevents.extract.detect import _KIND_TYPE, Detection, hit_before
from geoevents.extract.sentences import has_stem
from geoevents.extract.uk_ru.weapons import is_target_use, weapon_spans
from geoevents.extract.weapons import Weapon

_I = re.IGNORECASE


def _rx(p: str, flags: int = _I) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{p})(?![\w])", flags)


#: Air defence as the agent: "засобами ППО", "силами ППО", "средствами ПВО".
_AD = r"(?:ППО|ПВО|РЕБ|РЭБ|протиповітрян\w+\s+оборон\w+|противовоздушн\w+\s+оборон\w+)"
#: Air defence named as an agent ("засобами ППО") reports an interception only with a
#: verb of shooting down in the sentence (not "Україні бракує засобів ППО").
_AGENT = re.compile(r"(?:засоб|сил|підрозділ|средств|расчет|розрахун|мобільн|груп)", re.I)
_AD_DID = re.compile(
    r"(?<![\w-])(?:збит|збил|збив|сбит|сбил|сбив|перехоп|перехват|перехвач|знищ|уничтож|знешкод"
    r"|подавл|подавил|відпрацю|відбил|відбив|отраз|отраж|працю|работа|уражен|поразил)",
    re.I,
)
_DRONE = r"(?:дрон\w*|Б[пП]ЛА|безпілотн\w*|беспилотн\w*|шахед\w*|герань\w*|герани\w*|коптер\w*|FPV\S*|ФПВ\S*)"
_BOMB = (
    r"(?:КАБ\w*|ФАБ\S*|УМПК|(?:авіа|авиа)?бомб\w*|вибухівк\w*|взрывчатк\w*|боєприпас\w*"
    r"|боеприпас\w*|гранат\w*|ВОГ\w*|вибухов\w+\s+пристр\w+|взрывн\w+\s+устройств\w*)"
)
_W = r"(?:[\w«»\"-]+\s+)"

#: (pattern, event_type or None when the weapon decides, strong)
TRIGGERS: tuple[tuple[re.Pattern[str], str | None, bool], ...] = (
    (
        _rx(
            r"збит(?!к)\w*|збив(?:ав|али|ає|ають|аємо|ала)?|збил[иа]?"
            r"|сбит\w*|сбил[иао]?|сбива\w*"
            r"|перехоплен\w*|перехопил\w*|перехоплюва\w*|перехоплення|перехвачен\w*|перехватил\w*"
            r"|перехватыва\w*|перехват(?:а|ом|у)?"
            r"|знешкоджен\w*|знешкодил\w*|подавлен\w*|подавил\w*|локаційно\s+втрачен\w*"
            rf"|(?:засоб|сил|підрозділ|средств|расчет|розрахун|мобільн\w+\s+вогнев\w+\s+груп|груп)\w*\s+{_W}?{_AD}"
            rf"|{_AD}\s+{_W}{{0,2}}?(?:збил\w*|сбил\w*|відпрацюва\w*|відпрацьову\w*|працюва\w*|працю[єю]\w*"
            r"|работа\w*|отработа\w*|знищил\w*|уничтожил\w*|відбил\w*|отразил\w*)"
            rf"|(?:робот\w*|работ\w*|відпрацювання)\s+{_AD}"
            rf"|(?:працю[єю]\w*|працювал\w*|відпрацьову\w*|відпрацювал\w*|работа[ел]\w*|отработал\w*)\s+(?:\w+\s+)?{_AD}"
            r"|(?:знищен\w*|уничтожен\w*)\s+(?:\w+\s+){0,3}?(?:над(?=\s)|у\s+небі|в\s+небі|в\s+небе|у\s+повітрі"
            r"|в\s+повітрі|в\s+воздухе)"
            r"|(?:відбит\w*|відбил\w*|отражен\w*|отразил\w*)\s+(?:\w+\s+){0,2}?атак\w*"
            r"|над\s+(?:[\w-]+\s+){1,3}?(?:знищен\w*|уничтожен\w*|знешкоджен\w*)"
        ),
        "interception",
        True,
    ),
    (
        _rx(
            r"СВУ|саморобн\w+\s+вибухов\w+\s+пристр\w+|самодельн\w+\s+взрывн\w+\s+устройств\w*"
            r"|вибухов\w+\s+пристр\w+|взрывн\w+\s+устройств\w*|підрив\w*|подрыв\w*|підірва\w*|подорва\w*"
            r"|підірвал\w*|мін[аиуі]|міною|мин[аыуе]|миной|замінован\w*|заминирован\w*|фугас\w*"
        ),
        "remote_explosive",
        True,
    ),
    (
        _rx(
            r"авіаудар\w*|авиаудар\w*|авіаційн\w+\s+удар\w*|авиационн\w+\s+удар\w*"
            r"|(?:авіа|авиа)бомб\w*|керован\w+\s+(?:авіа)?бомб\w*|управляем\w+\s+(?:авиа)?бомб\w*"
            r"|бомбардуван\w*|бомбардировк\w*|бомбил\w*|бомбят|бомблять"
            rf"|(?:атак\w*|(?!ударн)удар\w*|наліт\w*|налет\w*|налёт\w*)\s+{_W}{{0,3}}?{_DRONE}"
            rf"|{_DRONE}\s+(?:\w+\s+)?(?:атак\w*|(?!ударн)удар\w*|наліт\w*|налет\w*)"
            r"|дронов\w+\s+атак\w*|дрон\w*-камікадзе|дрон\w*-камикадзе|камікадзе|камикадзе"
            rf"|(?:скину\w*|скинул\w*|скида\w*|скинув|сброси\w*|сбрасыва\w*)\s+{_W}{{0,3}}?{_BOMB}"
        ),
        "air_drone_strike",
        True,
    ),
    (
        _rx(
            r"обстріл\w*|обстрел\w*|обстрілю\w*|обстреля\w*|обстрелива\w*|артобстріл\w*|артобстрел\w*"
            r"|ракетн\w+\s+(?:удар\w*|атак\w*|обстріл\w*|обстрел\w*)|(?:(?!ударн)удар\w*|атак\w*)\s+ракет\w*"
            r"|артилерійськ\w+\s+(?:удар\w*|вогн\w*|вогонь)|артиллерийск\w+\s+(?:удар\w*|огн\w*|огонь)"
            r"|мінометн\w+\s+(?:вогн\w*|вогонь|обстріл\w*)|минометн\w+\s+(?:огн\w*|огонь|обстрел\w*)"
        ),
        "shelling_missile_attack",
        True,
    ),
    (
        _rx(
            r"(?!ударн)удар\w*|вдарил\w*|вдарив|вдарять|ударят|приліт\w*|прильот\w*|прилет\w*|прилёт\w*"
            r"|влучан\w*|влучил\w*|влучив|влуча\w*|поцілил\w*|попадани\w*"
            r"|уражен(?:о|і|ий|а|ня|ню|ням)|уразил\w*|уражали|поражен[ыоа]?|поразил\w*"
            r"|нанес\w*\s+(?:[\w-]+\s+)?поражени\w*"
        ),
        None,
        True,
    ),
    (
        _rx(
            r"атак\w*|атакова\w*|атакува\w*|атакую\w*|знищен\w*|знищил\w*|знищив|уничтож\w*"
            r"|зруйн\w*|руйнува\w*|разруш\w*|повред\w*|взорва\w*|розірва\w*|разорва\w*|попал[иао]?|попада\w*"
            r"|детонаці\w*|детонаци\w*|сдетонир\w*|здетон\w*|диверс\w*"
            r"|(?<!обломки\s)(?<!уламки\s)(?<!обломков\s)(?<!уламків\s)(?<!обломок\s)(?<!уламок\s)"
            r"(?:ракет|снаряд|бомб|КАБ|дрон|беспилотник|безпілотник|Б[пП]ЛА|шахед|мін|мин)\w*\s+(?:[\w-]+\s+)?"
            r"(?:упал[иао]?|впал[иао]?|впав|упав)"
            r"|пошкоджен\w*|пошкодил\w*|пошкодив|поврежд\w*|поврежден\w*|вибух\w*|взрыв\w*|вибухну\w*"
            r"|ушкоджен\w*|ушкодил\w*|ушкоджень|ушкодження"
            r"|випусти\w*|випустил\w*|выпусти\w*|запусти\w*|запустил\w*|застосува\w*|применил\w*"
            r"|(?:б[ʼ'’]ють|бив|били|бьют|бил[иа]?|гатил\w*|гатять)\s+по"
        ),
        None,
        False,
    ),
)

#: For each of :data:`TRIGGERS`, lower-case word stems one of which every match contains:
#: a pattern is only scanned when the sentence has one (checked in the tests).
TRIGGER_STEMS: tuple[tuple[str, ...], ...] = (
    tuple(
        """
        збит збив збил сбит сбил сбива перехоп перехват перехвач знешкодж знешкодил подавл подавил
        локаційно ппо пво реб рэб протиповітрян противовоздушн знищен уничтожен відбит відбил
        отраж отразил
        """.split()
    ),
    tuple(
        """
        сву саморобн самодельн вибухов взрывн підрив подрыв підірва подорва міна міни міну міні
        міною мина мины мину мине миной замінован заминирован фугас
        """.split()
    ),
    tuple(
        """
        авіаудар авиаудар авіаційн авиационн авіабомб авиабомб керован управляем бомб атак удар
        наліт налет налёт дрон бпла безпілот беспилот шахед герань герани коптер fpv фпв скину
        скинул скида скинув сброси сбрасыва камікадзе камикадзе
        """.split()
    ),
    tuple("обстріл обстрел артобстр ракетн удар атак артилер артиллер мінометн минометн".split()),
    tuple(
        """
        удар вдар приліт прильот прилет прилёт влуча влучил влучив поціл попадани уражен уразил
        поражен поразил нанес
        """.split()
    ),
    tuple(
        """
        атак знищ уничтож пошкодж пошкодил пошкодив ушкодж ушкодил поврежд вибух взрыв випуст выпуст запуст
        застосува применил ють бив били бьют бил гатил гатять зруйн руйнува разруш повред взорва
        розірва разорва детонац сдетонир здетон диверс попал попада ракет снаряд бомб каб дрон беспилотник безпілотник бпла шахед міна
        міни мина мины
        """.split()
    ),
)
#: Lower-case word stems without one of which no trigger matches.
GATE_STEMS: tuple[str, ...] = tuple(sorted({x for row in TRIGGER_STEMS for x in row}))

_NON_EVENT = re.compile(
    r"(?<![\w-])(?:"
    # threats, warnings and plans
    r"загроз\w*\s+(?:\w+\s+){0,2}?(?:застосуван\w*|удар\w*|атак\w*|ракетн\w*|обстріл\w*|балістик\w*|БпЛА|дрон\w*)"
    r"|угроз\w*\s+(?:\w+\s+){0,2}?(?:применени\w*|удар\w*|атак\w*|ракетн\w*|обстрел\w*|БПЛА|беспилотн\w*)"
    r"|погрож\w*|погрози\w*|пригрози\w*|угрожа\w*"
    r"|(?:може|можуть|могут|может|зможе|сможет|готу[єю]\w*|готовит\w*|готовят\w*|планує\w*|планують"
    r"|планирует\w*|планируют|збира[єю]ться|собира[ею]тся|намір\w*|намерен\w*|має\s+намір)"
    r"\s+(?:\w+\s+){0,3}?(?:завдати|вдарити|атакувати|обстріляти|нанести|ударить|атаковать"
    r"|обстрелять|новий\s+удар|масован\w+\s+удар\w*|удар\w*|атак\w*)"
    r"|(?:якщо|если|в\s+разі|в\s+случае)\s+(?:\w+\s+){0,3}?(?:вдар\w*|удар\w*|атакує|атакует|нанес\w*|завда\w*)"
    r"|(?:дозв[іо]л\w*|разрешени\w*|разрешить|дозволити)\s+(?:\w+\s+){0,4}?(?:бити|удар\w*|завдавати|бить"
    r"|наносить|застосову\w*|применя\w*)"
    # mourning, remembrance, strikes of another season, what cannot be done
    r"|жалоб\w*|траур\w*|вшанува\w*|вшанову\w*|поминал\w*|річниц\w*|роковин\w*|годовщин\w*"
    r"|рік\s+тому|років\s+тому|год\s+назад|лет\s+назад"
    r"|(?:весн|літн|осінн|зимов|минулорічн|весенн|летн|осенн|зимн|прошлогодн)\w*\s+(?:\w+\s+)?"
    r"(?:удар\w*|атак\w*|обстріл\w*|обстрел\w*)"
    r"|(?:удар\w*|атак\w*)\s+(?:\w+\s+){0,2}?(?:наносить|наносити|завдавати|бить|бити)\s+не\s+(?:мо\w+|зможе\w*|сможет\w*)"
    # figures of speech, crime and sport
    r"|удар\w*\s+по\s+(?:\w+\s+)?(?:економі\w*|экономи\w*|репутаці\w*|репутаци\w*|бюджет\w*|гаманц\w*"
    r"|кошельк\w*|іміджу|имиджу|нервах|самолюбству)"
    r"|кібератак\w*|кибератак\w*|хакерськ\w+\s+атак\w*|хакерск\w+\s+атак\w*|DDoS-атак\w*"
    r"|(?:сонячн|солнечн|теплов)\w+\s+удар\w*|удар\w*\s+(?:ножем|ножом|ножевым|кулаком|битою|битой)"
    r"|(?:штрафн|кутов|угловой|углов)\w+\s+удар\w*|серцев\w+\s+напад\w*"
    # demining, exercises and anniversaries
    r"|вибухонебезпечн\w*|взрывоопасн\w*|піротехні\w*|пиротехни\w*|розмінуван\w*|разминировани\w*"
    r"|навчан\w*|навчальн\w+\s+(?:пуск\w*|стрільб\w*)|учени[яйеию]\w*|учебн\w+\s+(?:пуск\w*|стрельб\w*)"
    r")(?![\w])",
    _I,
)

#: "Влучань не зафіксовано", "ніч минула без обстрілів": no strike; an interception
#: told with it stands ("збито 10 дронів, без влучань").
_NEGATED = re.compile(
    r"(?<![\w-])(?:"
    r"(?:не\s+(?:було|було\s+зафіксовано|зафіксовано|фіксувалось|фіксувалося|зафиксировано|было"
    r"|фиксировалось|отмечено|відмічено|зафиксировали|зафіксували)|ні\s+одного|без|жодн\w+|ни\s+одного)"
    r"\s+(?:\w+\s+)?(?:влучан\w*|обстріл\w*|обстрел\w*|прильот\w*|прилет\w*|прилёт\w*|удар\w*|атак\w*"
    r"|вибух\w*|взрыв\w*|попадани\w*)"
    r"|(?:влучан\w*|обстріл\w*|обстрел\w*|прильот\w*|прилет\w*|прилёт\w*|удар\w*|атак\w*|попадани\w*)"
    r"\s+(?:[\w-]+\s+){0,3}?не\s+(?:було|зафіксовано|фіксувалось|фіксувалося|зафиксировано|было|фиксировалось|отмечено"
    r"|відмічено|зафіксували|зафиксировали)"
    r")(?![\w])",
    _I,
)

#: "Внаслідок атаки пошкоджено ...", "в результате атаки": an attack did the harm.
_ATTACK_DID = re.compile(
    r"(?<![\w-])(?:внаслідок|унаслідок|в\s+результаті|у\s+результаті|через|в\s+результате|вследствие|після|после)"
    r"\s+(?:\w+\s+){0,2}?(?:атак\w*|удар\w*|вибух\w*|взрыв\w*)(?![\w])",
    _I,
)
_DESTROY_HIT = re.compile(
    r"(?<![\w-])(?:знищен\w*|знищил\w*|знищив|уничтож\w*|уражен\w*|поражен\w*|пошкоджен\w*|пошкодил\w*"
    r"|поврежд\w*|атакува\w*|атакова\w*|атак\w*|вибух\w*|взрыв\w*)(?![\w])",
    _I,
)
_HIT_VERB = re.compile(
    r"(?<![\w-])(?:влучил\w*|влучив|влучання|поцілил\w*|попал[иа]?|попадани\w*|вдарил\w*|ударил\w*"
    r"|впал[иа]?|упал[иа]?)(?![\w])",
    _I,
)
_EXPLOSION = re.compile(
    r"вибух\w*|взрыв\w*|вибухну\w*|взорва\w*|розірва\w*|разорва\w*|детонац\w*|сдетонир\w*|здетон\w*"
    r"|диверс\w*",
    _I,
)


def detect(
    sentence: str,
    weapons: list[tuple[int, int, Weapon]] | None = None,
    *,
    corroborated: bool = False,
) -> Detection | None:
    """The event type reported by a Ukrainian or Russian ``sentence``, or ``None``.

    As :func:`geoevents.extract.detect.detect`: ``weapons`` are
    :func:`geoevents.extract.uk_ru.weapons.weapon_spans` of the sentence, and
    ``corroborated`` (casualties or a military target) lets "знищено", "уражено",
    "пошкоджено" report a strike without a weapon.

    >>> detect("Уночі ворог обстріляв Херсон з артилерії.").event_type
    'shelling_missile_attack'
    >>> detect("Влучань не зафіксовано.") is None
    True
    >>> detect("Дві ракети влучили в порт, ще дві збито").event_type  # a hit, then downed
    'shelling_missile_attack'
    >>> detect("У Бердянську підірвали автомобіль посадовця.").event_type
    'remote_explosive'
    >>> d = detect("Знищено склад боєприпасів", corroborated=True)
    >>> (d.event_type, d.strength)
    ('shelling_missile_attack', 1)
    """
    if not has_stem(sentence, GATE_STEMS):
        return None
    hits = []
    for (rx, etype, strong), stems in zip(TRIGGERS, TRIGGER_STEMS, strict=True):
        if not has_stem(sentence, stems):
            continue
        for m in rx.finditer(sentence):
            if (
                etype == "interception"
                and _AGENT.match(m.group(0))
                and not _AD_DID.search(sentence)
            ):
                continue  # "бракує засобів ППО": air defence named, nothing shot down
            hits.append((m.start(), m.end(), m.group(0), etype, strong))
    if not hits or _NON_EVENT.search(sentence):
        return None
    if _NEGATED.search(sentence):  # only an interception survives "без влучань"
        hits = [h for h in hits if h[3] == "interception"]
        if not hits:
            return None
    if weapons is None:
        weapons = weapon_spans(sentence)
    used = sorted(
        (a, b, w)
        for a, b, w in weapons
        if w.kind in _KIND_TYPE and not is_target_use(sentence, a, b, w.kind)
    )
    typed = [h for h in hits if h[3] is not None]
    if typed:
        order = {"interception": 0, "remote_explosive": 1}
        typed.sort(key=lambda h: (order.get(h[3], 2), h[0]))
        a, b, text, etype, _ = typed[0]
        hit = hit_before(sentence, a, used, _HIT_VERB) if etype == "interception" else None
        if hit is not None:  # "дві ракети влучили в порт, ще дві збито"
            return hit
        return Detection(etype, text, a, b, f"trigger {text!r} -> {etype}")
    return _untyped(sentence, hits, used, corroborated)


def _untyped(
    sentence: str,
    hits: list[tuple[int, int, str, str | None, bool]],
    used: list[tuple[int, int, Weapon]],
    corroborated: bool,
) -> Detection | None:
    """A trigger that does not fix the type: the weapon does, else the defaults."""
    hits.sort(key=lambda h: h[0])
    strong = [h for h in hits if h[4]]
    a, b, text, _, _ = (strong or hits)[0]
    if used:
        etype = _KIND_TYPE[used[0][2].kind]
        why = f"trigger {text!r} + weapon {used[0][2].label} -> {etype}"
        return Detection(etype, text, a, b, why, 2)
    if strong:
        why = f"trigger {text!r}, no weapon -> default"
        return Detection("shelling_missile_attack", text, a, b, why, 1)
    if _EXPLOSION.fullmatch(text):
        return Detection("remote_explosive", text, a, b, f"explosion {text!r}, no weapon", 1)
    m = _DESTROY_HIT.search(sentence) if corroborated else _ATTACK_DID.search(sentence)
    if m is None:
        return None
    why = "with casualties/target" if corroborated else "done by an attack"
    return Detection(
        "shelling_missile_attack",
        m.group(0),
        m.start(),
        m.end(),
        f"trigger {m.group(0)!r} {why} -> default",
        1,
    )
