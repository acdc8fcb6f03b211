"""Publication dates for undated articles, inferred from the other articles of their story.

Texts are written for these tests; the people are real so that actor resolution joins them.
"""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from spacy.language import Language

from conftest import make_article
from storyline.analyse import analyse_doc
from storyline.fuse import fuse
from storyline.fuse.dating import _DatedGroups, _weight, date_articles, infer_dates
from storyline.model import Analysis, Article, Event

DATED = "Antony Blinken met Xi Jinping in Beijing on June 19, 2023, for talks on trade and Taiwan."
UNDATED = "Antony Blinken met Xi Jinping on Monday in Beijing. Officials said the talks went well."


def _pair(nlp: Language, dated: str, undated: str) -> tuple[list[Article], list[Analysis]]:
    a = make_article(dated, published="2023-06-20", source="a.txt")
    b = make_article(undated, published=None, source="b.txt")
    return [a, b], [analyse_doc(nlp(x.text), x) for x in (a, b)]


def test_undated_article_takes_the_day_its_reported_event_fits(nlp: Language) -> None:
    arts, ans = _pair(nlp, DATED, UNDATED)
    inferred = infer_dates(arts, ans)[arts[1].id]
    # "Monday" = 19 June from a late Sunday edition to the 25th; news appears on or after the event
    assert (inferred.date, inferred.earliest, inferred.latest) == ("2023-06-19", "2023-06-18", "2023-06-25")
    assert "'Monday' = 2023-06-19" in inferred.how


def test_inferred_date_is_marked_and_the_article_analysed_again(nlp: Language) -> None:
    arts, ans = _pair(nlp, DATED, UNDATED)
    out_arts, out_ans = date_articles(arts, ans)
    b = out_arts[1]
    assert (b.published, b.published_inferred, b.published_source) == ("2023-06-19", True, "inferred")
    assert b.published_evidence is not None and "dated events" in b.published_evidence
    meeting = next(e for e in out_ans[1].events if e.type == "CONSULT")
    assert (meeting.date, meeting.date_text) == ("2023-06-19", "Monday")


def test_undated_event_notes_the_expression_it_awaits(nlp: Language) -> None:
    _, ans = _pair(nlp, DATED, UNDATED)
    meeting = next(e for e in ans[1].events if e.type == "CONSULT")
    assert meeting.date is None
    assert any(n.startswith("awaiting a publication date: 'Monday'") for n in meeting.notes)


def test_wire_copy_gives_its_date(nlp: Language) -> None:
    a = make_article(DATED, published="2023-06-20", source="a.txt")
    b = replace(make_article(UNDATED, published=None, source="b.txt"), duplicate_of=a.id)
    inferred = infer_dates([a, b], [analyse_doc(nlp(a.text), a)])[b.id]
    assert (inferred.date, inferred.how) == ("2023-06-20", "dated by its copy a.txt (2023-06-20)")


def test_latest_stated_day_is_a_lower_bound_only(nlp: Language) -> None:
    text = "The envoy met the minister on March 3, 2023, and left the capital on Tuesday."
    arts, ans = _pair(nlp, "A storm hit the coast of Florida on June 1, 2023.", text)
    inferred = infer_dates(arts, ans)[arts[1].id]
    assert (inferred.date, inferred.earliest) == (None, "2023-03-03")


def test_nothing_inferred_without_evidence(nlp: Language) -> None:
    b = make_article("Officials met on Monday to discuss the budget.", published=None)
    assert infer_dates([b], [analyse_doc(nlp(b.text), b)]) == {}


def test_fuse_reports_the_inferred_date(nlp: Language) -> None:
    arts, ans = _pair(nlp, DATED, UNDATED)
    story = fuse(arts, ans)
    b = next(a for a in story.articles if a.source == "b.txt")
    assert (b.published, b.published_inferred) == ("2023-06-19", True)
    assert "publication dates inferred from the story for 1 undated article(s)" in story.notes


def _best_by_scanning(mine: Event, dated: list[Event]) -> dict[str, tuple[int, int]]:
    """Per day, the weight and index of the best match among every dated event of the type
    (the first one on a tie): what matching against each event one by one keeps."""
    out: dict[str, tuple[int, int]] = {}
    for k, o in enumerate(dated):
        w = _weight(mine, o)
        if w and w > out.get(o.date or "", (0, 0))[0]:
            out[o.date or ""] = (w, k)
    return out


@pytest.mark.parametrize("seed", range(5))
def test_day_groups_give_the_matches_scanning_every_dated_event_gives(seed: int) -> None:
    rng = random.Random(seed)
    parties = [None, "person:a", "person:b", "state:CHN", "unnamed:official", "unnamed:aide"]

    def event(k: int) -> Event:
        return Event(
            f"e{k}",
            rng.choice(["CONSULT", "VISIT"]),
            rng.choice(parties),
            rng.choice(parties),
            f"2023-06-{rng.randrange(10, 16)}",
            "day",
            None,
            None,
            0.0,
            "happened",
            f"report {k}",
            (),
        )

    dated = [event(k) for k in range(150)]
    groups = _DatedGroups(dated)
    for k in range(60):
        mine = event(1000 + k)
        found = groups.best(mine)
        assert [i for _, i, _ in found] == sorted(i for _, i, _ in found)
        assert {o.date or "": (w, i) for w, i, o in found} == _best_by_scanning(mine, dated)


def test_a_kept_parse_dates_the_article_without_a_second_parse(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    import storyline.analyse as analyse

    arts, ans = _pair(nlp, DATED, UNDATED)
    want_arts, want_ans = date_articles(arts, ans)  # parses the dated article again
    parses = {arts[1].id: analyse.parse_bytes(nlp(arts[1].text))}

    def no_parse(*args: object, **kw: object) -> object:
        raise AssertionError("parsed again")

    monkeypatch.setattr(analyse, "analyse_articles", no_parse)
    got_arts, got_ans = date_articles(arts, ans, parses)
    assert (got_arts, got_ans) == (want_arts, want_ans)
    meeting = next(e for e in got_ans[1].events if e.type == "CONSULT")
    assert meeting.date == "2023-06-19"
