"""The web app trusts nothing: no inline script, HEAD and OPTIONS, size limits, no traversal."""

from __future__ import annotations

import inspect
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyline.web.app import ALLOWED, APP_CSP, MAX_BODY_BYTES, MAX_PATH_BYTES, MAX_QUERY_BYTES, create_app

PAGES = ["/", "/stories/fisheries-pact", "/actors/per:lealea", "/search?q=pact"]


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db))


class _Scripts(HTMLParser):
    """Every script element (attributes, text) and every on* handler attribute of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.handlers: list[str] = []
        self._in: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handlers += [k for k, _ in attrs if k.startswith("on")]
        if tag == "script":
            self._in = dict(attrs)
            self.scripts.append((self._in, ""))

    def handle_data(self, data: str) -> None:
        if self._in is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in = None


@pytest.mark.parametrize("path", PAGES)
def test_pages_hold_no_inline_script_or_handler(client: TestClient, path: str) -> None:
    page = _Scripts()
    page.feed(client.get(path).text)
    executable = [(a, text) for a, text in page.scripts if a.get("type") != "application/json"]
    assert all(a.get("src") and text == "" for a, text in executable)
    assert page.handlers == []


def test_story_page_loads_the_report_script_from_the_app(client: TestClient) -> None:
    html = client.get("/stories/fisheries-pact").text
    assert '<script src="/assets/report.js"></script>' in html
    got = client.get("/assets/report.js")
    assert (got.status_code, got.headers["content-type"]) == (200, "text/javascript; charset=utf-8")


@pytest.mark.parametrize("path", [*PAGES, "/api/stories", "/openapi.json", "/assets/report.js"])
def test_head_answers_like_get_without_a_body(client: TestClient, path: str) -> None:
    get, head = client.get(path), client.head(path)
    assert (head.status_code, head.content) == (200, b"")
    assert head.headers["content-length"] == get.headers["content-length"]
    assert head.headers["content-security-policy"] == APP_CSP


@pytest.mark.parametrize("path", ["/", "/api/stories/fisheries-pact", "/search"])
def test_options_says_what_is_allowed(client: TestClient, path: str) -> None:
    got = client.options(path)
    assert (got.status_code, got.headers["allow"], got.content) == (204, ALLOWED, b"")


def test_options_on_an_unknown_path_is_404(client: TestClient) -> None:
    assert client.options("/nowhere").status_code == 404


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_writes_are_refused_with_what_is_allowed(client: TestClient, method: str) -> None:
    got = client.request(method, "/api/stories")
    assert (got.status_code, got.headers["allow"]) == (405, ALLOWED)


def test_over_long_query_is_refused(client: TestClient) -> None:
    got = client.get("/search?q=" + "a" * MAX_QUERY_BYTES)
    assert (got.status_code, got.text) == (414, f"query over {MAX_QUERY_BYTES} bytes")
    assert got.headers["content-security-policy"] == APP_CSP


def test_over_long_path_is_refused(client: TestClient) -> None:
    assert client.get("/stories/" + "x" * MAX_PATH_BYTES).status_code == 414


def test_over_large_body_is_refused(client: TestClient) -> None:
    got = client.post("/api/stories", content=b"x" * (MAX_BODY_BYTES + 1))
    assert (got.status_code, got.text) == (413, f"request body over {MAX_BODY_BYTES} bytes")


def test_search_words_over_the_cap_are_a_client_error(client: TestClient) -> None:
    assert client.get("/api/search", params={"q": "a" * 201}).status_code == 422


@pytest.mark.parametrize(
    "path",
    [
        "/assets/../../../../etc/passwd",
        "/assets/%2e%2e/%2e%2e/etc/passwd",
        "/assets/..%2f..%2fpyproject.toml",
        "/stories/..%2F..%2F..%2Fetc%2Fpasswd",
        "/api/stories/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/actors/..%5c..%5cwindows%5cwin.ini",
        "/stories/%00",
        "//etc/passwd",
    ],
)
def test_no_route_reads_a_file_named_by_the_request(client: TestClient, path: str) -> None:
    got = client.get(path)
    assert got.status_code in (404, 422)
    assert "root:" not in got.text and "[project]" not in got.text


def test_serve_listens_on_localhost_by_default() -> None:
    from storyline.cli import serve

    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"
