"""The :class:`Gazetteer` facade: open (or build) the index and resolve names."""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from gazetteer import cache
from gazetteer.candidates import DEFAULT_FUZZY_COUNTRIES, Match, find_matches
from gazetteer.context import DEFAULT_FOCUS, context_from_text, match_region, regions_for_phrase
from gazetteer.errors import IndexCorruptError, QueryError
from gazetteer.index import IndexReader
from gazetteer.locationtext import resolve_location_text
from gazetteer.lrucache import SecondHitLRU
from gazetteer.normalize import normalize
from gazetteer.rank import W_STAGE, rank, squash
from gazetteer.shortlist import shortlist
from gazetteer.types import Candidate, Context, Place

#: Longest query accepted (characters); longer input is not a place name.
MAX_QUERY_CHARS = 500
_CACHE_SIZE = 8192
_NO_CONTEXT = Context()

_log = logging.getLogger("gazetteer")


def _check_query(query: object, what: str = "name") -> str:
    if not isinstance(query, str):
        raise QueryError(f"{what} must be text, not {type(query).__name__}")
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(
            f"{what} is {len(query)} characters long; a place {what} is at most {MAX_QUERY_CHARS}"
        )
    return query


def _extra_files(meta: dict[str, str], key: str) -> list[Path]:
    try:
        files = [Path(p) for p in json.loads(meta.get(key, "[]"))]
    except (ValueError, TypeError):
        return []
    return [p for p in files if p.exists()]


def _only_countries(meta: dict[str, str]) -> list[str] | None:
    try:
        only = json.loads(meta.get("only_countries", "null"))
    except (ValueError, TypeError):
        return None
    return [str(c) for c in only] if isinstance(only, list) else None


def _repair_lookup_map(reader: IndexReader) -> None:
    """Derive a missing, stale or damaged lookup map from the index, if the folder is writable.

    Otherwise the index answers by SQL alone (slower, same answers).
    """
    from gazetteer.lookupmap import derive_lookup_map, lookup_map_path

    try:
        with cache.build_lock(reader.path):
            if reader.open_lookup_map():  # another process repaired it meanwhile
                return
            con = sqlite3.connect(f"file:{reader.path}?mode=ro", uri=True)
            try:
                derive_lookup_map(
                    con,
                    lookup_map_path(reader.path),
                    reader.meta["lookup_map"],
                    mode_of=reader.path,
                )
            finally:
                con.close()
    except (OSError, sqlite3.Error):
        return
    reader.open_lookup_map()


class Gazetteer:
    """Offline gazetteer over a built SQLite index. Use :meth:`open`."""

    def __init__(self, reader: IndexReader) -> None:
        self._index = reader
        # the reader's place cache, priorities and found rows (the same dicts for its life)
        self._places, self._prio, self._rows = (
            reader.loaded_places,
            reader.priorities,
            reader.found_rows,
        )
        # answers, and the context-free matches of a key (reused with other contexts)
        self._cache: SecondHitLRU[list[Candidate]] = SecondHitLRU(_CACHE_SIZE)
        self._matches: SecondHitLRU[list[Match]] = SecondHitLRU(_CACHE_SIZE * 2)

    # -- opening -----------------------------------------------------------
    @classmethod
    def open(
        cls, path: str | Path | None = None, *, rebuild: bool = False, progress: bool = False
    ) -> Gazetteer:
        """Open the index at ``path``, building it if missing, stale or corrupt.

        ``path`` defaults to ``$GEOEVENTS_GAZETTEER``, else
        ``<cache>/gazetteer-<ver>.sqlite`` (``<cache>`` = ``$GEOEVENTS_CACHE_DIR``
        or the user cache dir). A rebuild re-reads the extra source files the old
        index recorded, where they still exist.
        """
        from gazetteer.build import build_index, read_sidecar

        target = Path(path).expanduser() if path is not None else cache.default_index_path()
        expected = cache.index_version()
        problem = (
            "rebuild requested"
            if rebuild
            else cache.index_problem(target, expected_version=expected)
        )
        if problem:
            with cache.build_lock(target):
                if not rebuild:
                    problem = cache.index_problem(target, expected_version=expected)
                if problem:
                    started = time.monotonic()
                    _log.info(
                        "gazetteer: building the place index %s (%s; about 1-2 minutes, once) ...",
                        target,
                        problem,
                    )
                    old_meta: dict[str, str] = read_sidecar(target)
                    if target.exists():
                        # even a damaged file usually keeps its first pages: reuse its
                        # record of extra sources if it can still be read
                        try:
                            old_meta = cache.read_meta(target)
                        except sqlite3.Error:
                            old_meta = read_sidecar(target)
                    build_index(
                        target,
                        geonames_files=_extra_files(old_meta, "geonames_files"),
                        alternate_names_files=_extra_files(old_meta, "alternate_names_files"),
                        custom_files=_extra_files(old_meta, "custom_files"),
                        progress=progress,
                        countries=_only_countries(old_meta),
                    )
                    _log.info("gazetteer: index built in %.0f s", time.monotonic() - started)
        try:
            reader = IndexReader(target)
        except IndexCorruptError:
            if rebuild:
                raise
            return cls.open(target, rebuild=True, progress=progress)
        if reader.map_problem and reader.meta.get("lookup_map"):
            _repair_lookup_map(reader)
        return cls(reader)

    @property
    def index(self) -> IndexReader:
        """The underlying index reader (stage functions take it)."""
        return self._index

    @property
    def path(self) -> Path:
        """The index file."""
        return self._index.path

    def close(self) -> None:
        """Close the index file."""
        self._index.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- resolution --------------------------------------------------------
    def resolve(
        self,
        name: str,
        context: Context | None = None,
        *,
        limit: int = 5,
        countries: Sequence[str] | None = None,
        fuzzy: bool = True,
    ) -> list[Candidate]:
        """Candidates for a place name, best first; ``[]`` when nothing matches.

        ``countries`` restricts results to those ISO codes; ``fuzzy=False`` skips
        the fuzzy stage (for callers that keep exact answers only); ``context`` ranks
        (regions, countries, nearby points, country focus). A region phrase
        ("Donetsk region", "DPR") resolves to its region.

        Raises
        ------
        QueryError
            ``name`` is not text or longer than :data:`MAX_QUERY_CHARS`.
        """
        if name.__class__ is not str or len(name) > MAX_QUERY_CHARS:
            _check_query(name)  # raises
        key = normalize(name)
        if not key:
            return []
        only = tuple(sorted({c.upper() for c in countries})) if countries else ()
        ck = (key, context, limit, only, fuzzy)  # None, not Context(): no Python-level hash
        hit = self._cache.get(ck)
        if hit is not None:
            return list(hit)
        result = self._resolve_key(key, context or _NO_CONTEXT, limit, only, fuzzy)
        self._cache.put(ck, result)
        return list(result)

    def _resolve_key(
        self, key: str, ctx: Context, limit: int, only: tuple[str, ...], fuzzy: bool = True
    ) -> list[Candidate]:
        index = self._index
        matches = self._matches.get(key)
        if matches is None:
            # exact and variant matches do not depend on the context: cached per key
            matches = find_matches(index, key, fuzzy=False)
            self._matches.put(key, matches)
        if not matches and fuzzy:
            fuzzy_countries = (
                tuple(
                    dict.fromkeys(
                        (*only, *ctx.countries, *(r[0] for r in ctx.regions), *ctx.country_focus)
                    )
                )
                or DEFAULT_FUZZY_COUNTRIES
            )
            fuzzy_regions = tuple(r for r in ctx.regions if not only or r[0] in only)
            matches = find_matches(
                index, key, fuzzy_countries=fuzzy_countries, fuzzy_regions=fuzzy_regions
            )
            index.load_places([m.hit.place_id for m in matches])  # few; read at once
        if only:
            matches = [m for m in matches if index.country_code(m.hit.place_id) in only]
        if len(matches) > limit:
            # of many namesakes, only those that can be among the best are read and scored
            matches = shortlist(matches, self._rows, self._places, self._prio, ctx, limit)
        if len(matches) == 1:
            index.load_places((matches[0][0][0],))
        else:
            index.load_places([m[0][0] for m in matches])
        # rank reads the reader's place cache (every place of the matches is in it
        # now, unless the index lacks it) instead of a copy
        result = rank(matches, self._places, self._prio, ctx, limit=limit)
        if not result or result[0].stage == "fuzzy":
            regional = self._region_candidates(key, only)
            if regional:
                result = (regional + result)[:limit]
        return result

    def _region_candidates(self, key: str, only: tuple[str, ...]) -> list[Candidate]:
        out = []
        for cc, a1 in regions_for_phrase(self._index, key):
            place = self._index.region_place(cc, a1)
            if place is None or (only and cc not in only):
                continue
            raw = W_STAGE * 0.9 + 0.15
            out.append(
                Candidate(
                    place=place,
                    score=squash(raw),
                    matched_name=place.name,
                    stage="region",
                    precision="region",
                    explain=(
                        f"region phrase {key!r} names {place.name} ({cc}.{a1})",
                        f"score {squash(raw):.3f} (raw {raw:.3f})",
                    ),
                )
            )
        return out

    def resolve_text(
        self, query: str, context: Context | None = None, *, limit: int = 5
    ) -> list[Candidate]:
        """Resolve a free-text location string.

        "near Novokaterynivka village, Starobeshivskiy district, Donetsk region",
        "Chuhuiv, south of Kharkiv", "Olenivka, Donetsk oblast". The first part
        is the target; later parts add regions and countries to the context or
        nearby reference points. If the target is not found, the most precise
        qualifier found is returned instead (its precision says so).
        """
        _check_query(query, "location")
        return resolve_location_text(self, query, context or Context(), limit=limit)

    # -- context and regions -----------------------------------------------
    def context_from_text(self, text: str) -> Context:
        """Regions and countries named in a text (no country focus is added)."""
        if not isinstance(text, str):
            raise QueryError(f"text must be text, not {type(text).__name__}")
        return context_from_text(self._index, text, focus=DEFAULT_FOCUS)

    def match_region(self, phrase: str) -> Place | None:
        """The first-level region a phrase names ("Donetsk region", "DPR", "Kharkov Region")."""
        return match_region(self._index, phrase)

    def region(self, country_code: str, admin1_code: str) -> Place | None:
        """The region place of a GeoNames (country, admin1) code pair."""
        if not isinstance(country_code, str) or not isinstance(admin1_code, str):
            return None
        return self._index.region_place(country_code.upper(), admin1_code)

    # -- raions and hromadas ----------------------------------------------
    def divisions(self, name: str) -> list[Place]:
        """Ukrainian raions and hromadas a name names exactly (by its normalised key).

        >>> gz = Gazetteer.open()
        >>> [(p.name, p.kind) for p in gz.divisions("Ocheretynska hromada")]
        [('Ocheretyne Hromada', 'hromada')]
        >>> [p.name for p in gz.divisions("Краматорський район")]
        ['Kramatorsk Raion']
        """
        key = normalize(_check_query(name))
        return self._index.divisions_named(key) if key else []

    def places_in(self, division: Place | str) -> list[Place]:
        """Settlements of a raion or hromada (a place, its register code or its name).

        A raion's list holds its hromadas too. An unknown name gives ``[]``.

        >>> gz = Gazetteer.open()
        >>> "Zemlianky" in {p.name for p in gz.places_in("Makiivka Hromada")}
        True
        >>> {p.kind for p in gz.places_in("Kramatorsk Raion")} == {"settlement", "hromada"}
        True
        """
        if isinstance(division, Place):
            codes = [division.code] if division.code else []
        elif division.startswith("UA") and division[2:].isdigit():
            codes = [division]
        else:
            codes = [p.code for p in self.divisions(division) if p.code]
        out: list[Place] = []
        for code in codes:
            out.extend(self._index.places_within(code))
        return out

    # -- listing -----------------------------------------------------------
    def name_keys(self) -> Iterator[tuple[str, int, str]]:
        """Every indexed key: (normalized key, max population, kind), a row per kind it names."""
        return self._index.name_keys()

    def info(self) -> dict:
        """Path, version, sources, lookup map, counts by kind/source and build time."""
        meta = self._index.meta
        sources = json.loads(meta.get("sources", "{}"))
        return {
            "path": str(self._index.path),
            "version": meta.get("version"),
            "built_at": meta.get("built_at"),
            "build_seconds": float(meta.get("build_seconds", "nan")),
            "sources": sources,
            "geonames_files": json.loads(meta.get("geonames_files", "[]")),
            "alternate_names_files": json.loads(meta.get("alternate_names_files", "[]")),
            "custom_files": json.loads(meta.get("custom_files", "[]")),
            "strategic_sites": meta.get("strategic_sites") or None,
            "only_countries": _only_countries(meta),
            "problems": json.loads(meta.get("problems", "[]")),
            "register": json.loads(meta.get("register", "null")),
            "lookup_map": self._lookup_map_info(),
            "counts": self._index.counts(),
        }

    def _lookup_map_info(self) -> dict[str, object]:
        from gazetteer.lookupmap import lookup_map_path

        path = lookup_map_path(self._index.path)
        return {
            "path": str(path),
            "bytes": path.stat().st_size if path.is_file() else None,
            "in_use": self._index.map_problem is None,
            "problem": self._index.map_problem,
        }
