"""``ingest --engine dask``: Dask workers write one PostGIS store (real server, real workers).

The reference is always a single-process ingest of the same shard files into
another schema of the same server.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from geoevents.extract import Extractor
from geoevents.ingest import ingest
from geoevents.io.articles import Article
from geoevents.scale.corpus import records
from geoevents.scale.ingest import StoreTarget, ingest_on_dask, open_worker_store
from geoevents.scale.shards import partitions, read_partition
from geoevents.store import open_store
from tests.store import conftest as store_fixtures
from tests.support.cli import run

# the throwaway PostgreSQL + PostGIS server of the store tests, and a fresh schema in it
postgis_server = store_fixtures.postgis_server
pg_url = store_fixtures.pg_url

SECRET = "hunter2-Zq9"
#: Lines of the bad shard: two good articles around input errors (not JSON, no text).
BAD_LINES = [
    '{"id": "ok-1", "title": "Shelling of Kharkiv", "text": "Shelling hit Kharkiv on Monday."}',
    "{not json",
    '{"id": "no-text", "title": "Empty"}',
    '{"id": "ok-2", "title": "Drones over Odesa", "text": "Drones struck Odesa on Tuesday."}',
]


def schema_url(server: str, schema: str, *, password: str | None = None) -> str:
    """``server`` with a password in its user part (the test server trusts any) and a schema."""
    if password is not None:
        server = server.replace("postgres@", f"postgres:{password}@", 1)
    return f"{server}?options=-csearch_path%3D{schema},public"


@pytest.fixture(scope="module")
def shards(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """4 shards of 150 synthetic articles (shard 3 repeats 40 lines of shard 0) + a bad one."""
    root = tmp_path_factory.mktemp("shards")
    lines = [json.dumps(rec) + "\n" for rec in records(0, 600)]
    paths = []
    for k in range(4):
        extra = lines[:40] if k == 3 else []
        paths.append(root / f"shard-{k:05d}.jsonl")
        paths[-1].write_text("".join(lines[150 * k : 150 * (k + 1)] + extra))
    bad = root / "shard-bad.jsonl"
    bad.write_text("\n".join(BAD_LINES) + "\n")
    return [str(p) for p in [*paths, bad]]


@pytest.fixture(scope="module")
def extractor(gazetteer) -> Extractor:
    """One extractor for the single-process references (making one takes seconds)."""
    return Extractor(gazetteer)


@pytest.fixture(scope="module")
def expected(
    postgis_server: str, shards: list[str], extractor: Extractor
) -> Iterator[tuple[dict, str, list[str]]]:
    """(store rows, summary line, error messages) of a single-process ingest of ``shards``."""
    schema = "single_" + uuid.uuid4().hex[:8]
    with psycopg.connect(postgis_server, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    url = schema_url(postgis_server, schema)
    with open_store(url) as store:
        report = ingest(store, shards, extractor=extractor)
    yield dump(url), report.summary(), sorted(report.errors)
    with psycopg.connect(postgis_server, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


def dump(url: str) -> dict[str, list[tuple]]:
    """Every stored row that must not depend on who wrote it (no fids, no ingest times).

    ``paths`` is apart: an article found in two shards (the 40 repeated ones) is stored
    once, from the copy whose partition committed first.
    """
    queries = {
        "reports": "SELECT content_hash, article_id, title, url, published FROM reports "
        "ORDER BY content_hash",
        "paths": "SELECT content_hash, path FROM reports ORDER BY content_hash",
        "report_events": "SELECT id, content_hash, idx, published, event_json FROM report_events "
        "ORDER BY id",
        "events": "SELECT id, digest, event_type, date, lat, lon, n_reports, n_sources, "
        "ST_AsText(geom) FROM events ORDER BY id",
        "members": "SELECT event_id, report_event_id, position, joined_with, reason "
        "FROM fusion_members ORDER BY 1, 2",
        "claims": "SELECT event_id, claimant, side, stance FROM claims ORDER BY 1, 2, 3, 4",
    }
    with psycopg.connect(url) as conn:
        return {name: conn.execute(sql).fetchall() for name, sql in queries.items()}


def assert_same_store(got: dict[str, list[tuple]], want: dict[str, list[tuple]]) -> None:
    """``got`` holds ``want``'s rows; a repeated article's path is either shard holding it."""
    assert {k: v for k, v in got.items() if k != "paths"} == {
        k: v for k, v in want.items() if k != "paths"
    }
    repeated = {"shard-00000.jsonl", "shard-00003.jsonl"}
    for (h, path), (h2, first) in zip(got["paths"], want["paths"], strict=True):
        assert h == h2 and (path == first or {Path(path).name, Path(first).name} == repeated)


def test_dask_ingest_equals_a_single_process_ingest_and_a_rerun_adds_nothing(
    dask_cluster, pg_url: str, shards: list[str], expected, tmp_path: Path
) -> None:
    rows, summary, errors = expected
    assert len(rows["reports"]) == 602 and len(rows["events"]) > 100
    url = pg_url.replace("postgres@", f"postgres:{SECRET}@", 1)
    errors_file = tmp_path / "errors.jsonl"
    args = ["ingest", "--engine", "dask", "--scheduler", dask_cluster.scheduler.address]
    first = run(*args, *shards, "--db", url, "--errors", errors_file)
    assert first.exit_code == 1, first.output  # the bad lines
    assert SECRET not in first.output
    assert summary in first.output.splitlines()
    printed = sorted(line for line in first.output.splitlines() if line.startswith("error: "))
    assert printed == [f"error: {e}" for e in errors]
    assert any(f"{shards[-1]}:2: " in line for line in printed)  # file and line
    written = [json.loads(line) for line in errors_file.read_text().splitlines()]
    assert [(e["path"], e["line"], e["field"]) for e in written] == [
        (shards[-1], 2, None),
        (shards[-1], 3, "text"),
    ]
    assert_same_store(dump(pg_url), rows)  # reports, report events, fused events, members

    again = run(*args, *shards, "--db", url, "--errors", errors_file)
    assert again.exit_code == 1 and SECRET not in again.output
    assert "read 642 articles: 0 stored, 642 already stored, 2 failed" in again.output
    assert_same_store(dump(pg_url), rows)


def test_a_worker_killed_mid_task_loses_and_doubles_nothing(
    fresh_dask_cluster, pg_url: str, shards: list[str], expected
) -> None:
    """SIGKILL a worker once its task has committed some batches but not all; Dask reruns it."""
    client = fresh_dask_cluster
    parts = partitions(shards)
    hashes = [[a.content_hash for a in read_partition(p) if isinstance(a, Article)] for p in parts]
    pids = client.run(os.getpid)
    killed: list[int] = []
    done = threading.Event()

    def committed(conn: psycopg.Connection, index: int) -> int:
        sql = "SELECT count(*) FROM reports WHERE content_hash = ANY(%s)"
        return int(conn.execute(sql, (hashes[index],)).fetchone()[0])

    def killer() -> None:
        with psycopg.connect(pg_url, autocommit=True) as conn:
            while not done.is_set() and not killed:
                for addr, keys in client.processing().items():
                    for key in keys:
                        index = int(str(key).rsplit("-", 1)[1])
                        if 0 < committed(conn, index) < len(set(hashes[index])):
                            os.kill(pids[addr], signal.SIGKILL)
                            killed.append(index)
                            return
                time.sleep(0.01)

    thread = threading.Thread(target=killer)
    thread.start()
    try:
        with open_store(pg_url) as store:
            run_ = ingest_on_dask(client, store, pg_url, parts, batch_size=10)
    finally:
        done.set()
        thread.join()
    assert killed, "the run ended before a task had committed part of its partition"
    assert not run_.failed_partitions
    rows, summary, _errors = expected
    assert_same_store(dump(pg_url), rows)
    assert run_.report.summary() == summary


def test_failing_partitions_are_retried_then_reported_without_the_password(
    postgis_server: str, pg_url: str, shards: list[str], tmp_path: Path
) -> None:
    """Workers that cannot connect (the role allows one connection: the client's) fail their
    tasks; each is retried, then named; no output, log line or task name shows the password."""
    role = "writer_" + uuid.uuid4().hex[:6]
    schema = pg_url.split("%3D")[1].split(",")[0]
    with psycopg.connect(postgis_server, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {role} LOGIN PASSWORD '{SECRET}' CONNECTION LIMIT 1")
        conn.execute(f"GRANT ALL ON SCHEMA {schema} TO {role}")
    url = pg_url.replace("postgres@", f"{role}:{SECRET}@", 1)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "geoevents", "ingest", "--engine", "dask", "--workers", "1"]
            + [*shards[:2], "--db", url, "--errors", str(tmp_path / "e.jsonl")],
            capture_output=True,
            text=True,
            timeout=180,
        )
    finally:
        with psycopg.connect(postgis_server, autocommit=True) as conn:
            conn.execute(f"DROP OWNED BY {role} CASCADE")
            conn.execute(f"DROP ROLE {role}")
    assert done.returncode == 1, done.stderr
    assert SECRET not in done.stdout + done.stderr
    failed = [line for line in done.stderr.splitlines() if "failed after 3 attempts" in line]
    assert len(failed) == 2 and all("too many connections" in line for line in failed)
    assert sorted(line.split(" failed after")[0] for line in failed) == [
        f"error: {shards[0]}: partition {shards[0]}:1-150",
        f"error: {shards[1]}: partition {shards[1]}:1-150",
    ]
    written = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert sorted(e["path"] for e in written) == shards[:2]
    assert SECRET not in json.dumps(written)
    assert f"{role}:***@" in failed[0]
    assert "Compute Failed" in done.stderr  # the workers' own log of the failed task was seen
    assert "read 0 articles: 0 stored" in done.stdout


def test_worker_sessions_drop_a_vanished_worker(pg_url: str) -> None:
    store = open_worker_store(StoreTarget(pg_url))
    try:
        shown = store.conn.execute("SHOW idle_in_transaction_session_timeout").fetchone()[0]
        idle = store.conn.execute("SHOW tcp_keepalives_idle").fetchone()[0]
        unacked = store.conn.execute("SHOW tcp_user_timeout").fetchone()[0]
    finally:
        store.close()
    assert (shown, idle, unacked) == ("1min", "20", "60000")


def test_a_geopackage_store_is_written_by_the_client(
    dask_cluster, shards: list[str], extractor: Extractor, tmp_path: Path
) -> None:
    inputs = [shards[0], shards[-1]]
    with open_store(tmp_path / "local.gpkg") as store:
        local = ingest(store, inputs, extractor=extractor)
    args = ["ingest", "--engine", "dask", "--scheduler", dask_cluster.scheduler.address]
    dask = run(*args, *inputs, "--db", tmp_path / "dask.gpkg")
    assert dask.exit_code == 1  # the bad lines
    assert local.summary() in dask.output.splitlines()
    written = (tmp_path / "dask.errors.jsonl").read_text().splitlines()  # beside the store
    assert [json.loads(line)["line"] for line in written] == [2, 3]
    with open_store(tmp_path / "local.gpkg") as a, open_store(tmp_path / "dask.gpkg") as b:
        assert a.report_hashes() == b.report_hashes()
        assert a.event_list() == b.event_list()
        assert a.counts() == b.counts()


def test_a_writer_waiting_for_the_lock_sees_what_the_holder_committed(pg_url: str) -> None:
    """Even where the server's default isolation is repeatable read (a snapshot taken before
    the lock was granted would miss the holder's rows, and the insert would fail)."""
    article = Article("a1", "Strike on Kharkiv", "Shelling hit Kharkiv on Monday.")
    holder, waiter = open_store(pg_url), open_store(pg_url)
    outcome: list[object] = []
    try:
        for store in (holder, waiter):
            store.conn.execute("SET default_transaction_isolation = 'repeatable read'")
        thread = threading.Thread(
            target=lambda: outcome.append(waiter.add_reports([(article, [])]))
        )
        with holder._write_tx() as cur, psycopg.connect(pg_url, autocommit=True) as probe:
            assert holder._insert_reports(cur, [(article, [])]) == 1
            thread.start()
            sql = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
            deadline = time.monotonic() + 30
            while not probe.execute(sql).fetchone()[0] and time.monotonic() < deadline:
                time.sleep(0.01)  # until the waiter's transaction waits for the lock
        thread.join(timeout=60)
    finally:
        holder.close()
        waiter.close()
    assert outcome == [0]


def test_no_scheduler_at_the_address_is_a_clear_error(shards: list[str], tmp_path: Path) -> None:
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        args = ["ingest", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"]
        result = run(*args, shards[0], "--db", tmp_path / "e.gpkg")
    assert result.exit_code == 1
    assert "Error: --engine dask: " in result.output and "127.0.0.1:9" in result.output
