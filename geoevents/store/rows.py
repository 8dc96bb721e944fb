"""Rows of the store's fused tables (``events``, ``claims``, ``sources``, ``fusion_members``).

:class:`FusedRows` collects the rows of the fused events a fusion changed;
:meth:`geoevents.store.sql.EventStore` inserts them with :data:`INSERTS`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from geoevents.model import claims_summary
from geoevents.store.fusion import FusedEvent
from geoevents.store.layers import claim_row, source_row
from geoevents.store.schema import EVENT_COLUMNS

#: table -> INSERT statement (``?`` placeholders; the events row starts with the geometry).
INSERTS = {
    "claims": "INSERT INTO claims (event_id, claimant, side, stance, killed_low, killed_high, "
    "killed_qualifier, injured_low, injured_high, injured_qualifier, quote, article_id, "
    "disputes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "sources": "INSERT INTO sources (event_id, article_id, title, url, published, quote) "
    "VALUES (?, ?, ?, ?, ?, ?)",
    "fusion_members": "INSERT INTO fusion_members (event_id, report_event_id, position, "
    "joined_with, reason) VALUES (?, ?, ?, ?, ?)",
}


def events_insert(geom_sql: str) -> str:
    """The INSERT statement of the ``events`` table, the geometry made by ``geom_sql``."""
    cols = ", ".join(EVENT_COLUMNS)
    marks = ", ".join("?" for _ in EVENT_COLUMNS)
    return f"INSERT INTO events (geom, {cols}) VALUES ({geom_sql}, {marks})"


def digest(fe: FusedEvent, props_json: str) -> str:
    """Content digest of a fused event: its properties, position, members and links."""
    payload = json.dumps(
        [
            props_json,
            fe.event.lat,
            fe.event.lon,
            list(fe.members),
            [[lk.member, lk.other, lk.reason] for lk in fe.links],
        ],
        ensure_ascii=False,
    )
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()


def _int(v: bool | None) -> int | None:
    return None if v is None else int(v)


def _json_list(values: tuple[str, ...]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


@dataclass
class FusedRows:
    """Rows of every fused table for a batch of fused events."""

    events: list[tuple[Any, ...]] = field(default_factory=list)
    claims: list[tuple[Any, ...]] = field(default_factory=list)
    sources: list[tuple[Any, ...]] = field(default_factory=list)
    fusion_members: list[tuple[Any, ...]] = field(default_factory=list)

    def add(
        self, fe: FusedEvent, digest: str, props_json: str, geom_params: tuple[Any, ...]
    ) -> None:
        """The rows of one fused event; ``geom_params`` fill the back end's geometry SQL."""
        ev = fe.event
        cas = ev.casualties
        self.events.append(
            (
                *geom_params,
                ev.id,
                ev.event_type,
                ev.date,
                ev.date_start,
                ev.date_end,
                ev.date_precision,
                ev.place_name,
                ev.country_code,
                ev.admin1,
                ev.geonameid,
                ev.location_precision,
                _json_list(ev.weapons),
                _json_list(ev.targets),
                ev.attacker_side,
                _int(ev.disputed),
                _json_list(ev.disputed_by),
                _int(ev.verified),
                _int(ev.corrected),
                ev.rejected,
                cas["killed"]["low"],
                cas["killed"]["high"],
                cas["injured"]["low"],
                cas["injured"]["high"],
                claims_summary(ev),
                len(ev.sources),
                len(fe.members),
                ev.lat,
                ev.lon,
                digest,
                props_json,
            )
        )
        self.claims.extend(claim_row(ev.id, c) for c in ev.claims)
        self.sources.extend(source_row(ev.id, s) for s in ev.sources)
        joined = {lk.member: lk for lk in fe.links}
        for pos, m in enumerate(fe.members):
            lk = joined.get(m)
            self.fusion_members.append(
                (ev.id, m, pos, lk.other if lk else None, lk.reason if lk else None)
            )
