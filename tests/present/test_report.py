"""report.html: self-contained, escaped, every citation resolvable to a span on the page."""

from __future__ import annotations

import re
from dataclasses import replace
from html import escape, unescape
from pathlib import Path

import pytest
import story_fixture as f
from plotly.offline import get_plotlyjs

from storyline.model import Story
from storyline.present.build import build_presentation
from storyline.present.figures import figure_json, timeline_figure
from storyline.present.report import (
    REPORT_CSP,
    assets,
    render_report,
    report_csp,
    safe_url,
    sentence_context,
    span_anchor,
    write_report,
)
from storyline.present.timeline import build_timeline


@pytest.fixture(scope="module")
def html() -> str:
    return render_report(build_presentation(f.story(), summary_sentences=4))


@pytest.mark.parametrize(
    "raw",
    ["<script>alert('pwned')</script>", "<img src=x onerror=alert(1)>", "<i>exclusive</i>", "<b>now</b>"],
)
def test_article_markup_is_escaped(html: str, raw: str) -> None:
    assert raw not in html


def test_escaped_markup_is_shown_as_text(html: str) -> None:
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in html


def test_plotly_is_inlined_once_and_nothing_is_fetched(html: str) -> None:
    assert html.count(get_plotlyjs()[:300]) == 1
    assert not re.search(r"<script[^>]+src=", html)
    assert not re.search(r"<link[^>]+stylesheet", html)


def test_every_citation_links_to_an_anchor_on_the_page(html: str) -> None:
    targets = set(re.findall(r'href="#(span-[^"]+)"', html))
    anchors = set(re.findall(r'id="(span-[^"]+)"', html))
    assert targets and targets <= anchors


def test_citation_popup_holds_the_cited_sentence(html: str) -> None:
    story = build_presentation(f.story(), summary_sentences=4)
    c = story.summary[0].citations[0]
    sentence = next(a.text for a in story.articles if a.id == c.article)[c.start : c.end]
    pop = re.search(r'<q class="cite-text">(.*?)</q>', html, re.S)
    assert pop is not None and pop.group(1) == sentence.replace("'", "&#39;").replace('"', "&#34;")
    assert f'href="#{span_anchor(c.article, c.start, c.end)}"' in html


def test_figure_json_cannot_close_its_script() -> None:
    s = f.story()
    hostile = replace(s.events[1], summary="</script><!-- boom")
    fig = timeline_figure(build_timeline(replace(s, events=(hostile,))), s.articles)
    text = figure_json(fig)
    assert "</" not in text and "<!--" not in text
    assert "\\u0026lt;\\u002fscript\\u0026gt;" in text  # escaped for Plotly, then for the script


@pytest.mark.parametrize(
    "section", ["summary", "timeline", "quotes", "sources", "conflicts", "actors", "relations", "articles"]
)
def test_every_section_is_present(html: str, section: str) -> None:
    assert f'<section id="{section}">' in html


def test_removed_text_is_listed_with_its_reason(html: str) -> None:
    assert "boilerplate: subscription" in html and "Subscribe for 1$ a week &lt;b&gt;now&lt;/b&gt;" in html


def test_empty_story_renders_with_explanations() -> None:
    html = render_report(Story("test"))
    assert "No event between actors of two different states was coded" in html
    assert 'id="relations-plot"' not in html


def test_write_report_returns_the_path(tmp_path: Path) -> None:
    path = write_report(Story("test"), tmp_path / "out" / "report.html")
    assert path == tmp_path / "out" / "report.html" and path.read_text(encoding="utf-8").startswith(
        "<!doctype html>"
    )


def test_header_gives_dates_sources_and_how_to_read(html: str) -> None:
    assert "<strong>6 May 2024 – 7 May 2024</strong> · 3 articles from 3 outlets" in html
    assert "How to read this:" in html


def test_conflict_sides_show_their_sentence_and_the_verdict(html: str) -> None:
    conflicts = html[html.index('<section id="conflicts">') : html.index('<section id="actors">')]
    assert '<span class="verdict verdict-conflict">Sources disagree</span>' in conflicts
    assert "<strong>Verdict:</strong> How many vessels will be monitored" in conflicts
    assert (
        '<mark class="hl-conflict">Officials said 25 vessels would be monitored in the first year '
        "of the scheme.</mark> One reader comment" not in conflicts
    )  # the side stops at its own sentence
    assert '<mark class="hl-conflict">Officials said 40 vessels' in conflicts


@pytest.mark.parametrize(
    ("text", "start_word", "before", "after"),
    [
        ("One. The boat left on Monday for Suva. Two.", "Monday", "The boat left on ", " for Suva."),
        ("Line one\nThe boat left on Monday\nNext", "Monday", "The boat left on ", ""),
    ],
)
def test_sentence_context_stops_at_sentence_and_line_ends(
    text: str, start_word: str, before: str, after: str
) -> None:
    start = text.index(start_word)
    assert sentence_context(text, start, start + len(start_word)) == {"before": before, "after": after}


def test_speaker_heading_carries_the_role(html: str) -> None:
    assert '<h3>Ana Lealea <span class="role">Prime Minister, FJI</span>' in html


def test_timeline_rows_are_grouped_by_phase() -> None:
    s = build_presentation(f.story(), summary_sentences=2)
    old = replace(s.events[1], id="e-old", date="2019", granularity="year")
    html = render_report(replace(s, timeline=build_timeline(replace(s, events=(*s.events, old)))))
    phases = re.findall(r'<tr class="phase"><th colspan="4">([\w ]+?) ?<', html)
    assert phases == ["Background", "The story", "Ahead"]


def test_undated_events_go_to_the_folded_matrix_not_the_main_one() -> None:
    s = f.story()
    events = tuple(replace(e, date=None, granularity=None) if e.id == "e-board" else e for e in s.events)
    html = render_report(build_presentation(replace(s, events=events), summary_sentences=2))
    main = html[html.index('<table class="matrix events">') : html.index('<details class="others-matrix">')]
    folded = html[
        html.index('<details class="others-matrix">') : html.index('<details class="claims-matrix">')
    ]
    assert "boards Fijian trawler" not in main
    assert "undated · New Zealand patrol vessel boards Fijian trawler" in folded


def test_a_story_from_one_outlet_says_so_instead_of_a_one_column_matrix() -> None:
    s = f.story()
    one = tuple(replace(a, outlet="Harbour Tribune") for a in s.articles)
    html = render_report(build_presentation(replace(s, articles=one), summary_sentences=2))
    sources = html[html.index('<section id="sources">') : html.index('<section id="conflicts">')]
    assert 'class="matrix' not in sources
    assert "Everything in this story comes from one outlet, Harbour Tribune:" in sources
    two = render_report(build_presentation(s, summary_sentences=2))
    assert '<table class="matrix events">' in two and "comes from one outlet" not in two


HOSTILE_URLS = [
    "javascript:alert(1)",
    "JavaScript:alert(document.domain)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    "/\\evil.example/x",
    "https:alert(1)",
]


def _with_url(url: str) -> Story:
    s = build_presentation(f.story(), summary_sentences=2)
    return replace(s, articles=(replace(s.articles[0], url=url), *s.articles[1:]))


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_an_article_url_that_could_run_script_is_shown_but_not_linked(url: str) -> None:
    page = render_report(_with_url(url))
    body = page[page.index("<main>") : page.index("</main>")]  # the page, not Plotly's script
    hrefs = re.findall(r'href="([^"]*)"', body)
    assert [h for h in hrefs if not h.startswith("#")] == []
    assert escape(url) in body  # still shown, as text


def test_an_http_article_url_is_linked() -> None:
    html = render_report(_with_url("http://paper.example/a?id=1&x=2"))
    assert '<a href="http://paper.example/a?id=1&amp;x=2" rel="noreferrer nofollow">' in html


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://paper.example/a", "https://paper.example/a"),
        ("HTTP://paper.example", "HTTP://paper.example"),
        ("/actors/per:lealea", "/actors/per:lealea"),
        ("#article-1", "#article-1"),
        ("ftp://paper.example/a", ""),
        ("http://", ""),
        ("http://[::1", ""),
        ("", ""),
        (None, ""),
        *((u, "") for u in HOSTILE_URLS),
    ],
)
def test_safe_url(url: str | None, expected: str) -> None:
    assert safe_url(url) == expected


def test_report_declares_its_content_security_policy(html: str) -> None:
    metas = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert [unescape(m) for m in metas] == [report_csp(get_plotlyjs(), assets()["js"])]
    assert REPORT_CSP.startswith(
        "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:"
    )
    assert "'unsafe-inline'" not in unescape(metas[0]).split("script-src", 1)[1].split(";")[0]


@pytest.mark.parametrize(
    ("published", "precision", "shown"),
    [("2023-06-20T22:48", "minute", "20 Jun 2023"), ("2023-06-20T22:48:05+02:00", "second", "20 Jun 2023"),
     ("2023-06-20", "day", "20 Jun 2023"), ("2023-06", "month", "Jun 2023")],
)  # fmt: skip
def test_article_date_shows_the_day_of_a_timestamp(published: str, precision: str, shown: str) -> None:
    s = build_presentation(f.story(), summary_sentences=2)
    first = replace(s.articles[0], published=published, published_precision=precision)
    html = render_report(replace(s, articles=(first, *s.articles[1:])))
    assert f"<strong>Harbour Tribune</strong> · {shown} · Mere Tane" in html


def test_a_finding_that_needs_checking_is_labelled_and_styled_as_such() -> None:
    story = f.story()
    checking = replace(story.conflicts[0], verdict="needs checking")
    html = render_report(build_presentation(replace(story, conflicts=(checking,)), summary_sentences=4))
    conflicts = html[html.index('<section id="conflicts">') : html.index('<section id="actors">')]
    assert '<div class="conflict verdict-needs-checking">' in conflicts
    assert '<span class="verdict verdict-needs-checking">Needs checking</span>' in conflicts
    assert ".verdict.verdict-needs-checking {" in html


def test_a_huge_story_matrix_shows_the_busiest_outlets_and_widest_rows() -> None:
    """Rows x outlets grows with the square of a story's size: the page keeps a readable part."""
    from storyline.model import Article, Claim, Evidence
    from storyline.present.report import MATRIX_OUTLETS, MATRIX_ROWS, story_context

    arts = [Article(f"a{i:03d}", f"f{i}.txt", "Text.", outlet=f"Outlet {i:03d}") for i in range(60)]
    claims = tuple(
        Claim(
            f"c{k}",
            f"claim {k}",
            tuple(a.id for a in arts[: 1 + k % 50]),
            (Evidence("a000", 0, 4, "Text"),),
            (),
        )
        for k in range(MATRIX_ROWS + 20)
    )
    matrix = story_context(Story("big", articles=tuple(arts), claims=claims))["matrix"]
    assert len(matrix["outlets"]) == MATRIX_OUTLETS and len(matrix["claims"]) == MATRIX_ROWS
    assert matrix["totals"] == {"outlets": 60, "rows": 0, "others": 0, "claims": MATRIX_ROWS + 20}
    assert matrix["claims"][0]["n"] == 50 and all(len(r["cells"]) == MATRIX_OUTLETS for r in matrix["claims"])
    assert matrix["note"] == (
        f"Shown: {MATRIX_OUTLETS} of 60 outlets, {MATRIX_ROWS} of {MATRIX_ROWS + 20} claims (the busiest "
        "outlets, the most widely reported rows); story.json holds them all."
    )


def test_article_text_marks_overlapping_spans_and_escapes_every_piece() -> None:
    from storyline.present.report import _Mark, _text_html

    text = 'Tom & "Ana" met <b>here</b>.'
    marks = [
        _Mark(0, 11, "quote", "quote: A & B"),
        _Mark(6, 16, "claim", "claim"),
        _Mark(6, 16, "event", "event: met"),
        _Mark(40, 50, "claim", "out of range"),
    ]
    assert str(_text_html("a1", text, marks)) == (
        '<span class="anchor" id="span-a1-0-11"></span>'
        '<mark class="hl-quote" title="quote: A &amp; B">Tom &amp; </mark>'
        '<span class="anchor" id="span-a1-6-16"></span>'
        '<mark class="hl-claim hl-event hl-quote" title="quote: A &amp; B; claim; event: met">'
        "&#34;Ana&#34;</mark>"
        '<mark class="hl-claim hl-event" title="claim; event: met"> met </mark>'
        "&lt;b&gt;here&lt;/b&gt;."
    )
