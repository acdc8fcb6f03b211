"""The compiled attribute ruler gives exactly the model's own ruler's annotations."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.pipeline import AttributeRuler

from storyline.analyse.attributes import FACTORY, compile_ruler, use_token_attributes
from storyline.analyse.nlp import MODEL_NAMES, load_nlp

ROOT = Path(__file__).resolve().parents[2]
COLUMNS = [POS, TAG, MORPH, LEMMA, DEP, HEAD, SENT_START]
# the model's two-token exceptions, a pronoun by its dependency, whitespace tokens
TRICKY = (
    "I'm gonna tell you, y'all ain't seen nothing. Let's go. C'mon, we gotta leave.\n\n"
    "There are two reasons and there is one answer. I saw it and it saw me.  Do you want it? He does."
)


def _plain_model() -> spacy.language.Language:
    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    pytest.skip("no English model")


@pytest.fixture(scope="module")
def models() -> tuple[spacy.language.Language, spacy.language.Language]:
    return _plain_model(), load_nlp()


def test_load_nlp_swaps_the_ruler_for_the_compiled_one(models: tuple) -> None:
    plain, ours = models
    assert "attribute_ruler" in plain.pipe_names
    assert "attribute_ruler" not in ours.pipe_names
    assert ours.pipe_names.index(FACTORY) == plain.pipe_names.index("attribute_ruler")


def test_same_annotations_as_the_model_ruler_on_every_token(models: tuple) -> None:
    plain, ours = models
    texts = [TRICKY, *(p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*/*.txt")))]
    tokens = 0
    for a, b in zip(plain.pipe(texts), ours.pipe(texts), strict=True):
        assert [t.text for t in a] == [t.text for t in b]
        assert (a.to_array(COLUMNS) == b.to_array(COLUMNS)).all(), a.text[:60]
        tokens += len(a)
    assert tokens > 4000


def test_two_token_exceptions_set_their_lemmas(models: tuple) -> None:
    _, ours = models
    doc = ours("I'm gonna go. Let's see. We said y'all ain't ready.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert (lemmas["gon"], lemmas["na"], lemmas["'s"], lemmas["ai"], lemmas["y'"]) == (
        "go",
        "to",
        "us",
        "be",
        "you",
    )


def test_an_unknown_operator_keeps_the_model_ruler() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN"})
    assert compile_ruler(ruler) is not None
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"POS": "DET"})
    assert compile_ruler(ruler) is None
    assert use_token_attributes(nlp) is False
    assert nlp.pipe_names == ["attribute_ruler"]


def test_an_attribute_beyond_the_compiler_keeps_the_model_ruler() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    ruler.add([[{"LOWER": "x"}]], {"NORM": "ex"})
    assert compile_ruler(ruler) is None


def test_later_rules_win_and_unmatched_tokens_are_untouched() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    ruler.add([[{"LOWER": {"IN": ["cat", "dog"]}}]], {"POS": "NOUN", "LEMMA": "pet"})
    ruler.add([[{"LOWER": "dog"}]], {"LEMMA": "hound"})
    ruler.add([[{"LOWER": "big"}, {"LOWER": {"REGEX": "^d"}}]], {"POS": "PROPN"}, index=-1)
    assert use_token_attributes(nlp) is True
    doc = nlp("a cat and a big dog")
    assert [(t.pos_, t.lemma_) for t in doc] == [
        ("", ""),
        ("NOUN", "pet"),
        ("", ""),
        ("", ""),
        ("", ""),
        ("PROPN", "hound"),
    ]


def test_lemmas_come_from_the_remembering_lemmatizer(models: tuple, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cached lemmatizer replaces the model's and gives its lemmas, also when its memory
    starts again between Docs (the every-token comparison above covers the lemmas at large)."""
    from storyline.analyse import lemmas

    plain, ours = models
    assert "lemmatizer" not in ours.pipe_names
    assert ours.pipe_names.index(lemmas.FACTORY) == plain.pipe_names.index("lemmatizer")
    monkeypatch.setattr(lemmas, "CACHE_LIMIT", 5)
    texts = [TRICKY, "The ministers were meeting; talks had been held. Better days are coming."]
    for _ in range(2):
        for a, b in zip(plain.pipe(texts), ours.pipe(texts), strict=True):
            assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
    assert len(ours.get_pipe(lemmas.FACTORY).known) <= 5 + len(ours(texts[1]))


def test_the_rule_caches_start_again_past_their_limit(models: tuple, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past ``CACHE_LIMIT`` distinct tokens the caches are emptied (a pool worker's memory stays
    bounded over a long run), and the annotations stay the model ruler's."""
    from storyline.analyse import attributes

    plain, ours = models
    monkeypatch.setattr(attributes, "CACHE_LIMIT", 5)
    component = ours.get_pipe(FACTORY)
    texts = [TRICKY, "The ministers were meeting; talks had been held. Better days are coming."]
    for _ in range(2):
        for a, b in zip(plain.pipe(texts), ours.pipe(texts), strict=True):
            assert (a.to_array(COLUMNS) == b.to_array(COLUMNS)).all()
    # emptied before the last Doc, so at most that Doc's distinct tokens remain
    n = len(ours(texts[1]))
    assert 0 < len(component._merged) <= n
    assert sum(len(g.seen) for g in component._groups) <= len(component._groups) * n
