"""Place names in Ukrainian and Russian text, declined as the grammar wants.

A :class:`~geoevents.extract.mentions.Mention` of a Cyrillic sentence has ``text`` the
name the gazetteer resolves (the nominative: "Харків"), ``written`` the form in the
sentence ("Харкові"), ``key`` the gazetteer key of the likeliest place's main name
(``kyiv`` for "Київ", whose own key is ``kiiv``) and its span over the written form.
Names are read back to their nominatives by declension rules (:mod:`gazetteer.inflect`,
:mod:`geoevents.extract.uk_ru.toponyms`); of the readings the gazetteer knows, the one of
a place in Ukraine or Russia, a settlement, the most populous wins ("Михайлівці" is
Михайлівка, not the Slovak Michalovce).

Mentions, as in English (:mod:`geoevents.extract.mentions`):

* ``region``: an oblast phrase ("Харківської області", "в Белгородской области"), a
  colloquial oblast name ("на Харківщині", "Донеччини", "Бєлгородщина"; "на Запоріжжі"
  is the oblast, "у Запоріжжі" the city), an alias ("Донбас", "Крим"), resolved with
  :meth:`gazetteer.Gazetteer.match_region`;
* ``toponym``: a settlement ("у Харкові", "в Макіївці", "Кривому Розі"), a district or
  hromada ("Нікопольського району": text "Нікопольський район"; a city's district,
  "Кировском районе Донецка", is none), a direction's town ("на Покровському
  напрямку": Покровськ, relation ``near``), a Russian okrug's town ("над Одинцовским
  округом": Одинцово), a landmark's town (:data:`LANDMARKS`: the Kremlin when struck,
  the Crimean bridge; "столиця" in a Ukrainian sentence, "у столиці": Kyiv).

Filters: the name is capitalised; an all-capitals word (ЗСУ, ППО) is none; a word of
:data:`COMMON_WORDS` ("Мир", "Слава", "Перемога") or the sentence's first word needs a
place cue ("с. Мир", "місто Слава") or, for the first word, a town of
:data:`MIN_FIRST_POPULATION`; a name glued to another capitalised word or after a title
("губернатор Гладков", "Іван Федоров") is a person's; a street's or a microdistrict's
name ("вулиця", "микрорайон") is none; an adjective before a noun ("Черноморского
флота", "Рязанский нефтеперерабатывающий завод") is none; spans in ``exclude``
(claimants, weapons) are none; a capital that acts ("Киев попытался") is ``aside``.

Relations, read from the words before: ``at`` ("у/в/на/по/над X"), ``near`` ("біля,
поблизу, неподалік, під, в районі, на околиці X; возле, вблизи, под, в окрестностях X";
"на X напрямку"), ``relative`` ("за 20 км від X", "в 20 км от X", "на північ від X",
"южнее X"), ``origin`` ("з/із/зі X", "з боку X", "з території X", "из X", "со стороны X",
"с территории X"), ``aside`` ("брифінг у X", "переговори в X", "X заявив").

>>> from geoevents.extract.matcher import PlaceMatcher
>>> m = PlaceMatcher.from_keys(["kharkiv", "bielgorod", "kriviy rig", "liptsi"])
>>> s = "Дрони з Бєлгорода атакували Кривий Ріг, вибухи біля с. Липці та у Харкові."
>>> [(x.text, x.written, x.relation) for x in find_mentions(s, None, matcher=m)]  # doctest: +NORMALIZE_WHITESPACE
[('Бєлгород', 'Бєлгорода', 'origin'), ('Кривий Ріг', 'Кривий Ріг', 'at'),
 ('Липці', 'Липці', 'near'), ('Харків', 'Харкові', 'at')]
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from gazetteer.normalize import normalize
from geoevents.extract.matcher import PlaceMatcher, index_identity, matcher_for
from geoevents.extract.mentions import Mention
from geoevents.extract.uk_ru.toponyms import (
    adjective_town,
    capital_spans,
    colloquial_regions,
    direction_towns,
    find_names,
    region_words,
)
from geoevents.extract.uk_ru.toponyms_relations import (
    CAPITAL_KEYS,
    GOVERNMENT_ACTS,
    relation,
)

if TYPE_CHECKING:  # pragma: no cover
    from gazetteer import Gazetteer, Place

log = logging.getLogger(__name__)

#: Ordinary words (nominative, lower case) that are also place names somewhere: they
#: need a place cue ("с. Мир", "селище Слава").
COMMON_WORDS: frozenset[str] = frozenset(
    """
    мир слава перемога світло свет дружба ворог враг сила сили силы армія армия воля свобода
    надія надежда віра вера любов любовь згода согласие праця труд зоря заря схід захід північ
    південь восток запад север юг центр степ степь поле ліс лес гай роща берег море річка река
    острів остров гора балка яр сад парк завод станція станция вокзал порт міст мост школа
    лікарня больница дім дом церква церковь ринок рынок площа площадь вулиця улица
    ранок утро вечір вечер ніч ночь день тиждень неделя місяць месяц рік год зима весна літо
    лето осінь осень понеділок вівторок середа четвер пятниця пʼятниця пятница субота суббота
    неділя воскресенье січень лютий березень квітень травень червень липень серпень вересень
    жовтень листопад грудень январь февраль март апрель май июнь июль август сентябрь октябрь
    ноябрь декабрь україна украина росія россия європа европа америка
    шахед шахеди герань іскандер искандер калібр калибр кинджал кинжал циркон онікс оникс
    торнадо смерч ураган град буратіно солнцепек солнцепьок ланцет орлан пантир панцирь
    бук тор оса тополь ярс сармат вихор вихрь грім гром блискавка молния
    губернатор президент міністр министр генерал голова глава мер речник командувач
    генштаб штаб повітряні воздушные сили війська войска флот
    новий новая нова новое старий старая стара велика великий великая мала малий малая
    червоний червона красный красная білий біла белый белая чорний чорна черный черная
    зелений зелена зеленый зеленая золотий золота золотой золотая
    перший первый другий второй третій третий
    атака удар удари обстріл обстрел вибух взрыв приліт прилет прилёт ракета ракети дрон дрони
    кремль окупант окупанти оккупант росіяни россияне пожежа пожар тривога тревога загроза угроза
    """.split()
)
#: Given names (of officials most of all): a capitalised word after one is a surname.
GIVEN_NAMES: frozenset[str] = frozenset(
    """
    олег олександр александр олексій алексей іван иван сергій сергей вадим вячеслав роман
    віталій виталий андрій андрей юрій юрий володимир владимир дмитро дмитрий михайло михаил
    ігор игорь павло павел микола николай василь василий петро петр віктор виктор анатолій
    анатолий євген евгений геннадій геннадий руслан максим артем артём денис богдан тарас
    ярослав валерій валерий антон костянтин константин станіслав станислав леонід леонид
    ірина ирина олена елена юлія юлия марія мария наталія наталья тетяна татьяна світлана
    светлана ольга оксана людмила анна ганна вікторія виктория катерина екатерина марина
    валентина галина лариса рамзан вадім кирило кирилл григорій григорий степан федір федор
    """.split()
)
#: A sentence's first word is a place only when some town of that name has this many people.
MIN_FIRST_POPULATION = 20_000
#: A name written in capitals ("ХАРКІВ:", "‼️ОДЕСА") has this many letters at least (an
#: acronym fewer: ЗСУ, ППО, ОВА, БПЛА), and is read as a first word is.
MIN_CAPITALS = 5
_ACRONYM = re.compile(r"[А-ЯІЇЄҐЁA-Z0-9]{2,}")
#: Place nouns and abbreviations before a name ("м. Суми", "с. Липці", "смт Краснопілля").
_CUE = re.compile(
    r"(?:(?<![\w])(?:м|с|смт|сел|с-ще|пос|п|г|д|н\.\s*п|х|ст)\.?"
    r"|міст[оаіу]|містом|сел[оаіу]|селом|селищ[еаіу]|селищем|місто-герой|місті-герої"
    r"|город[аеу]?|городом|деревн[яеиюй]|деревней|посел(?:ок|ка|ке|ку|ком)|посёл(?:ок)"
    r"|селени[еяю]|станиц[аеыу]|хутор[аеу]?|населен(?:ий|ого|ому|ому)\s+пункт\w*"
    r"|населенн(?:ый|ого|ом)\s+пункт\w*|н\.\s*п\.)\s*$",
    re.IGNORECASE,
)
#: Titles before a person's surname: "губернатор Гладков", "мер Терехов".
_TITLE = re.compile(
    r"(?:губернатор\w*|голов\w*|глав\w*|мер\w*|президент\w*|міністр\w*|министр\w*|речни\w*"
    r"|командувач\w*|командующ\w*|генерал\w*|полковник\w*|депутат\w*|прокурор\w*|посол\w*"
    r"|спікер\w*|спикер\w*|керівни\w*|руководител\w*|начальни\w*|пан|пані|господин\w*)\s+$",
    re.IGNORECASE,
)
_PREV_WORD = re.compile(r"([\w'’ʼ.-]+)\s+$")
_NEXT_WORD = re.compile(r"\s+([\w'’ʼ-]+)")
#: Region words after a name: "Харків область" is no person's name.
_REGION_NEXT = re.compile(r"(?:област|обл|район|громад|край|кра[юяє]|напрям|направлен)", re.I)
#: Match-region answers per index and phrase.
_REGIONS: dict[tuple[str, str], Any] = {}
_KEY_INFO: dict[tuple[str, str], tuple[int, int, int, int, int, str, str]] = {}
_PLACE_KINDS = frozenset({"settlement", "site", "region", "district", "hromada"})
#: Countries whose place names a sentence's first word may be without a cue.
_FIRST_WORD_COUNTRIES = frozenset({"UA", "RU", "BY", "MD"})
_CACHE_MAX = 100_000


def _known(matcher: PlaceMatcher):  # noqa: ANN202 - a closure over the automaton
    automaton = matcher.automaton

    def known(key: str) -> bool:
        return automaton.kind != 0 and automaton.exists(f" {key} ")

    return known


def _match_region(gz: Gazetteer, phrases: Iterable[str]) -> tuple[Place | None, str]:
    gid = index_identity(gz)
    for phrase in phrases:
        hit = _REGIONS.get((gid, phrase), False)
        if hit is False:
            try:
                hit = gz.match_region(phrase)
            except Exception as err:  # a malformed phrase is no region
                log.debug("match_region(%r): %s", phrase, err)
                hit = None
            if len(_REGIONS) >= _CACHE_MAX:
                _REGIONS.clear()
            _REGIONS[(gid, phrase)] = hit
        if hit is not None:
            return hit, phrase
    return None, ""


def _key_info(gz: Gazetteer | None, key: str) -> tuple[int, int, int, int, int, str, str]:
    """``(in focus, settlement, population, main, names, country, name key)`` of the
    likeliest place a key names: in Ukraine or Russia (:data:`_FIRST_WORD_COUNTRIES`) when
    one is, a settlement rather than a region, the most populous, whose main name the key
    is when it can be; ``names`` counts the names the key is (a common spelling names more:
    "Одесса" over "Одессе", "Москва" over "Москво"). ``(0, 0, 0, 0, 0, "", "")`` when none.
    "Михайлівці" is a form of Михайлівка, not the Slovak Michalovce (whose alternate name
    it also is). The name key is its main name's ("Київ": ``kiiv`` -> ``kyiv``)."""
    index = getattr(gz, "index", None)
    if index is None:
        return 0, 0, 0, 0, 0, "", ""
    gid = index_identity(gz)
    hit = _KEY_INFO.get((gid, key))
    if hit is None:
        try:
            names = index.exact(key)
            places = index.places([n.place_id for n in names])
        except Exception:  # a key the index rejects
            names, places = [], {}
        best = (0, 0, 0, 0, 0, "", "")
        for n in names:
            p = places.get(n.place_id)
            if p is not None and p.kind in _PLACE_KINDS:
                cc = p.country_code or ""
                focus = int(cc in _FIRST_WORD_COUNTRIES)
                town = int(p.kind in ("settlement", "site"))
                row = (focus, town, p.population, int(n.main), len(names), cc, normalize(p.name))
                best = max(best, row)
        hit = best
        if len(_KEY_INFO) >= _CACHE_MAX:
            _KEY_INFO.clear()
        _KEY_INFO[(gid, key)] = hit
    return hit


#: A capitalised word after a raion: the city whose district it is ("районе Донецка").
_CITY_AFTER = re.compile(r"\s+[А-ЯІЇЄҐЁ][а-яіїєґё'’ʼ-]")
#: Words before a name that make it a street's, a neighbourhood's or an estate's.
_STREET_BEFORE = re.compile(
    r"(?<![\w])(?:мікрорайон\w*|микрорайон\w*|мкр\.?|квартал\w*|вулиц\w*|улиц\w*|вул\.|ул\."
    r"|просп\w*|пр-т|провулк\w*|провулок|переул\w*|бульвар\w*|площ\w*|пл\.|узвіз\w*"
    r"|станці\w+\s+метро|станци\w+\s+метро|ЖК|житлов\w+\s+комплекс\w*|жил\w+\s+комплекс\w*"
    r"|ТЦ|ТРЦ)\s+[«\"]?$",
    re.IGNORECASE,
)
#: Nouns a place adjective describes: "Черноморского флота", "Харківська ТЕЦ".
_NOUN_AFTER = re.compile(
    r"\s+(?:флот\w*|аеродром\w*|аэродром\w*|напрям\w*|направлени\w*|порт\w*|завод\w*|НПЗ|ТЕС|ТЕЦ|ТЭС"
    r"|ТЭЦ|АЕС|АЭС|ГЕС|ГЭС|водосховищ\w*|водохранилищ\w*|міськрад\w*|горсовет\w*|військкомат\w*"
    r"|военкомат\w*|узбережж\w*|побережь\w*|гарнізон\w*|гарнизон\w*|полігон\w*|полигон\w*"
    r"|шосе|шоссе|трас\w*|міст\w*|мост\w*|залізниц\w*|железн\w*|вокзал\w*|університет\w*"
    r"|университет\w*|губернатор\w*|мері\w*|мэри\w*|міськ\w*|городск\w*|обласн\w*|областн\w*"
    r"|угрупован\w*|группировк\w*|бригад\w*|полк\w*|дивізі\w*|дивизи\w*|батальйон\w*|батальон\w*"
    r"|облэнерго|обленерго|метрополітен\w*|метрополитен\w*|мор[ея]|морі|морем|озер\w*"
    r"|нафтопереробн\w*|нефтеперераб\w*|нафтобаз\w*|нефтебаз\w*|комбінат\w*|комбинат\w*"
    r"|підприємств\w*|предприяти\w*|електростанц\w*|электростанц\w*|підстанц\w*|подстанц\w*"
    r"|інститут\w*|институт\w*|штаб\w*|округ\w*|ОВА|ОДА|ОГА|МВА|адміністрац\w*|администрац\w*"
    r"|облгосадміністрац\w*|облгосадминистрац\w*|госадминистрац\w*|держадміністрац\w*)(?![\w])"
)
#: A lower-case adjective next: the place adjective before it describes a noun too.
_LOWER_ADJECTIVE_AFTER = re.compile(
    r"\s+[а-яіїєґё'’ʼ-]+(?:ого|ому|ий|ій|ой|ый|ая|ое|ої|ую|ою|их|ых|ые|ими|ыми|ська|ське|ські)(?![\w])"
)
#: A nominative masculine adjective ("Рязанский", "Полтавський") is a place name only alone.
_NOMINATIVE_ADJECTIVE = re.compile(r"(?:ський|цький|зький|ский|цкий|зкий|ний|ный|ній)$")
_LOWER_AFTER = re.compile(r"\s+[а-яіїєґё]")
#: A nominative that is an adjective (Черноморское, Рязанский, Полтавське, Чорне).
_ADJECTIVE_LEMMA = re.compile(
    r"(?:ий|ій|ый|ой|ая|яя|ое|ее|ська|цька|зька|ська|ське|цьке|не|ве|ке)$"
)
_ADJECTIVE_END = re.compile(r"(?:ого|ому|им|ім|ий|ій|ой|ый|ым|ом|ая|ое|ої|ую|ою|ська|ське|ські)$")


def region_mentions(
    sentence: str, gz: Gazetteer | None, matcher: PlaceMatcher | None = None
) -> list[Mention]:
    """Oblast phrases, colloquial oblast names and aliases (regions), raion and hromada
    phrases (toponyms the gazetteer resolves to its districts) and Russian okrugs (their
    towns, found with ``matcher``)."""
    out: list[Mention] = []
    if gz is None:
        return out
    for a, b, kind, phrases in region_words(sentence):
        rel, cue, direction = relation(sentence, a, b)
        if kind == "okrug":  # "над Одинцовским округом": the okrug's town
            hit = adjective_town(sentence[a:b].split()[0], _known(matcher)) if matcher else None
            if hit is not None:
                out.append(
                    Mention(
                        hit[0], a, b, "toponym", hit[1], rel, cue, direction, None, sentence[a:b]
                    )
                )
            continue
        if kind in ("raion", "hromada"):
            text = phrases[0]
            info = _key_info(gz, normalize(text))
            if not info[5] or info[1] or _CITY_AFTER.match(sentence, b):
                continue  # a city's district: "Салтівський район", "Кировском районе Донецка"
            out.append(
                Mention(
                    text, a, b, "toponym", normalize(text), rel, cue, direction, None, sentence[a:b]
                )
            )
            continue
        place, phrase = _match_region(gz, phrases)
        if place is not None:
            out.append(
                Mention(
                    phrase,
                    a,
                    b,
                    "region",
                    normalize(phrase),
                    rel,
                    cue,
                    direction,
                    place,
                    sentence[a:b],
                )
            )
    taken = [(m.start, m.end) for m in out]
    for a, b, lemma, phrase in colloquial_regions(sentence):
        if any(x < b and a < y for x, y in taken):
            continue
        place, _ = _match_region(gz, (phrase,))
        if place is not None:
            lemma = _title(lemma) if lemma.isupper() else lemma
            rel, cue, direction = relation(sentence, a, b)
            out.append(
                Mention(
                    lemma,
                    a,
                    b,
                    "region",
                    normalize(lemma),
                    rel,
                    cue,
                    direction,
                    place,
                    sentence[a:b],
                )
            )
    return sorted(out, key=lambda m: m.start)


def _title(name: str) -> str:
    """A name written in capitals as names are written: "ІВАНО-ФРАНКІВСЬК" -> "Івано-Франківськ"."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), name)


def _sentence_start(sentence: str, a: int) -> bool:
    return not re.search(r"[\w]", sentence[:a])


#: Prepositions and conjunctions: a capitalised one before a name starts the sentence.
_FUNCTION_WORDS = frozenset(
    "у в во на по над під до з із зі біля поблизу та і й а але або що як від за при "
    "из с со под около возле и но или что как от к при о об про через між между".split()
)


def _is_name_part(sentence: str, a: int, b: int, regions: Iterable[tuple[int, int]] = ()) -> bool:
    """A name glued to another capitalised word, or after a title, is a person's."""
    before = sentence[max(0, a - 40) : a]
    if _TITLE.search(before):
        return True
    prev = _PREV_WORD.search(before)
    if prev is not None:
        word = prev.group(1)
        if (
            word[0].isupper()
            and word.lower() not in _FUNCTION_WORDS
            and not _CUE.search(word + " ")
            and not word.endswith(".")
            and (
                not _sentence_start(sentence, prev.start(1) + max(0, a - 40))
                or word.lower() in GIVEN_NAMES  # "Іван Федоров розповів"
            )
        ):
            return True
        if re.fullmatch(r"[А-ЯІЇЄҐЁ]\.", word):  # an initial: "О. Синєгубов"
            return True
    nxt = _NEXT_WORD.match(sentence, b)
    return (
        nxt is not None
        and nxt.group(1)[0].isupper()
        and not any(
            x <= nxt.start(1) < y for x, y in regions
        )  # "Олександрівки Херсонської області"
        and not _ACRONYM.match(nxt.group(1))  # "Харків КАБами", "Суми ЗСУ"
        and not _REGION_NEXT.match(nxt.group(1))
    )


def toponym_mentions(
    sentence: str,
    matcher: PlaceMatcher,
    gz: Gazetteer | None = None,
    *,
    exclude: Iterable[tuple[int, int]] = (),
) -> list[Mention]:
    """Settlement names of ``sentence`` that pass the filters (see module doc)."""
    excluded = list(exclude)
    known = _known(matcher)
    out = [
        Mention(text, a, b, "toponym", key, "near", "напрямок", None, None, sentence[a:b])
        for a, b, text, key in direction_towns(sentence, known)
        if not any(x < b and a < y for x, y in excluded)
    ]
    regions = list(excluded)
    excluded += [(m.start, m.end) for m in out]
    rank = (lambda key: _key_info(gz, key)[:5]) if gz is not None else None
    for a, b, text, key in find_names(sentence, known, rank):
        if any(x < b and a < y for x, y in excluded):
            continue
        written = sentence[a:b]
        capitals = written.isupper() and sum(ch.isalpha() for ch in written) >= MIN_CAPITALS
        if not capitals and any(_ACRONYM.fullmatch(w) for w in re.findall(r"[\w'’ʼ]+", written)):
            continue  # ЗСУ, ППО; a name in capitals ("ХАРКІВ:") is read as a first word
        if capitals:
            text = _title(text)
        if _STREET_BEFORE.search(sentence, max(0, a - 40), a):  # "микрорайон Текстильщик"
            continue
        if (
            _ADJECTIVE_END.search(written)
            and _ADJECTIVE_LEMMA.search(text)
            and (
                _NOUN_AFTER.match(sentence, b)
                or _LOWER_ADJECTIVE_AFTER.match(sentence, b)  # "Полтавського військового інституту"
                or (_NOMINATIVE_ADJECTIVE.search(written) and _LOWER_AFTER.match(sentence, b))
            )
        ):
            continue  # an adjective of a noun: "Черноморского флота", "Рязанский завод"
        cued = _CUE.search(sentence, max(0, a - 30), a) is not None
        if not cued:
            low = (text.lower(), written.lower())
            if any(w in COMMON_WORDS or w in GIVEN_NAMES for w in low):
                continue
            if capitals or _sentence_start(sentence, a):
                _, _, pop, _, _, cc, _ = _key_info(gz, key)
                if pop < MIN_FIRST_POPULATION or cc not in _FIRST_WORD_COUNTRIES:
                    continue
            if (
                not capitals
                and not _sentence_start(sentence, a)
                and _is_name_part(sentence, a, b, regions)
            ):
                continue
        rel, cue, direction = relation(sentence, a, b)
        key = _key_info(gz, key)[6] or key  # the main name's key: a bare "Київ" is the city
        acts = key in CAPITAL_KEYS and GOVERNMENT_ACTS.match(sentence, b)
        if acts:  # "Ночью Киев попытался атаковать Москву": Kyiv's government
            rel, cue, direction = "aside", " ".join(acts.group(0).split()), None
        out.append(Mention(text, a, b, "toponym", key, rel, cue, direction, None, written))
    return sorted(out, key=lambda m: m.start)


#: Landmarks that stand for a town: ``(pattern, town, key, only when struck)``. The
#: Kremlin is Moscow when it is struck ("атакувати Кремль", "над Кремлем"), else a speaker;
#: the Crimean bridge is by Kerch.
LANDMARKS: tuple[tuple[re.Pattern[str], str, str, bool], ...] = (
    (re.compile(r"(?<![\w])Кремл(?:ь|я|ю|ем|ём|і|е)(?![\w])"), "Москва", "moscow", True),
    (
        re.compile(
            r"(?<![\w])(?:Кримськ(?:ий|ого|ому|им|ім)\s+міст(?:а|у|і|ом)?"
            r"|Крымск(?:ий|ого|ому|им|ом)\s+мост(?:а|у|е|ом)?)(?![\w])"
        ),
        "Керч",
        "kerch",
        False,
    ),
)
_STRUCK_BEFORE = re.compile(
    r"(?:атак\w*|удар\w*|обстр\w*|бомб\w*|штурм\w*|(?<![\w])(?:по|над|на|в|у))\s+$", re.IGNORECASE
)
_SPEAKS_AFTER = re.compile(r"\s+(?:заяв|повідом|сообщ|назва|ответ|відпов|вважа|счита)")


def landmark_mentions(sentence: str, exclude: Iterable[tuple[int, int]] = ()) -> list[Mention]:
    """Landmarks that stand for their town (:data:`LANDMARKS`) as mentions of the town.

    >>> [(m.text, m.written) for m in landmark_mentions("Дрони атакували Кремль уночі.")]
    [('Москва', 'Кремль')]
    >>> landmark_mentions("У Кремлі заявили, що удар був терактом.")
    []
    >>> [(m.text, m.relation) for m in landmark_mentions("Взрыв на Крымском мосту.")]
    [('Керч', 'at')]
    """
    spans = list(exclude)
    out = [  # "у столиці" in Ukrainian is Kyiv
        Mention("Київ", a, b, "toponym", "kyiv", *relation(sentence, a, b), None, sentence[a:b])
        for a, b in capital_spans(sentence)
        if not any(x < b and a < y for x, y in spans)
    ]
    for rx, town, key, struck in LANDMARKS:
        for m in rx.finditer(sentence):
            a, b = m.span()
            if any(x < b and a < y for x, y in spans):
                continue
            rel, cue, direction = relation(sentence, a, b)
            if struck and (
                rel != "at"
                or not _STRUCK_BEFORE.search(sentence, max(0, a - 30), a)
                or _SPEAKS_AFTER.match(sentence, b)
            ):
                continue
            out.append(Mention(town, a, b, "toponym", key, rel, cue, direction, None, m.group()))
    return out


def find_mentions(
    sentence: str,
    gz: Gazetteer,
    *,
    exclude: Iterable[tuple[int, int]] = (),
    matcher: Any = None,
) -> list[Mention]:
    """All place mentions of a Ukrainian or Russian sentence, sorted by position.

    Region phrases win over the names inside them ("Харківської області" is the oblast).
    """
    matcher = matcher or matcher_for(gz)
    marks = landmark_mentions(sentence, exclude)  # "Крымском мосту" is Kerch, not Crimea
    taken = list(exclude) + [(m.start, m.end) for m in marks]
    regions = [
        r
        for r in region_mentions(sentence, gz, matcher)
        if not any(x < r.end and r.start < y for x, y in taken)
    ]
    # every region phrase, resolved or not ("в Морозовському районі"), holds no town name
    excluded = taken + [(r.start, r.end) for r in regions]
    excluded += [(a, b) for a, b, _, _ in region_words(sentence)]
    tops = toponym_mentions(sentence, matcher, gz, exclude=excluded)
    tops += marks
    return _regions_follow(sentence, sorted([*regions, *tops], key=lambda m: m.start))


#: Words between a settlement and the region phrase that says where it lies.
_IN_REGION_GAP = re.compile(r"\s*[,(]?\s*(?:(?:у|в|на)\s+)?")
#: Words between two items of a list: "з Бєлгорода та Курська", "біля Бахмута, Часового Яру".
_LIST_GAP = re.compile(r"\s*(?:,\s*)?(?:(?:та|і|й|и|або|чи)\s+)?")


def _regions_follow(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """A region that says where an origin or aside place lies shares its relation:
    "з Бєлгорода Бєлгородської області" is an origin twice; and a list item with no cue
    of its own shares the relation of the item before ("біля Бахмута та Часового Яру")."""
    out = list(mentions)
    for i in range(1, len(out)):
        prev, m = out[i - 1], out[i]
        if (
            not m.cue
            and prev.relation != "at"
            and m.start > prev.end
            and _LIST_GAP.fullmatch(sentence, prev.end, m.start)
        ):
            out[i] = replace(m, relation=prev.relation, cue=prev.cue, direction=prev.direction)
        elif (
            m.kind == "region"
            and prev.relation in ("origin", "aside")
            and m.relation != prev.relation
            and _IN_REGION_GAP.fullmatch(sentence, prev.end, m.start)
        ):
            out[i] = replace(m, relation=prev.relation, cue=prev.cue)
    return out


# -- article context -----------------------------------------------------------

#: Countries named in Cyrillic (the stem of each case).
_COUNTRIES = (
    (re.compile(r"(?<![\w])(?:Україн[аиіуою]\w*|Украин[аыеуой]\w*)"), "UA"),
    (re.compile(r"(?<![\w])(?:Росі[яїюєй]\w*|Росси[яиюей]\w*|РФ)(?![\w])"), "RU"),
    (re.compile(r"(?<![\w])(?:Білорус\w*|Беларус\w*|Белорусси\w*)"), "BY"),
    (re.compile(r"(?<![\w])(?:Молдов\w*|Молдавi\w*)"), "MD"),
    (re.compile(r"(?<![\w])(?:Польщ\w*|Польш\w*)"), "PL"),
    (re.compile(r"(?<![\w])(?:Румуні\w*|Румыни\w*)"), "RO"),
)


def article_context(
    gz: Gazetteer, text: str
) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    """Regions ``(country, admin1)`` and countries named in Cyrillic ``text`` (declined
    forms included), in order of first mention: as
    :func:`geoevents.extract.mentions.article_context` for English."""
    regions: dict[tuple[str, str], None] = {}
    for m in region_mentions(text, gz):
        if m.kind == "region" and m.region is not None and m.region.admin1_code:
            regions[(m.region.country_code, m.region.admin1_code)] = None
    found = []
    for rx, cc in _COUNTRIES:
        hit = rx.search(text)
        if hit is not None:
            found.append((hit.start(), cc))
    countries = tuple(dict.fromkeys(cc for _, cc in sorted(found)))
    return tuple(regions), countries
