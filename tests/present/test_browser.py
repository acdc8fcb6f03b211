"""The report and the web app in real headless Chromium (Debian's /usr/bin/chromium)."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import story_fixture as f

from storyline.model import Span, Story
from storyline.present.build import build_presentation
from storyline.present.report import write_report


def _load_screenshots() -> ModuleType:
    """The screenshot tool (bench/screenshots.py: outside the package), for its browser settings."""
    path = Path(__file__).resolve().parents[2] / "bench" / "screenshots.py"
    spec = importlib.util.spec_from_file_location("screenshots", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["screenshots"] = mod
    spec.loader.exec_module(mod)
    return mod


_shots = _load_screenshots()
CHROMIUM: str = _shots.CHROMIUM
CHROMIUM_ARGS: list[str] = _shots.CHROMIUM_ARGS
serve_in_thread = _shots.serve_in_thread
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed"),
]

HOSTILE = ("<script>alert('pwned')</script>", "<img src=x onerror=alert(1)>")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


SIGNED = "signed"  # the trigger word of the pact event in article A


def _story_with_triggers() -> Story:
    """The fixture story, with the pact event's trigger and place set as the analyse stage sets them."""
    s = f.story()
    start = f.TEXT_A.index(SIGNED)
    events = tuple(
        replace(e, trigger_span=Span(f.A, start, start + len(SIGNED)), place="Suva", summary="nzl signed fji")
        if e.id == "e-sign-a"
        else e
        for e in s.events
    )
    return replace(s, events=events)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    story = build_presentation(_story_with_triggers(), summary_sentences=4)
    return write_report(story, tmp_path_factory.mktemp("report") / "report.html")


class _Page:
    """A page that records console errors, page errors and dialogs (an alert = injected script)."""

    def __init__(self, browser: Any, url: str) -> None:
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(url)
        self.page.wait_for_selector("#timeline-plot .main-svg", timeout=20000)


def _check_story_page(p: _Page) -> None:
    page = p.page
    assert page.locator("#timeline-plot svg.main-svg").count() >= 1
    assert page.locator("#relations-plot svg.main-svg").count() >= 1
    assert page.locator("#relations-plot .scatterlayer .trace").count() == 1
    cite = page.locator("#summary .cite").first
    pop = page.locator("#summary .cite-pop").first
    assert not pop.is_visible()
    cite.click()
    assert pop.is_visible()
    assert pop.locator(".cite-text").inner_text() == page.locator(
        "#summary .summary-sentence"
    ).first.evaluate("p => p.firstChild.textContent.trim()")
    text = page.locator("#articles").inner_text()
    assert all(h in text for h in HOSTILE)
    assert page.locator("#articles script").count() == 0 and page.locator("#articles img").count() == 0
    assert p.dialogs == [] and p.errors == []


def test_report_renders_offline(browser: Any, report: Path) -> None:
    _check_story_page(_Page(browser, report.resolve().as_uri()))


@pytest.fixture(scope="module")
def shared_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A story page of a multi-story run: it loads the run's shared plotly.js, stylesheet and script."""
    from storyline.engine.local import StoryWriter
    from storyline.settings import Settings

    story = build_presentation(_story_with_triggers(), summary_sentences=4)
    out = tmp_path_factory.mktemp("several")
    writer = StoryWriter(Settings(out=out), several=True)
    for n in (1, 2):
        writer.add(replace(story, id=f"story-{n}"))
    writer.finish()
    return out / "story-1" / "report.html"


def test_story_page_of_a_multi_story_run_works_with_the_shared_files(browser: Any, shared_page: Path) -> None:
    assert "<style>" not in shared_page.read_text(encoding="utf-8")
    p = _Page(browser, shared_page.resolve().as_uri())
    _check_story_page(p)  # figures drawn (plotly.min.js), citations open (report.js)
    header = p.page.evaluate("getComputedStyle(document.querySelector('header.top')).backgroundColor")
    assert header == "rgb(29, 35, 48)"  # report.css's --ink
    assert p.page.evaluate(_VIOLATION) == "img-src"


def test_citation_jump_opens_the_article_span(browser: Any, report: Path) -> None:
    p = _Page(browser, report.resolve().as_uri())
    p.page.locator("#summary .cite").first.click()
    p.page.locator("#summary .cite-pop .jump").first.click()
    assert p.page.locator(".anchor.flash").count() == 1
    assert p.page.evaluate("location.hash").startswith("#span-")


def test_timeline_titles_are_headlines_not_trigger_words(browser: Any, report: Path) -> None:
    p = _Page(browser, report.resolve().as_uri())
    titles = p.page.locator("#timeline td.what .title").all_inner_texts()
    assert "New Zealand signs with Fiji in Suva" in titles
    assert all(len(t.split()) >= 2 for t in titles)


def test_timeline_citation_shows_the_exact_source_sentence(browser: Any, report: Path) -> None:
    p = _Page(browser, report.resolve().as_uri())
    row = p.page.locator("#timeline tr", has_text="New Zealand signs with Fiji in Suva")
    row.locator(".cite").first.click()
    evidence = "New Zealand and Fiji signed a fisheries enforcement pact"
    assert row.locator(".cite-pop .cite-text").inner_text() == evidence
    row.locator(".cite-pop .jump").click()
    flashed = p.page.locator(".anchor.flash + mark")
    assert flashed.is_visible() and flashed.inner_text().startswith(evidence)


def test_conflict_shows_both_sides_side_by_side(browser: Any, report: Path) -> None:
    p = _Page(browser, report.resolve().as_uri())
    sides = p.page.locator("#conflicts .side")
    assert sides.count() == 2
    left, right = (sides.nth(i).bounding_box() for i in range(2))
    assert left is not None and right is not None
    assert left["y"] == right["y"] and left["x"] < right["x"]
    assert p.page.locator("#conflicts .verdict").inner_text() == "Sources disagree"


def test_web_app_story_page(browser: Any, db_path: Path) -> None:
    from storyline.web.app import create_app

    with serve_in_thread(create_app(db_path)) as base:
        _check_story_page(_Page(browser, base + "/stories/fisheries-pact"))


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from storyline.store import Store

    story = build_presentation(f.story(), summary_sentences=4)
    path = tmp_path_factory.mktemp("db") / "store.duckdb"
    with Store(path) as st:
        st.put_articles(story.articles)
        st.put_story(story)
    return path


_VIOLATION = """() => new Promise(done => {
    document.addEventListener('securitypolicyviolation', e => done(e.violatedDirective));
    const img = document.createElement('img');
    img.src = 'http://127.0.0.1:9/tracker.png';
    document.body.append(img);
    setTimeout(() => done('none'), 3000);
})"""


def test_report_policy_blocks_what_it_does_not_need(browser: Any, report: Path) -> None:
    page = browser.new_page()
    page.goto(report.resolve().as_uri())
    assert page.evaluate(_VIOLATION) == "img-src"


def test_web_app_policy_blocks_what_it_does_not_need(browser: Any, db_path: Path) -> None:
    from storyline.web.app import create_app

    with serve_in_thread(create_app(db_path)) as base:
        page = browser.new_page()
        page.goto(base + "/stories/fisheries-pact")
        assert page.evaluate(_VIOLATION) == "img-src"


def test_report_opened_offline_makes_no_request(browser: Any, report: Path) -> None:
    """Network off (and every non-file request recorded): the page asks for nothing but itself."""
    context = browser.new_context(offline=True)
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(report.resolve().as_uri())
    page.wait_for_selector("#timeline-plot .main-svg", timeout=20000)
    page.locator("#summary .cite").first.click()
    page.wait_for_timeout(500)  # let any late fetch, font or image load show up (none should)
    context.close()
    assert (requests, errors) == ([report.resolve().as_uri()], [])


def test_report_runs_only_the_scripts_its_policy_names(browser: Any, report: Path) -> None:
    """An inline script added after rendering is refused: the policy lists hashes, not 'unsafe-inline'."""
    page = browser.new_page()
    page.goto(report.resolve().as_uri())
    got = page.evaluate("""() => new Promise(done => {
        document.addEventListener('securitypolicyviolation', e => done(e.violatedDirective));
        const s = document.createElement('script');
        s.textContent = 'window.injected = 1';
        document.body.append(s);
        setTimeout(() => done(String(window.injected)), 3000);
    })""")
    assert got == "script-src-elem"
