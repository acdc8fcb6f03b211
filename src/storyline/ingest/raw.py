"""What every reader produces and shares: the raw-document record, the format sniffer and the
bytes-to-text decoder. Kept apart from ``readers`` (which dispatches to ``formats``) so that the
format readers depend on this module and nothing depends back on them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from .encoding import Decoded, declared_encoding, decode_bytes

__all__ = ["RawDoc", "sniff", "decode", "read_text", "wide", "declared_encoding"]

# Share of control characters above which decoded "text" is really binary; real text has none
# but the odd form feed, binaries decoded as Latin-1 have 10-30 %.
CONTROL_SHARE = 0.05
#: C0 controls but tab, line feed, form feed and carriage return
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
#: Unlikely characters per character (``encoding.unlikely``) of the best reading above which the
#: bytes are not text: correct readings of real prose score under 0.01, wrong code pages of it
#: 0.05-0.5, random bytes read as UTF-16 near 1.
BINARY_DOUBT = 0.5


@dataclass
class RawDoc:
    """What a reader got out of one record of one file, before cleaning."""

    source: str
    text: str
    format: str  # text | html | warc | feed | jsonl  (html-bearing formats set ``html``)
    html: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    record: str | None = None
    #: ``text`` is trafilatura's extraction from ``html``: page furniture is mostly gone already
    extracted: bool = False
    #: how the bytes were read when that was not plain UTF-8 (code page detected, bytes lost)
    encoding_note: str | None = None


def sniff(data: bytes, name: str = "") -> str:
    """warc | feed | jsonl | html | text, from the first bytes (extension as a tie-breaker)."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"warc/"):
        return "warc"
    xml_root = head.startswith((b"<?xml", b"<rss", b"<feed"))
    if xml_root and any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf")):
        return "feed"
    if head.startswith(b"{") and (
        name.endswith((".jsonl", ".ndjson", ".json")) or b'"text"' in head or b'"html"' in head
    ):
        return "jsonl"
    if head.startswith(b"[") and name.endswith((".json", ".jsonl", ".ndjson")):
        return "jsonl"  # a JSON array of articles (the JSON-lines reader reads whole documents too)
    if (
        head.startswith((b"<!doctype html", b"<html"))
        or b"<body" in head
        or (b"<p>" in head and b"</p>" in head)
    ):
        return "html"
    if name.endswith((".html", ".htm", ".xhtml")) and b"<" in head:
        return "html"
    return "text"


def decode(source: str, data: bytes, declared: str | None = None) -> str:
    """Bytes to text (see ``read_text``); the text only."""
    return read_text(source, data, declared).text


def read_text(source: str, data: bytes, declared: str | None = None) -> Decoded:
    """Bytes to text by BOM, declaration or detection (``encoding.decode_bytes``); binary is
    refused with ``InputError``. Never raises on bad bytes in real text: they become U+FFFD,
    and the returned ``note`` says what was guessed or lost.
    """
    got = decode_bytes(data, declared)
    sample = got.text[:20_000]
    control = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    if sample and control / len(sample) > CONTROL_SHARE:
        if "\x00" in sample:
            raise InputError(source, "looks binary (NUL bytes), not text")
        raise InputError(source, "looks binary: too many control or undecodable characters")
    if got.doubt > BINARY_DOUBT:
        raise InputError(source, "looks binary: no text encoding reads it as text")
    # a stray NUL in real text is damage, not content
    return Decoded(got.text.replace("\x00", ""), got.encoding, got.note)


def wide(encoding: str) -> bool:
    """UTF-16 or UTF-32: the byte sniff cannot see tags or braces in these."""
    return encoding.startswith(("utf-16", "utf-32"))
