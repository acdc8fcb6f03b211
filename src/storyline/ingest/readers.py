"""Find input files and turn each into raw documents, choosing the reader by content.

The format is sniffed from the bytes (gzip magic, ``WARC/``, a feed root element, JSON lines,
HTML tags), with the extension only as a tie-breaker, so a mis-named file still reads. A reader
returns ``RawDoc`` records (text or HTML as found, plus the metadata the format carries) or
``Rejected`` ones for records it cannot use; cleaning happens afterwards for every format alike.
"""

from __future__ import annotations

import glob
import json
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from ..errors import InputError
from ..model import Rejected

__all__ = ["RawDoc", "discover", "read_path", "read_bytes", "decode", "sniff", "display_name"]

#: Extensions looked at when walking a folder; files named explicitly are always sniffed.
KNOWN_SUFFIXES = (
    ".txt",
    ".text",
    ".html",
    ".htm",
    ".xhtml",
    ".warc",
    ".rss",
    ".atom",
    ".xml",
    ".jsonl",
    ".ndjson",
)
SIDECAR_SUFFIX = ".meta.json"
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


def discover(paths: Iterable[str]) -> tuple[list[Path], list[InputError]]:
    """Expand files, folders (recursively) and globs into a sorted, de-duplicated file list."""
    found: list[Path] = []
    missing: list[InputError] = []
    for p in paths:
        matches = [Path(m) for m in sorted(glob.glob(p, recursive=True))] if _is_glob(p) else [Path(p)]
        if not matches or not matches[0].exists():
            missing.append(InputError(display_name(Path(p)), "no such file or folder"))
            continue
        for m in matches:
            if m.is_dir():
                found.extend(f for f in sorted(m.rglob("*")) if f.is_file() and _wanted(f))
            elif m.is_file():
                found.append(m)
    seen: set[Path] = set()
    unique = []
    for f in found:
        key = f.resolve()
        if key not in seen and not f.name.endswith(SIDECAR_SUFFIX):
            seen.add(key)
            unique.append(f)
    return unique, missing


def _is_glob(p: str) -> bool:
    return any(c in p for c in "*?[")


def _wanted(f: Path) -> bool:
    name = f.name.lower().removesuffix(".gz")
    if name.startswith(".") or name.endswith(SIDECAR_SUFFIX):
        return False
    return name.endswith(KNOWN_SUFFIXES)


def read_path(path: Path, max_bytes: int) -> list[RawDoc | Rejected]:
    """Read one file into raw documents; raise ``InputError`` naming the file and reason."""
    source = display_name(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(source, f"file is {size:,} bytes, over the {max_bytes:,}-byte cap")
        data = path.read_bytes()
    except OSError as e:
        raise InputError(source, f"cannot read: {e.strerror or e}") from e
    out: list[RawDoc | Rejected] = []
    try:
        meta = _sidecar(path)
    except InputError as e:  # a broken sidecar costs its metadata, not the article
        out.append(Rejected(e.source, f"{e.reason}; the article is read without it"))
        meta = {}
    out.extend(read_bytes(source, data, max_bytes, name=path.name))
    for d in out:
        if isinstance(d, RawDoc) and meta:
            d.meta = {**d.meta, **meta}
            if meta.get("published"):
                d.meta["published_source"] = "sidecar"
            if meta.get("outlet"):
                d.meta["outlet_source"] = "sidecar"
    return out


def read_bytes(source: str, data: bytes, max_bytes: int, name: str = "") -> Iterator[RawDoc | Rejected]:
    """Dispatch on what the bytes are; ``name`` only breaks ties."""
    from .formats import read_feed, read_jsonl, read_warc

    if data[:2] == b"\x1f\x8b":
        data, truncated = _gunzip(source, data, max_bytes)
        name = name.lower().removesuffix(".gz")
        if truncated:
            yield Rejected(source, "truncated gzip: the end of the file is missing; read what was complete")
    if not data.strip():
        raise InputError(source, "file is empty")
    kind = sniff(data, name)
    if kind == "warc":
        yield from read_warc(source, data, max_bytes)
        return
    text = decode(source, data)
    if not text.strip():
        raise InputError(source, "file holds only whitespace")
    if kind == "text" and _utf16(data):  # the byte sniff cannot see tags in UTF-16
        kind = sniff(text[:4096].encode("utf-8", "replace"), name)
    if kind == "feed":
        yield from read_feed(source, text)
    elif kind == "jsonl":
        yield from read_jsonl(source, text)
    elif kind == "html":
        yield RawDoc(source=source, text="", format="html", html=text)
    else:
        yield RawDoc(source=source, text=text, format="text")


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


def _gunzip(source: str, data: bytes, max_bytes: int) -> tuple[bytes, bool]:
    """Decompress every gzip member with a cap (a small .gz can hold gigabytes).

    Returns the bytes and whether the stream was cut short; a cut after whole members (as in a
    truncated .warc.gz) keeps what was complete.
    """
    out = bytearray()
    rest = data
    while rest[:2] == b"\x1f\x8b":
        complete = len(out)
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out += d.decompress(rest, max_bytes + 1 - len(out))
        except zlib.error as e:
            raise InputError(source, f"corrupt gzip: {e}") from e
        if len(out) > max_bytes:
            raise InputError(source, f"decompresses to over the {max_bytes:,}-byte cap")
        if not d.eof:
            if not complete:
                raise InputError(source, "truncated gzip: the compressed stream ends early")
            return bytes(out[:complete]), True
        rest = d.unused_data
    return bytes(out), False


def decode(source: str, data: bytes) -> str:
    """Bytes to text: UTF-8 when valid, else the detected encoding; binary is refused.

    Never raises on bad bytes in real text: undecodable bytes become U+FFFD.
    """
    utf16 = _utf16(data)
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


def _utf16(data: bytes) -> str | None:
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


def display_name(path: Path) -> str:
    """The path as text that can always be printed and stored: undecodable bytes in a file
    name (surrogate-escaped by Python) are shown as ``\\xNN`` instead of breaking UTF-8 output."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _sidecar(path: Path) -> dict[str, Any]:
    stem = path.name.split(".")[0]
    for cand in (path.with_name(path.name + SIDECAR_SUFFIX), path.with_name(stem + SIDECAR_SUFFIX)):
        if cand.is_file():
            try:
                data = json.loads(cand.read_text(encoding="utf-8"))
            except (OSError, ValueError) as e:
                raise InputError(display_name(cand), f"sidecar is not valid JSON: {e}") from e
            if not isinstance(data, dict):
                raise InputError(display_name(cand), "sidecar must hold a JSON object")
            return data
    return {}
