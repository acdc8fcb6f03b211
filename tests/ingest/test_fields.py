"""Records and sidecars under the field names news dumps use (news-please, NewsAPI, CC-News,
WordPress, schema.org) are read like storyline's own ``text``/``title``/``published``."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from storyline.ingest import ingest
from storyline.ingest.fields import find, meta_of, normal
from storyline.ingest.formats import read_jsonl
from storyline.model import Article, Rejected
from storyline.settings import Settings

DREDGING = (
    "The harbour board voted on Tuesday to dredge the eastern channel before the autumn shipping "
    "season.\n\nBoard members said the work would take six weeks and cost less than first planned."
)
FERRY = (
    "The island ferry will run a second evening crossing from June, the county transport office said "
    "on Thursday.\n\nThe extra sailing leaves the mainland pier at half past eight."
)


def _ingest(path: Path) -> tuple[list[Article], list[Rejected]]:
    got = ingest([str(path)], Settings())
    return got.articles, got.rejected


def test_names_compare_without_case_or_separators() -> None:
    assert normal("date_publish") == normal("datePublish") == normal("Date-Publish") == "datepublish"
    record = {"Headline": "A", "title": "", "DATE_PUBLISH": "2024-01-02", "date": "2023-01-01"}
    # an empty title gives way to the next name; date_publish ranks above a bare date
    assert find(record, "title") == "Headline" and find(record, "published") == "DATE_PUBLISH"
    assert find({"id": 1}, "text") is None


def test_news_please_and_newsapi_lines(tmp_path: Path) -> None:
    lines = [
        {
            "title": "Harbour dredging approved",
            "maintext": DREDGING,
            "date_publish": "2024-03-05 09:30:00",
            "source_domain": "coast.example",
            "authors": ["Mia Holt", "Jon Berg"],
            "url": "https://coast.example/dredging",
        },
        {
            "source": {"id": None, "name": "Island Courier"},
            "author": "Ana Lee",
            "title": "Second evening ferry",
            "publishedAt": "2024-03-07T08:00:00Z",
            "content": FERRY,
        },
    ]
    f = tmp_path / "dump.jsonl"
    f.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    arts, rej = _ingest(f)
    assert rej == []
    got = [(a.record, a.title, a.outlet, a.published, a.authors, a.published_source) for a in arts]
    assert got == [
        (
            "1",
            "Harbour dredging approved",
            "coast.example",
            "2024-03-05T09:30",
            ("Mia Holt", "Jon Berg"),
            "jsonl",
        ),
        ("2", "Second evening ferry", "Island Courier", "2024-03-07T08:00", ("Ana Lee",), "jsonl"),
    ]
    assert [a.text for a in arts] == [DREDGING, FERRY]


def test_markup_in_a_text_field_is_read_as_html() -> None:
    body = "<p>The harbour board voted on Tuesday.</p>\n<p>Work starts in <b>May</b>.</p>"
    line = json.dumps(
        {"content": {"rendered": body}, "title": {"rendered": "Dredging vote"}, "date": 1709631000}
    )
    (doc,) = read_jsonl("wp.jsonl", line)
    assert not isinstance(doc, Rejected)
    assert doc.text == "The harbour board voted on Tuesday.\nWork starts in May."
    # WordPress's {"rendered": ...} and an epoch timestamp (seconds; milliseconds alike)
    assert doc.meta == {
        "title": "Dredging vote",
        "published": "2024-03-05T09:30",
        "published_source": "jsonl",
    }
    assert meta_of({"date": 1709631000000})["published"] == "2024-03-05T09:30"
    assert meta_of({"date": 12345}) == {"published": 12345}  # not a time: merge_meta refuses it


def test_a_line_without_any_body_field_names_its_fields() -> None:
    (rej,) = read_jsonl("d.jsonl", json.dumps({"title": "Only a title", "description": "teaser"}))
    assert rej == Rejected(
        "d.jsonl:1",
        "line has neither a 'text' nor an 'html' field (nor body, content, maintext, article, …); "
        "its fields: title, description",
    )


def test_sidecar_under_other_names(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DREDGING, encoding="utf-8")
    sidecar = {
        "headline": "Harbour dredging approved",
        "date": "2024-03-05",
        "source": "https://coast.example/x",
    }
    (tmp_path / "a.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
    (art,), rej = _ingest(tmp_path / "a.txt")
    assert rej == []
    # a source given as an address names the site
    assert (art.title, art.published, art.published_source, art.outlet, art.outlet_source) == (
        "Harbour dredging approved",
        "2024-03-05",
        "sidecar",
        "coast.example",
        "sidecar",
    )


def test_parquet_columns_under_other_names(tmp_path: Path) -> None:
    path = tmp_path / "dump.parquet"
    with duckdb.connect() as con:
        con.execute(
            "COPY (SELECT * FROM (VALUES (?, ?, TIMESTAMP '2024-03-05 09:30:00', ?)) "
            f"t(Headline, maintext, date_publish, publication)) TO '{path}' (FORMAT PARQUET)",
            ["Harbour dredging approved", DREDGING, "Coast Weekly"],
        )
    (art,), rej = _ingest(path)
    assert rej == []
    assert (art.title, art.text, art.published, art.outlet, art.format, art.record) == (
        "Harbour dredging approved",
        DREDGING,
        "2024-03-05T09:30",
        "Coast Weekly",
        "parquet",
        "1",
    )


def test_json_documents_named_on_the_command_line(tmp_path: Path) -> None:
    """A .json file is one document: an array of articles, a response holding them (NewsAPI's
    "articles", the New York Times' "response.docs", Elasticsearch's "hits.hits[]._source"), or a
    single article; each item is accounted for."""
    files = {
        "array.json": json.dumps(
            [{"title": "Dredging", "maintext": DREDGING}, 5, {"title": "Ferry", "text": FERRY}]
        ),
        "newsapi.json": json.dumps(
            {
                "status": "ok",
                "articles": [{"source": {"name": "Coast Weekly"}, "title": "Dredging", "content": DREDGING}],
            },
            indent=2,
        ),
        "nyt.json": json.dumps({"response": {"docs": [{"headline": "Ferry", "body": FERRY}]}}),
        "es.json": json.dumps({"hits": {"hits": [{"_source": {"title": "Ferry", "text": FERRY}}]}}),
        "single.json": json.dumps({"title": "Dredging", "text": DREDGING}, indent=2),
        "config.json": json.dumps({"name": "settings", "debug": True}, indent=2),
    }
    got = {}
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
        arts, rej = _ingest(tmp_path / name)
        got[name] = (
            [(a.record, a.title, a.outlet, a.format) for a in arts],
            [r.reason.split(" (")[0] for r in rej],
        )
    assert got == {
        "array.json": (
            [("1", "Dredging", None, "json"), ("3", "Ferry", None, "json")],
            ["item is a JSON number, not an object with a 'text' or 'html' field"],
        ),
        "newsapi.json": ([("1", "Dredging", "Coast Weekly", "json")], []),
        "nyt.json": ([("1", "Ferry", None, "json")], []),
        "es.json": ([("1", "Ferry", None, "json")], []),
        "single.json": ([(None, "Dredging", None, "json")], []),
        "config.json": ([], ["JSON document has neither a 'text' nor an 'html' field"]),
    }
