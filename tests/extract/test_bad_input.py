"""Bad input: each gets a clear error naming file/line/field; every other article still goes through."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geoevents.errors import InputError
from geoevents.io.articles import MAX_BYTES, MAX_BYTES_ENV, Article, read_articles

GOOD = "Shelling hits Nikopol\nRussian artillery shelled Nikopol overnight, the governor said.\n"


def _run(paths: list[Path | str], **kw: object) -> tuple[list[Article], list[InputError]]:
    items = list(read_articles(paths, **kw))  # type: ignore[arg-type]
    return (
        [a for a in items if isinstance(a, Article)],
        [e for e in items if isinstance(e, InputError)],
    )


def _with_good_neighbours(
    tmp_path: Path, name: str, data: bytes
) -> tuple[Path, list[Article], InputError]:
    """Put the bad file between two good ones; all must be read but the bad one."""
    (tmp_path / "a_good.txt").write_text(GOOD, encoding="utf-8")
    bad = tmp_path / name
    bad.write_bytes(data)
    (tmp_path / "z_good.txt").write_text(GOOD.replace("Nikopol", "Marhanets"), encoding="utf-8")
    arts, errs = _run([tmp_path])
    assert [Path(a.path or "").name for a in arts] == ["a_good.txt", "z_good.txt"]
    assert len(errs) == 1
    assert errs[0].path == str(bad)
    assert str(bad) in str(errs[0])
    return bad, arts, errs[0]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("binary.txt", b"GIF89a\x00\x01\x02\x00\xff", "binary file (NUL byte at offset 6)"),
        (
            "latin1.txt",
            "Title\nKyiv caf\xe9 hit".encode("latin-1"),
            "not UTF-8 text: invalid byte 0xe9 at offset 14",
        ),
        ("cp1251.html", "<p>Удар</p>".encode("cp1251"), "not UTF-8 text: invalid byte"),
        ("empty.txt", b"", "empty file"),
        ("blank.jsonl", b"\n  \n\t\n", "empty file"),
        ("date_only.txt", b"Title\nMay 31, 2024 at 08:56PM\n", "no article text"),
        ("broken.json", b'{"text": "x",', "not valid JSON"),
        (
            "scripts.html",
            b"<html><head><script>var a='Kyiv shelled';</script></head><body>"
            + b"<script>alert('Makiivka')</script>" * 200
            + b"</body></html>",
            "no main text",
        ),
    ],
)
def test_bad_file_is_reported_and_others_still_read(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    _, _, err = _with_good_neighbours(tmp_path, name, data)
    assert message in err.message


def test_malformed_jsonl_line_names_the_line_and_other_lines_still_read(tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "r1", "text": "Shelling hit Kherson."}),
        '{"id": "r2", "text": "unterminated',
        json.dumps({"id": "r3", "text": "Drones hit Odesa."}),
        "[1, 2]",
        json.dumps({"id": "r5", "title": "no text here"}),
        json.dumps({"id": "r6", "text": 5}),
        json.dumps({"id": "r7", "text": "  "}),
        json.dumps({"id": "r8", "text": "Ok.", "published": "last Tuesday"}),
        json.dumps({"id": ["x"], "text": "Ok."}),
        json.dumps({"id": "r10", "text": "Missiles hit Dnipro."}),
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    arts, errs = _run([f])
    assert [a.id for a in arts] == ["r1", "r3", "r10"]
    assert [(e.line, e.field) for e in errs] == [
        (2, None),
        (4, None),
        (5, "text"),
        (6, "text"),
        (7, "text"),
        (8, "published"),
        (9, "id"),
    ]
    assert str(errs[0]).startswith(f"{f}:2: not valid JSON")
    assert str(errs[2]) == f"{f}:5: field text: record has no text"
    assert "must be a JSON object" in str(errs[1])


def test_record_without_text_in_json_list(tmp_path: Path) -> None:
    f = tmp_path / "list.json"
    f.write_text(json.dumps([{"id": "a", "text": "Ok."}, {"id": "b"}]), encoding="utf-8")
    arts, errs = _run([f])
    assert [a.id for a in arts] == ["a"]
    assert (errs[0].field, errs[0].path) == ("text", str(f))


def test_50_mb_article_is_refused_unread(tmp_path: Path) -> None:
    chunk = b"Shelling hit Kherson again, officials said. " * 23900  # ~1 MB of text
    data = b"Huge report\n" + chunk * 50
    assert len(data) > 50 * 1024 * 1024
    bad, arts, err = _with_good_neighbours(tmp_path, "huge.txt", data)
    assert f"over the {MAX_BYTES}-byte limit" in err.message
    assert MAX_BYTES_ENV in err.message and "not read" in err.message


def test_size_cap_is_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "a.txt"
    f.write_text(GOOD, encoding="utf-8")
    assert len(_run([f], max_bytes=10)[1]) == 1
    monkeypatch.setenv(MAX_BYTES_ENV, "10")
    assert len(_run([f])[1]) == 1
    monkeypatch.setenv(MAX_BYTES_ENV, str(10 * 1024))
    assert len(_run([f])[0]) == 1


def test_html_full_of_scripts_keeps_only_the_article(tmp_path: Path) -> None:
    junk = "<script>var s = 'Drones struck Kramatorsk'; document.write(s);</script>" * 300
    html = (
        f"<html><head><title>Port hit</title>{junk}<style>p{{color:red}}</style></head><body>"
        f"<nav>Home | World | Kharkiv</nav>{junk}<article><h1>Port hit</h1>"
        "<p>A missile struck the grain terminal in the port of Odesa early on Monday, the regional "
        "governor said, damaging warehouses and wounding two workers.</p>"
        f"<p>Firefighters put out the blaze by morning, officials said.</p>{junk}</article>"
        "<footer>Copyright</footer></body></html>"
    )
    f = tmp_path / "page.html"
    f.write_text(html, encoding="utf-8")
    (art,) = _run([f])[0]
    assert art.title == "Port hit"
    assert "grain terminal in the port of Odesa" in art.text
    for junk_word in ("Kramatorsk", "document.write", "color", "Kharkiv", "Copyright"):
        assert junk_word not in art.text


def test_missing_path_and_directory_errors(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    arts, errs = _run([tmp_path / "nope.txt", tmp_path / "ok.txt"])
    assert len(arts) == 1
    assert str(errs[0]) == f"{tmp_path / 'nope.txt'}: no such file or directory"


def test_symlink_loop_cannot_be_read_even_by_root(tmp_path: Path) -> None:
    """A path that no user can read: the OS error is named, the neighbours are read.

    Runs as root too (CI runs as root, where ``chmod 0`` does not stop a read).
    """
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)  # ELOOP on every open or stat, whoever asks
    (tmp_path / "a_good.txt").write_text(GOOD, encoding="utf-8")
    arts, errs = _run([tmp_path])
    assert [Path(a.path or "").name for a in arts] == ["a_good.txt"]
    assert len(errs) == 1 and errs[0].path == str(loop)
    assert errs[0].message == "cannot read: Too many levels of symbolic links"
    # given directly, the same error, not a misleading "no such file"
    arts, errs = _run([loop, tmp_path / "a_good.txt"])
    assert len(arts) == 1
    assert str(errs[0]) == f"{loop}: cannot read: Too many levels of symbolic links"


def test_dangling_symlink_given_directly(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "deleted-target.txt")
    arts, errs = _run([link])
    assert not arts and str(errs[0]) == f"{link}: cannot read: No such file or directory"


def test_path_through_a_file_is_reported(tmp_path: Path) -> None:
    """ "report.txt/extra.txt": a file used as a directory; root cannot read it either."""
    (tmp_path / "report.txt").write_text(GOOD, encoding="utf-8")
    arts, errs = _run([tmp_path / "report.txt" / "extra.txt", tmp_path / "report.txt"])
    assert len(arts) == 1
    assert errs[0].path == str(tmp_path / "report.txt" / "extra.txt")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses Linux procfs")
def test_unlistable_directory_is_reported(tmp_path: Path) -> None:
    """A directory that no one can list, root included: /proc/PID of a process that has
    ended, held open and reached through /proc/self/fd (listing it fails with ESRCH)."""
    (tmp_path / "a_good.txt").write_text(GOOD, encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-c", ""])
    fd = os.open(f"/proc/{child.pid}", os.O_RDONLY | os.O_DIRECTORY)
    try:
        child.wait()
        locked = tmp_path / "locked"
        locked.symlink_to(f"/proc/self/fd/{fd}")
        assert locked.is_dir()
        arts, errs = _run([tmp_path])
    finally:
        os.close(fd)
    assert len(arts) == 1
    assert str(errs[0]) == f"{locked}: cannot list directory: No such process"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses Linux procfs")
def test_unreadable_file(tmp_path: Path) -> None:
    """A file that no one can read, root included: /proc/self/mem opens, but reading
    its first bytes (address 0, never mapped) fails with EIO."""
    f = tmp_path / "secret.txt"
    f.symlink_to("/proc/self/mem")
    arts, errs = _run([f])
    assert not arts and str(errs[0]) == f"{f}: cannot read: Input/output error"


def test_unreadable_directory_entry_does_not_stop_the_walk(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing-target.txt")
    (tmp_path / "z.txt").write_text(GOOD, encoding="utf-8")
    arts, errs = _run([tmp_path])
    assert len(arts) == 2
    assert len(errs) == 1 and errs[0].path == str(tmp_path / "dangling.txt")


def test_binary_on_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\x00\x01binary"), encoding="utf-8")
    )
    arts, errs = _run(["-"])
    assert not arts and str(errs[0]) == "<stdin>: binary file (NUL byte at offset 0); not text"


def test_oversized_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD.encode() * 10), encoding="utf-8")
    )
    arts, errs = _run(["-"], max_bytes=100)
    assert not arts and "100-byte limit" in errs[0].message
