"""Exports: the events table in a GDELT/ICEWS-like column layout (docs/exports.md).

One row per event: when, who did it (name, country, sector), what (PLOVER type and CAMEO
code), to whom, how intense, whether it happened, and every source that reports it.

Text cells come from the articles, so in the spreadsheet formats (csv, events-tsv) a cell that
a spreadsheet would read as a formula (``=HYPERLINK(...)``) is neutralised by ``cell``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..model import Actor, Story
from .headline import event_title, place_names
from .timeline import granularity_of, outlet_of

__all__ = ["EVENT_COLUMNS", "FORMATS", "events_table", "write_export", "cell"]

#: column order of every export (documented in docs/exports.md)
EVENT_COLUMNS = (
    "story_id",
    "event_id",
    "date",
    "date_granularity",
    "date_text",
    "source_actor_id",
    "source_name",
    "source_kind",
    "source_country",
    "source_sector",
    "event_type",
    "event_code",
    "mode",
    "target_actor_id",
    "target_name",
    "target_kind",
    "target_country",
    "target_sector",
    "intensity",
    "place",
    "summary",
    "num_articles",
    "num_outlets",
    "outlets",
    "source_urls",
)
FORMATS = {"json": ".json", "csv": ".csv", "parquet": ".parquet", "events-tsv": ".tsv"}
#: first characters that make Excel, LibreOffice or Google Sheets read a cell as a formula
#: (OWASP's CSV-injection list: = + - @ and a leading tab or carriage return)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def events_table(stories: Iterable[Story]) -> list[dict[str, Any]]:
    """Rows in ``EVENT_COLUMNS`` order, sorted by story, date (undated last) and event id."""
    rows = []
    for story in stories:
        actors = {a.id: a for a in story.actors}
        arts = {a.id: a for a in story.articles}
        places = place_names(actors)
        copies: dict[str, list[str]] = {}
        for a in story.articles:
            if a.duplicate_of:
                copies.setdefault(a.duplicate_of, []).append(a.id)
        for e in story.events:
            ids = list(dict.fromkeys([*(ev.article for ev in e.evidence), *e.articles]))
            have = set(ids)
            ids += [c for i in ids for c in copies.get(i, []) if c not in have]
            sources = [arts[i] for i in ids if i in arts]
            outlets = list(dict.fromkeys(outlet_of(a) for a in sources))
            rows.append(
                {
                    "story_id": story.id,
                    "event_id": e.id,
                    "date": e.date,
                    "date_granularity": granularity_of(e.date, e.granularity),
                    "date_text": e.date_text,
                    **_actor("source", actors.get(e.source_actor or "")),
                    "event_type": e.type,
                    "event_code": e.cameo,
                    "mode": e.mode,
                    **_actor("target", actors.get(e.target_actor or "")),
                    "intensity": float(e.intensity),
                    "place": e.place,
                    "summary": event_title(e, actors, arts, places),
                    "num_articles": len(ids),
                    "num_outlets": len(outlets),
                    "outlets": "; ".join(outlets),
                    "source_urls": " ".join(dict.fromkeys(a.url or a.source for a in sources)),
                }
            )
    rows.sort(key=lambda r: (r["story_id"], r["date"] is None, r["date"] or "", r["event_id"]))
    return [{c: r[c] for c in EVENT_COLUMNS} for r in rows]


def write_export(stories: Sequence[Story], fmt: str, path: Path) -> Path:
    """Write the events table of ``stories`` as ``fmt`` (one of ``FORMATS``) to ``path``."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    rows = events_table(stories)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        path.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    elif fmt == "csv":
        with path.open("w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=EVENT_COLUMNS)
            w.writeheader()
            w.writerows({c: cell(v) for c, v in r.items()} for r in rows)
    elif fmt == "events-tsv":
        with path.open("w", encoding="utf-8", newline="") as f:
            f.write("\t".join(EVENT_COLUMNS) + "\n")
            for r in rows:
                f.write("\t".join(_tsv(r[c]) for c in EVENT_COLUMNS) + "\n")
    else:
        _parquet(rows, path)
    return path


def _actor(role: str, actor: Actor | None) -> dict[str, Any]:
    return {
        f"{role}_actor_id": actor.id if actor else None,
        f"{role}_name": actor.name if actor else None,
        f"{role}_kind": actor.kind if actor else None,
        f"{role}_country": actor.country if actor else None,
        f"{role}_sector": actor.sector if actor else None,
    }


def cell(value: Any) -> Any:
    """A text value a spreadsheet would run as a formula, prefixed with ``'`` so it shows as text.

    Only text: a number (an intensity of -5.0) is written as a number. The quote is what a
    spreadsheet user types to enter such text by hand; other readers see it as part of the value.
    """
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _tsv(value: Any) -> str:
    """Empty for null; tabs and line breaks inside a value become spaces (one line per event),
    and a formula-like start is neutralised (after that, so a leading tab cannot hide it)."""
    if value is None:
        return ""
    return cell(" ".join(value.split())) if isinstance(value, str) else str(value)


def _parquet(rows: list[dict[str, Any]], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    ints = {"num_articles", "num_outlets"}
    schema = pa.schema(
        [
            (c, pa.int64() if c in ints else pa.float64() if c == "intensity" else pa.string())
            for c in EVENT_COLUMNS
        ]
    )
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, path)
