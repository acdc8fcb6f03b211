"""Run the stages in this process: ingest → analyse → fuse → present.

The runner checks every hand-off and names the stage that broke, and asks the store first so
a second run over the same files does no analysis twice.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .. import __version__
from ..analyse import analyse_isolated, analysis_key
from ..errors import StageError
from ..fuse import fuse_many
from ..ingest import ingest
from ..model import Analysis, Article, Rejected, Story
from ..present.build import build_presentation
from ..present.llm import LLMConfig
from ..present.report import write_report
from ..present.story_json import write_story
from ..settings import Settings
from ..store import Store

__all__ = ["RunReport", "analyse_in_pool", "present", "run", "write_outputs"]

Progress = Callable[[Iterable[Any]], Iterable[Any]]


@dataclass
class RunReport:
    story: Story  # the largest story (the only one when the input is one story)
    stories: list[Story]
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


def analyse_in_pool(articles: list[Article], workers: int) -> tuple[list[Analysis], list[Rejected]]:
    """Analyse in ``workers`` processes (each loads spaCy once); 1 means in this process.

    Articles are dealt round-robin into one chunk per worker so long and short ones mix; the
    result keeps the input order. An article whose analysis fails is returned as ``Rejected``.
    """
    if workers <= 1 or len(articles) < 2 * workers:
        return analyse_isolated(articles)
    chunks = [articles[i::workers] for i in range(workers)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(analyse_isolated, chunks))
    by_id = {an.article: an for done, _ in results for an in done}
    failed = [r for _, rejected in results for r in rejected]
    return [by_id[a.id] for a in articles if a.id in by_id], failed


def run(paths: list[str], settings: Settings, progress: Progress | None = None) -> RunReport:
    """Ingest, analyse (reusing the store), fuse each story, present it and write the outputs."""
    ingested = ingest(paths, settings, progress=progress)
    _check("ingest", ingested.articles, Article)
    articles = ingested.articles
    keys = {a.id: analysis_key(a) for a in articles if a.duplicate_of is None}
    with Store(settings.db) as store:
        cached = store.get_analyses(keys)
        need = {a.id: a for a in articles if a.id in keys and a.id not in cached}
        if settings.engine == "ray":
            from .ray_runner import analyse_on_ray

            fresh, failed = analyse_on_ray(list(need.values()), settings.workers)
        else:
            fresh, failed = analyse_in_pool(list(need.values()), settings.workers)
        rejected = [*ingested.rejected, *failed]
        _check("analyse", fresh, Analysis)
        store.put_articles(articles)
        store.put_analyses((an, keys[an.article]) for an in fresh)
        store.put_rejected(rejected)
        analyses = [*cached.values(), *fresh]
        stories = (
            fuse_many(articles, analyses, settings.summary_sentences, semantic=settings.semantic)
            if articles
            else []
        )
        _check("fuse", stories, Story)
        stories = [_present_or_keep(s, analyses, settings) for s in stories]
        _check("present", stories, Story)
        for story in stories:
            store.put_story(story)
    outputs = write_outputs(stories, rejected, settings)
    main = max(stories, key=lambda s: len(s.articles)) if stories else Story(__version__)
    return RunReport(
        story=main,
        stories=stories,
        files=ingested.files,
        articles=len(articles),
        duplicates=sum(1 for a in articles if a.duplicate_of),
        rejected=rejected,
        reused=len(cached),
        analysed=len(fresh),
        outputs=outputs,
    )


def present(story: Story, analyses: list[Analysis], settings: Settings) -> Story:
    """Timeline, summary and relations for one fused story."""
    llm = LLMConfig(settings.llm_url, settings.llm_model) if settings.llm_url and settings.llm_model else None
    ids = {a.id for a in story.articles}
    own = [an for an in analyses if an.article in ids]
    return build_presentation(
        story, own, summary_sentences=settings.summary_sentences, period=settings.period, llm=llm
    )


def _report_or_note(story: Story, path: Path) -> list[Path]:
    """Write report.html; a rendering bug costs the report, never story.json or other stories."""
    try:
        return [write_report(story, path)]
    except Exception as e:  # the per-story boundary, as in _present_or_keep
        failures = path.with_name("report-failed.txt")
        failures.write_text(f"report.html could not be written: {type(e).__name__}: {e}\n", encoding="utf-8")
        return [failures]


def _present_or_keep(story: Story, analyses: list[Analysis], settings: Settings) -> Story:
    """Present one story; if that breaks, keep the fused story (with a note) rather than lose it."""
    try:
        return present(story, analyses, settings)
    except Exception as e:  # the per-story boundary: one story's bug must not cost the others
        note = f"presentation failed ({type(e).__name__}: {e}); timeline, summary and relations are missing"
        return replace(story, notes=(*story.notes, note))


def write_outputs(stories: list[Story], rejected: list[Rejected], settings: Settings) -> list[Path]:
    """One story: DIR/story.json (+ report.html). Several: DIR/stories.json and a folder per story."""
    out = settings.out
    written: list[Path] = []
    if len(stories) <= 1:
        story = stories[0] if stories else Story(__version__)
        story = replace(story, rejected=tuple(rejected))
        written.append(write_story(story, out / "story.json"))
        if settings.report and stories:
            written.extend(_report_or_note(story, out / "report.html"))
        return written
    index = {
        "storyline_version": __version__,
        "rejected": [r.to_dict() for r in rejected],
        "stories": [
            {
                "id": s.id,
                "title": s.title,
                "articles": [a.id for a in s.articles],
                "story": f"{s.id}/story.json",
                "report": f"{s.id}/report.html" if settings.report else None,
            }
            for s in stories
        ],
    }
    out.mkdir(parents=True, exist_ok=True)
    (out / "stories.json").write_text(json.dumps(index, ensure_ascii=False, indent=1), encoding="utf-8")
    written.append(out / "stories.json")
    for s in stories:
        written.append(write_story(s, out / s.id / "story.json"))
        if settings.report:
            written.extend(_report_or_note(s, out / s.id / "report.html"))
    return written
