"""Database locations for humans: the one place that masks passwords.

Every message, error, log line and report that names a store goes through
:func:`describe_db`; text that may quote the raw location (a database driver's
error, say) goes through :func:`mask_secrets`.
"""

from __future__ import annotations

import os
from urllib.parse import unquote, unquote_plus

#: Query parameters of a connection URL whose values are secrets.
SECRET_PARAMS = frozenset({"password", "sslpassword", "passfile", "sslkey"})
#: What a masked secret reads as.
MASK = "***"


def _is_url(db: str) -> bool:
    return "://" in db


def _split(url: str) -> tuple[str, str | None, str | None, str, str]:
    """``url`` as (``scheme://``, user, password, ``host/path``, ``?query#fragment``).

    The user part ends at the last ``@`` before the query, so that a password
    holding an unescaped ``@`` or ``/`` is still found whole.

    >>> _split("postgresql://ann:p/a@ss@db:5432/events?sslmode=require")
    ('postgresql://', 'ann', 'p/a@ss', 'db:5432/events', '?sslmode=require')
    >>> _split("postgresql://db/events")
    ('postgresql://', None, None, 'db/events', '')
    """
    scheme, sep, rest = url.partition("://")
    cut = min((i for i in (rest.find("?"), rest.find("#")) if i >= 0), default=len(rest))
    rest, tail = rest[:cut], rest[cut:]
    user = password = None
    if "@" in rest:
        cred, _, rest = rest.rpartition("@")
        user, colon, pw = cred.partition(":")
        password = pw if colon else None
    return scheme + sep, user, password, rest, tail


def _query_items(tail: str) -> tuple[list[tuple[str, str, str]], str]:
    """The ``key=value`` items of ``?query#fragment`` (raw key, ``=`` or "", raw value)
    and the ``#fragment``."""
    query, hash_sep, fragment = tail.removeprefix("?").partition("#")
    items = [item.partition("=") for item in query.split("&")] if query else []
    return items, hash_sep + fragment


def _is_secret(key: str) -> bool:
    return unquote(key).strip().lower() in SECRET_PARAMS


def describe_db(db: str | os.PathLike[str] | None) -> str:
    """``db`` (a GeoPackage path or a connection URL) as shown to people: no passwords.

    The password of the user part and of ``password=``/``sslpassword=`` query
    parameters is replaced by ``***``; everything else stays readable.

    >>> describe_db("postgresql://ann:secret@db.example:5432/events")
    'postgresql://ann:***@db.example:5432/events'
    >>> describe_db("postgresql://ann@db.example/events?password=s3&sslmode=require")
    'postgresql://ann@db.example/events?password=***&sslmode=require'
    >>> describe_db("postgresql://localhost/events?sslpassword=x&options=-csearch_path%3Dgeo")
    'postgresql://localhost/events?sslpassword=***&options=-csearch_path%3Dgeo'
    >>> describe_db("events.gpkg")
    'events.gpkg'
    """
    if db is None:
        return ""
    text = os.fspath(db)
    if not _is_url(text):
        return text
    scheme, user, password, hosts, tail = _split(text)
    cred = "" if user is None else f"{user}{'' if password is None else ':' + MASK}@"
    items, fragment = _query_items(tail)
    query = "&".join(
        f"{key}{eq}{MASK if eq and _is_secret(key) else value}" for key, eq, value in items
    )
    return f"{scheme}{cred}{hosts}{'?' + query if query else ''}{fragment}"


def db_secrets(db: str | os.PathLike[str] | None) -> list[str]:
    """The secrets ``db`` holds, raw and URL-decoded (longest first).

    >>> db_secrets("postgresql://ann:p%40ss@h/db?sslpassword=two")
    ['p%40ss', 'p@ss', 'two']
    >>> db_secrets("events.gpkg")
    []
    """
    if db is None:
        return []
    text = os.fspath(db)
    if not _is_url(text):
        return []
    _scheme, _user, password, _hosts, tail = _split(text)
    raw = [password or ""] + [v for k, eq, v in _query_items(tail)[0] if eq and _is_secret(k)]
    found = {form for value in raw for form in (value, unquote(value), unquote_plus(value))}
    return sorted((s for s in found if s), key=lambda s: (-len(s), s))


def mask_secrets(text: str, db: str | os.PathLike[str] | None) -> str:
    """``text`` with every password ``db`` holds replaced by ``***``.

    The raw location is replaced by :func:`describe_db` first, then any secret
    left (e.g. quoted alone by a driver) is masked.

    >>> url = "postgresql://ann:hunter2@nowhere/events"
    >>> mask_secrets(f"cannot connect to {url}: password hunter2 refused", url)
    'cannot connect to postgresql://ann:***@nowhere/events: password *** refused'
    """
    if db is None:
        return text
    raw = os.fspath(db)
    if _is_url(raw):
        text = text.replace(raw, describe_db(raw))
    for secret in db_secrets(raw):
        text = text.replace(secret, MASK)
    return text
