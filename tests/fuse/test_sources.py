"""Outlet names from what an article knows: its outlet, its URL's host, its file name."""

from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import make_article
from storyline.fuse import fuse
from storyline.fuse.sources import Sources

from .helpers import analysis, article


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        pytest.param("https://news.example.org/a/1", "news.example.org", id="host"),
        pytest.param("http://[bad", "report-7", id="unclosed-ipv6-bracket"),
        pytest.param("http://[::1/x", "report-7", id="ipv6-without-close"),
        pytest.param("archive/report.html", "archive/report.html", id="no-host"),
    ],
)
def test_outlet_from_url(url: str, expected: str) -> None:
    a = make_article("Dockers walked out on Friday.", url=url, source="inbox/report-7.txt")
    assert Sources([a]).outlet(a.id) == expected


def test_hostile_url_does_not_stop_fusion() -> None:
    text = "Dockers at the Valmora port walked out on Friday over night-shift pay."
    bad = replace(article("bad", text), url="http://[bad", source="inbox/report-7.txt")
    good = article("good", text + " Ships queued offshore.", outlet="Coral Times")
    story = fuse([bad, good], [analysis(bad), analysis(good)])
    assert [c.outlets for c in story.claims if c.corroborated] == [("report-7", "Coral Times")]
