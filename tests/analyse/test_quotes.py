"""Quote extraction on sentences written for these tests, one form of quote per case."""

from __future__ import annotations

import pytest
from spacy.language import Language

from conftest import make_article
from storyline.analyse.actors import find_mentions, resolve_local
from storyline.analyse.quotes import extract_quotes, same_quote_key, unnamed_actors
from storyline.model import Actor, Quote


def run(nlp: Language, text: str) -> tuple[list[Quote], list[Actor]]:
    article = make_article(text)
    doc = nlp(text)
    mentions, actors = resolve_local(find_mentions(doc, article), article)
    return extract_quotes(doc, article, mentions, actors), actors


def who(quotes: list[Quote], actors: list[Actor]) -> list[tuple[str, str, bool]]:
    """(quoted text, speaker actor name or description, direct) for each quote."""
    names = {a.id: a.name for a in actors}
    return [(q.text, names.get(q.speaker or "", q.speaker_name or ""), q.direct) for q in quotes]


DIRECT_FORMS = [
    pytest.param(
        "“We will not back down,” Maria Lopez said.",
        [("We will not back down", "Maria Lopez")],
        id="cue-after",
    ),
    pytest.param(
        "“The talks were useful,” said Tom Reyes, a trade official.",
        [("The talks were useful", "Tom Reyes")],
        id="cue-after-inverted",
    ),
    pytest.param(
        "Maria Lopez said: “We will not back down.”",
        [("We will not back down.", "Maria Lopez")],
        id="cue-before",
    ),
    pytest.param(
        "“The gate is shut,” Tom Reyes said. “Nobody gets in without a pass.”",
        [("The gate is shut", "Tom Reyes"), ("Nobody gets in without a pass.", "Tom Reyes")],
        id="split",
    ),
    pytest.param(
        "Ana Silva urged Brazil to respect “our shared waters” during the talks.",
        [("our shared waters", "Ana Silva")],
        id="partial",
    ),
    pytest.param(
        "Deputy minister Karl Olsen tweeted a photo of the signing: “A good day for both nations.”",
        [("A good day for both nations.", "Karl Olsen")],
        id="tweet",
    ),
    pytest.param(
        '"We are ready to talk," Maria Lopez said.', [("We are ready to talk", "Maria Lopez")], id="straight"
    ),
    pytest.param(
        "Tom Reyes landed in Lima on Monday.\n“It was a long flight,” he said.",
        [("It was a long flight", "Tom Reyes")],
        id="pronoun",
    ),
    pytest.param(
        "Karl Olsen resigned on Friday, saying: “I have done what I came to do.”",
        [("I have done what I came to do.", "Karl Olsen")],
        id="participle-cue",
    ),
]


@pytest.mark.parametrize(("text", "expected"), DIRECT_FORMS)
def test_direct_quote_forms(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    quotes, actors = run(nlp, text)
    assert [(t, s) for t, s, d in who(quotes, actors) if d] == expected


def test_multi_paragraph_quote_shares_the_speaker(nlp: Language) -> None:
    text = (
        "Maria Lopez spoke for an hour.\n“We tried everything we could think of.\n"
        "“In the end, nobody listened,” she said."
    )
    quotes, actors = run(nlp, text)
    assert [(t, s) for t, s, d in who(quotes, actors) if d] == [
        ("We tried everything we could think of.", "Maria Lopez"),
        ("In the end, nobody listened", "Maria Lopez"),
    ]


def test_headline_quote_with_colon(nlp: Language) -> None:
    quotes, _ = run(nlp, "Lopez: “We will rebuild the bridge”\nThe mayor spoke on Monday.")
    assert [(q.text, q.speaker_name) for q in quotes] == [("We will rebuild the bridge", "Lopez")]


def test_institution_speaks(nlp: Language) -> None:
    quotes, _ = run(nlp, "“The agreement remains in force,” the Foreign Ministry said in a statement.")
    assert [(q.text, q.speaker_name, q.cue) for q in quotes] == [
        ("The agreement remains in force", "the Foreign Ministry", "say")
    ]


def test_according_to_is_attribution(nlp: Language) -> None:
    quotes, _ = run(nlp, "The ferry sank in “minutes, not hours,” according to the coast guard.")
    assert [(q.text, q.speaker_name, q.cue) for q in quotes if q.direct] == [
        ("minutes, not hours", "the coast guard", "according to")
    ]


def test_unnamed_source_and_role_phrase_are_one_actor(nlp: Language) -> None:
    text = (
        "“Talks will resume in May,” a senior Treasury official told reporters.\n"
        "“We expect real progress,” the official said."
    )
    quotes, _ = run(nlp, text)
    assert [q.speaker_name for q in quotes] == ["a senior Treasury official", "the official"]
    assert quotes[0].speaker == quotes[1].speaker
    assert [(a.name, a.kind) for a in unnamed_actors(quotes)] == [("a senior Treasury official", "unnamed")]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Critics of the so-called “peace dividend” have grown louder.", id="so-called"),
        pytest.param("The film “Winter Light” opens in Oslo on Friday.", id="title"),
        pytest.param("Farmers call it the “hungry season” in the north.", id="name-of-a-thing"),
    ],
)
def test_names_and_scare_quotes_are_not_quotes(nlp: Language, text: str) -> None:
    quotes, _ = run(nlp, text)
    assert [q for q in quotes if q.direct] == []


INDIRECT = [
    pytest.param(
        "Tom Reyes said that the border would reopen next week.",
        ("the border would reopen next week", "Tom Reyes"),
        id="said-that",
    ),
    pytest.param(
        "Ana Silva told reporters the deal was close.", ("the deal was close", "Ana Silva"), id="told"
    ),
    pytest.param(
        "The mayor warned that rents would rise again.", ("rents would rise again", "The mayor"), id="warned"
    ),
    pytest.param(
        "The Chinese government said the visit was constructive.",
        ("the visit was constructive", "The Chinese government"),
        id="institution",
    ),
    pytest.param(
        "The port will close for a week, a senior customs official said.",
        ("The port will close for a week", "a senior customs official"),
        id="cue-after",
    ),
]


@pytest.mark.parametrize(("text", "expected"), INDIRECT)
def test_indirect_quotes(nlp: Language, text: str, expected: tuple[str, str]) -> None:
    quotes, _ = run(nlp, text)
    assert [(q.text, q.speaker_name) for q in quotes if not q.direct] == [expected]


def test_unreal_speech_is_not_an_indirect_quote(nlp: Language) -> None:
    quotes, _ = run(nlp, "The minister plans to say that the tax will go.")
    assert quotes == []


def test_quote_text_is_the_article_span_and_ids_are_stable(nlp: Language) -> None:
    text = "“The gate is shut,” Tom Reyes said. Tom Reyes said the gate would open in June."
    first, _ = run(nlp, text)
    again, _ = run(nlp, text)
    assert [q.id for q in first] == [q.id for q in again]
    assert all(q.text == text[q.start : q.end] for q in first)
    assert [(text[q.cue_span.start : q.cue_span.end] if q.cue_span else None) for q in first] == [
        "said",
        "said",
    ]
    assert [(text[q.speaker_span.start : q.speaker_span.end] if q.speaker_span else None) for q in first] == [
        "Tom Reyes",
        "Tom Reyes",
    ]


def test_same_quote_key_ignores_marks_case_and_punctuation() -> None:
    a = Quote("a", "x", 0, 5, "We’re ready, truly.", None, None, None, True)
    b = Quote("b", "y", 0, 5, "we're ready, truly", None, None, None, True)
    assert same_quote_key(a) == same_quote_key(b)


SEED_SPEAKERS = [
    ("000", {"David Dollar": 3, "Lloyd Austin": 2, "Ryan Hass": 2, "Qin Gang": 2}),
    (
        "002",
        {"Craig Singleton": 4, "Daniel Kritenbrink": 2, "Lü Xiang": 3, "Janet Yellen": 3, "Tan Kefei": 1},
    ),
    ("003", {"Kurt M. Campbell": 2, "Daniel J. Kritenbrink": 2}),
    ("004", {"Paul Haenle": 1, "Jessica Chen Weiss": 1, "Ryan Hass": 2}),
]


@pytest.mark.seeds
@pytest.mark.parametrize(("prefix", "expected"), SEED_SPEAKERS)
def test_seed_analysts_and_officials(
    nlp: Language, seeds_dir: object, prefix: str, expected: dict[str, int]
) -> None:
    from pathlib import Path

    path = next(Path(str(seeds_dir)).glob(f"{prefix}_*.txt"))
    quotes, actors = run(nlp, path.read_text())
    counts: dict[str, int] = {}
    for _, speaker, direct in who(quotes, actors):
        if direct and speaker in expected:
            counts[speaker] = counts.get(speaker, 0) + 1
    assert counts == expected
