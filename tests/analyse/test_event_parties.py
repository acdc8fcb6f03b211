"""Who an event is by and with: background events, places, content objects, framed meetings.

Sentences are written for these tests; published 2023-06-17 (a Saturday) unless stated.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from conftest import events_of
from conftest import trigger_text as word
from storyline.model import Event


def run(nlp: Language, text: str, published: str | None = "2023-06-17") -> list[Event]:
    return events_of(nlp, text, published)


@pytest.mark.parametrize(
    ("text", "year", "source"),
    [
        (
            "Helen Marlowe's visit on Monday is the first cabinet-level Australian visit to Indonesia "
            "since 2020.",
            "2020",
            "state:AUS",
        ),
        (
            "Antony Blinken arrived in Beijing on Sunday, the first trip by an American secretary of state "
            "since 2018.",
            "2018",
            "state:USA",
        ),
        # named in the event's own phrase: the same people met before
        ("Xi Jinping met Joe Biden on Monday, their first meeting since 2019.", "2019", "person:xi-jinping"),
    ],
)
def test_background_event_is_by_the_class_not_this_person(
    nlp: Language, text: str, year: str, source: str
) -> None:
    [bg] = [e for e in run(nlp, text) if e.date == year]
    assert (bg.type, bg.mode, bg.source_actor) == ("CONSULT", "happened", source)


def test_place_after_in_is_not_the_counterpart(nlp: Language) -> None:
    text = "Leaders sign a security pact in Bali on Monday."
    [e] = run(nlp, text)
    assert (e.type, e.source_actor, e.target_actor) == ("AGREE", None, None)


def test_co_signatory_is_the_counterpart_and_the_city_the_place(nlp: Language) -> None:
    text = "Narendra Modi and Anthony Albanese signed a trade pact in Canberra on Friday."
    [e] = run(nlp, text)
    assert (e.source_actor, e.target_actor, e.place) == (
        "person:narendra-modi",
        "person:anthony-albanese",
        "Canberra",
    )


def test_passive_clause_does_not_borrow_the_main_subject(nlp: Language) -> None:
    text = "After the treaty was signed in Oslo, Norway suspended the fisheries dialogue on Monday."
    assert all(not (e.type == "AGREE" and e.source_actor) for e in run(nlp, text))


def test_chronology_reference_to_an_earlier_item_adds_no_event(nlp: Language) -> None:
    text = (
        "Timeline\n\n"
        "Leaders sign security pact in Bali — November 14, 2022\n\n"
        "Meeting on the sidelines of a summit, the two leaders signed a pact on intelligence sharing.\n\n"
        "Jakarta suspends fisheries dialogue — January 10, 2023\n\n"
        "Weeks after the Bali pact was signed, Jakarta suspended the annual dialogue on fishing rights.\n"
    )
    agree = [e for e in run(nlp, text) if e.type == "AGREE"]
    assert [(e.date, e.summary) for e in agree] == [("2022-11-14", "Leaders sign security pact in Bali")]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Canada accused Denmark of fishing illegally on Monday, a charge Denmark rejected.", False),
        ("Norway rejected it on Monday.", False),
        ("Norway rejected the claim on Monday.", True),
        ("President Joko Widodo pressed for a faster return of seized fishing boats on Monday.", True),
    ],
)
def test_content_verb_without_counterpart_needs_content(nlp: Language, text: str, kept: bool) -> None:
    found = [e for e in run(nlp, text) if e.type in ("REJECT", "REQUEST")]
    assert bool(found) is kept


def test_content_object_names_the_counterpart(nlp: Language) -> None:
    text = "India rejected the proposal from Pakistan on Friday."
    [e] = run(nlp, text)
    assert (e.source_actor, e.target_actor) == ("state:IND", "state:PAK")


def test_summary_is_the_actor_and_its_clause_without_the_date(nlp: Language) -> None:
    text = "President Joko Widodo pressed for a faster return of seized fishing boats on Monday."
    [e] = run(nlp, text)
    assert e.summary == "Joko Widodo pressed for a faster return of seized fishing boats"


def test_meeting_framing_reported_speech_is_between_teller_and_told(nlp: Language) -> None:
    text = (
        "President Joko Widodo told Anthony Albanese on Monday that Indonesia would not give up its "
        "rights, during a meeting at the Merdeka Palace."
    )
    [meeting] = [e for e in run(nlp, text) if e.type == "CONSULT"]
    assert (meeting.source_actor, meeting.target_actor) == ("person:joko-widodo", "person:anthony-albanese")


def test_subject_is_borrowed_up_a_chain_of_clauses(nlp: Language) -> None:
    text = "Emmanuel Macron plans to leave on Friday, stopping in Berlin to meet Chancellor Olaf Scholz."
    [meet] = [e for e in run(nlp, text) if word(text, e) == "meet"]
    assert (meet.source_actor, meet.target_actor) == ("person:emmanuel-macron", "person:olaf-scholz")


def test_warship_described_by_a_demonym_acts_for_its_states_military(nlp: Language) -> None:
    text = (
        "Ukraine protested on Monday after a Russian frigate detained a Ukrainian cargo ship "
        "and Moscow defended the move."
    )
    [e] = [e for e in run(nlp, text) if e.type == "COERCE"]
    # a warship is the navy acting (the state's military); a cargo ship stands for its state
    assert (e.source_actor, e.target_actor) == ("org:rus:military", "state:UKR")


def test_minister_and_her_government_postponing_is_one_cancellation(nlp: Language) -> None:
    text = (
        "Australian Foreign Minister Helen Marlowe's visit, postponed in January after a standoff at sea, "
        "began on Sunday. The Australian government postponed the visit on January 12."
    )
    cancelled = [e for e in run(nlp, text) if e.mode == "cancelled"]
    assert [(e.date, e.granularity) for e in cancelled] == [("2023-01-12", "day")]


@pytest.mark.parametrize(
    ("text", "summary"),
    [
        # a relative word before the verb is not part of the summary
        (
            "Wang Yi, who traveled to Munich in February for a security conference, spoke there.",
            "Wang Yi traveled to Munich for a security conference",
        ),
        # a headline the parser runs into the first sentence stays out of it
        ("Kerry Heads to Beijing\nJohn Kerry arrived in Beijing on Sunday.", "arrived in Beijing"),
    ],
)
def test_summary_keeps_to_the_clause(nlp: Language, text: str, summary: str) -> None:
    assert summary in [e.summary for e in run(nlp, text)]


def test_object_control_verb_lends_its_object_as_subject(nlp: Language) -> None:
    text = "On Monday Joe Biden urged Emmanuel Macron to visit Beijing."
    [visit] = [e for e in run(nlp, text) if e.type == "CONSULT"]
    assert visit.source_actor == "person:emmanuel-macron"


def test_pronoun_subject_of_reported_speech_is_the_reporter(nlp: Language) -> None:
    """'Sweden said it had expelled ...': 'it' is Sweden, not a missing actor."""
    text = "Sweden said on Friday that it had expelled Iran's ambassador."
    [e] = [e for e in run(nlp, text) if e.type == "SANCTION"]
    assert (word(text, e), e.source_actor, e.target_actor) == ("expelled", "state:SWE", "state:IRN")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Japan provided aid to Vietnam on Friday.", "state:VNM"),  # spaCy's 'dative' to-phrase
        ("Finland shared intelligence with Estonia on Friday.", "state:EST"),  # past a content object
        ("Brazil promised on Friday to send aid to Bolivia.", "state:BOL"),  # the intended act's party
    ],
)
def test_target_from_a_party_preposition(nlp: Language, text: str, target: str) -> None:
    assert [e.target_actor for e in run(nlp, text)][:1] == [target]


@pytest.mark.parametrize(
    ("text", "type_", "source", "target"),
    [
        (
            "Peru on Friday demanded that the United States end its program.",
            "REQUEST",
            "state:PER",
            "state:USA",
        ),
        (
            "Senior Hungarian and Romanian officials agreed on Wednesday to cooperate.",
            "AGREE",
            "state:HUN",
            "state:ROU",
        ),
        ("Chile and Peru established diplomatic ties on Friday.", "SUPPORT", "state:CHL", "state:PER"),
        ("Kenya closed its border with Somalia on Friday.", "COERCE", "state:KEN", "state:SOM"),
        ("Iraq was attacked by Iran on Friday.", "ASSAULT", "state:IRN", "state:IRQ"),
        ("Japan imposed sanctions against North Korea on Friday.", "SANCTION", "state:JPN", "state:PRK"),
    ],
)
def test_counterpart(nlp: Language, text: str, type_: str, source: str, target: str) -> None:
    """The counterpart from a that-clause subject, a conjoined modifier, a prepositional object,
    a passive by-agent; symmetric subjects give both parties."""
    e = next(e for e in run(nlp, text) if e.type == type_)
    assert (e.source_actor, e.target_actor) == (source, target)


@pytest.mark.parametrize(
    ("text", "modes"),
    [
        ("Mali issued an ultimatum to Niger on Friday to halt attacks.", [("THREATEN", "happened")]),
        # an offer to mediate is one intent (CAMEO 039), not also a planned mediation
        ("Serbia offered on Friday to mediate.", [("AGREE", "happened")]),
        ("Chile and Peru failed to reach agreement on Friday.", [("AGREE", "denied")]),
        ("Syria and Jordan reached agreement on Friday.", [("AGREE", "happened")]),
    ],
)
def test_mode_of_content(nlp: Language, text: str, modes: list[tuple[str, str]]) -> None:
    """A demanded act is no event; an offer to meet is an intent; a failed agreement is denied."""
    assert [(e.type, e.mode) for e in run(nlp, text)] == modes


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Syrian troops recaptured the town on Friday.", "192"),
        ("Rebels captured the city of Goma on Friday.", "192"),
        ("Czechoslovakia and Albania upgraded their diplomatic ties on Friday.", "050"),
    ],
)
def test_territory_and_ties(nlp: Language, text: str, cameo: str) -> None:
    assert [e.cameo for e in run(nlp, text)] == [cameo]


def test_demonym_counterpart(nlp: Language) -> None:
    e = run(nlp, "Yugoslavia on Friday rejected an Australian ultimatum.")[0]
    assert e.target_actor == "state:AUS"


@pytest.mark.parametrize(
    ("text", "etype", "source", "target"),
    [
        # the demonym on the event's own noun is its agent
        # a region is a party itself, with its state as its country (data/regions.json)
        (
            "The Israeli attack on Gaza on Monday killed 12 people.",
            "ASSAULT",
            "state:ISR",
            "place:gaza-strip",
        ),
        # the demonym on the object (or the object of a party preposition) is the target
        ("Turkey shelled Iraqi towns on Tuesday.", "ASSAULT", "state:TUR", "state:IRQ"),
        ("Malaysia detained an Indonesian fishing boat on Sunday.", "COERCE", "state:MYS", "state:IDN"),
        ("Police on Sunday detained an Indonesian fishing boat.", "COERCE", None, "state:IDN"),
        # never the other side's own state
        ("Australia on Sunday detained an Australian fishing boat.", "COERCE", "state:AUS", None),
    ],
)
def test_demonym_on_a_thing_is_a_party(
    nlp: Language, text: str, etype: str, source: str | None, target: str | None
) -> None:
    [e] = [e for e in run(nlp, text) if e.type == etype]
    assert (e.source_actor, e.target_actor) == (source, target)


def test_state_named_only_by_a_demonym_is_noted(nlp: Language) -> None:
    [e] = run(nlp, "Turkey shelled Iraqi towns on Tuesday.")
    assert [n for n in e.notes if n.startswith("state:IRQ")] == [
        "state:IRQ ('Iraqi') is a state not otherwise named in the article (from a demonym on a thing)"
    ]


def test_state_named_elsewhere_gets_no_note(nlp: Language) -> None:
    [e] = run(nlp, "Iraq protested on Monday. Turkey shelled Iraqi towns on Tuesday.")[-1:]
    assert (e.target_actor, [n for n in e.notes if "not otherwise named" in n]) == ("state:IRQ", [])


def test_summary_names_the_country_not_the_demonym(nlp: Language) -> None:
    [e] = [
        e for e in run(nlp, "The Israeli attack on Gaza on Monday killed 12 people.") if e.type == "ASSAULT"
    ]
    assert e.summary == "Israel's attack on Gaza"  # the country, and the town by its own name


def test_a_pronoun_in_a_relative_clause_is_not_its_noun(nlp: Language) -> None:
    """'Ada Lind, who he said was ...': 'he' is not Ada Lind (the clause's 'who' is), so the
    speaker is the other person in reach; the title names whom the pronoun stood for."""
    text = (
        "Prime Minister Tomas Berg praised the new trade office on Friday at a dinner with banker "
        "Ada Lind, who he said was the first foreign investor to back the port."
    )
    said = [e for e in events_of(nlp, text, "2024-05-03") if e.type == "STATEMENT"]
    assert len(said) == 1 and said[0].source_actor == "person:tomas-berg"
    assert said[0].summary.startswith("Tomas Berg said banker Ada Lind was the first foreign investor")


def test_who_asked_is_the_party_of_a_refusal(nlp: Language) -> None:
    """'rebuffed a request for a meeting from his counterpart, X': the parser hangs 'from X' on
    the meeting; the target is X, not the state of the summit's town."""
    text = (
        "At a forum in Oslo this month, Defence Minister Tomas Berg rebuffed a request for a meeting "
        "from his Danish counterpart, Ada Lind."
    )
    refused = [e for e in events_of(nlp, text, "2024-05-03") if e.type == "REJECT"]
    assert [(e.source_actor, e.target_actor) for e in refused] == [("person:tomas-berg", "person:ada-lind")]
