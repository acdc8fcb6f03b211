"""Exports: the events table in GDELT/ICEWS-like columns, in four formats."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

import pytest
import story_fixture as f

from storyline.model import Story
from storyline.present.export import EVENT_COLUMNS, cell, events_table, write_export


def test_rows_are_dated_in_order_with_actor_details() -> None:
    rows = events_table([f.story()])
    assert [r["event_id"] for r in rows] == ["e-board", "e-talks", "e-sign-a", "e-sign-b", "e-patrol"]
    board = rows[0]
    assert (board["date"], board["date_granularity"], board["source_country"], board["target_name"]) == (
        "2024-02",
        "month",
        "NZL",
        "Fiji",
    )


def test_sources_include_the_wire_copy() -> None:
    board = events_table([f.story()])[0]
    assert board["num_articles"] == 2
    assert board["outlets"] == "Harbour Tribune; Pacific Newswire"
    assert board["source_urls"] == "https://tribune.example/pact wire.txt"


@pytest.mark.parametrize("fmt", ["json", "csv", "events-tsv", "parquet"])
def test_each_format_has_the_columns_in_order(tmp_path: Path, fmt: str) -> None:
    path = write_export([f.story()], fmt, tmp_path / f"events.{fmt}")
    if fmt == "json":
        rows = json.loads(path.read_text(encoding="utf-8"))
        assert list(rows[0]) == list(EVENT_COLUMNS) and len(rows) == 5
    elif fmt == "csv":
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        assert tuple(rows[0]) == EVENT_COLUMNS and len(rows) == 6
    elif fmt == "events-tsv":
        lines = path.read_text(encoding="utf-8").splitlines()
        assert tuple(lines[0].split("\t")) == EVENT_COLUMNS
        assert len(lines) == 6 and all(len(line.split("\t")) == len(EVENT_COLUMNS) for line in lines)
    else:
        import pyarrow.parquet as pq

        table = pq.read_table(path)
        assert tuple(table.column_names) == EVENT_COLUMNS and table.num_rows == 5
        assert str(table.schema.field("intensity").type) == "double"


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="format must be one of"):
        write_export([f.story()], "xml", tmp_path / "x.xml")


def _hostile_story() -> Story:
    """The fixture story with formula-like text in the first event's place and date words."""
    s = f.story()
    first = replace(s.events[0], place='=HYPERLINK("http://evil.example","x")', date_text="\t@SUM(1)")
    return replace(s, events=(first, *s.events[1:]))


def _cells(path: Path, fmt: str) -> list[dict[str, str]]:
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    lines = path.read_text(encoding="utf-8").splitlines()
    return [dict(zip(lines[0].split("\t"), line.split("\t"), strict=True)) for line in lines[1:]]


@pytest.mark.parametrize("fmt", ["csv", "events-tsv"])
def test_formula_like_text_is_neutralised_in_spreadsheet_formats(tmp_path: Path, fmt: str) -> None:
    story = _hostile_story()
    row = next(
        r for r in _cells(write_export([story], fmt, tmp_path / "e"), fmt) if r["place"].strip("'")[:1] == "="
    )
    assert row["place"] == '\'=HYPERLINK("http://evil.example","x")'


@pytest.mark.parametrize(("fmt", "expected"), [("csv", "'\t@SUM(1)"), ("events-tsv", "'@SUM(1)")])
def test_a_leading_tab_does_not_hide_a_formula(tmp_path: Path, fmt: str, expected: str) -> None:
    rows = _cells(write_export([_hostile_story()], fmt, tmp_path / "e"), fmt)
    assert [r["date_text"] for r in rows if "SUM" in r["date_text"]] == [expected]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1+1", "'=1+1"), ("+61 2", "'+61 2"), ("-5 dead", "'-5 dead"), ("@user", "'@user"), ("\rx", "'\rx"),
     ("Suva", "Suva"), ("", ""), (-5.0, -5.0), (None, None)],
)  # fmt: skip
def test_cell(value: object, expected: object) -> None:
    assert cell(value) == expected


def test_json_keeps_the_text_unchanged(tmp_path: Path) -> None:
    rows = json.loads(
        write_export([_hostile_story()], "json", tmp_path / "e.json").read_text(encoding="utf-8")
    )
    assert '=HYPERLINK("http://evil.example","x")' in [r["place"] for r in rows]
