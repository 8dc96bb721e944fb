"""Analyst corrections: stored apart from machine output, applied before fusion.

A correction either changes fields (place, coordinates, type, date, attacker side,
weapons, a claimant's killed/injured figures), *rejects* the event (kept, with the reason,
but hidden from exports, maps and reviews until *restored*) or *detaches* one member report
event from a fused event, undoing that merge: the detached report event is never fused
again and becomes an event of its own. Each records who made it (``author``), when and why.

A correction names the fused event it was made on and records that event's
member report events (its *anchors*). Re-fusion applies the change to those
report events again, so a correction survives re-ingestion and re-fusion even
when the fused event later gains members (and its members keep its id).

>>> from geoevents.model import Event
>>> from geoevents.store.fusion import ReportEvent
>>> re = ReportEvent("re-1", "h", None, Event("x", "air_drone_strike", 47.0, 37.0))
>>> c = Correction(1, "ev-1", ("re-1",), {"event_type": "shelling_missile_attack"}, "typo")
>>> [r.event.event_type for r in apply_corrections([re], [c])], apply_corrections([re], [c])[0].event.corrected
(['shelling_missile_attack'], True)
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from geoevents.errors import InputError
from geoevents.io.files import read_text_file
from geoevents.model import Claim, Event, Figure
from geoevents.store.fusion import ReportEvent
from geoevents.vocabulary import EVENT_TYPES

#: Event fields a correction may set.
CORRECTABLE = (
    "lat",
    "lon",
    "place_name",
    "country_code",
    "admin1",
    "geonameid",
    "location_precision",
    "event_type",
    "date",
    "date_start",
    "date_end",
    "date_precision",
    "attacker_side",
    "weapons",
    "rejected",
    "claim_figures",
)
#: Sides an analyst may set as the attacker.
ATTACKER_SIDES = ("russia", "ukraine", "other", "unknown")
_PRECISION_OF_KIND = {"site": 1, "settlement": 1, "region": 3, "country": 3}


@dataclass(frozen=True)
class Correction:
    """One stored correction (``seq`` orders corrections of one event)."""

    seq: int
    event_id: str
    anchors: tuple[str, ...]
    changes: dict[str, Any] = field(hash=False)
    note: str | None = None
    created_at: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class CorrectionRequest:
    """What an analyst asks to change on a fused event (before place lookup)."""

    event_id: str
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    event_type: str | None = None
    date: str | None = None
    note: str | None = None
    detach: str | None = None  # a member report event to split off into its own event
    merge_with: str | None = None  # another event: the two are one strike
    attacker: str | None = None
    weapons: tuple[str, ...] | None = None  # replaces the event's weapons
    reject: str | None = None  # the reason; the event is kept but hidden
    restore: bool = False  # undo a rejection
    claimant: str | None = None  # whose figures --killed/--injured set
    killed: str | None = None  # "63", "60-400"
    injured: str | None = None
    author: str | None = None


def apply_corrections(
    items: Sequence[ReportEvent], corrections: Sequence[Correction]
) -> list[ReportEvent]:
    """Report events with the corrections that anchor on them applied, in ``seq`` order."""
    by_anchor: dict[str, list[Correction]] = {}
    for c in sorted(corrections, key=lambda c: c.seq):
        for a in c.anchors:
            by_anchor.setdefault(a, []).append(c)
    if not by_anchor:
        return list(items)
    out = []
    for r in items:
        cs = by_anchor.get(r.id)
        if cs:
            ev = r.event
            detached = r.detached
            group = r.merge_group
            for c in cs:
                ev, flags = apply_changes(ev, c.changes)
                detached = flags.get("detach", False) or detached
                group = flags.get("merge_group", group)
            r = replace(r, event=ev, detached=detached, merge_group=group)
        out.append(r)
    return out


def apply_changes(ev: Event, changes: dict[str, Any]) -> tuple[Event, dict[str, Any]]:
    """``ev`` with one correction's changes, and what they do to its report event
    (``detach``: split it off; ``merge_group``: fuse it with the others of the group).

    >>> from geoevents.model import Claim, Figure
    >>> ev = Event("x", "air_drone_strike", 47.0, 37.0, claims=(Claim("governor", "ukraine"),))
    >>> fixed, _ = apply_changes(ev, {"weapons": ["Shahed"], "claim_figures":
    ...     {"claimant": "Governor", "killed": [3, 3], "injured": None}})
    >>> fixed.weapons, fixed.claims[0].killed.low, fixed.corrected
    (('Shahed',), 3, True)
    """
    changes = dict(changes)
    flags = {k: changes.pop(k) for k in ("detach", "merge_group") if k in changes}
    if "weapons" in changes:
        changes["weapons"] = tuple(changes["weapons"])
    figures = changes.pop("claim_figures", None)
    if figures is not None:
        changes["claims"] = _with_figures(ev.claims, figures)
    return replace(ev, corrected=True, **changes), flags


def _with_figures(claims: tuple[Claim, ...], figures: dict[str, Any]) -> tuple[Claim, ...]:
    """The claims with the named claimant's killed/injured figures set (``None`` keeps one);
    a claimant the event does not have yet is added as an analyst's claim."""
    name = str(figures["claimant"]).casefold()
    fig = {k: Figure(*figures[k]) for k in ("killed", "injured") if figures.get(k) is not None}
    out = [replace(c, **fig) if c.claimant.casefold() == name else c for c in claims]
    if not any(c.claimant.casefold() == name for c in claims):
        out.append(Claim(str(figures["claimant"]), "unknown", "asserts", **fig))
    return tuple(out)


def validate_changes(changes: dict[str, Any]) -> dict[str, Any]:
    """Check and normalise a change set; raises ``ValueError`` naming the bad field.

    >>> validate_changes({"date": "2023-01-01"})["date_precision"]
    'day'
    >>> validate_changes({"event_type": "bombing"})
    Traceback (most recent call last):
    ...
    ValueError: event_type: unknown event type 'bombing'
    """
    out = dict(changes)
    if (out.get("detach") is True or isinstance(out.get("merge_group"), str)) and len(out) == 1:
        return out
    for k in out:
        if k not in CORRECTABLE:
            raise ValueError(f"{k}: not a correctable field")
    _validate_kinds(out)
    if "event_type" in out and out["event_type"] not in EVENT_TYPES:
        raise ValueError(f"event_type: unknown event type {out['event_type']!r}")
    if "date" in out:
        try:
            day = datetime.date.fromisoformat(str(out["date"])).isoformat()
        except ValueError as err:
            raise ValueError(f"date: expected YYYY-MM-DD, got {out['date']!r}") from err
        out.update(date=day, date_start=day, date_end=day, date_precision="day")
    for k in ("lat", "lon"):
        if k in out:
            v = float(out[k])
            limit = 90.0 if k == "lat" else 180.0
            if not math.isfinite(v) or abs(v) > limit:
                raise ValueError(f"{k}: {out[k]!r} is outside -{limit:g}..{limit:g}")
            out[k] = v
    if ("lat" in out) != ("lon" in out):
        raise ValueError("lat/lon: give both or neither")
    return out


def _validate_kinds(out: dict[str, Any]) -> None:
    """The attacker, weapons, rejection and claim-figure changes; ``ValueError`` if bad."""
    if "attacker_side" in out and out["attacker_side"] not in ATTACKER_SIDES:
        raise ValueError(
            f"attacker_side: {out['attacker_side']!r} is not one of {', '.join(ATTACKER_SIDES)}"
        )
    if "weapons" in out:
        weapons = out["weapons"]
        if not isinstance(weapons, (list, tuple)) or not all(
            isinstance(w, str) and w.strip() for w in weapons
        ):
            raise ValueError("weapons: expected a list of weapon names")
        out["weapons"] = sorted({w.strip() for w in weapons})
    if "rejected" in out and out["rejected"] is not None:
        if not isinstance(out["rejected"], str) or not out["rejected"].strip():
            raise ValueError("rejected: give the reason")
    if "claim_figures" in out:
        f = out["claim_figures"]
        if not isinstance(f, dict) or not isinstance(f.get("claimant"), str) or not f["claimant"]:
            raise ValueError("claim_figures: name the claimant")
        for k in ("killed", "injured"):
            v = f.get(k)
            ok = v is None or (
                isinstance(v, list)
                and len(v) == 2
                and all(isinstance(x, int) and x >= 0 for x in v)
                and v[0] <= v[1]
            )
            if not ok:
                raise ValueError(f"claim_figures: {k}: expected [low, high] counts")
        if f.get("killed") is None and f.get("injured") is None:
            raise ValueError("claim_figures: give killed or injured")


def parse_count(text: str, field: str) -> list[int]:
    """``"63"`` -> ``[63, 63]``, ``"60-400"`` -> ``[60, 400]``; ``ValueError`` naming ``field``.

    >>> parse_count("60-400", "killed"), parse_count(" 7 ", "injured")
    ([60, 400], [7, 7])
    """
    parts = [p.strip() for p in str(text).split("-")]
    try:
        nums = [int(p) for p in parts]
    except ValueError as err:
        raise ValueError(f"{field}: expected a number or LOW-HIGH, got {text!r}") from err
    if len(nums) == 1:
        nums = nums * 2
    if len(nums) != 2 or nums[0] < 0 or nums[0] > nums[1]:
        raise ValueError(f"{field}: expected a number or LOW-HIGH, got {text!r}")
    return nums


def place_changes(gazetteer: Any, text: str) -> dict[str, Any]:
    """Location fields for a place name such as ``"Olenivka, Donetsk oblast"``.

    Uses the gazetteer's ``resolve_text`` and takes its best candidate.
    """
    try:
        candidates = gazetteer.resolve_text(text)
    except Exception as err:  # the gazetteer's own errors carry the reason
        raise ValueError(f"place: cannot resolve {text!r}: {err}") from err
    if not candidates:
        raise ValueError(f"place: no gazetteer match for {text!r}")
    best = candidates[0]
    p = best.place
    return {
        "lat": float(p.lat),
        "lon": float(p.lon),
        "place_name": p.name,
        "country_code": p.country_code,
        "admin1": p.admin1,
        "geonameid": p.geonameid,
        "location_precision": _PRECISION_OF_KIND.get(p.kind, 1),
    }


_CSV_FIELDS = (
    "event_id",
    "place",
    "lat",
    "lon",
    "event_type",
    "date",
    "note",
    "detach",
    "merge_with",
    "attacker",
    "weapons",
    "reject",
    "restore",
    "claimant",
    "killed",
    "injured",
    "by",
)


def request_changes(req: CorrectionRequest, gazetteer: Any) -> dict[str, Any]:
    """The validated field changes of a (non-detach) request; ``ValueError`` if bad.

    ``gazetteer`` resolves ``req.place`` (it is not used otherwise).

    >>> request_changes(CorrectionRequest("ev-1", lat=47.1, lon=37.5), None)
    {'lat': 47.1, 'lon': 37.5, 'location_precision': 1, 'geonameid': None}
    """
    changes: dict[str, Any] = {}
    if req.place:
        changes.update(place_changes(gazetteer, req.place))
    if req.lat is not None or req.lon is not None:
        changes["lat"], changes["lon"] = req.lat, req.lon
        if not req.place:
            changes["location_precision"] = 1
            changes["geonameid"] = None  # the old place's id no longer applies
    if req.event_type:
        changes["event_type"] = req.event_type
    if req.date:
        changes["date"] = req.date
    changes.update(_other_changes(req))
    if not changes:
        raise ValueError(
            "nothing to correct (give place, lat/lon, event_type, date, attacker, weapons, "
            "figures, reject or restore)"
        )
    if "lat" in changes and (changes["lat"] is None or changes["lon"] is None):
        raise ValueError("lat/lon: give both or neither")
    return validate_changes(changes)


def _other_changes(req: CorrectionRequest) -> dict[str, Any]:
    """Attacker, weapons, figures, rejection and restoration of a request."""
    out: dict[str, Any] = {}
    if req.attacker:
        out["attacker_side"] = req.attacker
    if req.weapons is not None:
        out["weapons"] = list(req.weapons)
    if req.reject is not None and req.restore:
        raise ValueError("reject and restore: give one")
    if req.reject is not None:
        out["rejected"] = req.reject
    if req.restore:
        out["rejected"] = None
    if req.killed is not None or req.injured is not None:
        if not req.claimant:
            raise ValueError("killed/injured: name the claimant whose figures they are")
        out["claim_figures"] = {
            "claimant": req.claimant,
            "killed": None if req.killed is None else parse_count(req.killed, "killed"),
            "injured": None if req.injured is None else parse_count(req.injured, "injured"),
        }
    return out


def read_corrections_csv(path: str | Path) -> Iterator[CorrectionRequest | InputError]:
    """Correction requests from a CSV with a header row.

    Columns: ``event_id`` (required), ``place``, ``lat``, ``lon``, ``event_type``,
    ``date``, ``note``, ``detach`` (a member report-event id to split off); all but
    ``event_id`` may be left out or empty. A bad row yields an :class:`InputError` naming file, line
    and field; the other rows still come through. A file that cannot be read
    (missing, not a regular file, over the size cap, not UTF-8) is one error.
    """
    where = str(path)
    try:
        text = read_text_file(path)
    except InputError as err:
        yield err
        return
    with io.StringIO(text, newline="") as fh:
        reader = csv.DictReader(fh)
        try:
            names = reader.fieldnames
        except csv.Error as err:
            yield InputError(f"not readable CSV: {err}", path=where, line=1)
            return
        if names is None or "event_id" not in names:
            yield InputError("header must name an event_id column", path=where, line=1)
            return
        unknown = [f for f in names if f not in _CSV_FIELDS]
        if unknown:
            yield InputError(
                f"unknown column(s) {', '.join(unknown)}; expected {', '.join(_CSV_FIELDS)}",
                path=where,
                line=1,
            )
            return
        for row in _csv_rows(reader, where):
            if isinstance(row, InputError):
                yield row
                return
            yield _csv_request(row, where, reader.line_num)


def _csv_request(row: dict[Any, Any], where: str, line: int) -> CorrectionRequest | InputError:
    """One CSV row as a request, or the error naming its line and field."""
    vals = {k: (v.strip() if isinstance(v, str) and v.strip() else None) for k, v in row.items()}
    if None in row:
        return InputError("more fields than the header names", path=where, line=line)
    if not vals.get("event_id"):
        return InputError("missing", path=where, line=line, field="event_id")
    coords: dict[str, float | None] = {}
    for key, limit in (("lat", 90.0), ("lon", 180.0)):
        raw = vals.get(key)
        try:
            coords[key] = float(raw) if raw else None
        except ValueError:
            return InputError(f"not a number: {raw!r}", path=where, line=line, field=key)
        value = coords[key]
        if value is not None and (not math.isfinite(value) or abs(value) > limit):
            return InputError(
                f"{raw!r} is not a finite number in -{limit:g}..{limit:g}",
                path=where,
                line=line,
                field=key,
            )
    weapons = vals.get("weapons")
    restore = (vals.get("restore") or "").lower()
    if restore not in ("", "yes", "true", "1", "no", "false", "0"):
        return InputError(
            f"expected yes or no, not {restore!r}", path=where, line=line, field="restore"
        )
    req = CorrectionRequest(
        event_id=str(vals["event_id"]),
        place=vals.get("place"),
        lat=coords["lat"],
        lon=coords["lon"],
        event_type=vals.get("event_type"),
        date=vals.get("date"),
        note=vals.get("note"),
        detach=vals.get("detach"),
        merge_with=vals.get("merge_with"),
        attacker=vals.get("attacker"),
        weapons=None
        if weapons is None
        else tuple(w.strip() for w in weapons.replace(";", ",").split(",") if w.strip()),
        reject=vals.get("reject"),
        restore=restore in ("yes", "true", "1"),
        claimant=vals.get("claimant"),
        killed=vals.get("killed"),
        injured=vals.get("injured"),
        author=vals.get("by"),
    )
    if not any(
        (
            req.place,
            req.lat is not None,
            req.event_type,
            req.date,
            req.detach,
            req.merge_with,
            req.attacker,
            req.weapons is not None,
            req.reject,
            req.restore,
            req.killed,
            req.injured,
        )
    ):
        return InputError(
            "nothing to correct (give place, lat/lon, event_type, date, detach, merge_with, "
            "attacker, weapons, reject, restore, killed or injured)",
            path=where,
            line=line,
        )
    return req


def _csv_rows(reader: csv.DictReader, where: str) -> Iterator[dict[str, Any] | InputError]:
    """The rows of ``reader``; a CSV syntax error (e.g. a field over the size limit) ends them."""
    try:
        yield from reader
    except csv.Error as err:
        yield InputError(f"not readable CSV: {err}", path=where, line=reader.line_num)


@dataclass(frozen=True)
class AddedEvent:
    """An event an analyst adds by hand (no article reports it, or none was ingested)."""

    event_type: str
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    date: str | None = None
    attacker: str | None = None
    weapons: tuple[str, ...] = ()
    claimant: str | None = None
    killed: str | None = None
    injured: str | None = None
    note: str | None = None
    author: str | None = None


def analyst_report(add: AddedEvent, gazetteer: Any, now: str) -> tuple[Any, Event]:
    """The article-like report and the event an analyst adds (``ValueError`` if incomplete).

    The report is stored like an ingested article, so the event fuses with the reports of
    the same strike and survives re-ingestion; its id derives from what was added, who
    added it and when (``now``).
    """
    from geoevents.io.articles import Article
    from geoevents.model import Source, stable_id

    req = CorrectionRequest(
        "new",
        place=add.place,
        lat=add.lat,
        lon=add.lon,
        event_type=add.event_type,
        date=add.date,
        attacker=add.attacker,
        weapons=add.weapons or None,
        claimant=add.claimant or (add.author if add.killed or add.injured else None),
        killed=add.killed,
        injured=add.injured,
    )
    changes = request_changes(req, gazetteer)
    if "lat" not in changes:
        raise ValueError("place: give --place or --lat/--lon")
    if "date" not in changes:
        raise ValueError("date: give --date")
    who = add.author or "an analyst"
    title = f"Added by {who} on {now[:10]}" + (f": {add.note}" if add.note else "")
    text = json.dumps({"added": changes, "by": add.author, "at": now}, sort_keys=True)
    art = Article(
        id="", title=title, text=text, published=datetime.date.fromisoformat(changes["date"])
    )
    aid = stable_id("analyst", art.content_hash, prefix="art")
    art = replace(art, id=aid)
    base = Event(
        stable_id("analyst-event", aid),
        add.event_type,
        changes["lat"],
        changes["lon"],
        sources=(Source(aid, title, None, changes["date"], add.note or ""),),
        claims=(Claim(who, "other", "reports", quote=add.note or "", article_id=aid),),
    )
    event, _ = apply_changes(base, {k: v for k, v in changes.items() if k != "event_type"})
    return art, event
