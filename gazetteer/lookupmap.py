"""The lookup map: a memory-mapped hash file beside the index for the hot path.

An SQLite probe costs 10-25 us in Python before any ranking, which caps exact
lookups near 15,000 names/s. The lookup map answers the two questions of every
lookup without SQL: which names share the query's romanisation skeleton (its
*name group*), and what the places of those names are. It is derived from the
SQLite index (:func:`write_lookup_map`), carries the index's ``lookup_map`` id,
and is rebuilt from the index when missing, stale or damaged; the SQLite index
stays the source of truth and answers alone when the map cannot be used.

File layout (little endian)::

    header     magic, map id (32 bytes), then 8 x u64: key slots, skeleton
               slots, places, offsets of the three tables, data offset, file size
    key table  one slot per exact key:   crc32 u32, record length u32, offset u64
    skel table one slot per skeleton:    crc32 u32, record length u32, offset u64
    places     one slot per place id:    record length u32, unused u32, offset u64
    data       marshal records: a group is ``(skeleton, ((place_id, name, key,
               main), ...), (place row, ...))``, its names in index row order
               (``main`` a bool) and the ``places`` rows of their places
               (:data:`PLACE_COLUMNS`, ``id`` first) in the order of first
               mention, so one record answers a lookup; a place record is its
               row, for reads by id.

Hash tables use open addressing with linear probing; a slot whose record does
not hold the key (a crc32 collision) is skipped.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "index.sqlite.lookup"
>>> places = [(1, "Kharkiv", 49.98, 36.25, "settlement", "UA", "07", None, 706483,
...            "P", "PPLA", 1430885, "geonames-cities500", "Kharkiv Raion", "Kharkiv Hromada",
...            None, "UA63120270010096107", "UA63120000000041209", "UA63120270000073993", 0)]
>>> groups = [("harkiv", ((1, "Kharkiv", "kharkiv", True), (1, "Kharkov", "kharkov", False)),
...            (places[0],))]
>>> _ = write_lookup_map(path, "a" * 32, groups, places)
>>> lm = LookupMap(path, "a" * 32)
>>> lm.group_for_key("kharkov")[1][0][1], lm.group_for_key("kharkov")[2][0][11], lm.group_for_key("charkow")
('Kharkiv', 1430885, None)
>>> lm.group_for_skeleton("harkiv")[0], lm.place_row(1)[1], lm.place_row(2)
('harkiv', 'Kharkiv', None)
>>> lm.close()
"""

from __future__ import annotations

import marshal
import mmap
import sqlite3
import struct
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from gazetteer.atomic import atomic_path
from gazetteer.errors import IndexCorruptError

#: Format of the file; a map of another format is rebuilt from its index.
MAGIC = b"GEOEVLM3"
_ID_BYTES = 32
_HEADER = struct.Struct(f"<8s{_ID_BYTES}s8Q")
_SLOT = struct.Struct("<IIQ")
#: Columns of :data:`PLACE_COLUMNS` with few distinct values (kind, cc, admin1 code
#: and name, feature class and code, source, raion and hromada names and codes, point
#: source).
_SHARED_COLUMNS = frozenset({4, 5, 6, 7, 9, 10, 12, 13, 14, 15, 17, 18})
#: Hash table slots per entry (load factor about 0.6).
_SLOTS_PER_ENTRY = 1.6
#: marshal format written and read (fixed, so Python upgrades keep the file valid).
_MARSHAL_VERSION = 4

#: ``(skeleton, names as (place_id, name, key, main), place rows)``: see the module doc.
Group = tuple[str, tuple[tuple[int, str, str, bool], ...], tuple[tuple, ...]]
#: Columns of a ``places`` row, in the order the map stores them (``id`` first).
PLACE_COLUMNS = (
    "id, name, lat, lon, kind, cc, admin1_code, admin1, geonameid, fclass, fcode, "
    "population, source, admin2, admin3, point_source, code, admin2_code, admin3_code, "
    "priority"
)
_PLACE_WIDTH = PLACE_COLUMNS.count(",") + 1
#: Position of ``priority`` (the last column) in a place row.
PRIORITY_COLUMN = _PLACE_WIDTH - 1


def lookup_map_path(index_path: Path) -> Path:
    """``<index>.lookup``: the lookup map of the index at ``index_path``."""
    return index_path.with_name(index_path.name + ".lookup")


def _n_slots(entries: int) -> int:
    return max(8, int(entries * _SLOTS_PER_ENTRY) + 1)


def _table(n_slots: int, entries: list[tuple[str, int, int]], data_off: int) -> bytearray:
    """A hash table of ``(text, length, offset in data)`` entries, open addressing on crc32."""
    taken = bytearray(n_slots)  # 1 where a slot holds an entry
    table = bytearray(n_slots * _SLOT.size)
    pack, crc32 = _SLOT.pack_into, zlib.crc32
    for text, length, at in entries:
        crc = crc32(text.encode("utf-8"))
        i = crc % n_slots
        while taken[i]:
            i = i + 1 if i + 1 < n_slots else 0
        taken[i] = 1
        pack(table, i * 16, crc, length, data_off + at)
    return table


def write_lookup_map(
    path: Path,
    map_id: str,
    groups: Iterable[Group],
    places: Iterable[tuple],
    *,
    mode_of: Path | None = None,
) -> Path:
    """Write the lookup map to ``path`` atomically (temporary file, then rename).

    Parameters
    ----------
    path
        Target file, usually :func:`lookup_map_path` of the index.
    map_id
        Identity shared with the index's ``lookup_map`` metadata (32 ASCII chars).
    groups
        ``(skeleton, hits, rows)`` per skeleton, hits as ``(place_id, name, key,
        main)``, rows the ``places`` rows of the hits' places (see the module doc).
    places
        ``places`` rows (:data:`PLACE_COLUMNS`, ``id`` first).
    mode_of
        A file whose permission bits the map gets (the index), so a shared
        cache stays readable to the same users; else owner-only.

    Returns
    -------
    Path
        ``path``.
    """
    ident = map_id.encode("ascii")
    if len(ident) != _ID_BYTES:
        raise ValueError(f"lookup map id must be {_ID_BYTES} ASCII characters")
    data = bytearray()
    group_slots: list[tuple[str, int, int]] = []  # (skeleton, length, offset in data)
    key_slots: list[tuple[str, int, int]] = []
    for skel, hits, rows in groups:
        record = marshal.dumps((skel, tuple(hits), tuple(rows)), _MARSHAL_VERSION)
        at = len(data)
        data += record
        group_slots.append((skel, len(record), at))
        for key in dict.fromkeys(hit[2] for hit in hits):
            key_slots.append((key, len(record), at))
    place_entries: dict[int, tuple[int, int]] = {}
    for row in places:
        record = marshal.dumps(tuple(row), _MARSHAL_VERSION)
        place_entries[row[0]] = (len(record), len(data))
        data += record
    n_key, n_skel = _n_slots(len(key_slots)), _n_slots(len(group_slots))
    n_places = max(place_entries, default=0) + 1
    key_off = _HEADER.size
    skel_off = key_off + n_key * _SLOT.size
    place_off = skel_off + n_skel * _SLOT.size
    data_off = place_off + n_places * _SLOT.size
    size = data_off + len(data)
    key_table = _table(n_key, key_slots, data_off)
    skel_table = _table(n_skel, group_slots, data_off)
    place_table = bytearray(n_places * _SLOT.size)
    for place_id, (length, at) in place_entries.items():
        _SLOT.pack_into(place_table, place_id * _SLOT.size, 0, length, data_off + at)
    header = _HEADER.pack(
        MAGIC, ident, n_key, n_skel, n_places, key_off, skel_off, place_off, data_off, size
    )
    with atomic_path(path, prefix=f".{path.name}.", suffix="", mode_of=mode_of) as tmp:
        with open(tmp, "wb") as fh:
            for part in (header, key_table, skel_table, place_table, data):
                fh.write(part)
    return path


def lookup_map_problem(path: Path, map_id: str | None) -> str | None:
    """Why the map at ``path`` cannot serve the index with ``map_id``, or ``None``."""
    if not map_id:
        return "the index names no lookup map"
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(_HEADER.size)
    except OSError as err:
        return f"unreadable: {err}"
    if len(head) < _HEADER.size:
        return "truncated header"
    magic, ident, *_, recorded = _HEADER.unpack(head)
    if magic != MAGIC:
        return "not a lookup map"
    if ident != map_id.encode("ascii", "replace"):
        return "belongs to another index build"
    if recorded != size:
        return f"truncated: {size} bytes, header says {recorded}"
    return None


class LookupMap:
    """Read access to a lookup map file (memory-mapped; opening costs microseconds).

    Raises
    ------
    IndexCorruptError
        The file is not the map of the index with ``map_id`` (see
        :func:`lookup_map_problem`), or a record cannot be decoded.
    """

    def __init__(self, path: Path, map_id: str | None) -> None:
        self.path = Path(path)
        problem = lookup_map_problem(self.path, map_id)
        if problem:
            raise IndexCorruptError(f"{self.path}: lookup map unusable: {problem}")
        with open(self.path, "rb") as fh:
            self._mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        self._view = memoryview(self._mm)
        (_, _, self._n_key, self._n_skel, self._n_places, self._key_off, self._skel_off,
         self._place_off, _, _) = _HEADER.unpack_from(self._mm, 0)  # fmt: skip

    def close(self) -> None:
        """Unmap the file."""
        self._view.release()
        self._mm.close()

    def _record(self, length: int, offset: int) -> object:
        try:
            return marshal.loads(self._view[offset : offset + length])
        except (ValueError, EOFError, TypeError) as err:
            raise IndexCorruptError(f"{self.path}: damaged lookup map record: {err}") from err

    def _probe(self, table_off: int, n_slots: int, text: str, skeleton: bool) -> Group | None:
        crc = zlib.crc32(text.encode("utf-8"))
        i = crc % n_slots
        unpack, mm = _SLOT.unpack_from, self._mm
        while True:
            stored, length, offset = unpack(mm, table_off + i * 16)
            if not length:
                return None
            if stored == crc:
                try:
                    rec = marshal.loads(self._view[offset : offset + length])
                    if skeleton:
                        if rec[0] == text:
                            return rec
                    else:
                        for hit in rec[1]:
                            if hit[2] == text:
                                return rec
                except (ValueError, EOFError, TypeError, IndexError) as err:
                    raise IndexCorruptError(
                        f"{self.path}: damaged lookup map group: {err}"
                    ) from err
            i += 1
            if i == n_slots:
                i = 0

    def group_for_key(self, key: str) -> Group | None:
        """The name group holding the exact key ``key``, or ``None``."""
        return self._probe(self._key_off, self._n_key, key, False)

    def group_for_skeleton(self, skel: str) -> Group | None:
        """The name group of the skeleton ``skel``, or ``None``."""
        return self._probe(self._skel_off, self._n_skel, skel, True)

    def place_row(self, place_id: int) -> tuple | None:
        """The ``places`` row (:data:`PLACE_COLUMNS`) of a place id, or ``None``."""
        if not 0 <= place_id < self._n_places:
            return None
        _, length, offset = _SLOT.unpack_from(self._mm, self._place_off + place_id * 16)
        if not length:
            return None
        row = self._record(length, offset)
        if not isinstance(row, tuple) or len(row) != _PLACE_WIDTH or row[0] != place_id:
            raise IndexCorruptError(f"{self.path}: damaged lookup map place {place_id}")
        return row


def derive_lookup_map(
    con: sqlite3.Connection, path: Path, map_id: str, *, mode_of: Path | None = None
) -> Path:
    """Write the lookup map of the open index ``con`` to ``path`` (see :func:`write_lookup_map`).

    Groups list their names in index row order, the order an SQL lookup by
    skeleton returns them, so both paths give the same answers.
    """
    # the few distinct kinds, codes, region names and sources are written as
    # interned strings: reading a place then shares them instead of allocating
    columns = list(zip(*con.execute(f"SELECT {PLACE_COLUMNS} FROM places"), strict=True))
    intern = sys.intern
    for i in _SHARED_COLUMNS:
        if columns:
            columns[i] = tuple(v if v is None else intern(v) for v in columns[i])
    rows = {row[0]: row for row in zip(*columns, strict=True)}
    return write_lookup_map(path, map_id, index_groups(con, rows), rows.values(), mode_of=mode_of)


def index_groups(con: sqlite3.Connection, rows: dict[int, tuple]) -> Iterator[Group]:
    """The name groups of the open index ``con`` as the map stores them; ``rows``: place rows by id."""
    cur = con.execute("SELECT skel, place_id, name, main, key FROM names ORDER BY skel, rowid")
    skel, hits, group_rows = None, [], {}
    for row in cur:
        if row[0] != skel:
            if hits:
                yield skel, tuple(hits), tuple(group_rows.values())  # type: ignore[misc]
            skel, hits, group_rows = row[0], [], {}
        pid = row[1]
        hits.append((pid, row[2], row[4], bool(row[3])))
        if pid not in group_rows:
            group_rows[pid] = rows[pid]
    if hits:
        yield skel, tuple(hits), tuple(group_rows.values())  # type: ignore[misc]
