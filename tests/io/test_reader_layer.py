"""The reader layer on hostile files: FIFOs, devices, deep or huge JSON, surrogates, NUL,
JSON Lines separators (issue 14 cases 3, 4 and 7)."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

from geoevents.errors import InputError
from geoevents.io.articles import Article, read_articles
from geoevents.io.files import clean_text, load_json, read_input_bytes

GOOD = "Shelling hits Nikopol\nRussian artillery shelled Nikopol overnight, the governor said.\n"


def _run(paths: list[Path | str]) -> tuple[list[Article], list[InputError]]:
    items = list(read_articles(paths))
    return (
        [a for a in items if isinstance(a, Article)],
        [e for e in items if isinstance(e, InputError)],
    )


def _record(text: str, rid: str) -> str:
    return json.dumps({"id": rid, "text": text})


# --- case 7: non-regular files are refused by name, before any read -------------------


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_dev_zero_is_refused_unread() -> None:
    arts, errs = _run(["/dev/zero", "/dev/urandom"])
    assert not arts
    assert [str(e) for e in errs] == [
        "/dev/zero: a character device, not a regular file; not read",
        "/dev/urandom: a character device, not a regular file; not read",
    ]


def test_fifo_in_a_folder_does_not_hang_and_neighbours_are_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "b.txt")  # nobody ever writes: an open() without care blocks forever
    (tmp_path / "c.jsonl").write_text(_record("Drones hit Odesa port.", "r1") + "\n")
    arts, errs = _run([tmp_path])
    assert [Path(a.path or "").name for a in arts] == ["a.txt", "c.jsonl"]
    assert [str(e) for e in errs] == [
        f"{tmp_path / 'b.txt'}: a FIFO (named pipe), not a regular file; not read"
    ]
    # named directly too
    arts, errs = _run([tmp_path / "b.txt"])
    assert not arts and "FIFO" in errs[0].message


def test_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        arts, errs = _run([path])
    assert not arts and str(errs[0]) == f"{path}: a socket, not a regular file; not read"


def test_size_cap_is_checked_on_the_bytes_read_too(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(b"x" * 50)
    with pytest.raises(InputError, match="over the 10-byte limit"):
        read_input_bytes(f, 10)
    assert read_input_bytes(f, 50) == b"x" * 50


# --- case 3: lone surrogates, huge integers, deep nesting: named, the run goes on ------


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "s", "text": "Strike \\ud800 on Kyiv"}', "lone surrogate U+D800"),
        ('{"id": "k", "text": "x", "\\udfff": 1}', "lone surrogate U+DFFF"),
        ('{"id": "n", "text": "x", "n": ' + "9" * 5000 + "}", "not readable JSON"),
        ('{"text": "x", "deep": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
    ],
)
def test_bad_jsonl_line_is_named_and_the_lines_around_survive(
    tmp_path: Path, line: str, message: str
) -> None:
    f = tmp_path / "a.jsonl"
    good1, good2 = _record("Drones hit Odesa.", "g1"), _record("Shelling in Kherson.", "g2")
    f.write_text("\n".join([good1, line, good2]) + "\n", encoding="utf-8")
    arts, errs = _run([f])
    assert [a.id for a in arts] == ["g1", "g2"]
    assert len(errs) == 1 and errs[0].path == str(f) and errs[0].line == 2
    assert message in errs[0].message


@pytest.mark.parametrize(
    "doc",
    [
        '[{"text": "\\ud83d alone"}]',
        '{"text": ' + "1" * 4400 + "}",
        "[" * 50_000 + "]" * 50_000,
    ],
)
def test_bad_json_file_is_one_named_error(tmp_path: Path, doc: str) -> None:
    (tmp_path / "a.json").write_text(doc, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    arts, errs = _run([tmp_path])
    assert len(arts) == 1 and len(errs) == 1 and errs[0].path == str(tmp_path / "a.json")


def test_a_paired_surrogate_escape_is_good_text() -> None:
    assert load_json('{"t": "\\ud83d\\udca5"}', "f") == {"t": "\U0001f4a5"}


def test_nul_and_control_characters_are_removed_before_any_store(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    f.write_text(
        json.dumps({"id": "r\u00001", "title": "T\u0000", "text": "Drones\u0000 hit\u0007 Odesa."})
        + "\n",
        encoding="utf-8",
    )
    (art,) = list(read_articles([f]))
    assert isinstance(art, Article)
    assert (art.id, art.title, art.text) == ("r1", "T", "Drones hit Odesa.")
    assert clean_text("a\tb\nc\r\n") == "a\tb\nc\r\n"


# --- case 4: JSON Lines split on \n only ------------------------------------------------


@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\x1c"])
def test_jsonl_records_keep_unicode_line_separators(tmp_path: Path, sep: str) -> None:
    f = tmp_path / "a.jsonl"
    lines = [
        json.dumps({"id": "a", "text": f"Drones hit{sep}Odesa."}, ensure_ascii=False),
        "",
        "{oops",
        json.dumps({"id": "b", "text": f"Kherson{sep}shelled."}, ensure_ascii=False),
    ]
    f.write_text("\r\n".join(lines) + "\n", encoding="utf-8")
    arts, errs = _run([f])
    assert [a.id for a in arts] == ["a", "b"]
    assert [a.line for a in arts] == [1, 4]
    assert len(errs) == 1 and errs[0].line == 3  # the line numbers stay right
    if sep in "\u2028\u2029\u0085":
        assert sep in arts[0].text


def test_text_file_title_is_the_first_real_line(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Depot hit\u2028overnight\nDrones hit a depot in Odesa.\n", encoding="utf-8")
    (art,) = list(read_articles([f]))
    assert isinstance(art, Article)
    assert art.title == "Depot hit\u2028overnight" and art.text == "Drones hit a depot in Odesa."


def test_a_text_of_control_characters_only_is_an_error(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    f.write_text(
        _record("\u0000\u0007", "c") + "\n" + _record("Drones hit Odesa.", "g") + "\n",
        encoding="utf-8",
    )
    arts, errs = _run([f])
    assert [a.id for a in arts] == ["g"]
    assert str(errs[0]) == f"{f}:1: field text: no article text (only control characters)"


def test_a_raw_nul_byte_in_a_jsonl_line_loses_that_line_only(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    f.write_bytes(
        b'{"id": "a", "text": "Drones hit Odesa."}\n{"id": "b", "text": "x\x00y"}\n\x00\n'
        b'{"id": "c", "text": "Kherson shelled."}\n'
    )
    arts, errs = _run([f])
    assert [a.id for a in arts] == ["a", "c"]
    assert [(e.line, e.message[:14]) for e in errs] == [
        (2, "not valid JSON"),
        (3, "not valid JSON"),
    ]
    (tmp_path / "b.txt").write_bytes(b"Title\nText with a \x00 byte\n")
    arts, errs = _run([tmp_path / "b.txt"])  # other formats: a NUL byte is a binary file
    assert not arts and "binary file" in errs[0].message


def test_a_lone_surrogate_loses_its_record_only(tmp_path: Path) -> None:
    f = tmp_path / "a.json"
    f.write_text(
        '[{"id": "a", "text": "Drones hit Odesa."}, {"id": "b", "text": "x\\udc00"},'
        ' {"id": "c", "text": "Kherson shelled."}]',
        encoding="utf-8",
    )
    arts, errs = _run([f])
    assert [a.id for a in arts] == ["a", "c"]
    assert str(errs[0]) == f"{f}: field text: lone surrogate U+DC00 in a string (not valid Unicode)"
