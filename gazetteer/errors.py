"""Exception hierarchy of the ``gazetteer`` package (root: :class:`GazetteerError`)."""

from __future__ import annotations


class GazetteerError(Exception):
    """Root of every error the gazetteer raises on purpose."""


class QueryError(GazetteerError, ValueError):
    """A query that cannot be looked up (empty, too long, not text)."""


class IndexCorruptError(GazetteerError, RuntimeError):
    """The on-disk index is unreadable, half-written or of another version."""


class SourceDataError(GazetteerError, ValueError):
    """A source file (GeoNames dump, custom places) is malformed, located by file and line."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.message, self.path, self.line = message, path, line
        where = f"{path}:{line}: " if path and line else (f"{path}: " if path else "")
        super().__init__(where + message)


class GeocoderConfigurationError(GazetteerError, ValueError):
    """The geopy geocoder or online fallback is misconfigured."""
