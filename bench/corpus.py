"""Generate a news-like corpus for the scale benchmarks: stories of several articles, each
article about 900 tokens (the length of the real articles the issue measured on), with named
officials, titles, quotes, dated events and places, so every analysis step has work to do.

    python bench/corpus.py OUT_DIR N [--per-story K] [--seed S] [--tokens T] [--jsonl]

Writes OUT_DIR/NNNNNN.txt with a .meta.json sidecar (outlet, date, title), or one
OUT_DIR/corpus.jsonl with ``--jsonl``. Deterministic for a seed; the text is made here from
word lists (no real article is copied).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Generated", "articles", "write_corpus"]

COUNTRIES = [
    ("Norway", "Norwegian", "Oslo"),
    ("Japan", "Japanese", "Tokyo"),
    ("Kenya", "Kenyan", "Nairobi"),
    ("Brazil", "Brazilian", "Brasilia"),
    ("Canada", "Canadian", "Ottawa"),
    ("Egypt", "Egyptian", "Cairo"),
    ("India", "Indian", "New Delhi"),
    ("Poland", "Polish", "Warsaw"),
    ("Chile", "Chilean", "Santiago"),
    ("Vietnam", "Vietnamese", "Hanoi"),
    ("Turkey", "Turkish", "Ankara"),
    ("Mexico", "Mexican", "Mexico City"),
    ("Ghana", "Ghanaian", "Accra"),
    ("Australia", "Australian", "Canberra"),
    ("Germany", "German", "Berlin"),
    ("Indonesia", "Indonesian", "Jakarta"),
]
TITLES = ["Foreign Minister", "Defence Minister", "Prime Minister", "Trade Minister", "President"]
FIRST = ["Anna", "Lars", "Yuki", "Amina", "Paulo", "Claire", "Omar", "Priya", "Marek", "Sofia", "Linh"]
FIRST += ["Mehmet", "Carlos", "Kwame", "Grace", "Jonas", "Dewi", "Ravi", "Elena", "Tomas", "Nadia"]
LAST = ["Haugen", "Tanaka", "Odhiambo", "Silva", "Tremblay", "Hassan", "Sharma", "Nowak", "Rojas"]
LAST += ["Nguyen", "Yilmaz", "Garcia", "Mensah", "Walsh", "Weber", "Santoso", "Kumar", "Petrov"]
OUTLETS = ["Harbour Post", "Coral Times", "Daily Meridian", "Northern Ledger", "Capital Wire"]
OUTLETS += ["Evening Courier", "Global Review", "Morning Dispatch"]
TOPICS = ["fishing rights", "a border dispute", "a trade agreement", "a pipeline project", "water sharing"]
TOPICS += ["a naval incident", "tariffs on steel", "a prisoner exchange", "climate finance", "port access"]
ACTS = [
    ("met", "in {city} on {day}", "talks"),
    ("visited", "on {day}", "visit"),
    ("signed an agreement with", "in {city} on {day}", "agreement"),
    ("criticised", "on {day}", "criticism"),
    ("accused", "of violating the ceasefire on {day}", "accusation"),
    ("threatened to impose sanctions on", "on {day}", "threat"),
    ("offered aid to", "after the floods on {day}", "aid"),
    ("called for talks with", "on {day}", "appeal"),
]
FILLER = [
    "Analysts said the outcome would shape relations in the region for years.",
    "The talks had been delayed twice since the spring because of disagreements over wording.",
    "Officials familiar with the negotiations, who asked not to be named, described them as difficult.",
    "Opposition lawmakers demanded that the government publish the full text of any deal.",
    "Markets reacted calmly, with the currency little changed by the afternoon.",
    "Diplomats said a second round could follow before the end of the year.",
    "Fishermen in the coastal towns said they had waited months for a decision.",
    "The ministry declined to comment on the timetable when contacted by reporters.",
    "Several business groups welcomed the move but warned that details were still missing.",
    "Human rights organisations urged both sides to put civilians first.",
    "The last comparable meeting took place in 2019, when relations were warmer.",
    "Protesters gathered outside the parliament building for a third day.",
]

SYLLABLES = ["ka", "lo", "mir", "ta", "ven", "dor", "sel", "rin", "bo", "zan", "pel", "qui", "har", "nu"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass(frozen=True)
class Generated:
    name: str
    text: str
    meta: dict[str, str]


#: Weeks from 6 January 2025 over which stories start, then again from the first week: the last
#: article is dated 18 November 2026 at the latest.
STORY_WEEKS = 96


#: Body length in words and punctuation marks, headline and sign-off aside (~900 tokens in all).
TOKENS = 820


def articles(n: int, per_story: int = 10, seed: int = 14, tokens: int = TOKENS) -> Iterator[Generated]:
    """``n`` articles in stories of ``per_story`` articles, one story at a time; ``tokens``: the
    body's length (shorter articles make a 10^5-article run affordable on a small machine)."""
    rng = random.Random(seed)
    start = dt.date(2025, 1, 6)
    story: dict[str, object] = {}
    for i in range(n):
        if i % per_story == 0:
            a, b = rng.sample(COUNTRIES, 2)
            story = {
                "a": a,
                "b": b,
                "pa": (rng.choice(TITLES), f"{rng.choice(FIRST)} {rng.choice(LAST)}"),
                "pb": (rng.choice(TITLES), f"{rng.choice(FIRST)} {rng.choice(LAST)}"),
                "topic": rng.choice(TOPICS),
                # weekly slots that wrap after STORY_WEEKS, so that no article is dated in the
                # future (ingest drops a date over a year ahead: 1,480 of 3,000 articles came out
                # undated, and fusion parsed each again once its story dated it)
                "date": start + dt.timedelta(days=7 * ((i // per_story) % STORY_WEEKS) + rng.randrange(7)),
                # invented names only this story uses (a town, a company, a river, an envoy):
                # what tells real stories apart when their countries and verbs overlap
                "names": [_invented(rng) for _ in range(6)],
                # and its own subject matter: invented nouns standing for what the story is about
                "words": [_invented(rng).lower() for _ in range(60)],
            }
        date = story["date"] + dt.timedelta(days=rng.randrange(4))  # type: ignore[operator]
        outlet = rng.choice(OUTLETS)
        text, title = _article(rng, story, date, tokens)
        yield Generated(f"{i:06d}", text, {"outlet": outlet, "published": date.isoformat(), "title": title})


def _about(rng: random.Random, words: list[str], town: str) -> str:
    a, b, c, d = rng.sample(words, 4)
    return rng.choice(
        [
            f"The {a} and the {b} near {town} were the main concern of the {c} inspectors.",
            f"Residents said the {a} had damaged the {b}, and that the {c} would need new {d} equipment.",
            f"Engineers reported that the {a} of the {b} had reached the {c} by the end of the week.",
            f"A report on the {a} warned that {b} and {c} costs in {town} had doubled since the {d} began.",
        ]
    )


def _invented(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randrange(2, 4))).capitalize()


def _article(rng: random.Random, s: dict[str, object], date: dt.date, length: int) -> tuple[str, str]:
    (ca, adj_a, city_a), (cb, adj_b, city_b) = s["a"], s["b"]  # type: ignore[misc]
    (ta, na), (tb, nb) = s["pa"], s["pb"]  # type: ignore[misc]
    town, firm, river, envoy, port, group = s["names"]  # type: ignore[misc]
    topic = f"{s['topic']} near {town}"
    title = f"{ca} and {cb} at odds over {s['topic']} in {town}"
    paras = [f"{adj_a} {ta} {na} and {adj_b} {tb} {nb} spoke about {topic} this week."]
    tokens = 0
    n = 0
    while tokens < length:
        n += 1
        day = DAYS[(date.weekday() - rng.randrange(1, 4)) % 7]
        verb, tail, noun = rng.choice(ACTS)
        city = rng.choice([city_a, city_b])
        who, whom = rng.sample([(f"{adj_a} {ta} {na}", na, ca), (f"{adj_b} {tb} {nb}", nb, cb)], 2)
        sentences = [
            f"{who[0]} {verb} {whom[2]} {tail.format(city=city, day=day)}, officials said.",
            f"“We will not accept any {noun} that ignores our people,” {who[1].split()[-1]} told reporters"
            f" in {city}.",
            rng.choice(FILLER),
            f"{whom[1].split()[-1]} said the {noun} over {topic} was “a serious matter” and promised"
            f" a response by {rng.choice(DAYS)}.",
            rng.choice(FILLER),
            f"The {firm} company, which operates the {port} terminal on the {river} river, said work"
            f" near {town} had stopped.",
            f"Envoy {envoy} {group} is expected to travel to {town} to meet residents.",
            *(_about(rng, s["words"], town) for _ in range(4)),  # type: ignore[arg-type]
            f"The government of {whom[2]} said on {day} it would send a delegation to {city} "
            f"to discuss {topic} later in {date.strftime('%B')}.",
        ]
        rng.shuffle(sentences)
        para = " ".join(sentences[: rng.randrange(4, 9)])
        paras.append(para)
        tokens += len(para.split()) + para.count(",") + para.count(".")
    paras.append(f"Reporting by the {rng.choice(OUTLETS)} desk; story {rng.getrandbits(48):012x}.")
    return "\n\n".join(paras), title


def write_corpus(
    out: Path, n: int, per_story: int = 10, seed: int = 14, jsonl: bool = False, tokens: int = TOKENS
) -> Path:
    """Write the corpus under ``out`` and return the folder (or the JSONL file)."""
    out.mkdir(parents=True, exist_ok=True)
    if jsonl:
        path = out / "corpus.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for g in articles(n, per_story, seed, tokens):
                f.write(json.dumps({"text": g.text, **g.meta}, ensure_ascii=False) + "\n")
        return path
    for g in articles(n, per_story, seed, tokens):
        (out / f"{g.name}.txt").write_text(g.text, encoding="utf-8")
        (out / f"{g.name}.meta.json").write_text(json.dumps(g.meta), encoding="utf-8")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out", type=Path)
    ap.add_argument("n", type=int)
    ap.add_argument("--per-story", type=int, default=10)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--tokens", type=int, default=TOKENS, help="body length (default ~900-token articles)")
    ap.add_argument("--jsonl", action="store_true")
    args = ap.parse_args()
    print(write_corpus(args.out, args.n, args.per_story, args.seed, args.jsonl, args.tokens))
    return 0


if __name__ == "__main__":
    sys.exit(main())
