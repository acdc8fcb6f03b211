"""Date resolution: every form against a known published date, tense included."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from conftest import make_article
from storyline.analyse.time.dates import Resolved, extract_timerefs, find_dateline, resolve

SAT = dt.date(2023, 6, 17)  # a Saturday
MON = dt.date(2023, 6, 19)
WED = dt.date(2023, 6, 14)


@pytest.mark.parametrize(
    ("text", "published", "future", "expected"),
    [
        ("on Sunday", SAT, False, Resolved("2023-06-18", "day", None)),  # weekend edition rule
        ("on Friday", SAT, False, Resolved("2023-06-16", "day", None)),
        ("Wednesday", SAT, False, Resolved("2023-06-14", "day", None)),
        ("on Saturday", SAT, False, Resolved("2023-06-17", "day", None)),
        ("on Wednesday", MON, False, Resolved("2023-06-14", "day", None)),
        ("on Tuesday", MON, False, Resolved("2023-06-13", "day", None)),
        ("on Friday", WED, True, Resolved("2023-06-16", "day", None)),
        ("on Wednesday", MON, True, Resolved("2023-06-21", "day", None)),
        ("Monday morning", MON, False, Resolved("2023-06-19", "day", None)),
        ("last Friday", MON, False, Resolved("2023-06-16", "day", None)),
        ("next Monday", MON, False, Resolved("2023-06-26", "day", None)),
    ],
)
def test_weekdays(text: str, published: dt.date, future: bool, expected: Resolved) -> None:
    assert resolve(text, published, future) == expected


def test_weekday_day_after_publication_when_published_late() -> None:
    late = dt.datetime(2023, 6, 19, 22, 48)  # Monday night: "on Tuesday" in Asia
    assert resolve("on Tuesday", late) == Resolved("2023-06-20", "day", None)


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("in February", False, Resolved("2023-02", "month", None)),
        ("in February", True, Resolved("2024-02", "month", None)),
        ("in November", False, Resolved("2022-11", "month", None)),
        ("in November", True, Resolved("2023-11", "month", None)),
        ("in June", False, Resolved("2023-06", "month", None)),
        ("early February", False, Resolved("2023-02", "month", None)),
        ("mid-February", False, Resolved("2023-02", "month", None)),
        ("last month", False, Resolved("2023-05", "month", None)),
        ("earlier this month", False, Resolved("2023-06", "month", None)),
        ("next month", False, Resolved("2023-07", "month", None)),
        ("last year", False, Resolved("2022", "year", None)),
        ("late last year", False, Resolved("2022", "year", None)),
        ("this year", False, Resolved("2023", "year", None)),
        ("next year", False, Resolved("2024", "year", None)),
        ("in five years", True, Resolved("2028", "year", None)),
        ("in five years", False, Resolved("2018", "year", "2023")),
        ("two years ago", False, Resolved("2021", "year", None)),
        ("three days ago", False, Resolved("2023-06-14", "day", None)),
        ("yesterday", False, Resolved("2023-06-16", "day", None)),
        ("tomorrow", False, Resolved("2023-06-18", "day", None)),
        ("this week", False, Resolved("2023-06-12", "day", "2023-06-18")),
        ("last week", False, Resolved("2023-06-05", "day", "2023-06-11")),
        ("this weekend", False, Resolved("2023-06-17", "day", "2023-06-18")),
        ("over the summer", True, Resolved("2023-06", "month", "2023-08")),
    ],
)
def test_relative_forms(text: str, future: bool, expected: Resolved) -> None:
    assert resolve(text, SAT, future) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("June 17, 2023", Resolved("2023-06-17", "day", None)),
        ("February 10, 2021", Resolved("2021-02-10", "day", None)),
        ("17 June 2023", Resolved("2023-06-17", "day", None)),
        ("Saturday, June 17, 2023", Resolved("2023-06-17", "day", None)),
        ("Sept. 3, 2022", Resolved("2022-09-03", "day", None)),
        ("17/06/2023", Resolved("2023-06-17", "day", None)),
        ("06/17/2023", Resolved("2023-06-17", "day", None)),
        ("2023-06-17", Resolved("2023-06-17", "day", None)),
        ("January 2021", Resolved("2021-01", "month", None)),
        ("since 2019", Resolved("2019", "year", None)),
        ("in 2012", Resolved("2012", "year", None)),
        ("June 18-19, 2023", Resolved("2023-06-18", "day", "2023-06-19")),
        ("from March to May 2023", Resolved("2023-03", "month", "2023-05")),
        ("2019-2021", Resolved("2019", "year", "2021")),
        ("between 2019 and 2021", Resolved("2019", "year", "2021")),
    ],
)
def test_explicit_forms_need_no_published_date(text: str, expected: Resolved) -> None:
    assert resolve(text, None) == expected


@pytest.mark.parametrize(
    "text", ["on Sunday", "last month", "in February", "next year", "yesterday", "June 2"]
)
def test_relative_forms_stay_unresolved_without_published_date(text: str) -> None:
    assert resolve(text, None) == Resolved(None, None, None)


@pytest.mark.parametrize("text", ["10:30 in 2023", "two weeks in 2023"])
def test_no_published_date_never_fills_parts_from_the_wall_clock(text: str) -> None:
    assert resolve(text, None) == Resolved(None, None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("June the 5th, 2023", Resolved("2023-06-05", "day", None)),
        ("Sept. the 5th, 2023", Resolved("2023-09-05", "day", None)),
    ],
)
def test_no_published_date_keeps_a_fully_stated_day(text: str, expected: Resolved) -> None:
    assert resolve(text, None) == expected


@pytest.mark.parametrize("text", ["four months later", "two days", "a few months later"])
def test_durations_and_event_relative_forms_are_not_dates(text: str) -> None:
    assert resolve(text, SAT).date is None


def test_dateline_timestamp_is_found() -> None:
    found = find_dateline("By A Writer June 17, 2023 10:48 pm ET BEIJING—Text.")
    assert found is not None and found[0] == dt.datetime(2023, 6, 17, 22, 48)


@pytest.mark.parametrize(
    ("sentence", "words", "date"),
    [
        ("The ministry said it plans to leave on Friday for talks.", "Friday", "2023-06-16"),
        ("The minister left on Friday for talks.", "Friday", "2023-06-09"),
        ("She met the envoy in February.", "February", "2023-02"),
        ("She will meet the envoy in February.", "February", "2024-02"),
        ("The summit is expected to be held in November.", "November", "2023-11"),
        ("He had been due to visit the capital in February.", "February", "2023-02"),
    ],
)
def test_tense_of_the_clause_picks_past_or_future(
    nlp: Language, sentence: str, words: str, date: str
) -> None:
    article = make_article(sentence, published="2023-06-14")  # a Wednesday
    refs = extract_timerefs(nlp(sentence), article)
    assert [(r.text, r.date) for r in refs] == [(words, date)]


def test_timeref_keeps_the_words_and_offsets(nlp: Language) -> None:
    text = "Officials met on Sunday morning in the capital."
    article = make_article(text, published="2023-06-17")
    [ref] = extract_timerefs(nlp(text), article)
    assert (ref.text, text[ref.span.start : ref.span.end], ref.date) == (
        "Sunday morning",
        "Sunday morning",
        "2023-06-18",
    )


def test_dateline_in_text_marks_late_publication(nlp: Language) -> None:
    text = "By A. Writer June 19, 2023 10:48 pm ET\n\nThe envoy arrived in the capital on Tuesday."
    refs = extract_timerefs(nlp(text), make_article(text, published="2023-06-19"))
    assert [(r.text, r.date) for r in refs] == [
        ("June 19, 2023 10:48 pm", "2023-06-19"),
        ("Tuesday", "2023-06-20"),
    ]
