"""Claims in Ukrainian and Russian (issue 15, point 3): claimants with the English
canonical names and sides, speech in both word orders, denials, "could not verify",
clauses."""

from __future__ import annotations

import pytest

from geoevents.extract.claims import SentenceClaims
from geoevents.extract.sentences import has_stem
from geoevents.extract.uk_ru.claimants import region_of
from geoevents.extract.uk_ru.claims import GATE_STEMS, clauses, find_claims, refers_back

UA_GS, UA_AF, UA_MIL, UA_OFF = (
    "Ukrainian General Staff",
    "Ukrainian Air Force",
    "Ukrainian military",
    "Ukrainian officials",
)
RU_MOD, RU_OFF, RU_INST = (
    "Russian Ministry of Defence",
    "Russian officials",
    "Russian-installed officials",
)


def _claimants(sentence: str) -> list[tuple[str, str, str]]:
    return [(c.claimant, c.side, c.stance) for c in find_claims(sentence).claimants]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Ukrainian
        ("Генштаб ЗСУ повідомив про ураження складу боєприпасів.", [(UA_GS, "ukraine", "asserts")]),
        ("За даними Генштабу ЗСУ, уражено склад пального.", [(UA_GS, "ukraine", "asserts")]),
        (
            "Генеральний штаб Збройних сил України зазначив, що уражено НПЗ.",
            [(UA_GS, "ukraine", "asserts")],
        ),
        ("Повітряні сили: збито 37 з 42 шахедів.", [(UA_AF, "ukraine", "asserts")]),
        ("У Повітряних силах ЗСУ повідомили, що збито 20 ракет.", [(UA_AF, "ukraine", "asserts")]),
        (
            "Як повідомили в Повітряних силах, ворог випустив 40 дронів.",
            [(UA_AF, "ukraine", "asserts")],
        ),
        (
            "Сили оборони півдня України повідомили про знищення катера.",
            [(UA_MIL, "ukraine", "asserts")],
        ),
        ("У командуванні заявили про знищення двох С-300.", [(UA_MIL, "ukraine", "asserts")]),
        (
            "Харківська ОВА повідомила про двох загиблих.",
            [("Kharkiv officials", "ukraine", "asserts")],
        ),
        (
            "Голова Харківської ОВА Олег Синєгубов написав у Telegram, що поранено трьох людей.",
            [("Kharkiv governor", "ukraine", "asserts")],
        ),
        (
            "Про це в Telegram повідомив начальник Одеської обласної військової адміністрації Олег Кіпер.",
            [("Odesa governor", "ukraine", "asserts")],
        ),
        (
            "Росіяни вдарили по Харкову, повідомив Синєгубов.",
            [("Kharkiv governor", "ukraine", "asserts")],
        ),
        (
            "Начальник ОВА заявив, що пошкоджено будинок.",
            [("regional governor", "unknown", "asserts")],
        ),
        (
            "Міський голова Харкова Ігор Терехов повідомив про влучання.",
            [("Kharkiv officials", "ukraine", "asserts")],
        ),
        (
            "Мер Києва Віталій Кличко написав у Telegram про вибухи.",
            [("Kyiv officials", "ukraine", "asserts")],
        ),
        (
            "Криворізька МВА повідомила, що загинула жінка.",
            [("local officials", "unknown", "asserts")],
        ),
        ("ДСНС повідомила, що пожежу ліквідовано.", [(UA_OFF, "ukraine", "asserts")]),
        ("Нацполіція повідомила про трьох поранених.", [(UA_OFF, "ukraine", "asserts")]),
        (
            "Офіс Генпрокурора повідомив про початок розслідування.",
            [(UA_OFF, "ukraine", "asserts")],
        ),
        ("Зеленський заявив, що Росія атакувала енергетику.", [(UA_OFF, "ukraine", "asserts")]),
        ("Міноборони РФ заявило про знищення HIMARS.", [(RU_MOD, "russia", "asserts")]),
        ("Окупанти заявили про обстріл Донецька.", [(RU_OFF, "russia", "asserts")]),
        (
            "Про це повідомив губернатор Бєлгородської області В'ячеслав Гладков.",
            [("Belgorod governor", "russia", "asserts")],
        ),
        # Russian
        ("Минобороны России сообщило о поражении склада ВСУ.", [(RU_MOD, "russia", "asserts")]),
        ("По данным Минобороны, сбиты 12 беспилотников.", [(RU_MOD, "russia", "asserts")]),
        ("МО РФ сообщило, что ПВО сбила 20 дронов.", [(RU_MOD, "russia", "asserts")]),
        (
            "Губернатор Белгородской области Вячеслав Гладков сообщил о пострадавших.",
            [("Belgorod governor", "russia", "asserts")],
        ),
        (
            "Гладков написал в Telegram, что погиб мужчина.",
            [("Belgorod governor", "russia", "asserts")],
        ),
        (
            "Врио губернатора Курской области Александр Хинштейн сообщил о погибших.",
            [("Kursk governor", "russia", "asserts")],
        ),
        (
            "Губернатор Брянской области Александр Богомаз сообщил об атаке.",
            [("Bryansk governor", "russia", "asserts")],
        ),
        ("Глава ДНР Денис Пушилин заявил об обстреле Донецка.", [(RU_INST, "russia", "asserts")]),
        (
            "Губернатор Запорожской области Евгений Балицкий сообщил об ударе.",
            [(RU_INST, "russia", "asserts")],
        ),
        (
            "Глава Крыма Сергей Аксенов сообщил об атаке.",
            [("Crimean officials", "russia", "asserts")],
        ),
        ("Оперштаб Курской области сообщил о раненых.", [("Kursk officials", "russia", "asserts")]),
        ("МЧС сообщило о пожаре.", [(RU_OFF, "russia", "asserts")]),
        ("Песков заявил, что Кремль не комментирует.", [(RU_OFF, "russia", "asserts")]),
        ("Захарова назвала удар терактом.", [(RU_OFF, "russia", "asserts")]),
        ("Генштаб ВСУ сообщил о поражении НПЗ.", [(UA_GS, "ukraine", "asserts")]),
        ("Воздушные силы Украины сообщили, что сбиты 30 дронов.", [(UA_AF, "ukraine", "asserts")]),
        ("Как сообщает ТАСС, в Белгороде погибли двое.", [("TASS", "russia", "reports")]),
        ("За інформацією Укрінформу, загинули троє.", [("Ukrinform", "ukraine", "reports")]),
        ("Збито 20 шахедів — Повітряні сили.", [(UA_AF, "ukraine", "asserts")]),
        ("Загинули двоє людей, — Синєгубов.", [("Kharkiv governor", "ukraine", "asserts")]),
        ("Центр протидії дезінформації заявив про атаку.", [(UA_OFF, "ukraine", "asserts")]),
        (
            "Харківська обласна прокуратура повідомила про підозру.",
            [("Kharkiv officials", "ukraine", "asserts")],
        ),
        ("Глава региона сообщил о пострадавших.", [("regional governor", "unknown", "asserts")]),
        (
            "Повітряне командування «Схід» повідомило про збиті ракети.",
            [(UA_AF, "ukraine", "asserts")],
        ),
        ("Україна заявила про удар по НПЗ.", [(UA_OFF, "ukraine", "asserts")]),
        (
            "Начальник КМВА Тимур Ткаченко повідомив про 23 загиблих.",
            [("Kyiv officials", "ukraine", "asserts")],
        ),
        ("За даними КМВА, поранено 13 людей.", [("Kyiv officials", "ukraine", "asserts")]),
        (
            "Міноборони РФ стверджує, що знищило понад 60 військових.",
            [(RU_MOD, "russia", "asserts")],
        ),
        ("В Москве заявили, что ВСУ атаковали Курск.", [(RU_OFF, "russia", "asserts")]),
        ("Киев опроверг причастность к взрыву.", [(UA_OFF, "ukraine", "denies")]),
        (
            "В субботу беспилотники атаковали Казань: по данным властей Татарстана, зафиксировано восемь атак.",
            [("Tatarstan officials", "russia", "asserts")],
        ),
        ("Генеральный штаб ВСУ отверг обвинения.", [(UA_GS, "ukraine", "denies")]),
        ("Мэр Сергей Собянин сообщил о повреждениях.", [("Moscow officials", "russia", "asserts")]),
        (
            "Моніторингова місія ООН вважає, що це було пряме влучання.",
            [("international organisation", "other", "asserts")],
        ),
        ("Про це повідомив головнокомандувач Валерій Залужний.", [(UA_MIL, "ukraine", "asserts")]),
        (
            "Прем'єр-міністр Денис Шмигаль повідомив про 16 загиблих.",
            [(UA_OFF, "ukraine", "asserts")],
        ),
        ("Про це повідомили джерела в українських спецслужбах.", [(UA_OFF, "ukraine", "asserts")]),
        (
            "По данным украинских источников, удар пришёлся по арсеналу.",
            [(UA_OFF, "ukraine", "asserts")],
        ),
        (
            "Губернатор Василь Голубєв написав про пошкоджену підстанцію.",
            [("Rostov governor", "russia", "asserts")],
        ),
        (
            "Губернатор Андрей Воробьёв сообщил о троих погибших.",
            [("Moscow governor", "russia", "asserts")],
        ),
        # a word before the title that names no region is skipped, the title read on
        (
            "Энгельс подвергся атаке беспилотников, сообщил губернатор Саратовской области Роман Бусаргин.",
            [("Saratov governor", "russia", "asserts")],
        ),
        (
            "На заводе в Туапсе начался пожар, сообщил оперативный штаб Краснодарского края.",
            [("Krasnodar officials", "russia", "asserts")],
        ),
        ("Киев говорит о 34 погибших мирных жителях.", [(UA_OFF, "ukraine", "asserts")]),
        ("На Украине говорят о 18 погибших.", [(UA_OFF, "ukraine", "asserts")]),
        (
            "Число погибших выросло до четырёх, сообщил губернатор Михаил Развожаев.",
            [("Crimean officials", "russia", "asserts")],
        ),
        # two speakers, each in their clause
        (
            "Міноборони РФ заявило про 600 загиблих, але в ЗСУ заявили, що ніхто не загинув.",
            [(RU_MOD, "russia", "asserts"), (UA_MIL, "ukraine", "asserts")],
        ),
    ],
)
def test_claimants(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert _claimants(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Російські війська обстріляли позиції ЗСУ.",
        "Российские войска обстреляли позиции ВСУ под Бахмутом.",
        "Ракета влучила в будівлю Харківської ОВА.",
        "Повітряні сили збили 20 ракет над Києвом.",  # an act, not a statement
        "Минобороны России сообщило о поражении склада ВСУ.",  # ВСУ: the target, not a speaker
        "Росія атакувала Київ дронами.",
        "Атака на ОВА: загинули двоє людей.",  # a colon after a phrase inside the sentence
    ],
)
def test_a_phrase_without_a_statement_is_no_claimant(sentence: str) -> None:
    names = [c for c, _, _ in _claimants(sentence)]
    assert UA_MIL not in names and "Kharkiv officials" not in names
    if "сообщило" not in sentence:
        assert names == []


@pytest.mark.parametrize(
    ("sentence", "claimant", "disputes"),
    [
        ("Генштаб ЗСУ спростував заяви Міноборони РФ про знищення HIMARS.", UA_GS, "russia"),
        ("Генштаб ЗСУ назвав заяву Міноборони РФ фейком.", UA_GS, "russia"),
        ("У Міноборони РФ заперечують удар по лікарні.", RU_MOD, None),
        ("Кремль опроверг причастность к удару, назвав обвинения Киева ложью.", RU_OFF, "ukraine"),
        ("Информация не соответствует действительности, заявили в Генштабе ВСУ.", UA_GS, None),
        ("Повітряні сили заявили, що ця інформація не відповідає дійсності.", UA_AF, None),
        ("Пушилин заявил, что ВСУ сами себя обстреляли.", RU_INST, None),
        ("В Генштабе ВСУ эти заявления назвали ложью.", UA_GS, None),
        ("В Министерстве обороны России назвали провокацией сообщения об ударе.", RU_MOD, None),
        (
            "Официальный представитель МИД России Мария Захарова назвала кадры из Бучи постановкой.",
            RU_OFF,
            None,
        ),
        (
            "В Минобороны России заявили, что огневого воздействия на аэродром не было.",
            RU_MOD,
            None,
        ),
        ("Центр протидії дезінформації заявив, що удару не було.", UA_OFF, None),
        ("Секретарь СНБО Украины Алексей Данилов опроверг причастность Киева.", UA_OFF, None),
        (
            "Местные власти обвинили украинскую армию, Киев свою причастность отрицает.",
            UA_OFF,
            None,
        ),
        (
            "Міноборони РФ заявило, що собор зруйнувала ракета ППО, а не російський удар.",
            RU_MOD,
            None,
        ),
        (
            "Міноборони Росії заявило, що лікарню пошкодила ракета українського зенітного комплексу.",
            RU_MOD,
            None,
        ),
        (
            "Призначений Москвою очільник області Євген Балицький звинуватив у нападі українську"
            " сторону й назвав це провокацією.",
            RU_INST,
            None,
        ),
    ],
)
def test_denials(sentence: str, claimant: str, disputes: str | None) -> None:
    sc = find_claims(sentence)
    assert sc.denial
    assert [(c.claimant, c.stance) for c in sc.claimants] == [(claimant, "denies")]
    assert sc.disputes_side == disputes


def test_the_owner_of_a_rejected_account_is_no_speaker() -> None:
    sc = find_claims("Заяви Міноборони РФ про сотні загиблих військових він назвав фейком.")
    assert sc.claimants == () and sc.denial and sc.disputes_side == "russia"
    assert refers_back("Заяви Міноборони РФ про сотні загиблих військових він назвав фейком.")


@pytest.mark.parametrize(
    ("sentence", "unverified"),
    [
        ("Цю інформацію не вдалося незалежно перевірити.", True),
        ("Эти данные не удалось независимо подтвердить.", True),
        ("Інформація поки не підтверджена.", True),
        ("Незалежно перевірити цю інформацію не вдалося.", True),
        ("Проверить эти данные независимо пока невозможно.", True),
        ("Генштаб ЗСУ підтвердив ураження складу.", False),
    ],
)
def test_unverified(sentence: str, unverified: bool) -> None:
    assert find_claims(sentence).unverified is unverified


@pytest.mark.parametrize(
    ("sentence", "parts"),
    [
        (
            "Міноборони РФ заявило про 600 загиблих, але в ЗСУ заявили, що ніхто не загинув.",
            ["Міноборони РФ заявило про 600 загиблих", ", але в ЗСУ заявили, що ніхто не загинув."],
        ),
        (
            "Минобороны сообщило о 30 убитых, однако в ВСУ это опровергли.",
            ["Минобороны сообщило о 30 убитых", ", однако в ВСУ это опровергли."],
        ),
        (
            "Міноборони РФ повідомило про 30 загиблих; у ЗСУ це спростували.",
            ["Міноборони РФ повідомило про 30 загиблих", "; у ЗСУ це спростували."],
        ),
        ("Загинули 2 людей; поранено 5, повідомив мер.", None),  # one speaker's figures
        # one statement: the conjunction joins its facts, the speaker tells both
        ("Загинули двоє людей, а ще п'ятеро поранені, повідомив мер.", None),
        ("Погибли двое, но раненых нет, сообщил Гладков.", None),
    ],
)
def test_clauses(sentence: str, parts: list[str] | None) -> None:
    got = [sentence[a:b] for a, b in clauses(sentence)]
    assert got == (parts or [sentence])


@pytest.mark.parametrize(
    ("sentence", "back"),
    [
        ("Він також зазначив, що поранено трьох людей.", True),
        ("По его словам, пострадавших нет.", True),
        ("За його словами, загинули двоє.", True),
        ("В ведомстве уточнили, что сбиты 12 дронов.", True),
        ("По данным ведомства, погибли 40 человек.", True),
        ("По утверждению ведомства, разрушения вызвала ракета.", True),
        ("Ведомство признало гибель 63 военнослужащих.", True),
        ("За їхніми даними, загинули близько 400 окупантів.", True),
        ("По его данным, все цели поражены.", True),
        ("Загинули двоє людей.", False),
    ],
)
def test_refers_back(sentence: str, back: bool) -> None:
    assert refers_back(sentence) is back


@pytest.mark.parametrize(
    ("word", "region"),
    [
        ("Харківської", "Kharkiv"),
        ("Харківщини", "Kharkiv"),
        ("Харкова", "Kharkiv"),
        ("Белгородской", "Belgorod"),
        ("Бєлгородської", "Belgorod"),
        ("Курской", "Kursk"),
        ("Запорізької", "Zaporizhzhia"),
        ("Запорожской", "Zaporizhzhia"),
        ("Києва", "Kyiv"),
        ("Вячеслав", None),
    ],
)
def test_region_of(word: str, region: str | None) -> None:
    assert region_of(word) == region


def test_a_sentence_without_claim_words_is_skipped() -> None:
    s = "Вночі росіяни атакували Харків дронами."
    assert not has_stem(s, GATE_STEMS)
    assert find_claims(s) == SentenceClaims()


#: Sentences for the pre-filter check: the cases above and plain reports.
CORPUS = [
    "Генштаб ЗСУ спростував заяви Міноборони РФ про знищення HIMARS.",
    "Вночі росіяни атакували Харків дронами, у місті пролунали вибухи.",
    "ЗСУ не атакували лікарню, це фейк.",
    "Ракета влучила в будівлю Харківської ОВА.",
    "Губернатор Белгородской области Вячеслав Гладков: погиб мужчина.",
    "Российские войска обстреляли позиции ВСУ под Бахмутом.",
    "В ночь на 28 июля сбиты 12 беспилотников над Курской областью.",
    "Кремль опроверг причастность к удару, назвав обвинения Киева ложью.",
    "Цю інформацію не вдалося незалежно перевірити.",
    "По его словам, пострадавших нет; МЧС тушит пожар.",
    "Як повідомили в Повітряних силах, ворог випустив 40 дронів.",
    "Мер Києва Віталій Кличко написав у Telegram про вибухи.",
    "Пушилин заявил, что ВСУ сами себя обстреляли.",
    "Окупанти не обстрілювали місто, брешуть в ОВА.",
]


def test_the_pre_filters_never_change_a_result(monkeypatch) -> None:
    from geoevents.extract.uk_ru import claims as mod

    gated = [find_claims(s) for s in CORPUS]
    monkeypatch.setattr(mod, "has_stem", lambda s, stems: True)
    monkeypatch.setattr(mod, "_gate", lambda s: True)
    monkeypatch.setattr(mod, "candidates", lambda low, table: list(range(len(table))))
    assert [find_claims(s) for s in CORPUS] == gated


@pytest.mark.parametrize(
    "sentence",
    [
        "Вранці в середу російські ракети вдарили по Львову, повідомив мер.",  # вранці: no "вранье"
        "Вибуховою хвилею відкинуло автомобіль, повідомили в поліції.",
        "Центр протидії дезінформації повідомив про атаку.",
        "Українська ППО збила 20 ракет, повідомили Повітряні сили.",
        "Ракета пошкодила будинок, повідомили в ОВА.",
    ],
)
def test_words_like_a_denial_are_none(sentence: str) -> None:
    assert not find_claims(sentence).denial
