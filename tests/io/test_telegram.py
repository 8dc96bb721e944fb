"""Telegram Desktop channel exports as input (issue 15, point 4): one article per message
with text, the channel as the source, the message link when the channel has a public
name, and clear errors for bad exports and messages while the others still go through."""

from __future__ import annotations

import datetime
import json
import tempfile
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geoevents.errors import InputError
from geoevents.io.articles import Article, read_articles
from tests.support.cli import run

STRIKE = (
    "A Russian drone struck a warehouse in the port of Odesa overnight, injuring three workers."
)


def _message(mid: int, text: Any, **extra: Any) -> dict[str, Any]:
    msg = {
        "id": mid,
        "type": "message",
        "date": "2024-07-08T10:15:00",
        "date_unixtime": "1720433700",
        "from": "Odesa Regional Administration",
        "from_id": "channel1234567890",
        "text": text,
        "text_entities": [],
    }
    return {**msg, **extra}


def _export(messages: list[Any], **top: Any) -> dict[str, Any]:
    chat = {"name": "Odesa Regional Administration", "type": "public_channel", "id": 1234567890}
    return {**chat, **top, "messages": messages}


def _write(folder: Path, data: Any, name: str = "result.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _read(path: Path) -> tuple[list[Article], list[InputError], list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        items = list(read_articles([path]))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, InputError)]
    return articles, errors, [str(w.message) for w in caught]


def test_entity_list_text_is_read_as_one_article_per_message(tmp_path: Path) -> None:
    entities = [
        "Вночі ворог атакував ",
        {"type": "bold", "text": "Одесу"},
        " ударними дронами. Пошкоджено склад у порту. ",
        {"type": "hashtag", "text": "#Одеса"},
        " ",
        {"type": "text_link", "text": "Деталі", "href": "https://example.org/a"},
        "\n",
        {"type": "mention", "text": "@odesa_ova"},
    ]
    service = {"id": 1, "type": "service", "date": "2024-07-01T09:00:00", "action": "pin_message"}
    export = _export(
        [
            service,
            _message(2, entities),
            _message(3, "", photo="(File not included.)"),
            _message(4, STRIKE, forwarded_from="Ukrainian Air Force"),
        ],
        username="odesa_ova",
    )
    articles, errors, warned = _read(_write(tmp_path, export))
    assert errors == []
    assert [a.id for a in articles] == ["odesa_ova/2", "odesa_ova/4"]
    first = articles[0]
    assert first.text == (
        "Вночі ворог атакував Одесу ударними дронами. Пошкоджено склад у порту. #Одеса Деталі\n"
        "@odesa_ova"
    )
    assert (first.title, first.url) == (None, "https://t.me/odesa_ova/2")
    assert (first.published, first.published_source) == (datetime.date(2024, 7, 8), "metadata")
    assert (first.source, first.forwarded_from) == ("Odesa Regional Administration", None)
    assert first.outlet == "Odesa Regional Administration"
    assert articles[1].forwarded_from == articles[1].outlet == "Ukrainian Air Force"
    assert warned == [
        f"{tmp_path / 'result.json'}: Telegram export: 1 service message and "
        "1 message without text skipped"
    ]


def test_without_a_username_posts_are_named_by_the_channel_id_and_have_no_link(
    tmp_path: Path,
) -> None:
    export = _export(
        [
            _message(7, STRIKE),
            {
                **_message(8, None),
                "text_entities": [{"type": "plain", "text": "Explosions in Odesa."}],
            },
        ]
    )
    del export["messages"][1]["text"]  # only text_entities: read the same way
    articles, errors, warned = _read(_write(tmp_path, export))
    assert (errors, warned) == ([], [])
    assert [(a.id, a.url, a.text) for a in articles] == [
        ("1234567890/7", None, STRIKE),
        ("1234567890/8", None, "Explosions in Odesa."),
    ]


def test_the_date_falls_back_on_the_unix_time(tmp_path: Path) -> None:
    msg = _message(9, STRIKE)
    del msg["date"]
    [article], _, _ = _read(_write(tmp_path, _export([msg])))
    assert article.published == datetime.date(2024, 7, 8)


@pytest.mark.parametrize(
    ("bad", "error"),
    [
        ("just text", "field messages[1]: a message must be a JSON object, not str"),
        (
            {"type": "message", "date": "2024-07-08T10:00:00", "text": "x"},
            "field messages[1].id: message with no id",
        ),
        (
            {**_message(5, "x"), "id": "five"},
            "field messages[1].id: message with an id that is not an integer: 'five'",
        ),
        (
            {k: v for k, v in _message(5, STRIKE).items() if not k.startswith("date")},
            "field messages[1].date: message 5 has no date",
        ),
        (
            {"id": 5, "type": "message", "date_unixtime": "9" * 30, "text": "x"},
            "field messages[1].date: message 5 has no date and a date_unixtime that is not a "
            "time: '999999999999999999999999999999'",
        ),
        (
            {**_message(5, STRIKE), "date": "yesterday", "date_unixtime": None},
            "field messages[1].date: message 5 has a date that is not ISO: 'yesterday'",
        ),
        (
            _message(5, 42),
            "field messages[1].text: message 5: text must be a string or a list of text entities, "
            "not int",
        ),
        (
            _message(5, ["ok ", {"type": "bold", "text": 3}]),
            "field messages[1].text[1]: message 5: a text entity must be a string or an object "
            "with a text string, not dict",
        ),
    ],
)
def test_a_bad_message_is_named_and_the_others_still_go_through(
    tmp_path: Path, bad: Any, error: str
) -> None:
    path = _write(tmp_path, _export([_message(4, STRIKE), bad, _message(6, STRIKE)]))
    articles, errors, _ = _read(path)
    assert [a.id for a in articles] == ["1234567890/4", "1234567890/6"]
    assert [str(e) for e in errors] == [f"{path}: {error}"]


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"name": "c", "type": "public_channel", "id": 1}, "Telegram export with no messages list"),
        ({"name": "c", "messages": {"1": "x"}}, "Telegram export with a dict as its messages list"),
        (
            {"about": "x", "chats": {"list": []}},
            "Telegram export with no messages list (a whole account's export: export each "
            "channel with 'Export chat history')",
        ),
    ],
)
def test_an_export_without_a_messages_list_is_an_error(
    tmp_path: Path, data: Any, error: str
) -> None:
    path = _write(tmp_path, data)
    articles, errors, _ = _read(path)
    assert articles == []
    assert [str(e) for e in errors] == [f"{path}: field messages: {error}"]


def test_a_broken_export_is_not_valid_json(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text('{"name": "c", "messages": [{"id": 1,', encoding="utf-8")
    _, errors, _ = _read(path)
    assert len(errors) == 1 and "not valid JSON" in str(errors[0])


def test_an_export_in_html_is_refused_with_the_way_to_export_json(tmp_path: Path) -> None:
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Exported Data</title></head>'
        '<body><div class="page_wrap"><div class="page_header"><div class="text bold">'
        'Odesa Regional Administration</div></div><div class="page_body chat_page">'
        '<div class="history"><div class="message default clearfix" id="message4">'
        f'<div class="body"><div class="text">{STRIKE}</div></div></div>'
        '<div class="message default clearfix" id="message5"><div class="body">'
        '<div class="text">Explosions in Odesa.</div></div></div></div></div></div></body></html>'
    )
    path = tmp_path / "messages.html"
    path.write_text(page, encoding="utf-8")
    articles, errors, _ = _read(path)
    assert articles == []
    assert [str(e) for e in errors] == [
        f"{path}: a Telegram export in HTML: export the channel again with the format "
        '"Machine-readable JSON" and read its result.json'
    ]


def test_an_export_in_a_folder_is_read_beside_articles(tmp_path: Path) -> None:
    _write(tmp_path, _export([_message(4, STRIKE)], username="odesa_ova"), "channel.json")
    (tmp_path / "story.txt").write_text("Drone strike\n\n" + STRIKE + "\n", encoding="utf-8")
    articles, errors, _ = _read(tmp_path)
    assert errors == []
    ids = sorted(a.id for a in articles)
    assert ids[0].startswith("art-") and ids[1] == "odesa_ova/4"


@pytest.mark.slow
def test_geoevents_extract_reads_a_channel_export(tmp_path: Path) -> None:
    polish = "W nocy rosyjskie drony zaatakowały port w Odessie, są ranni."
    export = _export(
        [
            _message(
                4,
                [
                    "A Russian drone struck a warehouse in the port of ",
                    {"type": "bold", "text": "Odesa"},
                    " overnight, injuring three workers.",
                ],
            ),
            _message(5, polish),
            {"id": 6, "type": "service", "date": "2024-07-08T11:00:00", "action": "edit_photo"},
        ],
        username="odesa_ova",
    )
    path = _write(tmp_path, export)
    out = tmp_path / "events.geojson"
    result = run("extract", path, "-o", out)
    assert result.exit_code == 0, result.output
    assert f"warning: {path}: written in Polish; geoevents reads English" in result.output
    assert "1 service message and 0 messages without text skipped" in result.output
    assert "2 articles read, 0 failed, 1 event found" in result.output
    [feature] = json.loads(out.read_text(encoding="utf-8"))["features"]
    props = feature["properties"]
    assert props["place_name"] == "Odesa"
    assert [(c["claimant"], c["stance"]) for c in props["claims"]] == [
        ("Odesa Regional Administration", "reports")
    ]
    assert [(s["article_id"], s["url"], s["published"]) for s in props["sources"]] == [
        ("odesa_ova/4", "https://t.me/odesa_ova/4", "2024-07-08")
    ]


_junk = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
#: Messages right or wrong in any field a message has.
_messages = st.fixed_dictionaries(
    {},
    optional={
        "id": st.integers(-5, 10**12) | _junk,
        "type": st.sampled_from(["message", "service"]) | _junk,
        "date": st.sampled_from(["2024-07-08T10:15:00", "2024-02-30T00:00:00", "", None]) | _junk,
        "date_unixtime": st.sampled_from(["1720433700", "-1", "9" * 30]) | _junk,
        "text": st.text(max_size=30)
        | st.lists(st.text(max_size=8) | st.fixed_dictionaries({"type": _junk, "text": _junk}))
        | _junk,
        "text_entities": _junk,
        "forwarded_from": _junk,
    },
)


@settings(max_examples=150, deadline=None)
@given(
    top=st.fixed_dictionaries(
        {}, optional={"name": _junk, "id": _junk, "username": _junk, "type": _junk}
    ),
    bad=st.lists(_messages | _junk, max_size=4),
)
def test_any_export_gives_articles_and_named_errors_and_keeps_the_good_message(
    top: dict[str, Any], bad: list[Any]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder), {**top, "messages": [*bad, _message(10**13, STRIKE)]})
        articles, errors, _ = _read(path)
    assert articles and articles[-1].text == STRIKE and articles[-1].id.endswith(f"/{10**13}")
    assert all(str(e).startswith(str(path)) for e in errors)
