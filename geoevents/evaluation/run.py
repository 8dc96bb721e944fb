"""Run extraction on the articles a gold file names and compare, article by article.

The articles are read with :func:`geoevents.io.articles.read_articles` and
extracted with :meth:`geoevents.extract.Extractor.run`, the code path of
``geoevents extract``: the figures measure what ships. An article whose file is
missing, whose record is not in its file, or whose extraction fails is reported
as an input error and left out of the figures; the other articles go on.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from geoevents.errors import InputError
from geoevents.evaluation.gold import GoldArticle, GoldEvent, GoldSet
from geoevents.evaluation.matching import Matching, match_events, not_at_place
from geoevents.evaluation.measures import Check, check_pair
from geoevents.io.articles import Article, read_articles
from geoevents.model import Event

if TYPE_CHECKING:  # pragma: no cover
    from geoevents.extract import ArticleResult, Extractor


@dataclass(frozen=True)
class Finding:
    """One error: a false positive, a false negative or a wrong attribute of a pair.

    ``kind`` is ``"false_positive"``, ``"false_negative"`` or a measure name of
    :data:`geoevents.evaluation.measures.MEASURES`; ``notes`` is the extractor's
    explanation (the event's location trail, or for a missed event the article's
    decision trail about the place) when the extractor explains.
    """

    article: str
    classes: tuple[str, ...]
    kind: str
    place: str
    gold: str
    predicted: str
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "article": self.article,
            "classes": list(self.classes),
            "kind": self.kind,
            "place": self.place,
            "gold": self.gold,
            "predicted": self.predicted,
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class ArticleOutcome:
    """One gold article against what was extracted from it."""

    gold: GoldArticle
    events: tuple[Event, ...]
    matching: Matching
    checks: tuple[Check, ...]
    findings: tuple[Finding, ...]
    #: why each false positive is one: ``"non_event"``, ``"not_at"`` or ``"unmatched"``
    fp_reasons: tuple[str, ...] = ()

    @property
    def true_positives(self) -> int:
        return len(self.matching.pairs)

    @property
    def false_positives(self) -> int:
        return len(self.matching.spurious)

    @property
    def false_negatives(self) -> int:
        return len(self.matching.missed)


@dataclass(frozen=True)
class Evaluation:
    """Every evaluated article of a gold set, and the inputs that could not be evaluated."""

    gold: GoldSet
    outcomes: tuple[ArticleOutcome, ...]
    input_errors: tuple[str, ...]


def evaluate(gold: GoldSet, extractor: Extractor) -> Evaluation:
    """Extract every article ``gold`` names with ``extractor`` and compare it with its gold."""
    outcomes: list[ArticleOutcome] = []
    errors: list[str] = []
    for article, item in _extracted(gold, extractor):
        if isinstance(item, InputError):
            errors.append(f"article {article.index} ({article.key}): {item}")
        else:
            outcomes.append(compare(article, item))
    return Evaluation(gold, tuple(outcomes), tuple(errors))


def compare(article: GoldArticle, result: ArticleResult) -> ArticleOutcome:
    """Match an article's predicted events to its gold events and measure the pairs."""
    events = result.events
    matching = match_events(article.events, events)
    checks: list[Check] = []
    findings: list[Finding] = []
    for pair in matching.pairs:
        g, ev = article.events[pair.gold_index], events[pair.event_index]
        for check in check_pair(g, ev):
            checks.append(check)
            if not check.right:
                findings.append(
                    _finding(article, check.measure, g.place.name, check.gold, check.predicted, ev)
                )
    for j in matching.missed:
        g = article.events[j]
        trail = tuple(line for line in result.explain if g.place.name in line) or result.explain
        findings.append(
            Finding(
                article.key,
                article.classes,
                "false_negative",
                g.place.name,
                _gold_text(g),
                _found(events),
                trail,
            )
        )
    reasons = []
    for i in matching.spurious:
        ev = events[i]
        place = ev.place_name or f"{ev.lat:.4f},{ev.lon:.4f}"
        aside = not_at_place(ev, article.not_at)
        if aside is not None:
            reason, why = "not_at", f"not_at {aside.name}: only mentioned"
        elif not article.events:
            reason, why = "non_event", "no event (non-event article)"
        else:
            reason, why = "unmatched", "no gold event here"
        reasons.append(reason)
        findings.append(_finding(article, "false_positive", place, why, _event_text(ev), ev))
    return ArticleOutcome(article, events, matching, tuple(checks), tuple(findings), tuple(reasons))


def _finding(
    article: GoldArticle, kind: str, place: str, gold: str, predicted: str, ev: Event
) -> Finding:
    return Finding(article.key, article.classes, kind, place, gold, predicted, ev.notes)


def _gold_text(g: GoldEvent) -> str:
    when = g.date or ("..".join(g.date_range) if g.date_range else "undated")
    return f"{'/'.join(g.event_types)} at {g.place.name} ({g.place.lat},{g.place.lon}) {when}"


def _event_text(ev: Event) -> str:
    when = "..".join(dict.fromkeys(ev.window)) if ev.window else "undated"
    return f"{ev.event_type} at {ev.place_name} ({ev.lat:.4f},{ev.lon:.4f}) {when}"


def _found(events: tuple[Event, ...]) -> str:
    return "; ".join(_event_text(ev) for ev in events) or "no events"


def _extracted(
    gold: GoldSet, extractor: Extractor
) -> Iterator[tuple[GoldArticle, ArticleResult | InputError]]:
    """Each gold article with its extraction result or the error that stopped it."""
    by_file: dict[str, list[GoldArticle]] = {}
    for a in gold.articles:
        by_file.setdefault(a.file, []).append(a)
    found: dict[int, Article | InputError] = {}
    for file, wanted in by_file.items():
        found.update(_read(gold.folder / file, wanted))
    ready = [a for a in gold.articles if isinstance(found[a.index], Article)]
    results = extractor.run([found[a.index] for a in ready])
    outcome: dict[int, ArticleResult | InputError] = dict(
        zip((a.index for a in ready), results, strict=True)
    )
    for a in gold.articles:
        item = found[a.index]
        yield a, item if isinstance(item, InputError) else outcome[a.index]


def _read(path: Path, wanted: list[GoldArticle]) -> dict[int, Article | InputError]:
    """The articles of one input file that the gold names, by gold index."""
    articles: list[Article] = []
    failure: InputError | None = None
    for item in read_articles([path]):
        if isinstance(item, Article):
            articles.append(item)
        elif failure is None or item.line is None:
            failure = item  # a whole-file error wins over a bad line
    out: dict[int, Article | InputError] = {}
    for a in wanted:
        if a.record is not None:
            hit = [x for x in articles if x.id == a.record]
            missing = f"no record with id {a.record!r}"
        else:
            hit = articles if len(articles) == 1 else []
            missing = f"holds {len(articles)} articles; name one with record"
        if hit:
            out[a.index] = hit[0]
        elif failure is not None and not articles:
            out[a.index] = failure
        else:
            also = f" (and {failure})" if failure is not None else ""
            out[a.index] = InputError(missing + also, path=str(path))
    return out
