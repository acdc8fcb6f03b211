"""Per-Doc lookups agree with the walks over the whole Doc they replace."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from storyline.analyse.nlp import entity_ending_at, paragraph_of, sentences
from storyline.analyse.ranges import Intervals

TEXT = (
    "Antony Blinken met Wang Yi in Beijing on Monday. They spoke for hours.\n\n"
    "“We made progress,” Blinken said.\n   \n"
    "Officials said talks would resume. Xi Jinping did not attend."
)


@pytest.mark.parametrize(("start", "end"), [(0, 5), (40, 60), (60, 120), (0, len(TEXT)), (118, 119)])
def test_overlapping_sentences_match_a_walk(nlp: Language, start: int, end: int) -> None:
    doc = nlp(TEXT)
    walk = [s for s in doc.sents if s.end_char > start and s.start_char < end]
    assert sentences(doc).overlapping(start, end) == walk


@pytest.mark.parametrize("pos", [0, 1, 48, 49, 70, 75, 120, len(TEXT)])
def test_sentences_starting_by_match_a_walk(nlp: Language, pos: int) -> None:
    doc = nlp(TEXT)
    assert sentences(doc).count_starting_by(pos) == len([s for s in doc.sents if s.start_char <= pos])


def test_paragraph_of_counts_breaks_as_the_regex_did(nlp: Language) -> None:
    doc = nlp(TEXT)
    got = [paragraph_of(doc, p) for p in range(len(TEXT) + 1)]
    assert got == [len(re.findall(r"\n\s*", TEXT[:p])) for p in range(len(TEXT) + 1)]
    assert (got[0], got[-1]) == (0, 2)


def test_entity_ending_at_a_token(nlp: Language) -> None:
    doc = nlp(TEXT)
    found = {t.i: entity_ending_at(doc, t.i) for t in doc}
    expected = {t.i: next((e for e in doc.ents if e.end - 1 == t.i), None) for t in doc}
    assert found == expected
    assert any(e is not None and e.text == "Antony Blinken" for e in found.values())


RANGES = [(0, 5), (3, 4), (10, 30), (12, 13), (40, 41), (50, 50), (60, 90)]


@pytest.mark.parametrize(
    ("start", "end"), [(0, 1), (5, 10), (4, 6), (30, 40), (29, 31), (41, 50), (50, 51), (70, 71), (91, 99)]
)
def test_intervals_overlap_as_a_scan_does(start: int, end: int) -> None:
    taken = Intervals(reversed(RANGES))
    assert taken.overlaps(start, end) == any(s < end and start < e for s, e in RANGES)


def test_sentence_index_of_a_token_matches_token_sent(nlp: Language) -> None:
    doc = nlp(TEXT)
    sents = sentences(doc)
    assert [sents.spans[sents.index_of(t)] for t in doc] == [t.sent for t in doc]
