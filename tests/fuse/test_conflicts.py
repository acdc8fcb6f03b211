"""Conflicts: disagreeing facts across outlets, chronology dates, analysis notes; with verdicts."""

from __future__ import annotations

import pytest

from storyline.fuse.chronology import chronology_conflicts, dated_sentence_conflicts, find_entries
from storyline.fuse.claims import sentence_units
from storyline.fuse.conflicts import find_conflicts, note_conflicts
from storyline.model import Actor, Conflict, Event, Evidence, Role, Span

from .helpers import FIXTURES, analysis, article


def _conflicts(one: str, two: str) -> list[Conflict]:
    arts = [article("a", one, "X", "2023-06-18"), article("b", two, "Y", "2023-06-19")]
    return find_conflicts(arts, sentence_units(arts, [analysis(a) for a in arts], claim_like=False))


def _found(one: str, two: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(c.kind, c.verdict, tuple(s.text for s in c.sides)) for c in _conflicts(one, two)]


def test_same_office_different_years_is_a_conflict() -> None:
    found = _found(
        "Minister Elsa Brandt arrived in Valmora, the first transport minister to visit the port since 2016.",
        "Elsa Brandt is the first transport minister to visit Valmora port since 2018, officials said.",
    )
    assert found == [
        (
            "number",
            "conflict",
            (
                "first transport minister to visit the port since 2016",
                "first transport minister to visit Valmora port since 2018",
            ),
        )
    ]


def test_nested_groups_with_an_undocumented_later_precedent_need_checking() -> None:
    found = _found(
        "Secretary of State Antony Blinken arrived in Beijing, the first visit by an American "
        "cabinet-level official since 2019.",
        "Mr. Blinken is the first American secretary of state to visit Beijing since 2018.",
    )
    assert [(k, v) for k, v, _ in found] == [("number", "needs checking")]


def test_nested_groups_are_compatible_when_the_coverage_names_the_later_visit() -> None:
    arts = [
        article(
            "a",
            "Ms. Vance reached Lisbon, the first visit by a Canadian cabinet-level official since 2021.",
            "X",
        ),
        article("b", "Ms. Vance is the first Canadian foreign minister to visit Lisbon since 2019.", "Y"),
        article("c", "Timeline: Canada's trade minister visited Lisbon in June 2021 for port talks.", "Z"),
    ]
    found = find_conflicts(arts, sentence_units(arts, [analysis(a) for a in arts], claim_like=False))
    assert [(c.kind, c.verdict) for c in found] == [("number", "compatible")]


def test_a_narrower_group_with_a_later_year_is_a_conflict() -> None:
    found = _found(
        "Ms. Vance reached Lisbon, the first visit by a Canadian cabinet-level official since 2017.",
        "Ms. Vance is the first Canadian foreign minister to visit Lisbon since 2020.",
    )
    assert [(k, v) for k, v, _ in found] == [("number", "conflict")]


def test_in_n_years_counts_back_from_the_publication_year() -> None:
    found = _found(
        "Antony Blinken began meetings in Beijing, the first top American diplomat to visit China "
        "in five years.",
        "Mr. Blinken is the first American secretary of state to visit Beijing since 2018.",
    )
    assert found == []


@pytest.mark.parametrize(
    ("one", "two", "expected"),
    [
        (
            "Brandt held a 35-minute meeting with union leaders at Valmora port.",
            "Brandt's 50-minute meeting with union leaders at Valmora port ended without a deal.",
            "conflict",
        ),
        (
            "Brandt held talks lasting more than three hours with union leaders at Valmora port.",
            "Brandt held three-and-a-half hours of talks with union leaders at Valmora port.",
            "compatible",
        ),
        (
            "Police said 12 people were injured in clashes at the Valmora port gates.",
            "At least 12 people were injured in clashes at the Valmora port gates, police said.",
            "compatible",
        ),
        (
            "Police said 12 people were injured in clashes at the Valmora port gates.",
            "Police said 20 people were injured in clashes at the Valmora port gates.",
            "conflict",
        ),
        (
            "The meeting between Brandt, the transport minister, and the union leaders lasted three hours.",
            "Brandt and the union leaders met at Valmora port after 200 minutes of talks.",
            "conflict",
        ),
        (
            "The meeting between Brandt, the transport minister, and the union leaders lasted three hours.",
            "Brandt and the union leaders met for 180 minutes at Valmora port.",
            None,
        ),
        (
            "Brandt and the union leaders met for more than three hours at Valmora port.",
            "Brandt and the union leaders agreed at Valmora port after 200 minutes of talks.",
            "compatible",
        ),
        (
            "Brandt's talks with the union leaders came three weeks after the strike at Valmora port.",
            "Brandt's 90-minute meeting with the union leaders at Valmora port ended without a deal.",
            None,
        ),
    ],
)
def test_durations_and_counts(one: str, two: str, expected: str | None) -> None:
    """Hours and minutes compare as minutes; 'three weeks after' is a gap between events."""
    assert [c.verdict for c in _conflicts(one, two)] == ([expected] if expected else [])


def test_a_wire_copys_own_sentences_are_its_outlets_claims() -> None:
    """The agency copy is the duplicate, unanalysed; its wording differs from the reprint's."""
    agency = "Brandt and the union leaders settled at Valmora port after 200 minutes of talks."
    reprint = "Brandt and the union leaders settled at Valmora port after talks."
    paper = "The meeting between Brandt, the transport minister, and the union leaders lasted three hours."
    arts = [
        article("r", reprint, "Bay Ledger"),
        article("w", agency, "Tasman Wire", copy_of="r"),
        article("p", paper, "East Java Post"),
    ]
    canon = [a for a in arts if a.duplicate_of is None]
    found = find_conflicts(arts, sentence_units(canon, [analysis(a) for a in canon], claim_like=False))
    assert [(c.verdict, tuple(s.article for s in c.sides), c.sides[1].text) for c in found] == [
        ("conflict", ("p", "w"), "200 minutes of talks")
    ]


def test_a_chronology_entry_is_dated_against_the_record_of_a_known_meeting() -> None:
    text = (
        "Timeline\n"
        "Biden and Xi meet in Bali - November 14, 2022\nThe two leaders met for three hours.\n"
        "Blinken and Wang talk in Munich - February 19, 2023\nBlinken met Wang Yi in Munich.\n"
        "Austin and Li shake hands at Shangri-La - June 2, 2023\nAustin greeted Li in Singapore.\n"
    )
    [c] = chronology_conflicts(article("t", text))
    assert (c.verdict, [s.text for s in c.sides]) == ("conflict", ["February 19, 2023"])
    assert c.description == (
        "Chronology entry dated February 19, 2023: The record (U.S. Department of State readout, "
        "18 February 2023) dates the Blinken-Wang meeting in Munich 2023-02-18, 1 day from the date given."
    )
    assert chronology_conflicts(article("t", text.replace("February 19, 2023", "February 18, 2023"))) == []


@pytest.mark.parametrize(
    ("one", "two", "expected"),
    [
        (
            "Pell confronted Brandt at the Valmora port conference in mid-February.",
            "Pell confronted Brandt in late February at the Valmora port conference.",
            ["compatible"],
        ),
        (
            "Pell confronted Brandt at the Valmora port conference in early February.",
            "Pell confronted Brandt in late February at the Valmora port conference.",
            ["conflict"],
        ),
        (
            "Pell confronted Brandt at the Valmora port conference on February 19, 2023.",
            "Pell confronted Brandt at the Valmora port conference on February 12, 2023.",
            ["conflict"],
        ),
        (
            "Pell confronted Brandt at the Valmora port conference on February 19, 2023.",
            "Pell confronted Brandt at the Valmora port conference on February 20, 2023.",
            ["compatible"],
        ),
    ],
)
def test_parts_of_months(one: str, two: str, expected: list[str]) -> None:
    assert [c.verdict for c in _conflicts(one, two)] == expected


def test_facts_in_unrelated_sentences_are_not_compared() -> None:
    assert (
        _conflicts(
            "The 90-minute talks in New York focused on grain exports and shipping insurance.",
            "Dockers at Valmora ended a 35-minute meeting with the mediator on Tuesday.",
        )
        == []
    )


def _chronology() -> list[Conflict]:
    text = (FIXTURES / "chronology.txt").read_text(encoding="utf-8")
    return chronology_conflicts(article("chron", text, "X", "2022-06-20"))


def test_chronology_entries_are_found() -> None:
    text = (FIXTURES / "chronology.txt").read_text(encoding="utf-8")
    dates = [str(e.date) for e in find_entries(article("chron", text))]
    assert dates == ["2022-01-09", "2022-03-02", "2021-04-17", "2022-05-30", "2022-06-12"]


def test_chronology_entry_contradicted_by_its_text_and_order() -> None:
    [c] = _chronology()
    assert (c.kind, c.verdict, [s.text for s in c.sides]) == (
        "date",
        "conflict",
        ["April 17, 2021", "Weeks after Russia invaded Ukraine"],
    )


def test_chronology_explanation_names_the_likely_year() -> None:
    [c] = _chronology()
    assert "with the year 2022 it would fit" in c.description


def test_title_and_date_notes_become_conflicts() -> None:
    text = "Premier Li Keqiang flew to Berlin."
    arts = [article("a", text)]
    actor = Actor(
        "per:li",
        "Li Keqiang",
        "person",
        roles=(Role("Premier", span=Span("a", 0, 7)),),
        notes=("title-conflict: knowledge file: Premier until 2023-03-11; article dated 2024-03-05",),
    )
    event = Event(
        "e1",
        "MEET",
        None,
        None,
        "2021-03-14",
        "day",
        None,
        None,
        0.0,
        "happened",
        "talks",
        (Evidence("a", 0, 7, "Premier"),),
        notes=("date-inconsistent: text says after 2022-02-24",),
    )
    found = [(c.kind, c.description, c.sides[0].text) for c in note_conflicts(arts, [actor], [event])]
    assert found == [
        (
            "title",
            "Li Keqiang: knowledge file: Premier until 2023-03-11; article dated 2024-03-05",
            "Premier",
        ),
        ("date", "text says after 2022-02-24", "Premier"),
    ]


@pytest.mark.parametrize(
    ("max_group", "notes"),
    [
        pytest.param(300, [], id="all-pairs"),
        pytest.param(
            1,
            [
                "conflicts: 2 'precedent' facts, more than 1: compared only where their "
                "sentences share a heavy term or the fact's words"
            ],
            id="blocked-with-note",
        ),
    ],
)
def test_large_fact_group_is_blocked_with_a_note_not_dropped(
    monkeypatch: pytest.MonkeyPatch, max_group: int, notes: list[str]
) -> None:
    monkeypatch.setattr("storyline.fuse.conflicts._MAX_GROUP", max_group)
    arts = [
        article(
            "a", "Brandt arrived in Valmora, the first transport minister to visit the port since 2016.", "X"
        ),
        article("b", "Brandt is the first transport minister to visit Valmora port since 2018.", "Y"),
    ]
    found: list[str] = []
    conflicts = find_conflicts(
        arts, sentence_units(arts, [analysis(a) for a in arts], claim_like=False), notes=found
    )
    assert ([c.verdict for c in conflicts], found) == (["conflict"], notes)


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        pytest.param("Mediator appointed — Sept. 5, 2022", "2022-09-05", id="abbreviated-month"),
        pytest.param("Mediator appointed — Jun 5, 2022", "2022-06-05", id="abbreviated-no-dot"),
        pytest.param("5 June 2022: Mediator appointed", "2022-06-05", id="date-first"),
        pytest.param("Mediator appointed — 2022-06-05", "2022-06-05", id="iso"),
        pytest.param("Mediator appointed " + "x" * 130 + " — June 5, 2022", "2022-06-05", id="long-title"),
        pytest.param("Mediator appointed — Monday 5, 2022", None, id="not-a-month"),
    ],
)
def test_chronology_heading_forms(heading: str, expected: str | None) -> None:
    """Every heading form analysis dates as a list item (and a few more) is an entry; without
    the middle heading two dated lines are too few to be a list."""
    lines = ["Union files claim — January 9, 2022", heading, "Talks resume — December 12, 2022"]
    text = "Key moments\n" + "\n".join(f"{h}\nBoth sides met the mediator." for h in lines)
    dates = [str(e.date) for e in find_entries(article("chron", text))]
    assert dates == (["2022-01-09", expected, "2022-12-12"] if expected else [])


AGENCY = "Foreign Minister Ana Ruiz and her counterpart Jorge Salas agreed after 95 minutes of talks in Lima."


@pytest.mark.parametrize(
    ("paper", "expected"),
    [
        (
            "The meeting between Ruiz and Salas at the Torre Tagle Palace lasted two hours, aides said.",
            "conflict",
        ),
        ("Ruiz and Salas held two hours of talks at the Torre Tagle Palace.", "conflict"),
        (
            "Mr. Ruiz and Mr. Salas met for two hours at the Torre Tagle Palace.",
            "conflict",
        ),  # names after Mr.
        ("Ruiz and Salas held two hours of talks in Quito.", None),  # another place: another meeting
        ("On Monday Ruiz and Salas held two hours of talks. On Tuesday they met again.", None),
        ("Ruiz and Salas ended two days of talks at the Torre Tagle Palace.", None),  # a programme
    ],
)
def test_one_meeting_in_other_words(paper: str, expected: str | None) -> None:
    """Sentences less alike than usual are one meeting when they name the same two people and no
    other place or day (for the Monday case the agency's line says Tuesday)."""
    one = AGENCY if "Monday" not in paper else AGENCY.replace("in Lima", "in Lima on Tuesday")
    assert [c.verdict for c in _conflicts(one, paper)] == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On March 3, 2021, weeks after Russia invaded Ukraine, the agencies began a survey.",
            ["March 3, 2021"],
        ),
        ("On March 3, 2022, weeks after Russia invaded Ukraine, the agencies began a survey.", []),
        ("On March 3, 2021 and April 2, 2022, after Russia invaded Ukraine, surveys began.", []),  # two dates
    ],
)
def test_a_date_its_own_sentence_contradicts(text: str, expected: list[str]) -> None:
    found = dated_sentence_conflicts(article("s", "The survey.\\n" + text))
    assert [c.sides[0].text for c in found] == expected
