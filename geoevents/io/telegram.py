"""Telegram channel exports: the ``result.json`` of Telegram Desktop's "Export chat history".

Official posts about strikes (the air force, oblast administrations, governors, the
Russian defence ministry) appear first on Telegram. Telegram Desktop exports a channel
(chat menu, "Export chat history", format "Machine-readable JSON") as one JSON object::

    {"name": "Channel title", "type": "public_channel", "id": 1234567890,
     "messages": [{"id": 7, "type": "message", "date": "2024-07-08T10:15:00",
                   "date_unixtime": "1720433700", "from": "Channel title",
                   "forwarded_from": "Other channel", "text": "..." or [...],
                   "text_entities": [...]}, ...]}

:func:`export_posts` turns each message with text into a :class:`Post` (the readers,
:mod:`geoevents.io.articles`, make it an article):

- ``text`` is a string or a list of strings and entities (``{"type": "bold", "text":
  ...}``, ``{"type": "text_link", "text": ..., "href": ...}``, hashtags, mentions ...):
  the text is their texts joined (a link's address is not text). Without ``text``,
  ``text_entities`` (always a list) is read the same way.
- Service messages (channel created, photo changed, pinned ...) and messages with no
  text (a photo or video without caption) are skipped and counted (:class:`Skipped`).
- The date is the message's ``date`` as the export writes it (the exporting computer's
  local time), else ``date_unixtime`` (UTC).
- The channel is named by its public username when the export carries one (Telegram
  Desktop's does not: add ``"username": "kpszsu"`` at the top level to get links),
  else by its numeric id: the post id is ``<username or id>/<message id>``, and with a
  username the post links to ``https://t.me/<username>/<message id>``.
- The channel's title is the post's source, the outlet whose voice a sentence without a
  claimant is; a forwarded message keeps the name it was forwarded from.

A bad export (no ``messages`` list) or message (no ``id`` or ``date``, ``text`` of a wrong
type) is an :class:`~geoevents.errors.InputError` naming the file, the message
(``messages[3]``, id 17) and the field; the other messages are still read.

>>> export = {"name": "Air Force", "type": "public_channel", "id": 42, "messages": [
...     {"id": 1, "type": "service", "date": "2024-07-01T09:00:00", "action": "create_channel"},
...     {"id": 2, "type": "message", "date": "2024-07-08T10:15:00",
...      "text": ["Збито ", {"type": "bold", "text": "37"}, " з 42 шахедів."]}]}
>>> skipped = Skipped()
>>> [post] = export_posts(export, "result.json", skipped)
>>> post.id, post.text, post.published, post.source, str(skipped)
('42/2', 'Збито 37 з 42 шахедів.', datetime.date(2024, 7, 8), 'Air Force', '1 service message and 0 messages without text skipped')
>>> del export["messages"][1]["date"]
>>> [str(e) for e in export_posts(export, "result.json")]
['result.json: field messages[1].date: message 2 has no date']
"""

from __future__ import annotations

import datetime
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from geoevents.errors import InputError, SkippedInputWarning

__all__ = [
    "CHAT_TYPES",
    "Post",
    "Skipped",
    "export_posts",
    "export_records",
    "is_export",
    "refuse_html_export",
]

#: The ``type`` of an exported chat.
CHAT_TYPES = frozenset(
    {
        "public_channel",
        "private_channel",
        "public_supergroup",
        "private_supergroup",
        "private_group",
        "personal_chat",
        "bot_chat",
        "saved_messages",
    }
)
_USERNAME = re.compile(r"@?([A-Za-z][A-Za-z0-9_]{3,31})")


@dataclass(frozen=True)
class Post:
    """One message of a channel export, with text."""

    id: str  # "<username or channel id>/<message id>"
    text: str
    published: datetime.date
    url: str | None
    source: str | None  # the channel's title
    forwarded_from: str | None
    index: int  # position in the ``messages`` list

    def record(self) -> dict[str, str | None]:
        """The post as an article record (:mod:`geoevents.io.articles`)."""
        return {
            "id": self.id,
            "text": self.text,
            "url": self.url,
            "published": self.published.isoformat(),
            "source": self.source,
            "forwarded_from": self.forwarded_from,
        }


@dataclass
class Skipped:
    """Messages of an export not read: service messages and messages without text."""

    service: int = 0
    empty: int = 0
    ids: list[int] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"{self.service} service message{'s' if self.service != 1 else ''} and "
            f"{self.empty} message{'s' if self.empty != 1 else ''} without text skipped"
        )


def is_export(data: Any) -> bool:
    """Whether parsed JSON ``data`` is a Telegram chat export (not article records).

    >>> is_export({"name": "c", "type": "public_channel", "messages": []})
    True
    >>> is_export({"text": "An article."}), is_export([{"messages": []}])
    (False, False)
    """
    return isinstance(data, dict) and (
        "messages" in data or data.get("type") in CHAT_TYPES or "chats" in data
    )


def export_posts(
    data: dict[str, Any], where: str, skipped: Skipped | None = None
) -> Iterator[Post | InputError]:
    """The posts of the export ``data`` read from ``where``, and an error for each bad
    message (see the module docstring); ``skipped`` counts the messages passed over."""
    skipped = Skipped() if skipped is None else skipped
    messages = data.get("messages")
    if not isinstance(messages, list):
        kind = "no" if messages is None else f"a {type(messages).__name__} as its"
        hint = (
            " (a whole account's export: export each channel with 'Export chat history')"
            if "chats" in data
            else ""
        )
        yield InputError(
            f"Telegram export with {kind} messages list{hint}", path=where, field="messages"
        )
        return
    channel, username, title = _channel(data, where)
    for index, msg in enumerate(messages):
        try:
            post = _post(msg, index, where, channel, username, title, skipped)
        except InputError as err:
            yield err
            continue
        if post is not None:
            yield post


def export_records(data: dict[str, Any], where: str) -> Iterator[dict[str, Any] | InputError]:
    """The posts of an export as article records (:mod:`geoevents.io.articles`), and the
    errors; the messages skipped are counted in a
    :class:`~geoevents.errors.SkippedInputWarning` at the end."""
    skipped = Skipped()
    for post in export_posts(data, where, skipped):
        yield post if isinstance(post, InputError) else post.record()
    if skipped.service or skipped.empty:
        warnings.warn(SkippedInputWarning(f"{where}: Telegram export: {skipped}"), stacklevel=2)


def refuse_html_export(html: str, where: str) -> None:
    """Raise :class:`~geoevents.errors.InputError` for the ``messages.html`` of a Telegram
    export in HTML (Telegram Desktop's default format): its posts cannot be told apart
    reliably; it must be exported as JSON.

    >>> refuse_html_export('<div class="page_wrap"><div class="history">', "messages.html")
    Traceback (most recent call last):
    ...
    geoevents.errors.InputError: messages.html: a Telegram export in HTML: export the channel again with the format "Machine-readable JSON" and read its result.json
    """
    head = html[:50000]
    if 'class="page_wrap"' in head and 'class="history"' in head:
        raise InputError(
            "a Telegram export in HTML: export the channel again with the format "
            '"Machine-readable JSON" and read its result.json',
            path=where,
        )


def _channel(data: dict[str, Any], where: str) -> tuple[str, str | None, str | None]:
    """The channel's key in post ids (username, else id, else the file's name), its
    username and its title."""
    raw = data.get("username")
    m = _USERNAME.fullmatch(raw.strip()) if isinstance(raw, str) else None
    username = m.group(1) if m else None
    title = data.get("name") if isinstance(data.get("name"), str) else None
    chat_id = data.get("id")
    if username:
        key = username
    elif isinstance(chat_id, (int, str)) and str(chat_id).strip():
        key = str(chat_id).strip()
    else:
        key = re.sub(r"\W+", "_", where.rsplit("/", 1)[-1]).strip("_") or "telegram"
    return key, username, (title or "").strip() or None


def _post(
    msg: Any,
    index: int,
    where: str,
    channel: str,
    username: str | None,
    title: str | None,
    skipped: Skipped,
) -> Post | None:
    at = f"messages[{index}]"
    if not isinstance(msg, dict):
        raise InputError(
            f"a message must be a JSON object, not {type(msg).__name__}", path=where, field=at
        )
    mid = msg.get("id")
    if isinstance(mid, bool) or not isinstance(mid, int):
        what = "no id" if mid is None else f"an id that is not an integer: {str(mid)[:20]!r}"
        raise InputError(f"message with {what}", path=where, field=f"{at}.id")
    if msg.get("type", "message") != "message":
        skipped.service += 1
        return None
    text = _text(msg, at, f"message {mid}", where)
    if not text:
        skipped.empty += 1
        skipped.ids.append(mid)
        return None
    published = _date(msg, at, f"message {mid}", where)
    forwarded = msg.get("forwarded_from")
    return Post(
        id=f"{channel}/{mid}",
        text=text,
        published=published,
        url=f"https://t.me/{username}/{mid}" if username else None,
        source=title,
        forwarded_from=(forwarded.strip() or None) if isinstance(forwarded, str) else None,
        index=index,
    )


def _text(msg: dict[str, Any], at: str, label: str, where: str) -> str:
    """The message's text: a string, or the texts of a list of strings and entities."""
    key = "text" if "text" in msg else "text_entities"
    raw = msg.get(key)
    if raw is None:
        return ""
    if isinstance(raw, str):
        return raw.strip()
    if not isinstance(raw, list):
        raise InputError(
            f"{label}: text must be a string or a list of text entities, not {type(raw).__name__}",
            path=where,
            field=f"{at}.{key}",
        )
    parts = []
    for j, part in enumerate(raw):
        if isinstance(part, str):
            parts.append(part)
        elif isinstance(part, dict) and isinstance(part.get("text"), str):
            parts.append(part["text"])
        else:
            raise InputError(
                f"{label}: a text entity must be a string or an object with a text "
                f"string, not {type(part).__name__}",
                path=where,
                field=f"{at}.{key}[{j}]",
            )
    return "".join(parts).strip()


def _date(msg: dict[str, Any], at: str, label: str, where: str) -> datetime.date:
    """The message's date: ``date`` (local time), else ``date_unixtime`` (UTC)."""
    raw, unix = msg.get("date"), msg.get("date_unixtime")
    if isinstance(raw, str):
        try:
            return datetime.datetime.fromisoformat(raw.strip()).date()
        except ValueError:
            pass
    if isinstance(unix, (str, int)) and not isinstance(unix, bool) and str(unix).isdigit():
        try:
            return datetime.datetime.fromtimestamp(int(unix), tz=datetime.timezone.utc).date()
        except (OverflowError, ValueError, OSError):
            pass
    if raw is None and unix is None:
        what = "has no date"
    elif raw is None:
        what = f"has no date and a date_unixtime that is not a time: {unix!r:.40}"
    else:
        what = f"has a date that is not ISO: {raw!r:.40}"
    raise InputError(f"{label} {what}", path=where, field=f"{at}.date")
