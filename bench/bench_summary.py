"""Extractive summary cost at scale: one synthetic story of N candidate sentences.

Usage: python bench/bench_summary.py [N ...]   (default: 1000 4000 16000)
Articles hold 20 sentences each (under the per-article cap, so all N are candidates). Each
sentence restates one of N/10 shared facts (so outlets overlap, as on a real story) in words
drawn from a Zipf-like vocabulary, plus filler. Prints seconds and peak memory (RSS) per size.
"""

from __future__ import annotations

import random
import resource
import sys
import time

from storyline.model import Article, Story
from storyline.present.summary import extractive_summary

PER_ARTICLE = 20
SYLLABLES = ["ka", "lo", "mir", "ta", "ven", "dor", "sel", "rin", "bo", "zan", "pel", "qui", "har", "nu"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def story(n: int, seed: int = 7) -> Story:
    rng = random.Random(seed)
    vocab = list(dict.fromkeys(_word(rng) for _ in range(max(2000, n))))
    weights = [1.0 / (k + 1) for k in range(len(vocab))]  # Zipf: a few words everywhere

    def words(k: int) -> list[str]:
        return rng.choices(vocab, weights=weights, k=k)

    facts = [words(12) for _ in range(max(1, n // 10))]
    articles = []
    for a in range(max(1, n // PER_ARTICLE)):
        sents = []
        for _ in range(PER_ARTICLE):
            fact = list(rng.choice(facts))
            for _ in range(3):  # each outlet words a fact a little differently
                fact[rng.randrange(len(fact))] = words(1)[0]
            body = fact + words(rng.randint(2, 10))
            sents.append("Officials " + " ".join(body) + ".")
        articles.append(
            Article(
                f"a{a:05d}", f"a{a}.txt", " ".join(sents), outlet=f"Outlet {a % 40}", published="2024-05-06"
            )
        )
    return Story("bench", articles=tuple(articles), id="bench")


def main(sizes: list[int]) -> None:
    for n in sizes:
        s = story(n)
        t = time.perf_counter()
        out = extractive_summary(s, n=8)
        secs = time.perf_counter() - t
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"summary {n:>6} sentences ({len(s.articles)} articles): {secs:6.2f} s, "
            f"{len(out)} picked, peak RSS {rss:.0f} MB"
        )


if __name__ == "__main__":
    main([int(x) for x in sys.argv[1:]] or [1000, 4000, 16000])
