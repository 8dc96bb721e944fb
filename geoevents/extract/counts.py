"""Counts of weapons launched and shot down: "13 of 15 drones were downed".

Air forces and ministries report raids as counts: "Russia launched 15 Shahed
drones ... 13 were shot down", "air defences destroyed 18 of 20 missiles",
"intercepted all 40". The counts belong to whoever says them (a claim, like
casualty figures: :class:`geoevents.model.Claim` ``launched``/``intercepted``);
:attr:`geoevents.model.Event.weapon_counts` gives their range. Figures follow the
conventions of :mod:`geoevents.extract.casualties` ("at least 20", "up to 30").

>>> parse_counts("Of the 15 drones launched overnight, 13 were shot down.")
WeaponCounts(launched=Figure(low=15, high=15, qualifier=None, text='15 drones launched'), intercepted=Figure(low=13, high=13, qualifier=None, text='13 were shot down'))
>>> c = parse_counts("Air defences destroyed 18 of 20 missiles.")
>>> (c.launched.low, c.intercepted.low)
(20, 18)
>>> parse_counts("Russia fired six Kinzhal missiles; all were destroyed.").intercepted.low
6
>>> parse_counts("Eight people were killed.")
WeaponCounts(launched=None, intercepted=None)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from geoevents.extract.casualties import NUMBER, parse_quantity, with_text
from geoevents.extract.sentences import has_stem
from geoevents.model import Figure

_QUAL = r"(?:at\s+least|more\s+than|over|nearly|almost|about|around|some|up\s+to|all)"
_N = rf"(?:(?:{_QUAL}\s+)?{NUMBER})"
_WEAPON = (
    r"(?:drones?|UAVs?|unmanned\s+aerial\s+vehicles?|missiles?|shaheds?|rockets?|projectiles?"
    r"|warheads?|glide\s+bombs?|bombs?|aircraft)"
)
_WORDS = r"(?:[\w-]+\s+){0,3}?"
_DOWN = r"(?:shot\s+down|shoots?\s+down|downed|intercepted|destroyed|neutrali[sz]ed|repelled|brought\s+down)"
_BE = r"(?:(?:were|was|have\s+been|had\s+been|has\s+been|are|being)\s+)?"

#: "13 of (the) 15 drones were shot down", "shot down 13 of 15 drones".
_OF = re.compile(
    rf"(?<![\w-])(?P<i>{_N})\s+(?:of|out\s+of)\s+(?:the\s+)?(?P<l>{NUMBER})(?![\w-])\s+{_WORDS}{_WEAPON}"
    rf"(?:\s+{_WORDS}{_BE}{_DOWN})?"
    rf"|\b{_DOWN}\s+(?P<i2>{_N})\s+(?:of|out\s+of)\s+(?:the\s+)?(?P<l2>{NUMBER})(?![\w-])",
    re.IGNORECASE,
)
#: "shot down 13 drones", "13 drones were shot down", "13 were shot down".
_DOWNED = re.compile(
    rf"\b{_DOWN}\s+(?P<i>{_N})(?![\w-])\s+{_WORDS}{_WEAPON}"
    rf"|(?<![\w-])(?P<i2>{_N})\s+(?:more\s+|{_WORDS}{_WEAPON}\s+|of\s+them\s+)?{_BE}{_DOWN}\b",
    re.IGNORECASE,
)
#: "launched 15 drones", "fired 20 missiles", "15 drones were launched", "15 drones launched".
_LAUNCHED = re.compile(
    rf"\b(?:launched|fired|sent)\s+(?:a\s+total\s+of\s+)?(?P<l>{_N})(?![\w-])\s+{_WORDS}{_WEAPON}"
    rf"|(?<![\w-])(?P<l2>{_N})\s+{_WORDS}{_WEAPON}\s+{_BE}(?:launched|fired)\b",
    re.IGNORECASE,
)
#: "attacked the city with three drones": three launched.
_ATTACKED_WITH = re.compile(
    rf"\b(?:attacked|struck|targeted|hit)\s+(?:[\w'’-]+\s+){{0,4}}?with\s+(?P<l>{_N})(?![\w-])\s+{_WORDS}{_WEAPON}",
    re.IGNORECASE,
)
#: "destroyed every one of the 18 missiles", "all eight drones were shot down": as many
#: shot down as launched.
_EVERY = re.compile(
    rf"\b{_DOWN}\s+(?:every|each|all)\s+(?:one\s+)?(?:of\s+)?(?:the\s+)?(?P<n>{NUMBER})(?![\w-])\s+{_WORDS}{_WEAPON}"
    rf"|\ball\s+(?:of\s+the\s+)?(?P<n2>{NUMBER})(?![\w-])\s+{_WORDS}{_WEAPON}\s+{_BE}{_DOWN}\b",
    re.IGNORECASE,
)
#: "two missiles hit the port and two more were shot down": four launched.
_HIT_AND_DOWNED = re.compile(
    rf"(?<![\w-])(?P<a>{NUMBER})\s+{_WORDS}{_WEAPON}\s+(?:hit|struck|landed|exploded)\b[^.;]{{0,120}}?"
    rf"\band\s+(?:another\s+|a\s+further\s+)?(?P<b>{NUMBER})\s+(?:more\s+|others?\s+)?{_BE}{_DOWN}\b",
    re.IGNORECASE,
)
#: "all were shot down", "all of them were destroyed": as many as were launched.
_ALL_DOWN = re.compile(
    rf"\ball\s+(?:of\s+them\s+|{_WORDS}{_WEAPON}\s+)?{_BE}{_DOWN}\b", re.IGNORECASE
)
#: Stems without one of which no count pattern matches.
_GATE = ("launch", "fired", "sent", "shot", "down", "intercept", "destroy", "neutrali", "repell")
_ATTACK_GATE = ("attacked", "struck", "targeted", "hit")


@dataclass(frozen=True)
class WeaponCounts:
    """Weapons launched and shot down, as stated in one sentence (``None`` if not stated)."""

    launched: Figure | None = None
    intercepted: Figure | None = None

    def __bool__(self) -> bool:
        return self.launched is not None or self.intercepted is not None


def _figure(text: str, whole: str) -> Figure | None:
    text = " ".join(text.split())
    if text.lower().startswith("all "):
        text = text[4:]
    fig = parse_quantity(text)
    return None if fig is None else with_text(fig, " ".join(whole.split()))


def _found(sentence: str) -> Iterator[tuple[str, int, Figure]]:
    for m in _OF.finditer(sentence):
        i, n = (m.group("i"), m.group("l")) if m.group("i") else (m.group("i2"), m.group("l2"))
        for kind, text in (("intercepted", i), ("launched", n)):
            fig = _figure(text, m.group(0))
            if fig is not None:
                yield kind, m.start(), fig
    for m in _DOWNED.finditer(sentence):
        fig = _figure(m.group("i") or m.group("i2"), m.group(0))
        if fig is not None:
            yield "intercepted", m.start(), fig
    for m in _LAUNCHED.finditer(sentence):
        fig = _figure(m.group("l") or m.group("l2"), m.group(0))
        if fig is not None:
            yield "launched", m.start(), fig
    yield from _all_down(sentence)


def _attacked_with(sentence: str) -> Iterator[tuple[str, int, Figure]]:
    """Launched: "attacked X with N drones"."""
    for m in _ATTACKED_WITH.finditer(sentence):
        fig = _figure(m.group("l"), m.group(0))
        if fig is not None:
            yield "launched", m.start(), fig


def _all_down(sentence: str) -> Iterator[tuple[str, int, Figure]]:
    """Counts where the shot-down tell the launched: "every one of the 18", "two hit, two more downed"."""
    for m in _EVERY.finditer(sentence):
        fig = _figure(m.group("n") or m.group("n2"), m.group(0))
        if fig is not None:
            yield "intercepted", m.start(), fig
            yield "launched", m.start(), fig
    for m in _HIT_AND_DOWNED.finditer(sentence):
        a, b = parse_quantity(m.group("a")), parse_quantity(m.group("b"))
        if a is not None and b is not None and a.low is not None and b.low is not None:
            yield "launched", m.start(), Figure(a.low + b.low, a.low + b.low, None, m.group(0))


def parse_counts(sentence: str) -> WeaponCounts:
    """Weapons launched and shot down in ``sentence``; the first of each kind wins.

    A number that is a date ("on March 9") or a casualty figure is not read:
    each pattern needs a weapon noun or an interception verb next to the number.
    """
    readers = [_found] if has_stem(sentence, _GATE) else []
    if " with " in sentence and has_stem(sentence, _ATTACK_GATE):
        readers.append(_attacked_with)
    return first_counts((f for read in readers for f in read(sentence)), sentence, _ALL_DOWN)


def first_counts(
    found: Iterable[tuple[str, int, Figure]], sentence: str, all_down: re.Pattern[str]
) -> WeaponCounts:
    """The first ``launched`` and ``intercepted`` figure of ``found`` (kind, position,
    figure); with none shot down, "all of them were shot down" (``all_down``) after the
    launched count shoots them all down."""
    first: dict[str, tuple[int, Figure]] = {}
    for kind, pos, fig in found:
        if kind not in first or pos < first[kind][0]:
            first[kind] = (pos, fig)
    launched = first.get("launched", (0, None))[1]
    intercepted = first.get("intercepted", (0, None))[1]
    if intercepted is None and launched is not None:
        m = all_down.search(sentence)
        if m is not None and m.start() > first["launched"][0]:
            text = " ".join(m.group(0).split())
            intercepted = Figure(launched.low, launched.high, launched.qualifier, text)
    return WeaponCounts(launched, intercepted)
