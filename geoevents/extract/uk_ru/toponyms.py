"""Declined place names in a Ukrainian or Russian sentence, read back to the gazetteer's names.

A run of one to three capitalised words ("Харкові", "Кривому Розі", "Орлово-Іванівці",
"Ростові-на-Дону") is a place when one combination of the nominatives its words may come
from (:func:`gazetteer.inflect.lemmas`) is a key of the place matcher's automaton (the
gazetteer's settlement, site and region keys: Cyrillic names are indexed by their
transliteration, so "Кривий Ріг" is the key ``kriviy rig``). The longest run wins, and
of its combinations the one of the most specific endings.

Region phrases are read apart (:func:`region_spans`): an oblast adjective before a region
word ("Харківської області", "Белгородской области", "Харківська та Сумська області"),
a colloquial oblast name ("на Харківщині", "Донеччини", "Бєлгородщина"), an alias
("Донбас", "Крим"), and a district or hromada ("Нікопольського району",
"Краснопільська громада").

>>> from gazetteer.inflect import lemmas
>>> [(s[a:b], text) for s in ["Удар по Кривому Розі."] for a, b, text, _ in
...     find_names(s, lambda k: k == "kriviy rig")]
[('Кривому Розі', 'Кривий Ріг')]
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from gazetteer.inflect import lemmas
from gazetteer.normalize import normalize

#: A word: letters and digits, inner apostrophes ("Куп'янськ").
WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")
_VOWEL_END = frozenset("аеиіїоуыэюяєё")
#: Words at most this many make one name ("Ростов-на-Дону").
MAX_WORDS = 3
#: Candidate combinations tried per run, at most.
MAX_COMBOS = 400


@lru_cache(maxsize=200_000)
def _keys(word: str) -> tuple[tuple[str, str], ...]:
    """``(nominative, key)`` of each nominative ``word`` may be a form of."""
    out: dict[str, str] = {}
    for lemma in lemmas(word):
        key = normalize(lemma)
        if not key:
            continue
        if key not in out:
            out[key] = lemma
        elif lemma.endswith("ль") and out[key].endswith("л"):  # Севастополь, not Севастопол
            out[key] = lemma
    return tuple((lemma, key) for key, lemma in out.items())


#: Function words (lower case) that are never a place, though a declension rule may read
#: one as a form of a name ("Від" as "Віди", "Для" as "Дли"): pronouns, prepositions,
#: conjunctions and particles of both languages. A written form of one or two letters
#: ("Не", "На", "По") is never a place either (:func:`no_name`).
FUNCTION_WORDS: frozenset[str] = frozenset(
    """
    він вона воно вони від при під над для без біля про але або все всі вже ще там тут так
    цей ця це ці той ті хто що як коли де після перед між поки якщо теж також лише тільки
    його її їх нас вас нам вам наш ваш ось аби щоб адже зараз тому проте однак навіть саме
    через серед крім окрім поза понад щодо близько усе усі уже наразі разом потім
    как что это эти этот эта так всё еще ещё или его она они оно под меж около возле после
    между пока если тоже также лишь только вот где когда кто чем чтобы затем потом однако
    даже тем том той тот сейчас среди кроме вне свыше более менее теперь здесь вместе
    """.split()
)


def no_name(word: str) -> bool:
    """Whether a written word alone is never a place: one or two letters, or a function word.

    >>> [no_name(w) for w in ("Не", "Від", "Для", "Бар", "Суми")]
    [True, True, True, False, False]
    """
    return len(word) <= 2 or word.lower() in FUNCTION_WORDS


def _runs(sentence: str) -> list[list[re.Match[str]]]:
    """Runs of words joined by single spaces or hyphens (the words a name may span)."""
    runs: list[list[re.Match[str]]] = []
    prev: re.Match[str] | None = None
    for m in WORD.finditer(sentence):
        gap = sentence[prev.end() : m.start()] if prev is not None else None
        if prev is not None and gap in (" ", "-", "‑"):
            runs[-1].append(m)
        else:
            runs.append([m])
        prev = m
    return runs


def _name_words(words: list[re.Match[str]], sentence: str) -> bool:
    """The first and the last word are capitalised; inner words joined by hyphens may not
    be ("Ростов-на-Дону")."""
    if not words[0].group(0)[0].isupper() or not words[-1].group(0)[0].isupper():
        return False
    for a, b in zip(words, words[1:], strict=False):
        if not b.group(0)[0].isupper() and sentence[a.end() : b.start()] != "-":
            return False
    return all(w.group(0)[0].isupper() or len(w.group(0)) <= 3 for w in words)


def find_names(
    sentence: str,
    known: Callable[[str], bool],
    rank: Callable[[str], tuple[int, ...]] | None = None,
) -> Iterator[tuple[int, int, str, str]]:
    """``(start, end, nominative, key)`` of each name in ``sentence`` that ``known`` knows,
    longest first from left to right, spans not overlapping.

    Of the nominatives a run may come from, the best by ``rank`` of its key wins (the
    gazetteer's population and main-name flag: "Покровську" is Покровськ, not the
    alternate name "Pokrovska" of a namesake); on a tie, a declined reading wins over the
    written form ("Одессе" is Одесса) unless that ends in a consonant ("Киев" is no form
    of "Киеви"), then the more specific ending. A reading in the
    other language's letters comes last ("Сумах" in Ukrainian is Суми, not Сумы).
    """
    low = sentence.lower()
    uk, ru = any(c in low for c in "іїєґ"), any(c in low for c in "ыэъё")
    foreign = "ыэъё" if uk and not ru else "іїєґ" if ru and not uk else ""
    for run in _runs(sentence):
        i = 0
        while i < len(run):
            hit = None
            if run[i].group(0)[0].isupper():
                for n in range(min(MAX_WORDS, len(run) - i), 0, -1):
                    words = run[i : i + n]
                    if n > 1 and not _name_words(words, sentence):
                        continue
                    if no_name(words[0].group(0)) and (
                        n == 1 or sentence[words[0].end() : words[1].start()] == " "
                    ):  # "Не", "Від", "По Києву" (but "Ню-Йорк")
                        continue
                    hit = _match(sentence, words, known, rank, foreign)
                    if hit is not None:
                        yield hit
                        i += n
                        break
            if hit is None:
                i += 1


def _match(
    sentence: str,
    words: list[re.Match[str]],
    known: Callable[[str], bool],
    rank: Callable[[str], tuple[int, ...]] | None,
    foreign: str = "",
) -> tuple[int, int, str, str] | None:
    """The best reading of ``words``; a nominative with letters of the other language
    (``foreign``: "Сумы" read from "Сумах" in a Ukrainian sentence) comes last."""
    options = [_keys(w.group(0)) for w in words]
    found = []
    for order, combo in enumerate(itertools.islice(itertools.product(*options), MAX_COMBOS)):
        key = " ".join(k for _, k in combo)
        if known(key):
            pairs = list(zip(combo, words, strict=True))
            declined = any(lemma != w.group(0) for (lemma, _), w in pairs)
            if words[-1].group(0)[-1].lower() not in _VOWEL_END:  # "Киев" is a nominative
                declined = not declined
            native = not any(c in foreign for (lemma, _), _w in pairs for c in lemma.lower())
            found.append((native, (rank(key) if rank else ()), declined, -order, combo, key))
            if rank is None:
                break
    if not found:
        return None
    *_, combo, key = max(found, key=lambda f: f[:4])
    parts = []
    for j, (lemma, _) in enumerate(combo):
        parts.append(lemma)
        if j + 1 < len(words):
            parts.append(sentence[words[j].end() : words[j + 1].start()])
    return words[0].start(), words[-1].end(), "".join(parts), key


# -- regions -----------------------------------------------------------------

#: Colloquial oblast names (nominative, lower case) -> a phrase ``match_region`` knows.
COLLOQUIAL: dict[str, str] = {
    "харківщина": "Kharkiv region",
    "донеччина": "Donetsk region",
    "луганщина": "Luhansk region",
    "запоріжжя": "Zaporizhzhia region",  # only after "на": the city is "у Запоріжжі"
    "херсонщина": "Kherson region",
    "миколаївщина": "Mykolaiv region",
    "одещина": "Odesa region",
    "дніпропетровщина": "Dnipropetrovsk region",
    "дніпровщина": "Dnipropetrovsk region",
    "сумщина": "Sumy region",
    "чернігівщина": "Chernihiv region",
    "київщина": "Київська область",
    "полтавщина": "Poltava region",
    "черкащина": "Cherkasy region",
    "кіровоградщина": "Kirovohrad region",
    "житомирщина": "Zhytomyr region",
    "вінниччина": "Vinnytsia region",
    "хмельниччина": "Khmelnytskyi region",
    "рівненщина": "Rivne region",
    "волинь": "Volyn region",
    "львівщина": "Lviv region",
    "тернопільщина": "Ternopil region",
    "івано-франківщина": "Ivano-Frankivsk region",
    "прикарпаття": "Ivano-Frankivsk region",
    "закарпаття": "Zakarpattia region",
    "буковина": "Chernivtsi region",
    "бєлгородщина": "Belgorod region",
    "білгородщина": "Belgorod region",
    "белгородчина": "Belgorod region",
    "белгородщина": "Belgorod region",
    "курщина": "Kursk region",
    "брянщина": "Bryansk region",
    "ростовщина": "Rostov region",
    "воронежчина": "Voronezh region",
    "смоленщина": "Smolensk region",
    "харьковщина": "Kharkiv region",
    "донбас": "Donbas",
    "донбасс": "Donbas",
    "крим": "Crimea",
    "крым": "Crimea",
    "кубань": "Kuban",
    "підмосков'я": "Московская область",
    "подмосковье": "Московская область",
    "днр": "DPR",
    "лнр": "LPR",
}
#: Colloquial names that are also a city's name: a region only after "на" ("на Запоріжжі").
CITY_TOO = frozenset({"запоріжжя"})
_NA_BEFORE = re.compile(r"(?<![\w])на\s+$", re.IGNORECASE)

_CAP = r"[А-ЯІЇЄҐЁ][а-яіїєґё'’ʼ-]*[а-яіїєґё]"
#: A capitalised adjective (an oblast's, a raion's, a front direction's).
_ADJ = (
    r"[А-ЯІЇЄҐЁ][а-яіїєґё'’ʼ-]*(?:а|ої|ій|у|ою|ая|ой|ую|ий|ого|ому|им|ім|ом|ый|ым|их|і|ие|ые"
    r"|ых|ими|ыми)"
)
_ADJ_END = r"(?:ськ|цьк|зьк|ск|цк|зк|н|ів|ов|ев|ин|ськ)\w*"
_REGION_WORD = (
    r"(?P<word>област(?:ь|і|ей|ям|ями|ях|ью|ю|и)|обл\.?|кра(?:й|ю|ї|є|ем|е|я|ях)"
    r"|район(?:у|і|ом|ів|и|ах|е|а)?|р-н|громад(?:а|и|і|у|ою|ах)|ОТГ|округ(?:а|у|е|ом|і|и)?)"
)
#: "Харківської області", "Харківська та Сумська області", "Белгородской и Курской областей".
REGION_PHRASE = re.compile(
    rf"(?P<list>(?:{_ADJ}\s*(?:,|\s(?:та|і|й|и))\s+)*)"
    rf"(?P<adj>{_ADJ})\s+{_REGION_WORD}(?![\w])"
)
_LIST_ITEM = re.compile(_CAP)
_RUSSIAN_LETTERS = re.compile(r"[ыэъё]", re.IGNORECASE)


def _adjective_nominatives(adj: str, feminine: bool, russian: bool) -> list[str]:
    """Nominatives of an oblast or raion adjective: "Харківської" -> "Харківська";
    the Russian endings first in a Russian phrase ("Белгородской" -> "Белгородская")."""
    ends = ("а", "ая") if feminine else ("ий", "ій", "ый", "ой")
    found = [x for x in lemmas(adj) if x.lower().endswith(ends)]
    first = ("ая", "ый", "ой", "ий") if russian else ("а", "ий", "ій")
    return sorted(found, key=lambda x: not x.lower().endswith(first))


#: Region words written only in Russian.
_RUSSIAN_WORD = re.compile(r"(?:области|областей|областью|областях|края|крае|районе|районах)$")


def region_words(sentence: str) -> Iterator[tuple[int, int, str, tuple[str, ...]]]:
    """``(start, end, kind, nominative phrases)`` of oblast and raion phrases (the likelier
    reading first); kind is ``"oblast"``, ``"krai"``, ``"raion"``, ``"hromada"`` or
    ``"okrug"`` (a Russian municipal district, named after its town: "Одинцовский округ").

    >>> [(x[2], x[3][0]) for x in region_words("Удари по Харківській та Сумській областях.")]
    [('oblast', 'Харківська область'), ('oblast', 'Сумська область')]
    >>> [(x[2], x[3][0]) for x in region_words("в Белгородской области")]
    [('oblast', 'Белгородская область')]
    >>> [(x[2], x[3][0]) for x in region_words("у Нікопольському районі")]
    [('raion', 'Нікопольський район')]
    """
    for m in REGION_PHRASE.finditer(sentence):
        word = m.group("word").lower()
        if word.startswith(("обл", "област")):
            kind, noun, fem = "oblast", "область", True
        elif word.startswith("кра"):
            kind, noun, fem = "krai", "край", False
        elif word.startswith(("район", "р-н")):
            kind, noun, fem = "raion", "район", False
        elif word.startswith("округ"):
            kind, noun, fem = "okrug", "округ", False
        else:
            kind, noun, fem = "hromada", "громада", True
        items = [(m.start("adj"), m.end("adj"), m.group("adj"))]
        if m.group("list"):
            base = m.start("list")
            items[:0] = [
                (base + x.start(), base + x.end(), x.group(0))
                for x in _LIST_ITEM.finditer(m.group("list"))
            ]
        russian = _RUSSIAN_WORD.match(word) is not None or bool(_RUSSIAN_LETTERS.search(m.group(0)))
        for a, b, adj in items:
            phrases = tuple(f"{nom} {noun}" for nom in _adjective_nominatives(adj, fem, russian))
            if phrases:
                yield a, m.end() if (a, b) == items[-1][:2] else b, kind, phrases
    yield from _elided_oblasts(sentence)


#: An oblast adjective whose noun a list leaves out: "20 над Московской областью и 72 над
#: Брянской", "над Харківською, Сумською та Полтавською".
_ELIDED = re.compile(
    r"(?<![\w])(?:над|в|у|на|по)\s+(?P<adj>[А-ЯІЇЄҐЁ][а-яіїєґё'’ʼ-]*(?:ськ|цьк|ск|цк)(?:ій|ою|ої|ой|ую|у))"
    r"(?!\s+[\w-])"
)


def _elided_oblasts(sentence: str) -> Iterator[tuple[int, int, str, tuple[str, ...]]]:
    """Oblast adjectives with no noun, in a sentence that names an oblast with one.

    >>> [x[3][0] for x in _elided_oblasts("20 над Московской областью и 72 над Брянской.")]
    ['Брянская область']
    """
    first = REGION_PHRASE.search(sentence)
    if first is None or not first.group("word").lower().startswith("област"):
        return
    letters = bool(_RUSSIAN_LETTERS.search(sentence))
    for m in _ELIDED.finditer(sentence, first.end()):
        adj = m.group("adj")
        russian = letters or adj.endswith(("ой", "ую"))  # Ukrainian: -ої, -ій, -ою
        phrases = tuple(f"{nom} область" for nom in _adjective_nominatives(adj, True, russian))
        if phrases:
            yield m.start("adj"), m.end("adj"), "oblast", phrases


def colloquial_regions(sentence: str) -> Iterator[tuple[int, int, str, str]]:
    """``(start, end, nominative, phrase)`` of colloquial oblast names and aliases.

    >>> [x[2:] for x in colloquial_regions("Атака на Харківщині та Донеччині, у Криму")]
    [('Харківщина', 'Kharkiv region'), ('Донеччина', 'Donetsk region'), ('Крим', 'Crimea')]
    >>> list(colloquial_regions("Вибухи у Запоріжжі"))
    []
    """
    for run in _runs(sentence):
        for i, w in enumerate(run):
            text = w.group(0)
            if not text[0].isupper():
                continue
            joined = text
            end = w.end()
            if i + 1 < len(run) and sentence[w.end() : run[i + 1].start()] == "-":
                joined = sentence[w.start() : run[i + 1].end()]  # Івано-Франківщина
                end = run[i + 1].end()
            for lemma in lemmas(joined):
                low = lemma.lower()
                if low in COLLOQUIAL:
                    if low in CITY_TOO and (
                        not _NA_BEFORE.search(sentence, 0, w.start())
                        or not text.lower().endswith("і")  # "на Запоріжжя": onto the city
                    ):
                        break
                    yield w.start(), end, lemma, COLLOQUIAL[low]
                    break


#: "на Покровському напрямку", "на Куп'янському та Лиманському напрямках", "на Запорожском
#: направлении".
_DIRECTION = re.compile(
    rf"(?P<list>(?:{_ADJ}\s*(?:,|\s(?:та|і|й|и))\s+)*)(?P<adj>{_ADJ})\s+"
    r"(?:напрям(?:ку|і|ок)|напрямк(?:у|ах|ами)|направлени(?:и|е|я|ю|ях))(?![\w])"
)
_ADJ_ENDING = re.compile(r"(?:ому|ого|ім|ий|ом|ое|ой|ый|ым|им|их|ах)$")
_ADJ_SUFFIX = re.compile(r"(?:ськ|цьк|зьк|ск|цк|зк)$")


def adjective_town(adj: str, known: Callable[[str], bool]) -> tuple[str, str] | None:
    """The town an adjective is made from, by the keys ``known`` knows: "Покровському" ->
    Покровськ, "Лиманському" -> Лиман, "Одинцовским" -> Одинцово."""
    stem = _ADJ_ENDING.sub("", adj)  # Покровському -> Покровськ
    bare = _ADJ_SUFFIX.sub("", stem)  # Лиманськ -> Лиман, Харківськ -> Харків
    for cand in dict.fromkeys((stem, bare, *lemmas(bare), bare + "о", bare + "е")):
        key = normalize(cand)
        if len(cand) > 3 and known(key):
            return cand, key
    return None


def direction_towns(
    sentence: str, known: Callable[[str], bool]
) -> Iterator[tuple[int, int, str, str]]:
    """``(start, end, town, key)`` of each town a front direction is named after.

    >>> s = "Бої тривають на Покровському та Лиманському напрямках."
    >>> [x[2] for x in direction_towns(s, lambda k: k in ("pokrovsk", "liman"))]
    ['Покровськ', 'Лиман']
    """
    for m in _DIRECTION.finditer(sentence):
        items = [(m.start("adj"), m.end("adj"), m.group("adj"))]
        if m.group("list"):
            base = m.start("list")
            items[:0] = [
                (base + x.start(), base + x.end(), x.group(0))
                for x in _LIST_ITEM.finditer(m.group("list"))
            ]
        for a, b, adj in items:
            hit = adjective_town(adj, known)
            if hit is not None:
                yield a, b, hit[0], hit[1]


# -- "the capital" -------------------------------------------------------------

#: "столиця" in a case, lower case: in a Ukrainian sentence the capital is Kyiv.
_CAPITAL = re.compile(r"(?<![\w'’ʼ-])столиц(?:я|і|ю|ею)(?![\w'’ʼ-])")
#: Before it, an adjective that makes it some other capital ("обласна столиця",
#: "культурній столиці"); "українська столиця" is Kyiv still.
_OTHER_CAPITAL_BEFORE = re.compile(
    r"(?<![\w'’ʼ-])(?!українськ)\w+(?:н|ськ|цьк|зьк|ов|ев|єв|ин|ін)(?:а|ої|ій|у|ою)\s+$", re.I
)
#: After it, whose capital it is when not Ukraine's: "столиця Росії", "столиці області".
_OTHER_CAPITAL_AFTER = re.compile(
    r"\s+(?!Україн)(?:[А-ЯІЇЄҐ]|регіон\w*|област\w*|краю|країни-агрес\w*|республік\w*|світу"
    r"|окупован\w*|ворога|держави-агрес\w*)"
)


def capital_spans(sentence: str) -> Iterator[tuple[int, int]]:
    """Spans of "столиця" (any case, lower case) that name Kyiv: in a Ukrainian sentence
    (none of ы, э, ъ, ё; "столицю", the one form Russian shares, needs і, ї or є), not
    another capital ("обласна столиця", "столиця Росії"). In Russian "столица" stays
    ambiguous (Moscow or Kyiv) and is never read.

    >>> s = "Вночі у столиці пролунали вибухи, уламки впали на Оболоні."
    >>> [s[a:b] for a, b in capital_spans(s)]
    ['столиці']
    >>> list(capital_spans("Делегація прибула до столиці Польщі."))
    []
    """
    low = sentence.lower()
    if "столиц" not in low or any(c in low for c in "ыэъё"):
        return
    ukrainian = any(c in low for c in "іїє")
    for m in _CAPITAL.finditer(sentence):
        a, b = m.span()
        if not ukrainian and m.group(0) == "столицю":  # the one form Russian shares
            continue
        if _OTHER_CAPITAL_BEFORE.search(sentence, max(0, a - 40), a):
            continue
        if _OTHER_CAPITAL_AFTER.match(sentence, b):
            continue
        yield a, b
