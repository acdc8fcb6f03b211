"""Settings validate once, with messages a user can act on; the docs table stays in sync."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import StorylineError
from storyline.settings import Settings, settings_markdown

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"published": "17/06/2023"}, "YYYY-MM-DD"),
        ({"workers": 0}, "workers must be at least 1"),
        ({"engine": "spark"}, "engine must be 'local' or 'ray'"),
        ({"ray_address": "auto"}, "--ray-address needs --engine ray"),
        ({"period": "year"}, "period must be auto, day, week or month"),
        ({"llm_url": "http://localhost:9/v1"}, "--llm-url and --llm-model go together"),
        ({"near_duplicate_threshold": 1.5}, "near_duplicate_threshold"),
        ({"summary_sentences": 0}, "summary_sentences"),
    ],
)
def test_bad_settings_are_refused_with_a_reason(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(StorylineError, match=message):
        Settings(**kwargs)  # type: ignore[arg-type]


def test_docs_table_is_generated_from_the_settings() -> None:
    assert (ROOT / "docs" / "settings.md").read_text(encoding="utf-8") == settings_markdown()


def test_every_setting_is_a_cli_option() -> None:
    from dataclasses import fields

    import typer

    from storyline.cli import app

    command = typer.main.get_command(app).commands["analyze"]  # type: ignore[attr-defined]
    options = {opt for p in command.params for opt in p.opts}
    assert {"--" + f.name.replace("_", "-") for f in fields(Settings)} <= options


def test_workers_default_to_the_cores() -> None:
    import os

    assert Settings().workers == len(os.sched_getaffinity(0))
