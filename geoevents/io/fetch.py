"""Fetching article pages and feeds, only for URLs the user passes, politely.

Nothing in geoevents touches the network unless an input is an ``http://`` or ``https://``
URL. Then :class:`PoliteFetcher` fetches it:

- one request at a time (never in parallel), and at least :data:`HOST_DELAY` seconds between
  two requests to the same host;
- a ``User-Agent`` naming geoevents (:data:`USER_AGENT`), a timeout per request
  (:data:`TIMEOUT`), at most ``max_bytes`` read, redirects followed to http(s) only;
- retries (:data:`RETRIES`) only for answers that say "try later" (429, 500, 502, 503, 504)
  and for timeouts or refused connections, waiting 2, 4, ... seconds or the server's
  ``Retry-After`` (up to :data:`MAX_WAIT`);
- any other failure is an :class:`~geoevents.errors.InputError` naming the URL, and the
  other inputs still go through.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlparse

from geoevents import __version__
from geoevents.errors import InputError

USER_AGENT = f"geoevents/{__version__} (strike-report mapper; +https://pypi.org/project/geoevents/)"
TIMEOUT = 20.0
RETRIES = 2
HOST_DELAY = 1.0
MAX_WAIT = 30.0
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


def is_url(name: str) -> bool:
    """True for an ``http://`` or ``https://`` URL (the only inputs that are fetched).

    >>> is_url("https://example.org/a"), is_url("file:///etc/passwd"), is_url("news.txt")
    (True, False, False)
    """
    return name.lower().startswith(("http://", "https://"))


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) only (urllib's own handler also follows ftp://)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001, ANN201
        if not is_url(newurl):
            raise InputError(f"redirected to {newurl}: only http(s) is fetched", path=req.full_url)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_HttpOnlyRedirects)


@dataclass
class PoliteFetcher:
    """Fetch URLs one at a time with a per-host delay, a timeout and retries (module doc)."""

    max_bytes: int
    timeout: float = TIMEOUT
    retries: int = RETRIES
    host_delay: float = HOST_DELAY
    user_agent: str = USER_AGENT
    sleep: Callable[[float], None] = time.sleep
    _last: dict[str, float] = field(default_factory=dict, repr=False)

    def get(self, url: str) -> tuple[bytes, str]:
        """The body (at most ``max_bytes``) and the content type of ``url``."""
        host = urlparse(url).hostname or ""
        if not is_url(url) or not host:
            raise InputError("only http:// and https:// URLs are fetched", path=url)
        for attempt in range(self.retries + 1):
            self._wait_for(host)
            try:
                return self._once(url)
            except urllib.error.HTTPError as err:
                if err.code not in RETRY_STATUS or attempt == self.retries:
                    raise InputError(f"HTTP {err.code} {err.reason}", path=url) from err
                self.sleep(self._backoff(attempt, err.headers.get("Retry-After")))
            except (urllib.error.URLError, TimeoutError, ConnectionError) as err:
                if attempt == self.retries:
                    reason = getattr(err, "reason", None) or err
                    raise InputError(f"cannot fetch: {reason}", path=url) from err
                self.sleep(self._backoff(attempt, None))
        raise AssertionError("unreachable")  # pragma: no cover

    def _once(self, url: str) -> tuple[bytes, str]:
        request = urllib.request.Request(
            url,
            headers={
                "User-Agent": self.user_agent,
                "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                "application/atom+xml,application/xml;q=0.9,text/plain;q=0.8",
            },
        )
        with _OPENER.open(request, timeout=self.timeout) as resp:
            body = resp.read(self.max_bytes + 1)
            ctype = resp.headers.get("Content-Type", "")
        if len(body) > self.max_bytes:
            raise InputError(f"larger than the {self.max_bytes}-byte limit; not read", path=url)
        return body, ctype

    def _wait_for(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            pause = self.host_delay - (time.monotonic() - last)
            if pause > 0:
                self.sleep(pause)
        self._last[host] = time.monotonic()

    @staticmethod
    def _backoff(attempt: int, retry_after: str | None) -> float:
        """Seconds before the next try: the server's ``Retry-After`` if given, else 2, 4, ...

        >>> PoliteFetcher._backoff(0, None), PoliteFetcher._backoff(1, "7"), PoliteFetcher._backoff(0, "999")
        (2.0, 7.0, 30.0)
        """
        try:
            wanted = float(retry_after) if retry_after is not None else 2.0 * 2**attempt
        except ValueError:
            wanted = 2.0 * 2**attempt
        return min(MAX_WAIT, max(0.0, wanted))
