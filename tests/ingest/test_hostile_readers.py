"""Readers against the nastiest inputs: entity attacks, bombs, broken encodings and types."""

from __future__ import annotations

import gzip
import json
import socket
import threading
from pathlib import Path

import pytest

from storyline.errors import InputError
from storyline.ingest import MAX_ARTICLE_CHARS, article_from_raw, ingest
from storyline.ingest.formats import read_feed, read_jsonl, read_warc
from storyline.ingest.metadata import merge_meta, parse_date
from storyline.ingest.readers import RawDoc, decode, display_name, read_bytes, read_path
from storyline.model import Rejected
from storyline.settings import Settings
from storyline.store import Store

SECRET = "XXE-SECRET-unit"
PROSE = "The council said on Monday that talks would resume next week after a long pause."


def _xxe_feed(target: str) -> str:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{target}">]>\n'
        '<rss version="2.0"><channel><title>X</title><item><title>Leak</title>'
        "<description>Talks resume. &xxe; The end.</description></item></channel></rss>"
    )


def test_xxe_file_entity_is_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.dat"
    secret.write_text(SECRET, encoding="utf-8")
    docs = list(read_feed("x.rss", _xxe_feed(secret.as_uri())))
    assert [SECRET in getattr(d, "text", "") for d in docs] == [False]


def test_xxe_http_entity_is_not_fetched() -> None:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(4)
    server.settimeout(5)
    hits: list[int] = []

    def serve() -> None:
        try:
            conn, _ = server.accept()
        except OSError:
            return
        hits.append(1)
        conn.close()

    t = threading.Thread(target=serve, daemon=True)
    t.start()
    list(read_feed("x.rss", _xxe_feed(f"http://127.0.0.1:{server.getsockname()[1]}/x")))
    server.close()  # wakes the accept if nothing connected
    t.join(10)
    assert hits == []


def test_billion_laughs_is_not_expanded() -> None:
    lol = "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    doc = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">{lol}]>'
        '<rss version="2.0"><channel><item><description>&l9;</description></item></channel></rss>'
    )
    texts = [getattr(d, "text", "") for d in read_feed("l.rss", doc)]
    assert max(map(len, texts), default=0) < 100


def test_gzip_bomb_is_capped() -> None:
    bomb = gzip.compress(b"\0" * 2_000_000)
    with pytest.raises(InputError, match="decompresses to over the 1,000,000-byte cap"):
        list(read_bytes("bomb.txt.gz", bomb, 1_000_000))


def test_gzip_encoded_warc_record_is_capped() -> None:
    body = gzip.compress(b"<p>" + b"a" * 2_000_000)
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + body
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.test/\r\n"
        "WARC-Record-ID: <urn:uuid:1>\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    got = list(read_warc("b.warc", head + http + b"\r\n\r\n", 1_000_000))
    assert got == [Rejected("b.warc#1", "WARC record for http://x.test/ is over the 1,000,000-byte cap")]


def test_truncated_gzip_is_named() -> None:
    data = gzip.compress(PROSE.encode() * 50)
    with pytest.raises(InputError, match="truncated gzip"):
        list(read_bytes("cut.txt.gz", data[: len(data) // 2], 1_000_000))


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"text": 12345}', "'text' is a JSON number, not a string"),
        ('{"text": {"a": 1}}', "'text' is a JSON object, not a string"),
        ('{"html": ["x"]}', "'html' is a JSON array, not a string"),
        (
            '{"text": null}',
            "line has neither a 'text' nor an 'html' field (nor body, content, maintext, article, …); "
            "its fields: text",
        ),
        ("null", "line is a JSON null, not an object with a 'text' or 'html' field"),
        ('"words"', "line is a JSON string, not an object with a 'text' or 'html' field"),
    ],
)
def test_jsonl_wrong_types_are_rejected_by_line(line: str, reason: str) -> None:
    assert list(read_jsonl("f.jsonl", line)) == [Rejected("f.jsonl:1", reason)]


def test_lone_surrogate_becomes_replacement_character() -> None:
    (doc,) = read_jsonl("f.jsonl", json.dumps({"text": PROSE + " \ud800 end."}))
    assert isinstance(doc, RawDoc)
    art = article_from_raw(doc, Settings())
    assert ("\ufffd" in art.text, any(0xD800 <= ord(c) <= 0xDFFF for c in art.text)) == (True, False)


def test_lone_surrogate_article_stores_in_duckdb(tmp_path: Path) -> None:
    (doc,) = read_jsonl("f.jsonl", json.dumps({"text": PROSE + " \udc80 " + PROSE, "title": "\ud83d"}))
    assert isinstance(doc, RawDoc)
    art = article_from_raw(doc, Settings())
    with Store(tmp_path / "s.duckdb") as store:
        store.put_articles([art])
        got = store.get_article(art.id)
    assert got is not None and got.title == "\ufffd"


@pytest.mark.parametrize(
    ("sidecar", "authors", "published"),
    [
        ({"published": 12345}, (), None),
        ({"authors": "x"}, ("x",), None),
        ({"authors": {}}, (), None),
        ({"authors": {"k": "v"}, "published": True}, (), None),
        ({"authors": [None, 3, "Ana Lee"]}, ("Ana Lee",), None),
        ({"published": "9999-99-99"}, (), None),
        ({"published": "2023-06-13"}, (), "2023-06-13"),
    ],
)
def test_sidecar_wrong_types_give_no_value(
    sidecar: dict[str, object], authors: tuple[str, ...], published: str | None
) -> None:
    m = merge_meta(sidecar, PROSE, None)
    assert (m.authors, m.published) == (authors, published)


@pytest.mark.parametrize("title", [7, ["x"], {"a": 1}])
def test_sidecar_non_string_title_is_dropped(title: object) -> None:
    assert merge_meta({"title": title}, PROSE, None).title is None


def test_invalid_iso_date_does_not_recurse() -> None:
    assert parse_date("9999-99-99") is None


def test_broken_sidecar_is_reported_and_article_still_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PROSE + "\n", encoding="utf-8")
    (tmp_path / "a.txt.meta.json").write_text("{not json", encoding="utf-8")
    got = read_path(tmp_path / "a.txt", 10_000)
    assert [type(g).__name__ for g in got] == ["Rejected", "RawDoc"]
    assert got[0].source == str(tmp_path / "a.txt.meta.json")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16"])
def test_utf16_with_or_without_bom_decodes(encoding: str) -> None:
    assert decode("u.txt", PROSE.encode(encoding)) == PROSE


def test_stray_nul_in_text_is_dropped() -> None:
    assert decode("n.txt", (PROSE[:10] + "\0" + PROSE[10:]).encode()) == PROSE


def test_binary_is_refused() -> None:
    with pytest.raises(InputError, match="looks binary"):
        decode("b.txt", bytes(range(256)) * 3)


def test_whitespace_only_file_is_named() -> None:
    with pytest.raises(InputError, match="file holds only whitespace"):
        list(read_bytes("w.txt", "\u00a0\u3000 \n".encode(), 1000))


def test_cp1252_quotes_are_not_read_as_mac_roman() -> None:
    assert decode("c.txt", "The council said \u201cno\u201d \u2014 again.".encode("cp1252")) == (
        "The council said \u201cno\u201d \u2014 again."
    )


def test_article_over_the_length_cap_is_rejected() -> None:
    doc = RawDoc(
        source="long.txt", text=("word " * (MAX_ARTICLE_CHARS // 5 + 10)).strip() + ".", format="text"
    )
    with pytest.raises(InputError, match="over the 200,000 one article can have"):
        article_from_raw(doc, Settings())


def test_each_empty_feed_entry_is_accounted_for_by_number() -> None:
    doc = '<rss version="2.0"><channel>' + "<item><title>t</title></item>" * 3 + "</channel></rss>"
    got = list(read_feed("e.rss", doc))
    assert got == [Rejected(f"e.rss#{i}", "feed entry has no content or summary") for i in (1, 2, 3)]


def test_a_feed_of_many_empty_entries_names_the_rest_by_number() -> None:
    doc = '<rss version="2.0"><channel>' + "<item><title>t</title></item>" * 40 + "</channel></rss>"
    got = list(read_feed("e.rss", doc))
    assert [r.source for r in got] == [f"e.rss#{i}" for i in range(1, 6)] + ["e.rss"]
    rest = "35 more feed entries have no content or summary: #6-40 (40 of 40 in all)"
    assert got[-1] == Rejected("e.rss", rest)


def test_plain_text_feed_content_keeps_its_characters() -> None:
    doc = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="text">'
        "a &amp;lt;b&amp;gt; &amp;amp; c</content></entry></feed>"
    )
    (d,) = read_feed("t.atom", doc)
    assert isinstance(d, RawDoc) and d.text == "a &lt;b&gt; &amp; c"


def test_exact_copies_keep_their_own_sources(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(f"{PROSE}\n\n{PROSE} Again.\n", encoding="utf-8")
    arts = ingest([str(tmp_path)], Settings()).articles
    assert len({a.id for a in arts}) == 2
    assert [a.duplicate_of for a in arts] == [None, arts[0].id]


def test_undecodable_file_name_is_printable(tmp_path: Path) -> None:
    name = display_name(Path("a\udcff.txt"))
    assert (name, name.encode("utf-8")) == ("a\\xff.txt", b"a\\xff.txt")


def test_unforeseen_reader_failure_costs_one_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import storyline.ingest as ingest_mod

    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(f"{name} {PROSE}\n\n{PROSE}\n", encoding="utf-8")
    real = read_path

    def flaky(path: Path, max_bytes: int) -> list[RawDoc | Rejected]:
        if path.name == "a.txt":
            raise RuntimeError("boom")
        return real(path, max_bytes)

    monkeypatch.setattr(ingest_mod, "read_path", flaky)
    r = ingest([str(tmp_path)], Settings())
    assert [Path(a.source).name for a in r.articles] == ["b.txt"]
    assert r.rejected == [
        Rejected(
            str(tmp_path / "a.txt"), "could not be read (RuntimeError: boom); please report this as a bug"
        )
    ]
