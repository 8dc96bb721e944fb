"""Event dates and publication dates found in text.

:func:`event_date` finds the date expression of a sentence and resolves it
against the article's publication date; :func:`published_from_text` reads a
dateline. Rules (all relative expressions count back from ``published``):

=====================================  ============================================
expression                             result
=====================================  ============================================
``2023-01-01``, ``31 December 2022``,  that day (a missing year is the latest year
``Dec. 31``, ``on December 31st``      that puts the day on or before ``published``)
``on Wednesday``, ``Wednesday night``  latest such weekday on or before ``published``
``last Wednesday``                     same, but never ``published`` itself
``yesterday`` / ``today``, ``tonight``  ``published - 1`` / ``published``
``overnight``, ``last night``          range ``published - 1 .. published``
``three days ago``                     that day
``two weeks ago``                      range of 7 days centred on ``published - 14``
``three months ago``, ``last month``   that calendar month (range)
``a year ago``, ``last year``          that calendar year (range)
``last week``                          the previous Monday..Sunday
``this week``, ``earlier this week``   Monday of this week .. ``published``
``the past week``                      ``published - 7 .. published``
``over the weekend``                   latest Saturday .. Sunday (not after ``published``)
``in January``, ``January 2023``       that month (range)
``in 2022``                            that year (range)
``on New Year's Eve`` / ``Day``        31 December / 1 January; also Christmas
                                       (Eve), Orthodox Christmas, Victory Day,
                                       Independence Day (of Ukraine)
=====================================  ============================================

If a sentence has several expressions, the first one that does not just date
the *report* ("the ministry said on Thursday") wins. With no other expression the
default is the publication date as a range ``published - 1 .. published``
(reports describe the day of or the day before publication); with no
publication date and no absolute date the result is ``DateSpan(None, None,
"unknown")``.

>>> pub = datetime.date(2023, 1, 4)  # a Wednesday
>>> event_date("Missiles hit a school on Monday, officials said.", pub)
DateSpan(start=datetime.date(2023, 1, 2), end=datetime.date(2023, 1, 2), precision='day', text='Monday')
>>> event_date("The strike on New Year's Eve killed dozens.", pub).start
datetime.date(2022, 12, 31)
>>> event_date("A depot burned.", pub).iso()
('2023-01-03', '2023-01-04')
>>> event_date("A depot burned.", None).precision
'unknown'
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

Date = datetime.date


@dataclass(frozen=True)
class DateSpan:
    """A date or date range with its precision (``geoevents.vocabulary.DATE_PRECISION``).

    >>> DateSpan(Date(2022, 7, 29), Date(2022, 7, 29), "day").event_fields()["date"]
    '2022-07-29'
    """

    start: Date | None
    end: Date | None
    precision: str  # "day" | "range" | "unknown"
    text: str | None = None  # the phrase it came from

    def iso(self) -> tuple[str | None, str | None]:
        """``(start, end)`` as ISO strings (``None`` where unknown)."""
        return (
            self.start.isoformat() if self.start else None,
            self.end.isoformat() if self.end else None,
        )

    def event_fields(self) -> dict[str, str | None]:
        """Keyword arguments for :class:`geoevents.model.Event`'s date fields."""
        start, end = self.iso()
        return {
            "date": start if self.precision == "day" else None,
            "date_start": start,
            "date_end": end,
            "date_precision": self.precision,
        }


def _span(start: Date | None, end: Date | None, text: str | None) -> DateSpan:
    if start is None or end is None:
        return DateSpan(None, None, "unknown", text)
    if end < start:
        start, end = end, start
    return DateSpan(start, end, "day" if start == end else "range", text)


def parse_iso_date(value: object) -> Date | None:
    """A date from an ISO date or date-time string (or a ``date``); ``None`` if not one.

    >>> parse_iso_date("2022-07-29T10:00:00Z"), parse_iso_date("29/07/2022")
    (datetime.date(2022, 7, 29), None)
    """
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, Date):
        return value
    if not isinstance(value, str):
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d|\s*$)", value)
    if not m:
        return None
    try:
        return Date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


# --- vocabulary ----------------------------------------------------------------------

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(calendar.month_name):
    if _name:
        MONTHS[_name.lower()] = _i
        MONTHS[_name[:3].lower()] = _i
MONTHS["sept"] = 9
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "a couple of": 2,
}
_NUMBER = (
    r"(?:\d{1,3}|a couple of|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
)
#: (month, day) of named days.
HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's eve": (12, 31),
    "new year's day": (1, 1),
    "new year's night": (1, 1),
    "new year": (1, 1),
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "orthodox christmas": (1, 7),
    "victory day": (5, 9),
    "independence day": (8, 24),
}
_HOLIDAY = (
    r"(?:Orthodox Christmas|Christmas Eve|Christmas Day|Christmas|New Year['’]s Eve|"
    r"New Year['’]s Day|New Year['’]s night|New Year|Victory Day|Independence Day)"
)


def _month_end(year: int, month: int) -> Date:
    return Date(year, month, calendar.monthrange(year, month)[1])


def _months_back(d: Date, n: int) -> tuple[int, int]:
    idx = d.year * 12 + (d.month - 1) - n
    return idx // 12, idx % 12 + 1


def _latest(month: int, day: int, pub: Date | None, year: int | None) -> Date | None:
    """The day ``month/day`` in ``year``, or the latest one not after ``pub``."""
    try:
        if year is not None:
            return Date(year, month, day)
        if pub is None:
            return None
        d = Date(pub.year, month, day)
        return d if d <= pub else Date(pub.year - 1, month, day)
    except ValueError:
        return None


def _number(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _year(text: str | None) -> int | None:
    return int(text) if text else None


# --- span rules: (match, published) -> (start, end) ---------------------------------

SpanRule = Callable[[re.Match[str], Date | None], tuple[Date | None, Date | None]]


def _r_iso(m: re.Match[str], pub: Date | None) -> tuple[Date | None, Date | None]:
    d = parse_iso_date(m[0])
    return d, d


def _r_month_day(m: re.Match[str], pub: Date | None) -> tuple[Date | None, Date | None]:
    d = _latest(MONTHS[m["mon"].lower()], int(m["day"]), pub, _year(m["year"]))
    return d, d


def _r_month(m: re.Match[str], pub: Date | None) -> tuple[Date | None, Date | None]:
    g = m.groupdict()
    month = MONTHS[(g.get("mon") or g["mon2"]).lower()]
    year_text = g.get("year") or g.get("year2")
    year = _year(year_text)
    if year is None:
        if pub is None:
            return None, None
        year = pub.year if month <= pub.month else pub.year - 1
    end = _month_end(year, month)
    return Date(year, month, 1), (min(end, pub) if pub and not year_text else end)


def _r_year(m: re.Match[str], pub: Date | None) -> tuple[Date | None, Date | None]:
    year = int(m["year"])
    return Date(year, 1, 1), Date(year, 12, 31)


def _r_holiday(m: re.Match[str], pub: Date | None) -> tuple[Date | None, Date | None]:
    key = m["hol"].lower().replace("’", "'")
    month, day = HOLIDAYS[key]
    d = _latest(month, day, pub, _year(m["year"]))
    return d, d


def _r_weekday(m: re.Match[str], pub: Date | None) -> tuple[Date | None, Date | None]:
    if pub is None:
        return None, None
    offset = (pub.weekday() - WEEKDAYS[m["wd"].lower()]) % 7
    if m["last"] and offset == 0:
        offset = 7
    d = pub - datetime.timedelta(days=offset)
    return d, d


def _r_relative_word(m: re.Match[str], pub: Date | None) -> tuple[Date | None, Date | None]:
    if pub is None:
        return None, None
    word = re.sub(r"\s+", " ", m[0].lower())
    one = datetime.timedelta(days=1)
    if word == "the day before yesterday":
        return pub - 2 * one, pub - 2 * one
    if word == "yesterday":
        return pub - one, pub - one
    if word in ("overnight", "last night"):
        return pub - one, pub
    return pub, pub  # today, tonight, this morning, ...


def _r_ago(m: re.Match[str], pub: Date | None) -> tuple[Date | None, Date | None]:
    if pub is None:
        return None, None
    n = _number(m["n"])
    unit = m["unit"].lower()
    if unit == "day":
        d = pub - datetime.timedelta(days=n)
        return d, d
    if unit == "week":
        mid = pub - datetime.timedelta(days=7 * n)
        return mid - datetime.timedelta(days=3), mid + datetime.timedelta(days=3)
    if unit == "month":
        y, mo = _months_back(pub, n)
        return Date(y, mo, 1), _month_end(y, mo)
    return Date(pub.year - n, 1, 1), Date(pub.year - n, 12, 31)


def _r_period(m: re.Match[str], pub: Date | None) -> tuple[Date | None, Date | None]:
    if pub is None:
        return None, None
    phrase = re.sub(r"\s+", " ", m[0].lower())
    monday = pub - datetime.timedelta(days=pub.weekday())
    if phrase.endswith("weekend"):
        sat = pub - datetime.timedelta(days=(pub.weekday() - 5) % 7)
        return sat, min(sat + datetime.timedelta(days=1), pub)
    if phrase in ("last week", "the previous week"):
        start = monday - datetime.timedelta(days=7)
        return start, start + datetime.timedelta(days=6)
    if phrase.endswith("week") and "past" in phrase:
        return pub - datetime.timedelta(days=7), pub
    if phrase.endswith("week"):
        return monday, pub
    if phrase in ("last month", "the previous month"):
        y, mo = _months_back(pub, 1)
        return Date(y, mo, 1), _month_end(y, mo)
    if phrase.endswith("month") and "past" in phrase:
        return pub - datetime.timedelta(days=30), pub
    if phrase.endswith("month"):
        return Date(pub.year, pub.month, 1), pub
    if phrase in ("last year", "the previous year"):
        return Date(pub.year - 1, 1, 1), Date(pub.year - 1, 12, 31)
    return Date(pub.year, 1, 1), pub  # this year


_PATTERNS: tuple[tuple[re.Pattern[str], SpanRule], ...] = (
    (re.compile(r"\b\d{4}-\d{2}-\d{2}\b"), _r_iso),
    (
        re.compile(
            rf"\b(?P<hol>{_HOLIDAY})(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d\d))?(?![\w'])",
        ),
        _r_holiday,
    ),
    (
        re.compile(
            rf"\b(?P<mon>{_MONTH})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
            rf"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
        ),
        _r_month_day,
    ),
    (
        re.compile(
            rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH})\b"
            rf"(?:\.?,?\s+(?P<year>(?:19|20)\d\d)\b)?"
        ),
        _r_month_day,
    ),
    (
        re.compile(
            rf"\b(?:(?:[Ii]n|[Dd]uring|[Ss]ince|[Ee]arly|[Ll]ate|[Mm]id-?)\s+(?:(?:early|late|mid-?)\s*)?"
            rf"(?P<mon>{_MONTH})\b(?:\s+(?P<year>(?:19|20)\d\d)\b)?|"
            rf"\b(?P<mon2>{_MONTH})\s+(?P<year2>(?:19|20)\d\d)\b)"
        ),
        _r_month,
    ),
    (re.compile(r"\b[Ii]n\s+(?P<year>(?:19|20)\d\d)\b"), _r_year),
    (
        re.compile(
            rf"\b(?:(?P<last>[Ll]ast|[Tt]his past|[Pp]ast)\s+)?(?P<wd>{_WEEKDAY})\b",
        ),
        _r_weekday,
    ),
    (
        re.compile(
            r"\b(?:the day before yesterday|yesterday|today|tonight|overnight|last night|"
            r"this (?:morning|afternoon|evening)|earlier today)\b",
            re.IGNORECASE,
        ),
        _r_relative_word,
    ),
    (
        re.compile(
            rf"\b(?P<n>{_NUMBER})\s+(?P<unit>day|week|month|year)s?\s+(?:ago|earlier)\b",
            re.IGNORECASE,
        ),
        _r_ago,
    ),
    (
        re.compile(
            r"\b(?:(?:over|at|on|during) the weekend|last (?:week|month|year)|"
            r"the (?:previous|past) (?:week|month|year)|(?:earlier )?this (?:week|month|year))\b",
            re.IGNORECASE,
        ),
        _r_period,
    ),
)


_REPORTING = re.compile(
    r"\b(?:said|says|say|announced|announces|reported|reports|stated|told\s+\w+|added|wrote|"
    r"confirmed|claimed|denied|published|posted)\s+(?:(?:late|early)\s+)?(?:on\s+)?$",
    re.IGNORECASE,
)


def _matches(sentence: str) -> list[tuple[int, int, SpanRule, re.Match[str]]]:
    found: list[tuple[int, int, SpanRule, re.Match[str]]] = []
    for pattern, rule in _PATTERNS:
        for m in pattern.finditer(sentence):
            found.append((m.start(), m.end(), rule, m))
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    kept: list[tuple[int, int, SpanRule, re.Match[str]]] = []
    last_end = -1
    for item in found:  # drop matches overlapping an earlier/longer one
        if item[0] >= last_end:
            kept.append(item)
            last_end = item[1]
    return kept


#: A time of day that fixes the day without naming it: the latest one before the report.
_EARLY_HOURS = re.compile(
    r"\b(?:(?:shortly|just|soon)\s+)?after\s+midnight|(?:in|during)\s+the\s+(?:early|small)\s+hours"
    r"|(?:just\s+|shortly\s+)?before\s+(?:dawn|daybreak|sunrise)|at\s+(?:dawn|daybreak)\b(?!\s+on\b)",
    re.IGNORECASE,
)
_EARLY_WORDS = ("midnight", "dawn", "hours", "daybreak", "sunrise")


def _early_hours(sentence: str, report: Date | None) -> DateSpan | None:
    """The day of "shortly after midnight", "before dawn" when nothing else dates the
    sentence: the day of the report that tells it (named, else the publication day).

    >>> _early_hours("Drones hit the depot shortly after midnight.", Date(2023, 1, 4)).iso()
    ('2023-01-04', '2023-01-04')
    >>> _early_hours("Drones hit the depot during the night.", Date(2023, 1, 4)) is None
    True
    """
    if report is None or not any(w in sentence for w in _EARLY_WORDS):
        return None
    m = _EARLY_HOURS.search(sentence)
    if m is None:
        return None
    return DateSpan(report, report, "day", m[0])


def event_date(sentence: str, published: Date | None) -> DateSpan:
    """The date of the event a sentence reports, resolved against ``published``.

    >>> pub = datetime.date(2023, 4, 12)
    >>> event_date("Shelling hit the town three months ago.", pub).iso()
    ('2023-01-01', '2023-01-31')
    >>> event_date("The ministry said on Tuesday that a strike on Sunday hit Izium.", pub).text
    'Sunday'
    >>> event_date("A missile hit the station on 8 April 2022.", None).start
    datetime.date(2022, 4, 8)
    >>> event_date("A woman died on Friday, a day after missiles struck Kyiv.", pub).iso()
    ('2023-04-06', '2023-04-06')
    >>> event_date("Missiles hit Odesa on Friday, a day after the talks.", pub).iso()
    ('2023-04-07', '2023-04-07')
    >>> event_date("A drone exploded on Friday.", None)
    DateSpan(start=None, end=None, precision='unknown', text='Friday')
    """
    chosen, report = None, published
    for start, _end, rule, m in _matches(sentence):
        if not _REPORTING.search(sentence[max(0, start - 40) : start]):
            chosen = (rule, m)
            break
        said = rule(m, published)  # "said on Monday": the report's day
        report = said[0] if said[0] is not None and said[0] == said[1] else report
    if chosen is None:  # no expression, or only the date of the report itself
        early = _early_hours(sentence, report)
        if early is not None:
            return early
        if published is None:
            return DateSpan(None, None, "unknown")
        return DateSpan(published - datetime.timedelta(days=1), published, "range")
    rule, m = chosen
    start_d, end_d = rule(m, published)
    back = _DAY_BEFORE.search(sentence)
    if back is not None and back.group(0).lower().endswith("after"):
        # "on Friday, a day after missiles struck": the strike is the later part;
        # "missiles hit Odesa on Friday, a day after the talks": it is not
        back = back if _STRIKE_WORD.search(sentence, back.end()) else None
    if back is not None and start_d is not None and start_d == end_d:
        # "on Friday, a day after missiles struck", "on Wednesday after a strike the
        # previous evening": the strike was the day before the day named
        day = start_d - datetime.timedelta(days=1)
        return _span(day, day, f"{m[0]} ({back.group(0)})")
    return _span(start_d, end_d, m[0])


_STRIKE_WORD = re.compile(
    r"\b(?:struck|strikes?|hit|attack(?:ed|s)?|shell(?:ed|ing)|bomb(?:ed|ing)|missiles?|drones?|rockets?)\b",
    re.IGNORECASE,
)
#: The strike was the day before the date the sentence names.
_DAY_BEFORE = re.compile(
    r"\b(?:the\s+(?:previous|preceding)\s+(?:day|evening|night|afternoon|morning)|(?:a|one)\s+day\s+"
    r"(?:earlier|before|after)|the\s+day\s+before|the\s+(?:evening|night)\s+before)\b",
    re.IGNORECASE,
)


# --- datelines ------------------------------------------------------------------------

_DATE_FULL = (
    rf"(?:{_WEEKDAY},?\s+)?(?:(?P<mon>{_MONTH})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+"
    rf"(?P<year>(?:19|20)\d\d)|(?P<day2>[0-3]?\d)\s+(?P<mon2>{_MONTH})\.?,?\s+"
    rf"(?P<year2>(?:19|20)\d\d)|(?P<iso>(?:19|20)\d\d-\d\d-\d\d))"
)
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?)?"
#: A line that is only a date (optionally "Published:"/"Updated" and a time).
_DATE_LINE = re.compile(
    rf"^\s*(?:(?:published|updated|posted|last updated)(?:\s+on)?:?\s*)?{_DATE_FULL}{_TIME}\s*$",
    re.IGNORECASE,
)
#: "Moscow, Aug 2 (EFE) -", "KYIV, Ukraine, Jan. 2, 2023 (AP) —", "LONDON, 5 May -".
_DATELINE = re.compile(
    rf"^\s*[A-Z][A-Za-z'’ .-]{{1,40}}(?:,\s*[A-Z][A-Za-z'’ .-]{{1,30}})?,\s+"
    rf"(?:(?P<mon>{_MONTH})\.?\s+(?P<day>[0-3]?\d)|(?P<day2>[0-3]?\d)\s+(?P<mon2>{_MONTH})\.?)"
    rf"(?:,?\s+(?P<year>(?:19|20)\d\d))?\s*(?:(?P<agency>\([A-Za-z/ .-]{{1,30}}\))\s*[-–—:]?|[-–—:])"
)
_ANY_YEAR = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")


def published_from_text(text: str, *, year: int | None = None) -> Date | None:
    """The publication date in a dateline at the top of ``text``, if any.

    Looks at the first five non-empty lines for a line that is only a date
    ("May 31, 2024 at 08:56PM", "Published: 2 August 2023") or a
    ``PLACE, Month Day (AGENCY) -`` dateline ("Moscow, Aug 2 (EFE) -"). A
    dateline without a year takes ``year``, else the most frequent year written
    in the text, else gives ``None``.

    >>> published_from_text("May 31, 2024 at 08:56PM\\nA strike hit Kharkiv.")
    datetime.date(2024, 5, 31)
    >>> published_from_text("Moscow, Aug 2 (EFE) - Shelling hit Donetsk.", year=2023)
    datetime.date(2023, 8, 2)
    >>> published_from_text("Moscow, Aug 2 (EFE) - Shelling hit Donetsk.") is None
    True
    >>> published_from_text("On Dec 31 a strike hit Makiivka.") is None
    True
    """
    lines = [ln for ln in text[:3000].splitlines() if ln.strip()][:5]
    for line in lines:
        m = _DATE_LINE.match(line)
        if m:
            if m["iso"]:
                return parse_iso_date(m["iso"])
            return _safe_date(
                int(m["year"] or m["year2"]),
                MONTHS[(m["mon"] or m["mon2"]).lower()],
                int(m["day"] or m["day2"]),
            )
        m = _DATELINE.match(line)
        if m:
            y = int(m["year"]) if m["year"] else year
            if y is None:
                years = Counter(_ANY_YEAR.findall(text))
                if not years:
                    return None
                y = int(max(years.items(), key=lambda kv: (kv[1], kv[0]))[0])
            return _safe_date(
                y, MONTHS[(m["mon"] or m["mon2"]).lower()], int(m["day"] or m["day2"])
            )
    return None


def strip_date_lines(text: str) -> str:
    """``text`` without the lines at its top that hold only a date (a printed timestamp).

    >>> strip_date_lines("May 31, 2024 at 08:56PM\\n\\nA strike hit Kharkiv.")
    'A strike hit Kharkiv.'
    >>> strip_date_lines("Moscow, Aug 2 (EFE) - Shelling.")
    'Moscow, Aug 2 (EFE) - Shelling.'
    """
    lines = text.splitlines()
    i = 0
    while i < len(lines) and i < 8 and (not lines[i].strip() or _DATE_LINE.match(lines[i])):
        i += 1
    return "\n".join(lines[i:]).strip() if i else text


def _safe_date(year: int, month: int, day: int) -> Date | None:
    try:
        return Date(year, month, day)
    except ValueError:
        return None
