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
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Rejected
from .formats import read_feed, read_jsonl, read_warc
from .raw import RawDoc, decode, sniff, utf16_of

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
    if kind == "text" and utf16_of(data):  # the byte sniff cannot see tags in UTF-16
        kind = sniff(text[:4096].encode("utf-8", "replace"), name)
    if kind == "feed":
        yield from read_feed(source, text)
    elif kind == "jsonl":
        yield from read_jsonl(source, text)
    elif kind == "html":
        yield RawDoc(source=source, text="", format="html", html=text)
    else:
        yield RawDoc(source=source, text=text, format="text")


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
