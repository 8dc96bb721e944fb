"""Is an article in English? A cheap guess from its letters and function words.

Extraction reads English only, so an article in another language gives no events; the
readers warn (:class:`~geoevents.errors.LanguageWarning`) instead of letting it pass
silently. The guess needs no model: the script of the letters (Cyrillic, Arabic, ...), for
Cyrillic the letters only Ukrainian or only Russian use, and for Latin script the share of
common English function words against those of other Latin-script languages.

>>> guess_language("Russian missiles hit a school in Kharkiv on Monday, the governor said.")
'English'
>>> guess_language("Унаслідок ракетного удару по Харкову загинули двоє людей, повідомила ОВА.")
'Ukrainian'
>>> guess_language("В результате обстрела Белгорода погибли два человека, сообщил губернатор.")
'Russian'
>>> guess_language("Ein russischer Raketenangriff traf am Montag eine Schule in der Stadt.")
'a language other than English'
>>> guess_language("Kyiv, 5 May") is None  # too short to tell
True
"""

from __future__ import annotations

import re
import unicodedata

ENGLISH = "English"
#: Common English function words: a text in English has many of them.
_FUNCTION_WORDS = frozenset(
    "the of and to in a is was were on for that with by at from as it its has have had "
    "said says be been are an this which after not or but".split()
)
#: Function words of other languages written in Latin script (French, German, Spanish,
#: Italian, Portuguese, Polish, Dutch), none of them an English word.
_FOREIGN_WORDS = frozenset(
    "le la les un une des du et est au aux pour par sur dans avec selon qui que ont été "
    "der die das und ist im den dem ein eine mit von zu auf nicht sich des wurde wurden "
    "el los las y es del por con para se fue según "
    "il lo gli di da per che è sono stato "
    "os em um uma com foi são "
    "w na z się nie że jest przez "
    "de het een van en op met voor zijn werd".split()
)
_WORD = re.compile(r"[^\W\d_]+")
#: Letters at least this many, and words at least this many for Latin text, to judge at all.
MIN_LETTERS, MIN_WORDS = 20, 8
#: Below this share of function words, Latin-script text is not English.
MIN_FUNCTION_SHARE = 0.12
#: Cyrillic letters from which the absence of і/ї/є (frequent in Ukrainian) means Russian.
MIN_CYRILLIC_FOR_RUSSIAN = 40
_UKRAINIAN_ONLY = frozenset("іїєґІЇЄҐ")
_RUSSIAN_ONLY = frozenset("ыэъёЫЭЪЁ")


#: ISO 639-1 codes of the languages extraction reads.
READ = frozenset({"en", "uk", "ru"})
_CODES = {"English": "en", "Ukrainian": "uk", "Russian": "ru"}


def sentence_language(sentence: str) -> str | None:
    """ISO 639-1 code of one sentence's language, or ``None`` when too short to tell.

    Asked of sentences written mostly in Cyrillic, to tell Ukrainian and Russian (read)
    from the other Cyrillic languages (not read).
    """
    name = guess_language(sentence)
    if name is None or name == "Ukrainian or Russian":
        return None
    return _CODES.get(name, name)


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ")[0] if name else "UNKNOWN"


def guess_language(text: str) -> str | None:
    """``"English"``, another language's or script's name, or ``None`` (too short to tell)."""
    sample = text[:4000]
    letters = [ch for ch in sample if ch.isalpha()]
    if len(letters) < MIN_LETTERS:
        return None
    scripts: dict[str, int] = {}
    for ch in letters:
        key = "LATIN" if ch.isascii() else _script(ch)
        scripts[key] = scripts.get(key, 0) + 1
    main, count = max(scripts.items(), key=lambda kv: kv[1])
    if main == "CYRILLIC" and count * 2 > len(letters):
        ukr = sum(ch in _UKRAINIAN_ONLY for ch in letters)
        rus = sum(ch in _RUSSIAN_ONLY for ch in letters)
        if ukr > rus:
            return "Ukrainian"
        if rus > ukr or (not ukr and count >= MIN_CYRILLIC_FOR_RUSSIAN):
            return "Russian"
        return "Ukrainian or Russian"
    if main != "LATIN":
        return f"{main.title()} script"
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return None
    english = sum(w in _FUNCTION_WORDS for w in words)
    foreign = sum(w in _FOREIGN_WORDS for w in words)
    if english >= MIN_FUNCTION_SHARE * len(words) or english >= foreign:
        return ENGLISH  # a terse English headline has few function words, but no foreign ones
    return "a language other than English"
