"""Who said what: direct and indirect quotes with their speakers.

Direct quotes are found by their marks (``quote_marks``), then attributed through the parse:
the reporting verb that governs the quoted words, else the nearest reporting verb in the
quote's sentence, else "Name: “…”" (headlines), else the previous quote's speaker when the
quote is a further sentence of the same speech (split quotes, multi-paragraph quotes). A
quoted stretch nobody is said to have said (a scare quote, a title) is not a quote.
Indirect quotes are the clausal complements of speech verbs ("X said (that) …") and the
clause "according to X" hangs off. Speakers are resolved by ``quote_speakers``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..model import Actor, Article, Mention, Quote, Span
from .quote_cues import SPEECH_CUES, is_cue, speaker_phrase, speaker_token
from .quote_marks import Marked, find_marked
from .quote_speakers import Speaker, resolve_speaker

__all__ = ["extract_quotes", "unnamed_actors", "same_quote_key"]

# Words before a quote that make it a name, not speech: the so-called “China threat theory”.
_NAMING = frozenset(
    ["dubbed", "so-called", "called", "named", "nicknamed", "titled", "entitled", "headlined", "termed"]
)
# An indirect quote overlapping quoted words this much is the direct quote read again.
# Tuned on the seeds: "“…,” Austin said" parses the quote as the complement of "said" (100 %),
# "said he had stressed … “direct engagement …”" keeps a partial quote inside (under 40 %).
_MAX_QUOTED_SHARE = 0.5


@dataclass
class _Found:
    start: int
    end: int
    direct: bool
    cue: Token | None = None
    phrase: SpacySpan | None = None
    inherit: int | None = None  # index of the found quote whose speaker this one shares
    speaker: Speaker | None = None


def extract_quotes(doc: Doc, article: Article, mentions: list[Mention], actors: list[Actor]) -> list[Quote]:
    """Direct and indirect quotes of one article, in text order, speakers resolved."""
    text = article.text
    marked = find_marked(text)
    quoted = [(m.open_mark, m.close_mark + 1 if m.close_mark >= 0 else m.end) for m in marked]
    in_quote = _quoted_token_mask(doc, quoted)
    found = _direct(doc, text, marked, in_quote)
    found += _indirect(doc, in_quote, quoted)
    _resolve(found, mentions, actors)
    out = [_to_quote(article, f, found) for f in found if _speaker_of(f, found) is not None]
    out.sort(key=lambda q: (q.start, not q.direct))
    return out


def unnamed_actors(quotes: Sequence[Quote], known: Sequence[Actor] = ()) -> list[Actor]:
    """Actors for speakers no mention produced: unnamed sources and names the NER missed.

    ``analyse`` adds these to the article's actors so every ``Quote.speaker`` resolves.
    """
    have = {a.id for a in known}
    out: dict[str, Actor] = {}
    for q in quotes:
        if q.speaker is None or q.speaker in have or q.speaker in out:
            continue
        unnamed = q.speaker.startswith("unnamed:")
        kind = "unnamed" if unnamed else {"per": "person", "org": "organisation"}.get(q.speaker[:3], "person")
        name = q.speaker_name or q.speaker
        spans = tuple(qq.speaker_span for qq in quotes if qq.speaker == q.speaker and qq.speaker_span)
        out[q.speaker] = Actor(
            id=q.speaker,
            name=name,
            kind=kind,
            aliases=(name,),
            mentions=spans,
            notes=("described, not named, as the source of a quote",) if unnamed else (),
        )
    return list(out.values())


def same_quote_key(quote: Quote) -> str:
    """Normalised words of a quote, for fusion: wire copies and two outlets quoting one press
    conference differ in marks, case and trailing punctuation only."""
    words = "".join(c.lower() if c.isalnum() else " " for c in quote.text.replace("’", "'")).split()
    return " ".join(words)


# --------------------------------------------------------------------------- direct quotes


def _direct(doc: Doc, text: str, marked: list[Marked], in_quote: list[bool]) -> list[_Found]:
    found: list[_Found] = []
    for k, m in enumerate(marked):
        f = _Found(m.start, m.end, True)
        attributed = _attribute(doc, text, m, in_quote)
        if attributed is None:
            f.inherit = _inherit_from(text, marked, k, found)
        elif isinstance(attributed, str):  # a named thing, not speech
            f.inherit = -1
        else:
            f.cue, f.phrase = attributed
        found.append(f)
    # a multi-paragraph quote has one speaker, named in whichever paragraph names it
    for k, m in enumerate(marked):
        if m.continues >= 0:
            first = _chain_root(marked, k)
            if found[first].phrase is None and found[k].phrase is not None:
                found[first].cue, found[first].phrase, found[first].inherit = (
                    found[k].cue,
                    found[k].phrase,
                    None,
                )
            if found[k].phrase is None:
                found[k].inherit = first
    return [f for f in found if f.inherit != -1]


def _attribute(
    doc: Doc, text: str, m: Marked, in_quote: list[bool]
) -> tuple[Token, SpacySpan] | tuple[None, SpacySpan] | str | None:
    """The cue and speaker phrase of one quoted stretch; "name" for a named thing; None if none."""
    inside = doc.char_span(m.start, m.end, alignment_mode="expand")
    if inside is None or len(inside) == 0:
        return None
    before = doc[inside.start - 2] if inside.start >= 2 else None
    if before is not None and before.lower_ in _NAMING:
        return "name"
    frame = _frame(doc, m, in_quote)
    linked = _governing_cue(inside, in_quote)
    cues = [t for t in frame if is_cue(t)]
    ordered = ([linked] if linked is not None else []) + sorted(
        (c for c in cues if c is not linked), key=lambda c: _distance(c, inside)
    )
    for cue in ordered:
        tok = speaker_token(cue)
        if tok is not None and not in_quote[tok.i]:
            return cue, speaker_phrase(tok)
    colon = _colon_speaker(doc, text, m, inside)
    if colon is not None:
        return None, colon
    return None


def _frame(doc: Doc, m: Marked, in_quote: list[bool]) -> list[Token]:
    """Unquoted tokens of the quote's sentences, plus the next sentence when the quote ends
    its own ("“…” / Austin said." split by the parser), within the paragraph."""
    end = m.close_mark + 1 if m.close_mark >= 0 else m.end
    sents = [s for s in doc.sents if s.end_char > m.open_mark and s.start_char < end]
    if not sents:
        return []
    last = sents[-1]
    if last.end < len(doc) and last.end_char <= end + 2:
        sents.append(doc[last.end].sent)
    toks = [t for s in sents for t in s]
    return [t for t in toks if not in_quote[t.i] and m.para_start <= t.idx < m.para_end]


def _governing_cue(inside: SpacySpan, in_quote: list[bool]) -> Token | None:
    """The nearest reporting verb above the quoted words in the parse: "urged … “…”".

    The climb passes through other quotes ("instead of “hyping” the “China threat theory”").
    """
    for tok in inside:
        if not (inside.start <= tok.head.i < inside.end) or tok.head is tok:
            head = tok.head
            for _ in range(10):
                if not in_quote[head.i] and is_cue(head):
                    return head
                if head.head is head:
                    break
                head = head.head
    return None


def _distance(cue: Token, inside: SpacySpan) -> int:
    return inside.start - cue.i if cue.i < inside.start else cue.i - inside.end


def _colon_speaker(doc: Doc, text: str, m: Marked, inside: SpacySpan) -> SpacySpan | None:
    """Headline and caption form: "Xi: “…”" or "Blinken says: …" with no verb parsed."""
    lead = text[m.para_start : m.open_mark].rstrip()
    if not lead.endswith(":") or len(lead.split()) > 6:
        return None
    span = doc.char_span(m.para_start, m.para_start + len(lead) - 1, alignment_mode="expand")
    if span is None or len(span) == 0 or not span[-1].text[:1].isupper():
        return None
    # headlines defeat the tagger ("Lopez" comes out an adjective): take the capitalised lead
    return span if span.root.pos_ not in ("NOUN", "PROPN") else speaker_phrase(span.root)


def _inherit_from(text: str, marked: list[Marked], k: int, found: list[_Found]) -> int | None:
    """A further sentence of the previous quote's speech shares its speaker.

    Only a quote that is a sentence (capitalised) qualifies, and only when the previous
    quote is in the same paragraph, or ends the paragraph before one that is all quote.
    """
    m = marked[k]
    if m.continues >= 0 or k == 0 or not text[m.start].isupper():
        return None
    prev = marked[k - 1]
    if found[k - 1].phrase is None and found[k - 1].inherit is None:
        return None
    same_para = prev.para_start == m.para_start
    whole_para = not text[m.para_start : m.open_mark].strip() and not _after(text, m).strip()
    follows = prev.para_end < m.para_start and not text[prev.para_end : m.para_start].strip()
    if same_para or (whole_para and follows and not _after(text, prev).strip()):
        return k - 1
    return None


def _after(text: str, m: Marked) -> str:
    return text[m.close_mark + 1 : m.para_end] if m.close_mark >= 0 else ""


def _chain_root(marked: list[Marked], k: int) -> int:
    while marked[k].continues >= 0:
        k = marked[k].continues
    return k


# --------------------------------------------------------------------------- indirect quotes


def _indirect(doc: Doc, in_quote: list[bool], quoted: list[tuple[int, int]]) -> list[_Found]:
    out: list[_Found] = []
    for cue in doc:
        if in_quote[cue.i] or not is_cue(cue, SPEECH_CUES) or _unreal(cue):
            continue
        content = _content(doc, cue)
        if content is None or len(content) < 3:
            continue
        s, e = content.start_char, content.end_char
        if _quoted_share(s, e, quoted) >= _MAX_QUOTED_SHARE:
            continue
        tok = speaker_token(cue)
        if tok is None or in_quote[tok.i] or content.start <= tok.i < content.end:
            continue
        out.append(_Found(s, e, False, cue, speaker_phrase(tok)))
    return out


def _unreal(cue: Token) -> bool:
    """Speech that has not happened: "plans to say", "would tell", "had to explain"."""
    return any(c.dep_ == "aux" and (c.lower_ == "to" or c.tag_ == "MD") for c in cue.children)


def _content(doc: Doc, cue: Token) -> SpacySpan | None:
    """The reported words: the clausal complement of the cue, or the clause that
    "according to X" is attached to, without "that" and edge punctuation."""
    if cue.lower_ == "according":
        sent = cue.sent
        prep = cue.subtree
        toks = list(prep)
        lo, hi = toks[0].i, toks[-1].i + 1
        if hi >= sent.end - 1:
            span = doc[sent.start : lo]
        elif lo <= sent.start:
            span = doc[hi : sent.end]
        else:
            return None
        return _trim(_in_paragraph(span, cue))
    comps = [c for c in cue.children if c.dep_ == "ccomp"]
    comp = next((c for c in comps if c.i > cue.i), None)
    if comp is None:
        comp = next((c for c in comps if _reported_before(c, cue)), None)
    if comp is None:
        return None
    lo, hi = comp.left_edge.i, comp.right_edge.i + 1
    if comp.i > cue.i:
        lo = max(lo, cue.i + 1)
    else:
        hi = min(hi, cue.i)
    span = doc[lo:hi]
    if len(span) and span[0].lower_ == "that" and span[0].dep_ == "mark":
        span = doc[lo + 1 : hi]
    if len(span) and span[0].tag_ in ("WRB", "WP", "WDT") and cue.lemma_ != "ask":
        return None  # "explain why …", "know what …": not what was said
    return _trim(_in_paragraph(span, cue))


def _reported_before(comp: Token, cue: Token) -> bool:
    """A complement before its cue is reported only when a comma sets the attribution off:
    "…, a senior official said." / "That, Dollar said, could …" (not "…: officials said …")."""
    right = comp.right_edge.i
    return (right + 1 < cue.i and cue.doc[right + 1].text == ",") or cue.doc[right].text == ","


def _in_paragraph(span: SpacySpan, cue: Token) -> SpacySpan:
    """Clip to the cue's paragraph: the parser runs sentences across headings and line breaks."""
    doc = span.doc
    lo, hi = span.start, span.end
    for i in range(cue.i - 1, lo - 1, -1):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            lo = i + 1
            break
    for i in range(cue.i, hi):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            hi = i + 1 if "\n" not in doc[i].text else i
            break
    return doc[lo:hi]


def _trim(span: SpacySpan) -> SpacySpan | None:
    doc = span.doc
    lo, hi = span.start, span.end
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space) and doc[lo].text not in '“"‘':
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space) and doc[hi - 1].text not in '”"’':
        hi -= 1
    return doc[lo:hi] if hi > lo else None


def _quoted_share(s: int, e: int, quoted: list[tuple[int, int]]) -> float:
    covered = sum(max(0, min(e, qe) - max(s, qs)) for qs, qe in quoted)
    return covered / max(1, e - s)


# --------------------------------------------------------------------------- speakers, output


def _quoted_token_mask(doc: Doc, quoted: list[tuple[int, int]]) -> list[bool]:
    mask = [False] * len(doc)
    for qs, qe in quoted:
        span = doc.char_span(qs, qe, alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                mask[i] = True
    return mask


def _resolve(found: list[_Found], mentions: list[Mention], actors: list[Actor]) -> None:
    """Resolve speakers in the order they are written, so "he" finds the speaker before it."""
    order = sorted((f for f in found if f.phrase is not None), key=lambda f: f.phrase.start_char)  # type: ignore[union-attr]
    previous: list[Speaker] = []
    for f in order:
        assert f.phrase is not None
        f.speaker = resolve_speaker(f.phrase, mentions, actors, previous)
        previous.append(f.speaker)


def _speaker_of(f: _Found, found: list[_Found]) -> _Found | None:
    seen = 0
    while f.speaker is None and f.inherit is not None and f.inherit >= 0 and seen < len(found):
        f = found[f.inherit]
        seen += 1
    return f if f.speaker is not None else None


def _to_quote(article: Article, f: _Found, found: list[_Found]) -> Quote:
    src = _speaker_of(f, found)
    assert src is not None and src.speaker is not None
    sp = src.speaker
    cue = src.cue
    qid = hashlib.sha1(f"{article.id}:{f.start}:{'d' if f.direct else 'i'}".encode()).hexdigest()[:12]
    return Quote(
        id=qid,
        article=article.id,
        start=f.start,
        end=f.end,
        text=article.text[f.start : f.end],
        speaker=sp.actor,
        speaker_name=sp.name,
        cue=None if cue is None else ("according to" if cue.lower_ == "according" else cue.lemma_.lower()),
        direct=f.direct,
        cue_span=None if cue is None else Span(article.id, cue.idx, cue.idx + len(cue.text)),
        speaker_span=Span(article.id, sp.start, sp.end),
    )
