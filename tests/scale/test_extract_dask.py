"""Distributed extraction: the dataset equals the single-process pipeline, whatever happens.

One synthetic corpus of 20,000 short articles (20 JSON Lines shards) is extracted
once by a plain :class:`~geoevents.extract.Extractor` in this process (the
reference rows) and once on the 2-worker cluster; the other tests run slices of
it (other partition sizes, Parquet shards, a worker killed mid-run) and compare
with the reference rows of those articles.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from geoevents.errors import InputError
from geoevents.extract import Extractor
from geoevents.io.articles import read_articles
from geoevents.io.events import frame_to_events
from geoevents.scale.corpus import write_jsonl_shards, write_parquet_shards
from geoevents.scale.dataset import ERRORS_FILE, read_dataset, report_frame
from geoevents.scale.extract import extract_dataset, first_seen

N_ARTICLES = 20_000
PER_SHARD = 1_000


def rows(frame: pd.DataFrame) -> list[dict]:
    """Rows as plain values (points as lon/lat, missing as None), sorted by report_event_id."""
    frame = frame.sort_values("report_event_id", kind="stable")
    out = pd.DataFrame(frame.drop(columns=frame.geometry.name)).astype(object)
    out = out.where(out.notna(), None)
    records = out.to_dict("records")
    for rec, geom in zip(records, frame.geometry, strict=True):
        rec["lonlat"] = (round(geom.x, 9), round(geom.y, 9))
        rec["month"] = str(rec["month"])
    return records


def keys(frame: pd.DataFrame) -> list[tuple]:
    """(report_event_id, id, month, (lon, lat)) of every row, sorted."""
    return sorted(
        (rid, eid, str(month), (round(g.x, 9), round(g.y, 9)))
        for rid, eid, month, g in zip(
            frame["report_event_id"], frame["id"], frame["month"], frame.geometry, strict=True
        )
    )


def assert_same_rows(got: list[dict], expected: list[dict]) -> None:
    """``got == expected``; on a difference, the first differing rows' differing fields."""
    if got == expected:
        return
    diffs = [
        (e["report_event_id"], {k: (g.get(k), e.get(k)) for k in e if g.get(k) != e.get(k)})
        for g, e in zip(got, expected, strict=False)
        if g != e
    ]
    raise AssertionError(f"{len(got)} rows, expected {len(expected)}; first diffs: {diffs[:3]}")


def reference_rows(paths: list[Path], gazetteer) -> list[dict]:
    """The single-process pipeline: ``Extractor.run`` over the files, duplicates dropped."""
    results = [r for r in Extractor(gazetteer).run([str(p) for p in paths])]
    assert not [r for r in results if isinstance(r, InputError)]
    return rows(report_frame([(r.article, r.events) for r in results], keep=first_seen(set())))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    return write_jsonl_shards(tmp_path_factory.mktemp("corpus"), N_ARTICLES, PER_SHARD)


@pytest.fixture(scope="module")
def reference(corpus, gazetteer) -> list[dict]:
    return reference_rows(corpus, gazetteer)


@pytest.fixture(scope="module")
def dataset(corpus, dask_cluster, tmp_path_factory):
    out = tmp_path_factory.mktemp("ds") / "events"
    summary = extract_dataset(dask_cluster, [str(corpus[0].parent)], out)
    return out, summary


def _subset(reference: list[dict], paths: list[Path]) -> list[dict]:
    """The reference rows of the articles in ``paths`` (by the article id in ``sources``)."""
    ids = {a.id for a in read_articles(paths)}
    return [r for r in reference if json.loads(r["sources"])[0]["article_id"] in ids]


def test_cluster_dataset_equals_the_single_process_rows(dataset, reference):
    out, summary = dataset
    assert (summary.read, summary.failed, summary.ok) == (N_ARTICLES, 0, N_ARTICLES)
    got = rows(read_dataset(out))
    assert len(reference) > 0.8 * N_ARTICLES
    assert summary.events == len(got) == len({r["report_event_id"] for r in got})
    assert_same_rows(got, reference)
    assert (out / ERRORS_FILE).read_text() == ""


def test_dataset_rows_read_back_as_events(dataset):
    out, _ = dataset
    some = sorted(out.glob("month=*/*.parquet"))[0]
    events = frame_to_events(gpd.read_parquet(some))
    assert events and all(ev.id for ev in events)


def test_dataset_reads_with_geopandas_dask_geopandas_and_duckdb(dataset):
    import dask_geopandas
    import duckdb

    out, _ = dataset
    months = sorted(p.name.split("=", 1)[1] for p in out.glob("month=*"))
    assert "unknown" in months and all(m == "unknown" or len(m) == 7 for m in months)
    key = keys(read_dataset(out))
    assert len(key) == len(set(key)) > 10_000

    whole = gpd.read_parquet(out)
    assert whole.crs.to_epsg() == 4326
    assert keys(whole) == key

    ddf = dask_geopandas.read_parquet(out)
    assert ddf.npartitions > 1
    assert keys(ddf.compute()) == key

    table = duckdb.sql(
        f"SELECT report_event_id, id, month, geometry FROM read_parquet('{out}/*/*.parquet', "
        "hive_partitioning = true) ORDER BY report_event_id"
    ).fetchall()
    by_duck = [
        (rid, eid, month, (round(p.x, 9), round(p.y, 9)))
        for rid, eid, month, p in ((*t[:3], shapely.from_wkb(bytes(t[3]))) for t in table)
    ]
    assert sorted(by_duck) == key


def test_partition_size_and_shard_format_do_not_change_the_rows(
    corpus, reference, dask_cluster, tmp_path
):
    paths = corpus[:1]
    expected = _subset(reference, paths)
    small = extract_dataset(
        dask_cluster, [str(p) for p in paths], tmp_path / "a", target_bytes=20_000
    )
    assert small.partitions > 10
    assert_same_rows(rows(read_dataset(tmp_path / "a")), expected)
    write_parquet_shards(tmp_path / "pq", PER_SHARD, PER_SHARD, row_group=250)
    extract_dataset(dask_cluster, [str(tmp_path / "pq" / "*.parquet")], tmp_path / "b")
    assert_same_rows(rows(read_dataset(tmp_path / "b")), expected)


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(
    corpus, reference, fresh_dask_cluster, tmp_path
):
    client = fresh_dask_cluster
    paths = corpus[:3]
    pids = client.run(os.getpid)
    victim = pids[sorted(pids)[0]]
    killed_after: list[int] = []

    def kill_once_some_partitions_are_written() -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            done = {p.name for p in tmp_path.glob(".out.partial-*/month=*/part-*.parquet")}
            if len(done) >= 3:
                os.kill(victim, signal.SIGKILL)
                killed_after.append(len(done))
                return
            time.sleep(0.02)

    killer = threading.Thread(target=kill_once_some_partitions_are_written, daemon=True)
    killer.start()
    summary = extract_dataset(client, [str(p) for p in paths], tmp_path / "out", target_bytes=8_000)
    killer.join()
    assert killed_after and killed_after[0] < summary.partitions  # killed mid-run
    assert victim not in client.run(os.getpid).values()  # the nanny started a new process
    got = rows(read_dataset(tmp_path / "out"))
    assert len(got) == len({r["report_event_id"] for r in got})  # nothing doubled
    assert_same_rows(got, _subset(reference, paths))  # nothing lost
    assert (summary.read, summary.failed) == (3 * PER_SHARD, 0)
    assert not list(tmp_path.glob(".out.*"))  # no staging or temporary files left


def _bad_shards(folder: Path, corpus: list[Path]) -> dict[str, Path]:
    folder.mkdir()
    good = folder / "a-good.jsonl"
    good.write_bytes(corpus[0].read_bytes())
    lines = corpus[1].read_text().splitlines(keepends=True)[:50]
    lines[9] = "{not json\n"
    lines[19] = json.dumps({"id": "no-text", "title": "a record without text"}) + "\n"
    bad = folder / "b-bad-lines.jsonl"
    bad.write_text("".join(lines))
    whole = gzip.compress("".join(corpus[2].read_text().splitlines(keepends=True)[:60]).encode())
    truncated = folder / "c-truncated.jsonl.gz"
    truncated.write_bytes(whole[: len(whole) // 2])
    fake = folder / "d-fake.parquet"
    fake.write_text("this is not a parquet file\n")
    return {"good": good, "bad": bad, "gz": truncated, "fake": fake}


def test_bad_shards_are_reported_by_file_and_line_and_the_others_written(
    corpus, reference, dask_cluster, tmp_path
):
    files = _bad_shards(tmp_path / "in", corpus)
    summary = extract_dataset(dask_cluster, [str(tmp_path / "in")], tmp_path / "out")
    errors = [
        json.loads(line) for line in (tmp_path / "out" / ERRORS_FILE).read_text().splitlines()
    ]
    assert list(summary.errors) == errors
    where = [(e["path"], e["line"], e["field"]) for e in errors]
    assert where[:2] == [(str(files["bad"]), 10, None), (str(files["bad"]), 20, "text")]
    assert where[2][0] == str(files["gz"]) and errors[2]["message"].startswith("damaged gzip")
    assert where[3] == (str(files["fake"]), None, None) and "Parquet" in errors[3]["message"]
    assert len(errors) == 4 == summary.failed
    got = rows(read_dataset(tmp_path / "out"))
    good_ids = {r["report_event_id"] for r in _subset(reference, [files["good"]])}
    assert good_ids and good_ids <= {r["report_event_id"] for r in got}


def test_cli_extract_engine_dask_end_to_end(corpus, tmp_path):
    files = _bad_shards(tmp_path / "in", corpus)
    out = tmp_path / "events"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "geoevents",
            "extract",
            "--engine",
            "dask",
            "--workers",
            "2",
            str(tmp_path / "in" / "*.jsonl"),
            str(files["gz"]),
            "-o",
            f"{out}/",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    assert f"error: {files['bad']}:10: not valid JSON" in proc.stderr
    assert f"error: {files['bad']}:20: field text: record has no text" in proc.stderr
    assert f"error: {files['gz']}:" in proc.stderr
    summary = re.search(r"extract: (\d+) articles read, 3 failed, (\d+) events found", proc.stderr)
    assert summary and 1048 < int(summary[1]) < 1048 + 30, proc.stderr
    assert len((out / ERRORS_FILE).read_text().splitlines()) == 3
    assert len(read_dataset(out)) > 800


def test_cli_engine_options_and_output_checks(tmp_path):
    from tests.support.cli import run

    shard = tmp_path / "a.jsonl"
    shard.write_text('{"id": "a", "text": "Shelling hit Kherson."}\n')
    assert "--workers needs --engine dask" in run("extract", shard, "--workers", "2").output
    local_dir = run("extract", shard, "-o", f"{tmp_path}/")
    assert local_dir.exit_code == 2 and "only --engine dask" in local_dir.output
    to_file = run("extract", "--engine", "dask", shard, "-o", tmp_path / "x.geojson")
    assert to_file.exit_code == 2 and "output is a directory" in to_file.output
    (tmp_path / "keep").mkdir()
    (tmp_path / "keep" / "precious.txt").write_text("x")
    refused = run("extract", "--engine", "dask", shard, "-o", tmp_path / "keep")
    assert refused.exit_code == 2 and "not an event dataset" in refused.output


def test_duplicate_events_across_partitions_are_dropped_as_locally(
    corpus, gazetteer, dask_cluster, tmp_path
):
    """An article repeated in a later shard (and twice in one) gives its events once."""
    folder = tmp_path / "in"
    folder.mkdir()
    lines = corpus[3].read_text().splitlines(keepends=True)
    (folder / "a.jsonl").write_text("".join(lines[:60]))
    (folder / "b.jsonl").write_text("".join(lines[40:100] + lines[90:95]))
    expected = reference_rows(sorted(folder.iterdir()), gazetteer)
    summary = extract_dataset(dask_cluster, [str(folder)], tmp_path / "out", target_bytes=3_000)
    assert summary.partitions > 4
    got = rows(read_dataset(tmp_path / "out"))
    assert_same_rows(got, expected)
    assert summary.events == len(got) and summary.duplicates > 10


def _failing_write_part(tries: str, index: int):
    """A ``write_part`` for the workers that fails for partition ``index``, noting each try."""
    from geoevents.scale import dataset

    def write_part(frame, directory, i):
        if i == index:
            with open(tries, "a") as f:
                f.write("try\n")
            raise OSError("no space left on device (injected)")
        return dataset.write_part(frame, directory, i)

    return write_part


def _patch_write_part(new) -> None:
    import geoevents.scale.extract as module

    module.write_part = new


def test_a_task_that_raises_is_retried_then_reported(corpus, dask_cluster, tmp_path):
    from geoevents.scale import dataset

    tries = tmp_path / "tries.txt"
    dask_cluster.run(_patch_write_part, _failing_write_part(str(tries), 1))
    try:
        summary = extract_dataset(
            dask_cluster, [str(corpus[4])], tmp_path / "out", target_bytes=40_000
        )
    finally:
        dask_cluster.run(_patch_write_part, dataset.write_part)
    assert tries.read_text().count("try") == 3  # the first try and RETRIES more
    [err] = summary.errors
    assert err["path"] == str(corpus[4]) and err["line"] > 1
    assert "failed after 3 tries: OSError: no space left" in err["message"]
    assert summary.failed == 1 and summary.partitions > 3
    written = {p.name for p in (tmp_path / "out").glob("month=*/*.parquet")}
    assert written == {f"part-{i:05d}.parquet" for i in range(summary.partitions) if i != 1}
