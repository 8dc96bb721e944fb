"""geoevents: news reports of military strikes -> geocoded, claims-aware events.

The public API is re-exported lazily so that ``import geoevents`` stays cheap
(the CLI must answer a geocode query in well under a second).
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
