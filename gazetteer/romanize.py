"""Ukrainian Cyrillic to Latin in the official national romanisation.

The table is that of the Cabinet of Ministers of Ukraine resolution No. 55 of
27 January 2010 ("On the regulation of the transliteration of the Ukrainian
alphabet in Latin"), written here as data for this project. Rules:

* є, ї, й, ю, я are written ``ye``, ``yi``, ``y``, ``yu``, ``ya`` at the start
  of a word and ``ie``, ``i``, ``i``, ``iu``, ``ia`` elsewhere;
* the combination зг is written ``zgh`` (Zghurivka), to tell it from ж (``zh``);
* the soft sign and the apostrophe are not written;
* letters that are not Ukrainian Cyrillic pass through unchanged.

>>> romanize("Очеретине"), romanize("Запоріжжя"), romanize("Згурівка")
('Ocheretyne', 'Zaporizhzhia', 'Zghurivka')
>>> romanize("Їжакевич"), romanize("Яготин"), romanize("Біла Церква")
('Yizhakevych', 'Yahotyn', 'Bila Tserkva')
>>> romanize("Знам’янка"), romanize("Львів"), romanize("ЮЖНЕ")
('Znamianka', 'Lviv', 'YUZHNE')
"""

from __future__ import annotations

import re

#: Letter -> (Latin at the start of a word, Latin elsewhere); lower case.
TABLE: dict[str, tuple[str, str]] = {
    "а": ("a", "a"),
    "б": ("b", "b"),
    "в": ("v", "v"),
    "г": ("h", "h"),
    "ґ": ("g", "g"),
    "д": ("d", "d"),
    "е": ("e", "e"),
    "є": ("ye", "ie"),
    "ж": ("zh", "zh"),
    "з": ("z", "z"),
    "и": ("y", "y"),
    "і": ("i", "i"),
    "ї": ("yi", "i"),
    "й": ("y", "i"),
    "к": ("k", "k"),
    "л": ("l", "l"),
    "м": ("m", "m"),
    "н": ("n", "n"),
    "о": ("o", "o"),
    "п": ("p", "p"),
    "р": ("r", "r"),
    "с": ("s", "s"),
    "т": ("t", "t"),
    "у": ("u", "u"),
    "ф": ("f", "f"),
    "х": ("kh", "kh"),
    "ц": ("ts", "ts"),
    "ч": ("ch", "ch"),
    "ш": ("sh", "sh"),
    "щ": ("shch", "shch"),
    "ь": ("", ""),
    "ю": ("yu", "iu"),
    "я": ("ya", "ia"),
}
#: Apostrophes of Ukrainian spelling (not written in Latin).
APOSTROPHES = "'’ʼ`´‘"
_WORD = re.compile(r"[^\W\d_]+(?:[" + APOSTROPHES + r"][^\W\d_]+)*")


def _word(word: str) -> str:
    out: list[str] = []
    lower = word.lower()
    for i, (ch, low) in enumerate(zip(word, lower, strict=True)):
        if low in APOSTROPHES:
            continue
        pair = TABLE.get(low)
        if pair is None:
            out.append(ch)
            continue
        latin = pair[0] if i == 0 else pair[1]
        if low == "г" and i > 0 and lower[i - 1] == "з":
            latin = "gh"
        if ch != low and latin:  # an upper-case letter
            upper_next = i + 1 < len(word) and word[i + 1].isupper()
            latin = latin.upper() if upper_next or len(word) == 1 else latin.capitalize()
        out.append(latin)
    return "".join(out)


def romanize(text: str) -> str:
    """``text`` in the national romanisation (resolution 55 of 2010).

    >>> romanize("Гола Пристань"), romanize("Мар’їнка"), romanize("Київ")
    ('Hola Prystan', 'Marinka', 'Kyiv')
    >>> romanize("Розсоші"), romanize("Kramatorsk")
    ('Rozsoshi', 'Kramatorsk')
    """
    return _WORD.sub(lambda m: _word(m.group(0)), text)
