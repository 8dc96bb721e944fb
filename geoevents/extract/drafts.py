"""An event being assembled from the sentences of one article, and how drafts merge.

An event sentence joins an earlier draft of the same article with the same
place (same gazetteer entry or within :data:`SAME_PLACE_KM`) and a compatible
type unless both state different explicit dates; the more precise date wins.
Claims of one claimant that can be one statement are merged; a denial names
whose account it disputes.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from gazetteer.geo import haversine_km
from geoevents.dates import DateSpan
from geoevents.extract.claims import SIDE_OF_COUNTRY, SentenceClaims
from geoevents.extract.locate import Location
from geoevents.extract.weapons import WEAPONS, operator_side
from geoevents.io.articles import Article
from geoevents.model import Claim, Event, Figure, Source, stable_id

#: Places closer than this are one place when merging the sentences of one article.
SAME_PLACE_KM = 5.0
_GENERIC_OFFICIALS = ("regional governor", "local officials", "national officials")
_DATE_RANK = {"day": 2, "range": 1, "unknown": 0}


@dataclass
class Draft:
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
    earlier: bool = False  # dated well before publication (geoevents.extract.background)

    def same_place(self, loc: Location) -> bool:
        """Same gazetteer entry, or within :data:`SAME_PLACE_KM` (a site in its town, a city and its region's point)."""
        a, b = self.location.place, loc.place
        if a.geonameid is not None and a.geonameid == b.geonameid:
            return True
        return haversine_km((a.lat, a.lon), (b.lat, b.lon)) <= SAME_PLACE_KM

    def accepts(self, loc: Location, event_type: str, span: DateSpan, explicit: bool) -> bool:
        """True if a sentence about ``loc`` with this type and date continues this draft."""
        return (
            self.same_place(loc)
            and types_compatible(self.event_type, event_type)
            and dates_compatible(self, span, explicit)
        )

    def refine_date(self, span: DateSpan, explicit: bool) -> None:
        """Take ``span`` if it is explicit where the draft's is not, or more precise; a
        window that holds the draft's day ("overnight" after "on Friday") changes nothing."""
        if _holds(span, self.date):
            return
        if (explicit and not self.date_explicit) or (
            explicit == self.date_explicit
            and _DATE_RANK[span.precision] > _DATE_RANK[self.date.precision]
        ):
            self.date, self.date_explicit = span, explicit

    def refine_location(self, loc: Location) -> None:
        """Take ``loc`` if it is more precise (a site beats a town of equal precision)."""
        if loc.precision < self.location.precision or (
            loc.precision == self.location.precision
            and loc.place.kind == "site"
            and self.location.place.kind != "site"
        ):
            self.location = loc

    def add_claims(self, claims: list[Claim], sc: SentenceClaims) -> None:
        """Add the claims of one sentence; a claimant's compatible claims become one."""
        for c in claims:
            if c.stance == "denies":
                c = _with_disputes(c, self._disputed(c, sc.disputes_side))
            dup = next(
                (
                    i
                    for i, x in enumerate(self.claims)
                    if x.claimant == c.claimant and x.stance == c.stance and _compatible(x, c)
                ),
                None,
            )
            if dup is None:
                self.claims.append(c)
            else:
                self.claims[dup] = _merged(self.claims[dup], c)

    def _disputed(self, denial: Claim, side: str | None) -> str | None:
        """Whose account ``denial`` rejects: the named side's latest, else another side's."""
        asserting = [x for x in reversed(self.claims) if x.stance != "denies"]
        if side is not None:
            named = next((x.claimant for x in asserting if x.side == side), None)
            if named is not None:
                return named
        return next(
            (x.claimant for x in asserting if x.side != denial.side and x.side != "other"),
            None,
        ) or next((x.claimant for x in asserting if x.side != denial.side), None)


def _holds(window: DateSpan, day: DateSpan) -> bool:
    """Whether ``window`` is a range of days that holds the single day ``day``."""
    if window.precision != "range" or day.precision != "day":
        return False
    assert window.start is not None and window.end is not None and day.start is not None
    return window.start <= day.start <= window.end


def types_compatible(a: str, b: str) -> bool:
    """Strike reports at one place merge whatever their type, but an interception stays apart."""
    return a == b or ("interception" not in (a, b))


def dates_compatible(d: Draft, span: DateSpan, explicit: bool) -> bool:
    """False only when the draft and the sentence state different explicit dates."""
    if not (d.date_explicit and explicit):
        return True
    return (d.date.start, d.date.end) == (span.start, span.end)


def _with_disputes(c: Claim, target: str | None) -> Claim:
    return replace(c, disputes=target)


def _merged(old: Claim, c: Claim) -> Claim:
    """One claim from two compatible claims of one claimant (the first's quote if it has figures)."""
    keep_quote = old.killed or old.injured or not (c.killed or c.injured)
    return Claim(
        old.claimant,
        old.side,
        old.stance,
        old.killed or c.killed,
        old.injured or c.injured,
        old.quote if keep_quote else c.quote,
        old.article_id,
        old.disputes or c.disputes,
        old.launched or c.launched,
        old.intercepted or c.intercepted,
    )


def _same_figure(a: Figure | None, b: Figure | None) -> bool:
    return a is None or b is None or (a.low, a.high) == (b.low, b.high)


def _compatible(a: Claim, b: Claim) -> bool:
    """Two claims of one claimant that can be one statement (no conflicting figure)."""
    return all(
        _same_figure(getattr(a, k), getattr(b, k))
        for k in ("killed", "injured", "launched", "intercepted")
    )


def prune_generic(labels: set[str]) -> tuple[str, ...]:
    """Drop generic weapon labels ("rocket") covered by a specific one of the same kind ("HIMARS")."""
    kinds = {w.kind for w in WEAPONS if w.label in labels and not w.generic}
    generic = {w.label for w in WEAPONS if w.generic and w.kind in kinds}
    return tuple(sorted(labels - generic))


#: Ukrainian first-level divisions administered by Russia since 2014 (GeoNames admin1 codes):
#: the Autonomous Republic of Crimea and Sevastopol.
RUSSIAN_ADMINISTERED = frozenset({("UA", "11"), ("UA", "20")})


def authority_side(country_code: str | None, admin1_code: str | None = None) -> str:
    """Side of the authorities of a place: its country's, but Russia's in Crimea and Sevastopol.

    >>> authority_side("UA", "63"), authority_side("UA", "20"), authority_side("RU"), authority_side(None)
    ('ukraine', 'russia', 'russia', 'unknown')
    """
    if (country_code, admin1_code) in RUSSIAN_ADMINISTERED:
        return "russia"
    return SIDE_OF_COUNTRY.get(country_code or "", "unknown")


def _sided(c: Claim, side: str) -> Claim:
    """Officials named without a side take the side of the authorities of the event's place."""
    if c.side == "unknown" and (
        c.claimant in _GENERIC_OFFICIALS or c.claimant.endswith(" officials")
    ):
        return replace(c, side=side)
    return c


def draft_event(d: Draft, art: Article) -> Event:
    """The :class:`Event` of a finished draft of article ``art``."""
    place = d.location.place
    cc = place.country_code
    side = authority_side(cc, place.admin1_code)
    claims = [_sided(c, side) for c in d.claims]
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
        place_original=_as_written(d, place.name),
        country_code=cc,
        admin1=place.admin1,
        geonameid=place.geonameid,
        location_precision=d.location.precision,
        weapons=prune_generic(d.weapons),
        targets=tuple(sorted(d.targets)),
        attacker_side=d.attacker or operator_side(d.weapons),
        claims=tuple(claims),
        disputed=bool(disputed_by),
        disputed_by=disputed_by,
        verified=d.verified,
        sources=(Source(art.id, art.title, art.url, published, d.quotes[0] if d.quotes else ""),),
        notes=tuple(d.location.explain),
    )


def _as_written(d: Draft, name: str) -> tuple[str, ...]:
    """The place's name as the article wrote it, when that is not the gazetteer's name."""
    m = d.location.resolved.mention
    written = m.written or m.text
    return (written,) if written and written != name else ()
