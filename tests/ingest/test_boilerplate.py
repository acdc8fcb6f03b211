"""Line cleaning: every cut has a reason, junk never seen in the rules is still caught."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.ingest.boilerplate import JUNK_REASONS, clean, clean_text

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def _reasons(name: str) -> dict[str, str]:
    """Reason of every piece cut from the body or kept in it marked (headings, table rows)."""
    c = clean((FIX / name).read_text(encoding="utf-8"))
    return {r.text: r.reason for r in (*c.removed, *c.marked)}


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Get 3 months for €1", "promo"),
        ("Regional | Transport | Weather | Letters", "navigation"),
        ("Council approves long-delayed repairs to the Mill Street bridge", "title"),
        ("By Harriet Okonkwo and Tomas Brandt", "byline"),
        ("Published 14 May 2024, 09:15", "dateline"),
        ("ELMHURST —", "dateline"),
        ("Additional reporting by Lena Vogt.", "credit"),
    ],
)
def test_convention_lines_get_their_reason(line: str, reason: str) -> None:
    assert _reasons("lakeside_bridge.txt")[line] == reason


@pytest.mark.parametrize(
    "line",
    [
        "Sign in to save this article",
        "Most Read",
        "Tap the bell to get alerts for Elmhurst news.",
        "Was this article helpful?",
        "Yes",
        "No",
        "Lakeside Courier Group · Imprint · Data protection",
        "Lakeside Courier",
    ],
)
def test_unseen_junk_is_junk(line: str) -> None:
    assert _reasons("lakeside_bridge.txt")[line] in JUNK_REASONS


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Passengers wait to board the first ferry to Gull Island on Monday.", "caption"),
        ("Image: Dana Whitfield", "caption"),
        ("Negotiations", "subheading"),
        ("Mark Deval contributed reporting.", "credit"),
    ],
)
def test_non_prose_that_is_not_junk(line: str, reason: str) -> None:
    assert _reasons("harbor_ferry.txt")[line] == reason


@pytest.mark.parametrize("line", ["Have your say: what should the operator do next?", "Loading comments…"])
def test_tail_after_credit_is_junk(line: str) -> None:
    assert _reasons("harbor_ferry.txt")[line] in JUNK_REASONS


def test_body_keeps_every_paragraph() -> None:
    body, _ = clean_text((FIX / "lakeside_bridge.txt").read_text(encoding="utf-8"))
    assert len(body.split("\n\n")) == 7
    assert body.startswith("The town council voted on Tuesday")


def test_offsets_point_into_raw_text() -> None:
    raw = (FIX / "harbor_ferry.txt").read_text(encoding="utf-8")
    _, removed = clean_text(raw)
    assert all(raw[r.start : r.end] == r.text for r in removed)


def test_repeated_title_and_teaser_keep_the_real_start() -> None:
    raw = (
        "Rail strike ends after talks\n\n"
        "Train drivers ended their strike on Friday after talks with the operator. Photo: AP By Kim Lee "
        "March 3, 2024 8:10 am ET Train drivers ended their strike on Friday after the operator agreed to "
        "a new rota, union officials said.\n\n"
        "Rail strike ends after talks\n\n"
        "Train drivers ended their strike on Friday after the operator agreed to a new rota, union "
        "officials said.\n\n"
        "Services will return to normal on Monday, the operator said in a statement on its timetable.\n"
    )
    c = clean(raw)
    assert [r.reason for r in c.removed] == ["title", "duplicate", "title"]
    assert c.body.startswith("Train drivers ended their strike on Friday after the operator")
    assert c.meta.authors == ("Kim Lee",)
    assert c.meta.published == ("2024-03-03T08:10", "minute")


_PORT = (
    "\n\nWorkers at the port went back on Monday after a nine-day stoppage. The union said the deal "
    "was fair.\n\nShips queued outside the harbour for a week.\n"
)


@pytest.mark.parametrize(
    ("head", "title", "cut"),
    [
        ("Strike Ends", "Strike Ends", {"Strike Ends": "title"}),
        ("Strike Ends\nBy Jane Doe", "Strike Ends", {"Strike Ends": "title", "By Jane Doe": "byline"}),
        (
            "Home\nLighthouse Restored",
            "Lighthouse Restored",
            {"Home": "boilerplate", "Lighthouse Restored": "title"},
        ),
        # section labels and buttons stay furniture, however headline-shaped
        ("Top Stories", None, {"Top Stories": "boilerplate"}),
        ("World News", None, {"World News": "boilerplate"}),
        ("Sign In", None, {"Sign In": "boilerplate"}),
    ],
)
def test_two_word_headline_is_the_title(head: str, title: str | None, cut: dict[str, str]) -> None:
    c = clean(head + _PORT)
    assert c.meta.title == title
    assert {r.text: r.reason for r in c.removed} == cut
    assert c.body.startswith("Workers at the port")


def test_outlet_repetition_marks_furniture() -> None:
    raw = (
        "A council meeting was held on Monday to discuss the budget for next year.\n\n"
        "Our Town Daily Prize Draw\n\n"
        "The budget was approved after a short debate among the councillors present.\n"
    )
    repeated = {"our town daily prize draw"}
    assert {r.text: r.reason for r in clean(raw, repeated).removed} == {
        "Our Town Daily Prize Draw": "repeated"
    }


@pytest.mark.seeds
def test_seeds_cleaning(seeds_dir: Path) -> None:
    """Seed 000: promo, bio and the run-on teaser go; the body starts at the real first paragraph."""
    raw = next(seeds_dir.glob("000_*.txt")).read_text(encoding="utf-8")
    c = clean(raw)
    reasons = [r.reason for r in c.removed]
    assert reasons[:5] == ["promo", "title", "duplicate", "boilerplate", "title"]
    assert c.body.startswith("While preparing for Secretary of State")
    assert all(r.reason in JUNK_REASONS for r in c.removed if r.text in ("like", "wow", "Media Union"))
    assert c.meta.authors == ("Lingling Wei", "William Mauldin")


def test_dated_chronology_headings_stay_in_the_body() -> None:
    raw = (
        "Ferry operators sign a new safety pact after a year of delays and two inquiries\n\n"
        "The two operators have argued over safety rules for more than a decade, and the pact signed "
        "this week is the first they have both put their names to since the inquiry began.\n\n"
        "Key moments\n\n"
        "Inquiry opens after a night crossing goes wrong — March 3, 2021\n\n"
        "The regional inquiry began after a ferry lost power in a storm with 200 passengers on board, "
        "and its report took almost two years to write.\n\n"
        "Operators agree on shared radio channel - 14 June 2022\n\n"
        "Both companies agreed to use one radio channel for their crossings, a step the inquiry had "
        "asked for in its interim findings that spring.\n"
    )
    c = clean(raw)
    assert "Inquiry opens after a night crossing goes wrong — March 3, 2021" in c.body
    assert "Operators agree on shared radio channel - 14 June 2022" in c.body
    assert [(m.reason, c.body[m.start : m.end]) for m in c.marked] == [("subheading", "Key moments")]
