"""Every form of time expression issue 16 names, with its TIMEX3 type and value beside
storyline's own reading. Sentences and dates are written for these tests."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from spacy.language import Language

from conftest import make_article
from storyline.analyse.time.dates import extract_timerefs, read
from storyline.ingest.readers import read_path

JAN7 = dt.date(2000, 1, 7)  # a Friday
OCT26 = dt.date(1998, 10, 26)  # a Monday


@pytest.mark.parametrize(
    ("words", "pub", "tense", "ttype", "value", "date", "gran"),
    [
        # quarters and halves, fiscal years
        ("the third quarter", OCT26, "past", "DATE", "1998-Q3", "1998-07", "month"),
        ("third-quarter", OCT26, "unknown", "DATE", "1998-Q3", "1998-07", "month"),
        ("the fourth quarter", JAN7, "past", "DATE", "1999-Q4", "1999-10", "month"),
        ("fourth-quarter", OCT26, "future", "DATE", "1998-Q4", "1998-10", "month"),
        ("the first quarter of 1999", JAN7, "past", "DATE", "1999-Q1", "1999-01", "month"),
        ("Q2 2001", JAN7, "past", "DATE", "2001-Q2", "2001-04", "month"),
        ("the first half of 1998", JAN7, "past", "DATE", "1998-H1", "1998-01", "month"),
        ("the second half", JAN7, "past", "DATE", "1999-H2", "1999-07", "month"),
        ("fiscal 1999", JAN7, "past", "DATE", "FY1999", "1999", "year"),
        # seasons, decades, weeks
        ("this summer", JAN7, "future", "DATE", "2000-SU", "2000-06", "month"),
        ("the spring", JAN7, "past", "DATE", "1999-SP", "1999-03", "month"),
        ("the summer of 2020", JAN7, "past", "DATE", "2020-SU", "2020-06", "month"),
        ("the 1990s", JAN7, "past", "DATE", "199", "1990", "year"),
        ("next week", JAN7, "future", "DATE", "2000-W02", "2000-01-10", "day"),
        ("the weekend", JAN7, "past", "DATE", "1999-W52-WE", "2000-01-01", "day"),
        ("two weeks ago", JAN7, "past", "DATE", "1999-W51", "1999-12-24", "day"),
        # present, past and future references: no calendar date
        ("now", JAN7, "present", "DATE", "PRESENT_REF", None, None),
        ("currently", JAN7, "present", "DATE", "PRESENT_REF", None, None),
        ("recently", JAN7, "past", "DATE", "PAST_REF", None, None),
        ("in recent years", JAN7, "past", "DURATION", "PXY", None, None),
        ("the future", JAN7, "unknown", "DATE", "FUTURE_REF", None, None),
        # durations and sets
        ("three years", JAN7, "past", "DURATION", "P3Y", None, None),
        ("35-minute", JAN7, "past", "DURATION", "PT35M", None, None),
        ("three-and-a-half hours", JAN7, "past", "DURATION", "PT3.5H", None, None),
        ("the past three years", JAN7, "past", "DURATION", "P3Y", None, None),
        ("months", JAN7, "past", "DURATION", "PXM", None, None),
        ("every Tuesday", JAN7, "present", "SET", "XXXX-WXX-2", None, None),
        ("every two weeks", JAN7, "present", "SET", "P2W", None, None),
        ("twice a year", JAN7, "present", "SET", "P1Y", None, None),
        ("quarterly", JAN7, "present", "SET", "P3M", None, None),
        ("on Tuesdays", JAN7, "present", "SET", "XXXX-WXX-2", None, None),
        # clock times and parts of the day
        ("0735 GMT", JAN7, "past", "TIME", "2000-01-07T07:35", "2000-01-07", "day"),
        ("10:48 pm ET", JAN7, "past", "TIME", "2000-01-07T22:48", "2000-01-07", "day"),
        ("this morning", JAN7, "past", "TIME", "2000-01-07TMO", "2000-01-07", "day"),
        ("tonight", JAN7, "future", "TIME", "2000-01-07TNI", "2000-01-07", "day"),
        ("Monday morning", JAN7, "past", "TIME", "2000-01-03TMO", "2000-01-03", "day"),
        # month-days and months without a year: the nearest sensible reading
        ("Feb. 10", JAN7, "unknown", "DATE", "2000-02-10", "2000-02-10", "day"),
        ("Feb. 10", JAN7, "future", "DATE", "2000-02-10", "2000-02-10", "day"),
        ("Dec. 14", JAN7, "past", "DATE", "1999-12-14", "1999-12-14", "day"),
        ("Dec. 1", OCT26, "past", "DATE", "1998-12-01", "1998-12-01", "day"),
        ("Saturday, April 25", dt.date(1998, 10, 26), "past", "DATE", "1998-04-25", "1998-04-25", "day"),
        ("last October", dt.date(1999, 3, 12), "past", "DATE", "1998-10", "1998-10", "month"),
        ("the end of the year", JAN7, "future", "DATE", "2000", "2000", "year"),
        ("the end of May", JAN7, "future", "DATE", "2000-05", "2000-05", "month"),
    ],
)
def test_forms_read_with_timex_values(
    words: str, pub: dt.date, tense: str, ttype: str, value: str, date: str | None, gran: str | None
) -> None:
    r = read(words, pub, tense)
    assert (r.ttype, r.value, r.date, r.granularity) == (ttype, value, date, gran)


def test_weekend_before_a_weekday_is_the_one_just_past() -> None:
    assert read("the weekend", dt.date(2010, 11, 30), "past").value == "2010-W47-WE"


def test_a_year_ago_in_an_earnings_sentence_is_the_quarter_a_year_before() -> None:
    ctx: dict[str, object] = {"earnings": True}
    assert read("the third quarter", OCT26, "past", ctx=ctx).value == "1998-Q3"
    assert read("a year ago", OCT26, "past", ctx=ctx).value == "1997-Q3"
    assert read("a year ago", OCT26, "past").value == "1997"  # elsewhere: the year


def test_the_quarter_in_an_earnings_story_is_the_one_it_reports() -> None:
    ctx: dict[str, object] = {"earnings": True}
    read("the second quarter", dt.date(2019, 7, 15), "past", ctx=ctx)
    assert read("the quarter", dt.date(2019, 7, 15), "past", ctx=ctx).value == "2019-Q2"


def test_no_published_date_resolves_only_what_the_words_state() -> None:
    assert read("the third quarter", None, "past").date is None
    assert read("Q3 2023", None, "past").value == "2023-Q3"
    assert read("now", None, "present").value == "PRESENT_REF"


def _refs(nlp: Language, text: str, published: str) -> list[tuple[str, str | None, str | None]]:
    refs = extract_timerefs(nlp(text), make_article(text, published=published))
    return [(r.text, r.timex_type, r.timex_value) for r in refs]


def test_extents_leave_out_prepositions(nlp: Language) -> None:
    text = "Prices have risen since 1996 and fell for three years in recent years."
    assert _refs(nlp, text, "2000-01-07") == [
        ("1996", "DATE", "1996"),
        ("three years", "DURATION", "P3Y"),
        ("recent years", "DURATION", "PXY"),
    ]


def test_gmt_clock_time_is_not_a_year(nlp: Language) -> None:
    text = "Rescue teams reached the village (0735 GMT) and found survivors."
    assert _refs(nlp, text, "2000-01-07") == [("0735 GMT", "TIME", "2000-01-07T07:35")]


def test_colon_after_a_month_day_keeps_the_date(nlp: Language) -> None:
    text = "Saturday, April 25: the exchange will stay open for a special session."
    assert _refs(nlp, text, "1998-04-24") == [("Saturday, April 25", "DATE", "1998-04-25")]


def test_clock_time_takes_the_day_named_beside_it(nlp: Language) -> None:
    text = "The chief executive will speak at 10 a.m. Tuesday in New York."
    assert _refs(nlp, text, "2019-07-15") == [
        ("10 a.m.", "TIME", "2019-07-16T10:00"),
        ("Tuesday", "DATE", "2019-07-16"),
    ]


def test_reported_weekday_is_the_report_not_a_neighbouring_would(nlp: Language) -> None:
    text = "The company said Wednesday it would raise prices if costs kept rising."
    assert _refs(nlp, text, "2000-01-06") == [("Wednesday", "DATE", "2000-01-05")]


def test_future_month_day_in_a_would_clause(nlp: Language) -> None:
    text = "Negotiators said Thursday they would resume talks Feb. 10 in Geneva."
    assert _refs(nlp, text, "2000-01-07") == [
        ("Thursday", "DATE", "2000-01-06"),
        ("Feb. 10", "DATE", "2000-02-10"),
    ]


def test_present_tense_weekday_is_the_coming_one(nlp: Language) -> None:
    text = "Voters go to the polls Tuesday in five states."
    assert _refs(nlp, text, "2016-04-22") == [("Tuesday", "DATE", "2016-04-26")]


def test_earnings_story_year_ago_and_quarter(nlp: Language) -> None:
    text = (
        "Acme said net income in the third quarter rose to $41 million from $36.6 million a year ago.\n"
        "Revenue for the quarter climbed 8%."
    )
    assert _refs(nlp, text, "1998-10-26") == [
        ("the third quarter", "DATE", "1998-Q3"),
        ("a year ago", "DATE", "1997-Q3"),
        ("the quarter", "DATE", "1998-Q3"),
    ]


def test_sidecar_named_after_the_whole_stem(tmp_path: Path) -> None:
    """``X.txt`` -> ``X.meta.json`` whatever dots X holds; the older forms still count."""
    body = "Officials met in the capital on Monday to discuss the harbour dispute at length."
    for name, side in (
        ("ABC19980108.1830.0711.txt", "ABC19980108.1830.0711.meta.json"),
        ("NYT19980206.0460.txt", "NYT19980206.0460.txt.meta.json"),
        ("APW19980213.1310.txt", "APW19980213.meta.json"),
    ):
        folder = tmp_path / name
        folder.mkdir()
        (folder / name).write_text(body, encoding="utf-8")
        (folder / side).write_text(json.dumps({"published": "1998-01-08"}), encoding="utf-8")
        [doc] = read_path(folder / name, 1_000_000)
        assert getattr(doc, "meta", {}).get("published") == "1998-01-08", name


def test_offset_counts_from_the_date_before_it_in_the_sentence(nlp: Language) -> None:
    text = "Inflation was 4% in December, down from 6% a year earlier."
    assert _refs(nlp, text, "2000-01-07") == [
        ("December", "DATE", "1999-12"),
        ("a year earlier", "DATE", "1998-12"),
    ]


def test_offset_without_a_date_before_it_is_left_to_the_events(nlp: Language) -> None:
    text = "Three days later, the ministry postponed the visit."
    refs = extract_timerefs(nlp(text), make_article(text, published="2000-01-07"))
    # the date waits for the events stage; the TIMEX3 value counts from publication
    assert [(r.text, r.date, r.timex_value) for r in refs] == [("Three days later", None, "2000-01-10")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("He won a second term in 2012.", ["2012"]),
        ("China Daily reported the talks.", []),
        ("The paper is published daily.", ["daily"]),
        ("Sales rose from the previous year.", ["the previous year"]),
    ],
)
def test_names_and_ordinals_are_not_time(nlp: Language, text: str, found: list[str]) -> None:
    assert [words for words, _, _ in _refs(nlp, text, "2000-01-07")] == found


def test_rate_is_a_set_and_a_stretch_a_duration(nlp: Language) -> None:
    assert _refs(nlp, "The pipeline carried 1.2 million barrels a day.", "2005-09-12") == [
        ("a day", "SET", "P1D")
    ]
    assert _refs(nlp, "The talks lasted a day.", "2005-09-12") == [("a day", "DURATION", "P1D")]


def test_the_next_day_counts_from_the_last_day_named(nlp: Language) -> None:
    text = "The ship was seized on Sept. 3. The next day, the minister resigned."
    assert _refs(nlp, text, "2005-09-12") == [
        ("Sept. 3", "DATE", "2005-09-03"),
        ("The next day", "DATE", "2005-09-04"),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The shops close on Christmas Day.", "2005-12-25"),
        ("The store opened on Thanksgiving.", "2004-11-25"),
        ("The parade will be held on Labor Day.", "2006-09-04"),
    ],
)
def test_holidays(nlp: Language, text: str, value: str) -> None:
    assert [v for _, _, v in _refs(nlp, text, "2005-09-12")] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The company said in a statement Wednesday that it would cut 400 jobs.", "2000-01-05"),
        ("Officials told reporters Wednesday they could meet again.", "2000-01-05"),
        ("The minister said talks would resume Wednesday.", "2000-01-12"),
    ],
)
def test_the_weekday_belongs_to_its_own_clause(nlp: Language, text: str, value: str) -> None:
    assert [v for _, _, v in _refs(nlp, text, "2000-01-06")] == [value]
