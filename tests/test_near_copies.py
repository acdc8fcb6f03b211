"""A near copy in a later ingest chunk is a copy of the earlier chunk's article."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.engine import local
from storyline.settings import Settings
from storyline.store import Store

WIRE = (
    "Dock Strike Spreads\n\n"
    "Dockers at the port of Valdivia stopped work on Monday in a dispute over wages and night shifts, "
    "the harbour workers' union said, and the strike spread to two smaller ports along the coast by "
    "the evening. The port authority said ships were waiting outside the harbour and that talks with "
    "the union would resume on Wednesday in the regional capital. Fishing boats were not affected.\n"
)
REPRINT = WIRE.replace("Dock Strike Spreads", "Strike at Valdivia").replace(
    "Fishing boats were not affected.", "Fishing boats were not affected, officials added. Subscribe now."
)
OTHER = (
    "Vote Called\n\nThe parliament of Norland called an early election on Tuesday after the coalition "
    "of three parties collapsed over the budget, and the prime minister said she would run again.\n"
)
THIRD = (
    "Bridge Opens\n\nA new bridge over the Calle river opened to traffic on Thursday, two years late, "
    "and the city council said tolls would be waived until the end of the year.\n"
)


def _run(folder: Path, tmp_path: Path) -> local.RunReport:
    settings = Settings(db=tmp_path / "s.duckdb", out=tmp_path / "out", workers=1, report=False)
    return local.run([str(folder)], settings)


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(local, "INGEST_CHUNK", 2)
    d = tmp_path / "in"
    d.mkdir()
    for name, text in {
        "a.txt": WIRE,
        "b.txt": OTHER,
        "c.txt": THIRD,
        "d.txt": REPRINT,
        "e.txt": REPRINT,
    }.items():
        (d / name).write_text(text, encoding="utf-8")
    return d  # chunks: (a, b), (c, d), (e)


def test_a_reprint_in_a_later_chunk_is_a_copy_of_the_first(folder: Path, tmp_path: Path) -> None:
    report = _run(folder, tmp_path)
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        rows = store.con.execute("SELECT source, id, duplicate_of FROM articles").fetchall()
    by_name = {Path(src).name: (aid, dup) for src, aid, dup in rows}
    original = by_name["a.txt"][0]
    assert by_name["a.txt"][1] is None and by_name["b.txt"][1] is None and by_name["c.txt"][1] is None
    assert by_name["d.txt"][1] == original  # near copy, two chunks later
    assert by_name["e.txt"][1] == original  # exact copy of d: points at the run's canonical copy
    assert (report.duplicates, report.analysed) == (2, 3)
    story = next(s for s in report.stories if original in s.articles)
    assert {by_name["d.txt"][0], by_name["e.txt"][0]} <= set(story.articles)


def test_the_same_files_in_one_chunk_give_the_same_copies(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chunked = _run(folder, tmp_path / "chunked")
    monkeypatch.setattr(local, "INGEST_CHUNK", 2000)
    whole = _run(folder, tmp_path / "whole")
    assert (chunked.duplicates, chunked.analysed) == (whole.duplicates, whole.analysed) == (2, 3)
    assert sorted(map(sorted, (s.articles for s in chunked.stories))) == sorted(
        map(sorted, (s.articles for s in whole.stories))
    )


def test_a_re_run_finds_the_same_copies_without_hashing_a_text_again(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _run(folder, tmp_path)

    def no_hashing(text: str) -> object:
        raise AssertionError("a remembered chunk's texts were hashed again")

    # the chunks come back from the store with their originals' signatures, and the index of
    # the last run's chunks stands: nothing is hashed, looked up or indexed again
    monkeypatch.setattr(local, "signature", no_hashing)
    monkeypatch.setattr(Store, "near_candidates", no_hashing)
    monkeypatch.setattr(Store, "put_near", no_hashing)
    again = _run(folder, tmp_path)
    assert (again.duplicates, again.analysed, again.reused) == (2, 0, 3)
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        rows = store.con.execute("SELECT source, duplicate_of FROM articles").fetchall()
    dups = {Path(src).name for src, dup in rows if dup is not None}
    assert dups == {"d.txt", "e.txt"}
    assert sorted(map(sorted, (s.articles for s in again.stories))) == sorted(
        map(sorted, (s.articles for s in first.stories))
    )


def _copies(report: local.RunReport, db: Path) -> dict[str, str | None]:
    """File name -> the file name of the article it is a copy of, for the run's articles."""
    with Store(db, read_only=True) as store:
        got = store.get_articles([i for st in report.stories for i in st.articles])
    names = {a.id: Path(a.source).name for a in got}
    return {Path(a.source).name: names.get(a.duplicate_of) if a.duplicate_of else None for a in got}


def test_a_changed_chunk_is_indexed_again_from_there_on(folder: Path, tmp_path: Path) -> None:
    first = _copies(_run(folder, tmp_path), tmp_path / "s.duckdb")
    assert first == {"a.txt": None, "b.txt": None, "c.txt": None, "d.txt": "a.txt", "e.txt": "a.txt"}
    # the second chunk changes: the first chunk's rows stand, the later ones are made again
    (folder / "c.txt").write_text(THIRD.replace("Thursday", "Friday"), encoding="utf-8")
    again = _copies(_run(folder, tmp_path), tmp_path / "s.duckdb")
    assert again == first
    # the first chunk changes (the wire original goes): its reprint is the original now
    (folder / "a.txt").unlink()
    gone = _copies(_run(folder, tmp_path), tmp_path / "s.duckdb")
    assert gone == {"b.txt": None, "c.txt": None, "d.txt": None, "e.txt": "d.txt"}
    fresh = _copies(_run(folder, tmp_path / "fresh"), tmp_path / "fresh" / "s.duckdb")
    assert gone == fresh
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        positions = store.con.execute("SELECT DISTINCT pos FROM near_bands ORDER BY 1").fetchall()
        noted = store.con.execute("SELECT pos FROM near_chunks ORDER BY 1").fetchall()
    assert positions == noted == [(0,), (1,)]  # chunks (b, c) and (d, e): the last run's third is gone


def test_the_index_forgets_chunks_the_corpus_no_longer_has(folder: Path, tmp_path: Path) -> None:
    _run(folder, tmp_path)
    (folder / "e.txt").unlink()  # the third chunk goes; the first two are the same
    _run(folder, tmp_path)
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        noted = store.con.execute("SELECT pos FROM near_chunks ORDER BY 1").fetchall()
    assert noted == [(0,), (1,)]
