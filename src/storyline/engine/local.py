"""Run the stages in this process: ingest → analyse → fuse → present.

The runner checks every hand-off and names the stage that broke, and asks the store first so
a second run over the same files does no analysis twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..analyse import ANALYSER_VERSION, analyse_articles
from ..errors import StageError
from ..fuse import fuse
from ..ingest import ingest
from ..model import Analysis, Article, Rejected, Story
from ..present.story_json import write_story
from ..settings import Settings
from ..store import Store

__all__ = ["RunReport", "analyse_in_pool", "run"]

Progress = Callable[[Iterable[Any]], Iterable[Any]]


@dataclass
class RunReport:
    story: Story
    files: int
    articles: int
    duplicates: int
    rejected: list[Rejected]
    reused: int
    analysed: int
    outputs: list[Path] = field(default_factory=list)


def _check(stage: str, items: Iterable[object], kind: type) -> None:
    for item in items:
        if not isinstance(item, kind):
            raise StageError(f"stage {stage!r} returned {type(item).__name__}, expected {kind.__name__}")


def analyse_in_pool(articles: list[Article], workers: int) -> list[Analysis]:
    """Analyse in ``workers`` processes (each loads spaCy once); 1 means in this process.

    Articles are dealt round-robin into one chunk per worker so long and short ones mix; the
    result keeps the input order.
    """
    if workers <= 1 or len(articles) < 2 * workers:
        return list(analyse_articles(articles))
    chunks = [articles[i::workers] for i in range(workers)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(_analyse_chunk, chunks))
    by_id = {an.article: an for chunk in results for an in chunk}
    return [by_id[a.id] for a in articles]


def _analyse_chunk(articles: list[Article]) -> list[Analysis]:
    return list(analyse_articles(articles))


def run(paths: list[str], settings: Settings, progress: Progress | None = None) -> RunReport:
    ingested = ingest(paths, settings, progress=progress)
    _check("ingest", ingested.articles, Article)
    articles = ingested.articles
    todo_ids = list(dict.fromkeys(a.id for a in articles if a.duplicate_of is None))
    with Store(settings.db) as store:
        cached = store.get_analyses(todo_ids, ANALYSER_VERSION)
        need = {a.id: a for a in articles if a.id in todo_ids and a.id not in cached}
        if settings.engine == "ray":
            from .ray_runner import analyse_on_ray

            fresh = analyse_on_ray(list(need.values()), settings.workers)
        else:
            fresh = analyse_in_pool(list(need.values()), settings.workers)
        _check("analyse", fresh, Analysis)
        store.put_articles(articles)
        store.put_analyses(fresh, ANALYSER_VERSION)
        store.put_rejected(ingested.rejected)
        analyses = [*cached.values(), *fresh]
        story = fuse(articles, analyses, ingested.rejected, settings.summary_sentences)
        _check("fuse", [story], Story)
        store.put_story(story)
    out = write_story(story, settings.out / "story.json")
    return RunReport(
        story=story,
        files=ingested.files,
        articles=len(articles),
        duplicates=sum(1 for a in articles if a.duplicate_of),
        rejected=ingested.rejected,
        reused=len(cached),
        analysed=len(fresh),
        outputs=[out],
    )
