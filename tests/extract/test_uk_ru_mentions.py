"""Place mentions of Ukrainian and Russian sentences on the real gazetteer (issue 15, point 2):
declined names in every case, colloquial oblast names, relations, false positives."""

from __future__ import annotations

import pytest

from gazetteer import Context
from geoevents.extract.locate import resolve_mention
from geoevents.extract.uk_ru.mentions import article_context, find_mentions


def _places(sentence: str, gz, context: Context | None = None) -> list[tuple[str, str, str]]:  # noqa: ANN001
    """(written, nominative, resolved place "name, admin1") of each mention."""
    ctx = context or Context(country_focus=("UA", "RU"))
    out = []
    for m in find_mentions(sentence, gz):
        r = resolve_mention(m, gz, ctx)
        out.append((m.written, m.text, f"{r.place.name}, {r.place.admin1}" if r.place else ""))
    return out


#: (sentence, written form, nominative, the place's admin1): every case, both languages.
DECLINED = [
    # Ukrainian: nominative, genitive, dative, accusative, instrumental, locative
    ("Вибухи пролунали у Харкові вночі.", "Харкові", "Харків", "Kharkiv Oblast"),
    ("Ворог ударив по Харкову ракетами.", "Харкову", "Харків", "Kharkiv Oblast"),
    ("Евакуація з Харкова триває.", "Харкова", "Харків", "Kharkiv Oblast"),
    ("Над Харковом збили шахед.", "Харковом", "Харків", "Kharkiv Oblast"),
    ("Окупанти обстріляли Харків із РСЗВ.", "Харків", "Харків", "Kharkiv Oblast"),
    ("Удар по Макіївці зранку.", "Макіївці", "Макіївка", "Donetsk Oblast"),
    ("Вибухи навколо Макіївки.", "Макіївки", "Макіївка", "Donetsk Oblast"),
    ("Дрони атакували Макіївку вночі.", "Макіївку", "Макіївка", "Donetsk Oblast"),
    ("Під Макіївкою горить склад.", "Макіївкою", "Макіївка", "Donetsk Oblast"),
    ("Тривога у Бєлгороді тривала годину.", "Бєлгороді", "Бєлгород", "Belgorod Oblast"),
    ("У Краматорську пошкоджено школу.", "Краматорську", "Краматорськ", "Donetsk Oblast"),
    ("Удар по Краматорську з КАБів.", "Краматорську", "Краматорськ", "Donetsk Oblast"),
    ("Уламки впали в Одесі біля порту.", "Одесі", "Одеса", "Odesa Oblast"),
    ("Атака на Одесу тривала дві години.", "Одесу", "Одеса", "Odesa Oblast"),
    ("Ворог вдарив по Запоріжжю.", "Запоріжжю", "Запоріжжя", "Zaporizhzhia Oblast"),
    ("У Запоріжжі пролунали вибухи.", "Запоріжжі", "Запоріжжя", "Zaporizhzhia Oblast"),
    ("Ракети летять до Дніпра.", "Дніпра", "Дніпро", "Dnipropetrovsk Oblast"),
    ("Над Дніпром збито ракету.", "Дніпром", "Дніпро", "Dnipropetrovsk Oblast"),
    ("У Кривому Розі пошкоджено будинок.", "Кривому Розі", "Кривий Ріг", "Dnipropetrovsk Oblast"),
    ("Удар по Кривому Рогу вночі.", "Кривому Рогу", "Кривий Ріг", "Dnipropetrovsk Oblast"),
    ("У Великій Новосілці триває бій.", "Великій Новосілці", "Велика Новосілка", "Donetsk Oblast"),
    ("Обстріл Новомосковська вранці.", "Новомосковська", "Новомосковськ", ""),
    ("Удар по Орлово-Іванівці вранці.", "Орлово-Іванівці", "Орлово-Іванівка", "Donetsk Oblast"),
    ("У Києві чути вибухи.", "Києві", "Київ", "Kyiv"),
    ("У Сумах немає світла.", "Сумах", "Суми", "Sumy Oblast"),
    ("Вибух у Миколаєві стався о 5:00.", "Миколаєві", "Миколаїв", "Mykolaiv Oblast"),
    ("В Ірпені пошкоджено склад.", "Ірпені", "Ірпінь", "Kyiv Oblast"),
    ("В Кременчуці горить НПЗ.", "Кременчуці", "Кременчук", "Poltava Oblast"),
    # Russian: the same cases
    ("В Белгороде прогремели взрывы.", "Белгороде", "Белгород", "Belgorod Oblast"),
    ("Обстрел Белгорода продолжался час.", "Белгорода", "Белгород", "Belgorod Oblast"),
    ("Над Белгородом сбит беспилотник.", "Белгородом", "Белгород", "Belgorod Oblast"),
    ("Беспилотники летели на Москву.", "Москву", "Москва", "Moskva"),
    ("В Москве объявлена тревога.", "Москве", "Москва", "Moskva"),
    ("В Покровске прогремели взрывы.", "Покровске", "Покровск", "Donetsk Oblast"),
    ("В Одессе слышны взрывы.", "Одессе", "", "Odesa Oblast"),
    ("В Кривом Роге повреждены дома.", "Кривом Роге", "Кривой Рог", "Dnipropetrovsk Oblast"),
    ("В Макеевке повреждена подстанция.", "Макеевке", "Макеевка", "Donetsk Oblast"),
    ("Удар по Запорожью нанесен ночью.", "Запорожью", "Запорожье", "Zaporizhzhia Oblast"),
    ("В Харькове снова взрывы.", "Харькове", "Харьков", "Kharkiv Oblast"),
    ("В Курске сбит беспилотник.", "Курске", "Курск", "Kursk Oblast"),
    ("В Брянске повреждено здание.", "Брянске", "Брянск", "Bryansk Oblast"),
    ("В Севастополе отражена атака.", "Севастополе", "Севастополь", ""),
    ("В Судже идут бои, сообщают военные.", "Судже", "Суджа", "Kursk Oblast"),
]


@pytest.mark.parametrize(("sentence", "written", "text", "admin1"), DECLINED)
def test_declined_names_in_every_case(
    sentence: str, written: str, text: str, admin1: str, gazetteer
) -> None:  # noqa: ANN001
    found = _places(sentence, gazetteer)
    assert len(found) == 1, found
    got_written, got_text, place = found[0]
    assert got_written == written
    if text:
        assert got_text == text
    assert place, f"{written} did not resolve"
    if admin1:
        assert place.endswith(admin1), place


#: (sentence, written phrase, the oblast's admin1)
REGIONS = [
    (
        "Ворог обстріляв населені пункти Харківської області.",
        "Харківської області",
        "Kharkiv Oblast",
    ),
    ("У Харківській області загинули двоє.", "Харківській області", "Kharkiv Oblast"),
    ("Харківська область під обстрілом.", "Харківська область", "Kharkiv Oblast"),
    ("В Белгородской области объявлена тревога.", "Белгородской области", "Belgorod Oblast"),
    ("Над Бєлгородською областю збито дрони.", "Бєлгородською областю", "Belgorod Oblast"),
    ("На Харківщині пошкоджено підстанцію.", "Харківщині", "Kharkiv Oblast"),
    ("Обстріли Донеччини не вщухають.", "Донеччини", "Donetsk Oblast"),
    ("Бєлгородщина знову під атакою.", "Бєлгородщина", "Belgorod Oblast"),
    ("Губернатор повідомив про атаку на Курщину.", "Курщину", "Kursk Oblast"),
    ("На Запоріжжі тривають обстріли.", "Запоріжжі", "Zaporizhzhia Oblast"),
    ("На Київщині працює ППО.", "Київщині", "Kyiv Oblast"),
    ("На Сумщині загинула жінка.", "Сумщині", "Sumy Oblast"),
    ("На Одещині пошкоджено порт.", "Одещині", "Odesa Oblast"),
    ("Ворог обстрілює Херсонщину.", "Херсонщину", "Kherson Oblast"),
    ("На Дніпропетровщині збито ракету.", "Дніпропетровщині", "Dnipropetrovsk Oblast"),
    ("Бої на Донбасі тривають.", "Донбасі", "Donetsk Oblast"),
    ("Бои в Донбассе продолжаются.", "Донбассе", "Donetsk Oblast"),
    ("Дрони атакували аеродром у Криму.", "Криму", "Autonomous Republic of Crimea"),
    ("Ракеты запущены из Крыма.", "Крыма", "Autonomous Republic of Crimea"),
]


@pytest.mark.parametrize(("sentence", "written", "admin1"), REGIONS)
def test_oblast_phrases_and_colloquial_names(
    sentence: str, written: str, admin1: str, gazetteer
) -> None:  # noqa: ANN001
    found = [m for m in find_mentions(sentence, gazetteer) if m.kind == "region"]
    assert [m.written for m in found] == [written]
    assert found[0].region is not None and found[0].region.admin1 == admin1


def test_a_first_word_is_a_place_only_when_a_town_is_big(gazetteer) -> None:  # noqa: ANN001
    """A sentence's first word is capitalised anyway: a small namesake is no place there."""
    assert [m.text for m in find_mentions("Херсон знову під обстрілом.", gazetteer)] == ["Херсон"]
    assert find_mentions("Судже угрожает окружение.", gazetteer) == []
    assert [m.text for m in find_mentions("Бои у Суджи.", gazetteer)] == ["Суджа"]


def test_names_in_capitals(gazetteer) -> None:  # noqa: ANN001
    """Telegram headers write names in capitals; acronyms stay out, small towns too."""
    s = "ХАРКІВ: вибухи, повідомляє ОВА. ТЕРМІНОВО: на ХАРКІВЩИНІ та в ІВАНО-ФРАНКІВСЬКУ тривога."
    assert [(m.text, m.kind) for m in find_mentions(s, gazetteer)] == [
        ("Харків", "toponym"),
        ("Харківщина", "region"),
        ("Івано-Франківськ", "toponym"),
    ]
    assert find_mentions("УВАГА! ЗСУ та ППО працюють.", gazetteer) == []


def test_a_list_of_oblasts(gazetteer) -> None:  # noqa: ANN001
    found = find_mentions("Удари по Харківській та Сумській областях.", gazetteer)
    assert [m.region.admin1 for m in found if m.region] == ["Kharkiv Oblast", "Sumy Oblast"]
    found = find_mentions("Дроны над Белгородской и Курской областями.", gazetteer)
    assert [m.region.admin1 for m in found if m.region] == ["Belgorod Oblast", "Kursk Oblast"]


def test_an_oblast_a_list_leaves_unnamed_and_an_okrug(gazetteer) -> None:  # noqa: ANN001
    s = "Перехвачено 20 беспилотников над Московской областью и 72 над Брянской."
    assert [m.region.admin1 for m in find_mentions(s, gazetteer) if m.region] == [
        "Moscow Oblast",
        "Bryansk Oblast",
    ]
    s = "Один сбит над Одинцовским округом Подмосковья."
    assert [m.text for m in find_mentions(s, gazetteer)] == ["Одинцово", "Подмосковье"]


def test_zaporizhzhia_city_or_oblast(gazetteer) -> None:  # noqa: ANN001
    """ "у Запоріжжі" is the city, "на Запоріжжі" the oblast (the colloquial locative)."""
    s = "У Запоріжжі та на Запоріжжі лунали вибухи."
    assert [(m.written, m.kind) for m in find_mentions(s, gazetteer)] == [
        ("Запоріжжі", "toponym"),
        ("Запоріжжі", "region"),
    ]
    s = "Балістика на Запоріжжя!"  # accusative: onto the city
    assert [(m.written, m.kind) for m in find_mentions(s, gazetteer)] == [("Запоріжжя", "toponym")]


@pytest.mark.parametrize(
    ("sentence", "written", "cue_place", "kind"),
    [
        ("Удар по смт Краснопілля.", "Краснопілля", "Sumy Oblast", "settlement"),
        ("Вибухи біля с. Липці.", "Липці", "Kharkiv Oblast", "settlement"),
        (
            "Ворог обстріляв Нікопольський район.",
            "Нікопольський район",
            "Dnipropetrovsk Oblast",
            "district",
        ),
        (
            "Обстріл Харківського району триває.",
            "Харківського району",
            "Kharkiv Oblast",
            "district",
        ),
        (
            "Під ударом Марганецька громада.",
            "Марганецька громада",
            "Dnipropetrovsk Oblast",
            "hromada",
        ),
        ("Взрыв в г. Белгород.", "Белгород", "Belgorod Oblast", "settlement"),
    ],
)
def test_abbreviation_cues_districts_and_hromadas(
    sentence: str,
    written: str,
    cue_place: str,
    kind: str,
    gazetteer,  # noqa: ANN001
) -> None:
    ms = find_mentions(sentence, gazetteer)
    assert [m.written for m in ms] == [written]
    r = resolve_mention(ms[0], gazetteer, Context(country_focus=("UA", "RU")))
    assert r.place is not None and r.place.admin1 == cue_place and r.place.kind == kind


@pytest.mark.parametrize(
    ("sentence", "written", "relation"),
    [
        ("Ракета влучила у Харків.", "Харків", "at"),
        ("Над Києвом збито ракету.", "Києвом", "at"),
        ("Бої точаться біля Бахмута.", "Бахмута", "near"),
        ("Вибухи поблизу Покровська.", "Покровська", "near"),
        ("Бої під Вовчанськом.", "Вовчанськом", "near"),
        ("Бои идут возле Торецка.", "Торецка", "near"),
        ("Бої на Покровському напрямку.", "Покровському", "near"),
        ("Вибух стався за 20 км від Харкова.", "Харкова", "relative"),
        ("Село за 15 км на північ від Сум.", "Сум", "relative"),
        ("Взрыв в 10 км от Белгорода.", "Белгорода", "relative"),
        ("Ракети запустили з Бєлгорода.", "Бєлгорода", "origin"),
        ("Дроны летели со стороны Харькова.", "Харькова", "origin"),
        ("Удар завдали з боку Курська.", "Курська", "origin"),
        ("Пуски ракет з території Криму.", "Криму", "origin"),
        ("Переговори у Стамбулі не дали результату.", "Стамбулі", "aside"),
        ("Москва заявила про збиті дрони.", "Москва", "aside"),
        ("Ракети летіли з Бєлгорода та Курська.", "Курська", "origin"),
        ("Бої біля Бахмута, Часового Яру.", "Часового Яру", "near"),
        ("Ворог атакував Харків КАБами.", "Харків", "at"),
    ],
)
def test_relations(sentence: str, written: str, relation: str, gazetteer) -> None:  # noqa: ANN001
    ms = [m for m in find_mentions(sentence, gazetteer) if m.written == written]
    assert [m.relation for m in ms] == [relation], find_mentions(sentence, gazetteer)


@pytest.mark.parametrize(
    "sentence",
    [
        "Мир неможливий без справедливості, заявив президент.",
        "Слава захисникам, які тримають оборону.",
        "Перемога залежить від постачання зброї.",
        "Дружба народів лишилася гаслом минулого.",
        "Ворог знову атакував енергетичну інфраструктуру.",
        "Атака тривала всю ніч.",
        "Олег Синєгубов повідомив про двох поранених.",
        "Іван Федоров розповів про наслідки атаки.",
        "Губернатор Гладков сообщил о двух погибших.",
        "Алексей Смирнов поручил проверить укрытия.",
        "Сили ППО знищили 37 шахедів.",
        "Іскандер влучив у склад.",
        "Повітряні сили ЗСУ повідомили про загрозу.",
        "Слава богу, обошлось без жертв.",
    ],
)
def test_ordinary_sentences_have_no_places(sentence: str, gazetteer) -> None:  # noqa: ANN001
    assert find_mentions(sentence, gazetteer) == []


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        ("Штаб Черноморского флота в Севастополе атакован.", ["Севастополе"]),  # adjective + noun
        ("Дрони атакували Рязанский нефтеперерабатывающий завод.", []),
        ("Уражено корпус Полтавського військового інституту зв'язку.", []),
        ("Ракети летіли над Чорним морем.", []),
        (
            "Снаряды упали на рынок в микрорайоне Текстильщик Кировского района Донецка.",
            ["Донецка"],
        ),
        ("Обстрел Куйбышевского района Донецка.", ["Донецка"]),  # a city's district
        ("Пожежа у Дарницькому районі столиці.", ["столиці"]),  # a Kyiv district: Kyiv
        ("В Морозовському районі пошкоджено підстанцію.", []),  # an unknown raion holds no town
        ("Ракета разрушила здание Николаевской ОГА.", []),  # an oblast's administration
        ("Удар по будівлі Сумської ОВА.", []),
        ("Ракета попала в центр Николаева.", ["Николаева"]),  # near miss: the city itself
    ],
)
def test_adjectives_streets_and_city_districts_are_no_towns(
    sentence: str,
    written: list[str],
    gazetteer,  # noqa: ANN001
) -> None:
    assert [m.written for m in find_mentions(sentence, gazetteer)] == written


@pytest.mark.parametrize(
    ("sentence", "written", "text", "relation"),
    [
        ("Беспилотники пытались атаковать Кремль.", "Кремль", "Москва", "at"),
        ("Взрыв на Крымском мосту.", "Крымском мосту", "Керч", "at"),
        ("Ночью Киев попытался атаковать Москву.", "Киев", "Киев", "aside"),
        (
            "Дрони запустили з повітряного простору над Курською областю.",
            "Курською областю",
            "",
            "origin",
        ),
    ],
)
def test_landmarks_governments_and_launch_areas(
    sentence: str,
    written: str,
    text: str,
    relation: str,
    gazetteer,  # noqa: ANN001
) -> None:
    ms = [m for m in find_mentions(sentence, gazetteer) if m.written == written]
    assert [m.relation for m in ms] == [relation]
    if text:
        assert ms[0].text == text
    assert all(
        m.written != "Кремлі" for m in find_mentions("У Кремлі заявили про теракт.", gazetteer)
    )


def test_excluded_spans_are_no_places(gazetteer) -> None:  # noqa: ANN001
    s = "Голова Харківської ОВА повідомив про удар по Харкову."
    claimant = (0, s.index(" повідомив"))
    assert [m.written for m in find_mentions(s, gazetteer, exclude=[claimant])] == ["Харкову"]


def test_namesakes_follow_the_article_context(gazetteer) -> None:  # noqa: ANN001
    """Олександрівка and Миколаївка are in many oblasts: the oblast the article names decides."""
    for text, admin1 in [
        ("Обстріл Олександрівки на Херсонщині.", "Kherson Oblast"),
        ("Обстріл Олександрівки Дніпропетровської області.", "Dnipropetrovsk Oblast"),
        ("Удар по Миколаївці на Донеччині.", "Donetsk Oblast"),
        ("Удар по Михайлівці Запорізької області.", "Zaporizhzhia Oblast"),
    ]:
        regions, countries = article_context(gazetteer, text)
        ctx = Context(countries=countries, regions=regions, country_focus=("UA", "RU"))
        top = [m for m in find_mentions(text, gazetteer) if m.kind == "toponym"]
        assert len(top) == 1, text
        r = resolve_mention(top[0], gazetteer, ctx)
        assert r.place is not None and r.place.admin1 == admin1, (text, r.place)


def test_article_context_reads_declined_regions_and_countries(gazetteer) -> None:  # noqa: ANN001
    text = "Росія атакувала Україну. На Харківщині та в Белгородской области лунали вибухи."
    regions, countries = article_context(gazetteer, text)
    assert regions == (("UA", "07"), ("RU", "09"))
    assert countries == ("RU", "UA")


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        # a word of one or two letters, or a function word, is never a place
        ("Мер сказав: «Не виходьте з укриттів».", []),
        ("Мэр сказал: «Не выходите на улицу».", []),
        ("На щастя, ніхто не постраждав.", []),
        ("По всьому місту зникло світло.", []),
        ("Він додав, що ситуація під контролем.", []),
        ("Від вибухової хвилі вилетіли вікна.", []),
        ("При падінні уламків загорілася трава.", []),
        ("Під час тривоги працювала ППО.", []),
        ("Для відбиття атаки залучили ППО.", []),
        ("Але ППО спрацювала вчасно.", []),
        ("Как уточнили спасатели, огонь потушен.", []),
        ("Для защиты неба работает ПВО.", []),
        ("Все службы работают в штатном режиме.", []),
        # near misses: a real short name, a hyphenated name, a name after a preposition
        ("Снаряд влучив у Бар.", [("Бар", "Бар")]),
        ("По Харкову вдарили керованими бомбами.", [("Харкову", "Харків")]),
        ("На Херсон летіли дрони.", [("Херсон", "Херсон")]),
        ("Під Покровськом тривають бої.", [("Покровськом", "Покровськ")]),
    ],
)
def test_short_and_function_words_are_no_places(
    sentence: str, places: list[tuple[str, str]], gazetteer
) -> None:  # noqa: ANN001
    assert [(w, t) for w, t, _ in _places(sentence, gazetteer)] == places


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        # "столиця" in a Ukrainian sentence, any case: Kyiv
        ("Вночі у столиці пролунала серія вибухів.", [("столиці", "Kyiv, Kyiv")]),
        ("Уламки впали по всій столиці.", [("столиці", "Kyiv, Kyiv")]),
        ("Ворог атакував столицю балістичними ракетами.", [("столицю", "Kyiv, Kyiv")]),
        ("Над столицею працювала ППО.", [("столицею", "Kyiv, Kyiv")]),
        (
            "Столиця пережила атаку, а столиця України знову без світла.",
            [("столиця", "Kyiv, Kyiv")],
        ),
        # near misses: another capital; a Russian sentence (Moscow or Kyiv: not read)
        ("Обласна столиця пережила нічну атаку дронів.", []),
        ("Делегація прибула до столиці Польщі.", []),
        ("Ракети долетіли до столиці регіону.", []),
        ("Ночью в столице прогремели взрывы.", []),
        ("Противник ударил по столице беспилотниками.", []),
        ("Враг атаковал столицу ночью.", []),
    ],
)
def test_the_capital_in_ukrainian_is_kyiv(
    sentence: str, places: list[tuple[str, str]], gazetteer
) -> None:  # noqa: ANN001
    assert [(w, p) for w, _, p in _places(sentence, gazetteer)] == places


@pytest.mark.parametrize(
    ("sentence", "relation"),
    [
        ("Дрони атакували столицю з півночі.", "at"),
        ("Уламки впали біля столиці.", "near"),
        ("Дрони летіли зі столиці на захід.", "origin"),
    ],
)
def test_the_capital_takes_the_usual_relation(sentence: str, relation: str, gazetteer) -> None:  # noqa: ANN001
    found = [m for m in find_mentions(sentence, gazetteer) if m.key == "kyiv"]
    assert [m.relation for m in found] == [relation]
