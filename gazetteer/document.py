"""Document-level toponym resolution: the article's other places as a soft focus.

A bare "Alexandria" in a text that also names Fargo, Moorhead and Minnesota is
the town in Minnesota, not the Egyptian city; "Henry County" in a text about
Georgia is Georgia's Henry County. :func:`resolve_document` resolves every
toponym of a text together:

1. each distinct name (spellings that normalise alike are one name) gets its
   candidates with the context the text names
   (:meth:`gazetteer.Gazetteer.context_from_text`: regions, countries, US state
   abbreviations after a comma), plus, for a bare name, the divisions it may
   stand for ("DeKalb" -> DeKalb County), at a penalty;
2. a prior: a country or continent named exactly beats its small namesakes
   ("China", Texas; "EU" is Europe, not the French town of Eu), a spelling
   variant does not beat an exact match;
3. each name votes, weighted by its number of mentions, for the country and
   first-level region of its candidates, spread by a softmax over their scores;
4. every candidate is re-scored with the votes of the *other* names
   (leave-one-out): the share of the votes in its country and in its region,
   and how close it lies to the other names' likely places (spatial
   minimality); the votes are counted again from the new scores, for
   :data:`ROUNDS` rounds.

Scores are the resolver's raw scores (undoing :func:`gazetteer.rank.squash`)
plus these terms, so a strong local answer ("Kherson", 280,000 people) still
beats a weak document focus; each answer's ``explain`` ends with what the
document added. Ties keep the resolver's order: results are deterministic.

>>> round(unsquash(0.5), 3), unsquash(0.0), round(squash(unsquash(0.8)), 6)
(0.3, 0.0, 0.8)
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from gazetteer.errors import QueryError
from gazetteer.extras import DIVISION_WORDS
from gazetteer.normalize import normalize
from gazetteer.rank import haversine_km, squash, unsquash
from gazetteer.types import Candidate, Context

#: Candidates considered per name.
CANDIDATES = 12
#: Re-scoring rounds (votes recounted after each).
ROUNDS = 3
#: Weight of the share of the other names' votes in the candidate's country.
W_DOC_COUNTRY = 0.15
#: Weight of the share of the other names' votes in the candidate's region.
W_DOC_REGION = 0.30
#: Weight of closeness to the other answers (linear to 0 at :data:`DOC_NEAR_KM`).
W_DOC_NEAR = 0.3
DOC_NEAR_KM = 300.0
#: Softmax temperature over raw scores that spreads a name's vote over its candidates.
TEMPERATURE = 0.05
#: Candidates less likely than this are not used as points for closeness.
MIN_SOURCE_PROB = 0.02
#: A name's vote weight is (mentions) ** this.
MENTION_POWER = 1.0
#: Added to a country or continent that the name matches exactly ("China" the
#: country, not the Texan town of 1,000): news names countries far more often than
#: their small namesakes, whatever region the text is about.
W_COUNTRY_NAME = 0.25
#: A place that shares a country's name but is smaller than this (or matched only
#: as a variant) loses :data:`W_SMALL_NAMESAKE` against the country; the same
#: population bar as the resolver's region namesake rule.
COUNTRY_NAMESAKE_POPULATION = 15_000
W_SMALL_NAMESAKE = 0.3
#: Taken from a variant or fuzzy candidate when the name also matches a place
#: exactly: the document's votes must not turn "Pittsburgh" into Pittsburg.
W_INEXACT = 0.2
_INEXACT_STAGES = frozenset({"variant", "fuzzy"})
#: Division words tried after a bare name, the penalty of such a division (``None``
#: turns them off) and how many are taken per word.
BARE_DIVISION_WORDS = ("County", "Parish")
W_BARE_DIVISION: float | None = 0.2
BARE_DIVISION_LIMIT = 5
#: Kinds whose answers are points on the ground (their distance counts).
_POINT_KINDS = frozenset({"settlement", "site", "district"})
_AREA_KINDS = frozenset({"region", "country", "continent"})


class Resolver(Protocol):
    """What :func:`resolve_document` needs from :class:`gazetteer.Gazetteer`."""

    def resolve(
        self, name: str, context: Context | None = None, *, limit: int = 5, fuzzy: bool = True
    ) -> list[Candidate]: ...

    def context_from_text(self, text: str) -> Context: ...


@dataclass(frozen=True)
class Scored:
    """A candidate with its resolver raw score and its document score."""

    candidate: Candidate
    raw: float
    total: float


@dataclass(frozen=True)
class Option:
    """One candidate of one name as the document sees it."""

    country: str
    region: tuple[str, str] | None
    point: tuple[float, float] | None  # only for point kinds (settlement, site, district)


def option_of(cand: Candidate) -> Option:
    """Country, region and (for point kinds) point of a candidate."""
    place = cand.place
    cc, a1 = place.country_code or "", place.admin1_code or ""
    point = (place.lat, place.lon) if cand.precision in _POINT_KINDS else None
    return Option(cc, (cc, a1) if cc and a1 else None, point)


def softmax(scores: Sequence[float], temperature: float) -> list[float]:
    """Probabilities of ``scores`` at ``temperature`` (``[]`` for no scores).

    >>> [round(p, 3) for p in softmax([1.0, 1.0], 0.1)]
    [0.5, 0.5]
    """
    if not scores:
        return []
    top = max(scores)
    weights = [math.exp((x - top) / max(temperature, 1e-6)) for x in scores]
    total = sum(weights)
    return [w / total for w in weights]


@dataclass
class Votes:
    """The document's soft votes: every name spreads its weight over its candidates."""

    options: dict[str, list[Option]]
    probs: dict[str, list[float]]
    weight: dict[str, float]
    country: Counter[str]
    region: Counter[tuple[str, str]]
    total: float
    sources: list[tuple[str, float, tuple[float, float]]]  # (key, weight x prob, point)

    @classmethod
    def count(
        cls,
        options: dict[str, list[Option]],
        probs: dict[str, list[float]],
        weight: dict[str, float],
    ) -> Votes:
        """Sum every name's weight x probability per country and region."""
        country: Counter[str] = Counter()
        region: Counter[tuple[str, str]] = Counter()
        sources: list[tuple[str, float, tuple[float, float]]] = []
        for key, opts in options.items():
            w = weight[key]
            for opt, p in zip(opts, probs[key], strict=True):
                if opt.country:
                    country[opt.country] += w * p
                if opt.region:
                    region[opt.region] += w * p
                if opt.point is not None and p >= MIN_SOURCE_PROB:
                    sources.append((key, w * p, opt.point))
        total = sum(weight[k] for k in options if options[k])
        return cls(options, probs, weight, country, region, total, sources)

    def _own(self, key: str) -> tuple[Counter[str], Counter[tuple[str, str]]]:
        country: Counter[str] = Counter()
        region: Counter[tuple[str, str]] = Counter()
        w = self.weight[key]
        for opt, p in zip(self.options[key], self.probs[key], strict=True):
            if opt.country:
                country[opt.country] += w * p
            if opt.region:
                region[opt.region] += w * p
        return country, region

    def bonuses(self, key: str) -> list[float]:
        """Document bonus of each candidate of ``key`` from the *other* names' votes."""
        opts = self.options[key]
        others = self.total - (self.weight[key] if opts else 0.0)
        if others <= 0:
            return [0.0] * len(opts)
        own_country, own_region = self._own(key)
        out = []
        for opt in opts:
            bonus = 0.0
            if opt.country:
                share = (self.country[opt.country] - own_country[opt.country]) / others
                bonus += W_DOC_COUNTRY * max(share, 0.0)
            if opt.region:
                share = (self.region[opt.region] - own_region[opt.region]) / others
                bonus += W_DOC_REGION * max(share, 0.0)
            if opt.point is not None:
                bonus += W_DOC_NEAR * self._closeness(key, opt.point) / others
            out.append(bonus)
        return out

    def _closeness(self, key: str, point: tuple[float, float]) -> float:
        """Weighted closeness of the other names' point candidates (linear to 0 at DOC_NEAR_KM)."""
        best: dict[str, float] = {}
        for other, wp, q in self.sources:
            if other == key or abs(q[0] - point[0]) * 111.0 > DOC_NEAR_KM:
                continue
            dist = haversine_km(point, q)
            if dist < DOC_NEAR_KM:
                best[other] = best.get(other, 0.0) + wp * (1.0 - dist / DOC_NEAR_KM)
        return sum(best.values())


def is_acronym(name: str) -> bool:
    """Whether a name is written as an acronym: 2-5 capitals, maybe with dots or "&".

    >>> [is_acronym(n) for n in ("EU", "U.S.", "T&T", "NSW", "MANSFIELD", "Eu", "I")]
    [True, True, True, True, False, False, False]
    """
    letters = name.replace(".", "").replace("&", "").replace(" ", "")
    return 2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper()


def prior(cand: Candidate, *, country_named: bool = False) -> float:
    """Document-independent adjustment of a candidate's raw score.

    A country or continent matched exactly gains :data:`W_COUNTRY_NAME`, and so
    does a region when the name also names a country (``country_named``:
    "Georgia" is left to the document); any other place of a country's name
    that is smaller than :data:`COUNTRY_NAMESAKE_POPULATION` or only a variant
    loses :data:`W_SMALL_NAMESAKE`.
    """
    adjust = 0.0
    if cand.precision in ("country", "continent") and cand.stage == "exact":
        adjust += W_COUNTRY_NAME
    elif cand.precision == "region" and country_named:
        adjust += W_COUNTRY_NAME  # a state and a country of one name: the text decides
    elif country_named and (
        cand.stage != "exact" or cand.place.population < COUNTRY_NAMESAKE_POPULATION
    ):
        adjust -= W_SMALL_NAMESAKE  # "China" (Texas, 1,100 people), "German" -> Gorman
    return adjust


def _prior_raws(cands: list[Candidate]) -> list[float]:
    named = any(c.precision in _AREA_KINDS - {"region"} and c.stage == "exact" for c in cands)
    exact = any(c.stage == "exact" for c in cands)
    return [
        unsquash(c.score)
        + prior(c, country_named=named)
        - (W_INEXACT if exact and c.stage in _INEXACT_STAGES else 0.0)
        for c in cands
    ]


def _own_mention_free(
    gz: Resolver, name: str, cands: list[Candidate], limit: int
) -> list[Candidate]:
    """Countries and continents scored without the text's context.

    The context counts every country the text names, including the one this
    very name names: "Lebanon" would support Lebanon the country. A country's
    own mention is no evidence for it, so countries and continents keep the
    score they have without context (the document votes still count).
    """
    if not any(c.precision in ("country", "continent") for c in cands):
        return cands
    bare = {
        (c.place.place_id, c.matched_name): c.score
        for c in _candidates(gz, name, Context(), limit)
        if c.precision in ("country", "continent")
    }
    return [
        replace(c, score=bare.get((c.place.place_id, c.matched_name), c.score))
        if c.precision in ("country", "continent")
        else c
        for c in cands
    ]


def _with_bare_divisions(
    gz: Resolver, name: str, cands: list[Candidate], context: Context
) -> list[Candidate]:
    """``cands`` plus :func:`_bare_divisions`, unless the name is a region or country itself."""
    if any(c.precision in _AREA_KINDS and c.stage == "exact" for c in cands):
        return cands  # "Ohio" is the state, not Ohio County
    return cands + _bare_divisions(gz, name, context)


def _bare_divisions(gz: Resolver, name: str, context: Context) -> list[Candidate]:
    """Divisions a bare name may stand for ("DeKalb" for DeKalb County), at a penalty.

    Local news drops the division word ("DeKalb", "Gwinnett"); the index holds
    divisions only under names with it, so a bare name is tried with each of
    :data:`BARE_DIVISION_WORDS`. The candidates lose :data:`W_BARE_DIVISION`:
    they win only where the document's votes put the text in their region.
    """
    if W_BARE_DIVISION is None or not name[:1].isupper() or is_acronym(name):
        return []
    key = normalize(name)
    if not key or any(key.endswith(" " + w) for w in DIVISION_WORDS) or key in DIVISION_WORDS:
        return []
    out = []
    for word in BARE_DIVISION_WORDS:
        for cand in _candidates(gz, f"{name} {word}", context, BARE_DIVISION_LIMIT, fuzzy=False):
            if cand.precision == "district" and cand.stage == "exact":
                raw = unsquash(cand.score) - W_BARE_DIVISION
                why = f"bare name {name!r} taken as {cand.place.name!r}: -{W_BARE_DIVISION:.3f}"
                out.append(replace(cand, score=squash(raw), explain=(*cand.explain, why)))
    return out


def mention_weight(mentions: int) -> float:
    """A name's weight in the votes from its number of mentions."""
    return float(mentions) ** MENTION_POWER


def _candidates(
    gz: Resolver, name: str, context: Context, limit: int, *, fuzzy: bool = True
) -> list[Candidate]:
    try:
        return gz.resolve(name, context, limit=limit, fuzzy=fuzzy)
    except QueryError:
        return []


def rescore(
    candidates: dict[str, list[Candidate]],
    weight: dict[str, float],
    *,
    rounds: int | None = None,
) -> dict[str, list[Scored]]:
    """Candidates of every name re-scored with the document's votes, best first.

    ``weight`` is each name's weight in the votes (its number of mentions).
    """
    rounds = ROUNDS if rounds is None else rounds
    options = {key: [option_of(c) for c in cands] for key, cands in candidates.items()}
    raws = {key: _prior_raws(cands) for key, cands in candidates.items()}
    totals = {key: list(r) for key, r in raws.items()}
    for _ in range(max(rounds, 0)):
        probs = {key: softmax(t, TEMPERATURE) for key, t in totals.items()}
        votes = Votes.count(options, probs, weight)
        totals = {
            key: [r + b for r, b in zip(raws[key], votes.bonuses(key), strict=True)]
            for key in candidates
        }
    out: dict[str, list[Scored]] = {}
    for key, cands in candidates.items():
        rows = [Scored(c, r, t) for c, r, t in zip(cands, raws[key], totals[key], strict=True)]
        order = sorted(range(len(rows)), key=lambda i: (-rows[i].total, i))
        out[key] = [rows[i] for i in order]
    return out


def annotated(row: Scored) -> Candidate:
    """The candidate with its document score and an ``explain`` line saying what changed."""
    cand = row.candidate
    delta = row.total - unsquash(cand.score)
    if abs(delta) < 5e-4:
        return cand
    score = squash(row.total)
    why = f"document: {delta:+.3f} (prior and other toponyms), score {score:.3f}"
    return replace(cand, score=score, explain=(*cand.explain, why))


def resolve_document(
    gz: Resolver,
    text: str,
    names: Iterable[str],
    *,
    context: Context | None = None,
    limit: int | None = None,
    rounds: int | None = None,
) -> dict[str, Candidate | None]:
    """The best answer for every toponym of a text, resolved together.

    Parameters
    ----------
    gz
        The gazetteer (or anything with its ``resolve`` and ``context_from_text``).
    text
        The whole text: its region and country phrases are the base context.
    names
        Toponyms as written, one per mention (repeats weigh more in the votes).
    context
        Base context; defaults to ``gz.context_from_text(text)``.
    limit
        Candidates considered per name (default :data:`CANDIDATES`).
    rounds
        Re-scoring rounds (default :data:`ROUNDS`); ``0`` keeps the resolver's
        order, changed only by the prior, and does not search again for names
        that found nothing.

    Returns
    -------
    dict
        Each distinct name -> its best candidate (``None`` when nothing matches).
    """
    mentions = Counter(names)
    limit = CANDIDATES if limit is None else limit
    base = context if context is not None else gz.context_from_text(text)
    # spellings of one name ("Mansfield", "MANSFIELD") are one voter
    keys = {name: normalize(name) for name in mentions}
    first: dict[str, str] = {}
    for name, key in keys.items():
        first.setdefault(key, name)
    weight: Counter[str] = Counter()
    for name, n in mentions.items():
        weight[keys[name]] += n
    candidates = {
        key: _with_bare_divisions(
            gz, name, _own_mention_free(gz, name, _candidates(gz, name, base, limit), limit), base
        )
        for key, name in first.items()
    }
    scored = rescore(candidates, {k: mention_weight(n) for k, n in weight.items()}, rounds=rounds)
    answers = {
        name: (annotated(scored[keys[name]][0]) if scored[keys[name]] else None)
        for name in mentions
    }
    missing = [name for name, cand in answers.items() if cand is None]
    if missing and rounds != 0:
        # nothing matched with the text's own context: search again (fuzzily) in
        # the countries and regions of the answers found
        wider = focus_context(base, answers.values())
        if wider != base:
            for name in missing:
                found = _candidates(gz, name, wider, 1)
                answers[name] = found[0] if found else None
    return answers


def focus_context(base: Context, answers: Iterable[Candidate | None]) -> Context:
    """``base`` plus the countries and regions of ``answers`` (in order, no repeats).

    >>> from gazetteer.types import Place
    >>> kyiv = Candidate(Place("Kyiv", 50.45, 30.52, country_code="UA", admin1_code="12"),
    ...                  0.8, "Kyiv", "exact", "settlement")
    >>> focus_context(Context(), [kyiv, None])
    Context(countries=('UA',), regions=(('UA', '12'),), near=(), country_focus=(), region_focus=())
    """
    countries = list(base.countries)
    regions = list(base.regions)
    for cand in answers:
        if cand is None:
            continue
        cc, a1 = cand.place.country_code or "", cand.place.admin1_code or ""
        if cc and cc not in countries:
            countries.append(cc)
        if cc and a1 and (cc, a1) not in regions:
            regions.append((cc, a1))
    return replace(base, countries=tuple(countries), regions=tuple(regions))
