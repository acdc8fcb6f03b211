"""Cross-article actor merging on hand-built analyses."""

from __future__ import annotations

import pytest

from storyline.fuse.actors import merge_actors
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
