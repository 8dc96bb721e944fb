"""Extraction places toponyms with the document resolver that ``eval geoparse`` measures.

Issue 9's canonical strike-report cases: Uman (a GeoNames alias of Oman), Odessa
(Texas has one), Yelenovka next to Donetsk (Olenivka, not Zorynsk).
"""

from __future__ import annotations

from gazetteer.document import resolve_document
from geoevents.extract import Extractor
from geoevents.io.articles import read_articles

REPORT = """Title: Strikes on Odessa and Uman
Date: 2024-03-15

A Russian missile strike hit the port of Odessa on Friday, killing 14 people, the regional governor said.

A drone hit an oil depot in Uman overnight, Ukrainian officials said.

Shelling hit Yelenovka near Donetsk the same day, the separatist authorities said, claiming 3 dead.
"""


def _events(gazetteer, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    [article] = [a for a in read_articles([path])]
    return Extractor(gazetteer).article(article).events


def test_war_report_names_resolve_to_the_places_of_the_war(gazetteer, tmp_path) -> None:
    events = _events(gazetteer, tmp_path)
    where = {(e.place_name, e.admin1, e.country_code) for e in events}
    assert ("Uman", "Cherkasy Oblast", "UA") in where
    assert any(cc == "UA" and admin1 == "Odesa Oblast" for _, admin1, cc in where)
    assert ("Olenivka", "Donetsk Oblast", "UA") in where
    assert not any(cc in ("OM", "US") for _, _, cc in where)


def test_extraction_agrees_with_the_document_resolver(gazetteer, tmp_path) -> None:
    # the names of the report, resolved together as eval geoparse does
    answers = resolve_document(gazetteer, REPORT, ["Odessa", "Uman", "Donetsk"])
    events = _events(gazetteer, tmp_path)
    places = {e.place_name for e in events}
    assert answers["Uman"] is not None and answers["Uman"].place.name in places
    assert answers["Uman"].place.country_code == "UA"
