"""The cheap pre-filters (word stems, per-pattern literals) never change a result.

Each stage skips its regex scans when a sentence lacks the words its patterns
need (:func:`geoevents.extract.sentences.has_stem`, the ``*_LITERALS`` tables). These
tests run the gated and the full scans over every sentence of the examples,
of the throughput bench's synthetic articles and of a list of hard cases, and
require identical results, so a pattern added without its literal fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from geoevents.extract import casualties, claims, detect, targets, weapons
from geoevents.extract.sentences import has_stem, split_sentences
from geoevents.io.articles import Article, read_articles

ROOT = Path(__file__).resolve().parents[2]

HARD_CASES = [
    "Two HIMARS launchers and an S-300 battery were destroyed near Malotaranivka.",
    "A Kh-101 and an X-101 cruise missile, an R-360 Neptune and BM-21 Grads were fired.",
    "Iranian-made kamikaze drones and Geran-2s hit the port; KABs and FAB-500 bombs fell on Vovchansk.",
    "Storm Shadows and SCALP-EG missiles struck a Su-34 and MiG-29s at the air base.",
    "The ATACMS (Army Tactical Missile System) hit an ammo dump, a fuel tank and a penal colony.",
    "No one was hurt; nobody was killed; the death toll was raised to 12.",
    "Officials raised the toll to 40, the mayor of Kherson said, citing the city council.",
    "Konashenkov said Shoigu's ministry of defence in Moscow had hit a troop concentration.",
    "Pushilin and Russian-installed authorities in the DPR blamed Kyiv.",
    "Ukraine's general staff called Russia's account fake; AP and AFP could not independently verify it.",
    "According to the Kyiv Independent and Ukrainska Pravda, Zelenskyy denied it.",
    "A car bomb and an improvised explosive device went off near a land mine.",
    "Air defences repelled a drone attack; a helicopter and a tank fire position were hit.",
    "Residents spent the night in shelters as sirens sounded.",
    "The governor of the Belgorod region, Vyacheslav Gladkov, wrote that a woman was injured.",
    "A multiple rocket launcher, Tochka-U and Iskander-M missiles, Lancets and Smerch rockets.",
    "A high-rise, a block of flats, a kindergarten, a maternity ward and a grain terminal were damaged.",
    "The head of the UN mission said shells had landed; Crimea's health officials said one died.",
    "A spokesman for Ukraine's forces rejected it; the Kursk region's emergency headquarters said so.",
    "Kyiv did not confirm it had any involvement; the police said the troops did it themselves.",
    "Russia's agriculture minister and the district military administration said nothing to do with it.",
]


def _bench_sentences() -> list[str]:
    from tests.support.articles import synthetic_articles

    return [s.text for a in synthetic_articles(40, 4096, 3) for s in split_sentences(a.text)]


def _example_sentences() -> list[str]:
    out: list[str] = []
    for item in read_articles([ROOT / "examples"]):
        if isinstance(item, Article):
            out += [item.title or ""] + [s.text for s in split_sentences(item.text)]
    return [s for s in out if s]


@pytest.fixture(scope="module")
def corpus() -> list[str]:
    sentences = list(dict.fromkeys(HARD_CASES + _example_sentences() + _bench_sentences()))
    assert len(sentences) > 100
    return sentences


def test_weapons_prefilter_is_exact(corpus: list[str]) -> None:
    for s in corpus:
        assert weapons.weapon_spans(s) == weapons._scan(s, gated=False), s


def test_targets_prefilter_is_exact(corpus: list[str]) -> None:
    for s in corpus:
        assert targets.target_spans(s) == targets._scan(s, gated=False), s


def test_claims_prefilter_is_exact(corpus: list[str]) -> None:
    for s in corpus:
        assert claims.find_claims(s) == claims._find_claims(s, None, gated=False), s


def test_casualties_stems_cover_every_figure(corpus: list[str]) -> None:
    for s in corpus:
        if not has_stem(s, casualties.GATE_STEMS):
            cas = casualties.parse_casualties(s)
            assert (cas.killed, cas.injured) == (None, None), s


def test_detect_stems_cover_every_trigger(corpus: list[str]) -> None:
    for s in corpus:
        if not has_stem(s, detect.GATE_STEMS):
            assert not any(rx.search(s) for rx, _, _ in detect.TRIGGERS), s


def test_hard_cases_are_found() -> None:
    """The pre-filters let the hard cases through (they are not vacuous)."""
    assert weapons.find_weapons(HARD_CASES[1]) == ("Grad", "Kh-101", "Neptune")
    assert "ammunition depot" in targets.find_targets(HARD_CASES[4])
    sc = claims.find_claims(HARD_CASES[9])
    assert [c.claimant for c in sc.claimants] == [
        "Ukrainian General Staff",
        "Associated Press",
        "AFP",
    ]
    assert sc.denial and sc.unverified
    assert casualties.parse_casualties(HARD_CASES[5]).killed.qualifier == "none"
