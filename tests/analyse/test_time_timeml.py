"""TimeML conventions found missing when storyline was checked against public TimeML news
(TempEval-3 silver data, round 2 of issue 16): one expression for "June this year", two for a
range, durations for "the next ten years" and "recent weeks". Sentences are written for these
tests; bench/time_eval.py reads TimeML files the same way ``_tml`` below does."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from conftest import make_article
from storyline.analyse.time.dates import extract_timerefs, read

NOV10 = dt.date(2005, 11, 10)  # a Thursday


def _refs(nlp: Language, text: str, published: str) -> list[tuple[str, str | None, str | None]]:
    refs = extract_timerefs(nlp(text), make_article(text, published=published))
    return [(r.text, r.timex_type, r.timex_value) for r in refs]


@pytest.mark.parametrize(
    ("words", "ttype", "value"),
    [
        ("July last year", "DATE", "2004-07"),
        ("June this year", "DATE", "2005-06"),
        ("March of next year", "DATE", "2006-03"),
        ("in the next 10 years", "DURATION", "P10Y"),
        ("in the past three months", "DURATION", "P3M"),
        ("recent weeks", "DURATION", "PXW"),
        ("in recent years", "DURATION", "PXY"),
        ("recent times", "DATE", "PAST_REF"),
        ("a long time ago", "DATE", "PAST_REF"),
        ("the year", "DATE", "2005"),
        ("the past half-century", "DURATION", "P50Y"),
        ("the last quarter century", "DURATION", "P25Y"),
        ("the end of 1999", "DATE", "1999"),
        ("the past year", "DURATION", "P1Y"),
        ("the next month", "DATE", "2005-12"),
        ("last year", "DATE", "2004"),
        ("this past weekend", "DATE", "2005-W44-WE"),
        ("the 21st century", "DATE", "20"),
        ("a few days ago", "DATE", "PAST_REF"),
    ],
)
def test_timeml_forms(words: str, ttype: str, value: str) -> None:
    r = read(words, NOV10, "past")
    assert (r.ttype, r.value) == (ttype, value)


def test_in_n_years_ahead_stays_a_date() -> None:
    r = read("in 10 years", NOV10, "future")
    assert (r.ttype, r.value) == ("DATE", "2015")


def test_month_of_a_relative_year_is_one_expression(nlp: Language) -> None:
    text = "Police froze the account in July last year, the court heard."
    assert _refs(nlp, text, "2005-11-10") == [("July last year", "DATE", "2004-07")]


def test_a_range_is_two_expressions_the_first_keeping_the_range(nlp: Language) -> None:
    text = "He held office between 1991 and 1996. Sales rose from January to September this year."
    refs = extract_timerefs(nlp(text), make_article(text, published="2005-11-10"))
    assert [(r.text, r.timex_value, r.end) for r in refs] == [
        ("1991", "1991", "1996"),
        ("1996", "1996", None),
        ("January", "2005-01", "2005-09"),
        ("September this year", "2005-09", None),
    ]


def test_a_parenthesised_year_range_is_two_years(nlp: Language) -> None:
    text = "The writer Ba Jin (1904-2005) led the association."
    assert _refs(nlp, text, "2006-11-14") == [("1904", "DATE", "1904"), ("2005", "DATE", "2005")]


def test_the_second_of_two_joined_months_follows_the_first(nlp: Language) -> None:
    text = "The games were slated for between late November and early December in Manila."
    assert _refs(nlp, text, "2005-11-10") == [
        ("late November", "DATE", "2005-11"),
        ("early December", "DATE", "2005-12"),
    ]


def test_the_second_of_two_joined_weekdays_follows_the_first(nlp: Language) -> None:
    text = "The pearls were put on show on Friday and Saturday before the auction."
    assert _refs(nlp, text, "1997-04-04") == [
        ("Friday", "DATE", "1997-04-04"),
        ("Saturday", "DATE", "1997-04-05"),
    ]


def test_an_age_is_not_a_time(nlp: Language) -> None:
    text = "At the age of 25, she won a national prize for a short story."
    assert _refs(nlp, text, "2006-11-14") == []


def test_the_same_period_last_year_is_the_quarter_a_year_before(nlp: Language) -> None:
    text = "Profit in the third quarter rose, compared with the same period last year."
    assert _refs(nlp, text, "2006-11-15") == [
        ("the third quarter", "DATE", "2006-Q3"),
        ("the same period last year", "DATE", "2005-Q3"),
    ]


def test_a_day_later_this_month_in_a_past_clause_is_this_year(nlp: Language) -> None:
    text = "The summit, scheduled for Nov. 18-19, is the first in a decade."
    assert _refs(nlp, text, "2006-11-15")[0] == ("Nov. 18-19", "DATE", "2006-11-18")


def test_an_offset_with_no_date_before_it_has_a_value_but_no_date(nlp: Language) -> None:
    text = "Talks ended on Monday. A day earlier, the president had met his cabinet."
    refs = extract_timerefs(nlp(text), make_article(text, published="2006-11-15"))
    assert [(r.text, r.date, r.timex_value) for r in refs] == [
        ("Monday", "2006-11-13", "2006-11-13"),
        ("A day earlier", None, "2006-11-12"),
    ]


def test_wire_header_stamp_is_one_time(nlp: Language) -> None:
    text = "NEWS STORY\n10/20/2000 20:02:07.85\n\nThe Navy has changed its account."
    assert _refs(nlp, text, "2000-10-20") == [("10/20/2000 20:02:07.85", "TIME", "2000-10-20T20:02:07.85")]


def test_a_tokenised_comma_keeps_the_year_with_its_day(nlp: Language) -> None:
    text = "NEW DELHI, April 1 , 1997 (AFP) A former member of parliament resigned."
    assert _refs(nlp, text, "1997-04-01") == [("April 1 , 1997", "DATE", "1997-04-01")]


def test_a_half_century_of_runs_is_not_a_half_year(nlp: Language) -> None:
    text = "Silva was unbeaten on 79, his second half century of the match."
    assert [r for r in _refs(nlp, text, "2006-12-16") if r[2] == "2006-H2"] == []


def test_the_next_year_is_a_stretch_only_after_a_preposition(nlp: Language) -> None:
    text = "Exports will double over the next year. The next year, he moved to Paris."
    assert _refs(nlp, text, "2005-11-10") == [
        ("the next year", "DURATION", "P1Y"),
        ("The next year", "DATE", "2006"),
    ]


def test_modifiers_and_fractions_stay_in_the_extent(nlp: Language) -> None:
    text = "Shares closed late yesterday; the project will take 2 1/2 years."
    assert _refs(nlp, text, "1989-11-02") == [
        ("late yesterday", "DATE", "1989-11-01"),
        ("2 1/2 years", "DURATION", "P2.5Y"),
    ]


def test_the_following_week_counts_from_the_last_date_named(nlp: Language) -> None:
    text = "The ship was seized on Sept. 3. The following week, the minister resigned."
    refs = extract_timerefs(nlp(text), make_article(text, published="2005-09-12"))
    assert [(r.text, r.date, r.end, r.timex_value) for r in refs] == [
        ("Sept. 3", "2005-09-03", None, "2005-09-03"),
        ("The following week", "2005-09-05", "2005-09-11", "2005-W36"),
    ]


def test_a_game_clock_is_not_a_time_but_days_left_are_a_duration(nlp: Language) -> None:
    text = "With 1:29 remaining, Collins tackled Smith; the league has two days left to rule."
    assert _refs(nlp, text, "2006-12-16") == [("two days", "DURATION", "P2D")]


def test_a_few_days_ago_keeps_its_quantifier(nlp: Language) -> None:
    text = "A few days ago, shares fell sharply in Tokyo."
    assert _refs(nlp, text, "2005-11-10") == [("A few days ago", "DATE", "PAST_REF")]


def test_a_year_earlier_with_no_date_before_it_is_valued_at_its_unit(nlp: Language) -> None:
    text = "Prices rose 5% from a year earlier, the agency said."
    assert _refs(nlp, text, "2005-11-10") == [("a year earlier", "DATE", "2004")]


def test_ordinals_alone_are_not_a_time(nlp: Language) -> None:
    text = "Three bowlers finished in 87th, 93rd and 97th places respectively."
    assert _refs(nlp, text, "2006-12-15") == []


def test_a_rate_after_a_bracketed_amount_is_a_set(nlp: Language) -> None:
    text = "Tax revenue alone would be 14 million yuan (1.7 million dollars) a year."
    assert _refs(nlp, text, "2006-11-14") == [("a year", "SET", "P1Y")]


def test_timeml_file_is_read_with_its_creation_time(tmp_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    import time_eval

    tml = tmp_path / "doc.tml"
    tml.write_text(
        '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2005-11-10" functionInDocument="CREATION_TIME">'
        'Nov. 10</TIMEX3></DCT><TEXT>Officials met <TIMEX3 tid="t1" type="DATE" value="2005-11-09">'
        "Wednesday </TIMEX3>&amp; agreed.</TEXT></TimeML>",
        encoding="utf-8",
    )
    doc = time_eval.load_tml(tml)
    assert doc.date == dt.date(2005, 11, 10)
    assert doc.text == "Officials met Wednesday & agreed."
    assert [(doc.text[g.start : g.end], g.type, g.value) for g in doc.gold] == [
        ("Wednesday", "DATE", "2005-11-09")
    ]
    whole = time_eval.load_tml(tml, with_dct=True)
    assert whole.text.startswith("Nov. 10\n\nOfficials")
    assert [(whole.text[g.start : g.end], g.value) for g in whole.gold] == [
        ("Nov. 10", "2005-11-10"),
        ("Wednesday", "2005-11-09"),
    ]
