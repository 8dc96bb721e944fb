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
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import NoReturn

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"


#: Environment variable naming a PostgreSQL ``bin`` directory (default: Debian's
#: ``/usr/lib/postgresql/*/bin``, newest version with PostGIS).
BINDIR_ENV = "GEOEVENTS_PG_BINDIR"

#: Why the PostGIS tests were skipped (printed in the terminal summary).
SKIPPED: list[str] = []


def in_ci(env: Mapping[str, str] = os.environ) -> bool:
    """True when the environment variable ``CI`` is set (to anything but empty/0/false/no).

    >>> in_ci({}), in_ci({"CI": "true"}), in_ci({"CI": "1"}), in_ci({"CI": "false"})
    (False, True, True, False)
    """
    return env.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _postgres_binaries() -> tuple[Path, str] | str:
    """``(bin dir, version)`` of a PostgreSQL with PostGIS, or why there is none."""
    if os.environ.get(BINDIR_ENV):
        bindir = Path(os.environ[BINDIR_ENV])
        if not (bindir / "initdb").is_file():
            return f"no initdb in {BINDIR_ENV}={bindir}"
        sharedirs = []
        if (bindir / "pg_config").is_file():
            share = subprocess.run(
                [str(bindir / "pg_config"), "--sharedir"], capture_output=True, text=True
            )
            if share.returncode == 0:
                sharedirs.append(Path(share.stdout.strip()))
        sharedirs += [bindir.parent / "share", Path("/usr/share/postgresql") / bindir.parent.name]
        if not any((d / "extension" / "postgis.control").exists() for d in sharedirs):
            return f"PostGIS extension not installed ({sharedirs[0]}/extension/postgis.control)"
        return bindir, bindir.parent.name
    initdbs = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: [int(x) if x.isdigit() else x for x in Path(p).parts[-3].split(".")],
    )
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
    """Run as the ``postgres`` OS user when we are root (initdb and postgres refuse root)."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


def _cluster_dir() -> Path:
    """A new temporary directory the server's OS user owns and can reach."""
    root = Path(tempfile.mkdtemp(prefix="geoevents-pg-"))
    if os.geteuid() != 0:
        return root
    try:
        pg = pwd.getpwnam("postgres")
    except KeyError:
        shutil.rmtree(root, ignore_errors=True)
        pytest.fail("running as root, but there is no 'postgres' OS user to run the server")
    reachable = subprocess.run(_as_postgres(["test", "-x", str(root.parent)])).returncode == 0
    if not reachable:  # e.g. TMPDIR inside /root: use /tmp, which every user can reach
        shutil.rmtree(root, ignore_errors=True)
        root = Path(tempfile.mkdtemp(prefix="geoevents-pg-", dir="/tmp"))
    os.chown(root, pg.pw_uid, pg.pw_gid)
    return root


def _run(cmd: list[str], cwd: Path, what: str) -> None:
    done = subprocess.run(_as_postgres(cmd), cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        pytest.fail(f"{what} failed ({done.returncode}): {' '.join(cmd)}\n{done.stderr}")


def _skip_or_fail(reason: str) -> NoReturn:
    """Fail in CI (the server must be there); elsewhere skip, printing why."""
    if in_ci():
        pytest.fail(f"CI is set but the PostGIS tests cannot run: {reason}")
    SKIPPED.append(reason)
    print(f"\nskipping PostGIS tests: {reason}")
    pytest.skip(f"PostGIS tests: {reason}")


@pytest.fixture(scope="session")
def postgis_server() -> Iterator[str]:
    """URL of a throwaway PostgreSQL cluster (loopback, temp dir) with a PostGIS database.

    As root (CI runs ``./dev.sh test`` as root) the cluster is made and run by
    the ``postgres`` OS user with ``runuser``; otherwise by the current user.
    Skipped with a printed reason where the server binaries (or psycopg) are
    absent, unless the environment variable ``CI`` is set: then that fails.
    """
    found = _postgres_binaries()
    if isinstance(found, str):
        _skip_or_fail(found)
    bindir, _version = found
    try:
        import psycopg
    except ImportError:
        _skip_or_fail("psycopg is not installed (pip install -e '.[test]')")
    root = _cluster_dir()
    data, sock, log = root / "data", root / "sock", root / "log"
    try:
        _run(["mkdir", "-p", str(sock)], root, "mkdir")
        _run(
            [str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"]
            + ["-E", "UTF8", "--no-sync"],
            root,
            "initdb",
        )
        port = _free_port()
        opts = f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off"
        started = subprocess.run(
            _as_postgres(
                [str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(log)]
                + ["-w", "-t", "60", "start"]
            ),
            cwd=root,
            capture_output=True,
            text=True,
        )
        if started.returncode != 0:
            logtext = log.read_text() if log.exists() else ""
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
                cwd=root,
                capture_output=True,
            )
    finally:
        shutil.rmtree(root, ignore_errors=True)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say why the PostGIS tests were skipped, also without ``-rs``."""
    for reason in dict.fromkeys(SKIPPED):
        terminalreporter.write_line(f"PostGIS tests skipped: {reason}", yellow=True)


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
