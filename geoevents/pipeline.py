"""Articles -> strike events: the extraction pipeline.

For each sentence of an article (the title first, then the text):

1. :func:`geoevents.detect.detect` decides whether it reports a strike and its type;
2. :func:`geoevents.claims.find_claims` finds claimants, denials and "could not verify";
3. :func:`geoevents.casualties.parse_casualties` reads killed/injured per clause, so
   "Russia said 63 died, but Ukraine said 400" gives each claimant its own figure;
4. :func:`geoevents.mentions.find_mentions` finds places (claimant and weapon phrases
   excluded) and :func:`geoevents.locate.choose_locations` picks the event places;
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
``"reports"``, side ``"other"``, claimant = the URL host or "news report"). A
denial's ``disputes`` names the claimant whose account it rejects: the side the
sentence names ("rejected Russia's account"), else the latest asserting claim
of another side. Officials named without a side (a regional governor, a
mayor, "local officials") take the side of the event's country (UA ->
ukraine, RU -> russia). Attacker side: as stated ("Russian missiles",
"Ukraine struck"); for an interception claimed by a military claimant, the
other side; for a military claimant saying it "destroyed" something, its own side.

Event ids are ``stable_id(article id, place, type, first sentence index)``;
events are sorted by date, place and id.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geoevents.articles import Article, read_articles
from geoevents.casualties import GATE_STEMS as CASUALTY_STEMS
from geoevents.casualties import Casualties, parse_casualties
from geoevents.claims import (
    SIDE_OF_COUNTRY,
    SentenceClaims,
    clauses,
    find_claims,
    outlet_claimant,
    refers_back,
)
from geoevents.coords import haversine_km
from geoevents.dates import DateSpan, event_date
from geoevents.detect import GATE_STEMS as TRIGGER_STEMS
from geoevents.detect import Detection, attacker_side, detect
from geoevents.errors import InputError
from geoevents.locate import (
    Location,
    apply_sentence_regions,
    choose_locations,
    drop_foreign_namesakes,
    resolve_mention,
)
from geoevents.mentions import article_context, find_mentions, matcher_for
from geoevents.model import Claim, Event, Figure, Source, stable_id
from geoevents.sentences import Sentence, has_stem, split_sentences
from geoevents.targets import find_targets
from geoevents.weapons import WEAPONS, Weapon, find_weapons, weapon_spans

if TYPE_CHECKING:  # pragma: no cover
    import geopandas

    from gazetteer import Context, Gazetteer

#: Claimants whose statements about their own side's actions set the attacker side.
MILITARY_CLAIMANTS = {
    "Russian Ministry of Defence": "russia",
    "Ukrainian General Staff": "ukraine",
    "Ukrainian Air Force": "ukraine",
    "Ukrainian military": "ukraine",
}
_GENERIC_OFFICIALS = ("regional governor", "local officials")
_DESTROYED = re.compile(r"\b(?:destroyed|eliminated|neutrali[sz]ed|liquidated|wiped\s+out)\b", re.I)
_OTHER = {"russia": "ukraine", "ukraine": "russia"}
#: Targets that make "destroyed"/"hit" a strike even without a weapon named.
STRIKE_TARGETS = frozenset(
    {
        "ammunition depot",
        "fuel depot",
        "weapon system",
        "radar",
        "airfield",
        "military base",
        "troop position",
    }
)
_SPECIFIC = frozenset(w.label for w in WEAPONS if not w.generic)
_NONE = Casualties()
#: Places closer than this are one place when merging the sentences of one article.
SAME_PLACE_KM = 5.0


@dataclass(frozen=True)
class ArticleResult:
    """Events of one article, the place mentions left unresolved, and the explain trail."""

    article: Article
    events: tuple[Event, ...]
    unresolved: tuple[str, ...]
    explain: tuple[str, ...] = ()


@dataclass
class _Draft:
    """An event being assembled from the sentences of one article."""

    sentence: int
    event_type: str
    location: Location
    date: DateSpan
    date_explicit: bool
    type_strength: int = 1
    claims: list[Claim] = field(default_factory=list)
    weapons: set[str] = field(default_factory=set)
    targets: set[str] = field(default_factory=set)
    attacker: str | None = None
    verified: bool | None = None
    quotes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def same_place(self, loc: Location) -> bool:
        """Same gazetteer entry, or within :data:`SAME_PLACE_KM` (a site in its town, a city and its region's point)."""
        a, b = self.location.place, loc.place
        if a.geonameid is not None and a.geonameid == b.geonameid:
            return True
        return haversine_km((a.lat, a.lon), (b.lat, b.lon)) <= SAME_PLACE_KM


def _types_compatible(a: str, b: str) -> bool:
    """Strike reports at one place merge whatever their type, but an interception stays apart."""
    return a == b or ("interception" not in (a, b))


def _dates_compatible(d: _Draft, span: DateSpan, explicit: bool) -> bool:
    if not (d.date_explicit and explicit):
        return True
    return (d.date.start, d.date.end) == (span.start, span.end)


def _refine_date(d: _Draft, span: DateSpan, explicit: bool) -> None:
    rank = {"day": 2, "range": 1, "unknown": 0}
    if (explicit and not d.date_explicit) or (
        explicit == d.date_explicit and rank[span.precision] > rank[d.date.precision]
    ):
        d.date, d.date_explicit = span, explicit


@dataclass(frozen=True)
class SentenceFacts:
    """What one sentence says on its own: weapons, figures, trigger, targets.

    Everything here depends only on the sentence text, so it is computed once
    per distinct sentence and process (:func:`sentence_facts`); wire copy
    repeats boilerplate sentences across articles. ``targets`` is ``None``
    when the sentence has no trigger word (then no stage needs it).
    """

    weapon_spans: tuple[tuple[int, int, Weapon], ...]
    per_clause: tuple[tuple[int, int, Casualties], ...]
    has_figs: bool
    detection: Detection | None
    weapons: tuple[str, ...]
    specific: tuple[str, ...]
    targets: tuple[str, ...] | None


#: Distinct sentence -> its facts / its claims (bounded: cleared when full).
_FACTS_MEMO: dict[str, SentenceFacts] = {}
_CLAIMS_MEMO: dict[str, SentenceClaims] = {}
_MEMO_MAX = 20_000


def _remember(memo: dict[str, Any], key: str, value: Any) -> None:
    if len(memo) >= _MEMO_MAX:
        memo.clear()
    memo[key] = value


def sentence_facts(s: str) -> SentenceFacts:
    """The :class:`SentenceFacts` of ``s`` (memoised per process).

    >>> f = sentence_facts("Two Grad rockets hit a school in Kherson, killing three people.")
    >>> f.detection.event_type, f.weapons, f.targets, f.per_clause[0][2].killed.low
    ('shelling_missile_attack', ('Grad',), ('school',), 3)
    >>> sentence_facts("Residents spent the night in shelters.").detection is None
    True
    """
    hit = _FACTS_MEMO.get(s)
    if hit is not None:
        return hit
    wspans = weapon_spans(s)
    per_clause = (
        tuple(_clause_casualties(s)) if has_stem(s, CASUALTY_STEMS) else ((0, len(s), _NONE),)
    )
    has_figs = any(c.killed or c.injured for _, _, c in per_clause)
    det = None
    targets = None
    if has_stem(s, TRIGGER_STEMS):  # no trigger word: no detection, no targets needed
        targets = find_targets(s)
        det = detect(s, wspans, corroborated=has_figs or not STRIKE_TARGETS.isdisjoint(targets))
    weapons = find_weapons(s, wspans)
    facts = SentenceFacts(
        tuple(wspans),
        per_clause,
        has_figs,
        det,
        weapons,
        tuple(w for w in weapons if w in _SPECIFIC),
        targets,
    )
    _remember(_FACTS_MEMO, s, facts)
    return facts


def _sentences(article: Article) -> list[Sentence]:
    out: list[Sentence] = []
    if article.title and article.title.strip():
        out.append(Sentence(" ".join(article.title.split()), -1, -1, 0))
    for s in split_sentences(article.text or ""):
        out.append(Sentence(s.text, s.start, s.end, len(out)))
    return out


def _clause_casualties(sentence: str) -> list[tuple[int, int, Casualties]]:
    return [(a, b, parse_casualties(sentence[a:b])) for a, b in clauses(sentence)]


def _figures_for(pos: int, per_clause: list[tuple[int, int, Casualties]]) -> Casualties:
    """Figures of the clause holding ``pos``; else the sentence's only figures."""
    for a, b, cas in per_clause:
        if a <= pos < b and (cas.killed or cas.injured):
            return cas
    with_figs = [c for _, _, c in per_clause if c.killed or c.injured]
    if len(with_figs) == 1:
        return with_figs[0]
    return Casualties()


class _ArticleExtractor:
    def __init__(self, article: Article, gz: Gazetteer, explain: bool) -> None:
        self.article = article
        self.gz = gz
        self.want_explain = explain
        self.matcher = matcher_for(gz)
        self.drafts: list[_Draft] = []
        self.last: _Draft | None = None
        self.last_claimant: tuple[str, str] | None = None
        self.unresolved: list[str] = []
        self.trail: list[str] = []
        self.context = self._context()

    def _context(self) -> Context | None:
        from gazetteer import Context

        text = "\n".join(x for x in (self.article.title or "", self.article.text or "") if x)
        try:
            regions, countries = article_context(self.gz, text[:200_000])
        except Exception:  # context is only a hint
            regions, countries = (), ()
        return Context(countries=countries, regions=regions, country_focus=("UA", "RU"))

    def _country_of(self, name: str) -> str | None:
        region = self.gz.match_region(f"{name} region")
        if region is not None:
            return region.country_code
        cands = self.gz.resolve(name, self.context, limit=1)
        return cands[0].place.country_code if cands else None

    def _find_claims(self, s: str) -> SentenceClaims:
        """:func:`find_claims` of ``s``, shared across articles unless it asked the gazetteer.

        A governor of a region not in :data:`geoevents.claims.REGION_COUNTRY`
        is placed with :meth:`_country_of`, which reads this article's context:
        such a result is not kept.
        """
        hit = _CLAIMS_MEMO.get(s)
        if hit is not None:
            return hit
        asked = False

        def country_of(name: str) -> str | None:
            nonlocal asked
            asked = True
            return self._country_of(name)

        sc = find_claims(s, country_of=country_of)
        if not asked:
            _remember(_CLAIMS_MEMO, s, sc)
        return sc

    def _weapon_only(self, tag: str, specific: tuple[str, ...], mentions: Sequence[object]) -> None:
        """A sentence with no place that names a specific weapon adds it to the last event."""
        if self.last is not None and specific and not mentions:
            self.note(f"[{tag}] names the weapon of the event at {self.last.location.place.name}")
            self.last.weapons.update(specific)

    def note(self, text: str) -> None:
        if self.want_explain:
            self.trail.append(text)

    # -- claims ----------------------------------------------------------------
    def _claims(self, s: str, sc, per_clause) -> list[Claim]:  # type: ignore[no-untyped-def]
        aid = self.article.id
        out: list[Claim] = []
        if sc.claimants:
            for c in sc.claimants:
                cas = _figures_for(c.start, per_clause)
                out.append(Claim(c.claimant, c.side, c.stance, cas.killed, cas.injured, s, aid))
                if c.stance != "reports":
                    self.last_claimant = (c.claimant, c.side)
            return out
        cas = _figures_for(0, per_clause) if len(per_clause) == 1 else _merge_figs(per_clause)
        if refers_back(s) and self.last_claimant is not None:
            name, side = self.last_claimant
            stance = "denies" if sc.denial else "asserts"
            return [Claim(name, side, stance, cas.killed, cas.injured, s, aid)]
        stance = "reports"
        return [
            Claim(
                outlet_claimant(self.article.url), "other", stance, cas.killed, cas.injured, s, aid
            )
        ]

    def _add_claims(self, d: _Draft, claims: list[Claim], sc) -> None:  # type: ignore[no-untyped-def]
        for c in claims:
            if c.stance == "denies":
                target = None
                if sc.disputes_side is not None:
                    target = next(
                        (
                            x.claimant
                            for x in reversed(d.claims)
                            if x.stance != "denies" and x.side == sc.disputes_side
                        ),
                        None,
                    )
                if target is None:
                    target = next(
                        (
                            x.claimant
                            for x in reversed(d.claims)
                            if x.stance != "denies" and x.side != c.side and x.side != "other"
                        ),
                        None,
                    ) or next(
                        (
                            x.claimant
                            for x in reversed(d.claims)
                            if x.stance != "denies" and x.side != c.side
                        ),
                        None,
                    )
                c = Claim(
                    c.claimant, c.side, c.stance, c.killed, c.injured, c.quote, c.article_id, target
                )
            dup = next(
                (
                    i
                    for i, x in enumerate(d.claims)
                    if x.claimant == c.claimant and x.stance == c.stance and _compatible(x, c)
                ),
                None,
            )
            if dup is not None:
                old = d.claims[dup]
                d.claims[dup] = Claim(
                    old.claimant,
                    old.side,
                    old.stance,
                    old.killed or c.killed,
                    old.injured or c.injured,
                    old.quote
                    if (old.killed or old.injured or not (c.killed or c.injured))
                    else c.quote,
                    old.article_id,
                    old.disputes or c.disputes,
                )
                continue
            d.claims.append(c)

    # -- sentences -------------------------------------------------------------
    def run(self) -> ArticleResult:
        for sent in _sentences(self.article):
            self.sentence(sent)
        events = sorted(
            (self._event(d) for d in self.drafts),
            key=lambda e: (e.date_start or "", e.place_name or "", e.id),
        )
        return ArticleResult(
            self.article, tuple(events), tuple(dict.fromkeys(self.unresolved)), tuple(self.trail)
        )

    def sentence(self, sent: Sentence) -> None:
        s = sent.text
        tag = "title" if sent.start < 0 else f"s{sent.index}"
        facts = sentence_facts(s)
        wspans = facts.weapon_spans
        sc = self._find_claims(s)
        per_clause = facts.per_clause
        has_figs = facts.has_figs
        det = facts.detection
        specific = facts.specific
        exclude = list(sc.spans) + [(a, b) for a, b, _ in wspans]  # "Artillery" is no place
        # Places matter only where a sentence can make, continue or place an event.
        mentions = (
            find_mentions(s, self.gz, exclude=exclude, matcher=self.matcher)
            if (det is not None or has_figs or sc.denial or sc.unverified or specific)
            else []
        )
        resolved = [resolve_mention(m, self.gz, self.context) for m in mentions]
        resolved = apply_sentence_regions(s, resolved, self.gz, self.context)
        resolved = drop_foreign_namesakes(resolved, self.context)
        for r in resolved:
            if r.place is None and r.mention.relation not in ("origin", "aside"):
                self.unresolved.append(r.mention.text)
        if det is None and not (has_figs or sc.denial or sc.unverified):
            # nothing to add to an event; only remember who spoke ("..., he said" later)
            for c in sc.claimants:
                if c.stance != "reports":
                    self.last_claimant = (c.claimant, c.side)
            self._weapon_only(tag, specific, mentions)
            return
        claims = self._claims(s, sc, per_clause)
        if det is not None and sc.denial and self.last is not None:
            self.note(
                f"[{tag}] a denial: continues the event at {self.last.location.place.name}: {s!r}"
            )
            self._add_claims(self.last, claims, sc)
            self.last.weapons.update(specific)
            self.last.quotes.append(s)
            return
        if det is None:
            self._weapon_only(tag, specific, mentions)
            if self.last is None:  # figures or a denial/verification note, with no event yet
                return
            locs = choose_locations(resolved)
            if locs and not any(self.last.same_place(loc) for loc in locs):
                self.note(f"[{tag}] figures/claims about another place, not attached: {s!r}")
                return
            self.note(f"[{tag}] continues the event at {self.last.location.place.name}: {s!r}")
            if sc.unverified:
                for d in self.drafts:
                    d.verified = False
            if has_figs or sc.denial:
                self._add_claims(self.last, claims, sc)
                self.last.quotes.append(s)
            return
        self.note(f"[{tag}] {det.reason}: {s!r}")
        locs = choose_locations(resolved)
        span = event_date(s, self.article.published)
        explicit = span.text is not None
        if not locs:
            if self.last is not None:
                self.note(
                    f"[{tag}] no place: continues the event at {self.last.location.place.name}"
                )
                self._update(self.last, det, s, sc, claims, span, explicit, wspans)
            else:
                self.note(f"[{tag}] no place named: not an event on the map")
            return
        for loc in locs:
            for line in loc.explain:
                self.note(f"[{tag}]   {line}")
            d = next(
                (
                    x
                    for x in self.drafts
                    if x.same_place(loc)
                    and _types_compatible(x.event_type, det.event_type)
                    and _dates_compatible(x, span, explicit)
                ),
                None,
            )
            if d is None:
                d = _Draft(sent.index, det.event_type, loc, span, explicit, det.strength)
                self.drafts.append(d)
            elif det.strength > d.type_strength:
                self.note(f"[{tag}]   type {d.event_type} -> {det.event_type} (firmer evidence)")
                d.event_type, d.type_strength = det.event_type, det.strength
            elif loc.precision < d.location.precision or (
                loc.precision == d.location.precision
                and loc.place.kind == "site"
                and d.location.place.kind != "site"
            ):
                d.location = loc
            self._update(d, det, s, sc, claims, span, explicit, wspans)
            self.last = d

    def _update(self, d: _Draft, det, s, sc, claims, span, explicit, wspans) -> None:  # type: ignore[no-untyped-def]
        _refine_date(d, span, explicit)
        facts = sentence_facts(s)
        d.weapons.update(facts.weapons)
        d.targets.update(facts.targets if facts.targets is not None else find_targets(s))
        side = attacker_side(s, d.event_type)
        if side is None:
            for c in claims:
                mil = MILITARY_CLAIMANTS.get(c.claimant)
                if mil is None or c.stance != "asserts":
                    continue
                if d.event_type == "interception":
                    side = _OTHER[mil]
                elif _DESTROYED.search(s):
                    side = mil
                break
        if side is not None and d.attacker is None:
            d.attacker = side
        if sc.unverified:
            d.verified = False
        self._add_claims(d, claims, sc)
        d.quotes.append(s)

    def _event(self, d: _Draft) -> Event:
        art = self.article
        place = d.location.place
        cc = place.country_code
        claims = []
        for c in d.claims:
            if c.side == "unknown" and (
                c.claimant in _GENERIC_OFFICIALS or c.claimant.endswith(" officials")
            ):
                c = Claim(
                    c.claimant,
                    SIDE_OF_COUNTRY.get(cc or "", "unknown"),
                    c.stance,
                    c.killed,
                    c.injured,
                    c.quote,
                    c.article_id,
                    c.disputes,
                )
            claims.append(c)
        disputed_by = tuple(dict.fromkeys(c.claimant for c in claims if c.stance == "denies"))
        span = d.date
        start = span.start.isoformat() if span.start else None
        end = span.end.isoformat() if span.end else None
        published = art.published.isoformat() if art.published else None
        return Event(
            id=stable_id(art.id, place.geonameid or place.name, d.event_type, d.sentence),
            event_type=d.event_type,
            lat=place.lat,
            lon=place.lon,
            date=start if span.precision == "day" else None,
            date_start=start,
            date_end=end,
            date_precision=span.precision,
            place_name=place.name,
            country_code=cc,
            admin1=place.admin1,
            geonameid=place.geonameid,
            location_precision=d.location.precision,
            weapons=_prune_generic(d.weapons),
            targets=tuple(sorted(d.targets)),
            attacker_side=d.attacker,
            claims=tuple(claims),
            disputed=bool(disputed_by),
            disputed_by=disputed_by,
            verified=d.verified,
            sources=(
                Source(art.id, art.title, art.url, published, d.quotes[0] if d.quotes else ""),
            ),
            notes=tuple(d.location.explain),
        )


def _prune_generic(labels: set[str]) -> tuple[str, ...]:
    """Drop generic weapon labels ("rocket") covered by a specific one of the same kind ("HIMARS")."""
    kinds = {w.kind for w in WEAPONS if w.label in labels and not w.generic}
    generic = {w.label for w in WEAPONS if w.generic and w.kind in kinds}
    return tuple(sorted(labels - generic))


def _same_figure(a: Figure | None, b: Figure | None) -> bool:
    return a is None or b is None or (a.low, a.high) == (b.low, b.high)


def _compatible(a: Claim, b: Claim) -> bool:
    """Two claims of one claimant that can be one statement (no conflicting figure)."""
    return _same_figure(a.killed, b.killed) and _same_figure(a.injured, b.injured)


def _merge_figs(per_clause: list[tuple[int, int, Casualties]]) -> Casualties:
    killed: Figure | None = None
    injured: Figure | None = None
    for _, _, c in per_clause:
        killed = killed or c.killed
        injured = injured or c.injured
    return Casualties(killed, injured)


def extract_article(
    article: Article, gazetteer: Gazetteer, *, explain: bool = False
) -> ArticleResult:
    """Strike events reported by one article.

    Parameters
    ----------
    article
        The article (title and text).
    gazetteer
        An open :class:`gazetteer.Gazetteer`.
    explain
        Fill :attr:`ArticleResult.explain` with the decision trail.
    """
    return _ArticleExtractor(article, gazetteer, explain).run()


def extract_events(
    inputs: Sequence[str | Path],
    *,
    gazetteer: Gazetteer | None = None,
    published: datetime.date | None = None,
) -> tuple[geopandas.GeoDataFrame, list[InputError]]:
    """Read ``inputs`` and extract their events into a GeoDataFrame.

    Bad inputs do not stop the run: they come back as :class:`InputError` in the
    second element, in input order.
    """
    from geoevents.eventio import events_to_frame

    if gazetteer is None:
        from gazetteer import Gazetteer

        gazetteer = Gazetteer.open()
    events: list[Event] = []
    errors: list[InputError] = []
    for item in read_articles(inputs, published=published):
        if isinstance(item, InputError):
            errors.append(item)
            continue
        events.extend(extract_article(item, gazetteer).events)
    events.sort(key=lambda e: (e.date_start or "", e.place_name or "", e.id))
    return events_to_frame(events), errors
