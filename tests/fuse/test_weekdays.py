"""A weekday beside a date the calendar gives another weekday."""

from __future__ import annotations

import pytest

from storyline.fuse.weekdays import weekday_conflicts
from storyline.model import Article


def _found(text: str, published: str | None = None) -> list[str]:
    return [
        c.description
        for c in weekday_conflicts([Article(id="a", source="a", text=text, published=published)])
    ]


def test_a_wrong_weekday_is_a_conflict() -> None:
    assert _found("They met on Sunday, June 19, 2023, in Geneva.") == [
        "The article writes 'Sunday, June 19, 2023', but June 19, 2023 was a Monday: "
        "the weekday or the date is wrong."
    ]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("They met on Monday, June 19, 2023.", None),
        ("They met on Tuesday, 20 June 2023.", None),
        ("They met on Sunday, June 19.", None),  # no year and no article date: unknown
        ("They met on Friday, December 29.", "2024-01-02"),  # last year's December
        ("The vote is on Monday; June 19, 2023 is the deadline.", None),  # not written together
    ],
)
def test_right_or_unknown_weekdays_are_not_conflicts(text: str, published: str | None) -> None:
    assert _found(text, published) == []


def test_the_article_year_completes_a_date() -> None:
    [why] = _found("They met on Sunday, June 19.", "2023-06-20")
    assert "June 19, 2023 (the year taken from the article's date) was a Monday" in why


def test_an_inferred_article_date_does_not_complete_a_date() -> None:
    art = Article(
        id="a",
        source="a",
        text="They met on Sunday, June 19.",
        published="2023-06-20",
        published_inferred=True,
    )
    assert weekday_conflicts([art]) == []
