"""Titles against the knowledge file: by the article's date, or by the window its other titles leave."""

from __future__ import annotations

import pytest

from storyline.fuse.offices import office_category, office_conflicts
from storyline.model import Actor, Article, Role, Span


def _article(text: str, published: str | None = None, key: str = "a", **more: object) -> Article:
    return Article(id=key, source=f"{key}.txt", text=text, published=published, **more)  # type: ignore[arg-type]


def _actors(art: Article, titled: list[tuple[str, str]]) -> list[Actor]:
    """One actor per (name, title); the title's span is its first place in the text."""
    out = []
    for name, title in titled:
        at = art.text.index(f"{title} {name}")
        out.append(
            Actor(
                id="person:" + name.lower().replace(" ", "-"),
                name=name,
                kind="person",
                roles=(Role(title=title, span=Span(art.id, at, at + len(title))),),
                mentions=(Span(art.id, at + len(title) + 1, at + len(title) + 1 + len(name)),),
            )
        )
    return out


UNDATED = (
    "Chinese Foreign Minister Qin Gang is due in Jakarta on Friday. "
    "Chinese Defence Minister Li Shangfu is expected in Singapore. "
    "Chinese Premier Li Keqiang is heading to Berlin and Paris. "
    "Turkish Foreign Minister Hakan Fidan is due in Beijing next week."
)
TITLES = [
    ("Qin Gang", "Chinese Foreign Minister"),
    ("Li Shangfu", "Chinese Defence Minister"),
    ("Li Keqiang", "Chinese Premier"),
    ("Hakan Fidan", "Turkish Foreign Minister"),
]


@pytest.mark.parametrize(
    ("title", "category"),
    [
        ("Chinese Premier", "head_of_government"),
        ("Prime Minister", "head_of_government"),
        ("China's Minister of National Defense", "defence"),
        ("US Secretary of State", "foreign"),
        ("U.S. President", "head_of_state"),
        ("Vice President", "deputy_head"),
        ("Deputy Secretary of State", None),
        ("then Vice Premier", None),
        ("former Prime Minister", None),
        ("President of the European Commission", None),
    ],
)
def test_office_category(title: str, category: str | None) -> None:
    assert office_category(title) == category


def test_undated_article_is_dated_by_its_other_titles() -> None:
    """Li Shangfu's and Li Keqiang's titles exclude each other; Fidan's settles which is wrong."""
    art = _article(UNDATED)
    [c] = office_conflicts([art], _actors(art, TITLES))
    assert (c.kind, c.verdict) == ("title", "conflict")
    assert [s.text for s in c.sides] == [
        "Chinese Premier",
        "Chinese Foreign Minister",
        "Turkish Foreign Minister",
    ]
    assert c.description == (
        "The article calls Li Keqiang 'Chinese Premier', but the knowledge file (Wikipedia: Li Keqiang) "
        "lists them in that office only from 2013-03-15 to 2023-03-11. The article's other titles "
        "(Qin Gang as Chinese Foreign Minister, Hakan Fidan as Turkish Foreign Minister, Li Shangfu as "
        "Chinese Defence Minister) place it between 2023-06-04 and 2023-07-25. Li Qiang held the office then."
    )


def test_two_titles_that_exclude_each_other_say_nothing_without_the_storys_dates() -> None:
    art = _article(
        "Chinese Defence Minister Li Shangfu is expected in Singapore. "
        "Chinese Premier Li Keqiang is heading to Berlin. "
        "US Secretary of State Antony Blinken is due in Beijing."
    )
    titled = [("Li Shangfu", "Chinese Defence Minister"), ("Li Keqiang", "Chinese Premier"),
              ("Antony Blinken", "US Secretary of State")]  # fmt: skip
    assert office_conflicts([art], _actors(art, titled)) == []
    dated = _article("A report of the same week.", "2023-06-17", key="b")
    [c] = office_conflicts([art, dated], _actors(art, titled))
    assert c.sides[0].text == "Chinese Premier"


def test_a_dated_article_is_checked_on_its_date() -> None:
    art = _article("Chinese Premier Li Keqiang is heading to Berlin.", "2023-06-16")
    [c] = office_conflicts([art], _actors(art, [("Li Keqiang", "Chinese Premier")]))
    assert c.description.endswith("The article is dated 2023-06-16. Li Qiang held the office then.")


def test_an_inferred_date_is_a_range() -> None:
    art = _article(
        "Chinese Premier Li Keqiang is heading to Berlin.",
        "2023-06-16",
        published_inferred=True,
        published_evidence="its reports' dates",
        published_earliest="2023-06-12",
        published_latest="2023-06-18",
    )
    [c] = office_conflicts([art], _actors(art, [("Li Keqiang", "Chinese Premier")]))
    assert (
        "inferred from the story (its reports' dates), lies between 2023-06-12 and 2023-06-18"
        in c.description
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Chinese Premier Li Keqiang met the delegation in 2019 and is remembered for it.",  # a dated event
        "Under Chinese Premier Li Keqiang the plan is being revived.",  # a past setting
        "Chinese Premier Li Keqiang said the plan was sound.",  # no present verb
    ],
)
def test_past_titles_are_not_judged(sentence: str) -> None:
    art = _article(sentence, "2023-06-16")
    assert office_conflicts([art], _actors(art, [("Li Keqiang", "Chinese Premier")])) == []


def test_a_title_held_on_the_date_is_fine() -> None:
    art = _article("Chinese Premier Li Qiang is heading to Berlin.", "2023-06-16")
    assert office_conflicts([art], _actors(art, [("Li Qiang", "Chinese Premier")])) == []


def test_a_surname_alone_is_not_judged() -> None:
    """'Premier Li' resolved to Li Keqiang is the analyser's inference, not the article's claim."""
    art = _article("Chinese Premier Li is heading to Berlin.", "2023-06-16")
    at = art.text.index("Chinese Premier")
    actor = Actor(
        "person:li-keqiang",
        "Li Keqiang",
        "person",
        roles=(Role("Chinese Premier", span=Span("a", at, at + 15)),),
    )
    assert office_conflicts([art], [actor]) == []


def test_a_legacy_in_the_present_tense_is_not_a_current_title() -> None:
    art = _article("Chinese Premier Li Keqiang's reform plan is still debated in Beijing.", "2024-06-16")
    assert office_conflicts([art], _actors(art, [("Li Keqiang", "Chinese Premier")])) == []
