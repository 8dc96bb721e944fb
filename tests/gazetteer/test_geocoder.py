"""geopy integration: the offline geocoder, and the online fallback against a LOCAL server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from geopy.location import Location

from gazetteer.errors import GeocoderConfigurationError, QueryError
from gazetteer.geocoder import FallbackGeocoder, OfflineGeocoder, with_fallback
from tests.gazetteer.local_nominatim import LocalNominatim, serve_local_nominatim


@pytest.fixture(scope="module")
def offline(gazetteer) -> OfflineGeocoder:
    return OfflineGeocoder(gazetteer)


def test_offline_geocode_returns_a_geopy_location(offline: OfflineGeocoder) -> None:
    loc = offline.geocode("Makiivka")
    assert isinstance(loc, Location)
    assert (loc.latitude, loc.longitude) == (loc.raw["lat"], loc.raw["lon"])
    assert loc.raw["geonameid"] == 702320 and loc.raw["country_code"] == "UA"
    assert loc.address.startswith("Makiyivka, Donetsk") and loc.address.endswith(", UA")
    assert {"name", "precision", "score", "admin1", "explain"} <= set(loc.raw)


def test_offline_geocode_list_and_limit(offline: OfflineGeocoder) -> None:
    found = offline.geocode("Olenivka", exactly_one=False, limit=3, timeout=10)
    assert isinstance(found, list) and len(found) == 3
    assert all(isinstance(x, Location) for x in found)
    scores = [x.raw["score"] for x in found]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize(("codes", "expected"), [("RU", {"RU"}), (["ua"], {"UA"})])
def test_offline_country_codes_filter(offline: OfflineGeocoder, codes, expected) -> None:
    found = offline.geocode("Aleksandrovka", exactly_one=False, limit=5, country_codes=codes)
    assert found and {x.raw["country_code"] for x in found} == expected


def test_offline_no_match_is_none(offline: OfflineGeocoder) -> None:
    assert offline.geocode("Qwxzzyqplk") is None
    assert offline.geocode("Qwxzzyqplk", exactly_one=False) is None


@pytest.mark.parametrize("query", ["x" * 10_000, 42])
def test_offline_bad_query_raises_query_error(offline: OfflineGeocoder, query) -> None:
    with pytest.raises(QueryError):
        offline.geocode(query)


def test_bad_country_code_is_a_configuration_error(offline: OfflineGeocoder) -> None:
    with pytest.raises(GeocoderConfigurationError, match="UKR"):
        offline.geocode("Kyiv", country_codes="UKR")


# --------------------------------------------------------------------------- online fallback


@pytest.fixture
def local_nominatim() -> Iterator[str]:
    with serve_local_nominatim() as domain:
        yield domain


def _fallback(
    domain: str, cache: Path, offline: OfflineGeocoder, delay: float = 0.3
) -> FallbackGeocoder:
    from geopy.geocoders import Nominatim

    online = Nominatim(user_agent="geoevents-tests", domain=domain, scheme="http", proxies={})
    return with_fallback(
        online,
        cache_path=cache,
        min_delay_seconds=delay,
        offline=offline,
        max_retries=0,
        error_wait_seconds=0.0,
    )


def test_offline_answer_never_goes_online(local_nominatim: str, tmp_path: Path, offline) -> None:
    geocoder = _fallback(local_nominatim, tmp_path / "cache.sqlite", offline)
    loc = geocoder.geocode("Kramatorsk")
    assert loc is not None and loc.raw["source"].startswith("geonames")
    assert LocalNominatim.requests == [] and geocoder.online_calls == 0


def test_online_fallback_is_cached_on_disk(local_nominatim: str, tmp_path: Path, offline) -> None:
    cache = tmp_path / "cache.sqlite"
    geocoder = _fallback(local_nominatim, cache, offline)
    first = geocoder.geocode("Hamlet Qwxzzyq")
    assert isinstance(first, Location)
    assert (first.latitude, first.longitude) == (48.1, 37.5)
    assert first.raw["osm_id"] == 99
    assert len(LocalNominatim.requests) == 1
    assert LocalNominatim.requests[0][1]["q"] == ["Hamlet Qwxzzyq"]
    again = geocoder.geocode("Hamlet Qwxzzyq")
    assert (again.latitude, again.longitude, again.address) == (48.1, 37.5, first.address)
    assert len(LocalNominatim.requests) == 1  # served from the cache
    geocoder.close()
    # a new process-like instance reads the same file
    reopened = _fallback(local_nominatim, cache, offline)
    assert reopened.geocode("Hamlet Qwxzzyq").raw["osm_id"] == 99
    assert len(LocalNominatim.requests) == 1 and reopened.online_calls == 0


def test_online_no_match_is_cached_too(local_nominatim: str, tmp_path: Path, offline) -> None:
    geocoder = _fallback(local_nominatim, tmp_path / "cache.sqlite", offline)
    assert geocoder.geocode("Qwxzzyqplk") is None
    assert geocoder.geocode("Qwxzzyqplk") is None
    assert len(LocalNominatim.requests) == 1


def test_rate_limiter_spaces_online_requests(local_nominatim: str, tmp_path: Path, offline) -> None:
    geocoder = _fallback(local_nominatim, tmp_path / "cache.sqlite", offline, delay=0.4)
    for name in ("Hamlet Aqwx", "Hamlet Bqwx", "Hamlet Cqwx"):
        assert geocoder.geocode(name) is not None
    times = [t for t, _ in LocalNominatim.requests]
    assert len(times) == 3
    assert all(b - a >= 0.35 for a, b in zip(times, times[1:], strict=False))


def test_online_error_gives_none_and_is_not_cached(
    local_nominatim: str, tmp_path: Path, offline
) -> None:
    geocoder = _fallback(local_nominatim, tmp_path / "cache.sqlite", offline, delay=0.0)
    LocalNominatim.fail_next = True
    assert geocoder.geocode("Hamlet Errqwx") is None
    assert geocoder.geocode("Hamlet Errqwx") is not None  # asked again, now answered
    assert len(LocalNominatim.requests) == 2


def test_fallback_needs_a_geocoder(tmp_path: Path, offline) -> None:
    with pytest.raises(GeocoderConfigurationError, match="no geocode"):
        with_fallback(object(), cache_path=tmp_path / "c.sqlite", offline=offline)
