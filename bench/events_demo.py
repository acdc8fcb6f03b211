"""Events on the demo corpus beside its gold: which predicted events match, which are extra.

Usage: ``python bench/events_demo.py [examples/demo/gold.json]`` — prints, per article, the gold
events missed and the predicted events no gold event matches (the eval gate's false positives).
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path


def main() -> None:
    gold_path = Path(sys.argv[1] if len(sys.argv) > 1 else "examples/demo/gold.json")
    from storyline.analyse import analyse_articles
    from storyline.evaluate import _event_matches
    from storyline.ingest import ingest
    from storyline.settings import Settings

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db=Path(tmp) / "eval.duckdb", out=Path(tmp))
        ing = ingest([str(gold_path.parent)], settings)
        articles = {a.id: a for a in ing.articles}
        analyses = list(analyse_articles(a for a in ing.articles if a.duplicate_of is None))
    tp = fp = fn = 0
    for an in analyses:
        art = articles[an.article]
        g = gold["articles"].get(Path(art.source).name, {})
        used: set[str] = set()
        print(f"== {Path(art.source).name}")
        for ge in g.get("events", []):
            hit = next((e for e in an.events if e.id not in used and _event_matches(e, ge)), None)
            if hit is None:
                fn += 1
                print(f"  MISSED {ge}")
            else:
                tp += 1
                used.add(hit.id)
        for e in an.events:
            if e.id not in used:
                fp += 1
                trig = art.text[e.trigger_span.start : e.trigger_span.end] if e.trigger_span else ""
                print(f"  EXTRA  {e.type}/{e.mode} {e.date} '{trig}' {e.summary!r}")
    print(f"tp {tp} fp {fp} fn {fn}")


if __name__ == "__main__":
    main()
