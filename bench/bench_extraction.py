"""Article-body extraction on the HTML page set: storyline vs bare trafilatura, same pages, same run.

The pages (``bench/pages``, written by ``bench/pages/make_pages.py``: news sites, blogs with
comments, magazine long-reads split over many containers, old table-layout pages, portals with
sidebars; English, Spanish, German, Portuguese, Japanese) each come with a gold body. The score
is shingle F1 as the public article-extraction benchmarks compute it: the multiset of word
4-grams of the extracted text against the gold's (each CJK character counts as a word).
"trafilatura" is its defaults, "trafilatura-nc" the options storyline calls it with (no
comments, tables kept). Storyline must score at least what the extractor underneath it
scores. Usage:
python bench/bench_extraction.py [-v]
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import trafilatura

from storyline.errors import InputError
from storyline.ingest import article_from_raw
from storyline.ingest.readers import RawDoc
from storyline.settings import Settings

PAGES = Path(__file__).parent / "pages"
_TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]|[^\W_]+", re.UNICODE)
N = 4


def shingles(text: str) -> Counter[tuple[str, ...]]:
    words = _TOKEN.findall(text.lower())
    return Counter(tuple(words[i : i + N]) for i in range(max(1, len(words) - N + 1)))


def prf(pred: str, gold: str) -> tuple[float, float, float]:
    p_sh, g_sh = shingles(pred), shingles(gold)
    tp = sum((p_sh & g_sh).values())
    p = tp / sum(p_sh.values()) if p_sh and pred.strip() else 0.0
    r = tp / sum(g_sh.values()) if g_sh else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def storyline_body(name: str, html: str) -> str:
    try:
        return article_from_raw(RawDoc(source=name, text="", format="html", html=html), Settings()).text
    except InputError:
        return ""


def main(verbose: bool = False) -> dict[str, float]:
    totals = {k: [0.0, 0.0, 0.0] for k in ("storyline", "trafilatura", "trafilatura-nc")}
    pages = sorted(PAGES.glob("*.html"))
    rejected = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        gold = page.with_suffix(".txt").read_text(encoding="utf-8")
        ours = storyline_body(page.name, html)
        rejected += not ours
        theirs = trafilatura.extract(html) or ""
        # as storyline calls it: no comments, tables kept
        plain = trafilatura.extract(html, include_comments=False, include_tables=True) or ""
        for who, text in (("storyline", ours), ("trafilatura", theirs), ("trafilatura-nc", plain)):
            for k, v in enumerate(prf(text, gold)):
                totals[who][k] += v
        if verbose:
            a, b = prf(ours, gold)[2], prf(theirs, gold)[2]
            print(f"  {page.stem:36} storyline {a:.3f}  trafilatura {b:.3f}{'  <' if a < b - 1e-9 else ''}")
    out = {}
    print(f"extraction on {len(pages)} pages (shingle P / R / F1, mean over pages):")
    for who, (p, r, f) in totals.items():
        n = len(pages) or 1
        out[who] = f / n
        print(f"  {who:14} P {p / n:.3f}  R {r / n:.3f}  F1 {f / n:.3f}")
    gain = out["storyline"] - max(out["trafilatura"], out["trafilatura-nc"])
    print(f"  storyline rejected {rejected} page(s); storyline - best trafilatura F1: {gain:+.3f}")
    return out


if __name__ == "__main__":
    main("-v" in sys.argv)
