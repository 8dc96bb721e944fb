"""Killed and injured in Ukrainian and Russian (issue 15, point 3): the English Figure
conventions, number words in their cases, dates and weapon counts that are no figures."""

from __future__ import annotations

import pytest

from geoevents.extract.sentences import has_stem
from geoevents.extract.uk_ru.casualties import GATE_STEMS, parse_casualties, parse_quantity

F = tuple[int | None, int | None, str | None] | None


def _f(fig) -> F:
    return None if fig is None else (fig.low, fig.high, fig.qualifier)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # Ukrainian
        ("Загинули 5 людей, ще 12 поранені.", (5, 5, None), (12, 12, None)),
        ("Унаслідок удару загинула жінка.", (1, 1, None), None),
        ("На місці двоє загиблих.", (2, 2, None), None),
        ("У Харкові є постраждалі.", None, (1, None, "at least")),
        ("Поранено 3 людей.", None, (3, 3, None)),
        ("Травмовано чотирьох людей.", None, (4, 4, None)),
        ("Постраждали 7 осіб, серед них 2 дітей.", None, (7, 7, None)),
        ("Загинули щонайменше 10 людей.", (10, None, "at least"), None),
        ("Поранено понад 20 людей.", None, (20, None, "more than")),
        ("Загинули близько 30 людей.", (30, 30, "about"), None),
        ("Поранено до 40 людей.", None, (None, 40, "up to")),
        ("Обійшлося без постраждалих.", None, (0, 0, "none")),
        ("Атака обійшлася без жертв.", (0, 0, "none"), (0, 0, "none")),
        ("Ніхто не загинув.", (0, 0, "none"), None),
        ("Одна людина загинула, ще троє отримали поранення.", (1, 1, None), (3, 3, None)),
        ("Поранення отримали 14 людей, серед них троє дітей.", None, (14, 14, None)),
        ("Загинуло подружжя.", (2, 2, None), None),
        ("Загинули п'ятеро мирних жителів.", (5, 5, None), None),
        ("Загиблих — 5, поранених — 12.", (5, 5, None), (12, 12, None)),
        ("Кількість загиблих зросла до 12.", (12, 12, None), None),
        ("Від 10 до 15 людей поранені.", None, (10, 15, "between")),
        ("Поранено кількох людей.", None, (3, None, "several")),
        ("Знищено до 30 окупантів.", (None, 30, "up to"), None),
        ("Смертельно поранений чоловік помер у лікарні.", (1, 1, None), None),
        # Russian
        ("Погибли три человека, ранены пятеро.", (3, 3, None), (5, 5, None)),
        ("Погиб мужчина.", (1, 1, None), None),
        ("Получили ранения 12 человек.", None, (12, 12, None)),
        ("Пострадали двое мирных жителей.", None, (2, 2, None)),
        ("Погибли не менее 7 человек.", (7, None, "at least"), None),
        ("Ранены более 20 человек.", None, (20, None, "more than")),
        ("Погибли около 30 человек.", (30, 30, "about"), None),
        ("Ранены до 40 человек.", None, (None, 40, "up to")),
        ("Жертв нет.", (0, 0, "none"), (0, 0, "none")),
        ("Обошлось без пострадавших.", None, (0, 0, "none")),
        ("Никто не пострадал.", None, (0, 0, "none")),
        ("Двое погибших и трое раненых.", (2, 2, None), (3, 3, None)),
        ("Есть погибшие и раненые.", (1, None, "at least"), (1, None, "at least")),
        ("Число погибших возросло до 21.", (21, 21, None), None),
        ("Погибла одна женщина, ранены сорок два человека.", (1, 1, None), (42, 42, None)),
        ("Уничтожены более 600 украинских военнослужащих.", (600, None, "more than"), None),
        # killed and wounded together: an upper bound of each, never split
        (
            "ВСУ потеряли до 400 человек убитыми и ранеными.",
            (None, 400, "dead and wounded"),
            (None, 400, "dead and wounded"),
        ),
        (
            "Потери ВСУ составили до 120 военнослужащих.",
            (None, 120, "dead and wounded"),
            (None, 120, "dead and wounded"),
        ),
        ("Загинули 5 і поранені 3 людей.", (5, 5, None), (3, 3, None)),
        ("5 загиблих і 3 поранених.", (5, 5, None), (3, 3, None)),
        ("Загиблих і поранених немає.", (0, 0, "none"), (0, 0, "none")),
        ("Обійшлося без жертв та постраждалих.", (0, 0, "none"), (0, 0, "none")),
        ("Мирные жители не пострадали.", None, (0, 0, "none")),
        ("Пострадавших двое.", None, (2, 2, None)),
        ("Загиблих троє, поранених — 5.", (3, 3, None), (5, 5, None)),
        ("В результате атаки дрона на автомобиль ранения получил мужчина.", None, (1, 1, None)),
        ("Погибли два мирных жителя.", (2, 2, None), None),
        (
            "Повідомили про 21 загиблого, серед них дитина; ще 38 людей шпиталізовані.",
            (21, 21, None),
            (38, 38, None),
        ),
        (
            "Кількість загиблих унаслідок удару ракетами «Калібр» по житловому будинку у Львові в ніч"
            " на 6 липня зросла до 10.",
            (10, 10, None),
            None,
        ),
        ("Міноборони РФ стверджує, що знищило понад 60 військових.", (60, None, "more than"), None),
        ("Ведомство признало гибель 63 военнослужащих.", (63, 63, None), None),
        ("Загинули 34 офіцери, ще 105 окупантів поранені.", (34, 34, None), (105, 105, None)),
        ("Під завалами знайшли тіла чотирьох людей.", (4, 4, None), None),
        ("Из-под завалов извлекли тела 5 человек.", (5, 5, None), None),
        ("Рятувальники дістали з-під завалів тіло жінки.", (1, 1, None), None),
        ("Число погибших выросло до четырёх, среди них двое детей.", (4, 4, None), None),
        ("За медпомощью обратились два человека.", None, (2, 2, None)),
        ("Собянин сообщил, что ранен охранник.", None, (1, 1, None)),
        ("Гладков сообщил о раненых.", None, (1, None, "at least")),
        ("Повідомив про загиблих і поранених.", (1, None, "at least"), (1, None, "at least")),
        ("Информация о пострадавших уточняется.", None, None),
        ("Відомостей про постраждалих поки немає.", None, None),
        (
            "Втрати ворога склали близько 1 тисячі осіб.",
            (None, 1000, "dead and wounded"),
            (None, 1000, "dead and wounded"),
        ),
    ],
)
def test_figures(text: str, killed: F, injured: F) -> None:
    cas = parse_casualties(text)
    assert (_f(cas.killed), _f(cas.injured)) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("28 липня загинули двоє людей.", 2),  # the day of a date is no count
        ("В ночь на 28 июля погибли пятеро.", 5),
        ("Збито 37 шахедів, загинула одна людина.", 1),  # weapons are not people
        ("Внаслідок атаки 5 дронів загинули двоє людей.", 2),
        ("О 5:30 загинули двоє.", 2),  # a time
        ("Ракета влучила в будинок, загинула 72-річна жінка.", 1),  # an age
        ("У 2024 році загинули 15 людей.", 15),
    ],
)
def test_dates_times_ages_and_weapons_are_no_figures(text: str, killed: int) -> None:
    cas = parse_casualties(text)
    assert cas.killed is not None and cas.killed.low == killed


@pytest.mark.parametrize(
    "text",
    [
        "28 липня 37 шахедів атакували Одесу.",
        "Сили ППО збили 20 ракет.",
        "Пошкоджено 12 будинків і 3 автомобілі.",
        "Уничтожены два склада боеприпасов.",
    ],
)
def test_no_people_no_figures(text: str) -> None:
    assert parse_casualties(text) == parse_casualties("")


def test_the_text_of_a_figure_is_its_words() -> None:
    assert parse_casualties("Загинули 5 людей, ще 12 поранені.").killed.text == "Загинули 5 людей"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("щонайменше 10", (10, None, "at least")),
        ("не менее двух", (2, None, "at least")),
        ("понад двадцять", (20, None, "more than")),
        ("около сорока", (40, 40, "about")),
        ("майже 50", (50, 50, "nearly")),
        ("до 40", (None, 40, "up to")),
        ("десятки", (24, None, "dozens")),
        ("сотни", (200, None, "hundreds")),
        ("от 10 до 15", (10, 15, "between")),
        ("2024", None),
    ],
)
def test_quantities(text: str, expected: F) -> None:
    assert _f(parse_quantity(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Загинули 5 людей, ще 12 поранені.",
        "Погиб мужчина.",
        "Жертв нет.",
        "Обошлось без пострадавших.",
        "Получили ранения 12 человек.",
        "Кількість загиблих зросла до 12.",
        "Уничтожены более 600 украинских военнослужащих.",
        "Є постраждалі.",
    ],
)
def test_every_figure_has_a_gate_stem(text: str) -> None:
    assert has_stem(text, GATE_STEMS)


def test_the_gate_never_changes_a_result(monkeypatch) -> None:
    from geoevents.extract.uk_ru import casualties as mod

    texts = [
        "Загинули 5 людей, ще 12 поранені.",
        "Вночі росіяни атакували Харків дронами.",
        "Збито 37 шахедів, загинула одна людина.",
        "Жертв нет, обошлось без пострадавших.",
        "Уничтожены более 600 украинских военнослужащих.",
        "Пошкоджено 12 будинків і 3 автомобілі.",
        "Кількість загиблих зросла до 12.",
        "Ніхто не постраждав.",
        "Загинуло подружжя, є поранені.",
        "Загинула жінка, загиблих — 5.",
        "Погибли люди, пострадавших нет.",
        "Пострадавших двое, мирные жители не пострадали.",
        "Ранения получил мужчина, ВСУ потеряли до 400 человек убитыми и ранеными.",
        "Під завалами знайшли тіла чотирьох людей; тіло жінки виявили пізніше.",
    ]
    gated = [parse_casualties(t) for t in texts]
    monkeypatch.setattr(mod, "has_stem", lambda s, stems: True)
    assert [parse_casualties(t) for t in texts] == gated


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # a death or injury verb and one person named, no numeral: one
        ("Під час обстрілу загинуло немовля.", (1, 1, None), None),
        ("При атаке погиб младенец.", (1, 1, None), None),
        ("Унаслідок удару загинула дитина.", (1, 1, None), None),
        ("В результате удара погиб ребёнок.", (1, 1, None), None),
        ("Загинув чоловік, який їхав на велосипеді.", (1, 1, None), None),
        ("Осколками поранено підлітка.", None, (1, 1, None)),
        ("Ранен подросток 15 лет.", None, (1, 1, None)),
        ("Осколками ранена женщина.", None, (1, 1, None)),
        ("Пострадал мужчина, его доставили в больницу.", None, (1, 1, None)),
        ("Травмовано пенсіонерку.", None, (1, 1, None)),
        ("Пострадала пенсионерка.", None, (1, 1, None)),
        ("Загинув військовий.", (1, 1, None), None),
        ("Погиб военный.", (1, 1, None), None),
        ("Поранено військовослужбовця.", None, (1, 1, None)),
        ("Поранено водія вантажівки.", None, (1, 1, None)),
        ("Пострадал водитель автобуса.", None, (1, 1, None)),
        ("Постраждав неповнолітній.", None, (1, 1, None)),
        ("Пострадал несовершеннолетний.", None, (1, 1, None)),
        ("Загинула дівчина.", (1, 1, None), None),
        ("Пострадала девушка.", None, (1, 1, None)),
        ("Постраждав 17-річний юнак.", None, (1, 1, None)),
        ("Пострадал парень.", None, (1, 1, None)),
        ("Поранено школяра.", None, (1, 1, None)),
        # near misses: a numeral wins; an adjective before a thing is no person
        ("Загинули двоє дітей.", (2, 2, None), None),
        ("Погибли трое военных.", (3, 3, None), None),
        ("Пострадал военный аэродром.", None, None),
        ("Пошкоджено військовий об'єкт, постраждав склад.", None, None),
        ("Школярі зібрали гуманітарну допомогу.", None, None),
    ],
)
def test_one_person_named_without_a_numeral(text: str, killed: F, injured: F) -> None:
    found = parse_casualties(text)
    assert (_f(found.killed), _f(found.injured)) == (killed, injured)
