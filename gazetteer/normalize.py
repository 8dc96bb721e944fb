"""Stage 1: normalise names to lookup keys.

Two keys per name, both used at build and at query time, so a key changes only
with :data:`NORMALIZER_VERSION` (part of the index version):

* :func:`normalize` -- the exact key: transliterated to ASCII, lower case,
  apostrophes dropped, other punctuation and control characters to spaces.
* :func:`skeleton` -- the romanisation-variant key: folds the spelling
  differences between Ukrainian and Russian romanisations (and common
  German/Polish ones) so Kharkov, Kharkiv and Charkow share one key.

>>> normalize("Makiïvka")
'makiivka'
>>> normalize("Макіївка"), normalize("Kryvyi Rih"), normalize("Kryvyy  Rih")
('makiivka', 'kryvyi rih', 'kryvyy rih')
>>> normalize("Bila Tserkva-2"), normalize("Zaporizhzhia’s"), normalize("Mar'inka")
('bila tserkva 2', 'zaporizhzhias', 'marinka')
>>> normalize("   "), normalize("Kyiv\\x00\\x07")
('', 'kyiv')
>>> normalize("U.S."), normalize("N. C."), normalize("Washington, D.C."), normalize("Port-a-Piment")
('us', 'nc', 'washington dc', 'port a piment')
>>> skeleton("makeevka") == skeleton("makiyivka") == skeleton("makiivka")
True
>>> skeleton("kharkov") == skeleton("kharkiv"), skeleton("gorlovka") == skeleton("horlivka")
(True, True)
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

NORMALIZER_VERSION = "4"

_APOSTROPHES = re.compile(r"[\u0027\u2018\u2019\u02bc\u02b9\u0060\u00b4\u2032\u02bb]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# A run of two or more single letters is an abbreviation written with dots: "u s" -> "us".
_INITIALS = re.compile(r"\b[a-z](?: [a-z]\b)+")
_MID_SINGLE = re.compile(r" [a-z] ")

# Scripts whose names are indexed: Latin, Cyrillic and Greek letters transliterate
# to readable keys; names in other scripts would become noise keys ("swldw").
_INDEXED_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")


def normalize(name: str) -> str:
    """Exact lookup key of ``name``.

    Transliterated to ASCII, lower case, apostrophes dropped, other punctuation
    and control characters folded to single spaces; a run of single letters
    (an abbreviation written with dots, "U.S.", "N.C.") is joined.

    >>> normalize("Donets'k Oblast'")
    'donetsk oblast'
    """
    if name.isascii():
        low = name.lower()
        if "'" in low or "`" in low:
            low = low.replace("'", "").replace("`", "")
        if low.isalpha():  # the common case: one plain word
            return low
        key = _NON_ALNUM.sub(" ", low).strip()
    else:
        text = unicodedata.normalize("NFKC", name)
        text = _APOSTROPHES.sub("", text)
        text = anyascii(text).lower()
        text = _APOSTROPHES.sub("", text)
        key = _NON_ALNUM.sub(" ", text).strip()
    if " " in key and (key[1] == " " or key[-2] == " " or _MID_SINGLE.search(key)):
        key = _INITIALS.sub(_join_initials, key)
    return key


def _join_initials(match: re.Match[str]) -> str:
    return match.group().replace(" ", "")


# Ordered multi-letter folds (applied with str.replace, fast at build time).
_FOLDS: tuple[tuple[str, str], ...] = (
    ("tsch", "c"),
    ("shch", "s"),
    ("sch", "s"),
    ("tch", "c"),
    ("ch", "c"),
    ("ts", "c"),
    ("tz", "c"),
    ("cz", "c"),
    ("kh", "h"),
    ("zh", "z"),
    ("sh", "s"),
    ("x", "h"),
    ("h", "g"),  # Ukrainian h = Russian g (Horlivka / Gorlovka)
    ("w", "v"),
    ("ph", "f"),
    ("ye", "e"),
    ("je", "e"),
    ("ie", "e"),
    ("yu", "u"),
    ("ju", "u"),
    ("iu", "u"),
    ("ya", "a"),
    ("ja", "a"),
    ("ia", "a"),
    ("yo", "o"),
    ("jo", "o"),
    ("io", "o"),
    ("y", "i"),
    ("j", "i"),
)
_DOUBLE = re.compile(r"([a-z])\1+")
# Russian neuter endings of Ukrainian names: -skoye/-noye (skel -skoe/-noe) are
# Ukrainian -ske/-ne (Nevelskoye / Nevelske, Vodyanoye / Vodiane) ...
_RU_OE = re.compile(r"(?<=[bcdfgklmnprstvz])oe\b")
# ... and -ovo/-ino are -ove/-yne (Svatovo / Svatove, Ocheretino / Ocheretyne).
_RU_NEUTER = re.compile(r"(?<=[vn])o\b")
# Ukrainian ikavism: o/e in a closed syllable is i (Kharkov / Kharkiv, Artemovsk / Artemivsk).
_CLOSED_OE = re.compile(r"[oe](?=[bcdfgklmnprstvz](?:$|[ bcdfgklmnprstvz]))")


@lru_cache(maxsize=65536)
def skeleton(key: str) -> str:
    """Romanisation-variant key of a :func:`normalize` key.

    Folds ye/e, yi/i/y, iy/yy, kh/h/g, ia/ya, iu/yu, ts/c, zh/z, the Russian
    neuter endings -oye/-ovo/-ino to the Ukrainian -e/-ove/-yne, closed-syllable
    o/e to i (ov/iv, ev/iv), doubled letters and spaces inside names.

    >>> skeleton("artemovsk") == skeleton("artemivsk")
    True
    >>> skeleton("zaporizhzhia") == skeleton("zaporizhzhya")
    True
    >>> skeleton("chernigov") == skeleton("chernihiv")
    True

    Russian forms of Ukrainian names share the key of the Ukrainian form:

    >>> skeleton("ocheretino") == skeleton("ocheretyne"), skeleton("nevelskoye") == skeleton("nevelske")
    (True, True)
    >>> skeleton("svatovo") == skeleton("svatove"), skeleton("vodyanoye") == skeleton("vodiane")
    (True, True)
    >>> skeleton("novomikhailovka") == skeleton("novomykhailivka")
    True
    """
    text = key
    for old, new in _FOLDS:
        if old in text:
            text = text.replace(old, new)
    if "o" in text:
        text = _RU_NEUTER.sub("e", _RU_OE.sub("e", text))
    text = _DOUBLE.sub(r"\1", text)
    text = _CLOSED_OE.sub("i", text)
    return text.replace(" ", "")


@lru_cache(maxsize=4096)
def _char_ok(char: str) -> bool:
    if not char.isalpha():
        return True
    try:
        name = unicodedata.name(char)
    except ValueError:
        return False
    return name.startswith(_INDEXED_SCRIPTS)


def indexable(name: str) -> bool:
    """True if every letter of ``name`` is Latin, Cyrillic or Greek.

    >>> indexable("Makiivka"), indexable("Макіївка"), indexable("マキイウカ")
    (True, True, False)
    """
    return name.isascii() or all(_char_ok(c) for c in name)
