"""Analyst corrections on a store: stored under the write lock, then the store re-fuses.

A mixin of :class:`geoevents.store.sql.EventStore` (the back ends supply the transactions
and SQL); the corrections themselves are in :mod:`geoevents.store.corrections`.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable
from typing import Any

from geoevents.errors import StoreError
from geoevents.filters import EventFilter
from geoevents.model import Event
from geoevents.store.corrections import (
    AddedEvent,
    CorrectionRequest,
    analyst_report,
    request_changes,
)
from geoevents.store.schema import utc_now


class CorrectingMixin:
    """``correct``, ``correct_many`` and ``add_event`` of a store."""

    def correct_many(
        self, requests: Iterable[CorrectionRequest], *, gazetteer: Any = None
    ) -> tuple[list[Event], list[str]]:
        """Store corrections and re-fuse once; returns corrected events and error messages.

        A request naming an unknown event or carrying a bad value is reported and
        the others are still applied.
        """
        requests = list(requests)
        if gazetteer is None and any(r.place for r in requests):
            from gazetteer import Gazetteer

            gazetteer = Gazetteer.open()
        errors: list[str] = []
        anchors_done: list[tuple[str, ...]] = []
        now = utc_now()
        with self._write_tx() as cur:
            if self._meta(cur, "fusion_stale") != "0":
                self._write_fused(cur, self._fuse_all(cur), full=False)
            for req in requests:
                target = self._correction_target(cur, req, gazetteer)
                if isinstance(target, str):
                    errors.append(f"{req.event_id}: {target}")
                    continue
                anchors, changes = target
                self._exec(
                    cur,
                    "INSERT INTO corrections (event_id, anchors, changes, note, created_at, author) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        req.event_id,
                        json.dumps(anchors),
                        json.dumps(changes, sort_keys=True),
                        req.note,
                        now,
                        req.author,
                    ),
                )
                anchors_done.append(anchors)
            if anchors_done:
                fused = self._fuse_all(cur)
                self._write_fused(cur, fused, full=False)
        out = []
        if anchors_done:
            by_member = {m: fe.event for fe in fused for m in fe.members}
            seen = set()
            for anchors in anchors_done:
                ev = by_member.get(anchors[0])
                if ev is not None and ev.id not in seen:
                    seen.add(ev.id)
                    out.append(ev)
        return out, errors

    def add_event(self, add: AddedEvent, *, gazetteer: Any = None) -> Event:
        """Store an event an analyst adds by hand (:func:`analyst_report`) and fuse it;
        returns the fused event it is part of (``ValueError`` if ``add`` is incomplete)."""
        if gazetteer is None and add.place:
            from gazetteer import Gazetteer

            gazetteer = Gazetteer.open()
        now = utc_now()
        article, event = analyst_report(add, gazetteer, now)
        self.add_reports([(article, [event])])
        self.fuse()
        return next(
            e
            for e in self.event_list(EventFilter(rejected="include"))
            if any(s.article_id == article.id for s in e.sources)
        )

    def _members_of(self, cur: Any, event_id: str) -> tuple[str, ...]:
        rows = self._exec(
            cur,
            "SELECT report_event_id FROM fusion_members WHERE event_id = ? ORDER BY position",
            (event_id,),
        ).fetchall()
        return tuple(r[0] for r in rows)

    def _correction_target(
        self, cur: Any, req: CorrectionRequest, gazetteer: Any
    ) -> tuple[tuple[str, ...], dict[str, Any]] | str:
        """The anchors and changes of a request, or why it cannot be stored."""
        anchors = self._members_of(cur, req.event_id)
        if not anchors:
            return f"no such event in {self.location}"
        if req.detach is not None:
            if req.detach not in anchors:
                return f"{req.detach} is not one of its report events ({', '.join(anchors)})"
            if len(anchors) == 1:
                return "has one report event, nothing to detach"
            return (req.detach,), {"detach": True}
        if req.merge_with is not None:
            other = self._members_of(cur, req.merge_with)
            if not other:
                return f"cannot merge with {req.merge_with}: no such event in {self.location}"
            if req.merge_with == req.event_id:
                return "cannot merge an event with itself"
            both = anchors + other
            return both, {"merge_group": f"merge:{min(both)}"}
        try:
            return anchors, request_changes(req, gazetteer)
        except ValueError as err:
            return str(err)

    def correct(
        self,
        event_id: str,
        *,
        place: str | None = None,
        lat: float | None = None,
        lon: float | None = None,
        event_type: str | None = None,
        date: str | datetime.date | None = None,
        note: str | None = None,
        detach: str | None = None,
        gazetteer: Any = None,
    ) -> Event:
        """Correct a fused event's place, coordinates, type or date; returns the new event.

        ``detach=REPORT_EVENT_ID`` instead undoes a merge: that member report event
        becomes an event of its own (returned) and is never fused again. The
        correction is stored apart from machine output and re-applied on every
        re-fusion. Raises :class:`~geoevents.errors.StoreError` for an unknown event
        and ``ValueError`` for a bad value.
        """
        if isinstance(date, datetime.date):
            date = date.isoformat()
        req = CorrectionRequest(event_id, place, lat, lon, event_type, date, note, detach)
        done, errors = self.correct_many([req], gazetteer=gazetteer)
        if errors:
            msg = errors[0]
            if "no such event" in msg:
                raise StoreError(msg)
            raise ValueError(msg)
        return done[0]

    # -- context manager ------------------------------------------------------------------
