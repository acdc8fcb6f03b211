"""Command line: ``storyline analyze | serve | export | bench``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from . import __version__
from .errors import StorylineError
from .settings import DEFAULT_WORKERS, SETTINGS_HELP, Settings

app = typer.Typer(
    help="storyline: many outlets in, one sourced story out.", no_args_is_help=True, add_completion=False
)
err = Console(stderr=True, soft_wrap=True, highlight=False)
out = Console(soft_wrap=True, highlight=False)


#: A many-story run writes two files a story: list this many, then count the rest.
MAX_LISTED_OUTPUTS = 20


def _e(value: object) -> str:
    """File names, reasons and paths come from the input: never read them as rich markup."""
    return escape(str(value))


def _published(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}") from None


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or globs.")],
    out_dir: Annotated[Path, typer.Option("--out", help=SETTINGS_HELP["out"])] = Path("storyline-out"),
    db: Annotated[Path, typer.Option("--db", help=SETTINGS_HELP["db"])] = Path("storyline.duckdb"),
    published: Annotated[
        str | None, typer.Option("--published", help=SETTINGS_HELP["published"], callback=_published)
    ] = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help=SETTINGS_HELP["outlet"])] = None,
    workers: Annotated[
        int, typer.Option("--workers", "-j", help=SETTINGS_HELP["workers"], show_default="one per core")
    ] = DEFAULT_WORKERS,
    engine: Annotated[str, typer.Option("--engine", help=SETTINGS_HELP["engine"])] = "local",
    ray_address: Annotated[
        str | None, typer.Option("--ray-address", help=SETTINGS_HELP["ray_address"])
    ] = None,
    html_report: Annotated[bool, typer.Option("--report/--no-report", help=SETTINGS_HELP["report"])] = True,
    llm_url: Annotated[str | None, typer.Option("--llm-url", help=SETTINGS_HELP["llm_url"])] = None,
    llm_model: Annotated[str | None, typer.Option("--llm-model", help=SETTINGS_HELP["llm_model"])] = None,
    period: Annotated[str, typer.Option("--period", help=SETTINGS_HELP["period"])] = "auto",
    semantic: Annotated[bool, typer.Option("--semantic", help=SETTINGS_HELP["semantic"])] = False,
    recluster: Annotated[bool, typer.Option("--recluster", help=SETTINGS_HELP["recluster"])] = False,
    summary_sentences: Annotated[
        int, typer.Option("--summary-sentences", help=SETTINGS_HELP["summary_sentences"])
    ] = 8,
    max_bytes: Annotated[int, typer.Option("--max-bytes", help=SETTINGS_HELP["max_bytes"])] = 20_000_000,
    near_duplicate_threshold: Annotated[
        float, typer.Option("--near-duplicate-threshold", help=SETTINGS_HELP["near_duplicate_threshold"])
    ] = 0.5,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet", "-q", help="No progress bars (they are off anyway when stderr is not a terminal)."
        ),
    ] = False,
) -> None:
    """Read coverage, analyse it and write DIR/story.json and DIR/report.html."""
    from .engine.local import run

    try:
        settings = Settings(
            db=db,
            out=out_dir,
            published=published,
            outlet=(outlet.strip() or None) if outlet else None,
            workers=workers,
            engine=engine,
            ray_address=ray_address,
            report=html_report,
            llm_url=llm_url,
            llm_model=llm_model,
            period=period,
            summary_sentences=summary_sentences,
            semantic=semantic,
            recluster=recluster,
            max_bytes=max_bytes,
            near_duplicate_threshold=near_duplicate_threshold,
        )
        with _Bars(enabled=not quiet and err.is_terminal) as bars:
            report = run(paths, settings, progress=bars)
    except StorylineError as e:
        err.print(f"[red]error:[/red] {_e(e)}")
        raise typer.Exit(2) from None
    s = report.largest
    for r in report.rejected:
        err.print(f"[yellow]skipped[/yellow] {_e(r.source)}: {_e(r.reason)}")
    out.print(
        f"{report.articles} articles read from {report.files} files "
        f"({report.duplicates} duplicates, {len(report.rejected)} rejected); "
        f"{report.reused} reused from {_e(settings.db)}, {report.analysed} analysed"
    )
    if len(report.stories) > 1:
        out.print(f"{len(report.stories)} stories found; the largest:")
    out.print(
        f"{s.actors} actors, {s.quotes} quotes, {s.events} events, {s.claims} claims, {s.conflicts} conflicts"
    )
    for p in report.outputs[:MAX_LISTED_OUTPUTS]:
        out.print(f"wrote {_e(p)}")
    if len(report.outputs) > MAX_LISTED_OUTPUTS:
        more = len(report.outputs) - MAX_LISTED_OUTPUTS
        out.print(f"… and {more} more files under {_e(settings.out)} (listed in stories.json)")
    if report.articles == 0:
        err.print("[red]error:[/red] no article could be processed")
        raise typer.Exit(1)


class _Bars:
    """The run's progress on stderr: one bar per stage (reading, analysing, fusing) with its
    rate and time left; nothing at all when disabled (not a terminal, or --quiet)."""

    def __init__(self, enabled: bool) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TaskID,
            TextColumn,
            TimeRemainingColumn,
        )

        self.enabled = enabled
        self.tasks: dict[str, TaskID] = {}
        self.units: dict[str, str] = {}
        self.bar = Progress(
            TextColumn("{task.description:<10}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            console=err,
            transient=True,
            disable=not enabled,
        )

    def __enter__(self) -> _Bars:
        self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.stop()

    def start(self, stage: str, total: int | None, unit: str) -> None:
        self.units[stage] = unit
        self.tasks[stage] = self.bar.add_task(stage, total=total, rate="")

    def grow(self, stage: str, more: int) -> None:
        task = self.tasks[stage]
        total = self.bar.tasks[self._index(stage)].total or 0
        self.bar.update(task, total=total + more)

    def advance(self, stage: str, n: int = 1) -> None:
        task = self.tasks[stage]
        self.bar.advance(task, n)
        speed = self.bar.tasks[self._index(stage)].speed
        if speed:
            self.bar.update(task, rate=f"{speed:.1f} {self.units[stage]}/s")

    def _index(self, stage: str) -> int:
        return [t.id for t in self.bar.tasks].index(self.tasks[stage])


@app.command()
def serve(
    db: Annotated[Path, typer.Option("--db", help=SETTINGS_HELP["db"])] = Path("storyline.duckdb"),
    host: Annotated[str, typer.Option("--host", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
) -> None:
    """Browse the stored stories in a read-only web app (JSON API and /openapi.json included)."""
    import uvicorn

    from .web.app import create_app

    try:
        web = create_app(db)
    except StorylineError as e:
        err.print(f"[red]error:[/red] {_e(e)}")
        raise typer.Exit(2) from None
    out.print(f"serving {_e(db)} read-only on http://{_e(host)}:{port}/")
    uvicorn.run(web, host=host, port=port, log_level="warning")


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", help="json | csv | parquet | events-tsv")] = "csv",
    db: Annotated[Path, typer.Option("--db", help=SETTINGS_HELP["db"])] = Path("storyline.duckdb"),
    story_id: Annotated[
        str | None, typer.Option("--story", help="Only this story (default: every stored story).")
    ] = None,
    dest: Annotated[
        Path | None, typer.Option("--out", help="Output file (default: storyline-out/events.EXT).")
    ] = None,
) -> None:
    """Write the events table (GDELT/ICEWS-like columns, docs/exports.md) from the store."""
    from .present.export import FORMATS, write_export
    from .store import Store

    if fmt not in FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(FORMATS)}", param_hint="--format")
    try:
        with Store(db, read_only=True) as store:
            ids = [story_id] if story_id else [sid for sid, _ in store.list_stories()]
            stories = [s for s in (store.get_story(i) for i in ids) if s is not None]
    except StorylineError as e:
        err.print(f"[red]error:[/red] {_e(e)}")
        raise typer.Exit(2) from None
    if not stories:
        err.print(
            f"[red]error:[/red] {_e(db)}: no story {_e(repr(story_id))}"
            if story_id
            else f"[red]error:[/red] {_e(db)}: no story"
        )
        raise typer.Exit(1)
    path = write_export(stories, fmt, dest or Path("storyline-out") / f"events{FORMATS[fmt]}")
    out.print(f"wrote {_e(path)} ({sum(len(s.events) for s in stories)} events)")


@app.command()
def version() -> None:
    """Print the version."""
    out.print(__version__)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
