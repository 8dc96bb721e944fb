"""Language identification (issue 15, point 1): English, Ukrainian and Russian are read,
other languages are named and skipped, never silently dropped; English is never skipped."""

from __future__ import annotations

import importlib.util
import warnings
from pathlib import Path

import pytest

from geoevents.errors import LanguageWarning
from geoevents.extract.extractor import Extractor
from geoevents.extract.rules import is_cyrillic
from geoevents.io.articles import Article, read_articles
from geoevents.io.language import (
    Language,
    article_language,
    identify,
    language_name,
    sentence_language,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Russian drones struck a fuel depot in Odesa overnight, the governor said.", "en"),
        ("Унаслідок ракетного удару по Одесі загинули двоє людей, ще 12 поранені.", "uk"),
        ("В результате обстрела Белгорода погибли два человека, ещё пятеро ранены.", "ru"),
        # no letter only one of the two uses: the model
        ("Вибух у Сумах.", "uk"),
        ("Обстрел Донецка.", "ru"),
        # Ukrainian/Russian posts with English names, hashtags, links, emoji, numbers
        ("ЗСУ вперше застосували ATACMS по аеродрому в Бердянську 🔥", "uk"),
        ("🚨 Повітряна тривога! Kyiv, Kharkiv, Dnipro — в укриття!", "uk"),
        ("Детальніше за посиланням: https://t.me/kpszsu/1234 #Харків", "uk"),
        ("МО РФ: сбиты 2 ракеты Storm Shadow и 8 HIMARS 🚀", "ru"),
        ("Губернатор @vvgladkov: ранены 3 человека 😢 https://t.me/vvgladkov/1", "ru"),
        # a Ukrainian post quoting a Russian sentence: the majority of words
        ("Вибухи в Харкові, працює ППО. Взрывы в Харькове.", "uk"),
        # other Cyrillic languages, by their letters or the model
        ("Дзеці вярнуліся ў школы пасля канікулаў.", "be"),
        ("Гомельская вобласць рыхтуецца да зімы.", "be"),
        ("Президентът се срещна с министъра на отбраната.", "bg"),
        ("Русия нанесе ракетен удар по енергийната инфраструктура.", "bg"),
        ("Ђаци су добили нове уџбенике.", "sr"),
        ("Русија је извела ракетни напад на Украјину.", "sr"),
        # other Latin-script languages
        ("Rosyjskie drony zaatakowały Kijów w nocy, są ranni.", "pl"),
        ("Ein russischer Raketenangriff traf am Montag eine Schule in der Stadt.", "de"),
        ("Un missile russe a frappé une école à Kharkiv lundi, selon le gouverneur.", "fr"),
    ],
)
def test_identify(text: str, code: str) -> None:
    found = identify(text)
    assert found == Language(code, language_name(code), code in {"en", "uk", "ru"})


@pytest.mark.parametrize(
    "text",
    [
        "Explosions in Kharkiv.",
        "Kharkiv, Izium, Kupiansk: shelling reported",
        "Makiivka, Horlivka, Yasynuvata",
        "Oleh Syniehubov, Ihor Terekhov, Vadym Filashkin",
        "IL-76 Downing",  # "il" is an Italian word
        "27y.o. Artur Holub killed at Verkhnietoretske, Donetsk Obl Sept 12, 2021",
        "Two die in Kherson shelling",  # "die" is a German word
        "Zelensky meets Biden in Washington",
        "Pokrovsk direction: heavy fighting continues",
        "Update 10:15 - two dead, nine wounded #Kharkiv",
        "Read more: https://www.reuters.com/world/europe/",
        "The strike hit the village of Hroza (Гроза) in the Kharkiv region, killing 52 people.",
    ],
)
def test_english_is_never_skipped(text: str) -> None:
    assert identify(text).read
    assert identify(text).code in ("en", None)


def test_the_bundled_examples_are_in_the_languages_read() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", LanguageWarning)
        articles = [a for a in read_articles([ROOT / "examples"]) if isinstance(a, Article)]
    assert len(articles) >= 10
    by_file = {(a.path or "").rsplit("/", 1)[-1]: article_language(a).code for a in articles}
    assert by_file.pop("telegram_air_force.json") == "uk"
    assert by_file.pop("belgorod_shelling_ru.txt") == "ru"
    assert set(by_file.values()) == {"en"}


@pytest.mark.parametrize("text", ["", "Kyiv, 5 May", "🔥🔥🔥 https://t.me/x/1 @someone", "Ракета!"])
def test_too_short_to_tell_is_read(text: str) -> None:
    assert identify(text) == Language(None, "unknown", True)


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Збито 37 з 42 шахедів над Черкащиною.", "uk"),
        ("Силами ПВО перехвачены четыре ракеты над Курской областью.", "ru"),
        ("Дзеці вярнуліся ў школы пасля канікулаў.", "be"),
        ("Ђаци су добили нове уџбенике у Београду.", "sr"),
        ("Кметът на Варна откри новия парк.", "bg"),  # ъ and the model's clear word
    ],
)
def test_sentence_language(sentence: str, code: str) -> None:
    assert sentence_language(sentence) == code


@pytest.mark.parametrize(
    "sentence",
    [
        "Вибух у Сумах.",
        "Обстріл Херсона.",
        "Ще 5 загиблих",
        "Генштаб: наймасованіша атака",  # і and no и, like Belarusian
        "Загроза ударних БпЛА",
        "Удар по Херсону",
        "Сбит дрон над городом.",
        "Атака БПЛА на Брянск.",
        "Обстрел Горловки",
        "Код красный в Курске",
    ],
)
def test_a_short_post_without_telling_letters_is_read(sentence: str) -> None:
    assert sentence_language(sentence) in (None, "uk", "ru")
    assert identify(sentence).read


def test_the_bench_figures_hold() -> None:
    """``bench/langid.py``'s 246 texts: accuracy, uk/ru confusion, English never skipped;
    and its 60 texts held out of the tuning."""
    spec = importlib.util.spec_from_file_location("bench_langid", ROOT / "bench" / "langid.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    pairs = [(code, identify(text).code) for code, _, text in bench.posts()]
    assert len(pairs) >= 240
    assert sum(c == g for c, g in pairs) / len(pairs) >= 0.95
    assert pairs.count(("uk", "ru")) + pairs.count(("ru", "uk")) <= 2
    assert not [g for c, g in pairs if c == "en" and g != "en"]
    assert not [g for c, g in pairs if c in ("uk", "ru") and g not in ("uk", "ru")]
    held = bench.held_out()
    assert sum(identify(text).code == code for code, _, text in held) / len(held) >= 0.95


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_article_not_read_is_warned_by_name_and_the_read_ones_are_not(tmp_path: Path) -> None:
    _write(tmp_path, "pl.txt", "Atak na Odessę\n\nW nocy rosyjskie drony zaatakowały port.\n")
    _write(tmp_path, "uk.txt", "Удар по Одесі\n\nВночі російські дрони атакували порт.\n")
    _write(tmp_path, "ru.txt", "Удар по Одессе\n\nНочью российские дроны атаковали порт.\n")
    _write(tmp_path, "mixed.txt", "Вибухи в Одесі\n\nExplosions in Odesa. Працює ППО.\n")
    with pytest.warns(LanguageWarning) as record:
        articles = [a for a in read_articles([tmp_path]) if isinstance(a, Article)]
    assert len(articles) == 4
    assert [str(w.message) for w in record] == [
        f"{tmp_path / 'pl.txt'}: written in Polish; geoevents reads English, Ukrainian and "
        "Russian, so it is skipped"
    ]


def test_the_extractor_skips_an_article_not_read_and_says_why(gazetteer) -> None:
    extractor = Extractor(gazetteer, explain=True)
    polish = Article("pl1", "Atak na Odessę", "Rosyjskie drony zaatakowały port w Odessie.")
    result = extractor.article(polish)
    assert (result.events, result.language) == ((), "pl")
    assert result.explain == (
        "written in Polish: not read (geoevents reads English, Ukrainian and Russian)",
    )
    quiet = Extractor(gazetteer).article(polish)  # the reason is given without --explain too
    assert (quiet.events, quiet.language, quiet.explain) == ((), "pl", result.explain)
    english = Article("en1", None, "A Russian drone struck a warehouse in the port of Odesa.")
    result = extractor.article(english)
    assert result.language == "en" and result.explain[0] == "language: English"
    assert [e.place_name for e in result.events] == ["Odesa"]
    ukrainian = Article("uk1", None, "Вночі російські дрони атакували порт Одеси.")
    result = extractor.article(ukrainian)
    assert result.language == "uk" and result.explain[0] == "language: Ukrainian"


def test_the_annotated_corpus_is_identified_by_its_folder() -> None:
    """The Ukrainian and Russian posts of the evaluation corpus (``uk/``, ``ru/``) and its
    English articles: every article named right, no Cyrillic sentence given to a
    language not read."""
    folder = ROOT / "tests" / "data" / "extract" / "articles"
    if not (folder / "uk").is_dir():
        pytest.skip("the Ukrainian and Russian corpus is not in this checkout")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = [a for a in read_articles([folder]) if isinstance(a, Article)]
    wrong, foreign = [], []
    for a in articles:
        parent = Path(a.path or "").parent.name
        lang = parent if parent in ("uk", "ru") else "en"
        if article_language(a).code != lang:
            wrong.append(a.path)
        if lang != "en":  # each line and sentence, in the post and alone as a post
            texts = [a.title or "", *a.text.splitlines(), *a.text.split(". ")]
            foreign += [t for t in texts if sentence_language(t) not in READ_OR_NONE]
            foreign += [t for t in texts if is_cyrillic(t) and not identify(t).read]
    assert len(articles) >= 150
    assert (wrong, foreign) == ([], [])


READ_OR_NONE = (None, "uk", "ru")
