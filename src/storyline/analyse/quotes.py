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
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..model import Actor, Article, Mention, Quote, Span
from .doc_index import sentences
from .quote_cues import SPEECH_CUES, is_cue, speaker_phrase, speaker_token
from .quote_marks import Marked, find_marked
from .quote_speakers import Speaker, resolve_speaker

__all__ = ["extract_quotes", "unnamed_actors", "same_quote_key"]

# Words before a quote that make it a name, not speech: the so-called “China threat theory”.
_NAMING = frozenset(
    ["dubbed", "so-called", "called", "named", "nicknamed", "titled", "entitled", "headlined", "termed"]
)
_NAMING_LEMMAS = frozenset(["call", "dub", "name", "nickname", "term", "label", "brand", "know"])
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
    merged: bool = False  # a later paragraph of a quote that the first paragraph's quote now spans


def extract_quotes(doc: Doc, article: Article, mentions: list[Mention], actors: list[Actor]) -> list[Quote]:
    """Direct and indirect quotes of one article, in text order, speakers resolved."""
    text = article.text
    marked = find_marked(text)
    quoted = [(m.open_mark, m.close_mark + 1 if m.close_mark >= 0 else m.end) for m in marked]
    in_quote = _quoted_token_mask(doc, quoted)
    found = _direct(doc, text, marked, in_quote)
    found += _unmixed(_indirect(doc, in_quote, quoted), found)
    _resolve(found, mentions, actors, article.id)
    taken: set[str] = set()
    kept = [f for f in found if not f.merged and _speaker_of(f, found) is not None]
    out = [_to_quote(article, f, found, taken) for f in kept]
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
            # one quote, as the gold of quote corpora has it: the span runs over the paragraph
            # break and the re-opening mark
            found[first].end = max(found[first].end, found[k].end)
            found[k].merged = True
    # named things stay in the list (dropped at output: no speaker), so that the ``inherit``
    # indices of the quotes after them still point at the right quote
    return found


def _attribute(
    doc: Doc, text: str, m: Marked, in_quote: list[bool]
) -> tuple[Token, SpacySpan] | tuple[None, SpacySpan] | str | None:
    """The cue and speaker phrase of one quoted stretch; "name" for a named thing; None if none."""
    inside = doc.char_span(m.start, m.end, alignment_mode="expand")
    if inside is None or len(inside) == 0:
        return None
    before = doc[inside.start - 2] if inside.start >= 2 else None
    if before is not None and (before.lower_ in _NAMING or _names_a_thing(doc, inside.start - 2)):
        return "name"
    frame = _frame(doc, m, in_quote)
    linked = _governing_cue(inside, in_quote, m)
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


def _names_a_thing(doc: Doc, det: int) -> bool:
    """ "call it the “hungry season”": a naming verb, then a determiner right before the mark,
    names a thing; "called the fine “a disgrace”" (no determiner outside) is a quote."""
    if doc[det].lower_ not in ("the", "a", "an", "its", "their"):
        return False
    return any(doc[i].lemma_.lower() in _NAMING_LEMMAS for i in range(max(0, det - 3), det))


def _frame(doc: Doc, m: Marked, in_quote: list[bool]) -> list[Token]:
    """Unquoted tokens of the quote's sentences, plus the next sentence when the quote ends
    its own ("“…” / Austin said." split by the parser), within the paragraph, unless that
    sentence opens a quote of its own, whose attribution it then is."""
    end = m.close_mark + 1 if m.close_mark >= 0 else m.end
    sents = sentences(doc).overlapping(m.open_mark, end)
    if not sents:
        return []
    last = sents[-1]
    if last.end < len(doc) and last.end_char <= end + 2:
        following = doc[last.end].sent
        if not next((t for t in following if not t.is_space), following[0]).is_quote:
            sents.append(following)
    toks = [t for s in sents for t in s]
    return [t for t in toks if not in_quote[t.i] and m.para_start <= t.idx < m.para_end]


def _governing_cue(inside: SpacySpan, in_quote: list[bool], m: Marked) -> Token | None:
    """The nearest reporting verb above the quoted words in the parse: "urged … “…”".

    The climb passes through other quotes ("instead of “hyping” the “China threat theory”"),
    never out of the paragraph: the parser runs a sentence on into the next paragraph, whose
    "…,” said X" then names the wrong speaker.
    """
    for tok in inside:
        if not (inside.start <= tok.head.i < inside.end) or tok.head is tok:
            head = tok.head
            for _ in range(10):
                if not in_quote[head.i] and is_cue(head) and m.para_start <= head.idx < m.para_end:
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
        if in_quote[cue.i] or not is_cue(cue, SPEECH_CUES) or _unreal(cue) or _passive(cue):
            continue
        content = _content(doc, cue)
        if content is None or len(content) < 3:
            continue
        s, e = content.start_char, content.end_char
        if _quoted_share(s, e, quoted) >= _MAX_QUOTED_SHARE:
            continue
        tok = speaker_token(cue)
        inside = content.start <= tok.i < content.end if tok is not None else False
        if tok is None or in_quote[tok.i] or (inside and cue.dep_ != "parataxis"):
            continue
        out.append(_Found(s, e, False, cue, speaker_phrase(tok)))
    return out


def _unreal(cue: Token) -> bool:
    """Speech that has not happened: "plans to say", "would tell", "had to explain"."""
    return any(c.dep_ == "aux" and (c.lower_ == "to" or c.tag_ == "MD") for c in cue.children)


def _passive(cue: Token) -> bool:
    """The subject heard, not spoke: "was told that …", "Asked whether he would run, …"."""
    if any(c.dep_ == "auxpass" for c in cue.children):
        return True
    return (
        cue.tag_ == "VBN" and cue.dep_ in ("advcl", "acl") and not any(c.dep_ == "aux" for c in cue.children)
    )


def _content(doc: Doc, cue: Token) -> SpacySpan | None:
    """The reported words: the clausal complement of the cue, or the clause that
    "according to X" is attached to, without "that" and edge punctuation."""
    if cue.lower_ == "according":
        return _according_content(doc, cue)
    comps = [c for c in cue.children if c.dep_ == "ccomp"]
    comp = next((c for c in comps if c.i > cue.i and not _coordinated(cue, c)), None)
    if comp is None:
        comp = next((c for c in comps if _reported_before(c, cue)), None)
    if comp is None:
        span = _that_clause(doc, cue) or _parenthetical(doc, cue)
        return None if span is None else _trim(_in_paragraph(span, cue))
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
    return _trim(_in_paragraph(_without_setting(span, comp), cue))


def _according_content(doc: Doc, cue: Token) -> SpacySpan | None:
    """The clause "according to X" is set off from, before or after it in the sentence."""
    sent = cue.sent
    first, last = sent.start, sent.end
    while last > first and (doc[last - 1].is_punct or doc[last - 1].is_space):
        last -= 1  # "… attended.\n\n": the sentence's final stop and line break
    while first < last and (doc[first].is_punct or doc[first].is_space) and not doc[first].is_quote:
        first += 1
    toks = list(cue.subtree)
    lo, hi = toks[0].i, toks[-1].i + 1
    if hi >= last:
        span = doc[first:lo]
    elif lo <= first:
        span = doc[hi : sent.end]
    else:
        return None
    return _trim(_in_paragraph(span, cue))


def _coordinated(cue: Token, comp: Token) -> bool:
    """ "announced the trip, and by then officials were …": the parser made the next clause of a
    coordination the complement; a conjunction between the verb and the clause gives it away."""
    return any(t.dep_ == "cc" and t.head in (cue, comp) for t in cue.doc[cue.i + 1 : comp.left_edge.i])


# what may stand between a speech verb and "that" when the parser lost the complement:
# "said at the time that …", "told reporters on Monday that …"
_BEFORE_THAT = ("prep", "pobj", "npadvmod", "advmod", "dobj", "dative", "det", "amod", "compound", "poss")


def _that_clause(doc: Doc, cue: Token) -> SpacySpan | None:
    """ "X said at the time that …" parsed as a relative clause of "time": the words after the
    "that" that follows the verb's adjuncts, to the end of the sentence."""
    sent = cue.sent
    for i in range(cue.i + 1, min(sent.end, cue.i + 10)):
        tok = doc[i]
        if tok.lower_ == "that" and i > cue.i + 1 and tok.dep_ in ("mark", "advmod", "nsubj", "det", "dobj"):
            if i + 1 < sent.end and doc[i + 1].pos_ in ("DET", "PROPN", "NOUN", "PRON", "NUM", "ADJ"):
                return doc[i + 1 : sent.end]
            return None
        if tok.dep_ not in _BEFORE_THAT or tok.is_punct:
            return None
    return None


def _parenthetical(doc: Doc, cue: Token) -> SpacySpan | None:
    """ "If the talks fail, Lee said, nobody will notice": a cue set off by commas inside the
    clause it reports. The reported words are the clause after it when that clause has its own
    subject, else the whole clause, the attribution inside it ("The plan, Lee said, would cost
    $2bn": a span has to be contiguous)."""
    if cue.dep_ != "parataxis" or cue.head.pos_ not in ("VERB", "AUX"):
        return None
    clause = cue.head
    right = max(t.i for t in cue.subtree)
    if clause.i < cue.i or right + 1 >= len(doc) or (doc[right].text != "," and doc[right + 1].text != ","):
        return None
    after = right + 1 if doc[right].text == "," else right + 2
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is not None and subj.i >= after:
        return doc[after : clause.right_edge.i + 1]
    return doc[clause.left_edge.i : clause.right_edge.i + 1]


# adjuncts the parser hangs on the reported clause that belong to the telling:
# "told X that …, during a meeting at the palace"
_SETTING = frozenset(["during", "at", "after", "before", "on", "in", "while", "amid"])


def _without_setting(span: SpacySpan, comp: Token) -> SpacySpan:
    """Cut a trailing ", during a 75-minute meeting …" off the reported words."""
    doc = span.doc
    for child in comp.rights:
        if (
            child.dep_ == "prep"
            and child.lower_ in _SETTING
            and span.start < child.i - 1
            and doc[child.i - 1].text == ","
            and child.right_edge.i + 1 >= span.end - 1
        ):
            return doc[span.start : child.i - 1]
    return span


def _unmixed(indirect: list[_Found], direct: list[_Found]) -> list[_Found]:
    """A mixed quote (“… said the deal was “long overdue””) is one quote: the quoted words,
    with the cue and speaker they share. The indirect reading around them is dropped, except
    for coordinated clauses holding no quoted words ("said X had raised it “more than once”
    and had pressed for …"), which stay indirect quotes of their own."""
    out: list[_Found] = []
    for f in indirect:
        inner = [d.start for d in direct if d.cue is not None and f.cue is not None and d.cue.i == f.cue.i]
        if not any(f.start <= s < f.end for s in inner):
            out.append(f)
            continue
        assert f.cue is not None
        for piece in _clauses(f.cue.doc, f.start, f.end):
            if not any(piece.start_char <= s < piece.end_char for s in inner) and len(piece) >= 3:
                out.append(_Found(piece.start_char, piece.end_char, False, f.cue, f.phrase))
    return out


def _clauses(doc: Doc, start: int, end: int) -> list[SpacySpan]:
    """The coordinated clauses of reported words: the root's clause and each verb conjoined to it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return []
    root = span.root
    conjs = [c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > root.i]
    if not conjs:
        return [span]
    bounds = [span.start, *(max(span.start, c.left_edge.i) for c in conjs), span.end]
    out = []
    for lo, hi in itertools.pairwise(bounds):
        while lo < hi and (doc[lo].dep_ in ("cc", "mark", "punct") or doc[lo].lower_ == "that"):
            lo += 1
        while hi > lo and (doc[hi - 1].dep_ in ("cc", "punct") and not doc[hi - 1].is_quote):
            hi -= 1
        if hi > lo:
            out.append(doc[lo:hi])
    return out


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


def _resolve(found: list[_Found], mentions: list[Mention], actors: list[Actor], article: str) -> None:
    """Resolve speakers in the order they are written, so "he" finds the speaker before it."""
    order = sorted((f for f in found if f.phrase is not None), key=lambda f: f.phrase.start_char)  # type: ignore[union-attr]
    previous: list[Speaker] = []
    for f in order:
        assert f.phrase is not None
        f.speaker = resolve_speaker(f.phrase, mentions, actors, previous, article=article)
        previous.append(f.speaker)


def _speaker_of(f: _Found, found: list[_Found]) -> _Found | None:
    seen = 0
    while f.speaker is None and f.inherit is not None and f.inherit >= 0 and seen < len(found):
        f = found[f.inherit]
        seen += 1
    return f if f.speaker is not None else None


def _quote_id(article: Article, f: _Found, taken: set[str]) -> str:
    """A stable id from where the quote is and which cue reports it (two indirect quotes may
    start at one offset: "officials said and the ministry confirmed that …"); a counter keeps
    it unique within the article should everything still agree."""
    cue = "" if f.cue is None else f.cue.idx
    key = f"{article.id}:{f.start}:{f.end}:{'d' if f.direct else 'i'}:{cue}"
    for n in itertools.count():
        qid = hashlib.sha1((key if n == 0 else f"{key}#{n}").encode()).hexdigest()[:12]
        if qid not in taken:
            taken.add(qid)
            return qid
    raise AssertionError("unreachable")


def _to_quote(article: Article, f: _Found, found: list[_Found], taken: set[str]) -> Quote:
    src = _speaker_of(f, found)
    assert src is not None and src.speaker is not None
    sp = src.speaker
    cue = src.cue
    qid = _quote_id(article, f, taken)
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
