"""Location choice: which mentioned place is where the event happened.

Mentions of an event sentence (:mod:`geoevents.extract.mentions`) are resolved with the
gazetteer, then chosen by rank; every decision is written to an explain trail.

=====  ==============================================================  =========
rank   mention                                                         precision
=====  ==============================================================  =========
1      settlement or site named as the place ("in X", "hit X",         1
       "the village of X", "near the village of X": a village pins
       the spot)
2      "near X", "outside X", "on the outskirts of X" (a town/city)    2 at X
3      orienting place ("a village south of X", "40 km east of X"),    2 at X
       only when nothing better exists
4      region phrase ("in the Donetsk region", "over Crimea")          3 at the regional capital
=====  ==============================================================  =========

All mentions of the best rank present become locations (one event per place);
the others are reported as context. Mentions with relation ``origin``
("launched from X") or ``aside`` ("a speech in X"), and countries, are never
event locations. A place that a claimant phrase names ("the Belgorod governor")
is excluded earlier, in :mod:`geoevents.extract.article`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gazetteer.normalize import normalize
from geoevents.extract.mentions import IN_REGION_GAP, Mention

if TYPE_CHECKING:  # pragma: no cover
    from gazetteer import Candidate, Context, Gazetteer, Place

#: Minimum score for a name found only by a place cue ("the village of X").
MIN_CUED_SCORE = 0.6

_SMALL_PLACE_CUE = re.compile(r"\b(?:village|hamlet|settlement)\s+of\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Resolved:
    """A mention and what the gazetteer made of it."""

    mention: Mention
    place: Place | None
    candidate: Candidate | None
    level: str  # settlement | region | country | none

    def describe(self) -> str:
        m = self.mention
        if self.place is None:
            return f"{m.text!r}: not in the gazetteer"
        p = self.place
        where = ", ".join(x for x in (p.admin1, p.country_code) if x)
        return f"{m.text!r} -> {p.name} ({where}; geonameid {p.geonameid}; {self.level})"


@dataclass(frozen=True)
class Location:
    """A chosen event location."""

    place: Place
    precision: int
    resolved: Resolved
    explain: tuple[str, ...]


def resolve_mention(
    m: Mention,
    gz: Gazetteer,
    context: Context | None,
    document: Mapping[str, Candidate | None] | None = None,
) -> Resolved:
    """Resolve one mention with ``gz``; regions come resolved from the mention.

    ``document`` holds the article's toponyms resolved together
    (:func:`gazetteer.document.resolve_document`): its answer for the mention's
    text is taken first; the mention's own candidates decide only without one.
    """
    if m.kind == "region":
        return Resolved(m, m.region, None, "region" if m.region is not None else "none")
    try:
        cands = gz.resolve(m.text, context, limit=5)
    except Exception:  # a name the gazetteer rejects (too long, empty) is unresolved
        cands = []
    chosen = document.get(m.text) if document else None
    if chosen is not None:
        cands = [chosen, *(c for c in cands if c.place != chosen.place)]
    if not cands:
        return Resolved(m, None, None, "none")
    best = cands[0]
    if best.place.kind == "region":
        # a bare "Kyiv" or "Kherson" is the city; the region needs a region word
        town = next(
            (
                c
                for c in cands
                if c.place.kind == "settlement"
                and c.place.country_code == best.place.country_code
                and normalize(c.place.name) == m.key
            ),
            None,
        ) or next(
            (
                c
                for c in cands
                if c.place.kind == "settlement"
                and c.place.country_code == best.place.country_code
                and c.place.admin1_code == best.place.admin1_code
                and c.place.population >= 100_000
            ),
            None,
        )
        if town is not None:
            best = town
    if m.kind == "cued" and best.score < MIN_CUED_SCORE:
        return Resolved(m, None, None, "none")
    kind = best.place.kind
    # A district (raion, county) places an event no better than its region; a continent
    # never places one (level "country": orienting only, like a country).
    level = {
        "region": "region",
        "district": "region",
        "country": "country",
        "continent": "country",
    }.get(kind, "settlement")
    return Resolved(m, best.place, best, level)


def _same(a: Place, b: Place) -> bool:
    if a.geonameid is not None and b.geonameid is not None:
        return a.geonameid == b.geonameid
    return (a.name, round(a.lat, 3), round(a.lon, 3)) == (b.name, round(b.lat, 3), round(b.lon, 3))


def choose_locations(resolved: list[Resolved]) -> list[Location]:
    """Event locations from the resolved mentions of one sentence (see the module table).

    Returns an empty list when no mention can place the event.
    """
    notes: list[str] = []
    usable: list[Resolved] = []
    for r in resolved:
        m = r.mention
        if r.place is None:
            notes.append(f"{r.describe()}")
        elif r.level == "country":
            notes.append(f"{r.describe()}: a country, not an event location")
        elif m.relation in ("origin", "aside"):
            notes.append(f"{r.describe()}: {m.relation} ({m.cue!r}), not the event location")
        else:
            usable.append(r)

    def pick(rows: list[Resolved], base: int, base_why: str) -> list[Location]:
        out: list[Location] = []
        for r in rows:
            assert r.place is not None
            if any(_same(r.place, o.place) for o in out):
                continue
            if r.place.point_source is not None:  # an approximate point is never exact
                precision, why = max(base, 2), f"{base_why}; approximate point"
            else:
                precision, why = base, base_why
            others = [o for o in usable if o is not r and o not in rows]
            trail = [f"{r.describe()}: {why} -> precision {precision}"]
            trail += [
                f"{o.describe()}: {o.mention.relation} ({o.mention.cue!r}), context only"
                for o in others
            ]
            out.append(Location(r.place, precision, r, tuple(trail + notes)))
        return out

    settle = [r for r in usable if r.level == "settlement"]
    at = [r for r in settle if r.mention.relation == "at"]
    at += [
        r
        for r in settle
        if r.mention.relation == "near" and _SMALL_PLACE_CUE.search(r.mention.cue or "")
    ]
    at.sort(key=lambda r: r.mention.start)
    if at:
        return pick(at, 1, "named as the place")
    near = [r for r in settle if r.mention.relation == "near"]
    if near:
        return pick(near, 2, "event near it")
    relative = [r for r in settle if r.mention.relation == "relative"]
    if relative:
        return pick(relative, 2, "only an orienting place is named")
    regions = [r for r in usable if r.level == "region" and r.mention.relation in ("at", "near")]
    if regions:
        return pick(regions, 3, "region only, placed at its capital")
    return []


#: A place abroad smaller than this, in a country the article never names, is
#: taken for a namesake ("Law" -> Lawton, "Federation" -> Federación).
FOREIGN_MIN_POPULATION = 100_000


def _region_key(p: Place) -> tuple[str, str]:
    return (p.country_code or "", p.admin1_code or "")


def apply_sentence_regions(
    sentence: str, resolved: list[Resolved], gz: Gazetteer, context: Context | None
) -> list[Resolved]:
    """Settlements the sentence itself puts in a region must lie in it.

    "Novotyahynka in the Kherson region": when the best candidate of the name
    lies elsewhere, the best candidate inside the named region is taken; when
    there is none, the name is left unresolved (the region still places the
    event, at precision 3). Only a region phrase right after the name counts.
    """
    regions = [r for r in resolved if r.mention.kind == "region" and r.place is not None]
    if not regions:
        return resolved
    out = []
    for r in resolved:
        if r.level != "settlement" or r.place is None:
            out.append(r)
            continue
        reg = next(
            (
                x
                for x in regions
                if x.mention.start >= r.mention.end
                and IN_REGION_GAP.fullmatch(sentence, r.mention.end, x.mention.start)
            ),
            None,
        )
        if reg is None or reg.place is None or _region_key(r.place) == _region_key(reg.place):
            out.append(r)
            continue
        want = _region_key(reg.place)
        try:
            cands = gz.resolve(r.mention.text, context, limit=10)
        except Exception:  # a name the gazetteer rejects stays as it was
            cands = []
        inside = next(
            (c for c in cands if c.place.kind != "region" and _region_key(c.place) == want), None
        )
        if inside is not None:
            out.append(Resolved(r.mention, inside.place, inside, "settlement"))
        else:
            out.append(Resolved(r.mention, None, None, "none"))
    return out


#: What may stand between a place and the place it is near ("X near Y", "X, 10 km south of Y").
_NEAR_GAP = re.compile(r"[\s,]*(?:\(|\b\w+\b[\s,-]*){1,6}", re.S)


def apply_near_references(
    sentence: str, resolved: list[Resolved], gz: Gazetteer, context: Context | None
) -> list[Resolved]:
    """A settlement the sentence puts near another ("Yelenovka near Donetsk") is the
    namesake closest to it: re-ranked with that place as a nearby point (the same
    bonus the free-text resolver gives a reference place)."""
    from gazetteer import Context

    out = list(resolved)
    for i in range(len(out) - 1):
        r, ref = out[i], out[i + 1]
        if (
            r.level != "settlement"
            or r.place is None
            or ref.mention.relation not in ("near", "relative")
            or ref.place is None
            or ref.level != "settlement"
            or not _NEAR_GAP.fullmatch(sentence, r.mention.end, ref.mention.start)
        ):
            continue
        base = context or Context()
        near = Context(
            countries=base.countries,
            regions=base.regions,
            near=((ref.place.lat, ref.place.lon),),
            country_focus=base.country_focus,
        )
        try:
            cands = gz.resolve(r.mention.text, near, limit=1)
        except Exception:  # a name the gazetteer rejects stays as it was
            continue
        if cands and cands[0].place.kind in ("settlement", "site") and cands[0].place != r.place:
            out[i] = Resolved(r.mention, cands[0].place, cands[0], "settlement")
    return out


def drop_foreign_namesakes(resolved: list[Resolved], context: Context | None) -> list[Resolved]:
    """Small places abroad, in a country the article never names, are namesakes.

    Kept: places in the article's countries, its regions' countries and its
    focus countries; places of :data:`FOREIGN_MIN_POPULATION` or more; names
    after an explicit place cue ("the village of X").
    """
    if context is None:
        return resolved
    known = set(context.countries) | set(context.country_focus)
    known |= {cc for cc, _ in context.regions}
    out = []
    for r in resolved:
        p = r.place
        if (
            p is not None
            and r.level == "settlement"
            and (p.country_code or "") not in known
            and (p.population or 0) < FOREIGN_MIN_POPULATION
            and not _STRONG_CUE.search(r.mention.cue or "")
        ):
            out.append(Resolved(r.mention, None, None, "none"))
        else:
            out.append(r)
    return out


_STRONG_CUE = re.compile(r"\b(?:village|town|city|settlement|hamlet)\s+of\s*$", re.IGNORECASE)
