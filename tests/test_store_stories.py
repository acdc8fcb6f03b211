"""Records in the store: packed rows, rows written by earlier versions, counts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from storyline.errors import StorylineError
from storyline.model import Actor, Analysis, Article, Story
from storyline.store import Store, story_row, unpack


def _story() -> Story:
    text = "The ministers met in Harbour City on Sunday."
    return Story(
        "0.1.0",
        id="story-abc",
        title="Ministers meet",
        articles=(Article(id="a1", source="a.txt", text=text, published="2025-03-08"),),
        actors=(Actor("p1", "Ingrid Dahl", "person"), Actor("s1", "Norway", "state")),
    )


def test_a_packed_story_reads_back_equal(tmp_path: Path) -> None:
    story = _story()
    with Store(tmp_path / "s.duckdb") as store:
        store.put_story(story, key="k1")
        (data, packed) = store.con.execute("SELECT data, packed FROM stories").fetchone()  # type: ignore[misc]
        assert data is None and isinstance(packed, bytes)
        assert store.get_story("story-abc") == story
        assert store.story_key("story-abc") == "k1"
        assert store.story_counts("story-abc") == (2, 0, 0, 0, 0)
        assert store.story_counts("story-none") is None


def test_a_row_a_worker_made_is_stored_as_given(tmp_path: Path) -> None:
    story = _story()
    with Store(tmp_path / "s.duckdb") as store:
        store.put_story_row(story.id, story.title, story_row(story), key="k2")
        assert store.get_story(story.id) == story
        assert store.list_stories() == [("story-abc", "Ministers meet")]


def test_a_story_stored_as_json_by_an_earlier_version_still_loads(tmp_path: Path) -> None:
    story = _story()
    with Store(tmp_path / "s.duckdb") as store:
        store.con.execute(
            "INSERT INTO stories (id, title, data) VALUES (?, ?, ?)",
            (story.id, story.title, json.dumps(story.to_dict())),
        )
        assert store.get_story(story.id) == story
        assert store.story_counts(story.id) == (2, 0, 0, 0, 0)


def test_a_read_only_store_made_before_packed_rows_still_serves_its_stories(tmp_path: Path) -> None:
    import duckdb

    story = _story()
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE stories (id VARCHAR PRIMARY KEY, title VARCHAR, data JSON, key VARCHAR)")
    con.execute(
        "INSERT INTO stories VALUES (?, ?, ?, NULL)", (story.id, story.title, json.dumps(story.to_dict()))
    )
    con.close()
    with Store(db, read_only=True) as store:
        assert store.get_story(story.id) == story


@pytest.mark.parametrize("lookup_rows", [0, 200])
def test_story_rows_by_lookup_and_by_scan_agree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lookup_rows: int
) -> None:
    import storyline.store as store_module

    monkeypatch.setattr(store_module, "LOOKUP_ROWS", lookup_rows)
    arts = [Article(id=f"a{i}", source=f"{i}.txt", text=f"Text {i}.") for i in range(3)]
    with Store(tmp_path / "s.duckdb") as store:
        store.put_articles(arts)
        store.put_analyses([(Analysis(article="a0"), "old"), (Analysis(article="a0"), "new")])
        store.put_analyses([(Analysis(article="a2", actors=(Actor("p", "P", "person"),)), "new")])
        assert [unpack(r)["id"] for r in store.article_rows(["a2", "zz", "a0"])] == ["a2", "a0"]
        rows = store.analysis_rows({"a0": "new", "a1": "new", "a2": "new"})
        assert sorted(rows) == ["a0", "a2"]
        assert unpack(rows["a2"])["actors"][0]["name"] == "P"
        assert store.analysis_rows({"a0": "older"}) == {}


def test_articles_and_analyses_are_stored_packed_and_read_back_equal(tmp_path: Path) -> None:
    art = Article(id="a1", source="a.txt", text="The ministers met.", title="Talks", published="2025-03-08")
    an = Analysis(article="a1", actors=(Actor("p1", "Ingrid Dahl", "person"),))
    with Store(tmp_path / "s.duckdb") as store:
        store.put_articles([art])
        store.put_analyses([(an, "k")])
        for table in ("articles", "analyses"):
            (data, packed) = store.con.execute(f"SELECT data, packed FROM {table}").fetchone()  # type: ignore[misc]
            assert data is None and isinstance(packed, bytes)
        assert store.get_article("a1") == art
        assert store.get_articles(["a1"]) == [art]
        assert store.get_analyses({"a1": "k"}) == {"a1": an}
        assert store.get_analyses({"a1": "other"}) == {}


def _old_store(db: Path, art: Article, an: Analysis) -> None:
    """A store as versions before packed rows wrote it: records in the JSON ``data`` columns."""
    import duckdb

    con = duckdb.connect(str(db))
    con.execute(
        "CREATE TABLE articles (id VARCHAR PRIMARY KEY, source VARCHAR, outlet VARCHAR, title VARCHAR, "
        "published VARCHAR, duplicate_of VARCHAR, text VARCHAR, data JSON)"
    )
    con.execute(
        "CREATE TABLE analyses (article VARCHAR, version VARCHAR, data JSON, actors VARCHAR, "
        "PRIMARY KEY (article, version))"
    )
    con.execute(
        "INSERT INTO articles VALUES (?, ?, NULL, ?, ?, NULL, ?, ?)",
        (art.id, art.source, art.title, art.published, art.text, json.dumps(art.to_dict())),
    )
    con.execute("INSERT INTO analyses VALUES (?, 'k', ?, NULL)", (an.article, json.dumps(an.to_dict())))
    con.close()


@pytest.mark.parametrize("read_only", [True, False])
def test_articles_and_analyses_stored_as_json_by_an_earlier_version_still_load(
    tmp_path: Path, read_only: bool
) -> None:
    art = Article(id="a1", source="a.txt", text="The ministers met.", title="Talks", published="2025-03-08")
    an = Analysis(article="a1", actors=(Actor("p1", "Ingrid Dahl", "person"),))
    _old_store(tmp_path / "old.duckdb", art, an)
    with Store(tmp_path / "old.duckdb", read_only=read_only) as store:
        assert store.get_articles(["a1"], light=True) == [art]
        assert [unpack(r) for r in store.article_rows(["a1"])] == [art.to_dict()]
        assert store.get_analyses({"a1": "k"}) == {"a1": an}
        assert store.get_actor_lists({"a1": "k"})["a1"].actors == an.actors


def test_a_big_story_row_is_kept_in_a_file_beside_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import storyline.store as store_module

    monkeypatch.setattr(store_module, "STORY_FILE_BYTES", 10)
    story = _story()
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store.put_story(story, key="k1")
        (packed, name) = store.con.execute("SELECT packed, file FROM stories").fetchone()  # type: ignore[misc]
        assert packed is None and name == "story-abc.json.z"
        assert (tmp_path / "s.duckdb.stories" / name).read_bytes() == story_row(story)
        assert store.get_story(story.id) == story
        assert store.story_counts(story.id) == (2, 0, 0, 0, 0)
    with Store(db, read_only=True) as store:
        assert store.get_story(story.id) == story
    (tmp_path / "s.duckdb.stories" / name).unlink()
    with Store(db, read_only=True) as store, pytest.raises(StorylineError, match="cannot be read"):
        store.get_story(story.id)


def test_packed_rows_are_the_records_to_dict_json(demo_dir: Path, nlp: Language) -> None:
    """``pack`` writes records through the encoder's ``default``: byte for byte the rows that
    packing each record's ``to_dict`` made, for the demo's articles and their analyses."""
    import zlib

    from storyline.analyse import analyse_doc
    from storyline.ingest import ingest
    from storyline.settings import Settings
    from storyline.store import PACK_LEVEL, pack

    arts = ingest([str(demo_dir)], Settings()).articles[:6]
    records = [*arts, *(analyse_doc(nlp(a.text), a) for a in arts)]
    for r in records:
        assert pack(r) == zlib.compress(json.dumps(r.to_dict()).encode(), PACK_LEVEL)
    mixed = {"articles": list(arts), "rejected": [], "n": (1, 2.5, None, "é")}
    assert unpack(pack(mixed)) == json.loads(json.dumps({**mixed, "articles": [a.to_dict() for a in arts]}))
    with pytest.raises(TypeError):
        pack({"x": {1, 2}})
