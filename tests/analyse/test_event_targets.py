"""Targets of events, round 2: regions as parties (data/regions.json), acts on a place, passives,
nominal events with "of" and "from", complaints about a party, protests aimed at a party, demands
in a that-clause, misparsed objects and two-word demonyms.

Sentences are written for these tests (not taken from the PLOVER records the bench scores); each
is analysed as a one-sentence article, as a wire flash would be.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from conftest import events_of
from storyline.analyse.events import main_event
from storyline.knowledge import load_knowledge
from storyline.model import Event

DATE = "2000-01-01"


def main(nlp: Language, text: str) -> Event:
    ev = main_event(events_of(nlp, text, DATE), nlp(text))
    assert ev is not None, text
    return ev


def test_regions_and_former_names_are_known() -> None:
    k = load_knowledge()
    darfur = k.region("the Darfur region")
    assert darfur is not None and (darfur.name, darfur.country, darfur.as_state) == ("Darfur", "SDN", False)
    kosovo = k.region("Kosovo province")
    assert kosovo is not None and kosovo.country == "XKX"
    gaza = k.region("Gaza")
    assert gaza is not None and (gaza.name, gaza.country, gaza.as_state) == ("Gaza Strip", "PSE", True)
    assert k.region_demonym("Chechen").name == "Chechnya"  # type: ignore[union-attr]
    # former names fold into the country list
    assert k.country("Zaire").iso3 == "COD"  # type: ignore[union-attr]
    assert k.demonym("Kampuchean").iso3 == "KHM"  # type: ignore[union-attr]
    # a compass word names part of a country; a country's own name is no part
    assert k.part_of("Western Cambodia").iso3 == "KHM"  # type: ignore[union-attr]
    assert k.part_of("North Korea") is None
    assert all(r.source.startswith("Wikipedia: ") for r in k.regions)


@pytest.mark.parametrize(
    ("text", "etype", "source", "target"),
    [
        # a region with no state of its own in the gazetteer stands as the party itself
        ("Serbia lifted a night curfew in Kosovo on Sunday.", "CONCEDE", "state:SRB", "place:kosovo"),
        # ... even inside an object's "of" phrase, and against its own state's government
        (
            "Sudan's government lifted a state of emergency in West Darfur State on Sunday.",
            "CONCEDE",
            "state:SDN",
            "place:darfur",
        ),
        (
            "Sudan accused Darfur rebels on Monday of violating the truce.",
            "ACCUSE",
            "state:SDN",
            "place:darfur",
        ),
        # a region the coders code as a state stands as itself, with that state as its country
        (
            "Israeli tanks shelled the West Bank town of Jenin on Monday.",
            "ASSAULT",
            "org:isr:military",
            "place:west-bank",
        ),
        # a town in the Palestinian territories stands for the Palestinian state
        ("Israeli tanks shelled the town of Jenin on Monday.", "ASSAULT", "org:isr:military", "state:PSE"),
    ],
)
def test_a_region_is_a_party(nlp: Language, text: str, etype: str, source: str, target: str) -> None:
    e = main(nlp, text)
    assert (e.type, e.source_actor, e.target_actor) == (etype, source, target)


@pytest.mark.parametrize(
    ("text", "etype", "target"),
    [
        # "X's invasion of Y": the "of" phrase of an act on a party is its target
        ("Israel mounted an invasion of South Lebanon on Monday.", "ASSAULT", "place:south-lebanon"),
        # "withdrawal from Y"
        ("Syria completed the withdrawal of its troops from Lebanon on Friday.", "RETREAT", "state:LBN"),
        # "the town of Y": the town stands for its state
        ("Serbian forces shelled the town of Gorazde on Friday.", "ASSAULT", "state:BIH"),
    ],
)
def test_nominal_event_preposition(nlp: Language, text: str, etype: str, target: str) -> None:
    e = main(nlp, text)
    assert (e.type, e.target_actor) == (etype, target)


def test_stative_passive_subject_is_the_actor(nlp: Language) -> None:
    """'X is opposed to Y's mediation': X opposes; the passive subject is no target."""
    e = main(nlp, "Israel is opposed to French mediation in the talks, an aide said on Wednesday.")
    assert (e.type, e.source_actor, e.target_actor) == ("REJECT", "state:ISR", "state:FRA")


def test_a_complaint_is_aimed_at_the_party_complained_of(nlp: Language) -> None:
    """'complained to the UN over Israeli air raids': the UN is the audience, Israel the target."""
    e = main(nlp, "Lebanon complained to the United Nations on Tuesday over two Israeli air raids.")
    assert (e.type, e.source_actor, e.target_actor) == ("ACCUSE", "state:LBN", "state:ISR")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Thousands of students staged demonstrations on Saturday to demand the resignation of "
            "President Suharto.",
            "person:suharto",
        ),
        # a phrase that only says where is no target
        (
            "Algerian farmers began a hunger strike outside Parliament on Monday to demand the return "
            "of land seized by Algerian government forces.",
            "org:dza:military",
        ),
    ],
)
def test_a_protest_is_aimed_at_the_party_its_clause_names(nlp: Language, text: str, target: str) -> None:
    e = main(nlp, text)
    assert (e.type, e.target_actor) == ("PROTEST", target)


def test_a_demand_noun_targets_the_subject_of_its_that_clause(nlp: Language) -> None:
    e = main(
        nlp, "The International Labor Office renewed its demand on Monday that Israel ease restrictions."
    )
    assert (e.type, e.target_actor) == ("REQUEST", "state:ISR")


def test_the_first_object_is_the_target_not_a_misparsed_second_one(nlp: Language) -> None:
    """spaCy makes 'a human rights organization' a second object of 'abused'."""
    e = main(
        nlp,
        "U.S. border agents abused illegal Mexican immigrants with impunity, "
        "a human rights organization charged.",
    )
    assert (e.type, e.target_actor) == ("ASSAULT", "state:MEX")


def test_a_two_word_demonym_names_its_state(nlp: Language) -> None:
    e = main(nlp, "France threatened on Monday to impose import restrictions against West German goods.")
    assert (e.type, e.target_actor) == ("THREATEN", "state:DEU")


def test_a_group_of_detainees_is_its_states(nlp: Language) -> None:
    e = main(nlp, "Israeli soldiers beat Palestinian detainees in a prison on Monday.")
    assert (e.type, e.target_actor) == ("ASSAULT", "state:PSE")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # spaCy tags "Crimea" as an organisation and "West Bank" ends like a bank's name
        ("Russia annexed Crimea on Tuesday.", "place:crimea"),
        ("Israeli soldiers raided homes on the West Bank on Monday.", "place:west-bank"),
    ],
)
def test_region_names_are_places_whatever_the_tagger_says(nlp: Language, text: str, target: str) -> None:
    assert main(nlp, text).target_actor == target


def test_title_names_the_thing_acted_on_when_its_owner_is_the_target(nlp: Language) -> None:
    """'the downing of a Chinese balloon': the target is China, the title names the balloon."""
    text = "The U.S. military completed the downing of a Chinese spy balloon on Saturday."
    downing = [x for x in events_of(nlp, text, DATE) if x.type == "ASSAULT"]
    assert downing and downing[0].target_actor == "state:CHN"
    assert "of Chinese spy balloon" in downing[0].summary


def test_an_undated_wire_flash_with_a_group_acting_is_an_event(nlp: Language) -> None:
    """No date, no named actor: a group's protest in a one-sentence item is still the news, and
    whom it is aimed at comes from its clause."""
    text = (
        "Islamic fundamentalists continued their hunger strike to demand the resignation of President Chadli."
    )
    e = main(nlp, text)
    assert (e.type, e.target_actor) == ("PROTEST", "person:chadli")


def test_whom_a_permission_is_for_is_the_target(nlp: Language) -> None:
    """'allowed X to run': the subject of the allowed clause is the counterpart."""
    e = main(nlp, "Ivory Coast's Supreme Court allowed Alassane Ouattara to run in the elections on Monday.")
    assert (e.type, e.target_actor) == ("CONCEDE", "person:alassane-ouattara")


def test_a_when_clause_places_the_act_and_its_town_is_the_target(nlp: Language) -> None:
    text = "Two suicide bombers killed 23 people on Sunday when they blew themselves up in Tel Aviv."
    e = main(nlp, text)
    assert (e.type, e.target_actor) == ("ASSAULT", "state:ISR")


def test_an_attack_noun_subject_and_its_verb_are_one_event(nlp: Language) -> None:
    """'Egypt's attack on Libya killed 12 people': one assault, on Libya."""
    evs = [
        e
        for e in events_of(nlp, "Egypt's attack on Libya killed 12 people on Friday.", DATE)
        if e.type == "ASSAULT"
    ]
    assert [(e.source_actor, e.target_actor) for e in evs] == [("state:EGY", "state:LBY")]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "That could involve restarting military talks, which were cut off last year when the "
            "speaker visited the island.",
            "Military talks cut off",
        ),
        (
            "The ministry reopened the crossing, which was closed in March after the floods.",
            "Crossing reopened",
        ),
    ],
)
def test_a_relative_pronoun_is_titled_by_its_noun(nlp: Language, text: str, title: str) -> None:
    """'talks, which were cut off': the title says what was cut off, not 'Which cut off'."""
    titles = [e.summary for e in events_of(nlp, text, DATE)]
    assert title in titles and not any(t.lower().startswith(("which", "who")) for t in titles)
