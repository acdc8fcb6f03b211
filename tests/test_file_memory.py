"""A chunk read again because a file was added or changed reads only that file: the others are
recalled from the store, and the result is what reading every file gives."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import storyline.ingest
from storyline.engine import local
from storyline.settings import Settings
from storyline.store import Store

TEXTS = {
    "a.txt": "Ministers Meet\n\nThe foreign ministers of Norway and Chile met in Harbour City on Sunday.\n",
    "b.txt": "Talks Continue\n\nChile's foreign minister Pablo Rojas said the talks had been useful.\n",
    "c.txt": "Port Reopens\n\nThe port of Valdivia reopened on Monday after a week of storms.\n",
    "d.txt": "",  # rejected: empty
}
NEW = "Port Busy\n\nShips queued at the port of Valdivia on Tuesday, a day after it reopened.\n"

#: a line the outlet prints under every story: furniture once three articles carry it
FURNITURE = "The tide tables for the whole coast are printed every Friday in the weekend edition."
POST = {
    "p1.txt": "Harbour Dredging Starts\n\nWork to deepen the channel at Valdivia harbour began on Monday, "
    "the port authority said.\n\nThe dredgers will work through the winter and the channel will stay "
    "open to ferries.",
    "p2.txt": "Ferry Fares Rise\n\nFares on the island ferries will rise by a tenth in April, the operator "
    "said on Tuesday.\n\nPassengers' groups said the rise was the third in two years and asked the "
    "council to step in.",
    "p3.txt": "Lighthouse Restored\n\nThe old lighthouse on the northern cape has been restored by "
    "volunteers over three summers.\n\nIt will open to visitors in May, with a small museum of charts "
    "and lamps on its ground floor.",
}


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files ingest actually reads."""
    names: list[str] = []
    real = storyline.ingest.read_path

    def spy(path: Path, *args: object) -> object:
        names.append(path.name)
        return real(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(storyline.ingest, "read_path", spy)
    return names


def _run(folder: Path, db: Path) -> local.RunReport:
    settings = Settings(db=db, out=db.parent / "out", workers=1, report=False)
    return local.run([str(folder)], settings)


def _stored(db: Path, report: local.RunReport) -> list[tuple[str, str, str, str | None]]:
    """The run's articles as stored (the store also keeps earlier runs' articles)."""
    ids = [i for s in report.stories for i in s.articles]
    with Store(db, read_only=True) as store:
        got = store.get_articles(ids)
    return sorted((Path(a.source).name, a.id, a.text, a.duplicate_of) for a in got)


def _write(folder: Path, files: dict[str, str], outlet: str | None = None) -> None:
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
        if outlet:
            (folder / name).with_suffix(".meta.json").write_text(
                json.dumps({"outlet": outlet}), encoding="utf-8"
            )


def test_a_new_file_is_the_only_one_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    _write(folder, TEXTS)
    reads = _reads(monkeypatch)
    _run(folder, tmp_path / "s.duckdb")
    assert sorted(reads) == ["a.txt", "b.txt", "c.txt", "d.txt"]
    _write(folder, {"e.txt": NEW})
    del reads[:]
    again = _run(folder, tmp_path / "s.duckdb")
    assert reads == ["e.txt"]  # one chunk, changed; the four others recalled, the empty one too
    assert [Path(r.source).name for r in again.rejected] == ["d.txt"]
    assert (again.reused, again.analysed) == (3, 1)
    fresh = _run(folder, tmp_path / "fresh" / "s.duckdb")
    assert _stored(tmp_path / "s.duckdb", again) == _stored(tmp_path / "fresh" / "s.duckdb", fresh)
    assert sorted(s.articles for s in again.stories) == sorted(s.articles for s in fresh.stories)


def test_a_changed_file_is_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    _write(folder, TEXTS)
    reads = _reads(monkeypatch)
    _run(folder, tmp_path / "s.duckdb")
    (folder / "c.txt").write_text(TEXTS["c.txt"].replace("Monday", "Tuesday"), encoding="utf-8")
    st = (folder / "c.txt").stat()
    os.utime(folder / "c.txt", ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    del reads[:]
    again = _run(folder, tmp_path / "s.duckdb")
    assert reads == ["c.txt"]
    texts = [t for _, _, t, _ in _stored(tmp_path / "s.duckdb", again)]
    assert any("Tuesday" in t for t in texts) and not any("Monday" in t for t in texts)


def test_furniture_a_new_file_reveals_is_cut_from_the_files_recalled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    # two articles carry the line: not yet furniture (it takes three of one outlet)
    _write(
        folder, {n: POST[n] + "\n\n" + FURNITURE + "\n" for n in ("p1.txt", "p2.txt")}, outlet="Harbour Post"
    )
    _write(folder, {"c.txt": TEXTS["c.txt"]})
    reads = _reads(monkeypatch)
    first = _run(folder, tmp_path / "s.duckdb")
    assert sum(FURNITURE in t for _, _, t, _ in _stored(tmp_path / "s.duckdb", first)) == 2
    _write(folder, {"p3.txt": POST["p3.txt"] + "\n\n" + FURNITURE + "\n"}, outlet="Harbour Post")
    del reads[:]
    again = _run(folder, tmp_path / "s.duckdb")
    # the new file, and the two whose furniture moved; c.txt (no such line) is recalled
    assert sorted(reads) == ["p1.txt", "p2.txt", "p3.txt"]
    stored = _stored(tmp_path / "s.duckdb", again)
    by_name = {name: text for name, _, text, _ in stored}
    assert not any(FURNITURE in by_name[n] for n in ("p1.txt", "p2.txt", "p3.txt"))
    assert by_name["p1.txt"].endswith("stay open to ferries.")
    fresh = _run(folder, tmp_path / "fresh" / "s.duckdb")
    assert stored == _stored(tmp_path / "fresh" / "s.duckdb", fresh)


def test_what_is_remembered_follows_the_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _write(folder, TEXTS)
    _run(folder, tmp_path / "s.duckdb")
    (folder / "b.txt").unlink()
    _run(folder, tmp_path / "s.duckdb")
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        (n,) = store.con.execute("SELECT count(*) FROM ingested").fetchone()  # type: ignore[misc]
    assert n == 3  # a, c and d; b is forgotten with its file


def test_a_file_of_many_records_is_read_again_rather_than_remembered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storyline.ingest, "REMEMBERED_RECORDS", 2)
    folder = tmp_path / "in"
    _write(folder, {"a.txt": TEXTS["a.txt"]})
    rows = [
        {"text": TEXTS[n].split("\n\n", 1)[1], "title": TEXTS[n].split("\n\n")[0]} for n in ("b.txt", "c.txt")
    ]
    (folder / "two.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    many = [*rows, {"text": NEW.split("\n\n", 1)[1], "title": "Port Busy"}]
    (folder / "three.jsonl").write_text("".join(json.dumps(r) + "\n" for r in many), encoding="utf-8")
    reads = _reads(monkeypatch)
    _run(folder, tmp_path / "s.duckdb")
    _write(folder, {"e.txt": NEW.replace("Tuesday", "Wednesday")})
    del reads[:]
    again = _run(folder, tmp_path / "s.duckdb")
    assert sorted(reads) == ["e.txt", "three.jsonl"]  # a.txt and two.jsonl recalled
    fresh = _run(folder, tmp_path / "fresh" / "s.duckdb")
    assert _stored(tmp_path / "s.duckdb", again) == _stored(tmp_path / "fresh" / "s.duckdb", fresh)
