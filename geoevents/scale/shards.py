"""Article shards cut into partitions that Dask workers read on their own.

:func:`partitions` expands the inputs (globs, directories, files; local paths or
fsspec URLs such as ``s3://bucket/news/*.jsonl.gz``) into :class:`Partition`
values, in a stable order: a plain JSON Lines file is cut into line ranges of
about ``target_bytes`` (the client scans it once for line breaks), a gzipped one
is one partition (gzip cannot be entered in the middle), a Parquet file gives a
partition per row group. :func:`read_partition` runs on a worker and turns one
partition into articles, with exactly the ids, line numbers and content hashes
that :func:`geoevents.io.articles.read_articles` gives for the same file, so a
dataset row and a single-process row agree.

Bad input never raises on the worker: a bad line or row is an
:class:`~geoevents.errors.InputError` naming file, line (Parquet: row) and
field; a damaged ``.gz`` or Parquet file is one error naming the file and where
it broke, after the articles read before the break. Unlike ``read_articles``,
shards have no size cap (they are cut, never loaded whole) and a line that is not
UTF-8 is an error of that line only.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.jsonl").write_text('{"id": "r1", "text": "Shelling."}\\n{oops\\n')
>>> [p] = partitions([str(d / "*.jsonl")])
>>> p.kind, p.first_line, p.stop_line
('jsonl', 1, 3)
>>> [getattr(x, "id", None) or x.line for x in read_partition(p)]
['r1', 2]
"""

from __future__ import annotations

import datetime
import glob
import gzip
import os
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from geoevents.errors import InputError
from geoevents.io.articles import Article, jsonl_line_article, record_article

#: Default size of a JSON Lines partition: a few seconds of extraction per task.
TARGET_BYTES = 8 * 1024 * 1024
#: File name endings of shards, and the kind of partition each gives.
SHARD_KINDS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonl.gz": "jsonl.gz",
    ".ndjson.gz": "jsonl.gz",
    ".parquet": "parquet",
}
#: Columns of a Parquet shard that make an article (``text`` required).
PARQUET_COLUMNS = ("id", "title", "text", "url", "published")
_GLOB_CHARS = frozenset("*?[")
_GZIP_ERRORS = (EOFError, gzip.BadGzipFile, zlib.error, OSError)


@dataclass(frozen=True)
class Partition:
    """One slice of one shard: the unit of work of a task.

    ``path`` is the local path or fsspec URL the articles are named by. JSON Lines
    (``kind`` ``"jsonl"``): lines ``first_line`` (1-based) up to ``stop_line``
    (excluded), which start at byte ``offset`` and take ``length`` bytes; a
    ``"jsonl.gz"`` partition is its whole file. Parquet: row group ``row_group``
    whose first row is row ``first_line`` of the file (``row_group`` ``None``: a
    file whose metadata could not be read, reported by :func:`read_partition`).
    """

    index: int
    path: str
    kind: str
    first_line: int = 1
    stop_line: int | None = None
    offset: int = 0
    length: int | None = None
    row_group: int | None = None

    @property
    def name(self) -> str:
        """``path`` with the slice, for messages: ``a.jsonl:1-4999``, ``b.parquet#rg3``."""
        if self.kind == "jsonl" and self.stop_line is not None:
            return f"{self.path}:{self.first_line}-{self.stop_line - 1}"
        if self.kind == "parquet" and self.row_group is not None:
            return f"{self.path}#rg{self.row_group}"
        return self.path


def shard_kind(path: str) -> str | None:
    """The partition kind of a file name, or ``None`` for a file that is not a shard.

    >>> shard_kind("a/b.JSONL.gz"), shard_kind("x.parquet"), shard_kind("x.txt")
    ('jsonl.gz', 'parquet', None)
    """
    lower = path.lower()
    for ending in sorted(SHARD_KINDS, key=len, reverse=True):
        if lower.endswith(ending):
            return SHARD_KINDS[ending]
    return None


def _is_url(name: str) -> bool:
    return "://" in name and not name.startswith("file://")


def _local_files(name: str) -> list[str]:
    """Shard files of a local input, in ``read_articles`` order (sorted, hidden skipped)."""
    if _GLOB_CHARS & set(name):
        found: list[str] = []
        for hit in sorted(glob.glob(name, recursive=True)):
            found.extend(_local_files(hit) if os.path.isdir(hit) else [hit])
        return found
    path = Path(name.removeprefix("file://"))
    if path.is_dir():
        return [str(p) for p in _walk(path)]
    return [str(path)] if path.exists() else []


def _walk(root: Path) -> Iterator[Path]:
    for entry in sorted(root.iterdir(), key=lambda p: p.name):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry)
        elif shard_kind(entry.name):
            yield entry


def _remote_files(name: str) -> list[str]:
    """Shard files of an fsspec URL (glob, folder or file), as URLs."""
    import fsspec

    fs, root = fsspec.core.url_to_fs(name)
    if _GLOB_CHARS & set(root):
        hits = sorted(fs.glob(root))
    elif fs.isdir(root):
        hits = sorted(p for p in fs.find(root) if shard_kind(p))
    else:
        hits = [root] if fs.exists(root) else []
    return [fs.unstrip_protocol(h) for h in hits]


def _open(path: str) -> IO[bytes]:
    if _is_url(path):
        import fsspec

        return fsspec.open(path, "rb").open()
    return open(path.removeprefix("file://"), "rb")  # noqa: SIM115 (closed by the caller)


def partitions(inputs: Sequence[str], *, target_bytes: int = TARGET_BYTES) -> list[Partition]:
    """The partitions of ``inputs`` (globs, directories, files; local or fsspec URLs).

    Order is stable: inputs in the order given, files of a glob or a directory
    sorted, lines and row groups in file order; a file named twice is read once.

    Raises
    ------
    InputError
        For an input that matches no shard file, or a named file that is not
        JSON Lines (``.jsonl``, ``.ndjson``, optionally ``.gz``) or Parquet.
    """
    files: list[str] = []
    for name in inputs:
        name = str(name)
        found = _remote_files(name) if _is_url(name) else _local_files(name)
        if not found:
            raise InputError("matches no file", path=name)
        for f in found:
            if shard_kind(f) is None:
                raise InputError(f"not an article shard (use {', '.join(SHARD_KINDS)})", path=f)
            if f not in files:
                files.append(f)
    parts: list[Partition] = []
    for f in files:
        kind = shard_kind(f)
        if kind == "jsonl":
            slices = _line_slices(f, target_bytes)
        elif kind == "parquet":
            slices = _row_groups(f)
        else:
            slices = [{}]
        base = len(parts)
        parts.extend(Partition(base + k, f, str(kind), **s) for k, s in enumerate(slices))
    return parts


def _line_slices(path: str, target_bytes: int) -> list[dict[str, Any]]:
    """Line ranges of about ``target_bytes`` each (one, maybe empty, for a small file)."""
    slices: list[dict[str, Any]] = []
    start_off = off = 0
    start_line = line = 1
    with _open(path) as f:
        for raw in f:
            off += len(raw)
            line += 1
            if off - start_off >= target_bytes:
                slices.append(_slice(start_line, line, start_off, off))
                start_off, start_line = off, line
    if off > start_off or not slices:
        slices.append(_slice(start_line, line, start_off, off))
    return slices


def _slice(first: int, stop: int, start: int, end: int) -> dict[str, Any]:
    return {"first_line": first, "stop_line": stop, "offset": start, "length": end - start}


def _row_groups(path: str) -> list[dict[str, Any]]:
    """One slice per row group; a file whose metadata cannot be read: one slice, read later."""
    import pyarrow.parquet as pq

    try:
        with _open(path) as f:
            meta = pq.ParquetFile(f).metadata
    except Exception:  # pyarrow raises several types; the worker reports it on reading
        return [{}]
    slices = []
    first = 1
    for rg in range(meta.num_row_groups):
        slices.append({"row_group": rg, "first_line": first})
        first += meta.row_group(rg).num_rows
    return slices or [{"row_group": -1}]


def read_partition(
    p: Partition, published: datetime.date | None = None
) -> list[Article | InputError]:
    """The articles and input errors of partition ``p``, in file order (runs on a worker).

    ``published`` is the day of articles whose metadata and dateline give none
    (``--published``), as in :func:`~geoevents.io.articles.read_articles`.
    """
    try:
        if p.kind == "jsonl":
            return list(_jsonl_items(p, published))
        if p.kind == "jsonl.gz":
            return list(_gzip_items(p, published))
        return list(_parquet_items(p, published))
    except OSError as err:  # the file vanished or cannot be read
        return [InputError(f"cannot read: {err.strerror or err}", path=p.path)]


def _line_item(
    raw: bytes, p: Partition, lineno: int, published: Any
) -> Article | InputError | None:
    if lineno == 1:
        raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        text = raw.decode("utf-8").removesuffix("\n").removesuffix("\r")
    except UnicodeDecodeError as err:
        bad = raw[err.start : err.start + 1].hex()
        return InputError(
            f"not UTF-8 text: invalid byte 0x{bad} at offset {err.start} of the line",
            path=p.path,
            line=lineno,
        )
    if not text.strip():
        return None
    return jsonl_line_article(text, p.path, lineno, published)


def _jsonl_items(p: Partition, published: Any) -> Iterator[Article | InputError]:
    with _open(p.path) as f:
        f.seek(p.offset)
        data = f.read(p.length) if p.length is not None else f.read()
    if p.first_line == 1 and not data.strip():
        yield InputError("empty file", path=p.path)
        return
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    for k, raw in enumerate(lines):
        item = _line_item(raw, p, p.first_line + k, published)
        if item is not None:
            yield item


def _gzip_items(p: Partition, published: Any) -> Iterator[Article | InputError]:
    lineno = 0
    with _open(p.path) as raw_file:
        try:
            with gzip.GzipFile(fileobj=raw_file) as f:
                for raw in f:
                    lineno += 1
                    item = _line_item(raw.removesuffix(b"\n"), p, lineno, published)
                    if item is not None:
                        yield item
        except _GZIP_ERRORS as err:
            yield InputError(
                f"damaged gzip file, broken after line {lineno}: {err}",
                path=p.path,
                line=lineno + 1,
            )
            return
    if lineno == 0:
        yield InputError("empty file", path=p.path)


def _parquet_items(p: Partition, published: Any) -> Iterator[Article | InputError]:
    import pyarrow.parquet as pq

    where = p.path
    try:
        with _open(p.path) as f:
            pf = pq.ParquetFile(f)
            if p.row_group is None:  # the client could not read the metadata either
                pf.metadata  # noqa: B018 (raises the reason)
                raise ValueError("metadata unreadable")
            if p.row_group < 0:
                return
            names = set(pf.schema_arrow.names)
            if "text" not in names:
                yield InputError("no text column", path=where, field="text")
                return
            columns = [c for c in PARQUET_COLUMNS if c in names]
            rows = pf.read_row_group(p.row_group, columns=columns).to_pylist()
    except Exception as err:  # pyarrow's errors on a damaged or foreign file
        at = f" (row group {p.row_group})" if p.row_group is not None else ""
        yield InputError(f"not a readable Parquet file{at}: {err}"[:300], path=where)
        return
    for k, rec in enumerate(rows):
        rec = {key: value for key, value in rec.items() if value is not None}
        day = rec.get("published")
        if isinstance(day, (datetime.date, datetime.datetime)):
            rec["published"] = day.isoformat()
        yield record_article(rec, where, p.first_line + k, published)
