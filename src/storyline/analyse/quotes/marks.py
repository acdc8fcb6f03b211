"""Find quoted stretches by their marks, before any parsing.

Marks are found on the raw text because the parser splits and joins sentences around quote
marks unreliably, while the marks themselves are unambiguous once apostrophes are told apart.
A quote that opens and does not close on its paragraph continues into the next paragraph
when that paragraph opens with a mark (the newspaper convention for multi-paragraph quotes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Marked", "find_marked"]

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_STRAIGHT = '"'
_PARA = re.compile(r"[^\n]+")
# Punctuation that belongs to the attribution, not the quote: “…,” Austin said.
_TRAIL = ",;:"
#: Every character the paragraph scan acts on.
_ANY_MARK = re.compile("[" + re.escape(_DOUBLE_OPEN + _DOUBLE_CLOSE + _STRAIGHT + "‘’") + "]")


@dataclass(frozen=True)
class Marked:
    """Quoted words between marks. ``start``/``end`` exclude the marks and outer spaces."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int  # offset of the closing mark; -1 when the paragraph ends first
    para_start: int
    para_end: int
    continues: int = -1  # index (in the returned list) of the piece this one continues


def find_marked(text: str) -> list[Marked]:
    """Every quoted stretch in ``text``, in order; nested marks stay inside their quote."""
    out: list[Marked] = []
    prev_open_ended = -1
    for para in _PARA.finditer(text):
        pieces = _scan_paragraph(text, para.start(), para.end())
        for k, piece in enumerate(pieces):
            if k == 0 and prev_open_ended >= 0 and piece.open_mark == _first_visible(text, para.start()):
                piece = Marked(**{**piece.__dict__, "continues": prev_open_ended})
            out.append(piece)
        prev_open_ended = len(out) - 1 if pieces and pieces[-1].close_mark < 0 else -1
    return out


def _first_visible(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _scan_paragraph(text: str, start: int, end: int) -> list[Marked]:
    out: list[Marked] = []
    opened = -1
    single_opened = -1
    for mark in _ANY_MARK.finditer(text, start, end):  # every other character leaves the state as it is
        i, ch = mark.start(), mark.group()
        if opened < 0:
            if ch in _DOUBLE_OPEN or (ch == _STRAIGHT and _opens(text, i, start, end)):
                opened = i
                single_opened = -1
            elif ch == "‘" and _opens(text, i, start, end):
                single_opened = i
            elif ch == "’" and single_opened >= 0 and _closes_single(text, i, end):
                _add(out, text, single_opened, i, start, end)
                single_opened = -1
        elif ch in _DOUBLE_CLOSE or ch == _STRAIGHT:
            _add(out, text, opened, i, start, end)
            opened = -1
        elif ch in _DOUBLE_OPEN:
            # a second opening mark before any close: the first one was a stray, restart here
            opened = i
    if opened >= 0:
        _add(out, text, opened, -1, start, end)
    return out


def _opens(text: str, i: int, start: int, end: int) -> bool:
    """An ambiguous mark opens when it starts a word: after a space or bracket, before a non-space."""
    before_ok = i == start or text[i - 1] in " \t([{—–-:/"
    return before_ok and i + 1 < end and not text[i + 1].isspace()


def _closes_single(text: str, i: int, end: int) -> bool:
    """’ closes a single quote only when no letter follows (else it is an apostrophe: We’re)."""
    return i + 1 >= end or not text[i + 1].isalnum()


def _add(out: list[Marked], text: str, open_mark: int, close_mark: int, p0: int, p1: int) -> None:
    s = open_mark + 1
    e = close_mark if close_mark >= 0 else p1
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in _TRAIL):
        e -= 1
    if e > s:
        out.append(Marked(s, e, open_mark, close_mark, p0, p1))
