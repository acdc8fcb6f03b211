"""What keeps the driver's memory flat across runs: chunk memos over the size limit live in
files beside the store, and articles stored unchanged are not written again."""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import duckdb
import pytest

import storyline.store as store_module
from storyline.engine import local
from storyline.model import Article
from storyline.settings import Settings
from storyline.store import Store, pack, unpack

TEXTS = {
    "a.txt": "Ministers Meet\n\nThe foreign ministers of Norway and Chile met in Harbour City on Sunday.\n",
    "b.txt": "Talks Continue\n\nChile's foreign minister Pablo Rojas said the talks had been useful.\n",
    "c.txt": "Port Reopens\n\nThe port of Valdivia reopened on Monday after a week of storms.\n",
}


def _article(i: str = "a1", **kw: str) -> Article:
    return Article(id=i, source=f"{i}.txt", text="The ministers met.", title="Talks", **kw)  # type: ignore[arg-type]


def test_a_big_chunk_memo_is_kept_in_a_file_and_read_back_equal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "STORY_FILE_BYTES", 10)
    packed = pack({"articles": [_article().to_dict()], "rejected": []})
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store.put_chunk("k1", packed)
        store.put_chunk("k2", packed)
        assert store.con.execute("SELECT key, packed, file FROM chunks ORDER BY key").fetchall() == [
            ("k1", None, "k1.json.z"),
            ("k2", None, "k2.json.z"),
        ]
        assert store.get_chunk("k1") == packed
        store.keep_chunks(["k2"])  # the forgotten chunk's file goes with its row
        assert store.get_chunk("k1") is None
        assert sorted(p.name for p in (tmp_path / "s.duckdb.chunks").iterdir()) == ["k2.json.z"]
    with Store(db, read_only=True) as store:
        assert store.get_chunk("k2") == packed
    (tmp_path / "s.duckdb.chunks" / "k2.json.z").unlink()
    with Store(db) as store:  # a lost file: the chunk is read from its files again
        assert store.get_chunk("k2") is None


def test_a_small_chunk_memo_stays_in_the_table(tmp_path: Path) -> None:
    packed = pack({"articles": [], "rejected": []})
    with Store(tmp_path / "s.duckdb") as store:
        store.put_chunk("k", packed)
        assert store.get_chunk("k") == packed
        assert store.con.execute("SELECT file FROM chunks").fetchall() == [(None,)]
    assert not (tmp_path / "s.duckdb.chunks").exists()


@pytest.mark.parametrize("read_only", [False, True])
def test_a_chunk_memo_of_an_older_store_still_loads(tmp_path: Path, read_only: bool) -> None:
    db = tmp_path / "old.duckdb"
    packed = pack({"articles": [], "rejected": []})
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE chunks (key VARCHAR PRIMARY KEY, packed BLOB)")
    con.execute("INSERT INTO chunks VALUES (?, ?)", ("k", packed))
    con.close()
    with Store(db, read_only=read_only) as store:
        assert store.get_chunk("k") == packed
        assert store.get_chunk("other") is None


def test_an_article_stored_unchanged_is_not_written_again(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.put_articles([_article("a1"), _article("a2")])
        writes: list[list[str]] = []
        real = store.con.execute

        class Spy:
            def execute(self, sql: str, params: object = None) -> object:
                if sql.startswith("INSERT OR REPLACE INTO articles"):
                    writes.append(list(params[0]))  # type: ignore[index]
                return real(sql, params)

        store.con = Spy()  # type: ignore[assignment]
        store.put_articles([_article("a1"), _article("a2", duplicate_of="a1"), _article("a3")])
        store.con = real.__self__  # type: ignore[attr-defined]
        assert writes == [["a2", "a3"]]
        assert [a.duplicate_of for a in store.get_articles(["a1", "a2", "a3"])] == [None, "a1", None]


def test_an_article_stored_before_the_packed_column_is_written_packed(tmp_path: Path) -> None:
    art = _article()
    with Store(tmp_path / "s.duckdb") as store:
        store.con.execute(
            "INSERT INTO articles (id, source, title, text, data) VALUES (?, ?, ?, ?, ?)",
            (art.id, art.source, art.title, art.text, json.dumps(art.to_dict())),
        )
        store.put_articles([art])
        (packed,) = store.con.execute("SELECT packed FROM articles").fetchone()  # type: ignore[misc]
        assert unpack(bytes(packed)) == art.to_dict()
        assert json.loads(zlib.decompress(bytes(packed))) == art.to_dict()


def test_a_re_run_reads_its_chunks_from_files_beside_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(local, "INGEST_CHUNK", 2)
    monkeypatch.setattr(store_module, "STORY_FILE_BYTES", 10)
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    settings = Settings(db=tmp_path / "s.duckdb", out=tmp_path / "out", workers=1, report=False)
    first = local.run([str(folder)], settings)
    assert len(list((tmp_path / "s.duckdb.chunks").iterdir())) == 2
    ingested: list[object] = []
    real = local.ingest_chunk
    monkeypatch.setattr(local, "ingest_chunk", lambda *a, **k: ingested.append(a) or real(*a, **k))
    second = local.run([str(folder)], settings)
    assert ingested == []
    assert [s.articles for s in second.stories] == [s.articles for s in first.stories]
    assert second.reused == first.analysed


def test_story_counts_come_from_the_row_when_stored_with_it(tmp_path: Path) -> None:
    row = pack({"actors": [{"id": "p1"}], "quotes": []})
    with Store(tmp_path / "s.duckdb") as store:
        store.put_story_row("s1", "T", row, "k", (7, 1, 2, 3, 4))
        store.put_story_row("s2", "T", row, "k")  # no counts: read from the story
        assert store.story_counts("s1") == (7, 1, 2, 3, 4)
        assert store.story_counts("s2") == (1, 0, 0, 0, 0)
        assert store.story_counts("none") is None


def test_the_engine_imports_no_scipy_until_a_text_is_hashed() -> None:
    """datasketch imports scipy.integrate (~50 MB); a pool worker imports the engine, the
    analysis and fusion but never hashes a text, so it must not pay for it. Ingest does."""
    import subprocess
    import sys

    code = (
        "import sys, storyline.engine.local, storyline.analyse, storyline.fuse.story\n"
        "print('scipy' in sys.modules, 'datasketch' in sys.modules)\n"
        "from storyline.ingest.dedupe import signature\n"
        "signature('one two three four five six')\n"
        "print('datasketch' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False", "True"]


def _young_threshold() -> int:
    import gc

    return gc.get_threshold()[0]


def test_a_run_collects_cycles_less_often_and_leaves_the_callers_setting(tmp_path: Path) -> None:
    import gc
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    before = gc.get_threshold()
    seen: list[int] = []
    real = local.ingest_chunk

    def spy(*a: object, **k: object) -> object:
        seen.append(gc.get_threshold()[0])
        return real(*a, **k)  # type: ignore[arg-type]

    (tmp_path / "in").mkdir()
    for name, text in TEXTS.items():
        (tmp_path / "in" / name).write_text(text, encoding="utf-8")
    settings = Settings(db=tmp_path / "s.duckdb", out=tmp_path / "out", workers=1)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(local, "ingest_chunk", spy)
        local.run([str(tmp_path / "in")], settings)
    assert seen and set(seen) == {local.GC_YOUNG} != {before[0]}
    assert gc.get_threshold() == before
    with ProcessPoolExecutor(
        1, mp_context=get_context("spawn"), initializer=local._start_worker, initargs=(False,)
    ) as pool:
        assert pool.submit(_young_threshold).result() == local.GC_YOUNG
