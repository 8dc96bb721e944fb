"""Fixtures of the store tests: a throwaway PostgreSQL + PostGIS cluster, example data."""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _postgres_binaries() -> tuple[Path, str] | str:
    """``(bin dir, version)`` of a PostgreSQL with PostGIS, or why there is none."""
    initdbs = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not initdbs:
        return "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb)"
    for initdb in reversed(initdbs):
        bindir = Path(initdb).parent
        version = bindir.parent.name
        if Path(f"/usr/share/postgresql/{version}/extension/postgis.control").exists():
            return bindir, version
    return "PostGIS extension not installed (/usr/share/postgresql/*/extension/postgis.control)"


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_postgres(cmd: list[str]) -> list[str]:
    """Run as the ``postgres`` OS user when we are root (postgres refuses root)."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


@pytest.fixture(scope="session")
def postgis_server() -> Iterator[str]:
    """URL of a throwaway PostgreSQL cluster (loopback, temp dir) with a PostGIS database.

    Skipped with a printed reason where the server binaries are absent, unless
    the environment variable ``CI`` is ``true``: then their absence fails.
    """
    found = _postgres_binaries()
    if isinstance(found, str):
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI: {found}")
        print(f"\nskipping PostGIS tests: {found}")
        pytest.skip(found)
    bindir, _version = found
    psycopg = pytest.importorskip("psycopg")
    root = Path(tempfile.mkdtemp(prefix="geoevents-pg-"))
    if os.geteuid() == 0:
        pg = pwd.getpwnam("postgres")
        os.chown(root, pg.pw_uid, pg.pw_gid)
    data, sock, log = root / "data", root / "sock", root / "log"
    subprocess.run(_as_postgres(["mkdir", "-p", str(sock)]), check=True)
    subprocess.run(
        _as_postgres(
            [
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--no-sync",
            ]
        ),
        check=True,
        capture_output=True,
    )
    port = _free_port()
    opts = f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off"
    started = subprocess.run(
        _as_postgres(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                opts,
                "-l",
                str(log),
                "-w",
                "-t",
                "60",
                "start",
            ]
        ),
        capture_output=True,
        text=True,
    )
    if started.returncode != 0:
        logtext = log.read_text() if log.exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        pytest.fail(f"cannot start PostgreSQL: {started.stderr}\n{logtext}")
    try:
        base = f"postgresql://postgres@127.0.0.1:{port}"
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute("CREATE DATABASE geoevents_test")
        with psycopg.connect(f"{base}/geoevents_test", autocommit=True) as conn:
            conn.execute("CREATE EXTENSION postgis")
        yield f"{base}/geoevents_test"
    finally:
        subprocess.run(
            _as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_url(postgis_server: str) -> Iterator[str]:
    """A fresh schema in the throwaway database; the URL selects it via ``search_path``."""
    import psycopg

    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(postgis_server, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    yield f"{postgis_server}?options=-csearch_path%3D{schema},public"
    with psycopg.connect(postgis_server, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")
