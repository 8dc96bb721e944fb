"""Extraction evaluation: gold files, matching, measures and figures.

``geoevents eval extract GOLD`` is :func:`evaluate_file` then
:func:`~geoevents.evaluation.scores.figures`:

- :mod:`~geoevents.evaluation.gold` reads and validates a gold file (``expected-events``);
- :mod:`~geoevents.evaluation.run` extracts the articles it names, as ``geoevents extract`` does;
- :mod:`~geoevents.evaluation.matching` matches predicted to gold events by place;
- :mod:`~geoevents.evaluation.measures` measures the attributes of matched pairs;
- :mod:`~geoevents.evaluation.scores` turns it all into figures.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from geoevents.evaluation.gold import GoldSet, read_gold
from geoevents.evaluation.run import Evaluation, evaluate
from geoevents.evaluation.scores import figures

if TYPE_CHECKING:  # pragma: no cover
    from gazetteer import Gazetteer

__all__ = ["Evaluation", "GoldSet", "evaluate", "evaluate_file", "figures", "read_gold"]


def evaluate_file(
    path: str | Path,
    *,
    gazetteer: Gazetteer | None = None,
    explain: bool = False,
    languages: Iterable[str] | None = None,
) -> Evaluation:
    """Read the gold file at ``path`` and evaluate extraction on its articles.

    Parameters
    ----------
    path
        A gold file (``"geoevents_document": "expected-events"``).
    gazetteer
        The gazetteer to extract with; default :meth:`gazetteer.Gazetteer.open`.
    explain
        Keep the extractor's decision trail in the findings.
    languages
        Evaluate only the articles in these languages (ISO 639-1 codes); default all.

    Raises
    ------
    geoevents.errors.GoldFormatError
        The gold file is not valid.
    """
    from geoevents.extract import Extractor

    gold = read_gold(path)
    if languages is not None:
        gold = gold.only(languages)
    return evaluate(gold, Extractor(gazetteer, explain=explain))
