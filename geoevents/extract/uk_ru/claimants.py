"""Who speaks in Ukrainian and Russian text: claimant phrases, regions, outlets.

Each phrase maps to the canonical English claimant and side of
:mod:`geoevents.extract.claims`, so a Telegram post of the Kharkiv military administration
and an English wire story quoting "the Kharkiv governor" name the same claimant:

===============================================  ===============================  ===========
phrase (any case)                                claimant                         side
===============================================  ===============================  ===========
ООН, моніторингова місія ООН, МАГАТЕ, ЮНЕСКО,    international organisation       other
Червоний Хрест
Пушилін, глава ДНР/ЛНР, Сальдо, Балицький,       Russian-installed officials      russia
окупаційна влада, призначений Москвою
глава Крыма, кримська влада, Аксьонов,           Crimean officials                russia
Развожаев
Міноборони РФ, Минобороны России, МО РФ,         Russian Ministry of Defence      russia
российское Минобороны, Конашенков
Генштаб ЗСУ/ВСУ, Генеральний штаб                Ukrainian General Staff          ukraine
Повітряні сили (ЗСУ), Воздушные силы, Ігнат,     Ukrainian Air Force              ukraine
Повітряне командування
ЗСУ, ВСУ, Сили оборони, командування, ВМС,       Ukrainian military               ukraine
Міноборони України, головнокомандувач
Зеленський, Офіс президента/Генпрокурора, ДСНС,  Ukrainian officials              ukraine
Нацполіція, МВС, СБУ, ГУР, МЗС, РНБО, ЦПД,
прем'єр-міністр, українська сторона/джерела,
"Україна заявила", "Киев отрицает"
Кремль, Пєсков/Песков, Путін, Захарова, МИД,     Russian officials                russia
МЧС, Следственный комитет, окупанти, росіяни,
"Росія заявила", "в Москве заявили"
голова/начальник Харківської ОВА, губернатор     X governor (Kharkiv, Belgorod)   of region X
Белгородской области, Гладков, Синєгубов
Харківська ОВА, Київська МВА, КМВА, оперштаб     X officials                      of region X
Курской области, власти Татарстана, мер Києва,
Собянин, Кличко, Терехов
начальник ОВА, губернатор, глава региона         regional governor                unknown
ОВА, мер, міський голова, поліція, рятувальники  local officials                  unknown
ТАСС, РИА Новости, Укрінформ, Суспільне ...      the outlet (stance "reports")    its side
===============================================  ===============================  ===========

"Unknown" sides (and "X officials" of a city outside the region table) take the side of the
authorities of the event's place, as in English. A title followed by its holder
("губернатор Михаил Развожаев") is one claimant, the holder's.

A region is read from the adjective, the colloquial name or the genitive that names it
("Харківської", "Белгородской", "Харківщини", "Києва"): :func:`region_of`.

>>> region_of("Харківської"), region_of("Белгородской"), region_of("Києва"), region_of("дому")
('Kharkiv', 'Belgorod', 'Kyiv', None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geoevents.extract.claims import region_side

#: English region name -> the forms of its name (a whole lower-case word).
REGIONS: tuple[tuple[str, str], ...] = (
    ("Kharkiv", r"харків\w*|харков\w*|харьков\w*"),
    ("Sumy", r"сум(?:ськ|щин|ск|ах|ами)\w*|суми|сумы"),
    ("Chernihiv", r"черніг\w*|чернигов\w*"),
    ("Kyiv", r"київ\w*|києв\w*|киев\w*"),
    ("Odesa", r"одес\w*|одещ\w*"),
    ("Mykolaiv", r"микола[їє]в\w*|николаев\w*"),
    ("Dnipropetrovsk", r"дніпропетровськ\w*|днепропетровск\w*|дніпропетровщ\w*|дніпр\w*|днепр\w*"),
    ("Zaporizhzhia", r"запоріз\w*|запоріж\w*|запорож\w*"),
    ("Kherson", r"херсон\w*"),
    ("Donetsk", r"донец\w*|донеч\w*"),
    ("Luhansk", r"луган\w*"),
    ("Lviv", r"львів\w*|львов\w*"),
    ("Poltava", r"полтав\w*"),
    ("Vinnytsia", r"вінниц\w*|винниц\w*|вінничч\w*"),
    ("Khmelnytskyi", r"хмельниц\w*|хмельнич\w*"),
    ("Zhytomyr", r"житомир\w*"),
    ("Rivne", r"рівн(?:е|ого|ому|енськ\w*|енщин\w*)|ровенск\w*|ровно"),
    ("Volyn", r"волин\w*|волын\w*"),
    ("Ternopil", r"терноп\w*"),
    ("Ivano-Frankivsk", r"івано-франків\w*|ивано-франковск\w*|прикарпатт\w*"),
    ("Chernivtsi", r"чернівец\w*|чернівц\w*|черновиц\w*|черновц\w*|буковин\w*"),
    ("Zakarpattia", r"закарпат\w*"),
    ("Cherkasy", r"черкас\w*|черкащ\w*"),
    ("Kirovohrad", r"кіровоград\w*|кировоград\w*|кропивницьк\w*"),
    ("Belgorod", r"бєлгород\w*|белгород\w*|білгород\w*"),
    ("Kursk", r"курськ\w*|курск\w*|курщин\w*"),
    ("Bryansk", r"брянськ\w*|брянск\w*|брянщин\w*"),
    ("Rostov", r"ростов\w*"),
    ("Voronezh", r"воронезьк\w*|воронеж\w*"),
    ("Krasnodar", r"краснодар\w*|кубан\w*"),
    ("Moscow", r"московськ\w*|московск\w*|москв\w*|подмосков\w*"),
    ("Oryol", r"орловськ\w*|орловск\w*"),
    ("Tula", r"тульськ\w*|тульск\w*"),
    ("Kaluga", r"калузьк\w*|калужск\w*"),
    ("Smolensk", r"смоленськ\w*|смоленск\w*"),
    ("Lipetsk", r"липецьк\w*|липецк\w*"),
    ("Tambov", r"тамбовськ\w*|тамбовск\w*"),
    ("Ryazan", r"рязанськ\w*|рязанск\w*"),
    ("Tver", r"тверськ\w*|тверск\w*"),
    ("Saratov", r"саратовськ\w*|саратовск\w*"),
    ("Volgograd", r"волгоградськ\w*|волгоградск\w*"),
    ("Astrakhan", r"астраханськ\w*|астраханск\w*"),
    ("Leningrad", r"ленінградськ\w*|ленинградск\w*"),
    ("Pskov", r"псковськ\w*|псковск\w*"),
    ("Tatarstan", r"татарстан\w*"),
    ("Bashkortostan", r"башкортостан\w*|башкир\w*"),
    ("Nizhny", r"нижегородськ\w*|нижегородск\w*"),
    ("Samara", r"самарськ\w*|самарск\w*"),
    ("Yaroslavl", r"ярославськ\w*|ярославск\w*"),
    ("Ivanovo", r"іванівськ\w*|ивановск\w*"),
    ("Vladimir", r"владимирськ\w*|владимирск\w*"),
    ("Penza", r"пензенськ\w*|пензенск\w*"),
    ("Ulyanovsk", r"ульяновськ\w*|ульяновск\w*"),
    ("Novgorod", r"новгородськ\w*|новгородск\w*"),
    ("Stavropol", r"ставропольськ\w*|ставропольск\w*"),
    ("Dagestan", r"дагестан\w*"),
    ("Chechnya", r"чечн\w*|чеченськ\w*|чеченск\w*"),
    ("Kaliningrad", r"калінінградськ\w*|калининградск\w*"),
    ("Murmansk", r"мурманськ\w*|мурманск\w*"),
)
_REGION_RX = tuple((name, re.compile(rx)) for name, rx in REGIONS)

#: Governors and heads of military administrations named alone: region, regex, literals.
GOVERNORS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Belgorod", r"Гладков\w*", ("гладков",)),
    ("Kursk", r"Хінштейн\w*|Хинштейн\w*|Старовойт\w*", ("хінштейн", "хинштейн", "старовойт")),
    ("Bryansk", r"Богомаз\w*", ("богомаз",)),
    ("Kharkiv", r"Синєгуб\w*|Синегуб\w*", ("синєгуб", "синегуб")),
    ("Dnipropetrovsk", r"Лисак\w*|Лысак\w*", ("лисак", "лысак")),
    ("Donetsk", r"Філашкін\w*|Филашкин\w*", ("філашкін", "филашкин")),
    ("Kherson", r"Прокудін\w*|Прокудин\w*", ("прокудін", "прокудин")),
    ("Odesa", r"Кіпер\w*|Кипер\w*", ("кіпер", "кипер")),
    ("Sumy", r"Артюх\w*", ("артюх",)),
    ("Chernihiv", r"Чаус\w*", ("чаус",)),
    ("Rostov", r"Голубєв\w*|Голубев\w*", ("голубєв", "голубев")),
    ("Moscow", r"Воробйов\w*|Воробьёв\w*|Воробьев\w*", ("воробйов", "воробьёв", "воробьев")),
    ("Zaporizhzhia", r"(?:Іван\w*|Иван\w*)\s+Федоров\w*", ("федоров",)),
    ("Mykolaiv", r"(?:Віталі\w*|Витали\w*)\s+(?:Кім|Кіма|Ким|Кима)", ("кім", "ким")),
)


def region_of(word: str) -> str | None:
    """English name of the region a word names (adjective, colloquial or genitive form)."""
    w = word.lower().replace("’", "'")
    for name, rx in _REGION_RX:
        if rx.fullmatch(w):
            return name
    return None


#: One word of a name: the adjective or genitive of a region.
_W = r"[А-ЯІЇЄҐЁа-яіїєґё][\w'’-]*"
#: A regional or city military administration, or a regional state administration.
_OVA = (
    r"(?:ОВА|ОДА|МВА|ВЦА|ВГА|обласн\w+\s+(?:військов\w+|державн\w+)\s+адміністраці\w+"
    r"|міськ\w+\s+військов\w+\s+адміністраці\w+|областн\w+\s+(?:военн\w+|государственн\w+)\s+администраци\w+"
    r"|военно-гражданск\w+\s+администраци\w+)"
)
#: "області", "области", "обл.", "краю", "края".
_OBLAST = r"(?:област\w*|обл\.|кра[юя]|край)"
_HEAD = (
    r"(?:голов[аиуіо]\w*|начальник\w*|очільни\w*|керівни\w*|глав[аыуео]\w*|руководител\w*"
    r"|(?:тимчасово\s+виконуюч\w+\s+обов'язки\s+|врио\s+|в\.\s?о\.\s+|и\.\s?о\.\s+)?губернатор\w*)"
)
_MAYOR = (
    r"(?:мер(?:а|ом|у|і|ові)?|мэр(?:а|ом|у|е)?|міськ\w+\s+голов\w+|городск\w+\s+голов\w+"
    r"|голов\w+\s+міста|глав\w+\s+города)"
)
_RU_INSTALLED = (
    r"Пушилін\w*|Пушилин\w*|Пасічник\w*|Пасечник\w*|Сальдо|Балицьк\w*|Балицк\w*|Кулемзін\w*|Кулемзин\w*"
    r"|Марочк\w*"
    r"|(?:глав\w+|голов\w+|керівни\w+|руководител\w+|очільни\w+|власт\w+|влад\w+)\s+(?:так\s+(?:званої|называемой)\s+)?(?:«)?(?:ДНР|ЛНР)(?:»)?"
    r"|(?:ДНР|ЛНР)"
    r"|(?:окупаційн\w+|оккупационн\w+|проросійськ\w+|пророссийск\w+|призначен\w+\s+(?:Росією|Москвою)"
    r"|назначенн\w+\s+(?:Россией|Москвой)|колаборант\w*|гауляйтер\w*)"
    r"(?:\s+(?:влад\w*|власт\w*|адміністраці\w*|администраци\w*|голов\w*|глав\w*|губернатор\w*|очільни\w*|чиновни\w*|посадовц\w*))?"
)
_CRIMEA = (
    r"Аксьонов\w*|Аксенов\w*|Аксёнов\w*|Развожаєв\w*|Развожаев\w*"
    rf"|{_HEAD}\s+(?:Республік\w+\s+|Республик\w+\s+)?(?:Криму|Крыма|Севастопол[яю])"
    r"|(?:кримськ\w+|крымск\w+|севастопольськ\w+|севастопольск\w+)\s+(?:влад\w*|власт\w*|чиновни\w*|посадовц\w*)"
)
_RU_MOD = (
    r"(?:Міноборони|Минобороны|МО|Міністерств\w+\s+оборони|Министерств\w+\s+обороны)\s+(?:РФ|Росії|России|Російської\s+Федерації|Российской\s+Федерации)"
    r"|(?:російськ\w+|российск\w+)\s+(?:Міноборони|Минобороны|міністерств\w+\s+оборони|министерств\w+\s+обороны|оборонн\w+\s+відомств\w*|военн\w+\s+ведомств\w*)"
    r"|(?:Минобороны|Министерств\w+\s+обороны|военн\w+\s+ведомств\w*)(?!\s+Украин)|Конашенков\w*|Шойгу|Бєлоусов\w*|Белоусов\w*"
)
_UA_STAFF = r"Генштаб\w*(?:\s+(?:ЗСУ|ВСУ))?|Генеральн\w+\s+штаб\w*(?:\s+(?:ЗСУ|ВСУ|Збройних\s+сил\s+України|Вооруж[её]нных\s+сил\s+Украины))?"
_UA_AIR = (
    r"Повітрян\w+\s+сил\w*(?:\s+(?:ЗСУ|України|Збройних\s+сил\s+України))?"
    r"|Воздушн\w+\s+сил\w*(?:\s+(?:ВСУ|Украины))?|ПС\s+ЗСУ|Ігнат\w*|Игнат\w*"
    r"|Повітрян\w+\s+командуванн\w+(?:\s+«[^»]{1,20}»|\s+\w+)?"
)
_UA_MIL = (
    r"(?:Сил\w*\s+оборони|Сил\w*\s+обороны)(?:\s+(?:України|Украины|півдня|півночі|сходу|Таврійського\s+напрямку)(?:\s+України)?)?"
    r"|Плетенчук\w*|головнокомандувач\w*|главнокомандующ\w*|Залужн\w*|Сирськ\w*|Сырск\w*"
    r"|Оперативн\w+\s+командуванн\w+(?:\s+«[^»]{1,20}»|\s+\w+)?|командуванн\w+(?:\s+ЗСУ)?|командовани\w+\s+ВСУ"
    r"|Збройн\w+\s+сил\w*\s+України|Вооруж[её]нн\w+\s+сил\w*\s+Украины|ЗСУ|ВСУ"
    r"|Військово-морськ\w+\s+сил\w*(?:\s+ЗСУ)?|ВМС\s+ЗСУ|ВМС|ВМС\s+Украины"
    r"|Міноборони(?:\s+України)?|Міністерств\w+\s+оборони(?:\s+України)?|(?:Минобороны|Министерств\w+\s+обороны)\s+Украины"
    r"|(?:українськ\w+|украинск\w+)\s+(?:військов\w+|военн\w+|армі\w+|арми\w+)"
)
_UA_OFFICIALS = (
    r"Зеленськ\w*|Зеленск\w*|Офіс\w*\s+(?:президента|Президента|Генпрокурора|Генерального\s+прокурора)"
    r"|Офис\w*\s+(?:президента|Президента|генпрокурора|Генпрокурора)|Генпрокуратур\w*|Генпрокурор\w*|Генеральн\w+\s+прокурор\w*|Костін\w*"
    r"|Центр\w*\s+протидії\s+дезінформації|ЦПД|Центр\w*\s+стратегічних\s+комунікацій"
    r"|(?:Секретар\w*\s+)?(?:РНБО|СНБО)(?:\s+України|\s+Украины)?|Данилов\w*"
    r"|ДСНС|ГСЧС(?:\s+Украины)?|Державн\w+\s+служб\w+\s+(?:України\s+)?з\s+надзвичайних\s+ситуацій"
    r"|Нацполіці\w*|Національн\w+\s+поліці\w*|Нацполици\w*|МВС(?:\s+України)?|МВД\s+Украины|Клименк\w*"
    r"|СБУ|ГУР(?:\s+МО)?|МЗС(?:\s+України)?|МИД\s+Украины|Сибіг\w*|Кулеб\w*|Єрмак\w*|Подоляк\w*|Укренерго"
    r"|(?:українськ\w+|украинск\w+)\s+(?:влад\w*|власт\w*|сторон\w*|чиновни\w*|посадовц\w*|спецслужб\w*|джерел\w*|источник\w*)"
    r"|Прем['’ʼ]?єр-міністр\w*(?:\s+України)?|Премьер-министр\w*\s+Украины|Шмигал\w*|Свириденк\w*"
)
_RU_OFFICIALS = (
    r"Кремл\w*|Пєсков\w*|Песков\w*|Путін\w*|Путин\w*|Захаров[аоуі]\w*|Лавров\w*"
    r"|МЗС\s+(?:РФ|Росії)|МИД(?:\s+(?:России|РФ))?|МЧС(?:\s+(?:России|РФ))?|МНС\s+(?:РФ|Росії)"
    r"|Следственн\w+\s+комитет\w*(?:\s+(?:России|РФ))?|Слідч\w+\s+комітет\w*(?:\s+(?:РФ|Росії))?|СК\s+(?:России|РФ)|ФСБ|Росгвард\w*"
    r"|Национальн\w+\s+антитеррористическ\w+\s+комитет\w*|Національн\w+\s+антитерористичн\w+\s+комітет\w*|НАК"
    r"|(?:російськ\w+|российск\w+)\s+(?:влад\w*|власт\w*|сторон\w*|чиновни\w*|посадовц\w*|військов\w+|военн\w+|МНС|МЧС)"
    r"|окупант\w*|оккупант\w*|росіян\w*|россиян\w*|рашист\w*"
)
#: A country or capital that speaks: "Україна заявила", "в Москве заявили" (a speech verb
#: right after it).
_STATE_SAYS = (
    r"(?=(?:\s+(?!(?:що|что|і|и|та|а)\b)[^\s,.;:!?]+){0,3}?\s+(?:не\s+)?"
    r"(?:заяв|повідом|сообщ|спросту|опроверг|запереч|отрица|визна|призна|підтверд|подтверд|обвину|обвиня"
    r"|говор|каже|кажуть|стверджу|утвержда)\w*)"
)
_UA_STATE = rf"(?:Україна|Украина|Київ|Киев|(?:у|в)\s+(?:Києві|Киеве)|(?:на|в)\s+(?:Украине|Україні)){_STATE_SAYS}"
_RU_STATE = rf"(?:Росія|Россия|Москва|РФ|(?:у|в)\s+(?:Москві|Москве|России|Росії)){_STATE_SAYS}"
#: Mayors named alone: they speak for their city (its side is the authority's of the place).
MAYORS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Moscow", r"Собянин\w*|Собянін\w*", ("собянин", "собянін")),
    ("Kyiv", r"Кличк[оаиу]\w*", ("кличк",)),
    ("Kharkiv", r"Терехов\w*", ("терехов",)),
    ("Lviv", r"Садов(?:ий|ого|ому|им|ый)", ("садов",)),
    ("Mykolaiv", r"Сєнкевич\w*|Сенкевич\w*", ("сєнкевич", "сенкевич")),
    ("Kryvyi Rih", r"Вілкул\w*|Вилкул\w*", ("вілкул", "вилкул")),
    ("Belgorod", r"Демидов\w*", ("демидов",)),
)
_GOVERNOR = (
    rf"{_HEAD}\s+(?P<region>{_W})\s+(?:{_OVA}|{_OBLAST})"
    rf"|(?:губернатор\w*|{_HEAD}\s+{_OVA})\s+(?P<region2>{_W})"
    rf"|(?P<region3>{_W})\s+губернатор\w*"
)
#: Kyiv's city administrations by their abbreviations.
_KYIV = r"КМВА|КМДА|Київськ\w+\s+міськ\w+\s+військов\w+\s+адміністраці\w+"
_OFFICIALS = (
    rf"(?P<region>{_W})\s+(?:{_OVA}|оперштаб\w*|оперативн\w+\s+штаб\w*|міськ\w+\s+рад\w*|городск\w+\s+администраци\w*"
    r"|(?:обласн\w+|областн\w+)\s+прокуратур\w*)"
    rf"|(?:{_OVA}|оперштаб\w*|оперативн\w+\s+штаб\w*|поліці\w+|полици\w+|адміністраці\w+|администраци\w+|прокуратур\w+|влад\w+|власт\w+)\s+(?P<region2>{_W})(?:\s+{_OBLAST})?"
    rf"|{_MAYOR}\s+(?P<region3>{_W})|(?P<region4>{_W})\s+міськ\w+\s+голов\w+"
)
_REGIONAL_HEAD = (
    rf"{_HEAD}\s+{_OVA}|губернатор\w*"
    r"|(?:глав\w+|голов\w+|очільни\w+|керівни\w+)\s+(?:регіону|региона|області|области|облдержадміністрації)"
)
_LOCAL = (
    rf"{_OVA}|{_MAYOR}|мері\w*|мэри\w*|місцев\w+\s+влад\w*|местн\w+\s+власт\w*|оперштаб\w*|оперативн\w+\s+штаб\w*"
    r"|поліці\w*|полици\w*|рятувальник\w*|спасател\w*|міськрад\w*|міськ\w+\s+рад\w*|прокуратур\w*"
)


@dataclass(frozen=True)
class Phrase:
    """A claimant phrase: regex, English claimant (may use ``{region}``), side, and the
    lower-case literals one of which every match contains (the pre-filter)."""

    pattern: str
    claimant: str
    side: str
    literals: tuple[str, ...]


def _lits(words: str, *extra: str) -> tuple[str, ...]:
    return (*words.split(), *extra)


PHRASES: tuple[Phrase, ...] = (
    Phrase(
        _RU_INSTALLED,
        "Russian-installed officials",
        "russia",
        _lits("пушилі пушили пасіч пасеч сальдо балиц днр лнр окупаці оккупаци пророс призначен")
        + _lits("колабор гауляйт кулемз марочк"),
    ),
    Phrase(
        _CRIMEA, "Crimean officials", "russia", _lits("аксьон аксен аксён развожа крим крым севаст")
    ),
    Phrase(
        _RU_MOD,
        "Russian Ministry of Defence",
        "russia",
        _lits("оборон конашен шойгу белоус бєлоус ведомств відомств", "мо "),
    ),
    Phrase(_UA_STAFF, "Ukrainian General Staff", "ukraine", _lits("генштаб штаб")),
    Phrase(
        _UA_AIR, "Ukrainian Air Force", "ukraine", _lits("повітрян воздушн ігнат игнат", "пс зсу")
    ),
    Phrase(
        _UA_MIL,
        "Ukrainian military",
        "ukraine",
        _lits("оборон командуван командован зсу всу сил вмс військов военн армі арми плетенчук")
        + _lits("головнокомандувач главнокомандующ залужн сирськ сырск"),
    ),
    Phrase(
        _UA_OFFICIALS,
        "Ukrainian officials",
        "ukraine",
        _lits("зеленськ зеленск офіс офис генпрокур прокурор дснс гсчс служб нацполі національн")
        + _lits("нацполи мвс мвд клименк сбу гур мзс мид сибіг кулеб єрмак подоляк укренерго")
        + _lits(
            "українськ украинск центр цпд костін рнбо снбо данилов прем премьер шмигал свириденк"
        ),
    ),
    Phrase(
        _RU_OFFICIALS,
        "Russian officials",
        "russia",
        _lits("кремл пєсков песков путін путин захаров лавров мзс мид мчс мнс следствен слідч")
        + _lits("фсб росгвард російськ российск окупант оккупант росіян россиян рашист", "ск ")
        + _lits("антитеррористическ антитерористичн нак"),
    ),
    Phrase(_UA_STATE, "Ukrainian officials", "ukraine", _lits("україн украин київ киев києві")),
    Phrase(_KYIV, "Kyiv officials", "ukraine", _lits("кмва кмда київськ")),
    Phrase(_RU_STATE, "Russian officials", "russia", _lits("росі росси москв рф")),
    Phrase(
        _GOVERNOR,
        "{region} governor",
        "unknown",
        _lits("голов начальник очільн керівн глав руковод губернатор"),
    ),
    Phrase(
        _OFFICIALS,
        "{region} officials",
        "unknown",
        _lits("ова ода мва вца вга адміністрац администрац оперштаб штаб рад поліці полици мер")
        + _lits("мэр голов прокуратур влад власт"),
    ),
    Phrase(
        _REGIONAL_HEAD,
        "regional governor",
        "unknown",
        _lits("губернатор ова ода мва вца вга адміністрац администрац регіон регион област")
        + _lits("облдерж"),
    ),
    Phrase(
        _LOCAL,
        "local officials",
        "unknown",
        _lits("ова ода мва вца вга адміністрац администрац мер мэр голов влад власт штаб поліці")
        + _lits("полици рятувальн спасател рад прокуратур"),
    ),
)

#: Governors and mayors named alone ("Гладков повідомив", "Собянин сообщил").
GOVERNOR_PHRASES: tuple[Phrase, ...] = tuple(
    Phrase(rx, f"{region} governor", region_side(region), lits) for region, rx, lits in GOVERNORS
) + tuple(Phrase(rx, f"{city} officials", region_side(city), lits) for city, rx, lits in MAYORS)

#: International bodies speak for no side.
INTERNATIONAL = Phrase(
    r"(?:(?:Моніторингов\w+|Мониторингов\w+)\s+місі\w+\s+|(?:Мониторингов\w+)\s+мисси\w+\s+)?"
    r"(?:ООН|ОБСЄ|ОБСЕ|МАГАТЕ|МАГАТЭ|МКЧХ|МККК|ЮНЕСКО|UNESCO|ЮНІСЕФ|ЮНИСЕФ|Amnesty\s+International"
    r"|Human\s+Rights\s+Watch|Червон\w+\s+Хрест\w*|Красн\w+\s+Крест\w*)",
    "international organisation",
    "other",
    _lits(
        "оон обсє обсе магате магатэ мкчх мккк юнеско unesco юнісеф юнисеф amnesty human червон красн"
    ),
)

#: All speaker phrases in scan order: the named ones, governors named alone, then the
#: offices of a region and the generic ones ("губернатор", "ОВА", "мер").
_FIRST_REGIONAL = next(i for i, p in enumerate(PHRASES) if p.pattern is _GOVERNOR)
SPEAKERS: tuple[Phrase, ...] = (
    (INTERNATIONAL,) + PHRASES[:_FIRST_REGIONAL] + GOVERNOR_PHRASES + PHRASES[_FIRST_REGIONAL:]
)

#: Outlets: regex, name, side; their claims have stance "reports".
OUTLETS: tuple[Phrase, ...] = (
    Phrase(r"ТАСС|ТАРС", "TASS", "russia", ("тасс", "тарс")),
    Phrase(r"РИА\s+Новост\w*|РІА\s+Новин\w*|РИА", "RIA Novosti", "russia", ("риа", "ріа")),
    Phrase(
        r"Интерфакс(?:-Украина)?|Інтерфакс(?:-Україна)?",
        "Interfax",
        "other",
        ("интерфакс", "інтерфакс"),
    ),
    Phrase(r"Укрінформ\w*|Укринформ\w*", "Ukrinform", "ukraine", ("укрінформ", "укринформ")),
    Phrase(
        r"Українськ\w+\s+правд\w*|Украинск\w+\s+правд\w*", "Ukrainska Pravda", "ukraine", ("правд",)
    ),
    Phrase(r"Суспільн\w+|Суспильн\w+", "Suspilne", "ukraine", ("суспільн", "суспильн")),
    Phrase(r"РБК-Україна|РБК-Украина", "RBC-Ukraine", "ukraine", ("рбк",)),
    Phrase(r"Reuters|Рейтер\w*", "Reuters", "other", ("reuters", "рейтер")),
    Phrase(r"Би-би-си|Бі-бі-сі|BBC", "BBC", "other", ("би-би", "бі-бі", "bbc")),
)


def compiled(
    phrases: tuple[Phrase, ...],
) -> tuple[tuple[Phrase, re.Pattern[str]], ...]:
    """Each phrase with its regex (whole words, any case)."""
    return tuple(
        (p, re.compile(rf"(?<![\w-])(?:{p.pattern})(?![\w])", re.IGNORECASE)) for p in phrases
    )
