"""Run the stages in this process (and a worker pool): ingest → analyse → fuse → present.

Streaming: files are ingested a chunk at a time, and the chunk's articles are analysed in
batches that are committed to the store as each finishes. A run killed at any point keeps every
committed batch; the next run over the same files finds them in the store and analyses only
what is missing (nothing is done or stored twice: the store is keyed by content hash). Fusion
then reads the run's analyses back from the store one story at a time, so memory is bounded by
the chunk, the batch and the largest story, not by the corpus.

The runner checks every hand-off and names the stage that broke.
"""

from __future__ import annotations

import gc
import json
import os
import threading
import time
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import islice
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from .. import __version__
from ..analyse import analyse_keeping_parses
from ..code_version import digest, module_file, reached
from ..fuse.clusters import Bag, bag_of, cluster_bags
from ..ids import derived_id
from ..ingest.dedupe import as_copy, band_keys, copy_id, signature, similarity
from ..ingest.readers import discover
from ..model import Analysis, Article, Rejected, Story
from ..present.llm import LLMConfig
from ..present.report import write_index, write_report, write_shared
from ..present.story_json import write_story
from ..settings import Settings
from ..store import Store, pack, story_row, unpack
from .chunks import (
    ChunkResult,
    FileRecords,
    check,
    ingest_chunk,
    ingest_key,
    pack_chunk,
    stamps,
    unpack_chunk,
)

__all__ = [
    "RunReport",
    "StoryEntry",
    "StoryWriter",
    "Progress",
    "ChunkResult",
    "Fused",
    "StoryCounts",
    "fuse_rows",
    "INGEST_CHUNK",
    "BATCH",
    "analyse_in_pool",
    "fewer_collections",
    "collect_less",
    "GC_YOUNG",
    "fuse_story",
    "ingest_chunk",
    "present",
    "run",
]

#: Files ingested together. Ingest counts each outlet's repeated lines (page furniture) and
#: looks for near-duplicates within a chunk; 2,000 files of news (~6 kB of text each) keep a
#: chunk's articles near 30 MB, and a corpus under 2,000 files is ingested exactly as in one go.
INGEST_CHUNK = 2000
#: Articles analysed and committed together. Measured on bench/corpus.py articles (~900 tokens):
#: a worker's RSS is ~310 MB with spaCy loaded and stays under 400 MB at 32; a killed run loses at
#: most one batch per worker.
BATCH = 32
#: Fewer articles than this to analyse are done in this process: starting a worker costs a
#: spaCy load (~2 s), which the pool only earns back on a few batches per worker.
POOL_MIN_ARTICLES = 4 * BATCH


class Progress(Protocol):
    """What the runner reports to; the CLI draws it as progress bars (``cli.py``)."""

    def start(self, stage: str, total: int | None, unit: str) -> None: ...

    def grow(self, stage: str, more: int) -> None: ...

    def advance(self, stage: str, n: int = 1) -> None: ...


class NoProgress:
    def start(self, stage: str, total: int | None, unit: str) -> None:
        pass

    def grow(self, stage: str, more: int) -> None:
        pass

    def advance(self, stage: str, n: int = 1) -> None:
        pass


@dataclass(frozen=True)
class StoryEntry:
    """One written story, as the run's summary and stories.json list it."""

    id: str
    title: str | None
    articles: tuple[str, ...]


@dataclass(frozen=True)
class StoryCounts:
    """What the run's summary line says of a story."""

    actors: int = 0
    quotes: int = 0
    events: int = 0
    claims: int = 0
    conflicts: int = 0

    @classmethod
    def of(cls, story: Story) -> StoryCounts:
        return cls(
            len(story.actors), len(story.quotes), len(story.events), len(story.claims), len(story.conflicts)
        )


@dataclass(frozen=True)
class Fused:
    """One fused, presented and written story as it comes back from a pool worker: its line in
    the index, the row the store keeps, its counts and the files written (never the Story)."""

    entry: StoryEntry
    row: bytes
    counts: StoryCounts
    outputs: tuple[Path, ...]


@dataclass
class RunReport:
    largest: StoryCounts  # of the largest story (the only one when the input is one story)
    stories: list[StoryEntry]
    files: int
    articles: int
    duplicates: int
    rejected: list[Rejected]
    reused: int
    analysed: int
    outputs: list[Path] = field(default_factory=list)


def analyse_in_pool(articles: list[Article], workers: int) -> tuple[list[Analysis], list[Rejected]]:
    """Analyse in ``workers`` processes; 1 means in this process. Keeps the input order."""
    done: dict[str, Analysis] = {}
    failed: list[Rejected] = []
    with _Analyser(workers) as analyser:
        if workers > 1:  # this entry point always uses the pool it is asked for
            analyser.pool = _pool(workers)
        for fresh, bad, _ in analyser.map(list(_batches(articles, BATCH))):
            done.update((an.article, an) for an in fresh)
            failed.extend(bad)
    return [done[a.id] for a in articles if a.id in done], failed


def run(paths: list[str], settings: Settings, progress: Progress | None = None) -> RunReport:
    """Ingest, analyse (reusing the store), fuse each story, present it and write the outputs."""
    bar = progress or NoProgress()
    found, missing = discover(paths)
    # the run holds its file list to the end: as strings, not Paths (100,000 files: ~30 MB
    # instead of ~80 MB; a Path keeps its parts and string forms)
    files = [str(f) for f in found]
    del found
    tally = _Tally(rejected=[Rejected(e.source, e.reason) for e in missing])
    with Store(settings.db) as store, _Analyser(settings.workers) as analyser, fewer_collections():
        bar.start("reading", len(files), "files")
        bar.start("analysing", 0, "articles")
        if settings.engine == "ray":
            from .ray_runner import stream_on_ray

            store.clear_near()  # Ray's parts are not chunks: nothing of the last run is reused
            for part in stream_on_ray(files, settings, store.analysed_keys()):
                fresh = tally.near_copies(tally.add_chunk(part.chunk), part.chunk, store, settings)
                store.put_articles(fresh)
                check("analyse", part.analyses, Analysis)
                store.put_analyses(
                    (an, key) for an in part.analyses if (key := part.chunk.keys.get(an.article)) is not None
                )
                tally.add_batch(part.analyses, part.failed, reused=part.reused)
                bar.advance("reading", part.files)
                bar.grow("analysing", len(part.analyses) + len(part.failed))
                bar.advance("analysing", len(part.analyses) + len(part.failed))
        else:
            # the chunks so far (their keys): where it is the last run's, so is the near index
            prefix: str | None = ""
            pos = -1
            for pos, chunk in enumerate(_chunks(files, settings, bar, store)):
                prefix = derived_id([prefix, chunk.key], 16) if prefix is not None and chunk.key else None
                fresh = tally.near_copies(tally.add_chunk(chunk), chunk, store, settings, (pos, prefix))
                if tally.indexed is not None or prefix is None:  # else: stored as they are
                    store.put_articles(fresh)  # committed before their analyses, never after
                if tally.indexed is not None:  # noted once its articles are stored
                    store.put_near_chunk(tally.indexed[0], tally.indexed[1], pack(tally.indexed[2]))
                wanted = {a.id: k for a in fresh if (k := chunk.keys[a.id]) is not None}
                have = store.analysed(wanted)
                need = [a for a in fresh if a.id in wanted and a.id not in have]
                tally.reused += len(have)
                bar.grow("analysing", len(need))
                for batch, bad, parses in analyser.map(list(_batches(need, BATCH))):
                    check("analyse", batch, Analysis)
                    store.put_analyses((an, wanted[an.article]) for an in batch)
                    store.put_parses((aid, wanted[aid], parse) for aid, parse in parses.items())
                    tally.add_batch(batch, bad)
                    bar.advance("analysing", len(batch) + len(bad))
            store.cut_near(pos + 1)  # the last run's chunks beyond this run's last
        store.put_rejected(tally.rejected)
        report = _fuse_and_write(store, tally.keys, tally.rejected, settings, bar, analyser)
    report.files = len(files)
    report.duplicates = tally.duplicates
    report.reused = tally.reused
    report.analysed = tally.analysed
    return report


@dataclass
class _Tally:
    """What the run has seen so far: its articles (in input order) and their analysis keys."""

    rejected: list[Rejected]
    keys: dict[str, str | None] = field(default_factory=dict)
    reused: int = 0
    analysed: int = 0
    duplicates: int = 0
    #: article id -> the id of the copy it duplicates (itself when it is the canonical one)
    canonical: dict[str, str] = field(default_factory=dict)
    #: the last chunk's near-copy index entry, to note once its articles are stored (position,
    #: prefix, copies); None when it came from the store (its articles are stored as they are)
    indexed: tuple[int, str, dict[str, str]] | None = None

    def add_chunk(self, chunk: ChunkResult) -> list[Article]:
        """The chunk's articles this run has not met yet. An exact copy of an article an earlier
        chunk held becomes its duplicate under a key of its own, as within a chunk, so its file
        stays accounted for (dropping it lost 143 of 10,000 hostile files without a word)."""
        self.rejected.extend(chunk.rejected)
        fresh = []
        for a in chunk.articles:
            if a.id in self.keys:
                a = replace(a, id=copy_id(a), duplicate_of=a.id)
                if a.id in self.keys:
                    continue  # the very same record again (one file named twice)
                chunk.keys[a.id] = None
            if a.duplicate_of is not None:  # point at the run's canonical copy, never a chain
                a = replace(a, duplicate_of=self.canonical.get(a.duplicate_of, a.duplicate_of))
            fresh.append(a)
            self.canonical.setdefault(a.id, a.duplicate_of or a.id)
        self.duplicates += sum(1 for a in fresh if a.duplicate_of)
        self.keys.update((a.id, chunk.keys[a.id]) for a in fresh)
        return fresh

    def near_copies(
        self,
        fresh: list[Article],
        chunk: ChunkResult,
        store: Store,
        settings: Settings,
        at: tuple[int, str | None] | None = None,
    ) -> list[Article]:
        """``fresh`` with each near copy of an article of an earlier chunk marked as its copy
        (ingest finds near copies within a chunk; without this a wire story in chunk 1 and its
        reprint in chunk 40 were two articles). The earlier article is stored and stays
        canonical; the chunk's own originals join the store's index for the chunks to come.

        ``at``: the chunk's position and the prefix of chunks up to it. When the store indexed
        this very chunk after the very same chunks, the last run's rows and copies stand (a
        re-run over 10,000 unchanged articles spent 7 s of 23 indexing them again)."""
        best = self._near_best(fresh, chunk, store, settings, at)
        if not best:
            return fresh
        originals = {a.id: a for a in store.get_articles(sorted(set(best.values())), light=True)}
        out = []
        for a in fresh:
            if a.id in best:
                a = as_copy(a, originals[best[a.id]])
                chunk.keys[a.id] = self.keys[a.id] = None
                self.duplicates += 1
            elif a.duplicate_of in best:  # a copy within the chunk of an article now a copy
                a = replace(a, duplicate_of=best[a.duplicate_of])
            self.canonical[a.id] = a.duplicate_of or a.id
            out.append(a)
        return out

    def _near_best(
        self,
        fresh: list[Article],
        chunk: ChunkResult,
        store: Store,
        settings: Settings,
        at: tuple[int, str | None] | None,
    ) -> dict[str, str]:
        """Article of ``fresh`` -> the earlier chunks' article it is a near copy of."""
        pos, prefix = at if at is not None else (None, None)
        self.indexed = None
        if pos is not None:
            had = store.near_chunk(pos)
            if prefix is not None and had is not None and had[0] == prefix:
                return dict(unpack(had[1]))
            store.cut_near(pos)
        threshold = settings.near_duplicate_threshold
        entries = []
        for a in fresh:
            if a.duplicate_of is None:
                raw = chunk.signatures.get(a.id)
                sig = signature(a.text) if raw is None else np.frombuffer(raw, dtype=np.uint64)
                entries.append((a.id, sig.tobytes(), band_keys(sig, threshold)))
        sigs = {aid: np.frombuffer(raw, dtype=np.uint64) for aid, raw, _ in entries}
        best: dict[str, tuple[float, str]] = {}
        for aid, other, raw in store.near_candidates(entries):
            score = similarity(sigs[aid], np.frombuffer(raw, dtype=np.uint64))
            # the most similar earlier article; candidates come sorted, so ties go to the first
            if score >= threshold and score > best.get(aid, (0.0, ""))[0]:
                best[aid] = (score, other)
        store.put_near([e for e in entries if e[0] not in best], pos or 0)
        copies = {aid: other for aid, (_, other) in best.items()}
        if pos is not None and prefix is not None:
            self.indexed = (pos, prefix, copies)
        return copies

    def add_batch(self, done: list[Analysis], failed: list[Rejected], reused: int = 0) -> None:
        self.analysed += len(done)
        self.rejected.extend(failed)
        self.reused += reused


def _chunks(files: Sequence[str], settings: Settings, bar: Progress, store: Store) -> Iterator[ChunkResult]:
    """The run's chunks, ingested, or as the store remembers them when none of a chunk's files
    (nor their sidecars, ingest's own code or the settings it reads) changed since: a re-run over a
    grown corpus reads only the chunks that changed (new files sorted last land in the last).
    In a chunk that changed, the files that did not are recalled rather than read (ingest's
    ``FileMemory``): a new file in a corpus of 1,000 costs one file's reading, not 1,000."""
    used: list[str] = []
    used_files: list[str] = []
    for i in range(0, len(files), INGEST_CHUNK):
        names = list(files[i : i + INGEST_CHUNK])
        stamped = {name: stamps(name) for name in names}
        file_keys = {n: ingest_key([st], settings) for n, st in stamped.items() if st is not None}
        used_files.extend(file_keys.values())
        found = [st for st in stamped.values() if st is not None]
        key = ingest_key(found, settings) if len(found) == len(names) else None
        kept = store.get_chunk(key) if key is not None else None
        if kept is not None:
            bar.advance("reading", len(names))
            chunk = unpack_chunk(kept)
        else:
            memory = FileRecords(file_keys, store.get_memos("ingested", list(file_keys.values())))
            chunk = ingest_chunk(names, settings, tick=lambda: bar.advance("reading"), memory=memory)
            store.put_memos("ingested", memory.made)
            del memory
            if key is not None:
                store.put_chunk(key, pack_chunk(chunk))
        chunk.key = key
        if key is not None:
            used.append(key)
        yield chunk
    store.keep_chunks(used)
    store.keep_memos("ingested", used_files)


def _batches(items: Sequence[Article], size: int) -> Iterator[list[Article]]:
    for i in range(0, len(items), size):
        yield list(items[i : i + size])


#: What analysing one batch gives: analyses, failures, kept parses of undated articles.
_Analysed = tuple[list[Analysis], list[Rejected], dict[str, bytes]]


class _Analyser:
    """Batches analysed here or in a process pool, yielded as each finishes.

    The pool starts on the first call with enough work for it (``POOL_MIN_ARTICLES``) and then
    serves the whole analysis; fusion gets fresh workers (:meth:`for_fusion`). At most two
    batches per worker are in flight, so memory is bounded by the batch whatever the chunk holds.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> _Analyser:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    def start_for(self, articles: int) -> None:
        """Start the pool for this much analysis if it earns its start."""
        if self.pool is None and self.workers > 1 and articles >= POOL_MIN_ARTICLES:
            self.pool = _pool(self.workers)

    def for_fusion(self, articles: int) -> ProcessPoolExecutor | None:
        """The pool stories are fused in, for this many articles to fuse: fresh workers that
        load no model (a story with undated articles to analyse again loads spaCy on use). The
        analysis workers are shut down first: each held ~400 MB of model and analysis leftovers,
        and fusing a big story needs room of its own (an 800-article story ~320 MB more)."""
        had = self.pool is not None
        if self.pool is not None:
            self.pool.shutdown()
            self.pool = None
        if self.workers > 1 and (had or articles >= POOL_MIN_ARTICLES):
            self.pool = _pool(self.workers, warm=False)
        return self.pool

    def map(self, batches: list[list[Article]]) -> Iterator[_Analysed]:
        """Each batch's analyses, failures and kept parses (``analyse_keeping_parses``)."""
        self.start_for(sum(map(len, batches)))
        if self.pool is None:
            for b in batches:
                yield analyse_keeping_parses(b)
            return
        todo = iter(batches)
        running: set[Future[_Analysed]] = set()
        while True:
            for b in islice(todo, 2 * self.workers - len(running)):
                running.add(self.pool.submit(analyse_keeping_parses, b))
            if not running:
                return
            finished, running = wait(running, return_when=FIRST_COMPLETED)
            for f in finished:
                yield f.result()


def _pool(workers: int, *, warm: bool = True) -> ProcessPoolExecutor:
    """Worker processes started fresh (spawn), not forked: a forked worker carries a copy of
    everything this process had read by then (ingest's models, the first chunk), which counted
    ~150 MB in every worker's resident set; a spawned one holds the analysis code and spaCy
    (``warm``) or, fusing, only what it imports."""
    return ProcessPoolExecutor(
        max_workers=workers, initializer=_start_worker, initargs=(warm,), mp_context=get_context("spawn")
    )


def _start_worker(warm: bool) -> None:
    """Watch the driver, and load spaCy when the worker starts (``warm``), not inside its first
    batch. A driver killed on its own (SIGKILL, the OOM killer, ``kill PID``) left its workers
    running on as orphans, holding a core and ~400 MB each: a worker whose parent is gone exits."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(ORPHAN_CHECK_S)
        os._exit(1)

    threading.Thread(target=watch, name="storyline-orphan-watch", daemon=True).start()
    collect_less()
    if warm:
        from ..analyse.nlp import load_nlp

        load_nlp()


#: How often a pool worker checks that the driver that started it is still there.
ORPHAN_CHECK_S = 2.0

#: The cycle collector's young-generation threshold in a run's processes (Python's is 700). A
#: run allocates millions of short-lived objects and keeps its caches: at 700, 200 articles in
#: one process made ~2,000 young and 12 full collections, 2.0–2.4 s of ~31 s CPU, the full ones
#: finding no garbage; at 10,000, 70 young and no full one (0.4–0.5 s), peak RSS within 2%.
GC_YOUNG = 10_000


def collect_less() -> None:
    """Collect cycles at ``GC_YOUNG`` from now on: for a worker process, which is the run's."""
    gc.set_threshold(GC_YOUNG, *gc.get_threshold()[1:])


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect cycles at ``GC_YOUNG`` during a run, then as before (a caller's process is theirs)."""
    old = gc.get_threshold()
    collect_less()
    try:
        yield
    finally:
        gc.set_threshold(*old)


def _fuse_and_write(
    store: Store,
    keys: dict[str, str | None],
    rejected: list[Rejected],
    settings: Settings,
    bar: Progress,
    analyser: _Analyser | None = None,
) -> RunReport:
    """Cluster the run's articles into stories, then fuse, present, store and write each story
    with only its own analyses read back from the store.

    With several stories and the analysis pool running, stories are fused and presented in the
    pool (the store stays in this process, which reads each story's rows and stores the result):
    fusion is per story, so it spreads over the cores like analysis does."""
    wanted = {i: k for i, k in keys.items() if k is not None}
    titles: dict[str, str | None] = {}
    # the last run's stories, for the articles whose analysis key (date, outlet, analyser) is
    # unchanged: an article whose sidecar moved its date is placed afresh
    last_run = {} if settings.recluster else store.get_assignment(CLUSTER_VERSION)
    previous = {aid: story for aid, (story, key) in last_run.items() if wanted.get(aid) == key}
    del last_run
    clusters = cluster_bags(_clustering_input(store, list(keys), wanted, titles), previous=previous)
    del previous
    writer = StoryWriter(settings, several=len(clusters) > 1, rejected=rejected)
    sids = [derived_id(ids[0], 10, prefix="story-") for ids in clusters]
    stored = store.story_keys(sids) if writer.several else {}
    plan = []  # (ids, story id, key, unchanged since the last run)
    for ids, sid in zip(clusters, sids, strict=True):
        key = _story_key(ids, wanted, settings)
        was = stored.get(sid)
        plan.append((ids, sid, key, was is not None and was[0] == key and writer.written(sid)))
    store.put_assignment(
        CLUSTER_VERSION,
        ((i, sid, k) for ids, sid, _, _ in plan for i in ids if (k := wanted.get(i)) is not None),
    )
    pool = None
    if analyser is not None and writer.several:
        pool = analyser.for_fusion(sum(len(ids) for ids, _, _, kept in plan if not kept))
    bar.start("fusing", len(clusters), "stories")
    pending: deque[tuple[Future[Fused] | Fused, str]] = deque()
    in_flight = 2 * analyser.workers if pool is not None and analyser is not None else 0

    def finish(job: Future[Fused] | Fused, key: str) -> None:
        fused = job.result() if isinstance(job, Future) else job
        c = fused.counts
        store.put_story_row(
            fused.entry.id,
            fused.entry.title,
            fused.row,
            key,
            (c.actors, c.quotes, c.events, c.claims, c.conflicts),
        )
        writer.add_fused(fused)
        bar.advance("fusing")

    for ids, sid, key, kept in plan:
        if kept:
            while pending:  # stories are listed in cluster order
                finish(*pending.popleft())
            title = stored[sid][1]
            writer.keep(StoryEntry(sid, title, tuple(ids)))  # nothing changed
            bar.advance("fusing")
            continue
        # the rows as stored (packed): whoever fuses the story makes its objects (see fuse_rows)
        rows = store.article_rows(ids)
        own_keys = {i: k for i in ids if (k := wanted.get(i)) is not None}
        own = store.analysis_rows(own_keys)
        used = [own[i] for i in ids if i in own]
        parses = store.parse_rows(own_keys)
        folder = settings.out / sid if writer.several else settings.out
        lone = () if writer.several else tuple(rejected)
        job = (rows, used, sid, settings, folder, writer.several, lone, parses)
        pending.append((pool.submit(fuse_rows, *job) if pool is not None else fuse_rows(*job), key))
        del rows, own_keys, own, used, parses, job
        while len(pending) > in_flight:
            finish(*pending.popleft())
    while pending:
        finish(*pending.popleft())
    largest = writer.largest
    if writer.largest_kept is not None and (
        largest is None or len(writer.largest_kept.articles) > len(largest[0].articles)
    ):
        counts = store.story_counts(writer.largest_kept.id)
        largest = (writer.largest_kept, StoryCounts(*counts) if counts else StoryCounts())
    return RunReport(
        largest=largest[1] if largest else StoryCounts(),
        stories=writer.entries,
        files=0,
        articles=len(titles),
        duplicates=0,
        rejected=rejected,
        reused=0,
        analysed=0,
        outputs=writer.finish(),
    )


class StoryWriter:
    """Writes a run's stories one at a time, keeping only a line per story in memory.

    One story: DIR/story.json and a self-contained DIR/report.html. Several: DIR/stories.json,
    DIR/index.html, one DIR/plotly.min.js (+ report.css, report.js), and DIR/<story id>/story.json
    + report.html whose page loads those shared copies, so output grows with the stories, not a
    library per story.
    """

    def __init__(self, settings: Settings, *, several: bool, rejected: Sequence[Rejected] = ()) -> None:
        self.settings = settings
        self.several = several
        self.rejected = list(rejected)
        self.entries: list[StoryEntry] = []
        self.outputs: list[Path] = []
        self.largest: tuple[StoryEntry, StoryCounts] | None = None
        self.largest_kept: StoryEntry | None = None
        if several:
            settings.out.mkdir(parents=True, exist_ok=True)
            if settings.report:
                self.outputs.extend(write_shared(settings.out))

    def add(self, story: Story) -> None:
        """Write one story made in this process."""
        folder = self.settings.out / story.id if self.several else self.settings.out
        rejected = () if self.several else tuple(self.rejected)
        self.add_fused(_write_fused(story, b"", folder, self.settings, self.several, rejected))

    def add_fused(self, fused: Fused) -> None:
        """List a story whose files ``fuse_rows`` has written."""
        self.outputs.extend(fused.outputs)
        self.entries.append(fused.entry)
        if self.largest is None or len(fused.entry.articles) > len(self.largest[0].articles):
            self.largest = (fused.entry, fused.counts)

    def written(self, story_id: str) -> bool:
        """Whether a previous run left this story's files (a several-story layout) in place."""
        folder = self.settings.out / story_id
        return (folder / "story.json").is_file() and (
            not self.settings.report or (folder / "report.html").is_file()
        )

    def keep(self, entry: StoryEntry) -> None:
        """List a story whose files from the last run are still right (nothing rewritten)."""
        self.entries.append(entry)
        if self.largest_kept is None or len(entry.articles) > len(self.largest_kept.articles):
            self.largest_kept = entry

    def finish(self) -> list[Path]:
        """Write the index (several stories) or an empty story.json (none); all paths written."""
        if self.several:
            return [*_write_index(self.entries, self.rejected, self.settings), *self.outputs]
        if not self.entries:
            empty = Story(__version__, rejected=tuple(self.rejected))
            return [write_story(empty, self.settings.out / "story.json")]
        return self.outputs


def _story_key(ids: Sequence[str], keys: dict[str, str], settings: Settings) -> str:
    """What a fused, presented story depends on: its articles and their analyses, the settings
    fusion and presentation read, and the code (every module and data file of the package)."""
    parts = [f"{i}={keys.get(i, '')}" for i in ids]
    opts = (
        settings.summary_sentences,
        settings.semantic,
        settings.period,
        settings.llm_url,
        settings.llm_model,
    )
    return derived_id([CODE_VERSION, repr(opts), *parts], 16)


def _code_version() -> str:
    """A hash of the package's code and data files: a story made by other code is made again."""
    from importlib import resources

    root = Path(str(resources.files("storyline")))
    files = [
        f
        for f in sorted(root.rglob("*"), key=lambda p: p.as_posix())
        if f.suffix in (".py", ".json", ".tsv", ".csv", ".j2", ".css", ".js") and "__pycache__" not in f.parts
    ]
    return digest(files, __version__)


CODE_VERSION = _code_version()
#: Clustering's code (``fuse.clusters`` and what it imports, and the store's packing): the term
#: counts kept in ``bags`` and the last run's story assignment stand while it is unchanged,
#: whatever the report's code.
CLUSTER_VERSION = digest(
    [*reached("storyline.fuse.clusters"), *filter(None, [module_file("storyline.store")])], __version__
)


def present(story: Story, analyses: list[Analysis], settings: Settings) -> Story:
    """Timeline, summary and relations for one fused story."""
    from ..present.build import build_presentation  # as in fuse_story

    llm = LLMConfig(settings.llm_url, settings.llm_model) if settings.llm_url and settings.llm_model else None
    ids = {a.id for a in story.articles}
    own = [an for an in analyses if an.article in ids]
    return build_presentation(
        story, own, summary_sentences=settings.summary_sentences, period=settings.period, llm=llm
    )


def _present_or_keep(story: Story, analyses: list[Analysis], settings: Settings) -> Story:
    """Present one story; if that breaks, keep the fused story (with a note) rather than lose it."""
    try:
        return present(story, analyses, settings)
    except Exception as e:  # the per-story boundary: one story's bug must not cost the others
        note = f"presentation failed ({type(e).__name__}: {e}); timeline, summary and relations are missing"
        return replace(story, notes=(*story.notes, note))


#: Articles read back from the store at a time for story clustering.
CLUSTER_PAGE = 1000


def _clustering_input(
    store: Store, ids: list[str], keys: dict[str, str], titles: dict[str, str | None]
) -> Iterator[Bag]:
    """The run's articles as clustering reads them (``Bag``: id, date, copy link, term counts),
    a page at a time, noting each title on the way: clustering keeps only term counts, so the
    driver's memory does not grow with the corpus's text. The counts are kept in the store under
    the article, its title, its analysis key and the code: a re-run reads the text and actors
    only of articles it has not counted (10,000 unchanged articles: ~9 s of reading and
    tokenising, a third of the re-run)."""
    used: list[str] = []
    for i in range(0, len(ids), CLUSTER_PAGE):
        page = ids[i : i + CLUSTER_PAGE]
        heads = store.article_heads(page)
        bag_keys = {
            a: derived_id([CLUSTER_VERSION, a, keys.get(a) or "", heads[a][0] or ""], 16)
            for a in page
            if a in heads
        }
        kept = store.get_memos("bags", list(bag_keys.values()))
        need = [a for a in bag_keys if bag_keys[a] not in kept]
        made: dict[str, Bag] = {}
        if need:
            actors = store.get_actor_lists({a: k for a in need if (k := keys.get(a)) is not None})
            made = {a.id: bag_of(a, actors.get(a.id)) for a in store.get_articles(need, light=True)}
            store.put_memos("bags", {bag_keys[a]: pack(bag.counts) for a, bag in made.items()})
        for a, key in bag_keys.items():
            title, published, duplicate_of = heads[a]
            titles[a] = title
            if a in made:
                yield made[a]
            elif key in kept:
                yield Bag(a, published, duplicate_of, unpack(kept[key]))
        used.extend(bag_keys.values())
        del heads, kept, made
    store.keep_memos("bags", used)


def fuse_rows(
    article_rows: list[bytes],
    analysis_rows: list[bytes],
    story_id: str,
    settings: Settings,
    folder: Path,
    shared: bool,
    rejected: tuple[Rejected, ...] = (),
    parses: Mapping[str, bytes] | None = None,
) -> Fused:
    """Fuse, present and write one story from its stored rows (the job a pool worker runs; also
    run here). ``shared``: the several-story layout (the report loads the run's shared files);
    ``rejected`` goes into a lone story's story.json."""
    members = [Article.from_dict(unpack(r)) for r in article_rows]
    analyses = [Analysis.from_dict(unpack(r)) for r in analysis_rows]
    story = fuse_story(members, analyses, story_id, settings, parses)
    return _write_fused(story, story_row(story), folder, settings, shared, rejected)


def _write_fused(
    story: Story, row: bytes, folder: Path, settings: Settings, shared: bool, rejected: tuple[Rejected, ...]
) -> Fused:
    """Write a story's files (a lone story's story.json also lists ``rejected``) and say what
    the run lists of it; ``row`` is its store row, made before ``rejected`` joins it."""
    outputs = _write_story(
        replace(story, rejected=rejected) if rejected else story, folder, settings, shared=shared
    )
    entry = StoryEntry(story.id, story.title, tuple(a.id for a in story.articles))
    return Fused(entry, row, StoryCounts.of(story), tuple(outputs))


def fuse_story(
    members: list[Article],
    analyses: list[Analysis],
    story_id: str,
    settings: Settings,
    parses: Mapping[str, bytes] | None = None,
) -> Story:
    """Fuse and present one story (the stage function run here or in a pool worker); ``parses``:
    the kept parses of its undated articles, for those fusion dates (see ``fuse.dating``)."""
    from ..fuse import fuse  # here: the driver of a pooled run never fuses, nor imports spaCy

    story = fuse(
        members,
        analyses,
        summary_sentences=settings.summary_sentences,
        semantic=settings.semantic,
        parses=parses,
    )
    check("fuse", [story], Story)
    story = replace(story, id=story_id, title=story.title or members[0].title)
    story = _present_or_keep(story, analyses, settings)
    check("present", [story], Story)
    return story


def _write_story(story: Story, folder: Path, settings: Settings, *, shared: bool) -> list[Path]:
    """story.json (+ report.html): self-contained alone, or using the run's shared files."""
    written = [write_story(story, folder / "story.json")]
    if not settings.report:
        return written
    path = folder / "report.html"
    try:
        written.append(write_report(story, path, assets_url="../" if shared else None))
    except Exception as e:  # the per-story boundary, as in _present_or_keep
        failures = path.with_name("report-failed.txt")
        failures.write_text(f"report.html could not be written: {type(e).__name__}: {e}\n", encoding="utf-8")
        written.append(failures)
    return written


def _write_index(entries: list[StoryEntry], rejected: list[Rejected], settings: Settings) -> list[Path]:
    """DIR/stories.json (and DIR/index.html with the reports) listing every story."""
    out = settings.out
    index: dict[str, Any] = {
        "storyline_version": __version__,
        "rejected": [r.to_dict() for r in rejected],
        "stories": [
            {
                "id": s.id,
                "title": s.title,
                "articles": list(s.articles),
                "story": f"{s.id}/story.json",
                "report": f"{s.id}/report.html" if settings.report else None,
            }
            for s in entries
        ],
    }
    path = out / "stories.json"
    path.write_text(json.dumps(index, ensure_ascii=False, indent=1), encoding="utf-8")
    written = [path]
    if settings.report:
        written.append(write_index(index, out / "index.html"))
    return written
