"""Gold-span geoparsing evaluation: corpus readers, resolution and metrics.

Two XML formats are read (both as redistributed with Gritta et al. 2019,
"A Pragmatic Guide to Geoparsing Evaluation"):

- GeoWebNews (``GWN.xml``): per ``<article>`` a ``<text>`` and ``<toponym>``
  elements with ``<extractedName>``, ``<start>``/``<end>`` (end exclusive),
  and, when geocoded, ``<geonamesID>``, ``<latitude>``, ``<longitude>``.
- LGL / TR-News (``lgl.xml``, ``TR-News.xml``): ``<toponym>`` elements with
  ``<start>``, ``<end>``, ``<phrase>`` and a ``<gaztag geonameid=...>`` holding
  ``<lat>`` and ``<lon>``.

Only gold toponyms that have coordinates are evaluated. A span whose offsets do
not hold its name is re-anchored to the nearest occurrence of the name.

Metrics (:func:`score`): ``acc161`` share of toponyms resolved within 161 km,
``mean_km``/``median_km`` error, ``auc`` the area under the sorted
``ln(1 + error km)`` curve normalised by ``ln(20039)`` (0 best, 1 worst),
``exact_id`` share of toponyms with a gold GeoNames id whose chosen place has
that id, and ``unresolved`` the share with no answer. Unresolved toponyms count
with the maximum error, 20,039 km (half the Earth's circumference), in every
error metric. Shares are fractions in ``[0, 1]``.
"""

from __future__ import annotations

import math
import os
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from gazetteer.document import Resolver, resolve_document
from gazetteer.errors import GazetteerError, QueryError
from gazetteer.geo import haversine_km
from gazetteer.types import Candidate, Context

__all__ = [
    "ACC_KM",
    "MAX_ERROR_KM",
    "GoldArticle",
    "CorpusError",
    "GoldToponym",
    "Outcome",
    "auc",
    "evaluate",
    "neighbour_context",
    "read_corpus",
    "resolve_article",
    "score",
]

#: Accuracy threshold: 161 km (100 miles), the field's convention.
ACC_KM = 161.0
#: Error assigned to unresolved toponyms: half the Earth's circumference.
MAX_ERROR_KM = 20039.0
#: How far (characters) to look for a toponym's name around a bad offset.
REANCHOR_WINDOW = 40


class CorpusError(GazetteerError, ValueError):
    """A corpus file cannot be read as GeoWebNews or LGL/TR-News XML."""


@dataclass(frozen=True)
class GoldToponym:
    """One annotated toponym: its name, span and gold location.

    ``anchored`` is ``False`` when the name was not found near the given
    offsets (the span is kept as annotated).
    """

    name: str
    start: int
    end: int
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    anchored: bool = True

    @property
    def has_coordinates(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class GoldArticle:
    """An article's text and its gold toponyms, in document order."""

    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


@dataclass(frozen=True)
class Outcome:
    """Gold vs chosen for one toponym; ``chosen`` is ``None`` when unresolved.

    ``point_error_km`` is the distance between the gold point and the chosen
    place's point; ``error_km`` is the same except that choosing the gold
    GeoNames entity itself counts as 0 km (see :func:`resolve_article`).
    """

    article_id: str
    name: str
    gold: tuple[float, float]
    gold_id: int | None
    chosen: tuple[float, float] | None
    chosen_id: int | None = None
    chosen_name: str | None = None
    chosen_country: str | None = None
    chosen_precision: str | None = None
    chosen_stage: str | None = None
    error_km: float = MAX_ERROR_KM
    point_error_km: float = MAX_ERROR_KM


#: What :func:`evaluate` needs from :class:`gazetteer.Gazetteer`: what document resolution needs.
GazetteerLike = Resolver


# --------------------------------------------------------------------------- readers


def reanchor(text: str, name: str, start: int, end: int) -> tuple[int, int, bool]:
    """Return ``(start, end, found)`` with the span moved onto ``name`` if it is nearby.

    >>> reanchor("in Kyiv today", "Kyiv", 3, 7)
    (3, 7, True)
    >>> reanchor("in Kyiv today", "Kyiv", 4, 8)
    (3, 7, True)
    >>> reanchor("in Kyiv today", "Lviv", 3, 7)
    (3, 7, False)
    """
    if text[start:end] == name:
        return start, end, True
    if not name:
        return start, end, False
    lo = max(0, start - REANCHOR_WINDOW)
    hi = min(len(text), end + REANCHOR_WINDOW)
    best: int | None = None
    pos = text.find(name, lo, hi)
    while pos != -1:
        if best is None or abs(pos - start) < abs(best - start):
            best = pos
        pos = text.find(name, pos + 1, hi)
    if best is None:
        return start, end, False
    return best, best + len(name), True


def _child_text(elem: ET.Element, tag: str) -> str:
    child = elem.find(tag)
    return (child.text or "").strip() if child is not None else ""


def _float_or_none(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _int_or_none(text: str | None) -> int | None:
    try:
        return int(text) if text else None
    except ValueError:
        return None


def _gold(elem: ET.Element, text: str, fmt: str) -> GoldToponym:
    if fmt == "gwn":
        name = _child_text(elem, "extractedName")
        lat = _float_or_none(_child_text(elem, "latitude"))
        lon = _float_or_none(_child_text(elem, "longitude"))
        gid = _int_or_none(_child_text(elem, "geonamesID"))
    else:
        name = _child_text(elem, "phrase")
        tag = elem.find("gaztag")
        lat = _float_or_none(_child_text(tag, "lat")) if tag is not None else None
        lon = _float_or_none(_child_text(tag, "lon")) if tag is not None else None
        gid = _int_or_none(tag.get("geonameid")) if tag is not None else None
    start = _int_or_none(_child_text(elem, "start"))
    end = _int_or_none(_child_text(elem, "end"))
    if start is None or end is None:
        start, end, found = 0, 0, False
    else:
        start, end, found = reanchor(text, name, start, end)
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        lat = lon = None
    return GoldToponym(name, start, end, lat, lon, gid, found)


def _format_of(root: ET.Element) -> str:
    first = root.find(".//toponym")
    if first is None:
        raise CorpusError("no <toponym> element: not a geoparsing corpus")
    if first.find("extractedName") is not None:
        return "gwn"
    if first.find("phrase") is not None:
        return "lgl"
    raise CorpusError("<toponym> has neither <extractedName> (GeoWebNews) nor <phrase> (LGL)")


def parse_corpus(xml_text: str | bytes) -> list[GoldArticle]:
    """Parse corpus XML (GeoWebNews or LGL/TR-News, detected) into articles.

    >>> xml = '''<articles><article docid="7"><text>Shelling hit Kherson.</text>
    ... <toponyms><toponym><start>13</start><end>20</end><phrase>Kherson</phrase>
    ... <gaztag geonameid="706448"><lat>46.63</lat><lon>32.61</lon></gaztag>
    ... </toponym></toponyms></article></articles>'''
    >>> [(a.id, t.name, t.start, t.geonameid) for a in parse_corpus(xml) for t in a.toponyms]
    [('7', 'Kherson', 13, 706448)]
    """
    try:
        root = ET.fromstring(xml_text)
    except ET.ParseError as err:
        raise CorpusError(f"malformed XML: {err}") from err
    fmt = _format_of(root)
    articles: list[GoldArticle] = []
    for index, art in enumerate(root.iter("article")):
        art_id = art.get("docid") or art.get("file") or str(index)
        text_elem = art.find("text")
        text = (text_elem.text or "") if text_elem is not None else ""
        toponyms = tuple(_gold(t, text, fmt) for t in art.iter("toponym"))
        articles.append(GoldArticle(art_id, text, toponyms))
    return articles


def read_corpus(path: str | os.PathLike[str]) -> list[GoldArticle]:
    """Read a corpus file; raises :class:`CorpusError` naming the file on bad input."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise CorpusError(f"{path}: cannot read: {err.strerror or err}") from err
    try:
        return parse_corpus(data)
    except CorpusError as err:
        raise CorpusError(f"{path}: {err}") from err


# --------------------------------------------------------------------------- metrics


def auc(errors_km: Sequence[float]) -> float:
    """Area under the sorted ``ln(1 + error)`` curve, normalised to ``[0, 1]`` (lower is better).

    Trapezoidal rule over unit steps, divided by ``(n - 1) * ln(20039)``; errors
    are capped at :data:`MAX_ERROR_KM`.

    >>> auc([0.0, 0.0]), auc([20039.0, 20039.0]), auc([])
    (0.0, 1.0, 0.0)
    >>> round(auc([0.0, math.e - 1]), 4) == round(0.5 / math.log(20040), 4)
    True
    """
    if not errors_km:
        return 0.0
    logs = sorted(math.log1p(min(max(e, 0.0), MAX_ERROR_KM)) for e in errors_km)
    norm = math.log1p(MAX_ERROR_KM)
    if len(logs) == 1:
        return logs[0] / norm
    area = sum((a + b) / 2.0 for a, b in zip(logs, logs[1:], strict=False))
    return area / ((len(logs) - 1) * norm)


def score(outcomes: Sequence[Outcome]) -> dict[str, float | int]:
    """The metrics of a run: ``n, acc161, mean_km, median_km, auc, exact_id, unresolved``.

    >>> g = (50.0, 30.0)
    >>> runs = [Outcome("a", "X", g, 1, g, chosen_id=1, error_km=0.0),
    ...         Outcome("a", "Y", g, 2, (51.0, 30.0), chosen_id=3, error_km=200.0),
    ...         Outcome("a", "Z", g, None, None)]
    >>> score(runs)
    {'n': 3, 'acc161': 0.3333, 'mean_km': 6746.33, 'median_km': 200.0, 'auc': 0.5177, 'exact_id': 0.5, 'unresolved': 0.3333}
    """
    n = len(outcomes)
    if n == 0:
        return {
            "n": 0,
            "acc161": 0.0,
            "mean_km": 0.0,
            "median_km": 0.0,
            "auc": 0.0,
            "exact_id": 0.0,
            "unresolved": 0.0,
        }
    errors = [min(o.error_km, MAX_ERROR_KM) if o.chosen else MAX_ERROR_KM for o in outcomes]
    with_id = [o for o in outcomes if o.gold_id is not None]
    exact = sum(1 for o in with_id if o.chosen_id == o.gold_id)
    return {
        "n": n,
        "acc161": round(sum(1 for e in errors if e <= ACC_KM) / n, 4),
        "mean_km": round(statistics.fmean(errors), 2),
        "median_km": round(statistics.median(errors), 2),
        "auc": round(auc(errors), 4),
        "exact_id": round(exact / len(with_id), 4) if with_id else 0.0,
        "unresolved": round(sum(1 for o in outcomes if o.chosen is None) / n, 4),
    }


def worst(outcomes: Iterable[Outcome], k: int = 15) -> list[Outcome]:
    """The ``k`` outcomes with the largest error (unresolved first), stable by corpus order.

    >>> g = (0.0, 0.0)
    >>> [o.name for o in worst([Outcome("a", "A", g, None, g, error_km=5.0),
    ...                         Outcome("a", "B", g, None, g, error_km=50.0)], k=1)]
    ['B']
    """
    ranked = sorted(
        enumerate(outcomes),
        key=lambda io: (-(io[1].error_km if io[1].chosen else MAX_ERROR_KM + 1), io[0]),
    )
    return [o for _, o in ranked[:k]]


# --------------------------------------------------------------------------- resolution


def _distance(a: tuple[float, float], b: tuple[float, float]) -> float:
    return haversine_km(a, b)


def _resolve_one(gz: GazetteerLike, name: str, context: Context) -> Candidate | None:
    try:
        found = gz.resolve(name, context, limit=1)
    except QueryError:
        return None
    return found[0] if found else None


def neighbour_context(base: Context, others: Iterable[Candidate | None]) -> Context:
    """``base`` plus what the article's other answers say.

    Settlements and sites become ``near`` points, regions become ``regions``
    and countries become ``countries``.

    >>> from gazetteer.types import Place
    >>> kyiv = Candidate(Place("Kyiv", 50.45, 30.52, country_code="UA"), 1, "Kyiv", "exact", "settlement")
    >>> ua = Candidate(Place("Ukraine", 50.45, 30.52, kind="country", country_code="UA"), 1, "Ukraine", "exact", "country")
    >>> neighbour_context(Context(), [kyiv, ua, None])
    Context(countries=('UA',), regions=(), near=((50.45, 30.52),), country_focus=(), region_focus=())
    """
    near = list(base.near)
    regions = list(base.regions)
    countries = list(base.countries)
    for cand in others:
        if cand is None:
            continue
        place = cand.place
        if cand.precision in ("settlement", "site"):
            point = (place.lat, place.lon)
            if point not in near:
                near.append(point)
        elif cand.precision == "region" and place.country_code and place.admin1_code:
            region = (place.country_code, place.admin1_code)
            if region not in regions:
                regions.append(region)
        elif cand.precision == "country" and place.country_code:
            if place.country_code not in countries:
                countries.append(place.country_code)
    return replace(base, near=tuple(near), regions=tuple(regions), countries=tuple(countries))


def resolve_article(
    gz: GazetteerLike,
    article: GoldArticle,
    *,
    neighbours: bool = True,
    same_entity_zero: bool = True,
    document: bool = True,
) -> list[Outcome]:
    """Resolve each gold toponym with coordinates, using the article as context.

    With ``same_entity_zero`` (the default) a chosen place whose GeoNames id
    equals the gold id has error 0 km: geoevents puts a country or region on
    its (regional) capital, ACLED's convention for event maps, where GeoNames
    and the gold data use a centroid, so a right answer would otherwise count
    as hundreds of km off. ``point_error_km`` keeps the raw distance.

    With ``document`` (the default) the article's toponyms are resolved
    together by :func:`gazetteer.document.resolve_document`: the text's
    context, a prior for how each name is written, and the other toponyms'
    countries, regions and places as soft votes (without ``neighbours``: no
    votes, the text's context and the prior only). ``document=False`` is the
    earlier method, kept for comparison: pass 1 resolves every distinct name
    with ``gz.context_from_text(article.text)``; with ``neighbours``, pass 2
    re-resolves each name with the answers for the article's *other* names
    added to the context (:func:`neighbour_context`).
    """
    gold = [t for t in article.toponyms if t.has_coordinates]
    if not gold:
        return []
    if document:
        names_in_order = [t.name for t in gold]
        chosen = resolve_document(
            gz, article.text, names_in_order, rounds=None if neighbours else 0
        )
        return _outcomes(article, gold, chosen, same_entity_zero)
    base = gz.context_from_text(article.text)
    names = list(dict.fromkeys(t.name for t in gold))
    chosen = {name: _resolve_one(gz, name, base) for name in names}
    if neighbours:
        second: dict[str, Candidate | None] = {}
        for name in names:
            ctx = neighbour_context(base, [c for other, c in chosen.items() if other != name])
            second[name] = chosen[name] if ctx == base else _resolve_one(gz, name, ctx)
        chosen = second
    return _outcomes(article, gold, chosen, same_entity_zero)


def _outcomes(
    article: GoldArticle,
    gold: list[GoldToponym],
    chosen: dict[str, Candidate | None],
    same_entity_zero: bool,
) -> list[Outcome]:
    """Gold vs chosen for each gold toponym."""
    out: list[Outcome] = []
    for t in gold:
        gold_point = (float(t.lat), float(t.lon))  # type: ignore[arg-type]
        cand = chosen[t.name]
        if cand is None:
            out.append(Outcome(article.id, t.name, gold_point, t.geonameid, None))
            continue
        point_error = _distance(gold_point, (cand.lat, cand.lon))
        same = t.geonameid is not None and cand.place.geonameid == t.geonameid
        out.append(
            Outcome(
                article.id,
                t.name,
                gold_point,
                t.geonameid,
                (cand.lat, cand.lon),
                chosen_id=cand.place.geonameid,
                chosen_name=cand.place.name,
                chosen_country=cand.place.country_code,
                chosen_precision=cand.precision,
                chosen_stage=cand.stage,
                error_km=0.0 if same_entity_zero and same else point_error,
                point_error_km=point_error,
            )
        )
    return out


def evaluate(
    gz: GazetteerLike,
    articles: Iterable[GoldArticle],
    *,
    neighbours: bool = True,
    same_entity_zero: bool = True,
    document: bool = True,
    progress: Callable[[Iterable[GoldArticle]], Iterable[GoldArticle]] | None = None,
) -> list[Outcome]:
    """Resolve every gold toponym of ``articles``; feed the result to :func:`score`."""
    items: Iterable[GoldArticle] = progress(articles) if progress else articles
    outcomes: list[Outcome] = []
    for article in items:
        outcomes.extend(
            resolve_article(
                gz,
                article,
                neighbours=neighbours,
                same_entity_zero=same_entity_zero,
                document=document,
            )
        )
    return outcomes


def iter_gold(articles: Iterable[GoldArticle]) -> Iterator[GoldToponym]:
    """Every gold toponym that has coordinates (those counted in ``n``).

    >>> a = GoldArticle("1", "x", (GoldToponym("A", 0, 1, 1.0, 2.0), GoldToponym("B", 0, 1, None, None)))
    >>> [t.name for t in iter_gold([a])]
    ['A']
    """
    for article in articles:
        yield from (t for t in article.toponyms if t.has_coordinates)
