"""Checkable facts in a sentence: the word checks before each pattern never lose a fact."""

from __future__ import annotations

import pytest

from storyline.fuse.quantities import extract_facts


def _facts(text: str, year: int | None = 2024) -> list[tuple[str, float, str]]:
    return [(f.kind, f.value, text[f.start : f.end]) for f in extract_facts(text, year)]


def test_each_kind_of_fact_is_found() -> None:
    text = (
        "The first visit by a foreign minister since 2018 ended a 35-minute meeting in early March, "
        "after talks began in 2019, and 12 people were hurt."
    )
    assert _facts(text) == [
        ("precedent", 2018.0, "first visit by a foreign minister since 2018"),
        ("duration", 35.0, "35-minute meeting"),
        ("count", 12.0, "12 people"),
        ("start", 2019.0, "began in 2019"),
        ("period", 2024 * 12 + 3, "early March"),
    ]


def test_a_sentence_without_fact_words_has_no_facts() -> None:
    assert _facts("The ministers shook hands and smiled for the cameras.") == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Officials said 12 \u017foldiers were hurt.", "count"),  # long s: IGNORECASE reads an s
        ("It was the fir\u017ft visit since 2019.", "precedent"),
        ("They met for three \u0130ours.", None),  # dotted capital I is an i, not an h: no fact
        ("They met for three hours.", "duration"),
        ("The 12 WOR\u212aERS left.", "count"),  # Kelvin sign: IGNORECASE reads a k
    ],
)
def test_letters_that_fold_to_ascii_only_under_ignorecase_are_still_read(text: str, kind: str | None) -> None:
    assert [f[0] for f in _facts(text)] == ([kind] if kind else [])
