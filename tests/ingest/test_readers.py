"""Every format reads; every kind of bad input is rejected with the file and a reason."""

from __future__ import annotations

import gzip
import io
import shutil
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.ingest import ingest
from storyline.settings import Settings

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
PARA = (
    "The water board said on Monday that the reservoir above the valley was full for the first time in "
    "three years, after weeks of heavy rain across the hills.\n\nOfficials said the spillway was working "
    "as designed and that no homes downstream were at risk."
)


def _one(path: Path, **kw: object) -> tuple[list[object], list[object]]:
    r = ingest([str(path)], Settings(**kw))  # type: ignore[arg-type]
    return list(r.articles), list(r.rejected)


def test_text_sidecar_metadata() -> None:
    (a,), _ = _one(FIX / "lakeside_bridge.txt")
    assert (a.outlet, a.url, a.published, a.published_precision, a.published_source) == (
        "Lakeside Courier",
        "https://lakeside-courier.example/transport/mill-street-bridge",
        "2024-05-14T09:15",
        "minute",
        "dateline",
    )


def test_html_body_and_metadata() -> None:
    (a,), _ = _one(FIX / "article.html")
    assert (a.title, a.outlet, a.authors, a.published, a.published_source) == (
        "Museum reopens after roof repairs",
        "Valley Gazette",
        ("Rosa Lindqvist",),
        "2024-03-02T11:20",
        "html-meta",
    )
    assert a.text.startswith("The town museum reopened on Saturday") and "©" not in a.text


def test_feed_entries() -> None:
    arts, rej = _one(FIX / "feed.xml")
    assert [(a.title, a.authors, a.published, a.url) for a in arts] == [
        (
            "Ice road opens a week early",
            ("Aino Virta",),
            "2024-01-09T07:30",
            "https://northernledger.example/ice-road",
        )
    ]
    assert [r.reason for r in rej] == ["feed entry has no content or summary"]


def test_jsonl_lines() -> None:
    arts, rej = _one(FIX / "articles.jsonl")
    assert [(a.record, a.title, a.published_source) for a in arts] == [
        ("1", "Harbour board approves dredging plan", "jsonl"),
        ("4", "Cycle lane opens", None),
    ]
    assert [r.source.rsplit(":", 1)[1] for r in rej] == ["2", "3"]


def test_gzip_of_text(tmp_path: Path) -> None:
    p = tmp_path / "story.txt.gz"
    p.write_bytes(gzip.compress(PARA.encode()))
    (a,), _ = _one(p)
    assert a.text == PARA


def test_folder_and_glob_find_the_same_files() -> None:
    by_folder = ingest([str(FIX)], Settings())
    by_glob = ingest([str(FIX / "*.txt")], Settings())
    inputs = [f for f in FIX.rglob("*") if f.is_file() and not f.name.endswith(".meta.json")]
    assert by_folder.files == len(inputs) and by_glob.files == 5


def _warc(records: list[tuple[str, str, bytes]]) -> bytes:
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    for uri, ctype, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))
    return buf.getvalue()


def _page(body: str) -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    head = "<html><head><title>Reservoir full</title></head>"
    return f"{head}<body><article>{paras}</article></body></html>".encode()


def test_warc_one_article_per_html_response(tmp_path: Path) -> None:
    p = tmp_path / "crawl.warc.gz"
    p.write_bytes(
        _warc(
            [
                ("https://a.example/r", "text/html", _page(PARA)),
                ("https://a.example/x.png", "image/png", b"\x89PNG"),
            ]
        )
    )
    arts, rej = _one(p)
    assert [(a.url, a.record) for a in arts] == [("https://a.example/r", "1")]
    assert [r.reason for r in rej] == ["WARC record for https://a.example/x.png is image/png, not HTML"]


def test_truncated_warc_keeps_complete_records(tmp_path: Path) -> None:
    whole = _warc(
        [("https://a.example/r", "text/html", _page(PARA)), ("https://a.example/s", "text/html", _page(PARA))]
    )
    p = tmp_path / "cut.warc.gz"
    p.write_bytes(whole[: len(whole) * 3 // 4])
    arts, rej = _one(p)
    assert len(arts) == 1
    assert rej and rej[0].reason.startswith("truncated gzip")


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("blob.txt", bytes(range(256)) * 3, "looks binary (NUL bytes), not text"),
        ("empty.txt", b"  \n\n ", "file is empty"),
        (
            "cut.txt.gz",
            gzip.compress(PARA.encode() * 50)[:60],
            "truncated gzip: the compressed stream ends early",
        ),
        ("huge.txt", b"word " * 300, "file is 1,500 bytes, over the 1,000-byte cap"),
    ],
)
def test_bad_input_is_rejected_with_reason(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    arts, rej = _one(p, max_bytes=1000)
    assert arts == [] and [(r.source, r.reason) for r in rej] == [(str(p), reason)]


def test_html_without_body_is_rejected() -> None:
    _, rej = _one(FIX / "empty_page.html")
    assert [r.reason for r in rej] == ["HTML page has no article body"] or [r.reason for r in rej] == [
        "HTML page has no article body left after cleaning"
    ]


def test_mis_encoded_text_is_decoded() -> None:
    """cp1252 bytes (curly quotes, accents) are not UTF-8; the detected encoding reads them."""
    raw = (
        "The café on the square reopened on Tuesday after a two-year renovation, its owner said. "
        "\u201cWe are glad to be back,\u201d said René Dubois, who has run it since 1998.\n\n"
        "Regulars queued outside before the doors opened at seven in the morning."
    )
    (a,), _ = _bytes_one(raw.encode("cp1252"))
    assert a.text.startswith("The café on the square") and "\u201cWe are glad" in a.text


def _bytes_one(data: bytes) -> tuple[list[object], list[object]]:
    import tempfile

    d = Path(tempfile.mkdtemp())
    try:
        (d / "fr.txt").write_bytes(data)
        return _one(d / "fr.txt")
    finally:
        shutil.rmtree(d)


def test_missing_path_is_reported() -> None:
    _, rej = _one(FIX / "nope.txt")
    assert [r.reason for r in rej] == ["no such file or folder"]


def test_no_date_is_stated_not_guessed() -> None:
    (a,), _ = _one(FIX / "harbor_ferry.txt")
    assert (a.published, a.published_source) == (None, None)


def test_cli_date_is_the_fallback() -> None:
    (a,), _ = _one(FIX / "harbor_ferry.txt", published="2024-04-01")
    assert (a.published, a.published_source) == ("2024-04-01", "cli")


def test_every_file_met_while_walking_is_read_or_named(tmp_path: Path) -> None:
    """A folder walk passes over nothing silently: what is not read is reported with why."""
    (tmp_path / "a.txt").write_text(PARA, encoding="utf-8")
    (tmp_path / "noise.gz").write_bytes(b"\x1f\x8b" + bytes(range(40)))
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / ".draft.txt").write_text(PARA, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(PARA, encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "orphan.meta.json").write_text("{}", encoding="utf-8")
    r = ingest([str(tmp_path)], Settings())
    assert [Path(a.source).name for a in r.articles] == ["a.txt"]
    assert sorted((Path(x.source).name, x.reason) for x in r.rejected) == [
        (".draft.txt", "hidden file not read (name it to read it)"),
        (".git", "hidden folder not searched (name it to read it)"),
        ("gone.txt", "link that leads nowhere (broken or looping)"),
        ("noise.gz", "corrupt gzip: Error -3 while decompressing data: unknown compression method"),
        ("orphan.meta.json", "sidecar metadata with no article file beside it"),
        (
            "photo.png",
            "not read: .png is not an input format (txt, html, warc, rss, atom, xml, jsonl, parquet, or any "
            "of them gzipped); name the file to have its content sniffed",
        ),
    ]


def test_binary_that_decodes_as_utf16_is_still_binary(tmp_path: Path) -> None:
    p = tmp_path / "blob.txt"
    p.write_bytes(b"\x00\x01\x02\xff" * 100)  # reads as "Ā＂Ā＂…" in UTF-16: no text
    arts, rej = _one(p)
    assert arts == [] and [r.reason for r in rej] == ["looks binary: no text encoding reads it as text"]


def test_latin1_file_reads_right_and_says_how(tmp_path: Path) -> None:
    p = tmp_path / "es.txt"
    text = "La señal llegó a las cinco de la mañana, según el ministro de Defensa, y nadie resultó herido."
    p.write_bytes((text + "\n\n" + text.replace("cinco", "seis") + "\n").encode("latin-1"))
    (a,), _ = _one(p)
    assert ("señal" in a.text, a.encoding_note) == (True, "read as Windows-1252 (detected)")
