"""What a Ukrainian or Russian sentence reports (issue 15 point 3): triggers and event
types, non-events, and the :class:`SentenceFacts` the extractor reads, in the English
labels and conventions (canonical cases in both languages; the sentences are written
for these tests)."""

from __future__ import annotations

import pytest

from geoevents.extract import facts as english_facts
from geoevents.extract.sentences import has_stem
from geoevents.extract.uk_ru import detect as detect_module
from geoevents.extract.uk_ru.detect import detect
from geoevents.extract.uk_ru.facts import sentence_facts
from geoevents.extract.uk_ru.weapons import weapon_spans

AIR = "air_drone_strike"
SHELL = "shelling_missile_attack"
EXPL = "remote_explosive"
INT = "interception"

#: (sentence, event type or None, strength or None)
DETECT_CASES = [
    # Ukrainian
    ("Росіяни завдали ракетного удару по Дніпру.", SHELL, 3),
    ("Уночі ворог обстріляв Нікополь з артилерії.", SHELL, 3),
    ("Окупанти обстрілювали Херсон протягом дня.", SHELL, 3),
    ("Зафіксовано приліт у приватний будинок.", SHELL, 1),
    ("Прильоти по Краматорську, пошкоджено будинки.", SHELL, 1),
    ("Ракета влучила в п'ятиповерхівку.", SHELL, 2),
    ("Ворог атакував Київ дронами-камікадзе.", AIR, 3),
    ("Атака шахедів на Одесу: пошкоджено порт.", AIR, 3),
    ("Атака ударних БпЛА на Суми.", AIR, 3),
    ("Російська авіація скинула КАБи на Вовчанськ.", AIR, 3),
    ("Окупанти завдали авіаудару по Куп'янську.", AIR, 3),
    ("Окупанти вдарили FPV-дроном по автобусу в Херсоні.", AIR, 2),
    ("Ворог скинув вибухівку з дрона на автомобіль.", AIR, 3),
    ("Генштаб: уражено склад боєприпасів ворога.", SHELL, 1),
    ("Знищено склад БК окупантів, є загиблі.", SHELL, 1),
    ("Над Київщиною збито 12 шахедів.", INT, 3),
    ("Знешкоджено 15 із 20 ракет.", INT, 3),
    ("Сили ППО відпрацювали по ворожих дронах над Києвом.", INT, 3),
    ("У Києві працює ППО.", INT, 3),
    ("Ракету перехоплено над Черкащиною.", INT, 3),
    ("У Мелітополі підірвали автомобіль колаборанта.", EXPL, 3),
    ("Військовий підірвався на міні на Харківщині.", EXPL, 3),
    ("Спрацював саморобний вибуховий пристрій.", EXPL, 3),
    ("У Запоріжжі пролунали вибухи.", EXPL, 1),
    ("Дві ракети влучили в порт, ще дві збито.", SHELL, 2),
    ("Внаслідок атаки пошкоджено будинок.", SHELL, 1),
    ("Ворог запустив по області п'ять ракет «Калібр».", SHELL, 2),
    # Russian
    ("ВСУ нанесли удар по Белгороду.", SHELL, 1),
    ("ВСУ нанесли ракетный удар по Шебекино.", SHELL, 3),
    ("Белгород подвергся обстрелу со стороны ВСУ.", SHELL, 3),
    ("Прилет в жилой дом в Донецке.", SHELL, 1),
    ("Атака БПЛА на Курскую область: повреждена подстанция.", AIR, 3),
    ("Российская авиация сбросила ФАБ на позиции ВСУ.", AIR, 3),
    ("Беспилотник ударил по автомобилю в Шебекино.", AIR, 3),
    ("В Курске прогремел взрыв.", EXPL, 1),
    ("Минобороны: поражены склады боеприпасов ВСУ.", SHELL, 1),
    ("Дежурными средствами ПВО перехвачены и уничтожены 25 украинских БПЛА.", INT, 3),
    ("Сбиты 12 беспилотников.", INT, 3),
    ("ПВО работала над Брянском.", INT, 3),
    ("Над Курской областью уничтожены три беспилотника.", INT, 3),
    ("В Донецке подорвали автомобиль.", EXPL, 3),
    ("Погиб мирный житель, подорвавшийся на мине.", EXPL, 3),
    ("ВСУ ударили по Горловке из РСЗО HIMARS.", SHELL, 2),
    # not events: alerts, threats, plans, negations, demining, exercises, history, talk
    ("В області оголошено повітряну тривогу.", None, None),
    ("Загроза застосування ударних БпЛА на півночі.", None, None),
    ("Угроза атаки БПЛА в Белгородской области.", None, None),
    ("Росія погрожує вдарити по Києву.", None, None),
    ("Ворог може завдати масованого удару найближчими днями.", None, None),
    ("Противник готовит новый удар по энергетике.", None, None),
    ("Влучань не зафіксовано.", None, None),
    ("Ніч минула без обстрілів.", None, None),
    ("Обстрелов не было.", None, None),
    ("Знешкоджено 50 вибухонебезпечних предметів.", None, None),
    ("Під час навчань ракетники відпрацювали удар.", None, None),
    ("Сьогодні річниця ракетного удару по Кременчуку.", None, None),
    ("Зеленський провів нараду в Києві.", None, None),
    ("Противник атаковал Белгородскую область.", None, None),  # weak, nothing to corroborate
    ("Україні бракує засобів ППО, наголосив президент.", None, None),
    ("Минобороны России: удара по Краматорску не было.", None, None),
    ("Обломки ракеты упали на дом в Курске.", None, None),  # debris alone: no trigger
    ("Усі десять знищено.", INT, 2),  # with a count shot down
    ("Знищено 87 ракет і 27 шахедів.", INT, 2),
    ("Снаряды упали на рынок в Донецке.", SHELL, 2),
    ("Беспилотник попал в многоэтажный жилой дом.", AIR, 2),
    ("Ракета зруйнувала триповерховий гуртожиток.", SHELL, 2),
    ("Ракета розірвалася над житловим кварталом.", SHELL, 2),
    ("На мосту взорвался грузовик.", EXPL, 1),
    ("Обломки сбитой ракеты упали на жилой дом.", INT, 3),
    ("Мост атакован безэкипажными катерами.", AIR, 2),
    ("ВСУ атаковали порт управляемыми авиационными ракетами.", SHELL, 2),
    ("У Києві зазнала ушкоджень будівля після атаки дронів.", AIR, 3),
    ("Група ударних БпЛА з Чернігівщини курсом на Київ.", None, None),  # a course, no strike
    ("Авиацией и артиллерией нанесено поражение живой силе ВСУ.", AIR, 2),
    ("Сили оборони завдали вогневого ураження по складу БК окупантів.", SHELL, 1),
    # no casualties is still an event; an interception with no hits too
    ("Над областю збито 10 дронів, без влучань.", INT, 3),
    ("Сьогодні вранці ворог атакував Суми балістикою.", SHELL, 2),
    ("Обійшлося без постраждалих: ракета влучила в поле.", SHELL, 2),
]


#: More strike phrasings (for the pre-filter checks): every trigger family, every form.
EXTRA = [
    "Збивали шахеди всю ніч; ППО збила ракету; перехоплення над Києвом.",
    "Сбивали дроны, перехватили ракету, перехват над Москвой, подавили РЭБ.",
    "Мобільні вогневі групи знищили дрон; силами ППО знешкоджено ракету.",
    "Відбито атаку; отражена атака; атака отражена; відбили атаку дронів.",
    "Підрив авто; подрыв моста; замінована дорога; заминированы поля; фугас.",
    "Налет беспилотников, наліт шахедів, дронова атака, скидання гранат з коптера.",
    "Сбрасывают бомбы, скидають ВОГи, бомблять місто, бомбят село, бомбардировка.",
    "Артобстрел, артобстріл, артилерійський вогонь, мінометний обстріл, минометный огонь.",
    "Прильот, прилёт, влучили, поцілили, попадание, уразили, поразили, поражен объект.",
    "Били по місту, б'ють по Херсону, бьют по Донецку, гатили по селу.",
    "Перехвачено 144 беспилотника; перехвачены ракеты; перехоплено дрони; збитої ракети.",
    "Сбитого беспилотника, сбитой ракеты, сбитую цель; збиту ракету; збитих дронів.",
    "Уничтожении БПЛА над областью; знищення ракет у небі; уничтожено в воздухе.",
    "Ракеты попали, снаряд попал, попадание; зруйновано; разрушен дом; повредили башни.",
    "Ракета разорвалась; розірвався снаряд; взорвался автомобиль; вибухнув дрон.",
    "Мины упали на село; міни впали; шахед упав; КАБ упал на двор.",
    "Будівля зазнала ушкоджень; ушкодили дах; авиационные ракеты; авіаційна бомба.",
]


@pytest.mark.parametrize(("sentence", "etype", "strength"), DETECT_CASES)
def test_detect(sentence: str, etype: str | None, strength: int | None) -> None:
    d = sentence_facts(sentence).detection
    assert (None if d is None else (d.event_type, d.strength)) == (
        None if etype is None else (etype, strength)
    )
    if d is not None:  # the trigger span is in the sentence
        assert sentence[d.start : d.end] == d.trigger


def test_trigger_gate_is_exact() -> None:
    """A sentence without a gate stem has no trigger match (the pre-filter is exact)."""
    rows = zip(detect_module.TRIGGERS, detect_module.TRIGGER_STEMS, strict=True)
    for (rx, _, _), stems in rows:
        for sentence in _corpus():
            if rx.search(sentence):
                assert has_stem(sentence, stems), (sentence, stems)
                assert has_stem(sentence, detect_module.GATE_STEMS), sentence


def _corpus() -> list[str]:
    from tests.extract.test_uk_ru_counts import COUNT_CASES
    from tests.extract.test_uk_ru_weapons import TARGET_CASES, WEAPON_CASES

    cases = DETECT_CASES + WEAPON_CASES + TARGET_CASES + COUNT_CASES
    return [c[0] for c in cases] + EXTRA


def test_corroboration_lets_destroyed_report_a_strike() -> None:
    s = "Знищено техніку противника."
    assert detect(s, weapon_spans(s)) is None
    assert detect(s, weapon_spans(s), corroborated=True).event_type == SHELL


@pytest.mark.parametrize(
    ("sentence", "weapons", "specific", "targets"),
    [
        (
            "Уночі ворог атакував Одесу шахедами, пошкоджено багатоповерхівку.",
            ("Shahed",),
            ("Shahed",),
            ("apartment building",),
        ),
        (
            "Ракети «Калібр» і балістичні ракети влучили в об'єкт енергетики.",
            ("Kalibr",),
            ("Kalibr",),
            ("power infrastructure",),
        ),
        ("Дроны атаковали нефтебазу в Брянской области.", ("drone",), (), ("fuel depot",)),
        ("Уражено пускову установку HIMARS.", (), (), ("weapon system",)),
        ("Мешканці провели ніч в укриттях.", (), (), None),  # no trigger: no targets read
    ],
)
def test_sentence_facts(sentence, weapons, specific, targets) -> None:
    f = sentence_facts(sentence)
    assert (f.weapons, f.specific, f.targets) == (weapons, specific, targets)


def test_counts_make_figures() -> None:
    f = sentence_facts("Збито 37 з 42 шахедів.")
    assert f.has_figs and f.detection.event_type == INT
    assert (f.counts.launched.low, f.counts.intercepted.low) == (42, 37)
    assert f.specific == ("Shahed",)


def test_same_shape_as_english() -> None:
    """The clause figures cover the sentence as English ones do; the value type is shared."""
    s = "Ракета влучила в будинок у Харкові."
    f = sentence_facts(s)
    assert isinstance(f, english_facts.SentenceFacts)
    assert f.per_clause and f.per_clause[0][0] == 0 and f.per_clause[-1][1] <= len(s)
    assert not f.has_figs
