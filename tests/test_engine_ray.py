"""The Ray engine runs the same stage functions over file shards and gives the same events,
quotes and actors as the local engine (a local Ray instance; skipped where ray is absent)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.engine.local import run
from storyline.settings import Settings
from storyline.store import Store, unpack

ray = pytest.importorskip("ray")

ARTICLES = {
    "a.txt": "Norway's foreign minister Ingrid Dahl met Chilean officials in Oslo on Monday.\n\n"
    "“We have agreed to keep talking,” Dahl said.",
    "b.txt": "Chile's foreign minister Pablo Rojas told reporters in Oslo that the talks had been useful.\n\n"
    "“This is a good start,” Rojas said on Tuesday.",
    "feed.jsonl": json.dumps(
        {
            "text": "Kenya accused Egypt of violating the water agreement on Friday, officials said.",
            "title": "Nile",
        }
    ),
}


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray.init(num_cpus=1, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def _facts(db: Path) -> dict[str, object]:
    with Store(db, read_only=True) as store:
        keys = dict(store.con.execute("SELECT article, version FROM analyses").fetchall())
        analyses = [unpack(r) for r in store.analysis_rows(keys).values()]
    return {
        "articles": sorted(a["article"] for a in analyses),
        "events": sorted(json.dumps(e, sort_keys=True) for a in analyses for e in a["events"]),
        "quotes": sorted(json.dumps(q, sort_keys=True) for a in analyses for q in a["quotes"]),
        "actors": sorted(json.dumps(x, sort_keys=True) for a in analyses for x in a["actors"]),
    }


def test_ray_gives_the_same_analyses_as_local(tmp_path: Path, local_ray: None) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name, text in ARTICLES.items():
        (src / name).write_text(text, encoding="utf-8")
    common = {"published": "2025-03-08", "report": False, "workers": 1}
    local = run([str(src)], Settings(db=tmp_path / "l.duckdb", out=tmp_path / "l", **common))  # type: ignore[arg-type]
    on_ray = run([str(src)], Settings(db=tmp_path / "r.duckdb", out=tmp_path / "r", engine="ray", **common))  # type: ignore[arg-type]
    assert (on_ray.articles, on_ray.analysed, on_ray.rejected) == (3, 3, [])
    assert _facts(tmp_path / "r.duckdb") == _facts(tmp_path / "l.duckdb")
    assert [s.articles for s in on_ray.stories] == [s.articles for s in local.stories]
    again = run([str(src)], Settings(db=tmp_path / "r.duckdb", out=tmp_path / "r", engine="ray", **common))  # type: ignore[arg-type]
    assert (again.reused, again.analysed) == (3, 0)
