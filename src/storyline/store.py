"""DuckDB store: every stage's output, keyed by the article's content hash.

One writer (the ``Store`` opened by a run), any number of readers (``Store(..., read_only=True)``).
DuckDB locks the file for the process that writes: a second run on the same file is refused
with a message naming the process that holds it. Every ``put_*`` is its own transaction, so a
run killed at any point keeps each batch it committed and nothing half-written.
Records are kept as their ``to_dict`` JSON, zlib-packed, next to a few columns worth querying,
so a schema change in ``model.py`` never needs a migration of old rows: a changed analyser
version simply recomputes. Rows written before the ``packed`` columns existed keep their JSON in
``data`` and are read from there.
"""

from __future__ import annotations

import hashlib
import json
import re
import zlib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb

from .errors import StorylineError
from .model import Actor, Analysis, Article, Rejected, Story, fields_of, json_pieces

__all__ = ["Store"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, source VARCHAR, outlet VARCHAR, title VARCHAR,
    published VARCHAR, duplicate_of VARCHAR, text VARCHAR, data JSON);
CREATE TABLE IF NOT EXISTS analyses (
    article VARCHAR, version VARCHAR, data JSON, PRIMARY KEY (article, version));
ALTER TABLE analyses ADD COLUMN IF NOT EXISTS actors VARCHAR;
CREATE TABLE IF NOT EXISTS rejected (source VARCHAR, reason VARCHAR, seen TIMESTAMP DEFAULT now());
CREATE TABLE IF NOT EXISTS stories (id VARCHAR PRIMARY KEY, title VARCHAR, data JSON);
ALTER TABLE stories ADD COLUMN IF NOT EXISTS key VARCHAR;
ALTER TABLE stories ADD COLUMN IF NOT EXISTS packed BLOB;
ALTER TABLE stories ADD COLUMN IF NOT EXISTS file VARCHAR;
ALTER TABLE stories ADD COLUMN IF NOT EXISTS counts VARCHAR;
ALTER TABLE articles ADD COLUMN IF NOT EXISTS packed BLOB;
ALTER TABLE analyses ADD COLUMN IF NOT EXISTS packed BLOB;
CREATE INDEX IF NOT EXISTS analyses_by_article ON analyses (article);
CREATE TABLE IF NOT EXISTS chunks (key VARCHAR PRIMARY KEY, packed BLOB);
ALTER TABLE chunks ADD COLUMN IF NOT EXISTS file VARCHAR;
CREATE TABLE IF NOT EXISTS assignments (article VARCHAR, story VARCHAR, version VARCHAR);
ALTER TABLE assignments ADD COLUMN IF NOT EXISTS key VARCHAR;
CREATE TABLE IF NOT EXISTS parses (
    article VARCHAR, version VARCHAR, doc BLOB, PRIMARY KEY (article, version));
CREATE INDEX IF NOT EXISTS parses_by_article ON parses (article);
CREATE TABLE IF NOT EXISTS near_bands (band INTEGER, key BIGINT, article VARCHAR);
CREATE TABLE IF NOT EXISTS near_signatures (article VARCHAR PRIMARY KEY, sig BLOB);
ALTER TABLE near_bands ADD COLUMN IF NOT EXISTS pos INTEGER;
ALTER TABLE near_signatures ADD COLUMN IF NOT EXISTS pos INTEGER;
CREATE TABLE IF NOT EXISTS near_chunks (pos INTEGER PRIMARY KEY, prefix VARCHAR, copies BLOB);
CREATE TABLE IF NOT EXISTS ingested (key VARCHAR PRIMARY KEY, packed BLOB);
CREATE TABLE IF NOT EXISTS bags (key VARCHAR PRIMARY KEY, packed BLOB);
"""

#: A story with up to this many articles reads its rows one lookup each (an index probe, ~1 ms);
#: a larger one in one pass over the table. Any query joining the table with a list of keys
#: scans every row's JSON (~180 ms per story at 3,000 stored analyses, growing with the store),
#: which made reading each story's rows quadratic in the corpus.
LOOKUP_ROWS = 200

#: zlib level for stored records: 1 packs a story's JSON ~6x in ~5 ms per MB (level 6: 6.7x, 17 ms).
#: Records are stored packed, not in DuckDB's JSON column: inserting 3,000 analyses (68 kB of
#: JSON each) 32 at a time raised the process's memory by up to 312 MB as JSON (425 MB as
#: VARCHAR), by 62 MB packed, in half the CPU time (DuckDB keeps inserted blocks in its buffers).
PACK_LEVEL = 1


#: A story row larger than this (packed) is kept in a file beside the store (``<db>.stories/``)
#: and the table holds its name: DuckDB keeps large inserted BLOBs in memory (40 rows of 15 MB
#: raised the process to 1.37 GB; a memory limit made its checkpoint fail instead), and the big
#: stories of a 10,000-article run took the driver to ~1 GB.
STORY_FILE_BYTES = 1_000_000

#: Rows fetched from DuckDB at a time when reading many articles or actor lists.
FETCH_ROWS = 500

#: DuckDB's buffer pool: by default up to 80% of the machine, and it keeps the blocks a run
#: inserts until then, so a long run's driver grew with the store (inserting 576 MB of 30 kB rows
#: 32 at a time: 1,034 MB peak; with this limit 382 MB, no slower; a 10^5-article run's driver
#: passed 500 MB while still analysing). Rows over ``STORY_FILE_BYTES`` live in files, so no
#: insert needs a block this limit cannot hold (with 15 MB rows a 256 MB limit failed).
MEMORY_LIMIT = "256MB"


#: the tables ``_SCHEMA`` makes (a store of an older version may lack some)
_TABLES = tuple(re.findall(r"CREATE TABLE IF NOT EXISTS (\w+)", _SCHEMA))


class Store:
    def __init__(self, path: Path | str, read_only: bool = False) -> None:
        self.path = Path(path)
        self._schema: dict[tuple[str, str | None], bool] = {}  # see _has_column
        if read_only and not self.path.exists():
            raise StorylineError(f"{self.path}: no such database (run `storyline analyze` first)")
        try:
            if not read_only:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.con = duckdb.connect(
                str(self.path), read_only=read_only, config={"memory_limit": MEMORY_LIMIT}
            )
        except OSError as e:
            raise StorylineError(f"{self.path}: cannot create the database folder: {e.strerror or e}") from e
        except duckdb.IOException as e:
            if "lock" not in str(e).lower():
                raise StorylineError(f"{self.path}: cannot open the database: {e}") from e
            raise StorylineError(_locked_message(self.path, str(e))) from e
        except duckdb.Error as e:
            raise StorylineError(f"{self.path}: cannot open the database: {e}") from e
        if not read_only:
            self.con.execute(_SCHEMA)
        elif not any(self._has_table(t) for t in _TABLES):
            self.con.close()
            raise StorylineError(
                f"{self.path}: not a storyline store (none of its tables): a run stopped before it "
                "stored anything, or another program's DuckDB file; run `storyline analyze` with "
                "this --db"
            )

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------- writes
    def put_articles(self, articles: Iterable[Article]) -> None:
        """Store articles; one already stored exactly so (the same packed record) is not written
        again: a re-run over unchanged files re-put every article of the chunks the store
        remembers, and DuckDB kept the replaced rows in memory (+160 MB of the driver at 10,000
        articles, none with the check)."""
        rows = [
            (a.id, a.source, a.outlet, a.title, a.published, a.duplicate_of, a.text, pack(a))
            for a in articles
        ]
        if rows:
            stored = self._article_digests([r[0] for r in rows])
            rows = [r for r in rows if stored.get(r[0]) != hashlib.md5(r[-1]).hexdigest()]
        if rows:  # one statement over columns: executemany costs a round trip per row
            cols = [list(c) for c in zip(*rows, strict=True)]
            self.con.execute(
                "INSERT OR REPLACE INTO articles (id, source, outlet, title, published, duplicate_of, "
                "text, packed) SELECT unnest(?), unnest(?), unnest(?), unnest(?), unnest(?), unnest(?), "
                "unnest(?), unnest(?)",
                cols,
            )

    def _article_digests(self, ids: list[str]) -> dict[str, str]:
        """Article id -> the MD5 (hex) of its stored packed record, for those stored packed."""
        cur = self.con.execute(
            "SELECT id, md5(packed) FROM articles WHERE packed IS NOT NULL AND id IN (SELECT unnest(?))",
            (ids,),
        )
        out: dict[str, str] = {}
        while got := cur.fetchmany(FETCH_ROWS * 20):
            out.update(got)
        return out

    def put_analyses(self, analyses: Iterable[tuple[Analysis, str]]) -> None:
        """Store analyses, each with the key it is valid for (``analyse.analysis_key``), in one
        statement: one transaction per batch, and far cheaper than a row at a time. Beside the
        packed JSON goes each analysis's actor list (id, name, kind a line), all story clustering
        reads."""
        rows = [(a.article, key, pack(a), _actor_lines(a)) for a, key in analyses]
        if rows:
            cols = [list(c) for c in zip(*rows, strict=True)]
            self.con.execute(
                "INSERT OR REPLACE INTO analyses (article, version, packed, actors) "
                "SELECT unnest(?), unnest(?), unnest(?), unnest(?)",
                cols,
            )

    def put_rejected(self, rejected: Iterable[Rejected]) -> None:
        """The latest run's rejections, replacing the previous run's (the table does not grow)."""
        rows = [(r.source, r.reason) for r in rejected]
        self.con.execute("DELETE FROM rejected")
        if rows:
            self.con.executemany("INSERT INTO rejected (source, reason) VALUES (?, ?)", rows)

    def put_story(self, story: Story, key: str | None = None) -> None:
        """Store a story; ``key`` says what it was made from (its articles' analyses, the
        settings and code that fused it), so an unchanged story is not made again."""
        self.put_story_row(story.id, story.title, story_row(story), key)

    def put_story_row(
        self,
        story_id: str,
        title: str | None,
        packed: bytes,
        key: str | None = None,
        counts: Sequence[int] | None = None,
    ) -> None:
        """Store a story already turned into its row (:func:`story_row`), as a pool worker does.

        Stories are kept as zlib-packed JSON, not in the JSON column: DuckDB's insert of one
        13.8 MB JSON text raised the process's memory by ~100 MB (the 3,589-article story of a
        hostile run), the packed 2.4 MB by a few. A row over ``STORY_FILE_BYTES`` goes to a file
        beside the store (written whole, then renamed into place). Rows stored before keep their
        ``data``. ``counts``: its actors, quotes, events, claims and conflicts, kept so that
        ``story_counts`` need not read the (possibly ~100 MB unpacked) story."""
        name = _to_file(self._story_files(), story_id, packed)
        self.con.execute(
            "INSERT OR REPLACE INTO stories (id, title, data, key, packed, file, counts) "
            "VALUES (?, ?, NULL, ?, ?, ?, ?)",
            (story_id, title, key, None if name else packed, name, ",".join(map(str, counts or ())) or None),
        )

    def _story_files(self) -> Path:
        return self.path.with_name(self.path.name + ".stories")

    def _chunk_files(self) -> Path:
        return self.path.with_name(self.path.name + ".chunks")

    def put_chunk(self, key: str, packed: bytes) -> None:
        """Remember what ingesting one chunk of files gave (packed), under a key naming the
        files as they were (see ``engine.local``): a re-run over unchanged files reads this
        instead of the files. A chunk over ``STORY_FILE_BYTES`` (2,000 news files pack to
        ~1.4 MB) is kept in a file beside the store (``<db>.chunks/``), as big story rows are:
        DuckDB keeps large inserted BLOBs in memory, and a read one in its buffers."""
        name = _to_file(self._chunk_files(), key, packed)
        self.con.execute(
            "INSERT OR REPLACE INTO chunks (key, packed, file) VALUES (?, ?, ?)",
            (key, None if name else packed, name),
        )

    def get_chunk(self, key: str) -> bytes | None:
        """The packed chunk stored under ``key``, if any (None also when its file is gone or
        cannot be read: the chunk is then ingested again)."""
        if not self._has_table("chunks"):  # a read-only store made before the table
            return None
        file = "file" if self._has_column("chunks", "file") else "NULL"  # read-only older stores
        row = self.con.execute(f"SELECT packed, {file} FROM chunks WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        packed, name = row
        if name is not None:
            try:
                return (self._chunk_files() / str(name)).read_bytes()
            except OSError:
                return None
        return None if packed is None else bytes(packed)

    def keep_chunks(self, keys: Iterable[str]) -> None:
        """Forget every remembered chunk but these (the run's own), and their files, so the
        table and the folder do not grow with each change to the files."""
        kept = list(keys)
        self.con.execute("DELETE FROM chunks WHERE key NOT IN (SELECT unnest(?))", (kept,))
        folder = self._chunk_files()
        if folder.is_dir():
            names = {f"{k}.json.z" for k in kept}
            for f in folder.iterdir():
                if f.name not in names:
                    f.unlink(missing_ok=True)

    # ------------------------------------------------ memos: key -> packed, a run's own
    # ``ingested``: what ingest made of each file (key: the file as it is now, the settings and
    # code); ``bags``: clustering's term counts of each article. A run reads what it can, adds
    # what it made, and forgets the keys it did not use, so neither grows with each change.
    def get_memos(self, table: str, keys: Sequence[str]) -> dict[str, bytes]:
        """The packed memos stored under these keys (a key not stored is left out)."""
        if not keys or not self._has_table(_memo(table)):
            return {}
        cur = self.con.execute(
            f"SELECT key, packed FROM {table} WHERE key IN (SELECT unnest(?))", (list(keys),)
        )
        out: dict[str, bytes] = {}
        while rows := cur.fetchmany(FETCH_ROWS * 20):
            out.update((k, bytes(p)) for k, p in rows)
        return out

    def put_memos(self, table: str, memos: Mapping[str, bytes]) -> None:
        if memos:
            self.con.execute(
                f"INSERT OR REPLACE INTO {_memo(table)} SELECT unnest(?), unnest(?)",
                (list(memos), list(memos.values())),
            )

    def keep_memos(self, table: str, keys: Iterable[str]) -> None:
        """Forget every memo but these (the run's own)."""
        if self._has_table(_memo(table)):
            self.con.execute(f"DELETE FROM {table} WHERE key NOT IN (SELECT unnest(?))", (list(keys),))

    # ------------------------------------- the run's near-duplicate index, across ingest chunks
    # Rows carry the position of the chunk that put them. The index stays between runs: a run
    # whose first chunks are the last run's (``near_chunk``'s prefix) reuses their rows and the
    # copies found in them, and drops the rest (``cut_near``) before indexing anew.
    def clear_near(self) -> None:
        """Start a run's near-duplicate index afresh (it holds only this run's articles)."""
        self.cut_near(0)

    def cut_near(self, pos: int) -> None:
        """Forget the index rows of chunks at ``pos`` and after (and rows without a position)."""
        self.con.execute("DELETE FROM near_bands WHERE pos IS NULL OR pos >= ?", (pos,))
        self.con.execute("DELETE FROM near_signatures WHERE pos IS NULL OR pos >= ?", (pos,))
        self.con.execute("DELETE FROM near_chunks WHERE pos >= ?", (pos,))

    def near_chunk(self, pos: int) -> tuple[str, bytes] | None:
        """(prefix, packed copies) the chunk at ``pos`` was indexed under, if it was."""
        row = self.con.execute("SELECT prefix, copies FROM near_chunks WHERE pos = ?", (pos,)).fetchone()
        return None if row is None else (str(row[0]), bytes(row[1]))

    def put_near_chunk(self, pos: int, prefix: str, copies: bytes) -> None:
        """Note that the chunk at ``pos`` is indexed, after every chunk named by ``prefix``, and
        the copies of earlier chunks' articles it held (packed)."""
        self.con.execute("INSERT OR REPLACE INTO near_chunks VALUES (?, ?, ?)", (pos, prefix, copies))

    def put_near(self, entries: Sequence[tuple[str, bytes, Sequence[tuple[int, int]]]], pos: int = 0) -> None:
        """Index articles by their MinHash signature and LSH (band, key) pairs."""
        if not entries:
            return
        bands = [(b, k, aid) for aid, _, keys in entries for b, k in keys]
        cols = [list(c) for c in zip(*bands, strict=True)]
        self.con.execute("INSERT INTO near_bands SELECT unnest(?), unnest(?), unnest(?), ?", [*cols, pos])
        self.con.execute(
            "INSERT OR REPLACE INTO near_signatures SELECT unnest(?), unnest(?), ?",
            ([aid for aid, _, _ in entries], [sig for _, sig, _ in entries], pos),
        )

    def near_candidates(
        self, entries: Sequence[tuple[str, bytes, Sequence[tuple[int, int]]]]
    ) -> list[tuple[str, str, bytes]]:
        """(article, indexed article sharing an LSH band with it, the latter's signature)."""
        if not entries:
            return []
        bands = [(b, k, aid) for aid, _, keys in entries for b, k in keys]
        cols = [list(c) for c in zip(*bands, strict=True)]
        rows = self.con.execute(
            "SELECT DISTINCT q.article, n.article, s.sig FROM "
            "(SELECT unnest(?) AS band, unnest(?) AS key, unnest(?) AS article) q "
            "JOIN near_bands n ON n.band = q.band AND n.key = q.key "
            "JOIN near_signatures s ON s.article = n.article ORDER BY 1, 2",
            cols,
        ).fetchall()
        return [(a, b, bytes(sig)) for a, b, sig in rows]

    def put_assignment(self, version: str, rows: Iterable[tuple[str, str, str]]) -> None:
        """The story each original article of the run is in, with the analysis key it was
        clustered under (article, story, key), replacing the last run's in one transaction;
        made by clustering ``version``. The next run keeps these stories for the articles whose
        key is unchanged (see ``fuse.clusters.cluster_stream``)."""
        got = list(rows)
        self.con.begin()
        try:
            self.con.execute("DELETE FROM assignments")
            if got:
                cols = [list(c) for c in zip(*got, strict=True)]
                self.con.execute(
                    "INSERT INTO assignments (article, story, key, version) "
                    "SELECT unnest(?), unnest(?), unnest(?), ?",
                    (*cols, version),
                )
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise

    def get_assignment(self, version: str) -> dict[str, tuple[str, str]]:
        """Article id -> (story id, analysis key) from the last run, if its clustering was
        ``version``."""
        if not self._has_table("assignments"):  # a read-only store made before the table
            return {}
        cur = self.con.execute(
            "SELECT article, story, key FROM assignments WHERE version = ? AND key IS NOT NULL", (version,)
        )
        out: dict[str, tuple[str, str]] = {}
        while rows := cur.fetchmany(FETCH_ROWS * 20):
            out.update((aid, (story, key)) for aid, story, key in rows)
        return out

    def story_key(self, story_id: str) -> str | None:
        """The key the stored story ``story_id`` was made under (None: no such story, or no key)."""
        return self.story_keys([story_id]).get(story_id, (None, None))[0]

    def story_keys(self, story_ids: Sequence[str]) -> dict[str, tuple[str | None, str | None]]:
        """Stored story id -> (the key it was made under, its title), for these ids, in one
        query (a re-run over 10,000 articles asked twice per story: 3.5 s for 995 stories)."""
        if not story_ids:
            return {}
        cur = self.con.execute(
            "SELECT id, key, title FROM stories WHERE id IN (SELECT unnest(?))", (list(story_ids),)
        )
        out: dict[str, tuple[str | None, str | None]] = {}
        while rows := cur.fetchmany(FETCH_ROWS * 20):
            out.update((sid, (key, title)) for sid, key, title in rows)
        return out

    # ---------------------------------------------------------------- reads
    def analysed(self, keys: Mapping[str, str]) -> set[str]:
        """The article ids in ``keys`` that have an analysis stored under exactly that key
        (without reading the analyses)."""
        if not keys:
            return set()
        rows = self.con.execute(
            "SELECT article FROM analyses a JOIN (SELECT unnest(?) AS article, unnest(?) AS version) k "
            "USING (article, version)",
            (list(keys), list(keys.values())),
        ).fetchall()
        return {r[0] for r in rows}

    def analysed_keys(self, prefix: str = "") -> frozenset[tuple[str, str]]:
        """Every stored (article id, key) whose key starts with ``prefix``: what a Ray worker
        checks before analysing, since workers cannot open the store. The engine passes no
        prefix: a worker's own analyser version is the one that counts."""
        rows = self.con.execute(
            "SELECT article, version FROM analyses WHERE starts_with(version, ?)", (prefix,)
        ).fetchall()
        return frozenset((a, v) for a, v in rows)

    def get_articles(self, ids: Sequence[str], *, light: bool = False) -> list[Article]:
        """The stored articles with these ids, in the order given (unknown ids are left out).

        ``light``: without ``removed`` (what cleaning cut, often larger than the text), for
        story clustering, which reads only ids, dates, titles and text.
        """
        if not ids:
            return []
        packed = self._packed_column("articles")
        cur = self.con.execute(
            f"SELECT id, data, {packed} FROM articles WHERE id IN (SELECT unnest(?))", (list(ids),)
        )
        by_id: dict[str, Article] = {}
        while rows := cur.fetchmany(FETCH_ROWS):
            for aid, text, p in rows:
                data = unpack(_row(text, p))
                if light:
                    data.pop("removed", None)
                by_id[aid] = Article.from_dict(data)
        return [by_id[i] for i in ids if i in by_id]

    def article_heads(self, ids: Sequence[str]) -> dict[str, tuple[str | None, str | None, str | None]]:
        """Article id -> (title, published, duplicate_of), from the columns: no record decoded."""
        if not ids:
            return {}
        cur = self.con.execute(
            "SELECT id, title, published, duplicate_of FROM articles WHERE id IN (SELECT unnest(?))",
            (list(ids),),
        )
        out: dict[str, tuple[str | None, str | None, str | None]] = {}
        while rows := cur.fetchmany(FETCH_ROWS * 20):
            out.update((aid, (title, published, dup)) for aid, title, published, dup in rows)
        return out

    def get_actor_lists(self, keys: Mapping[str, str]) -> dict[str, Analysis]:
        """Analyses holding only their actors' ids, names and kinds (all that story clustering
        reads), from the small ``actors`` column: parsing the actors of 2,000 analyses with their
        mentions took 586 MB. Rows stored before that column existed are read from the JSON."""
        if not keys:
            return {}
        join = (
            "FROM analyses a JOIN (SELECT unnest(?) AS article, unnest(?) AS version) k "
            "USING (article, version)"
        )
        params = (list(keys), list(keys.values()))
        out: dict[str, Analysis] = {}
        # the actors column alone: a query that also names ``data`` makes DuckDB load that
        # (large) column for every row it scans, ~100 MB of the driver per 1,000 analyses
        cur = self.con.execute(f"SELECT article, actors {join} WHERE actors IS NOT NULL", params)
        while rows := cur.fetchmany(FETCH_ROWS):
            for aid, lines in rows:
                actors = tuple(Actor(*line.split("\t")) for line in lines.splitlines())
                out[aid] = Analysis(article=aid, actors=actors)
        if len(out) < len(keys):  # rows stored before the column existed
            cur = self.con.execute(
                f"SELECT article, json_extract(data, '$.actors') {join} WHERE actors IS NULL", params
            )
            while rows := cur.fetchmany(FETCH_ROWS):
                for aid, old in rows:
                    actors = tuple(Actor(a["id"], a["name"], a["kind"]) for a in json.loads(old or "[]"))
                    out[aid] = Analysis(article=aid, actors=actors)
        return out

    def get_analyses(self, keys: Mapping[str, str]) -> dict[str, Analysis]:
        """Stored analyses for article id → key, where the stored key matches exactly."""
        return {aid: Analysis.from_dict(unpack(row)) for aid, row in self.analysis_rows(keys).items()}

    def get_article(self, article_id: str) -> Article | None:
        rows = self.article_rows([article_id])
        return Article.from_dict(unpack(rows[0])) if rows else None

    def list_stories(self) -> list[tuple[str, str | None]]:
        return [
            (r[0], r[1]) for r in self.con.execute("SELECT id, title FROM stories ORDER BY id").fetchall()
        ]

    def get_story(self, story_id: str) -> Story | None:
        data = self._story_dict(story_id)
        return Story.from_dict(data) if data is not None else None

    def _story_dict(self, story_id: str) -> dict[str, Any] | None:
        file = "file" if self._has_column("stories", "file") else "NULL"  # read-only older stores
        row = self.con.execute(
            f"SELECT data, {self._packed_column('stories')}, {file} FROM stories WHERE id = ?", (story_id,)
        ).fetchone()
        if row is None:
            return None
        data, packed, name = row
        if name is not None:
            try:
                packed = (self._story_files() / name).read_bytes()
            except OSError as e:
                raise StorylineError(
                    f"{self.path}: story {story_id} is kept in a file that cannot be read: {e}"
                ) from e
        loaded: dict[str, Any] = unpack(_row(data, packed))
        return loaded

    # ------------------------------------------------- rows, for a pool worker to read
    def article_rows(self, ids: Sequence[str]) -> list[bytes]:
        """These articles as stored (their packed JSON, see :func:`unpack`), in the order given
        (unknown ids left out): a pool worker makes the Articles itself, so this process never
        holds a big story's objects (packed, they take ~20 times less memory)."""
        if not ids:
            return []
        by_id: dict[str, bytes] = {}
        packed = self._packed_column("articles")
        if len(ids) <= LOOKUP_ROWS:
            for i in ids:
                row = self.con.execute(f"SELECT data, {packed} FROM articles WHERE id = ?", (i,)).fetchone()
                if row is not None:
                    by_id[i] = _row(*row)
        else:
            query = f"SELECT id, data, {packed} FROM articles WHERE id IN (SELECT unnest(?))"
            cur = self.con.execute(query, (list(ids),))
            while rows := cur.fetchmany(FETCH_ROWS):
                by_id.update((aid, _row(data, p)) for aid, data, p in rows)
        return [by_id[i] for i in ids if i in by_id]

    def analysis_rows(self, keys: Mapping[str, str]) -> dict[str, bytes]:
        """The analyses for article id → key as stored (packed JSON, see :func:`unpack`), where
        the stored key matches."""
        packed = self._packed_column("analyses")
        return {
            aid: _row(data, p) for aid, (data, p) in self._keyed("analyses", f"data, {packed}", keys).items()
        }

    def put_parses(self, parses: Iterable[tuple[str, str, bytes]]) -> None:
        """Keep parses (article id, analysis key, DocBin bytes) of undated articles: fusion may
        date one from its story and analyse it again without parsing it again."""
        rows = list(parses)
        if rows:
            cols = [list(c) for c in zip(*rows, strict=True)]
            self.con.execute("INSERT OR REPLACE INTO parses SELECT unnest(?), unnest(?), unnest(?)", cols)

    def parse_rows(self, keys: Mapping[str, str]) -> dict[str, bytes]:
        """The kept parses for article id → key, where one was kept under exactly that key."""
        if not self._has_table("parses"):  # a read-only store made before the table
            return {}
        return {aid: bytes(doc) for aid, (doc,) in self._keyed("parses", "doc", keys).items()}

    def _keyed(self, table: str, columns: str, keys: Mapping[str, str]) -> dict[str, tuple[Any, ...]]:
        """``columns`` of ``table``'s rows for article id → version, where the stored version
        matches: one index probe per article up to ``LOOKUP_ROWS``, else one join."""
        if not keys:
            return {}
        out: dict[str, tuple[Any, ...]] = {}
        if len(keys) <= LOOKUP_ROWS:
            for aid, key in keys.items():
                # the article alone: the index serves one column, not (article, version)
                found = self.con.execute(f"SELECT version, {columns} FROM {table} WHERE article = ?", (aid,))
                for version, *values in found.fetchall():
                    if version == key:
                        out[aid] = tuple(values)
            return out
        cur = self.con.execute(
            f"SELECT article, {columns} FROM {table} "
            "JOIN (SELECT unnest(?) AS article, unnest(?) AS version) k USING (article, version)",
            (list(keys), list(keys.values())),
        )
        while rows := cur.fetchmany(FETCH_ROWS):
            out.update((aid, tuple(values)) for aid, *values in rows)
        return out

    def _has_table(self, table: str) -> bool:
        """Whether ``table`` exists (a read-only store made before it has none)."""
        return self._has_column(table, None)

    def _packed_column(self, table: str) -> str:
        """``packed``, or ``NULL`` in a read-only store made before ``table`` had that column."""
        return "packed" if self._has_column(table, "packed") else "NULL"

    def _has_column(self, table: str, column: str | None) -> bool:
        """Whether ``table`` has ``column`` (any column: the table exists), asked once per store:
        the schema is made when the store opens, and a read-only store's never changes."""
        if (table, column) not in self._schema:
            self._schema[(table, column)] = bool(
                self.con.execute(
                    "SELECT 1 FROM information_schema.columns "
                    "WHERE table_name = ? AND (? IS NULL OR column_name = ?)",
                    (table, column, column),
                ).fetchall()
            )
        return self._schema[(table, column)]

    def story_counts(self, story_id: str) -> tuple[int, int, int, int, int] | None:
        """How many actors, quotes, events, claims and conflicts a stored story holds (from its
        ``counts`` when stored with them, else from the story)."""
        if self._has_column("stories", "counts"):
            row = self.con.execute("SELECT counts FROM stories WHERE id = ?", (story_id,)).fetchone()
            if row and row[0]:
                a, q, e, c, k = (int(n) for n in row[0].split(","))
                return a, q, e, c, k
        data = self._story_dict(story_id)
        if data is None:
            return None
        a, q, e, c, k = (_count(data.get(f)) for f in ("actors", "quotes", "events", "claims", "conflicts"))
        return a, q, e, c, k


def _count(value: object) -> int:
    return len(value) if isinstance(value, list) else 0


def story_row(story: Story) -> bytes:
    """A story as the store keeps it: its JSON, zlib-packed. Made where the story is made, a pool
    worker included, and made a piece at a time (:func:`json_pieces`): a big story's dict and
    JSON text whole, then its encoded bytes, each held as much as the story again."""
    z = zlib.compressobj(PACK_LEVEL)
    out, buffer, size = [], [], 0
    for piece in json_pieces(story):
        buffer.append(piece)
        size += len(piece)
        if size > _PACK_PIECE:
            out.append(z.compress("".join(buffer).encode()))
            buffer, size = [], 0
    out.append(z.compress("".join(buffer).encode()))
    out.append(z.flush())
    return b"".join(out)


_PACK_PIECE = 1 << 16  # characters of JSON handed to zlib at a time


def _to_file(folder: Path, stem: str, packed: bytes) -> str | None:
    """Write a row over ``STORY_FILE_BYTES`` to ``folder/<stem>.json.z`` (whole, then renamed
    into place) and give the name the table keeps; None for a row the table holds itself."""
    if len(packed) <= STORY_FILE_BYTES:
        return None
    name = f"{stem}.json.z"
    folder.mkdir(exist_ok=True)
    part = folder / f".{name}.part"
    part.write_bytes(packed)
    part.replace(folder / name)
    return name


#: The tables of memos (``Store.get_memos``).
MEMOS = ("ingested", "bags")


def _memo(table: str) -> str:
    if table not in MEMOS:  # a table name goes into SQL: only these
        raise ValueError(f"not a memo table: {table!r}")
    return table


def pack(record: Any) -> bytes:
    """A record's JSON, zlib-packed: what the store's ``packed`` columns hold.

    A ``Record`` (or a dict or list holding them) is written as its ``to_dict`` would be, the C
    encoder taking one record at a time (``fields_of``) instead of a whole dict made first; and
    records hold no cycles to check for. Together 15 % less CPU on analyses (~68 kB of JSON)."""
    return zlib.compress(json.dumps(record, default=fields_of, check_circular=False).encode(), PACK_LEVEL)


def unpack(row: bytes) -> Any:
    """The record a stored row holds (a row of ``article_rows``, ``analysis_rows``...)."""
    return json.loads(zlib.decompress(row))


def _row(data: str | None, packed: bytes | None) -> bytes:
    """A stored record as packed bytes, whether stored packed or (before that) as JSON text."""
    if packed is not None:
        return packed
    return zlib.compress((data or "null").encode(), PACK_LEVEL)


def _locked_message(path: Path, detail: str) -> str:
    """DuckDB's lock error, said as what to do about it."""
    held = re.search(r"\(PID (\d+)\)", detail)
    who = f"process {held.group(1)}" if held else "another process"
    return (
        f"{path}: the database is in use by {who} (another storyline run or `storyline serve`); "
        "wait for it to finish, or give this run its own --db"
    )


def _actor_lines(analysis: Analysis) -> str:
    """ "id<TAB>name<TAB>kind" per actor (tabs and line breaks in a name become spaces)."""
    return "\n".join(
        "\t".join(" ".join(part.split()) for part in (a.id, a.name, a.kind)) for a in analysis.actors
    )
