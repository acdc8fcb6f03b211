"""The eval gate's scorer counts hits and misses exactly on a hand-built story."""

from __future__ import annotations

from storyline.evaluate import Score, score_story
from storyline.model import Actor, Analysis, Article, Event, Evidence, Quote, Removed, Span, Story, TimeRef

TEXT = "Talks began.\n\nMarlowe said the hotline would help. “We are ready,” Marlowe said."
ART = Article(
    "a1",
    "dir/x.txt",
    TEXT,
    title="Hotline agreed",
    removed=(
        Removed("Subscribe Now\nlike", "junk"),
        Removed("Talks began today in Jakarta and ended late", "junk"),
    ),
)
MARLOWE = Actor("per:m", "Helen Marlowe", "person", "AUS", aliases=("Marlowe",))
GOLD = {
    "articles": {
        "x.txt": {
            "title": "Hotline agreed",
            "junk": ["Subscribe Now", "like", "Contact us"],
            "body_sentences": ["Talks began.", "A sentence cleaning lost."],
            "quotes": [
                {"text": "We are ready", "speaker": "Helen Marlowe"},
                {"text": "Not found", "speaker": "X"},
            ],
            "events": [{"type": "AGREE", "date": "2025-03-10"}],
            "timerefs": [{"text": "on Monday", "date": "2025-03-10"}],
        }
    },
    "actors": [{"name": "Helen Marlowe", "kind": "person", "country": "AUS"}],
}


def _story() -> Story:
    q_start = TEXT.index("We are")
    return Story(
        "t",
        articles=(ART,),
        actors=(MARLOWE,),
        quotes=(Quote("q1", "a1", q_start, q_start + 12, "We are ready", "per:m", "Marlowe", "said", True),),
        events=(
            Event(
                "e1",
                "AGREE",
                None,
                None,
                "2025-03-10",
                "day",
                None,
                None,
                5,
                "happened",
                "",
                (Evidence("a1", 0, 5, "Talks"),),
            ),
            Event(
                "e2",
                "MEET",
                None,
                None,
                "2025-03-09",
                "day",
                None,
                None,
                1,
                "happened",
                "",
                (Evidence("a1", 0, 5, "Talks"),),
            ),
        ),
    )


def test_scores_per_kind() -> None:
    refs = (TimeRef(Span("a1", 0, 9), "on Monday", "2025-03-10", "day"),)
    s = score_story(_story(), GOLD, [Analysis("a1", timerefs=refs, events=_story().events)])
    assert (s["junk"].tp, s["junk"].fn, s["junk"].fp) == (2, 1, 1)
    assert (s["body"].tp, s["body"].fn) == (1, 1)
    assert (s["quotes"].tp, s["quotes"].fn, s["quotes"].fp) == (1, 1, 0)
    assert (s["speakers"].tp, s["speakers"].fn) == (1, 1)
    assert (s["events"].tp, s["events"].fp, s["events"].fn) == (1, 1, 0)
    assert (s["dates"].tp, s["dates"].fn) == (1, 0)
    assert s["actors"].tp == 1


def test_score_arithmetic() -> None:
    s = Score(tp=3, fp=1, fn=2)
    assert (s.precision, s.recall) == (0.75, 0.6)
    assert round(s.f1, 4) == 0.6667


def test_events_come_from_the_articles_own_analysis_when_given() -> None:
    """A fused event may carry another outlet's date; the per-article gold needs the report."""
    own = Event("e9", "AGREE", None, None, "2025-03-10", "day", None, None, 5, "happened", "", ())
    s = score_story(_story(), GOLD, [Analysis("a1", events=(own,))])
    assert (s["events"].tp, s["events"].fp) == (1, 0)


def test_unnamed_sources_are_matched_by_their_description() -> None:
    gold = {"articles": {}, "actors": [{"name": "a senior Australian official (unnamed)", "kind": "person"}]}
    story = Story("t", actors=(Actor("unnamed:x", "a senior Australian official", "unnamed", "AUS"),))
    assert score_story(story, gold)["actors"].tp == 1
