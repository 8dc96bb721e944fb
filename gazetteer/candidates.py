"""Stage 2: candidate places for one name, stage by stage, each with its own penalty.

1. ``exact`` -- the normalised key equals a name or alternate name.
2. ``variant`` -- the romanisation skeleton equals one (Kharkov -> Kharkiv).
3. ``fuzzy`` -- only when 1 and 2 found nothing: rapidfuzz similarity of
   skeletons, restricted to the regions or countries in context (typos such as
   "Malotaranovi").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rapidfuzz import fuzz, process

from gazetteer.index import IndexReader, NameHit
from gazetteer.normalize import skeleton

#: Stage similarity before ranking (a penalty = 1 - this).
STAGE_BASE = {"exact": 1.0, "variant": 0.7, "fuzzy": 0.8}
#: Minimum rapidfuzz ratio (0..100) of skeletons for a fuzzy match.
FUZZY_CUTOFF = 80.0
#: Keys shorter than this are never matched fuzzily (too many near neighbours).
FUZZY_MIN_CHARS = 5
#: Countries searched fuzzily when the context names none.
DEFAULT_FUZZY_COUNTRIES = ("UA", "RU")


class Match(NamedTuple):
    """A place that matched a query key at one stage (a named tuple: made per lookup)."""

    hit: NameHit
    stage: str
    similarity: float  # 0..1 within the stage (1 for exact/variant)

    @property
    def base(self) -> float:
        """Stage score: the stage base times the similarity."""
        return STAGE_BASE[self.stage] * self.similarity


_new_match = tuple.__new__  # Match(hit, stage, 1.0) without the Python-level __new__


def exact_matches(index: IndexReader, key: str) -> list[Match]:
    """Stage 1: exact key matches."""
    return [Match(h, "exact", 1.0) for h in index.exact(key)]


def variant_matches(index: IndexReader, key: str, skel: str | None = None) -> list[Match]:
    """Stage 2: skeleton matches whose exact key differs from ``key``."""
    skel = skel if skel is not None else skeleton(key)
    if not skel:
        return []
    return [Match(h, "variant", 1.0) for h in index.variant(skel) if h.key != key]


def fuzzy_matches(
    index: IndexReader,
    key: str,
    *,
    countries: Sequence[str],
    regions: Sequence[tuple[str, str]] = (),
    limit: int = 10,
) -> list[Match]:
    """Stage 3: rapidfuzz over the skeletons of the given regions, else countries.

    Regions are searched first; countries only if the regions gave nothing.
    """
    skel = skeleton(key)
    if len(skel) < FUZZY_MIN_CHARS:
        return []
    pools = [index.fuzzy_pool(cc, a1) for cc, a1 in regions]
    out = _search_pools(skel, pools, limit)
    if not out:
        out = _search_pools(skel, [index.fuzzy_pool(cc) for cc in countries], limit)
    return out


def _search_pools(skel: str, pools: list, limit: int) -> list[Match]:
    out: list[Match] = []
    seen: set[int] = set()
    for pool in pools:
        if not pool.skels:
            continue
        for found, score, _ in process.extract(
            skel, pool.skels, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=limit
        ):
            for hit in pool.hits[found]:
                if hit.place_id not in seen:
                    seen.add(hit.place_id)
                    out.append(Match(hit, "fuzzy", score / 100.0))
    return out


def find_matches(
    index: IndexReader,
    key: str,
    *,
    fuzzy_countries: Sequence[str] = DEFAULT_FUZZY_COUNTRIES,
    fuzzy_regions: Sequence[tuple[str, str]] = (),
    fuzzy: bool = True,
) -> list[Match]:
    """All candidate matches of ``key``, best stage per place.

    Exact and variant matches are always gathered; the fuzzy stage runs only
    when they found nothing. Places are not loaded (:meth:`IndexReader.places`
    loads those to rank; :attr:`IndexReader.found_rows` holds the rows of the
    exact and variant matches' places meanwhile).
    """
    hits = index.name_group(key)
    if len(hits) == 1:  # the common case: one name of one place
        hit = hits[0]
        return [_new_match(Match, (hit, "exact" if hit[2] == key else "variant", 1.0))]
    best: dict[int, Match] = {}
    for hit in hits:
        stage = "exact" if hit[2] == key else "variant"
        cur = best.get(hit[0])
        # cur.base (a property) is STAGE_BASE[cur.stage] * cur.similarity
        if cur is None or (STAGE_BASE[stage], hit[3]) > (
            STAGE_BASE[cur[1]] * cur[2],
            cur[0][3],
        ):
            best[hit[0]] = _new_match(Match, (hit, stage, 1.0))
    if not best and fuzzy:
        for match in fuzzy_matches(index, key, countries=fuzzy_countries, regions=fuzzy_regions):
            best.setdefault(match.hit.place_id, match)
    return list(best.values())
