"""Ingest throughput in articles/s: text, HTML, and trafilatura's bare extraction on the same HTML.

The corpus is generated here (synthetic sentences plus page junk), so the numbers are
comparable across machines and runs. Usage: python bench/bench_ingest.py [N]
"""

from __future__ import annotations

import random
import sys
import time

import trafilatura

from storyline.ingest import article_from_raw
from storyline.ingest.readers import RawDoc
from storyline.settings import Settings

SUBJECTS = ["The minister", "Officials", "The council", "A spokeswoman", "The company", "Analysts"]
VERBS = ["said on Monday", "announced", "warned", "told reporters", "confirmed in a statement"]
OBJECTS = [
    "that talks on the trade deal would resume next week",
    "that the budget would be cut by a tenth",
    "that the bridge would reopen in the spring",
    "that the two sides had agreed to meet again",
]
JUNK = ["Subscribe Now", "Share this article", "Advertisement", "Most Read", "Back to top"]


def _article(rng: random.Random) -> tuple[str, list[str]]:
    title = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} new plan"
    paras = [
        " ".join(f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}." for _ in range(3))
        for _ in range(rng.randint(8, 14))
    ]
    return title, paras


def _text(title: str, paras: list[str], rng: random.Random) -> str:
    lines = [title, "By Ana Writer", *paras]
    for j in JUNK[: rng.randint(1, len(JUNK))]:
        lines.insert(rng.randint(3, len(lines)), j)
    return "\n\n".join(lines)


def _html(title: str, paras: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (
        f"<html><head><title>{title}</title><meta property='og:site_name' content='Bench News'>"
        f"<meta property='article:published_time' content='2024-05-01T10:00:00'></head><body>"
        f"<nav><a href='/'>Home</a><a href='/world'>World</a></nav><article><h1>{title}</h1>{body}</article>"
        f"<footer>© Bench News</footer></body></html>"
    )


def _rate(n: int, seconds: float) -> float:
    return n / seconds if seconds else float("inf")


def main(n: int = 200) -> None:
    rng = random.Random(7)
    arts = [_article(rng) for _ in range(n)]
    texts = [_text(t, p, rng) for t, p in arts]
    htmls = [_html(t, p) for t, p in arts]
    settings = Settings()

    t0 = time.perf_counter()
    for i, t in enumerate(texts):
        article_from_raw(RawDoc(source=f"t{i}.txt", text=t, format="text"), settings)
    t_text = time.perf_counter() - t0

    t0 = time.perf_counter()
    for i, h in enumerate(htmls):
        article_from_raw(RawDoc(source=f"h{i}.html", text="", format="html", html=h), settings)
    t_html = time.perf_counter() - t0

    t0 = time.perf_counter()
    for h in htmls:
        trafilatura.extract(h)
    t_bare = time.perf_counter() - t0

    print(f"articles: {n}")
    print(f"text  (storyline ingest): {_rate(n, t_text):8.1f} articles/s")
    print(f"html  (storyline ingest): {_rate(n, t_html):8.1f} articles/s")
    print(f"html  (trafilatura.extract only): {_rate(n, t_bare):8.1f} articles/s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
