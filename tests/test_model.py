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
    fields_of,
    json_pieces,
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


def test_json_pieces_give_the_dict_of_the_record() -> None:
    story = Story("0.1.0", actors=(ACTOR,), events=(EVENT,), quotes=(QUOTE,))
    text = "".join(json_pieces(story))
    assert json.loads(text) == story.to_dict()
    assert text.count("\n") == len(fields_of(story)) + 1 + 3 * 2  # a line per field and per item
    upper = "".join(json_pieces(story, {"actors": lambda a: a.name.upper(), "articles": str}))
    assert json.loads(upper)["actors"] == [ACTOR.name.upper()]
    assert json.loads(upper)["articles"] == []  # an empty list has no items to change


def test_fields_of_leaves_nested_records_and_refuses_others() -> None:
    fields = fields_of(ACTOR)
    assert list(fields) == list(ACTOR.to_dict())
    assert all(fields[k] is getattr(ACTOR, k) for k in fields)
    with pytest.raises(TypeError, match="set is not JSON serialisable"):
        fields_of({1})  # type: ignore[arg-type]


def test_records_are_slotted_and_keep_no_dict() -> None:
    assert not hasattr(ACTOR, "__dict__")
    assert Actor.from_dict(ACTOR.to_dict()) == ACTOR


def test_short_loaded_strings_are_interned() -> None:
    data = ACTOR.to_dict()
    kind = "".join(["per", "son"])  # a string made at run time, not the literal
    a = Actor.from_dict({**data, "kind": kind})
    b = Actor.from_dict({**data, "kind": "".join(["pers", "on"])})
    assert a.kind is b.kind
    long_text = "x" * 200
    c = Actor.from_dict({**data, "name": long_text})
    assert c.name is long_text  # long texts are kept as they come
