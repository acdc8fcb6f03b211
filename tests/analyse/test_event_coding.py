"""Event coding at the breadth of the field's dictionaries: light verbs, event nouns, phrasal verbs,
negation and modality, arguments, places, titles, the sentence classifier and the main event.

Each sentence is analysed as a one-sentence article (a feed item or wire flash), the way coded
news sentences are; the expected codes follow the CAMEO codebook and PLOVER.
"""

from __future__ import annotations

import json
from importlib import resources

import pytest
from spacy.language import Language

from conftest import events_of
from storyline.analyse.events import main_event
from storyline.analyse.events.classify import classify, features
from storyline.analyse.events.ontology import lexicon_size
from storyline.model import Event

DATE = "2000-01-01"


def run(nlp: Language, text: str) -> list[Event]:
    return events_of(nlp, text, DATE)


def main(nlp: Language, text: str) -> Event:
    ev = main_event(run(nlp, text), nlp(text))
    assert ev is not None, text
    return ev


@pytest.mark.parametrize(
    ("text", "etype", "cameo", "source", "target"),
    [
        # light verbs carry the event their object names
        (
            "The European Community on Monday gave the Ivory Coast 5.1 million dollars of aid.",
            "AID",
            "070",
            "org:european-community",
            "state:CIV",
        ),
        (
            "Turkish authorities imposed a curfew in the town of Cizre on Tuesday.",
            "COERCE",
            "172",
            "state:TUR",
            None,
        ),
        (
            "The European Union imposed sanctions on Iran on Monday.",
            "SANCTION",
            "163",
            "org:european-union",
            "state:IRN",
        ),
        ("Students staged a protest outside the French embassy on Friday.", "PROTEST", "140", None, None),
        # event nouns: a general strike, a boycott announced, a blockade lifted
        (
            "Seven opposition parties in Nepal have organized a general strike.",
            "PROTEST",
            "143",
            "state:NPL",
            None,
        ),
        ("Hungary announced a boycott of the Olympic Games on Monday.", "PROTEST", "143", "state:HUN", None),
        ("Israel lifted the blockade of Gaza on Sunday.", "RETREAT", "0872", "state:ISR", "place:gaza-strip"),
        # phrasal verbs
        (
            "The Nigerian Union of Teachers called off the strike on Monday.",
            "CONCEDE",
            "082",
            "org:nigerian-union-of-teachers",
            None,
        ),
        # verbs the hand-tuned list lacks
        ("Egyptian demonstrators rioted on Friday.", "PROTEST", "145", "org:egy:protesters", None),
        (
            "Zambia extradited the suspect to Britain on Sunday.",
            "COOPERATE",
            "063",
            "state:ZMB",
            "state:GBR",
        ),
    ],
)
def test_light_verbs_event_nouns_and_phrasal_verbs(
    nlp: Language, text: str, etype: str, cameo: str, source: str | None, target: str | None
) -> None:
    e = main(nlp, text)
    assert (e.type, e.cameo, e.source_actor, e.target_actor) == (etype, cameo, source, target)


@pytest.mark.parametrize(
    ("text", "etype", "source", "target"),
    [
        # intent to cooperate is AGREE (CAMEO 03), whatever act is intended
        ("Finland will give Tanzania a grant on Friday.", "AGREE", "state:FIN", "state:TZA"),
        # a hostile act announced for the future or on a condition is a threat (CAMEO 13)
        (
            "Palestinian leaders said they would boycott all official contact with the United States.",
            "THREATEN",
            "state:PSE",
            "state:USA",
        ),
        ("Greece plans to impose restrictions on Albania's workers.", "THREATEN", "state:GRC", "state:ALB"),
        ("Iran threatened on Tuesday to shell Iraqi towns.", "THREATEN", "state:IRN", "state:IRQ"),
        # negated cooperation, intended or modal, is a refusal (CAMEO 12)
        ("Syria says it will not accept any more refugees.", "REJECT", "state:SYR", None),
        # an obligation laid on another party in reported speech is a demand (CAMEO 10)
        (
            "Russia said on Tuesday that Sudan must return a Mi-26 helicopter.",
            "REQUEST",
            "state:RUS",
            "state:SDN",
        ),
    ],
)
def test_negation_and_modality_recode_the_act(
    nlp: Language, text: str, etype: str, source: str, target: str | None
) -> None:
    e = main(nlp, text)
    assert (e.type, e.source_actor, e.target_actor, e.mode) == (etype, source, target, "happened")


def test_a_past_negation_reports_no_refusal(nlp: Language) -> None:
    """'did not meet' says a meeting did not take place; it is no rejection."""
    [e] = run(nlp, "Lloyd Austin did not meet his Chinese counterpart on Saturday.")
    assert (e.type, e.mode) == ("CONSULT", "denied")


def test_a_threatened_act_is_not_an_event_of_its_own(nlp: Language) -> None:
    assert [e.type for e in run(nlp, "Iran threatened on Tuesday to shell Iraqi towns.")] == ["THREATEN"]


@pytest.mark.parametrize(
    ("text", "etype", "source", "target"),
    [
        # direct object
        (
            "Israeli soldiers arrested Palestinian activists on Saturday.",
            "COERCE",
            "org:isr:military",
            "state:PSE",
        ),
        # prepositional complement
        (
            "Israeli intelligence officials shared evidence with the U.S. on Monday.",
            "COOPERATE",
            "state:ISR",
            "state:USA",
        ),
        # nominal event: X's attack on Y; a region (data/regions.json) is a party itself
        (
            "The Israeli attack on Gaza on Monday killed 12 people.",
            "ASSAULT",
            "state:ISR",
            "place:gaza-strip",
        ),
        # passive: the agent is the source; a thing "for" a group is the group's
        (
            "A camp for Congolese refugees was attacked by Burundian militiamen on Monday.",
            "ASSAULT",
            "org:bdi:rebels",
            "org:cog:refugees",
        ),
        # coordinated parties: each is the other's counterpart
        (
            "The United States and Jordan have agreed upon a new free-trade pact.",
            "AGREE",
            "state:USA",
            "state:JOR",
        ),
        # a group named by nationality is its state
        ("Serb forces killed three ethnic Albanians on Friday.", "ASSAULT", "org:srb:military", "state:ALB"),
        # a group located in a state
        ("Demonstrators in Baghdad blocked a road on Tuesday.", "PROTEST", "state:IRQ", None),
    ],
)
def test_arguments(nlp: Language, text: str, etype: str, source: str, target: str | None) -> None:
    [e] = [e for e in run(nlp, text) if e.type == etype]
    assert (e.source_actor, e.target_actor) == (source, target)


def test_a_state_named_inside_the_act_is_its_counterpart(nlp: Language) -> None:
    """No party in an argument slot: the state the act's own phrase names ("war against Iraq")."""
    [e] = run(nlp, "Britain mobilized army reservists for a possible war against Iraq on Tuesday.")
    assert (e.type, e.source_actor, e.target_actor) == ("MOBILIZE", "state:GBR", "state:IRQ")


def test_a_town_is_the_place_and_its_state_the_counterpart(nlp: Language) -> None:
    [e] = run(nlp, "Iraqi President Saddam Hussein arrived in Amman on Wednesday.")
    assert (e.type, e.target_actor, e.place) == ("CONSULT", "state:JOR", "Amman")
    assert e.summary == "Saddam Hussein arrived in Amman"


def test_a_building_is_the_place_never_the_counterpart(nlp: Language) -> None:
    [e] = run(nlp, "Wang Yi met Antony Blinken at the Diaoyutai State Guesthouse on Sunday.")
    assert (e.target_actor, e.place) == ("person:antony-blinken", "the Diaoyutai State Guesthouse")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Antony Blinken held talks with Wang Yi at the Diaoyutai State Guesthouse on Sunday.",
            "Antony Blinken holds talks with Wang Yi at the Diaoyutai State Guesthouse",
        ),
        (
            "Right, both sides announced Blinken's trip to Beijing on Wednesday.",
            "Blinken's trip to Beijing announced",
        ),
        (
            "Russia said on Tuesday that Sudan must return a Mi-26 helicopter.",
            "Russia says Sudan must return a Mi-26 helicopter",
        ),
        ("Finland will give Tanzania a grant on Friday.", "Finland to give grant to Tanzania"),
        # the text's own preposition before the counterpart
        (
            "The International Criminal Court issued an arrest warrant for Vladimir Putin on Friday.",
            "International Criminal Court issues arrest warrant for Vladimir Putin",
        ),
        (
            "A camp for Congolese refugees was attacked by Burundian militiamen on Monday.",
            "Burundian rebels attack Congolese refugees",
        ),
    ],
)
def test_titles_are_built_from_the_events_parts(nlp: Language, text: str, title: str) -> None:
    """Actor, act, counterpart, place: never a clipped sentence ("Right both sides announced ...")."""
    assert title in [e.summary for e in run(nlp, text)]


def test_main_event_is_the_governing_clause(nlp: Language) -> None:
    text = "Rwandan rebels demanded the withdrawal of Ugandan troops on Monday."
    assert main(nlp, text).type == "REQUEST"


def test_the_classifier_names_an_act_no_pattern_covers(nlp: Language) -> None:
    text = "Palestinians of the West Bank shunned work on Monday to protest at new settlements."
    sent = next(nlp(text).sents)
    assert classify(features(sent))[0] == "PROTEST"
    e = main(nlp, text)
    assert e.type == "PROTEST"


def test_the_ontology_covers_every_plover_type_and_cameo_root() -> None:
    raw = json.loads(
        resources.files("storyline.data").joinpath("event_lexicon.json").read_text(encoding="utf-8")
    )
    types = {c["type"] for c in raw["codes"]}
    roots = {c["cameo"][:2] for c in raw["codes"]}
    plover = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REQUEST", "ACCUSE",
              "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}  # fmt: skip
    assert types == plover
    assert roots == {f"{n:02d}" for n in range(2, 21)}
    assert lexicon_size() >= 1000
    model = json.loads(
        resources.files("storyline.data").joinpath("event_model.json").read_text(encoding="utf-8")
    )
    assert set(model["classes"]) == plover | {"NONE"}


@pytest.mark.parametrize(
    ("text", "etype", "source", "target"),
    [
        # an unnamed group acting in the lede keeps its event
        ("Islamic fundamentalists continued their hunger strike on Monday.", "PROTEST", None, None),
        # "by one hour" on an active verb is no agent
        (
            "President Omar El Bashir on Thursday shortened by one hour the nightly curfew imposed in Sudan.",
            "CONCEDE",
            "person:omar-el-bashir",
            None,
        ),
        # the speaker under a participle the parser made the subject
        (
            "The Red Cross operating in Iraq said US forces must ensure security.",
            "REQUEST",
            "org:red-cross",
            "state:USA",
        ),
    ],
)
def test_parser_slips_and_unnamed_groups(
    nlp: Language, text: str, etype: str, source: str | None, target: str | None
) -> None:
    e = main(nlp, text)
    assert (e.type, e.source_actor, e.target_actor) == (etype, source, target)


def test_a_participle_opening_a_paragraph_takes_its_own_paragraphs_subject(nlp: Language) -> None:
    """'Speaking to Mr. Blinken ..., Qin Gang said': Qin Gang speaks, never the warship of the
    paragraph before, even where the parser runs the two together."""
    text = (
        "A Chinese warship sailed close to a Canadian frigate in the strait last week, the navy said.\n"
        "Speaking to Mr. Blinken ahead of his departure this week, Chinese Foreign Minister Qin Gang "
        "said the talks mattered."
    )
    [e] = [e for e in run(nlp, text) if e.type == "CONSULT"]
    assert (e.source_actor, e.target_actor) == ("person:qin-gang", "person:antony-blinken")
