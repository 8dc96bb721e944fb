"""Declension of Ukrainian and Russian place names: the forms of a name, and the names of a form.

Ukrainian and Russian decline place names: Харків is "у Харкові", "до Харкова", "по
Харкову", "під Харковом"; Макіївка "в Макіївці"; Белгород "в Белгороде". The
gazetteer holds nominatives (GeoNames alternate names, the KATOTTG register, and the
romanised keys of both), so a declined form is read back to the nominatives it may
come from and those are looked up.

The rules are one table, :data:`RULES`: ``(nominative ending, oblique endings)`` per
declension pattern of both languages (masculine -ів/-їв with its о/е alternation,
consonant stems, -ськ/-цьк, feminine -а/-я/-ка with к/ц, г/з, х/с before -і,
neuter -о/-е/-я/-ье, plurals -и/-і/-ы, adjectival -ий/-ій/-ой/-ый, -а/-ая, -е/-ое).
:func:`forms` runs it forward (nominative -> declined forms, the generated table);
:func:`lemmas` runs it backward (a form -> the nominatives that decline to it), so
the table need not be stored: a form found in a sentence gives a handful of
candidate nominatives, and only those the gazetteer knows are names.

>>> sorted(forms("Харків"), key=lambda w: (len(w), w))  # noun, and possessive adjective
['Харків', 'Харкова', 'Харкову', 'Харкові', 'Харковим', 'Харковом', 'Харковім', 'Харкового', 'Харковому']
>>> "Харків" in lemmas("Харкові"), "Макіївка" in lemmas("Макіївці")
(True, True)
>>> "Белгород" in lemmas("Белгороде"), "Москва" in lemmas("Москву")
(True, True)
>>> "Ріг" in lemmas("Розі"), "Кривий" in lemmas("Кривому"), "Кривой" in lemmas("Кривом")
(True, True, True)
"""

from __future__ import annotations

from functools import lru_cache

#: ``(nominative ending, oblique endings)``: a name ending in the first declines to the
#: stem followed by each of the others. Both languages share the table (a Russian form
#: never reads back to a Ukrainian nominative the gazetteer lacks, and the reverse).
NOUN_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    # Ukrainian masculine -ів/-їв with і -> о/є in the oblique cases: Харків, Київ
    ("ів", ("ова", "ову", "ові", "овом")),
    ("їв", ("єва", "єву", "єві", "євом")),
    # Ukrainian masculine with і -> о before a final consonant: Ріг (Рогу, Розі), Сіверськ
    ("іг", ("огу", "ога", "озі", "огом")),  # Ріг
    ("інь", ("еня", "еню", "ені", "енем")),  # Ірпінь
    ("піль", ("поля", "полю", "полі", "полем")),  # Тернопіль, Мелітопіль, Сімферопіль
    ("град", ("града", "граду", "граді", "градом", "граде")),
    ("к", ("ка", "ку", "ці", "ком", "ке")),  # Кременчук: у Кременчуці
    # fleeting vowels: Елец (Ельца), Кременець (Кременця), Городок (Городка)
    ("ец", ("ца", "цу", "цом", "це", "цем")),
    ("ець", ("ця", "цю", "ці", "цем")),
    ("ок", ("ка", "ку", "ком", "ке", "ці")),
    # consonant stems, both languages: Бєлгород, Херсон, Покровськ, Донецьк, Белгород, Покровск
    ("", ("а", "у", "і", "ом", "е")),
    # soft masculine: Севастополь, Ізмаїл (no), Кременчук (no), Днепр: the ь stems
    ("ь", ("я", "ю", "і", "ем", "е", "и", "ью")),  # and feminine: Казань, Казани
    ("й", ("я", "ю", "ї", "єм", "е", "ем")),  # Гай, Ужгород no: Красний Гай
    # feminine -а: Одеса, Полтава, Москва; after к, г, х the Ukrainian dative/locative alternates
    ("ка", ("ки", "ці", "ку", "кою", "ке", "кой")),
    ("га", ("ги", "зі", "гу", "гою", "ге", "гой")),
    ("ха", ("хи", "сі", "ху", "хою", "хе", "хой")),
    ("а", ("и", "і", "у", "ою", "ы", "е", "ой")),
    # after ж, ш, ч, щ, ц Russian writes -и, -ей: Суджа (Суджей), Вирица (Вирицей)
    ("жа", ("жи", "же", "жу", "жей", "жею", "жі", "жею")),
    ("ша", ("ши", "ше", "шу", "шей", "шею", "ші")),
    ("ча", ("чи", "че", "чу", "чей", "чею", "чі")),
    ("ща", ("щи", "ще", "щу", "щей", "щею", "щі")),
    ("ца", ("цы", "це", "цу", "цей", "цею", "ці")),
    # feminine -я and -ія/-ия: Вінниця, Феодосія, Феодосия, Керчь (no)
    ("ія", ("ії", "ію", "ією")),
    ("ия", ("ии", "ию", "ией")),
    ("я", ("і", "ю", "ею", "и", "е", "ей", "ям")),  # and neuter: Вільнопілля, Підлисся
    # neuter -о, -е, -я, -ье: Дніпро, Гуляйполе, Запоріжжя, Запорожье, Ровно
    ("о", ("а", "у", "і", "ом", "е")),
    ("е", ("я", "ю", "і", "ем")),
    ("ще", ("ща", "щу", "щем", "щі")),  # Монастырище, Городище
    ("це", ("ца", "цу", "цем", "ці")),
    ("жжя", ("жжі", "жжю", "жжям")),
    ("ье", ("ья", "ью", "ьем")),
    # plurals: Суми (Сум, Сумах), Липці (Липців, Липцях), Сумы (Сум, Сумах)
    ("и", ("", "ах", "ам", "ами", "ів")),  # Морози: Морозів
    ("і", ("ів", "ях", "ям", "ями", "ах", "ам", "ами")),
    ("ы", ("", "ах", "ам", "ами", "ов", "ев")),  # Сумы, Ильинцы (Ильинцев)
    ("ки", ("ок",)),  # Ровеньки: Ровеньок
)
#: The adjectival declensions: the first word of "Кривий Ріг", "Велика Новосілка", and
#: names that are adjectives ("Єнакієве", "Покровське").
ADJECTIVE_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    # adjectival masculine: Кривий, Кривой, Великий, Синій; Покровське (neuter) below
    ("ий", ("ого", "ому", "им", "ім", "ом", "ем")),
    ("ій", ("ього", "ьому", "ім")),
    ("ой", ("ого", "ому", "ом", "ым")),
    ("ый", ("ого", "ому", "ом", "ым")),
    # adjectival feminine: Велика, Нова; Великая, Новая
    ("а", ("ої", "ій", "у", "ою")),
    ("ая", ("ой", "ую", "ою")),
    # adjectival neuter: Єнакієве, Велике; Великое, Новое
    ("е", ("ого", "ому", "им", "ім")),
    ("ое", ("ого", "ому", "ом", "ым")),
    ("кое", ("кого", "кому", "ком", "ким")),  # Белозёрское: Белозёрским
    # possessive adjectives: Часів Яр (Часового Яру), Часов Яр (Часового Яра)
    ("ів", ("ового", "овому", "овим", "овім")),
    ("ов", ("ового", "овому", "овым", "овом")),
    # adjectival plural: Великі (Великих)
    ("і", ("их", "им", "ими")),
    ("ые", ("ых", "ым", "ыми")),
)
#: Both tables.
RULES = NOUN_RULES + ADJECTIVE_RULES

#: Oblique ending -> the nominative endings it may come from (the table backward).
_BACK: dict[str, tuple[str, ...]] = {}
for _nom, _obliques in RULES:
    for _obl in _obliques:
        if _obl and _nom not in _BACK.get(_obl, ()):
            _BACK[_obl] = (*_BACK.get(_obl, ()), _nom)
#: The oblique endings, longest first.
_ENDINGS: tuple[str, ...] = tuple(sorted(_BACK, key=len, reverse=True))
#: A stem must keep this many letters.
MIN_STEM = 1
_VOWELS = frozenset("аеиіїоуыэюяєьйё")


@lru_cache(maxsize=100_000)
def forms(name: str) -> frozenset[str]:
    """The nominative ``name`` and every form the rules decline it to (one word), by the
    rules of its most specific ending (Макіївка declines as a -ка noun, not as an -а one),
    as a noun and as an adjective (a name's first word may be one: "Велика").

    >>> sorted(forms("Макіївка"))[:4]
    ['Макіївка', 'Макіївке', 'Макіївки', 'Макіївкой']
    >>> "Краматорську" in forms("Краматорськ"), "Одесі" in forms("Одеса")
    (True, True)
    """
    low = name.lower()
    out = {name}
    for table in (NOUN_RULES, ADJECTIVE_RULES):
        matching = [
            (nom, obliques)
            for nom, obliques in table
            if low.endswith(nom)
            and len(low) - len(nom) >= MIN_STEM
            and (nom or low[-1] not in _VOWELS)  # the bare ending: consonant stems only
        ]
        longest = max((len(nom) for nom, _ in matching), default=0)
        for nom, obliques in matching:
            if len(nom) < longest:  # the most specific pattern: Макіївка is a -ка noun
                continue
            stem = name[: len(name) - len(nom)]
            out.update(stem + (obl.upper() if name.isupper() else obl) for obl in obliques)
    return frozenset(out)


@lru_cache(maxsize=100_000)
def lemmas(word: str) -> tuple[str, ...]:
    """The nominatives ``word`` may be a form of, ``word`` itself first (one word).

    A candidate is kept only when :func:`forms` declines it back to ``word``; more
    specific endings come first. Over-generates on purpose: only the candidates the
    gazetteer knows are names.

    >>> lemmas("Києві")[:2]
    ('Києві', 'Київ')
    >>> "Суми" in lemmas("Сумах"), "Липці" in lemmas("Липців"), "Гуляйполе" in lemmas("Гуляйполі")
    (True, True, True)
    """
    low = word.lower()
    out = [word]
    for end in _ENDINGS:
        if not low.endswith(end) or len(low) - len(end) < MIN_STEM:
            continue
        stem = word[: len(word) - len(end)]
        for nom in _BACK[end]:
            if not nom and stem[-1:].lower() in _VOWELS:
                continue
            cand = stem + (nom.upper() if word.isupper() else nom)
            if cand not in out and word in forms(cand):
                out.append(cand)
    for nom in ("и", "ы"):  # a bare plural genitive: "Сум", "Черкас"
        cand = word + nom
        if len(low) >= 3 and "а" <= low[-1] <= "я" and low[-1] not in _VOWELS and cand not in out:
            out.append(cand)
    return tuple(out)
