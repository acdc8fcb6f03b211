"""Find input files and turn each into raw documents, choosing the reader by content.

A reader returns ``RawDoc`` records (text as extracted, plus whatever metadata the format
carries); cleaning and metadata recovery happen afterwards for every format alike.
"""

from __future__ import annotations

import glob
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from ..errors import InputError

__all__ = ["RawDoc", "discover", "read_path", "decode"]

#: Extensions we look at when walking a folder; single files are always sniffed.
KNOWN_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml"}
SIDECAR_SUFFIX = ".meta.json"


@dataclass
class RawDoc:
    """What a reader got out of one record of one file, before cleaning."""

    source: str
    text: str
    format: str  # text | html
    html: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    record: str | None = None


def discover(paths: Iterable[str]) -> tuple[list[Path], list[InputError]]:
    """Expand files, folders (recursively) and globs into a sorted, de-duplicated file list."""
    found: list[Path] = []
    missing: list[InputError] = []
    for p in paths:
        matches = [Path(m) for m in sorted(glob.glob(p, recursive=True))] if _is_glob(p) else [Path(p)]
        if not matches or not matches[0].exists():
            missing.append(InputError(p, "no such file or folder"))
            continue
        for m in matches:
            if m.is_dir():
                found.extend(
                    f
                    for f in sorted(m.rglob("*"))
                    if f.is_file() and _wanted(f)
                )
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
    name = f.name.lower()
    if name.startswith(".") or name.endswith(SIDECAR_SUFFIX):
        return False
    return any(name.endswith(s) for s in KNOWN_SUFFIXES)


def read_path(path: Path, max_bytes: int) -> list[RawDoc]:
    """Read one file into raw documents; raise ``InputError`` naming the file and reason."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(source, f"file is {size:,} bytes, over the {max_bytes:,}-byte cap")
        data = path.read_bytes()
    except OSError as e:
        raise InputError(source, f"cannot read: {e.strerror or e}") from e
    meta = _sidecar(path)
    docs = list(read_bytes(source, data))
    for d in docs:
        d.meta = {**d.meta, **meta}
    return docs


def read_bytes(source: str, data: bytes) -> Iterator[RawDoc]:
    if not data.strip():
        raise InputError(source, "file is empty")
    text = decode(source, data)
    if _looks_html(text):
        yield RawDoc(source=source, text="", format="html", html=text)
    else:
        yield RawDoc(source=source, text=text, format="text")


def decode(source: str, data: bytes) -> str:
    """Bytes to text: UTF-8 when valid, else the detected encoding; binary is refused."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(source, "looks binary (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise InputError(source, "looks binary: no text encoding fits its bytes")
    return str(best)


def _looks_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:4096].lower() or (
        "<body" in head or "<p>" in head and "</p>" in head
    )


def _sidecar(path: Path) -> dict[str, Any]:
    side = path.with_name(path.name.split(".")[0] + SIDECAR_SUFFIX)
    alt = path.with_name(path.name + SIDECAR_SUFFIX)
    for cand in (alt, side):
        if cand.is_file():
            try:
                data = json.loads(cand.read_text(encoding="utf-8"))
            except (OSError, ValueError) as e:
                raise InputError(str(cand), f"sidecar is not valid JSON: {e}") from e
            if not isinstance(data, dict):
                raise InputError(str(cand), "sidecar must hold a JSON object")
            return data
    return {}
