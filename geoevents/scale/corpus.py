"""A deterministic synthetic corpus of strike-report articles, for tests and benches.

Article ``i`` is a pure function of ``i`` (its own :class:`random.Random` seeded
with ``i``), so any range of articles can be generated anywhere and always
reads the same. The wording is this module's own template text (never news
text); the places are real Ukrainian and Russian towns that the embedded
gazetteer resolves. About one article in eight reports no strike at all; some
carry disputed claims, casualty figures from several claimants, a weapon and a
target. ``size`` pads an article with varied paragraphs that report nothing
until it is about that many bytes (the bench uses 4 KB).

>>> a, b = article_record(7), article_record(7)
>>> a == b and a["id"] == "syn-00000007"
True
>>> article_record(3, size=2000)["text"] != article_record(4, size=2000)["text"]
True
"""

from __future__ import annotations

import datetime
import gzip
import json
import os
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

#: Towns the embedded gazetteer resolves (checked by tests/scale/test_corpus.py).
PLACES = (
    "Kharkiv",
    "Odesa",
    "Zaporizhzhia",
    "Dnipro",
    "Kherson",
    "Mykolaiv",
    "Sumy",
    "Chernihiv",
    "Kramatorsk",
    "Sloviansk",
    "Kryvyi Rih",
    "Poltava",
    "Nikopol",
    "Kupiansk",
    "Izium",
    "Pavlohrad",
    "Belgorod",
    "Kursk",
    "Bryansk",
    "Taganrog",
    "Novorossiysk",
    "Melitopol",
    "Berdiansk",
    "Donetsk",
    "Horlivka",
)
#: Places on the Russian side of the line (the end of :data:`PLACES`): Ukraine attacks there.
_RUSSIAN_SIDE = frozenset(PLACES[PLACES.index("Belgorod") :])
_WEAPONS = (
    ("Shahed drones", "drone"),
    ("cruise missiles", "missile"),
    ("Iskander missiles", "missile"),
    ("guided aerial bombs", "bomb"),
    ("HIMARS rockets", "rocket"),
    ("Grad rockets", "rocket"),
    ("artillery shells", "shell"),
)
_TARGETS = (
    "an energy facility",
    "a fuel depot",
    "a railway station",
    "an apartment block",
    "a warehouse",
    "a power substation",
    "an ammunition depot",
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_FIRST_DAY = datetime.date(2022, 3, 1)
_DAYS = 365
#: Paragraph pieces for padding: they name no place, weapon or strike.
_PAD_SUBJECTS = (
    "The city council",
    "Local volunteers",
    "A school principal",
    "The water utility",
    "Shop owners",
    "A hospital spokeswoman",
    "The transport department",
    "Farmers nearby",
)
_PAD_VERBS = (
    "discussed plans for",
    "asked residents about",
    "published a schedule for",
    "reported slow progress on",
    "collected donations for",
    "held a meeting on",
)
_PAD_OBJECTS = (
    "repairs to the heating network",
    "the new bus timetable",
    "winter clothing for families",
    "the reopening of a library",
    "extra classes for pupils",
    "the harvest season",
    "clean drinking water supplies",
    "a blood donation campaign",
)


def article_record(i: int, *, size: int = 0) -> dict[str, Any]:
    """The JSON record of synthetic article ``i`` (``id``, ``title``, ``text``, ...).

    Parameters
    ----------
    i
        Article number (>= 0); the same number always gives the same record.
    size
        Pad the text with non-strike paragraphs to about this many bytes (0: no padding).
    """
    rng = random.Random(i)
    day = _FIRST_DAY + datetime.timedelta(days=rng.randrange(_DAYS))
    place = rng.choice(PLACES)
    weapon, kind = rng.choice(_WEAPONS)
    target = rng.choice(_TARGETS)
    weekday = _WEEKDAYS[day.weekday()]
    russian_side = place in _RUSSIAN_SIDE
    governor = f"the governor of the {place} region"
    paras: list[str]
    if rng.random() < 0.125:  # no strike reported
        title = f"{place} prepares for the cold season"
        paras = [
            f"Officials in {place} said on {weekday} that heating would be switched on "
            f"earlier this year, and that {rng.randint(3, 40)} shelters had been renovated."
        ]
    else:
        killed = rng.randint(0, 12)
        injured = rng.randint(0, 30)
        title = f"{weapon.capitalize()} hit {target.split(' ', 1)[1]} in {place}"
        lead = (
            f"{weapon.capitalize()} struck {target} in {place} early on {weekday}, "
            f"killing {killed} people and injuring {injured}, {governor} said."
            if killed
            else f"{weapon.capitalize()} struck {target} in {place} on {weekday}, "
            f"injuring {injured} people, {governor} said."
        )
        paras = [lead]
        if rng.random() < 0.4:
            other = "Ukraine's military" if russian_side else "Russia's defence ministry"
            paras.append(
                f"{other} denied the account and said the {kind}s had been aimed at "
                f"military sites only."
            )
        if rng.random() < 0.3:
            paras.append(
                f"Rescue workers said on {weekday} that {killed + rng.randint(1, 5)} people "
                f"had died in the attack on {place}."
            )
    paras.append(f"filed by the desk as item {_code(i)}.")  # no two articles read the same
    paras.extend(_padding(rng, size - sum(len(p) + 2 for p in paras) - len(title)))
    record: dict[str, Any] = {"id": f"syn-{i:08d}", "title": title, "text": "\n\n".join(paras)}
    roll = rng.random()
    if roll < 0.8:
        record["published"] = (day + datetime.timedelta(days=rng.randint(0, 1))).isoformat()
    elif roll < 0.9:  # a dateline instead of metadata
        record["text"] = f"{place.upper()}, {day:%b} {day.day} - " + record["text"]
    if rng.random() < 0.5:
        record["url"] = f"https://news.example.org/{day:%Y/%m}/{i}"
    return record


def _code(i: int) -> str:
    """Article number ``i`` in lower-case letters (digits could read as figures).

    >>> _code(0), _code(27)
    ('a', 'bb')
    """
    letters = ""
    while True:
        i, r = divmod(i, 26)
        letters = chr(97 + r) + letters
        if not i:
            return letters


def _padding(rng: random.Random, budget: int) -> Iterator[str]:
    """Non-strike paragraphs, about ``budget`` characters in all."""
    while budget > 0:
        para = " ".join(
            f"{rng.choice(_PAD_SUBJECTS)} {rng.choice(_PAD_VERBS)} {rng.choice(_PAD_OBJECTS)}"
            f" {rng.choice(('this week', 'last month', 'before the holidays', 'again'))}."
            for _ in range(rng.randint(2, 5))
        )
        budget -= len(para) + 2
        yield para


def records(start: int, stop: int, *, size: int = 0) -> Iterator[dict[str, Any]]:
    """Records of articles ``start`` .. ``stop - 1``."""
    for i in range(start, stop):
        yield article_record(i, size=size)


def _atomic_bytes(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def write_jsonl_shards(
    directory: str | Path, n: int, per_shard: int, *, gz: bool = False, size: int = 0
) -> list[Path]:
    """Write articles ``0 .. n-1`` as JSON Lines shards of ``per_shard`` records.

    Shards are named ``shard-00000.jsonl`` (``.jsonl.gz`` with ``gz``); returns their paths.
    """
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for k, start in enumerate(range(0, n, per_shard)):
        body = "".join(
            json.dumps(r, ensure_ascii=False) + "\n"
            for r in records(start, min(n, start + per_shard), size=size)
        ).encode("utf-8")
        path = out / f"shard-{k:05d}.jsonl{'.gz' if gz else ''}"
        _atomic_bytes(path, gzip.compress(body, mtime=0) if gz else body)
        paths.append(path)
    return paths


def write_parquet_shards(
    directory: str | Path, n: int, per_shard: int, *, row_group: int = 1000, size: int = 0
) -> list[Path]:
    """Write articles ``0 .. n-1`` as Parquet shards (columns ``id title text url published``,
    ``row_group`` rows per row group); returns their paths."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    columns = ("id", "title", "text", "url", "published")
    for k, start in enumerate(range(0, n, per_shard)):
        rows = list(records(start, min(n, start + per_shard), size=size))
        table = pa.table({c: pa.array([r.get(c) for r in rows], pa.string()) for c in columns})
        path = out / f"shard-{k:05d}.parquet"
        tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
        pq.write_table(table, tmp, row_group_size=row_group)
        os.replace(tmp, path)
        paths.append(path)
    return paths
