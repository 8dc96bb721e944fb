"""Read access to a built index file: places, name keys, fuzzy pools, regions, countries.

Opening is cheap (one read-only SQLite connection and a memory map of the
lookup map, see :mod:`gazetteer.lookupmap`); the region and country tables and
the per-country fuzzy pools are loaded on first use and kept. Name lookups and
places come from the lookup map when it serves this index, else from SQL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import NamedTuple

from gazetteer.errors import IndexCorruptError
from gazetteer.lookupmap import PLACE_COLUMNS, PRIORITY_COLUMN, LookupMap, lookup_map_path
from gazetteer.normalize import skeleton
from gazetteer.types import Place

_PLACE_WIDTH = PRIORITY_COLUMN + 1

#: :class:`Place` field of each :data:`PLACE_COLUMNS` column (``priority`` is not one).
_ROW_FIELDS = (
    "place_id",
    "name",
    "lat",
    "lon",
    "kind",
    "country_code",
    "admin1_code",
    "admin1",
    "geonameid",
    "feature_class",
    "feature_code",
    "population",
    "source",
    "admin2",
    "admin3",
    "point_source",
    "code",
    "admin2_code",
    "admin3_code",
)
_new_object = object.__new__
_new_tuple = tuple.__new__


class NameHit(NamedTuple):
    """One indexed name of one place that matched a key (a named tuple: made per lookup)."""

    place_id: int
    name: str
    key: str
    main: bool


#: ``NameHit`` from a stored ``(place_id, name, key, main)`` without the Python-level ``__new__``.
_name_hit = partial(_new_tuple, NameHit)


@dataclass(frozen=True, slots=True)
class FuzzyPool:
    """Skeleton keys of the places in one country (or region), for rapidfuzz."""

    skels: tuple[str, ...]
    hits: dict[str, tuple[NameHit, ...]]


class IndexReader:
    """Thin read-only wrapper over the SQLite index.

    Parameters
    ----------
    path
        A complete index file (see :func:`gazetteer.cache.index_problem`).
    lookup_map
        Serve name lookups and places from the lookup map beside the index
        when it is usable (the default); ``False`` answers by SQL alone.
    """

    def __init__(self, path: Path, *, lookup_map: bool = True) -> None:
        self.path = Path(path)
        try:
            self._con = sqlite3.connect(
                f"file:{self.path}?mode=ro", uri=True, check_same_thread=False
            )
            self._con.execute("PRAGMA query_only=1")
            self._con.execute("PRAGMA mmap_size=268435456")
            self.meta = dict(self._con.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.Error as err:
            raise IndexCorruptError(f"{self.path}: unreadable gazetteer index: {err}") from err
        self._places: dict[int, Place] = {}
        self._prio: dict[int, int] = {}
        # rows of places a name lookup found, not built into places yet
        self._rows: dict[int, tuple] = {}
        self._pools: dict[tuple[str, str | None], FuzzyPool] = {}
        self._region_keys: dict[str, list[tuple[str, str, int]]] | None = None
        self._region_skels: dict[str, list[tuple[str, str, int]]] | None = None
        self._region_places: dict[tuple[str, str], Place] | None = None
        self._country_keys: dict[str, str] | None = None
        self._country_places: dict[str, Place] | None = None
        self._abbrevs: dict[str, tuple[str, str]] | None = None
        self._map: LookupMap | None = None
        #: Why the lookup map is not used (``None`` while it serves lookups).
        self.map_problem: str | None = "not used" if not lookup_map else None
        if lookup_map:
            self.open_lookup_map()

    def open_lookup_map(self) -> bool:
        """(Re)open the lookup map beside the index; ``False`` (and :attr:`map_problem`) if unusable."""
        if self._map is not None:
            self._map.close()
            self._map = None
        try:
            self._map = LookupMap(lookup_map_path(self.path), self.meta.get("lookup_map"))
        except IndexCorruptError as err:
            self.map_problem = str(err)
            return False
        self.map_problem = None
        return True

    def _map_failed(self, err: Exception) -> None:
        """Stop using a map found damaged mid-run; SQL answers from now on."""
        if self._map is not None:
            self._map.close()
        self._map = None
        self._rows.clear()  # read from the map: SQL reads them again
        if not isinstance(err, IndexCorruptError):
            err = IndexCorruptError(f"{self.path}: damaged lookup map: {err}")
        self.map_problem = str(err)

    def _load_map_place(self, lmap: LookupMap, place_id: int) -> bool:
        """Cache the place ``place_id`` read from the lookup map; ``False`` if it has none."""
        row = lmap.place_row(place_id)  # checked: the whole row of this place
        if row is None:
            return False
        self._places[place_id] = self._place(row)
        self._prio[place_id] = row[PRIORITY_COLUMN]
        return True

    def close(self) -> None:
        """Close the connection and the lookup map."""
        if self._map is not None:
            self._map.close()
            self._map = None
        self._con.close()

    def _query(self, sql: str, args: tuple = ()) -> list[tuple]:
        try:
            return self._con.execute(sql, args).fetchall()
        except sqlite3.Error as err:
            raise IndexCorruptError(f"{self.path}: gazetteer index query failed: {err}") from err

    # -- places -------------------------------------------------------------
    _PLACE_COLS = PLACE_COLUMNS

    @staticmethod
    def _place(row: tuple) -> Place:
        """A :class:`Place` from a ``places`` row (:data:`PLACE_COLUMNS` order).

        Index rows are trusted and complete, so the instance dict is filled in
        one step instead of through the frozen ``__init__`` (thirteen guarded
        ``setattr`` calls, half the cost of a lookup's place loading).
        """
        place = _new_object(Place)
        place.__dict__.update(zip(_ROW_FIELDS, row, strict=False))  # drops priority
        return place

    def places(self, ids: list[int]) -> dict[int, Place]:
        """Places by row id (cached)."""
        self.load_places(ids)
        return {i: self._places[i] for i in ids if i in self._places}

    def load_places(self, ids: Iterable[int]) -> None:
        """Load the places of these row ids into :attr:`loaded_places` (those not there yet)."""
        cache, rows, prio = self._places, self._rows, self._prio
        missing = None
        for pid in ids:
            if pid not in cache:
                row = rows.pop(pid, None)
                if row is not None:  # found by a name lookup: its row is at hand
                    cache[pid] = self._place(row)
                    prio[pid] = row[PRIORITY_COLUMN]
                elif missing is None:
                    missing = [pid]
                else:
                    missing.append(pid)
        if missing:
            self._read_places(missing)

    def _read_places(self, missing: list[int]) -> None:
        """Read places by id from the map's place records, else by SQL."""
        cache = self._places
        if self._map is not None:
            try:
                for pid in missing:
                    self._load_map_place(self._map, pid)
            except (IndexCorruptError, TypeError, ValueError, IndexError) as err:
                self._map_failed(err)
            missing = [i for i in missing if i not in cache]
        for start in range(0, len(missing), 500):
            chunk = missing[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self._query(
                f"SELECT {self._PLACE_COLS} FROM places WHERE id IN ({marks})", tuple(chunk)
            ):
                cache[row[0]] = self._place(row)
                self._prio[row[0]] = int(row[PRIORITY_COLUMN])

    def country_code(self, place_id: int) -> str | None:
        """Country of a place found by a name lookup (``None``: none, or no such place)."""
        row = self._rows.get(place_id)
        if row is not None:
            return row[5]
        place = self.places([place_id]).get(place_id)
        return place.country_code if place is not None else None

    def priority(self, place_id: int) -> int:
        """Source priority of a loaded place (custom places > 0)."""
        return self._prio.get(place_id, 0)

    @property
    def loaded_places(self) -> dict[int, Place]:
        """Every place loaded so far, by row id (read-only use)."""
        return self._places

    @property
    def priorities(self) -> dict[int, int]:
        """Source priority of every loaded place, by row id (read-only use)."""
        return self._prio

    @property
    def found_rows(self) -> dict[int, tuple]:
        """``places`` rows of places a name lookup found and :meth:`places` did not build yet.

        By row id, read-only use; a row leaves when its place is built.
        """
        return self._rows

    # -- names --------------------------------------------------------------
    def exact(self, key: str) -> list[NameHit]:
        """Names whose normalised key is ``key``."""
        return [
            NameHit(r[0], r[1], key, bool(r[2]))
            for r in self._query("SELECT place_id, name, main FROM names WHERE key = ?", (key,))
        ]

    def variant(self, skel: str) -> list[NameHit]:
        """Names whose skeleton key is ``skel``."""
        return [
            NameHit(r[0], r[1], r[3], bool(r[2]))
            for r in self._query(
                "SELECT place_id, name, main, key FROM names WHERE skel = ?", (skel,)
            )
        ]

    _LOOKUP_SQL = (
        "SELECT n.place_id, n.name, n.main, n.key, "
        + ", ".join(f"p.{c.strip()}" for c in PLACE_COLUMNS.split(","))
        + " FROM names n JOIN places p ON p.id = n.place_id WHERE n.skel = ?"
    )

    def lookup(self, skel: str) -> list[NameHit]:
        """Names whose skeleton is ``skel`` (exact and variant hits at once).

        One query that also loads the places of the hits into the cache, so
        :meth:`places` for them costs nothing; the common path of a lookup.
        """
        hits = []
        cache, prio = self._places, self._prio
        for row in self._query(self._LOOKUP_SQL, (skel,)):
            pid = row[0]
            hits.append(NameHit(pid, row[1], row[3], bool(row[2])))
            if pid not in cache:
                cache[pid] = self._place(row[4:])
                prio[pid] = int(row[4 + PRIORITY_COLUMN])
        return hits

    def name_group(self, key: str) -> list[NameHit]:
        """Names whose skeleton is the skeleton of the key ``key`` (exact and variant hits).

        The same hits, in the same order, as ``lookup(skeleton(key))``; served
        by the lookup map (no SQL, no skeleton computed for an indexed key)
        when it is usable. The map's record holds the rows of the hits' places:
        they are kept, and a place is built from its row when :meth:`places`
        asks for it (of many namesakes, only those ranked).
        """
        lmap = self._map
        if lmap is None:
            skel = skeleton(key)
            return self.lookup(skel) if skel else []
        try:
            group = lmap.group_for_key(key)
            if group is None:
                skel = skeleton(key)
                group = lmap.group_for_skeleton(skel) if skel else None
                if group is None:
                    return []
            places, rows = self._places, self._rows
            for row in group[2]:
                pid = row[0]
                if pid not in places:
                    if len(row) != _PLACE_WIDTH:
                        raise IndexCorruptError(f"{lmap.path}: damaged lookup map place {pid}")
                    rows[pid] = row
            return list(map(_name_hit, group[1]))
        except (IndexCorruptError, TypeError, ValueError, IndexError) as err:
            self._map_failed(err)
            skel = skeleton(key)
            return self.lookup(skel) if skel else []

    def lookup_key(self, key: str) -> list[NameHit]:
        """:meth:`name_group`, with the places of the hits loaded into the cache."""
        hits = self.name_group(key)
        self.load_places([hit[0] for hit in hits])
        return hits

    def fuzzy_pool(self, cc: str, admin1_code: str | None = None) -> FuzzyPool:
        """Skeleton keys of one country (or one of its regions), loaded once."""
        ck = (cc, admin1_code)
        pool = self._pools.get(ck)
        if pool is None:
            if admin1_code is None:
                rows = self._query(
                    "SELECT skel, place_id, name, main, key FROM names WHERE cc = ?", (cc,)
                )
            else:
                rows = self._query(
                    "SELECT skel, place_id, name, main, key FROM names "
                    "WHERE cc = ? AND admin1_code = ?",
                    (cc, admin1_code),
                )
            hits: dict[str, list[NameHit]] = {}
            for skel, pid, name, main, key in rows:
                hits.setdefault(skel, []).append(NameHit(pid, name, key, bool(main)))
            pool = FuzzyPool(tuple(hits), {k: tuple(v) for k, v in hits.items()})
            self._pools[ck] = pool
        return pool

    def name_keys(self) -> Iterator[tuple[str, int, str]]:
        """(key, max population, kind) for every indexed key and each kind of place it names.

        A key names places of several kinds ("uman": the town, and Oman under a
        foreign name); each kind has its own row, so a reader that wants
        settlements sees the town whatever else the key names.
        """
        try:
            cur = self._con.execute("SELECT key, population, kind FROM keys ORDER BY key, kind")
            yield from cur
        except sqlite3.Error as err:
            raise IndexCorruptError(f"{self.path}: gazetteer index query failed: {err}") from err

    # -- regions and countries ---------------------------------------------
    def _load_regions(self) -> None:
        keys: dict[str, list[tuple[str, str, int]]] = {}
        skels: dict[str, list[tuple[str, str, int]]] = {}
        for stem, skel, cc, a1, strength in self._query(
            "SELECT stem, skel, cc, admin1_code, strength FROM region_keys"
        ):
            keys.setdefault(stem, []).append((cc, a1, strength))
            skels.setdefault(skel, []).append((cc, a1, strength))
        places: dict[tuple[str, str], Place] = {}
        for row in self._query(f"SELECT {self._PLACE_COLS} FROM places WHERE kind = 'region'"):
            place = self._place(row)
            places[(place.country_code or "", place.admin1_code or "")] = place
        self._region_keys, self._region_skels, self._region_places = keys, skels, places

    def region_key_hits(self, key: str, *, variant: bool = False) -> list[tuple[str, str, int]]:
        """(country, admin1, strength) of regions with stem/alias ``key`` (or skeleton)."""
        if self._region_keys is None:
            self._load_regions()
        table = self._region_skels if variant else self._region_keys
        assert table is not None
        return table.get(key, [])

    def region_place(self, cc: str, admin1_code: str) -> Place | None:
        """The region place of (country, admin1 code)."""
        if self._region_places is None:
            self._load_regions()
        assert self._region_places is not None
        return self._region_places.get((cc, admin1_code))

    def _load_countries(self) -> None:
        self._country_keys = dict(self._query("SELECT key, cc FROM country_keys"))
        self._country_places = {
            p.country_code or "": p
            for p in (
                self._place(r)
                for r in self._query(
                    f"SELECT {self._PLACE_COLS} FROM places WHERE kind = 'country'"
                )
            )
        }

    def region_abbreviations(self) -> dict[str, tuple[str, str]]:
        """Surface form ("Ky.", "KY") -> (country, admin1) of US/Canadian regions."""
        if self._abbrevs is None:
            try:
                rows = self._con.execute(
                    "SELECT form, cc, admin1_code FROM region_abbrevs"
                ).fetchall()
            except sqlite3.Error:  # an index from before the table existed
                rows = []
            self._abbrevs = {form: (cc, a1) for form, cc, a1 in rows}
        return self._abbrevs

    def country_for_key(self, key: str) -> str | None:
        """ISO code of the country named by ``key``."""
        if self._country_keys is None:
            self._load_countries()
        assert self._country_keys is not None
        return self._country_keys.get(key)

    def country_place(self, cc: str) -> Place | None:
        """The country place of an ISO code."""
        if self._country_places is None:
            self._load_countries()
        assert self._country_places is not None
        return self._country_places.get(cc)

    def names_a(self, key: str, kind: str) -> bool:
        """Whether ``key`` is the exact key of a place of this kind."""
        return bool(
            self._query(
                "SELECT 1 FROM names n JOIN places p ON p.id = n.place_id "
                "WHERE n.key = ? AND p.kind = ? LIMIT 1",
                (key, kind),
            )
        )

    def kind_of_geonameid(self, geonameid: int) -> str | None:
        """Kind of the place with this GeoNames id (``None`` if the index lacks it)."""
        rows = self._query("SELECT kind FROM places WHERE geonameid = ? LIMIT 1", (geonameid,))
        return rows[0][0] if rows else None

    def counts(self) -> dict[str, dict[str, int]]:
        """Place counts by kind, by source and, for the register's places, by point derivation."""
        by_kind = dict(self._query("SELECT kind, count(*) FROM places GROUP BY kind"))
        by_source = dict(self._query("SELECT source, count(*) FROM places GROUP BY source"))
        by_point = dict(
            self._query(
                "SELECT coalesce(point_source, 'geonames'), count(*) FROM places "
                "WHERE code IS NOT NULL GROUP BY point_source"
            )
        )
        names = self._query("SELECT count(*) FROM names")[0][0]
        return {
            "kind": by_kind,
            "source": by_source,
            "register_points": by_point,
            "names": {"names": names},
        }

    # -- register hierarchy -------------------------------------------------
    def divisions_named(self, key: str) -> list[Place]:
        """Raions and hromadas (kinds ``district``, ``hromada``) with the exact key ``key``."""
        rows = self._query(
            "SELECT DISTINCT n.place_id FROM names n JOIN places p ON p.id = n.place_id "
            "WHERE n.key = ? AND p.kind IN ('district', 'hromada') AND p.code IS NOT NULL "
            "ORDER BY n.place_id",
            (key,),
        )
        found = self.places([r[0] for r in rows])
        return [found[r[0]] for r in rows if r[0] in found]

    def places_within(self, code: str) -> list[Place]:
        """Settlements (and hromadas) whose raion or hromada has the register code ``code``."""
        rows = self._query(
            "SELECT id FROM places WHERE (admin2_code = ?1 OR admin3_code = ?1) AND code != ?1 "
            "ORDER BY id",
            (code,),
        )
        found = self.places([r[0] for r in rows])
        return [found[r[0]] for r in rows if r[0] in found]

    def admin_names(self, geonameids: Iterable[int]) -> dict[int, tuple[str | None, str | None]]:
        """The second- and third-level division names (raion, hromada) of GeoNames places,
        where the index knows them (Ukraine's register places): ``{geonameid: (admin2, admin3)}``."""
        ids = sorted({int(g) for g in geonameids})
        out: dict[int, tuple[str | None, str | None]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for gid, admin2, admin3 in self._query(
                f"SELECT geonameid, admin2, admin3 FROM places WHERE geonameid IN ({marks})"
                " AND admin2 IS NOT NULL ORDER BY id",
                tuple(chunk),
            ):
                out.setdefault(gid, (admin2, admin3))
        return out

    def settlements(
        self, countries: Iterable[str], min_population: int
    ) -> list[tuple[str, float, float, int]]:
        """``(name, lat, lon, population)`` of the settlements with their own point and at
        least ``min_population`` people in ``countries``, most populous first (ties by name)."""
        codes = sorted({c.upper() for c in countries})
        if not codes:
            return []
        marks = ",".join("?" * len(codes))
        rows = self._query(
            f"SELECT name, lat, lon, population FROM places WHERE kind = 'settlement' "
            f"AND cc IN ({marks}) AND population >= ? AND point_source IS NULL "
            "ORDER BY population DESC, name, id",
            (*codes, int(min_population)),
        )
        seen: set[tuple[str, float, float]] = set()
        out = []
        for name, lat, lon, pop in rows:  # a register place and its GeoNames twin: once
            key = (name, round(lat, 2), round(lon, 2))
            if key not in seen:
                seen.add(key)
                out.append((name, lat, lon, int(pop)))
        return out

    def place_by_code(self, code: str) -> Place | None:
        """The register place (settlement, hromada or raion) with the code ``code``."""
        rows = self._query("SELECT id FROM places WHERE code = ? ORDER BY id LIMIT 1", (code,))
        if not rows:
            return None
        return self.places([rows[0][0]]).get(rows[0][0])
