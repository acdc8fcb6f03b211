"""Quote fusion on hand-built articles: repeats marked, wire copies found as sources."""

from __future__ import annotations

import pytest

from conftest import make_article
from storyline.fuse import fuse
from storyline.fuse.quotes import find_in_copy, fuse_quotes
from storyline.fuse.sources import Sources
from storyline.model import Analysis, Article, Evidence, Quote


def quote(article: Article, words: str, speaker: str | None = "person:lopez", direct: bool = True) -> Quote:
    start = article.text.index(words)
    return Quote(
        id=f"q-{article.outlet}-{start}",
        article=article.id,
        start=start,
        end=start + len(words),
        text=words,
        speaker=speaker,
        speaker_name="Lopez",
        cue="say",
        direct=direct,
    )


HARBOUR = make_article(
    "“We will rebuild the bridge before winter,” Maria Lopez said on Monday.", outlet="Harbour Post"
)
CORAL = make_article(
    "Mayor Maria Lopez told a press conference: “we will rebuild the bridge before winter.”",
    outlet="Coral Times",
)
WIRE = make_article(
    "CANBERRA — “We will rebuild the bridge before winter,” Maria Lopez said on Monday.",
    outlet="Pacific Wire",
)
COPY = make_article(
    'Reprinted. CANBERRA — "We will rebuild the bridge before winter," Maria Lopez said on Monday.',
    outlet="Daily Echo",
    duplicate_of=WIRE.id,
)


def test_two_outlets_quoting_one_press_conference_are_one_quote() -> None:
    a = quote(HARBOUR, "We will rebuild the bridge before winter")
    b = quote(CORAL, "we will rebuild the bridge before winter.")
    first, second = fuse_quotes([a, b], Sources([HARBOUR, CORAL]))
    assert (first.same_as, second.same_as) == (None, a.id)
    assert [(s.article, s.text) for s in first.sources] == [
        (HARBOUR.id, "We will rebuild the bridge before winter"),
        (CORAL.id, "we will rebuild the bridge before winter."),
    ]
    assert first.outlets == ("Harbour Post", "Coral Times")


def test_each_quote_keeps_its_own_article_span() -> None:
    a = quote(HARBOUR, "We will rebuild the bridge before winter")
    b = quote(CORAL, "we will rebuild the bridge before winter.")
    fused = fuse_quotes([a, b], Sources([HARBOUR, CORAL]))
    assert [(q.article, q.start, q.end) for q in fused] == [
        (a.article, a.start, a.end),
        (b.article, b.start, b.end),
    ]


def test_wire_copy_adds_its_span_as_a_source() -> None:
    q = quote(WIRE, "We will rebuild the bridge before winter")
    (fused,) = fuse_quotes([q], Sources([WIRE, COPY]))
    s = COPY.text.index("We will")
    assert fused.sources == (
        Evidence(WIRE.id, q.start, q.end, q.text),
        Evidence(COPY.id, s, s + len(q.text), q.text),
    )
    assert fused.outlets == ("Pacific Wire", "Daily Echo")


def test_copy_lacking_the_words_adds_no_source() -> None:
    cut = make_article("CANBERRA — The mayor spoke on Monday.", outlet="Daily Echo", duplicate_of=WIRE.id)
    q = quote(WIRE, "We will rebuild the bridge before winter")
    (fused,) = fuse_quotes([q], Sources([WIRE, cut]))
    assert [s.article for s in fused.sources] == [WIRE.id]


def test_part_of_a_longer_quote_joins_it() -> None:
    long = make_article(
        "“We will rebuild the bridge before winter, whatever it costs,” Lopez said.", outlet="A"
    )
    part = make_article(
        "Lopez promised to “rebuild the bridge before winter, whatever it costs.”", outlet="B"
    )
    a = quote(long, "We will rebuild the bridge before winter, whatever it costs")
    b = quote(part, "rebuild the bridge before winter, whatever it costs.")
    assert [q.same_as for q in fuse_quotes([b, a], Sources([long, part]))] == [a.id, None]


@pytest.mark.parametrize(
    ("speaker_b", "joined"),
    [
        pytest.param("person:lopez", True, id="same-speaker"),
        pytest.param("person:reyes", False, id="other-speaker"),
    ],
)
def test_short_quotes_join_only_from_one_speaker(speaker_b: str, joined: bool) -> None:
    x = make_article("The talks were “very productive,” Lopez said.", outlet="A")
    y = make_article("Reyes called the talks “very productive.”", outlet="B")
    a = quote(x, "very productive")
    b = quote(y, "very productive.", speaker=speaker_b)
    assert fuse_quotes([a, b], Sources([x, y]))[1].same_as == (a.id if joined else None)


def test_canonical_prefers_a_resolved_speaker() -> None:
    a = quote(HARBOUR, "We will rebuild the bridge before winter", speaker=None)
    b = quote(CORAL, "we will rebuild the bridge before winter.")
    assert [q.same_as for q in fuse_quotes([a, b], Sources([HARBOUR, CORAL]))] == [b.id, None]


@pytest.mark.parametrize(
    ("words", "text", "expected"),
    [
        pytest.param("It is over", "Coach: It is over. Fans: no.", (7, 17), id="exact"),
        pytest.param("We’re done", 'He said "We\'re done" twice.', (9, 19), id="apostrophe"),
        pytest.param("a bad  day\nat sea", "It was a bad day at sea.", (7, 23), id="spaces"),
        pytest.param("not there", "Nothing to see.", None, id="absent"),
    ],
)
def test_find_in_copy(words: str, text: str, expected: tuple[int, int] | None) -> None:
    assert find_in_copy(words, text) == expected


def test_find_in_copy_takes_the_occurrence_nearest_the_original_position() -> None:
    text = "no. Later: no. End."
    assert find_in_copy("no", text, near=0.6) == (11, 13)


def test_fuse_sources_wire_copy_quotes() -> None:
    q = quote(WIRE, "We will rebuild the bridge before winter")
    story = fuse([WIRE, COPY], [Analysis(WIRE.id, quotes=(q,))])
    assert [s.article for s in story.quotes[0].sources] == [WIRE.id, COPY.id]


LONG = make_article("“We will rebuild the bridge before winter, whatever it costs,” Lopez said.", outlet="A")


@pytest.mark.parametrize(
    ("words", "joined"),
    [
        pytest.param("the bridge before winter, whatever it", True, id="middle-of-quote"),
        pytest.param("before winter, whatever it costs", True, id="end-of-quote"),
        pytest.param("the bridge before winter", False, id="four-words-too-short"),
        pytest.param("rebuild the bridge whatever it costs", False, id="words-not-contiguous"),
    ],
)
def test_part_joins_a_longer_quote_only_as_five_contiguous_words(words: str, joined: bool) -> None:
    part = make_article(f"Lopez vowed: “{words}.”", outlet="B")
    a = quote(LONG, "We will rebuild the bridge before winter, whatever it costs")
    b = quote(part, words)
    assert fuse_quotes([a, b], Sources([LONG, part]))[1].same_as == (a.id if joined else None)


def test_part_of_two_longer_quotes_joins_the_first_canonical_one() -> None:
    longer = make_article(
        "“We will rebuild the bridge before winter, whatever it costs, and the pier too,” Lopez said.",
        outlet="C",
    )
    part = make_article("Lopez vowed to “rebuild the bridge before winter.”", outlet="B")
    a = quote(LONG, "We will rebuild the bridge before winter, whatever it costs")
    c = quote(longer, "We will rebuild the bridge before winter, whatever it costs, and the pier too")
    b = quote(part, "rebuild the bridge before winter")
    fused = fuse_quotes([a, b, c], Sources([LONG, part, longer]))
    # the longest words head the group: the shorter full quote and the part both repeat it
    assert [q.same_as for q in fused] == [c.id, c.id, None]


def test_empty_quote_joins_nothing() -> None:
    a = quote(LONG, "We will rebuild the bridge before winter, whatever it costs")
    blank = Quote("q-blank", LONG.id, 0, 1, "“", "person:lopez", "Lopez", "say", True)
    assert [q.same_as for q in fuse_quotes([blank, a], Sources([LONG]))] == [None, None]
