"""Read-only web app over the DuckDB store: stories, actors across stories, search, JSON API.

Every request opens the store ``read_only`` (ingest happens through the CLI), so the app can
never change what a run produced. Stories are loaded once and kept until the database file
changes (``StoryCache``). Pages reuse the report's templates; Plotly's script is served from this
app, so it works without a network too. Every response carries a Content-Security-Policy
(``APP_CSP``) that allows no inline script, and ``RequestGuard`` answers HEAD and OPTIONS and
refuses over-long requests. No route reads a file named by the request. The OpenAPI spec is at
``/openapi.json``.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse, PlainTextResponse, Response
from jinja2 import ChoiceLoader, Environment, PackageLoader, select_autoescape
from starlette.datastructures import Headers, MutableHeaders
from starlette.routing import Match, Router
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..model import Story
from ..present.report import assets, date_range, path_part, safe_url, story_context
from ..present.story_json import story_to_json
from ..present.timeline import format_date, outlet_of
from ..store import Store

__all__ = ["create_app", "StoryCache", "RequestGuard", "APP_CSP"]

#: characters of context either side of a search hit
SNIPPET = 90
MAX_HITS = 200
#: scripts only from this app's own files (Plotly and the report's script, never inline, so
#: escaping is not the only defence against a script smuggled into an article), inline styles
#: (Plotly sets them), data: images, its own links, search form and JSON; framing is refused
#: (clickjacking), which a report's <meta> policy cannot say
APP_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; "
    "img-src data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
#: the app answers GET (and HEAD and OPTIONS for every GET route) and nothing else
ALLOWED = "GET, HEAD, OPTIONS"
#: longest query string and path accepted (414 beyond): search words are capped at 200
#: characters, and percent-encoding triples a non-ASCII one; nothing legitimate comes near
MAX_QUERY_BYTES = 2048
MAX_PATH_BYTES = 2048
#: longest request body accepted (413 beyond): no route reads one
MAX_BODY_BYTES = 16_384


class StoryCache:
    """Every stored story, loaded once and kept while the database files are unchanged.

    Deserialising every story on every index, search or actor request costs the whole store
    each time; the key is the (mtime, size) of the DuckDB file and of its write-ahead log, which
    a writer (``storyline analyze``) changes. The key is read before loading, so a write during
    a load leaves an old key and the next request loads again.
    """

    def __init__(self, db: Path) -> None:
        self.db = db
        self._lock = threading.Lock()
        self._key: tuple[tuple[int, int], ...] | None = None
        self._stories: dict[str, Story] = {}

    def stories(self) -> dict[str, Story]:
        """Story id → story, in the store's listing order."""
        with self._lock:
            key = self._stamp()
            if key != self._key:
                with Store(self.db, read_only=True) as st:
                    loaded = {sid: st.get_story(sid) for sid, _ in st.list_stories()}
                self._stories = {sid: s for sid, s in loaded.items() if s is not None}
                self._key = key
            return self._stories

    def _stamp(self) -> tuple[tuple[int, int], ...]:
        out = []
        for path in (self.db, self.db.with_name(self.db.name + ".wal")):
            try:
                st = path.stat()
            except FileNotFoundError:
                out.append((0, -1))
            else:
                out.append((st.st_mtime_ns, st.st_size))
        return tuple(out)


def create_app(db: Path | str) -> FastAPI:
    """The app over the store at ``db`` (which must exist; it is opened read-only per request)."""
    db = Path(db)
    with Store(db, read_only=True):
        pass  # fail now, with the store's message, rather than on the first request
    app = FastAPI(
        title="storyline",
        version=__version__,
        description="Read-only access to the stories a `storyline analyze` run stored.",
        docs_url=None,  # Swagger UI and ReDoc load scripts from a CDN; the spec is at /openapi.json
        redoc_url=None,
    )
    story_cache = StoryCache(db)
    app.add_middleware(RequestGuard, router=app.router)

    def stories() -> list[Story]:
        return list(story_cache.stories().values())

    def one_story(story_id: str) -> Story:
        s = story_cache.stories().get(story_id)
        if s is None:
            raise HTTPException(404, f"no story {story_id!r}")
        return s

    # ------------------------------------------------------------------ pages
    @app.get("/", response_class=HTMLResponse, summary="List of stories")
    def index() -> str:
        rows = [_story_row(s) for s in stories()]
        return _page("index.html.j2", stories=rows)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, summary="A story, as the report")
    def story_page(story_id: str) -> str:
        s = one_story(story_id)
        return _page("story.html.j2", s=story_context(s, actor_url="/actors/{id}"), title=s.title)

    @app.get("/actors/{actor_id}", response_class=HTMLResponse, summary="An actor across stories")
    def actor_page(actor_id: str) -> str:
        return _page("actor.html.j2", a=_actor(actor_id, stories()))

    @app.get("/search", response_class=HTMLResponse, summary="Search articles and quotes")
    def search_page(q: str = Query("", max_length=200)) -> str:
        return _page("search.html.j2", q=q, r=_search(db, q, stories()) if q.strip() else None)

    @app.get("/assets/plotly.js", include_in_schema=False)
    def plotly_js() -> Response:
        from plotly.offline import get_plotlyjs

        return Response(get_plotlyjs(), media_type="text/javascript")

    @app.get("/assets/report.js", include_in_schema=False)
    def report_js() -> Response:
        return Response(assets()["js"], media_type="text/javascript")

    # ------------------------------------------------------------------ JSON API
    @app.get("/api/stories", summary="Stories: id, title, counts")
    def api_stories() -> list[dict[str, Any]]:
        return [_story_row(s) for s in stories()]

    @app.get("/api/stories/{story_id}", summary="One story, exactly as story.json")
    def api_story(story_id: str) -> dict[str, Any]:
        return story_to_json(one_story(story_id))

    @app.get("/api/actors/{actor_id}", summary="An actor's quotes and events across stories")
    def api_actor(actor_id: str) -> dict[str, Any]:
        return _actor(actor_id, stories())

    @app.get("/api/search", summary="Articles and quotes containing the words")
    def api_search(q: str = Query(..., min_length=1, max_length=200)) -> dict[str, Any]:
        return _search(db, q, stories())

    return app


class RequestGuard:
    """ASGI middleware in front of every route: size limits, HEAD and OPTIONS, security headers.

    FastAPI answers HEAD on a GET route with 405; here HEAD runs the GET and drops the body.
    OPTIONS says what a path allows. Over-long paths, queries and bodies are refused before any
    route runs, and every response (these refusals included) carries ``APP_CSP``.
    """

    def __init__(self, app: ASGIApp, router: Router) -> None:
        self.app = app
        self.router = router

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = _with_headers(send)
        refusal = self._refusal(scope)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        if scope["method"] == "HEAD":
            await self.app({**scope, "method": "GET"}, _no_body(receive), _without_body(send))
            return
        await self.app(scope, _capped(receive), send)

    def _refusal(self, scope: Scope) -> Response | None:
        path = scope.get("raw_path") or scope["path"].encode("utf-8")
        if len(path) > MAX_PATH_BYTES:
            return PlainTextResponse(f"path over {MAX_PATH_BYTES} bytes", 414)
        if len(scope.get("query_string", b"")) > MAX_QUERY_BYTES:
            return PlainTextResponse(f"query over {MAX_QUERY_BYTES} bytes", 414)
        length = Headers(scope=scope).get("content-length", "0")
        if not length.isdigit() or int(length) > MAX_BODY_BYTES:
            return PlainTextResponse(f"request body over {MAX_BODY_BYTES} bytes", 413)
        if scope["method"] == "OPTIONS":
            get = {**scope, "method": "GET"}
            if any(route.matches(get)[0] == Match.FULL for route in self.router.routes):
                return Response(status_code=204, headers={"Allow": ALLOWED})
            return PlainTextResponse("Not Found", 404)
        return None


def _with_headers(send: Send) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = MutableHeaders(scope=message)
            headers["Content-Security-Policy"] = APP_CSP
            headers["X-Content-Type-Options"] = "nosniff"
            headers["Referrer-Policy"] = "no-referrer"
            if message["status"] == 405:
                headers["Allow"] = ALLOWED
        await send(message)

    return wrapped


def _without_body(send: Send) -> Send:
    """HEAD: the GET's status and headers (Content-Length included), no body."""

    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.body":
            message = {**message, "body": b""}
        await send(message)

    return wrapped


def _no_body(receive: Receive) -> Receive:
    async def wrapped() -> Message:
        message = await receive()
        return {**message, "body": b"", "more_body": False} if message["type"] == "http.request" else message

    return wrapped


def _capped(receive: Receive) -> Receive:
    """A body sent without Content-Length (chunked) is cut off at the same cap."""
    seen = 0

    async def wrapped() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > MAX_BODY_BYTES:
                raise HTTPException(413, f"request body over {MAX_BODY_BYTES} bytes")
        return message

    return wrapped


@cache
def _env() -> Environment:
    env = Environment(
        loader=ChoiceLoader(
            [PackageLoader("storyline.web", "templates"), PackageLoader("storyline.present", "templates")]
        ),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.filters["path_part"] = path_part
    return env


def _page(template: str, **context: Any) -> str:
    return _env().get_template(template).render(version=__version__, **assets(), **context)


def _story_row(s: Story) -> dict[str, Any]:
    dates = sorted(a.published for a in s.articles if a.published)
    return {
        "id": s.id,
        "title": s.title or s.id,
        "url": f"/stories/{path_part(s.id)}",
        "articles": len(s.articles),
        "outlets": len({outlet_of(a) for a in s.articles}),
        "events": len(s.events),
        "quotes": len(s.quotes),
        "from": dates[0] if dates else None,
        "to": dates[-1] if dates else None,
        "dates": date_range(s.articles),
    }


def _actor(actor_id: str, stories: Iterable[Story]) -> dict[str, Any]:
    found: dict[str, Any] | None = None
    quotes, events = [], []
    for s in stories:
        arts = {a.id: a for a in s.articles}
        names = {a.id: a.name for a in s.actors}
        actor = next((a for a in s.actors if a.id == actor_id), None)
        if actor is None:
            continue
        if found is None:
            found = {
                "id": actor.id,
                "name": actor.name,
                "kind": actor.kind,
                "country": actor.country,
                "sector": actor.sector,
                "roles": [],
                "aliases": [],
            }
        found["roles"] = list(dict.fromkeys([*found["roles"], *(r.title for r in actor.roles)]))
        found["aliases"] = list(dict.fromkeys([*found["aliases"], *actor.aliases]))
        for q in s.quotes:
            if q.speaker == actor_id:
                a = arts.get(q.article)
                quotes.append(
                    {
                        "story": s.id,
                        "story_title": s.title or s.id,
                        "text": q.text,
                        "direct": q.direct,
                        "cue": q.cue,
                        "outlet": outlet_of(a) if a else None,
                        "published": format_date(a.published[:10], a.published_precision)
                        if a and a.published
                        else None,
                        "article": q.article,
                        "start": q.start,
                        "end": q.end,
                    }
                )
        for e in s.events:
            if actor_id in (e.source_actor, e.target_actor):
                events.append(
                    {
                        "story": s.id,
                        "story_title": s.title or s.id,
                        "id": e.id,
                        "date": e.date,
                        "when": format_date(e.date, e.granularity),
                        "type": e.type,
                        "mode": e.mode,
                        "summary": e.summary,
                        "role": "source" if e.source_actor == actor_id else "target",
                        "other": names.get(
                            (e.target_actor if e.source_actor == actor_id else e.source_actor) or ""
                        ),
                        "intensity": e.intensity,
                    }
                )
    if found is None:
        raise HTTPException(404, f"no actor {actor_id!r} in any story")
    events.sort(key=lambda e: e["date"] or "")
    return {**found, "quotes": quotes, "events": events}


def _search(db: Path, q: str, stories: list[Story]) -> dict[str, Any]:
    """Case-insensitive substring search in article text and titles, and in quotes."""
    words = q.strip()
    pattern = "%" + re.sub(r"([\\%_])", r"\\\1", words) + "%"
    with Store(db, read_only=True) as st:
        rows = st.con.execute(
            "SELECT id, title, outlet, source, text FROM articles "
            "WHERE text ILIKE ? ESCAPE '\\' OR title ILIKE ? ESCAPE '\\' ORDER BY published, id LIMIT ?",
            (pattern, pattern, MAX_HITS),
        ).fetchall()
    story_of = {a.id: s.id for s in stories for a in s.articles}
    articles = [
        {
            "id": aid,
            "title": title or source.rsplit("/", 1)[-1],
            "outlet": outlet or source.rsplit("/", 1)[-1],
            "story": story_of.get(aid),
            **_snippet(text, words),
        }
        for aid, title, outlet, source, text in rows
    ]
    low = words.lower()
    names = {a.id: a.name for s in stories for a in s.actors}
    quotes = [
        {
            "story": s.id,
            "text": qt.text,
            "speaker": names.get(qt.speaker or "", qt.speaker_name),
            "speaker_id": qt.speaker,
            "article": qt.article,
            "start": qt.start,
            "end": qt.end,
        }
        for s in stories
        for qt in s.quotes
        if low in qt.text.lower() or low in (qt.speaker_name or "").lower()
    ][:MAX_HITS]
    return {"q": words, "articles": articles, "quotes": quotes}


def _snippet(text: str, words: str) -> dict[str, str]:
    """The text around the first hit, cut in three so the template can mark the hit."""
    i = text.lower().find(words.lower())
    if i < 0:
        return {"before": text[: 2 * SNIPPET], "hit": "", "after": ""}
    lo, hi = max(0, i - SNIPPET), min(len(text), i + len(words) + SNIPPET)
    # start and end on whole words
    while 0 < lo < i and not text[lo - 1].isspace():
        lo += 1
    while i + len(words) < hi < len(text) and not text[hi].isspace():
        hi -= 1
    return {
        "before": ("…" if lo else "") + text[lo:i],
        "hit": text[i : i + len(words)],
        "after": text[i + len(words) : hi] + ("…" if hi < len(text) else ""),
    }
