"""Output of a many-story run grows with the stories, not with a plotting library per story:
one shared plotly.min.js, report.css and report.js, an index page, small story pages; one story
stays self-contained."""

from __future__ import annotations

import json
import re
from pathlib import Path

from storyline.engine.local import StoryWriter
from storyline.ids import content_id
from storyline.model import Article, Rejected, Story, TimelineEntry
from storyline.present.report import PLOTLY_FILE, SHARED_FILES, assets
from storyline.settings import Settings

N_STORIES = 200
#: a story page of one small article and one timeline entry is ~5 kB (its text and the figures'
#: JSON; the stylesheet and script are shared); 20 kB leaves room for template growth
STORY_PAGE_MAX = 20_000


def _story(n: int) -> Story:
    text = f"Minister {n} met officials in Oslo on Monday. <script>alert({n})</script> said talks went well."
    art = Article(
        id=content_id(text), source=f"{n}.txt", text=text, title=f"Story {n}", published="2025-03-10"
    )
    entry = TimelineEntry("2025-03-10", "day", f"Minister {n} met officials", articles=(art.id,))
    return Story("test", articles=(art,), timeline=(entry,), id=f"story-{n:04d}", title=f"Story {n}")


def _csp(page: str) -> str:
    found = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    assert found is not None
    return found.group(1)


def _write(stories: list[Story], out: Path, rejected: list[Rejected] | None = None) -> list[Path]:
    writer = StoryWriter(Settings(out=out), several=len(stories) > 1, rejected=rejected or [])
    for s in stories:
        writer.add(s)
    return writer.finish()


def test_two_hundred_stories_share_one_plotly(tmp_path: Path) -> None:
    out = tmp_path / "out"
    written = _write([_story(n) for n in range(N_STORIES)], out, [Rejected("bad.txt", "file is empty")])
    plotly = out / PLOTLY_FILE
    pages = sorted(out.glob("story-*/report.html"))
    assert len(pages) == N_STORIES and sorted(p.name for p in out.iterdir() if p.is_file()) == sorted(
        [*SHARED_FILES, "index.html", "stories.json"]
    )
    assert len(list(out.rglob("*.js"))) == 2 and len(list(out.rglob("*.css"))) == 1
    assert (out / "report.css").read_text(encoding="utf-8") == assets()["css"]
    assert max(p.stat().st_size for p in pages) < STORY_PAGE_MAX
    total = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    assert total < plotly.stat().st_size + N_STORIES * STORY_PAGE_MAX * 2  # story.json beside each page
    assert set(written) == {p for p in out.rglob("*") if p.is_file()}
    page = pages[0].read_text(encoding="utf-8")
    assert f'<script src="../{PLOTLY_FILE}"></script>' in page and "<script>alert(" not in page
    assert '<link rel="stylesheet" href="../report.css">' in page and "<style>" not in page
    assert '<script src="../report.js"></script>' in page
    assert "&#39;self&#39;" in _csp(page)  # the shared copy may load, nothing from elsewhere
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.count('/report.html">Story ') == N_STORIES and "bad.txt" in index
    listed = json.loads((out / "stories.json").read_text(encoding="utf-8"))
    assert [s["report"] for s in listed["stories"]][:2] == [
        "story-0000/report.html",
        "story-0001/report.html",
    ]


def test_one_story_stays_one_self_contained_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    written = _write([_story(1)], out)
    assert sorted(p.name for p in written) == ["report.html", "story.json"]
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "<script src=" not in page and "Plotly" in page
    assert "&#39;self&#39;" not in _csp(page) and "<style>" in page
    assert not any((out / name).exists() for name in SHARED_FILES)
