"""Declension rules of Ukrainian and Russian place names (issue 15, point 2)."""

from __future__ import annotations

import pytest

from gazetteer.inflect import RULES, forms, lemmas

#: (nominative, its forms in the cases): Ukrainian then Russian, every declension pattern.
DECLINED = [
    ("Харків", ["Харкова", "Харкову", "Харкові", "Харковом"]),  # -ів, і -> о
    ("Київ", ["Києва", "Києву", "Києві", "Києвом"]),  # -їв, ї -> є
    ("Бєлгород", ["Бєлгорода", "Бєлгороду", "Бєлгороді", "Бєлгородом"]),  # consonant
    ("Краматорськ", ["Краматорська", "Краматорську", "Краматорськом"]),  # -ськ
    ("Кременчук", ["Кременчука", "Кременчуці", "Кременчуком"]),  # к -> ц
    ("Ріг", ["Рогу", "Розі", "Рогом"]),  # і -> о, г -> з
    ("Ірпінь", ["Ірпеня", "Ірпені", "Ірпенем"]),  # і -> е
    ("Нікополь", ["Нікополя", "Нікополю", "Нікополі", "Нікополем"]),  # soft
    ("Одеса", ["Одеси", "Одесі", "Одесу", "Одесою"]),  # -а
    ("Макіївка", ["Макіївки", "Макіївці", "Макіївку", "Макіївкою"]),  # -ка, к -> ц
    ("Вінниця", ["Вінниці", "Вінницю", "Вінницею"]),  # -я
    ("Запоріжжя", ["Запоріжжі", "Запоріжжю", "Запоріжжям"]),  # neuter -жжя
    ("Дніпро", ["Дніпра", "Дніпру", "Дніпрі", "Дніпром"]),  # neuter -о
    ("Гуляйполе", ["Гуляйполя", "Гуляйполю", "Гуляйполі", "Гуляйполем"]),  # neuter -е
    ("Єнакієве", ["Єнакієвого", "Єнакієвому", "Єнакієвим"]),  # adjectival -е
    ("Суми", ["Сум", "Сумах", "Сумам", "Сумами"]),  # plural
    ("Липці", ["Липців", "Липцях", "Липцям"]),  # plural -і
    ("Кривий", ["Кривого", "Кривому", "Кривим"]),  # adjective, masculine
    ("Велика", ["Великої", "Великій", "Велику", "Великою"]),  # adjective, feminine
    ("Часів", ["Часового", "Часовому", "Часовим"]),  # possessive adjective: Часів Яр
    ("Белгород", ["Белгорода", "Белгороду", "Белгородом", "Белгороде"]),
    ("Москва", ["Москвы", "Москве", "Москву", "Москвой"]),
    ("Макеевка", ["Макеевки", "Макеевке", "Макеевку", "Макеевкой"]),
    ("Запорожье", ["Запорожья", "Запорожью", "Запорожьем"]),
    ("Севастополь", ["Севастополя", "Севастополю", "Севастополе"]),
    ("Казань", ["Казани", "Казанью"]),
    ("Феодосия", ["Феодосии", "Феодосию", "Феодосией"]),
    ("Сумы", ["Сум", "Сумах", "Сумами"]),
    ("Кривой", ["Кривого", "Кривому", "Кривом", "Кривым"]),
    ("Великая", ["Великой", "Великую", "Великою"]),
    ("Рог", ["Рога", "Рогу", "Роге", "Рогом"]),
]


@pytest.mark.parametrize(("name", "declined"), DECLINED)
def test_each_case_reads_back_to_the_nominative(name: str, declined: list[str]) -> None:
    for form in declined:
        assert form in forms(name), form
        assert name in lemmas(form), form


@pytest.mark.parametrize(("name", "declined"), DECLINED)
def test_forms_and_lemmas_agree(name: str, declined: list[str]) -> None:
    """Every form the table makes reads back to its name (the table backward is exact)."""
    for form in forms(name):
        assert name in lemmas(form), form


def test_the_written_form_comes_first_and_latin_words_stay_as_written() -> None:
    assert lemmas("Харкові")[0] == "Харкові"
    assert lemmas("Ріг")[0] == "Ріг"
    assert lemmas("Kharkiv") == ("Kharkiv",)  # Latin words have no Cyrillic endings


def test_the_most_specific_pattern_declines_a_name() -> None:
    """Макіївка is a -ка noun: no "Макіївкі"; Харків is an -ів noun: no "Харківа"."""
    assert "Макіївкі" not in forms("Макіївка")
    assert "Харківа" not in forms("Харків")


def test_the_table_is_sound() -> None:
    """Each pattern's nominative ending and oblique endings are lower-case Cyrillic."""
    for nom, obliques in RULES:
        for end in (nom, *obliques):
            assert end == end.lower()
            assert all("\u0400" <= ch <= "\u04ff" for ch in end), end
