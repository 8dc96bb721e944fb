"""The online geocoder's request interval holds across processes (a shared lock file)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from gazetteer.ratelimit import SharedRateLimit
from geoevents.cli import main

from .local_nominatim import LocalNominatim, serve_local_nominatim

pytestmark = pytest.mark.slow  # subprocesses and real waits

#: A process asking the loopback Nominatim three questions through the fallback geocoder.
CLIENT = textwrap.dedent(
    """
    import sys
    from geopy.geocoders import Nominatim
    from gazetteer.geocoder import OfflineGeocoder, with_fallback

    domain, cache, lock, tag = sys.argv[1:5]
    online = Nominatim(user_agent="geoevents-tests", domain=domain, scheme="http", proxies={})
    geocoder = with_fallback(
        online, cache_path=cache, min_delay_seconds=0.5, offline=OfflineGeocoder(),
        max_retries=0, error_wait_seconds=0.0, rate_lock_path=lock,
    )
    for n in range(3):
        geocoder.geocode_online(f"Hamlet {tag} {n}")
    print(geocoder.online_calls)
    """
)


def test_two_processes_share_the_request_interval(tmp_path: Path) -> None:
    lock = tmp_path / "rate.lock"
    with serve_local_nominatim() as domain:
        procs = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    CLIENT,
                    domain,
                    str(tmp_path / f"c{tag}.sqlite"),
                    str(lock),
                    tag,
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for tag in ("A", "B")
        ]
        outs = [p.communicate(timeout=60) for p in procs]
        times = sorted(t for t, _params in LocalNominatim.requests)
    assert [p.returncode for p in procs] == [0, 0], outs
    assert [o.strip() for o, _err in outs] == ["3", "3"]
    queries = sorted(params["q"][0] for _t, params in LocalNominatim.requests)
    assert queries == sorted(f"Hamlet {tag} {n}" for tag in "AB" for n in range(3))
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    # two processes, one 0.5 s interval: without the shared lock their requests would come
    # in pairs (gaps near 0); the server stamps arrivals, which a loaded 2-core host can
    # shift by a tenth of a second, so the floor is half the interval
    assert min(gaps) >= 0.25, gaps
    assert sum(gaps) >= 5 * 0.45, gaps  # six requests, five intervals in all


def test_the_lock_file_survives_garbage_and_keeps_the_interval(tmp_path: Path) -> None:
    lock = tmp_path / "sub" / "rate.lock"
    lock.parent.mkdir()
    lock.write_bytes(b"\xff not a time")
    limit = SharedRateLimit(lock, 0.2)
    import time

    start = time.monotonic()
    limit.wait()  # garbage reads as "never": no wait
    first = time.monotonic() - start
    limit.wait()
    second = time.monotonic() - start
    assert first < 0.15 and second >= 0.2
    assert float(lock.read_text()) > 0


def test_an_unusable_lock_file_is_logged_not_fatal(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    limit = SharedRateLimit(blocker / "rate.lock", 0.2)  # under a regular file
    limit.wait()
    limit.wait()
    warnings = [r.getMessage() for r in caplog.records if "cannot share" in r.getMessage()]
    assert len(warnings) == 1, warnings  # once, not per request
    assert f"cannot share the request rate through {blocker / 'rate.lock'}: " in warnings[0]


@pytest.mark.parametrize("agent", ["", "   ", "bad\nagent"])
def test_a_blank_user_agent_is_refused(agent: str) -> None:
    """geopy would fall back to its stock agent, which Nominatim's policy blocks."""
    result = CliRunner().invoke(main, ["geocode", "--online", "--user-agent", agent, "Kyiv"])
    assert result.exit_code == 2, result.output
    assert "--user-agent" in result.output and "name your application" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
