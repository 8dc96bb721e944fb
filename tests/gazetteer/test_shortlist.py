"""The namesake shortlist: ranking it gives the answers of ranking every match, on the real index."""

from __future__ import annotations

import random
import sqlite3

from gazetteer import Context, Gazetteer
from gazetteer.candidates import find_matches
from gazetteer.index import IndexReader
from gazetteer.rank import rank
from gazetteer.shortlist import MIN_MATCHES, shortlist

CONTEXTS = [
    Context(),
    Context(country_focus=("UA", "RU")),
    Context(countries=("UA",)),
    Context(regions=(("UA", "05"),), countries=("UA",), country_focus=("UA", "RU")),
    Context(regions=(("UA", "14"), ("UA", "23"))),
    Context(region_focus=(("UA", "09"),), country_focus=("UA",)),
    Context(countries=("RU", "US"), regions=(("US", "TX"),)),
]


def _crowded_keys(reader: IndexReader, n: int) -> list[str]:
    """Keys whose name group holds at least MIN_MATCHES places (a deterministic sample)."""
    con = sqlite3.connect(f"file:{reader.path}?mode=ro", uri=True)
    keys = [
        r[0]
        for r in con.execute(
            "SELECT DISTINCT key FROM names WHERE skel IN (SELECT skel FROM names "
            "GROUP BY skel HAVING count(DISTINCT place_id) >= ?) ORDER BY key",
            (MIN_MATCHES,),
        )
    ]
    con.close()
    # "lanyi": GeoNames places and the register's Lany villages all match as variants,
    # and the register's score as exact (a class of their own)
    fixed = ["ivanivka", "novoselivka", "kamianka", "springfield", "san jose", "lanyi", "lan ji"]
    return fixed + random.Random(5).sample(keys, n)


def _answers(candidates) -> list[tuple]:
    return [
        (c.place.place_id, c.score, c.stage, c.matched_name, c.precision, tuple(c.explain))
        for c in candidates
    ]


def test_ranking_the_shortlist_gives_the_answers_of_ranking_every_match(gazetteer) -> None:
    cut = compared = 0
    reader = IndexReader(gazetteer.path)  # its own: places not built yet stay rows
    assert reader.map_problem is None
    settings = [(context, limit) for context in CONTEXTS for limit in (1, 3, 5)]
    for key in _crowded_keys(reader, 300):
        matches = find_matches(reader, key, fuzzy=False)
        rows, places, prio = reader.found_rows, reader.loaded_places, reader.priorities
        # from the rows of a fresh lookup, then from the places once built
        from_rows = [shortlist(matches, rows, places, prio, c, n) for c, n in settings]
        reader.load_places([m.hit.place_id for m in matches])  # every place, to rank all
        from_places = [shortlist(matches, rows, places, prio, c, n) for c, n in settings]
        assert from_places == from_rows, key
        for (context, limit), short in zip(settings, from_rows, strict=True):
            want = rank(matches, places, prio, context, limit=limit)
            got = rank(short, places, prio, context, limit=limit)
            assert _answers(got) == _answers(want), (key, context, limit)
            compared += 1
            cut += len(short) < len(matches)
    reader.close()
    # the comparison is not vacuous: many crowded groups were cut short (40% when written)
    assert compared > 5000 and cut > compared // 4


def test_the_most_common_namesakes_are_not_all_read(gazetteer) -> None:
    with Gazetteer(IndexReader(gazetteer.path)) as gz:
        best = gz.resolve("Ivanivka", limit=1)[0]
        found = len({m.hit.place_id for m in find_matches(gz.index, "ivanivka", fuzzy=False)})
        assert found > 100  # Ukraine's register: Ivanivka x119, and more elsewhere
        assert len(gz.index.loaded_places) < 20  # the others stayed rows of the map
        assert best == gazetteer.resolve("Ivanivka", limit=1)[0]
        assert best.place.population == max(
            p.population
            for p in gz.index.places(
                [m.hit.place_id for m in find_matches(gz.index, "ivanivka", fuzzy=False)]
            ).values()
            if p.name == "Ivanivka" and p.kind == "settlement"
        )


def test_a_context_with_nearby_points_ranks_every_match(gazetteer) -> None:
    reader = gazetteer.index
    matches = find_matches(reader, "novoselivka", fuzzy=False)
    assert len(matches) >= MIN_MATCHES
    near = Context(near=((48.0, 37.8),))
    rows, places, prio = reader.found_rows, reader.loaded_places, reader.priorities
    assert shortlist(matches, rows, places, prio, near, 1) == matches
    assert len(shortlist(matches, rows, places, prio, Context(), 1)) < len(matches)


def test_resolve_with_nearby_points_and_restrictions_matches_a_full_ranking(gazetteer) -> None:
    """Through ``resolve``: restricted and nearby-point lookups of crowded names."""
    with Gazetteer(IndexReader(gazetteer.path)) as gz:
        for key in ("ivanivka", "novoselivka", "mykolaivka"):
            for context in (None, Context(near=((47.1, 37.5),)), CONTEXTS[3]):
                for only in (None, ["UA"], ["RU"]):
                    got = gz.resolve(key, context, limit=3, countries=only)
                    gz.index.load_places([m.hit.place_id for m in find_matches(gz.index, key)])
                    matches = [
                        m
                        for m in find_matches(gz.index, key)
                        if not only or gz.index.country_code(m.hit.place_id) in only
                    ]
                    want = rank(
                        matches,
                        gz.index.loaded_places,
                        gz.index.priorities,
                        context or Context(),
                        limit=3,
                    )
                    assert _answers(got) == _answers(want), (key, context, only)
