"""Figures of an :class:`~geoevents.evaluation.run.Evaluation`: event P/R/F1, measures, classes.

Events are counted over all evaluated articles: a matched pair is a true
positive, a gold event left without a predicted one a false negative, and a
predicted event left without a gold one (in a non-event article, at a
``not_at`` place or anywhere else) a false positive. Precision is 1 when nothing
was predicted and recall is 1 when there was nothing to find (no error was
made). Each measure is the share of right checks over the matched pairs (see
:mod:`geoevents.evaluation.measures`); ``None`` when the gold never asserts it.

The same figures are given per article language (:func:`language_scores`), with
the headline shares of the languages' targets: event precision and recall,
``place`` (gold events with a predicted event within the place's tolerance),
``type`` and ``figures_to_side`` (each stated figure credited to a claim of the
claimant's side: the ``attribution`` measure).

>>> Counts(tp=8, fp=2, fn=0).scores()
{'tp': 8, 'fp': 2, 'fn': 0, 'precision': 0.8, 'recall': 1.0, 'f1': 0.8889}
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from geoevents.evaluation.matching import place_distance
from geoevents.evaluation.measures import MEASURES
from geoevents.evaluation.run import ArticleOutcome, Evaluation

#: Decimal places of the reported shares.
DIGITS = 4
#: Why a predicted event is a false positive: in a non-event article, at a place only
#: mentioned (``not_at``), or in an event article with no gold event at its place.
FP_REASONS = ("non_event", "not_at", "unmatched")


@dataclass(frozen=True)
class Counts:
    """True positive, false positive and false negative events."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @classmethod
    def of(cls, outcomes: Iterable[ArticleOutcome]) -> Counts:
        tp = fp = fn = 0
        for o in outcomes:
            tp, fp, fn = tp + o.true_positives, fp + o.false_positives, fn + o.false_negatives
        return cls(tp, fp, fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def scores(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, DIGITS),
            "recall": round(self.recall, DIGITS),
            "f1": round(self.f1, DIGITS),
        }


def measure_scores(outcomes: Iterable[ArticleOutcome]) -> dict[str, dict[str, Any]]:
    """``{measure: {right, total, share}}`` over every check of ``outcomes``."""
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for o in outcomes:
        for c in o.checks:
            total[c.measure] += 1
            right[c.measure] += c.right
    return {
        m: {
            "right": right[m],
            "total": total[m],
            "share": _share(right[m], total[m]),
        }
        for m in MEASURES
    }


def class_scores(outcomes: Iterable[ArticleOutcome]) -> dict[str, dict[str, Any]]:
    """Event figures and error counts per ``classes`` tag (articles without tags left out)."""
    by_class: dict[str, list[ArticleOutcome]] = {}
    for o in outcomes:
        for c in o.gold.classes:
            by_class.setdefault(c, []).append(o)
    return {
        c: {
            "articles": len(group),
            **Counts.of(group).scores(),
            "errors": sum(len(o.findings) for o in group),
        }
        for c, group in sorted(by_class.items())
    }


def place_scores(outcomes: Iterable[ArticleOutcome]) -> dict[str, Any]:
    """``{right, total, share}``: gold events with a predicted event within their tolerance.

    Unlike recall, a predicted event may count for two gold events here: it measures
    where events are placed, whatever their number.
    """
    right = total = 0
    for o in outcomes:
        for g in o.gold.events:
            total += 1
            right += any(place_distance(ev, g.place) is not None for ev in o.events)
    return {"right": right, "total": total, "share": _share(right, total)}


def language_scores(
    evaluation: Evaluation,
) -> dict[str, dict[str, Any]]:
    """Figures per article ``language``: event counts, the headline shares and every measure.

    ``figures_to_side`` is the ``attribution`` measure (a stated figure credited to a
    claim of the claimant's side), ``type`` the type measure, both over matched pairs
    (``None`` when nothing was matched); ``place`` is :func:`place_scores`.
    """
    count: Counter[str] = Counter(a.language for a in evaluation.gold.articles)
    by_language: dict[str, list[ArticleOutcome]] = {code: [] for code in count}
    for o in evaluation.outcomes:
        by_language[o.gold.language].append(o)
    out = {}
    for code in sorted(by_language, key=lambda c: (c != "en", c)):
        group = by_language[code]
        measures = measure_scores(group)
        out[code] = {
            "articles": count[code],
            "evaluated": len(group),
            "gold": sum(len(o.gold.events) for o in group),
            "predicted": sum(len(o.events) for o in group),
            **Counts.of(group).scores(),
            "place": place_scores(group)["share"],
            "type": measures["type"]["share"],
            "figures_to_side": measures["attribution"]["share"],
            "claim_side": measures["claim_side"]["share"],
            "measures": measures,
        }
    return out


def _share(right: int, total: int) -> float | None:
    return round(right / total, DIGITS) if total else None


def figures(evaluation: Evaluation, *, notes: bool = True) -> dict[str, Any]:
    """Every figure of ``evaluation`` as one JSON-ready dict (the ``--json`` output).

    ``notes=False`` leaves the extractor's explanations out of the error list.
    """
    outcomes = evaluation.outcomes
    gold = evaluation.gold
    return {
        "gold": gold.path,
        "version": gold.version,
        "articles": len(gold.articles),
        "evaluated": len(outcomes),
        "input_errors": list(evaluation.input_errors),
        "events": {
            "gold": sum(len(o.gold.events) for o in outcomes),
            "predicted": sum(len(o.events) for o in outcomes),
            **Counts.of(outcomes).scores(),
            "fp_reasons": {
                reason: sum(o.fp_reasons.count(reason) for o in outcomes) for reason in FP_REASONS
            },
        },
        "measures": measure_scores(outcomes),
        "languages": language_scores(evaluation),
        "classes": class_scores(outcomes),
        "errors": [
            {**f.to_dict(), "notes": list(f.notes) if notes else []}
            for o in outcomes
            for f in o.findings
        ],
    }
