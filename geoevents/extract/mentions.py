"""Place mentions in a sentence: toponyms, region phrases and relative phrases.

Toponyms are found by the :class:`~geoevents.extract.matcher.PlaceMatcher`
(one Aho-Corasick automaton over the gazetteer's name keys, and the spelling
variants of Ukrainian and Russian place names).

A match becomes a mention only when it passes the filters:

* capitalisation: the first token starts with a capital letter and no token is
  an all-capitals acronym ("HIMARS", "NATO"); in an all-lower-case sentence (a
  ticker) a name counts only after a place noun ("the port of izmail");
* weapon systems: a name followed by "air defence systems", "launchers",
  "batteries" ("Pantsir launchers") is a weapon's, not a place's;
* common words: months, weekdays and English words that are also place names
  (:data:`COMMON_WORDS`: "May", "Mobile", "Reading", "Western", "Victory") need
  an explicit place cue ("the village of May", "the town of Mobile"), and so
  do names made only of such words ("The Camp");
* names: a match glued to another capitalised word ("Oleh Syniehubov",
  "Shakhtar Donetsk", "Kyiv Independent") is part of a name, not a place;
* spans owned by claimants, weapons or region phrases are excluded.

Russian and older Latin spellings of Ukrainian (and Russian) place names that
the index does not hold ("Novomikhailovka", "Nevelskoye") are found by their
romanisation skeleton (:mod:`geoevents.extract.variants`): mentions of kind
``variant``, which pass the same filters and, so that English words and
surnames stay out, need a place-name ending or a place cue.

Each mention carries its *relation* to the event, read from the words before it:

===============  ==================================================  ======================
relation         cue                                                 use in location choice
===============  ==================================================  ======================
``at``           "in X", "hit X", "the village of X", none           the event place
``near``         "near X", "outside X", "on the outskirts of X"      precision 2 at X
``relative``     "40 km east of X", "a village south of X",          orients only
                 "the border with X"
``origin``       "from X", "launched from X", "fired from a field    never the event place
                 near X"
``aside``        "a speech in X", "talks in X", "signed a deal in    never the event place
                 X", "X-based", a dateline "Moscow, Dec 30 (EFE) -"
===============  ==================================================  ======================

Region phrases ("the Mykolaiv region", "Kharkov Region", "Donbas", "Crimea",
"Belgorod and Kursk regions") are resolved with
:meth:`gazetteer.Gazetteer.match_region`. A region phrase that says where an
origin or aside place lies ("launched from near X in the Y region") shares its
relation.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from gazetteer.normalize import normalize
from gazetteer.regions import REGION_SUFFIXES
from geoevents.extract.matcher import POSSESSIVE, TOKEN, PlaceMatcher, index_identity, matcher_for
from geoevents.extract.matcher import keep_key as keep_key  # where callers found it before
from geoevents.extract.sentences import ABBREVIATIONS
from geoevents.extract.variants import admit_variant

if TYPE_CHECKING:  # pragma: no cover
    from gazetteer import Gazetteer, Place

log = logging.getLogger(__name__)

#: English words (normalised) that are also place names somewhere ("The" is a
#: name of Teresina, "Day" of Dayton): they need an explicit place cue.
COMMON_WORDS: frozenset[str] = frozenset(
    """
    a about above across after again against ago all almost along already also although always am among an and
    another any anyone anything are around as at away back be because been before being below between both but by
    can could did do does doing done down during each early either else enough even ever every few first for from
    further had has have having he her here hers him his how however i if in into is it its itself just last late
    later least less like many may me might more most much must my near never new next no nor not now of off often
    on once one only or other our out over own per quite rather same she should since so some still such than that
    the their them then there these they this those though through thus to too toward towards under until up upon
    us very via was we well were what when where whether which while who whom whose why will with within without
    would yet you your
    zero two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand
    million dozen dozens second third fourth fifth half
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today tonight tomorrow yesterday day days night
    morning evening afternoon week weeks month months year years time hour hours minute minutes
    mobile reading western eastern northern southern central west east north south
    victory liberty independence union unity progress peace hope freedom friendship glory
    police president general minister governor mayor army navy military forces force troops
    storm shadow grad iskander kalibr neptune onyx lancet tornado hurricane patriot buk tor
    national republic federal state states city town village district region area
    pobeda mir most bar sale male man men woman women child children people person mine mines
    strike strikes shell shells attack attacks fire fires blast missile missiles drone drones rocket rockets
    bridge station port airport base centre center park garden lake river sea island beach hill valley
    russian ukrainian soviet american british european english french german polish chinese iranian
    big little great upper lower middle red white black green blue gold golden silver
    said says told reuters tass ria officials official head deputy chief leader
    independent times post guardian telegraph news press
    commander defense defence ministry staff council office committee service services
    home house school hospital church market hotel prison camp plant factory farm road street square
    good best better bad long short high low old young free open close hit killed dead war world
    man lost lone union ukraine russia eve christmas easter wave year's new year
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    federation gen col lt maj capt sgt law air
    """.split()
)

_ACRONYM = re.compile(r"[A-Z0-9]{2,}")

_DIRS = (
    r"north(?:-?east|-?west)?|south(?:-?east|-?west)?|east|west|northern|southern|eastern|western"
)
_NUM = r"(?:\d+(?:[.,]\d+)?|a\s+few|several|some|about\s+\d+|[a-z]+(?:-[a-z]+)?)"
_UNIT = r"(?:km|kms|kilomet(?:er|re)s?|miles?|mi)"
_PLACE_NOUN = (
    r"(?:village|town|city|settlement|hamlet|port|district|suburb|outskirts|area|region|community)"
)

_RELATIVE_BEFORE = re.compile(
    rf"(?:{_NUM}[\s-]*{_UNIT}\s+(?:\([^)]*\)\s+)?(?:(?P<dir1>{_DIRS})\s+)?(?:of|from)"
    rf"|(?P<dir2>{_DIRS})\s+of"
    rf"|(?:{_PLACE_NOUN}s?|(?:located|lying|situated))\s+(?:just\s+)?(?P<dir3>{_DIRS})\s+of"
    rf"|\b(?:border|frontier)\s+(?:with|of))"
    rf"\s+(?:the\s+)?(?:(?:town|city|village|settlement|regional\s+capital)\s+of\s+)?$",
    re.IGNORECASE,
)
_NEAR_BEFORE = re.compile(
    r"(?:\bnear(?:by)?|\boutside|\boutskirts\s+of|\bclose\s+to|\bvicinity\s+of|\bnot\s+far\s+from"
    r"|\baround|\bnext\s+to|\bedge\s+of|\bapproaches\s+to)"
    r"\s+(?:the\s+)?(?:(?:town|city|village|settlement|port|regional\s+capital|front-?line\s+town|frontline\s+(?:town|city|village))\s+of\s+)?$",
    re.IGNORECASE,
)
_NEAR_AFTER = re.compile(r"\s+(?:direction|axis|sector|front|area)\b", re.IGNORECASE)
_ORIGIN_BEFORE = re.compile(
    r"\b(?:from|launched\s+from|fired\s+from|based\s+in|evacuated\s+from|fled|flee(?:ing)?\s+from|returned\s+to|headed\s+to|towards?|to)"
    r"\s+(?:the\s+)?(?:(?:town|city|village|region|direction)\s+of\s+)?$",
    re.IGNORECASE,
)
#: Where weapons were launched from, even when the place is an area ("the X area"), or
#: where the launcher flew or sailed ("a bomber flying over Russia's Kursk region").
_LAUNCHED_FROM = re.compile(
    r"\b(?:launched|fired|took\s+off|flew\s+in|released)\s+from\s+"
    # the launch site may be a spot by the place: "fired from a field near the village of X"
    r"(?:(?:an?|the)\s+(?:\w+\s+){0,2}?(?:near|outside|in|at|close\s+to|on\s+the\s+outskirts\s+of)\s+)?"
    r"(?:the\s+)?(?:(?:village|town|city|settlement)\s+of\s+)?"
    # what holds the launch area: "fired from occupied Crimea", "from Russian-held territory"
    r"(?:(?:Russian-|Ukrainian-)?(?:occupied|annexed|held|controlled)\s+|neighbou?ring\s+)?$"
    r"|\b(?:bombers?|aircraft|planes?|jets?|warplanes?|warships?|ships?|submarines?|Tu-\d+\w*)"
    r"\s+(?:that\s+(?:had\s+been|was|were)\s+|which\s+(?:had\s+been|was|were)\s+|were\s+|was\s+)?"
    r"(?:flying|flew|sailing|sailed|patrolling)\s+(?:over|in|off)\s+(?:the\s+)?(?:[A-Z][\w'’]+['’]s\s+)?$",
    re.IGNORECASE,
)
_ASIDE_BEFORE = re.compile(
    r"\b(?:speech|speaking|spoke|meeting|met|talks|summit|visit(?:ed|ing)?|press\s+conference|briefing|interview"
    r"|conference|told\s+reporters|reporters|forum|ceremony|court|trial|parliament|hotline|headquartered|born"
    r"|lives?|living|embassy|correspondent|reporting|reported|wrote|said|says|dateline"
    r"|signed|signing|deal|agreement|accord|treaty)"  # a venue: "signed a deal in X"
    # the words between never tell what happened there ("says 28 killed in X" is the place)
    r"\s+(?:(?!(?:killed|dead|died|wounded|injured|hurt|hit|struck|strikes?|attack\w*|shell\w*)\b)"
    r"\w+\s+){0,2}?(?:in|at|to|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_CUE_BEFORE = re.compile(
    rf"\b(?:in|at|on|over|into|hit|hitting|struck|striking|targeted|targeting|attacked|shelled|shelling|bombed"
    rf"|pounded|of)\s+(?:the\s+)?(?:(?:(?:\w+\s+)?{_PLACE_NOUN}|regional\s+capital|settlement)\s+of\s+)?$"
    rf"|\b{_PLACE_NOUN}\s+of\s+$",
    re.IGNORECASE,
)
_STRONG_CUE_BEFORE = re.compile(
    rf"\b(?:{_PLACE_NOUN}|settlement|regional\s+capital)\s+of\s+$", re.IGNORECASE
)
#: A place name that stands for a government or its forces ("Kiev forces",
#: "Moscow's war", "Kyiv blames", "Moscow now counts 89 dead"): an actor, not where something happened.
_ACTOR_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:forces|troops|army|military|regime|government|authorities|officials|side"
    r"|aggression|leadership|backers|allies"
    r"|(?:(?:now|also|again|still|later|first|officially)\s+)?(?:says|said|claims|claimed|blames"
    r"|blamed|accuses|accused|denies|denied|points|pointed|warns|warned|insists|insisted|responds"
    r"|responded|counts|counted|puts|raises|raised|confirms|confirmed|admits|admitted"
    r"|acknowledges|acknowledged|estimates|estimated))\b"
    r"|^\s+and\s+(?:rebels|separatists|Moscow|Kyiv|Kiev)\s+(?:blame|accuse|trade)"
    # a government's deeds, not a town's: "Kyiv did not comment", "Moscow and Kyiv signed a
    # deal", "Kyiv stopped short of claiming", "Washington has been helping"
    r"|^(?:\s+and\s+[A-Z][\w'’-]+)?\s+(?:(?:did|does|do|has|have|had|would|will|could|can|has\s+been|have\s+been)"
    r"\s+(?:not\s+|never\s+|yet\s+to\s+|also\s+|long\s+)?)?(?:signed|signs|agreed|agrees|comment(?:ed|s)?"
    r"|confirm|deny|respond(?:ed)?|stopped\s+short|approved|approves|rejected|rejects|refused|refuses"
    r"|declined|declines|threatened|threatens|promised|promises|vowed|vows|retaliated|wants|wanted"
    r"|plans|planned|helps|helped|helping|supplied|supplies|asked|asks|demanded|demands|announced"
    r"|announces|expelled|summoned|hosted|hosts|welcomed|welcomes|condemned|condemns|protested"
    r"|offered|offers|proposed|proposes|ordered|orders|decided|hopes|hoped|believes|believed|told)\b",
    re.IGNORECASE,
)
#: "Explosions reported in X", "Strike reported in X": the event's place, not the reporter's.
_REPORTED_AT = re.compile(
    r"\b(?:strikes?|explosions?|blasts?|attacks?|shelling|fires?|drones?|missiles?|casualties)"
    r"\s+(?:(?:were|was|have\s+been|has\s+been)\s+)?reported\s+(?:in|at|near|over)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: Words before a place that make it the object of blame or talks, not a location.
_ACTOR_BEFORE = re.compile(
    r"\b(?:blam\w*|accus\w*|points?\s+(?:the\s+finger\s+)?at|pointed\s+(?:the\s+finger\s+)?at"
    r"|urg\w*|condemn\w*|sanction\w*|talks\s+with|negotiat\w*\s+with|warn\w*)\s+$",
    re.IGNORECASE,
)
_ASIDE_AFTER = re.compile(
    r"^\s+[Rr]iver\b"  # "the Dnipro river": a river, not its city
    r"|^[-‐](?:[Bb]ased|[Bb]orn|[Mm]ade|[Bb]acked|[Ii]nstalled|[Cc]ontrolled|[Hh]eld|[Oo]ccupied)\b"
    r"|^\s*,?\s*(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+)"
    r"(?:,?\s+\d{4})?\s*(?:\([A-Za-z .]+\)|[-–—])"
    r"|^\s*\((?:Reuters|AP|AFP|EFE|dpa|TASS|Xinhua|Interfax|Ukrinform)\)"
)

#: A weapon system's name, not a place: "Pantsir air defence systems", "Tor-M2 launchers".
_SYSTEM_AFTER = re.compile(
    r"(?:-[\w-]+)?\s+(?:(?:air[- ]defen[cs]e|anti-aircraft|surface-to-air|missile|rocket|radar)\s+)?"
    r"(?:systems?|launchers?|complex(?:es)?|batter(?:y|ies))\b",
    re.IGNORECASE,
)
#: Words between a settlement and the region phrase that says where it is
#: ("Novotyahynka in the Kherson region", "Malotaranivka, Donetsk region").
IN_REGION_GAP = re.compile(r"\s*,?\s*(?:(?:in|of)\s+(?:the\s+)?)?", re.IGNORECASE)

_REGION_WORD = r"(?:[Rr]egions?|[Oo]blasts?|[Pp]rovinces?|[Kk]rai|[Tt]erritory|People['’]?s\s+Republic|Republic|[Gg]overnorate)"
_CAP = r"[A-Z][\w'’-]+"
_REGION_PHRASE = re.compile(
    rf"(?P<list>(?:{_CAP}(?:\s+{_CAP})?\s*,\s*)*{_CAP}(?:\s+{_CAP})?\s+and\s+)?"
    rf"(?P<stem>{_CAP}(?:\s+{_CAP})?)\s+(?P<word>{_REGION_WORD})(?![\w])"
    rf"|(?P<alias>Donbas+|Crimea(?:n\s+[Pp]eninsula)?|DPR|LPR|DNR|LNR|Republic\s+of\s+Crimea|Kuban)(?![\w])"
)
_UNRESOLVED_CUE = re.compile(
    rf"\b(?:{_PLACE_NOUN}|settlement|centre|center)\s+of\s+(?P<name>[A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+)?)"
)


@dataclass(frozen=True)
class Mention:
    """A place mention with its ``[start, end)`` span in the sentence.

    ``kind`` is ``"toponym"`` (a name from the automaton), ``"variant"`` (a
    spelling the index lacks of a Ukrainian or Russian place name, found by its
    skeleton: :mod:`geoevents.extract.variants`), ``"region"`` (a region phrase)
    or ``"cued"`` (a capitalised name after "the village of" that neither knows:
    resolved fuzzily, else unresolved).
    ``relation`` is one of ``at``, ``near``, ``relative``, ``origin``, ``aside``.
    ``written`` is the form in the sentence when it differs from ``text`` (a declined
    Ukrainian or Russian name: text "Харків", written "Харкові").
    """

    text: str
    start: int
    end: int
    kind: str
    key: str
    relation: str = "at"
    cue: str = ""
    direction: str | None = None
    region: Place | None = field(default=None, compare=False)
    written: str = ""


def _relation(sentence: str, start: int, end: int) -> tuple[str, str, str | None]:
    before = sentence[max(0, start - 80) : start]
    m = _RELATIVE_BEFORE.search(before)
    if m is not None:
        direction = m.group("dir1") or m.group("dir2") or m.group("dir3")
        return "relative", " ".join(m.group(0).split()), direction
    m = _LAUNCHED_FROM.search(before)
    if m is not None:  # "launched from the Primorsko-Akhtarsk area": where they came from
        return "origin", " ".join(m.group(0).split()), None
    m = _NEAR_BEFORE.search(before)
    if m is not None:
        return "near", " ".join(m.group(0).split()), None
    m = _NEAR_AFTER.match(sentence, end)
    if m is not None:  # "in the Kupiansk direction": somewhere around the town
        return "near", " ".join(m.group(0).split()), None
    m = _REPORTED_AT.search(before)
    if m is not None:  # "Explosions reported in Belgorod": where the blasts were
        return "at", " ".join(m.group(0).split()), None
    m = _ASIDE_BEFORE.search(before) or _ACTOR_BEFORE.search(before)
    if m is not None or _ASIDE_AFTER.match(sentence[end:]):
        return "aside", " ".join(m.group(0).split()) if m else sentence[end : end + 8], None
    a = _ACTOR_AFTER.match(sentence[end:])
    if a is not None:
        return "aside", " ".join(a.group(0).split()), None
    m = _ORIGIN_BEFORE.search(before)
    if m is not None:
        return "origin", " ".join(m.group(0).split()), None
    m = _CUE_BEFORE.search(before)
    if m is not None:
        return "at", " ".join(m.group(0).split()), None
    return "at", "", None


#: A wire dateline in capitals: "ZAPOROZHYE, Oct 6 (Wire) - ".
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{2,},[^-–—]{0,40}[-–—]\s*")


def is_lower_case(sentence: str) -> bool:
    """A sentence written in lower case (machine copy, a ticker), perhaps after a wire
    dateline in capitals.

    >>> is_lower_case("a russian missile struck the city of zaporizhzhia overnight, killing two")
    True
    >>> is_lower_case("ZAPOROZHYE, Oct 6 (Wire) - a russian missile struck the city of zaporizhzhia")
    True
    >>> is_lower_case("KYIV, Oct 6 (Wire) - Russian missiles struck the city of Zaporizhzhia")
    False
    """
    return _DATELINE.sub("", sentence, count=1).islower()


def _is_name_part(sentence: str, start: int, end: int) -> bool:
    """A match glued to another capitalised word is part of a name ("Oleh Syniehubov").

    >>> _is_name_part("coach of Shakhtar Donetsk said", 18, 25), _is_name_part("In Donetsk, a", 3, 10)
    (True, False)
    >>> _is_name_part("Russian-held Donetsk was hit", 13, 20), _is_name_part("Kyiv Independent", 0, 4)
    (False, True)
    """
    prev = re.search(r"([\w'’-]+)\s+$", sentence[:start])
    if prev is not None:
        word = prev.group(1)
        if (
            word[0].isupper()
            and word.lower() not in _CAP_CUES
            and not POSSESSIVE.search(word)
            and not re.search(r"-(?:held|occupied|controlled|annexed)$", word, re.I)
        ):
            return True
    nxt = re.match(r"\s+([\w'’-]+)", sentence[end:])
    if (
        nxt is not None
        and nxt.group(1)[0].isupper()
        and not re.fullmatch(_REGION_WORD, nxt.group(1))
    ):
        return True
    return False


_CAP_CUES = frozenset(
    "in near at on over outside around from of the a an village town city into by to and "
    "across after as while when during since until if but".split()
)


def _title_case(sentence: str) -> bool:
    words = [w for w in TOKEN.findall(sentence) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) > 0.6


def toponym_mentions(
    sentence: str,
    matcher: PlaceMatcher,
    *,
    exclude: Iterable[tuple[int, int]] = (),
) -> list[Mention]:
    """Toponym mentions found by ``matcher`` that pass the filters (see module doc).

    >>> m = PlaceMatcher.from_keys(["malotaranivka", "kramatorsk", "may", "reading"])
    >>> s = "In May, a strike near Malotaranivka, a village south of Kramatorsk, hit Reading Street."
    >>> [(x.text, x.relation) for x in toponym_mentions(s, m)]
    [('Malotaranivka', 'near'), ('Kramatorsk', 'relative')]

    With a variant table, Russian spellings of its places are mentions of kind
    ``variant``; a surname that folds to a village's skeleton ("Grigoryev",
    Hryhoriv) is not one:

    >>> m = PlaceMatcher.from_keys(["donetsk"], variants=["Nevelske", "Hryhoriv"])
    >>> s = "Shells hit Nevelskoye near Donetsk, Grigoryev said."
    >>> [(x.text, x.kind, x.relation) for x in toponym_mentions(s, m)]
    [('Nevelskoye', 'variant', 'at'), ('Donetsk', 'toponym', 'near')]
    """
    excluded = list(exclude)
    title = _title_case(sentence)
    lower = is_lower_case(sentence)  # a ticker in lower case: only a place cue marks a name
    exact, variants = matcher.find_all(sentence)
    spans = sorted([(a, b, key, False) for a, b, key in exact] + [(*v, True) for v in variants])
    out = []
    for a, b, key, variant in spans:
        if any(x < b and a < y for x, y in excluded):
            continue
        surface = sentence[a:b]
        words = TOKEN.findall(surface)
        if not words:
            continue
        if not words[0][0].isupper() and not (
            lower and _STRONG_CUE_BEFORE.search(sentence, max(0, a - 80), a)
        ):
            continue
        if any(_ACRONYM.fullmatch(w) for w in words) or _SYSTEM_AFTER.match(sentence, b):
            continue
        if sentence.startswith(".", b) and key in ABBREVIATIONS:  # "Gen. Staff", "Col. Ivanov"
            continue
        before = sentence[max(0, a - 80) : a]
        strong = _STRONG_CUE_BEFORE.search(before) is not None
        if not strong and all(w in COMMON_WORDS for w in key.split()):  # "The Camp", "May"
            continue
        if not strong and not title and _is_name_part(sentence, a, b):
            continue
        relation, cue, direction = _relation(sentence, a, b)
        if variant and not admit_variant(key, cued=bool(cue), strong=strong):
            continue
        kind = "variant" if variant else "toponym"
        out.append(Mention(surface, a, b, kind, key, relation, cue, direction))
    return out


def region_mentions(sentence: str, gz: Gazetteer) -> list[Mention]:
    """Region phrases resolved with ``gz.match_region`` (unknown phrases are dropped).

    "Belgorod, Kursk and Bryansk regions" gives three mentions.
    """
    out = []
    for m in _REGION_PHRASE.finditer(sentence):
        items: list[tuple[int, int, str]] = []
        if m.group("alias"):
            items.append((m.start("alias"), m.end("alias"), m.group("alias")))
        else:
            word = m.group("word")
            stem = m.group("stem")
            items.append((m.start("stem"), m.end("word"), f"{stem} {word}"))
            if m.group("list"):
                single = re.sub(r"s$", "", word) if word.lower().endswith("s") else word
                for lm in re.finditer(rf"{_CAP}(?:\s+{_CAP})?", m.group("list")):
                    if lm.group(0) == "and":
                        continue
                    s0 = m.start("list") + lm.start()
                    items.append((s0, s0 + len(lm.group(0)), f"{lm.group(0)} {single}"))
        for a, b, phrase in items:
            phrase_q = re.sub(r"s$", "", phrase) if phrase.lower().endswith("regions") else phrase
            try:
                place = gz.match_region(phrase_q)
            except Exception as err:  # a malformed phrase is not a region
                log.debug("match_region(%r): %s", phrase_q, err)
                place = None
            if place is None:
                continue
            relation, cue, direction = _relation(sentence, a, b)
            out.append(
                Mention(
                    sentence[a:b],
                    a,
                    b,
                    "region",
                    normalize(phrase_q),
                    relation,
                    cue,
                    direction,
                    place,
                )
            )
    return sorted(out, key=lambda x: x.start)


def cued_names(sentence: str, taken: Iterable[tuple[int, int]]) -> Iterator[Mention]:
    """Capitalised names after "the village of" etc. that no other mention covers."""
    spans = list(taken)
    for m in _UNRESOLVED_CUE.finditer(sentence):
        a, b = m.start("name"), m.end("name")
        if any(x < b and a < y for x, y in spans):
            continue
        relation, cue, direction = _relation(sentence, a, b)
        yield Mention(
            m.group("name"), a, b, "cued", normalize(m.group("name")), relation, cue, direction
        )


def find_mentions(
    sentence: str,
    gz: Gazetteer,
    *,
    exclude: Iterable[tuple[int, int]] = (),
    matcher: PlaceMatcher | None = None,
) -> list[Mention]:
    """All place mentions of ``sentence``, sorted by position.

    ``exclude`` are spans that are not places (claimant phrases, weapon names).
    Region phrases win over toponyms inside them ("the Donetsk region" is the
    region, not the city).
    """
    regions = region_mentions(sentence, gz)
    excluded = list(exclude) + [(r.start, r.end) for r in regions]
    tops = toponym_mentions(sentence, matcher or matcher_for(gz), exclude=excluded)
    cued = list(cued_names(sentence, excluded + [(t.start, t.end) for t in tops]))
    return _regions_follow(sentence, sorted([*regions, *tops, *cued], key=lambda x: x.start))


def _regions_follow(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """A region phrase that says where the place before it lies shares that place's
    relation: in "launched from near X in the Y region", Y is an origin too."""
    out = list(mentions)
    for i in range(1, len(out)):
        prev, m = out[i - 1], out[i]
        if (
            m.kind == "region"
            and prev.relation in ("origin", "aside")
            and m.relation != prev.relation
            and IN_REGION_GAP.fullmatch(sentence, prev.end, m.start)
        ):
            out[i] = replace(m, relation=prev.relation, cue=prev.cue)
    return out


# -- article context -----------------------------------------------------------

_CTX_WORD = r"[A-Z][\w'’-]*(?:\.[A-Z]\.?)*"
_CTX_SUFFIX = "|".join(
    sorted((re.escape(s).replace(r"\ ", r"\s+") for s in REGION_SUFFIXES), key=len, reverse=True)
)
#: A run of capitalised words ("Republic of Crimea", "Belgorod and Kursk"),
#: with the region word that may follow it ("Donetsk region", "Kharkov Region").
#: Runs go on over "of", "and" and a comma ("Paris, Ky.": a place, then its
#: region), and keep a final dot, so the gazetteer sees the punctuation it reads.
_CTX_RUN = re.compile(
    rf"(?<![\w'’-]){_CTX_WORD}(?:(?:\s+(?:(?:of|and|of\s+the)\s+)?|,\s+){_CTX_WORD})*\.?"
)
_CTX_SUFFIX_RX = re.compile(rf"[\s-]+(?:{_CTX_SUFFIX})(?![\w])", re.IGNORECASE)
#: Context of each distinct capitalised run per index
#: (:func:`~geoevents.extract.matcher.index_identity`), shared by all articles of a process.
_RUN_CONTEXT: dict[tuple[object, str], tuple[tuple[tuple[str, str], ...], tuple[str, ...]]] = {}
_RUN_CONTEXT_MAX = 200_000


def context_runs(text: str) -> list[str]:
    """The capitalised runs of ``text`` that can name a region or a country.

    >>> context_runs("Shelling hit the Donetsk region and Republic of Crimea, officials in Kyiv said.")
    ['Shelling', 'Donetsk region', 'Republic of Crimea', 'Kyiv']
    >>> context_runs("Drones struck Belgorod and Kursk regions")
    ['Drones', 'Belgorod and Kursk regions']
    """
    out = []
    for m in _CTX_RUN.finditer(text):
        s = _CTX_SUFFIX_RX.match(text, m.end())
        out.append(text[m.start() : s.end()] if s is not None else m.group(0))
    return out


def article_context(
    gz: Gazetteer, text: str
) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    """Regions ``(country, admin1)`` and countries named in ``text``, in order of first mention.

    The same as ``gz.context_from_text(text)`` read only over the capitalised
    runs of the text (:func:`context_runs`): regions and countries are proper
    names, and lower-case words ("central", "georgia" in a recipe) are not read
    as regions. Each distinct run is looked up once per process, so a corpus
    about the same places costs little (the full-text scan costs about 75 ms
    for a 4 KB article; this about 1 ms).
    """
    regions: dict[tuple[str, str], None] = {}
    countries: dict[str, None] = {}
    gid = index_identity(gz)  # not id(gz): ids are reused once a gazetteer is closed
    for run in dict.fromkeys(context_runs(text)):
        hit = _RUN_CONTEXT.get((gid, run))
        if hit is None:
            ctx = gz.context_from_text(run)
            hit = (tuple(ctx.regions), tuple(ctx.countries))
            if len(_RUN_CONTEXT) >= _RUN_CONTEXT_MAX:
                _RUN_CONTEXT.clear()
            _RUN_CONTEXT[(gid, run)] = hit
        regions.update(dict.fromkeys(hit[0]))
        countries.update(dict.fromkeys(hit[1]))
    return tuple(regions), tuple(countries)
