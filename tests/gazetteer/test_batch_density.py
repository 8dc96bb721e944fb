"""Batch context and area qualifiers deciding between namesakes (free text, stage: rank + cut).

A batch's unambiguous answers weigh namesakes near them (:mod:`gazetteer.density`);
ties are judged on raw scores; a former raion confines its villages to its centre's
surroundings; a city named beside a "district" makes it one of the city's districts.
"""

from __future__ import annotations

import pytest

from gazetteer.batch import MIN_LEAD, batch_prior
from gazetteer.density import RADIUS_KM, Density
from gazetteer.geo import haversine_km
from gazetteer.locationtext import FORMER_RAION_KM
from tests import cases

#: Front-line places around Donetsk city (an event dataset of the Donbas, in miniature).
FRONT = [
    "Avdiivka",
    "Yasynuvata",
    "Makiivka",
    "Horlivka",
    "Donetsk",
    "Marinka",
    "Krasnohorivka",
    "Spartak",
    "Pervomaiske",
    "Nevelske",
]


def test_density_counts_points_within_the_radius() -> None:
    donetsk, kyiv = (48.0159, 37.8028), (50.4501, 30.5234)
    d = Density.of([donetsk] * 4 + [kyiv])
    assert d.total == 5 and d.peak == 4
    assert d.count(*donetsk) == 4 and d.count(*kyiv) == 1
    # a point just inside and just outside the radius (about 0.009 degrees of latitude per km)
    inside = (donetsk[0] + (RADIUS_KM - 1) / 111.2, donetsk[1])
    outside = (donetsk[0] + (RADIUS_KM + 1) / 111.2, donetsk[1])
    assert haversine_km(donetsk, inside) < RADIUS_KM < haversine_km(donetsk, outside)
    assert d.count(*inside) == 4 and d.count(*outside) == 0
    assert d.share(*donetsk) == 1.0 > d.share(*kyiv) > 0.0 == d.share(*outside)
    assert Density.of([]).share(*donetsk) == 0.0


def test_batch_density_picks_the_namesake_amid_the_batch(gazetteer) -> None:
    query = "Vodiane, Donetsk region"  # four villages of that name in Donetsk oblast
    alone = gazetteer.resolve_text(query)[0]
    assert alone.precision == "region"  # nothing decides: the oblast, namesakes listed
    prior = batch_prior(gazetteer, [*FRONT, query])
    assert prior.density is not None and prior.density.total >= 5
    assert "unambiguous settlements" in prior.describe()
    best = gazetteer.resolve_text(query, prior.context())[0]
    assert (best.place.name, best.place.admin2) == ("Vodiane", "Pokrovsk Raion")
    assert haversine_km((best.place.lat, best.place.lon), (48.13, 37.74)) < 25  # by Avdiivka
    assert best.precision == "hromada"  # the register's derived point stays approximate
    assert any("located answers within" in line for line in best.explain)


def test_density_points_are_unambiguous_settlements_only(gazetteer) -> None:
    prior = batch_prior(gazetteer, [*FRONT, "Vodiane, Donetsk region", "Donetsk region"])
    # the oblast and the tie answer no point; every point is a place of the batch
    assert prior.density is not None and prior.density.total <= len(FRONT)
    assert MIN_LEAD > 0
    no_prior = batch_prior(gazetteer, ["Kharkiv", "Paris"])
    assert no_prior.density is None and no_prior.context().density is None


def test_a_much_bigger_namesake_is_not_a_tie(gazetteer) -> None:
    # "Krasnoarmeysk" is the old name of Pokrovsk (60,000 people) and an alias of a
    # village: the raw scores are far apart, so the city is the answer, not the oblast
    best = gazetteer.resolve_text("Krasnoarmeysk in Donetsk region")[0]
    assert (best.place.name, best.precision) == ("Pokrovsk", "settlement")


@pytest.mark.parametrize(
    ("query", "name", "hromada", "centre"),
    [
        (
            "shelling near Marinovka in the Shakhtarskyi district of Donetsk region",
            "Marynivka",
            "Snizhne Hromada",
            "Shakhtarsk",
        ),
        (
            "Troitske village, in the Popasnyansky district of the Luhansk region",
            "Troitske",
            "Popasna Hromada",
            "Popasna",
        ),
    ],
)
def test_former_raion_confines_the_village_to_its_centre(
    gazetteer, query, name, hromada, centre
) -> None:
    best = gazetteer.resolve_text(query)[0]
    assert (best.place.name, best.place.admin3) == (name, hromada)
    town = gazetteer.resolve(centre, limit=1)[0].place
    radius = FORMER_RAION_KM + (best.place.radius_km or 0)
    assert haversine_km((best.place.lat, best.place.lon), (town.lat, town.lon)) <= radius
    assert any(f"within {FORMER_RAION_KM:g} km" in line for line in best.explain)


def test_adjective_region_is_a_former_raion(gazetteer) -> None:
    # "Telmanovsky region" is no oblast: the raion of Telmanove (now Boikivske)
    best = gazetteer.resolve_text("Orlovsky village (Telmanovsky region, Donetsk region)")[0]
    assert best.place.name == "Boykivske" and best.precision == "district"
    assert best.place.admin1 == "Donetsk Oblast"


@pytest.mark.parametrize(
    "query",
    ["the Petrovsky district, city of Donetsk", "Donetsk's Kievsky district"],
)
def test_a_district_beside_a_city_is_the_citys_own(gazetteer, query) -> None:
    best = gazetteer.resolve_text(query)[0]
    assert best.place.geonameid == cases.DONETSK_UA


def test_russian_form_of_a_register_village_competes_as_exact(gazetteer) -> None:
    # "Marinovka" matches GeoNames villages in Odesa and Mykolaiv oblasts exactly (a
    # Russian alternate name) and the register's Marynivka villages only as a variant;
    # a batch about the front by Snizhne (where one of them lies) decides for the Donbas
    prior = batch_prior(gazetteer, [*FRONT, "Snizhne", "Shakhtarsk", "Chystiakove", "Khartsyzk"])
    best = gazetteer.resolve_text("Marinovka village", prior.context())[0]
    assert (best.place.name, best.place.admin1, best.place.source) == (
        "Marynivka",
        "Donetsk Oblast",
        "katottg",
    )
    assert any("a register name, which has no Russian form" in line for line in best.explain)
    # alone, nothing says Donbas: the bigger GeoNames village
    assert gazetteer.resolve_text("Marinovka village")[0].place.source == "geonames-cities500"
