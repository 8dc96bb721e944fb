"""Context of a batch of location strings: the countries the batch is about.

A column of conflict-event locations ("Odessa", "Seversk", "Leninskoye",
"Konstantinovka town") is about one or two countries; each string alone is
ambiguous with namesakes abroad (Odessa, Texas; Seversk, Tomsk). A first pass
resolves every distinct string and counts the countries of the confident
answers (an exact name, a named region or country, written coordinates); the
countries that hold at least :data:`MIN_SHARE` of them become context
countries for the second pass, the same soft bonus a country named in the text
gives, and the first-level regions of those countries that hold at least
:data:`MIN_REGION_SHARE` become focus regions, a softer bonus (a dataset about the Donbas puts
a bare "Marynivka" in Donetsk oblast, where most of its places lie). The
points of the unambiguous settlement answers (a lead of at least
:data:`MIN_LEAD` over the next candidate) become a :class:`~gazetteer.density.Density`:
among namesakes, the one amid the batch's other reports gains (a "Vodiane,
Donetsk region" of a front-line dataset is the front-line Vodiane). No list of
names: the batch itself is the evidence, and the prior is reported to the user.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gazetteer.density import Density
from gazetteer.errors import QueryError
from gazetteer.rank import unsquash
from gazetteer.types import Candidate, Context

if TYPE_CHECKING:
    from gazetteer.resolver import Gazetteer

#: A country needs this share of the confident answers to become batch context.
MIN_SHARE = 0.25
#: ... and a first-level region this share (the front-line oblasts of a conflict dataset).
MIN_REGION_SHARE = 0.15
#: ... and at least this many confident answers.
MIN_ANSWERS = 5
#: A settlement answer is a density point when its raw score leads the next by this much.
MIN_LEAD = 0.05
_CONFIDENT_STAGES = frozenset({"exact", "region", "coordinates"})


@dataclass(frozen=True)
class BatchPrior:
    """The countries a batch is about, with the evidence."""

    countries: tuple[str, ...]
    shares: tuple[tuple[str, float], ...]  # top countries and their share of confident answers
    confident: int  # confident answers counted
    queries: int  # distinct queries read
    regions: tuple[tuple[str, str], ...] = ()  # (country, admin1 code)
    region_names: tuple[tuple[str, float], ...] = ()  # their names and shares
    density: Density | None = None  # the unambiguous settlement answers' points

    def context(self, base: Context | None = None) -> Context:
        """``base`` with the batch countries added as context countries."""
        base = base or Context()
        return Context(
            countries=tuple(dict.fromkeys((*base.countries, *self.countries))),
            regions=base.regions,
            near=base.near,
            country_focus=base.country_focus,
            region_focus=tuple(dict.fromkeys((*base.region_focus, *self.regions))),
            density=self.density if self.density is not None else base.density,
        )

    def describe(self) -> str:
        """One line for the user."""
        if not self.countries:
            return f"batch context: none (no country holds {MIN_SHARE:.0%} of {self.confident} confident answers)"
        shares = ", ".join(f"{cc} {share:.0%}" for cc, share in self.shares if cc in self.countries)
        regions = "".join(f"; region {name} {share:.0%}" for name, share in self.region_names)
        points = (
            f"; {self.density.total} unambiguous settlements weigh namesakes near them"
            if self.density is not None
            else ""
        )
        return (
            f"batch context: {', '.join(self.countries)} ({shares}{regions} of {self.confident} "
            f"confident answers among {self.queries} distinct strings{points})"
        )


def batch_prior(
    gazetteer: Gazetteer, queries: Iterable[str], base: Context | None = None
) -> BatchPrior:
    """Countries that a batch of location strings is about (see the module doc).

    >>> from gazetteer import Gazetteer
    >>> gz = Gazetteer.open()
    >>> prior = batch_prior(gz, ["Kharkiv", "Odesa", "Lviv", "Sumy", "Dnipro", "Odessa"])
    >>> prior.countries
    ('UA',)
    >>> gz.resolve_text("Odessa", prior.context())[0].place.country_code
    'UA'
    """
    counts: Counter[str] = Counter()
    region_counts: Counter[tuple[str, str]] = Counter()
    region_name: dict[tuple[str, str], str] = {}
    points: list[tuple[float, float]] = []
    distinct = list(dict.fromkeys(q.strip() for q in queries if isinstance(q, str) and q.strip()))
    for query in distinct:
        try:
            found = gazetteer.resolve_text(query, base, limit=2)
        except QueryError:
            continue
        if found and found[0].stage in _CONFIDENT_STAGES and found[0].place.country_code:
            place = found[0].place
            if _unambiguous_settlement(found):
                points.append((place.lat, place.lon))
            counts[place.country_code] += 1
            if place.admin1_code and place.kind != "country":
                region = (place.country_code, place.admin1_code)
                region_counts[region] += 1
                region_name.setdefault(region, place.admin1 or ".".join(region))
    total = sum(counts.values())
    shares = tuple((cc, n / total) for cc, n in counts.most_common(5)) if total else ()
    countries = tuple(cc for cc, share in shares if share >= MIN_SHARE and total >= MIN_ANSWERS)
    regions = tuple(
        r
        for r, n in sorted(region_counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if total >= MIN_ANSWERS and n / total >= MIN_REGION_SHARE and r[0] in countries
    )
    named = tuple((region_name[r], region_counts[r] / total) for r in regions)
    density = Density.of(points) if countries and len(points) >= MIN_ANSWERS else None
    return BatchPrior(countries, shares, total, len(distinct), regions, named, density)


def _unambiguous_settlement(found: list[Candidate]) -> bool:
    """A settlement answer at its own point that leads the next candidate clearly."""
    top = found[0]
    if top.place.kind != "settlement" or top.precision != "settlement":
        return False
    return len(found) < 2 or unsquash(top.score) - unsquash(found[1].score) >= MIN_LEAD
