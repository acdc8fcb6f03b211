"""Exports: the events table in GDELT/ICEWS-like columns, in four formats."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import story_fixture as f

from storyline.present.export import EVENT_COLUMNS, events_table, write_export


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
