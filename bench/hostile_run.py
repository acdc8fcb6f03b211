"""``storyline analyze`` over N generated hostile files, as a user runs it (a separate process).

Usage: python bench/hostile_run.py [N [SEED [KIND_TO_SKIP ...]]] [--analyze-flag ...]
(default 10,000 files, seed 0; flags such as --no-report go to ``storyline analyze``;
``make hostile``; minutes, so not in CI: tests/test_hostile.py runs 300 files of the same kinds)

Checks what the input standard promises and exits 1 when one fails:
- no traceback and exit 0;
- every file on disk analysed, a duplicate or rejected with a reason (``hostile.audit`` walks the
  input folder, not the generator's list);
- every valid file's kept text is its own, character for character (legacy code pages,
  UTF-16/32, declared and mis-declared HTML charsets);
- every bad file the generator marked ``reject`` is reported.
Prints rejections grouped by reason, wall time, and peak memory: the largest resident set of the
whole process tree (the run and its analysis workers, sampled every 0.2 s from /proc).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hostile import audit, generate

from storyline.ingest.readers import display_name

#: The run is killed when its process tree passes this (the bar is 600 MB; this only protects the
#: machine from a runaway, and the run then fails)
MEMORY_LIMIT = 6e9


def main(n: int, seed: int, skip: tuple[str, ...] = (), flags: tuple[str, ...] = ()) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        src, out = root / "in", root / "out"
        t0 = time.perf_counter()
        entries = generate(src, n, seed, skip=skip)
        print(f"generated {len(entries):,} files in {time.perf_counter() - t0:.0f}s", flush=True)
        cmd = [sys.executable, "-c", "from storyline.cli import main; main()", "analyze", str(src)]
        cmd += ["--out", str(out), "--db", str(root / "s.duckdb"), "--quiet", *flags]
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        peak = _PeakRss(proc.pid, limit=MEMORY_LIMIT, on_limit=proc.kill)
        output, _ = proc.communicate()
        peak.stop()
        if peak.over:
            output += f"\nkilled: the process tree passed {MEMORY_LIMIT / 1e9:.0f} GB"
        took = time.perf_counter() - t0
        stories = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(out.rglob("story.json"))]
        index = out / "stories.json"
        rejected = json.loads(index.read_text(encoding="utf-8"))["rejected"] if index.exists() else []
        for s in stories:
            rejected += s.get("rejected", [])
        articles = [a for s in stories for a in s["articles"]]
        got = audit(src, entries, articles, [r["source"] for r in rejected])
        unreported = [
            e.path for e in entries if e.expect == "reject" and display_name(src / e.path) not in got.rejected
        ]
        valid = sum(1 for e in entries if e.text is not None)
        print(
            f"exit {proc.returncode} in {took:.0f}s; peak memory {peak.mb:,.0f} MB (process tree), "
            f"{peak.single / 1e6:,.0f} MB (largest process); "
            f"{got.files:,} files on disk: {len(got.analysed):,} analysed, {len(got.duplicates):,} "
            f"duplicates, {len(got.rejected):,} rejected, {len(got.lost)} lost; "
            f"{valid:,} valid texts checked, {len(got.misread)} misread"
        )
        for reason, count in Counter(_reason_key(r["reason"]) for r in rejected).most_common():
            print(f"  {count:6,} {reason}")
        problems = [f"lost {p}" for p in got.lost] + [f"misread {m}" for m in got.misread]
        problems += [f"unreported {p!r}" for p in unreported]
        for line in problems[:50]:
            print("PROBLEM", line)
        crashed = "Traceback" in output or proc.returncode != 0
        if crashed:
            print(output[-6000:])
        return 1 if crashed or problems else 0


class _PeakRss:
    """Largest summed resident set of a process and its descendants, sampled from /proc."""

    def __init__(
        self,
        pid: int,
        every: float = 0.2,
        limit: float = float("inf"),
        on_limit: Callable[[], None] = lambda: None,
    ) -> None:
        self.pid, self.every, self.peak, self.single = pid, every, 0, 0
        self.limit, self.on_limit, self.over = limit, on_limit, False
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    @property
    def mb(self) -> float:
        return self.peak / 1e6

    def stop(self) -> None:
        self._done.set()
        self._thread.join()

    def _run(self) -> None:
        page = os.sysconf("SC_PAGE_SIZE")
        while not self._done.wait(self.every):
            sizes = [_rss_pages(p) * page for p in _tree(self.pid)]
            self.peak = max(self.peak, sum(sizes))
            self.single = max(self.single, *sizes, 0)
            if self.peak > self.limit and not self.over:  # spare a shared machine: stop the run
                self.over = True
                self.on_limit()


def _tree(root: int) -> list[int]:
    parent: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parent[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo += [c for c, p in parent.items() if p == pid]
    return out


def _rss_pages(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0


def _reason_key(reason: str) -> str:
    """Group reasons by their wording, without the numbers and quoted bits."""
    return re.sub(r"\d[\d,]*|'[^']*'|\"[^\"]*\"|:.*", "#", reason)[:80]


if __name__ == "__main__":
    flags = tuple(a for a in sys.argv[1:] if a.startswith("--"))  # passed on to analyze
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n, seed = int(args[0]) if args else 10_000, int(args[1]) if len(args) > 1 else 0
    sys.exit(main(n, seed, tuple(args[2:]), flags))
