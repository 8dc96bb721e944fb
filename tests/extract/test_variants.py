"""Russian and older Latin spellings of Ukrainian place names in article text (issue 9, point 3).

All on the real gazetteer: the spellings below are chosen because the index
does not hold them as keys (or, for the first ones, holds them as GeoNames
alternate names), so what is tested is recognition in running text, then the
one resolver.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from gazetteer.geo import haversine_km
from gazetteer.normalize import normalize, skeleton
from geoevents.cli import main
from geoevents.extract.mentions import find_mentions, matcher_for
from geoevents.extract.variants import MIN_SKELETON, admit_variant, uniqueness
from tests.extract.test_mentions import events_in


def _mentions(sentence: str, gz) -> list[tuple[str, str]]:  # noqa: ANN001
    return [(m.text, m.kind) for m in find_mentions(sentence, gz)]


def _unknown_key(gz, name: str) -> None:  # noqa: ANN001
    """The spelling is not an index key: only its skeleton can find it."""
    assert gz.index.exact(normalize(name)) == []
    assert skeleton(normalize(name)) in matcher_for(gz).variants


def test_yelenovka_near_donetsk_is_olenivka(gazetteer) -> None:  # noqa: ANN001
    s = "Shelling hit Yelenovka near Donetsk overnight, killing two people."
    assert _mentions(s, gazetteer)[0] == ("Yelenovka", "toponym")
    (ev,) = events_in(s, gazetteer)
    assert (ev.place_name, ev.admin1, ev.location_precision) == ("Olenivka", "Donetsk Oblast", 1)


def test_ocheretino_is_ocheretyne(gazetteer) -> None:  # noqa: ANN001
    (ev,) = events_in(
        "Russian aircraft dropped glide bombs on Ocheretino, killing a man.", gazetteer
    )
    assert (ev.place_name, ev.admin1) == ("Ocheretyne", "Donetsk Oblast")


def test_russian_neuter_skoye_form(gazetteer) -> None:  # noqa: ANN001
    """Nevelskoye is the Russian neuter of Nevelske; GeoNames does not list it."""
    _unknown_key(gazetteer, "Nevelskoye")
    s = "Artillery shelled Nevelskoye overnight, wounding three civilians."
    assert ("Nevelskoye", "variant") in _mentions(s, gazetteer)
    (ev,) = events_in(s, gazetteer)
    assert (ev.place_name, ev.admin1, ev.country_code) == ("Nevelske", "Donetsk Oblast", "UA")


def test_russian_ovka_form(gazetteer) -> None:  # noqa: ANN001
    """Novomikhailovka (-ovka, i for y, kh) is Novomykhailivka; "near Kurakhovo" picks which one."""
    _unknown_key(gazetteer, "Novomikhailovka")
    s = "A drone strike hit Novomikhailovka near Kurakhovo, killing one soldier."
    assert _mentions(s, gazetteer) == [("Novomikhailovka", "variant"), ("Kurakhovo", "toponym")]
    (ev,) = events_in(s, gazetteer)
    (kurakhove,) = [c.place for c in gazetteer.resolve("Kurakhove", limit=1)]
    namesakes = [
        c.place
        for c in gazetteer.resolve("Novomykhailivka", limit=30)
        if c.place.admin1 == "Donetsk Oblast"
    ]
    assert len(namesakes) >= 2  # the text decides between Donetsk oblast's namesakes
    nearest = min(
        namesakes, key=lambda p: haversine_km((p.lat, p.lon), (kurakhove.lat, kurakhove.lon))
    )
    assert (ev.place_name, ev.admin1) == ("Novomykhailivka", "Donetsk Oblast")
    assert (ev.lat, ev.lon) == pytest.approx((nearest.lat, nearest.lon), abs=1e-4)


def test_hyphenated_variant_wins_over_the_exact_word_inside_it(gazetteer) -> None:  # noqa: ANN001
    """ "Ivanovka" alone is a place (many); "Orlovo-Ivanovka" is one village, renamed since."""
    _unknown_key(gazetteer, "Orlovo-Ivanovka")
    s = "Shelling hit Orlovo-Ivanovka overnight, killing a man."
    assert _mentions(s, gazetteer) == [("Orlovo-Ivanovka", "variant")]
    (ev,) = events_in(s, gazetteer)
    assert (ev.admin1, ev.country_code) == ("Donetsk Oblast", "UA")


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        # an English word at the start of a sentence whose skeleton is a village's
        ("Weighing the risks, officials said a missile hit Kramatorsk.", "Weighing"),
        # a title-case headline: every word is capitalised
        ("Beloved Teacher Killed In Shelling Of Kramatorsk", "Beloved"),
        # a Russian surname: the skeleton of a village too
        ("Grigoryev said Russian shelling hit Kramatorsk overnight.", "Grigoryev"),
        # a short skeleton (a village's): far too many English words fold to such keys
        ("School buildings in Kramatorsk were hit by a missile.", "School"),
    ],
)
def test_words_that_collide_through_a_variant_are_not_places(
    gazetteer,  # noqa: ANN001
    sentence: str,
    word: str,
) -> None:
    key = normalize(word)
    collides = [
        h for h in gazetteer.index.variant(skeleton(key)) if h.key != key
    ]  # some indexed place name shares the word's skeleton
    assert collides, word
    assert _mentions(sentence, gazetteer) == [("Kramatorsk", "toponym")]
    (ev,) = events_in(sentence, gazetteer)
    assert ev.place_name == "Kramatorsk"


def test_a_surname_shaped_name_needs_a_strong_cue() -> None:
    assert not admit_variant("grigoryev", cued=True, strong=False)
    assert admit_variant("grigoryev", cued=True, strong=True)
    assert admit_variant("nevelskoye", cued=False, strong=False)
    assert not admit_variant("weighing", cued=False, strong=False)


def test_variant_table_and_the_uniqueness_it_costs(gazetteer) -> None:  # noqa: ANN001
    table = matcher_for(gazetteer).variants
    assert len(table) > 20_000
    assert all(len(s) >= MIN_SKELETON for s in table.places)
    # a Ukrainian place and the Russian spelling of its name share one skeleton
    assert skeleton("nevelskoye") == skeleton("nevelske") and skeleton("nevelske") in table
    u = uniqueness(gazetteer.index, table)
    assert u.skeletons == len(table) and 0 < u.ambiguous < u.skeletons
    assert 0 < u.keys_blurred < u.keys_unique <= u.keys
    # the few names shared by many villages ("Mykolaivka") are ambiguous as keys already
    assert table.places[skeleton("mykolaivka")] > 50


def test_extract_an_article_in_russian_spellings(gazetteer, tmp_path: Path) -> None:  # noqa: ANN001
    """End to end: ``geoevents extract`` on a file that spells every place the Russian way."""
    report = tmp_path / "report.txt"
    report.write_text(
        "Overnight reports from the front\n\n"
        "A drone strike hit Novomikhailovka near Kurakhovo on Tuesday night, killing one "
        "soldier, the Ukrainian military said.\n\n"
        "Russian artillery shelled Nevelskoye the same night, wounding three civilians, "
        "local authorities said.\n\n"
        "In Gorlovka, a shell hit a bus stop and killed two people, the Russian-installed "
        "mayor said.\n",
        encoding="utf-8",
    )
    out = tmp_path / "events.geojson"
    result = CliRunner().invoke(
        main, ["extract", str(report), "-o", str(out), "--published", "2024-03-06", "-q"]
    )
    assert result.exit_code == 0, result.output
    props = [f["properties"] for f in json.loads(out.read_text("utf-8"))["features"]]
    assert sorted((p["place_name"], p["admin1"]) for p in props) == [
        ("Horlivka", "Donetsk Oblast"),
        ("Nevelske", "Donetsk Oblast"),
        ("Novomykhailivka", "Donetsk Oblast"),
    ]
    kinds = {p["place_name"]: p["event_type"] for p in props}
    assert kinds["Novomykhailivka"] == "air_drone_strike"


def test_the_matcher_outlives_the_gazetteer_that_built_it(
    gazetteer,  # noqa: ANN001
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The matcher is shared by index; it must not read the index through a closed object."""
    from gazetteer import Gazetteer
    from geoevents.extract import matcher as matcher_module

    monkeypatch.setattr(matcher_module, "_MATCHERS", {})
    first = Gazetteer.open(gazetteer.path)
    built = matcher_for(first)
    first.close()
    second = Gazetteer.open(gazetteer.path)
    try:
        assert matcher_for(second) is built
        found = find_mentions("Artillery shelled Podgorodnoye overnight.", second, matcher=built)
        assert ("Podgorodnoye", "variant") in [(m.text, m.kind) for m in found]
    finally:
        second.close()


def test_russian_plural_adjective(gazetteer) -> None:  # noqa: ANN001
    """ "Tsvetnye Peski": the plural -ye is the Ukrainian -i (Tsvitni Pisky), which the skeleton
    alone does not fold (it reads -nye as the neuter -ne)."""
    assert gazetteer.index.exact("tsvetnye peski") == []
    assert skeleton("tsvetnye peski") not in matcher_for(gazetteer).variants
    assert skeleton("tsvitni pisky") in matcher_for(gazetteer).variants
    s = "Shelling hit Tsvetnye Peski overnight, killing a soldier."
    assert _mentions(s, gazetteer) == [("Tsvetnye Peski", "variant")]
    (ev,) = events_in(s, gazetteer)
    assert (ev.place_name, ev.admin1) == ("Tsvitni Pisky", "Luhansk Oblast")
