"""Hand-built articles and analyses for fusion tests (no spaCy: fusion is not about parsing)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from storyline.model import Analysis, Article, Span

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "fusion"
_SENT = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")


def article(
    key: str,
    text: str,
    outlet: str | None = None,
    published: str = "2024-03-05",
    copy_of: str | None = None,
    title: str | None = None,
) -> Article:
    return Article(
        id=key,
        source=f"{key}.txt",
        text=text,
        outlet=outlet,
        published=published,
        published_precision="day",
        duplicate_of=copy_of,
        title=title,
    )


def analysis(a: Article) -> Analysis:
    """Sentences split at . ! ? and line breaks; spans trimmed of leading spaces."""
    spans = []
    for m in _SENT.finditer(a.text):
        start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        if m.end() > start:
            spans.append(Span(a.id, start, m.end()))
    return Analysis(article=a.id, sentences=tuple(spans))


def mixed_corpus() -> tuple[list[Article], dict[str, str]]:
    """The fixture corpus and each article's true story."""
    data = json.loads((FIXTURES / "mixed_corpus.json").read_text(encoding="utf-8"))
    arts = [
        article(x["key"], x["text"], x["outlet"], x["published"], x.get("copy_of"), x["title"])
        for x in data["articles"]
    ]
    return arts, {x["key"]: x["story"] for x in data["articles"]}
