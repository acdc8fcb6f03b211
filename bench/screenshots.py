"""Screenshots of a report (and, optionally, the web app) in headless Chromium, for review.

``python bench/screenshots.py storyline-out/report.html --out screenshots
[--db storyline-out/storyline.duckdb]`` writes one full-page PNG and one PNG per section.
Needs the dev extra (Playwright) and Debian's chromium at /usr/bin/chromium; never downloads a
browser. A tool, not part of the package: it drives the web app, which imports the present
stage, so inside ``storyline.present`` it made a package cycle. The browser tests load it by path.
"""

from __future__ import annotations

import argparse
import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "shoot_report", "shoot_app", "serve_in_thread", "main"]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SECTIONS = ("summary", "timeline", "quotes", "sources", "conflicts", "actors", "relations", "articles")


def shoot_report(report: Path, out: Path) -> list[Path]:
    """Full page plus each section of ``report``; returns the PNGs written."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(report.resolve().as_uri())
        page.wait_for_selector("#timeline .main-svg", timeout=15000)
        written.append(_full(page, out / "report-full.png"))
        for name in SECTIONS:
            el = page.query_selector(f"section#{name}")
            if el is not None:
                path = out / f"report-{name}.png"
                el.screenshot(path=str(path))
                written.append(path)
        first = page.query_selector("#summary .cite")
        if first is not None:
            first.click()
            path = out / "report-citation-open.png"
            page.screenshot(path=str(path))
            written.append(path)
        browser.close()
    return written


def shoot_app(db: Path, out: Path) -> list[Path]:
    """The web app's index, first story, an actor page and a search, served from ``db``."""
    from playwright.sync_api import sync_playwright

    from storyline.web.app import create_app

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with serve_in_thread(create_app(db)) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + "/")
        written.append(_full(page, out / "app-index.png"))
        link = page.query_selector("ul.stories a")
        if link is not None:
            link.click()
            page.wait_for_load_state("networkidle")
            written.append(_full(page, out / "app-story.png"))
            actor = page.query_selector("#actors td a")
            if actor is not None:
                actor.click()
                page.wait_for_load_state("networkidle")
                written.append(_full(page, out / "app-actor.png"))
        page.goto(base + "/search?q=minister")
        written.append(_full(page, out / "app-search.png"))
        browser.close()
    return written


@contextlib.contextmanager
def serve_in_thread(app: Any) -> Iterator[str]:
    """Run ``app`` under uvicorn on a free local port for the length of the block."""
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _full(page: Any, path: Path) -> Path:
    page.screenshot(path=str(path), full_page=True)
    return path


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("report", type=Path, help="report.html to photograph")
    ap.add_argument("--out", type=Path, default=Path("screenshots"))
    ap.add_argument("--db", type=Path, help="also photograph the web app over this store")
    args = ap.parse_args(argv)
    paths = shoot_report(args.report, args.out)
    if args.db:
        paths += shoot_app(args.db, args.out)
    for p in paths:
        print(p)


if __name__ == "__main__":
    main()
