"""Benchmark: the bare spaCy pass vs the whole pipeline, on the same articles, in one run.

Every stage is judged by what it costs on top of the spaCy pass, so the figure that matters is
the ratio of throughputs (pipeline articles/s ÷ bare articles/s; 1.0 = storyline costs nothing
beyond parsing). Each pass runs in its own process (one process each, model load not timed):
the bare pass is ``spacy.load(<model>)`` with every component and ``nlp.pipe(texts,
batch_size=SPACY_BATCH)`` (storyline's own spaCy batch, 8); the pipeline is ``storyline
analyze`` (ingest, analyse, store, fuse, present, write) on a fresh store, once with
``--workers 1`` (one process, as the bare pass) and once with the default (one worker per core,
as a user runs it).
On a shared machine the load drifts, so the bare pass runs in two halves, one before and one
after the pipeline, and their sum is the bare time.

    python bench/run.py [PATH ...] [-n 1000] [--profile]

Default corpus: ``-n`` articles from bench/corpus.py (about 900 tokens each). Prints
articles/s for each pass, the ratio, and each process's peak RSS.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from storyline.analyse import SPACY_BATCH as BATCH  # spaCy's pipe batch in both passes
from storyline.settings import DEFAULT_WORKERS

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("-n", type=int, default=1000, help="generated articles when no PATH is given")
    ap.add_argument("--profile", action="store_true", help="cProfile the pipeline; print the top functions")
    ap.add_argument("--one", choices=["bare", "pipeline"], help=argparse.SUPPRESS)
    ap.add_argument("--half", type=int, default=-1, help=argparse.SUPPRESS)
    ap.add_argument("--tmp", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one == "bare":
        return _bare(args.paths, args.half)
    if args.one == "pipeline":
        return _pipeline(args.paths, args.tmp, args.profile, args.workers)
    with tempfile.TemporaryDirectory() as tmp:
        paths = args.paths
        if not paths:
            sys.path.insert(0, str(ROOT / "bench"))
            from corpus import write_corpus

            paths = [str(write_corpus(Path(tmp) / "corpus", args.n))]
        first = _child(["--one", "bare", "--half", "0", *paths])
        full = _child(["--one", "pipeline", "--tmp", tmp, *paths, *(["--profile"] if args.profile else [])])
        cores = DEFAULT_WORKERS
        pool = None
        if cores > 1:
            pool = _child(["--one", "pipeline", "--tmp", tmp, "--workers", str(cores), *paths])
        second = _child(["--one", "bare", "--half", "1", *paths])
    n = first["n"] + second["n"]
    bare_s = first["seconds"] + second["seconds"]
    bare, whole = n / bare_s, full["n"] / full["seconds"]
    print(f"corpus: {n} articles ({full['chars']:,} chars) from {', '.join(paths)}")
    print(f"bare spaCy pass : {bare:6.2f} articles/s  ({bare_s:.1f} s, batch {BATCH}, {first['model']})")
    print(
        f"whole pipeline  : {whole:6.2f} articles/s  ({full['seconds']:.1f} s, storyline analyze --workers 1)"
    )
    print(f"ratio pipeline/bare articles/s: {whole / bare:.2f}")
    if pool is not None:
        pooled = pool["n"] / pool["seconds"]
        print(
            f"whole pipeline, default --workers {cores}: {pooled:6.2f} articles/s ({pool['seconds']:.1f} s); "
            f"ratio to the bare pass: {pooled / bare:.2f}"
        )
        print(
            f"peak RSS with {cores} workers: driver {pool['rss_mb']:.0f} MB, "
            f"largest worker {pool['child_rss_mb']:.0f} MB"
        )
    print(f"peak RSS bare pass: {max(first['rss_mb'], second['rss_mb']):.0f} MB")
    print(
        f"peak RSS pipeline (one process: driver and its one worker, spaCy batch {BATCH}, "
        f"commit batch {full['batch']}): {full['rss_mb']:.0f} MB"
    )
    print(f"output: {full['output_mb']:.1f} MB for {full['stories']} stories")
    return 0


def _child(args: list[str]) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=False, cwd=ROOT
    )
    if done.returncode != 0:
        sys.exit(f"bench pass {args[:2]} failed:\n{done.stderr[-3000:]}")
    if done.stderr.strip():
        print(done.stderr, file=sys.stderr, end="")
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _texts(paths: list[str]) -> list[str]:
    from storyline.ingest import ingest
    from storyline.settings import Settings

    return [a.text for a in ingest(paths, Settings(workers=1)).articles if a.duplicate_of is None]


def _bare(paths: list[str], half: int) -> int:
    import spacy

    from storyline.analyse.nlp import MODEL_NAMES

    texts = _texts(paths)
    texts = texts[: len(texts) // 2] if half == 0 else texts[len(texts) // 2 :]
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    list(nlp.pipe(texts[:2]))  # warm up
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH):
        pass
    took = time.perf_counter() - t0
    print(json.dumps({"n": len(texts), "seconds": took, "rss_mb": _rss_mb(), "model": name}))
    return 0


def _pipeline(paths: list[str], tmp: Path, profile: bool, workers: int) -> int:
    from storyline.analyse.nlp import load_nlp
    from storyline.engine import local
    from storyline.settings import Settings

    if workers == 1:
        load_nlp()  # the model load is not timed, as in the bare pass (workers load their own)
    out = tmp / f"out{workers}"
    settings = Settings(db=tmp / f"bench{workers}.duckdb", out=out, workers=workers)
    prof = None
    if profile:
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
    sys.path.insert(0, str(ROOT / "bench"))
    from peak_rss import ChildPeaks

    t0 = time.perf_counter()
    with ChildPeaks() as workers_rss:
        report = local.run(paths, settings)
    took = time.perf_counter() - t0
    if prof is not None:
        import pstats

        prof.disable()
        pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(40)
    chars = sum(len(t) for t in _texts(paths))
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(
        json.dumps(
            {
                "n": report.articles - report.duplicates,
                "seconds": took,
                "rss_mb": _rss_mb(),
                "child_rss_mb": workers_rss.largest_mb,
                "batch": local.BATCH,
                "chars": chars,
                "stories": len(report.stories),
                "output_mb": size / 1e6,
            }
        )
    )
    return 0


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    sys.exit(main())
