"""The read-only web app over the store: pages, JSON API, search, OpenAPI."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyline.errors import StorylineError
from storyline.model import Story
from storyline.present.story_json import story_to_json
from storyline.web.app import create_app


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db))


def test_index_lists_the_story(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and 'href="/stories/fisheries-pact"' in r.text


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
    (row,) = client.get("/api/stories").json()
    assert (row["id"], row["articles"], row["outlets"], row["events"]) == ("fisheries-pact", 3, 3, 5)


def test_actor_has_quotes_and_events_across_stories(client: TestClient) -> None:
    data = client.get("/api/actors/per:lealea").json()
    assert [q["text"] for q in data["quotes"]] == [
        "protect the livelihoods of our fishing villages",
        "a fair bargain for both nations",
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
