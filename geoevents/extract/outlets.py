"""Who speaks when an article names no claimant: the outlet, by its address."""

from __future__ import annotations

import re
from functools import lru_cache

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


_ASIDE = re.compile(r"\s*[(\[][^)\]]*[)\]]")


@lru_cache(maxsize=1024)
def channel_voice(name: str | None) -> tuple[str, str] | None:
    """The claimant and side of an official channel by its name ("Повітряні сили ЗС
    України" is the Ukrainian Air Force, "Гладков Вячеслав" the Belgorod governor): a post
    in its own voice is that claimant's claim. ``None`` for any other channel.

    >>> channel_voice("Повітряні сили ЗС України")
    ('Ukrainian Air Force', 'ukraine')
    >>> channel_voice("Минобороны России")
    ('Russian Ministry of Defence', 'russia')
    >>> channel_voice("Новини Києва") is None
    True
    """
    from geoevents.extract.rules import rules_for

    name = _ASIDE.sub("", name or "").strip()  # "(official)", "[archive]"
    if not name:
        return None
    for probe in (f"{name} said.", f"{name} повідомили.", f"{name} сообщили."):
        found = [c for c in rules_for(probe).find_claims(probe).claimants if c.stance != "reports"]
        if found and found[0].side in ("ukraine", "russia"):
            return found[0].claimant, found[0].side
    return None
