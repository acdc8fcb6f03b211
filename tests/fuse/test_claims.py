"""Claims: same-assertion sentences grouped across outlets; wire copies count once."""

from __future__ import annotations

import pytest

from storyline.fuse.claims import group_claims, is_claim_like, sentence_units, unique_by_outlet, unit_sets
from storyline.fuse.sources import Sources
from storyline.model import Article, Claim

from .helpers import analysis, article

STRIKE_A = (
    "Dockworkers at the port of Valmora walked out on Monday over night-shift pay. The union "
    "called the strike after talks with the port authority broke down."
)
STRIKE_B = (
    "About 2,400 dockers at Valmora port walked out on Monday in a dispute over night-shift "
    "pay. Exporters said perishable cargo was spoiling on the quays."
)
STRIKE_C = (
    "Valmora's dockworkers walked out on Monday over pay for night shifts. Transport Minister "
    "Elsa Brandt urged both sides to return to talks."
)


def _claims(arts: list[Article]) -> list[Claim]:
    return group_claims(sentence_units(arts, [analysis(a) for a in arts]), Sources(arts))


def _walkout(claims: list[Claim]) -> Claim:
    return next(c for c in claims if "walked out" in c.text)


def test_paraphrases_in_three_outlets_are_one_claim() -> None:
    arts = [
        article("a", STRIKE_A, "Harbour Post"),
        article("b", STRIKE_B, "Norland Wire"),
        article("c", STRIKE_C, "The Ledger"),
    ]
    assert _walkout(_claims(arts)).outlets == ("Harbour Post", "Norland Wire", "The Ledger")


def test_claim_from_two_independent_outlets_is_corroborated() -> None:
    arts = [article("a", STRIKE_A, "Harbour Post"), article("b", STRIKE_B, "Norland Wire")]
    assert _walkout(_claims(arts)).corroborated is True


def test_wire_copy_is_listed_but_does_not_corroborate() -> None:
    arts = [
        article("a", STRIKE_A, "Norland Wire"),
        article("a2", STRIKE_A + " ", "Coastal Daily", copy_of="a"),
    ]
    claim = _walkout(_claims(arts))
    assert (claim.outlets, claim.articles, claim.corroborated) == (
        ("Norland Wire", "Coastal Daily"),
        ("a", "a2"),
        False,
    )


def test_two_articles_from_one_outlet_count_once() -> None:
    arts = [article("a", STRIKE_A, "Harbour Post"), article("b", STRIKE_B, "harbour post")]
    assert _walkout(_claims(arts)).corroborated is False


def test_sentences_with_different_numbers_stay_apart() -> None:
    one = "Mr. Pell is the first union leader to address parliament since 2018."
    two = "Mr. Pell is the first union leader to address parliament since 2019."
    claims = _claims([article("a", one, "X"), article("b", two, "Y")])
    assert len(claims) == 2


def test_unrelated_sentences_stay_apart() -> None:
    arts = [article("a", STRIKE_A, "Harbour Post"), article("b", STRIKE_B, "Norland Wire")]
    texts = {c.text for c in _claims(arts) if not c.corroborated}
    assert texts == {
        "The union called the strike after talks with the port authority broke down.",
        "Exporters said perishable cargo was spoiling on the quays.",
    }


def test_unique_claims_are_listed_per_outlet() -> None:
    arts = [article("a", STRIKE_A, "Harbour Post"), article("b", STRIKE_B, "Norland Wire")]
    unique = unique_by_outlet(_claims(arts))
    assert {k: [c.text[:12] for c in v] for k, v in unique.items()} == {
        "Harbour Post": ["The union ca"],
        "Norland Wire": ["Exporters sa"],
    }


def test_repeated_teaser_is_one_sentence() -> None:
    text = (
        "Dockers walked out at Valmora over night pay on Monday.\nDockers walked out at Valmora "
        "over night pay on Monday."
    )
    a = article("a", text, "X")
    assert len(sentence_units([a], [analysis(a)])) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dockworkers at the port of Valmora walked out on Monday.", True),
        ("Do you think the strike will end soon this week?", False),
        ("Newsletter Sign-Up And Latest Headlines From Valmora Port", False),
        ("Strike ends.", False),
    ],
)
def test_claim_like_sentences(text: str, expected: bool) -> None:
    assert is_claim_like(text) is expected


def test_unit_sets_are_sentence_units_both_ways() -> None:
    text = (
        "Dockers walked out at Valmora over night pay on Monday.\nLatest Headlines From Valmora.\n"
        "Dockers walked out at Valmora over night pay on Monday. Did the union call it?"
    )
    arts = [article("a", text, "X"), article("b", STRIKE_B, "Y")]
    ans = [analysis(a) for a in arts]
    claims, every = unit_sets(arts, ans)
    assert claims == sentence_units(arts, ans)
    assert every == sentence_units(arts, ans, claim_like=False)
    assert [s.text for s in every if s.article == "a"] == [
        "Dockers walked out at Valmora over night pay on Monday.",
        "Latest Headlines From Valmora.",
        "Did the union call it?",
    ]
    assert [s.text for s in claims if s.article == "a"] == [
        "Dockers walked out at Valmora over night pay on Monday."
    ]


BULK_CASES = [
    STRIKE_A,
    STRIKE_B,
    STRIKE_C,
    "Mr. Pell is the first union leader to address parliament since 2018. Dockworkers walked out.",
    "Mr. Pell is the first union leader to address parliament since 2019. Dockers walked out on Monday.",
    'Brandt said "the port must reopen" on Monday. Dockworkers at Valmora walked out over pay.',
    'Brandt said "talks will resume next week" on Monday. Dockworkers at Valmora walked out over pay.',
    "His first trip as minister took him to Valmora, where dockworkers walked out over pay.",
]


def test_bulk_ranking_links_as_pairwise_scoring_does(monkeypatch: pytest.MonkeyPatch) -> None:
    import storyline.fuse.claims as claims_module

    arts = [article(chr(97 + k), text, f"Outlet {k}") for k, text in enumerate(BULK_CASES)]
    bulk = _claims(arts)
    monkeypatch.setattr(claims_module, "EXACT_PAIR_COSINES", False)
    assert bulk == _claims(arts)
    # the walkout links across outlets; the two years, and the two statements of Brandt, do not
    assert [[e.article for e in c.evidence] for c in bulk if len(c.evidence) > 1] == [
        ["a", "b", "c", "f", "g", "h"]
    ]
    assert len(bulk) == 8
