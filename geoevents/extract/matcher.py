"""The place matcher: which words of a sentence are indexed place names.

Toponyms are found with one Aho-Corasick automaton (``pyahocorasick``) over the
gazetteer's name keys (:meth:`gazetteer.Gazetteer.name_keys`), run over the
sentence's normalised tokens, longest match first. The automaton is built once
per process and index (about 3 s and 200 MB for the ~660,000 keys of the
default index; a pickle of it is 145 MB and still takes about a second to
load, so it is not cached on disk).

Which keys enter the automaton (:func:`keep_key`): settlement, site and region
keys of three letters or more made of ASCII letters, digits and spaces; keys
shorter than five letters need a population of at least 20,000 (so "Bar" and
"Ust" stay out, "Kyiv", "Sumy", "Lviv" stay in).

Spellings of Ukrainian and Russian place names that the index lacks are found
beside the automaton, by their romanisation skeleton
(:mod:`geoevents.extract.variants`). Which matches become mentions is decided
in :mod:`geoevents.extract.mentions`.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import ahocorasick

from gazetteer.normalize import normalize
from geoevents.extract.variants import MIN_SKELETON, VariantTable, variant_spans

if TYPE_CHECKING:  # pragma: no cover
    from gazetteer import Gazetteer

#: Bump when :func:`keep_key` or the automaton layout changes (part of the cache key).
MATCHER_VERSION = "2"

#: A word: letters and digits, with inner apostrophes ("Mar'inka").
TOKEN = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*", re.UNICODE)
#: A possessive "'s" at the end of a word.
POSSESSIVE = re.compile(r"['’ʼ]s$")


def keep_key(key: str, population: int, kind: str) -> bool:
    """Whether a gazetteer key enters the automaton.

    >>> keep_key("malotaranivka", 0, "settlement"), keep_key("bar", 9000, "settlement")
    (True, False)
    >>> keep_key("kyiv", 2900000, "settlement"), keep_key("ukraine", 0, "country")
    (True, False)
    """
    if kind not in ("settlement", "site", "region"):
        return False
    if len(key) < 3 or not key.replace(" ", "").isalnum() or not key.isascii():
        return False
    if key.isdigit() or key[0].isdigit():
        return False
    letters = len(key.replace(" ", ""))
    if letters < 5 and population < 20000 and kind != "region":
        return False
    return True


#: Token -> (length without a possessive "'s", its normalised key): words repeat a lot.
_TOKEN_KEYS: dict[str, tuple[int, str]] = {}
_TOKEN_KEYS_MAX = 200_000


class PlaceMatcher:
    """Aho-Corasick matcher over gazetteer name keys (padded with spaces).

    >>> m = PlaceMatcher.from_keys(["kramatorsk", "kryvyi rih", "rih"])
    >>> text = "Near Kryvyi Rih and Kramatorsk’s edge"
    >>> [(text[a:b], key) for a, b, key in m.find(text)]
    [('Kryvyi Rih', 'kryvyi rih'), ('Kramatorsk', 'kramatorsk')]
    """

    def __init__(self, automaton: Any, variants: VariantTable | None = None) -> None:
        self.automaton = automaton
        #: Skeletons of Ukrainian and Russian places for spelling variants (``None``: exact only).
        self.variants = variants

    @classmethod
    def from_keys(cls, keys: Iterable[str], variants: Iterable[str] = ()) -> PlaceMatcher:
        """A matcher of ``keys``; ``variants`` are place names also found by their skeleton."""
        a = ahocorasick.Automaton()
        for key in keys:
            a.add_word(f" {key} ", key)
        a.make_automaton()
        names = list(variants)
        table = VariantTable.from_names(names, known=_known_in(a, frozenset())) if names else None
        return cls(a, table)

    def find(self, sentence: str) -> list[tuple[int, int, str]]:
        """Longest non-overlapping matches as ``(start, end, key)`` spans in ``sentence``."""
        return self._exact(*token_keys(sentence))

    def find_all(
        self, sentence: str
    ) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
        """Exact matches (:meth:`find`) and spelling-variant spans (:mod:`~geoevents.extract.variants`).

        A variant span that is longer than the exact matches it overlaps replaces
        them ("Velikaya Novoselka" over a bare "Novoselka"); any other
        overlapping variant span is dropped.
        """
        tokens, keys = token_keys(sentence)
        exact = self._exact(tokens, keys)
        if self.variants is None or not tokens:
            return exact, []
        found = variant_spans(sentence, tokens, keys, self.variants)
        if not found:
            return exact, []
        longer = [
            v
            for v in found
            if all(
                e <= v[0] or s >= v[1] or (v[0] <= s and e <= v[1] and e - s < v[1] - v[0])
                for s, e, _ in exact
            )
        ]
        kept = [x for x in exact if all(x[1] <= v[0] or x[0] >= v[1] for v in longer)]
        return kept, longer

    def _exact(self, tokens: list[tuple[int, int]], parts: list[str]) -> list[tuple[int, int, str]]:
        if not parts or self.automaton.kind == ahocorasick.EMPTY:
            return []
        starts: dict[int, int] = {}
        ends: dict[int, int] = {}
        pos = 1
        for i, piece in enumerate(parts):
            starts[pos] = i
            pos += len(piece)
            ends[pos] = i
            pos += 1
        text = " " + " ".join(parts) + " "
        found = []
        for end_idx, key in self.automaton.iter(text):
            a = end_idx - len(key)  # start of key (after the leading space)
            b = end_idx  # index of trailing space
            if a in starts and b in ends:
                found.append((tokens[starts[a]][0], tokens[ends[b]][1], key))
        found.sort(key=lambda t: (-(t[1] - t[0]), t[0]))
        out: list[tuple[int, int, str]] = []
        for s, e, k in found:
            if all(e <= s2 or s >= e2 for s2, e2, _ in out):
                out.append((s, e, k))
        return sorted(out)


def token_keys(sentence: str) -> tuple[list[tuple[int, int]], list[str]]:
    """Word spans of ``sentence`` and their :func:`~gazetteer.normalize.normalize` keys.

    A possessive "'s" is left out of the span and the key; words whose key is
    empty are skipped.

    >>> token_keys("Kramatorsk’s edge")
    ([(0, 10), (13, 17)], ['kramatorsk', 'edge'])
    """
    tokens: list[tuple[int, int]] = []
    parts: list[str] = []
    cache = _TOKEN_KEYS
    for m in TOKEN.finditer(sentence):
        word = m.group(0)
        hit = cache.get(word)
        if hit is None:
            raw = POSSESSIVE.sub("", word)
            hit = (len(raw), normalize(raw))
            if len(cache) >= _TOKEN_KEYS_MAX:
                cache.clear()
            cache[word] = hit
        size, piece = hit
        if not piece:
            continue
        start = m.start()
        tokens.append((start, start + size))
        parts.append(piece)
    return tokens, parts


_MATCHERS: dict[str, PlaceMatcher] = {}
#: Index identity of each open gazetteer object: ``gz.info()`` runs SQL count queries
#: (about 0.1 s), far too slow to repeat for every article.
_IDENTITY_BY_OBJECT: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()


def index_identity(gz: Gazetteer) -> str:
    """The index a gazetteer object reads (path, version, build time), once per object."""
    try:
        return _IDENTITY_BY_OBJECT[gz]
    except (KeyError, TypeError):
        pass
    try:
        info = gz.info()
        ident = f"{info.get('path')}|{info.get('version')}|{info.get('built_at')}|{MATCHER_VERSION}"
    except Exception:  # a gazetteer without info() is cached by object identity
        return f"id:{id(gz)}"
    try:
        _IDENTITY_BY_OBJECT[gz] = ident
    except TypeError:  # an object that cannot be weakly referenced
        pass
    return ident


def _known_in(automaton: Any, others: frozenset[str]) -> Callable[[str], bool]:
    """Whether a key is in ``automaton`` or in ``others`` (the keys it leaves out)."""

    def known(key: str) -> bool:
        return key in others or automaton.exists(f" {key} ")

    return known


def matcher_for(gz: Gazetteer) -> PlaceMatcher:
    """The :class:`PlaceMatcher` for a gazetteer, built once per process and index.

    Looked up by the index identity (path, version, build time; cached per
    object), so two objects over one index share a matcher, and the matcher
    holds no reference to the object that built it. Its variant table
    (:class:`~geoevents.extract.variants.VariantTable`) is read from the
    gazetteer's index (``gz.index``); an object without one gets exact matches only.
    """
    ident = index_identity(gz)
    matcher = _MATCHERS.get(ident)
    if matcher is None:
        kept: list[str] = []
        others: set[str] = set()  # keys the automaton leaves out, long enough to be variants
        for key, population, kind in gz.name_keys():
            if keep_key(key, population, kind):
                kept.append(key)
            elif len(key) >= MIN_SKELETON:
                others.add(key)
        matcher = PlaceMatcher.from_keys(kept)
        index = getattr(gz, "index", None)
        if index is not None and hasattr(index, "fuzzy_pool"):
            known = _known_in(matcher.automaton, frozenset(others))
            matcher.variants = VariantTable.from_index(index, known=known)
        _MATCHERS[ident] = matcher
    return matcher
