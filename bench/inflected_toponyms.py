"""Declined Ukrainian and Russian place names: pymorphy3 against declension rules.

Three ways to read a declined name ("у Харкові", "в Белгороде") back to the gazetteer:

``pymorphy``
    pymorphy3 with its Ukrainian and Russian dictionaries: the normal forms of every
    parse of each word (in pymorphy's order), the first combination that is a key of the
    place matcher's automaton;
``pymorphy-first``
    the same with the first parse only (what a plain ``parse(w)[0].normal_form`` gives);
``rules``
    :func:`gazetteer.inflect.lemmas` (the declension rules run backward), the candidates
    ranked by the gazetteer (:mod:`geoevents.extract.uk_ru.toponyms`): what
    :mod:`geoevents.extract.uk_ru.mentions` uses;
``table``
    the rules run forward (:func:`gazetteer.inflect.forms`) over every Cyrillic name the
    index stores, into one dict from form key to nominative: built at load.

For each: accuracy on :data:`FORMS` (the resolved place is the expected one; the
article context is the driver's default, focus UA and RU), false positives on
:data:`PLAIN` (sentences with no place name: candidate words of capitalised tokens that
the gazetteer knows, before the mention filters; and the mentions
:func:`~geoevents.extract.uk_ru.mentions.find_mentions` keeps), time per sentence,
memory and build time.

Usage: ``GEOEVENTS_CACHE_DIR=... .venv/bin/python bench/inflected_toponyms.py [-v] [--no-table]``
(``-v`` lists the wrong answers; the table takes minutes to build).
"""

from __future__ import annotations

import importlib.util
import itertools
import os
import re
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: ``form|expected place (the gazetteer's name)``, Ukrainian then Russian, every case.
FORMS = """
Харкова Харкову Харкові Харковом|Kharkiv
Києва Києву Києві Києвом|Kyiv
Одеси Одесі Одесу Одесою|Odesa
Дніпра Дніпру Дніпрі Дніпром|Dnipro
Запоріжжя Запоріжжю Запоріжжі Запоріжжям|Zaporizhzhya
Макіївки Макіївці Макіївку Макіївкою|Makiyivka
Краматорська Краматорську Краматорськом|Kramatorsk
Покровська Покровську Покровськом|Pokrovsk
Кривого_Рогу Кривому_Розі Кривим_Рогом|Kryvyy Rih
Великої_Новосілки Великій_Новосілці Велику_Новосілку Великою_Новосілкою|Velyka Novosilka
Бєлгорода Бєлгороду Бєлгороді Бєлгородом|Belgorod
Москви Москві Москву Москвою|Moscow
Сум Сумах Сумам Сумами|Sumy
Херсона Херсону Херсоні Херсоном|Kherson
Миколаєва Миколаєву Миколаєві Миколаєвом|Mykolayiv
Львова Львові Львовом|Lviv
Полтави Полтаві Полтаву Полтавою|Poltava
Чернігова Чернігові Черніговом|Chernihiv
Слов'янська Слов'янську|Slov'yans'k
Костянтинівки Костянтинівці Костянтинівку|Kostyantynivka
Торецька Торецьку|Toretsk
Ізюма Ізюмі Ізюмом|Izyum
Куп'янська Куп'янську|Kupiansk
Нікополя Нікополю Нікополі Нікополем|Nikopol
Павлограда Павлограді|Pavlohrad
Мелітополя Мелітополі|Melitopol
Бердянська Бердянську|Berdyans'k
Маріуполя Маріуполі|Mariupol
Донецька Донецьку|Donetsk
Луганська Луганську|Luhansk
Курська Курську|Kursk
Брянська Брянську|Bryansk
Вінниці Вінницю Вінницею|Vinnytsya
Черкас Черкасах|Cherkasy
Житомира Житомирі|Zhytomyr
Кременчука Кременчуці|Kremenchuk
Ірпеня Ірпені|Irpin
Бахмута Бахмуті|Bakhmut
Авдіївки Авдіївці|Avdiivka
Вугледара Вугледарі|Vuhledar
Гуляйполя Гуляйполі|Hulyaypole
Єнакієвого Єнакієвому|Yenakiyeve
Шостці Шостку|Shostka
Конотопа Конотопі|Konotop
Липців Липцях|Lyptsi
Вовчанська Вовчанську|Vovchansk
Чугуєва Чугуєві|Chuhuyiv
Нової_Каховки Новій_Каховці|Nova Kakhovka
Білої_Церкви Білій_Церкві|Bila Tserkva
Кропивницького Кропивницькому|Kropyvnytskyi
Хмельницького Хмельницькому|Khmelnytskyi
Старокостянтинова Старокостянтинові|Starokostyantyniv
Белгорода Белгороду Белгородом Белгороде|Belgorod
Москвы Москве Москвой|Moscow
Курска Курске Курском|Kursk
Брянска Брянске|Bryansk
Харькова Харькову Харьковом Харькове|Kharkiv
Киева Киеве Киевом|Kyiv
Одессы Одессе Одессу Одессой|Odesa
Днепра Днепре|Dnipro
Запорожья Запорожью Запорожьем|Zaporizhzhya
Макеевки Макеевке Макеевку Макеевкой|Makiyivka
Покровска Покровске|Pokrovsk
Краматорска Краматорске|Kramatorsk
Кривого_Рога Кривом_Роге Кривому_Рогу|Kryvyy Rih
Донецка Донецке|Donetsk
Луганска Луганске|Luhansk
Севастополя Севастополе|Sevastopol
Симферополя Симферополе|Simferopol
Воронеже Воронежа|Voronezh
Таганроге Таганрога|Taganrog
Новороссийске|Novorossiysk
Энгельсе Энгельса|Engels
Херсоне|Kherson
Николаеве Николаева|Mykolayiv
Горловке Горловку|Horlivka
Рыльске|Ryl'sk
Судже Суджи|Sudzha
Великой_Новоселке|Velyka Novosilka
Сумах Сум|Sumy
Смоленске|Smolensk
Липецке|Lipetsk
Саратове|Saratov
Казани|Kazan
"""

#: Sentences with no place name (capitalised words of other kinds: people, units,
#: weapons, the first word), Ukrainian then Russian.
PLAIN = """
Сили протиповітряної оборони збили вночі 37 ударних дронів.
Повітряні сили повідомили про загрозу балістичних ракет.
Ворог знову атакував енергетичну інфраструктуру.
Мир неможливий без справедливості, заявив президент.
Слава захисникам, які тримають оборону.
Перемога залежить від постачання зброї, сказав міністр.
Генеральний штаб ЗСУ оновив дані про втрати противника.
Світло повернули після аварійних відключень.
Дружба народів лишилася гаслом минулого.
Олег Синєгубов повідомив про двох поранених.
Вадим Філашкін закликав мешканців евакуюватися.
Іван Федоров розповів про наслідки атаки.
Рятувальники ДСНС ліквідували пожежу за дві години.
Уламки шахеда пошкодили дах приватного будинку.
Іскандер влучив у склад, повідомили військові.
Лікарі борються за життя постраждалої жінки.
Тривога тривала понад три години.
Поліція відкрила кримінальне провадження за статтею про воєнні злочини.
Енергетики відновили живлення для більшості споживачів.
Сергій Лисак повідомив, що загиблих немає.
Вночі ворог випустив 40 ракет різних типів.
Комунальники прибирають уламки скла.
Олександр Прокудін закликав не ігнорувати сигнали тривоги.
Гроза і сильний вітер ускладнили роботу рятувальників.
Дитина отримала осколкові поранення.
Травень видався особливо напруженим.
Кабінет міністрів виділив кошти на відновлення.
Ракета Х-101 була збита мобільною вогневою групою.
Зранку тривала атака ударних безпілотників.
Служба безпеки затримала коригувальника.
Сирени лунали в більшості областей.
Червоний хрест доставив гуманітарну допомогу.
Нова хвиля атак почалася опівночі.
Губернатор Вячеслав Гладков сообщил о двух погибших.
Министерство обороны заявило об уничтожении беспилотников.
Средства противовоздушной обороны сбили 20 дронов.
Мир и порядок восстановлены, заявил глава администрации.
Слава богу, обошлось без жертв.
Алексей Смирнов поручил проверить укрытия.
Александр Богомаз сообщил о попадании в склад.
Ночью противник выпустил крылатые ракеты.
Пожар на складе потушили к утру.
Аварийные службы работают на месте.
Взрывы прогремели около полуночи.
Сирены звучали почти час.
Победа достигается упорным трудом, сказал генерал.
Дружба между странами не помешала санкциям.
Искандер поразил пункт управления, утверждает ведомство.
Спасатели извлекли из-под завалов двух человек.
Роман Старовойт провел совещание с главами районов.
Врачи оказали помощь пострадавшим.
Тревога объявлена повторно.
Полиция оцепила место происшествия.
Красный крест передал медикаменты.
Новая атака началась после полуночи.
Утро началось с воздушной тревоги.
"""


def _cases() -> list[tuple[str, str]]:
    out = []
    for line in FORMS.strip().splitlines():
        forms, expected = line.split("|")
        out.extend((f.replace("_", " "), expected) for f in forms.split())
    return out


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _pymorphy(first_only: bool) -> tuple[Callable[[str], list[str]], float, float]:
    import pymorphy3

    tracemalloc.start()
    t = time.perf_counter()
    analysers = [pymorphy3.MorphAnalyzer(lang="uk"), pymorphy3.MorphAnalyzer(lang="ru")]
    built = time.perf_counter() - t
    mem = tracemalloc.get_traced_memory()[0] / 2**20
    tracemalloc.stop()

    def normals(word: str) -> list[str]:
        out = [word.lower()]
        for an in analysers:
            parses = an.parse(word)
            for p in parses[:1] if first_only else parses:
                if p.normal_form not in out:
                    out.append(p.normal_form)
        return out

    return normals, built, mem


def _table(gz) -> tuple[dict[str, str], float, float]:
    from gazetteer.inflect import forms
    from gazetteer.normalize import normalize

    tracemalloc.start()
    t = time.perf_counter()
    names = {
        r[0]
        for r in gz.index._con.execute("SELECT DISTINCT name FROM names")
        if re.search("[\u0400-\u04ff]", r[0])
    }
    table: dict[str, str] = {}
    for name in names:
        words = name.split()
        variants = [sorted(forms(w)) for w in words]
        for combo in itertools.islice(itertools.product(*variants), 200):
            table.setdefault(normalize(" ".join(combo)), normalize(name))
    built = time.perf_counter() - t
    mem = tracemalloc.get_traced_memory()[0] / 2**20
    tracemalloc.stop()
    return table, built, mem


def _mentions_stage(gz, matcher, cases, plain, resolve, same) -> None:  # noqa: ANN001
    """The whole stage, alone in the process so far: find_mentions over carrier sentences."""
    from geoevents.extract.uk_ru import mentions as um

    rss0 = _rss_mb()
    carriers = [f"Удар по {form} вранці." for form, _ in cases]
    t = time.perf_counter()
    got = [um.find_mentions(s, gz, matcher=matcher) for s in carriers]
    cold = (time.perf_counter() - t) / len(carriers) * 1e3
    t = time.perf_counter()  # again: the words' readings and the keys' ranks are cached
    got = [um.find_mentions(s, gz, matcher=matcher) for s in carriers]
    per = (time.perf_counter() - t) / len(carriers) * 1e3
    hit = sum(
        1
        for ms, (form, expected) in zip(got, cases, strict=True)
        if ms and (p := resolve(ms[0].text)) is not None and same(p, expected)
    )
    t = time.perf_counter()
    fps = [(s, m.written) for s in plain for m in um.find_mentions(s, gz, matcher=matcher)]
    per_plain = (time.perf_counter() - t) / len(plain) * 1e3
    print(
        f"find_mentions: {hit}/{len(cases)} right ({hit / len(cases):.3f}), {cold:.2f} ms/sentence"
        f" cold, {per:.2f} warm;"
        f" false positives on plain sentences: {len(fps)} ({per_plain:.2f} ms/sentence)"
    )
    for s, w in fps:
        print(f"   FP {w!r} in {s!r}")
    print(
        f"RSS after the matcher and the rules stage: {_rss_mb():.0f} MB (before the stage: {rss0:.0f} MB)\n"
    )


_CASES = ("gent", "datv", "accs", "ablt", "loct")
_PLAIN_NAME = re.compile(r"[А-ЯІЇЄҐЁ][а-яіїєґё'’]+")


def _heldout_forms(gz, per_lang: int) -> list[tuple[str, str]]:  # noqa: ANN001
    """Declined forms pymorphy3 makes of names of the index it knows from its dictionaries
    (not guessed): Russian names tagged geographic, Ukrainian nouns (its Ukrainian
    dictionary tags few places). A held-out set: the rules were not written from it."""
    import random

    import pymorphy3

    analysers = {"uk": pymorphy3.MorphAnalyzer(lang="uk"), "ru": pymorphy3.MorphAnalyzer(lang="ru")}
    rows = gz.index._con.execute(
        "SELECT DISTINCT n.name, p.cc FROM names n JOIN places p ON p.id = n.place_id "
        "WHERE p.kind = 'settlement' AND p.cc IN ('UA', 'RU') "
        "AND (p.population >= 1000 OR p.cc = 'UA') ORDER BY n.name"
    ).fetchall()
    names = [(n, cc) for n, cc in rows if _PLAIN_NAME.fullmatch(n)]
    random.Random(1).shuffle(names)
    out: dict[str, list[tuple[str, str]]] = {"uk": [], "ru": []}
    for name, cc in names:
        lang = (
            "ru"
            if re.search("[ыэъё]", name) or (cc == "RU" and not re.search("[іїєґ]", name))
            else "uk"
        )
        if len(out[lang]) >= per_lang:
            continue
        for p in analysers[lang].parse(name):
            if (
                p.normal_form == name.lower()
                and {"NOUN", "nomn"} <= set(p.tag.grammemes)
                and type(p.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"
                and ("Geox" in p.tag or lang == "uk")
            ):
                for case in _CASES:
                    f = p.inflect({case})
                    if f is not None and f.word != name.lower():
                        out[lang].append((f.word[0].upper() + f.word[1:], name))
                break
        if all(len(v) >= per_lang for v in out.values()):
            break
    return out["uk"] + out["ru"]


def _heldout(gz, known, rank) -> None:  # noqa: ANN001
    from geoevents.extract.uk_ru.toponyms import find_names

    cases = _heldout_forms(gz, 450)
    ok = none = 0
    for form, name in cases:
        hits = list(find_names(form, known, rank))
        if not hits or hits[0][1] - hits[0][0] != len(form):
            none += 1
            continue
        want = gz.resolve(name, None, limit=1)
        got = gz.resolve(hits[0][2], None, limit=1)
        ok += bool(want and got and want[0].place.place_id == got[0].place.place_id)
    print(
        f"held out (pymorphy3 declines {len(cases)} names of the index it knows): rules right"
        f" {ok}/{len(cases)} ({ok / len(cases):.3f}), unread {none}"
    )


def _score(name, fn, setup, cases, plain, resolve, same) -> None:  # noqa: ANN001
    """One method's line: right, wrong and unresolved forms, false candidates, time."""
    from geoevents.extract.uk_ru.toponyms import WORD

    right = wrong = none = 0
    t = time.perf_counter()
    found = [fn(form) for form, _ in cases]
    per = (time.perf_counter() - t) / len(cases) * 1e6
    for (form, expected), got in zip(cases, found, strict=True):
        place = resolve(got)
        if place is None:
            none += 1
        elif same(place, expected):
            right += 1
        else:
            wrong += 1
            if "-v" in sys.argv:
                print(
                    f"   {name}: {form} -> {got} -> {place.name}, {place.admin1} (want {expected})"
                )
    fp = 0
    for s in plain:
        for w in WORD.finditer(s):
            if w.group(0)[0].isupper() and len(w.group(0)) > 1 and fn(w.group(0)):
                fp += 1
    b, m = setup
    print(
        f"{name:16}{right:7}{wrong:7}{none:7}{right / len(cases):7.3f}{fp:9}{per:9.1f}{b:9.2f}{m:7.1f}"
    )


def main() -> None:
    from gazetteer import Context, Gazetteer
    from geoevents.extract.matcher import matcher_for
    from geoevents.extract.uk_ru import mentions as um
    from geoevents.extract.uk_ru.toponyms import find_names

    gz = Gazetteer.open()
    matcher = matcher_for(gz)
    known = um._known(matcher)
    rank = lambda key: um._key_info(gz, key)[:5]  # noqa: E731
    ctx = Context(country_focus=("UA", "RU"))
    cases = _cases()
    places = {e for _, e in cases}
    plain = [s for s in PLAIN.strip().splitlines() if s]
    print(f"load {os.uname().nodename}: {os.getloadavg()[0]:.2f}; index {gz.info().get('path')}")
    print(f"{len(cases)} forms of {len(places)} places; {len(plain)} sentences without places\n")

    def resolve(key_or_name: str | None):  # noqa: ANN202
        if not key_or_name:
            return None
        cands = gz.resolve(key_or_name, ctx, limit=1)
        return cands[0].place if cands else None

    want = {e: resolve(e) for e in places}

    def same(place, expected: str) -> bool:  # noqa: ANN001
        """The expected place, or a record of it within 15 km (GeoNames and KATOTTG)."""
        w = want[expected]
        return w is not None and abs(place.lat - w.lat) < 0.14 and abs(place.lon - w.lon) < 0.2

    def by_rules(form: str) -> str | None:
        hits = list(find_names(form, known, rank))
        return hits[0][2] if hits and hits[0][1] - hits[0][0] == len(form) else None

    methods: dict[str, Callable[[str], str | None]] = {"rules": by_rules}
    setup: dict[str, tuple[float, float]] = {"rules": (0.0, 0.0)}
    _mentions_stage(gz, matcher, cases, plain, resolve, same)
    morph = importlib.util.find_spec("pymorphy3") is not None  # a comparison, not a dependency
    if not morph:
        print("pymorphy3 (and pymorphy3-dicts-uk, -ru) is not installed: its rows are left out")
    for name, first in (("pymorphy", False), ("pymorphy-first", True)) if morph else ():
        normals, built, mem = _pymorphy(first)
        setup[name] = (built, mem)

        def by_morph(form: str, normals=normals) -> str | None:
            options = [normals(w) for w in form.split()]
            for combo in itertools.islice(itertools.product(*options), 400):
                key = " ".join(um.normalize(c) for c in combo)
                if known(key):
                    return key
            return None

        methods[name] = by_morph
    table: dict[str, str] = {}
    if "--no-table" not in sys.argv:
        table, built, mem = _table(gz)
        setup["table"] = (built, mem)
        methods["table"] = lambda form: table.get(um.normalize(form))

    print(
        f"{'method':16}{'right':>7}{'wrong':>7}{'none':>7}{'acc':>7}{'FP cand':>9}{'us/form':>9}{'build s':>9}{'MB':>7}"
    )
    for name, fn in methods.items():
        _score(name, fn, setup[name], cases, plain, resolve, same)
    if morph:  # the held-out forms are the ones pymorphy3 declines
        _heldout(gz, known, rank)
    print(f"\ntable entries: {len(table):,}")

    print(f"max RSS {_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
