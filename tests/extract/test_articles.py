"""Reading articles: text, HTML, JSON, JSON Lines, directories and stdin (issue 3, point 1)."""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import sys
from pathlib import Path

import pytest

from geoevents.errors import InputError
from geoevents.io.articles import Article, read_articles

D = datetime.date
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _articles(items: list[Article | InputError]) -> list[Article]:
    return [a for a in items if isinstance(a, Article)]


def _errors(items: list[Article | InputError]) -> list[InputError]:
    return [e for e in items if isinstance(e, InputError)]


def test_text_file_first_line_is_the_title(tmp_path: Path) -> None:
    f = tmp_path / "report.txt"
    f.write_text(
        "\n\n  Strike on depot  \nJuly 21, 2022 at 11:05AM\n\nA depot burned near Izium.\n",
        encoding="utf-8",
    )
    (art,) = list(read_articles([f]))
    assert isinstance(art, Article)
    assert art.title == "Strike on depot"
    assert art.text == "A depot burned near Izium."  # the timestamp line is metadata
    assert (art.published, art.published_source) == (D(2022, 7, 21), "dateline")
    assert art.path == str(f) and art.line is None and art.url is None
    assert art.id.startswith("art-")


def test_one_line_text_file_is_text_without_title(tmp_path: Path) -> None:
    f = tmp_path / "headline.txt"
    f.write_text("Shelling hits Nikopol", encoding="utf-8")
    (art,) = list(read_articles([f]))
    assert (art.title, art.text) == (None, "Shelling hits Nikopol")


def test_html_main_text_and_metadata_without_scripts() -> None:
    (art,) = list(read_articles([EXAMPLES / "olenivka_prison.html"]))
    assert isinstance(art, Article)
    assert art.title == "Dozens of prisoners of war killed in Olenivka barracks blast"
    assert art.published == D(2022, 7, 29) and art.published_source == "metadata"
    assert art.url == "https://news.example.org/world/olenivka-barracks-blast"
    assert "Olenivka" in art.text and "HIMARS rockets" in art.text
    # scripts, styles, navigation and footer never reach the text
    for junk in ("Kramatorsk", "dataLayer", "function", "Sign in", "Copyright", "color:", "Odesa"):
        assert junk not in art.text
    assert not art.text.startswith(art.title)  # the <h1> is the title, not text


def test_json_record_and_list(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(
        json.dumps(
            {
                "id": 7,
                "title": "T",
                "text": "Shelling hit Kherson.",
                "url": "u",
                "published": "2022-11-20",
            }
        ),
        encoding="utf-8",
    )
    many = tmp_path / "many.json"
    many.write_text(
        json.dumps(
            [
                {"text": "First."},
                {"id": "b", "text": "Second.", "published": "2022-11-21T08:00:00Z"},
            ]
        ),
        encoding="utf-8",
    )
    items = list(read_articles([one, many]))
    arts = _articles(items)
    assert not _errors(items)
    assert [a.id for a in arts][0] == "7"
    assert arts[0] == Article(
        id="7",
        title="T",
        text="Shelling hit Kherson.",
        url="u",
        published=D(2022, 11, 20),
        published_source="metadata",
        path=str(one),
    )
    assert arts[1].id.startswith("art-") and arts[1].published is None
    assert (arts[2].id, arts[2].published) == ("b", D(2022, 11, 21))


def test_jsonl_lines_are_numbered_and_blank_lines_skipped(tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl"
    f.write_text('{"id": "a", "text": "One."}\n\n{"id": "b", "text": "Two."}\n', encoding="utf-8")
    arts = _articles(list(read_articles([f])))
    assert [(a.id, a.line) for a in arts] == [("a", 1), ("b", 3)]


def test_ndjson_extension_and_sniffed_unknown_extension(tmp_path: Path) -> None:
    (tmp_path / "a.ndjson").write_text('{"text": "x"}\n', encoding="utf-8")
    odd = tmp_path / "page.dat"
    odd.write_text(
        "<html><body><article><p>"
        + "A missile hit the port of Odesa. " * 5
        + "</p></article></body></html>",
        encoding="utf-8",
    )
    items = list(read_articles([tmp_path / "a.ndjson", odd]))
    arts = _articles(items)
    assert len(arts) == 2 and arts[1].text.startswith("A missile hit the port of Odesa.")
    assert "<" not in arts[1].text


def test_directory_is_recursive_sorted_and_skips_other_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Z\nbody z", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A\nbody a", encoding="utf-8")
    (tmp_path / "c.md").write_text("C\nbody c", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("H\nbody h", encoding="utf-8")
    (tmp_path / "out.geojson").write_text("{}", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("a,b", encoding="utf-8")
    arts = _articles(list(read_articles([tmp_path])))
    assert [a.title for a in arts] == ["A", "Z", "C"]


def test_expected_document_is_skipped_in_directory_but_reported_when_named() -> None:
    items = list(read_articles([EXAMPLES]))
    assert not _errors(items)
    assert not any(a.path and a.path.endswith("expected.json") for a in _articles(items))
    (err,) = list(read_articles([EXAMPLES / "expected.json"]))
    assert isinstance(err, InputError) and "not an article file" in str(err)


def test_examples_cover_every_input_format() -> None:
    arts = _articles(list(read_articles([EXAMPLES])))
    suffixes = {Path(a.path or "").suffix for a in arts}
    assert {".txt", ".html", ".jsonl"} <= suffixes
    assert len(arts) >= 10
    sources = {a.published_source for a in arts}
    assert {"metadata", "dateline", "none"} <= sources


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = '{"id": "s1", "text": "Drones hit Odesa."}\n{"id": "s2", "text": "Shelling hit Sumy."}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode()), encoding="utf-8"))
    arts = _articles(list(read_articles(["-"])))
    assert [(a.id, a.path, a.line) for a in arts] == [("s1", "<stdin>", 1), ("s2", "<stdin>", 2)]


def test_stdin_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    data = "Drone attack\nDrones hit Odesa overnight.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode()), encoding="utf-8"))
    (art,) = list(read_articles(["-"]))
    assert (art.title, art.text) == ("Drone attack", "Drones hit Odesa overnight.")


@pytest.mark.parametrize(
    ("record", "option", "expected", "source"),
    [
        (
            {"text": "Moscow, Aug 2 (EFE) - x", "published": "2023-08-03"},
            D(2020, 1, 1),
            D(2023, 8, 3),
            "metadata",
        ),
        ({"text": "Moscow, Aug 2 (EFE) - x"}, D(2023, 9, 1), D(2023, 8, 2), "dateline"),
        ({"text": "Moscow, Aug 2, 2022 (EFE) - x"}, None, D(2022, 8, 2), "dateline"),
        ({"text": "Shelling hit Kherson."}, D(2023, 9, 1), D(2023, 9, 1), "option"),
        ({"text": "Shelling hit Kherson."}, None, None, "none"),
    ],
)
def test_publication_date_priority(
    tmp_path: Path, record: dict[str, str], option: D | None, expected: D | None, source: str
) -> None:
    f = tmp_path / "r.jsonl"
    f.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (art,) = list(read_articles([f], published=option))
    assert (art.published, art.published_source) == (expected, source)


def test_content_hash_and_stable_ids(tmp_path: Path) -> None:
    f = tmp_path / "x.txt"
    f.write_text("Title\nBody text.", encoding="utf-8")
    a1 = next(iter(read_articles([f])))
    a2 = next(iter(read_articles([str(f)])))
    assert a1.id == a2.id
    assert a1.content_hash == hashlib.sha256(b"Title\nBody text.").hexdigest()
    f.write_text("Title\nOther text.", encoding="utf-8")
    a3 = next(iter(read_articles([f])))
    assert a3.id != a1.id and a3.content_hash != a1.content_hash


def test_examples_read_identically_twice() -> None:
    first = list(read_articles([EXAMPLES]))
    second = list(read_articles([EXAMPLES]))
    assert first == second
    ids = [a.id for a in _articles(first)]
    assert len(ids) == len(set(ids))
