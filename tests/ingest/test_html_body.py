"""HTML pages: trafilatura has already dropped the page furniture, so cleaning its text cuts
only lines with strong junk evidence. Each case reproduces a pattern measured on public
article-extraction gold bodies, where the plain-text rules cut real article lines."""

from __future__ import annotations

import html

import pytest

from storyline.ingest import article_from_raw
from storyline.ingest.boilerplate import clean
from storyline.ingest.readers import RawDoc
from storyline.model import Article
from storyline.settings import Settings

LEAD = (
    "The harbor authority said on Tuesday that the old ferry terminal in Lakeside would close for "
    "repairs next month after engineers found cracks in the concrete of its main pier."
)
MIDDLE = (
    "Ferry operators said the closure would move most of their crossings to the north pier, where "
    "the harbor authority has promised extra staff and a temporary ticket office for the repairs."
)
LATER = (
    "The repairs are expected to cost about four million dollars, the harbor authority said, and "
    "the ferry terminal should reopen before the start of the summer tourist season in Lakeside."
)


def _page(*paragraphs: str) -> str:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        "<html><head><title>Lakeside ferry terminal to close</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
        f"<h1>Lakeside ferry terminal to close</h1>{body}</article>"
        "<footer><p>Example Courier</p></footer></body></html>"
    )


def _article(*paragraphs: str) -> Article:
    doc = RawDoc(source="page.html", text="", format="html", html=_page(*paragraphs))
    return article_from_raw(doc, Settings())


@pytest.mark.parametrize(
    ("paragraphs", "line"),
    [
        # an all-capitals section heading between paragraphs
        ((LEAD, "NORTH PIER", MIDDLE, LATER), "NORTH PIER"),
        # a closing paragraph signed by a wire agency, so it does not end in a full stop
        (
            (LEAD, MIDDLE, LATER, "Two other piers in the county were closed for repairs last year. PTI"),
            "Two other piers in the county were closed for repairs last year. PTI",
        ),
        # list items closing the article
        ((LEAD, MIDDLE, LATER, "Opening hours", "6am to 10pm on weekdays"), "6am to 10pm on weekdays"),
        # a product heading that is a name and a price
        ((LEAD, "Season ticket for $120", MIDDLE, LATER), "Season ticket for $120"),
        # a one-line first paragraph before the first full one
        (("The pier is cracking.", LEAD, MIDDLE, LATER), "The pier is cracking."),
        # an interview line set as "Q: …"
        ((LEAD, MIDDLE, "Q: When will the pier reopen?", LATER), "Q: When will the pier reopen?"),
        # the lead paragraph before a stray photo credit (trafilatura drops the <figcaption>)
        ((LEAD, "Photo: Example Courier", MIDDLE, LATER), LEAD),
    ],
)
def test_html_keeps_article_lines(paragraphs: tuple[str, ...], line: str) -> None:
    assert line in _article(*paragraphs).text.split("\n\n")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Advertisement", "advert"),
        ("Follow us on Twitter and Facebook for the latest updates.", "social"),
        ("Sign up for our morning newsletter and get the top stories in your inbox.", "newsletter"),
        ("Copyright 2024 Example Courier. All rights reserved.", "legal"),
        ("Share this article", "boilerplate"),
        ("Related: Bridge inspections ordered across the county", "related"),
        ("Topics: Lakeside, Harbor, Transport", "related"),
    ],
)
def test_html_still_cuts_strong_junk(line: str, reason: str) -> None:
    a = _article(LEAD, MIDDLE, LATER, line)
    assert line not in a.text
    assert [r.reason for r in a.removed if r.text == line] == [reason]


def test_html_heading_inside_text_is_body_not_subheading() -> None:
    a = _article(LEAD, "NORTH PIER", MIDDLE, LATER)
    assert not [r for r in a.removed if r.reason == "subheading"]


def test_plain_text_keeps_headings_and_cuts_tail_fragments() -> None:
    """A text file (no trafilatura pass) keeps a heading between paragraphs, marked; after its
    last sentence a list with figures and its heading stay, other short lines are furniture
    there, but stay in trafilatura's text."""
    raw = "\n\n".join(
        [LEAD, "NORTH PIER", MIDDLE, LATER, "Opening hours", "6am to 10pm on weekdays", "Harbor Weekly"]
    )
    c = clean(raw)
    assert c.body.split("\n\n") == [
        LEAD,
        "NORTH PIER",
        MIDDLE,
        LATER,
        "Opening hours",
        "6am to 10pm on weekdays",
    ]
    assert [(r.reason, r.text) for r in c.removed] == [("boilerplate", "Harbor Weekly")]
    assert [(m.reason, c.body[m.start : m.end]) for m in c.marked] == [("subheading", "NORTH PIER")]
    assert clean(raw, extracted=True).body.split("\n\n") == raw.split("\n\n")


def test_extracted_flag_marks_trafilatura_text_only() -> None:
    text_doc = RawDoc(source="a.txt", text="\n\n".join([LEAD, MIDDLE, LATER, "Opening hours"]), format="text")
    assert "Opening hours" not in article_from_raw(text_doc, Settings()).text
    assert "Opening hours" in _article(LEAD, MIDDLE, LATER, "Opening hours").text


EXTRA = [
    "Engineers will inspect the two smaller piers in the same week, the authority said, because they "
    "were built at the same time and from the same batch of concrete as the main one.",
    "The last major repair of the terminal, in 2009, took eleven weeks and ran two weeks over its "
    "schedule after storms delayed the delivery of the steel beams.",
]
TEASER = (
    "<a href='/x'>Ferry fares to rise in spring as fuel costs climb, operators warn in a joint letter</a>"
)


def _split_page() -> str:
    """A long-form page: the body split over three same-class containers between figures, and a
    teaser made of a link in a container of the same class after it."""
    chunks = [[LEAD, MIDDLE], [LATER, EXTRA[0]], [EXTRA[1]]]
    secs = "".join(
        '<div class="article-body"><div class="body-text">'
        + "".join(f"<p>{html.escape(p)}</p>" for p in c)
        + '</div></div><figure><img src="a.jpg"><figcaption>The pier. Photo: Archive</figcaption></figure>'
        '<div class="ad">Advertisement</div>'
        for c in chunks
    )
    return (
        "<html><head><title>Lakeside ferry terminal to close</title></head><body><article>"
        f"<h1>Lakeside ferry terminal to close</h1>{secs}</article>"
        f'<div class="body-text"><p>{TEASER}</p></div></body></html>'
    )


def test_body_split_over_containers_is_recovered_in_page_order() -> None:
    a = article_from_raw(RawDoc(source="split.html", text="", format="html", html=_split_page()), Settings())
    assert a.text.split("\n\n") == [LEAD, MIDDLE, LATER, *EXTRA]


def test_run_on_line_is_split_into_the_page_blocks() -> None:
    """A short page where trafilatura falls back to one run-on line of the whole page."""
    from storyline.ingest.html import _resplit

    page = (
        "<html><body><table><tr><td>HOME</td><td>NEWS</td></tr></table><div>"
        f"{html.escape(LEAD)}<br><br>{html.escape(MIDDLE)}</div><div>Print this story</div></body></html>"
    )
    run_on = f"| HOME | NEWS | {LEAD} {MIDDLE} Print this story"
    assert _resplit(page, run_on).split("\n") == ["HOME", "NEWS", LEAD, MIDDLE, "Print this story"]
