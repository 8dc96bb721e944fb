"""Shards -> partitions -> articles: the same articles as read_articles, errors by file and line."""

from __future__ import annotations

import gzip
import json

import pytest

from geoevents.errors import InputError
from geoevents.io.articles import Article, read_articles
from geoevents.scale.corpus import write_jsonl_shards, write_parquet_shards
from geoevents.scale.shards import Partition, partitions, read_partition


def _read(parts):
    return [item for p in parts for item in read_partition(p)]


def _key(a):
    return (a.id, a.content_hash, a.line, a.published, a.published_source, a.title, a.url)


@pytest.mark.parametrize("target", [1, 3000, 10**9])
def test_jsonl_partitions_give_the_articles_read_articles_gives(tmp_path, target):
    paths = write_jsonl_shards(tmp_path, 60, 25, size=400)
    # a record without id (its id comes from file name, line and content) and a blank line
    with paths[0].open("a") as f:
        f.write('\n{"title": "No id", "text": "Drones struck a depot in Sumy."}\n')
    parts = partitions([str(tmp_path)], target_bytes=target)
    assert [p.index for p in parts] == list(range(len(parts)))
    if target == 1:
        assert len(parts) == 62  # one line each, the blank one too
    mine = _read(parts)
    theirs = list(read_articles([tmp_path]))
    assert all(isinstance(a, Article) for a in mine)
    assert [_key(a) for a in mine] == [_key(a) for a in theirs]
    assert [a.path for a in mine] == [a.path for a in theirs]


def test_published_option_is_passed_on(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"id": "x", "text": "Shelling hit Kherson."}\n')
    import datetime

    day = datetime.date(2023, 5, 1)
    [art] = _read(partitions([str(tmp_path / "a.jsonl")]))
    [opt] = read_partition(partitions([str(tmp_path / "a.jsonl")])[0], day)
    assert art.published is None and (opt.published, opt.published_source) == (day, "option")


def test_parquet_row_groups_give_the_records(tmp_path):
    write_parquet_shards(tmp_path, 23, 23, row_group=5)
    parts = partitions([str(tmp_path / "*.parquet")])
    assert [(p.row_group, p.first_line) for p in parts] == [
        (0, 1),
        (1, 6),
        (2, 11),
        (3, 16),
        (4, 21),
    ]
    arts = _read(parts)
    write_jsonl_shards(tmp_path / "j", 23, 23)
    ref = list(read_articles([tmp_path / "j"]))
    assert [(a.id, a.content_hash, a.published, a.line) for a in arts] == [
        (a.id, a.content_hash, a.published, a.line) for a in ref
    ]


def test_bad_lines_are_errors_naming_file_line_and_field(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(
        b'{"id": "a", "text": "Shelling hit Kherson."}\n'
        b"{not json\n"
        b'{"id": "c", "title": "no text"}\n'
        b'{"id": "d", "text": "Drones hit Sumy.", "published": "yesterday"}\n'
        b'{"id": "e", "text": "caf\xe9"}\n'
        b'{"id": "f", "text": "Rockets hit Izium."}\n'
    )
    items = _read(partitions([str(path)], target_bytes=1))
    assert [getattr(i, "id", None) for i in items] == ["a", None, None, None, None, "f"]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [(e.path, e.line, e.field) for e in errors] == [
        (str(path), 2, None),
        (str(path), 3, "text"),
        (str(path), 4, "published"),
        (str(path), 5, None),
    ]
    assert "not UTF-8" in errors[3].message


def test_damaged_gzip_is_one_error_after_the_lines_before_the_break(tmp_path):
    [path] = write_jsonl_shards(tmp_path, 40, 40, gz=True, size=300)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    [part] = partitions([str(path)])
    assert part.kind == "jsonl.gz"
    items = read_partition(part)
    *arts, err = items
    assert 0 < len(arts) < 40
    assert all(isinstance(a, Article) for a in arts)  # the partial last line is not read
    assert isinstance(err, InputError) and (err.path, err.line) == (str(path), len(arts) + 1)
    assert err.message.startswith(f"damaged gzip file, broken after line {len(arts)}")


def test_gzip_lines_are_numbered_as_in_the_plain_file(tmp_path):
    [gz] = write_jsonl_shards(tmp_path, 12, 12, gz=True)
    plain = tmp_path / "plain.jsonl"
    plain.write_bytes(gzip.decompress(gz.read_bytes()))
    a = _read(partitions([str(gz)]))
    b = list(read_articles([plain]))
    assert [(x.id, x.line, x.content_hash) for x in a] == [
        (x.id, x.line, x.content_hash) for x in b
    ]


def test_a_file_that_is_not_parquet_is_one_error(tmp_path):
    path = tmp_path / "fake.parquet"
    path.write_text(json.dumps({"text": "not parquet"}))
    [part] = partitions([str(path)])
    [err] = read_partition(part)
    assert isinstance(err, InputError) and err.path == str(path)
    assert "Parquet" in err.message


def test_a_parquet_without_text_column_is_one_error(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "notext.parquet"
    pq.write_table(pa.table({"id": ["a", "b"]}), path)
    [err] = _read(partitions([str(path)]))
    assert (err.path, err.field) == (str(path), "text")


def test_inputs_that_match_nothing_or_are_not_shards_raise(tmp_path):
    with pytest.raises(InputError, match="matches no file"):
        partitions([str(tmp_path / "*.jsonl")])
    (tmp_path / "a.txt").write_text("x")
    with pytest.raises(InputError, match="not an article shard"):
        partitions([str(tmp_path / "a.txt")])


def test_order_is_stable_and_a_file_named_twice_is_read_once(tmp_path):
    paths = write_jsonl_shards(tmp_path, 9, 3)
    parts = partitions([str(paths[2]), str(tmp_path / "*.jsonl")])
    assert [p.path for p in parts] == [str(paths[2]), str(paths[0]), str(paths[1])]
    assert parts == partitions([str(paths[2]), str(tmp_path / "*.jsonl")])
    assert isinstance(parts[0], Partition) and parts[0].name.endswith(":1-3")


def test_empty_file_is_an_error(tmp_path):
    (tmp_path / "e.jsonl").write_text("\n")
    [err] = _read(partitions([str(tmp_path / "e.jsonl")]))
    assert err.message == "empty file"
