"""One index built once per test session from the GeoNames-dump and custom-places fixtures.

Restricted to Ukraine's GeoNames places to keep the build short; the dump and
custom-places tests share it.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import warnings
from functools import lru_cache
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
DUMP = FIXTURES / "XX.txt"
ALTERNATES = FIXTURES / "alternateNamesV2_XX.txt"
CUSTOM_CSV = FIXTURES / "custom_places.csv"
CUSTOM_GEOJSON = FIXTURES / "custom_places.geojson"


@lru_cache(maxsize=1)
def extra_sources_index() -> tuple[Path, tuple[str, ...]]:
    """``(index path, warning messages of the build)``; removed at exit."""
    from gazetteer.build import build_index

    folder = Path(tempfile.mkdtemp(prefix="geoevents-extra-index-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        path = build_index(
            folder / "extra.sqlite",
            geonames_files=[DUMP],
            alternate_names_files=[ALTERNATES],
            custom_files=[CUSTOM_CSV, CUSTOM_GEOJSON],
            progress=False,
            countries=("UA",),
        )
    messages = tuple(str(w.message) for w in caught if issubclass(w.category, UserWarning))
    return path, messages
