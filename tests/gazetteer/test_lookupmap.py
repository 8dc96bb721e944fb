"""The lookup map beside the index: same answers as SQL, repaired when bad, never trusted blindly."""

from __future__ import annotations

import random
import shutil
import sqlite3
import struct
from dataclasses import fields
from pathlib import Path

import pytest

from gazetteer import Gazetteer
from gazetteer.build import build_index, sidecar_path
from gazetteer.index import IndexReader
from gazetteer.lookupmap import (
    PLACE_COLUMNS,
    index_groups,
    lookup_map_path,
    lookup_map_problem,
    write_lookup_map,
)
from gazetteer.normalize import normalize, skeleton
from gazetteer.types import Place
from tests import cases


@pytest.fixture(scope="module")
def ua_index(tmp_path_factory) -> Path:
    """A small real index (Ukraine only), built once with its lookup map."""
    return build_index(
        tmp_path_factory.mktemp("lm") / "ua.sqlite", progress=False, countries=["UA"]
    )


def _copy(index: Path, folder: Path) -> Path:
    copy = folder / "copy.sqlite"
    shutil.copy(index, copy)
    shutil.copy(sidecar_path(index), sidecar_path(copy))
    shutil.copy(lookup_map_path(index), lookup_map_path(copy))
    return copy


def _queries(index: Path) -> list[str]:
    """Indexed keys, their romanisation variants and typos, and canonical case names."""
    reader = IndexReader(index, lookup_map=False)
    keys = sorted(k for k, _, _ in reader.name_keys())
    reader.close()
    rng = random.Random(11)
    sample = rng.sample(keys, 1500)
    variants = [k.replace("iv", "ov").replace("h", "g") for k in sample[:300]]
    typos = [k + k[-1] for k in sample[300:500]]
    named = [q for q, _, _ in cases.AMBIGUOUS + cases.TYPOS]
    named += [q for q, _ in cases.ROMANISATIONS + cases.CYRILLIC] + cases.NO_MATCH
    return sample + variants + typos + named + ["", "kharkov", "Макіївка"]


def test_build_writes_a_map_the_index_uses(ua_index) -> None:
    assert lookup_map_path(ua_index).stat().st_size > 1_000_000
    with Gazetteer.open(ua_index) as gz:
        assert gz.index.map_problem is None
        assert lookup_map_problem(lookup_map_path(ua_index), gz.index.meta["lookup_map"]) is None
        info = gz.info()["lookup_map"]
        assert info["in_use"] and info["problem"] is None
        assert info["bytes"] == lookup_map_path(ua_index).stat().st_size


def test_map_and_sql_find_the_same_names_and_places(ua_index) -> None:
    mapped = IndexReader(ua_index)
    sql = IndexReader(ua_index, lookup_map=False)
    assert mapped.map_problem is None and sql.map_problem
    found = 0
    for query in _queries(ua_index):
        key = normalize(query)
        expected = sql.lookup(skeleton(key)) if key else []
        got = mapped.lookup_key(key)
        assert got == expected, query
        ids = [h.place_id for h in got]
        assert mapped.places(ids) == sql.places(ids)
        assert [mapped.priority(i) for i in ids] == [sql.priority(i) for i in ids]
        found += bool(got)
    assert found > 1500
    assert mapped.map_problem is None  # the map served every lookup
    mapped.close()
    sql.close()


def test_resolve_gives_the_same_answers_with_and_without_the_map(ua_index) -> None:
    mapped = Gazetteer(IndexReader(ua_index))
    sql = Gazetteer(IndexReader(ua_index, lookup_map=False))
    ctx = mapped.context_from_text("shelling in the Donetsk region")
    for query in _queries(ua_index)[::3]:
        for context in (None, ctx):
            want = [c.to_dict() for c in sql.resolve(query, context)]
            assert [c.to_dict() for c in mapped.resolve(query, context)] == want, query
    assert mapped.resolve("Makiivka")[0].place.geonameid == cases.MAKIIVKA_CITY


def _delete(p: Path) -> None:
    p.unlink()


def _truncate(p: Path) -> None:
    data = p.read_bytes()
    p.write_bytes(data[: len(data) // 2])


def _other_build(p: Path) -> None:
    data = bytearray(p.read_bytes())
    data[8:40] = b"f" * 32  # the map id of another build of the index
    p.write_bytes(bytes(data))


def _not_a_map(p: Path) -> None:
    p.write_bytes(b"not a lookup map\n" * 100)


@pytest.mark.parametrize("damage", [_delete, _truncate, _other_build, _not_a_map])
def test_a_bad_map_is_rebuilt_from_the_index(ua_index, tmp_path, damage) -> None:
    copy = _copy(ua_index, tmp_path)
    damage(lookup_map_path(copy))
    reader = IndexReader(copy)
    assert reader.map_problem  # never trusted as it is
    reader.close()
    with Gazetteer.open(copy) as gz:
        assert gz.index.map_problem is None
        assert gz.resolve("Makiivka")[0].place.geonameid == cases.MAKIIVKA_CITY
    assert lookup_map_problem(lookup_map_path(copy), IndexReader(copy).meta["lookup_map"]) is None


def test_damaged_records_fall_back_to_sql_with_the_same_answers(ua_index, tmp_path) -> None:
    copy = _copy(ua_index, tmp_path)
    path = lookup_map_path(copy)
    data = bytearray(path.read_bytes())
    data_offset = struct.unpack_from("<8s32s8Q", data)[8]
    middle = (data_offset + len(data)) // 2
    data[middle:] = bytes(len(data) - middle)  # zeroed records, size and header intact
    path.write_bytes(bytes(data))
    with Gazetteer.open(copy) as gz, Gazetteer(IndexReader(copy, lookup_map=False)) as sql:
        queries = _queries(ua_index)[:400]
        got = [[c.to_dict() for c in gz.resolve(q)] for q in queries]
        assert got == [[c.to_dict() for c in sql.resolve(q)] for q in queries]
        assert gz.index.map_problem and "damaged" in gz.index.map_problem


def test_an_unwritable_map_location_leaves_sql_answering(ua_index, tmp_path) -> None:
    copy = _copy(ua_index, tmp_path)
    path = lookup_map_path(copy)
    path.unlink()
    path.mkdir()  # the map cannot be written there
    with Gazetteer.open(copy) as gz:
        assert gz.index.map_problem
        assert gz.resolve("Makiivka")[0].place.geonameid == cases.MAKIIVKA_CITY
        info = gz.info()["lookup_map"]
        assert not info["in_use"] and info["problem"] and info["bytes"] is None


def test_places_read_from_the_index_equal_constructed_ones(ua_index) -> None:
    reader = IndexReader(ua_index)
    ids = [h.place_id for h in reader.lookup_key("makiivka")]
    for place in reader.places(ids).values():
        built = Place(**{f.name: getattr(place, f.name) for f in fields(Place)})
        # every field is in the instance (none left to a class default)
        assert vars(place) == vars(built)
        assert place == built and hash(place) == hash(built) and repr(place) == repr(built)
    reader.close()


def test_records_of_the_wrong_shape_fall_back_to_sql(ua_index, tmp_path) -> None:
    copy = _copy(ua_index, tmp_path)
    con = sqlite3.connect(copy)
    map_id = dict(con.execute("SELECT key, value FROM meta").fetchall())["lookup_map"]
    # every place record (alone, and in the name groups) decodes, but holds 3 of its 20 columns
    rows = {row[0]: row[:3] for row in con.execute(f"SELECT {PLACE_COLUMNS} FROM places")}
    groups = list(index_groups(con, rows))
    con.close()
    write_lookup_map(lookup_map_path(copy), map_id, groups, rows.values())
    with Gazetteer.open(copy) as gz, Gazetteer(IndexReader(copy, lookup_map=False)) as sql:
        for query in ("Makiivka", "Kharkov", "Olenivka", "Bakhmutt"):
            want = [c.to_dict() for c in sql.resolve(query)]
            assert [c.to_dict() for c in gz.resolve(query)] == want, query
        assert gz.index.map_problem and "damaged" in gz.index.map_problem
