"""Shared fixtures (paths to real data live here) and the markers of the fast inner loop.

Markers (registered in setup.cfg) are set here, so test files need none:
``browser`` and ``postgis`` from the fixtures a test uses, ``slow`` for those and
for the modules of :data:`SLOW_MODULES`. ``./dev.sh test -m "not slow"`` is the
inner loop; CI runs every test.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

#: Property-based tests: ``ci`` (CI set) runs 2,000 examples per reader, ``dev`` a quick 100.
#: No deadline: a file system or a busy shared host makes single examples slow now and then.
_FUZZ = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow],
    "derandomize": True,  # repeatable runs
    "database": None,  # no .hypothesis/ folder in the worktree
}
settings.register_profile("ci", max_examples=2000, **_FUZZ)
settings.register_profile("dev", max_examples=100, **_FUZZ)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"

#: Fixture -> marker of every test that uses it (directly or through other fixtures).
FIXTURE_MARKERS = {
    "browser": "browser",
    "postgis_server": "postgis",
    "dask_cluster": "cluster",
    "fresh_dask_cluster": "cluster",
}
#: Modules whose tests take seconds each: subprocesses (SIGKILL, CLI runs), gazetteer
#: index builds, the 34 MB region outlines file, the readers' property-based tests.
SLOW_MODULES = (
    "tests/store/test_reliability.py",
    "tests/extract/test_cli_extract.py",
    "tests/gazetteer/test_cli_geocode.py",
    "tests/gazetteer/test_custom_places.py",
    "tests/gazetteer/test_index.py",
    "tests/gazetteer/test_lookupmap.py",
    "tests/gazetteer/test_sources_dump.py",
    "tests/io/test_cli_no_hang.py",
    "tests/io/test_readers_fuzz.py",
    "tests/maps/test_region_outlines.py",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark tests ``browser``/``postgis`` by fixture and ``slow`` by those and by module."""
    missing = [m for m in SLOW_MODULES if not (ROOT / m).is_file()]
    if missing:
        raise pytest.UsageError(f"tests/conftest.py SLOW_MODULES: no such file {missing[0]}")
    slow_paths = {ROOT / m for m in SLOW_MODULES}
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        for fixture, marker in FIXTURE_MARKERS.items():
            if fixture in fixtures:
                item.add_marker(marker)
        if any(item.get_closest_marker(m) for m in FIXTURE_MARKERS.values()) or (
            item.path in slow_paths
        ):
            item.add_marker("slow")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared/ beside the project (benchmark corpora); skipped where absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared/ is not beside the project")
    return SHARED


@pytest.fixture(scope="session")
def gazetteer():
    """The real embedded gazetteer (GeoNames cities500 + regions), built once into the cache."""
    from gazetteer import Gazetteer

    return Gazetteer.open()


@pytest.fixture(scope="session")
def dask_cluster(gazetteer):
    """A client on a local Dask cluster of 2 worker processes, shared by the session.

    The gazetteer is built first, so the workers open the cached index.
    """
    from geoevents.scale.cluster import open_client

    with open_client(workers=2) as client:
        yield client


@pytest.fixture
def fresh_dask_cluster(gazetteer):
    """A client on a new local cluster of 2 worker processes (for tests that kill one)."""
    from geoevents.scale.cluster import open_client

    with open_client(workers=2) as client:
        yield client
