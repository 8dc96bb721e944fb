"""An LRU cache that admits a key on its second request.

A gazetteer's typical batch (a CSV of place names, the toponyms of many
articles) is mostly distinct names. A plain LRU would store every answer, none
read again, and each stored answer lives long enough for Python's garbage
collector to promote it to the oldest generation: the full collections that
follow cost a third of a lookup. Here a key's first request only records its
hash (ints in a set, invisible to the collector); an answer is stored when the
key comes back, so repeated names are served from memory and distinct names
cost nothing to cache.

>>> cache = SecondHitLRU(2)
>>> cache.put("kyiv", 1); cache.get("kyiv") is None  # first sighting: not stored
True
>>> cache.put("kyiv", 1); cache.get("kyiv")  # asked again: stored
1
>>> for name in ("lviv", "odesa"):
...     cache.put(name, 0); cache.put(name, 2)
>>> cache.get("kyiv") is None, len(cache)  # least recently used went first
(True, 2)
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class SecondHitLRU(Generic[V]):
    """At most ``size`` values, least recently used evicted first; see the module doc.

    Parameters
    ----------
    size
        Values kept.
    seen_size
        Hashes of once-seen keys remembered (the record is emptied when full);
        defaults to ``8 * size``.
    """

    def __init__(self, size: int, seen_size: int | None = None) -> None:
        self._size = size
        self._seen_size = seen_size if seen_size is not None else 8 * size
        self._values: OrderedDict[Hashable, V] = OrderedDict()
        self._seen: set[int] = set()

    def __len__(self) -> int:
        return len(self._values)

    def get(self, key: Hashable) -> V | None:
        """The value stored for ``key`` (now the most recent), else ``None``."""
        value = self._values.get(key)
        if value is not None:
            self._values.move_to_end(key)
        return value

    def put(self, key: Hashable, value: V) -> None:
        """Store ``value`` if ``key`` was offered before; else remember that it was."""
        digest = hash(key)
        if digest not in self._seen:
            if len(self._seen) >= self._seen_size:
                self._seen.clear()
            self._seen.add(digest)
            return
        self._values[key] = value
        if len(self._values) > self._size:
            self._values.popitem(last=False)

    def clear(self) -> None:
        """Forget every value and every sighting."""
        self._values.clear()
        self._seen.clear()
