"""Every record survives the dict round trip unchanged (the store and story.json rely on it)."""

from __future__ import annotations

import json

import pytest

from storyline.model import (
    Actor,
    Analysis,
    Article,
    Citation,
    Claim,
    Conflict,
    Event,
    Evidence,
    Mention,
    Quote,
    Record,
    RelationPoint,
    Removed,
    Role,
    Span,
    Story,
    SummarySentence,
    TimelineEntry,
    TimeRef,
    shared_dict,
)

SPAN = Span("a1", 3, 9)
EV = Evidence("a1", 3, 9, "Marlow")
ACTOR = Actor(
    id="per:1",
    name="Helen Marlowe",
    kind="person",
    country="AUS",
    sector="GOV",
    roles=(Role("Foreign Minister", country="AUS", span=SPAN, start="2024-01-01"),),
    aliases=("Ms. Marlowe", "Marlowe"),
    mentions=(SPAN,),
    notes=("surname match",),
)
QUOTE = Quote("q1", "a1", 3, 9, "Marlow", "per:1", "Marlowe", "said", True, cue_span=SPAN)
EVENT = Event(
    "e1",
    "CONSULT",
    "per:1",
    None,
    "2025-03",
    "month",
    "in March",
    "Jakarta",
    4.0,
    "happened",
    "met",
    (EV,),
    "040",
)
RECORDS: list[Record] = [
    SPAN,
    EV,
    ACTOR,
    QUOTE,
    EVENT,
    Article("a1", "x.txt", "body", authors=("A B",), removed=(Removed("70% off", "promo", 0, 7),)),
    Mention(SPAN, "Marlow", "PERSON", "per:1", "full name"),
    TimeRef(SPAN, "on Sunday", "2025-03-09", "day"),
    Analysis("a1", (SPAN,), (Mention(SPAN, "M", "PERSON"),), (ACTOR,), (QUOTE,), (), (EVENT,)),
    Story(
        "0.1.0",
        actors=(ACTOR,),
        quotes=(QUOTE,),
        events=(EVENT,),
        claims=(Claim("c1", "t", ("a1",), (EV,), ("Post",), False),),
        conflicts=(Conflict("k1", "number", "90 vs 75 minutes", (EV, EV)),),
        timeline=(TimelineEntry("2025-03", "month", "Talks", ("e1",), ("a1",)),),
        summary=(SummarySentence("s", (Citation("a1", 0, 1),)),),
        relations=(RelationPoint("AUS-IDN", "2025-03", 3.5, 2),),
    ),
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_round_trip_is_lossless(record: Record) -> None:
    data = record.to_dict()
    again = type(record).from_dict(json.loads(json.dumps(data)))
    assert again == record


def test_tuples_come_back_as_tuples() -> None:
    again = Actor.from_dict(json.loads(json.dumps(ACTOR.to_dict())))
    assert isinstance(again.roles, tuple) and isinstance(again.roles[0], Role)
    assert again.roles[0].span == SPAN


def test_missing_optional_fields_take_defaults() -> None:
    assert Article.from_dict({"id": "x", "source": "s", "text": "t"}).authors == ()


def test_shared_dict_converts_a_record_once_while_it_lives() -> None:
    story = Story("0.1.0", actors=(ACTOR,), events=(EVENT,))
    first = shared_dict(story)
    assert first == story.to_dict()
    assert shared_dict(story) is first
    other = Story("0.1.0", quotes=(QUOTE,))
    assert shared_dict(other) == other.to_dict()
    assert shared_dict(story) is not first  # only the last record's dict is kept
    assert shared_dict(story) == first


def test_shared_dict_is_dropped_with_its_record() -> None:
    import storyline.model as model

    story = Story("0.1.0", actors=(ACTOR,))
    shared_dict(story)
    assert model._last_dict is not None
    del story
    assert model._last_dict is None
