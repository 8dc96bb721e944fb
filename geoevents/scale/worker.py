"""One extractor per worker process: the gazetteer is opened once, never per article.

Tasks call :func:`worker_extractor` with the index path the client chose; the
first call in a process opens (or builds, under the index's file lock, so
workers sharing a cache build it once) the gazetteer, later calls reuse it.
Extraction is a pure function of the article, so results do not depend on
which worker ran it.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from geoevents.extract import Extractor

_lock = threading.Lock()
_extractors: dict[str | None, Extractor] = {}


def default_index_path() -> str:
    """The gazetteer index the client would open, for workers to open the same file."""
    from gazetteer import cache

    return str(cache.default_index_path())


def worker_extractor(index_path: str | None = None) -> Extractor:
    """The process's :class:`~geoevents.extract.Extractor` on the index at ``index_path``.

    ``None`` is the default index of this process's cache directory.
    """
    with _lock:
        ex = _extractors.get(index_path)
        if ex is None:
            from gazetteer import Gazetteer
            from geoevents.extract import Extractor

            ex = Extractor(Gazetteer.open(index_path))
            _extractors[index_path] = ex
        return ex
