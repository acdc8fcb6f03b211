"""Input as it comes: one-sentence briefs and feed items, impossible dates, other languages,
tables and headings inside the body, and the two labelled sets (eval/junk, bench/pages)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from storyline.ingest import ingest
from storyline.ingest.boilerplate import clean
from storyline.ingest.metadata import TextMeta, merge_meta
from storyline.model import Article
from storyline.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def _one(tmp_path: Path, name: str, data: str, sidecar: dict[str, object] | None = None) -> Article:
    (tmp_path / name).write_text(data, encoding="utf-8")
    if sidecar is not None:
        (tmp_path / (name.split(".")[0] + ".meta.json")).write_text(json.dumps(sidecar), encoding="utf-8")
    r = ingest([str(tmp_path / name)], Settings())
    assert not r.rejected, r.rejected
    (a,) = r.articles
    return a


@pytest.mark.parametrize(
    "text",
    [
        "The northbound carriageway of the Kelby bypass will close overnight from Monday for resurfacing.",
        "Ferry services resume.",
        "Bridge closed after crash",
        "BREAKING: Polls close in the northern districts",
        "Watch: fire crews tackle a blaze on the moor",
        "Storm warning issued for the coast tonight\n",
    ],
)
def test_one_sentence_file_is_an_article(tmp_path: Path, text: str) -> None:
    a = _one(tmp_path, "brief.txt", text)
    assert a.text == text.strip()


def test_one_sentence_feed_items_are_articles(tmp_path: Path) -> None:
    items = [
        "Ferry services resume after the strike.",
        "Bridge closed after crash",
        "Council approves the harbour budget for next year.",
    ]
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Coast Daily</title>'
        + "".join(
            f"<item><title>Item {i}</title><link>https://coast.example/{i}</link><description>{t}</description></item>"
            for i, t in enumerate(items)
        )
        + "</channel></rss>"
    )
    (tmp_path / "feed.xml").write_text(feed, encoding="utf-8")
    r = ingest([str(tmp_path / "feed.xml")], Settings())
    assert not r.rejected
    assert sorted(a.text for a in r.articles) == sorted(items)


@pytest.mark.parametrize("stamp", ["0001-01-01", "9999-12-31T23:59", "2024-02-30", "1066-10-14"])
def test_impossible_date_in_metadata_is_ignored_with_a_note(tmp_path: Path, stamp: str) -> None:
    text = "Ferry services resumed on Monday after a two-week strike by crew members over pay."
    a = _one(tmp_path, "ferry.txt", text, {"published": stamp})
    assert (a.published, a.published_source) == (None, None)
    assert a.notes == (f"published date {stamp!r} from sidecar is not a possible date; ignored",)


def test_a_number_for_a_date_is_ignored_with_a_note(tmp_path: Path) -> None:
    a = _one(
        tmp_path, "ferry.txt", "Ferry services resumed on Monday after a strike.", {"published": 20250301}
    )
    assert a.published is None
    assert a.notes == ("published date '20250301' from sidecar is not a possible date; ignored",)


def test_impossible_clock_time_keeps_the_day() -> None:
    m = merge_meta({"published": "2025-03-01T25:61"}, "", None)
    assert (m.published, m.published_precision, m.notes) == ("2025-03-01", "day", [])


def test_impossible_date_in_a_page_is_ignored(tmp_path: Path) -> None:
    body = "".join(
        f"<p>Paragraph {i} of the report says the operator and the union agreed new rotas for winter.</p>"
        for i in range(4)
    )
    page = (
        '<html><head><title>Ferry deal</title><meta property="article:published_time" '
        'content="0001-01-01T00:00:00Z"></head><body><article><h1>Ferry deal</h1>'
        f"{body}</article></body></html>"
    )
    a = _one(tmp_path, "page.html", page)
    assert a.published is None
    assert a.notes == ("published date '0001-01-01T00:00' from html-meta is not a possible date; ignored",)


def test_impossible_dateline_date_is_ignored() -> None:
    m = merge_meta({}, "", None, TextMeta(published=("0999-01-01", "day")))
    assert m.published is None and m.notes == [
        "published date '0999-01-01' from the dateline is not a possible date; ignored"
    ]


SPANISH = [
    "Un incendio forestal obliga a desalojar tres aldeas",
    "Más de cuatrocientos vecinos tuvieron que abandonar sus casas durante la madrugada del sábado.",
    "Publicidad",
    "El fuego se originó el viernes por la tarde cerca de una pista forestal, según los bomberos.",
    "Los desalojados pasaron la noche en el polideportivo municipal. No se han registrado heridos.",
    "Compartir en Facebook",
]


def test_non_english_article_keeps_its_body(tmp_path: Path) -> None:
    a = _one(tmp_path, "incendio.txt", "\n\n".join(SPANISH))
    assert a.language == "es"
    assert a.text.split("\n\n") == [SPANISH[1], SPANISH[3], SPANISH[4]]
    assert {(r.text, r.reason) for r in a.removed} == {
        (SPANISH[0], "title"),
        ("Publicidad", "boilerplate"),
        ("Compartir en Facebook", "social"),
    }
    assert a.notes == ("language es: body kept whole; analysis (actors, quotes, events) reads English only",)


def test_japanese_article_keeps_its_body() -> None:
    raw = (
        "台風12号、週末に西日本へ接近の見込み\n\n"
        "気象庁によると、大型で強い台風12号は14日午後、沖縄の南の海上を北西に進んでいる。\n\n"
        "鉄道各社も、計画運休を含めた対応を検討している。\n"
    )
    c = clean(raw)
    assert c.language == "ja"
    assert c.body.split("\n\n") == raw.strip().split("\n\n")[1:]


def test_a_list_without_sentences_is_kept_whole() -> None:
    lines = [
        "Corridas de rua 2025",
        "12 de janeiro – Corrida de Reis, 10 km",
        "23 de fevereiro – Meia maratona, 21 km",
        "6 de abril – 5 km",
        "18 de maio – Volta ao Lago",
    ]
    c = clean("\n\n".join([*lines, "Partilhar"]))
    assert c.body.split("\n\n") == lines
    assert [(r.reason, r.text) for r in c.removed] == [("boilerplate", "Partilhar")]


def test_a_line_leading_into_a_list_is_no_title() -> None:
    lead = "The association published next year's race dates on Monday, as follows:"
    items = ["12 January – Kings Run, 10 km", "23 February – Half marathon, 21 km"]
    after = "Entries open a month before each race, the association said in its statement."
    c = clean("\n\n".join(["Advertisement", lead, *items, after]))
    assert c.body.split("\n\n") == [lead, *items, after]
    assert [(r.reason, r.text) for r in c.removed] == [("advert", "Advertisement")]


def test_amounts_in_a_list_are_no_promo() -> None:
    lead = "The county published its draft budget on Thursday. The biggest changes from this year are:"
    items = ["Roads: £14.2m, up 6%", "Social care: £61.8m, up 9%", "Parks: £2.4m, unchanged"]
    after = "Councillors will debate the draft in February, and residents can comment on it online."
    c = clean("\n\n".join([lead, *items, after, "Get 3 months for £1"]))
    assert c.body.split("\n\n") == [lead, *items, after]
    assert [(r.reason, r.text) for r in c.removed] == [("promo", "Get 3 months for £1")]


def test_table_headings_and_reader_questions_stay_in_the_body() -> None:
    lines = [
        "A late header gave Harlow Athletic a 2-1 win at Dunmere Rovers on Saturday and took them top.",
        "Standings after 14 rounds",
        "Team | Played | Points",
        "Harlow Athletic | 14 | 30",
        "Kestrel Town | 14 | 29",
        "What would you do if your club went top in November?",
        "Harlow host Kestrel Town next Saturday in what is now a meeting of the top two in the division.",
    ]
    c = clean("\n\n".join(lines))
    assert c.body.split("\n\n") == lines and not c.removed
    assert [(m.reason, c.body[m.start : m.end]) for m in c.marked] == [
        ("subheading", "Standings after 14 rounds"),
        ("table", "Team | Played | Points"),
        ("table", "Harlow Athletic | 14 | 30"),
        ("table", "Kestrel Town | 14 | 29"),
    ]


LEAD = (
    "The regional council met on Tuesday to debate the ferry timetable, and voted by a narrow margin to "
    "keep the night crossing running through the winter months."
)
LATER = (
    "Operators said the decision would cost them money in the quiet months, but that they would abide by "
    "it until the next review of the contract in the spring."
)


@pytest.mark.parametrize(
    "line",
    [
        "Polls show more support for the plan than a year ago.",
        "The two leaders will sign in Bali next week, officials said.",
        "You can read the full report on the ministry's website.",
        "The company said its app had been downloaded two million times.",
        "The council's newsletter described the poll as democracy in action.",
        "Have you ever counted the hours you spend waiting for a ferry?",
        "What the tide tables say",
    ],
)
def test_body_lines_with_web_words_stay(line: str) -> None:
    """Furniture vocabulary inside the article's own sentences is no evidence on its own."""
    c = clean("\n\n".join([LEAD, line, LATER]))
    assert c.body.split("\n\n") == [LEAD, line, LATER]


STORIES = [
    [
        "The harbour board approved a new ferry timetable on Monday after months of complaints.",
        "Night crossings will run every two hours from June, the board said in a statement.",
    ],
    [
        "Two schools in the valley will close early on Friday because of a forecast storm.",
        "Parents were told by text message, and buses will leave at one o'clock.",
    ],
    [
        "The mayor opened the rebuilt library on Saturday, three years after the fire.",
        "Its first loan was a copy of a children's atlas, the librarian said.",
    ],
]


def test_repetition_counts_across_different_articles_of_one_outlet_only(tmp_path: Path) -> None:
    """The same footer under three different stories is the outlet's furniture; three saved
    copies of one story share their paragraphs, which stay."""
    footer = "Coast Daily Community Prize Draw"
    for i, story in enumerate(STORIES):
        (tmp_path / f"story{i}.txt").write_text("\n\n".join([*story, footer]), encoding="utf-8")
    for i in range(3):
        (tmp_path / f"copy{i}.txt").write_text("\n\n".join(STORIES[0]), encoding="utf-8")
    for f in tmp_path.glob("*.txt"):
        f.with_name(f.stem + ".meta.json").write_text('{"outlet": "Coast Daily"}', encoding="utf-8")
    r = ingest([str(tmp_path)], Settings())
    by = {Path(a.source).stem: a for a in r.articles}
    assert [x.reason for x in by["story1"].removed] == ["repeated"]
    assert by["copy0"].text.split("\n\n") == STORIES[0]


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = mod
    spec.loader.exec_module(mod)
    return mod


def test_labelled_junk_set_floors() -> None:
    """eval/junk: 14 bodies x 3 dressings; measured 0.985 F1 and 0.00 % body words lost."""
    got = _load(ROOT / "eval" / "junk" / "score.py").main()
    assert got["f1"] >= 0.95
    assert got["lost"] <= 0.01


def test_page_set_never_worse_than_trafilatura() -> None:
    """bench/pages: storyline's body F1 against bare trafilatura's on the same pages."""
    got = _load(ROOT / "bench" / "bench_extraction.py").main()
    assert got["storyline"] >= max(got["trafilatura"], got["trafilatura-nc"])
