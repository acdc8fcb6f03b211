"""Properties of the pure functions, checked over generated inputs (hypothesis) or a whole corpus.

- date resolution never reads the wall clock and gives the same answer to the same question;
- every span an analysis records points at exactly the text it claims (demo corpus);
- cleaning loses no character: body plus ``removed`` hold every non-whitespace character of
  the input, as often as the input has it (whitespace is normalised: runs collapse, lines are
  stripped, blocks rejoined with blank lines, so only non-whitespace characters are counted);
- near-duplicate grouping is symmetric and does not depend on the order of the articles.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.analyse.time import resolve
from storyline.ingest import article_id, ingest
from storyline.ingest.boilerplate import clean
from storyline.ingest.dedupe import mark_duplicates
from storyline.model import Analysis, Article, Record, Span
from storyline.settings import Settings

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo"
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --------------------------------------------------------------------------- date resolution

_UNITS = ["day", "days", "week", "weeks", "month", "months", "year", "years"]
_MONTHS = ["January", "March", "June", "September", "December"]
_WEEKDAYS = ["Monday", "Wednesday", "Friday", "Sunday"]

_AMOUNT = st.integers(1, 20)
relative_expression = st.one_of(
    st.builds("{} {} ago".format, _AMOUNT, st.sampled_from(_UNITS)),
    st.builds("in {} {}".format, _AMOUNT, st.sampled_from(_UNITS)),
    st.builds("{} {}".format, st.sampled_from(["last", "next", "this"]), st.sampled_from(_UNITS[::2])),
    st.builds("{} {}".format, st.sampled_from(["last", "next", "on"]), st.sampled_from(_WEEKDAYS)),
    st.sampled_from(_WEEKDAYS),
    st.builds("{} {}".format, st.sampled_from(_MONTHS), st.integers(1, 28)),
    st.builds("{} {}".format, st.integers(1, 28), st.sampled_from(_MONTHS)),
    st.builds("{} {}".format, st.sampled_from(["in", "early", "late", "mid"]), st.sampled_from(_MONTHS)),
    st.sampled_from(["yesterday", "today", "tomorrow", "tonight", "last night", "this morning", "recently"]),
)
#: Anchors far from the wall clock (1900-1950): a reading taken from today would land 75+ years
#: away, while every expression above moves at most 20 years from its anchor.
anchor = st.dates(dt.date(1900, 1, 1), dt.date(1950, 12, 31))
tense = st.sampled_from([None, "past", "future", "present", "unknown"])


@PROPERTY
@given(text=relative_expression, published=anchor, tense=tense)
def test_relative_dates_stay_near_the_article_s_own_date(
    text: str, published: dt.date, tense: str | None
) -> None:
    got = resolve(text, published, tense=tense)
    for value in (got.date, got.end):
        if value is not None:
            assert abs(int(value[:4]) - published.year) <= 21, (text, published, got)


@PROPERTY
@given(text=relative_expression, tense=tense)
def test_an_undated_article_keeps_relative_dates_unresolved(text: str, tense: str | None) -> None:
    assert resolve(text, None, tense=tense).date is None


@PROPERTY
@given(
    text=st.one_of(
        relative_expression, st.text(max_size=40), st.from_regex(r"\d{1,2}/\d{1,2}/\d{2,4}", fullmatch=True)
    ),
    published=st.one_of(st.none(), anchor, st.datetimes(dt.datetime(1900, 1, 1), dt.datetime(1950, 12, 31))),
    tense=tense,
)
def test_same_question_same_answer_and_no_year_from_nowhere(
    text: str, published: dt.date | None, tense: str | None
) -> None:
    first = resolve(text, published, tense=tense)
    assert resolve(text, published, tense=tense) == first
    if first.date is not None and published is None:
        # with no anchor, a year can only come from the words themselves (digits of any script)
        digits = "".join(
            str(unicodedata.digit(c)) if unicodedata.digit(c, None) is not None else c for c in text
        )
        assert first.date[:4] in digits or first.date[2:4] in digits, (text, first)


# --------------------------------------------------------------------------- spans


@pytest.fixture(scope="module")
def demo_analyses() -> list[tuple[Article, Analysis]]:
    from storyline.analyse import analyse_articles

    articles = [a for a in ingest([str(DEMO)], Settings()).articles if a.duplicate_of is None]
    return list(zip(articles, analyse_articles(articles), strict=True))


def _records(value: Any) -> list[Record]:
    """``value`` and every record nested in it, depth first."""
    if isinstance(value, Record):
        return [value, *(r for f in fields(value) for r in _records(getattr(value, f.name)))]  # type: ignore[arg-type]
    if isinstance(value, list | tuple):
        return [r for v in value for r in _records(v)]
    return []


def test_every_span_points_at_the_text_it_claims(demo_analyses: list[tuple[Article, Analysis]]) -> None:
    checked, wrong = 0, []
    for article, analysis in demo_analyses:
        assert analysis.article == article.id
        for rec in _records(analysis):
            pairs: list[tuple[Span, str | None]] = []
            if isinstance(rec, Span):
                pairs.append((rec, None))
            span, text = getattr(rec, "span", None), getattr(rec, "text", None)
            if isinstance(span, Span) and isinstance(text, str):
                pairs.append((span, text))
            names = {f.name for f in fields(rec)}
            if {"start", "end", "text"} <= names and not isinstance(rec, Span) and rec.start >= 0:  # type: ignore[attr-defined]
                own = Span(getattr(rec, "article", article.id), rec.start, rec.end)  # type: ignore[attr-defined]
                pairs.append((own, rec.text))  # type: ignore[attr-defined]
            for sp, claimed in pairs:
                checked += 1
                ok = sp.article == article.id and 0 <= sp.start <= sp.end <= len(article.text)
                if ok and claimed is not None:
                    ok = article.text[sp.start : sp.end] == claimed
                if not ok:
                    wrong.append(f"{type(rec).__name__} {sp.start}-{sp.end} {claimed!r}")
    assert (wrong, checked > 500) == ([], True)


# --------------------------------------------------------------------------- cleaning

_PROSE = [
    "The council said on Monday that talks with the union would resume next week.",
    "Engineers closed the bridge after inspectors found a crack in its main support.",
    '"We will not reopen it until it is safe," said Mayor Ines Marlow.',
    "About 4,000 commuters use the crossing each day, according to the transport office.",
    "Residents were told to use the northern road instead while repairs continue.",
]
_JUNK = [
    "Advertisement",
    "Share this article",
    "Sign up for our newsletter",
    "© 2024 Harbour Ledger. All rights reserved.",
    "By Jane Doe",
    "LONDON (Reuters) -",
    "Read more: Ferry fares to rise",
    "Photo: AP",
    "Home | World | Sport | Business",
    "Click here to subscribe",
    "Updated 12:04 GMT",
]
_SPACE = st.sampled_from(["\n", "\n\n", "\n \n", "\r\n", "\n\t\n", "  \n\n\n"])
block = st.one_of(
    st.lists(st.sampled_from(_PROSE), min_size=1, max_size=4).map(" ".join),
    st.sampled_from(_JUNK),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=60),
)


@PROPERTY
@given(blocks=st.lists(st.tuples(block, _SPACE), min_size=1, max_size=14), extracted=st.booleans())
def test_cleaning_loses_no_character(blocks: list[tuple[str, str]], extracted: bool) -> None:
    raw = "".join(b + sep for b, sep in blocks)
    c = clean(raw, extracted=extracted)
    kept = Counter(re.sub(r"\s", "", c.body)) + Counter(re.sub(r"\s", "", "".join(r.text for r in c.removed)))
    assert kept == Counter(re.sub(r"\s", "", raw))


# --------------------------------------------------------------------------- dedupe


def _article(text: str, n: int) -> Article:
    return Article(id=article_id(text), source=f"a{n}.txt", text=text)


def _variant(base: str, edit: int) -> str:
    words = base.split()
    return " ".join([*words[:edit], "reportedly", *words[edit:]])


story_texts = st.lists(st.sampled_from(_PROSE), min_size=3, max_size=5, unique=True).map(" ".join)


@st.composite
def article_sets(draw: st.DrawFn) -> list[Article]:
    """A few stories, each with exact copies, lightly edited copies, or none."""
    texts: list[str] = []
    for base in draw(st.lists(story_texts, min_size=1, max_size=4)):
        texts.append(base)
        for kind in draw(st.lists(st.sampled_from(["copy", "edit", "other"]), max_size=3)):
            if kind == "copy":
                texts.append(base)
            elif kind == "edit":
                texts.append(_variant(base, draw(st.integers(0, len(base.split())))))
    return [_article(t, i) for i, t in enumerate(texts)]


def _groups(articles: list[Article]) -> set[frozenset[str]]:
    """Each canonical article's source together with the sources of its duplicates."""
    marked = mark_duplicates(articles, 0.8)
    canon = {a.id: a.source for a in marked if a.duplicate_of is None}
    groups: dict[str, set[str]] = {aid: {src} for aid, src in canon.items()}
    for a in marked:
        if a.duplicate_of is not None:
            groups[a.duplicate_of].add(a.source)
    return {frozenset(g) for g in groups.values()}


@PROPERTY
@given(articles=article_sets(), order=st.randoms(use_true_random=False))
def test_duplicate_groups_do_not_depend_on_input_order(articles: list[Article], order: Any) -> None:
    shuffled = list(articles)
    order.shuffle(shuffled)
    assert _groups(shuffled) == _groups(articles)


@PROPERTY
@given(a=story_texts, b=st.one_of(story_texts, story_texts.map(lambda t: _variant(t, 3))))
def test_being_a_duplicate_is_symmetric(a: str, b: str) -> None:
    first, second = _article(a, 0), _article(b, 1)
    assert _groups([first, second]) == _groups([second, first])
