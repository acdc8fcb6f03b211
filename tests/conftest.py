"""Shared fixtures: the spaCy model, the seeds folder (skips when absent), article builders."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from storyline.analyse.nlp import load_nlp
from storyline.ingest import article_id
from storyline.model import Article

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
