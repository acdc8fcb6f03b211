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
