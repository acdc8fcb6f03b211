"""Actor mentions and in-article resolution on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from conftest import make_article
from storyline.analyse.actors.mentions import _person, edit_distance_one
from storyline.analyse.actors.references import actor_at, resolve_reference
from storyline.analyse.actors.resolve import find_mentions, resolve_local
from storyline.analyse.actors.roles import _build
from storyline.knowledge import load_knowledge
from storyline.model import Actor, Mention, Span


def run(nlp: Language, text: str, published: str = "2023-06-18") -> tuple[list[Mention], dict[str, Actor]]:
    article = make_article(text, published=published)
    doc = nlp(text)
    mentions, actors = resolve_local(find_mentions(doc, article), article, doc)
    return mentions, {a.id: a for a in actors}


def actor_of(mentions: list[Mention], text: str, nth: int = 0) -> str | None:
    hits = [m for m in mentions if m.text == text]
    return hits[nth].actor if len(hits) > nth else None


SURNAMES = (
    "U.S. Ambassador Nicholas Burns met CIA Director Bill Burns in Washington on Monday. "
    "Chinese Commerce Minister Wang Wentao later met Foreign Minister Wang Yi. "
    "Olivia Wang contributed reporting."
)


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Nicholas Burns", "person:nicholas-burns"),
        ("Bill Burns", "person:bill-burns"),
        ("Wang Wentao", "person:wang-wentao"),
        ("Wang Yi", "person:wang-yi"),
        ("Olivia Wang", "person:olivia-wang"),
    ],
)
def test_shared_surnames_stay_distinct_people(nlp: Language, name: str, expected: str) -> None:
    mentions, _ = run(nlp, SURNAMES)
    assert actor_of(mentions, name) == expected


def test_byline_is_a_media_actor(nlp: Language) -> None:
    _, actors = run(nlp, SURNAMES)
    olivia = actors["person:olivia-wang"]
    assert (olivia.sector, olivia.roles[0].title) == ("MED", "journalist")


@pytest.mark.parametrize(
    "text,alias,expected",
    [
        (
            "Secretary of State Antony J. Blinken landed. Mr. Blinken met Qin Gang.",
            "Mr. Blinken",
            "person:antony-blinken",
        ),
        (
            "Antony Blinken landed in Beijing. Later, Blinken met Qin Gang.",
            "Blinken",
            "person:antony-blinken",
        ),
        ("Janet L. Yellen spoke on Tuesday. Ms. Yellen said little.", "Ms. Yellen", "person:janet-yellen"),
    ],
)
def test_surname_and_honorific_join_the_full_name(
    nlp: Language, text: str, alias: str, expected: str
) -> None:
    mentions, _ = run(nlp, text)
    assert actor_of(mentions, alias) == expected


def test_lone_surname_goes_to_the_nearest_full_name_before_it(nlp: Language) -> None:
    text = "Wang Yi met officials on Monday. Wang Wentao flew to Washington. Wang said trade mattered."
    mentions, _ = run(nlp, text)
    lone = next(m for m in mentions if m.text == "Wang")
    assert (lone.actor, "nearest full name before it" in (lone.how or "")) == ("person:wang-wentao", True)


@pytest.mark.parametrize(
    "text,phrase,expected",
    [
        (
            "Defense Secretary Lloyd Austin spoke in Brussels. "
            "The U.S. defense chief said he was open to talks.",
            "The U.S. defense chief",
            "person:lloyd-austin",
        ),
        (
            "Secretary of State Antony Blinken arrived on Sunday. "
            "On Monday the secretary of state is set to meet officials.",
            "the secretary of state",
            "person:antony-blinken",
        ),
        (
            "Officials met Xi Jinping on Monday. Diplomats said the Chinese leader will travel in November.",
            "the Chinese leader",
            "person:xi-jinping",
        ),
    ],
)
def test_role_phrase_resolves_to_the_holder_named_earlier(
    nlp: Language, text: str, phrase: str, expected: str
) -> None:
    mentions, _ = run(nlp, text)
    assert actor_of(mentions, phrase) == expected


def test_role_phrase_without_a_named_holder_uses_the_knowledge_file_on_the_date(nlp: Language) -> None:
    mentions, _ = run(
        nlp, "Diplomats expect the U.S. defense chief to travel to Asia soon.", published="2019-03-01"
    )
    assert actor_of(mentions, "the U.S. defense chief") is None  # no single holder on file that day


@pytest.mark.parametrize(
    "text,surface,expected",
    [
        ("North Korea’s missile tests worried Japan.", "North Korea", "state:PRK"),
        (
            "China’s Foreign Ministry issued a statement.",
            "China’s Foreign Ministry",
            "org:chn:foreign-ministry",
        ),
    ],
)
def test_possessives_are_stripped(nlp: Language, text: str, surface: str, expected: str) -> None:
    mentions, _ = run(nlp, text)
    assert actor_of(mentions, surface) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Many issues have bedeviled U.S.-China relations for years.", ["state:USA", "state:CHN"]),
        ("The talks could steer China-US relations back on track.", ["state:CHN", "state:USA"]),
        ("Analysts listed Top US- China exchanges since 2021.", ["state:USA", "state:CHN"]),
    ],
)
def test_hyphenated_dyads_are_two_states(nlp: Language, text: str, expected: list[str]) -> None:
    mentions, _ = run(nlp, text)
    assert [m.actor for m in mentions if m.label == "DYAD"] == expected


@pytest.mark.parametrize(
    "text,surface,label,expected",
    [
        ("Beijing said the visit was a chance to stabilise ties.", "Beijing", "METONYM", "state:CHN"),
        (
            "Washington has blamed the Chinese government for the breakdown.",
            "Washington",
            "METONYM",
            "state:USA",
        ),
        ("The delegation arrived in Beijing on Sunday.", "Beijing", "GPE", "place:beijing"),
        ("Chinese officials played down the visit.", "Chinese", "DEMONYM", "state:CHN"),
    ],
)
def test_capitals_act_as_governments_only_when_they_act(
    nlp: Language, text: str, surface: str, label: str, expected: str
) -> None:
    mentions, _ = run(nlp, text)
    m = next(m for m in mentions if m.text == surface)
    assert (m.label, m.actor) == (label, expected)


def test_typo_one_edit_from_a_name_resolves_with_its_reason(nlp: Language) -> None:
    text = (
        "Secretary of State Antony Blinken met Wang Yi in Munich. "
        "Blinked and Wang hold talks in New York. Blinken said the talks were candid."
    )
    mentions, _ = run(nlp, text)
    typo = next(m for m in mentions if m.text == "Blinked")
    assert (typo.label, typo.actor, typo.how is not None and "one edit from 'Blinken'" in typo.how) == (
        "TYPO",
        "person:antony-blinken",
        True,
    )


@pytest.mark.parametrize(
    "text,surface,expected",
    [
        (
            "Blinken Meets Xi in Beijing\n\nAntony Blinken met Xi Jinping on Monday.",
            "Blinken",
            "person:antony-blinken",
        ),
        (
            "Blinken Meets Xi in Beijing\n\nAntony Blinken met Xi Jinping on Monday.",
            "Xi",
            "person:xi-jinping",
        ),
    ],
)
def test_headline_verbs_are_split_out_of_a_person(
    nlp: Language, text: str, surface: str, expected: str
) -> None:
    mentions, _ = run(nlp, text)
    assert actor_of(mentions, surface) == expected


@pytest.mark.parametrize(
    "name,country,sector",
    [
        ("person:craig-singleton", "USA", "THINK"),
        ("person:qin-gang", "CHN", "DIP"),
        ("person:li-shangfu", "CHN", "MIL"),
    ],
)
def test_roles_give_country_and_sector(nlp: Language, name: str, country: str, sector: str) -> None:
    text = (
        "Craig Singleton, senior China fellow at the Foundation for Defense of Democracies, "
        "said ties were poor. "
        "Chinese Foreign Minister Qin Gang met him. Chinese Defence Minister Li Shangfu stayed away."
    )
    _, actors = run(nlp, text)
    a = actors[name]
    assert (a.country, a.sector) == (country, sector)


def test_stated_role_keeps_its_span_and_organisation(nlp: Language) -> None:
    text = (
        "Craig Singleton, senior China fellow at the Foundation for Defense of Democracies, "
        "said ties were poor."
    )
    _, actors = run(nlp, text)
    role = actors["person:craig-singleton"].roles[0]
    assert (
        role.title,
        role.organisation,
        role.country,
        text[role.span.start : role.span.end] if role.span else None,
    ) == (
        "senior China fellow at the Foundation for Defense of Democracies",
        "Foundation for Defense of Democracies",
        "USA",
        "senior China fellow at the Foundation for Defense of Democracies",
    )


@pytest.mark.parametrize(
    "published,disagrees",
    [("2023-06-18", False), ("2023-09-20", True)],
)
def test_title_checked_against_the_knowledge_file_on_the_article_date(
    nlp: Language, published: str, disagrees: bool
) -> None:
    text = "Chinese Foreign Minister Qin Gang met the delegation in Beijing."
    _, actors = run(nlp, text, published=published)
    qin = actors["person:qin-gang"]
    assert (any(n.startswith("title-conflict:") for n in qin.notes), qin.roles[0].title) == (
        disagrees,
        "Chinese Foreign Minister",
    )


def test_unnamed_source_is_its_own_actor_and_the_back_reference_joins_it(nlp: Language) -> None:
    text = "“We want calm,” a senior State Department official said. “Talks matter,” the official said."
    mentions, actors = run(nlp, text)
    unnamed = [m for m in mentions if m.label in ("UNNAMED", "UNNAMED_REF")]
    a = actors[unnamed[0].actor or ""]
    assert (len({m.actor for m in unnamed}), a.kind, a.country) == (1, "unnamed", "USA")


def test_pronoun_resolves_only_when_one_person_is_in_reach(nlp: Language) -> None:
    text = (
        "Janet Yellen spoke on Tuesday. She said trade helps both sides. Biden and Xi met later; he smiled."
    )
    mentions, _ = run(nlp, text)
    prons = [(m.text, m.actor) for m in mentions if m.label == "PRON"]
    assert prons == [("She", "person:janet-yellen"), ("he", None)]


def test_actor_at_and_resolve_reference(nlp: Language) -> None:
    text = "Defense Secretary Lloyd Austin spoke in Brussels. The U.S. defense chief said talks matter."
    article = make_article(text)
    doc = nlp(text)
    mentions, actors = resolve_local(find_mentions(doc, article), article, doc)
    start = text.index("Austin")
    hit = actor_at(mentions, start, start + 6)
    assert (
        hit.actor if hit else None,
        resolve_reference(Span(article.id, start, start + 6), text, mentions, actors, doc),
    ) == (
        "person:lloyd-austin",
        "person:lloyd-austin",
    )


@pytest.mark.parametrize(
    "a,b,expected",
    [
        ("blinked", "blinken", True),
        ("blinken", "blinken", False),
        ("blinke", "blinken", True),
        ("wang", "wong", True),
        ("burns", "barnes", False),
    ],
)
def test_edit_distance_one(a: str, b: str, expected: bool) -> None:
    assert edit_distance_one(a, b) is expected


# --------------------------------------------------------------------- role phrases and the text
# Australia's foreign minister in the knowledge file on 2025-03-09 is Penny Wong; these
# sentences name someone else, and the text must win.
@pytest.mark.parametrize(
    "text,nth,expected",
    [
        # apposition after the role phrase
        (
            "Australia's foreign minister, Helen Marlowe, arrived in Jakarta on Sunday.",
            0,
            "person:helen-marlowe",
        ),
        # apposition before it
        (
            "Helen Marlowe, Australia's foreign minister, arrived in Jakarta on Sunday.",
            0,
            "person:helen-marlowe",
        ),
        # a later bare role phrase goes to the person the article says holds the office
        (
            "Foreign Minister Helen Marlowe landed. Later, Australia's foreign minister met officials.",
            0,
            "person:helen-marlowe",
        ),
        (
            "Helen Marlowe, the Australian foreign minister, landed. The Australian foreign minister left.",
            1,
            "person:helen-marlowe",
        ),
    ],
)
def test_role_phrase_binds_to_the_named_holder(nlp: Language, text: str, nth: int, expected: str) -> None:
    mentions, _ = run(nlp, text, published="2025-03-09")
    roles = [m for m in mentions if m.label == "ROLE"]
    assert roles[nth].actor == expected


def test_knowledge_fill_is_the_last_resort_and_says_so(nlp: Language) -> None:
    mentions, actors = run(
        nlp, "The Australian foreign minister arrived in Jakarta on Sunday.", published="2025-03-09"
    )
    role = next(m for m in mentions if m.label == "ROLE")
    assert (role.actor, "knowledge fill" in (role.how or "")) == ("person:penny-wong", True)
    assert any(n.startswith("knowledge fill") for n in actors["person:penny-wong"].notes)


def test_no_knowledge_fill_when_another_person_holds_the_stated_office(nlp: Language) -> None:
    text = "Foreign Minister Helen Marlowe of Australia landed. The Australian foreign minister was tired."
    mentions, _ = run(nlp, text, published="2025-03-09")
    assert [m.actor for m in mentions if m.label == "ROLE"] == ["person:helen-marlowe"]


def test_no_knowledge_fill_for_a_passage_about_another_year(nlp: Language) -> None:
    text = "Defence minister visits — February 20, 2020\nAustralia's defence minister toured the base."
    mentions, _ = run(nlp, text, published="2025-03-09")
    assert [m.actor for m in mentions if m.label == "ROLE"] == [None]


@pytest.mark.parametrize(
    "text,phrase",
    [
        (
            "Talks stalled over the detention. A senior Australian official said so.",
            "A senior Australian official",
        ),
        ("It ended in a detention. One Indonesian diplomat said it was over.", "One Indonesian diplomat"),
    ],
)
def test_unnamed_source_stays_inside_its_sentence(nlp: Language, text: str, phrase: str) -> None:
    mentions, _ = run(nlp, text)
    assert [m.text for m in mentions if m.label == "UNNAMED"] == [phrase]


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Natoli Group shares rose on Friday.", "Natoli Group", "org:natoli-group"),
        ("Pentagonal Systems won a contract on Friday.", "Pentagonal Systems", "org:pentagonal-systems"),
        ("The NATO Summit Office said nothing.", "NATO Summit Office", "org:nato"),
    ],
)
def test_organisation_names_are_trimmed_at_word_boundaries_only(
    nlp: Language, text: str, surface: str, expected: str
) -> None:
    mentions, _ = run(nlp, text)
    assert actor_of(mentions, surface) == expected


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("Secretary Lloyd  Austin", "Lloyd  Austin"),
        ("Defense Secretary\nLloyd Austin", "Lloyd Austin"),
        ("Secretary  Lloyd \u00a0Austin", "Lloyd \u00a0Austin"),
    ],
)
def test_title_stripped_name_keeps_its_offsets_whatever_the_whitespace(name: str, kept: str) -> None:
    text = name + " spoke on Monday."
    [m] = _person(text, 0, len(name), name, "a", load_knowledge(), {}, [])
    assert (m.text, text[m.span.start : m.span.end]) == (kept, kept)


@pytest.mark.parametrize(
    ("phrase", "country"),
    [
        ("Honduras's foreign minister", "HND"),
        ("Belarus’s defence minister", "BLR"),
        ("Cyprus's president", "CYP"),
        ("France's foreign minister", "FRA"),
    ],
)
def test_possessive_country_before_a_title_keeps_its_final_s(phrase: str, country: str) -> None:
    stated = _build(phrase, 0, "a", [], load_knowledge())
    assert stated is not None and stated.role.country == country


def test_a_surname_tagged_as_an_organisation_is_the_person_named_in_full(nlp: Language) -> None:
    """'Choi said': spaCy tags the lone surname ORG; it is Choi Min-ho, one person, not two actors."""
    text = (
        "South Korean envoy Choi Min-ho met Japanese officials in Tokyo on Monday. "
        "Choi said the talks were useful."
    )
    assert [(e.text, e.label_) for e in nlp(text).ents if e.text == "Choi"] == [("Choi", "ORG")]
    mentions, actors = run(nlp, text)
    assert actor_of(mentions, "Choi") == "person:choi-min-ho"
    assert not [a for a in actors.values() if a.kind == "organisation" and "Choi" in a.name]
