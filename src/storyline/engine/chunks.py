"""What one chunk of files gives (``ChunkResult``), how the store keeps it, and what it depends on.

Ingest's results are kept per chunk and per file, keyed by the files as they are on disk, the
settings ingest reads, the libraries it uses and ``INGEST_VERSION``: the hash of the ingest
package, the modules it imports and this module (``code_version``). A change to the analysis,
fusion or presentation code leaves them valid: a re-run then reads no file again.
"""

from __future__ import annotations

import base64
import glob
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..analyse import analysis_key
from ..code_version import digest, module_file, reached
from ..errors import StageError
from ..ids import derived_id
from ..ingest import FileMemory, ingest
from ..ingest.dedupe import signature
from ..ingest.readers import sidecar_candidates
from ..model import Article, Rejected
from ..settings import Settings
from ..store import pack, unpack

__all__ = [
    "ChunkResult",
    "FileRecords",
    "INGEST_VERSION",
    "check",
    "ingest_chunk",
    "ingest_key",
    "pack_chunk",
    "stamps",
    "unpack_chunk",
]


def _ingest_version() -> str:
    own = [f for m in (__name__, "storyline.store") if (f := module_file(m)) is not None]
    return digest([*reached("storyline.ingest"), *own], __version__)


#: Ingest's code: the ingest package, what it imports, this module and the store's packing (the
#: analysis keys this module makes are not kept with a chunk; they are made afresh on reading).
INGEST_VERSION = _ingest_version()


@dataclass
class ChunkResult:
    """One ingested chunk: its articles, the key each analysis must match (None for wire copies,
    which are not analysed), what ingest rejected, and each original's MinHash signature (for
    near copies across chunks; kept with the chunk so that a re-run does not hash every text
    again: that was half of a re-run's time)."""

    articles: list[Article]
    keys: dict[str, str | None]
    rejected: list[Rejected]
    signatures: dict[str, bytes] = field(default_factory=dict)
    #: what the chunk's ingest depended on (see ``_chunks``); None when it was not remembered
    key: str | None = None


def check(stage: str, items: Iterable[object], kind: type) -> None:
    """Refuse a stage's output of the wrong kind, naming the stage."""
    for item in items:
        if not isinstance(item, kind):
            raise StageError(f"stage {stage!r} returned {type(item).__name__}, expected {kind.__name__}")


def ingest_chunk(
    files: Sequence[str],
    settings: Settings,
    tick: Callable[[], None] | None = None,
    memory: FileMemory | None = None,
) -> ChunkResult:
    """Ingest one chunk of files (the stage function both engines run; ``memory``: what the
    store remembers of them, which Ray's workers cannot open)."""

    def counted(items: Iterable[object]) -> Iterator[object]:
        for item in items:
            yield item
            if tick:
                tick()

    # the names are files already found: escaped, so "[1]" or "*" in a name is not a pattern
    got = ingest([glob.escape(f) for f in files], settings, progress=counted, memory=memory)
    check("ingest", got.articles, Article)
    keys = {a.id: (analysis_key(a) if a.duplicate_of is None else None) for a in got.articles}
    # ingest has just hashed these texts to find copies within the chunk (``signature`` reuses that)
    sigs = {a.id: signature(a.text).tobytes() for a in got.articles if a.duplicate_of is None}
    return ChunkResult(got.articles, keys, got.rejected, sigs)


def pack_chunk(chunk: ChunkResult) -> bytes:
    """A chunk as the store remembers it: its articles and rejections (not the analysis keys,
    which depend on the analyser and are made afresh, see ``unpack_chunk``)."""
    return pack(
        {
            "articles": [a.to_dict() for a in chunk.articles],
            "rejected": [r.to_dict() for r in chunk.rejected],
            "signatures": {k: base64.b64encode(v).decode("ascii") for k, v in chunk.signatures.items()},
        }
    )


def unpack_chunk(packed: bytes) -> ChunkResult:
    data = unpack(packed)
    articles = [Article.from_dict(a) for a in data["articles"]]
    keys = {a.id: (analysis_key(a) if a.duplicate_of is None else None) for a in articles}
    sigs = {k: base64.b64decode(v) for k, v in data.get("signatures", {}).items()}
    return ChunkResult(articles, keys, [Rejected.from_dict(r) for r in data["rejected"]], sigs)


class FileRecords:
    """Ingest's ``FileMemory`` for one chunk: what the store holds for its files as they are
    now (``keys``: each file's stamp key), and what ingest made afresh, for the store."""

    def __init__(self, keys: dict[str, str], rows: dict[str, bytes]) -> None:
        self.keys = keys
        self.rows = rows
        self.made: dict[str, bytes] = {}

    def recall(self, path: str) -> dict[str, Any] | None:
        row = self.rows.get(self.keys.get(path, ""))
        return None if row is None else unpack(row)

    def remember(self, path: str, made: dict[str, Any]) -> None:
        if (key := self.keys.get(path)) is not None:
            self.made[key] = pack(made)


#: Libraries whose version changes what ingest makes of a file.
_INGEST_LIBRARIES = (
    "trafilatura",
    "htmldate",
    "charset-normalizer",
    "feedparser",
    "warcio",
    "datasketch",
    "duckdb",
    "py3langid",
    "lxml",
)


def _library_versions() -> str:
    from importlib import metadata

    found = []
    for name in _INGEST_LIBRARIES:
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}=absent")
    return ";".join(found)


def stamps(name: str) -> str | None:
    """What one file's ingest depends on of the file system: the file and its sidecars as they
    are now (path, size, modification and change times, inode, mode: a file that could not be
    read and was then made readable counts as changed). None when the file cannot be looked at
    (ingest then says why). A file rewritten with the same size within the file system's
    timestamp resolution goes unnoticed, as in other tools that trust stat."""
    parts = []
    path = Path(name)
    try:
        for p in (path, *sidecar_candidates(path)):
            try:
                st = p.stat()
            except FileNotFoundError:
                if p is path:
                    return None
                parts.append("-")
                continue
            stamp = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_mode)
            parts.append(f"{p}\t{stamp}")
    except OSError:
        return None
    return "\n".join(parts)


def ingest_key(stamps: list[str], settings: Settings) -> str:
    """The key of what ingest made of files with these ``stamps``: they, the settings ingest
    reads, ingest's code (``INGEST_VERSION``) and the libraries."""
    opts = (settings.published, settings.outlet, settings.max_bytes, settings.near_duplicate_threshold)
    return derived_id([INGEST_VERSION, _LIBRARIES, repr(opts), *stamps], 16)


_LIBRARIES = _library_versions()
