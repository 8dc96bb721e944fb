"""geopy integration: an offline geopy-style geocoder, and an opt-in online fallback.

:class:`OfflineGeocoder` answers from the local index and returns
:class:`geopy.location.Location` objects (``raw`` is :meth:`Candidate.to_dict`),
so it drops into code written for geopy geocoders::

    from gazetteer.geocoder import OfflineGeocoder
    geocoder = OfflineGeocoder()
    location = geocoder.geocode("Makiivka")       # Location or None
    location.latitude, location.longitude, location.raw["admin1"]

:func:`with_fallback` wraps it with any geopy geocoder (e.g. Nominatim) that is
asked only when the offline index has no answer. Online calls go through
:class:`geopy.extra.rate_limiter.RateLimiter` and an on-disk SQLite cache (hits
and misses are cached; errors are not). Nothing goes online unless the caller
builds the fallback.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gazetteer.errors import GeocoderConfigurationError, QueryError
from gazetteer.types import Candidate, Context

if TYPE_CHECKING:
    from geopy.location import Location

    from gazetteer import Gazetteer

__all__ = [
    "FallbackGeocoder",
    "OfflineGeocoder",
    "candidate_address",
    "location_from_candidate",
    "with_fallback",
]

log = logging.getLogger(__name__)

#: Version of the cache rows' JSON layout.
CACHE_FORMAT = 1
#: File names, in the user cache dir, of the online answers' cache and of the lock file
#: that spaces online requests across processes.
ONLINE_CACHE_NAME = "online-geocode-cache.sqlite"
RATE_LOCK_NAME = "online-geocode-rate.lock"


def candidate_address(candidate: Candidate) -> str:
    """Display address: name, first-level region and country code.

    >>> from gazetteer.types import Place
    >>> p = Place("Makiivka", 48.05, 37.93, admin1="Donetsk Oblast", country_code="UA")
    >>> candidate_address(Candidate(p, 0.9, "Makiivka", "exact", "settlement"))
    'Makiivka, Donetsk Oblast, UA'
    """
    p = candidate.place
    parts = [p.name]
    if p.admin1 and p.admin1 != p.name:
        parts.append(p.admin1)
    if p.country_code:
        parts.append(p.country_code)
    return ", ".join(parts)


def location_from_candidate(candidate: Candidate) -> Location:
    """A geopy :class:`~geopy.location.Location` for ``candidate`` (raw = ``to_dict()``).

    >>> from gazetteer.types import Place
    >>> loc = location_from_candidate(
    ...     Candidate(Place("Kyiv", 50.45, 30.52, country_code="UA"), 1.0, "Kyiv", "exact", "settlement"))
    >>> loc.address, loc.latitude, loc.longitude, loc.raw["precision"]
    ('Kyiv, UA', 50.45, 30.52, 'settlement')
    """
    from geopy.location import Location
    from geopy.point import Point

    return Location(
        candidate_address(candidate), Point(candidate.lat, candidate.lon), candidate.to_dict()
    )


def _country_tuple(country_codes: str | Sequence[str] | None) -> tuple[str, ...]:
    if country_codes is None:
        return ()
    if isinstance(country_codes, str):
        country_codes = [country_codes]
    codes = tuple(c.strip().upper() for c in country_codes if c and c.strip())
    bad = [c for c in codes if len(c) != 2 or not c.isalpha()]
    if bad:
        raise GeocoderConfigurationError(f"not ISO 3166-1 alpha-2 country codes: {', '.join(bad)}")
    return codes


class OfflineGeocoder:
    """A geopy-compatible geocoder over the offline gazetteer index.

    Parameters
    ----------
    gazetteer
        An open :class:`gazetteer.Gazetteer`; by default the default index is
        opened (and built on first use) when the first query arrives.
    path
        Index file to open instead of the default one.
    context
        Default :class:`Context` for every query (e.g. a country focus).
    progress
        Show progress bars on stderr if the index has to be built first.
    """

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        *,
        path: str | os.PathLike[str] | None = None,
        context: Context | None = None,
        progress: bool = False,
    ) -> None:
        self._gazetteer = gazetteer
        self._path = path
        self.context = context
        self._progress = progress

    @property
    def gazetteer(self) -> Gazetteer:
        """The underlying gazetteer (opened on first use)."""
        if self._gazetteer is None:
            from gazetteer import Gazetteer

            self._gazetteer = Gazetteer.open(self._path, progress=self._progress)
        return self._gazetteer

    def candidates(
        self,
        query: str,
        *,
        limit: int | None = None,
        country_codes: str | Sequence[str] | None = None,
        context: Context | None = None,
    ) -> list[Candidate]:
        """Ranked :class:`Candidate` objects for a free-text query, best first.

        With ``country_codes`` only places in those countries are returned.
        Raises :class:`~gazetteer.errors.QueryError` for unusable queries.
        """
        if not isinstance(query, str):
            raise QueryError(f"query must be text, not {type(query).__name__}")
        want = limit if limit and limit > 0 else 5
        codes = _country_tuple(country_codes)
        ctx = context or self.context or Context()
        if codes:
            from dataclasses import replace

            ctx = replace(ctx, countries=tuple(dict.fromkeys((*codes, *ctx.countries))))
            found = self.gazetteer.resolve_text(query, ctx, limit=max(want * 4, 20))
            kept = [c for c in found if c.place.country_code in codes][:want]
            if not kept:  # the country's places may rank below the cut: ask for them only
                kept = self.gazetteer.resolve(query, ctx, limit=want, countries=codes)
            return kept
        return self.gazetteer.resolve_text(query, ctx, limit=want)

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        timeout: float | None = None,
        limit: int | None = None,
        country_codes: str | Sequence[str] | None = None,
        context: Context | None = None,
        **_ignored: Any,
    ) -> Location | list[Location] | None:
        """Geocode ``query`` like a geopy geocoder.

        Returns one :class:`~geopy.location.Location` (``exactly_one=True``), a
        list of them, or ``None`` when nothing matches. ``timeout`` and other
        geopy keyword arguments are accepted and ignored (the lookup is local).
        Raises :class:`~gazetteer.errors.QueryError` for unusable queries
        (empty, too long, control characters).
        """
        found = self.candidates(
            query,
            limit=1 if exactly_one else limit,
            country_codes=country_codes,
            context=context,
        )
        if not found:
            return None
        if exactly_one:
            return location_from_candidate(found[0])
        return [location_from_candidate(c) for c in found]

    def __repr__(self) -> str:
        return f"OfflineGeocoder(path={self._path!r})"


class _DiskCache:
    """A small key -> JSON cache in one SQLite file (safe to share between processes)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        try:
            self._con = sqlite3.connect(path, check_same_thread=False, timeout=30)
            self._con.execute(
                "CREATE TABLE IF NOT EXISTS geocode_cache ("
                "key TEXT PRIMARY KEY, value TEXT NOT NULL, created REAL NOT NULL)"
            )
            self._con.commit()
        except sqlite3.Error as err:
            raise GeocoderConfigurationError(
                f"{path}: cannot open the geocode cache: {err}"
            ) from err

    def get(self, key: str) -> tuple[bool, Any]:
        with self._lock:
            row = self._con.execute(
                "SELECT value FROM geocode_cache WHERE key = ?", (key,)
            ).fetchone()
        if row is None:
            return False, None
        try:
            return True, json.loads(row[0])
        except json.JSONDecodeError:
            return False, None

    def put(self, key: str, value: Any) -> None:
        with self._lock:
            self._con.execute(
                "INSERT OR REPLACE INTO geocode_cache VALUES (?, ?, ?)",
                (key, json.dumps(value, sort_keys=True, default=str), time.time()),
            )
            self._con.commit()

    def close(self) -> None:
        with self._lock:
            self._con.close()


def _location_to_json(location: Location) -> dict[str, Any]:
    return {
        "address": location.address,
        "lat": location.latitude,
        "lon": location.longitude,
        "raw": location.raw,
    }


def _location_from_json(data: dict[str, Any]) -> Location:
    from geopy.location import Location
    from geopy.point import Point

    return Location(data["address"], Point(data["lat"], data["lon"]), data.get("raw") or {})


class FallbackGeocoder:
    """Offline first; an online geopy geocoder only when the offline index has no match.

    Build it with :func:`with_fallback`. Online answers (including "no
    match") are cached on disk by query and options; online errors are logged
    and give ``None`` without being cached. ``online_calls`` counts requests
    actually sent.
    """

    def __init__(
        self,
        offline: OfflineGeocoder,
        online: Any,
        *,
        cache_path: str | os.PathLike[str],
        min_delay_seconds: float = 1.0,
        max_retries: int = 2,
        error_wait_seconds: float = 5.0,
        rate_lock_path: str | os.PathLike[str] | None = None,
    ) -> None:
        from geopy.extra.rate_limiter import RateLimiter

        from gazetteer.ratelimit import SharedRateLimit

        if not callable(getattr(online, "geocode", None)):
            raise GeocoderConfigurationError(
                f"online geocoder {online!r} has no geocode() method (expected a geopy geocoder)"
            )
        self.offline = offline
        self.online = online
        self.cache = _DiskCache(Path(cache_path))
        self.online_calls = 0
        if rate_lock_path is None:
            from gazetteer.cache import cache_dir

            rate_lock_path = cache_dir() / RATE_LOCK_NAME
        #: spaces requests across processes (geopy's RateLimiter only within this one)
        self.shared_limit = SharedRateLimit(rate_lock_path, min_delay_seconds)
        self._rate_limited = RateLimiter(
            self._call_online,
            min_delay_seconds=min_delay_seconds,
            max_retries=max_retries,
            error_wait_seconds=max(error_wait_seconds, min_delay_seconds),
            swallow_exceptions=False,
        )

    def _call_online(self, query: str, **kwargs: Any) -> Any:
        self.shared_limit.wait()
        self.online_calls += 1
        return self.online.geocode(query, **kwargs)

    def _cache_key(self, query: str, options: dict[str, Any]) -> str:
        name = type(self.online).__name__
        domain = getattr(self.online, "domain", "")
        return json.dumps([CACHE_FORMAT, name, domain, query, options], sort_keys=True, default=str)

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        timeout: float | None = None,
        limit: int | None = None,
        country_codes: str | Sequence[str] | None = None,
        context: Context | None = None,
        **kwargs: Any,
    ) -> Location | list[Location] | None:
        """Geocode offline, then (on no match) online through the rate limiter and cache."""
        found = self.offline.geocode(
            query,
            exactly_one=exactly_one,
            limit=limit,
            country_codes=country_codes,
            context=context,
        )
        if found:
            return found
        return self.geocode_online(
            query,
            exactly_one=exactly_one,
            timeout=timeout,
            limit=limit,
            country_codes=country_codes,
            **kwargs,
        )

    def geocode_online(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        timeout: float | None = None,
        limit: int | None = None,
        country_codes: str | Sequence[str] | None = None,
        **kwargs: Any,
    ) -> Location | list[Location] | None:
        """Ask the online geocoder (cache first); ``None`` on no match or error."""
        from geopy.exc import GeopyError

        options: dict[str, Any] = {"exactly_one": exactly_one, **kwargs}
        if limit is not None and not exactly_one:
            options["limit"] = limit
        codes = _country_tuple(country_codes)
        if codes:
            options["country_codes"] = [c.lower() for c in codes]
        key = self._cache_key(query, options)
        hit, cached = self.cache.get(key)
        if hit:
            if cached is None:
                return None
            if isinstance(cached, list):
                return [_location_from_json(c) for c in cached]
            return _location_from_json(cached)
        call_options = dict(options)
        if timeout is not None:
            call_options["timeout"] = timeout
        try:
            result = self._rate_limited(query, **call_options)
        except GeopyError as err:
            log.warning("online geocoding of %r failed: %s", query, err)
            return None
        if result is None:
            self.cache.put(key, None)
            return None
        if isinstance(result, list):
            self.cache.put(key, [_location_to_json(r) for r in result])
        else:
            self.cache.put(key, _location_to_json(result))
        return result

    def close(self) -> None:
        """Close the cache."""
        self.cache.close()


def with_fallback(
    online: Any,
    *,
    cache_path: str | os.PathLike[str] | None = None,
    min_delay_seconds: float = 1.0,
    offline: OfflineGeocoder | None = None,
    max_retries: int = 2,
    error_wait_seconds: float = 5.0,
    rate_lock_path: str | os.PathLike[str] | None = None,
) -> FallbackGeocoder:
    """Wrap an online geopy geocoder as the fallback of the offline one.

    Parameters
    ----------
    online
        Any geopy geocoder, e.g. ``Nominatim(user_agent="my-app/1.0 (me@example.org)")``.
    cache_path
        SQLite cache file; default ``<geoevents cache dir>/online-geocode-cache.sqlite``.
    min_delay_seconds
        Minimum delay between online requests (Nominatim's policy: 1 s), kept across
        processes through the lock file ``rate_lock_path`` (default
        ``<geoevents cache dir>/online-geocode-rate.lock``; see
        :class:`gazetteer.ratelimit.SharedRateLimit`).
    offline
        The offline geocoder to ask first (default: the default index).
    """
    if cache_path is None:
        from gazetteer.cache import cache_dir

        cache_path = cache_dir() / ONLINE_CACHE_NAME
    return FallbackGeocoder(
        offline or OfflineGeocoder(),
        online,
        cache_path=cache_path,
        min_delay_seconds=min_delay_seconds,
        max_retries=max_retries,
        error_wait_seconds=error_wait_seconds,
        rate_lock_path=rate_lock_path,
    )
