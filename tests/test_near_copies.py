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

    # the chunks come back from the store with their originals' signatures
    monkeypatch.setattr(local, "signature", no_hashing)
    again = _run(folder, tmp_path)
    assert (again.duplicates, again.analysed, again.reused) == (2, 0, 3)
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        rows = store.con.execute("SELECT source, duplicate_of FROM articles").fetchall()
    dups = {Path(src).name for src, dup in rows if dup is not None}
    assert dups == {"d.txt", "e.txt"}
    assert sorted(map(sorted, (s.articles for s in again.stories))) == sorted(
        map(sorted, (s.articles for s in first.stories))
    )
