"""Block features computed in one pass equal their word-by-word definitions."""

from __future__ import annotations

import re
from pathlib import Path

from storyline.ingest.lines import STOPWORDS, measure, normalise, segment
from storyline.sentences import split_spans

#: case mappings with context or more than one character out: final sigma, dotted capital I
TRICKY = [
    "ΟΔΟΣ ΚΑΙ ΣΟΦΙΑ: Σ. ΠΑΠΑΣ’ ΑΣ-ΣΑΣ",
    "İSTANBUL İs Iİ",
    "Straße STRASSE ǅemal ǈ",
    "U.S. Mr. Jones (AP) — “You said so,” he said.",
    "",
    "   ",
]


def _texts(demo_dir: Path) -> list[str]:
    return TRICKY + [p.read_text(encoding="utf-8") for p in sorted(demo_dir.glob("*.txt"))]


def test_normalise_is_each_word_lower_cased(demo_dir: Path) -> None:
    word = re.compile(r"[^\W\d_][\w'’.-]*")
    for text in _texts(demo_dir):
        for line in [text, *text.splitlines()]:
            assert normalise(line) == " ".join(w.lower() for w in word.findall(line))


def _covered_later(words: list[list[str]]) -> list[float]:
    """Share of each block's word 4-grams (joined, lower-cased) found in the blocks after it."""
    out, later = [], set()
    for ws in reversed(words):
        low = [w.lower() for w in ws]
        sh = {" ".join(low[i : i + 4]) for i in range(len(low) - 3)}
        out.append(len(sh & later) / len(sh) if sh else 0.0)
        later |= sh
    return out[::-1]


def test_block_features_match_their_definitions(demo_dir: Path) -> None:
    for text in _texts(demo_dir):
        blocks = measure(segment(text))
        assert [b.covered_later for b in blocks] == _covered_later([b.words for b in blocks])
        for b in blocks:
            assert b.key == normalise(b.text)
            assert b.lowered == [w.lower() for w in b.words]
            letters = [c for c in b.text if c.isalpha()]
            assert b.upper == (len(letters) >= 2 and all(c.isupper() for c in letters))
            if b.words:
                assert b.stop_ratio == sum(w.lower() in STOPWORDS for w in b.words) / b.n_words


_SPLIT = re.compile(r"""(?<=[.!?])["'”’)]*\s+(?=["'“‘(]?[A-Z0-9])|\n+""")
_ABBREV = re.compile(
    r"(?:\b[A-Z]\.){1,3}$|\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sen|Rep|Gov|St|No|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.$"
)


def _split_spans_sliced(text: str) -> list[tuple[int, int]]:
    """``split_spans`` as it was: the abbreviation test on a slice of the whole sentence."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SPLIT.finditer(text):
        if "\n" not in m.group() and _ABBREV.search(text[start : m.start()]):
            continue
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


def test_split_spans_reads_abbreviations_as_on_a_slice(demo_dir: Path) -> None:
    extra = [
        "U.S. officials met. A.B. Smith said. The U.S.A. Then Sept. 4 came. Gen. Lee won.",
        "He left at No. 10. X. Then J. R. R. Tolkien wrote. Mr. Bean. Dec. Jan. ok. St.",
        "A. B. C. D. E. done. Word.A. Next",
    ]
    for text in _texts(demo_dir) + extra:
        assert split_spans(text) == _split_spans_sliced(text)
