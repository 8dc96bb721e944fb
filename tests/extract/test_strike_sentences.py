"""Where a strike is told across sentences (issue 10, classes "figures", "multi_strike").

Each case: a report that must give its event, and a near miss that must not.
"""

from __future__ import annotations

import datetime

import pytest

from geoevents.extract import Extractor
from geoevents.io.articles import Article


def _events(gazetteer, text: str):
    art = Article(id="a", title="", text=text, published=datetime.date(2024, 3, 10))
    return Extractor(gazetteer, explain=True).article(art)


def test_impact_verbs_report_a_strike(gazetteer) -> None:
    text = "A Russian missile tore into a clinic in Zaporizhzhia on Saturday, killing two."
    (ev,) = _events(gazetteer, text).events
    assert ev.place_name.startswith("Zaporizh") and ev.attacker_side == "russia"
    # near miss: a lorry that crashed into a shop, with no weapon and no figures
    assert _events(gazetteer, "A lorry crashed into a shop in Zaporizhzhia.").events == ()


def test_a_later_strike_sentence_takes_the_place_of_the_figures_before_it(gazetteer) -> None:
    text = (
        "Nine people were killed in Vinnytsia on Thursday, the regional governor said. "
        "Officials said the missile struck a concert hall during a performance."
    )
    result = _events(gazetteer, text)
    assert [e.place_name for e in result.events] == ["Vinnytsya"]
    assert any("where the figures before it were reported" in line for line in result.explain)
    # near miss: no figures before, no place anywhere: nothing on the map
    assert _events(gazetteer, "Officials said the missile struck a concert hall.").events == ()


def test_a_region_level_event_folds_into_the_town_event_of_that_region(gazetteer) -> None:
    text = (
        "Russian drones attacked the Odesa region overnight, the governor said. "
        "In Izmail, a drone hit a grain warehouse, injuring two workers."
    )
    result = _events(gazetteer, text)
    assert [e.place_name for e in result.events] == ["Izmayil"]
    # near miss: a town event in another region leaves the region-level event alone
    text = (
        "Russian drones attacked the Odesa region overnight, the governor said. "
        "In Kherson, a drone hit a grain warehouse, injuring two workers."
    )
    places = sorted(e.place_name for e in _events(gazetteer, text).events)
    assert places == ["Kherson", "Odesa Oblast"]


def test_a_town_named_as_its_district_is_no_second_event(gazetteer) -> None:
    text = "A Russian drone hit a farm in Velykyi Burluk, a settlement in the Kupiansk district, injuring one man."
    assert [e.place_name for e in _events(gazetteer, text).events] == ["Velykyi Burluk"]
    # near miss: the district alone is where the strike was (its centre town's point)
    text = (
        "Russian artillery shelled villages of the Kupiansk district overnight, injuring one man."
    )
    assert [e.place_name for e in _events(gazetteer, text).events] == ["Kupyansk"]


def test_a_hit_told_before_an_interception_is_the_strike(gazetteer) -> None:
    text = "Two Russian missiles hit a grain terminal in Odesa and two more were shot down."
    (ev,) = _events(gazetteer, text).events
    assert (ev.place_name, ev.event_type) == ("Odesa", "shelling_missile_attack")
    # near miss: debris of what was shot down is still an interception
    text = "Air defences shot down ten drones over Odesa; debris hit a house."
    (ev,) = _events(gazetteer, text).events
    assert ev.event_type == "interception"


def test_an_air_raid_alert_is_no_strike(gazetteer) -> None:
    text = "Pupils in Zaporizhzhia sat exams in a basement during air raid alerts on Monday."
    assert _events(gazetteer, text).events == ()
    # near miss: an air raid itself
    text = "An air raid on Zaporizhzhia on Monday damaged a school, injuring three."
    assert [e.event_type for e in _events(gazetteer, text).events] == ["air_drone_strike"]


def test_a_strike_on_the_town_is_at_the_town_of_the_figures_before(gazetteer) -> None:
    text = (
        "Officials say 14 killed in Pokrovsk. Rescuers worked through the night. "
        "Kyiv said Russian forces had fired Iskander missiles at the town."
    )
    (ev,) = _events(gazetteer, text).events
    assert ev.place_name == "Pokrovsk"
    assert any(c.killed and c.killed.low == 14 for c in ev.claims)  # the figures come along
    # near miss: two sentences later, without "the town", the strike has no place
    text = text.replace("at the town", "overnight")
    assert _events(gazetteer, text).events == ()


def test_a_headline_region_folds_into_the_body_event_whatever_its_type(gazetteer) -> None:
    body = "A drone was shot down over the refinery in Novokuibyshevsk, the governor said."
    art = Article(
        id="a",
        title="Drones hit refineries in Samara and Rostov regions",
        text=body,
        published=datetime.date(2024, 3, 10),
    )
    events = Extractor(gazetteer).article(art).events
    assert sorted(e.place_name for e in events) == ["Novokuybyshevsk", "Rostov Oblast"]
    # near miss: a region-level strike told in the body stays apart from an interception
    text = "Drones attacked the Samara region overnight. " + body
    places = sorted(e.place_name for e in _events(gazetteer, text).events)
    assert places == ["Novokuybyshevsk", "Samara Oblast"]


@pytest.mark.parametrize(
    ("second", "places"),
    [
        # some of the drones just told, downed somewhere in a district: the same attack
        ("Three were shot down in the Kurchatov district.", ["Kursk"]),
        # near misses: downed over a named town, or a drone the sentence names itself
        ("Three were shot down over Kurchatov.", ["Kurchatov", "Kursk"]),
        ("A drone was shot down in the Kurchatov district.", ["Kurchatov", "Kursk"]),
    ],
)
def test_weapons_of_the_attack_downed_in_a_district_are_that_attack(
    gazetteer, second: str, places: list[str]
) -> None:
    text = "Ukraine attacked Kursk with four drones overnight, the governor said. " + second
    assert sorted(e.place_name for e in _events(gazetteer, text).events) == places


_SUMY = "In Sumy, a strike damaged a school."


@pytest.mark.parametrize(
    ("lead", "window"),
    [
        # the report fixes the day of its strike: its second strike is that day too
        ("Missiles hit Kharkiv on Sunday morning, killing three.", ("2024-03-10", "2024-03-10")),
        # ... and a nationwide tally of the night does not widen it again
        (
            "Missiles hit Kharkiv on Sunday morning, killing three. "
            "The air force said it shot down 20 of 25 missiles overnight.",
            ("2024-03-10", "2024-03-10"),
        ),
        # near miss: the night alone gives the two days
        ("Drones attacked Kharkiv overnight, injuring three.", ("2024-03-09", "2024-03-10")),
        # near miss: a day outside the window of the undated strike does not move it
        ("Missiles hit Kharkiv on Thursday, killing three.", ("2024-03-09", "2024-03-10")),
    ],
)
def test_an_undated_strike_takes_the_day_the_report_fixed(gazetteer, lead, window) -> None:
    events = _events(gazetteer, f"{lead} {_SUMY}").events
    (sumy,) = [e for e in events if e.place_name == "Sumy"]
    assert (sumy.date_start, sumy.date_end) == window


@pytest.mark.parametrize(
    ("detail", "event_type", "weapons", "targets"),
    [
        (
            "At the base near Engels, two bombers were damaged.",
            "air_drone_strike",
            ("drone",),
            ("aircraft", "airfield"),
        ),
        # near miss: the event names its own weapon and its own site
        (
            "Near Engels, a missile hit an apartment building.",
            "shelling_missile_attack",
            ("missile",),
            ("apartment building",),
        ),
    ],
)
def test_events_after_a_lead_with_no_place_take_its_weapons_and_targets(
    gazetteer, detail, event_type, weapons, targets
) -> None:
    lead = "Two airfields in Russia were hit by drones on Sunday morning, officials said."
    (ev,) = _events(gazetteer, f"{lead} {detail}").events
    assert (ev.event_type, ev.weapons, ev.targets) == (event_type, weapons, targets)
    assert ev.date == "2024-03-10"


def test_a_strike_with_no_place_after_an_event_is_no_lead(gazetteer) -> None:
    text = (
        "Shelling hit Kherson on Sunday, killing two. Drones attacked an air base, officials "
        "said. In Mykolaiv, an explosion damaged a hangar."
    )
    events = {e.place_name: e for e in _events(gazetteer, text).events}
    assert (events["Mykolayiv"].weapons, events["Mykolayiv"].targets) == ((), ())


@pytest.mark.parametrize(
    ("counted", "weapons"),
    [
        ("20 of 22 Kh-101 missiles", ("Kh-101",)),
        # near miss: the counts name two missiles; which one hit Poltava is not told
        ("20 of 22 Kh-101 and Iskander missiles", ("missile",)),
    ],
)
def test_a_strike_told_by_its_kind_is_the_one_weapon_the_report_counts(
    gazetteer, counted, weapons
) -> None:
    text = (
        "A cruise missile hit a school in Poltava on Sunday, killing two. "
        f"Over Kyiv, air defences shot down {counted}."
    )
    events = {e.place_name: e for e in _events(gazetteer, text).events}
    assert events["Poltava"].weapons == weapons


def test_the_region_level_sentence_types_the_town_event_it_folds_into(gazetteer) -> None:
    text = (
        "Russian drones attacked the Odesa region overnight, the governor said. "
        "In Izmail, a strike hit a grain warehouse."
    )
    (ev,) = _events(gazetteer, text).events
    assert (ev.place_name, ev.event_type) == ("Izmayil", "air_drone_strike")
    # near miss: a town in another region keeps the type of its own sentence
    text = text.replace("Izmail", "Kherson")
    types = {e.place_name: e.event_type for e in _events(gazetteer, text).events}
    assert types["Kherson"] == "shelling_missile_attack"
