"""Which of many matches can still be among the best few, before their places are read.

A name can be shared by many places ("Ivanivka": 119 settlements of Ukraine's
register), yet a lookup answers only the ``limit`` best. Ranking every namesake
means loading and scoring every place; the shortlist leaves out those that
cannot make the cut, from the places' rows the lookup map stores with each
name group, so their places are never built nor scored.

Why this leaves every answer as it was: :func:`gazetteer.rank.score_match`
scores a match from its stage, similarity and main-name flag, the place's kind,
population, priority, country and first-level region (the context's region,
country and focus bonuses), its point (the ``near`` bonus) and, for regions and
countries only, the namesake penalty (and, for a variant match, whether the place
is the register's, whose variants score as exact); importance never falls as population
grows; ties go to priority, kind, population, then row id. So among matches
equal in everything but population and row id (a *class*), the order is
population (descending) then row id: only the first ``limit`` of each class
can be among the ``limit`` best. Country and region are part of the class only
when the context has a bonus for them (else a class spans every country). Regions and countries (the namesake penalty depends on the other
matches) and the settlements that can impose it are always kept, so ranking
the shortlist computes the same penalties. A context with nearby points, or
with a field this module does not know, shortlists nothing (every match is
ranked). ``tests/gazetteer/test_shortlist.py`` ranks the shortlist and every
match on the real index and asserts the same answers: a change of the scoring
that breaks the argument above fails there.
"""

from __future__ import annotations

from dataclasses import fields

from gazetteer.candidates import Match
from gazetteer.lookupmap import PLACE_COLUMNS
from gazetteer.rank import NAMESAKE_ALT_POPULATION, NAMESAKE_POPULATION, REGISTER_SOURCE
from gazetteer.types import Context, Place

#: Context fields whose bonuses depend on a place's country and region alone.
_AREA_FIELDS = ("countries", "regions", "country_focus", "region_focus")
#: The other context fields (``near``, and any added later): when one is set,
#: every match is ranked.
_OTHER_FIELDS = tuple(f.name for f in fields(Context) if f.name not in _AREA_FIELDS)
#: Kinds always ranked (a namesake penalty can apply to them).
_ALWAYS_KINDS = frozenset({"region", "country"})
#: Settlements at least this populous are always ranked (they can impose a namesake penalty).
_ALWAYS_POPULATION = min(NAMESAKE_POPULATION, NAMESAKE_ALT_POPULATION)
#: Fewer matches than this are all ranked: sorting them out would cost about
#: as much as the places it saves (measured: a place built and scored costs
#: about twice a match classed here).
MIN_MATCHES = 8
_COLUMNS = [c.strip() for c in PLACE_COLUMNS.split(",")]
#: Positions in a ``places`` row of what the shortlist reads.
_KIND, _CC, _ADMIN1, _POPULATION, _PRIORITY, _SOURCE = (
    _COLUMNS.index(c) for c in ("kind", "cc", "admin1_code", "population", "priority", "source")
)


def shortlist(
    matches: list[Match],
    rows: dict[int, tuple],
    places: dict[int, Place],
    priorities: dict[int, int],
    context: Context,
    limit: int,
) -> list[Match]:
    """The matches that can be among the ``limit`` best, in their order (see the module doc).

    What the ranking reads of a match's place comes from its row in ``rows``
    (the places a name lookup found and nobody built yet,
    :attr:`IndexReader.found_rows <gazetteer.index.IndexReader.found_rows>`),
    else from the built place in ``places`` (and ``priorities``); when neither
    has it, every match is kept.

    >>> from gazetteer.index import NameHit
    >>> def row(pid, population, a1):
    ...     return (pid, "Ivanivka", 48.0, 37.0, "settlement", "UA", a1, None, None, "P", None,
    ...             population, "katottg", None, None, None, None, None, None, 0)
    >>> rows = {i: row(i, 100 * i, "05" if i < 9 else "14") for i in range(1, 10)}
    >>> village = [Match(NameHit(i, "Ivanivka", "ivanivka", True), "exact", 1.0) for i in rows]
    >>> [m.hit.place_id for m in shortlist(village, rows, {}, {}, Context(), 1)]
    [9]
    >>> [m.hit.place_id for m in shortlist(village, rows, {}, {}, Context(regions=(("UA", "05"),)), 1)]
    [8, 9]
    >>> len(shortlist(village, rows, {}, {}, Context(near=((48.0, 37.8),)), 1))
    9
    """
    if limit <= 0 or len(matches) <= limit or len(matches) < MIN_MATCHES:
        return matches
    for name in _OTHER_FIELDS:
        if getattr(context, name):
            return matches
    # a class: what the score depends on besides population (the place's area
    # only when the context has an area bonus to give)
    by_region = bool(context.regions or context.region_focus)
    by_country = by_region or bool(context.countries or context.country_focus)
    keep: set[int] = set()
    classes: dict[tuple, list[tuple[int, int]]] = {}
    for match in matches:
        hit = match[0]
        pid = hit[0]
        row = rows.get(pid)
        if row is not None:
            kind, population = row[_KIND], row[_POPULATION]
            priority, cc, a1, source = row[_PRIORITY], row[_CC], row[_ADMIN1], row[_SOURCE]
        else:
            place = places.get(pid)
            if place is None:
                return matches
            kind, population = place.kind, place.population
            priority, cc, a1 = priorities.get(pid, 0), place.country_code, place.admin1_code
            source = place.source
        if kind in _ALWAYS_KINDS or (population >= _ALWAYS_POPULATION and kind == "settlement"):
            keep.add(pid)
            continue
        cls = (
            match[1],
            match[2],
            hit[3],
            kind,
            priority,
            cc if by_country else None,
            a1 if by_region else None,
            match[1] == "variant" and source == REGISTER_SOURCE,  # scores as exact (rank)
        )
        members = classes.get(cls)
        if members is None:
            classes[cls] = [(-population, pid)]
        else:
            members.append((-population, pid))
    for members in classes.values():
        if len(members) > limit:
            members.sort()
            del members[limit:]
        keep.update(pid for _, pid in members)
    if len(keep) == len(matches):
        return matches
    return [m for m in matches if m[0][0] in keep]
