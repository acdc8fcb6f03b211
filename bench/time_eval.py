"""Time expressions scored as TempEval-3 counts them, beside a dateparser baseline.

    .venv/bin/python bench/time_eval.py [eval/time/news.txt ...] [-v]
    .venv/bin/python bench/time_eval.py /tmp/timeml/ [-v] [--dct]   # a folder of TimeML .tml files

Reads documents written as ``## <id> <date>`` followed by sentences with every time expression
marked ``[[words|TYPE|VALUE]]`` (see eval/time/news.txt), or TimeML files (``*.tml``: the text
of ``<TEXT>``, its ``TIMEX3`` tags as gold, the document date from the TIMEX3 whose
``functionInDocument`` is ``CREATION_TIME``), runs storyline's time tagger on each
document (its date given, as a sidecar would) and prints, for storyline and for the baseline
(``dateparser.search.search_dates`` with the document date as its base):

- strict extent P/R/F1 (same characters) and relaxed extent P/R/F1 (any overlap);
- type and value F1 as TempEval-3 computes them: a relaxed match whose attribute is right
  counts, over the system's and the gold's expressions (P = right/system, R = right/gold).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
_MARK = re.compile(r"\[\[([^|\]]+)\|([A-Z]+)\|([^\]]+)\]\]")


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: str | None
    value: str | None


@dataclass
class Doc:
    id: str
    date: dt.date
    text: str
    gold: list[Timex]


def load(path: Path) -> list[Doc]:
    docs: list[Doc] = []
    lines: list[str] = []
    head: tuple[str, dt.date] | None = None

    def flush() -> None:
        if head is None:
            return
        text, gold = "", []
        for line in lines:
            pos = 0
            for m in _MARK.finditer(line):
                text += line[pos : m.start()]
                gold.append(Timex(len(text), len(text) + len(m.group(1)), m.group(2), m.group(3)))
                text += m.group(1)
                pos = m.end()
            text += line[pos:] + "\n"
        docs.append(Doc(head[0], head[1], text, gold))

    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("## "):
            flush()
            _, ident, date = raw.split()
            head, lines = (ident, dt.date.fromisoformat(date)), []
        elif raw.strip() and not raw.startswith("#"):
            lines.append(raw)
    flush()
    return docs


_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([A-Za-z]+)="([^"]*)"')
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}


def _unescape(text: str) -> str:
    for k, v in _ENTITIES.items():
        text = text.replace(k, v)
    return text


def load_tml(path: Path, with_dct: bool = False) -> Doc:
    """One TimeML document: plain text of <TEXT>, its TIMEX3s (extents trimmed of spaces, as
    TempEval-3 compares tokens), the date of the CREATION_TIME TIMEX3 (else of the first in
    <DCT>). ``with_dct``: the <DCT> line heads the text and its TIMEX3 is gold too, as when a
    whole document is given to the tagger (TempEval-3 scores the creation time with the rest)."""
    raw = path.read_text(encoding="utf-8")
    dct = None
    for m in re.finditer(r"<TIMEX3([^>]*)>", raw):
        attrs = dict(_ATTR.findall(m.group(1)))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            dct = attrs.get("value", "")[:10]
            break
    if dct is None:
        dm = re.search(r"<DCT>.*?<TIMEX3[^>]*value=\"([^\"]+)\"", raw, re.S)
        if dm is None:
            raise ValueError(f"{path}: no document creation time")
        dct = dm.group(1)[:10]
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    if body is None:
        raise ValueError(f"{path}: no <TEXT>")
    src = body.group(1)
    head = re.search(r"<DCT>(.*?)</DCT>", raw, re.S)
    if with_dct and head is not None:
        src = head.group(1) + "\n\n" + src
    text, gold, pos = "", [], 0
    open_at: tuple[int, dict[str, str]] | None = None
    for m in _TAG.finditer(src):
        text += _unescape(src[pos : m.start()])
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if not m.group(1):
            open_at = (len(text), dict(_ATTR.findall(m.group(3))))
        elif open_at is not None:
            start, attrs = open_at
            words = text[start:]
            s0 = start + len(words) - len(words.lstrip())
            e0 = start + len(words.rstrip())
            gold.append(Timex(s0, e0, attrs.get("type"), attrs.get("value")))
            open_at = None
    text += _unescape(src[pos:])
    return Doc(path.stem, dt.date.fromisoformat(dct), text, gold)


def load_any(path: Path, with_dct: bool = False) -> list[Doc]:
    if path.is_dir():
        return [load_tml(p, with_dct) for p in sorted(path.glob("*.tml"))]
    if path.suffix == ".tml":
        return [load_tml(path, with_dct)]
    return load(path)


def storyline_tags(docs: list[Doc]) -> list[list[Timex]]:
    from storyline.analyse.nlp import load_nlp
    from storyline.analyse.time import extract_timerefs
    from storyline.model import Article

    nlp = load_nlp()
    out = []
    for d in docs:
        art = Article(
            id=d.id, source=d.id, text=d.text, published=d.date.isoformat(), published_precision="day"
        )
        refs = extract_timerefs(nlp(d.text), art)
        out.append([Timex(t.span.start, t.span.end, t.timex_type, t.timex_value) for t in refs])
    return out


def baseline_tags(docs: list[Doc]) -> list[list[Timex]]:
    """dateparser's own search: every date it finds, valued at day precision."""
    from dateparser.search import search_dates

    out = []
    for d in docs:
        base = dt.datetime(d.date.year, d.date.month, d.date.day)
        found: list[Any] = (
            search_dates(
                d.text, languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
            )
            or []
        )
        tags, pos = [], 0
        for words, when in found:
            at = d.text.find(words, pos)
            if at < 0:
                continue
            pos = at + len(words)
            tags.append(Timex(at, at + len(words), "DATE", when.date().isoformat()))
        out.append(tags)
    return out


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(docs: list[Doc], system: list[list[Timex]]) -> dict[str, tuple[float, float, float]]:
    n_sys = sum(len(s) for s in system)
    n_gold = sum(len(d.gold) for d in docs)
    strict = relaxed_sys = relaxed_gold = typ = val = 0
    for d, tags in zip(docs, system, strict=True):
        strict += sum(1 for t in tags if any(t.start == g.start and t.end == g.end for g in d.gold))
        relaxed_sys += sum(1 for t in tags if any(t.start < g.end and g.start < t.end for g in d.gold))
        for g in d.gold:
            hits = [t for t in tags if t.start < g.end and g.start < t.end]
            relaxed_gold += bool(hits)
            if hits:
                best = min(hits, key=lambda t: abs(t.start - g.start) + abs(t.end - g.end))
                typ += best.type == g.type
                val += best.value == g.value
    out = {}
    for name, right_sys, right_gold in (
        ("strict", strict, strict),
        ("relaxed", relaxed_sys, relaxed_gold),
        ("type", typ, typ),
        ("value", val, val),
    ):
        p = right_sys / n_sys if n_sys else 0.0
        r = right_gold / n_gold if n_gold else 0.0
        out[name] = (p, r, _f1(p, r))
    return out


def main(argv: list[str], verbose: bool = False, with_dct: bool = False) -> int:
    paths = [Path(a) for a in argv] or sorted((ROOT / "eval" / "time").glob("*.txt"))
    docs = [d for p in paths for d in load_any(p, with_dct)]
    print(f"{len(docs)} documents, {sum(len(d.gold) for d in docs)} gold time expressions")
    ours = storyline_tags(docs)
    print(f"{'system':<12}{'':<9}{'P':>7}{'R':>7}{'F1':>7}")
    for name, system in (("storyline", ours), ("dateparser", baseline_tags(docs))):
        for kind, (p, r, f) in score(docs, system).items():
            print(f"{name:<12}{kind:<9}{p:7.3f}{r:7.3f}{f:7.3f}")
    if verbose:
        for d, tags in zip(docs, ours, strict=True):
            for g in d.gold:
                hit = [t for t in tags if t.start < g.end and g.start < t.end]
                got = [(d.text[t.start : t.end], t.type, t.value) for t in hit]
                if not hit or (hit[0].start, hit[0].end, hit[0].value) != (g.start, g.end, g.value):
                    print(f"  {d.id}: {d.text[g.start : g.end]!r} {g.type} {g.value} <- {got}")
            for t in tags:
                if not any(t.start < g.end and g.start < t.end for g in d.gold):
                    print(f"  {d.id}: extra {d.text[t.start : t.end]!r} {t.type} {t.value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(
        main(
            [a for a in sys.argv[1:] if not a.startswith("-")],
            verbose="-v" in sys.argv,
            with_dct="--dct" in sys.argv,
        )
    )
