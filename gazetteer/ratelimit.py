"""A request rate limit shared by every process of the machine: a lock file with a timestamp.

geopy's :class:`~geopy.extra.rate_limiter.RateLimiter` spaces the requests of one
process; two processes would each send one a second. :class:`SharedRateLimit`
keeps the time of the last request in a small file and holds an exclusive
``fcntl.flock`` on it while it waits, so that every process using the same file
(by default one in the user cache dir) keeps the interval between any two
requests.
"""

from __future__ import annotations

import fcntl
import logging
import os
import time
from pathlib import Path

log = logging.getLogger(__name__)


class SharedRateLimit:
    """At most one request per ``min_interval`` seconds across processes sharing ``path``.

    >>> import tempfile, pathlib
    >>> limit = SharedRateLimit(pathlib.Path(tempfile.mkdtemp()) / "rate.lock", 0.05)
    >>> t0 = time.monotonic(); limit.wait(); limit.wait()
    >>> time.monotonic() - t0 >= 0.05
    True
    """

    def __init__(self, path: str | os.PathLike[str], min_interval: float) -> None:
        self.path = Path(path)
        self.min_interval = max(0.0, float(min_interval))
        self._warned = False

    def wait(self) -> None:
        """Block until ``min_interval`` has passed since the last request of any process,
        then record now as the last request.

        A lock file that cannot be opened (a read-only cache dir) is logged once; the
        caller's own per-process limiter then still spaces this process's requests.
        """
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as err:
            if not self._warned:
                log.warning("cannot share the request rate through %s: %s", self.path, err)
                self._warned = True
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            last = _read_time(fd)
            pause = last + self.min_interval - time.time()
            if 0 < pause <= self.min_interval:  # a clock set back: wait at most one interval
                time.sleep(pause)
            stamp = f"{time.time():.6f}\n".encode()
            os.ftruncate(fd, 0)
            os.pwrite(fd, stamp, 0)
        finally:
            os.close(fd)  # releases the lock

    def __repr__(self) -> str:
        return f"SharedRateLimit({str(self.path)!r}, {self.min_interval:g})"


def _read_time(fd: int) -> float:
    """The timestamp in the lock file; 0 for a new or unreadable file."""
    try:
        return float(os.pread(fd, 64, 0).decode("ascii").strip() or 0)
    except (ValueError, UnicodeDecodeError, OSError):
        return 0.0
