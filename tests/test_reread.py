"""A re-run reads only the chunks of files that changed; the others come from the store."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from storyline.engine import local
from storyline.settings import Settings
from storyline.store import Store

TEXTS = {
    "a.txt": "Ministers Meet\n\nThe foreign ministers of Norway and Chile met in Harbour City on Sunday.\n",
    "b.txt": "Talks Continue\n\nChile's foreign minister Pablo Rojas said the talks had been useful.\n",
    "c.txt": "Port Reopens\n\nThe port of Valdivia reopened on Monday after a week of storms.\n",
    "d.txt": "",  # rejected: empty
}


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(local, "INGEST_CHUNK", 2)  # chunks (a, b) and (c, d)
    d = tmp_path / "in"
    d.mkdir()
    for name, text in TEXTS.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


def _ingested(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Record the file names of every chunk actually ingested."""
    calls: list[list[str]] = []
    real = local.ingest_chunk

    def spy(files: list[str], *args: object, **kw: object) -> local.ChunkResult:
        calls.append([Path(f).name for f in files])
        return real(files, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(local, "ingest_chunk", spy)
    return calls


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the file name of every article clustering counts the terms of."""
    counted: list[str] = []
    real = local.bag_of

    def spy(article: local.Article, analysis: object) -> local.Bag:
        counted.append(Path(article.source).name)
        return real(article, analysis)  # type: ignore[arg-type]

    monkeypatch.setattr(local, "bag_of", spy)
    return counted


def _run(folder: Path, tmp_path: Path, **kw: object) -> local.RunReport:
    settings = Settings(db=tmp_path / "s.duckdb", out=tmp_path / "out", workers=1, report=False, **kw)  # type: ignore[arg-type]
    return local.run([str(folder)], settings)


def _listing(report: local.RunReport) -> tuple[list[tuple[str, ...]], list[tuple[str, str]]]:
    return [s.articles for s in report.stories], sorted(
        (Path(r.source).name, r.reason) for r in report.rejected
    )


def test_an_unchanged_corpus_is_not_read_again(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _ingested(monkeypatch)
    first = _run(folder, tmp_path)
    assert calls == [["a.txt", "b.txt"], ["c.txt", "d.txt"]]
    again = _run(folder, tmp_path)
    assert calls == [["a.txt", "b.txt"], ["c.txt", "d.txt"]]  # nothing read the second time
    assert _listing(again) == _listing(first)
    assert (again.files, again.duplicates, again.reused, again.analysed) == (4, 0, 3, 0)
    assert [Path(r.source).name for r in again.rejected] == ["d.txt"]


def test_only_the_chunk_of_a_changed_file_is_read(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _ingested(monkeypatch)
    _run(folder, tmp_path)
    (folder / "c.txt").write_text(TEXTS["c.txt"].replace("Monday", "Tuesday"), encoding="utf-8")
    st = (folder / "c.txt").stat()
    os.utime(folder / "c.txt", ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    again = _run(folder, tmp_path)
    assert calls[2:] == [["c.txt", "d.txt"]]
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        texts = [a.text for a in store.get_articles([i for s in again.stories for i in s.articles])]
        (kept,) = store.con.execute("SELECT count(*) FROM chunks").fetchone()  # type: ignore[misc]
    assert any("Tuesday" in t for t in texts) and not any("Monday" in t for t in texts)
    assert kept == 2  # the run's two chunks; the one the edit replaced is forgotten


def test_a_changed_sidecar_or_setting_reads_the_chunk_again(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _ingested(monkeypatch)
    _run(folder, tmp_path)
    (folder / "a.meta.json").write_text(json.dumps({"outlet": "Harbour Post"}), encoding="utf-8")
    again = _run(folder, tmp_path)
    assert calls[2:] == [["a.txt", "b.txt"]]
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        outlets = {a.outlet for a in store.get_articles([i for s in again.stories for i in s.articles])}
    assert "Harbour Post" in outlets
    _run(folder, tmp_path, published="2025-03-08")  # a setting ingest reads: every chunk again
    assert calls[3:] == [["a.txt", "b.txt"], ["c.txt", "d.txt"]]


TOPICS = {
    "s1.txt": "Dock Strike\n\nDockers at Valdivia harbour went on strike over wages, the union said.\n",
    "s2.txt": "Strike Goes\n\nDockers at Valdivia harbour kept up their strike over wages, said the union.\n",
    "v1.txt": "Vote Called\n\nThe parliament of Norland called an early election as the coalition fell.\n",
    "v2.txt": "Coalition Talks\n\nNorland's parties began coalition talks before the early election.\n",
}


def test_a_new_article_refuses_only_the_story_it_joins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    d = tmp_path / "in"
    d.mkdir()
    for name, text in TOPICS.items():
        (d / name).write_text(text, encoding="utf-8")
    fused: list[int] = []
    real = local.fuse_rows

    def spy(articles: list[bytes], *args: object, **kw: object) -> local.Fused:
        fused.append(len(articles))
        return real(articles, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(local, "fuse_rows", spy)
    settings = dict(published="2024-03-04")
    first = _run(d, tmp_path, **settings)
    assert sorted(len(s.articles) for s in first.stories) == [2, 2] and sorted(fused) == [2, 2]
    (d / "s3.txt").write_text(
        "Strike Ends\n\nThe dockers at Valdivia harbour ended their strike: the union won higher wages.\n",
        encoding="utf-8",
    )
    again = _run(d, tmp_path, **settings)
    assert sorted(len(s.articles) for s in again.stories) == [2, 3]
    assert fused[2:] == [3]  # the vote story was kept as written, not fused again
    # the stories come from the store's assignment: one moved there stays moved until --recluster
    with Store(tmp_path / "s.duckdb") as store:
        ids = dict(
            store.con.execute("SELECT regexp_extract(source, '[sv][0-9]'), id FROM articles").fetchall()
        )
        s1, v1 = ids["s1"], ids["v1"]
        store.con.execute(
            "UPDATE assignments SET story = (SELECT story FROM assignments WHERE article = ?) "
            "WHERE article = ?",
            (v1, s1),
        )
    moved = _run(d, tmp_path, **settings)
    assert sorted(len(s.articles) for s in moved.stories) == [2, 3]
    assert any(s1 in s.articles and v1 in s.articles for s in moved.stories)
    back = _run(d, tmp_path, recluster=True, **settings)
    assert [s.articles for s in back.stories] == [s.articles for s in again.stories]


def test_an_undated_article_dated_by_its_story_is_not_parsed_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import storyline.analyse as analyse

    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(
        "Talks in Beijing\n\nAntony Blinken met Xi Jinping in Beijing on June 19, 2023, for talks.\n",
        encoding="utf-8",
    )
    (d / "a.meta.json").write_text(json.dumps({"published": "2023-06-20"}), encoding="utf-8")
    (d / "b.txt").write_text(
        "Blinken Meets Xi\n\nAntony Blinken met Xi Jinping on Monday in Beijing. The talks went well.\n",
        encoding="utf-8",
    )
    parsed: list[int] = []
    real = analyse.analyse_articles

    def counting(articles: object, *args: object, **kw: object) -> object:
        items = list(articles)  # type: ignore[call-overload]
        parsed.append(len(items))
        return real(items, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(analyse, "analyse_articles", counting)
    report = _run(d, tmp_path)
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        (kept,) = store.con.execute("SELECT count(*) FROM parses").fetchone()  # type: ignore[misc]
    story = json.loads((tmp_path / "out" / "story.json").read_text(encoding="utf-8"))
    b = next(a for a in story["articles"] if a["source"].endswith("b.txt"))
    assert (b["published"], b["published_source"]) == ("2023-06-19", "inferred")
    assert kept == 1 and parsed == []  # its kept parse was analysed again, not the text
    assert report.analysed == 2


def test_a_new_analyser_redoes_analyses_of_a_remembered_chunk(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import storyline.analyse as analyse

    calls = _ingested(monkeypatch)
    _run(folder, tmp_path)
    monkeypatch.setattr(analyse, "ANALYSER_VERSION", "upgraded")
    again = _run(folder, tmp_path)
    assert len(calls) == 2  # the chunks came from the store...
    assert (again.reused, again.analysed) == (0, 3)  # ...but the analyses were made afresh


def test_an_article_whose_date_changed_is_placed_afresh(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    for name, text in TOPICS.items():
        (d / name).write_text(text, encoding="utf-8")
        (d / name.replace(".txt", ".meta.json")).write_text(json.dumps({"published": "2024-03-04"}))
    first = _run(d, tmp_path)
    assert sorted(len(s.articles) for s in first.stories) == [2, 2]
    (d / "s2.meta.json").write_text(json.dumps({"published": "2026-09-04"}))  # two years on
    again = _run(d, tmp_path)
    assert sorted(len(s.articles) for s in again.stories) == [1, 1, 2]


def test_clustering_counts_only_the_articles_it_has_not_counted(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _run(folder, tmp_path)
    counted = _counted(monkeypatch)
    again = _run(folder, tmp_path)
    assert counted == [] and _listing(again) == _listing(first)  # the store's counts, not the texts
    (folder / "c.txt").write_text(TEXTS["c.txt"].replace("Monday", "Tuesday"), encoding="utf-8")
    st = (folder / "c.txt").stat()
    os.utime(folder / "c.txt", ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    _run(folder, tmp_path)
    assert counted == ["c.txt"]
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        (kept,) = store.con.execute("SELECT count(*) FROM bags").fetchone()  # type: ignore[misc]
    assert kept == 3  # a, b and the new c: the old c's counts are forgotten


def test_a_change_outside_ingest_code_reads_no_file(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stored chunks and file records are keyed by ingest's own code: a new analyser, fusion or
    report (here every other key's code version) re-analyses and re-fuses, and reads no file."""
    from storyline import analyse
    from storyline.engine import chunks

    calls = _ingested(monkeypatch)
    first = _run(folder, tmp_path)
    monkeypatch.setattr(local, "CODE_VERSION", "other-code")
    monkeypatch.setattr(analyse, "ANALYSER_VERSION", "other-analyser")
    again = _run(folder, tmp_path)
    assert calls == [["a.txt", "b.txt"], ["c.txt", "d.txt"]]  # read once, by the first run
    assert (again.reused, again.analysed) == (0, 3) and _listing(again) == _listing(first)
    monkeypatch.setattr(chunks, "INGEST_VERSION", "other-ingest")
    _run(folder, tmp_path)
    assert calls[2:] == [["a.txt", "b.txt"], ["c.txt", "d.txt"]]  # ingest's own code: read again


def test_a_report_change_keeps_the_term_counts(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Clustering's counts are keyed by clustering's code: a change elsewhere (here the whole
    package's version, as a report fix changes it) counts no text again; clustering's own does."""
    first = _run(folder, tmp_path)
    counted = _counted(monkeypatch)
    monkeypatch.setattr(local, "CODE_VERSION", "other-code")
    again = _run(folder, tmp_path)
    assert counted == [] and _listing(again) == _listing(first)
    monkeypatch.setattr(local, "CLUSTER_VERSION", "other-clustering")
    _run(folder, tmp_path)
    assert sorted(counted) == ["a.txt", "b.txt", "c.txt"]


def test_ingest_code_is_what_the_ingest_package_imports() -> None:
    import storyline
    from storyline.code_version import reached

    root = Path(storyline.__file__).parent
    names = {p.relative_to(root).as_posix() for p in reached("storyline.ingest")}
    assert {"ingest/junk.py", "ingest/fields.py", "model.py", "sentences.py", "__init__.py"} <= names
    assert not any(n.startswith(("analyse/", "fuse/", "present/", "engine/", "web/")) for n in names)
