"""DuckDB store: every stage's output, keyed by the article's content hash.

One writer (the ``Store`` opened by a run), any number of readers (``Store(..., read_only=True)``).
Records are kept as their ``to_dict`` JSON next to a few columns worth querying, so a schema
change in ``model.py`` never needs a migration of old rows: a changed analyser version simply
recomputes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path

import duckdb

from .errors import StorylineError
from .model import Analysis, Article, Rejected, Story

__all__ = ["Store"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, source VARCHAR, outlet VARCHAR, title VARCHAR,
    published VARCHAR, duplicate_of VARCHAR, text VARCHAR, data JSON);
CREATE TABLE IF NOT EXISTS analyses (
    article VARCHAR, version VARCHAR, data JSON, PRIMARY KEY (article, version));
CREATE TABLE IF NOT EXISTS rejected (source VARCHAR, reason VARCHAR, seen TIMESTAMP DEFAULT now());
CREATE TABLE IF NOT EXISTS stories (id VARCHAR PRIMARY KEY, title VARCHAR, data JSON);
"""


class Store:
    def __init__(self, path: Path | str, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StorylineError(f"{self.path}: no such database (run `storyline analyze` first)")
        try:
            if not read_only:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except OSError as e:
            raise StorylineError(f"{self.path}: cannot create the database folder: {e.strerror or e}") from e
        except duckdb.Error as e:
            raise StorylineError(f"{self.path}: cannot open the database: {e}") from e
        if not read_only:
            self.con.execute(_SCHEMA)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------- writes
    def put_articles(self, articles: Iterable[Article]) -> None:
        rows = [
            (a.id, a.source, a.outlet, a.title, a.published, a.duplicate_of, a.text, json.dumps(a.to_dict()))
            for a in articles
        ]
        if rows:
            self.con.executemany("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def put_analyses(self, analyses: Iterable[tuple[Analysis, str]]) -> None:
        """Store analyses, each with the key it is valid for (``analyse.analysis_key``)."""
        rows = [(a.article, key, json.dumps(a.to_dict())) for a, key in analyses]
        if rows:
            self.con.executemany("INSERT OR REPLACE INTO analyses VALUES (?, ?, ?)", rows)

    def put_rejected(self, rejected: Iterable[Rejected]) -> None:
        """The latest run's rejections, replacing the previous run's (the table does not grow)."""
        rows = [(r.source, r.reason) for r in rejected]
        self.con.execute("DELETE FROM rejected")
        if rows:
            self.con.executemany("INSERT INTO rejected (source, reason) VALUES (?, ?)", rows)

    def put_story(self, story: Story) -> None:
        self.con.execute(
            "INSERT OR REPLACE INTO stories VALUES (?, ?, ?)",
            (story.id, story.title, json.dumps(story.to_dict())),
        )

    # ---------------------------------------------------------------- reads
    def get_analyses(self, keys: Mapping[str, str]) -> dict[str, Analysis]:
        """Stored analyses for article id → key, where the stored key matches exactly."""
        if not keys:
            return {}
        rows = self.con.execute(
            "SELECT data FROM analyses a JOIN (SELECT unnest(?) AS article, unnest(?) AS version) k "
            "USING (article, version)",
            (list(keys), list(keys.values())),
        ).fetchall()
        out = {}
        for (data,) in rows:
            a = Analysis.from_dict(json.loads(data))
            out[a.article] = a
        return out

    def get_article(self, article_id: str) -> Article | None:
        row = self.con.execute("SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
        return Article.from_dict(json.loads(row[0])) if row else None

    def list_stories(self) -> list[tuple[str, str | None]]:
        return [
            (r[0], r[1]) for r in self.con.execute("SELECT id, title FROM stories ORDER BY id").fetchall()
        ]

    def get_story(self, story_id: str) -> Story | None:
        row = self.con.execute("SELECT data FROM stories WHERE id = ?", (story_id,)).fetchone()
        return Story.from_dict(json.loads(row[0])) if row else None
