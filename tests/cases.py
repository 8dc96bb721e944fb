"""Canonical gazetteer cases shared by all tests (real GeoNames ids, cities500 data).

Each case is a plain tuple so tests can ``pytest.mark.parametrize`` over it.
GeoNames ids: Makiyivka (the city, Donetsk oblast) 702320, Makiivka (village,
Chernihiv oblast) 702314, Olenivka (Donetsk oblast) 698614, Olenivka (Odesa
oblast) 688208, Olenivka (Poltava oblast) 698612, Olenevka (Crimea) 461727,
Azov (Rostov oblast, RU) 580054, Azov (village, Zaporizhzhia oblast) 713067,
Donetsk (UA) 709717, Donetsk (Rostov oblast, RU) 565348.
"""

from __future__ import annotations

MAKIIVKA_CITY = 702320
MAKIIVKA_VILLAGE = 702314
OLENIVKA_DONETSK = 698614
OLENEVKA_CRIMEA = 461727
OLENIVKA_ODESA = 688208
OLENIVKA_POLTAVA = 698612
AZOV_RU = 580054
AZOV_UA = 713067
DONETSK_UA = 709717
DONETSK_RU = 565348
BAKHMUT = 713174
KHARKIV = 706483
DNIPRO = 709930
KROPYVNYTSKYI = 705812
MYKOLAIV = 700569
HORLIVKA = 707753
KRYVYI_RIH = 703845
LUHANSK = 702658
ZAPORIZHZHIA = 687700
MALOTARANIVKA = 702055
CHUHUIV = 710374
KYIV = 703448

#: (query, context text or None, expected GeoNames id of the best candidate)
AMBIGUOUS: list[tuple[str, str | None, int]] = [
    ("Makiivka", None, MAKIIVKA_CITY),
    ("Makiivka", "shelling in the Chernihiv region", MAKIIVKA_VILLAGE),
    ("Makiivka", "the DPR authorities said", MAKIIVKA_CITY),
    ("Olenivka", None, OLENIVKA_DONETSK),
    ("Olenivka", "a prison camp in Donetsk oblast", OLENIVKA_DONETSK),
    ("Olenivka", "a strike in Crimea", OLENEVKA_CRIMEA),
    ("Olenivka", "drones over the Odesa region", OLENIVKA_ODESA),
    ("Olenivka", "Poltava oblast officials", OLENIVKA_POLTAVA),
    ("Azov", None, AZOV_RU),
    ("Azov", "Zaporizhzhia region", AZOV_UA),
    ("Donetsk", None, DONETSK_UA),
    ("Donetsk", "drones hit Rostov region overnight", DONETSK_RU),
    ("Donetsk", "Rostov oblast governor", DONETSK_RU),
]

#: (spelling, expected GeoNames id): Russian/Ukrainian romanisations, old names, Cyrillic.
ROMANISATIONS: list[tuple[str, int]] = [
    ("Makiivka", MAKIIVKA_CITY),
    ("Makeevka", MAKIIVKA_CITY),
    ("Makeyevka", MAKIIVKA_CITY),
    ("Makiyivka", MAKIIVKA_CITY),
    ("Makijivka", MAKIIVKA_CITY),
    ("Kharkov", KHARKIV),
    ("Kharkiv", KHARKIV),
    ("Harkiv", KHARKIV),
    ("Artemovsk", BAKHMUT),
    ("Artemivsk", BAKHMUT),
    ("Dnepropetrovsk", DNIPRO),
    ("Dnipropetrovsk", DNIPRO),
    ("Kirovograd", KROPYVNYTSKYI),
    ("Kirovohrad", KROPYVNYTSKYI),
    ("Nikolaev", MYKOLAIV),
    ("Mykolaiv", MYKOLAIV),
    ("Gorlovka", HORLIVKA),
    ("Horlivka", HORLIVKA),
    ("Krivoy Rog", KRYVYI_RIH),
    ("Kryvyi Rih", KRYVYI_RIH),
    ("Lugansk", LUHANSK),
    ("Zaporozhye", ZAPORIZHZHIA),
    ("Zaporizhzhia", ZAPORIZHZHIA),
    ("Chuguev", CHUHUIV),
    ("Kiev", KYIV),
]

#: (Cyrillic spelling, expected GeoNames id)
CYRILLIC: list[tuple[str, int]] = [
    ("Макіївка", MAKIIVKA_CITY),
    ("Макеевка", MAKIIVKA_CITY),
    ("Бахмут", BAKHMUT),
    ("Харків", KHARKIV),
    ("Харьков", KHARKIV),
    ("Донецьк", DONETSK_UA),
]

#: (misspelling, context text or None, expected GeoNames id)
TYPOS: list[tuple[str, str | None, int]] = [
    ("Malotaranovi", None, MALOTARANIVKA),
    ("Malotaranovi", "Donetsk region", MALOTARANIVKA),
    ("Makiyvka", None, MAKIIVKA_CITY),
    ("Kharkivv", None, KHARKIV),
    ("Horlovkaa", "Donetsk region", HORLIVKA),
]

#: (region phrase, expected (country, admin1 code)); None = not a region phrase
REGION_PHRASES: list[tuple[str, tuple[str, str] | None]] = [
    ("Donetsk region", ("UA", "05")),
    ("Donetsk Oblast", ("UA", "05")),
    ("Donetska oblast", ("UA", "05")),
    ("Kharkov Region", ("UA", "07")),
    ("Kharkiv oblast", ("UA", "07")),
    ("Rostov region", ("RU", "61")),
    ("Rostov oblast", ("RU", "61")),
    ("Belgorod region", ("RU", "09")),
    ("Kursk Oblast", ("RU", "41")),
    ("Krasnodar Krai", ("RU", "38")),
    ("DPR", ("UA", "05")),
    ("Donetsk People's Republic", ("UA", "05")),
    ("LPR", ("UA", "14")),
    ("Donbas", ("UA", "05")),
    ("Crimea", ("UA", "11")),
    ("Republic of Crimea", ("UA", "11")),
    ("Zaporozhye region", ("UA", "26")),
    ("Chernihiv region", ("UA", "02")),
    ("Chechnya", ("RU", "12")),
    ("Donetsk", None),
    ("Kharkiv", None),
    ("region", None),
    ("", None),
]

#: (free-text location, expected GeoNames id of the best candidate, or (cc, admin1) for a region answer)
FREE_TEXT: list[tuple[str, int | tuple[str, str]]] = [
    ("Olenivka, Donetsk oblast", OLENIVKA_DONETSK),
    ("Olenivka, Crimea", OLENEVKA_CRIMEA),
    ("Chuhuiv, south of Kharkiv", CHUHUIV),
    ("Donetsk, Rostov region", DONETSK_RU),
    ("Makiivka, Chernihiv region", MAKIIVKA_VILLAGE),
    ("the outskirts of Makeevka (Donetsk oblast)", MAKIIVKA_CITY),
    ("Malotaranovi, Donetsk region", MALOTARANIVKA),
    # cities500 has no Novokaterynivka in Donetsk oblast; the settlement register has it
    # (Kalmiuske raion, the former Starobesheve raion), with an approximate point
    (
        "near Novokaterynivka village, Starobeshivskiy district, Donetsk region",
        "UA14100050190086312",
    ),
]

#: Inputs that must give no match (an empty list), never a traceback.
NO_MATCH: list[str] = [
    "",
    "   ",
    "\t\n",
    "\x00\x01\x02",
    "Qwzxqvvbnm",
    "東京特許許可局",
    "!!!???",
]

#: Inputs that must raise QueryError (a clear message), never a traceback.
REJECTED: list[object] = ["x" * 10_000, None, 42, b"Kyiv"]

#: World names the default index resolves beyond cities500 settlements:
#: (query, context text or None, expected GeoNames id, expected kind). Countries
#: by abbreviation and demonym, continents, first-level regions by bare name and
#: news abbreviation, second-level divisions by their full name, and namesake
#: rules (a bare region name shared with a big town is the town).
WORLD: list[tuple[str, str | None, int, str]] = [
    ("U.S.", None, 6252001, "country"),
    ("US", None, 6252001, "country"),
    ("Russian", None, 2017370, "country"),
    ("Syrians", None, 163843, "country"),
    ("Japanese", None, 1861060, "country"),
    ("Europe", None, 6255148, "continent"),
    ("European", None, 6255148, "continent"),
    ("Africa", None, 6255146, "continent"),
    ("Florida", None, 4155751, "region"),
    ("Kentucky", None, 6254925, "region"),
    ("Ky.", None, 6254925, "region"),
    ("B.C.", None, 5909050, "region"),
    ("Hall County", "Gainesville, Ga., police said", 4198821, "district"),
    ("Hall County", "Grand Island, Neb., police said", 5069587, "district"),
    ("Kharkiv", None, KHARKIV, "settlement"),
    ("Kharkov", None, KHARKIV, "settlement"),
    ("Donetsk", None, DONETSK_UA, "settlement"),
    ("New York", None, 5128581, "settlement"),
]

#: (text, regions its context must contain as (country, admin1)); news abbreviations after a comma.
ABBREVIATED_CONTEXT: list[tuple[str, tuple[tuple[str, str], ...]]] = [
    ("Officers in Paris, Ky., said", (("US", "KY"),)),
    ("SURREY, B.C. - A fire", (("CA", "02"),)),
    ("Lexington, KY 40507", (("US", "KY"),)),
    ("He felt ill, in the morning", ()),
    ("Drones hit Belgorod, in Russia", ()),
]
