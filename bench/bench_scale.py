"""A large generated run, then the same corpus with 1% new articles (the store's reuse).

    python bench/bench_scale.py N [--workers W] [--keep DIR] [--no-rerun] [--tokens T]

Runs ``storyline analyze`` (the local engine, in this process so the driver's and the workers'
peak memory can be told apart) over N articles from bench/corpus.py, prints wall time,
articles/s, peak RSS of the driver and of the largest worker, output size and story count;
then adds N/100 new articles and runs again over all of them. Each run also prints when each
stage began (reading, analysing, fusing), from the progress the engine reports.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from corpus import TOKENS, articles, write_corpus  # noqa: E402
from peak_rss import ChildPeaks  # noqa: E402

from storyline.engine.local import BATCH, run  # noqa: E402
from storyline.settings import DEFAULT_WORKERS, Settings  # noqa: E402


def _mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def _size(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


class _Stages:
    """Progress that notes when each stage first advanced (the engine starts bars early)."""

    def __init__(self) -> None:
        self.t0 = time.perf_counter()
        self.began: dict[str, float] = {}

    def start(self, stage: str, total: int | None, unit: str) -> None:
        pass

    def grow(self, stage: str, more: int) -> None:
        pass

    def advance(self, stage: str, n: int = 1) -> None:
        self.began.setdefault(stage, time.perf_counter() - self.t0)

    def line(self, total: float) -> str:
        marks = sorted(self.began.items(), key=lambda kv: kv[1])
        spans = [
            f"{stage} {(marks[i + 1][1] if i + 1 < len(marks) else total) - t:.0f} s"
            for i, (stage, t) in enumerate(marks)
        ]
        return "  stages (from first progress): " + ", ".join(spans)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("n", type=int)
    ap.add_argument("--workers", type=int, default=DEFAULT_WORKERS)
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it")
    ap.add_argument("--no-rerun", action="store_true", help="skip the +1%% re-run")
    ap.add_argument("--tokens", type=int, default=TOKENS, help="article body length (default ~900 tokens)")
    args = ap.parse_args()
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="storyline-scale-"))
    src = write_corpus(tmp / "corpus", args.n, tokens=args.tokens)
    settings = Settings(db=tmp / "s.duckdb", out=tmp / "out", workers=args.workers)
    t0 = time.perf_counter()
    stages = _Stages()
    with ChildPeaks() as workers_rss:
        first = run([str(src)], settings, stages)
    took = time.perf_counter() - t0
    chars = sum(p.stat().st_size for p in src.glob("*.txt"))
    print(f"first run: {args.n} articles ({chars / 1e6:.1f} MB of text), workers {args.workers}, ", end="")
    print(f"batch {BATCH}")
    print(f"  time {took:.0f} s ({args.n / took:.2f} articles/s), {len(first.stories)} stories")
    print(stages.line(took))
    driver, worker = _mb(resource.RUSAGE_SELF), workers_rss.largest_mb
    print(f"  peak RSS driver {driver:.0f} MB, largest worker {worker:.0f} MB")
    store = settings.db.stat().st_size / 1e6 + sum(
        _size(d) for d in settings.db.parent.glob(settings.db.name + ".*") if d.is_dir()
    )
    print(f"  output {_size(settings.out):.1f} MB, store {store:.1f} MB (with the files beside it)")
    if args.no_rerun:
        return 0
    extra = max(1, args.n // 100)
    # the same generator: the first N are the same texts
    for g in articles(args.n + extra, tokens=args.tokens):
        if int(g.name) >= args.n:
            (src / f"{g.name}.txt").write_text(g.text, encoding="utf-8")
            (src / f"{g.name}.meta.json").write_text(json.dumps(g.meta), encoding="utf-8")
    t0 = time.perf_counter()
    stages = _Stages()
    again = run([str(src)], settings, stages)
    took2 = time.perf_counter() - t0
    print(f"re-run with {extra} new articles: {took2:.0f} s ({took2 / took:.1%} of the first run);")
    print(f"  {again.reused} reused, {again.analysed} analysed")
    print(stages.line(took2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
