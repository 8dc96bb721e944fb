"""RSS and Atom feeds as article records, read with ``feedparser`` (no network).

Each entry becomes one record like a JSON Lines record: ``id`` (the entry's id, else its
link), ``title``, ``url`` (the link), ``published`` (ISO day of the entry's published or
updated time) and ``text`` (the entry's full content if the feed carries it, else its
summary; HTML reduced to text). A feed that is not well-formed XML is an error naming the
file and the line the parser stopped at (the entries before it are still read); an entry with
no text is an error naming the entry.

>>> feed = b'''<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
... <item><title>Drones hit Odesa port</title><link>https://example.org/a1</link>
... <pubDate>Mon, 24 Jul 2023 06:00:00 GMT</pubDate>
... <description>&lt;p&gt;Russian drones struck the port of Odesa overnight.&lt;/p&gt;</description>
... </item></channel></rss>'''
>>> [rec for rec in feed_records(feed, "wire.rss")]  # doctest: +NORMALIZE_WHITESPACE
[{'id': 'https://example.org/a1', 'title': 'Drones hit Odesa port', 'url': 'https://example.org/a1',
  'published': '2023-07-24', 'text': 'Russian drones struck the port of Odesa overnight.'}]
"""

from __future__ import annotations

import datetime
import time
import xml.sax
from collections.abc import Iterator
from typing import Any

from geoevents.errors import InputError

#: File extensions read as feeds (an ``.xml`` file must hold an RSS or Atom feed).
FEED_EXTENSIONS = (".rss", ".atom", ".xml")


def looks_like_feed(data: bytes) -> bool:
    """True when ``data`` starts like an RSS, RDF or Atom document.

    >>> looks_like_feed(b'<?xml version="1.0"?>\\n<feed xmlns="http://www.w3.org/2005/Atom">')
    True
    >>> looks_like_feed(b"<html><body>news</body></html>")
    False
    """
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml"):
        head = head.split(b"?>", 1)[-1].lstrip()
    while head.startswith(b"<!--"):  # comments before the root
        head = head.split(b"-->", 1)[-1].lstrip()
    return head.startswith((b"<rss", b"<feed", b"<rdf:rdf"))


def feed_records(data: bytes, where: str) -> Iterator[dict[str, Any] | InputError]:
    """The entries of the feed ``data`` (from ``where``) as article records, or errors."""
    import feedparser

    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    if parsed.get("bozo") and isinstance(parsed.get("bozo_exception"), xml.sax.SAXException):
        kept = len(parsed.get("entries") or ())
        yield InputError(
            f"not a readable RSS/Atom feed: {_reason(parsed)}"
            + (f" (the {kept} entries before it are read)" if kept else ""),
            path=where,
            line=_line(parsed),
        )
        if not kept:
            return
    elif not parsed.get("entries"):
        yield InputError("the feed has no entries", path=where)
        return
    for i, entry in enumerate(parsed.entries, start=1):
        text = _entry_text(entry)
        if not text:
            yield InputError(
                f"entry {i} has no text (no content, summary or description)", path=where
            )
            continue
        link = str(entry.get("link") or "").strip() or None
        yield {
            "id": str(entry.get("id") or "").strip() or link,
            "title": str(entry.get("title") or "").strip() or None,
            "url": link,
            "published": _day(entry.get("published_parsed") or entry.get("updated_parsed")),
            "text": text,
        }


def _reason(parsed: Any) -> str:
    err = parsed.get("bozo_exception")
    text = getattr(err, "getMessage", lambda: str(err))()
    return str(text)[:200] or type(err).__name__


def _line(parsed: Any) -> int | None:
    err = parsed.get("bozo_exception")
    try:
        return int(err.getLineNumber())
    except (AttributeError, TypeError, ValueError):
        return None


def _entry_text(entry: Any) -> str:
    """The entry's content if it has any, else its summary, as plain text."""
    parts = [c.get("value", "") for c in entry.get("content") or [] if c.get("value")]
    raw = "\n\n".join(parts) or entry.get("summary") or entry.get("description") or ""
    return html_to_text(str(raw))


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (paragraphs kept apart); text without tags unchanged.

    >>> html_to_text("<p>Two killed.</p><p>Ten <b>injured</b>.</p>")
    'Two killed.\\n\\nTen injured.'
    """
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several types on broken markup: keep the raw text
        return fragment.strip()
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    blocks = [" ".join(p.text_content().split()) for p in root.xpath("./p|./div|./li")]
    blocks = [b for b in blocks if b]
    return "\n\n".join(blocks) if blocks else " ".join(root.text_content().split())


def _day(parsed_time: time.struct_time | None) -> str | None:
    if not parsed_time:
        return None
    return datetime.date(*parsed_time[:3]).isoformat()
