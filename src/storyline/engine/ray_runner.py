"""Run reading and analysis on Ray Data: the same stage functions as the local engine.

The driver builds a dataset of file *shards* (lists of paths, never their contents): a Ray task
ingests each shard with :func:`engine.chunks.ingest_chunk` (any format ingest reads: text, HTML,
JSONL, WARC, feeds, gz), articles stream on to an actor pool where each actor loads spaCy once
and runs :func:`analyse.analyse_isolated` on batches, and the driver receives finished batches
one at a time and commits them to the store. The corpus is never in the driver's memory: only
the file list, the stored-analysis keys and one batch.

A shard is ``INGEST_CHUNK`` files, the local engine's chunk, so both engines see the same
outlet furniture and near-duplicates and give the same analyses. Workers cannot open the store
(DuckDB has one writer), so the driver hands them the keys already stored and they skip those
articles. Install with ``pip install 'storyline[ray]'``; docs/scale.md says how to join a cluster.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from ..errors import StorylineError
from ..model import Analysis, Article, Rejected
from ..settings import Settings
from .chunks import ChunkResult, ingest_chunk
from .local import BATCH, INGEST_CHUNK, collect_less

__all__ = ["RayPart", "stream_on_ray"]


@dataclass
class RayPart:
    """One batch back from the cluster: its articles (as a chunk), their analyses, the analyses
    that failed, how many were already stored, and how many files the batch finished."""

    chunk: ChunkResult
    analyses: list[Analysis]
    failed: list[Rejected]
    reused: int
    files: int


def stream_on_ray(
    files: Sequence[str], settings: Settings, stored: frozenset[tuple[str, str]]
) -> Iterator[RayPart]:
    """Batches as the cluster finishes them (a local Ray instance starts when none is running)."""
    try:
        import ray
    except ImportError as e:
        raise StorylineError("the Ray engine needs the extra: pip install 'storyline[ray]'") from e
    if not files:
        return
    if not ray.is_initialized():
        try:
            if settings.ray_address:
                ray.init(address=settings.ray_address, log_to_driver=False)
            else:
                ray.init(num_cpus=settings.workers, include_dashboard=False, log_to_driver=False)
        except (ConnectionError, RuntimeError, ValueError) as e:
            where = settings.ray_address or "a local instance"
            raise StorylineError(f"cannot start Ray ({where}): {e}") from e
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True
    ctx.enable_progress_bars = False  # the CLI draws its own
    shards = [
        {"files": json.dumps(list(files[i : i + INGEST_CHUNK]))} for i in range(0, len(files), INGEST_CHUNK)
    ]
    ds: Any = ray.data.from_items(shards)
    # reading is light next to spaCy and there are few shards (one per 2,000 files): it asks for
    # no CPU of its own, so it never waits behind the analysers (with any fraction, a 1-CPU
    # instance held by one analyser never scheduled it)
    ds = ds.flat_map(partial(_ingest_rows, settings=settings, stored=stored), num_cpus=0)
    ds = ds.map_batches(
        _Analyser,
        batch_size=BATCH,
        compute=ray.data.ActorPoolStrategy(size=settings.workers),
        batch_format="numpy",
        num_cpus=1,
    )
    for batch in ds.iter_batches(batch_size=BATCH, batch_format="numpy"):
        yield _part(batch)


def _ingest_rows(
    row: dict[str, Any], *, settings: Settings, stored: frozenset[tuple[str, str]]
) -> list[dict[str, Any]]:
    """One shard ingested: a row per article (``need``: not stored yet) and per rejection; the
    shard's last row carries its file count."""
    names = json.loads(row["files"])
    chunk = ingest_chunk(names, settings)
    rows = [
        {
            "article": json.dumps(a.to_dict()),
            "key": key or "",
            "need": bool(key) and (a.id, key) not in stored,
            "rejected": "",
            "files": 0,
            # made here, in the cluster: the driver's near-copy check across shards only reads it
            "sig": base64.b64encode(chunk.signatures.get(a.id, b"")).decode("ascii"),
        }
        for a in chunk.articles
        for key in [chunk.keys[a.id]]
    ]
    rows += [
        {"article": "", "key": "", "need": False, "rejected": json.dumps(r.to_dict()), "files": 0, "sig": ""}
        for r in chunk.rejected
    ]
    if not rows:
        rows.append({"article": "", "key": "", "need": False, "rejected": "", "files": 0, "sig": ""})
    rows[-1]["files"] = len(names)
    return rows


class _Analyser:
    """A Ray actor: loads spaCy once, analyses the batch's articles that need it (collecting
    cycles as the local engine's pool workers do)."""

    def __init__(self) -> None:
        from ..analyse.nlp import load_nlp

        collect_less()
        load_nlp()

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        from ..analyse import analyse_isolated

        need = [
            Article.from_dict(json.loads(a))
            for a, n in zip(batch["article"], batch["need"], strict=True)
            if n
        ]
        done, failed = analyse_isolated(need)
        by_id = {an.article: json.dumps(an.to_dict()) for an in done}
        lost = {r.source: json.dumps(r.to_dict()) for r in failed}
        analyses, failures = [], []
        for text, n in zip(batch["article"], batch["need"], strict=True):
            art = Article.from_dict(json.loads(text)) if n else None
            analyses.append(by_id.get(art.id, "") if art else "")
            where = (f"{art.source}#{art.record}" if art.record else art.source) if art else ""
            failures.append(lost.get(where, "") if art and art.id not in by_id else "")
        return {**batch, "analysis": analyses, "failed": failures}


def _part(batch: dict[str, Any]) -> RayPart:
    articles: list[Article] = []
    keys: dict[str, str | None] = {}
    rejected: list[Rejected] = []
    analyses: list[Analysis] = []
    failed: list[Rejected] = []
    sigs: dict[str, bytes] = {}
    reused = 0
    for art, key, need, rej, an, bad, sig in zip(
        batch["article"],
        batch["key"],
        batch["need"],
        batch["rejected"],
        batch["analysis"],
        batch["failed"],
        batch["sig"],
        strict=True,
    ):
        if rej:
            rejected.append(Rejected.from_dict(json.loads(rej)))
        if not art:
            continue
        a = Article.from_dict(json.loads(art))
        articles.append(a)
        keys[a.id] = key or None
        if sig:
            sigs[a.id] = base64.b64decode(sig)
        if an:
            analyses.append(Analysis.from_dict(json.loads(an)))
        elif bad:
            failed.append(Rejected.from_dict(json.loads(bad)))
        elif key and not need:
            reused += 1
    return RayPart(
        ChunkResult(articles, keys, rejected, sigs), analyses, failed, reused, int(sum(batch["files"]))
    )
