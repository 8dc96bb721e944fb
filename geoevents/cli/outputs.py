"""The one check every command runs on its output path before doing any work.

An output must not be any file the run reads (an input, the store, an index):
writing it would destroy that file. "The same file" means the same inode
(:func:`os.path.samefile`, so symlinks and hard links count) or, for an output
that does not exist yet, the same resolved path.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import click

from geoevents.dburl import describe_db

#: Names that are not files: stdout/stdin.
STDIO = "-"


class OutputRefused(click.ClickException):
    """An output path that would destroy a file the run reads, or that cannot be a file.

    Exit status 1 like every other refused input, with the option named.
    """

    def __init__(self, message: str, param_hint: str) -> None:
        super().__init__(f"{param_hint}: {message}")


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """True when ``a`` and ``b`` name one file (through symlinks and hard links).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> (d / "a.json").write_text("[]") and None
    >>> (d / "link.json").symlink_to(d / "a.json")
    >>> same_file(d / "link.json", d / "a.json"), same_file(d / "new.json", d / "a.json")
    (True, False)
    >>> same_file(d / "new.json", d / "sub" / ".." / "new.json")
    True
    """
    try:
        return os.path.samefile(a, b)
    except OSError:
        pass
    try:
        return os.path.realpath(a) == os.path.realpath(b)
    except (OSError, ValueError):
        return False


def _is_file_location(name: str | os.PathLike[str] | None) -> bool:
    if name is None:
        return False
    text = os.fspath(name)
    return bool(text) and text != STDIO and "://" not in text


def check_output(
    output: str | os.PathLike[str] | None,
    *,
    inputs: Iterable[str | os.PathLike[str] | None] = (),
    store: str | os.PathLike[str] | None = None,
    option: str = "--output",
) -> None:
    """Refuse ``output`` (a usage error, before any work) if writing it would destroy a file
    the run reads, or if it cannot be a file at all.

    ``inputs`` are the files the run reads (``-`` and ``None`` are skipped; a
    directory input is read, never written, so only the same path counts);
    ``store`` is the ``--db`` store (a URL is skipped).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> (d / "events.gpkg").write_bytes(b"x") and None
    >>> check_output(d / "out.geojson", store=d / "events.gpkg")
    >>> check_output(d / "events.gpkg", store=d / "events.gpkg")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    geoevents.cli.outputs.OutputRefused: --output: ...events.gpkg is the store (--db); ...
    """
    if not _is_file_location(output):
        return
    assert output is not None
    out = os.fspath(output)
    if store is not None and _is_file_location(store) and same_file(out, store):
        raise OutputRefused(
            f"{out} is the store (--db); writing it would destroy the store "
            f"{describe_db(store)}: choose another output file",
            param_hint=option,
        )
    for src in inputs:
        if _is_file_location(src) and same_file(out, src):
            assert src is not None
            raise OutputRefused(
                f"{out} is also an input ({os.fspath(src)}); writing it would destroy that "
                "input: choose another output file",
                param_hint=option,
            )
    _check_writable_place(Path(out), option)


def _check_writable_place(path: Path, option: str) -> None:
    """A directory, or a parent that is a file, can never take the output."""
    if path.is_dir():
        raise OutputRefused(
            f"cannot write {path}: it is a directory, not a file", param_hint=option
        )
    for parent in path.parents:
        if parent.exists():
            if not parent.is_dir():
                raise OutputRefused(
                    f"cannot write {path}: {parent} is a file, not a directory", param_hint=option
                )
            break


def check_inputs_not_store(
    inputs: Iterable[str | os.PathLike[str] | None], store: str | os.PathLike[str] | None
) -> None:
    """Refuse an input that is the store itself (the store is written while they are read)."""
    if not _is_file_location(store):
        return
    assert store is not None
    for src in inputs:
        if _is_file_location(src) and same_file(src, store):
            assert src is not None
            raise OutputRefused(
                f"{os.fspath(src)} is the store (--db) itself, not an input to add to it",
                param_hint="INPUT",
            )
