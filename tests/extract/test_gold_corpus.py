"""The annotated extraction corpus in tests/data/extract/ is complete and consistent (issue 10).

The corpus holds original articles written for this project (in ``articles/``; the README
and the gold file beside it are not inputs) and ``gold.json``, the events a careful analyst
codes from each (the ``expected-events`` document, version 2). These tests check the corpus,
not the extractor: every input has its gold entry, the counts the issue asks for are there,
every value is from the project's vocabularies, every gold place is where the project's
gazetteer puts that name in the article's context, dates lie in 2022-2025, and no two
articles share a long run of words.

Issue 15 added Ukrainian and Russian posts (``articles/uk``, ``articles/ru``, an article's
``language``): at least 45 in each language, 10-25 % of them non-events, each event place
with its Cyrillic name in ``also`` (geocoded again like the English name), and the
phenomena of those languages tagged (``inflected``, ``oblast_colloquial``, ``namesake``,
``mixed_language``, ``disputed``).
"""

from __future__ import annotations

import datetime
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from gazetteer.geo import haversine_km
from geoevents.extract.targets import TARGETS
from geoevents.extract.weapons import WEAPONS
from geoevents.io.articles import Article, read_articles
from geoevents.vocabulary import EVENT_TYPES, SIDES, STANCES

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "extract"
INPUTS = CORPUS / "articles"
GOLD: dict[str, Any] = json.loads((CORPUS / "gold.json").read_text(encoding="utf-8"))
ARTICLES: list[dict[str, Any]] = GOLD["articles"]

#: The trap classes of the gold format; CLASSES adds the others an article is tagged with.
TRAPS = (
    "actor",
    "person",
    "comparison",
    "background",
    "launch_area",
    "visit",
    "case",
    "noun_trigger",
    "multi_strike",
    "russian_form",
    "figures",
    "intercepts",
    "attribution",
    "attacker",
    "dates",
)
#: The phenomena of the Ukrainian and Russian posts (issue 15).
LANGUAGE_TRAPS = ("inflected", "oblast_colloquial", "namesake", "mixed_language", "disputed")
CLASSES = ("no_strike", *TRAPS, "russia_strike", "crimea", *LANGUAGE_TRAPS)
#: Languages of the corpus (ISO 639-1); an article without ``language`` is English.
LANGUAGES = ("en", "uk", "ru")
#: Posts per language the corpus must hold at least (issue 15 asks 40; the brief 45).
MIN_POSTS = {"en": 80, "uk": 45, "ru": 45}
#: Length of a Ukrainian or Russian post's text, in characters.
POST_CHARS = (200, 1500)
FIRST_DAY, LAST_DAY = datetime.date(2022, 1, 1), datetime.date(2025, 12, 31)
#: Words in a row that two articles may not share (sentences are written once).
SHARED_RUN = 10


def _language(entry: dict[str, Any]) -> str:
    return str(entry.get("language", "en"))


def _key(entry: dict[str, Any]) -> str:
    return entry["file"] + (f"#{entry['record']}" if entry.get("record") else "")


def _events() -> list[tuple[str, dict[str, Any]]]:
    return [(_key(a), e) for a in ARTICLES for e in a["events"]]


@pytest.fixture(scope="module")
def read() -> dict[str, Article]:
    """Every corpus article, read by the product's own reader, by its gold key."""
    out: dict[str, Article] = {}
    for item in read_articles([INPUTS]):
        assert isinstance(item, Article), f"corpus input failed: {item}"
        name = Path(item.path or "").relative_to(CORPUS).as_posix()
        key = f"{name}#{item.id}" if item.line is not None else name
        assert key not in out, f"two inputs read as {key}"
        out[key] = item
    return out


@pytest.fixture(scope="module")
def texts(read: dict[str, Article]) -> dict[str, str]:
    """Title and text of every corpus article."""
    return {key: f"{a.title or ''}\n{a.text}" for key, a in read.items()}


def test_gold_is_a_version_2_expected_events_document() -> None:
    assert GOLD["geoevents_document"] == "expected-events"
    assert GOLD["version"] == 2
    assert GOLD["description"].strip()
    assert GOLD["tolerance_km"] > 0
    keys = [_key(a) for a in ARTICLES]
    assert len(keys) == len(set(keys)), [k for k, n in Counter(keys).items() if n > 1]


def test_every_input_has_gold_and_every_gold_file_exists(read: dict[str, Article]) -> None:
    for a in ARTICLES:
        assert (CORPUS / a["file"]).is_file(), a["file"]
    assert set(read) == {_key(a) for a in ARTICLES}
    assert sorted(p.name for p in CORPUS.iterdir()) == [
        "README.md",
        "articles",
        "gold.json",
        "holdout",
    ]


def test_published_date_is_the_one_the_reader_finds(read: dict[str, Article]) -> None:
    for a in ARTICLES:
        assert a["published"] == str(read[_key(a)].published), _key(a)


def test_counts_by_class_and_format() -> None:
    classes = Counter(c for a in ARTICLES for c in a["classes"])
    formats = Counter(Path(a["file"]).suffix for a in ARTICLES)
    english = [a for a in ARTICLES if _language(a) == "en"]
    assert len(english) >= 80
    assert sum(1 for a in english if not a["events"]) >= 20
    assert sum(1 for a in ARTICLES if set(a["classes"]) & set(TRAPS)) >= 20
    assert {c: classes[c] for c in CLASSES if classes[c] < 3} == {}
    assert formats[".html"] >= 10
    assert formats[".jsonl"] >= 3  # records of at least one JSON Lines file
    assert formats[".txt"] >= 40


def test_classes_and_notes_on_every_article() -> None:
    for a in ARTICLES:
        assert a["classes"] and set(a["classes"]) <= set(CLASSES), _key(a)
        assert a.get("note", "").strip(), _key(a)
        assert ("no_strike" in a["classes"]) == (not a["events"]), _key(a)


@pytest.mark.parametrize(("key", "event"), _events(), ids=[k for k, _ in _events()])
def test_event_values_are_from_the_vocabularies(key: str, event: dict[str, Any]) -> None:
    weapons = {w.label for w in WEAPONS}
    targets = {label for label, _ in TARGETS}
    assert event["event_type"] and set(event["event_type"]) <= set(EVENT_TYPES)
    assert set(event.get("weapons", ())) <= weapons
    assert set(event.get("targets", ())) <= targets
    assert event.get("attacker_side", "unknown") in SIDES
    assert event["claims"], "every event has at least the claim that reports it"
    for claim in event["claims"]:
        assert claim["claimant"].strip()
        assert claim["side"] in SIDES and claim["stance"] in STANCES
        for kind in ("killed", "injured"):
            numbers = claim.get(kind, [])
            assert all(isinstance(n, int) and n >= 0 for n in numbers), claim
    if "launched" in event and "intercepted" in event:
        assert 0 <= event["intercepted"] <= event["launched"]
    if event.get("disputed"):
        assert any(c["stance"] == "denies" for c in event["claims"]), "a dispute has a denial"


def _day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


@pytest.mark.parametrize("entry", ARTICLES, ids=[_key(a) for a in ARTICLES])
def test_dates_lie_in_2022_to_2025(entry: dict[str, Any]) -> None:
    published = _day(entry["published"])
    assert FIRST_DAY <= published <= LAST_DAY
    for event in entry["events"]:
        assert ("date" in event) != ("date_range" in event), "a date or a date range"
        first, last = (event["date"],) * 2 if "date" in event else event["date_range"]
        assert FIRST_DAY <= _day(first) <= _day(last) <= published


def _places(entry: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    out = [(name, e["place"]) for e in entry["events"] for name in (e["place"]["name"],)]
    out += [(name, e["place"]) for e in entry["events"] for name in e["place"].get("also", ())]
    return out + [(p["name"], p) for p in entry.get("not_at", ())]


@pytest.mark.parametrize("entry", ARTICLES, ids=[_key(a) for a in ARTICLES])
def test_gold_places_are_where_the_gazetteer_puts_them(
    entry: dict[str, Any], texts: dict[str, str], gazetteer: Any
) -> None:
    """Each name (and each other name in ``also``), geocoded in the article's context, lies
    within the place's tolerance of the gold point: the coordinates are the product's."""
    context = gazetteer.context_from_text(texts[_key(entry)])
    tolerance = GOLD["tolerance_km"]
    for name, place in _places(entry):
        found = [
            c
            for c in gazetteer.resolve_text(name, context, limit=10)
            if c.place.country_code == place["country_code"]
        ]
        assert found, f"{name} ({place['country_code']}) is not in the gazetteer"
        best = found[0].place
        km = haversine_km((best.lat, best.lon), (place["lat"], place["lon"]))
        assert km <= place.get("tolerance_km", tolerance), (
            f"{name}: the gazetteer gives {best.name}, {best.admin1} ({best.lat:.4f}, "
            f"{best.lon:.4f}), {km:.0f} km from the gold point"
        )
        if "geonameid" in place and name == place["name"]:
            assert best.geonameid == place["geonameid"], name


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+", text.lower())


def test_no_two_articles_share_a_long_run_of_words(texts: dict[str, str]) -> None:
    """Each article is written on its own: no run of SHARED_RUN words appears in two of them
    (nor in one of the example reports in examples/)."""
    sources = dict(texts)
    for item in read_articles([ROOT / "examples"]):
        assert isinstance(item, Article)
        sources[f"examples/{Path(item.path or '').name}#{item.id}"] = item.text
    seen: dict[tuple[str, ...], str] = {}
    shared = []
    for key, text in sources.items():
        words = _words(text)
        runs = {tuple(words[i : i + SHARED_RUN]) for i in range(len(words) - SHARED_RUN + 1)}
        for run in runs:
            other = seen.setdefault(run, key)
            if other != key:
                shared.append(f"{key} and {other}: {' '.join(run)}")
    assert not shared, "\n".join(sorted(shared)[:10])


def test_the_holdout_set_is_valid_and_evaluates() -> None:
    """The held-out set (holdout/README.md) is a measurement, not a floor: it must load and
    every article must be read and evaluated."""
    from geoevents.evaluation import evaluate_file, figures

    out = figures(
        evaluate_file(Path(__file__).resolve().parents[1] / "data/extract/holdout/gold.json")
    )
    assert out["articles"] == out["evaluated"] == 35 and out["input_errors"] == []
    assert out["events"]["gold"] == 34
    assert {code: row["articles"] for code, row in out["languages"].items()} == {
        "en": 11,
        "uk": 12,
        "ru": 12,
    }


def test_languages_counts_and_folders() -> None:
    """At least MIN_POSTS posts per language, 10-25 % non-events in Ukrainian and Russian,
    and each post in the folder of its language (English ones directly in articles/)."""
    by_language = Counter(_language(a) for a in ARTICLES)
    assert set(by_language) == set(LANGUAGES)
    assert {c: n for c, n in by_language.items() if n < MIN_POSTS[c]} == {}
    for a in ARTICLES:
        folder = Path(a["file"]).parent.as_posix()
        code = _language(a)
        assert folder == ("articles" if code == "en" else f"articles/{code}"), _key(a)
    for code in ("uk", "ru"):
        posts = [a for a in ARTICLES if _language(a) == code]
        share = sum(1 for a in posts if not a["events"]) / len(posts)
        assert 0.10 <= share <= 0.25, f"{code}: {share:.0%} non-events"


def test_ukrainian_and_russian_posts_cover_the_phenomena() -> None:
    """Each phenomenon of the issue is in the Ukrainian and Russian posts: declined names and
    colloquial oblast names, namesakes, mixed posts, disputed claims with a denial, counts of
    launched and intercepted weapons, figures, strikes in Russia and Crimea, non-events."""
    posts = [a for a in ARTICLES if _language(a) != "en"]
    classes = Counter(c for a in posts for c in a["classes"])
    wanted = (*LANGUAGE_TRAPS, "figures", "intercepts", "attribution", "russia_strike", "crimea")
    assert {c: classes[c] for c in wanted if classes[c] < 3} == {}
    events = [e for a in posts for e in a["events"]]
    assert sum(1 for e in events if "intercepted" in e) >= 10
    assert sum(1 for e in events if e.get("disputed")) >= 10
    for code in ("uk", "ru"):  # claims of both sides in each language
        sides = {c["side"] for a in posts if _language(a) == code for e in a["events"]
                 for c in e["claims"]}  # fmt: skip
        assert {"ukraine", "russia"} <= sides, code


def _cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


@pytest.mark.parametrize(
    "entry",
    [a for a in ARTICLES if _language(a) != "en"],
    ids=[_key(a) for a in ARTICLES if _language(a) != "en"],
)
def test_a_ukrainian_or_russian_post(entry: dict[str, Any], texts: dict[str, str]) -> None:
    """The text is Cyrillic and 200-1500 characters long; every event place carries its
    Cyrillic name in ``also`` (the corpus test geocodes it like the English name)."""
    _title, _, body = texts[_key(entry)].partition("\n")
    assert POST_CHARS[0] <= len(body.strip()) <= POST_CHARS[1]
    assert sum(map(_cyrillic, body.split())) > len(body.split()) / 2
    for event in entry["events"]:
        assert any(_cyrillic(name) for name in event["place"].get("also", ())), event["place"]
