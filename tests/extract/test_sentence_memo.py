"""Per-sentence memos never change a result.

:meth:`geoevents.extract.Extractor.facts` and the extractor's claims memo keep
what a sentence says on its own across articles (wire copy repeats its
boilerplate). These tests extract the examples and the throughput bench's
articles once with the memos emptied before every article and once with them
shared, and require the same events; and check that a claim whose side was
read from the article's context is never shared.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from geoevents.extract import ArticleResult, Extractor
from geoevents.extract.claims import REGION_COUNTRY
from geoevents.io.articles import Article, read_articles

ROOT = Path(__file__).resolve().parents[2]


def _bench_articles() -> list[Article]:
    from tests.support.articles import synthetic_articles

    return synthetic_articles(25, 4096, 5)


@pytest.fixture
def extractor(gazetteer) -> Extractor:  # noqa: ANN001
    return Extractor(gazetteer, explain=True)


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    arts = [a for a in read_articles([ROOT / "examples"]) if isinstance(a, Article)]
    arts += _bench_articles()
    assert len(arts) > 40
    return arts


def _dump(result: ArticleResult) -> list[object]:
    return [(e.lat, e.lon, e.to_properties()) for e in result.events] + [
        result.unresolved,
        result.explain,
    ]


def test_shared_memo_gives_the_same_events(extractor: Extractor, articles: list[Article]) -> None:
    cold = []
    for a in articles:
        extractor.clear_memos()
        cold.append(_dump(extractor.article(a)))
    extractor.clear_memos()
    warm = [_dump(extractor.article(a)) for a in articles]
    # twice over: every sentence now comes from the memos
    again = [_dump(extractor.article(a)) for a in articles]
    assert sum(len(d) - 2 for d in cold) > 50  # events were found
    assert warm == cold
    assert again == cold
    assert len(extractor._facts) > 100


def test_repeated_sentences_are_read_once(extractor: Extractor) -> None:
    s = "Two Grad rockets hit a school in Kherson on Monday, killing three people, the mayor said."
    first = extractor.facts(s)
    assert extractor.facts(s) is first
    assert first.weapons == ("Grad",) and first.targets == ("school",)
    assert first.detection is not None and first.per_clause[0][2].killed.low == 3
    art = Article(id="memo-1", title=None, text=s)
    ev = extractor.article(art).events
    assert [e.place_name for e in ev] == ["Kherson"]
    assert s in extractor._claims


def test_claims_read_with_the_article_context_are_not_shared(extractor: Extractor) -> None:
    """A governor of a region outside REGION_COUNTRY is placed through the gazetteer
    in the article's context: that result stays with its article."""
    assert "crimea" not in REGION_COUNTRY
    s = "A drone hit a fuel depot in Sevastopol, the Crimea governor said."
    art = Article(id="memo-2", title=None, text=s)
    ev = extractor.article(art).events
    assert ev and ev[0].claims[0].claimant == "Crimea governor"
    assert s not in extractor._claims
    assert s in extractor._facts
