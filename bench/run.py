"""Benchmark: the bare spaCy pass vs the whole pipeline, on the same articles, in one run.

Every stage is judged by what it costs on top of the spaCy pass, so the figure that matters
is the ratio. Prints articles/s for each, the ratio and peak memory (RSS).

    python bench/run.py [PATH ...] [--repeat N]

Default corpus: examples/demo plus ../shared/seeds when present.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from storyline.analyse import analyse_articles
from storyline.analyse.nlp import load_nlp
from storyline.fuse import fuse
from storyline.ingest import ingest
from storyline.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    paths = args.paths or [str(ROOT / "examples" / "demo")]
    seeds = ROOT.parent / "shared" / "seeds"
    if not args.paths and seeds.is_dir():
        paths.append(str(seeds))
    nlp = load_nlp()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db=Path(tmp) / "b.duckdb", out=Path(tmp))
        articles = [a for a in ingest(paths, settings).articles if a.duplicate_of is None]
        texts = [a.text for a in articles]
        list(nlp.pipe(texts[:2]))  # warm up
        bare, full = [], []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            list(nlp.pipe(texts, batch_size=16))
            bare.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            ing = ingest(paths, settings)
            analyses = list(analyse_articles(a for a in ing.articles if a.duplicate_of is None))
            fuse(ing.articles, analyses, ing.rejected)
            full.append(time.perf_counter() - t0)
    n = len(texts)
    b, f = min(bare), min(full)
    chars = sum(len(t) for t in texts)
    print(f"corpus: {n} articles ({chars:,} chars) from {', '.join(paths)}; best of {args.repeat}")
    print(f"bare spaCy pass : {n / b:8.1f} articles/s  ({b:.3f} s)")
    print(f"whole pipeline  : {n / f:8.1f} articles/s  ({f:.3f} s)  ingest+analyse+fuse")
    print(f"ratio pipeline/spaCy time: {f / b:.2f}x")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
