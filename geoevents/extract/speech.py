"""Who said what in an article: the claims of each sentence, with its speaker's figures.

A mixin of :class:`geoevents.extract.article.ArticleExtraction` (its state: the article,
the last speaker, the last figures a speaker gave, the trail). The rules are documented in
docs/extraction.md, "Who said it".
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from geoevents.extract.background import inside
from geoevents.extract.counts import WeaponCounts
from geoevents.extract.facts import figures_for, merge_figures
from geoevents.extract.outlets import channel_voice, outlet_claimant
from geoevents.extract.rules import is_cyrillic, rules_for
from geoevents.model import Claim, Figure

if TYPE_CHECKING:  # pragma: no cover
    from geoevents.extract.article import _Said

#: How many sentences after an event a speaker's sentence without trigger or figures
#: still speaks about it (the event's paragraph).
CLAIM_REACH = 2
#: Sentences after a Ukrainian or Russian speaker whose figures are still theirs.
RETOLD_REACH = 2
#: The longest last line read as a post's signature ("Олег Синєгубов, начальник ОВА").
SIGNATURE_MAX = 100


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
                    self.last_spoke = index
                    if cas.killed or cas.injured or claim.launched or claim.intercepted:
                        self.figures_by = (index, c.claimant, c.side)
            return out
        per_clause = facts.per_clause
        cas = figures_for(0, per_clause) if len(per_clause) == 1 else merge_figures(per_clause)
        figs = {"launched": counts.launched, "intercepted": counts.intercepted}
        stance = "denies" if sc.denial else "asserts"
        if rules_for(s).refers_back(s) and self.last_claimant is not None:
            name, side = self.last_claimant
        elif self.figures_by[0] == index - 1 and facts.has_figs:
            _, name, side = self.figures_by
            self.note(f"[{said.tag}] figures right after {name}'s figures: theirs")
        elif self._retold(s, index, facts.has_figs):
            assert self.last_claimant is not None
            name, side = self.last_claimant
            self.note(f"[{said.tag}] figures retold after {name}'s statement: theirs")
        else:
            voice = self.signed or (
                channel_voice(self.article.outlet) if self.article.source else None
            )
            if voice is not None:  # a signed post, an official channel: its own voice
                name, side = voice
                return [Claim(name, side, stance, cas.killed, cas.injured, s, aid, **figs)]
            claimant = self.article.outlet or outlet_claimant(None)
            return [Claim(claimant, "other", "reports", cas.killed, cas.injured, s, aid, **figs)]
        self.figures_by = (index, name, side) if facts.has_figs else self.figures_by
        return [Claim(name, side, stance, cas.killed, cas.injured, s, aid, **figs)]

    def signer(self, said: list[_Said]) -> tuple[str, str] | None:
        """Who signs a Ukrainian or Russian post: a claimant heading its title ("Синєгубов:
        удар по ...", "Минобороны: ...") or named alone on its last line ("Олег Синєгубов,
        начальник Харківської ОВА"). Sentences that name no speaker are theirs, not the
        outlet's. English articles are signed by no one (their outlet speaks)."""
        if not said or not is_cyrillic(self.full_text[:4000]):
            return None
        first = said[0]
        if first.sentence.start < 0:  # the title
            head = [c for c in first.sc.claimants if c.start == 0 and c.stance != "reports"]
            if head and head[0].side in ("ukraine", "russia"):
                self.note(f"[title] signed by {head[0].claimant}")
                return head[0].claimant, head[0].side
        last = said[-1]
        f = last.facts
        if (
            last.sentence.start >= 0
            and len(last.text) <= SIGNATURE_MAX
            and f.detection is None
            and not f.has_figs
            and not last.sc.denial
        ):
            voice = channel_voice(last.text.rstrip(". "))
            if voice is not None:
                self.note(f"[{last.tag}] signed by {voice[0]}")
            return voice
        return None

    def _retold(self, s: str, index: int, has_figs: bool) -> bool:
        """Ukrainian and Russian reports name their speaker once and retell the figures in
        the next sentences without a verb of saying ("..., сообщил губернатор. Погибли шесть
        человек"): figures within :data:`RETOLD_REACH` sentences of a speaker are theirs."""
        return (
            has_figs
            and self.last_claimant is not None
            and 0 < index - self.last_spoke <= RETOLD_REACH
            and rules_for(s).name == "uk_ru"
        )

    def _spoken(self, said: _Said, refer: bool) -> list[Claim]:
        """Claims without figures of the speakers of a sentence (not outlets), or, when
        ``refer``, of the last speaker if it refers back ("Its defence ministry said ...")."""
        aid, text, last = self.article.id, said.text, self.last_claimant
        speakers = [
            (c.claimant, c.side, c.stance) for c in said.sc.claimants if c.stance != "reports"
        ]
        if speakers:
            self.last_claimant = speakers[-1][:2]
            self.last_spoke = said.sentence.index
        elif not (
            refer
            and last is not None
            and not said.sc.claimants
            and rules_for(text).refers_back(text)
        ):
            return []
        else:
            speakers = [(*last, "denies" if said.sc.denial else "asserts")]
        if not refer:
            return []
        return [Claim(n, side, st, quote=text, article_id=aid) for n, side, st in speakers]
