"""Regions and countries named in a text, and region phrases matched to regions.

A region phrase is a stem plus a region word ("Donetsk region", "Kharkov
Region", "Rostov oblast", "Republic of Crimea") or a strong alias on its own
("DPR", "Donbas", "Crimea", "Chechnya"); see :mod:`gazetteer.regions`.
"""

from __future__ import annotations

import re

from gazetteer.index import IndexReader
from gazetteer.normalize import normalize, skeleton
from gazetteer.regions import REGION_PREFIXES, REGION_SUFFIXES, curated_regions, split_region_phrase
from gazetteer.types import Context, Place

#: Focus countries used by callers that want the default conflict focus.
DEFAULT_FOCUS = ("UA", "RU")
_MAX_GRAM = 4
_SUFFIX_TOKENS = {tuple(s.split()) for s in REGION_SUFFIXES}
_PREFIX_TOKENS = {tuple(p.split()) for p in REGION_PREFIXES}
#: Strength of a region key: 4 curated, 3 strong alias, 2 own stem, 1 capital's name.
STRONG = 3


def _pick(hits: list[tuple[str, str, int]], focus: tuple[str, ...]) -> list[tuple[str, str]]:
    """Regions from key hits, strongest first, then focus countries, deterministic."""
    if not hits:
        return []
    best = max(h[2] for h in hits)
    top = sorted(
        {(cc, a1) for cc, a1, s in hits if s == best},
        key=lambda r: (r[0] not in focus, r),
    )
    return top


def regions_for_phrase(
    index: IndexReader, phrase_key: str, *, focus: tuple[str, ...] = DEFAULT_FOCUS
) -> list[tuple[str, str]]:
    """Regions a normalised phrase names, best first ([] if it is not a region phrase)."""
    if not phrase_key:
        return []
    curated = curated_regions(phrase_key)
    if curated:
        return list(curated)
    strong = [h for h in index.region_key_hits(phrase_key) if h[2] >= STRONG]
    if strong:
        return _pick(strong, focus)
    stem, has_word = split_region_phrase(phrase_key)
    if has_word:
        curated = curated_regions(stem)
        if curated:
            return list(curated)
        hits = index.region_key_hits(stem)
        if not hits:
            hits = index.region_key_hits(skeleton(stem), variant=True)
        return _pick(hits, focus)
    variant = [h for h in index.region_key_hits(skeleton(stem), variant=True) if h[2] >= STRONG]
    if variant and len(stem) >= 5:
        return _pick(variant, focus)
    return []


def match_region(index: IndexReader, phrase: str) -> Place | None:
    """The region a phrase names, as a region :class:`Place` (point = regional capital)."""
    if not isinstance(phrase, str) or len(phrase) > 300:
        return None
    for cc, a1 in regions_for_phrase(index, normalize(phrase)):
        place = index.region_place(cc, a1)
        if place is not None:
            return place
    return None


def context_from_text(
    index: IndexReader, text: str, *, focus: tuple[str, ...] = DEFAULT_FOCUS
) -> Context:
    """Regions and countries named in ``text`` (in order of first mention).

    Region phrases count when a stem is followed by a region word ("Donetsk
    region"), preceded by a prefix ("Republic of Crimea") or is a strong alias
    ("DPR", "Donbas"); countries by any of their names.
    """
    tokens = normalize(text).split() if isinstance(text, str) else []
    regions: list[tuple[str, str]] = abbreviated_regions(index, text) if tokens else []
    countries: list[str] = []
    written: dict[str, bool] = {}  # short country keys seen in capitals, searched once each
    i = 0
    while i < len(tokens):
        consumed = 0
        for n in range(min(_MAX_GRAM, len(tokens) - i), 0, -1):
            gram_tokens = tuple(tokens[i : i + n])
            if all(t in _FILLER for t in gram_tokens):
                continue
            gram = " ".join(gram_tokens)
            found, used = _region_at(index, tokens, i, n, gram, focus)
            if found:
                for r in found:
                    if r not in regions:
                        regions.append(r)
                consumed = used
                break
            cc = index.country_for_key(gram)
            if cc and len(gram) <= 3 and gram not in written:
                written[gram] = _written_as_abbreviation(text, gram)
            if cc and (len(gram) > 3 or written[gram]):
                if cc not in countries:
                    countries.append(cc)
                consumed = n
                break
        i += max(consumed, 1)
    return Context(countries=tuple(countries), regions=tuple(regions))


def _written_as_abbreviation(text: str, key: str) -> bool:
    """Whether a short country key appears in capitals ("US", "U.S.", "CAR"), not as a word.

    "us" and "car" are English words; the country abbreviations are written in capitals.

    >>> _written_as_abbreviation("told us the U.S. would", "us"), _written_as_abbreviation("a car bomb", "car")
    (True, False)
    """
    letters = key.replace(" ", "")
    pattern = r"\.?\s?".join(re.escape(c.upper()) for c in letters)
    return re.search(rf"(?<![A-Za-z]){pattern}(?![a-z])", text) is not None


#: Tokens never taken as a region or country on their own.
_FILLER = frozenset(
    {"the", "in", "of", "and", "a", "an", "on", "at", "to", "near", "s"}
    | {w for s in REGION_SUFFIXES + REGION_PREFIXES for w in s.split()}
)


def _region_at(
    index: IndexReader,
    tokens: list[str],
    i: int,
    n: int,
    gram: str,
    focus: tuple[str, ...],
) -> tuple[list[tuple[str, str]], int]:
    """Regions named by the n-gram at ``i`` and how many tokens that used."""
    curated = curated_regions(gram)
    if curated:
        return list(curated), n
    hits = index.region_key_hits(gram)
    strong = [h for h in hits if h[2] >= STRONG]
    if strong and index.country_for_key(gram) is None:
        return _pick(strong, focus), n
    after = tuple(tokens[i + n : i + n + 2])
    before = tuple(tokens[max(0, i - 3) : i])
    suffix = max((len(s) for s in _SUFFIX_TOKENS if after[: len(s)] == s), default=0)
    word_before = any(before[-len(p) :] == p for p in _PREFIX_TOKENS if len(before) >= len(p))
    if not (suffix or word_before):
        return [], 0
    if after[:1] == ("county",) and index.names_a(f"{gram} county", "district"):
        return [], 0  # "Washington County" is a county, not the state of Washington
    if not hits and len(gram) >= 5 and after[:1] != ("county",):
        # a spelling variant of a region's own stem ("Zaporozhskaya oblast"); a
        # "County" is a second-level unit almost everywhere, so it needs the exact stem
        hits = [h for h in index.region_key_hits(skeleton(gram), variant=True) if h[2] >= 2]
    return (_pick(hits, focus), n + suffix) if hits else ([], 0)


def _abbreviation_re(index: IndexReader) -> re.Pattern[str] | None:
    cached = getattr(index, "_abbrev_re", False)
    if cached is False:
        forms = sorted(index.region_abbreviations(), key=lambda f: (-len(f), f))
        dotted = [re.escape(f) for f in forms if not f.isupper() or "." in f]
        postal = [re.escape(f) for f in forms if f.isupper() and "." not in f]
        parts = []
        if dotted:
            parts.append(rf"(?:{'|'.join(dotted)})(?![A-Za-z])")
        if postal:
            parts.append(rf"(?:{'|'.join(postal)})(?=[.,;:)]|\s+\d|\s*$)")
        cached = re.compile(rf"(?<=[A-Za-z.]),\s+({'|'.join(parts)})") if parts else None
        index._abbrev_re = cached  # type: ignore[attr-defined]
    return cached


def abbreviated_regions(index: IndexReader, text: str) -> list[tuple[str, str]]:
    """US states and Canadian provinces written as news abbreviations after a place.

    "Paris, Ky.", "Surrey, B.C.", "Lexington, KY 40507": a comma, then the
    abbreviation exactly as written (case and dots), so "ill" or "in" never count.
    """
    pattern = _abbreviation_re(index)
    if pattern is None or not isinstance(text, str):
        return []
    table = index.region_abbreviations()
    out: list[tuple[str, str]] = []
    for m in pattern.finditer(text):
        region = table.get(m.group(1))
        if region is not None and region not in out:
            out.append(region)
    return out
