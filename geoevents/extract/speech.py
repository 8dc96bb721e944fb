"""Who said what in an article: the claims of each sentence, with its speaker's figures.

A mixin of :class:`geoevents.extract.article.ArticleExtraction` (its state: the article,
the last speaker, the last figures a speaker gave, the trail). The rules are documented in
docs/extraction.md, "Who said it".
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from geoevents.extract.background import inside
from geoevents.extract.claims import outlet_claimant, refers_back
from geoevents.extract.counts import WeaponCounts
from geoevents.extract.facts import figures_for, merge_figures
from geoevents.model import Claim, Figure

if TYPE_CHECKING:  # pragma: no cover
    from geoevents.extract.article import _Said

#: How many sentences after an event a speaker's sentence without trigger or figures
#: still speaks about it (the event's paragraph).
CLAIM_REACH = 2


def without_figures_in(said: _Said, spans: list[tuple[int, int]]) -> tuple[Claim, ...]:
    """The sentence's claims without the figures told inside ``spans`` (the toll of an
    earlier strike named for comparison: "the deadliest since May, when a strike on X
    killed 21" is no figure of this one)."""

    def kept(fig: Figure | None) -> Figure | None:
        if fig is None or not fig.text:
            return fig
        at = said.text.find(fig.text)
        return None if at >= 0 and inside(spans, at, at + len(fig.text)) else fig

    return tuple(replace(c, killed=kept(c.killed), injured=kept(c.injured)) for c in said.claims)


class SpeechMixin:
    """The claims of a sentence (``_claims``) and the speakers of one without figures (``_spoken``)."""

    def _claims(self, said: _Said) -> list[Claim]:
        """The claims of a sentence: one per speaker with the figures of their clause; with
        no speaker, the figures of "he said" are the last speaker's, figures right after a
        speaker's figures theirs, and otherwise the outlet's own (side "other")."""
        s, sc, facts, index = said.text, said.sc, said.facts, said.sentence.index
        aid = self.article.id
        counts = facts.counts
        if sc.claimants:
            out: list[Claim] = []
            for c in sc.claimants:
                cas = figures_for(c.start, facts.per_clause)
                claim = Claim(c.claimant, c.side, c.stance, cas.killed, cas.injured, s, aid)
                if counts and c.stance != "denies":  # the counts go to the first who states them
                    claim = replace(claim, launched=counts.launched, intercepted=counts.intercepted)
                    counts = WeaponCounts()
                out.append(claim)
                if c.stance != "reports":
                    self.last_claimant = (c.claimant, c.side)
                    if cas.killed or cas.injured or claim.launched or claim.intercepted:
                        self.figures_by = (index, c.claimant, c.side)
            return out
        per_clause = facts.per_clause
        cas = figures_for(0, per_clause) if len(per_clause) == 1 else merge_figures(per_clause)
        figs = {"launched": counts.launched, "intercepted": counts.intercepted}
        stance = "denies" if sc.denial else "asserts"
        if refers_back(s) and self.last_claimant is not None:
            name, side = self.last_claimant
        elif self.figures_by[0] == index - 1 and facts.has_figs:
            _, name, side = self.figures_by
            self.note(f"[{said.tag}] figures right after {name}'s figures: theirs")
        else:
            claimant = outlet_claimant(self.article.url)
            return [Claim(claimant, "other", "reports", cas.killed, cas.injured, s, aid, **figs)]
        self.figures_by = (index, name, side) if facts.has_figs else self.figures_by
        return [Claim(name, side, stance, cas.killed, cas.injured, s, aid, **figs)]

    def _spoken(self, said: _Said, refer: bool) -> list[Claim]:
        """Claims without figures of the speakers of a sentence (not outlets), or, when
        ``refer``, of the last speaker if it refers back ("Its defence ministry said ...")."""
        aid, text, last = self.article.id, said.text, self.last_claimant
        speakers = [
            (c.claimant, c.side, c.stance) for c in said.sc.claimants if c.stance != "reports"
        ]
        if speakers:
            self.last_claimant = speakers[-1][:2]
        elif not (refer and last is not None and not said.sc.claimants and refers_back(text)):
            return []
        else:
            speakers = [(*last, "denies" if said.sc.denial else "asserts")]
        if not refer:
            return []
        return [Claim(n, side, st, quote=text, article_id=aid) for n, side, st in speakers]
