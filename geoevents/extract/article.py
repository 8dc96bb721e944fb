"""One article -> its strike events: the per-article extraction.

For each sentence of an article (the title first, then the text):

1. :func:`geoevents.extract.detect.detect` decides whether it reports a strike and its type;
2. :func:`geoevents.extract.claims.find_claims` finds claimants, denials and "could not verify";
3. :func:`geoevents.extract.casualties.parse_casualties` reads killed/injured per clause, so
   "Russia said 63 died, but Ukraine said 400" gives each claimant its own figure;
4. :func:`geoevents.extract.mentions.find_mentions` finds places (claimant and weapon phrases
   excluded) and :func:`geoevents.extract.locate.choose_locations` picks the event places;
5. :func:`geoevents.dates.event_date` dates it against the publication date.

Merging within an article (one event per place and strike): an event sentence
joins an earlier event of the same article with the same place and type unless
both state different explicit dates; the more precise date wins. A sentence
with a trigger but no place, or with no trigger but with figures, a denial or
"could not verify", continues the last event ("Dozens more were wounded, he
said."; "Ukraine's general staff called the claim fake."). "he said", "the
ministry had put the toll at 63" are attributed to the last named claimant.

Claims: every claimant in a sentence gives a :class:`geoevents.model.Claim`
quoting it; a sentence without a claimant is the outlet's own voice (stance
``"reports"``, side ``"other"``, claimant = the URL host or "news report"),
unless it refers back ("he said") or gives figures right after a speaker's
figures ("A further 109 were hurt."): then it is that speaker's. A speaker's
sentence after an event with neither trigger nor figures is their claim about
it, without figures. No side is guessed for the outlet's own figures. A
denial's ``disputes`` names the claimant whose account it rejects: the side the
sentence names ("rejected Russia's account"), else the latest asserting claim
of another side. Officials named without a side (a regional governor, a
mayor, "local officials", "the police") take the side of the authority of the
event's place (UA -> ukraine, but Crimea and Sevastopol -> russia; RU -> russia).
Attacker side: as stated ("Russian missiles", "Ukraine struck"); for an
interception claimed by a military claimant, the other side; for a military
claimant saying it "destroyed" something, its own side.

Across sentences: the day a strike sentence fixes dates the article's undated strikes
when it lies in their default window; a strike sentence with no place before any
event is the lead, whose weapons, targets and type fill in what the events after it
do not say; a weapon's kind takes the one specific weapon of that kind the report counts.

Event ids are ``stable_id(article id, place, type, first sentence index)``;
events are sorted by date, place and id.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from gazetteer.document import resolve_document
from geoevents.dates import DateSpan
from geoevents.extract.attacker import claimed_attacker, inferred_attacker
from geoevents.extract.background import (
    blank,
    cause_spans,
    comparison_spans,
    inside,
    is_earlier,
    is_tally,
)
from geoevents.extract.claims import SentenceClaims
from geoevents.extract.detect import Detection
from geoevents.extract.drafts import Draft, dates_compatible, draft_event, types_compatible
from geoevents.extract.facts import SentenceFacts
from geoevents.extract.locate import (
    Location,
    Resolved,
    apply_near_references,
    apply_sentence_regions,
    choose_locations,
    drop_foreign_namesakes,
    resolve_mention,
)
from geoevents.extract.mentions import Mention, article_context
from geoevents.extract.rules import is_cyrillic, rules_for
from geoevents.extract.sentences import Sentence, split_sentences
from geoevents.extract.speech import CLAIM_REACH, SpeechMixin, without_figures_in
from geoevents.extract.targets import find_targets
from geoevents.extract.uk_ru import mentions as uk_ru_mentions
from geoevents.extract.weapons import WEAPONS, operator_side
from geoevents.io.articles import Article
from geoevents.model import Claim, Event, sort_events

if TYPE_CHECKING:  # pragma: no cover
    from gazetteer import Candidate, Context
    from geoevents.extract.extractor import Extractor


@dataclass(frozen=True)
class ArticleResult:
    """Events of one article, the place mentions left unresolved, and the explain trail."""

    article: Article
    events: tuple[Event, ...]
    unresolved: tuple[str, ...]
    explain: tuple[str, ...] = ()
    language: str | None = None  # ISO 639-1 code of the article's language, None if unknown


@dataclass(frozen=True)
class _Said:
    """One sentence being handled: its text, tag for the trail, facts and claims."""

    sentence: Sentence
    tag: str
    facts: SentenceFacts
    sc: SentenceClaims
    claims: tuple[Claim, ...] = ()

    @property
    def text(self) -> str:
        return self.sentence.text


def article_sentences(article: Article) -> list[Sentence]:
    """The title (index 0, offsets -1) and then the sentences of the text."""
    out: list[Sentence] = []
    if article.title and article.title.strip():
        out.append(Sentence(" ".join(article.title.split()), -1, -1, 0))
    for s in split_sentences(article.text or ""):
        out.append(Sentence(s.text, s.start, s.end, len(out)))
    return out


class ArticleExtraction(SpeechMixin):
    """The state of extracting one article; use :meth:`Extractor.article`."""

    def __init__(self, extractor: Extractor, article: Article) -> None:
        self.extractor = extractor
        self.gz = extractor.gazetteer
        self.article = article
        self.want_explain = extractor.explain
        self.drafts: list[Draft] = []
        self.last: Draft | None = None
        #: places of a figures sentence before any event ("A missile tore into X, killing
        #: seven."), and that sentence: where a later strike sentence with no place of its
        #: own happened
        self.pending: tuple[int, list[Location], _Said | None] = (-2, [], None)
        self.last_claimant: tuple[str, str] | None = None
        self.last_spoke = -10  # the sentence index of the last claimant's statement
        #: sides the article's speakers blame, and sides its strike sentences name as agent
        self.blamed: set[str] = set()
        self.agents: set[str] = set()
        #: the day the article's strike sentences fix ("on Monday morning"): an undated
        #: strike of the same report happened that day when it lies in its default window
        self.story_day: DateSpan | None = None
        #: the facts of a strike sentence with no place told before any event ("Two air
        #: bases were hit by drones"): the weapons and targets of the events told after it
        self.lead: SentenceFacts | None = None
        #: the specific weapons named with counts ("shot down 21 of 23 Kh-101 missiles")
        self.tallied: set[str] = set()
        #: the sentence index and speaker of the last figures a speaker gave: figures
        #: with no speaker in the very next sentence are theirs ("A further 109 were hurt.")
        self.figures_by: tuple[int, str, str] = (-2, "", "")
        #: the index of the last sentence that made or continued an event
        self.touched = -10
        self.unresolved: list[str] = []
        self.trail: list[str] = []
        #: the title and the text, as the article-level passes read them
        self.full_text = "\n".join(x for x in (article.title or "", article.text or "") if x)
        self.context = self._context()
        self.document: dict[str, Candidate | None] = {}

    def _context(self) -> Context | None:
        from gazetteer import Context

        text = self.full_text[:200_000]
        try:
            regions, countries = article_context(self.gz, text)
            if is_cyrillic(text[:4000]):  # declined names: "на Харківщині"
                more = uk_ru_mentions.article_context(self.gz, text)
                regions = tuple(dict.fromkeys((*regions, *more[0])))
                countries = tuple(dict.fromkeys((*countries, *more[1])))
        except Exception:  # context is only a hint
            regions, countries = (), ()
        return Context(countries=countries, regions=regions, country_focus=("UA", "RU"))

    def country_of(self, name: str) -> str | None:
        """Country code of a region or place named in a claimant ("the governor of X")."""
        region = self.gz.match_region(f"{name} region")
        if region is not None:
            return region.country_code
        cands = self.gz.resolve(name, self.context, limit=1)
        return cands[0].place.country_code if cands else None

    def note(self, text: str) -> None:
        if self.want_explain:
            self.trail.append(text)

    def run(self) -> ArticleResult:
        prepared = [self._prepare(sent) for sent in article_sentences(self.article)]
        self.signed = self.signer([said for said, _ in prepared])
        self.document = self._resolve_document([m for _, ms in prepared for m in ms])
        for said, mentions in prepared:
            self.sentence(said, mentions)
        drafts = self._current_drafts()
        self._settle_attackers(drafts)
        events = sort_events(draft_event(d, self.article) for d in drafts)
        return ArticleResult(
            self.article, tuple(events), tuple(dict.fromkeys(self.unresolved)), tuple(self.trail)
        )

    def _current_drafts(self) -> list[Draft]:
        """The drafts without the strikes dated well before publication, when the article
        reports a strike of its own time too: those are background (a follow-up about an
        earlier strike alone keeps it); and without region-level drafts told more precisely."""
        current = [d for d in self.drafts if not d.earlier]
        if not current:
            current = self.drafts
        for d in self.drafts:
            if d.earlier and d not in current:
                self.note(
                    f"an earlier strike at {d.location.place.name} ({d.date.text!r}): "
                    "background beside this report's strike, not an event"
                )
        current = self._fold_regions(current)
        for d in current:
            self._from_tally(d)
        return current

    def _from_tally(self, d: Draft) -> None:
        """A strike told only by a weapon's kind ("a cruise missile") was one of the weapons
        the report counts ("21 of 23 Kh-101 missiles were shot down") when the counts name
        one specific weapon of that kind."""
        for kind in {w.kind for w in WEAPONS if w.generic and w.label in d.weapons}:
            mine = {w.label for w in WEAPONS if w.kind == kind and not w.generic}
            counted = mine & self.tallied
            if len(counted) == 1 and not mine & d.weapons:
                self.note(f"the {kind} at {d.location.place.name} is the {min(counted)} counted")
                d.weapons.update(counted)

    def _settle_attackers(self, drafts: list[Draft]) -> None:
        """An attacker for each event whose own sentences name none (:func:`inferred_attacker`)."""
        for d in drafts:
            if d.attacker is not None:
                continue
            place = d.location.place
            side, why = operator_side(d.weapons), "the operator of its weapon"
            if side is None:
                side, why = inferred_attacker(
                    place.country_code, place.admin1, d.quotes, self.blamed, self.agents
                )
            d.attacker = side
            self.note(f"attacker at {place.name}: {side or 'unknown'}: {why}")

    def _fold_regions(self, drafts: list[Draft]) -> list[Draft]:
        """A region-level draft (precision 3) whose region holds a more precise draft of
        a compatible type and date is the same strike told coarsely ("drones attacked
        the Odesa region ... in Odesa a strike hit"): its claims and weapons join that one."""
        out = []
        for d in drafts:
            place = d.location.place
            into = None
            if d.location.precision == 3:
                headline = self._headline_only(d)  # a headline sums up: any type of the body
                into = next(
                    (
                        x
                        for x in drafts
                        if x is not d
                        and x.location.precision < 3
                        and x.location.place.country_code == place.country_code
                        and x.location.place.admin1_code == place.admin1_code
                        and (headline or types_compatible(x.event_type, d.event_type))
                        and dates_compatible(x, d.date, d.date_explicit)
                    ),
                    None,
                )
            if into is None:
                out.append(d)
                continue
            self.note(
                f"the region-level event at {place.name} is the one at {into.location.place.name}"
            )
            if d.type_strength > into.type_strength:  # the region's sentence told the weapon
                self.note(f"  type {into.event_type} -> {d.event_type} (firmer evidence)")
                into.event_type, into.type_strength = d.event_type, d.type_strength
            into.claims.extend(c for c in d.claims if c not in into.claims)
            into.weapons.update(d.weapons)
            into.targets.update(d.targets)
            into.attacker = into.attacker or d.attacker
        return out

    def _headline_only(self, d: Draft) -> bool:
        """Whether the draft rests on the title alone (sentence 0 of an article with a title)."""
        title = " ".join((self.article.title or "").split())
        return bool(title) and d.sentence == 0 and all(q == title for q in d.quotes)

    # -- one sentence, by case ------------------------------------------------------
    def _prepare(self, sent: Sentence) -> tuple[_Said, list[Mention]]:
        """A sentence's facts, claims and place mentions (before any is resolved)."""
        facts = self.extractor.facts(sent.text)
        sc = self.extractor.sentence_claims(sent.text, self.country_of)
        said = _Said(sent, "title" if sent.start < 0 else f"s{sent.index}", facts, sc)
        return said, self._mentions(said)

    def _resolve_document(self, mentions: list[Mention]) -> dict[str, Candidate | None]:
        """The article's toponyms resolved together: the gazetteer's document resolver,
        the same one ``geoevents eval geoparse`` measures."""
        names = [m.text for m in mentions if m.kind != "region"]
        if not names:
            return {}
        try:
            return resolve_document(self.gz, self.full_text[:200_000], names, context=self.context)
        except Exception:  # the document pass is a preference; one by one still works
            return {}

    def sentence(self, said: _Said, mentions: list[Mention]) -> None:
        s, sent, facts, sc = said.text, said.sentence, said.facts, said.sc
        resolved = self._resolve(s, mentions)
        self._sides_named(s, facts)
        if facts.counts:
            self.tallied.update(facts.specific)
        if facts.detection is None and not (facts.has_figs or sc.denial or sc.unverified):
            self._aside(said, mentions)
            return
        said = _Said(sent, said.tag, facts, sc, tuple(self._claims(said)))
        self.touched = sent.index
        if facts.detection is not None and sc.denial and self.last is not None:
            self._denial(said, self.last)
        elif facts.detection is None:
            self._follow_up(said, mentions, resolved)
        else:
            self._event_sentence(said, facts.detection, resolved)

    def _sides_named(self, s: str, facts: SentenceFacts) -> None:
        """Remember whom the sentence blames and, for a strike, which side it names as agent."""
        rules = rules_for(s)
        self.blamed.update(rules.blamed_sides(s))
        if facts.detection is not None:
            agent = rules.attacker_side(s, facts.detection.event_type)
            if agent is not None:
                self.agents.add(agent)

    def _mentions(self, said: _Said) -> list[Mention]:
        """Places matter only where a sentence can make, continue or place an event."""
        f, sc = said.facts, said.sc
        if not (f.detection is not None or f.has_figs or sc.denial or sc.unverified or f.specific):
            return []
        exclude = list(sc.spans) + [(a, b) for a, b, _ in f.weapon_spans]  # "Artillery" is no place
        return rules_for(said.text).find_mentions(
            said.text, self.gz, exclude=exclude, matcher=self.extractor.matcher
        )

    def _resolve(self, s: str, mentions: list[Mention]) -> list[Resolved]:
        resolved = [resolve_mention(m, self.gz, self.context, self.document) for m in mentions]
        resolved = apply_sentence_regions(s, resolved, self.gz, self.context)
        resolved = apply_near_references(s, resolved, self.gz, self.context)
        resolved = drop_foreign_namesakes(resolved, self.context)
        for r in resolved:
            if r.place is None and r.mention.relation not in ("origin", "aside"):
                self.unresolved.append(r.mention.text)
        return resolved

    def _aside(self, said: _Said, mentions: Sequence[object]) -> None:
        """No trigger and no figures: remember who spoke ("..., he said" later); a speaker's
        word within :data:`CLAIM_REACH` sentences of an event is their claim about it ("The
        ministry said its target was a depot."), without figures."""
        index = said.sentence.index
        near = self.last is not None and index - self.touched <= CLAIM_REACH
        claims = self._spoken(said, near) if near or said.sc.claimants else []
        if claims and near and self.last is not None:
            self.note(f"[{said.tag}] a claim about the event at {self.last.location.place.name}")
            self.last.add_claims(claims, said.sc)
            self.touched = index
        self._weapon_only(said, mentions)

    def _weapon_only(self, said: _Said, mentions: Sequence[object]) -> None:
        """A sentence with no place that names a specific weapon adds it to the last event."""
        if self.last is not None and said.facts.specific and not mentions:
            self.note(
                f"[{said.tag}] names the weapon of the event at {self.last.location.place.name}"
            )
            self.last.weapons.update(said.facts.specific)

    def _denial(self, said: _Said, last: Draft) -> None:
        """A strike sentence that denies: it continues the last event."""
        self.note(
            f"[{said.tag}] a denial: continues the event at {last.location.place.name}: {said.text!r}"
        )
        last.add_claims(list(said.claims), said.sc)
        last.weapons.update(said.facts.specific)
        last.quotes.append(said.text)

    def _follow_up(self, said: _Said, mentions: Sequence[object], resolved: list[Resolved]) -> None:
        """Figures, a denial or "could not verify" without a trigger: continue the last event."""
        self._weapon_only(said, mentions)
        last = self.last
        if last is None:  # figures or a denial/verification note, with no event yet
            if said.facts.has_figs:  # a town's figures: for the next sentence, or "the town"
                locs = [loc for loc in choose_locations(resolved) if loc.precision < 3]
                self.pending = (said.sentence.index, locs, said)
            return
        spans = list(said.sc.spans)  # "Crimea's health officials said": the speaker, no place
        locs = choose_locations(
            [r for r in resolved if not inside(spans, r.mention.start, r.mention.end)]
        )
        if locs and not any(last.same_place(loc) or _within(loc, last) for loc in locs):
            self.note(
                f"[{said.tag}] figures/claims about another place, not attached: {said.text!r}"
            )
            return
        self.note(f"[{said.tag}] continues the event at {last.location.place.name}: {said.text!r}")
        if last.attacker is None:  # "... killed when a Russian drone slammed into ..."
            last.attacker = rules_for(said.text).attacker_side(said.text, last.event_type)
        if said.sc.unverified:
            for d in self.drafts:
                d.verified = False
        if said.facts.has_figs or said.sc.denial:
            last.add_claims(list(said.claims), said.sc)
            last.quotes.append(said.text)
        else:  # "Russia did not confirm the figures": a claim without figures
            last.add_claims([c for c in said.claims if c.stance != "reports"], said.sc)

    def _event_sentence(self, said: _Said, det: Detection, resolved: list[Resolved]) -> None:
        """A sentence reporting a strike: a new event per place, or more of an existing one."""
        tag = said.tag
        self.note(f"[{tag}] {det.reason}: {said.text!r}")
        compared = comparison_spans(said.text) + cause_spans(said.text, det.start)
        if compared:
            kept = [r for r in resolved if not inside(compared, r.mention.start, r.mention.end)]
            for r in resolved:
                if r not in kept:
                    self.note(
                        f"[{tag}] {r.mention.text!r} is named for comparison or as the cause:"
                        " background"
                    )
            resolved = kept
            said = replace(said, claims=without_figures_in(said, compared))
        resolved = _without_unit_names(said.text, resolved)
        span = rules_for(said.text).event_date(blank(said.text, compared), self.article.published)
        explicit = span.text is not None
        earlier = explicit and is_earlier(span.iso()[1], self.article.published)
        span = self._story_date(span, explicit, earlier)
        locs, figures = self._places_of(said, det, choose_locations(resolved))
        if not locs:
            if self.last is not None and is_tally(said.text, det.event_type):
                self.note(f"[{tag}] a tally of the whole attack: no place, no event's counts")
            elif self.last is not None:
                self.note(
                    f"[{tag}] no place: continues the event at {self.last.location.place.name}"
                )
                self._update(self.last, said, span, explicit)
            else:
                self.note(f"[{tag}] no place named: not an event on the map")
                self.lead = said.facts
            return
        for loc in locs:
            for line in loc.explain:
                self.note(f"[{tag}]   {line}")
            self.last = self._draft_for(said, det, loc, span, explicit)
            self.last.earlier = self.last.earlier or earlier
            if figures is not None:  # the figures told before, by whom they were told
                self.last.add_claims(list(figures.claims), figures.sc)
                self.last.quotes.append(figures.text)
            self._update(self.last, said, span, explicit)
            self._from_lead(self.last, said)

    def _story_date(self, span: DateSpan, explicit: bool, earlier: bool) -> DateSpan:
        """The sentence's date, or for an undated one the day the report has fixed, when
        that day lies in its default window (the day of or before publication)."""
        if explicit:
            if span.precision == "day" and not earlier:
                self.story_day = span
            return span
        day = self.story_day
        if day is None or span.start is None or span.end is None or day.start is None:
            return span
        return day if span.start <= day.start <= span.end else span

    def _from_lead(self, d: Draft, said: _Said) -> None:
        """An event told after a strike sentence with no place ("Two air bases were hit by
        drones on Monday. At one, two bombers were damaged") takes the lead's weapons when its
        own sentence names none, its targets when it names no site (only aircraft or
        vehicles harmed), and its type when its own is only the default."""
        lead = self.lead
        if lead is None or d.sentence != said.sentence.index:
            return
        if not d.weapons and lead.weapons:
            self.note(f"[{said.tag}]   weapons of the lead: {', '.join(lead.weapons)}")
            d.weapons.update(lead.weapons)
        if d.targets <= _OBJECTS and lead.targets:  # no site of its own
            self.note(f"[{said.tag}]   targets of the lead: {', '.join(lead.targets)}")
            d.targets.update(lead.targets)
        det = lead.detection
        if det is not None and d.type_strength == 1 < det.strength:  # its own is a default
            self.note(f"[{said.tag}]   type {d.event_type} -> {det.event_type} (the lead's)")
            d.event_type, d.type_strength = det.event_type, det.strength

    def _places_of(
        self, said: _Said, det: Detection, locs: list[Location]
    ) -> tuple[list[Location], _Said | None]:
        """The places of a strike sentence when its own say nothing: those of the figures
        told before any event (with that sentence, for its claims); none when it tells of
        some of the last attack's weapons downed in a district (it continues that event)."""
        index, pending, figures = self.pending
        if (
            not locs
            and self.last is None
            and pending
            and (index == said.sentence.index - 1 or _THE_TOWN.search(said.text))
        ):
            self.note(f"[{said.tag}] no place: where the figures before it were reported")
            return pending, figures
        if locs and self._part_of_last(said.text, det, locs):
            assert self.last is not None
            self.note(
                f"[{said.tag}] some of the weapons of the attack just told, downed in a"
                f" district: continues the event at {self.last.location.place.name}"
            )
            return [], None
        return locs, None

    def _part_of_last(self, s: str, det: Detection, locs: list[Location]) -> bool:
        """Whether an interception told of some of the last event's weapons ("One was shot
        down in the X district") over a district or region only is part of that attack."""
        if self.last is None or det.event_type != "interception" or not _SOME_OF_THEM.match(s):
            return False
        return all(
            loc.precision == 3 or _UNIT_AFTER.match(s, loc.resolved.mention.end) for loc in locs
        )

    def _draft_for(
        self, said: _Said, det: Detection, loc: Location, span: DateSpan, explicit: bool
    ) -> Draft:
        d = next((x for x in self.drafts if x.accepts(loc, det.event_type, span, explicit)), None)
        if d is None:
            d = Draft(said.sentence.index, det.event_type, loc, span, explicit, det.strength)
            self.drafts.append(d)
        elif det.strength > d.type_strength:
            self.note(f"[{said.tag}]   type {d.event_type} -> {det.event_type} (firmer evidence)")
            d.event_type, d.type_strength = det.event_type, det.strength
        else:
            d.refine_location(loc)
        return d

    def _update(self, d: Draft, said: _Said, span: DateSpan, explicit: bool) -> None:
        s, facts = said.text, said.facts
        d.refine_date(span, explicit)
        d.weapons.update(facts.weapons)
        d.targets.update(facts.targets if facts.targets is not None else find_targets(s))
        side = rules_for(s).attacker_side(s, d.event_type) or claimed_attacker(
            d.event_type, said.claims, said.text
        )
        if side is not None and d.attacker is None:
            d.attacker = side
        if said.sc.unverified:
            d.verified = False
        d.add_claims(list(said.claims), said.sc)
        d.quotes.append(s)


#: A subject that counts the weapons just told without naming them: "One was", "Two were",
#: "The rest of them were".
_SOME_OF_THEM = re.compile(
    r"(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|\d+|Another|Others|The\s+(?:rest|others)"
    r"|All|Most|Some|Several|Both)\s+(?:of\s+them\s+)?(?:was|were|had\s+been|have\s+been)\b"
)
#: A strike on "the town" names no place but points back to the town the article named.
_THE_TOWN = re.compile(
    r"\b(?:at|on|in|into|hit|struck|shelled|targeted|attacked)\s+the\s+(?:town|city|village)\b",
    re.IGNORECASE,
)
#: Targets that are things harmed at a site, not the site itself.
_OBJECTS = frozenset({"aircraft", "vehicle"})


_UNIT_AFTER = re.compile(r"\s+(?:district|raion|rayon|hromada|community|municipality)\b", re.I)


def _within(loc: Location, d: Draft) -> bool:
    """Whether ``loc`` and the draft's place are one in the other: the region of the event's
    town ("Aksyonov, who heads Crimea, said one died" after a strike at Saky), or a town of
    the region the event was told in ("in Vidnoye, apartment blocks were damaged" after drones
    over the Moscow region)."""
    a, b = loc.place, d.location.place
    return (
        (loc.precision == 3 or d.location.precision == 3)
        and a.country_code == b.country_code
        and a.admin1_code is not None
        and a.admin1_code == b.admin1_code
    )


def _without_unit_names(s: str, resolved: list[Resolved]) -> list[Resolved]:
    """Drop a town named only as the name of its district ("Hroza, a village in the
    Kupiansk district") when the sentence names another settlement.

    >>> _UNIT_AFTER.match(" district of the Kharkiv region") is not None
    True
    """
    units = [r for r in resolved if r.level == "settlement" and _UNIT_AFTER.match(s, r.mention.end)]
    if not units or not any(r.level == "settlement" and r not in units for r in resolved):
        return resolved
    return [r for r in resolved if r not in units]
