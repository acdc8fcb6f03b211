"""Shared fixtures: the spaCy model, the seeds folder (skips when absent), article builders."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from storyline.analyse.nlp import load_nlp
from storyline.ingest import article_id
from storyline.model import Article, Event

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
DEMO = ROOT / "examples" / "demo"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return SEEDS


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    return DEMO


def make_article(text: str, published: str | None = "2023-06-17", **kw: object) -> Article:
    """An Article built by hand, for tests where ingest is not the point."""
    return Article(
        id=article_id(text),
        source=str(kw.pop("source", "test.txt")),
        text=text,
        published=published,
        published_precision="day" if published else None,
        **kw,
    )  # type: ignore[arg-type]


def events_of(nlp: Language, text: str, published: str | None) -> list[Event]:
    """The analyse stage's events for ``text`` as one article (actors and dates resolved first)."""
    from storyline.analyse.actors.resolve import find_mentions, resolve_local
    from storyline.analyse.events.extract import extract_events
    from storyline.analyse.time.dates import extract_timerefs

    article = make_article(text, published=published)
    doc = nlp(text)
    mentions, actors = resolve_local(find_mentions(doc, article), article)
    return extract_events(doc, article, mentions, actors, extract_timerefs(doc, article))


def trigger_text(text: str, e: Event) -> str:
    """The words that name event ``e`` in ``text``."""
    assert e.trigger_span is not None
    return text[e.trigger_span.start : e.trigger_span.end]
