"""Fusion cost at scale: synthetic articles in many stories, clustered then fused story by story.

Usage: python bench/bench_fusion.py [N ...]   (default: 1000 10000)
Each synthetic story has its own named actors and place drawn from a vocabulary, a shared
pool of news words, and dates spread over weeks; a fifth of articles are wire copies.
Prints seconds for clustering and for fuse_many, and whether clustering recovered the stories.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time

from storyline.fuse import cluster_stories, fuse_many
from storyline.model import Analysis, Article, Span

COMMON = [
    "officials",
    "said",
    "the",
    "talks",
    "would",
    "continue",
    "as",
    "pressure",
    "grew",
    "on",
    "the",
    "government",
    "and",
    "analysts",
    "warned",
    "that",
    "the",
    "situation",
    "could",
    "worsen",
    "before",
    "it",
    "improved",
    "according",
    "to",
    "people",
    "familiar",
    "with",
    "the",
    "matter",
]
SYLLABLES = ["ka", "lo", "mir", "ta", "ven", "dor", "sel", "rin", "bo", "zan", "pel", "qui", "har", "nu"]


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(4)).capitalize()


def corpus(
    n: int, per_story: int = 10, seed: int = 7
) -> tuple[list[Article], list[Analysis], dict[str, int]]:
    rng = random.Random(seed)
    stories = max(1, n // per_story)
    start = dt.date(2024, 1, 1)
    plans = []
    for _ in range(stories):
        names = [_name(rng) for _ in range(4)]
        topic = [_name(rng).lower() for _ in range(6)]
        plans.append((names, topic, start + dt.timedelta(days=rng.randrange(0, 180))))
    arts: list[Article] = []
    ans: list[Analysis] = []
    truth: dict[str, int] = {}
    for i in range(n):
        s = i % stories
        names, topic, day = plans[s]
        if i >= stories and rng.random() < 0.2:  # wire copy of an earlier article of this story
            orig = arts[rng.randrange(len(arts))]
            if truth[orig.id] == s:
                aid = f"a{i}"
                arts.append(
                    Article(
                        id=aid,
                        source=aid,
                        text=orig.text + " ",
                        published=orig.published,
                        outlet=f"outlet{rng.randrange(40)}",
                        duplicate_of=orig.id,
                    )
                )
                truth[aid] = s
                continue
        sents = []
        for _ in range(6):
            words = rng.sample(COMMON, 8) + rng.sample(topic, 3) + [rng.choice(names)]
            rng.shuffle(words)
            sents.append(f"{rng.choice(names)} " + " ".join(words) + f" in {names[0]}ville.")
        text = " ".join(sents)
        aid = f"a{i}"
        published = (day + dt.timedelta(days=rng.randrange(0, 10))).isoformat()
        arts.append(
            Article(id=aid, source=aid, text=text, published=published, outlet=f"outlet{rng.randrange(40)}")
        )
        spans, pos = [], 0
        for sent in sents:
            spans.append(Span(aid, pos, pos + len(sent)))
            pos += len(sent) + 1
        ans.append(Analysis(article=aid, sentences=tuple(spans)))
        truth[aid] = s
    return arts, ans, truth


def main(sizes: list[int]) -> None:
    for n in sizes:
        arts, ans, truth = corpus(n)
        t0 = time.perf_counter()
        groups = cluster_stories(arts, ans)
        t1 = time.perf_counter()
        stories = fuse_many(arts, ans)
        t2 = time.perf_counter()
        pure = sum(1 for g in groups if len({truth[a] for a in g}) == 1)
        print(
            f"n={n}: stories true={len(set(truth.values()))} found={len(groups)} pure={pure}; "
            f"cluster {t1 - t0:.2f}s, fuse_many {t2 - t1:.2f}s ({len(stories)} stories, "
            f"{sum(len(s.claims) for s in stories)} claims)"
        )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000])
