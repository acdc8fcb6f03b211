"""Cross-article actor merging on hand-built analyses."""

from __future__ import annotations

import random

import pytest

from storyline.fuse.actors import _join_all, merge_actors
from storyline.model import Actor, Analysis, Role, Span


def person(aid: str, name: str, art: str, country: str | None = "USA", sector: str | None = "DIP") -> Actor:
    return Actor(
        id=aid,
        name=name,
        kind="person",
        country=country,
        sector=sector,
        aliases=(name,),
        mentions=(Span(art, 0, 5),),
    )


A1 = Analysis(
    article="a1",
    actors=(
        person("person:antony-blinken", "Antony Blinken", "a1"),
        person("person:nicholas-burns", "Nicholas Burns", "a1"),
    ),
)
A2 = Analysis(
    article="a2",
    actors=(
        person("person:antony-blinken", "Antony Blinken", "a2"),
        person("person:bill-burns", "Bill Burns", "a2", sector="GOV"),
    ),
)
A3 = Analysis(
    article="a3",
    actors=(
        person("person:blinken", "Blinken", "a3", country=None),
        person("person:burns", "Burns", "a3", country=None),
    ),
)


@pytest.mark.parametrize(
    "local,expected",
    [
        ("person:antony-blinken", "person:antony-blinken"),
        ("person:blinken", "person:antony-blinken"),
        ("person:burns", "person:burns"),
        ("person:nicholas-burns", "person:nicholas-burns"),
        ("person:bill-burns", "person:bill-burns"),
    ],
)
def test_remap(local: str, expected: str) -> None:
    _, remap = merge_actors([A1, A2, A3])
    assert remap[local] == expected


def test_same_id_unions_aliases_and_mentions() -> None:
    actors, _ = merge_actors([A1, A2, A3])
    b = next(a for a in actors if a.id == "person:antony-blinken")
    assert (b.aliases, [s.article for s in b.mentions]) == (("Antony Blinken", "Blinken"), ["a1", "a2", "a3"])


def test_ambiguous_single_name_is_kept_with_a_note() -> None:
    actors, _ = merge_actors([A1, A2, A3])
    burns = next(a for a in actors if a.id == "person:burns")
    assert burns.notes == ("'Burns' could be Nicholas Burns, Bill Burns; not merged",)


def test_country_disagreement_is_noted() -> None:
    x = Analysis(article="x", actors=(person("person:qin-gang", "Qin Gang", "x", country="CHN"),))
    y = Analysis(article="y", actors=(person("person:qin-gang", "Qin Gang", "y", country="USA"),))
    actors, _ = merge_actors([x, y])
    assert actors[0].notes == ("country: CHN in one article, USA in another",)


def test_text_roles_keep_every_span_knowledge_roles_once() -> None:
    r1 = Role("Secretary of State", span=Span("a", 0, 5))
    r2 = Role("Secretary of State", span=Span("b", 0, 5))
    k = Role("Secretary of State", country="USA", start="2021-01-26", end="2025-01-20", source="knowledge")
    x = Analysis(
        article="a", actors=(Actor("person:antony-blinken", "Antony Blinken", "person", roles=(r1, k)),)
    )
    y = Analysis(
        article="b", actors=(Actor("person:antony-blinken", "Antony Blinken", "person", roles=(r2, k)),)
    )
    actors, _ = merge_actors([x, y])
    assert actors[0].roles == (r1, k, r2)


def _org(aid: str, name: str, art: str, country: str | None = None) -> Actor:
    return Actor(
        id=aid, name=name, kind="organisation", country=country, aliases=(name,), mentions=(Span(art, 0, 5),)
    )


@pytest.mark.parametrize(
    "first,second,survivor,kind",
    [
        # a first and last name tagged as an organisation in one article is the person
        (
            _org("org:hannah-ostrova", "Hannah Ostrova", "a1"),
            person("person:hannah-ostrova", "Hannah Ostrova", "a2"),
            "person:hannah-ostrova",
            "person",
        ),
        # a one-word name tagged as a person in one article is the organisation named so elsewhere
        (
            person("person:sernapesca", "Sernapesca", "a1", country=None),
            _org("org:sernapesca", "Sernapesca", "a2", "CHL"),
            "org:sernapesca",
            "organisation",
        ),
    ],
)
def test_one_name_is_one_kind(first: Actor, second: Actor, survivor: str, kind: str) -> None:
    actors, remap = merge_actors(
        [Analysis(article="a1", actors=(first,)), Analysis(article="a2", actors=(second,))]
    )
    assert ([a.id for a in actors], actors[0].kind, remap[first.id], remap[second.id]) == (
        [survivor],
        kind,
        survivor,
        survivor,
    )


def test_an_organisation_with_a_head_noun_is_not_merged_into_a_person() -> None:
    actors, _ = merge_actors(
        [
            Analysis(article="a1", actors=(_org("org:reed-institute", "Reed Institute", "a1"),)),
            Analysis(article="a2", actors=(person("person:reed-institute", "Reed Institute", "a2"),)),
        ]
    )
    assert sorted(a.kind for a in actors) == ["organisation", "person"]


# --------------------------------------------------------------------- knowledge fill vs the text
def filled(aid: str, name: str, art: str) -> Actor:
    """A person only a role phrase named, filled in from the knowledge file."""
    return Actor(
        id=aid,
        name=name,
        kind="person",
        country="AUS",
        sector="DIP",
        roles=(Role("Foreign Minister", None, "AUS", None, "2022-05-23", None, source="knowledge"),),
        mentions=(Span(art, 40, 70),),
        notes=("knowledge fill: 'the Australian foreign minister' read as the office holder on 2025-03-11",),
    )


def stated(art: str, title: str = "Australia's foreign minister") -> Actor:
    return Actor(
        id="person:helen-marlowe",
        name="Helen Marlowe",
        kind="person",
        country="AUS",
        sector="DIP",
        roles=(Role(title, None, "AUS", Span(art, 0, 20)),),
        aliases=("Helen Marlowe",),
        mentions=(Span(art, 22, 35),),
    )


def test_knowledge_fill_joins_the_person_the_story_names_in_that_office() -> None:
    a = Analysis(article="a", actors=(stated("a"),))
    b = Analysis(article="b", actors=(filled("person:penny-wong", "Penny Wong", "b"),))
    actors, remap = merge_actors([a, b])
    assert ([x.id for x in actors], remap["person:penny-wong"]) == (
        ["person:helen-marlowe"],
        "person:helen-marlowe",
    )


def test_knowledge_fill_stays_when_the_story_names_no_holder() -> None:
    b = Analysis(article="b", actors=(filled("person:penny-wong", "Penny Wong", "b"),))
    _, remap = merge_actors([b])
    assert remap["person:penny-wong"] == "person:penny-wong"


def test_named_person_is_never_absorbed_by_a_stated_holder() -> None:
    named = person("person:penny-wong", "Penny Wong", "c", country="AUS")
    a = Analysis(article="a", actors=(stated("a"),))
    c = Analysis(article="c", actors=(named,))
    _, remap = merge_actors([a, c])
    assert remap["person:penny-wong"] == "person:penny-wong"


def test_former_holder_does_not_claim_the_office() -> None:
    a = Analysis(article="a", actors=(stated("a", "Australia's former foreign minister"),))
    b = Analysis(article="b", actors=(filled("person:penny-wong", "Penny Wong", "b"),))
    _, remap = merge_actors([a, b])
    assert remap["person:penny-wong"] == "person:penny-wong"


@pytest.mark.parametrize("seed", range(5))
def test_joining_all_records_at_once_is_joining_them_one_by_one(seed: int) -> None:
    rng = random.Random(seed)
    roles = [
        Role("Foreign Minister", span=Span("a1", 0, 5)),
        Role("Foreign Minister", span=Span("a2", 0, 5)),
        Role("Senator", start="2020-01-01", source="knowledge"),
        Role("Senator", start="2020-01-01", source="knowledge", country="USA"),
    ]
    records = [
        Actor(
            id="person:x",
            name=rng.choice(["Lee", "Mia Lee", "Mia Ann Lee"]),
            kind=rng.choice(["person", "person", "organisation"]),
            country=rng.choice([None, "", "USA", "KOR"]),
            sector=rng.choice([None, "", "GOV", "DIP"]),
            roles=tuple(rng.sample(roles, rng.randrange(3))),
            aliases=tuple(rng.sample(["Lee", "Mia Lee", "Ms Lee"], rng.randrange(3))),
            mentions=tuple(
                Span(f"a{rng.randrange(4)}", 0, rng.randrange(1, 3)) for _ in range(rng.randrange(3))
            ),
            notes=tuple(
                rng.sample(["n1", "n2", "country: USA in one article, KOR in another"], rng.randrange(3))
            ),
        )
        for _ in range(12)
    ]
    one_by_one = records[0]
    for r in records[1:]:
        one_by_one = _join_all([one_by_one, r])
    assert _join_all(records) == one_by_one
