"""Ukrainian and Russian posts through the whole pipeline: the real readers, the real
gazetteer, the extractor, a real GeoPackage store and fusion.

Acceptance of issue 15: a disputed claim across a Ukrainian and a Russian source fuses into
one event with both sides' claims; a mixed Ukrainian/English post is read sentence by
sentence; events carry the English name and the form the post wrote.
The posts are written for these tests (the facts are public).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from geoevents.extract import Extractor
from geoevents.ingest import ingest
from geoevents.io.articles import Article
from geoevents.io.events import frame_to_events
from geoevents.store import open_store

#: Russian defence ministry's account of the strike on Kramatorsk of 7-8 January 2023.
KRAMATORSK_RU = """\
Минобороны России заявило об ударе по Краматорску
Published: 2023-01-08

Министерство обороны России сообщило, что в ответ на удар по Макеевке
ракетным ударом по пунктам временной дислокации ВСУ в Краматорске уничтожены
более 600 украинских военнослужащих.
"""

#: The town's answer the same day, in Ukrainian.
KRAMATORSK_UK = """\
Краматорськ: заяви Міноборони РФ про 600 загиблих — фейк
Published: 2023-01-08

Міський голова Краматорська Олександр Гончаренко повідомив, що ракети
влучили в Краматорську в гуртожитки та гаражі, ніхто не загинув.
Заяви Міноборони РФ про сотні загиблих військових він назвав фейком.
"""


def test_disputed_claim_across_ukrainian_and_russian_sources_fuses(
    tmp_path: Path, gazetteer
) -> None:
    (tmp_path / "ru.txt").write_text(KRAMATORSK_RU, encoding="utf-8")
    (tmp_path / "uk.txt").write_text(KRAMATORSK_UK, encoding="utf-8")
    with open_store(tmp_path / "events.gpkg") as store:
        ingest(store, [tmp_path / "ru.txt", tmp_path / "uk.txt"], gazetteer=gazetteer)
        events = frame_to_events(store.events())
    kramatorsk = [e for e in events if e.place_name == "Kramatorsk"]
    assert len(kramatorsk) == 1, [(e.place_name, e.event_type) for e in events]
    ev = kramatorsk[0]
    assert len(ev.sources) == 2
    sides = {c.side for c in ev.claims}
    assert {"russia", "ukraine"} <= sides
    russian = next(c for c in ev.claims if c.side == "russia" and c.killed is not None)
    assert russian.killed.low == 600 and russian.killed.qualifier == "more than"
    assert ev.disputed
    assert any(c.side == "ukraine" and c.stance == "denies" for c in ev.claims)
    assert {"Краматорске", "Краматорську"} & set(ev.place_original)


@pytest.mark.parametrize(
    ("text", "place", "written"),
    [
        ("Вночі росіяни вдарили ракетами по Харкову, є загиблі.", "Kharkiv", "Харкову"),
        ("Ночью ВСУ атаковали беспилотниками Белгород, погиб мужчина.", "Belgorod", "Белгород"),
    ],
)
def test_events_carry_the_english_name_and_the_written_form(
    gazetteer, text: str, place: str, written: str
) -> None:
    result = Extractor(gazetteer).article(Article("p1", None, text))
    ev = next(e for e in result.events if e.place_name == place)
    assert ev.place_original == (written,)


def test_mixed_language_post_is_read_sentence_by_sentence(gazetteer) -> None:
    text = (
        "Вночі російські дрони атакували Одесу, пошкоджено портову інфраструктуру, "
        "повідомив начальник Одеської ОВА.\n\n"
        "English summary: a Russian missile also struck an apartment building in Dnipro "
        "on the same night, killing two people, the regional governor said."
    )
    result = Extractor(gazetteer).article(
        Article("mixed", "Ніч атак / Night of attacks", text, published=None)
    )
    places = {e.place_name for e in result.events}
    assert {"Odesa", "Dnipro"} <= places
    dnipro = next(e for e in result.events if e.place_name == "Dnipro")
    assert dnipro.casualties["killed"]["low"] == 2


#: A signed post: the speaker heads the title or signs the last line; its figures are theirs.
SIGNED = [
    (
        "Іван Федоров: ракетний удар по Запоріжжю",
        "Ворог вдарив ракетами по Запоріжжю. Загинули двоє людей, ще п'ятеро поранені.",
        "Zaporizhzhia governor",
    ),
    (
        None,
        "Вранці росіяни обстріляли Херсон з артилерії. Загинув чоловік, поранені троє людей.\n\n"
        "Олександр Прокудін, начальник Херсонської ОВА",
        "Kherson governor",
    ),
]


@pytest.mark.parametrize(("title", "text", "signer"), SIGNED)
def test_a_signed_posts_figures_are_its_signers(gazetteer, title, text, signer) -> None:
    result = Extractor(gazetteer).article(Article("s1", title, text))
    (ev,) = result.events
    figures = [c for c in ev.claims if c.killed is not None]
    assert figures and all(c.claimant == signer and c.side == "ukraine" for c in figures)


def test_an_unsigned_post_keeps_the_outlets_voice(gazetteer) -> None:
    text = (
        "Вранці росіяни обстріляли Херсон з артилерії. Загинув чоловік, поранені троє людей.\n\n"
        "Рятувальники працюють на місці."
    )
    (ev,) = Extractor(gazetteer).article(Article("s2", "Обстріл Херсона", text)).events
    assert {c.side for c in ev.claims if c.killed is not None} == {"other"}


@pytest.mark.parametrize(
    "tally",
    [
        "Повітряні сили повідомили, що загалом по країні з 30 ракет Х-101 знищено 26.",
        "Всего над территорией России перехвачены и уничтожены 40 беспилотников.",
        "Air defences shot down 26 of 30 Kh-101 missiles across the country, the air force said.",
    ],
)
def test_a_nationwide_tally_is_no_places_count(gazetteer, tally: str) -> None:
    text = f"Вранці ракета влучила в житловий будинок у Полтаві, загинули троє людей. {tally}"
    (ev,) = Extractor(gazetteer).article(Article("t1", None, text)).events
    assert ev.place_name == "Poltava"
    assert ev.weapon_counts["intercepted"]["low"] is None
    assert ev.weapon_counts["launched"]["low"] is None


def test_a_count_after_the_event_without_a_nationwide_word_is_its_own(gazetteer) -> None:
    text = "Вночі ворог атакував Полтаву шахедами. Сили ППО збили 5 з 7 шахедів."
    (ev,) = Extractor(gazetteer).article(Article("t2", None, text)).events
    assert ev.weapon_counts["intercepted"]["low"] == 5
