"""Context of a batch of location strings: the countries the batch is about.

A column of conflict-event locations ("Odessa", "Seversk", "Leninskoye",
"Konstantinovka town") is about one or two countries; each string alone is
ambiguous with namesakes abroad (Odessa, Texas; Seversk, Tomsk). A first pass
resolves every distinct string and counts the countries of the confident
answers (an exact name, a named region or country, written coordinates); the
countries that hold at least :data:`MIN_SHARE` of them become context
countries for the second pass, the same soft bonus a country named in the text
gives. No list of names: the batch itself is the evidence, and the prior is
reported to the user.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gazetteer.errors import QueryError
from gazetteer.types import Context

if TYPE_CHECKING:
    from gazetteer.resolver import Gazetteer

#: A country needs this share of the confident answers to become batch context.
MIN_SHARE = 0.25
#: ... and at least this many confident answers.
MIN_ANSWERS = 5
_CONFIDENT_STAGES = frozenset({"exact", "region", "coordinates"})


@dataclass(frozen=True)
class BatchPrior:
    """The countries a batch is about, with the evidence."""

    countries: tuple[str, ...]
    shares: tuple[tuple[str, float], ...]  # top countries and their share of confident answers
    confident: int  # confident answers counted
    queries: int  # distinct queries read

    def context(self, base: Context | None = None) -> Context:
        """``base`` with the batch countries added as context countries."""
        base = base or Context()
        return Context(
            countries=tuple(dict.fromkeys((*base.countries, *self.countries))),
            regions=base.regions,
            near=base.near,
            country_focus=base.country_focus,
        )

    def describe(self) -> str:
        """One line for the user."""
        if not self.countries:
            return f"batch context: none (no country holds {MIN_SHARE:.0%} of {self.confident} confident answers)"
        shares = ", ".join(f"{cc} {share:.0%}" for cc, share in self.shares if cc in self.countries)
        return (
            f"batch context: {', '.join(self.countries)} ({shares} of {self.confident} "
            f"confident answers among {self.queries} distinct strings)"
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
    distinct = list(dict.fromkeys(q.strip() for q in queries if isinstance(q, str) and q.strip()))
    for query in distinct:
        try:
            found = gazetteer.resolve_text(query, base, limit=1)
        except QueryError:
            continue
        if found and found[0].stage in _CONFIDENT_STAGES and found[0].place.country_code:
            counts[found[0].place.country_code] += 1
    total = sum(counts.values())
    shares = tuple((cc, n / total) for cc, n in counts.most_common(5)) if total else ()
    countries = tuple(cc for cc, share in shares if share >= MIN_SHARE and total >= MIN_ANSWERS)
    return BatchPrior(countries, shares, total, len(distinct))
