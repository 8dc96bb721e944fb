"""Read news articles from text, HTML, JSON and JSON Lines files, directories or stdin.

:func:`read_articles` turns every input into :class:`Article` values. Bad input
never stops the run: each problem is *yielded* as a
:class:`~geoevents.errors.InputError` naming the file, line and field, and the
other articles are still read.

Formats (chosen by extension; ``-`` and unknown extensions are sniffed):

=======================  ==============================================================
``.txt`` ``.text`` ``.md``  first non-empty line is the title, the rest is the text
                          (a file with one line only: that line is the text, no title)
``.html`` ``.htm``         main text, title, date and canonical URL by trafilatura;
                          scripts, styles and navigation never reach the text
``.json``                 one record or a list of records, or a Telegram Desktop channel
                          export (one article per message; :mod:`geoevents.io.telegram`)
``.jsonl`` ``.ndjson``     one record per line (blank lines are skipped)
``.rss`` ``.atom`` ``.xml``  an RSS/Atom feed: one article per entry (its content, else
                          its summary; :mod:`geoevents.io.feeds`)
``http(s)://...``          fetched (only URLs the user passes; politely, see
                          :mod:`geoevents.io.fetch`): a page's main text, or a feed
=======================  ==============================================================

A record has ``text`` (required), and optionally ``id``, ``title``, ``url``,
``published`` (ISO date or date-time), ``source`` (the outlet's name) and
``forwarded_from``. A JSON document carrying the key
``"geoevents_document"`` (e.g. ``examples/expected.json``) is not an article
file: it is skipped when met in a directory and reported when named directly.

Limits (the reader layer, :mod:`geoevents.io.files`): a file larger than
:data:`MAX_BYTES` (20 MB; the ``max_bytes`` argument or the
``GEOEVENTS_MAX_BYTES`` environment variable change it) is an error and is
never loaded; so are FIFOs, devices and sockets (refused unread, inside
folders too), empty files, binary files (a NUL byte), text that is not UTF-8
(the error names the byte offset; there is no lossy fallback) and JSON that is
nested too deeply, holds an integer over 4,300 digits or a lone surrogate.
JSON Lines are split on ``\\n`` only: U+2028, U+2029 and U+0085 in a record
are data. NUL and other C0 control characters (but tab and line breaks) are
removed from every text field; a text left empty is an error.

Publication date: record/HTML metadata first, else a dateline in the text
(:func:`geoevents.dates.published_from_text`), else the ``published`` argument
(``--published``), else none.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("Depot hit\\n\\nKYIV, Aug 2 (AP) - A depot burned.\\n")
>>> _ = (d / "b.jsonl").write_text('{"id": "r1", "text": "Shelling."}\\n{oops\\n')
>>> for item in read_articles([d], published=datetime.date(2023, 5, 1)):
...     if isinstance(item, Article):
...         print(item.id[:4], item.title, item.published, item.published_source)
...     else:
...         print("error", item.line, item.message[:14])
art- Depot hit 2023-08-02 dateline
r1 None 2023-05-01 option
error 2 not valid JSON
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import os
import re
import sys
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlparse

from geoevents.dates import parse_iso_date, published_from_text, strip_date_lines
from geoevents.errors import InputError, SkippedInputWarning
from geoevents.io.feeds import FEED_EXTENSIONS, feed_records, looks_like_feed
from geoevents.io.fetch import PoliteFetcher, is_url
from geoevents.io.files import (
    DATA_ERRORS,
    MAX_BYTES,
    MAX_BYTES_ENV,
    check_unicode,
    clean_text,
    decode_utf8,
    load_json,
    max_bytes_default,
    read_input_bytes,
    split_lines,
)
from geoevents.io.language import warn_if_not_read
from geoevents.io.telegram import export_records, is_export, refuse_html_export
from geoevents.model import stable_id

__all__ = [
    "MAX_BYTES",
    "MAX_BYTES_ENV",
    "Article",
    "decode_utf8",
    "jsonl_line_article",
    "read_articles",
    "record_article",
]

TEXT_EXTENSIONS = (".txt", ".text", ".md")
HTML_EXTENSIONS = (".html", ".htm")
JSON_EXTENSIONS = (".json",)
JSONL_EXTENSIONS = (".jsonl", ".ndjson")
#: Extensions read when walking a directory.
EXTENSIONS = (
    TEXT_EXTENSIONS + HTML_EXTENSIONS + JSON_EXTENSIONS + JSONL_EXTENSIONS + FEED_EXTENSIONS
)
#: Key marking a JSON document that is not an article file.
DOCUMENT_MARKER = "geoevents_document"
STDIN = "-"
#: Line breaks of text files: ``\n``, ``\r\n`` or ``\r`` (not U+2028 and the like).
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Article:
    """One news article, ready for extraction.

    >>> a = Article(id="a1", title="T", text="Body.")
    >>> a.content_hash == hashlib.sha256("T\\nBody.".encode()).hexdigest()
    True
    >>> a.where
    'a1'
    """

    id: str  # record id, else stable hash of (file name, content)
    title: str | None
    text: str  # main text (title excluded)
    url: str | None = None
    published: datetime.date | None = None
    published_source: str = "none"  # "metadata" | "dateline" | "option" | "none"
    path: str | None = None
    line: int | None = None  # JSON Lines line number (1-based)
    source: str | None = None  # the outlet by name (a Telegram channel's title)
    forwarded_from: str | None = None  # a forwarded Telegram message: the original's name

    @property
    def content_hash(self) -> str:
        """SHA-256 hex digest of ``title + "\\n" + text``."""
        return hashlib.sha256(f"{self.title or ''}\n{self.text}".encode()).hexdigest()

    @property
    def outlet(self) -> str | None:
        """Who speaks in the article's own voice: the channel a Telegram message was
        forwarded from, else the source (a channel's title), else the URL's host.
        >>> Article("a", None, "x", url="https://t.me/kpszsu/7", source="Air Force").outlet
        'Air Force'
        """
        return self.forwarded_from or self.source or url_host(self.url)

    @property
    def where(self) -> str:
        """``path:line`` (or the id) for messages."""
        if self.path is None:
            return self.id
        return f"{self.path}:{self.line}" if self.line is not None else self.path


def read_articles(
    inputs: Sequence[str | Path],
    *,
    published: datetime.date | None = None,
    max_bytes: int | None = None,
) -> Iterator[Article | InputError]:
    """Articles from files, directories (recursive, sorted) and ``-`` (stdin).

    Errors are yielded, never raised, in input order among the articles. A file in a
    folder that is not read (a PDF, an image) and an article in a language not read are named in a
    :class:`~geoevents.errors.SkippedInputWarning` / :class:`~geoevents.errors.LanguageWarning`.

    Parameters
    ----------
    inputs
        Paths of files or directories, or ``"-"`` for standard input.
    published
        Publication date used for articles with no date in metadata or dateline.
    max_bytes
        Per-file size cap; default :func:`max_bytes_default`.
    """
    for item in _read_all(inputs, published, max_bytes):
        if isinstance(item, Article):
            warn_if_not_read(item)
        yield item


def _read_all(
    inputs: Sequence[str | Path], published: datetime.date | None, max_bytes: int | None
) -> Iterator[Article | InputError]:
    cap = max_bytes if max_bytes is not None else max_bytes_default()
    fetcher: PoliteFetcher | None = None
    for item in inputs:
        name = str(item)
        if name == STDIN:
            yield from _read_stdin(published, cap)
            continue
        if is_url(name):  # the only case that uses the network: the user passed a URL
            fetcher = fetcher or PoliteFetcher(max_bytes=cap)
            yield from _read_url(name, fetcher, published)
            continue
        path = Path(item)
        if path.is_dir():
            for file in _walk(path):
                if isinstance(file, InputError):
                    yield file
                else:
                    yield from _read_file(file, published, cap, in_directory=True)
        elif path.exists() or path.is_symlink():
            # a dangling or looping symlink is read too, so its OS error is reported
            yield from _read_file(path, published, cap, in_directory=False)
        else:
            yield InputError("no such file or directory", path=name)


def _walk(root: Path, seen: set[tuple[int, int]] | None = None) -> Iterator[Path | InputError]:
    """Files under ``root`` with a known extension, sorted, hidden entries skipped.

    A directory that cannot be listed is an :class:`InputError`; the walk goes on.
    A directory met twice (a symlink loop) is walked once. Entries that are not
    regular files (FIFOs, devices, sockets) are yielded too and refused unread.
    """
    seen = set() if seen is None else seen
    try:
        info = root.stat()
        entries = sorted(root.iterdir(), key=lambda p: p.name)
    except OSError as err:
        yield InputError(f"cannot list directory: {err.strerror or err}", path=str(root))
        return
    if (info.st_dev, info.st_ino) in seen:
        return
    seen.add((info.st_dev, info.st_ino))
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry, seen)
        elif entry.suffix.lower() in EXTENSIONS:
            yield entry
        else:
            kind = f"{entry.suffix} files" if entry.suffix else "files without an extension"
            warnings.warn(
                SkippedInputWarning(
                    f"{entry}: skipped: {kind} are not read (articles are "
                    f"{', '.join(EXTENSIONS)}"
                    f"{'; convert PDFs to text or HTML first' if entry.suffix.lower() == '.pdf' else ''})"
                ),
                stacklevel=2,
            )


def _read_url(
    url: str, fetcher: PoliteFetcher, published: datetime.date | None
) -> Iterator[Article | InputError]:
    """A fetched page (its main text) or feed (its entries)."""
    try:
        data, ctype = fetcher.get(url)
    except InputError as err:
        yield err
        return
    kind = "feed" if looks_like_feed(data) or "rss" in ctype or "atom" in ctype else _sniff(data)
    if "html" in ctype and kind != "feed":
        kind = "html"
    for item in _parse_bytes(data, url, kind, published, in_directory=False):
        if isinstance(item, Article) and item.url is None and kind != "feed":
            item = dataclasses.replace(item, url=url)
        yield item


def _read_stdin(published: datetime.date | None, cap: int) -> Iterator[Article | InputError]:
    buffer: BinaryIO | None = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        data = buffer.read(cap + 1)
    else:  # a text-only stdin (e.g. replaced in tests)
        data = sys.stdin.read(cap + 1).encode("utf-8")
    if len(data) > cap:
        yield InputError(f"input larger than the {cap}-byte limit; not read", path="<stdin>")
        return
    yield from _parse_bytes(data, "<stdin>", _sniff(data), published, in_directory=False)


def _read_file(
    path: Path, published: datetime.date | None, cap: int, *, in_directory: bool
) -> Iterator[Article | InputError]:
    where = str(path)
    try:
        data = read_input_bytes(path, cap)
    except InputError as err:
        yield err
        return
    suffix = path.suffix.lower()
    if suffix in TEXT_EXTENSIONS:
        kind = "text"
    elif suffix in HTML_EXTENSIONS:
        kind = "html"
    elif suffix in JSON_EXTENSIONS:
        kind = "json"
    elif suffix in JSONL_EXTENSIONS:
        kind = "jsonl"
    elif suffix in FEED_EXTENSIONS:
        kind = "feed"
    else:
        kind = _sniff(data)
    yield from _parse_bytes(data, where, kind, published, in_directory=in_directory)


def _sniff(data: bytes) -> str:
    """Guess the format of ``data`` from its first characters."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body")) or b"<html" in head:
        return "html"
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"{"):
        first = head.split(b"\n", 1)[0].strip()
        return "jsonl" if first.endswith(b"}") else "json"
    return "text"


def _parse_bytes(
    data: bytes,
    where: str,
    kind: str,
    published: datetime.date | None,
    *,
    in_directory: bool,
) -> Iterator[Article | InputError]:
    if kind == "feed":  # feedparser reads the bytes in the encoding the feed declares
        yield from _feed_articles(data, where, published)
        return
    try:
        text = decode_utf8(data, where, refuse_nul=kind != "jsonl")
    except InputError as err:
        yield err
        return
    if not text.strip():
        yield InputError("empty file", path=where)
        return
    if kind == "text":
        yield _catch(lambda: _text_article(text, where, published), where)
    elif kind == "html":
        yield _catch(lambda: _html_article(text, where, published), where)
    elif kind == "json":
        yield from _json_articles(text, where, published, in_directory=in_directory)
    else:
        yield from _jsonl_articles(text, where, published)


def _feed_articles(
    data: bytes, where: str, published: datetime.date | None
) -> Iterator[Article | InputError]:
    """The entries of an RSS/Atom feed as articles (:mod:`geoevents.io.feeds`)."""
    for index, rec in enumerate(feed_records(data, where)):
        if isinstance(rec, InputError):
            yield rec
        else:
            yield _catch(
                lambda rec=rec, i=index: _record_article(rec, where, None, i, published), where
            )


def _catch(make: Any, where: str, line: int | None = None) -> Article | InputError:
    """``make()``, or the error it raised (a builtin data error named with ``where``)."""
    try:
        return make()
    except InputError as err:
        return err
    except DATA_ERRORS as err:
        return InputError(
            f"cannot read record: {type(err).__name__}: {err}"[:300], path=where, line=line
        )


def _file_id(where: str, *parts: object) -> str:
    return stable_id(os.path.basename(where), *parts, prefix="art")


def _date_fields(
    meta: datetime.date | None, text: str, option: datetime.date | None
) -> tuple[datetime.date | None, str]:
    if meta is not None:
        return meta, "metadata"
    found = published_from_text(text, year=option.year if option else None)
    if found is not None:
        return found, "dateline"
    if option is not None:
        return option, "option"
    return None, "none"


def _text_article(text: str, where: str, published: datetime.date | None) -> Article:
    lines = _LINE_BREAK.split(text.strip())
    title: str | None = lines[0].strip()
    body = "\n".join(lines[1:]).strip()
    if not body:  # a one-line file: the line is the text
        title, body = None, lines[0].strip()
    date, source = _date_fields(None, body, published)
    art = Article(
        id="",
        title=title,
        text=_main_text(body, where, None),
        published=date,
        published_source=source,
        path=where,
    )
    return _with_id(art, _file_id(where, art.content_hash))


def _main_text(body: str, where: str, line: int | None) -> str:
    """``body`` without leading timestamp lines; an error if nothing else is left."""
    text = strip_date_lines(body)
    if not text:
        raise InputError("no article text (only a date)", path=where, line=line, field="text")
    return text


def _with_id(art: Article, new_id: str) -> Article:
    """``art`` with its id, every text field :func:`~geoevents.io.files.clean_text`-ed."""
    text = clean_text(art.text).strip()
    if not text:
        raise InputError(
            "no article text (only control characters)", path=art.path, line=art.line, field="text"
        )
    optional = ("title", "url", "source", "forwarded_from")
    cleaned = {
        k: None if getattr(art, k) is None else clean_text(getattr(art, k)) for k in optional
    }
    return dataclasses.replace(art, id=clean_text(new_id), text=text, **cleaned)


def _html_article(html: str, where: str, published: datetime.date | None) -> Article:
    import trafilatura

    refuse_html_export(html, where)  # a Telegram export in HTML: many posts, not an article
    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as err:  # trafilatura/lxml raise many types on broken markup
        raise InputError(f"cannot parse HTML: {err}", path=where) from err
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not body:
        raise InputError("no main text found in the HTML page", path=where)
    title = (getattr(doc, "title", None) or "").strip() or None
    if title:
        first, _, rest = body.partition("\n")
        if first.strip() == title and rest.strip():
            body = rest.strip()
    meta_date = parse_iso_date(getattr(doc, "date", None))
    url = getattr(doc, "url", None) or None
    date, source = _date_fields(meta_date, body, published)
    art = Article(
        id="",
        title=title,
        text=_main_text(body, where, None),
        url=url,
        published=date,
        published_source=source,
        path=where,
    )
    return _with_id(art, _file_id(where, art.content_hash))


def _record_article(
    rec: Any, where: str, line: int | None, index: int, published: datetime.date | None
) -> Article:
    if not isinstance(rec, dict):
        raise InputError(
            f"a record must be a JSON object, not {type(rec).__name__}", path=where, line=line
        )
    check_unicode(rec, where, line)
    text = rec.get("text")
    if text is None:
        raise InputError("record has no text", path=where, line=line, field="text")
    if not isinstance(text, str):
        raise InputError("text must be a string", path=where, line=line, field="text")
    if not text.strip():
        raise InputError("text is empty", path=where, line=line, field="text")
    fields: dict[str, str | None] = {}
    for key in ("id", "title", "url", "source", "forwarded_from"):
        value = rec.get(key)
        if value is not None and not isinstance(value, (str, int)):
            raise InputError(
                f"{key} must be a string, not {type(value).__name__}",
                path=where,
                line=line,
                field=key,
            )
        fields[key] = str(value).strip() if value is not None else None
    raw_date = rec.get("published")
    meta_date: datetime.date | None = None
    if raw_date not in (None, ""):
        meta_date = parse_iso_date(raw_date) if isinstance(raw_date, str) else None
        if meta_date is None:
            raise InputError(
                f"not an ISO date: {str(raw_date)[:40]!r}", path=where, line=line, field="published"
            )
    body = text.strip()
    date, source = _date_fields(meta_date, body, published)
    art = Article(
        id="",
        title=fields["title"] or None,
        text=_main_text(body, where, line),
        url=fields["url"] or None,
        published=date,
        published_source=source,
        path=where,
        line=line,
        source=fields["source"] or None,
        forwarded_from=fields["forwarded_from"] or None,
    )
    rid = fields["id"] or _file_id(where, line if line is not None else index, art.content_hash)
    return _with_id(art, rid)


def _json_articles(
    text: str, where: str, published: datetime.date | None, *, in_directory: bool
) -> Iterator[Article | InputError]:
    try:
        data = load_json(text, where, check=False)  # each record checked on its own
    except InputError as err:
        yield err
        return
    if isinstance(data, dict) and DOCUMENT_MARKER in data:
        if not in_directory:
            yield InputError(
                f"not an article file (a {str(data[DOCUMENT_MARKER])[:40]!r} document)", path=where
            )
        return
    records: Iterable[Any] = data if isinstance(data, list) else [data]
    if is_export(data):  # a Telegram channel: a record per message with text
        records = export_records(data, where)
    for index, rec in enumerate(records):
        if isinstance(rec, InputError):  # a bad Telegram message
            yield rec
            continue
        yield _catch(
            lambda rec=rec, index=index: _record_article(rec, where, None, index, published),
            where,
        )


def _jsonl_articles(
    text: str, where: str, published: datetime.date | None
) -> Iterator[Article | InputError]:
    """One record per line, split on ``\\n`` only: U+2028, U+2029, U+0085 are data."""
    for lineno, raw in enumerate(split_lines(text), start=1):
        if raw.strip():
            yield jsonl_line_article(raw, where, lineno, published)


def jsonl_line_article(
    raw: str, where: str, lineno: int, published: datetime.date | None
) -> Article | InputError:
    """The article of line ``lineno`` of the JSON Lines file ``where``, or its error.

    The same article (id, content hash) as :func:`read_articles` gives for that line;
    :mod:`geoevents.scale.shards` reads a file's lines on many workers with it.

    >>> jsonl_line_article('{"id": "r1", "text": "Shelling."}', "a.jsonl", 3, None).id
    'r1'
    >>> str(jsonl_line_article('{"title": "x"}', "a.jsonl", 4, None))
    'a.jsonl:4: field text: record has no text'
    """
    try:
        rec = load_json(raw, where, lineno)
    except InputError as err:
        return err
    return record_article(rec, where, lineno, published)


def record_article(
    rec: Any, where: str, line: int, published: datetime.date | None
) -> Article | InputError:
    """The article of record ``rec`` (a parsed JSON object) at ``where:line``, or its error.

    Records without an ``id`` get one from the file's name, ``line`` and the content.
    """
    return _catch(lambda: _record_article(rec, where, line, line, published), where, line)


def url_host(url: str | None) -> str | None:
    """The host of an article's URL without ``www.``: the outlet's name (for a Telegram
    post, ``t.me/<channel>``).

    >>> url_host("https://www.example.org/news/1"), url_host("not a url"), url_host(None)
    ('example.org', None, None)
    >>> url_host("https://t.me/kpszsu/1234")
    't.me/kpszsu'
    """
    if not url:
        return None
    parsed = urlparse(url)
    host = (parsed.hostname or "").removeprefix("www.")
    if host in ("t.me", "telegram.me") and parsed.path.strip("/"):
        return f"t.me/{parsed.path.strip('/').split('/')[0]}"
    return host or None
