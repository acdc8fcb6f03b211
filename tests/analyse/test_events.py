"""Event extraction on sentences written for these tests: one event form, tense or mode per case."""

from __future__ import annotations

import pytest
from spacy.language import Language

from conftest import events_of, make_article
from conftest import trigger_text as trigger
from storyline.analyse.actors.resolve import find_mentions, resolve_local
from storyline.model import Event


def run(nlp: Language, text: str, published: str | None = "2023-06-19") -> list[Event]:
    return events_of(nlp, text, published)


@pytest.mark.parametrize(
    ("text", "word", "type_", "cameo"),
    [
        ("Antony Blinken met with Xi Jinping on Monday in Beijing.", "met", "CONSULT", "040"),
        ("Joe Biden arrived in Tokyo on Sunday.", "arrived", "CONSULT", "042"),
        ("Emmanuel Macron hosted Olaf Scholz in Paris on Friday.", "hosted", "CONSULT", "043"),
        ("Rishi Sunak spoke with Fumio Kishida on Friday.", "spoke", "CONSULT", "041"),
        ("Pedro Sanchez accused Viktor Orban of lying on Friday.", "accused", "ACCUSE", "112"),
        ("Kim Jong Un threatened Japan on Friday.", "threatened", "THREATEN", "130"),
        ("Washington imposed sanctions on Iran on Friday.", "sanctions", "SANCTION", "163"),
        ("Russia invaded Ukraine in February 2022.", "invaded", "ASSAULT", "190"),
        ("The State Department announced new rules on Wednesday.", "announced", "STATEMENT", "010"),
        ("Mario Draghi praised Germany on Friday.", "praised", "SUPPORT", "051"),
        ("India rejected the proposal from Pakistan on Friday.", "rejected", "REJECT", "120"),
    ],
)
def test_trigger_maps_to_plover_and_cameo(
    nlp: Language, text: str, word: str, type_: str, cameo: str
) -> None:
    events = run(nlp, text)
    assert [(trigger(text, e), e.type, e.cameo) for e in events] == [(word, type_, cameo)]


def test_met_with_gives_source_target_date_and_place(nlp: Language) -> None:
    text = "Antony Blinken met with Xi Jinping on Monday in Beijing."
    [e] = run(nlp, text)
    names = (text.find("Antony Blinken"), text.find("Xi Jinping"))
    assert e.source_actor and e.target_actor and e.source_actor != e.target_actor
    assert (e.date, e.granularity, e.place, e.mode) == ("2023-06-19", "day", "Beijing", "happened")
    assert names[0] < names[1]


def test_passive_voice_puts_the_agent_first(nlp: Language) -> None:
    text = "Angela Merkel was greeted by Xi Jinping in Beijing on Monday."
    events = run(nlp, text)
    mentions = {
        m.text: m.actor
        for m in resolve_local(find_mentions(nlp(text), make_article(text)), make_article(text))[0]
    }
    assert [(e.source_actor, e.target_actor) for e in events] == [
        (mentions["Xi Jinping"], mentions["Angela Merkel"])
    ]


def test_held_talks_is_one_event_from_the_light_verb(nlp: Language) -> None:
    text = "Joe Biden and Xi Jinping held talks in Bali on Monday."
    [e] = run(nlp, text)
    assert (trigger(text, e), e.type, e.place, e.date) == ("talks", "CONSULT", "Bali", "2023-06-19")


def test_place_on_the_sidelines(nlp: Language) -> None:
    text = "Joe Biden met Xi Jinping on the sidelines of the G20 summit in Bali on Monday."
    [e] = [e for e in run(nlp, text) if trigger(text, e) == "met"]
    assert e.place == "the sidelines of the G20 summit in Bali"


def test_duration_is_kept_as_written(nlp: Language) -> None:
    text = "Kamala Harris held a 35-minute meeting with Xi Jinping on Monday."
    [e] = run(nlp, text)
    assert e.duration == "35-minute"


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Antony Blinken met Wang Yi on Monday.", "happened"),
        ("Antony Blinken will meet Wang Yi on Monday.", "planned"),
        ("Antony Blinken is expected to meet Wang Yi on Monday.", "planned"),
        ("Antony Blinken did not meet Wang Yi on Monday.", "denied"),
        ("Antony Blinken hopes to meet Wang Yi on Monday.", "hypothetical"),
        ("Antony Blinken could meet Wang Yi on Monday.", "hypothetical"),
        ("If invited, Antony Blinken would meet Wang Yi on Monday.", "hypothetical"),
    ],
)
def test_mode(nlp: Language, text: str, mode: str) -> None:
    [e] = run(nlp, text)
    assert e.mode == mode


def test_postponed_trip_is_cancelled_with_the_trip_date(nlp: Language) -> None:
    text = "Antony Blinken postponed a February trip to China."
    [e] = run(nlp, text)
    assert (trigger(text, e), e.mode, e.date, e.type) == ("trip", "cancelled", "2023-02", "CONSULT")


def test_planned_weekday_resolves_forward(nlp: Language) -> None:
    text = "Antony Blinken plans to visit Beijing on Friday."
    [e] = run(nlp, text, published="2023-06-14")
    assert (e.mode, e.date) == ("planned", "2023-06-16")


def test_undated_quote_is_not_an_event(nlp: Language) -> None:
    assert run(nlp, "Antony Blinken said the talks were useful.") == []


def test_first_since_year_adds_a_background_event(nlp: Language) -> None:
    text = "Antony Blinken made the first visit to China since 2018 on Monday."
    dates = sorted((e.date, e.granularity) for e in run(nlp, text))
    assert ("2018", "year") in dates


def test_when_clause_takes_the_date_of_its_main_clause(nlp: Language) -> None:
    text = "Talks were cut off last year when Nancy Pelosi visited Taiwan."
    visit = [e for e in run(nlp, text) if trigger(text, e) == "visited"]
    assert [(e.date, e.granularity) for e in visit] == [("2022", "year")]


CHRONO = (
    "Exchanges so far\n"
    "Biden and Xi meet in Bali — November 14, 2022\n"
    "Joe Biden and Xi Jinping held talks on the sidelines of the summit in Bali.\n"
    "Rome talks — March 14, 2021\n"
    "Jake Sullivan held a seven-hour meeting with Yang Jiechi in Rome.\n"
)


def test_chronology_items_are_dated_by_their_heading(nlp: Language) -> None:
    events = run(nlp, CHRONO)
    assert [(e.date, e.mode) for e in events] == [("2022-11-14", "happened"), ("2021-03-14", "happened")]


def test_chronology_body_is_evidence(nlp: Language) -> None:
    first = run(nlp, CHRONO)[0]
    assert [ev.text for ev in first.evidence] == [
        "Biden and Xi meet in Bali — November 14, 2022",
        "Joe Biden and Xi Jinping held talks on the sidelines of the summit in Bali.",
    ]


def test_out_of_order_chronology_date_is_noted_not_changed(nlp: Language) -> None:
    second = run(nlp, CHRONO)[1]
    assert second.date == "2021-03-14" and any("may be wrong" in n for n in second.notes)


def test_event_ids_are_deterministic_and_evidence_matches_text(nlp: Language) -> None:
    text = "Antony Blinken met with Xi Jinping on Monday in Beijing."
    a, b = run(nlp, text), run(nlp, text)
    assert [e.id for e in a] == [e.id for e in b]
    assert all(ev.text == text[ev.start : ev.end] for e in a for ev in e.evidence)


def test_no_published_date_leaves_relative_event_dates_unresolved(nlp: Language) -> None:
    [e] = run(nlp, "Antony Blinken met with Xi Jinping on Monday in Beijing.", published=None)
    assert e.date is None


@pytest.mark.parametrize(
    "text",
    [
        "Antony Blinken met Wang Yi and President Xi Jinping in Beijing on Monday.",
        "Antony Blinken met Wang Yi and Xi Jinping on Monday.",
    ],
)
def test_conjoined_targets_give_events_with_their_own_ids(nlp: Language, text: str) -> None:
    events = run(nlp, text)
    assert len(events) == 2
    assert len({e.target_actor for e in events}) == 2
    assert len({e.id for e in events}) == 2


@pytest.mark.parametrize(
    ("text", "word", "type_", "cameo"),
    [
        ("Chile apologized to Peru on Friday.", "apologized", "SUPPORT", "055"),
        ("Kenya extradited the suspect to Uganda on Friday.", "extradited", "COOPERATE", "063"),
        ("Finland shared intelligence with Estonia on Friday.", "shared", "COOPERATE", "064"),
        ("Mali issued an ultimatum to Niger on Friday.", "ultimatum", "THREATEN", "139"),
        ("Rwanda shelled Goma on Friday.", "shelled", "ASSAULT", "194"),
        ("Japan provided aid to Vietnam on Friday.", "aid", "AID", "070"),
        ("Colombia imposed a curfew on Cali on Friday.", "curfew", "COERCE", "172"),
        ("Thousands of farmers demonstrated in Paris on Friday.", "demonstrated", "PROTEST", "141"),
    ],
)
def test_codebook_verbs_and_nouns(nlp: Language, text: str, word: str, type_: str, cameo: str) -> None:
    """Verbs and light-verb nouns from the CAMEO codebook's categories beyond meetings."""
    assert [(trigger(text, e), e.type, e.cameo) for e in run(nlp, text)] == [(word, type_, cameo)]


def test_an_ultimatum_to_halt_attacks_is_not_cancelled(nlp: Language) -> None:
    """The infinitive after a demand noun is what is demanded, not a cancellation of it."""
    [e] = [
        e
        for e in run(nlp, "Mali issued an ultimatum to Niger on Friday to halt attacks.")
        if e.type == "THREATEN"
    ]
    assert (e.type, e.mode) == ("THREATEN", "happened")


def test_halting_aid_is_a_sanction_that_happened(nlp: Language) -> None:
    [e] = run(nlp, "Japan halted economic aid to Myanmar on Friday.")
    assert (e.type, e.cameo, e.mode, e.source_actor, e.target_actor) == (
        "SANCTION",
        "162",
        "happened",
        "state:JPN",
        "state:MMR",
    )


def test_welcoming_a_decision_is_support_not_hosting(nlp: Language) -> None:
    [e] = run(nlp, "Germany welcomed France's decision on Friday.")
    assert (e.type, e.cameo, e.target_actor) == ("SUPPORT", "051", "state:FRA")


@pytest.mark.parametrize(
    "text",
    [
        "The minister said on Friday that the union had offered no alternative.",
        "Officials inspected the boats seized by the coastguard.",
    ],
)
def test_no_event_from_reason_phrases_bare_offers_or_reduced_relatives(nlp: Language, text: str) -> None:
    """'offered no alternative', 'boats seized by ...' describe, they report nothing."""
    assert [e.type for e in run(nlp, text) if e.type != "STATEMENT"] == []


def test_a_reason_phrase_is_no_event_but_recalling_an_ambassador_is() -> None:
    """'in protest at the border closure' gives the reason (neither a protest nor a closure);
    recalling an ambassador reduces relations (CAMEO 16, SANCTION)."""
    from storyline.analyse.nlp import load_nlp

    text = "Ghana recalled its ambassador from Togo on Friday in protest at the border closure."
    assert [(e.type, e.target_actor) for e in run(load_nlp(), text) if e.type != "STATEMENT"] == [
        ("SANCTION", "state:TGO")
    ]
