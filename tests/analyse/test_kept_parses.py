"""A kept parse (DocBin bytes) analyses exactly as the Doc it was made from."""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language

from conftest import make_article
from storyline.analyse import analyse_doc, analyse_keeping_parses, analyse_parsed, parse_bytes

TEXT = (
    "Secretary of State Antony Blinken met Chinese President Xi Jinping in Beijing on Monday. "
    '"We agreed to keep talking," Blinken told reporters, adding that he would return next week.'
)


def test_analysing_a_kept_parse_gives_the_same_analysis(nlp: Language) -> None:
    article = make_article(TEXT, published=None)
    doc = nlp(article.text)
    kept = parse_bytes(doc)
    assert analyse_parsed(article, kept) == analyse_doc(nlp(article.text), article)
    dated = replace(article, published="2023-06-20", published_precision="day")  # as fusion dates it
    again = analyse_parsed(dated, kept)
    assert again == analyse_doc(nlp(dated.text), dated)
    assert any(t.date == "2023-06-19" for t in again.timerefs)


def test_parses_are_kept_for_undated_articles_only() -> None:
    undated = make_article(TEXT, published=None, source="u.txt")
    dated = make_article(TEXT + " Talks went on.", published="2023-06-20", source="d.txt")
    done, failed, parses = analyse_keeping_parses([undated, dated])
    assert [an.article for an in done] == [undated.id, dated.id] and failed == []
    assert list(parses) == [undated.id]
    assert analyse_parsed(undated, parses[undated.id]) == done[0]
