"""A run killed at any point (SIGKILL) keeps every batch it committed; the next run analyses
only what is missing and the store holds each article and analysis once. Two runs on one store:
the second is refused with a clear message."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storyline.errors import StorylineError
from storyline.store import Store

ROOT = Path(__file__).resolve().parents[1]
N_ARTICLES = 40


def _corpus(folder: Path) -> Path:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from corpus import write_corpus
    finally:
        sys.path.pop(0)
    return write_corpus(folder, N_ARTICLES, per_story=10, seed=3)


def _analyze(src: Path, tmp: Path) -> subprocess.Popen[str]:
    # batches of 4 articles so a 40-article run commits ten times: many places to be killed;
    # the analyser version pinned, so code edited between the runs cannot void the reuse
    code = (
        "import storyline.analyse as a; a.ANALYSER_VERSION = 'pinned'; "
        "import storyline.engine.local as l; l.BATCH = 4; l.POOL_MIN_ARTICLES = 10**9; "
        "from storyline.cli import main; main()"
    )
    args = [
        "analyze",
        str(src),
        "--db",
        str(tmp / "s.duckdb"),
        "--out",
        str(tmp / "o"),
        "--no-report",
        "-j",
        "1",
    ]
    return subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def _counts(db: Path) -> tuple[int, int, int, int]:
    """Stored articles and analyses, all and distinct. A run killed after DuckDB made the file
    but before (all) its tables (seen on a loaded machine) has stored nothing."""
    try:
        store = Store(db, read_only=True)
    except StorylineError as e:
        if "not a storyline store" not in str(e):
            raise
        return (0, 0, 0, 0)  # none of the tables yet
    with store:
        if not (store._has_table("articles") and store._has_table("analyses")):
            return (0, 0, 0, 0)
        row = store.con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(DISTINCT id) FROM articles), "
            "(SELECT count(*) FROM analyses), (SELECT count(DISTINCT article) FROM analyses)"
        ).fetchone()
    assert row is not None
    return row


def test_killed_runs_resume_with_nothing_lost_or_doubled(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "in")
    db = tmp_path / "s.duckdb"
    rng = random.Random(14)
    kept = 0
    for _ in range(3):  # kill three runs at random moments, each resuming the last
        proc = _analyze(src, tmp_path)
        time.sleep(rng.uniform(4.0, 12.0))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        if db.exists():
            articles, distinct, analyses, distinct_analyses = _counts(db)
            assert (articles, analyses) == (distinct, distinct_analyses)  # nothing doubled
            assert analyses >= kept  # nothing committed was lost
            kept = analyses
    proc = _analyze(src, tmp_path)
    output, _ = proc.communicate(timeout=600)
    assert proc.returncode == 0, output
    assert f"{kept} reused from" in output and f"{N_ARTICLES - kept} analysed" in output
    assert _counts(db) == (N_ARTICLES, N_ARTICLES, N_ARTICLES, N_ARTICLES)


def test_a_second_writer_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    Store(db).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('ok', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        with pytest.raises(StorylineError) as got:
            Store(db)
    finally:
        holder.kill()
        holder.wait()
    assert str(got.value) == (
        f"{db}: the database is in use by process {holder.pid} (another storyline run or `storyline serve`); "
        "wait for it to finish, or give this run its own --db"
    )
