"""Sentence splitting (issue 3, point 3: event detection works sentence by sentence)."""

from __future__ import annotations

import pytest

from geoevents.extract.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A strike hit Kyiv. Two died.", ["A strike hit Kyiv.", "Two died."]),
        ("Lt. Gen. Ivanov said so. Then he left.", ["Lt. Gen. Ivanov said so.", "Then he left."]),
        ("The U.S. sent HIMARS. Russia objected.", ["The U.S. sent HIMARS.", "Russia objected."]),
        (
            "It happened on Dec. 31 near Makiivka. Dozens died.",
            ["It happened on Dec. 31 near Makiivka.", "Dozens died."],
        ),
        (
            "Shells fell 2.5 km away. No one was hurt.",
            ["Shells fell 2.5 km away.", "No one was hurt."],
        ),
        ('"It was fake," he said. Kyiv denied it.', ['"It was fake," he said.', "Kyiv denied it."]),
        ("Was it a drone? Officials did not say!", ["Was it a drone?", "Officials did not say!"]),
        ("J. Smith wrote it. Fine.", ["J. Smith wrote it.", "Fine."]),
        ("Kyiv, May 3 (EFE)\n\nDrones hit\na depot.", ["Kyiv, May 3 (EFE)", "Drones hit a depot."]),
        ("", []),
        ("   \n\n  ", []),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


def test_spans_point_into_the_source() -> None:
    text = "First sentence here.   Second: strike on Kherson!  Third one"
    sents = split_sentences(text)
    assert [s.index for s in sents] == [0, 1, 2]
    for s in sents:
        assert text[s.start : s.end] == s.text
