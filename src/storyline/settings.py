"""One validated options object for a run, and the declarative table that documents it."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, fields
from pathlib import Path

from .errors import StorylineError

__all__ = ["Settings", "SETTINGS_HELP", "DEFAULT_WORKERS"]

#: name -> help; feeds the CLI help and docs/settings.md
SETTINGS_HELP: dict[str, str] = {
    "db": "DuckDB file that keeps every stage's output (reused on the next run).",
    "out": "Folder for story.json, report.html and exports.",
    "published": "Publication date (YYYY-MM-DD) for articles whose own date cannot be found.",
    "outlet": "Outlet name for articles whose own outlet cannot be found (a sidecar, page metadata, or a "
    "copyright, print or dateline statement in the text wins over it).",
    "max_bytes": "Files larger than this are reported and skipped.",
    "workers": "Processes for the analyse stage (default: one per core; 1 = in this process). With "
    "--engine ray, analysis actors.",
    "engine": "Where reading and analysis run: local (this process and a pool) or ray (Ray Data over "
    "shards of the input files; needs the ray extra, see docs/scale.md).",
    "ray_address": "Ray cluster to join with --engine ray (e.g. ray://head:10001 or auto); default: "
    "start a local Ray instance.",
    "summary_sentences": "How many sentences the extractive summary has.",
    "near_duplicate_threshold": "Jaccard similarity (MinHash) above which two articles are one wire story.",
    "report": "Also write report.html, a self-contained HTML report, next to story.json.",
    "llm_url": "OpenAI-compatible endpoint (…/v1) for an abstractive summary; off by default.",
    "llm_model": "Model name the --llm-url endpoint expects.",
    "recluster": "Cluster every article into stories afresh, instead of keeping the stories the last "
    "run over this --db made and placing only new articles.",
    "semantic": "Group claims with MiniLM sentence embeddings as well as words (needs the embed extra).",
    "period": "Period of the relations index: day, week, month or auto (from the story's span).",
}


def _cores() -> int:
    """The cores this process may run on (the affinity mask where the OS has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


#: --workers defaults to every core: analysis is CPU-bound and one spaCy per worker fits in
#: 600 MB (docs/scale.md).
DEFAULT_WORKERS = _cores()


@dataclass(frozen=True, kw_only=True)
class Settings:
    db: Path = Path("storyline.duckdb")
    out: Path = Path("storyline-out")
    published: str | None = None
    outlet: str | None = None
    max_bytes: int = 20_000_000
    workers: int = DEFAULT_WORKERS
    engine: str = "local"
    ray_address: str | None = None
    summary_sentences: int = 8
    # 0.5 on 5-shingles: wire copies with different junk and one edited sentence score
    # 0.6-0.9 on our fixtures, unrelated articles on one story stay under 0.2.
    near_duplicate_threshold: float = 0.5
    report: bool = True
    llm_url: str | None = None
    llm_model: str | None = None
    period: str = "auto"
    semantic: bool = False
    recluster: bool = False

    def __post_init__(self) -> None:
        if self.published is not None:
            try:
                dt.date.fromisoformat(self.published)
            except ValueError as e:
                raise StorylineError(
                    f"--published must be a date as YYYY-MM-DD, got {self.published!r}"
                ) from e
        if self.max_bytes <= 0:
            raise StorylineError("max_bytes must be positive")
        if self.engine not in ("local", "ray"):
            raise StorylineError(f"engine must be 'local' or 'ray', got {self.engine!r}")
        if self.workers < 1:
            raise StorylineError("workers must be at least 1")
        if self.ray_address and self.engine != "ray":
            raise StorylineError("--ray-address needs --engine ray")
        if not 1 <= self.summary_sentences <= 50:
            raise StorylineError("summary_sentences must be between 1 and 50")
        if self.period not in ("auto", "day", "week", "month"):
            raise StorylineError(f"period must be auto, day, week or month, got {self.period!r}")
        if bool(self.llm_url) != bool(self.llm_model):
            raise StorylineError("--llm-url and --llm-model go together: give both or neither")
        if not 0.0 < self.near_duplicate_threshold < 1.0:
            raise StorylineError("near_duplicate_threshold must be between 0 and 1")


assert set(SETTINGS_HELP) == {f.name for f in fields(Settings)}


def settings_markdown() -> str:
    """docs/settings.md, generated from the one table (a test keeps the file in sync)."""
    rows = [
        "# Settings",
        "",
        "Generated from `storyline.settings.SETTINGS_HELP`; every setting is a `storyline analyze`",
        "option of the same name (underscores become dashes).",
        "",
        "| setting | default | what it does |",
        "|---|---|---|",
    ]
    for f in fields(Settings):
        default = "one per core" if f.name == "workers" else f"`{f.default!s}`"
        rows.append(f"| `{f.name}` | {default} | {SETTINGS_HELP[f.name]} |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(settings_markdown(), end="")
