"""Accuracy floors on the hand-annotated demo corpus (examples/demo/gold.json); raise, never lower.

Measured when written: junk lines 42/42 found, 0 body lines cut as junk (the one other cut is
the second copy of a duplicated dek, which gold lists under duplicate_lines), 15/15 non-body
lines with the right reason.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.ingest.boilerplate import JUNK_REASONS, clean

JUNK_RECALL_FLOOR = 0.95
JUNK_PRECISION_FLOOR = 0.95
NON_BODY_FLOOR = 0.9


def _score(demo: Path) -> tuple[float, float, float]:
    gold = json.loads((demo / "gold.json").read_text(encoding="utf-8"))["articles"]
    tp = fp = fn = nb_ok = nb_all = 0
    for name, g in gold.items():
        if not name.endswith(".txt"):
            continue
        c = clean((demo / name).read_text(encoding="utf-8"))
        dup = {d.strip() for d in g.get("duplicate_lines", [])}
        cut = {r.text.strip() for r in c.removed if r.reason in JUNK_REASONS and r.text.strip() not in dup}
        want = {j.strip() for j in g["junk"]}
        tp, fp, fn = tp + len(cut & want), fp + len(cut - want), fn + len(want - cut)
        reasons = {r.text.strip(): r.reason for r in (*c.removed, *c.marked)}
        for nb in g["non_body"]:
            nb_all += 1
            nb_ok += reasons.get(nb["text"].strip()) == nb["reason"]
    return tp / max(1, tp + fn), tp / max(1, tp + fp), nb_ok / max(1, nb_all)


def test_demo_gold_floors(demo_dir: Path) -> None:
    if not (demo_dir / "gold.json").is_file():
        pytest.skip("examples/demo/gold.json is not present")
    recall, precision, non_body = _score(demo_dir)
    assert recall >= JUNK_RECALL_FLOOR
    assert precision >= JUNK_PRECISION_FLOOR
    assert non_body >= NON_BODY_FLOOR
