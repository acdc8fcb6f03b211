"""End to end through the CLI: files in, a valid story.json out, the store reused."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.present.story_json import load_schema

ARTICLE_A = """Ministers Meet in Harbour City

The foreign ministers of Norway and Chile met in Harbour City on Sunday to discuss fisheries.

"We have agreed to keep talking," said Ingrid Dahl, Norway's foreign minister.
"""
ARTICLE_B = """Talks Continue

Chile's foreign minister Pablo Rojas told reporters the talks had been useful.

“This is a good start,” Rojas said.
"""


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (d / "sub" / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    return d


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["analyze", *args])
    return result.exit_code, result.output


def test_analyze_writes_valid_story(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, output = _run(
        str(corpus), "--out", str(out), "--db", str(tmp_path / "s.duckdb"), "--published", "2025-03-08"
    )
    assert code == 0, output
    story = json.loads((out / "story.json").read_text(encoding="utf-8"))
    jsonschema.validate(story, load_schema())
    assert sorted(Path(a["source"]).name for a in story["articles"]) == ["a.txt", "b.txt"]
    assert all(a["published"] == "2025-03-08" for a in story["articles"])


def test_bad_files_are_reported_and_skipped(corpus: Path, tmp_path: Path) -> None:
    code, output = _run(str(corpus), "--out", str(tmp_path / "o"), "--db", str(tmp_path / "s.duckdb"))
    assert code == 0
    assert "empty.txt: file is empty" in output
    assert "binary.txt: looks binary" in output
    assert "2 articles read from 4 files" in output
    assert "Traceback" not in output


def test_second_run_reuses_the_store(corpus: Path, tmp_path: Path) -> None:
    args = (str(corpus), "--out", str(tmp_path / "o"), "--db", str(tmp_path / "s.duckdb"))
    _, first = _run(*args)
    _, second = _run(*args)
    assert "0 reused" in first and "2 analysed" in first
    assert "2 reused" in second and "0 analysed" in second


def test_nothing_processable_exits_non_zero(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    code, output = _run(
        str(tmp_path / "empty.txt"), "--out", str(tmp_path / "o"), "--db", str(tmp_path / "s.duckdb")
    )
    assert code == 1
    assert "no article could be processed" in output


def test_missing_path_is_reported(tmp_path: Path, corpus: Path) -> None:
    code, output = _run(
        str(corpus), str(tmp_path / "nope"), "--out", str(tmp_path / "o"), "--db", str(tmp_path / "s.duckdb")
    )
    assert code == 0
    assert "nope: no such file or folder" in output


def test_bad_published_flag_is_a_usage_error(corpus: Path) -> None:
    code, output = _run(str(corpus), "--published", "17/06/2023")
    assert code == 2
    assert "YYYY-MM-DD" in output


@pytest.mark.seeds
def test_seeds_give_five_articles(seeds_dir: Path, tmp_path: Path) -> None:
    code, output = _run(str(seeds_dir), "--out", str(tmp_path / "o"), "--db", str(tmp_path / "s.duckdb"))
    assert code == 0, output
    story = json.loads((tmp_path / "o" / "story.json").read_text(encoding="utf-8"))
    jsonschema.validate(story, load_schema())
    assert len(story["articles"]) == 5
    for q in story["quotes"]:
        art = next(a for a in story["articles"] if a["id"] == q["article"])
        assert art["text"][q["start"] : q["end"]] == q["text"]


def test_worker_pool_gives_the_same_analyses_as_one_process(tmp_path: Path) -> None:
    from storyline.engine.local import analyse_in_pool
    from storyline.ingest import article_id
    from storyline.model import Article

    texts = [f"Minister {name} met officials in Oslo on Monday. He said talks went well." for name in "ABCDE"]
    arts = [
        Article(id=article_id(t), source=f"{i}.txt", text=t, published="2025-03-08")
        for i, t in enumerate(texts)
    ]
    assert analyse_in_pool(arts, 2) == analyse_in_pool(arts, 1)


def test_an_article_that_breaks_analysis_is_reported_and_the_rest_go_on(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import storyline.analyse as analyse

    real = analyse.analyse_doc

    def fragile(doc, article):  # type: ignore[no-untyped-def]
        if "Pablo Rojas" in article.text:
            raise ValueError("synthetic failure")
        return real(doc, article)

    monkeypatch.setattr(analyse, "analyse_doc", fragile)
    out = tmp_path / "o"
    code, output = _run(str(corpus), "--out", str(out), "--db", str(tmp_path / "s.duckdb"), "--no-report")
    assert code == 0
    assert "b.txt: analysis failed (ValueError: synthetic failure)" in output
    story = json.loads((out / "story.json").read_text(encoding="utf-8"))
    assert [r["source"].endswith("b.txt") for r in story["rejected"] if "analysis failed" in r["reason"]] == [
        True
    ]
    assert any(a["source"].endswith("a.txt") for a in story["articles"])


def _mixed_feed(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    """The fusion fixture (four unrelated stories plus wire copies) as one JSONL file."""
    data = json.loads(
        (Path(__file__).parent / "fixtures" / "fusion" / "mixed_corpus.json").read_text("utf-8")
    )
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "\n".join(
            json.dumps({k: a[k] for k in ("text", "title", "outlet", "published")}) for a in data["articles"]
        ),
        encoding="utf-8",
    )
    return feed, data


def test_a_mixed_feed_gives_one_story_per_topic(tmp_path: Path) -> None:
    """The fusion fixture (four unrelated stories plus wire copies) as one JSONL file."""
    feed, data = _mixed_feed(tmp_path)
    out = tmp_path / "out"
    code, output = _run(str(feed), "--out", str(out), "--db", str(tmp_path / "s.duckdb"), "--no-report")
    assert code == 0, output
    index = json.loads((out / "stories.json").read_text(encoding="utf-8"))
    topic = {a["title"]: a["story"] for a in data["articles"]}
    groups = []
    for entry in index["stories"]:
        story = json.loads((out / entry["story"]).read_text(encoding="utf-8"))
        jsonschema.validate(story, load_schema())
        groups.append({topic[a["title"]] for a in story["articles"]})
    assert all(len(g) == 1 for g in groups)
    assert sorted(g.pop() for g in groups) == sorted(set(topic.values()))


def test_analyser_version_changes_with_the_analysis_code(tmp_path: Path) -> None:
    """Stored analyses are keyed by it: any change to the analyse code or data makes a new one."""
    import re
    import shutil

    import storyline
    from storyline.analyse import ANALYSER_VERSION, _fingerprint

    assert re.fullmatch(r"[0-9a-f]{12}", ANALYSER_VERSION)
    copy = tmp_path / "storyline"
    shutil.copytree(Path(storyline.__file__).parent, copy)
    assert _fingerprint(copy) == ANALYSER_VERSION
    with (copy / "analyse" / "events" / "extract.py").open("a", encoding="utf-8") as f:
        f.write("\n# a change\n")
    assert _fingerprint(copy) != ANALYSER_VERSION


def test_db_in_a_new_folder_is_created(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "new" / "deeper" / "s.duckdb"
    code, output = _run(str(corpus), "--out", str(tmp_path / "o"), "--db", str(db), "--no-report")
    assert code == 0, output
    assert db.is_file()


def test_a_story_whose_presentation_breaks_is_still_written(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import storyline.engine.local as local

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("synthetic")

    monkeypatch.setattr(local, "present", broken)
    out = tmp_path / "o"
    code, output = _run(str(corpus), "--out", str(out), "--db", str(tmp_path / "s.duckdb"))
    assert code == 0, output
    story = json.loads((out / "story.json").read_text(encoding="utf-8"))
    assert len(story["articles"]) == 2
    assert any("presentation failed (RuntimeError: synthetic)" in n for n in story["notes"])


def test_a_changed_date_is_analysed_again(corpus: Path, tmp_path: Path) -> None:
    """'on Sunday' depends on the article's date: a new --published must not reuse the old analysis."""
    base = (str(corpus), "--out", str(tmp_path / "o"), "--db", str(tmp_path / "s.duckdb"), "--no-report")
    _, first = _run(*base, "--published", "2025-03-08")
    _, again = _run(*base, "--published", "2025-03-08")
    _, moved = _run(*base, "--published", "2025-04-20")
    assert "0 reused" in first and "2 reused" in again
    assert "0 reused" in moved and "2 analysed" in moved


def test_the_store_keeps_the_latest_runs_rejections_only(corpus: Path, tmp_path: Path) -> None:
    from storyline.store import Store

    db = tmp_path / "s.duckdb"
    for _ in range(2):
        _run(str(corpus), "--out", str(tmp_path / "o"), "--db", str(db), "--no-report")
    with Store(db, read_only=True) as store:
        (n,) = store.con.execute("SELECT count(*) FROM rejected").fetchone()  # type: ignore[misc]
    assert n == 2  # empty.txt and binary.txt, once


def test_a_second_run_rewrites_no_unchanged_story(tmp_path: Path) -> None:
    """Stories whose articles, analyses, settings and code are unchanged keep their files."""
    feed, _ = _mixed_feed(tmp_path)
    args = (str(feed), "--out", str(tmp_path / "o"), "--db", str(tmp_path / "s.duckdb"), "--no-report")
    _run(*args)
    stamps = {p: p.stat().st_mtime_ns for p in (tmp_path / "o").glob("story-*/story.json")}
    code, output = _run(*args)
    assert code == 0, output
    assert len(stamps) > 1
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps
    assert output.count("story.json") == 0 and "wrote" in output  # stories.json is rewritten


def test_stories_fused_in_the_pool_equal_those_fused_here(tmp_path: Path) -> None:
    """Several stories are fused and presented in the analysis pool; every file written is the
    same as when this process fuses them."""
    from concurrent.futures import ProcessPoolExecutor

    from storyline.engine import local
    from storyline.settings import Settings
    from storyline.store import Store

    feed, _ = _mixed_feed(tmp_path)
    db = tmp_path / "s.duckdb"
    here = local.run([str(feed)], Settings(db=db, out=tmp_path / "here", workers=1))
    assert len(here.stories) > 2
    keys = {a: k for a, k in _stored_keys(db).items()}
    settings = Settings(db=db, out=tmp_path / "pool", workers=2)
    analyser = local._Analyser(2)
    analyser.pool = ProcessPoolExecutor(max_workers=2)
    with Store(db) as store, analyser:
        pooled = local._fuse_and_write(store, keys, [], settings, local.NoProgress(), analyser)
    assert [s.id for s in pooled.stories] == [s.id for s in here.stories]
    written = sorted(p.relative_to(tmp_path / "here") for p in (tmp_path / "here").rglob("*") if p.is_file())
    assert written == sorted(
        p.relative_to(tmp_path / "pool") for p in (tmp_path / "pool").rglob("*") if p.is_file()
    )
    for rel in written:
        assert (tmp_path / "pool" / rel).read_bytes() == (tmp_path / "here" / rel).read_bytes(), rel


def _stored_keys(db: Path) -> dict[str, str | None]:
    """Every stored article with its analysis key (None for wire copies, which have none), in
    the feed's order as a run lists them."""
    from storyline.store import Store

    with Store(db, read_only=True) as store:
        rows = store.con.execute(
            "SELECT a.id, an.version FROM articles a LEFT JOIN analyses an ON an.article = a.id"
        ).fetchall()
        order = {a.id: int(a.record or 0) for a in store.get_articles([r[0] for r in rows], light=True)}
    return {aid: version for aid, version in sorted(rows, key=lambda r: order[r[0]])}
