"""Fusion rules on Events built directly (no store, no extraction)."""

from __future__ import annotations

import random

import pytest

from gazetteer.geo import haversine_km
from geoevents.model import Claim, Event, Figure, Source
from geoevents.store.fusion import (
    ReportEvent,
    _pair_reason,
    candidate_pairs,
    fuse,
    window,
)

MAKIIVKA = (48.0478, 37.9258)


def ev(
    eid: str,
    lat: float = MAKIIVKA[0],
    lon: float = MAKIIVKA[1],
    *,
    event_type: str = "shelling_missile_attack",
    date: str | None = "2023-01-01",
    **kw: object,
) -> Event:
    return Event(
        id=eid,
        event_type=event_type,
        lat=lat,
        lon=lon,
        date=date,
        date_start=date,
        date_end=date,
        date_precision="day" if date else "unknown",
        **kw,  # type: ignore[arg-type]
    )


def rep(rid: str, report: str, event: Event, published: str | None = "2023-01-02") -> ReportEvent:
    return ReportEvent(rid, report, published, event)


def makiivka_reports() -> list[ReportEvent]:
    mod = Claim("Russian Ministry of Defence", "russia", killed=Figure(63, 63), article_id="a1")
    gs = Claim(
        "Ukrainian General Staff", "ukraine", killed=Figure(400, 400, "about"), article_id="a2"
    )
    upd = Claim("Russian Ministry of Defence", "russia", killed=Figure(89, 89), article_id="a3")
    return [
        rep(
            "re-a",
            "h1",
            ev(
                "x1",
                place_name="Makiivka",
                geonameid=702972,
                claims=(mod,),
                sources=(Source("a1"),),
                weapons=("HIMARS",),
            ),
        ),
        rep(
            "re-b",
            "h2",
            ev(
                "x2",
                48.05,
                37.93,
                event_type="air_drone_strike",
                place_name="Makeevka",
                claims=(gs,),
                sources=(Source("a2"),),
            ),
        ),
        rep(
            "re-c",
            "h3",
            ev(
                "x3",
                place_name="Makiyivka",
                geonameid=702972,
                claims=(upd,),
                sources=(Source("a3"),),
                weapons=("HIMARS", "rocket"),
            ),
            published="2023-01-04",
        ),
    ]


def test_three_reports_fuse_into_one_event_keeping_every_claim() -> None:
    (fe,) = fuse(makiivka_reports())
    e = fe.event
    assert fe.members == ("re-a", "re-b", "re-c")
    assert [s.article_id for s in e.sources] == ["a1", "a2", "a3"]
    assert sorted((c.claimant, c.killed.low) for c in e.claims if c.killed) == [
        ("Russian Ministry of Defence", 63),
        ("Russian Ministry of Defence", 89),
        ("Ukrainian General Staff", 400),
    ]
    assert e.casualties["killed"] == {"low": 63, "high": 400}
    assert e.event_type == "shelling_missile_attack"  # 2 of 3 reports
    assert e.weapons == ("HIMARS", "rocket")
    assert len(fe.links) == 2 and all(
        "apart" in lk.reason or "same place" in lk.reason for lk in fe.links
    )


def test_fused_id_derives_from_earliest_report_and_is_stable() -> None:
    items = makiivka_reports()
    first = fuse(items[:1])[0].event.id
    assert fuse(items)[0].event.id == first
    assert fuse(items[:2])[0].event.id == first


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_result_does_not_depend_on_input_order(seed: int) -> None:
    items = makiivka_reports() + [
        rep(f"re-{i}", f"h{i}", ev(f"y{i}", 48.0 + i * 0.02, 37.9, date=f"2023-01-0{1 + i % 3}"))
        for i in range(8)
    ]
    shuffled = items[:]
    random.Random(seed).shuffle(shuffled)
    a, b = fuse(items), fuse(shuffled)
    assert [(f.event, f.members, f.links) for f in a] == [(f.event, f.members, f.links) for f in b]


@pytest.mark.parametrize(
    ("other", "why"),
    [
        (ev("o", 48.0478, 38.05), "13 km away at settlement precision"),
        (ev("o", date="2023-01-04"), "three days later"),
        (ev("o", event_type="interception"), "interception is not a strike"),
        (ev("o", event_type="remote_explosive"), "remote explosive is not a strike"),
    ],
)
def test_reports_that_must_not_fuse(other: Event, why: str) -> None:
    out = fuse([rep("re-1", "h1", ev("x")), rep("re-2", "h2", other)])
    assert len(out) == 2, why


def test_two_events_of_one_article_never_fuse() -> None:
    out = fuse([rep("re-1", "h1", ev("x")), rep("re-2", "h1", ev("y"))])
    assert len(out) == 2
    # a third article near both joins only one of them
    out = fuse([rep("re-1", "h1", ev("x")), rep("re-2", "h1", ev("y")), rep("re-3", "h2", ev("z"))])
    assert sorted(len(f.members) for f in out) == [1, 2]


@pytest.mark.parametrize(
    ("other", "fused"),
    [
        # "the night of 31 December to 1 January": a range overlapping the exact day
        (
            ev("y", date=None).with_(
                date_start="2022-12-31", date_end="2023-01-01", date_precision="range"
            ),
            True,
        ),
        # a day-before date of unknown precision may still be the same strike
        (ev("y", date=None).with_(date="2022-12-31", date_precision="unknown"), True),
        # two exact, different days are two strikes (towns shelled daily)
        (ev("y", date="2022-12-31"), False),
    ],
)
def test_adjacent_days_fuse_only_when_a_date_is_not_exact(other: Event, fused: bool) -> None:
    out = fuse([rep("re-1", "h1", ev("x")), rep("re-2", "h2", other)])
    assert (len(out) == 1) is fused


@pytest.mark.parametrize("precision", ["day", "unknown"])
def test_daily_strikes_on_one_town_do_not_chain(precision: str) -> None:
    days = [f"2023-03-0{d}" for d in range(1, 7)]
    out = fuse(
        [rep(f"re-{d}", f"h{d}", ev(f"x{d}", date=d).with_(date_precision=precision)) for d in days]
    )
    assert len(out) == (6 if precision == "day" else 3)
    for f in out:  # no fused event spans more than two consecutive days
        dates = sorted({d for d in days if f"re-{d}" in f.members})
        assert len(dates) <= 2


@pytest.mark.parametrize(("precision", "fused"), [(1, False), (2, True)])
def test_distance_threshold_follows_location_precision(precision: int, fused: bool) -> None:
    far = (MAKIIVKA[0] + 0.09, MAKIIVKA[1])  # 10 km north
    assert 9 < haversine_km(MAKIIVKA, far) < 11
    out = fuse(
        [
            rep("re-1", "h1", ev("x", location_precision=precision)),
            rep("re-2", "h2", ev("y", *far, location_precision=precision)),
        ]
    )
    assert (len(out) == 1) is fused


@pytest.mark.parametrize(("admin1", "fused"), [("Donetsk Oblast", True), ("Luhansk Oblast", False)])
def test_region_level_report_fuses_within_its_region(admin1: str, fused: bool) -> None:
    region = ev("r", 48.0159, 37.8028, location_precision=3, country_code="UA", admin1=admin1)
    town = ev("t", country_code="UA", admin1="Donetsk Oblast")
    out = fuse([rep("re-1", "h1", town), rep("re-2", "h2", region)])
    assert (len(out) == 1) is fused
    if fused:
        assert out[0].event.location_precision == 1  # the precise report places the event


def test_corrected_member_decides_place() -> None:
    a = ev("x", place_name="Makiivka")
    b = ev("y", 48.06, 37.93, place_name="Makiivka centre", corrected=True)
    (fe,) = fuse([rep("re-1", "h1", a), rep("re-2", "h2", b)])
    assert fe.event.place_name == "Makiivka centre" and fe.event.corrected


def test_repeated_claim_kept_once_conflicting_figure_kept() -> None:
    same = Claim("Russian Ministry of Defence", "russia", killed=Figure(63, 63))
    (fe,) = fuse(
        [
            rep("re-1", "h1", ev("x", claims=(same,))),
            rep("re-2", "h2", ev("y", claims=(same,))),
            rep(
                "re-3",
                "h3",
                ev("z", claims=(same.__class__(same.claimant, "russia", killed=Figure(89, 89)),)),
            ),
        ]
    )
    assert [c.killed.low for c in fe.event.claims] == [63, 89]


def test_undated_report_uses_publication_day() -> None:
    undated = rep("re-2", "h2", ev("y", date=None), published="2023-01-02")
    assert window(undated) is not None
    assert len(fuse([rep("re-1", "h1", ev("x")), undated])) == 1
    assert window(rep("re-3", "h3", ev("z", date=None), published=None)) is None


@pytest.mark.parametrize(
    ("base_lat", "base_lon"),
    [(0.0, 30.0), (48.0, 30.0), (67.5, 30.0), (-17.0, 179.6), (65.0, 179.6)],  # Fiji, Chukotka
)
def test_index_finds_every_pair_brute_force_finds(base_lat: float, base_lon: float) -> None:
    rng = random.Random(int(base_lat * 10))
    items = []
    for i in range(300):
        prec = rng.choice((1, 1, 2, 3))
        lon = base_lon + rng.uniform(0, 0.9)
        e = ev(
            f"x{i}",
            round(base_lat + rng.uniform(0, 0.6), 4),
            round(lon - 360 if lon >= 180 else lon, 4),  # across the antimeridian
            event_type=rng.choice(("air_drone_strike", "shelling_missile_attack", "interception")),
            date=f"2023-01-{rng.randrange(1, 6):02d}",
            location_precision=prec,
            country_code="UA",
            admin1=rng.choice(("A", "B")),
        )
        items.append(rep(f"re-{i:03d}", f"h{rng.randrange(250)}", e))
    items.sort(key=lambda r: r.id)
    found = set(candidate_pairs(items))
    windows = [window(r) for r in items]
    expected = set()
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if items[i].report_id == items[j].report_id:
                continue
            if _pair_reason(items[i], items[j], windows[i], windows[j])[0]:
                expected.add((i, j))
    assert expected, "the sample must contain fusable pairs"
    assert expected <= found
    assert len(found) < len(items) * (len(items) - 1) // 2  # not all pairs


def test_invalid_coordinates_are_kept_apart_without_breaking_fusion() -> None:
    broken = rep("re-9", "h9", ev("bad", float("nan"), 37.9))
    out = fuse([*makiivka_reports(), broken])
    assert sorted(len(f.members) for f in out) == [1, 3]


@pytest.mark.parametrize("base_lat", [-33.0, 48.0, 71.0])
def test_index_finds_every_pair_with_multi_day_windows_and_detached_reports(
    base_lat: float,
) -> None:
    """Report events spanning several days sit in several day cells; detached ones in none."""
    rng = random.Random(f"multi-{base_lat}")
    items = []
    for i in range(300):
        start = rng.randrange(1, 8)
        end = start + rng.choice((0, 0, 1, 2, 9))  # 9: a window too long to fuse
        e = ev(
            f"x{i}",
            round(base_lat + rng.uniform(0, 0.5), 4),
            round(-60 + rng.uniform(0, 1.2), 4),
            date=None,
            location_precision=rng.choice((1, 2, 2, 3)),
            country_code="XX",
            admin1=rng.choice(("A", "B", None)),
        ).with_(
            date_start=f"2023-01-{start:02d}",
            date_end=f"2023-01-{end:02d}",
            date_precision=rng.choice(("range", "unknown")),
        )
        r = rep(f"re-{i:03d}", f"h{rng.randrange(280)}", e)
        if i % 37 == 0:
            r = ReportEvent(r.id, r.report_id, r.published, r.event, detached=True)
        items.append(r)
    items.sort(key=lambda r: r.id)
    found = set(candidate_pairs(items))
    windows = [window(r) for r in items]
    expected = {
        (i, j)
        for i in range(len(items))
        for j in range(i + 1, len(items))
        if items[i].report_id != items[j].report_id
        and not (items[i].detached or items[j].detached)
        and windows[i] is not None
        and windows[j] is not None
        and _pair_reason(items[i], items[j], windows[i], windows[j])[0]
    }
    assert len(expected) > 100, "the sample must contain many fusable pairs"
    assert expected <= found
    assert all(not (items[i].detached or items[j].detached) for i, j in found)
    assert len(found) < len(items) * (len(items) - 1) // 2


@pytest.mark.parametrize("n", [3000, 12000])
def test_synthetic_strikes_fuse_back_and_candidates_grow_linearly(n: int) -> None:
    """Every synthetic strike is told by three reports (the benchmark's data): fusion finds
    each strike again, and the index proposes about one candidate pair per report."""
    from geoevents.store.synthetic import REPORTS_PER_STRIKE, synthetic_reports

    items = [
        ReportEvent(f"re-{i:06d}", art.content_hash, art.published.isoformat(), evs[0])
        for i, (art, evs) in enumerate(synthetic_reports(0, n))
    ]
    pairs = candidate_pairs(sorted(items, key=lambda r: r.id))
    assert n <= len(pairs) < 1.2 * n
    out = fuse(items)
    strikes = n // REPORTS_PER_STRIKE
    assert strikes * 0.99 <= len(out) <= strikes
    whole = sum(1 for f in out if len(f.members) == REPORTS_PER_STRIKE)
    assert whole >= 0.98 * strikes
    for f in out:  # members of one fused event are reports of one strike, or neighbours
        places = {items[int(m[3:])].event.place_name for m in f.members}
        assert len(places) <= 2


def test_region_level_report_without_region_name_fuses_by_distance() -> None:
    """No region name: the 100 km fallback applies, and the index must find the pair
    although the two are many grid cells apart (it once did not)."""
    region = ev("r", 48.3, 37.4, location_precision=3, country_code="UA")  # ~45 km away
    town = ev("t", country_code="UA", admin1="Donetsk Oblast")
    far = ev("f", 49.2, 37.4, location_precision=3, country_code="UA")  # ~130 km away
    assert 40 < haversine_km(MAKIIVKA, (48.3, 37.4)) < 50
    out = fuse([rep("re-1", "h1", town), rep("re-2", "h2", region)])
    assert len(out) == 1 and "region level" in out[0].links[0].reason
    assert len(fuse([rep("re-1", "h1", town), rep("re-3", "h3", far)])) == 2
