"""The synthetic corpus: deterministic per article, real places, events in most articles."""

from __future__ import annotations

import gzip
import json

import pyarrow.parquet as pq

from geoevents.extract import Extractor
from geoevents.io.articles import Article, read_articles
from geoevents.scale.corpus import (
    PLACES,
    article_record,
    write_jsonl_shards,
    write_parquet_shards,
)


def test_article_is_the_same_whatever_range_it_is_generated_in(tmp_path):
    write_jsonl_shards(tmp_path / "a", 30, 7)
    write_jsonl_shards(tmp_path / "b", 30, 30)
    lines_a = "".join(p.read_text() for p in sorted((tmp_path / "a").iterdir()))
    lines_b = (tmp_path / "b" / "shard-00000.jsonl").read_text()
    assert lines_a == lines_b
    assert json.loads(lines_b.splitlines()[12]) == article_record(12)


def test_size_pads_to_about_that_many_bytes():
    sizes = [len(json.dumps(article_record(i, size=4096))) for i in range(50)]
    assert all(3800 < s < 5200 for s in sizes), sizes


def test_every_place_resolves_in_the_embedded_gazetteer(gazetteer):
    for name in PLACES:
        [best] = gazetteer.resolve(name, limit=1, countries=("UA", "RU"), fuzzy=False)
        assert best.place.country_code in ("UA", "RU"), name


def test_the_extractor_finds_events_in_most_articles(tmp_path, gazetteer):
    [path] = write_jsonl_shards(tmp_path, 300, 300, size=1500)
    results = [r for r in Extractor(gazetteer).run([str(path)]) if not isinstance(r, Exception)]
    assert len(results) == 300
    with_events = [r for r in results if r.events]
    assert 0.75 * 300 < len(with_events) < 300  # some articles report no strike
    assert any(ev.disputed for r in with_events for ev in r.events)
    assert any(ev.claims for r in with_events for ev in r.events)
    assert {ev.country_code for r in with_events for ev in r.events} == {"UA", "RU"}


def test_gzip_and_parquet_shards_hold_the_same_records(tmp_path):
    [gz] = write_jsonl_shards(tmp_path, 20, 20, gz=True)
    [pqf] = write_parquet_shards(tmp_path, 20, 20, row_group=6)
    from_gz = [json.loads(line) for line in gzip.decompress(gz.read_bytes()).splitlines()]
    table = pq.ParquetFile(pqf)
    assert table.metadata.num_row_groups == 4
    rows = [{k: v for k, v in r.items() if v is not None} for r in table.read().to_pylist()]
    assert from_gz == rows == [article_record(i) for i in range(20)]
    [plain] = write_jsonl_shards(tmp_path / "plain", 20, 20)
    assert all(isinstance(a, Article) for a in read_articles([plain]))


def test_no_two_articles_have_the_same_content(tmp_path):
    [path] = write_jsonl_shards(tmp_path, 3000, 3000)
    hashes = [a.content_hash for a in read_articles([path])]
    assert len(set(hashes)) == len(hashes) == 3000
