"""Metadata from the text itself: outlet (and where it came from), credits, header datelines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.ingest import ingest
from storyline.ingest.boilerplate import clean
from storyline.model import Article
from storyline.settings import Settings

TITLE = "Ferry service to Gull Island resumes after three-week strike"
BODY = [
    "The ferry between Port Alden and Gull Island resumed service on Monday after crew members ended "
    "a three-week strike over pay and rest hours, the operator said.",
    "The first boat left Port Alden at half past six with about forty passengers on board, many of them "
    "island residents who had been unable to reach their jobs on the mainland.",
    "Under the agreement, crew members will receive a raise over two years and a guaranteed rest period "
    "between shifts, the operator said in a statement on Monday.",
    "Island businesses said the strike had cost them much of the spring season, and the hotel "
    "association said bookings on the island had fallen by half since the ferry stopped.",
]

#: more paragraphs, so that a credit can sit in the article's last quarter
LONG = [
    *BODY,
    "The talks broke down twice before a mediator appointed by the regional government brought both "
    "sides back to the table last week.",
    "The union said its members would vote next week on whether to accept the new rota that the "
    "operator drew up with the mediator.",
    "The regional government said it would review the ferry contract when it expires next year.",
    "Fishermen on the island said they had used their own boats to carry medicine and post across "
    "the strait while the ferry was tied up.",
    "The operator said it would refund season tickets for the weeks in which no ferry ran.",
    "A second operator had offered to run a smaller boat during the strike, but the harbour authority "
    "said it lacked the licence to carry passengers.",
    "Crew members returned to work on Monday morning, and the operator said the timetable would be "
    "back to normal by the end of the week.",
]


def _doc(*, head: tuple[str, ...] = (), tail: tuple[str, ...] = (), body: list[str] = BODY) -> str:
    return "\n\n".join([*head, TITLE, *body, *tail])


def _outlet(text: str) -> tuple[str | None, str | None]:
    m = clean(text).meta
    return m.outlet, m.outlet_source


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        (("© 2025 Tidewater Review Pty Ltd. All rights reserved.",), ("Tidewater Review", "copyright")),
        (("Copyright The Eastern Chronicle",), ("The Eastern Chronicle", "copyright")),
        (("© 2024 Basin Times Media Group. All rights reserved.",), ("Basin Times", "copyright")),
        (
            (
                "A version of this article appears in print on May 4, 2024, Section B, Page 3 of the "
                "Eastern Chronicle with the headline: Ferry Returns.",
            ),
            ("The Eastern Chronicle", "print-line"),
        ),
        (("For the latest news, follow us on Twitter @GullIslandNow.",), ("@GullIslandNow", "handle")),
        (("Share this story", "Riverside Herald", "Contact us"), ("Riverside Herald", "footer")),
    ],
)
def test_outlet_named_in_the_text(tail: tuple[str, ...], expected: tuple[str, str]) -> None:
    assert _outlet(_doc(tail=tail)) == expected


@pytest.mark.parametrize(
    "tail",
    [
        # a print note that names an edition, not the outlet
        (
            "A version of this article appears in print on May 4, 2024, Section A, Page 1 of the "
            "New York edition with the headline: Ferry Returns.",
        ),
        # a newsletter box: its name is not the outlet's
        ("Newsletter Sign-Up", "The Morning Courier", "Get the top stories in your inbox each morning."),
        # a photographer's copyright, and someone else's handle
        ("© Jane Doe",),
        # section labels in the footer menu
        ("More stories", "Latest News", "Top News", "Contact us"),
        ("The mayor wrote to @janedoe on Sunday asking for the timetable.",),
    ],
)
def test_no_outlet_from_lookalikes(tail: tuple[str, ...]) -> None:
    assert _outlet(_doc(tail=tail)) == (None, None)


def test_stronger_form_wins_whatever_the_order() -> None:
    tail = ("Follow us on Instagram @GullIslandNow", "© 2025 Tidewater Review. All rights reserved.")
    assert _outlet(_doc(tail=tail)) == ("Tidewater Review", "copyright")


def test_photo_credit_for_an_outlet() -> None:
    body = [
        *BODY[:2],
        "Passengers board the first ferry.Credit…Ana Ruiz for The Eastern Chronicle",
        *BODY[2:],
    ]
    assert _outlet(_doc(body=body)) == ("The Eastern Chronicle", "photo-credit")


def _ingest(tmp_path: Path, text: str, sidecar: dict[str, str] | None = None, **kw: str) -> Article:
    p = tmp_path / "ferry.txt"
    p.write_text(text, encoding="utf-8")
    if sidecar is not None:
        (tmp_path / "ferry.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
    (a,) = ingest([str(p)], Settings(**kw)).articles  # type: ignore[arg-type]
    return a


@pytest.mark.parametrize(
    ("tail", "sidecar", "expected"),
    [
        ((), None, ("Gull Island Post", "cli")),
        ((), {"outlet": "Harbour Wire"}, ("Harbour Wire", "sidecar")),
        (("© 2025 Tidewater Review. All rights reserved.",), None, ("Tidewater Review", "copyright")),
        (("Follow us on Twitter @GullIslandNow",), None, ("Gull Island Post", "cli")),
        (("Share this story", "Riverside Herald", "Contact us"), None, ("Gull Island Post", "cli")),
    ],
)
def test_cli_outlet_only_when_nothing_better(
    tmp_path: Path, tail: tuple[str, ...], sidecar: dict[str, str] | None, expected: tuple[str, str]
) -> None:
    a = _ingest(tmp_path, _doc(tail=tail), sidecar, outlet="Gull Island Post")
    assert (a.outlet, a.outlet_source) == expected


def test_cli_published_is_the_fallback(tmp_path: Path) -> None:
    a = _ingest(tmp_path, _doc(), published="2024-05-06")
    assert (a.published, a.published_precision, a.published_source) == ("2024-05-06", "day", "cli")


def test_no_date_is_stated_not_guessed(tmp_path: Path) -> None:
    body = [*BODY, "The strike began on May 2, 2024, when talks with the operator broke down."]
    a = _ingest(tmp_path, _doc(body=body))
    assert (a.published, a.published_precision, a.published_source) == (None, None, None)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Updated 6:02 AM EDT, Mon June 19, 2023", ("2023-06-19T06:02", "minute")),
        ("Published 19 June 2023", ("2023-06-19", "day")),
        ("June 18, 2023 at 9:15 a.m. ET", ("2023-06-18T09:15", "minute")),
        ("Posted 12:30 p.m. Jun. 18, 2023", ("2023-06-18T12:30", "minute")),
        ("Sat 17 Jun 2023 09.15 EDT", ("2023-06-17T09:15", "minute")),
        ("By Carla Mendes | Published: 18 June 2023, 14:05 BST", ("2023-06-18T14:05", "minute")),
    ],
)
def test_header_dateline(line: str, expected: tuple[str, str]) -> None:
    assert clean(_doc(head=(line,))).meta.published == expected


@pytest.mark.parametrize(
    "first",
    [
        "The report, published on June 3, 2023, found that the ferry had been late on most days of the "
        "spring and that the operator had known of the problem for months.",
        "Officials updated the timetable on June 3, 2023, after the ferry between the two harbours was "
        "found to be late on most days of the spring.",
    ],
)
def test_dates_in_body_prose_are_not_the_publication_date(first: str) -> None:
    assert clean(_doc(body=[first, *BODY])).meta.published is None


@pytest.mark.parametrize(
    "line",
    [
        "Olivia Mendes contributed reporting.",
        "—Tom A. Hale contributed to this article.",
        "Ana Ruiz and Mark Feld contributed reporting from Port Alden.",
        "Reporting by Carla Mendes; Editing by Joanna Marsh",
        "(Additional reporting by Lena Vogt)",
    ],
)
def test_credit_lines_are_credits(line: str) -> None:
    c = clean(_doc(tail=(line,)))
    assert {r.text: r.reason for r in c.removed}[line] == "credit"


def test_prose_about_reporting_is_not_a_credit() -> None:
    line = "He contributed reporting to the island newspaper for years before the ferry strike began."
    c = clean(_doc(body=[*BODY[:2], line, *BODY[2:]]))
    assert line in c.body.split("\n\n")


def test_paragraphs_after_a_mid_page_credit_are_kept() -> None:
    more = [
        "On Tuesday the operator added a second daily crossing from Gull Island to Port Alden, and said "
        "the ferry would run on its full summer timetable from the start of next month.",
        "Island residents said the second crossing would let the ferry carry schoolchildren and workers "
        "to the mainland again, after three weeks in which the island was cut off from the harbour.",
    ]
    body = [*LONG, "Olivia Mendes contributed reporting.", *more]
    c = clean(_doc(body=body, tail=("Share this story",)))
    kept = c.body.split("\n\n")
    assert kept[-2:] == more
    assert {r.text: r.reason for r in c.removed}["Share this story"] != "credit"


def test_closing_credit_still_ends_the_article() -> None:
    tail = ("Olivia Mendes contributed reporting.", "Olivia Mendes is a reporter covering the islands.")
    c = clean(_doc(body=LONG, tail=tail))
    assert c.body.split("\n\n")[-1] == LONG[-1]
    assert {r.text: r.reason for r in c.removed}[tail[1]] not in ("credit", None)


def _page(head: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in BODY)
    body = f"<body><article><h1>{TITLE}</h1>{paras}</article></body>"
    return f"<html><head><title>{TITLE}</title>{head}</head>{body}</html>"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            '<meta content="2024-03-02T11:20:00+01:00" property="article:published_time">',
            ("2024-03-02T11:20", "minute", "html-meta"),
        ),
        (
            '<script type="application/ld+json">'
            '{"@type": "NewsArticle", "datePublished": "2024-03-02T11:20:00Z"}</script>',
            ("2024-03-02T11:20", "minute", "html-meta"),
        ),
        ('<meta name="date" content="2024-03-02">', ("2024-03-02", "day", "html-meta")),
        (
            '<link rel="canonical" href="https://gullisland.example/2024/03/02/ferry-resumes">',
            ("2024-03-02", "day", "url"),
        ),
        ("", (None, None, None)),
    ],
)
def test_html_date_precision_and_source(tmp_path: Path, head: str, expected: tuple[str | None, ...]) -> None:
    p = tmp_path / "ferry.html"
    p.write_text(_page(head), encoding="utf-8")
    (a,) = ingest([str(p)], Settings()).articles
    assert (a.published, a.published_precision, a.published_source) == expected


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://news.example/a", "https://news.example/a"),
        ("http://news.example/a", "http://news.example/a"),
        ("javascript:alert(1)", None),
        ("data:text/html,<script>x</script>", None),
        ("http://[bad", None),  # not even parseable
    ],
)
def test_only_web_urls_are_kept(url: str, kept: str | None) -> None:
    from storyline.ingest.metadata import safe_url

    assert safe_url(url) == kept


def test_a_hostile_url_costs_nothing(tmp_path: Path) -> None:
    from storyline.ingest import ingest
    from storyline.settings import Settings

    line = {
        "text": "The council met on Monday and agreed to repair the bridge before winter.",
        "url": "http://[bad",
    }
    (tmp_path / "a.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    r = ingest([str(tmp_path / "a.jsonl")], Settings(db=tmp_path / "s.duckdb"))
    assert [(a.url, a.outlet) for a in r.articles] == [(None, None)]


def test_html_that_starts_like_a_url_is_never_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    import htmldate.utils

    from storyline.ingest.html import _find_date

    def no_fetch(url: str) -> None:
        raise AssertionError(f"fetched {url[:40]!r}")

    monkeypatch.setattr(htmldate.utils, "fetch_url", no_fetch)
    page = "http://attacker.example/x\n<html><body><p>Council\tmeets\ton\tMonday.</p></body></html>"
    assert _find_date(page) is None
