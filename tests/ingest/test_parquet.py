"""Parquet input: one article per row, read like a JSON-lines record; every row is accounted for
and a file that is not Parquet, or is cut short, is one clear rejection."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import duckdb
import pytest

from storyline.ingest import ingest, parquet
from storyline.ingest.readers import discover
from storyline.model import Article, Rejected
from storyline.settings import Settings

HARBOUR = (
    "The harbour board voted on Tuesday to dredge the eastern channel before the autumn shipping "
    "season.\n\nBoard members said the work would take six weeks and cost less than first planned."
)
LIBRARY_HTML = (
    "<html><body><article><h1>Library extension opens</h1><p>The new wing of the town library opened "
    "to readers on Saturday after two years of building work.</p><p>Librarians said the reading room "
    "would stay open until nine in the evening from next month.</p></article></body></html>"
)
LIBRARY = (
    "The new wing of the town library opened to readers on Saturday after two years of building work.\n\n"
    "Librarians said the reading room would stay open until nine in the evening from next month."
)
ORCHARD = (
    "Growers in the valley began picking apples on Monday, a week earlier than usual after a warm "
    "summer.\n\nThe cooperative said the crop was large but the fruit smaller than last year."
)
FERRY = (
    "The island ferry will run a second evening crossing from June, the county transport office said "
    "on Thursday.\n\nThe extra sailing leaves the mainland pier at half past eight."
)


def _q(s: str) -> str:
    """A SQL string literal."""
    return "'" + s.replace("'", "''") + "'"


#: Mixed-case column names, a DATE, a list of authors, a row with no text, an HTML row.
ROWS = f"""
SELECT * FROM (VALUES
  ('Harbour dredging approved', {_q(HARBOUR)}, NULL, DATE '2024-03-05', ['Mia Holt', 'Jon Berg'],
   'Coast Weekly', 'https://coast.example/dredging'),
  ('Blank row', NULL, '', NULL, NULL, NULL, NULL),
  ('Library extension opens', NULL, {_q(LIBRARY_HTML)}, NULL, NULL, NULL, NULL),
  ('Apple harvest starts early', {_q(ORCHARD)}, NULL, NULL, NULL, NULL, NULL)
) t(Title, TEXT, Html, Published, Authors, OUTLET, Url)
"""


def _write(path: Path, select: str) -> Path:
    """COPY a query's rows to a Parquet file (the way any Parquet shard would be written)."""
    with duckdb.connect() as con:
        con.execute(f"COPY ({select}) TO {_q(str(path))} (FORMAT parquet)")
    return path


def _read(*paths: Path, **kw: object) -> tuple[list[Article], list[Rejected]]:
    r = ingest([str(p) for p in paths], Settings(**kw))  # type: ignore[arg-type]
    return r.articles, r.rejected


def test_rows_read_like_jsonl_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parquet, "PAGE_ROWS", 3)  # rows numbered on across fetched pages
    p = _write(tmp_path / "shard.parquet", ROWS)
    arts, rej = _read(p)
    assert [
        (
            a.record,
            a.format,
            a.source,
            a.title,
            a.text,
            a.published,
            a.published_source,
            a.authors,
            a.outlet,
            a.url,
        )
        for a in arts
    ] == [
        (
            "1",
            "parquet",
            str(p),
            "Harbour dredging approved",
            HARBOUR,
            "2024-03-05",
            "parquet",
            ("Mia Holt", "Jon Berg"),
            "Coast Weekly",
            "https://coast.example/dredging",
        ),
        ("3", "parquet", str(p), "Library extension opens", LIBRARY, None, None, (), None, None),
        ("4", "parquet", str(p), "Apple harvest starts early", ORCHARD, None, None, (), None, None),
    ]
    assert [(r.source, r.reason) for r in rej] == [
        (f"{p}#2", "Parquet row has neither a 'text' nor an 'html' value")
    ]


def test_timestamp_published_becomes_iso_minute_in_utc(tmp_path: Path) -> None:
    p = _write(
        tmp_path / "t.parquet",
        f"SELECT {_q(FERRY)} AS text, TIMESTAMPTZ '2024-04-06 09:30:00+02' AS published "
        f"UNION ALL SELECT {_q(ORCHARD)}, TIMESTAMPTZ '2024-09-02 23:15:00+00'",
    )
    arts, rej = _read(p)
    assert [(a.record, a.published, a.published_precision, a.published_source) for a in arts] == [
        ("1", "2024-04-06T07:30", "minute", "parquet"),
        ("2", "2024-09-02T23:15", "minute", "parquet"),
    ]
    assert rej == []


def test_jsonl_and_parquet_give_the_same_article(tmp_path: Path) -> None:
    record = {
        "title": "Ferry adds a crossing",
        "text": FERRY,
        "published": "2024-05-02",
        "outlet": "Isle Post",
    }
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    p = _write(
        tmp_path / "one.parquet",
        f"SELECT 'Ferry adds a crossing' AS title, {_q(FERRY)} AS text, "
        "DATE '2024-05-02' AS published, 'Isle Post' AS outlet",
    )
    (j,), _ = _read(tmp_path / "a" / "one.jsonl")
    (q,), _ = _read(p)
    fields = ("id", "title", "text", "published", "published_precision", "outlet", "authors", "record")
    assert [getattr(q, f) for f in fields] == [getattr(j, f) for f in fields]
    assert (j.published_source, q.published_source, j.format, q.format) == (
        "jsonl",
        "parquet",
        "jsonl",
        "parquet",
    )


def test_text_column_of_another_type_or_bytes(tmp_path: Path) -> None:
    p = _write(tmp_path / "n.parquet", "SELECT 42 AS text")
    b = _write(tmp_path / "b.parquet", f"SELECT {_q(FERRY)}::BLOB AS text")
    arts, rej = _read(p, b)
    assert [(a.source, a.record, a.text) for a in arts] == [(str(b), "1", FERRY)]
    assert [(r.source, r.reason) for r in rej] == [(f"{p}#1", "'text' is INTEGER, not text")]


def test_file_without_a_text_column_is_one_rejection(tmp_path: Path) -> None:
    p = _write(tmp_path / "events.parquet", "SELECT range AS id, 'x' AS kind FROM range(3)")
    assert _read(p) == (
        [],
        [
            Rejected(
                str(p),
                "Parquet file has no 'text' or 'html' column (its columns: id, kind); "
                "none of its 3 rows read",
            )
        ],
    )


def test_empty_table_and_empty_file(tmp_path: Path) -> None:
    p = _write(tmp_path / "none.parquet", "SELECT 'x' AS text WHERE false")
    (tmp_path / "zero.parquet").write_bytes(b"")
    _, rej = _read(p, tmp_path / "zero.parquet")
    assert [(r.source, r.reason) for r in rej] == [
        (str(p), "Parquet file holds no rows"),
        (str(tmp_path / "zero.parquet"), "file is empty"),
    ]


def test_not_parquet_and_truncated_are_one_line_each(tmp_path: Path) -> None:
    fake = tmp_path / "fake.parquet"
    fake.write_text('{"text": "a JSON line under the wrong name"}\n', encoding="utf-8")
    good = _write(tmp_path / "good.parquet", ROWS)
    cut = tmp_path / "cut.parquet"
    cut.write_bytes(good.read_bytes()[:200])
    _, rej = _read(fake, cut)
    assert [(r.source, r.reason) for r in rej] == [
        (str(fake), "named .parquet but is not a Parquet file (it does not start with PAR1)"),
        (str(cut), "Parquet file is corrupt or truncated: No magic bytes found at end of file"),
    ]


def test_damaged_data_page_is_one_line(tmp_path: Path) -> None:
    p = _write(tmp_path / "d.parquet", f"SELECT {_q(FERRY)} || range AS text FROM range(50)")
    with duckdb.connect() as con:
        got = con.execute("SELECT data_page_offset, total_compressed_size FROM parquet_metadata(?)", [str(p)])
        start, size = got.fetchall()[0]
    data = bytearray(p.read_bytes())
    data[start : start + size] = bytes(size)  # the footer still reads; the rows do not
    p.write_bytes(bytes(data))
    assert _read(p) == (
        [],
        [
            Rejected(
                str(p),
                "Parquet file is corrupt in its data: TProtocolException: Invalid data; "
                "none of its 50 rows read",
            )
        ],
    )


def test_sniffed_without_the_name_and_gzipped(tmp_path: Path) -> None:
    good = _write(tmp_path / "good.parquet", ROWS)
    bare = tmp_path / "shard-0001"
    bare.write_bytes(good.read_bytes())
    gz = tmp_path / "shard.parquet.gz"
    gz.write_bytes(gzip.compress(good.read_bytes()))
    for p in (bare, gz):
        arts, rej = _read(p)
        assert [(a.source, a.record, a.title) for a in arts] == [
            (str(p), "1", "Harbour dredging approved"),
            (str(p), "3", "Library extension opens"),
            (str(p), "4", "Apple harvest starts early"),
        ]
        assert [r.source for r in rej] == [f"{p}#2"]


def test_glob_characters_in_the_name_read_only_that_file(tmp_path: Path) -> None:
    _write(tmp_path / "a1.parquet", f"SELECT {_q(FERRY)} AS text")
    odd = _write(tmp_path / "a[1].parquet", f"SELECT {_q(ORCHARD)} AS text")
    arts, rej = _read(tmp_path / "a[1].parquet")
    assert [(a.source, a.text) for a in arts] == [(str(odd), ORCHARD)] and rej == []


def test_text_over_the_cap_stops_the_file_with_a_reason(tmp_path: Path) -> None:
    """A few kilobytes of Parquet can hold far more text (repeats compress to nothing)."""
    texts = [HARBOUR, ORCHARD, FERRY]
    p = _write(
        tmp_path / "big.parquet",
        " UNION ALL ".join(
            f"SELECT {i} AS n, repeat({_q(t + chr(10) + chr(10))}, 40) AS text" for i, t in enumerate(texts)
        ),
    )
    cap = 40 * (len(HARBOUR) + len(ORCHARD) + 4) + 10
    assert p.stat().st_size < cap
    arts, rej = _read(p, max_bytes=cap)
    assert [a.record for a in arts] == ["1", "2"]
    assert [(r.source, r.reason) for r in rej] == [
        (str(p), f"Parquet text passes the {cap:,}-byte cap at row 3: rows 3-3 not read (split the file)")
    ]


def test_folder_accounts_for_every_row(tmp_path: Path) -> None:
    _write(tmp_path / "a.parquet", ROWS)
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"text": FERRY, "title": "Ferry adds a crossing"})
        + "\n"
        + json.dumps({"text": HARBOUR, "title": "Harbour dredging approved (copy)"})
        + "\n",
        encoding="utf-8",
    )
    (tmp_path / "c.parquet").write_bytes(b"PAR1 but nothing after")
    files, skipped = discover([str(tmp_path)])
    assert ([f.name for f in files], skipped) == (["a.parquet", "b.jsonl", "c.parquet"], [])
    arts, rej = _read(tmp_path)
    a, b, c = (str(tmp_path / n) for n in ("a.parquet", "b.jsonl", "c.parquet"))
    assert [(x.source, x.record, x.duplicate_of is not None) for x in arts] == [
        (a, "1", False),
        (a, "3", False),
        (a, "4", False),
        (b, "1", False),
        (b, "2", True),
    ]
    assert [(r.source, r.reason) for r in rej] == [
        (f"{a}#2", "Parquet row has neither a 'text' nor an 'html' value"),
        (c, "Parquet file is corrupt or truncated: No magic bytes found at end of file"),
    ]


def test_run_end_to_end(tmp_path: Path) -> None:
    """Three rows through the whole local engine: each story's article points back to its row."""
    from storyline.engine.local import run

    src = _write(
        tmp_path / "in.parquet",
        f"SELECT * FROM (VALUES ('Harbour dredging approved', {_q(HARBOUR)}), "
        f"('Apple harvest starts early', {_q(ORCHARD)}), ('Ferry adds a crossing', {_q(FERRY)})) "
        "t(title, text)",
    )
    settings = Settings(
        db=tmp_path / "s.duckdb", out=tmp_path / "out", report=False, workers=1, published="2024-05-02"
    )
    got = run([str(src)], settings)
    assert (got.files, got.articles, got.analysed, got.rejected) == (1, 3, 3, [])
    written = [json.loads(p.read_text(encoding="utf-8")) for p in got.outputs if p.name == "story.json"]
    assert sorted(
        (a["record"], a["title"], a["source"], a["format"]) for s in written for a in s["articles"]
    ) == [
        ("1", "Harbour dredging approved", str(src), "parquet"),
        ("2", "Apple harvest starts early", str(src), "parquet"),
        ("3", "Ferry adds a crossing", str(src), "parquet"),
    ]
