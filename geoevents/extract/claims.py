"""Who says what: claimants, their side, stance, denials and "could not verify".

A claim is attributed to a claimant only when the sentence links it to a
statement ("..., the Russian defence ministry said", "according to Ukraine's
general staff", "the Belgorod governor wrote"). Claimants and sides:

=====================================  ======================================  ==========
phrase                                 claimant                                side
=====================================  ======================================  ==========
Russian defence ministry / MoD         Russian Ministry of Defence             russia
Kremlin, Moscow, Russian officials     Russian officials                       russia
Russian-installed / pro-Russian ...    Russian-installed officials             russia
Ukraine's general staff                Ukrainian General Staff                 ukraine
Ukraine's air force                    Ukrainian Air Force                     ukraine
Ukraine's military / armed forces      Ukrainian military                      ukraine
Zelensky, Kyiv, Ukrainian officials    Ukrainian officials                     ukraine
the X governor / governor of X         X governor                              country of region X
mayor of X, local officials, police    local officials                         authority of the place
Crimean / Sevastopol officials         Crimean officials                       russia
spokesman for Ukraine's forces         Ukrainian officials                     ukraine
UN, IAEA, OSCE, Red Cross ...          international organisation              other
Reuters, AP, AFP, BBC ...              the outlet                              other (stance "reports")
TASS, RIA Novosti                      the outlet                              russia (stance "reports")
Ukrinform, Ukrainska Pravda            the outlet                              ukraine (stance "reports")
=====================================  ======================================  ==========

A sentence with no claimant is the outlet's own voice (stance ``"reports"``,
side ``"other"``), see :func:`outlet_claimant`.

Denials ("denied", "rejected Russia's account", "called the claim fake") give
stance ``"denies"``; :attr:`SentenceClaims.disputes_side` names whose account is
rejected when the sentence says so. "could not independently verify" sets
:attr:`SentenceClaims.unverified`.

>>> sc = find_claims("Ukraine's general staff called the claim fake.")
>>> [(c.claimant, c.side, c.stance) for c in sc.claimants]
[('Ukrainian General Staff', 'ukraine', 'denies')]
>>> sc = find_claims("The Belgorod governor said two people were hurt; Reuters could not independently verify it.")
>>> [(c.claimant, c.side, c.stance) for c in sc.claimants], sc.unverified
([('Belgorod governor', 'russia', 'asserts'), ('Reuters', 'other', 'reports')], True)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from geoevents.extract.sentences import candidates, has_stem

#: Region name (lower case, as in "the X governor") -> ISO country of that region.
REGION_COUNTRY: dict[str, str] = {
    **{
        r: "RU"
        for r in (
            "belgorod kursk bryansk rostov voronezh krasnodar moscow samara leningrad "
            "oryol orel tula kaluga smolensk pskov tambov lipetsk ryazan tver saratov volgograd "
            "astrakhan tatarstan bashkortostan novgorod yaroslavl ivanovo vladimir nizhny penza "
            "ulyanovsk stavropol dagestan chechnya kaliningrad murmansk"
        ).split()
    },
    **{
        r: "UA"
        for r in (
            "kharkiv kharkov sumy chernihiv kyiv kiev odesa odessa mykolaiv nikolaev dnipropetrovsk "
            "dnipro zaporizhzhia zaporozhzhia zaporizhia kherson donetsk luhansk lugansk lviv poltava "
            "vinnytsia khmelnytskyi zhytomyr rivne volyn ternopil ivano-frankivsk chernivtsi "
            "zakarpattia cherkasy kirovohrad kropyvnytskyi"
        ).split()
    },
}
SIDE_OF_COUNTRY = {"RU": "russia", "UA": "ukraine"}

_SAY = (
    r"(?:said|says|say|claimed|claims|claim|reported|reports|report|stated|states|announced|announces"
    r"|wrote|writes|told|added|adds|confirmed|confirms|confirm|denied|denies|deny|rejected|rejects|called|calls"
    r"|dismissed|dismisses|insisted|insists|posted|alleged|alleges|accused|accuses|blamed|blames"
    r"|maintained|maintains|acknowledged|admitted|noted|described|refuted|countered|disputed|put|puts"
    r"|saying|estimated|estimates|raised|revised)"
)
_ACCORDING = re.compile(
    r"\b(?:[Aa]ccording\s+to|cited|citing|quoted|quoting)\s+(?:[A-Z][\w'’.-]+[\s,]+){0,3}?(?:the\s+|a\s+)?$"
)
_AFTER_SAY = re.compile(
    rf"^(?:\s*,)?(?:\s+(?:[A-Z][\w'’.-]+|has|have|had|also|on|in|the|area|late|early|a|statement|\w+day|\w+ing)){{0,4}}\s*,?\s+{_SAY}\b",
    re.I,
)
_BEFORE_SAY = re.compile(rf"\b{_SAY}[\s,]+(?:by\s+)?(?:the\s+)?$", re.I)

_REG = (
    r"(?!(?:The|A|An|Regional|Local|City|Its|His|Her|Their|Deputy|Ukraine|Russia)\b)[A-Z][\w'’-]+"
)


#: Offices that speak for a state ("Ukraine's interior ministry", "the national police").
_INSTITUTION = (
    r"(?:ministry|police|emergency\s+services?|emergencies\s+ministry|prosecutor'?s?(?:\s+office)?"
    r"|prosecutor[- ]general(?:'s\s+office)?|intelligence(?:\s+(?:service|agency|directorate))?"
    r"|security\s+service|border\s+(?:guards?|service)|national\s+guard|special\s+forces|ombudsman"
    r"|presidential\s+office|committee|energy\s+(?:company|operator)|minister|spokes(?:man|woman|person)"
    r"|advis[eo]r)"
)
#: Local offices that speak for the authority of their place ("the police", "the regional
#: military administration", "the emergency headquarters").
_LOCAL_OFFICE = (
    r"(?:(?:regional\s+|city\s+)?(?:military\s+|state\s+)?(?:administration|authorities|council)"
    r"|mayor|police|emergency\s+(?:headquarters|services?))"
)


@dataclass(frozen=True)
class ClaimantPattern:
    """A claimant phrase: regex, canonical name (may use ``{region}``), side and stance."""

    pattern: str
    claimant: str
    side: str
    stance: str = "asserts"
    needs_speech: bool = True


CLAIMANTS: tuple[ClaimantPattern, ...] = (
    ClaimantPattern(
        r"(?:Russian|Russia'?s|Moscow'?s)\s+(?:defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|MoD|defen[cs]e\s+department)"
        r"|(?:the\s+)?(?:Russian\s+)?(?:Ministry\s+of\s+Defen[cs]e|Defen[cs]e\s+Ministry)\s+(?:of|in)\s+(?:Russia|Moscow)"
        r"|Russian\s+Ministry\s+of\s+Defen[cs]e|Konashenkov|Shoigu",
        "Russian Ministry of Defence",
        "russia",
    ),
    ClaimantPattern(  # Crimea and Sevastopol: administered by Russia since 2014
        r"(?:Crimean|Crimea'?s|Sevastopol'?s?)\s+(?:[\w-]+\s+){0,2}?(?:officials?|authorities|governor|head|leader|administration|mayor)",
        "Crimean officials",
        "russia",
    ),
    ClaimantPattern(
        r"(?:Russian|Moscow|Russia)[- ](?:installed|appointed|backed)\s+(?:[\w-]+\s+)?(?:officials?|authorities|governor|head|leader|administration|mayor)"
        r"|(?:pro-Russian|separatist)\s+(?:officials?|authorities|leaders?|forces)"
        r"|Pushilin|Saldo|Balitsky|Pasechnik|Aksyonov|Razvozhayev"
        r"|(?:DPR|LPR|Donetsk\s+People'?s\s+Republic|Luhansk\s+People'?s\s+Republic)\s+(?:officials?|authorities|leader|head|militia)",
        "Russian-installed officials",
        "russia",
    ),
    ClaimantPattern(  # someone speaking for a side: "a spokesman for Ukraine's forces"
        r"(?:spokes(?:man|woman|person)|advis[eo]r|aide|representative)\s+(?:for|to|of)\s+(?:the\s+)?"
        r"(?:Ukraine'?s|Ukrainian)(?:\s+(?:armed\s+)?forces|\s+military|\s+army|\s+government)?",
        "Ukrainian officials",
        "ukraine",
    ),
    ClaimantPattern(
        r"(?:spokes(?:man|woman|person)|advis[eo]r|aide|representative)\s+(?:for|to|of)\s+(?:the\s+)?"
        r"(?:Russia'?s|Russian)(?:\s+(?:armed\s+)?forces|\s+military|\s+army|\s+government)?",
        "Russian officials",
        "russia",
    ),
    ClaimantPattern(  # international bodies speak for no side
        r"(?:(?:the\s+)?head\s+of\s+)?(?:the\s+)?(?:UN|U\.N\.|United\s+Nations|IAEA|OSCE|ICRC|Red\s+Cross"
        rf"|Amnesty\s+International|Human\s+Rights\s+Watch)(?:\s+(?!{_SAY}\b)[a-z][\w-]*){{0,4}}",
        "international organisation",
        "other",
    ),
    ClaimantPattern(
        r"(?:Ukraine'?s|Ukrainian)\s+(?:armed\s+forces\s+)?general\s+staff|General\s+Staff\s+of\s+(?:the\s+)?(?:Armed\s+Forces\s+of\s+Ukraine|Ukrainian\s+(?:Armed\s+Forces|army))",
        "Ukrainian General Staff",
        "ukraine",
    ),
    ClaimantPattern(
        r"(?:Ukraine'?s|Ukrainian)\s+air\s+(?:force|defen[cs]e)|Ihnat|Ignat",
        "Ukrainian Air Force",
        "ukraine",
    ),
    ClaimantPattern(
        r"(?:Ukraine'?s|Ukrainian|Kyiv'?s)\s+(?:military|armed\s+forces|army|defen[cs]e\s+ministry|navy|southern\s+command"
        r"|(?:southern|eastern|northern|western)\s+(?:military\s+|operational\s+)?command|commanders?|centre\s+for\s+strategic\s+communications|strategic\s+communications)"
        r"|Armed\s+Forces\s+of\s+Ukraine",
        "Ukrainian military",
        "ukraine",
    ),
    ClaimantPattern(
        r"(?:Ukrainian|Ukraine'?s)\s+(?:officials?|authorities|government|president|prosecutors?|police|emergency\s+services?)"
        r"|Zelensky[iy]?|Zelenskyy|(?<!\w)Kyiv(?=\s+(?:has\s+|(?:did|has|would)\s+not\s+)?"
        + _SAY
        + r")",
        "Ukrainian officials",
        "ukraine",
    ),
    ClaimantPattern(
        r"(?:Russian|Russia'?s)\s+(?:officials?|authorities|government|military|army|president|investigators"
        r"|emergencies\s+ministry)|Kremlin|Peskov|Putin|Zakharova|(?<!\w)Moscow(?=\s+(?:has\s+|(?:did|has|would)\s+not\s+)?"
        + _SAY
        + r")"
        r"|(?<!\w)Russia(?=\s+(?:has\s+|(?:did|has|would)\s+not\s+)?" + _SAY + r")",
        "Russian officials",
        "russia",
    ),
    ClaimantPattern(
        r"(?:Ukraine)(?=\s+(?:has\s+|(?:did|has|would)\s+not\s+)?" + _SAY + r")",
        "Ukrainian officials",
        "ukraine",
    ),
    ClaimantPattern(  # any institution named with its country: "Ukraine's interior ministry"
        r"(?:Ukrainian|Ukraine'?s|Kyiv'?s)\s+(?:[\w-]+\s+){0,2}?" + _INSTITUTION,
        "Ukrainian officials",
        "ukraine",
    ),
    ClaimantPattern(
        r"(?:Russian|Russia'?s|Moscow'?s)\s+(?:[\w-]+\s+){0,2}?" + _INSTITUTION,
        "Russian officials",
        "russia",
    ),
    ClaimantPattern(  # a national office without a country: the country of the event's place
        r"(?:the\s+)?(?:national|state)\s+" + _INSTITUTION + r"|(?:the\s+)?(?:interior|foreign"
        r"|emergencies|emergency\s+situations|health|energy)\s+ministry"
        r"|(?:Interior|Foreign|Health|Energy|Infrastructure|Agriculture|Prime)\s+Minister(?:\s+[A-Z][\w'’-]+){0,2}",
        "national officials",
        "unknown",
    ),
    ClaimantPattern(
        rf"(?:the\s+)?(?P<region>{_REG})(?:\s+(?:region(?:al)?|oblast|Oblast|Region))?(?:'s)?\s+(?:regional\s+)?[Gg]overnor"
        rf"|[Gg]overnor\s+of\s+(?:the\s+)?(?P<region2>{_REG})(?:\s+(?:region|oblast|Oblast|Region))?",
        "{region} governor",
        "unknown",
    ),
    ClaimantPattern(
        rf"(?:the\s+)?(?P<region>{_REG})(?:\s+(?:region|oblast|Region|Oblast)(?:'s|’s)?)?\s+{_LOCAL_OFFICE}"
        rf"|(?:mayor|head)\s+of\s+(?:the\s+)?(?P<region2>{_REG})",
        "{region} officials",
        "unknown",
    ),
    ClaimantPattern(
        r"(?:the\s+)?(?:regional|region'?s|oblast)\s+governor|(?:the\s+)?governor",
        "regional governor",
        "unknown",
    ),
    ClaimantPattern(
        r"(?:the\s+)?(?:city'?s|town'?s|local)\s+mayor|(?:the\s+)?mayor"
        r"|(?:the\s+)?head\s+of\s+the\s+(?:regional|city|town|military|local)\s+(?:\w+\s+)?administration",
        "local officials",
        "unknown",
    ),
    ClaimantPattern(
        r"(?:local|regional|district|city|municipal)\s+(?:military\s+|state\s+)?(?:officials?|authorities|administration|council)"
        r"|(?:the\s+)?(?:police(?!\s+(?:station|officer|car|building))|emergency\s+(?:services?|headquarters))|officials",
        "local officials",
        "unknown",
    ),
)

#: Outlets: regex -> (name, side). Their claims have stance "reports".
OUTLETS: tuple[tuple[str, str, str], ...] = (
    (r"Reuters", "Reuters", "other"),
    (r"(?:the\s+)?Associated\s+Press|\bAP\b", "Associated Press", "other"),
    (r"AFP|Agence\s+France[- ]Presse", "AFP", "other"),
    (r"(?:the\s+)?BBC", "BBC", "other"),
    (r"CNN", "CNN", "other"),
    (r"EFE", "EFE", "other"),
    (r"(?:the\s+)?New\s+York\s+Times", "New York Times", "other"),
    (r"Al\s+Jazeera", "Al Jazeera", "other"),
    (r"TASS", "TASS", "russia"),
    (r"RIA(?:\s+Novosti)?", "RIA Novosti", "russia"),
    (r"Interfax", "Interfax", "other"),
    (r"Ukrinform", "Ukrinform", "ukraine"),
    (r"Ukrainska\s+Pravda", "Ukrainska Pravda", "ukraine"),
    (r"(?:the\s+)?Kyiv\s+Independent", "Kyiv Independent", "ukraine"),
)

_DENIAL = re.compile(
    r"\b(?:denied|denies|deny|denying|rejected|rejects|rejecting|dismissed|dismisses|refuted|refutes"
    r"|disputed|disputes|fake|false|fabricat\w*|(?:are|were|pure|blatant|outright|spreading|telling)\s+lies"
    r"|untrue|not\s+true|never\s+happened|propaganda|disinformation|no\s+such\s+(?:strike|attack)"
    r"|no\s+(?:direct\s+)?involvement|nothing\s+to\s+do\s+with|(?:did|does|do)\s+not\s+target|never\s+target(?:s|ed)?"
    r"|(?:shelled|struck|hit|bombed|attacked|(?:blew|blown)\s+up)\s+(?:[\w'’-]+\s+){0,4}?themselves)\b",
    re.IGNORECASE,
)
_UNVERIFIED = re.compile(
    r"\b(?:could\s+not|couldn'?t|cannot|can'?t|was\s+unable\s+to|were\s+unable\s+to|unable\s+to|did\s+not)\s+"
    r"(?:be\s+)?(?:immediately\s+|independently\s+)*(?:verif\w*|confirm\w*)"
    r"|\b(?:not|no)\s+(?:been\s+)?(?:independently\s+)(?:verified|confirmed)"
    r"|\bunverified\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r";|,?\s+but\s+|,\s+(?:while|whereas|although)\s+|\s+—\s+", re.IGNORECASE
)
_DISPUTES = re.compile(
    r"\b(?P<who>Russia|Moscow|Russian|Ukraine|Kyiv|Ukrainian)(?:'s|n)?\s+(?:\w+\s+){0,2}?"
    r"(?:account|claims?|version|report|statement|figures?|allegations?)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FoundClaimant:
    """A claimant found in a sentence with its side, stance and span."""

    claimant: str
    side: str
    stance: str
    start: int
    end: int


@dataclass(frozen=True)
class SentenceClaims:
    """Claim information of one sentence."""

    claimants: tuple[FoundClaimant, ...] = ()
    denial: bool = False
    unverified: bool = False
    disputes_side: str | None = None  # whose account a denial rejects, when the sentence says

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """Spans of claimant phrases (not event locations)."""
        return tuple((c.start, c.end) for c in self.claimants)


#: An open relative clause before a phrase: "Guterres, who had met Putin in Moscow, said".
_RELATIVE_OPEN = re.compile(r",\s+(?:who|whom|whose|which)\b[^,]*$")


def _linked(sentence: str, start: int, end: int) -> bool:
    """Whether the phrase at ``start:end`` is a speaker: a speech verb follows it, or
    it follows "according to" or a speech verb. A phrase inside a relative clause is
    not the subject of the verb after the clause ("X, who met Putin, said").

    >>> _linked("Guterres, who met Putin on Monday, said the city was hit.", 19, 24)
    False
    >>> _linked("Putin said on Monday that the city was hit.", 0, 5)
    True
    """
    after = _AFTER_SAY.match(sentence[end : end + 80])
    if after is not None and not (
        "," in after.group(0) and _RELATIVE_OPEN.search(sentence, max(0, start - 120), start)
    ):
        return True
    return bool(
        _ACCORDING.search(sentence[max(0, start - 60) : start])
        or _BEFORE_SAY.search(sentence[max(0, start - 60) : start])
    )


def region_side(region: str, country_of: Callable[[str], str | None] | None = None) -> str:
    """Side of a region's officials: the country the region belongs to.

    >>> region_side("Belgorod"), region_side("Kharkiv"), region_side("Atlantis")
    ('russia', 'ukraine', 'unknown')
    """
    cc = REGION_COUNTRY.get(region.lower())
    if cc is None and country_of is not None:
        cc = country_of(region)
    return SIDE_OF_COUNTRY.get(cc or "", "unknown")


#: Word stems without one of which :data:`_DENIAL` cannot match.
DENIAL_STEMS: tuple[str, ...] = tuple(
    "deni deny rejec dismiss refut disput fake false fabricat lies untrue true happened propaganda "
    "disinformation such involvement nothing target themselves".split()
)
#: Word stems without one of which :data:`_UNVERIFIED` cannot match.
UNVERIFIED_STEMS: tuple[str, ...] = ("verif", "confirm", "unverif")
#: For each of :data:`CLAIMANTS`, lower-case substrings one of which every
#: match contains: a pattern is only scanned when the sentence has one (checked
#: in tests against the full scan).
CLAIMANT_LITERALS: tuple[tuple[str, ...], ...] = (
    ("russia", "moscow", "ministry", "konashenkov", "shoigu"),
    ("crimea", "sevastopol"),
    ("russia", "moscow", "separatist", "pushilin", "saldo", "balitsky", "pasechnik", "aksyonov")
    + ("razvozhayev", "dpr", "lpr", "people"),
    ("ukrain",),
    ("russia",),
    ("un", "u.n.", "united", "iaea", "osce", "icrc", "red", "amnesty", "human"),
    ("staff",),
    ("air", "ihnat", "ignat"),
    ("ukrain", "kyiv"),
    ("ukrain", "zelensk", "kyiv"),
    ("russia", "kremlin", "peskov", "putin", "zakharova", "moscow"),
    ("ukraine",),
    ("ukrain", "kyiv"),
    ("russia", "moscow"),
    ("national", "state", "ministry", "minister"),
    ("governor",),
    ("administration", "mayor", "council", "authorities", "head", "police", "emergency"),
    ("governor",),
    ("mayor", "administration"),
    ("official", "authorities", "administration", "council", "emergency", "police"),
)
#: For each of :data:`OUTLETS`, the lower-case substrings one of which every match contains.
OUTLET_LITERALS: tuple[tuple[str, ...], ...] = (
    ("reuters",),
    ("associated", "ap"),
    ("afp", "agence"),
    ("bbc",),
    ("cnn",),
    ("efe",),
    ("york",),
    ("jazeera",),
    ("tass",),
    ("ria",),
    ("interfax",),
    ("ukrinform",),
    ("pravda",),
    ("independent",),
)
_COMPILED: list[tuple[ClaimantPattern, re.Pattern[str], tuple[str, ...]]] = [
    (p, re.compile(rf"(?<![\w-])(?:{p.pattern})(?![\w])"), lits)
    for p, lits in zip(CLAIMANTS, CLAIMANT_LITERALS, strict=True)
]
_COMPILED_I = [
    (p, re.compile(rf"(?<![\w-])(?:{p.pattern})(?![\w])", re.IGNORECASE), lits)
    for p, lits in zip(CLAIMANTS, CLAIMANT_LITERALS, strict=True)
    if "{region}" not in p.claimant
]
_OUTLETS = [
    (re.compile(rf"(?<![\w-])(?:{pat})(?![\w])"), name, side, lits)
    for (pat, name, side), lits in zip(OUTLETS, OUTLET_LITERALS, strict=True)
]
#: Claimant patterns in scan order (case-sensitive first), then the outlets' literals.
_SCAN = _COMPILED + _COMPILED_I
_SCAN_LITERALS: tuple[tuple[str, ...], ...] = (
    *(lits for _, _, lits in _SCAN),
    *(lits for *_, lits in _OUTLETS),
)
#: Lower-case word stems without one of which a sentence has no claim
#: information: every claimant needs a speech verb or "according to"; then the
#: outlets, denial words and "could not verify".
GATE_STEMS: tuple[str, ...] = (
    *dict.fromkeys(re.findall(r"[a-z]+", _SAY.replace("(?:", " "))),
    *"according cited citing quoted quoting".split(),
    *"reuters associated ap afp agence bbc cnn efe york jazeera tass ria interfax".split(),
    *"ukrinform ukrainska independent".split(),
    *"deni deny rejec dismiss refut disput fake false fabricat lies untrue true happened".split(),
    *"involvement nothing target themselves".split(),
    *"propaganda disinformation such verif confirm unverified".split(),
)
_NOT_REGION = frozenset(
    {"The", "A", "Regional", "Local", "City", "Its", "His", "Her", "Their", "Deputy"}
)


def find_claims(
    sentence: str, *, country_of: Callable[[str], str | None] | None = None
) -> SentenceClaims:
    """Claimants, denial and verification flags of one sentence.

    ``country_of`` maps a region name to an ISO country code (e.g. through the
    gazetteer) for governors of regions not in :data:`REGION_COUNTRY`.

    >>> [c.claimant for c in find_claims("Russian forces shelled the town.").claimants]
    []
    >>> sc = find_claims("Kyiv rejected Russia's account, calling it propaganda.")
    >>> [(c.claimant, c.stance) for c in sc.claimants], sc.disputes_side
    ([('Ukrainian officials', 'denies')], 'russia')
    """
    if not has_stem(sentence, GATE_STEMS):  # no speech verb, outlet, denial or doubt
        return SentenceClaims()
    return _find_claims(sentence, country_of, gated=True)


def _find_claims(
    sentence: str, country_of: Callable[[str], str | None] | None, *, gated: bool
) -> SentenceClaims:
    spans = clauses(sentence)
    if gated and not has_stem(sentence, DENIAL_STEMS):
        denying = [False] * len(spans)
    else:
        denying = [bool(_DENIAL.search(sentence, a, b)) for a, b in spans]
    found: list[FoundClaimant] = []
    taken: list[tuple[int, int]] = []

    def overlaps(a: int, b: int) -> bool:
        return any(x < b and a < y for x, y in taken)

    speakers, outlets = _patterns(sentence, gated)
    for pat, rx, _lits in speakers:
        for m in rx.finditer(sentence):
            if overlaps(m.start(), m.end()):
                continue
            if pat.needs_speech and not _linked(sentence, m.start(), m.end()):
                continue
            who = _speaker(pat, m, sentence, country_of)
            if who is None:
                continue
            taken.append((m.start(), m.end()))
            stance = "denies" if denying[clause_index(spans, m.start())] else "asserts"
            found.append(FoundClaimant(who[0], who[1], stance, m.start(), m.end()))
    for rx, name, side, _lits in outlets:
        for m in rx.finditer(sentence):
            if overlaps(m.start(), m.end()):
                continue
            taken.append((m.start(), m.end()))
            found.append(FoundClaimant(name, side, "reports", m.start(), m.end()))
    found.sort(key=lambda c: c.start)
    return SentenceClaims(
        _first_per_claimant(found),
        any(denying),
        (not gated or has_stem(sentence, UNVERIFIED_STEMS))
        and _UNVERIFIED.search(sentence) is not None,
        _disputes_side(sentence, spans, denying),
    )


def _patterns(sentence: str, gated: bool) -> tuple[list[Any], list[Any]]:
    """Speaker and outlet patterns to try: when gated, only those one of whose literals
    occurs, in table order."""
    if not gated:
        return list(_SCAN), list(_OUTLETS)
    wanted = candidates(sentence.lower(), _SCAN_LITERALS)
    speakers = [_SCAN[i] for i in wanted if i < len(_SCAN)]
    outlets = [_OUTLETS[i - len(_SCAN)] for i in wanted if i >= len(_SCAN)]
    return speakers, outlets


def _speaker(
    pat: Any, m: re.Match[str], sentence: str, country_of: Callable[[str], str | None] | None
) -> tuple[str, str] | None:
    """``(claimant, side)`` of a speaker match; ``None`` if its region is no region."""
    name, side = pat.claimant, pat.side
    if "{region}" not in name:
        return name, side
    region = m.group("region") or m.group("region2")
    if region in _NOT_REGION:
        return None
    region = region.removesuffix("'s").removesuffix("’s")
    side = region_side(region, country_of)
    if re.search(r"(?:Russian|Moscow)[- ]installed\s+$", sentence[: m.start()]):
        side = "russia"
    return name.format(region=region), side


def clause_index(spans: list[tuple[int, int]], pos: int) -> int:
    """Index of the clause span holding ``pos`` (the last one when none does)."""
    for i, (a, b) in enumerate(spans):
        if a <= pos < b:
            return i
    return len(spans) - 1


def _disputes_side(sentence: str, spans: list[tuple[int, int]], denying: list[bool]) -> str | None:
    """The side whose account a denying clause names ("rejected Russia's account")."""
    for (a, b), den in zip(spans, denying, strict=True):
        m = _DISPUTES.search(sentence, a, b) if den else None
        if m is not None:
            who = m.group("who").lower()
            return "russia" if who in ("russia", "moscow", "russian") else "ukraine"
    return None


def _first_per_claimant(found: list[FoundClaimant]) -> tuple[FoundClaimant, ...]:
    """One claim per claimant per sentence: the first."""
    first: dict[str, FoundClaimant] = {}
    for c in found:
        first.setdefault(c.claimant, c)
    return tuple(first.values())


_ANAPHORA = re.compile(
    rf"\b(?:(?:the|its)\s+(?:(?:defen[cs]e\s+)?ministry|governor|mayor|military|general\s+staff|air\s+force|official|administration"
    rf"|command|army|authorities)|he|she|they)\b(?=(?:\s+(?:had|has|have|also|later|then|further))*\s+{_SAY}\b)"
    rf"|\b{_SAY}\s+(?:he|she|they)\b|\b(?:he|she|they)\s+{_SAY}\b",
    re.IGNORECASE,
)


def refers_back(sentence: str) -> bool:
    """True when a sentence's speaker is an earlier claimant ("he said", "the ministry had put").

    >>> refers_back("Dozens more were wounded, he said."), refers_back("The ministry had put the toll at 63.")
    (True, True)
    >>> refers_back("Three people died.")
    False
    """
    return has_stem(sentence, GATE_STEMS) and _ANAPHORA.search(sentence) is not None


@lru_cache(maxsize=256)
def clauses(sentence: str) -> list[tuple[int, int]]:
    """Clause spans of a sentence, split at ";", "but", ", while" (claims are read per clause).

    >>> s = "Russia said 63 died, but Ukraine said 400 were killed."
    >>> [s[a:b] for a, b in clauses(s)]
    ['Russia said 63 died', ', but Ukraine said 400 were killed.']
    """
    cuts = [0] + [m.start() for m in _CLAUSE_BREAK.finditer(sentence)] + [len(sentence)]
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a] or [(0, len(sentence))]
