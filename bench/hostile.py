"""Hostile-input generator: N seeded, deterministic nasty files (plus a few good articles).

Scraped input is hostile; the pipeline must report every file it cannot use (naming it, with a
reason) and process the rest. Each generated file carries an expectation:

- ``reject``: must be reported in ``rejected`` (a reason naming the file);
- ``accept``: a good article that must end up in a story;
- ``either``: may become an article or be reported, but must not crash or vanish;
- ``ignore``: not a regular input file (symlink loops, folders named like files); may be skipped.

Usage: python bench/hostile.py DEST [N] [SEED]   (writes DEST/manifest.json beside the files)
"""

from __future__ import annotations

import gzip
import json
import os
import random
import re
import sys
import zlib
from collections.abc import Callable, Collection
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

__all__ = ["Entry", "Audit", "generate", "audit", "good_articles", "XSS_MARKER", "SECRET_MARKER", "gzip_bomb"]

#: Planted in a good article's text; the report must show it escaped, never as a live tag.
XSS_MARKER = '<script>alert("x1")</script>'
#: Content of a local file that XXE feeds point at; it must never appear in any output.
SECRET_MARKER = "XXE-SECRET-7f3a"
#: The reader's default cap (Settings.max_bytes); giant files and bombs go just past it.
DEFAULT_CAP = 20_000_000

# Sentences for the good articles: one invented story told by four outlets, so they fuse into one.
_GOOD = [
    (
        "The Harbour Ledger",
        "Ferry bridge at Calloway closes after crack found",
        [
            "Engineers closed the Calloway ferry bridge on Tuesday after inspectors found a crack "
            "in its main support, the town council said.",
            '"We will not reopen it until it is safe," said Mayor Ines Marlow.',
            "About 4,000 commuters use the bridge each day.",
        ],
    ),
    (
        "Calloway Evening Post",
        "Calloway bridge shut for repairs, mayor says",
        [
            "The Calloway ferry bridge was shut on Tuesday when a crack appeared in a support beam.",
            "Mayor Ines Marlow told reporters that repairs would take at least three weeks.",
            "Commuters were told to use the northern road instead.",
        ],
    ),
    (
        "Riverside Daily News",
        "Crack closes Calloway ferry bridge",
        [
            "Inspectors found a crack in the Calloway ferry bridge on Tuesday and the council "
            "closed it to traffic.",
            "Mayor Ines Marlow said the council had asked the regional government for repair money.",
            f"Protesters later painted the slogan {XSS_MARKER} on a barrier near the bridge.",
        ],
    ),
]


@dataclass
class Entry:
    """One generated input and what the pipeline must do with it."""

    path: str  # relative to the destination folder
    kind: str
    expect: str  # reject | accept | either | ignore
    #: the exact text a valid file holds (before any encoding): every line the pipeline keeps
    #: must be one of its lines, character for character
    text: str | None = None


def good_articles() -> list[tuple[str, str]]:
    """(file name, text) of the good articles; the last one carries ``XSS_MARKER``."""
    out = []
    for i, (outlet, title, paras) in enumerate(_GOOD):
        text = "\n\n".join([title, f"By Staff Writer | {outlet}", "June 13, 2023", *paras])
        out.append((f"good_{i}.txt", text + "\n"))
    return out


_WORDS = ["the", "council", "said", "on", "monday", "that", "talks", "would", "resume", "after", "a"]
_WORDS += ["long", "pause", "in", "the", "city"]


def _prose(rng: random.Random, sentences: int = 3) -> str:
    out = []
    for _ in range(sentences):
        words = [rng.choice(_WORDS) for _ in range(rng.randint(6, 12))]
        out.append(" ".join(words).capitalize() + ".")
    return " ".join(out)


_BOMB: dict[int, bytes] = {}


def gzip_bomb(decompressed: int = DEFAULT_CAP + 1_000_000) -> bytes:
    """A small gzip whose content is ``decompressed`` zero bytes (about 1/1000 the size)."""
    if decompressed not in _BOMB:
        c = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        chunk = b"\0" * 1_000_000
        parts = [c.compress(chunk) for _ in range(decompressed // len(chunk))]
        parts.append(c.compress(b"\0" * (decompressed % len(chunk))))
        parts.append(c.flush())
        _BOMB[decompressed] = b"".join(parts)
    return _BOMB[decompressed]


def _warc_record(rtype: str, uri: str, payload: bytes, ctype: str) -> bytes:
    http = b""
    if rtype == "response":
        http = f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {len(payload)}\r\n\r\n".encode()
    block = http + payload
    head = (
        f"WARC/1.0\r\nWARC-Type: {rtype}\r\nWARC-Target-URI: {uri}\r\n"
        f"WARC-Record-ID: <urn:uuid:{abs(hash((uri, rtype))) % 10**12:012d}>\r\n"
        f"WARC-Date: 2023-06-13T00:00:00Z\r\n"
        f"Content-Type: {'application/http; msgtype=response' if rtype == 'response' else ctype}\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    ).encode()
    return head + block + b"\r\n\r\n"


# --------------------------------------------------------------------------- the kinds
# Each maker writes its file(s) and returns (relative path, expect) or, for a valid article whose
# text must read back exactly, (relative path, expect, text).
Maker = Callable[[random.Random, Path, str], tuple[str, ...]]


def _write(path: Path, data: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)


def k_binary(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    _write(d / f"{stem}.txt", rng.randbytes(rng.randint(200, 5000)))
    return f"{stem}.txt", "reject"


def k_png_as_html(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    _write(d / f"{stem}.html", b"\x89PNG\r\n\x1a\n" + rng.randbytes(2000))
    return f"{stem}.html", "reject"


def k_empty(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    _write(d / f"{stem}.txt", b"")
    return f"{stem}.txt", "reject"


def k_whitespace(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    _write(d / f"{stem}.txt", "".join(rng.choice(" \t\r\n\u00a0\u2003\u3000") for _ in range(300)))
    return f"{stem}.txt", "reject"


def k_nul_text(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    text = _prose(rng, 8)
    pos = rng.randrange(len(text))
    _write(d / f"{stem}.txt", (text[:pos] + "\0" + text[pos:]).encode())
    return f"{stem}.txt", "either"


def k_bad_utf8(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    raw = bytearray(_prose(rng, 8).encode())
    for _ in range(5):
        raw.insert(rng.randrange(len(raw)), rng.choice([0xC3, 0xFF, 0xFE, 0x80, 0xED]))
    _write(d / f"{stem}.txt", bytes(raw))
    return f"{stem}.txt", "either"


def k_utf16(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    enc = rng.choice(["utf-16", "utf-16-le", "utf-16-be"])  # "utf-16" writes a BOM
    _write(d / f"{stem}.txt", ("Utf16 report\n\n" + _prose(rng, 6)).encode(enc))
    return f"{stem}.txt", "either"


#: News sentences per language (written for this corpus) and the code pages each is found in.
LEGACY: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "es": (
        (
            "La señal de alarma sonó a las cinco de la mañana en el puerto de Cádiz.",
            "El alcalde pidió calma y anunció que los niños no irán a clase el miércoles.",
            "Según la Guardia Civil, nadie resultó herido durante la evacuación.",
        ),
        ("latin-1", "cp1252"),
    ),
    "fr": (
        (
            "Le conseil municipal a déclaré que les négociations reprendront à Genève.",
            "Les élèves ont été accueillis au gymnase, où ils ont passé la nuit.",
            "Le préfet a annoncé une enquête sur les dégâts causés par la crue.",
        ),
        ("latin-1", "cp1252"),
    ),
    "de": (
        (
            "Der Bürgermeister ließ die Brücke über die Mühlstraße für drei Wochen sperren.",
            "Nach Angaben der Feuerwehr wurden fünf Häuser geräumt.",
            "Die Behörden prüfen, ob die Schäden größer sind als zunächst gemeldet.",
        ),
        ("latin-1", "cp1252"),
    ),
    "en": (
        (
            "The council said \u201cnothing\u201d would change \u2014 talks resume on Monday.",
            "Repairs will cost \u20ac4m, the mayor\u2019s office said\u2026",
        ),
        ("cp1252",),
    ),
    "pl": (
        (
            "Rząd ogłosił, że rozmowy z górnikami zostaną wznowione w przyszłym tygodniu.",
            "Według straży pożarnej nikt nie został ranny, ale droga jest zamknięta.",
            "Mieszkańcy Łodzi świętowali na ulicach do późnej nocy.",
        ),
        ("iso8859-2", "cp1250"),
    ),
    "cs": (
        (
            "Vláda oznámila, že jednání s odboráři budou pokračovat příští týden.",
            "Podle hasičů nebyl nikdo zraněn, silnice však zůstane uzavřena.",
        ),
        ("iso8859-2", "cp1250"),
    ),
    "ru": (
        (
            "Правительство заявило, что переговоры с шахтёрами продолжатся на следующей неделе.",
            "По словам пожарных, никто не пострадал, но дорога перекрыта.",
            "Жители города праздновали на улицах до поздней ночи.",
        ),
        ("koi8-r", "cp1251", "iso8859-5", "cp866"),
    ),
    "uk": (
        (
            "Уряд оголосив, що переговори з шахтарями продовжаться наступного тижня.",
            "За словами рятувальників, ніхто не постраждав, але дорогу перекрито.",
        ),
        ("koi8-u", "cp1251"),
    ),
    "el": (
        (
            "Η κυβέρνηση ανακοίνωσε ότι οι συνομιλίες θα συνεχιστούν την επόμενη εβδομάδα.",
            "Σύμφωνα με την πυροσβεστική, κανείς δεν τραυματίστηκε.",
        ),
        ("iso8859-7", "cp1253"),
    ),
    "tr": (
        (
            "Hükümet, madencilerle görüşmelerin gelecek hafta süreceğini açıkladı.",
            "İtfaiyeye göre kimse yaralanmadı, ancak yol trafiğe kapatıldı.",
        ),
        ("cp1254",),
    ),
    "ja": (
        (
            "政府は、炭鉱労働者との協議を来週再開すると発表した。",
            "消防によると、けが人はいないが、道路は通行止めになっている。",
        ),
        ("shift_jis", "euc_jp", "iso2022_jp"),
    ),
    "zh": (
        (
            "政府宣布，与矿工的谈判将于下周继续。",
            "据消防部门说，没有人受伤，但道路已经封闭。",
        ),
        ("gb18030", "gb2312"),
    ),
    "ko": (
        (
            "정부는 광부들과의 협상이 다음 주에 계속될 것이라고 발표했다.",
            "소방당국에 따르면 다친 사람은 없지만 도로는 통제되었다.",
        ),
        ("euc_kr",),
    ),
}
_WIDE = ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "utf-8-sig")


def _legacy_article(rng: random.Random, stem: str) -> tuple[str, str]:
    """(language, text): a headline and three to six paragraphs of one language's sentences."""
    lang = rng.choice(sorted(LEGACY))
    sentences = LEGACY[lang][0]
    paras = [
        " ".join(rng.sample(sentences, rng.randint(1, len(sentences)))) for _ in range(rng.randint(3, 6))
    ]
    return lang, "\n\n".join([f"{stem} {sentences[0][:30]}", *paras]) + "\n"


def k_legacy_encoding(rng: random.Random, d: Path, stem: str) -> tuple[str, str, str]:
    """A valid article in a legacy code page, undeclared: it must read back exactly."""
    lang, text = _legacy_article(rng, stem)
    enc = rng.choice(LEGACY[lang][1])
    _write(d / f"{stem}_{enc}.txt", text.encode(enc))
    return f"{stem}_{enc}.txt", "accept", text


def k_wide_encoding(rng: random.Random, d: Path, stem: str) -> tuple[str, str, str]:
    """A valid article in UTF-16 or UTF-32, with or without a byte-order mark."""
    _, text = _legacy_article(rng, stem)
    enc = rng.choice(_WIDE)
    _write(d / f"{stem}_{enc}.txt", text.encode(enc))
    return f"{stem}_{enc}.txt", "accept", text


def k_declared_html(rng: random.Random, d: Path, stem: str) -> tuple[str, str, str]:
    """An HTML page in a legacy code page that declares it, rightly or (half the time) wrongly."""
    lang, text = _legacy_article(rng, stem)
    enc = rng.choice(LEGACY[lang][1])
    declared = enc if rng.random() < 0.5 else rng.choice(["utf-8", "iso-8859-1", "windows-1251", "shift_jis"])
    head, *paras = text.strip().split("\n\n")
    body = "".join(f"<p>{p}</p>" for p in paras)
    html = (
        f'<!doctype html><html><head><meta charset="{declared}"><title>{head}</title></head>'
        f"<body><article><h1>{head}</h1>{body}</article></body></html>"
    )
    _write(d / f"{stem}_{enc}.html", html.encode(enc))
    return f"{stem}_{enc}.html", "accept", text


def k_gz_noise(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    """Binary noise named as gzip, with or without the gzip magic, with or without a known inner
    suffix: every one must be reported, none may vanish."""
    name = rng.choice([f"{stem}.gz", f"{stem}.txt.gz", f"{stem}.bin.gz", f"{stem}.tar.gz"])
    magic = b"\x1f\x8b" if rng.random() < 0.5 else b""
    _write(d / name, magic + rng.randbytes(rng.randint(100, 3000)))
    return name, "reject"


def k_unknown_suffix(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    """A file of a type storyline does not read, met while walking a folder: reported, not read."""
    name = rng.choice([f"{stem}.pdf", f"{stem}.png", f"{stem}.docx", f"{stem}.md", f"{stem}", f".{stem}.txt"])
    _write(d / name, rng.randbytes(300) if rng.random() < 0.5 else _prose(rng, 3))
    return name, "reject"


def k_mixed_jsonl(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    """JSON lines, some good and some broken: every record is an article or reported by line."""
    lines = []
    for i in range(rng.randint(3, 8)):
        if rng.random() < 0.5:
            _, text = _legacy_article(rng, f"{stem}-{i}")
            lines.append(
                json.dumps({"text": text, "url": f"http://example.test/{stem}/{i}"}, ensure_ascii=False)
            )
        else:
            lines.append(rng.choice(["{broken", '{"text": 5}', "[]", '{"title": "no body"}']))
    _write(d / f"{stem}.jsonl", "\n".join(lines) + "\n")
    return f"{stem}.jsonl", "either"


def k_cr_only(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    _write(d / f"{stem}.txt", "\r".join(_prose(rng, 2) for _ in range(4)) + "\r\n" + _prose(rng) + "\n")
    return f"{stem}.txt", "either"


def k_long_line(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    words = [rng.choice(_WORDS) for _ in range(1_000_000 // 5)]
    _write(d / f"{stem}.txt", " ".join(words)[:1_000_000])
    return f"{stem}.txt", "either"


def k_one_word(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    _write(d / f"{stem}.txt", "".join(rng.choice("abcdefgh") for _ in range(500_000)))
    return f"{stem}.txt", "either"


def k_giant(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    p = d / f"{stem}.txt"
    p.parent.mkdir(parents=True, exist_ok=True)
    with p.open("wb") as f:  # sparse: over the cap without writing 20 MB
        f.write(b"Giant file.\n")
        f.truncate(DEFAULT_CAP + 1 + rng.randint(0, 1000))
    return f"{stem}.txt", "reject"


def k_nested_html(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    depth = rng.choice([300, 3000, 20000])
    html = "<html><body>" + "<div>" * depth + f"<p>{_prose(rng, 5)}</p>" + "</div>" * depth + "</body></html>"
    _write(d / f"{stem}.html", html)
    return f"{stem}.html", "either"


def k_script_html(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    body = "".join(f"<p>{_prose(rng, 3)}</p>" for _ in range(4))
    html = (
        '<!doctype html><html><head><meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/x">'
        "<title>Evil &lt;script&gt;alert(2)&lt;/script&gt;</title>"
        "<style>body{background:url(javascript:alert(3))}</style>"
        '<script>fetch("http://127.0.0.1:9/steal")</script></head><body><article>'
        '<h1 onmouseover="alert(4)">Council talks</h1>'
        f'{body}<img src="x" onerror="alert(5)"><a href="javascript:alert(6)">more</a>'
        '<iframe src="http://127.0.0.1:9/frame"></iframe>'
        "<p>The sign read &lt;script&gt;alert(&quot;x1&quot;)&lt;/script&gt; in red paint.</p>"
        "</article></body></html>"
    )
    _write(d / f"{stem}.html", html)
    return f"{stem}.html", "either"


def k_html_no_body(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    _write(d / f"{stem}.html", "<!doctype html><html><head><title>Nothing here</title></head></html>")
    return f"{stem}.html", "reject"


def k_malformed_html(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    html = f"<html><body><div><p>{_prose(rng, 4)}<p><b><i>{_prose(rng, 3)}<table><tr><td>"
    html += rng.choice(["<", "</", "<!--", "<![CDATA[", "<p class='", "&#x", "&#99999999;"])
    _write(d / f"{stem}.html", html)
    return f"{stem}.html", "either"


def k_truncated_gz(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    data = gzip.compress((_prose(rng, 40) * 5).encode())
    _write(d / f"{stem}.txt.gz", data[: len(data) // 2])
    return f"{stem}.txt.gz", "reject"


def k_gz_bomb(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    _write(d / f"{stem}.txt.gz", gzip_bomb())
    return f"{stem}.txt.gz", "reject"


def k_gz_garbage(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    _write(d / f"{stem}.html.gz", b"\x1f\x8b" + rng.randbytes(500))
    return f"{stem}.html.gz", "reject"


def k_warc_non_html(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    data = _warc_record("warcinfo", "", b"software: hostile\r\n", "application/warc-fields")
    data += _warc_record("request", "http://example.test/a", b"GET /a HTTP/1.1\r\n\r\n", "application/http")
    data += _warc_record(
        "response", "http://example.test/img.png", b"\x89PNG" + rng.randbytes(100), "image/png"
    )
    data += _warc_record("response", "http://example.test/data.json", b'{"a": 1}', "application/json")
    _write(d / f"{stem}.warc", data)
    return f"{stem}.warc", "reject"


def k_warc_truncated(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    page = f"<html><body><article><p>{_prose(rng, 6)}</p><p>{_prose(rng, 6)}</p></article></body></html>"
    data = _warc_record("response", "http://example.test/ok", page.encode(), "text/html")
    data += _warc_record("response", "http://example.test/cut", page.encode(), "text/html")
    cut = len(data) - rng.randint(40, 200)
    if rng.random() < 0.5:
        data = gzip.compress(data)[: len(gzip.compress(data)) - 30]
        _write(d / f"{stem}.warc.gz", data)
        return f"{stem}.warc.gz", "reject"
    _write(d / f"{stem}.warc", data[:cut])
    return f"{stem}.warc", "either"


def k_warc_bomb(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    """A response record whose body is ``Content-Encoding: gzip``: warcio inflates it on read."""
    body = gzip_bomb()
    http = (
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.test/bomb\r\n"
        f"WARC-Record-ID: <urn:uuid:{stem}>\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    _write(d / f"{stem}.warc", head + http + b"\r\n\r\n")
    return f"{stem}.warc", "reject"


def k_warc_garbage(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    _write(d / f"{stem}.warc", b"WARC/1.0\r\nContent-Length: 99999999\r\n\r\n" + rng.randbytes(300))
    return f"{stem}.warc", "reject"


_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol "lol">\n'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10)
    )
    + "]>\n"
    '<rss version="2.0"><channel><title>Laughs</title><item><title>t</title>'
    "<description>&lol9;</description></item></channel></rss>\n"
)


def k_billion_laughs(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    _write(d / f"{stem}.rss", _LAUGHS)
    return f"{stem}.rss", "either"


def k_xxe(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    secret = d / "secret" / "passwd.dat"  # not a known suffix: never read as input
    _write(secret, SECRET_MARKER + "\n")
    target = rng.choice([secret.resolve().as_uri(), "http://127.0.0.1:9/xxe", "file:///etc/passwd"])
    root = rng.choice(["rss", "feed"])
    if root == "rss":
        doc = (
            f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{target}">]>\n'
            '<rss version="2.0"><channel><title>XXE</title><item><title>Leak</title>'
            f"<description>Council talks resume. &xxe; The end.</description></item></channel></rss>\n"
        )
    else:
        doc = (
            f'<?xml version="1.0"?>\n<!DOCTYPE feed [<!ENTITY xxe SYSTEM "{target}">]>\n'
            '<feed xmlns="http://www.w3.org/2005/Atom"><title>XXE</title><entry><title>Leak</title>'
            f"<content>Council talks resume. &xxe; The end.</content></entry></feed>\n"
        )
    _write(d / f"{stem}.{'rss' if root == 'rss' else 'atom'}", doc)
    return f"{stem}.{'rss' if root == 'rss' else 'atom'}", "either"


def k_malformed_feed(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    doc = rng.choice(
        [
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Cut</title><item><title>A</title>'
            "<description>Council talks",
            '<?xml version="1.0"?><rss><channel></channel></rss>',
            '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry></entry></feed>',
            '<?xml version="1.0"?><rss version="2.0"><channel><item><description><![CDATA[<p>'
            + _prose(rng, 4)
            + "</p>]]></description><pubDate>not a date</pubDate><author>[/]</author></item></channel></rss>",
            '<?xml version="1.0" encoding="bogus-enc"?><rss><channel><item><description>x &undefined; y'
            "</description></item></channel></rss>",
        ]
    )
    _write(d / f"{stem}.rss", doc)
    return f"{stem}.rss", "either"


def k_bad_jsonl(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    lines = [
        "{not json",
        '{"text": 12345}',
        '{"text": null}',
        '{"text": {"nested": "object"}}',
        '{"text": ["a", "list"]}',
        '{"html": 7}',
        "[1, 2, 3]",
        '"just a string"',
        "null",
        '{"text": "' + "\\ud800 lone surrogate " + _prose(rng, 3) + '"}',
        '{"text": "' + _prose(rng, 4) + '", "published": 12345, "authors": {"a": 1}, "title": ["x"]}',
        '{"text": "' + _prose(rng, 4) + '", "url": 5, "outlet": {"x": 1}, "authors": [null, 3, "Ana Lee"]}',
        "\x00\x01\x02",
        '{"text": "' + "\\u0000" * 50 + '"}',
    ]
    rng.shuffle(lines)
    _write(d / f"{stem}.jsonl", "\n".join(lines) + "\n")
    return f"{stem}.jsonl", "either"


def k_bad_sidecar(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    _write(d / f"{stem}.txt", _prose(rng, 6) + "\n\n" + _prose(rng, 6) + "\n")
    side = rng.choice(
        [
            "{not json",
            "[1, 2]",
            '{"published": 12345}',
            '{"authors": "x"}',
            '{"authors": {}}',
            '{"authors": {"k": "v"}, "title": 7, "url": ["u"], "published": true}',
            '{"published": "9999-99-99", "outlet": null}',
            "\udcff".encode("utf-8", "surrogatepass").decode("latin-1"),
        ]
    )
    _write(d / f"{stem}.txt.meta.json", side.encode("utf-8", "surrogatepass"))
    return f"{stem}.txt", "either"


def k_odd_name(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    name = rng.choice(
        [
            f"{stem} with spaces.txt",
            f"{stem}_ünïcödé_日本.txt",
            f"{stem}\nnewline.txt",
            f"{stem}_-rf --help.txt",
            f"{stem}\u202egnp.txt",
        ]
    )
    _write(d / name, "")  # empty, so it must be reported under its odd name
    return name, "reject"


def k_markup_name(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    """Square brackets read as console markup by rich: ``[/]`` raises if printed unescaped."""
    name = rng.choice([f"{stem}[/]markup.txt", f"{stem}[bold]x[/bold].txt", f"{stem}[link=http://x]y.txt"])
    _write(d / name, "")
    return name, "reject"


def k_undecodable_name(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    """Linux names are bytes: Python surrogate-escapes what is not UTF-8 (unwritable as UTF-8)."""
    d.mkdir(parents=True, exist_ok=True)
    raw = os.fsencode(d) + b"/" + stem.encode() + b"_\xff\xfe.txt"
    with open(raw, "wb"):
        pass  # empty, so it must be reported under a printable form of its name
    return os.fsdecode(raw)[len(str(d)) + 1 :], "reject"


def k_symlink_loop(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    a, b = d / f"{stem}_a.txt", d / f"{stem}_b.txt"
    os.symlink(b.name, a)
    os.symlink(a.name, b)
    return a.name, "ignore"


def k_dir_loop(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    sub = d / f"{stem}_dir"
    sub.mkdir(parents=True, exist_ok=True)
    os.symlink("..", sub / "up")
    _write(sub / "inner.txt", "")
    return f"{stem}_dir/inner.txt", "reject"


def k_unreadable(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    p = d / f"{stem}.txt"
    _write(p, _prose(rng, 5))
    p.chmod(0)
    return p.name, "either"  # root can still read it


def k_dir_named_file(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    (d / f"{stem}.txt").mkdir(parents=True, exist_ok=True)
    return f"{stem}.txt", "ignore"


def k_punctuation(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    alphabet = rng.choice(['"', "\"'“”‘’«»", "!?.,;:-—…()[]{}", "*#@&%$^~`|\\/<>"])
    lines = ["".join(rng.choice(alphabet) for _ in range(rng.randint(5, 200))) for _ in range(20)]
    _write(d / f"{stem}.txt", "\n".join(lines))
    return f"{stem}.txt", "either"


def k_unicode_soup(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    extra = rng.choice(
        [
            "\u202e\u200f\u200b\u200d\u2066\u2069",  # RTL overrides, zero-width, isolates
            "😀🔥👩‍👩‍👧‍👦🇺🇦",  # emoji with ZWJ sequences and flags
            "".join(chr(c) for c in range(1, 32) if chr(c) not in "\n\r\t"),  # control characters
            "مرحبا بالعالم שלום עולם",  # Arabic and Hebrew
            "\u0301\u0301\u0301\u0301Z\u0335\u0336\u0337",  # combining marks (zalgo)
            "\ufeff\ufffe\uffff\U0010ffff",  # BOMs and non-characters
        ]
    )
    paras = []
    for _ in range(4):
        s = _prose(rng, 3)
        pos = rng.randrange(len(s))
        paras.append(s[:pos] + extra + s[pos:])
    _write(d / f"{stem}.txt", "\n\n".join(paras))
    return f"{stem}.txt", "either"


def k_lone_surrogate_html(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    html = (
        "<html><body><article>"
        + "".join(f"<p>{_prose(rng, 3)} &#xD800; &#55296; &#0; &#x110000;</p>" for _ in range(3))
        + "</article></body></html>"
    )
    _write(d / f"{stem}.html", html)
    return f"{stem}.html", "either"


def k_surrogate_bytes(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    # CESU-style encoded surrogates: invalid UTF-8 that naive "surrogatepass" decoding lets through
    text = _prose(rng, 5) + " \ud83d " + _prose(rng, 5)
    _write(d / f"{stem}.txt", text.encode("utf-8", "surrogatepass"))
    return f"{stem}.txt", "either"


_BAIT = [
    "The ceasefire began on February 30, 2023 and ended on 31 April 2023, officials said.",
    "The treaty takes effect in the year 99999 and expires 3000000000 days ago, the minister said.",
    "Damage was put at $99999999999999999999999 billion, or 1e308 euros, by the agency.",
    "Between 0 and -5 people were hurt, 10**400 dollars spent, and 1/0 of the votes counted.",
    '"He said "she said "they said" that" nothing happened," said the spokesman said.',
    "“An opening quote that never closes, said Ana Lee on Monday.",
    "Said said said said said said said said said said said.",
    "On Monday, Tuesday, Wednesday, Thursday, Friday, Saturday and Sunday last week, next week, "
    "the week before last and the week after next the council met.",
    "At 25:61 on 2023-13-45 the army of Atlantis attacked the navy of Atlantis in Atlantis.",
    "Mr. Mr. Mrs. Dr. Prof. Gen. Lt. Col. Sgt. said: “”.",
    "The U.N., the E.U., NATO, the A.U., ASEAN, the W.H.O. and the I.M.F. condemned, praised, "
    "sanctioned, attacked, thanked and sued each other on 12/13/14.",
    "From 1 January 1 to 31 December 9999 the talks were held between 11:00 p.m. and 10:00 a.m.",
    "(((((((((((((((((((((( said the minister ]]]]]]]]]]]]]]]]]]].",
]


def k_analyser_bait(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    """Prose that passes ingest but aims at the analysers: impossible dates, huge numbers,
    unbalanced quotes, speech verbs without speakers."""
    picks = rng.sample(_BAIT, 5)
    _write(d / f"{stem}.txt", f"Bait report {stem}\n\n" + "\n\n".join(picks) + "\n")
    return f"{stem}.txt", "either"


def k_fake_formats(rng: random.Random, d: Path, stem: str) -> tuple[str, str]:
    data, suffix = rng.choice(
        [
            ("WARC/1.0\r\n\r\n" + _prose(rng), ".txt"),
            ('{"text": "unterminated', ".jsonl"),
            ("<rss><channel><item>" * 500, ".xml"),
            ('{"html": "<script>alert(1)</script>"}', ".jsonl"),
            ("<?xml version='1.0'?><feed>" + "<entry>" * 5000, ".atom"),
        ]
    )
    _write(d / f"{stem}{suffix}", data)
    return f"{stem}{suffix}", "either"


KINDS: dict[str, Maker] = {
    "binary": k_binary,
    "png_as_html": k_png_as_html,
    "empty": k_empty,
    "whitespace": k_whitespace,
    "nul_text": k_nul_text,
    "bad_utf8": k_bad_utf8,
    "utf16": k_utf16,
    "legacy_encoding": k_legacy_encoding,
    "wide_encoding": k_wide_encoding,
    "declared_html": k_declared_html,
    "gz_noise": k_gz_noise,
    "unknown_suffix": k_unknown_suffix,
    "mixed_jsonl": k_mixed_jsonl,
    "cr_only": k_cr_only,
    "long_line": k_long_line,
    "one_word": k_one_word,
    "giant": k_giant,
    "nested_html": k_nested_html,
    "script_html": k_script_html,
    "html_no_body": k_html_no_body,
    "malformed_html": k_malformed_html,
    "truncated_gz": k_truncated_gz,
    "gz_bomb": k_gz_bomb,
    "gz_garbage": k_gz_garbage,
    "warc_non_html": k_warc_non_html,
    "warc_truncated": k_warc_truncated,
    "warc_garbage": k_warc_garbage,
    "warc_bomb": k_warc_bomb,
    "billion_laughs": k_billion_laughs,
    "xxe": k_xxe,
    "malformed_feed": k_malformed_feed,
    "bad_jsonl": k_bad_jsonl,
    "bad_sidecar": k_bad_sidecar,
    "odd_name": k_odd_name,
    "markup_name": k_markup_name,
    "undecodable_name": k_undecodable_name,
    "symlink_loop": k_symlink_loop,
    "dir_loop": k_dir_loop,
    "unreadable": k_unreadable,
    "dir_named_file": k_dir_named_file,
    "punctuation": k_punctuation,
    "unicode_soup": k_unicode_soup,
    "lone_surrogate_html": k_lone_surrogate_html,
    "surrogate_bytes": k_surrogate_bytes,
    "fake_formats": k_fake_formats,
    "analyser_bait": k_analyser_bait,
}
#: Expensive to write or to read: capped per run so a big N stays fast (and the test stays short).
RARE = {"long_line": 2, "one_word": 2, "giant": 3, "gz_bomb": 3, "warc_bomb": 3, "nested_html": 6}


def generate(dest: Path, n: int, seed: int = 0, good: bool = True, skip: Collection[str] = ()) -> list[Entry]:
    """Write ``n`` hostile files (kinds dealt round-robin, minus ``skip``) and the good articles."""
    rng = random.Random(seed)
    dest.mkdir(parents=True, exist_ok=True)
    entries: list[Entry] = []
    used: dict[str, int] = {}
    names = [k for k in KINDS if k not in skip]
    i = 0
    while len(entries) < n:
        kind = names[i % len(names)]
        i += 1
        if used.get(kind, 0) >= RARE.get(kind, n):
            if all(used.get(k, 0) >= RARE.get(k, n) for k in names):
                break
            continue
        used[kind] = used.get(kind, 0) + 1
        rel, expect, *text = KINDS[kind](rng, dest, f"h{len(entries):05d}_{kind}")
        entries.append(Entry(rel, kind, expect, text[0] if text else None))
    if good:
        for name, text in good_articles():
            _write(dest / name, text)
            entries.append(Entry(name, "good", "accept", text))
    return entries


@dataclass
class Audit:
    """Where every file under the input folder went, and which valid texts did not read back."""

    files: int
    analysed: set[str]
    duplicates: set[str]
    rejected: set[str]
    lost: list[str]  # files neither analysed, a duplicate, nor rejected (nor under a rejected folder)
    misread: list[str]  # valid files whose kept text is not their own, character for character


def audit(
    src: Path, entries: Collection[Entry], articles: Collection[dict[str, Any]], rejected: Collection[str]
) -> Audit:
    """Walk ``src`` on disk (links not followed) and account for every file in it.

    ``articles``: the story.json articles of the run (``source``, ``text``, ``duplicate_of``);
    ``rejected``: the sources of every rejection. A record of a container (``file#3``, ``file:7``)
    accounts for its file; a rejected folder (hidden, unreadable) for everything in it.
    """
    from storyline.ingest.readers import display_name

    analysed = {a["source"] for a in articles if not a.get("duplicate_of")}
    duplicates = {a["source"] for a in articles if a.get("duplicate_of")}
    reported = {re.split(r"[#:](?=\d+$)", r)[0] for r in rejected}
    files, lost = 0, []
    for folder, dirs, names in os.walk(src):
        dirs.sort()
        for name in sorted(names):
            path = Path(folder) / name
            if name.endswith(".meta.json"):
                continue  # a sidecar: its article accounts for it (an orphan is reported)
            files += 1
            shown = display_name(path)
            if shown in analysed or shown in duplicates or shown in reported:
                continue
            if any(display_name(p) in reported for p in path.parents if p != src and src in p.parents):
                continue
            lost.append(shown)
    by_source: dict[str, list[str]] = {}
    for a in articles:
        by_source.setdefault(a["source"], []).append(a["text"])
    misread = []
    for e in entries:
        if e.text is None:
            continue
        paras = [p for p in e.text.split("\n\n")[1:] if p.strip()]
        for text in by_source.get(display_name(src / e.path), []):
            lines = [x for x in text.splitlines() if x.strip()]
            if not all(x.strip() in e.text for x in lines) or not any(p.strip() in text for p in paras):
                misread.append(f"{e.path}: {text[:80]!r}")
    return Audit(files, analysed, duplicates, reported, lost, misread)


def main(argv: list[str]) -> None:
    dest = Path(argv[1])
    n = int(argv[2]) if len(argv) > 2 else 300
    seed = int(argv[3]) if len(argv) > 3 else 0
    entries = generate(dest / "input", n, seed)
    (dest / "manifest.json").write_text(json.dumps([asdict(e) for e in entries], indent=1), encoding="utf-8")
    print(f"wrote {len(entries)} files to {dest / 'input'}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
