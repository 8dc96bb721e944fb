"""Exception hierarchy of the ``geoevents`` package.

Every error raised on purpose derives from :class:`GeoeventsError`, mixed with
the builtin it behaves like, so callers can catch either.

>>> issubclass(InputError, ValueError) and issubclass(InputError, GeoeventsError)
True
>>> str(InputError("not valid JSON", path="a.jsonl", line=3))
'a.jsonl:3: not valid JSON'
>>> str(InputError("missing", path="a.jsonl", line=2, field="text"))
'a.jsonl:2: field text: missing'
>>> issubclass(GoldFormatError, ValueError) and issubclass(GoldFormatError, GeoeventsError)
True
>>> str(GoldFormatError("not a number", path="gold.json", where="article 3 (a.txt)",
...                     field="events[0].place.lat"))
'gold.json: article 3 (a.txt): field events[0].place.lat: not a number'
"""

from __future__ import annotations


class GeoeventsError(Exception):
    """Root of every error this package raises on purpose."""


class ConfigurationError(GeoeventsError, ValueError):
    """An option or setting is invalid or contradicts another."""


class InputError(GeoeventsError, ValueError):
    """Bad input data, located by file, line and field where known."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.field = field
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = str(self.path)
            if self.line is not None:
                where += f":{self.line}"
            where += ": "
        if self.field is not None:
            where += f"field {self.field}: "
        return where + self.message


class GoldFormatError(InputError):
    """A gold (expected-events) file that is not valid, located by file, article and field."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        where: str | None = None,
        field: str | None = None,
    ) -> None:
        self.where = where  # "article 3 (kyiv.txt)"
        super().__init__(message, path=path, field=field)

    def __str__(self) -> str:
        parts = [p for p in (self.path, self.where) if p is not None]
        if self.field is not None:
            parts.append(f"field {self.field}")
        return ": ".join([*parts, self.message])


class StoreError(GeoeventsError, RuntimeError):
    """The event store cannot be opened, read or written."""


class SchemaVersionError(StoreError):
    """The store was written by a schema version this release cannot use."""


class StoreLockedError(StoreError):
    """Another process holds the store's write lock."""


class GeoeventsWarning(UserWarning):
    """Root of the warnings this package gives: input that is read but may not give what the
    user expects. The command line prints them as ``warning: ...`` lines."""


class SkippedInputWarning(GeoeventsWarning):
    """A file in a folder that is not read (a PDF, an image, an unknown extension)."""


class LanguageWarning(GeoeventsWarning):
    """An article not written in English, which extraction cannot read."""
