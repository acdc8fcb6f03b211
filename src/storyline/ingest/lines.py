"""Split extracted text into blocks (one per non-blank line) and measure what each looks like.

The features are deliberately about *shape*, not about particular strings: how long a block is,
whether it reads as a sentence, how many function words it has, whether it addresses the reader,
whether it sits in a run of short lines, whether its words appear elsewhere in the article. That
is what lets the junk classifier (``junk.py``) recognise page furniture it has never seen.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from operator import itemgetter

from ..sentences import split_text
from ..words import STOPWORDS as BASE_STOPWORDS

__all__ = ["Block", "segment", "measure", "normalise", "STOPWORDS"]

#: English function words; prose has roughly 35-55 % of them, menus and labels almost none.
#: The shared base plus the reflexive and possessive pronouns the base leaves out.
STOPWORDS = BASE_STOPWORDS | frozenset(["myself", "themselves", "whose", "yours", "yourself"])

_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
_TERMINAL = re.compile(r"[.!?…。！？][\"'”’)\]」』）]*$|[\"”’」]$")
_GLUED = re.compile(r"[a-z\d][.!?][A-Z][a-z]")  # "life.Seeking": two texts fused by a scraper
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_URLISH = re.compile(r"https?://|www\.|\[email[^\]]*\]|\b[\w.+-]+@[\w-]+\.[\w.]+|(?<!\w)@\w{2,}|\.com\b")
#: strings every ``_URLISH`` match contains: a line with none of them (most prose) is not scanned
_URL_HINTS = ("://", "www.", "[email", "@", ".com")
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
_LINE = re.compile(r"[^\r\n]+")
_SHINGLE = 4


@dataclass
class Block:
    """One non-blank line of the raw text and its features."""

    index: int
    text: str  # stripped
    start: int  # offsets of ``text`` in the raw text
    end: int
    words: list[str] = field(default_factory=list)
    #: ``normalise(text)``: the words lower-cased, one space apart
    key: str = ""
    lowered: list[str] = field(default_factory=list)  # ``words`` lower-cased
    n_words: int = 0
    terminal: bool = False
    stop_ratio: float = 0.0
    cap_ratio: float = 0.0
    upper: bool = False
    glued: bool = False
    urlish: bool = False
    second_person: int = 0  # "you"/"your" outside quotation marks
    sentences: list[str] = field(default_factory=list)  # sentences with quotations blanked
    short_run: int = 1  # length of the run of consecutive short blocks this one is in
    topical: float = 1.0  # share of its content words found elsewhere in the article
    covered_later: float = 0.0  # share of its word 4-grams that recur in later blocks
    repeat_of: int | None = None  # index of an earlier block with the same normalised text


def normalise(text: str) -> str:
    """Case- and punctuation-insensitive key for comparing lines within and across documents.

    Lower-cased after joining, in one call: the same as word by word (the space between words
    is no context for any case mapping, not even the final sigma's)."""
    return " ".join(_WORD.findall(text)).lower()


def segment(raw: str) -> list[Block]:
    """Blocks for every non-blank line, with offsets into ``raw`` (newlines of any style)."""
    blocks: list[Block] = []
    for m in _LINE.finditer(raw):
        line = m.group(0)
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        start = m.start() + lead
        blocks.append(Block(index=len(blocks), text=stripped, start=start, end=start + len(stripped)))
    return blocks


def measure(blocks: list[Block]) -> list[Block]:
    """Fill in every feature; document-level ones need all blocks at once."""
    for b in blocks:
        _local(b)
    _runs(blocks)
    _topicality(blocks)
    _repetition(blocks)
    return blocks


def _local(b: Block) -> None:
    t = b.text
    words = b.words = _WORD.findall(t)
    b.n_words = len(words)
    b.key = " ".join(words).lower()  # as ``normalise``
    b.lowered = b.key.split(" ") if words else []  # no word holds a space, nor lower-cases to one
    b.terminal = bool(_TERMINAL.search(t))
    if words:
        b.stop_ratio = sum(map(STOPWORDS.__contains__, b.lowered)) / b.n_words
        b.cap_ratio = sum(map(str.isupper, map(itemgetter(0), words))) / b.n_words
    # all letters upper case, and at least two: prose fails the first test at its second letter
    b.upper = all(c.isupper() for c in t if c.isalpha()) and sum(map(str.isalpha, t)) >= 2
    b.glued = bool(_GLUED.search(t))
    b.urlish = any(h in t for h in _URL_HINTS) and bool(_URLISH.search(t))
    unquoted = _QUOTED.sub(" “…” ", t)
    b.second_person = len(_SECOND_PERSON.findall(unquoted))
    b.sentences = split_text(unquoted)


#: A block of at most this many words counts as "short" for runs (reaction buttons, menus).
SHORT_WORDS = 3


def _runs(blocks: list[Block]) -> None:
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and blocks[j].n_words <= SHORT_WORDS and not blocks[j].terminal:
            j += 1
        for k in range(i, j):
            blocks[k].short_run = j - i
        i = max(j, i + 1)


def _content(b: Block) -> set[str]:
    """Its content words, lower-cased (long enough in the text as written)."""
    pairs = zip(b.words, b.lowered, strict=True)
    return {low.rstrip(".") for w, low in pairs if low not in STOPWORDS and len(w) > 2}


def _topicality(blocks: list[Block]) -> None:
    """Share of a block's content words used elsewhere: junk is off-topic for the article."""
    per_block = [_content(b) for b in blocks]
    df: Counter[str] = Counter()
    for s in per_block:
        df.update(s)
    for b, s in zip(blocks, per_block, strict=True):
        if s:
            b.topical = sum(1 for w in s if df[w] > 1) / len(s)


def _shingles(low: list[str]) -> set[tuple[str, ...]]:
    """Its word 4-grams (none under 4 words), as tuples: equal as the words joined would be (no
    word holds a space), and not made into new strings."""
    return set(zip(*(low[k:] for k in range(_SHINGLE)), strict=False))


def _repetition(blocks: list[Block]) -> None:
    seen: dict[str, int] = {}
    for b in blocks:
        if b.key in seen:
            b.repeat_of = seen[b.key]
        else:
            seen[b.key] = b.index
    later: set[tuple[str, ...]] = set()
    for b in reversed(blocks):
        sh = _shingles(b.lowered)
        if sh:
            b.covered_later = len(sh & later) / len(sh)
        later |= sh
