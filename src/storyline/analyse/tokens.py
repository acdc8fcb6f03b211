"""Per-Doc lookups the analysis families share, built once and kept in ``doc.user_data``.

spaCy makes a new Python object for every ``doc[i]``, every token a loop over ``doc`` or
``tok.children`` yields, and every entity of ``doc.ents`` (which it rebuilds on each access):
a check run once per trigger or sentence that reaches for them pays that many times over. These
tables hold what such checks read: token attributes as plain lists (``column``), so a scan of the
whole article makes Tokens only where something may match, and each token's dependents.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .nlp import sentences

__all__ = [
    "Entities",
    "entities",
    "ents",
    "column",
    "offsets",
    "heads",
    "flags",
    "children",
    "subtree",
    "sent_of",
    "release",
]

#: ``column`` names and the attribute each reads (``Token.<name>_`` for the string ones).
_COLUMNS = {
    "text": "ORTH",
    "lower": "LOWER",
    "lemma": "LEMMA",
    "pos": "POS",
    "tag": "TAG",
    "dep": "DEP",
    "ent_type": "ENT_TYPE",
}

#: Where each column is kept in ``doc.user_data`` (made once: ``column`` is called per rule).
_COLUMN_KEYS = {name: f"storyline_column_{name}" for name in _COLUMNS}


def column(doc: Doc, name: str) -> list[str]:
    """``[t.<name>_ for t in doc]`` (``text`` for ``t.text``), built once per Doc from spaCy's
    array of the attribute, without making a Token per word."""
    key = _COLUMN_KEYS[name]
    got: list[str] | None = doc.user_data.get(key)
    if got is None:
        ids = doc.to_array(_COLUMNS[name]).tolist()
        strings = doc.vocab.strings
        names = {h: strings[h] for h in set(ids)}
        got = doc.user_data[key] = [names[h] for h in ids]
    return got


def offsets(doc: Doc) -> list[int]:
    """``[t.idx for t in doc]``: where each token starts in the text (ascending), built once."""
    got: list[int] | None = doc.user_data.get("storyline_offsets")
    if got is None:
        got = doc.user_data["storyline_offsets"] = doc.to_array("IDX").tolist()
    return got


def heads(doc: Doc) -> list[int]:
    """``[t.head.i for t in doc]``, built once per Doc (spaCy's array holds each head as an offset
    from its token, negative ones wrapped round as unsigned)."""
    got: list[int] | None = doc.user_data.get("storyline_heads")
    if got is None:
        rel = doc.to_array("HEAD").tolist()
        got = doc.user_data["storyline_heads"] = [
            i + (r - (1 << 64) if r >= 1 << 63 else r) for i, r in enumerate(rel)
        ]
    return got


def flags(doc: Doc, attr: str) -> list[bool]:
    """``[t.<attr> for t in doc]`` for a yes/no attribute spaCy's arrays hold ("IS_TITLE" for
    ``is_title``, "IS_ALPHA", "IS_STOP"; "ENT_IOB" gives whether an entity begins there), built
    once per Doc."""
    key = f"storyline_flags_{attr}"
    got: list[bool] | None = doc.user_data.get(key)
    if got is None:
        values = doc.to_array(attr).tolist()
        got = doc.user_data[key] = (
            [x == 3 for x in values] if attr == "ENT_IOB" else [bool(x) for x in values]
        )
    return got


def ents(doc: Doc) -> tuple[SpacySpan, ...]:
    """``doc.ents``, built once per Doc (spaCy makes every entity's Span anew on each access)."""
    got: tuple[SpacySpan, ...] | None = doc.user_data.get("storyline_ents")
    if got is None:
        got = doc.user_data["storyline_ents"] = tuple(doc.ents)
    return got


@dataclass(frozen=True)
class Entities:
    """The Doc's entities as token bounds, in order (entities never overlap, so both the starts
    and the ends ascend)."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def any_within(self, start: int, end: int) -> bool:
        """Whether an entity lies wholly inside tokens ``start`` to ``end`` (``Span.ents``
        non-empty): the first entity starting at or after ``start`` ends first."""
        k = bisect_left(self.starts, start)
        return k < len(self.starts) and self.ends[k] <= end


def entities(doc: Doc) -> Entities:
    """The Doc's entity bounds, built once per Doc."""
    got: Entities | None = doc.user_data.get("storyline_entity_bounds")
    if got is None:
        spans = ents(doc)
        got = doc.user_data["storyline_entity_bounds"] = Entities(
            tuple(e.start for e in spans), tuple(e.end for e in spans)
        )
    return got


def children(tok: Token) -> tuple[Token, ...]:
    """``tok.children``, made once per token: rules ask for a trigger's or a verb's dependents
    dozens of times over, and spaCy builds a new Token for each child on every pass.

    The Tokens are shared between calls, so compare them by value (``==``, ``.i``): ``is`` on
    two of them may now hold where it did not."""
    made: dict[int, tuple[Token, ...]] | None = tok.doc.user_data.get("storyline_children")
    if made is None:
        made = tok.doc.user_data["storyline_children"] = {}
    i = tok.i
    got = made.get(i)
    if got is None:
        got = made[i] = tuple(tok.children)
    return got


def subtree(tok: Token) -> tuple[Token, ...]:
    """``tok.subtree`` (the token and all its descendants, in order), made once per token."""
    made: dict[int, tuple[Token, ...]] | None = tok.doc.user_data.get("storyline_subtree")
    if made is None:
        made = tok.doc.user_data["storyline_subtree"] = {}
    i = tok.i
    got = made.get(i)
    if got is None:
        got = made[i] = tuple(tok.subtree)
    return got


def sent_of(tok: Token) -> SpacySpan:
    """``tok.sent``, from the Doc's cached sentences: spaCy's checks every token of the Doc for a
    sentence annotation on each call, which made per-token look-ups quadratic in article length."""
    sents = sentences(tok.doc)
    return sents.spans[sents.index_of(tok)]


def release(doc: Doc) -> None:
    """Drop every per-Doc lookup the analysis kept in ``doc.user_data``: some hold Tokens and
    Spans, which hold their Doc, so a Doc that kept them would be a reference cycle, freed (its
    tensor and arrays with it) only by the next full collection; a 200-article run made 16 of
    them, 3.9 s of its 41 s CPU."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith("storyline_")]:
        del doc.user_data[key]
