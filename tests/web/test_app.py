"""The read-only web app over the store: pages, JSON API, search, OpenAPI."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyline.errors import StorylineError
from storyline.model import Story
from storyline.present.story_json import story_to_json
from storyline.store import Store
from storyline.web.app import APP_CSP, StoryCache, create_app


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db))


@pytest.mark.parametrize(
    "line",
    [
        '<a href="/stories/fisheries-pact">New Zealand and Fiji sign fisheries pact</a>',
        '<a href="/stories/reef-survey">Reef survey finds coral recovering</a>',
        "6 May 2024 – 7 May 2024 · 3 articles from 3 outlets",
        "2 Aug 2024 · 1 articles from 1 outlets",
    ],
)
def test_index_lists_every_story_with_its_dates(client: TestClient, line: str) -> None:
    assert line in client.get("/").text


def test_story_page_is_the_report_with_served_plotly(client: TestClient) -> None:
    r = client.get("/stories/fisheries-pact")
    assert '<section id="relations">' in r.text and '<script src="/assets/plotly.js">' in r.text
    assert "<script>alert('pwned')</script>" not in r.text


def test_plotly_is_served_locally(client: TestClient) -> None:
    r = client.get("/assets/plotly.js")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/javascript")


def test_api_story_mirrors_story_json(client: TestClient, story: Story) -> None:
    assert client.get("/api/stories/fisheries-pact").json() == story_to_json(story)


def test_api_lists_stories(client: TestClient) -> None:
    rows = client.get("/api/stories").json()
    assert [(r["id"], r["articles"], r["outlets"], r["events"]) for r in rows] == [
        ("fisheries-pact", 3, 3, 5),
        ("reef-survey", 1, 1, 0),
    ]


def test_actor_has_quotes_and_events_across_stories(client: TestClient) -> None:
    data = client.get("/api/actors/per:lealea").json()
    assert [(q["story"], q["text"]) for q in data["quotes"]] == [
        ("fisheries-pact", "protect the livelihoods of our fishing villages"),
        ("fisheries-pact", "a fair bargain for both nations"),
        ("reef-survey", "proof that closed seasons work"),
    ]
    assert data["roles"] == ["Prime Minister"]


def test_state_actor_events_in_date_order(client: TestClient) -> None:
    data = client.get("/api/actors/sta:nzl").json()
    assert [e["date"] for e in data["events"]] == [
        "2024-02",
        "2024-03",
        "2024-05-06",
        "2024-05-06",
        "2024-07",
    ]


def test_actor_page_renders(client: TestClient) -> None:
    r = client.get("/actors/per:lealea")
    assert r.status_code == 200 and "a fair bargain for both nations" in r.text


@pytest.mark.parametrize("path", ["/stories/nope", "/api/stories/nope", "/actors/nope", "/api/actors/nope"])
def test_unknown_ids_are_404(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 404


def test_search_finds_articles_and_quotes(client: TestClient) -> None:
    data = client.get("/api/search", params={"q": "fair bargain"}).json()
    assert [a["outlet"] for a in data["articles"]] == ["Island Courier"]
    assert data["articles"][0]["hit"] == "fair bargain"
    assert [q["text"] for q in data["quotes"]] == ["a fair bargain for both nations"]


def test_search_finds_a_quote_in_the_second_story_under_the_speaker_s_full_name(client: TestClient) -> None:
    data = client.get("/api/search", params={"q": "closed seasons"}).json()
    assert [(a["story"], a["outlet"]) for a in data["articles"]] == [("reef-survey", "Lagoon Gazette")]
    assert [(q["story"], q["speaker"], q["text"]) for q in data["quotes"]] == [
        ("reef-survey", "Ana Lealea", "proof that closed seasons work")
    ]


def test_search_snippet_starts_and_ends_on_whole_words(client: TestClient) -> None:
    (hit,) = client.get("/api/search", params={"q": "young corals"}).json()["articles"]
    assert hit["before"].startswith("…coral recovering\n")  # not "…oral"
    assert hit["after"].endswith(' the survey "proof that…')


def test_search_treats_wildcards_literally(client: TestClient) -> None:
    assert client.get("/api/search", params={"q": "%"}).json()["articles"] == []


def test_search_page_escapes_the_hit(client: TestClient) -> None:
    r = client.get("/search", params={"q": "onerror"})
    assert "<img src=x onerror" not in r.text and "&lt;img src=x " in r.text


def test_openapi_spec_lists_the_api(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/stories", "/api/stories/{story_id}", "/api/actors/{actor_id}", "/api/search"} <= set(paths)


def test_app_is_read_only(client: TestClient) -> None:
    assert client.post("/api/stories", json={}).status_code == 405


def test_missing_database_is_reported(tmp_path: Path) -> None:
    with pytest.raises(StorylineError, match="no such database"):
        create_app(tmp_path / "absent.duckdb")


def test_a_database_without_the_stores_tables_is_reported_not_served(tmp_path: Path) -> None:
    """A run killed after DuckDB made the file but before its tables, or someone else's file:
    a clear error when the app starts, not a traceback on every request."""
    import duckdb

    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()
    with pytest.raises(StorylineError, match=r"empty\.duckdb: not a storyline store \(none of its tables\)"):
        create_app(empty)


@pytest.mark.parametrize(
    "path", ["/", "/stories/fisheries-pact", "/search?q=pact", "/api/stories", "/openapi.json"]
)
def test_every_response_carries_the_content_security_policy(client: TestClient, path: str) -> None:
    assert client.get(path).headers["content-security-policy"] == APP_CSP


def test_policy_allows_the_app_s_own_script_files_only() -> None:
    directives = dict(d.strip().split(" ", 1) for d in APP_CSP.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"


def _store_with(path: Path, *stories: Story) -> Path:
    with Store(path) as st:
        for s in stories:
            st.put_articles(s.articles)
            st.put_story(s)
    return path


class _CountingGets:
    """Counts ``Store.get_story`` calls (each one deserialises a story)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        original = Store.get_story

        def counted(st: Store, story_id: str) -> Story | None:
            self.calls += 1
            return original(st, story_id)

        monkeypatch.setattr(Store, "get_story", counted)


@pytest.mark.parametrize("path", ["/", "/search?q=pact", "/api/actors/per:lealea", "/stories/fisheries-pact"])
def test_repeated_requests_do_not_reload_the_stories(
    tmp_path: Path, story: Story, second_story: Story, monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    client = TestClient(create_app(_store_with(tmp_path / "s.duckdb", story, second_story)))
    gets = _CountingGets(monkeypatch)
    assert client.get(path).status_code == 200
    assert gets.calls == 2
    for _ in range(3):
        assert client.get(path).status_code == 200
    assert gets.calls == 2


def test_a_changed_database_is_reloaded(
    tmp_path: Path, story: Story, second_story: Story, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _store_with(tmp_path / "s.duckdb", story)
    client = TestClient(create_app(db))
    gets = _CountingGets(monkeypatch)
    assert [r["id"] for r in client.get("/api/stories").json()] == ["fisheries-pact"]
    _store_with(db, second_story)
    assert [r["id"] for r in client.get("/api/stories").json()] == ["fisheries-pact", "reef-survey"]
    assert gets.calls == 3


def test_story_cache_key_follows_the_file(tmp_path: Path, story: Story) -> None:
    db = _store_with(tmp_path / "s.duckdb", story)
    cache = StoryCache(db)
    first = cache.stories()
    assert cache.stories() is first
    os.utime(db, ns=(1, 1))  # same size, other mtime: a rewrite in place
    assert cache.stories() is not first


def test_hostile_story_id_stays_inside_the_site_path(tmp_path: Path, story: Story) -> None:
    odd = replace(story, id="javascript:alert(1)/../x?y#z")
    client = TestClient(create_app(_store_with(tmp_path / "s.duckdb", odd)))
    page = client.get("/").text
    assert 'href="/stories/javascript:alert%281%29/../x%3Fy%23z"' not in page  # "/" is encoded too
    assert 'href="/stories/javascript:alert%281%29%2F..%2Fx%3Fy%23z"' in page
