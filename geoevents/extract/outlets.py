"""Who speaks when an article names no claimant: the outlet, by its address."""

from __future__ import annotations

import re

from geoevents.io.articles import url_host


def outlet_claimant(url: str | None) -> str:
    """Name of the outlet speaking in its own voice: the URL's host, else "news report";
    for a Telegram post (``https://t.me/CHANNEL/ID``) the channel, ``t.me/CHANNEL``.

    >>> outlet_claimant("https://www.example.org/news/1"), outlet_claimant(None)
    ('example.org', 'news report')
    >>> outlet_claimant("https://t.me/kpszsu/12345")
    't.me/kpszsu'
    """
    host = url_host(url)
    if host == "t.me" and url is not None:
        m = _TELEGRAM_CHANNEL.match(url)
        if m is not None:
            return f"t.me/{m.group(1)}"
    return host or "news report"


_TELEGRAM_CHANNEL = re.compile(r"https?://t\.me/(?:s/)?([A-Za-z0-9_]{4,64})(?:/|$)")
