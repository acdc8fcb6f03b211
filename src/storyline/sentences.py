"""The one sentence unit every stage shares: an exact slice of an article's text.

Analysis splits with spaCy (``analyse.nlp.sentences``) and stores the spans on each
``Analysis``; fusion and presentation read those spans as ``SentenceSpan`` pieces, cut at line
breaks and trimmed of white space, so a claim and a summary line are the same slice of the same
article. Where no parse is at hand (ingest's line statistics, a summary without analyses),
``split_spans`` is the one punctuation splitter.

Shared, like ``calendar_words``: it depends only on ``model``, so any stage may import it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Evidence

__all__ = ["SentenceSpan", "pieces", "split_spans", "split_text"]

#: A sentence ends at . ! ? (closing quotes and brackets included) before a capital, digit or
#: opening quote, or at a line break.
_SPLIT = re.compile(r"""(?<=[.!?])["'”’)]*\s+(?=["'“‘(]?[A-Z0-9])|\n+""")
#: Tokens ending in a full stop that do not end a sentence ("U.S.", "Mr.", "Jan.").
_ABBREV = re.compile(
    r"(?:\b[A-Z]\.){1,3}$|\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sen|Rep|Gov|St|No|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.$"
)
#: No ``_ABBREV`` match is longer than this ("U.S.A." and "Sept." are 6 and 5): only a
#: sentence's last characters need scanning.
_ABBREV_CHARS = 8
_NEWLINE = re.compile(r"\n")


@dataclass(frozen=True)
class SentenceSpan:
    """One sentence of one article: ``text == article.text[start:end]``."""

    article: str
    start: int
    end: int
    text: str

    def evidence(self) -> Evidence:
        return Evidence(self.article, self.start, self.end, self.text)


def pieces(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each span cut at line breaks (a heading glued to its paragraph is two units) and trimmed
    of white space; empty pieces dropped."""
    out = []
    for start, end in spans:
        pos = start
        for m in _NEWLINE.finditer(text, start, end):
            out.append(_trim(text, pos, m.start()))
            pos = m.end()
        out.append(_trim(text, pos, end))
    return [(s, e) for s, e in out if e > s]


def split_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans by punctuation and line breaks, for text no parser has seen; a full stop
    after an abbreviation ("Mr.", "U.S.") does not end a sentence."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SPLIT.finditer(text):
        # searched in place, from the sentence's tail: a match starting at ``start`` sees the
        # white space that ended the sentence before as the slice's start, no word character
        if "\n" not in m.group() and _ABBREV.search(text, max(start, m.start() - _ABBREV_CHARS), m.start()):
            continue
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


def split_text(text: str) -> list[str]:
    """The sentences of ``text`` as strings (``split_spans`` sliced)."""
    return [text[s:e] for s, e in split_spans(text)]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
