"""Real subprocesses: SIGKILL in the middle of an ingest, two ingests at once, a held lock."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pyogrio

from geoevents.store import open_store

HELPER = Path(__file__).resolve().parent / "helper_ingest.py"


def helper(
    db: Path, start: int, stop: int, *args: str, env: dict[str, str] | None = None
) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(HELPER), str(db), str(start), str(stop), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )


def reports_in(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return 0
    try:
        return int(con.execute("SELECT count(*) FROM reports").fetchone()[0])
    except sqlite3.Error:
        return 0  # not created yet
    finally:
        con.close()


def check_consistent(db: Path) -> None:
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        dup = con.execute(
            "SELECT count(*) FROM (SELECT content_hash FROM reports GROUP BY content_hash "
            "HAVING count(*) > 1)"
        ).fetchone()[0]
        orphans = con.execute(
            "SELECT count(*) FROM report_events e LEFT JOIN reports r "
            "ON r.content_hash = e.content_hash WHERE r.fid IS NULL"
        ).fetchone()[0]
    finally:
        con.close()
    assert dup == 0 and orphans == 0
    pyogrio.read_info(db, layer="events")  # GDAL opens it


def test_sigkill_mid_ingest_leaves_a_consistent_store_and_the_next_run_completes(
    tmp_path: Path,
) -> None:
    db = tmp_path / "events.gpkg"
    n, batch = 3000, 100
    proc = helper(db, 0, n, "--batch", str(batch), "--pause", "0.1")
    deadline = time.monotonic() + 120
    seen = 0
    while time.monotonic() < deadline:
        seen = reports_in(db)
        if seen >= 3 * batch:
            break
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert 3 * batch <= seen < n, "the kill must land in the middle of the run"

    check_consistent(db)
    with open_store(db) as store:
        counts = store.counts()
        assert counts["reports"] % batch == 0 and 0 < counts["reports"] < n  # whole batches only
        assert counts["report_events"] == counts["reports"]
        assert store.is_stale()  # killed before fusion: readers fuse in memory
        partial = store.event_list()
        assert sum(len(e.sources) for e in partial) == counts["reports"]

    rerun = helper(db, 0, n, "--batch", "500")
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert out.strip() == f"added {n - counts['reports']}"
    check_consistent(db)
    with open_store(db) as store:
        assert store.counts()["reports"] == n
        assert not store.is_stale()
        done = store.event_list()
        assert sum(len(e.sources) for e in done) == n
        store.rebuild()
        assert store.event_list() == done


def test_two_ingests_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "events.gpkg"
    a = helper(db, 0, 1500, "--batch", "100")
    b = helper(db, 1000, 2500, "--batch", "100")
    out_a, err_a = a.communicate(timeout=300)
    out_b, err_b = b.communicate(timeout=300)
    assert (a.returncode, b.returncode) == (0, 0), err_a + err_b
    added = int(out_a.split()[-1]) + int(out_b.split()[-1])
    assert added == 2500  # the 500 reports both sent were stored once
    check_consistent(db)
    with open_store(db) as store:
        assert store.counts()["reports"] == 2500
        assert not store.is_stale()
        events = store.event_list()
        assert sum(len(e.sources) for e in events) == 2500
        store.rebuild()
        assert store.event_list() == events


def test_a_writer_that_cannot_get_the_lock_fails_clearly(tmp_path: Path) -> None:
    db = tmp_path / "events.gpkg"
    with open_store(db):
        pass
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        proc = helper(db, 0, 10, env={"GEOEVENTS_LOCK_TIMEOUT": "0.5"})
        _out, err = proc.communicate(timeout=60)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert proc.returncode == 2
    assert "another process is writing this store" in err
    with open_store(db) as store:
        assert store.counts()["reports"] == 0


TOWNS = ("Kharkiv", "Kherson", "Zaporizhzhia", "Odesa", "Mykolaiv", "Dnipro", "Sumy", "Nikopol")


def write_articles(path: Path, n: int) -> None:
    """``n`` generated one-sentence reports (template text, not news prose)."""
    import json

    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            town, day = TOWNS[i % len(TOWNS)], 1 + i // len(TOWNS)
            rec = {
                "id": f"gen-{i}",
                "title": f"Generated item {i}",
                "published": f"2023-02-{day:02d}",
                "text": f"Regional officials said a missile struck a warehouse in {town} on "
                f"February {day}, 2023, killing {i % 7 + 1} people. Generated record {i}.",
            }
            fh.write(json.dumps(rec) + "\n")


def test_sigkill_during_cli_ingest_then_rerun_completes(tmp_path: Path) -> None:
    db, src, n = tmp_path / "events.gpkg", tmp_path / "articles.jsonl", 100
    write_articles(src, n)
    cmd = [sys.executable, "-m", "geoevents", "ingest", str(src), "--db", str(db)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    seen = 0
    while time.monotonic() < deadline and proc.poll() is None:
        seen = reports_in(db)
        if seen:
            break
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "the ingest must still be running when killed"
    assert 0 < seen < n
    check_consistent(db)
    with open_store(db) as store:
        stored = store.counts()["reports"]
        assert store.is_stale() and len(store.event_list()) > 0
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"read {n} articles: {n - stored} stored, {stored} already stored" in rerun.stdout
    check_consistent(db)
    with open_store(db) as store:
        assert store.counts()["reports"] == n and not store.is_stale()


def fused_rows(db: Path) -> list[tuple]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return con.execute("SELECT id, digest FROM events ORDER BY id").fetchall()
    finally:
        con.close()


def test_sigkill_while_fusing_keeps_the_previous_fused_state(tmp_path: Path) -> None:
    """Killed inside the fusion transaction (its rollback journal on disk): the store
    rolls back to the previous fused events, readers still see every stored report,
    and the next run completes the fusion."""
    db = tmp_path / "events.gpkg"
    first = helper(db, 0, 4000, "--batch", "2000")
    _out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    before = fused_rows(db)
    assert len(before) > 1000
    journal = Path(f"{db}-journal")
    proc = helper(db, 4000, 16000, "--batch", "6000", "--announce")
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "fusing"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None and not journal.exists():
        time.sleep(0.002)
    time.sleep(0.02)  # let it write some pages (the fused tables take far longer)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "the fusion must still be running when killed"
    assert journal.exists() and journal.stat().st_size > 0, "the kill must land in the writes"

    check_consistent(db)  # the first reader rolls the hot journal back
    assert fused_rows(db) == before  # the previous fused state, untouched
    with open_store(db) as store:
        assert store.counts()["reports"] == 16000 and store.is_stale()
        in_memory = store.event_list()
        assert sum(len(e.sources) for e in in_memory) == 16000
    rerun = helper(db, 4000, 16000, "--batch", "6000")
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert out.strip() == "added 0"
    with open_store(db) as store:
        assert not store.is_stale()
        assert store.event_list() == in_memory
