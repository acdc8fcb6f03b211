"""What every reader produces and shares: the raw-document record, the format sniffer and the
bytes-to-text decoder. Kept apart from ``readers`` (which dispatches to ``formats``) so that the
format readers depend on this module and nothing depends back on them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from charset_normalizer import from_bytes

from ..errors import InputError

__all__ = ["RawDoc", "sniff", "decode", "utf16_of"]

# Share of control characters above which decoded "text" is really binary; real text has none
# but the odd form feed, binaries decoded as Latin-1 have 10-30 %.
CONTROL_SHARE = 0.05


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
    if (
        head.startswith((b"<!doctype html", b"<html"))
        or b"<body" in head
        or (b"<p>" in head and b"</p>" in head)
    ):
        return "html"
    if name.endswith((".html", ".htm", ".xhtml")) and b"<" in head:
        return "html"
    return "text"


def decode(source: str, data: bytes) -> str:
    """Bytes to text: UTF-8 when valid, else the detected encoding; binary is refused.

    Never raises on bad bytes in real text: undecodable bytes become U+FFFD.
    """
    utf16 = utf16_of(data)
    try:
        text = data.decode(utf16 or "utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data[:200_000]).best()
        encoding = best.encoding if best is not None else "utf-8"
        if encoding.startswith("mac_") and _decodes(data, "cp1252"):
            encoding = "cp1252"  # short Windows-1252 text is often mistaken for Mac Roman
        text = data.decode(encoding, errors="replace")
    sample = text[:20_000]
    control = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f") + sample.count("\ufffd")
    if sample and control / len(sample) > CONTROL_SHARE:
        if "\x00" in sample:
            raise InputError(source, "looks binary (NUL bytes), not text")
        raise InputError(source, "looks binary: too many control or undecodable characters")
    return text.replace("\x00", "")  # a stray NUL in real text is damage, not content


def utf16_of(data: bytes) -> str | None:
    """UTF-16 by its BOM, or (no BOM) by NUL bytes in every other position of ASCII-heavy text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = data[:4096]
    half = len(head) // 2
    if half < 8:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    # 0.3 / 0.02: English UTF-16 has a NUL in ~90 % of high bytes, binaries spread them evenly
    if odd > 0.3 * half and even < 0.02 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.02 * half:
        return "utf-16-be"
    return None


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True
