"""Shared fixtures. Paths to real data live here."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


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
