"""Issue 14 cases 2 and 9: no command prints a PostgreSQL password, and a search_path
naming a missing schema is an error (a server that is not there, and the real one)."""

from __future__ import annotations

import logging
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner

from geoevents.cli import main
from geoevents.dburl import describe_db, mask_secrets
from geoevents.errors import StoreError
from geoevents.store import open_store

from .conftest import FIXTURES

PASSWORD = "Hunter2-Xq9zPw"
OTHER = "Ss1Pw-Kk7Rr"


def with_password(url: str, how: str) -> str:
    """``url`` carrying :data:`PASSWORD` in its user part or as a query parameter."""
    if how == "userinfo":
        scheme, _, rest = url.partition("://")
        user, at, host = rest.partition("@")
        return f"{scheme}://{user}:{PASSWORD}@{host}" if at else f"{scheme}://u:{PASSWORD}@{rest}"
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}password={PASSWORD}&sslpassword={OTHER}"


def run_every_db_command(url: str, tmp_path: Path) -> list[str]:
    """Output (stdout + stderr) of every command that takes --db, run on ``url``."""
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    runs = [
        ["ingest", FIXTURES, "--db", url],
        ["export", "--db", url, "-o", out / "e.geojson"],
        ["export", "--db", url, "-o", out / "e.gpkg"],
        ["explain", "ev-00000000", "--db", url],
        ["correct", "ev-00000000", "--type", "interception", "--db", url],
        ["map", "--db", url, "-o", out / "m.html"],
        ["map", FIXTURES / "makiivka_mod.json", "--db", url, "-o", out / "m2.html"],
    ]
    texts = []
    for args in runs:
        result = CliRunner().invoke(main, [str(a) for a in args])
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            args,
            result.exception,
        )
        texts.append(result.output)
    return texts


def assert_no_secret(texts: list[str]) -> None:
    everything = "\n".join(texts)
    assert PASSWORD not in everything and OTHER not in everything, everything
    assert PASSWORD.replace("-", "%2D") not in everything


@pytest.mark.parametrize("how", ["userinfo", "query"])
def test_no_password_printed_when_the_server_is_not_there(
    how: str, tmp_path: Path, caplog: pytest.LogCaptureFixture, gazetteer: object
) -> None:
    caplog.set_level(logging.DEBUG)
    url = with_password("postgresql://ann@127.0.0.1:1/events", how)
    texts = run_every_db_command(url, tmp_path)
    assert all("cannot connect" in t for t in texts), texts
    assert any("postgresql://ann" in t for t in texts)  # the location is still named
    assert_no_secret(texts + [r.getMessage() for r in caplog.records])


@pytest.mark.parametrize("how", ["userinfo", "query"])
def test_no_password_printed_on_a_working_server(
    how: str, pg_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture, gazetteer: object
) -> None:
    caplog.set_level(logging.DEBUG)
    url = with_password(pg_url, how)
    texts = run_every_db_command(url, tmp_path)
    assert "3 stored" in texts[0] or "stored" in texts[0], texts[0]
    assert "wrote 1 events" in texts[1], texts[1]
    assert "no such event" in texts[4] and "***" in texts[4], texts[4]
    assert_no_secret(texts + [r.getMessage() for r in caplog.records])


def test_describe_db_masks_every_form_of_password() -> None:
    cases = {
        f"postgresql://ann:{PASSWORD}@db/x": "postgresql://ann:***@db/x",
        f"postgres://ann:{PASSWORD}@h1:5432,h2:5433/x?sslmode=verify-full": (
            "postgres://ann:***@h1:5432,h2:5433/x?sslmode=verify-full"
        ),
        "postgresql://ann:p%40ss%2Fw@db/x": "postgresql://ann:***@db/x",
        "postgresql://ann:p/a@ss@db/x": "postgresql://ann:***@db/x",
        f"postgresql:///x?host=/run/pg&PassWord={PASSWORD}": (
            "postgresql:///x?host=/run/pg&PassWord=***"
        ),
        f"postgresql://db/x?user=ann&sslpassword={OTHER}#frag": (
            "postgresql://db/x?user=ann&sslpassword=***#frag"
        ),
        "/data/events.gpkg": "/data/events.gpkg",
    }
    for url, shown in cases.items():
        assert describe_db(url) == shown
    url = "postgresql://ann:p%40ss@db/x"
    assert mask_secrets("auth failed for password 'p@ss' at " + url, url) == (
        "auth failed for password '***' at postgresql://ann:***@db/x"
    )


def test_a_missing_schema_in_search_path_is_an_error(
    pg_url: str, postgis_server: str, tmp_path: Path
) -> None:
    missing = "no_such_schema_q7"
    url = f"{postgis_server}?options=-csearch_path%3D{missing},public"
    with pytest.raises(StoreError, match=f"schema '{missing}' named in search_path does not exist"):
        open_store(url)
    with psycopg.connect(postgis_server) as conn:
        tables = conn.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' "
            "AND tablename = 'geoevents_meta'"
        ).fetchone()
    assert tables == (0,)  # nothing fell back to public
    quoted = f"{postgis_server}?options=-csearch_path%3D%22MixedCase%22"
    with pytest.raises(StoreError, match="schema 'MixedCase'"):
        open_store(quoted)
    result = CliRunner().invoke(main, ["export", "--db", url, "-o", str(tmp_path / "x.geojson")])
    assert result.exit_code == 1 and missing in result.output
    with open_store(pg_url) as store:  # an existing schema (and public) still opens
        assert store.counts()["events"] == 0
