"""Run ``storyline analyze`` over generated hostile files and check nothing crashed or vanished.

Usage: python bench/hostile_run.py N [SEED [KIND_TO_SKIP ...]]
(not part of CI: thousands of files take minutes)

Prints rejections grouped by reason, files neither analysed nor reported (lost), and any
traceback; exits 1 when a check fails.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hostile import generate

from storyline.cli import app
from storyline.ingest.readers import display_name


def _stories(out: Path) -> list[dict[str, object]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(out.rglob("story.json"))]


def _reason_key(reason: str) -> str:
    """Group reasons by their wording, without the numbers and quoted bits."""
    return re.sub(r"\d[\d,]*|'[^']*'|\"[^\"]*\"|:.*", "#", reason)[:80]


def main(n: int, seed: int, skip: tuple[str, ...] = ()) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        src = root / "in"
        entries = generate(src, n, seed, skip=skip)
        t0 = time.perf_counter()
        res = CliRunner().invoke(
            app, ["analyze", str(src), "--out", str(root / "out"), "--db", str(root / "s.duckdb")]
        )
        took = time.perf_counter() - t0
        output = res.output
        if res.exception and not isinstance(res.exception, SystemExit):
            import traceback

            output += "".join(traceback.format_exception(res.exception))
        stories = _stories(root / "out")
        index = root / "out" / "stories.json"
        rejected = json.loads(index.read_text())["rejected"] if index.exists() else []
        for s in stories:
            rejected += s.get("rejected", [])  # type: ignore[operator]
        sources = {a["source"] for s in stories for a in s["articles"]}  # type: ignore[attr-defined]
        rej_sources = [r["source"] for r in rejected]
        lost = []
        for e in entries:
            p = display_name(src / e.path)
            if e.expect == "ignore":
                continue
            analysed = p in sources
            reported = any(r == p or r.startswith(p + "#") or r.startswith(p + ":") for r in rej_sources)
            if (e.expect == "reject" and not reported) or (e.expect == "accept" and not analysed):
                lost.append(f"{e.expect:6} {e.kind}: {e.path!r} (analysed={analysed}, reported={reported})")
            elif not (analysed or reported):
                lost.append(f"lost   {e.kind}: {e.path!r}")
        print(f"exit {res.exit_code} in {took:.1f}s; {len(entries)} files, {len(sources)} analysed sources")
        by_reason = Counter(_reason_key(r["reason"]) for r in rejected)
        for reason, count in by_reason.most_common():
            print(f"  {count:5} {reason}")
        for line in lost:
            print("PROBLEM", line)
        crashed = "Traceback" in output or res.exit_code != 0
        if crashed:
            print(output[-6000:])
        return 1 if crashed or lost else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    sys.exit(main(int(args[0]) if args else 3000, int(args[1]) if len(args) > 1 else 0, tuple(args[2:])))
