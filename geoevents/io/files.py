"""The reader layer: every input file's bytes, JSON and text pass through here.

Each problem becomes an :class:`~geoevents.errors.InputError` naming the file
(and line, field where known); nothing else escapes to the caller.

- :func:`read_input_bytes`: a size cap for every kind of file. Only regular
  files are read: FIFOs, character or block devices and sockets are refused by
  name *before* any read (``os.stat`` + ``stat.S_ISREG``), so ``/dev/zero`` or a
  FIFO named ``*.txt`` in an input folder never hangs or exhausts memory.
- :func:`decode_utf8`: UTF-8 only, binary (NUL byte) refused, the bad offset named.
- :func:`load_json`: JSON whose decode, nesting depth (``RecursionError``),
  integer size (over 4,300 digits) or lone surrogate (``"\\ud800"``) problems are
  named errors.
- :func:`clean_text`: article text without the characters a store back end
  rejects (NUL: PostgreSQL refuses it in ``text``) or that no text should carry
  (other C0 controls except tab, line feed and carriage return).
- :func:`split_lines`: JSON Lines records split on ``\\n`` only (``\\r\\n`` too),
  so U+2028, U+2029 and U+0085 inside a record stay data.

>>> clean_text("Strike\\x00 on\\x07 depot\\u2028ok")
'Strike on depot\\u2028ok'
>>> split_lines('{"a": "x\\u2028y"}\\r\\n{}\\n')
['{"a": "x\\u2028y"}', '{}', '']
>>> load_json('{"t": "\\\\ud800"}', "a.json")
Traceback (most recent call last):
...
geoevents.errors.InputError: a.json: field t: lone surrogate U+D800 in a string (not valid Unicode)
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from geoevents.errors import InputError

#: Default size cap per input file (bytes). Larger files are refused unread.
MAX_BYTES = 20 * 1024 * 1024
#: Environment variable overriding :data:`MAX_BYTES`.
MAX_BYTES_ENV = "GEOEVENTS_MAX_BYTES"
#: Builtin exceptions a value of unexpected type or form raises while a record is decoded.
DATA_ERRORS = (
    KeyError,
    IndexError,
    TypeError,
    ValueError,
    AttributeError,
    OverflowError,
    RecursionError,
)

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NEWLINE = re.compile(r"\r?\n")


def max_bytes_default() -> int:
    """The size cap: ``$GEOEVENTS_MAX_BYTES`` if set to a positive integer, else :data:`MAX_BYTES`.

    >>> max_bytes_default() > 0
    True
    """
    raw = os.environ.get(MAX_BYTES_ENV)
    if raw:
        try:
            value = int(raw)
        except ValueError:
            return MAX_BYTES
        if value > 0:
            return value
    return MAX_BYTES


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a directory"
    return "not a regular file"


def check_regular(path: str | Path, cap: int | None = None) -> int:
    """The size of ``path``, a regular file no larger than ``cap``; else an :class:`InputError`.

    >>> check_regular("/dev/null")
    Traceback (most recent call last):
    ...
    geoevents.errors.InputError: /dev/null: a character device, not a regular file; not read
    """
    where = str(path)
    cap = max_bytes_default() if cap is None else cap
    try:
        info = os.stat(path)
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", path=where) from err
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{_kind_of(info.st_mode)}, not a regular file; not read", path=where)
    if info.st_size > cap:
        raise InputError(
            f"file is {info.st_size} bytes, over the {cap}-byte limit "
            f"(set {MAX_BYTES_ENV} to raise it); not read",
            path=where,
        )
    return info.st_size


def read_input_bytes(path: str | Path, cap: int | None = None) -> bytes:
    """The bytes of the regular file ``path`` (at most ``cap``), or an :class:`InputError`.

    The file is opened non-blocking and checked again after opening, so a file
    swapped for a FIFO in between cannot block the read either.
    """
    where = str(path)
    cap = max_bytes_default() if cap is None else cap
    check_regular(path, cap)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", path=where) from err
    try:
        with os.fdopen(fd, "rb") as fh:
            mode = os.fstat(fh.fileno()).st_mode
            if not stat.S_ISREG(mode):
                raise InputError(f"{_kind_of(mode)}, not a regular file; not read", path=where)
            data = fh.read(cap + 1)
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", path=where) from err
    if len(data) > cap:
        raise InputError(f"file grew over the {cap}-byte limit while read; not read", path=where)
    return data


def decode_utf8(data: bytes, where: str, *, refuse_nul: bool = True) -> str:
    """Decode ``data`` as UTF-8 (a BOM is dropped), refusing binary and other encodings.

    ``refuse_nul=False`` lets NUL bytes through (JSON Lines: the line holding one
    is the error, not the whole file).

    >>> decode_utf8("Київ".encode(), "f")
    'Київ'
    >>> decode_utf8(b"ab\\xff", "f")
    Traceback (most recent call last):
    ...
    geoevents.errors.InputError: f: not UTF-8 text: invalid byte 0xff at offset 2
    """
    nul = data.find(b"\x00") if refuse_nul else -1
    if nul >= 0:
        raise InputError(f"binary file (NUL byte at offset {nul}); not text", path=where)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        bad = data[err.start : err.start + 1].hex()
        raise InputError(
            f"not UTF-8 text: invalid byte 0x{bad} at offset {err.start}", path=where
        ) from err


def read_text_file(path: str | Path, cap: int | None = None) -> str:
    """:func:`read_input_bytes` then :func:`decode_utf8`."""
    return decode_utf8(read_input_bytes(path, cap), str(path))


def clean_text(text: str) -> str:
    """``text`` without NUL and the other C0 control characters but tab, LF and CR."""
    return _CONTROL.sub("", text)


def split_lines(text: str) -> list[str]:
    """Lines of ``text`` split on ``\\n`` (or ``\\r\\n``) only; other separators are data."""
    return _NEWLINE.split(text)


def load_json(text: str, where: str, line: int | None = None, *, check: bool = True) -> Any:
    """Parse JSON ``text``; every problem an :class:`InputError` naming ``where`` and ``line``.

    ``check=False`` leaves :func:`check_unicode` to the caller, record by record, so
    one record with a lone surrogate does not lose the others.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        at = err.lineno if line is None else line
        raise InputError(
            f"not valid JSON: {err.msg} (column {err.colno})", path=where, line=at
        ) from err
    except RecursionError as err:
        raise InputError("JSON nested too deeply to read", path=where, line=line) from err
    except ValueError as err:  # e.g. an integer over 4,300 digits
        raise InputError(f"not readable JSON: {err}", path=where, line=line) from err
    if check:
        check_unicode(data, where, line)
    return data


def _strings(data: Any) -> Iterator[tuple[str, str | None]]:
    """Every string (keys included) in ``data`` with its top-level key, without recursion."""
    stack: list[tuple[Any, str | None]] = [(data, None)]
    while stack:
        value, top = stack.pop()
        if isinstance(value, str):
            yield value, top
        elif isinstance(value, dict):
            for k, v in value.items():
                key = top if top is not None or value is not data else str(k)
                yield str(k), key
                stack.append((v, key))
        elif isinstance(value, list):
            stack.extend((v, top) for v in value)


def check_unicode(data: Any, where: str, line: int | None = None) -> None:
    """Refuse lone surrogates anywhere in decoded JSON ``data`` (they cannot be encoded)."""
    for text, key in _strings(data):
        m = _SURROGATE.search(text)
        if m is not None:
            raise InputError(
                f"lone surrogate U+{ord(m.group()):04X} in a string (not valid Unicode)",
                path=where,
                line=line,
                field=_printable(key),
            )


def _printable(key: str | None) -> str | None:
    if key is None:
        return None
    return _SURROGATE.sub("\ufffd", key)[:40]
