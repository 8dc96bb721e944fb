"""Dates in Ukrainian and Russian: the same :class:`~geoevents.dates.DateSpan`, default
window and rules as :func:`geoevents.dates.event_date` (read that table first).

=================================================  ==========================================
expression                                         result
=================================================  ==========================================
"у ніч на 28 липня", "в ночь на 28 июля",          range 27 .. 28 July
"у ніч з 27 на 28 липня"
"у ніч на вівторок", "в ночь на вторник"           range Monday .. Tuesday (latest Tuesday on
                                                   or before publication)
"28 липня", "28 июля 2024 года", "28.07.2024"      that day (no year: the latest one on or
                                                   before publication)
"у понеділок", "в пятницу", "в прошлую среду"      latest such day on or before publication
                                                   ("прошлую/минулого": never that day)
"вчора"/"учора"/"вчера", "позавчора"/"позавчера"  ``published - 1`` / ``- 2`` (Ukrainian у/в
                                                   alternate: "учора", "уночі", "увечері")
"сьогодні"/"сегодня"                               ``published``
"вночі", "этой ночью", "минулої ночі"              range ``published - 1 .. published``
"зранку", "вранці", "утром", "ввечері", "вдень",   ``published`` (only when nothing else
"удень", "днём"                                    dates the sentence: "учора ввечері" is
                                                   yesterday, "сьогодні вдень" today)
"після опівночі", "на світанку", "на рассвете"     the day of the report
"3 дні тому", "три дня назад"                      that day
"минулого тижня", "на этой неделе", "на вихідних"  as English "last week", "this week",
                                                   "over the weekend"
"у липні", "в июле 2024 года", "у 2024 році"       that month / year (range)
=================================================  ==========================================

A date that only dates the report ("повідомили у вівторок", "заявил в среду") is skipped,
as in English; with nothing else the default is ``published - 1 .. published``.

>>> pub = datetime.date(2024, 7, 28)  # a Sunday
>>> event_date("У ніч на 28 липня росіяни атакували Одесу дронами.", pub).iso()
('2024-07-27', '2024-07-28')
>>> event_date("В понедельник ракета попала в школу.", pub)
DateSpan(start=datetime.date(2024, 7, 22), end=datetime.date(2024, 7, 22), precision='day', text='В понедельник')
>>> event_date("Обстріл тривав.", pub).iso()
('2024-07-27', '2024-07-28')
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable

from geoevents import dates as en
from geoevents.dates import DateSpan
from geoevents.extract.sentences import has_stem

Date = datetime.date
_DAY = datetime.timedelta(days=1)

#: Month by the first letters of its name in any case (Ukrainian, then Russian).
_MONTH_STEMS: tuple[tuple[str, int], ...] = (
    ("січ", 1), ("лют", 2), ("берез", 3), ("квіт", 4), ("трав", 5), ("черв", 6), ("лип", 7),
    ("серп", 8), ("верес", 9), ("жовт", 10), ("листопад", 11), ("груд", 12),
    ("янв", 1), ("фев", 2), ("март", 3), ("апрел", 4), ("ма", 5), ("июн", 6), ("июл", 7),
    ("август", 8), ("сентяб", 9), ("октяб", 10), ("нояб", 11), ("декаб", 12),
)  # fmt: skip
_MONTH_GEN = (
    r"(?:січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня"
    r"|січень|лютий|березень|квітень|травень|червень|липень|серпень|вересень|жовтень|листопад|грудень"
    r"|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
    r"|январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь)"
)
_MONTH_IN = (
    r"(?:січні|лютому|березні|квітні|травні|червні|липні|серпні|вересні|жовтні|листопаді|грудні"
    r"|январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре)"
)
#: Weekday (0 = Monday) by the first letters of its name in any case.
_WEEKDAY_STEMS: tuple[tuple[str, int], ...] = (
    ("понеділ", 0), ("вівтор", 1), ("серед", 2), ("четвер", 3), ("п'ятниц", 4), ("субот", 5),
    ("неділ", 6), ("понедельник", 0), ("вторник", 1), ("сред", 2), ("пятниц", 4), ("суббот", 5),
    ("воскресен", 6), ("пятничн", 4), ("воскресн", 6), ("понедельнич", 0), ("вторнич", 1),
)  # fmt: skip
_WEEKDAY = (
    r"(?:понеділ(?:ок|ка|ку)|вівтор(?:ок|ка|ку)|серед(?:а|у|и)|четвер(?:га|гу)?|п['’ʼ]?ятниц(?:я|ю|і)"
    r"|субот(?:а|у|и)|неділ(?:я|ю|і)|понедельник(?:а|у)?|вторник(?:а|у)?|сред(?:а|у|ы)"
    r"|пятниц(?:а|у|ы)|суббот(?:а|у|ы)|воскресень(?:е|я|ю)"
    r"|(?:понеділков|вівторков|середов|четвергов|п['’ʼ]?ятничн|суботн|недільн|понедельничн|вторничн"
    r"|пятничн|субботн|воскресн)\w*)"
)
_YEAR = r"(?P<year>(?:19|20)\d\d)(?:\s*(?:року|рік|р\.|года|год|г\.))?"
_NIGHT_ON = r"(?:у|в)?\s*ноч[ьі]?\s+на|(?:у|в)\s+ніч\s+(?:на|проти)"
_NIGHT_FROM = r"(?:у|в)\s+ночь?\s+(?:з|с|із)|(?:у|в)\s+ніч\s+(?:з|із)"

Rule = Callable[[re.Match[str], Date | None], tuple[Date | None, Date | None]]


def _month(word: str) -> int:
    w = word.lower()
    return next(n for stem, n in _MONTH_STEMS if w.startswith(stem))


def _weekday(word: str) -> int:
    w = re.sub("['’ʼ]", "", word.lower())
    return next(n for stem, n in _WEEKDAY_STEMS if w.startswith(stem.replace("'", "")))


def _year(m: re.Match[str]) -> int | None:
    y = m.groupdict().get("year")
    return int(y) if y else None


def _r_day_month(m: re.Match[str], pub: Date | None) -> tuple[Date | None, Date | None]:
    d = en._latest(_month(m["mon"]), int(m["day"]), pub, _year(m))
    return d, d


def _r_numeric(m: re.Match[str], pub: Date | None) -> tuple[Date | None, Date | None]:
    d = en._latest(int(m["mm"]), int(m["dd"]), pub, _year(m))
    return d, d


def _r_night_on_date(m: re.Match[str], pub: Date | None) -> tuple[Date | None, Date | None]:
    d = en._latest(_month(m["mon"]), int(m["day"]), pub, _year(m))
    if d is None:
        return None, None
    first = d - _DAY if m.groupdict().get("from") is None else d.replace(day=int(m["from"]))
    return first, d


def _weekday_before(m: re.Match[str], pub: Date | None) -> Date | None:
    if pub is None:
        return None
    offset = (pub.weekday() - _weekday(m["wd"])) % 7
    if m.groupdict().get("last") and offset == 0:
        offset = 7
    return pub - datetime.timedelta(days=offset)


def _r_weekday(m: re.Match[str], pub: Date | None) -> tuple[Date | None, Date | None]:
    d = _weekday_before(m, pub)
    return d, d


def _r_night_on_weekday(m: re.Match[str], pub: Date | None) -> tuple[Date | None, Date | None]:
    d = _weekday_before(m, pub)
    return (None, None) if d is None else (d - _DAY, d)


def _r_relative(m: re.Match[str], pub: Date | None) -> tuple[Date | None, Date | None]:
    if pub is None:
        return None, None
    w = m[0].lower()
    if w.startswith(("позавч", "позауч")):
        return pub - 2 * _DAY, pub - 2 * _DAY
    if w.startswith(("вчор", "учор", "вчер", "напередод", "накануне")):
        return pub - _DAY, pub - _DAY
    if any(part in w for part in ("ніч", "ноч", "доб", "сутк")):
        return pub - _DAY, pub
    return pub, pub


def _r_ago(m: re.Match[str], pub: Date | None) -> tuple[Date | None, Date | None]:
    if pub is None:
        return None, None
    from geoevents.extract.uk_ru.numbers import parse_number

    n = parse_number(m["n"]) if m["n"] else 1
    if n is None:
        return None, None
    unit = m["unit"].lower()
    english = {"д": "day", "т": "week", "н": "week", "м": "month", "р": "year", "л": "year"}
    eng = next(v for k, v in english.items() if unit.startswith(k))
    fake = re.match(r"(?P<n>\d+) (?P<unit>\w+)", f"{n} {eng}")
    assert fake is not None
    return en._r_ago(fake, pub)


_PERIODS = (
    (r"минулого\s+тижня|на\s+минулому\s+тижні|на\s+прошлой\s+неделе|прошлой\s+неделе", "last week"),
    (r"цього\s+тижня|на\s+цьому\s+тижні|на\s+этой\s+неделе", "this week"),
    (r"на\s+вихідних|у\s+вихідні|в\s+вихідні|на\s+выходных", "over the weekend"),
    (r"минулого\s+місяця|в\s+прошлом\s+месяце", "last month"),
    (r"цього\s+місяця|в\s+этом\s+месяце", "this month"),
)


def _r_period(m: re.Match[str], pub: Date | None) -> tuple[Date | None, Date | None]:
    if pub is None:
        return None, None
    text = m[0].lower()
    phrase = next(eng for rx, eng in _PERIODS if re.fullmatch(rx, text))
    fake = re.match(r".+", phrase)
    assert fake is not None
    return en._r_period(fake, pub)


def _r_month(m: re.Match[str], pub: Date | None) -> tuple[Date | None, Date | None]:
    fake = re.match(
        r"(?P<mon>\w+)(?: (?P<year>\d+))?",
        f"{calendar.month_name[_month(m['mon'])]}" + (f" {m['year']}" if m["year"] else ""),
    )
    assert fake is not None
    return en._r_month(fake, pub)


#: Named days: pattern, (month, day) and whether it is the night before that day.
_HOLIDAYS: tuple[tuple[str, tuple[int, int], bool], ...] = (
    (r"новорічн\w*\s+ніч\w*|новогодн\w*\s+ноч\w*", (1, 1), True),
    (
        r"(?:на\s+|у\s+|в\s+)?(?-i:Н)ов(?:ий|ого|ому)\s+р(?:ік|оку|оці)|(?-i:Н)ов(?:ый|ого|ом)\s+год(?:а|у)?",
        (1, 1),
        False,
    ),
    (
        r"(?:на\s+|у\s+|в\s+)?Д(?:ень|ня|ні)\s+Незалежності|Д(?:ень|ня|не)\s+(?:независимости|Независимости)\s+Украины",
        (8, 24),
        False,
    ),
    (r"(?:на\s+|у\s+|в\s+)?Д(?:ень|ня|ні)\s+Перемоги|Д(?:ень|ня|не)\s+Победы", (5, 9), False),
)
_HOLIDAY_RX = tuple((re.compile(rx, re.IGNORECASE), md, night) for rx, md, night in _HOLIDAYS)


def _r_holiday(m: re.Match[str], pub: Date | None) -> tuple[Date | None, Date | None]:
    text = m[0]
    for rx, (month, day), night in _HOLIDAY_RX:
        if rx.search(text):
            d = en._latest(month, day, pub, None)
            if d is None:
                return None, None
            return (d - _DAY, d) if night else (d, d)
    return None, None


def _r_year(m: re.Match[str], pub: Date | None) -> tuple[Date | None, Date | None]:
    return Date(int(m["year"]), 1, 1), Date(int(m["year"]), 12, 31)


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'’-])(?:{pattern})(?![\w'’-])", re.IGNORECASE)


_DAY_MONTH = (
    rf"(?P<day>[0-3]?\d)(?:-?(?:го|е|ге|ме|те|ого))?\s+(?P<mon>{_MONTH_GEN})(?:\s+{_YEAR})?"
)
#: Word stems one of which each pattern needs (the cheap pre-filter, as in English stages).
_DIGITS = tuple("0123456789")
_NIGHT = ("ніч", "ноч", "уноч", "вноч")
_MONTHS = tuple(
    "січ лют берез квіт трав черв лип серп верес жовт листопад груд янв фев март апрел мая май июн "
    "июл август сентяб октяб нояб декаб".split()
)
_MONTHS_IN = _MONTHS + ("мае",)
_WEEKDAYS = tuple(
    "понеділ вівтор серед четвер ятниц пʼятниц субот неділ понедельник вторник сред пятниц суббот "
    "воскресен пятничн ятничн пʼятничн воскресн понедельнич вторнич".split()
)
_RELATIVE = tuple(
    "сегодн сьогод минул прошл этой цієї доб сутк позавч позауч вчор учор вчер".split()
)
_AGO = ("тому", "назад")
_PERIOD = tuple("минул прошл цього цьому этой вихідн выходн тиж недел місяц месяц".split())
_WEAK = (
    *"вноч уноч ночью зранк вранц уранц утром ввечер увечер вечер вдень удень днем днём опівдн".split(),
    *"полдень полудня напередод накануне годин ранку вечора ночі утра вечера ночи час".split(),
    *_DIGITS,
)
_HOLIDAY_STEMS = ("новорічн", "новогодн", "нов", "незалежн", "независим", "перемог", "побед")
#: (pattern, rule, strong, stems): a weak expression (a part of the day) counts only alone.
_PATTERNS: tuple[tuple[re.Pattern[str], Rule, bool, tuple[str, ...]], ...] = (
    (_rx(rf"(?:{_NIGHT_FROM})\s+(?P<from>[0-3]?\d)\s+на\s+{_DAY_MONTH}"), _r_night_on_date, True, _NIGHT),
    (_rx(rf"(?:{_NIGHT_ON})\s+{_DAY_MONTH}"), _r_night_on_date, True, _NIGHT),
    (_rx(rf"(?:{_NIGHT_ON})\s+(?:(?P<last>минул\w+|прошл\w+)\s+)?(?P<wd>{_WEEKDAY})"), _r_night_on_weekday, True, _NIGHT),
    (_rx(r"(?P<iso>\d{4}-\d{2}-\d{2})"), lambda m, p: en._r_iso(m, p), True, _DIGITS),
    (_rx(r"(?P<dd>[0-3]?\d)\.(?P<mm>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?:\s*(?:року|р\.|года|г\.))?"), _r_numeric, True, _DIGITS),
    (_rx(_DAY_MONTH), _r_day_month, True, _MONTHS),
    (_rx(rf"(?:(?:у|в|во)\s+)?(?:(?P<last>минул\w+|прошл\w+)\s+)?(?P<wd>{_WEEKDAY})"), _r_weekday, True, _WEEKDAYS),
    (_rx(r"сегодня\s+ночью|сьогодні\s+[ву]ночі|минулої\s+ночі|минулої\s+доби|прошлой\s+ночью|этой\s+ночью"
         r"|цієї\s+ночі|за\s+минулу\s+добу|за\s+прошедшие\s+сутки|за\s+сутки"
         r"|позавчора|позаучора|позавчера|[ву]чора|вчера|сьогодні|сегодня"), _r_relative, True, _RELATIVE),
    (_rx(r"(?P<n>\S+\s+)?(?P<unit>дн\w+|день|тиж\w+|недел\w+|місяц\w+|месяц\w+|рок\w+|рік|лет|год\w*)\s+(?:тому|назад)"), _r_ago, True, _AGO),
    (_rx("|".join(rx for rx, _ in _PERIODS)), _r_period, True, _PERIOD),
    (_rx(rf"(?:у|в)\s+(?P<mon>{_MONTH_IN})(?:\s+{_YEAR})?"), _r_month, True, _MONTHS_IN),
    (_rx(r"(?:у|в)\s+(?P<year>(?:19|20)\d\d)\s+(?:році|року|году)"), _r_year, True, _DIGITS),
    (_rx("|".join(rx for rx, _, _ in _HOLIDAYS)), _r_holiday, True, _HOLIDAY_STEMS),
    (_rx(r"вночі|уночі|ночью|зранку|вранці|уранці|утром|ввечері|увечері|вечером|вдень|удень|днем|днём"
         r"|опівдні|в\s+полдень|(?:близько|около|після|после)\s+полудня|напередодні|накануне"
         r"|(?:о|об|близько|около|в|у|після|после)\s+[0-2]?\d(?:[:.][0-5]\d|-?(?:ї|й|ої|ой|ю|го)?"
         r"\s+(?:годин\w*|ранку|вечора|ночі|утра|вечера|ночи|часов|часа|час))"), _r_relative, False, _WEAK),
)  # fmt: skip

_SAY = (
    r"(?:повідом\w*|заяв\w*|зазнач\w*|написа\w*|розпов\w*|дода\w*|підтверд\w*|оприлюдн\w*|сообщ\w*"
    r"|отмет\w*|рассказ\w*|добав\w*|подтверд\w*|опубликова\w*)"
)
_REPORTING = re.compile(rf"(?<![\w-]){_SAY}\s+(?:(?:пізно|рано|поздно)\s+)?(?:у|в|во)?\s*$", re.I)
_EARLY_STEMS = ("опівн", "півн", "полун", "полноч", "світан", "рассвет", "утро")
_EARLY_HOURS = re.compile(
    r"(?<![\w-])(?:(?:після|после|незадовго\s+до|около|близько)\s+(?:опівночі|півночі|полуночи)"
    r"|опівночі|в\s+полночь|на\s+світанку|перед\s+світанком|на\s+рассвете|перед\s+рассветом|под\s+утро)(?![\w-])",
    re.IGNORECASE,
)


def _matches(sentence: str) -> list[tuple[int, int, Rule, bool, re.Match[str]]]:
    found = [
        (m.start(), m.end(), rule, strong, m)
        for rx, rule, strong, stems in _PATTERNS
        if has_stem(sentence, stems)
        for m in rx.finditer(sentence)
    ]
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    kept, last_end = [], -1
    for item in found:  # drop matches inside an earlier or longer one
        if item[0] >= last_end:
            kept.append(item)
            last_end = item[1]
    return kept


def event_date(sentence: str, published: datetime.date | None) -> DateSpan:
    """The date a Ukrainian or Russian sentence gives its event, against ``published``.

    >>> pub = datetime.date(2024, 7, 28)
    >>> event_date("Вчора ввечері дрони атакували Суми.", pub).iso()
    ('2024-07-27', '2024-07-27')
    >>> event_date("Повітряні сили повідомили у суботу, що 28 травня ракета влучила в склад.", pub).iso()
    ('2024-05-28', '2024-05-28')
    >>> event_date("Удар 28.07.2023 разрушил дом.", None).start
    datetime.date(2023, 7, 28)
    """
    chosen, weak, report = None, None, published
    for start, _end, rule, strong, m in _matches(sentence):
        if _REPORTING.search(sentence[max(0, start - 40) : start]):
            said = rule(m, published)  # "повідомили у понеділок": the report's day
            report = said[0] if said[0] is not None and said[0] == said[1] else report
            continue
        if strong:
            chosen = (rule, m)
            break
        weak = weak or (rule, m)
    chosen = chosen or weak
    if chosen is None:
        early = (
            _EARLY_HOURS.search(sentence)
            if report is not None and has_stem(sentence, _EARLY_STEMS)
            else None
        )
        if early is not None:
            return DateSpan(report, report, "day", early[0])
        if published is None:
            return DateSpan(None, None, "unknown")
        return DateSpan(published - _DAY, published, "range")
    rule, m = chosen
    start_d, end_d = rule(m, published)
    return en._span(start_d, end_d, m[0])
