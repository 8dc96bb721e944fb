"""Russian and older Latin spellings of Ukrainian (and Russian) place names in running text.

News about the war spells many Ukrainian places the Russian way or in an older
romanisation: "Novomikhailovka" (Novomykhailivka), "Nevelskoye" (Nevelske),
"Podgorodnoye" (Pidhorodne), "Krasnogorovka" (Krasnohorivka). GeoNames lists
some of these spellings, and the exact automaton of
:mod:`geoevents.extract.mentions` finds those; the others are found here, by the
romanisation skeleton the gazetteer indexes every name under
(:func:`gazetteer.normalize.skeleton`: -ovka/-ivka, -skoye/-ske, -ino/-yne,
e/ye/ie, i/y, kh/h/g fold to one key).

:class:`VariantTable` holds the skeletons of the settlements and sites of
Ukraine and Russia (:data:`VARIANT_COUNTRIES`). A run of one to three
capitalised words whose key the index does not hold, but whose skeleton is in
the table, is a *variant* span (:func:`variant_spans`); the Russian plural
adjective -ye is tried as the Ukrainian -i too (:data:`RU_PLURAL`: "Tsvetnye
Peski" is Tsvitni Pisky). Whether a span becomes
a mention is decided by :func:`admit_variant`, so that English words and
people's names do not turn into places through a fold:

* the skeleton has at least :data:`MIN_SKELETON` letters: short skeletons
  collide with English words and first names ("School" and "Shell" fold to the
  village skeleton ``sil``, "Will" to ``vil``, "July" to ``uli``);
* a one-word name shaped like a surname or patronymic (:data:`SURNAME_ENDING`: "Lavrov",
  "Orlovsky", "Grigoryev", "Bondarenko") needs a strong place cue: "Grigoryev
  said" names no place, though "Grigoryev" folds to the village Hryhoriv; "the
  village of Grigoryev" does;
* otherwise the name needs a place cue ("in", "near", "hit", "the village of") or
  an ending of a Slavic place name (:data:`PLACE_ENDING`: -ka, -sk, -ske/-skoye,
  -ne/-noye, -ino/-ovo/-ove, -aya/-ya, -pol/-polye, -grad/-gorod, ...) on
  one of its words (the last, or the adjective before it: "Tsvetnye Peski"):
  "Weighing" folds to the skeleton of a village (``veiging``), but it is neither
  cued nor shaped like a place name.

The span is resolved like any other toponym, by the one resolver
(:func:`gazetteer.document.resolve_document`): its candidates are the
``variant`` matches of its skeleton (for a plural, the fuzzy ones), ranked by
the article's context.

>>> from geoevents.extract.matcher import token_keys
>>> table = VariantTable.from_names(["Novomykhailivka", "Nevelske", "Velyka Novosilka"])
>>> s = "Shells hit Novomikhailovka and Velikaya Novoselka, Peskov said."
>>> [(s[a:b], k) for a, b, k in variant_spans(s, *token_keys(s), table)]
[('Novomikhailovka', 'novomikhailovka'), ('Velikaya Novoselka', 'velikaya novoselka')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gazetteer.normalize import normalize, skeleton

if TYPE_CHECKING:  # pragma: no cover
    from gazetteer.index import IndexReader, NameHit

#: Countries whose settlements and sites are recognised under their spelling variants.
VARIANT_COUNTRIES: tuple[str, ...] = ("UA", "RU")
#: Kinds of place whose names enter the table.
VARIANT_KINDS = frozenset({"settlement", "site"})
#: Minimum letters of a skeleton in the table (shorter ones collide with English words).
MIN_SKELETON = 7
#: Longest span, in words, tried as one name ("Velikaya Novoselka", "Chasov Yar").
MAX_WORDS = 3

#: The Russian plural adjective ending -ye/-yye/-iye after a consonant is the Ukrainian -i
#: ("Tsvetnye Peski" is Tsvitni Pisky); the skeleton does not fold it (it reads -nye as the
#: Ukrainian neuter -ne), so spans try it second.
RU_PLURAL = re.compile(r"(?<=[bcdfgklmnprstvz])[yi]?(?:ye|ie)\b")
#: Endings of a word that look like a Slavic place name.
PLACE_ENDING = re.compile(
    r"(?:ka|sk|ske|skoye|skoe|skoie|tske|ne|nye|noye|noe|nie|ino|yno|ine|yne|ovo|evo|ivo|ove|eve"
    r"|oye|oie|oe|aya|aia|ye|ya|ia|ie|pol|pil|polye|pole|pillia|pillya|grad|gorod|horod|hrad|dar"
    r"|dub|yar|iar|tsi|tsy|chi|ychi|ets|yets|ivtsi|ovtsy)$"
)
#: Endings of surnames and patronymics ("Lavrov", "Grigoryev", "Orlovsky", "Serhiyovych").
SURNAME_ENDING = re.compile(
    r"(?:ov|ev|yov|iov|in|yn|sky|ski|skiy|skyi|skii|skyy|skoy|skoi|tsky|ich|ych|vich|enko|uk|yuk|iuk"
    r"|chuk|ova|eva|ina|yna|skaya|ovna|evna|ivna)$"
)


class VariantTable:
    """Skeletons of the settlements and sites of :data:`VARIANT_COUNTRIES`.

    Parameters
    ----------
    places
        Skeleton -> number of distinct places it names.
    known
        Whether a key is indexed as it is (then the exact automaton, not this
        table, decides about it); ``None``: no key is.
    """

    def __init__(self, places: dict[str, int], known: Callable[[str], bool] | None = None) -> None:
        self.places = places
        self._known = known
        self._known_cache: dict[str, bool] = {}

    @classmethod
    def from_names(
        cls, names: Iterable[str], known: Callable[[str], bool] | None = None
    ) -> VariantTable:
        """A table of the skeletons of ``names`` (one place each), for tests and doctests."""
        places: dict[str, int] = {}
        for name in names:
            skel = skeleton(normalize(name))
            if len(skel) >= MIN_SKELETON:
                places[skel] = places.get(skel, 0) + 1
        return cls(places, known)

    @classmethod
    def from_index(
        cls, index: IndexReader, known: Callable[[str], bool] | None = None
    ) -> VariantTable:
        """The table of an open :class:`gazetteer.index.IndexReader` (about a second).

        Reads the skeletons of each country's names (:meth:`~gazetteer.index.IndexReader.fuzzy_pool`)
        and keeps those of settlements and sites with :data:`MIN_SKELETON` letters or more.
        """
        ids: dict[str, set[int]] = {}
        for skel, hit in _settlement_hits(index):
            ids.setdefault(skel, set()).add(hit.place_id)
        return cls({skel: len(pids) for skel, pids in ids.items()}, known)

    def __contains__(self, skel: object) -> bool:
        return skel in self.places

    def __len__(self) -> int:
        return len(self.places)

    def known(self, key: str) -> bool:
        """Whether ``key`` is indexed as it is (cached)."""
        if self._known is None:
            return False
        hit = self._known_cache.get(key)
        if hit is None:
            if len(self._known_cache) >= 100_000:
                self._known_cache.clear()
            hit = self._known_cache[key] = self._known(key)
        return hit


def _settlement_hits(index: IndexReader) -> Iterator[tuple[str, NameHit]]:
    """``(skeleton, name)`` of every name of a settlement or site of :data:`VARIANT_COUNTRIES`
    whose skeleton has :data:`MIN_SKELETON` letters or more."""
    for cc in VARIANT_COUNTRIES:
        pool = index.fuzzy_pool(cc)
        wanted = {h.place_id for hits in pool.hits.values() for h in hits}
        places = index.places(sorted(wanted))
        for skel, hits in pool.hits.items():
            if len(skel) < MIN_SKELETON:
                continue
            for hit in hits:
                place = places.get(hit.place_id)
                if place is not None and place.kind in VARIANT_KINDS:
                    yield skel, hit


def variant_spans(
    sentence: str,
    tokens: list[tuple[int, int]],
    keys: list[str],
    table: VariantTable,
) -> list[tuple[int, int, str]]:
    """``(start, end, key)`` of capitalised runs whose skeleton, not their key, is in ``table``.

    Runs of capitalised words joined by a space or a hyphen are read left to
    right, the longest span (up to :data:`MAX_WORDS` words) first; spans do not
    overlap. A key the index holds (:meth:`VariantTable.known`) is left to the
    exact automaton.
    """
    out: list[tuple[int, int, str]] = []
    n = len(tokens)
    i = 0
    while i < n:
        if not keys[i] or not sentence[tokens[i][0]].isupper():
            i += 1
            continue
        run = 1
        while (
            i + run < n
            and run < MAX_WORDS
            and keys[i + run]
            and sentence[tokens[i + run][0]].isupper()
            and sentence[tokens[i + run - 1][1] : tokens[i + run][0]] in (" ", "-")
        ):
            run += 1
        for size in range(run, 0, -1):
            key = " ".join(keys[i : i + size])
            if _in_table(key, table) and not table.known(key):
                out.append((tokens[i][0], tokens[i + size - 1][1], key))
                i += size
                break
        else:
            i += 1
    return out


def _in_table(key: str, table: VariantTable) -> bool:
    """Whether the skeleton of ``key``, or of its Ukrainian plural (:data:`RU_PLURAL`), is in ``table``."""
    if skeleton(key) in table:
        return True
    if "ye" not in key and "ie" not in key:
        return False
    plural = RU_PLURAL.sub("i", key)
    return plural != key and skeleton(plural) in table


def admit_variant(key: str, *, cued: bool, strong: bool) -> bool:
    """Whether a variant span with this key becomes a place mention (see the module doc).

    ``cued``: a place cue stands before it ("in", "near", "hit"); ``strong``: an
    explicit one ("the village of").

    >>> admit_variant("novomikhailovka", cued=False, strong=False)
    True
    >>> admit_variant("weighing", cued=False, strong=False), admit_variant("beloved", cued=True, strong=False)
    (False, True)
    >>> admit_variant("lavrov", cued=True, strong=False), admit_variant("petrov", cued=True, strong=True)
    (False, True)
    """
    if strong:
        return True
    words = key.split()
    if len(words) == 1 and SURNAME_ENDING.search(key):
        return False
    return cued or any(PLACE_ENDING.search(w) for w in words)


@dataclass(frozen=True)
class Uniqueness:
    """How much the variant table blurs names: what :func:`uniqueness` counts."""

    skeletons: int  #: skeletons in the table
    ambiguous: int  #: skeletons that name two or more places
    keys: int  #: exact keys of the table's places (with a table skeleton)
    keys_unique: int  #: of those, keys that name one place
    keys_blurred: int  #: unique keys whose skeleton names two or more places (uniqueness lost)


def uniqueness(index: IndexReader, table: VariantTable) -> Uniqueness:
    """Count what the table's skeletons cost in uniqueness, over the same places.

    A key that names one place but whose skeleton names several has lost its
    uniqueness: its variant spellings in a text are ambiguous where the key
    itself was not (the resolver's context then decides).
    """
    key_places: dict[str, set[int]] = {}
    for skel, hit in _settlement_hits(index):
        if skel in table:
            key_places.setdefault(hit.key, set()).add(hit.place_id)
    unique = [k for k, ids in key_places.items() if len(ids) == 1]
    blurred = sum(1 for k in unique if table.places.get(skeleton(k), 0) > 1)
    return Uniqueness(
        skeletons=len(table),
        ambiguous=sum(1 for n in table.places.values() if n > 1),
        keys=len(key_places),
        keys_unique=len(unique),
        keys_blurred=blurred,
    )
