"""story.json and report.html are written in pieces (a big story's text is never held whole):
the files are byte for byte what joining the whole text gave."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import story_fixture as f

from storyline.present.build import build_presentation
from storyline.present.report import render_report, write_report
from storyline.present.story_json import story_to_json, write_story


def _whole(d: dict[str, Any]) -> str:
    """story.json's layout as it was made before, as one joined string."""

    def one(v: Any) -> str:
        return json.dumps(v, ensure_ascii=False, separators=(",", ":"))

    fields = []
    for k, v in d.items():
        if isinstance(v, list) and v:
            fields.append(f" {one(k)}: [\n" + ",\n".join(f"  {one(x)}" for x in v) + "\n ]")
        else:
            fields.append(f" {one(k)}: {one(v)}")
    return "{\n" + ",\n".join(fields) + "\n}"


def test_streamed_story_json_is_the_joined_text(tmp_path: Path) -> None:
    story = build_presentation(f.story(), summary_sentences=4)
    written = write_story(story, tmp_path / "story.json").read_bytes()
    assert written == _whole(story_to_json(story)).encode("utf-8")
    assert not (tmp_path / "story.json.tmp").exists()


def test_streamed_report_is_the_rendered_page(tmp_path: Path) -> None:
    story = build_presentation(f.story(), summary_sentences=4)
    for src in (None, "../"):
        written = write_report(story, tmp_path / "report.html", assets_url=src).read_bytes()
        assert written == render_report(story, src).encode("utf-8")
