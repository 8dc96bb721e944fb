"""The figures of :func:`~geoevents.evaluation.scores.figures` as text, and the CI floors.

>>> figs = {"events": {"precision": 0.8, "recall": 0.95}}
>>> below_floors(figs, min_precision=0.85, min_recall=0.9)
['precision 0.8000 is below the floor 0.8500']
>>> below_floors(figs, min_precision=None, min_recall=None)
[]
"""

from __future__ import annotations

from typing import Any

#: Tag under which the error list shows articles without ``classes``.
UNTAGGED = "(untagged)"


def below_floors(
    figs: dict[str, Any], *, min_precision: float | None, min_recall: float | None
) -> list[str]:
    """One message per event figure below its floor (none given: no floor)."""
    out = []
    for name, floor in (("precision", min_precision), ("recall", min_recall)):
        value = figs["events"][name]
        if floor is not None and value < floor:
            out.append(f"{name} {value:.4f} is below the floor {floor:.4f}")
    return out


def report_lines(figs: dict[str, Any]) -> list[str]:
    """The summary table: events, measures over matched pairs, and classes."""
    ev = figs["events"]
    lines = [
        f"{figs['gold']}: {figs['evaluated']} of {figs['articles']} articles evaluated "
        f"(gold format v{figs['version']})",
        f"events: {ev['gold']} gold, {ev['predicted']} predicted; "
        f"{ev['tp']} matched, {ev['fp']} false positive, {ev['fn']} false negative",
        f"  precision {_pct(ev['precision'])}  recall {_pct(ev['recall'])}  F1 {_pct(ev['f1'])}",
    ]
    if ev["fp"]:
        why = ev["fp_reasons"]
        lines.append(
            f"  false positives: {why['non_event']} in non-event articles, "
            f"{why['not_at']} at not_at places, {why['unmatched']} at no gold place"
        )
    lines.append("matched pairs:         right / total")
    for name, m in figs["measures"].items():
        if m["total"]:
            lines.append(f"  {name:<19} {m['right']:>5} / {m['total']:<5} {_pct(m['share'])}")
    not_measured = [name for name, m in figs["measures"].items() if not m["total"]]
    if not_measured:
        lines.append(f"  not in the gold: {', '.join(not_measured)}")
    lines.extend(language_lines(figs))
    if figs["classes"]:
        lines.append(
            f"{'class':<15} {'articles':>8} {'tp':>4} {'fp':>4} {'fn':>4} "
            f"{'precision':>9} {'recall':>8} {'errors':>6}"
        )
        for name, c in figs["classes"].items():
            lines.append(
                f"  {name:<13} {c['articles']:>8} {c['tp']:>4} {c['fp']:>4} {c['fn']:>4} "
                f"{_pct(c['precision']):>9} {_pct(c['recall']):>8} {c['errors']:>6}"
            )
    n = len(figs["errors"])
    lines.append(f"errors: {n}" + (" (--explain lists them by class)" if n else ""))
    return lines


def language_lines(figs: dict[str, Any]) -> list[str]:
    """The per-language table: event counts and the headline shares (``-``: not measured).

    >>> row = {"articles": 2, "tp": 1, "fp": 0, "fn": 1, "precision": 1.0, "recall": 0.5,
    ...        "place": 0.5, "type": 1.0, "figures_to_side": None}
    >>> print("\\n".join(language_lines({"languages": {"uk": row}})))
    language articles   tp   fp   fn precision   recall    place     type  fig.side
      uk            2    1    0    1   100.0 %   50.0 %   50.0 %  100.0 %         -
    """
    languages = figs.get("languages") or {}
    if not languages:
        return []
    lines = [
        f"{'language':<8} {'articles':>8} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} "
        f"{'recall':>8} {'place':>8} {'type':>8} {'fig.side':>9}"
    ]
    for code, row in languages.items():
        lines.append(
            f"  {code:<6} {row['articles']:>8} {row['tp']:>4} {row['fp']:>4} {row['fn']:>4} "
            f"{_pct(row['precision']):>9} {_pct(row['recall']):>8} {_pct(row['place']):>8} "
            f"{_pct(row['type']):>8} {_pct(row['figures_to_side']):>9}"
        )
    return lines


def error_lines(figs: dict[str, Any]) -> list[str]:
    """The error list by class (an error of several classes is listed under each)."""
    by_class: dict[str, list[dict[str, Any]]] = {}
    for e in figs["errors"]:
        for c in e["classes"] or [UNTAGGED]:
            by_class.setdefault(c, []).append(e)
    lines = []
    for c in sorted(by_class):
        lines.append(f"[{c}] {len(by_class[c])} error{'s' * (len(by_class[c]) != 1)}")
        for e in by_class[c]:
            lines.append(f"  {e['article']}: {e['kind']} at {e['place']}")
            lines.append(f"    gold:      {e['gold']}")
            lines.append(f"    predicted: {e['predicted']}")
            lines.extend(f"    | {note}" for note in e["notes"])
    return lines


def _pct(share: float | None) -> str:
    return "-" if share is None else f"{share * 100:.1f} %"
