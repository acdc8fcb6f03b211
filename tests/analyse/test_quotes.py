"""Quote extraction on sentences written for these tests, one form of quote per case."""

from __future__ import annotations

import pytest
from spacy.language import Language

from conftest import make_article
from storyline.analyse.actors.resolve import find_mentions, resolve_local
from storyline.analyse.quotes.extract import _Found, _to_quote, extract_quotes, same_quote_key, unnamed_actors
from storyline.analyse.quotes.speakers import Speaker, resolve_speaker
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


def test_multi_paragraph_quote_is_one_quote_with_one_speaker(nlp: Language) -> None:
    text = (
        "Maria Lopez spoke for an hour.\n“We tried everything we could think of.\n"
        "“In the end, nobody listened,” she said."
    )
    quotes, actors = run(nlp, text)
    assert [(t, s) for t, s, d in who(quotes, actors) if d] == [
        ("We tried everything we could think of.\n“In the end, nobody listened", "Maria Lopez"),
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


# Attribution forms of news quote corpora (PolNeAR, Citron): cue verbs beyond "said", sources
# that are titles, organisations, unnamed officials; (quoted words, speaker as written, direct).
NEWS_FORMS = [
    pytest.param(
        "“The plan is dead,” Senator Ruth Okoye insisted.",
        [("The plan is dead", "Ruth Okoye", True)],
        id="insisted",
    ),
    pytest.param(
        "Carla Rivera argued that the tariffs would hurt farmers in the south.",
        [("the tariffs would hurt farmers in the south", "Carla Rivera", False)],
        id="argued-that",
    ),
    pytest.param(
        "The company noted that sales had fallen for a third quarter.",
        [("sales had fallen for a third quarter", "The company", False)],
        id="noted-organisation",
    ),
    pytest.param(
        "Hospital officials acknowledged that the alarm system had failed twice.",
        [("the alarm system had failed twice", "Hospital officials", False)],
        id="acknowledged",
    ),
    pytest.param(
        "According to the police, the suspect fled on foot.",
        [("the suspect fled on foot", "the police", False)],
        id="according-to-first",
    ),
    pytest.param(
        "The palace meeting lasted 90 minutes, according to an official who attended.\n\nSigned.",
        [("The palace meeting lasted 90 minutes", "an official", False)],
        id="according-to-last-before-a-break",
    ),
    pytest.param(
        "In a statement, the ministry said the fire was under control.",
        [("the fire was under control", "the ministry", False)],
        id="in-a-statement",
    ),
    pytest.param(
        "The mayor's spokesman said the road would reopen on Friday.",
        [("the road would reopen on Friday", "The mayor's spokesman", False)],
        id="possessive-spokesman",
    ),
    pytest.param(
        "A spokesman for the mayor said the road would reopen on Friday.",
        [("the road would reopen on Friday", "A spokesman for the mayor", False)],
        id="spokesman-for",
    ),
    pytest.param("“It is over,” said the coach.", [("It is over", "the coach", True)], id="inverted-title"),
    pytest.param(
        "The deal was “dead on arrival,” according to one senator.",
        [("dead on arrival", "one senator", True)],
        id="according-to-partial",
    ),
    pytest.param(
        "Pedro Alves, who chairs the committee, said the vote would go ahead.",
        [("the vote would go ahead", "Pedro Alves", False)],
        id="relative-clause-subject",
    ),
    pytest.param(
        "Ms. Park, 54, told the Associated Press that she had lost everything in the flood.",
        [("she had lost everything in the flood", "Ms. Park", False)],
        id="told-outlet",
    ),
    pytest.param(
        "“The first rule,” Anna Berg said, “is to listen.”",
        [("The first rule", "Anna Berg", True), ("is to listen.", "Anna Berg", True)],
        id="cue-inside",
    ),
    pytest.param(
        "Asked whether he would run again, Mark Dunn said: “Never say never.”",
        [("Never say never.", "Mark Dunn", True)],
        id="asked-is-not-his-speech",
    ),
    pytest.param(
        "It was a mistake to ignore the warnings, Brown acknowledged.",
        [("It was a mistake to ignore the warnings", "Brown", False)],
        id="indirect-cue-after",
    ),
    pytest.param(
        "The union's leader, Tom Ford, warned that strikes could spread to the ports.",
        [("strikes could spread to the ports", "Tom Ford", False)],
        id="title-then-name",
    ),
    pytest.param(
        "The minister said at a news conference in Rome on Monday that the talks had failed.",
        [("the talks had failed", "The minister", False)],
        id="said-adjuncts-that",
    ),
    pytest.param(
        "Canberra said at the time that the cutter had been operating lawfully.",
        [("the cutter had been operating lawfully", "Canberra", False)],
        id="said-at-the-time-that",
    ),
    pytest.param(
        "“Prices will fall,” predicted Omar Haddad, chief economist at Gulf Bank.",
        [("Prices will fall", "Omar Haddad", True)],
        id="predicted-inverted",
    ),
    pytest.param(
        "“We owe our customers an apology,” Helga Lind wrote in a letter to shareholders.",
        [("We owe our customers an apology", "Helga Lind", True)],
        id="wrote",
    ),
    pytest.param(
        "Ines Moreau said of the ruling: “It is a disgrace.”",
        [("It is a disgrace.", "Ines Moreau", True)],
        id="said-of-colon",
    ),
    pytest.param(
        "Viktor Hahn was quoted as saying that the merger was off.",
        [("the merger was off", "Viktor Hahn", False)],
        id="quoted-as-saying",
    ),
    pytest.param(
        "The bank’s chief executive, Jane Smith, called the fine “a disgrace.”",
        [("a disgrace.", "Jane Smith", True)],
        id="called-partial",
    ),
    pytest.param(
        "If the talks work, Leigh said, almost nobody will notice them.",
        [("almost nobody will notice them", "Leigh", False)],
        id="parenthetical-cue",
    ),
    pytest.param(
        "The plan, Costa said, would cost $2 billion over five years.",
        [("The plan, Costa said, would cost $2 billion over five years", "Costa", False)],
        id="parenthetical-cue-inside-the-clause",
    ),
    pytest.param(
        "President Ana Ruiz told the visiting minister on Monday that Peru would not give up its waters, "
        "during a meeting at the palace.",
        [("Peru would not give up its waters", "Ana Ruiz", False)],
        id="setting-adjunct-cut",
    ),
]


@pytest.mark.parametrize(("text", "expected"), NEWS_FORMS)
def test_news_attribution_forms(nlp: Language, text: str, expected: list[tuple[str, str, bool]]) -> None:
    quotes, _ = run(nlp, text)
    assert [(q.text, q.speaker_name, q.direct) for q in quotes] == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The minister was told that the plan had failed.", id="passive-hearer"),
        pytest.param("Analysts expect the central bank to raise rates in March.", id="expect"),
        pytest.param("The report, published on Tuesday, found that emissions had risen.", id="found"),
        pytest.param(
            "The city announced the plan, and by the time the mayor arrived, officials were calm.",
            id="coordinated-clause-is-not-a-complement",
        ),
    ],
)
def test_not_quotes(nlp: Language, text: str) -> None:
    quotes, _ = run(nlp, text)
    assert quotes == []


MIXED = [
    pytest.param(
        "Ms. Wibisana said last month that Indonesia wanted “respect, not lectures” from its neighbour.",
        [("respect, not lectures", True)],
        id="partial-inside-indirect",
    ),
    pytest.param(
        "A senior official said Santoso had raised the crew “more than once” and had pressed "
        "for a faster process.",
        [("more than once", True), ("had pressed for a faster process", False)],
        id="coordinated-clause-stays-indirect",
    ),
    pytest.param(
        "Ms. Wibisana told reporters that Indonesia wanted a faster process for returning boats, "
        "and that fishermen should not be treated “like smugglers.”",
        [("Indonesia wanted a faster process for returning boats", False), ("like smugglers.", True)],
        id="two-that-clauses",
    ),
]


@pytest.mark.parametrize(("text", "expected"), MIXED)
def test_mixed_quote_is_its_quoted_words(nlp: Language, text: str, expected: list[tuple[str, bool]]) -> None:
    quotes, _ = run(nlp, text)
    assert [(q.text, q.direct) for q in quotes] == expected


def test_split_quote_after_a_named_thing_keeps_its_speaker(nlp: Language) -> None:
    text = (
        "Critics call it the “fish war.” “Nobody wanted this,” said Marcus Leigh. “The trouble is the memo.”"
    )
    quotes, _ = run(nlp, text)
    assert [(q.text, q.speaker_name) for q in quotes] == [
        ("Nobody wanted this", "Marcus Leigh"),
        ("The trouble is the memo.", "Marcus Leigh"),
    ]


def test_next_paragraph_attribution_does_not_claim_a_quote(nlp: Language) -> None:
    text = (
        "President Arif Santoso spoke briefly. “Australia is our neighbour,” he said. "
        "“What matters is that we keep talking.”\n“We came to listen,” said Helen Marlowe."
    )
    quotes, actors = run(nlp, text)
    assert [(t, s) for t, s, _ in who(quotes, actors)] == [
        ("Australia is our neighbour", "Arif Santoso"),
        ("What matters is that we keep talking.", "Arif Santoso"),
        ("We came to listen", "Helen Marlowe"),
    ]


def test_unnamed_sources_of_two_articles_are_two_actors(nlp: Language) -> None:
    first, _ = run(nlp, "Officials said the talks had failed.")
    second, _ = run(nlp, "Officials said the plant would close next year.")
    assert first[0].speaker and first[0].speaker.startswith("unnamed:")
    assert first[0].speaker != second[0].speaker


def test_unnamed_source_is_one_actor_within_an_article(nlp: Language) -> None:
    quotes, _ = run(nlp, "Officials said the talks had failed. Officials said the plant would close.")
    assert len(quotes) == 2 and quotes[0].speaker == quotes[1].speaker


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. O'Brien said the talks failed.", "person:o-brien"),
        ("Mr. O’Brien said the talks failed.", "person:o-brien"),
    ],
)
def test_speaker_no_mention_found_gets_the_actors_module_id(nlp: Language, text: str, expected: str) -> None:
    doc = nlp(text)
    speaker = resolve_speaker(doc[0:2], [], [], [], article="a" * 16)
    assert (speaker.actor, speaker.how) == (expected, "name, no mention")


def test_quotes_at_one_offset_get_their_own_ids() -> None:
    """Two indirect quotes starting at one offset (two cues sharing a clause) used to share an id."""
    text = "Officials said and the ministry confirmed that the talks had failed."
    article = make_article(text)
    speaker = Speaker("unnamed:x", "Officials", 0, 9, "unnamed", "unnamed source")
    found = [_Found(47, 67, False, speaker=speaker), _Found(47, 67, False, speaker=speaker)]
    taken: set[str] = set()
    ids = [_to_quote(article, f, found, taken).id for f in found]
    assert len(set(ids)) == 2


# Forms met in news attribution corpora (PolNeAR dev), in sentences written for these tests:
# (quoted words, speaker as written, direct).
CORPUS_FORMS = [
    pytest.param(
        "Ortiz called the accord a “long-awaited chance to settle the border question for good.”",
        [("long-awaited chance to settle the border question for good.", "Ortiz", True)],
        id="long-quote-after-called-a-is-speech",
    ),
    pytest.param(
        "The bridge will stay shut until May, Ortiz said. “Nobody should expect it sooner.”",
        [
            ("The bridge will stay shut until May", "Ortiz", False),
            ("Nobody should expect it sooner.", "Ortiz", True),
        ],
        id="quote-after-reported-speech",
    ),
    pytest.param(
        "Ortiz said the bridge would stay shut until May.\n\n“Nobody should expect it sooner.”",
        [
            ("the bridge would stay shut until May", "Ortiz", False),
            ("Nobody should expect it sooner.", "Ortiz", True),
        ],
        id="quote-paragraph-after-reported-speech",
    ),
    pytest.param(
        "The talks stalled over Rosa Mendes, now the party chair, who said last year that the plan "
        "was unaffordable.",
        [("the plan was unaffordable", "Rosa Mendes", False)],
        id="relative-after-apposition",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CORPUS_FORMS)
def test_corpus_attribution_forms(nlp: Language, text: str, expected: list[tuple[str, str, bool]]) -> None:
    quotes, _ = run(nlp, text)
    assert [(q.text, q.speaker_name, q.direct) for q in quotes] == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Callers to his “Morning Table Talk” radio show have complained for years.", id="title-in-np"
        ),
        pytest.param(
            "The coach wondered whether referees would be “fair” to his team, in what critics described "
            "as a familiar tactic.",
            id="partial-quote-not-reported-by-a-nearby-cue",
        ),
    ],
)
def test_quoted_words_nobody_is_said_to_say(nlp: Language, text: str) -> None:
    quotes, _ = run(nlp, text)
    assert [q for q in quotes if q.direct] == []


def test_mixed_quote_as_its_clause_when_asked(nlp: Language) -> None:
    text = "Coast guard officials said the storm had been “worse than anyone expected” along the coast."
    article = make_article(text)
    doc = nlp(text)
    mentions, actors = resolve_local(find_mentions(doc, article), article)
    quotes = extract_quotes(doc, article, mentions, actors, mixed_as_clause=True)
    assert [(q.text, q.direct) for q in quotes] == [
        ("the storm had been “worse than anyone expected” along the coast", False)
    ]


def test_same_quote_key_lowers_each_character_and_blanks_the_rest() -> None:
    """The key is each alphanumeric character lowered on its own, everything else a space: a
    word-final capital sigma stays "σ" (str.lower() would make it "ς"), "_" and "’" are breaks."""

    def key(text: str) -> str:
        return same_quote_key(Quote("a", "x", 0, 5, text, None, None, None, True))

    def by_character(text: str) -> str:
        return " ".join("".join(c.lower() if c.isalnum() else " " for c in text).split())

    for text in ("ΟΔΟΣ ΣΟΦΙΑΣ", "Don’t  STOP_now!", "İstanbul, 2½ ٣", "Straẞe\u0301 ﬃ", ""):
        assert key(text) == by_character(text)
    assert key("ΟΔΟΣ") == "οδοσ"
    assert key("“We will not back down,” he said.") == "we will not back down he said"
