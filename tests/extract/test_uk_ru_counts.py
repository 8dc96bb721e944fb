"""Interception counts in Ukrainian and Russian (issue 15 acceptance: "interception
counts"): weapons launched and shot down, in digits and in words, in both word orders,
through :func:`parse_counts` and through the whole extractor."""

from __future__ import annotations

import pytest

from geoevents.extract import Extractor
from geoevents.extract.uk_ru.counts import parse_counts
from geoevents.io.articles import Article

COUNT_CASES = [
    ("Збито 37 з 42 шахедів.", (42, 42), (37, 37)),
    ("37 з 42 ударних БпЛА збито або подавлено.", (42, 42), (37, 37)),
    ("Знешкоджено 15 із 20 ракет.", (20, 20), (15, 15)),
    ("Із 42 БпЛА збито 37, ще 5 локаційно втрачено.", (42, 42), (37, 37)),
    ("Из 42 беспилотников сбиты 37.", (42, 42), (37, 37)),
    ("Сбиты 12 беспилотников над Брянской областью.", None, (12, 12)),
    ("Дежурными средствами ПВО перехвачены и уничтожены 25 украинских БПЛА.", None, (25, 25)),
    (
        "У ніч на 28 липня ворог атакував Україну 42 ударними БпЛА, збито/подавлено 37.",
        (42, 42),
        (37, 37),
    ),
    ("Ворог запустив 5 ракет Х-101, з них збито 4.", (5, 5), (4, 4)),
    ("Ворог випустив по Одесі дві балістичні ракети.", (2, 2), None),
    ("Росія випустила п'ять ракет, усі збито.", (5, 5), (5, 5)),
    ("Противник атаковал область 30 беспилотниками, все уничтожены.", (30, 30), (30, 30)),
    ("Усі 12 дронів збито над Києвом.", (12, 12), (12, 12)),
    ("Над морем збито двох шахедів.", None, (2, 2)),
    ("Сбиты сорок два беспилотника.", None, (42, 42)),
    ("Збито щонайменше 20 дронів.", None, (20, None)),
    (
        "Ворог атакував 64 засобами повітряного нападу: 4 ракетами та 60 БпЛА; збито 50.",
        (64, 64),
        (50, 50),
    ),
    ("Пять сбиты, шестая повреждена.", None, (5, 5)),
    ("Противник випустив 84 крилаті ракети, 43 з них знищила ППО.", (84, 84), (43, 43)),
    ("Росіяни запустили 54 дрони, 52 з них знищено.", (54, 54), (52, 52)),
    ("По данным ВСУ, все 18 ракет, выпущенных по столице, сбиты.", (18, 18), (18, 18)),
    ("Усі 18 знищено силами ППО.", (18, 18), (18, 18)),
    ("Сили ППО знищили на підльоті до Києва всі 31 ракету.", (31, 31), (31, 31)),
    ("Все восемь аппаратов уничтожены.", (8, 8), (8, 8)),
    ("За ночь перехвачено 144 беспилотника, из них 20 над Московской областью.", None, (144, 144)),
    ("Збито або подавлено 563 дрони й 26 ракет.", None, (563, 563)),
    ("Знищено щонайменше шість літаків на аеродромі.", None, None),  # aircraft on the ground
    ("Две ракеты сбиты, четыре попали в здание.", (6, 6), (2, 2)),
    ("Дві ракети влучили в порт, ще дві збито.", (4, 4), (2, 2)),
    ("Усього випущено 18 ракет різних типів.", (18, 18), None),
    ("ВСУ выпустили по объекту в Брянской области шесть баллистических ракет.", (6, 6), None),
    # number words with every apostrophe, compounds, thousands
    ("Збито п’ять ракет.", None, (5, 5)),
    ("Ворог запустив пʼять дронів, збито чотири.", (5, 5), (4, 4)),
    ("Збито сорок два з п’ятдесяти шахедів.", (50, 50), (42, 42)),
    ("Сбиты двадцать пять беспилотников.", None, (25, 25)),
    ("Збито 1 200 дронів.", None, (1200, 1200)),
    # numbers that are dates, people or military losses
    ("28 липня збито 5 дронів.", None, (5, 5)),
    ("Загинули 5 людей, ще 12 поранені.", None, None),
    ("Знищено 12 танків.", None, None),
    ("Ворог атакував 28 липня.", None, None),
    ("Двоє людей поранені внаслідок удару дрона.", None, None),
]


def _pair(fig) -> tuple[int | None, int | None] | None:
    return None if fig is None else (fig.low, fig.high)


@pytest.mark.parametrize(("sentence", "launched", "intercepted"), COUNT_CASES)
def test_parse_counts(sentence: str, launched, intercepted) -> None:
    got = parse_counts(sentence)
    assert (_pair(got.launched), _pair(got.intercepted)) == (launched, intercepted)


def test_count_gates_are_exact() -> None:
    from tests.extract.test_uk_ru_facts import _corpus

    for sentence in _corpus():
        assert parse_counts(sentence) == parse_counts(sentence, gated=False), sentence


def test_qualifier_is_english() -> None:
    assert parse_counts("Збито щонайменше 20 дронів.").intercepted.qualifier == "at least"


@pytest.mark.parametrize(
    ("text", "launched", "intercepted"),
    [
        (
            "Вночі ворог атакував Київ 42 ударними БпЛА типу Shahed. "
            "Над Києвом збито 37 з 42 шахедів, уламки впали на будинок у Києві.",
            42,
            37,
        ),
        (
            "Ночью над Белгородом дежурными средствами ПВО перехвачены и уничтожены "
            "25 украинских БПЛА.",
            None,
            25,
        ),
    ],
)
def test_interception_counts_through_the_extractor(
    gazetteer, text: str, launched: int | None, intercepted: int
) -> None:
    from geoevents.extract.uk_ru.mentions import find_mentions

    if not find_mentions("Вибухи у Києві.", gazetteer):
        pytest.skip("Ukrainian/Russian place names are not read yet (the mentions stage)")
    result = Extractor(gazetteer).article(Article("c1", None, text))
    counts = [
        e.weapon_counts for e in result.events if e.weapon_counts["intercepted"]["low"] is not None
    ]
    assert counts, [(e.place_name, e.event_type) for e in result.events]
    wc = counts[0]
    assert wc["intercepted"]["low"] == intercepted
    if launched is not None:
        assert wc["launched"]["low"] == launched
