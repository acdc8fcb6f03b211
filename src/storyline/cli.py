"""Command line: ``storyline analyze | serve | export | bench``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from . import __version__
from .errors import StorylineError
from .settings import SETTINGS_HELP, Settings

app = typer.Typer(
    help="storyline: many outlets in, one sourced story out.", no_args_is_help=True, add_completion=False
)
err = Console(stderr=True, soft_wrap=True, highlight=False)
out = Console(soft_wrap=True, highlight=False)

#: Show a progress bar above this many files.
PROGRESS_MIN_FILES = 5


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
    workers: Annotated[int, typer.Option("--workers", "-j", help=SETTINGS_HELP["workers"])] = 1,
    engine: Annotated[str, typer.Option("--engine", help=SETTINGS_HELP["engine"])] = "local",
) -> None:
    """Read coverage, analyse it and write DIR/story.json."""
    from .engine.local import run

    try:
        settings = Settings(db=db, out=out_dir, published=published, workers=workers, engine=engine)
        report = run(paths, settings, progress=_progress)
    except StorylineError as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2) from None
    s = report.story
    for r in report.rejected:
        err.print(f"[yellow]skipped[/yellow] {r.source}: {r.reason}")
    out.print(
        f"{report.articles} articles read from {report.files} files "
        f"({report.duplicates} duplicates, {len(report.rejected)} rejected); "
        f"{report.reused} reused from {settings.db}, {report.analysed} analysed"
    )
    out.print(
        f"{len(s.actors)} actors, {len(s.quotes)} quotes, {len(s.events)} events, "
        f"{len(s.claims)} claims, {len(s.conflicts)} conflicts"
    )
    for p in report.outputs:
        out.print(f"wrote {p}")
    if report.articles == 0:
        err.print("[red]error:[/red] no article could be processed")
        raise typer.Exit(1)


def _progress(items: Iterable[Any]) -> Iterable[Any]:
    seq = list(items)
    if len(seq) <= PROGRESS_MIN_FILES:
        return seq
    from rich.progress import track

    return track(seq, description="reading", console=err, transient=True)


@app.command()
def version() -> None:
    """Print the version."""
    out.print(__version__)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
