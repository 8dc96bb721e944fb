"""Weapons and targets named in Ukrainian and Russian, with the English labels (issue 15).

Each weapon of the brief in both languages and several cases; targets; the weapon as the
target ("пускову установку HIMARS"); and the pre-filters (stems, literals) never change
a result.
"""

from __future__ import annotations

import pytest

from geoevents.extract.sentences import has_stem
from geoevents.extract.uk_ru import targets, weapons
from geoevents.extract.uk_ru.targets import find_targets
from geoevents.extract.uk_ru.weapons import find_weapons
from geoevents.extract.weapons import WEAPONS

WEAPON_CASES = [
    ("Ворог атакував Київ шахедами.", ("Shahed",)),
    ("Над областю збито 37 з 42 шахедів.", ("Shahed",)),
    ("Противник запустил Герань-2 по Одессе.", ("Shahed",)),
    ("Ночью сбиты три Герани.", ("Shahed",)),
    ("Удар ракетами «Іскандер-М» по Харкову.", ("Iskander",)),
    ("Пуск Искандера из Белгородской области.", ("Iskander",)),
    ("З моря випущено чотири Калібри.", ("Kalibr",)),
    ("Ракетами «Калибр» по объектам энергетики.", ("Kalibr",)),
    ("Стратегічна авіація випустила ракети Х-101 (кирилицею).", ("Kh-101", "aircraft")),
    ("Латинською: X-101 і Х-555, а також Х-22 та Х-59.", ("Kh-101",)),
    ("Росія застосувала два Кинджали.", ("Kinzhal",)),
    ("Ракетой «Кинжал» ударили по аэродрому.", ("Kinzhal",)),
    ("Ракети «Онікс» впали біля Одеси.", ("Onyx",)),
    ("Ударили ракетами «Оникс».", ("Onyx",)),
    ("Окупанти скинули КАБ на Вовчанськ.", ("glide bomb",)),
    ("Сбросили ФАБ-500 с УМПК.", ("glide bomb",)),
    ("Керованими авіабомбами вдарили по Куп'янську.", ("glide bomb",)),
    ("FPV-дрон атакував автомобіль.", ("drone",)),
    ("ФПВ-дроном уражено автобус.", ("drone",)),
    ("Ракета С-300 влучила в будинок.", ("S-300",)),
    ("Збили ракету С-400 над Харковом.", ("S-400",)),
    ("ВСУ ударили ATACMS по аэродрому.", ("ATACMS",)),
    ("По Бердянську ударили HIMARS.", ("HIMARS",)),
    ("Удар ракетами Storm Shadow по Севастополю.", ("Storm Shadow",)),
    ("Ракета «Нептун» уразила крейсер.", ("Neptune",)),
    ("Ланцетом уражено гаубицю.", ("Lancet", "artillery")),
    ("Обстріл з РСЗВ «Град».", ("Grad",)),
    ("Из РСЗО «Смерч» обстреляли город.", ("Smerch",)),
    ("Ураганом обстріляли Нікополь.", ("Uragan",)),
    ("Ракета «Точка-У» впала на Донецьк.", ("Tochka-U",)),
    ("Ударили з РСЗО «Торнадо-С».", ("Tornado-S",)),
    ("Ворог випустив балістичні ракети.", ("missile",)),
    ("Крилаті ракети летять на захід.", ("missile",)),
    ("Беспилотник упал на крышу.", ("drone",)),
    ("Атака БпЛА на Суми; також безпілотники над Полтавою.", ("drone",)),
    ("Обстріл з артилерії та мінометів.", ("artillery",)),
    ("Артиллерия и минометы били по селу.", ("artillery",)),
    ("Удар із РСЗВ по Херсону.", ("rocket",)),
    ("Працювала російська авіація.", ("aircraft",)),
    ("Сработало самодельное взрывное устройство.", ("explosive",)),
    ("Тракторист підірвався на міні.", ("explosive",)),
    ("Використали касетні боєприпаси.", ("cluster munition",)),
    # the weapon as the target, and words that are no weapon
    ("Вдарили ракетними комплексами й ударними дронами.", ("drone", "missile")),
    ("Знищено пускову установку HIMARS.", ()),
    ("Уражено склад ракет і позиції РСЗВ.", ()),
    ("Знищено 30 артилерійських систем та 40 БпЛА оперативно-тактичного рівня.", ()),
    ("Град пошкодив урожай на полях.", ("Grad",)),  # capitalised at the start: a known limit
    ("Вночі був сильний град і смерч.", ()),
    ("Вогонь великого калібру, ніхто не постраждав.", ()),
    ("Міністр говорив про мир у Будапешті.", ()),
]


ROCKET_CASES = [
    # multiple rocket launchers by their abbreviation or full name: the English "rocket"
    ("Окупанти гатили по селищу з РСЗВ.", ("rocket",)),
    ("По окраине города ударили из РСЗО.", ("rocket",)),
    ("Армія РФ била з реактивних систем залпового вогню по набережній.", ("rocket",)),
    ("Окраину обстреляли из реактивной системы залпового огня.", ("rocket",)),
    ("Ворог гатив реактивною артилерією по околиці.", ("rocket",)),
    # their shells are rockets, not artillery shells
    ("По селищу випущено 15 реактивних снарядів.", ("rocket",)),
    ("Поселок обстреляли реактивными снарядами.", ("rocket",)),
    ("Снаряди РСЗВ пошкодили дах ферми.", ("rocket",)),
    ("Снаряд из РСЗО упал возле рынка.", ("rocket",)),
    ("Снаряди з «Градів» пошкодили дах ферми.", ("Grad",)),
    # near misses: plain shells stay artillery; both named apart stay both
    ("Снаряд 152-мм калібру пошкодив дах ферми.", ("artillery",)),
    ("Поселок обстреляли снарядами, а вечером ударили из РСЗО.", ("artillery", "rocket")),
    ("Ворог бив артилерією та з РСЗВ.", ("artillery", "rocket")),
    ("Реактивний літак пролетів над містом.", ()),  # a jet, no rocket
]
WEAPON_CASES += ROCKET_CASES


@pytest.mark.parametrize(("sentence", "labels"), ROCKET_CASES)
def test_rocket_systems_are_rockets_not_artillery(sentence: str, labels: tuple[str, ...]) -> None:
    assert find_weapons(sentence) == labels


@pytest.mark.parametrize(("sentence", "labels"), WEAPON_CASES)
def test_weapons(sentence: str, labels: tuple[str, ...]) -> None:
    assert find_weapons(sentence) == labels


def test_every_label_is_an_english_one() -> None:
    english = {w.label for w in WEAPONS}
    assert {label for label, _, _ in weapons.PATTERNS} <= english
    assert len(weapons.PATTERNS) == len(weapons.WEAPON_LITERALS)


TARGET_CASES = [
    ("Ракета влучила в багатоповерхівку.", ("apartment building",)),
    ("Удар по многоэтажке в Белгороде.", ("apartment building",)),
    ("Пошкоджено житловий будинок і 9-поверховий будинок.", ("apartment building",)),
    ("Пошкоджено приватний будинок.", ("house",)),
    ("Уражено школу і дитячий садок.", ("school",)),
    ("Снаряд попал в больницу.", ("hospital",)),
    ("Ракета влучила в лікарню.", ("hospital",)),
    ("Атака на об'єкт енергетики.", ("power infrastructure",)),
    ("Пошкоджено енергоінфраструктуру та підстанцію.", ("power infrastructure",)),
    ("Дроны атаковали НПЗ.", ("fuel depot",)),
    ("Горить нафтобаза.", ("fuel depot",)),
    ("Уражено склад БК.", ("ammunition depot",)),
    ("Поражены склады боеприпасов.", ("ammunition depot",)),
    ("Атака на аеродром.", ("airfield",)),
    ("Удар по порту Одеси.", ("port",)),
    ("Пошкоджено залізничну колію.", ("railway",)),
    ("Уражено підприємство.", ("factory",)),
    ("Пошкоджено автомобіль.", ("vehicle",)),
    ("Знищено ЗРК С-300.", ("weapon system",)),
    ("Уражено РЛС.", ("radar",)),
    ("Уражено пункт управління БпЛА.", ("military base",)),
    ("Уражено райони зосередження особового складу.", ("troop position",)),
    ("Пошкоджено торговий центр.", ("shopping centre",)),
    ("Уражено великий десантний корабель.", ("ship",)),
    ("Пошкоджено два літаки Су-34.", ("aircraft",)),
    ("Атакован рынок.", ("shopping centre",)),
    ("Удар по готелю.", ("hotel",)),
    ("Пострадал музей.", ("museum",)),
    ("Ударом по мосту.", ("bridge",)),
    ("Обстріл колони цивільних авто.", ("vehicle",)),
    ("Уразили пункт дислокації мобілізованих.", ("military base",)),
    ("Ракетный удар по штабу флота.", ("military base",)),
    ("Удар по військовому інституту.", ("military base",)),
    ("Сдетонировали авиационные боеприпасы.", ("ammunition depot",)),
    ("Поражены хранилища топлива.", ("fuel depot",)),
    ("Знищено систему ППО.", ("weapon system",)),
    ("Пять ракет сбиты системами ПВО.", ()),  # air defence is the means
    ("Об этом сообщил оперативный штаб края.", ()),  # the civil emergency headquarters
    ("Вибухи в центрі міста.", ()),  # "міста" is the city's, not a bridge
    ("Удар з літаків по селу.", ()),  # the aircraft is the means
]


@pytest.mark.parametrize(("sentence", "labels"), TARGET_CASES)
def test_targets(sentence: str, labels: tuple[str, ...]) -> None:
    assert find_targets(sentence) == labels


def _corpus() -> list[str]:
    from tests.extract.test_uk_ru_counts import COUNT_CASES
    from tests.extract.test_uk_ru_facts import DETECT_CASES, EXTRA

    return EXTRA + (
        [s for s, _ in WEAPON_CASES]
        + [s for s, _ in TARGET_CASES]
        + [c[0] for c in DETECT_CASES]
        + [c[0] for c in COUNT_CASES]
    )


def test_prefilters_are_exact() -> None:
    for s in _corpus():
        ungated = weapons._without_rocket_shells(s, weapons._scan(s, gated=False))
        assert weapons.weapon_spans(s) == ungated, s
        assert targets.target_spans(s) == targets._scan(s, gated=False), s
        if weapons._scan(s, gated=False):
            assert has_stem(s, weapons.GATE_STEMS), s
