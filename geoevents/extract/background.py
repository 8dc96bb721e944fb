"""Background in a strike sentence: comparisons and earlier strikes are not this report's events.

A report measures its strike against others ("the deadliest attack on the city
since the strike on the station in Kramatorsk in April 2022") and recalls earlier
ones ("In October 2022 missiles also hit the plant"). The places of such a clause
are not where the reported strike happened, and its date is not the strike's.

Three mechanisms, no list of places:

* :func:`comparison_spans`: a clause opened by "since" after a superlative or
  "first", or by "compared with", "similar to", "reminiscent of", "echoing",
  runs to the next comma, semicolon or sentence end; so does an earlier event placed by
  the months or years since it ("three months after a strike killed 20 in X"); its
  places and its date are background.
* :func:`cause_spans`: a clause naming the cause the strike answers ("in response to
  the explosion that damaged X", "in retaliation for the attack on Y", "after X blast")
  is background when the strike's own trigger lies outside it.
* :func:`is_earlier` (used with the sentence's explicit date): a strike dated
  more than :data:`EARLIER_DAYS` before the article was published is an earlier
  strike told as background, not an event of this report.

>>> s = "It was the deadliest attack since the strike on Kramatorsk in April 2022, officials said."
>>> [s[a:b] for a, b in comparison_spans(s)]
['since the strike on Kramatorsk in April 2022']
>>> s = "The worst since July 2022, when a strike on Serhiivka killed 21."
>>> [s[a:b] for a, b in comparison_spans(s)]
['since July 2022, when a strike on Serhiivka killed 21']
>>> comparison_spans("Russian troops have shelled Kharkiv since Monday.")
[]
"""

from __future__ import annotations

import datetime
import re

#: A strike dated this many days or more before publication is background.
EARLIER_DAYS = 30

_SUPERLATIVE = re.compile(
    r"\b(?:\w+est|most\s+\w+|first|largest|worst|biggest|heaviest|bloodiest|only)\b", re.IGNORECASE
)
#: "since X", and the clause that tells X: "since July 2022, when a strike on Y killed 21".
_SINCE = re.compile(
    r"\bsince\b[^,;.]*(?:,\s*(?:when|which|in\s+which|where|after)\b[^;.]*)?", re.IGNORECASE
)
_COMPARED = re.compile(
    r"\b(?:compared\s+(?:with|to)|similar\s+to|reminiscent\s+of|echo(?:ing|ed)|recalling|like\s+the)\b[^,;.]*",
    re.IGNORECASE,
)
#: The cause a strike answers: "in response to the blast that damaged X", "in retaliation
#: for the attack on Y", and a named earlier event after "after" ("after Crimean Bridge blast").
_CAUSE = re.compile(
    r"\b(?i:(?:in\s+|an?\s+)?(?:response|retaliation|reprisal|revenge)\s+(?:to|for)|to\s+avenge)\b[^,;.]*"
    r"|\bafter\s+(?:the\s+|an?\s+)?(?:[A-Z][\w'’-]+\s+){1,3}"
    r"(?:blasts?|explosions?|attacks?|strikes?|bombings?|raids?)\b",
)
#: Words ending in -est that are no superlative.
_NOT_SUPERLATIVE = frozenset(
    {"west", "rest", "test", "arrest", "protest", "interest", "request", "forest"}
)


#: An earlier event placed by the time since it: "three months after a strike killed 20 in
#: X", "a year since the attack on Y" (weeks or less may be this report's own strike).
_ELAPSED = re.compile(
    r"\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many"
    r"|a\s+few)\s+(?:months?|years?)\s+(?:after|since)\b[^;.]*",
    re.IGNORECASE,
)


def comparison_spans(sentence: str) -> list[tuple[int, int]]:
    """Character spans of the comparison clauses of ``sentence`` (see the module doc).

    >>> s = "The talks came three months after a missile strike killed 20 people in Odesa."
    >>> [s[a:b] for a, b in comparison_spans(s)]
    ['three months after a missile strike killed 20 people in Odesa']
    >>> comparison_spans("Two days after the strike on Kyiv, rescuers found a body.")
    []
    """
    spans = [(m.start(), m.end()) for m in _COMPARED.finditer(sentence)]
    spans += [(m.start(), m.end()) for m in _ELAPSED.finditer(sentence)]
    for m in _SINCE.finditer(sentence):
        before = sentence[: m.start()]
        cues = [c.group(0).lower() for c in _SUPERLATIVE.finditer(before)]
        if any(c not in _NOT_SUPERLATIVE for c in cues):
            spans.append((m.start(), m.end()))
    return sorted(spans)


def cause_spans(sentence: str, trigger: int) -> list[tuple[int, int]]:
    """Spans of the clauses naming the cause a strike answers, when the strike's own
    trigger (at ``trigger``) lies outside them: their places and dates are background.

    >>> s = "Russia struck Kharkiv in retaliation for the attack on Belgorod on Saturday."
    >>> [s[a:b] for a, b in cause_spans(s, s.index("struck"))]
    ['in retaliation for the attack on Belgorod on Saturday']
    >>> s = "Missiles pounded Lviv after Crimean Bridge blast"
    >>> [s[a:b] for a, b in cause_spans(s, s.index("pounded"))]
    ['after Crimean Bridge blast']
    >>> cause_spans("Rescuers searched the rubble after the Dnipro strike", 40)  # the strike itself
    []
    """
    if "after" not in sentence and not _CAUSE_GATE.search(sentence):
        return []
    spans = [(m.start(), m.end()) for m in _CAUSE.finditer(sentence)]
    return [(a, b) for a, b in spans if not a <= trigger < b]


_CAUSE_GATE = re.compile(r"respon|retaliat|reprisal|reveng|aveng", re.IGNORECASE)


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start..end`` lies inside one of ``spans``."""
    return any(a <= start and end <= b for a, b in spans)


def blank(sentence: str, spans: list[tuple[int, int]]) -> str:
    """``sentence`` with the spans replaced by spaces (offsets kept).

    >>> blank("hit Kyiv since May 2022, he said", [(9, 23)])
    'hit Kyiv               , he said'
    """
    out = list(sentence)
    for a, b in spans:
        out[a:b] = " " * (b - a)
    return "".join(out)


def is_earlier(last_day: str | None, published: datetime.date | None) -> bool:
    """Whether a strike whose date window ends on ``last_day`` is an earlier, background one.

    >>> is_earlier("2022-04-30", datetime.date(2024, 3, 10)), is_earlier("2024-03-09", datetime.date(2024, 3, 10))
    (True, False)
    >>> is_earlier(None, datetime.date(2024, 3, 10)), is_earlier("2022-04-30", None)
    (False, False)
    """
    if not last_day or published is None:
        return False
    try:
        day = datetime.date.fromisoformat(last_day[:10])
    except ValueError:
        return False
    return (published - day).days > EARLIER_DAYS


#: Words that make a count of weapons downed the whole attack's: "across the country",
#: "загалом по країні", "над регіонами", "всего над территорией России".
_TALLY = re.compile(
    r"\b(?:across\s+(?:the\s+)?(?:country|Ukraine|Russia)|nationwide|over\s+(?:several|\w+)\s+regions"
    r"|по\s+(?:всій\s+)?країні|по\s+(?:всей\s+)?стране|по\s+всій\s+Україні|над\s+Україною"
    r"|над\s+(?:кількома\s+|різними\s+|\w+\s+)?регіонами|над\s+(?:несколькими\s+|различными\s+|\w+\s+)?регионами"
    r"|над\s+(?:всією\s+)?територією\s+України|над\s+территорией\s+(?:России|РФ|страны))",
    re.IGNORECASE,
)


def is_tally(sentence: str, event_type: str) -> bool:
    """Whether an interception sentence with no place counts the whole attack's weapons
    across the country or several regions: then it is no event's count.

    >>> is_tally("Повітряні сили повідомили, що загалом по країні з 23 ракет знищено 21.", "interception")
    True
    >>> is_tally("Air defences shot down 21 of 23 missiles across the country.", "interception")
    True
    >>> is_tally("Сили ППО збили 5 шахедів.", "interception")
    False
    """
    return event_type == "interception" and _TALLY.search(sentence) is not None
