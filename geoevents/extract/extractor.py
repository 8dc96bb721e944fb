"""The :class:`Extractor`: articles in, :class:`ArticleResult` values and input errors out.

It owns what extraction keeps across articles: the gazetteer, its place
matcher, and the per-sentence memos (what a sentence says on its own and, unless
it needed the article's context, its claims). Every command that turns
articles into events (``extract``, ``map ARTICLES``, ``ingest``) consumes
:meth:`Extractor.run`, so a bad file or an article that crashes the pipeline is
reported the same way everywhere and never stops the run.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geoevents.errors import InputError
from geoevents.extract.article import ArticleExtraction, ArticleResult
from geoevents.extract.claims import SentenceClaims
from geoevents.extract.facts import SentenceFacts
from geoevents.extract.mentions import matcher_for
from geoevents.extract.rules import rules_for
from geoevents.io.articles import Article, read_articles
from geoevents.io.language import READ_NAMES, article_language

if TYPE_CHECKING:  # pragma: no cover
    from gazetteer import Gazetteer

#: Distinct sentences remembered per memo (cleared when full).
MEMO_MAX = 20_000


class ExtractionError(InputError):
    """An article that was read but could not be extracted (a bug or damaged text)."""


class Extractor:
    """Strike events from articles, with one gazetteer and memos shared across articles.

    Parameters
    ----------
    gazetteer
        An open :class:`gazetteer.Gazetteer`; default :meth:`gazetteer.Gazetteer.open`.
    explain
        Fill :attr:`ArticleResult.explain` with the decision trail.
    """

    def __init__(self, gazetteer: Gazetteer | None = None, *, explain: bool = False) -> None:
        if gazetteer is None:
            from gazetteer import Gazetteer

            gazetteer = Gazetteer.open()
        self.gazetteer = gazetteer
        self.explain = explain
        self.matcher = matcher_for(gazetteer)
        self._facts: dict[str, SentenceFacts] = {}
        self._claims: dict[str, SentenceClaims] = {}

    def facts(self, s: str) -> SentenceFacts:
        """What ``s`` says on its own (``sentence_facts`` of its language's rules), memoised."""
        hit = self._facts.get(s)
        if hit is None:
            hit = rules_for(s).sentence_facts(s)
            _remember(self._facts, s, hit)
        return hit

    def sentence_claims(self, s: str, country_of: Callable[[str], str | None]) -> SentenceClaims:
        """``find_claims`` of ``s`` (its language's rules), shared across articles
        unless it asked ``country_of`` (a governor of a region not in
        :data:`geoevents.extract.claims.REGION_COUNTRY` is placed with the article's context).
        """
        hit = self._claims.get(s)
        if hit is not None:
            return hit
        asked = False

        def asking(name: str) -> str | None:
            nonlocal asked
            asked = True
            return country_of(name)

        sc = rules_for(s).find_claims(s, country_of=asking)
        if not asked:
            _remember(self._claims, s, sc)
        return sc

    def clear_memos(self) -> None:
        """Forget the per-sentence memos (results never depend on them)."""
        self._facts.clear()
        self._claims.clear()

    def article(self, article: Article) -> ArticleResult:
        """Strike events reported by one article (exceptions propagate).

        An article in a language geoevents does not read (Polish, Bulgarian ...; see
        :func:`geoevents.io.language.identify`) gives no events and says why; the
        readers warn about it too. A post mixing a language read with others is read
        sentence by sentence (:func:`geoevents.extract.rules.rules_for`).
        """
        language = article_language(article)
        if not language.read:
            why = f"written in {language.name}: not read (geoevents reads {READ_NAMES})"
            return ArticleResult(article, (), (), (why,), language.code)  # the reason, always
        result = ArticleExtraction(self, article).run()
        if self.explain:
            trail = (f"language: {language.name}", *result.explain)
            return replace(result, explain=trail, language=language.code)
        return replace(result, language=language.code)

    def run(
        self,
        inputs: Sequence[str | Path] | Iterable[Article | InputError],
        *,
        published: datetime.date | None = None,
    ) -> Iterator[ArticleResult | InputError]:
        """Results of every article of ``inputs``, and an :class:`InputError` for each failure.

        ``inputs`` are paths (read with :func:`geoevents.io.articles.read_articles`
        and ``published``) or already read articles and errors. An article whose
        extraction raises is yielded as an :class:`ExtractionError`; the run goes on.
        """
        for item in _articles(inputs, published):
            if isinstance(item, InputError):
                yield item
                continue
            try:
                result = self.article(item)
            except Exception as err:  # one bad article must not stop the run
                yield ExtractionError(
                    f"extraction failed: {type(err).__name__}: {err}", path=item.where
                )
                continue
            yield result


def _articles(
    inputs: Sequence[str | Path] | Iterable[Article | InputError], published: Any
) -> Iterable[Article | InputError]:
    """Articles read from paths, or ``inputs`` themselves if they are articles and errors."""
    if isinstance(inputs, Sequence) and all(isinstance(i, (str, Path)) for i in inputs):
        return read_articles(inputs, published=published)
    return inputs


def _remember(memo: dict[str, Any], key: str, value: Any) -> None:
    if len(memo) >= MEMO_MAX:
        memo.clear()
    memo[key] = value
