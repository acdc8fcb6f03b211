"""Parquet input: one article per row, read like a JSON-lines record.

Columns are matched to the JSON-lines fields (``text`` or ``html``, plus ``url``, ``title``,
``outlet``, ``published``, ``authors``) under any of the names dumps give them (``fields``).
DuckDB reads the file (no pyarrow or pandas needed) a page of rows at a time, only the columns
used, so a large shard is never held whole; a row's record id is its 1-based row number, so
provenance points back to the row.
"""

from __future__ import annotations

import datetime as dt
import glob
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

from ..errors import InputError
from ..model import Rejected
from .fields import BODY_FIELDS, META_FIELDS, find
from .formats import record_doc
from .raw import RawDoc, read_text

__all__ = ["MAGIC", "check_magic", "read_parquet", "read_parquet_bytes"]

#: Every Parquet file starts (and ends) with these four bytes.
MAGIC = b"PAR1"
#: Rows fetched at a time: bounds memory by a page of articles, not the file.
PAGE_ROWS = 256


def read_parquet(source: str, path: Path, max_bytes: int) -> Iterator[RawDoc | Rejected]:
    """One ``RawDoc`` per row with text or HTML, one ``Rejected`` per row without; a file DuckDB
    cannot read is one ``Rejected`` naming why. The text of the whole file is capped at
    ``max_bytes`` like a gzip's: a small Parquet file can expand to gigabytes."""
    con = duckdb.connect(config={"threads": 1})  # one thread keeps the rows in file order
    try:
        yield from _rows(source, con, glob.escape(str(path)), max_bytes)
    finally:
        con.close()


def read_parquet_bytes(source: str, data: bytes, max_bytes: int) -> Iterator[RawDoc | Rejected]:
    """Parquet held in memory (a gunzipped ``.parquet.gz``): DuckDB reads files, so via one."""
    with tempfile.TemporaryDirectory(prefix="storyline-parquet-") as tmp:
        path = Path(tmp) / "input.parquet"
        path.write_bytes(data)
        yield from read_parquet(source, path, max_bytes)


def check_magic(source: str, path: Path) -> None:
    """Refuse a file named ``.parquet`` that is not one, before DuckDB says so less plainly."""
    try:
        with path.open("rb") as f:
            head = f.read(len(MAGIC))
    except OSError as e:
        raise InputError(source, f"cannot read: {e.strerror or e}") from e
    if not head:
        raise InputError(source, "file is empty")
    if head != MAGIC:
        raise InputError(source, "named .parquet but is not a Parquet file (it does not start with PAR1)")


def _rows(
    source: str, con: duckdb.DuckDBPyConnection, pattern: str, max_bytes: int
) -> Iterator[RawDoc | Rejected]:
    """Refuse, in one line each, a file DuckDB cannot open, one with no rows and one with no
    column to read an article from; read the rest."""
    try:
        total = _count(con, pattern)
        columns, names = _columns(con, pattern)
    except duckdb.Error as e:
        yield Rejected(source, f"Parquet file is corrupt or truncated: {_message(e, pattern)}")
        return
    if total == 0:
        yield Rejected(source, "Parquet file holds no rows")
        return
    if not any(k in columns for k in BODY_FIELDS):
        found = ", ".join(names) or "none"
        yield Rejected(
            source,
            f"Parquet file has no 'text' or 'html' column (its columns: {found}); "
            f"none of its {total:,} rows read",
        )
        return
    yield from _pages(source, con, pattern, columns, total, max_bytes)


def _pages(
    source: str,
    con: duckdb.DuckDBPyConnection,
    pattern: str,
    columns: dict[str, tuple[str, str]],
    total: int,
    max_bytes: int,
) -> Iterator[RawDoc | Rejected]:
    """The rows, a page at a time and only the columns used; damage found mid-way ends the file
    with one line saying which rows were not read."""
    keys = [k for k in (*BODY_FIELDS, *META_FIELDS) if k in columns]
    types = {k: columns[k][1] for k in keys}
    names = ", ".join(_quote(columns[k][0]) for k in keys)
    n = size = 0
    try:
        cur = con.execute(f"SELECT {names} FROM read_parquet(?)", [pattern])
        while page := cur.fetchmany(PAGE_ROWS):
            for values in page:
                n += 1
                row = dict(zip(keys, values, strict=True))
                size += sum(len(v) for k in BODY_FIELDS if isinstance(v := row.get(k), (str, bytes)))
                if size > max_bytes:
                    yield Rejected(
                        source,
                        f"Parquet text passes the {max_bytes:,}-byte cap at row {n:,}: "
                        f"rows {n:,}-{total:,} not read (split the file)",
                    )
                    return
                yield _record(source, n, row, types)
    except duckdb.Error as e:  # DuckDB reads ahead: rows just before the damage go with it
        why = _message(e, pattern)
        if n:
            reason = f"Parquet file is corrupt after row {n:,}: {why}; rows {n + 1:,}-{total:,} not read"
        else:
            reason = f"Parquet file is corrupt in its data: {why}; none of its {total:,} rows read"
        yield Rejected(source, reason)


def _count(con: duckdb.DuckDBPyConnection, pattern: str) -> int:
    got = con.execute("SELECT count(*) FROM read_parquet(?)", [pattern]).fetchone()
    return int(got[0]) if got else 0


def _columns(con: duckdb.DuckDBPyConnection, pattern: str) -> tuple[dict[str, tuple[str, str]], list[str]]:
    """Field -> (the column holding it, as named in the file; its DuckDB type), and every
    column's name (to say what a file without a body column has)."""
    described = con.execute("SELECT * FROM read_parquet(?) LIMIT 0", [pattern]).description or []
    types = {str(d[0]): str(d[1]) for d in described}
    out = {}
    for field in (*BODY_FIELDS, *META_FIELDS):
        if (name := find(types, field)) is not None:
            out[field] = (name, types[name])
    return out, list(types)


def _record(source: str, n: int, row: dict[str, Any], types: dict[str, str]) -> RawDoc | Rejected:
    """One row as a JSON-lines record would be: ``html`` when it has any, else ``text``."""
    where = f"{source}#{n}"
    field_ = "html" if row.get("html") else "text"
    value = row.get(field_)
    if not value:
        return Rejected(where, "Parquet row has neither a 'text' nor an 'html' value")
    note = None
    if isinstance(value, bytes):  # BINARY without a string annotation: decode it as a file's bytes
        try:
            got = read_text(where, value)
        except InputError as e:
            return Rejected(where, f"'{field_}' is binary, not text: {e.reason}")
        value, note = got.text, got.note
    if not isinstance(value, str):
        return Rejected(where, f"'{field_}' is {types[field_]}, not text")
    fields = {k: _plain(row[k]) for k in META_FIELDS if row.get(k)}
    doc = record_doc(source, where, {**fields, field_: value}, "parquet", str(n), "Parquet row")
    if isinstance(doc, RawDoc):
        doc.encoding_note = note
    return doc


def _plain(v: Any) -> Any:
    """A cell as the JSON value a JSON-lines record would hold; a timestamp becomes an ISO date
    (in UTC when it carries a zone), a date ``YYYY-MM-DD``."""
    if isinstance(v, dt.datetime):
        if v.tzinfo is not None:
            v = v.astimezone(dt.UTC)
        return v.strftime("%Y-%m-%dT%H:%M")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, bytes):
        return v.decode("utf-8", "replace")
    if isinstance(v, Decimal):
        return float(v)
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    return str(v)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _message(e: Exception, pattern: str) -> str:
    """DuckDB's first line, without its error class or the (escaped) path the source already names."""
    first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    first = first.replace(f" '{pattern}'", "").replace(f' "{pattern}"', "")
    return first.split(": ", 1)[1] if first.split(": ", 1)[0].endswith("Error") else first
