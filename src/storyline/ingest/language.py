"""The language an article is written in, so English-only cleaning rules skip other languages.

py3langid (a light, offline fork of langid.py: a naive Bayes model over byte n-grams, 97
languages) reads the article's longer lines only, so that English page furniture around a
Spanish body does not outvote it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

__all__ = ["detect_language"]

#: Under this many letters a guess is noise (a headline can read as three languages).
MIN_LETTERS = 20
#: Lines shorter than this (buttons, menus, most furniture) are left out of the sample.
SAMPLE_LINE_CHARS = 40
_LETTERS = re.compile(r"[^\W\d_]")
_SPACES = re.compile(r"\s+")
#: py3langid's time grows with the text; 1,500 characters decide the language of an article
SAMPLE_CHARS = 1500


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when there is too little text to tell."""
    lines = [s for x in text.splitlines() if len(s := x.strip()) >= SAMPLE_LINE_CHARS]
    sample = "\n".join(lines)[:SAMPLE_CHARS] or text[:SAMPLE_CHARS]
    if len(_LETTERS.findall(sample, 0, 200)) < MIN_LETTERS:
        return None
    code, _ = _classify()(_SPACES.sub(" ", sample))
    return str(code)


@cache
def _classify() -> Any:
    """Imported on first use: the model takes half a second to load."""
    import py3langid

    return py3langid.classify
