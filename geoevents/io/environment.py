"""Numbers read from environment variables, with a clear message naming a bad one.

>>> import os
>>> os.environ["GEOEVENTS_DOCTEST_SECONDS"] = "soon"
>>> env_seconds("GEOEVENTS_DOCTEST_SECONDS", 120.0)
Traceback (most recent call last):
...
geoevents.errors.ConfigurationError: GEOEVENTS_DOCTEST_SECONDS='soon' is not a number of seconds (e.g. 120)
>>> os.environ["GEOEVENTS_DOCTEST_SECONDS"] = "2.5"
>>> env_seconds("GEOEVENTS_DOCTEST_SECONDS", 120.0)
2.5
>>> del os.environ["GEOEVENTS_DOCTEST_SECONDS"]
>>> env_seconds("GEOEVENTS_DOCTEST_SECONDS", 120.0)
120.0
"""

from __future__ import annotations

import math
import os

from geoevents.errors import ConfigurationError


def env_seconds(name: str, default: float) -> float:
    """Seconds from ``$name`` (a finite number >= 0), else ``default`` when unset or empty.

    Raises :class:`~geoevents.errors.ConfigurationError` naming the variable otherwise.
    """
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        raise ConfigurationError(
            f"{name}={raw[:40]!r} is not a number of seconds (e.g. {default:g})"
        )
    return value
