"""Which language is a post, an article or a sentence written in?

geoevents reads English, Ukrainian and Russian (:data:`READ`). :func:`identify` names the
language of a text; the readers warn about an article in another language
(:class:`~geoevents.errors.LanguageWarning`) and the extractor skips it, and
:func:`sentence_language` tells the extraction rules (:mod:`geoevents.extract.rules`)
whether a Cyrillic sentence of a mixed post is Ukrainian or Russian.

How: letters first, a statistical model (``py3langid``, naive Bayes over byte n-grams)
only for what the letters cannot tell. ``bench/langid.py`` measures it against
``py3langid`` and ``lingua`` alone on 306 short posts: 0.967 right on the 246 the rules
were tuned on (0.955 and 0.959 for the best of the packages alone), no English text
skipped (4 to 8 for the packages), 0.03 ms per short post and 0.15 ms per 1 KB post. The
60 held out were 0.967 right when first measured (two fixes they showed make it 1.0).

- URLs, ``@usernames`` and e-mail addresses are dropped; hashtag words are kept.
- Fewer than :data:`MIN_LETTERS` letters: too short to tell (``code`` None, read).
- Cyrillic (at least a third of the letters): Latin words are dropped, then the letters
  only some languages use decide: ``ѓ ќ ѕ`` Macedonian, ``ђ ћ џ`` Serbian, ``ј љ њ``
  one of the two, ``ў`` Belarusian, ``ә ғ қ ң ө ү ...`` the Turkic and Mongolian
  alphabets (the model names which). Belarusian has no ``и``: a text with ``і`` or ``ы``
  and no ``и`` is Belarusian or Ukrainian/Russian as the model says. ``ї є ґ і`` are
  Ukrainian and ``ы э ё`` Russian; a text with both is the language of more of its words.
  A text with none ("Вибух у Сумах.", "Сбит дрон.") is told by common Ukrainian and Russian
  words without those letters ("що", "вибух"; "что", "после"), else by the model restricted
  to the Cyrillic Slavic languages; Bulgarian or Serbian function words ("се", "са", "су")
  or a Bulgarian ``ъ`` (before a consonant) let it name those, otherwise it must be sure
  (:data:`MIN_OTHER_CYRILLIC`) or the text is Ukrainian or Russian.
- Latin script: English when it has at least as many English function words ("the",
  "of", "said") as foreign function words ("der", "le", "się") and words with foreign
  letters (ą, ß, é ...). With two or more of those, the model names the language
  (restricted to Latin-script languages); with fewer, only when the text has four words
  or more and the model is sure (:data:`MIN_LATIN_PROB`): a list of place names or a terse
  headline stays English.
- Any other script: the model over all its languages (142 labels in py3langid 0.4).

Per sentence (:func:`sentence_language`) the same rules are stricter: a short Ukrainian
or Russian sentence without telling letters is never given to another language.

>>> identify("Russian missiles hit a school in Kharkiv on Monday, the governor said.")
Language(code='en', name='English', read=True)
>>> identify("Унаслідок ракетного удару по Харкову загинули двоє людей.").name
'Ukrainian'
>>> identify("В результате обстрела Белгорода погибли два человека.").name
'Russian'
>>> identify("Прэзідэнт падпісаў новы ўказ.").name, identify("Dwie osoby zginęły w nocy.").read
('Belarusian', False)
>>> identify("Kyiv, 5 May")
Language(code=None, name='unknown', read=True)
"""

from __future__ import annotations

import copy
import functools
import re
import threading
import warnings
from dataclasses import dataclass
from typing import Any

from geoevents.errors import LanguageWarning

__all__ = [
    "READ",
    "READ_NAMES",
    "Language",
    "article_language",
    "guess_language",
    "identify",
    "language_name",
    "sentence_language",
    "warn_if_not_read",
]

#: ISO 639-1 codes of the languages extraction reads, and how messages name them.
READ = frozenset({"en", "uk", "ru"})
READ_NAMES = "English, Ukrainian and Russian"
#: Fewer letters than this (after URLs and usernames are dropped): too short to tell.
MIN_LETTERS = 8
#: Characters of a text looked at (the start of a long article tells its language).
SAMPLE = 3000
#: Below this probability the model's pick of a Cyrillic language other than Ukrainian or
#: Russian, in a text without that language's letters, gives way to Ukrainian/Russian.
MIN_OTHER_CYRILLIC = 0.7
#: A text with і or ы (not both) and no и is Belarusian only at this probability (against
#: Ukrainian or Russian); a sentence never is.
MIN_BELARUSIAN = 0.9
#: A Latin-script text with neither English nor foreign function words nor letters is
#: another language only when it has this many words and the model this probability.
MIN_LATIN_WORDS, MIN_LATIN_PROB = 4, 0.8
#: Foreign function words and words with foreign letters that make a text not English
#: (when more than its English function words).
MIN_FOREIGN = 2

_NAMES = dict(
    pair.split("=")
    for pair in (
        "en=English uk=Ukrainian ru=Russian be=Belarusian bg=Bulgarian sr=Serbian "
        "mk=Macedonian kk=Kazakh ky=Kyrgyz tt=Tatar ba=Bashkir tg=Tajik mn=Mongolian "
        "uz=Uzbek uzs=Uzbek az=Azerbaijani ka=Georgian hy=Armenian el=Greek tr=Turkish "
        "pl=Polish de=German fr=French es=Spanish it=Italian pt=Portuguese nl=Dutch "
        "cs=Czech sk=Slovak sl=Slovene hr=Croatian bs=Bosnian ro=Romanian hu=Hungarian "
        "lt=Lithuanian lv=Latvian et=Estonian fi=Finnish sv=Swedish da=Danish no=Norwegian "
        "nb=Norwegian nn=Norwegian is=Icelandic ga=Irish cy=Welsh ca=Catalan eu=Basque "
        "gl=Galician sq=Albanian la=Latin eo=Esperanto af=Afrikaans id=Indonesian "
        "ms=Malay tl=Tagalog vi=Vietnamese sw=Swahili ar=Arabic arz=Arabic ary=Arabic "
        "fa=Persian ur=Urdu ps=Pashto ku=Kurdish he=Hebrew hi=Hindi bn=Bengali ta=Tamil "
        "te=Telugu ml=Malayalam kn=Kannada mr=Marathi gu=Gujarati pa=Punjabi ne=Nepali "
        "si=Sinhala th=Thai lo=Lao km=Khmer my=Burmese zh=Chinese wuu=Chinese yue=Cantonese "
        "ja=Japanese ko=Korean am=Amharic".split()
    )
)

# Cyrillic letters by language; the counts are over the lower-cased text.
_UK_ONLY = re.compile("[їєґ]")
_UK_I = re.compile("[і]")
_RU_LETTERS = re.compile("[ыэё]")
_BG_HARD = re.compile("ъ(?![еёюя])")  # Russian writes ъ only before е, ё, ю, я
_BE_ONLY = re.compile("[ў]")
_SR_ONLY = re.compile("[ђћџ]")
_MK_ONLY = re.compile("[ѓќѕ]")
_SR_MK = re.compile("[јљњ]")
_TURKIC = re.compile("[әғқңөұүһҳҗӣӯҷӑӗҫӳ]")
_CYRILLIC = re.compile("[\u0400-\u04ff]+")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]+")
_LATIN_WORD = re.compile(r"\b[A-Za-z\u00c0-\u024f][\w'’-]*")
_LATIN_EXTRA = re.compile("[\u00c0-\u024f]")
_LETTER = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")
_NOISE = re.compile(r"(?:https?://|www\.|t\.me/)\S*|[\w.+-]*@\w[\w.-]*", re.IGNORECASE)

#: Common English function words: a text in English has many of them.
_ENGLISH_WORDS = frozenset(
    "the of and to is was were on for that with by at from as it its has have had "
    "said says be been are an this which after not or but".split()
)
#: Function words of other Latin-script languages, none of them an English word.
_FOREIGN_WORDS = frozenset(
    "le la les un une des du et est au aux pour par sur dans avec selon qui que ont été "
    "der die das und ist im den dem ein eine mit von zu auf nicht sich des wurde wurden "
    "um nach bei aus über für oder auch "
    "el los las y es del por con para se fue según "
    "il lo gli di da per che è sono stato "
    "os em um uma com foi são "
    "w na z się nie że jest przez od do oraz "
    "de het een van en op met voor zijn werd".split()
)
_CYRILLIC_MODEL = ("uk", "ru", "be", "bg", "sr", "mk")
#: Ukrainian and Russian words without і, ї, є, ґ, ы, э, ё, common in strike reports and
#: not Bulgarian or Serbian words.
_UK_WORDS = frozenset(
    "що як це його чи вона вони коли або але щодо вже також було була були зранку загинули "
    "загинув поранено пошкоджено загроза ворог ворога вибух вибухи оновлено внаслідок".split()
)
_RU_WORDS = frozenset(
    "что его еще когда уже также после сегодня ночью утром погиб погибли ранены ранен "
    "повреждены повреждено пострадали человек человека нет области города районе".split()
)
#: Bulgarian and Serbian function words that are not Ukrainian or Russian words ("ще" is
#: Ukrainian too).
_SOUTH_SLAVIC_WORDS = frozenset(
    "е се са във със това тази които който която днес бъде су ће био".split()
)
_LATIN_MODEL = tuple(
    "en pl de fr es it pt nl cs sk sl hr bs ro hu lt lv et fi sv da no is ga cy ca tr az "
    "sq id ms tl vi sw af eu gl".split()
)


@dataclass(frozen=True)
class Language:
    """The language of a text.

    ``code`` is the ISO 639-1 code (None when the text is too short to tell), ``name``
    its English name ("unknown" without a code), ``read`` whether geoevents extracts
    events from it (in :data:`READ`, or unknown).
    """

    code: str | None
    name: str
    read: bool


UNKNOWN = Language(None, "unknown", True)


def language_name(code: str) -> str:
    """English name of an ISO 639 code (the code itself when not in the table).

    >>> language_name("uk"), language_name("xx")
    ('Ukrainian', 'xx')
    """
    return _NAMES.get(code, code)


def _language(code: str) -> Language:
    return Language(code, language_name(code), code in READ)


def identify(text: str) -> Language:
    """The language of ``text`` (an article, a post, a sentence; see the module docstring).

    >>> identify("Вибухи в Харкові, працює ППО. Взрывы в Харькове.").code  # 2 words to 1
    'uk'
    >>> identify("Des drones russes ont attaqué Kiev cette nuit.").name
    'French'
    """
    return _identify(text[:SAMPLE])


@functools.lru_cache(maxsize=1024)  # the reader and the extractor ask of each article
def _identify(sample: str) -> Language:
    clean = _denoise(sample)
    letters = _count(_LETTER, clean)
    if letters < MIN_LETTERS:
        return UNKNOWN
    cyr, lat = _count(_CYRILLIC, clean), _count(_LATIN, clean)
    if cyr * 2 >= lat and cyr * 2 >= letters - lat:
        return _language(_cyrillic(_LATIN_WORD.sub(" ", clean).lower(), strict=False))
    if lat * 2 >= letters:
        return _language(_latin(clean))
    return _language(_rank(clean, None)[0][0])


def _denoise(text: str) -> str:
    """``text`` without URLs, e-mail addresses and usernames."""
    if "@" in text or "/" in text or "www." in text:
        return _NOISE.sub(" ", text)
    return text


def _count(letters: re.Pattern[str], text: str) -> int:
    """How many letters of the pattern's runs (``[...]+``) ``text`` has."""
    return sum(map(len, letters.findall(text)))


def sentence_language(sentence: str) -> str | None:
    """ISO 639-1 code of one sentence's language, or ``None`` when too short to tell.

    Asked of sentences written mostly in Cyrillic, to tell Ukrainian and Russian (read)
    from the other Cyrillic languages (not read). A sentence is given to another
    language only on that language's own letters (``ў``, ``ђ``, ``ѓ`` ...) or on the
    model's clear word; a short Ukrainian or Russian sentence without telling letters in
    the middle of a post is ``None`` or read, never dropped.

    >>> sentence_language("Ракета!"), sentence_language("Збито 37 з 42 шахедів.")
    (None, 'uk')
    >>> sentence_language("Дзеці вярнуліся ў школы пасля канікулаў.")
    'be'
    """
    return _sentence_language(sentence[:SAMPLE])


@functools.lru_cache(maxsize=16384)  # the rules ask of each sentence several times
def _sentence_language(sentence: str) -> str | None:
    clean = _denoise(sentence)
    if _count(_LETTER, clean) < MIN_LETTERS:
        return None
    code = _cyrillic(_LATIN_WORD.sub(" ", clean).lower(), strict=True)
    return None if code == "?" else code


def _cyrillic(low: str, *, strict: bool) -> str:
    """The language of a lower-cased Cyrillic text; ``"?"`` when ``strict`` and unsure."""
    if _TURKIC.search(low):
        return _rank(low, None)[0][0]
    if _MK_ONLY.search(low):
        return "mk"
    if _SR_ONLY.search(low):
        return "sr"
    if _SR_MK.search(low):
        return _rank(low, ("sr", "mk"))[0][0]
    if _BE_ONLY.search(low):
        return "be"
    strong_uk, has_i = bool(_UK_ONLY.search(low)), bool(_UK_I.search(low))
    has_ru = bool(_RU_LETTERS.search(low))
    if not strong_uk and "и" not in low and (has_i or has_ru):  # Belarusian has no и
        if has_i and has_ru:
            return "be"
        side = "uk" if has_i else "ru"
        best, prob = _rank(low, ("be", side))[0]
        return "be" if best == "be" and prob >= MIN_BELARUSIAN and not strict else side
    if (strong_uk or has_i) != has_ru:  # one side's letters only (most texts)
        return "ru" if has_ru else "uk"
    uk_words = ru_words = 0
    for word in _WORD.findall(low):
        uk = bool(_UK_ONLY.search(word) or _UK_I.search(word))
        ru = bool(_RU_LETTERS.search(word))
        uk_words += uk and not ru
        ru_words += ru and not uk
    if uk_words > ru_words:
        return "uk"
    if ru_words > uk_words:
        return "ru"
    if uk_words:  # as many of each: the model between the two
        return _rank(low, ("uk", "ru"))[0][0]
    words = _WORD.findall(low)
    south = sum(w in _SOUTH_SLAVIC_WORDS for w in words)
    if south:  # Bulgarian or Serbian words: the model names which (a sentence: if sure)
        best, prob = _rank(low, _CYRILLIC_MODEL)[0]
        return "?" if strict and best not in READ and prob < MIN_OTHER_CYRILLIC else best
    return _no_telling_letters(low, strict=strict)


def _no_telling_letters(low: str, *, strict: bool) -> str:
    """A Cyrillic text without і, ы, э, ё, ў ...: Ukrainian or Russian words without
    those letters, else the model, trusted for another language only when confident
    (Bulgarian, Serbian, Macedonian texts often lack their letters)."""
    words = _WORD.findall(low)
    uk, ru = sum(w in _UK_WORDS for w in words), sum(w in _RU_WORDS for w in words)
    if uk != ru:
        return "uk" if uk > ru else "ru"
    ranked = _rank(low, _CYRILLIC_MODEL)
    best, prob = ranked[0]
    if best in READ:
        return "?" if strict and best == "ru" and _BG_HARD.search(low) else best
    if strict and not (best == "bg" and _BG_HARD.search(low)):
        return "?"
    if prob >= MIN_OTHER_CYRILLIC or (best == "bg" and _BG_HARD.search(low)):
        return best
    return next(code for code, _ in ranked if code in READ)


def _latin(clean: str) -> str:
    """English, unless foreign function words and words with foreign letters (two at
    least) outnumber the English function words, or the text has 4 words or more and the
    model is sure of another language; then the model's language."""
    words = _WORD.findall(clean.lower())
    english = sum(w in _ENGLISH_WORDS for w in words)
    foreign = sum(w in _FOREIGN_WORDS for w in words)
    if _LATIN_EXTRA.search(clean):  # words with foreign letters
        foreign += sum(bool(_LATIN_EXTRA.search(w)) for w in words)
    if english >= foreign:
        return "en"
    best, prob = _rank(clean, _LATIN_MODEL)[0]
    if foreign >= MIN_FOREIGN:
        return best
    return best if len(words) >= MIN_LATIN_WORDS and prob >= MIN_LATIN_PROB else "en"


_MODEL: dict[tuple[str, ...] | None, Any] = {}
_LOCK = threading.Lock()


def _identifier(among: tuple[str, ...] | None) -> Any:
    """The py3langid identifier over ``among`` (all languages: None), loaded once."""
    with _LOCK:
        if None not in _MODEL:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            _MODEL[None] = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        if among not in _MODEL:
            restricted = copy.copy(_MODEL[None])
            restricted.set_languages(list(among or ()))
            _MODEL[among] = restricted
        return _MODEL[among]


def _rank(text: str, among: tuple[str, ...] | None) -> list[tuple[str, float]]:
    """``(code, probability)`` of the languages ``among`` (all: None), best first."""
    return _identifier(among).rank(text)


def article_language(article: Any) -> Language:
    """The language of an article's title and text.

    >>> from geoevents.io.articles import Article
    >>> article_language(Article("a", "Вибухи в Харкові", "Працює ППО.")).name
    'Ukrainian'
    """
    return identify(f"{article.title or ''}\n{article.text or ''}")


def warn_if_not_read(article: Any) -> None:
    """Warn (:class:`~geoevents.errors.LanguageWarning`) when an article is written in a
    language not read: the extractor skips it."""
    language = article_language(article)
    if not language.read:
        warnings.warn(
            LanguageWarning(
                f"{article.where}: written in {language.name}; geoevents reads "
                f"{READ_NAMES}, so it is skipped"
            ),
            stacklevel=3,
        )


def guess_language(text: str) -> str | None:
    """English name of the language of ``text``, or ``None`` when too short to tell.

    >>> guess_language("Ein russischer Raketenangriff traf am Montag eine Schule.")
    'German'
    """
    found = identify(text)
    return None if found.code is None else found.name
