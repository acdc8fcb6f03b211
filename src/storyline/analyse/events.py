"""Events: who did what to whom, when and where, typed in PLOVER/CAMEO.

Precision first: a verb trigger needs an actor or a date; a noun trigger ("a Wednesday phone
call between Qin and Blinken") needs a participant and a date or place, unless a light verb
carries it ("held talks") or a cancel verb names it ("postponed a February trip"). Definite
nouns that point back ("the 35-minute meeting") enrich the event they refer to rather than
adding a duplicate, and same-type events with the same actors and date are merged.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from ..model import Actor, Article, Event, Evidence, Mention, Span, TimeRef
from .dates import resolve
from .event_args import MentionIndex, arguments, duration_of, place_of
from .event_ontology import CANCEL_VERBS, Trigger, light_verbs, trigger_for
from .event_tense import governing_verb, mode_of

__all__ = ["extract_events"]

#: "Biden and Xi meet in Bali — November 14, 2022" on a line of its own: a chronology item.
_CHRONO = re.compile(
    r"^(?P<head>[^\n]{3,160}?)\s+[—–-]{1,2}\s+(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})[ \t]*$", re.M
)
_INHERIT = frozenset(
    {"advcl", "xcomp", "conj", "acl", "relcl", "pcomp", "prep", "pobj", "dobj", "nsubj", "nsubjpass"}
)
_BACK_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_NUMWORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "weeks": 0}


@dataclass
class _Draft:
    trigger: Token
    rule: Trigger
    mode: str
    src: Mention | None
    tgt: Mention | None
    time: TimeRef | None
    place: tuple[str, int, int] | None
    duration: str | None
    spans: list[tuple[int, int]]
    notes: list[str] = field(default_factory=list)
    date: str | None = None
    granularity: str | None = None
    end: str | None = None
    date_text: str | None = None


def extract_events(
    doc: Doc, article: Article, mentions: list[Mention], actors: list[Actor], timerefs: list[TimeRef]
) -> list[Event]:
    """Every event the article reports, with its evidence spans, date, place and mode."""
    index = MentionIndex(mentions)
    names = {a.id: a.name for a in actors}
    tref_at = _timeref_tokens(doc, timerefs)
    triggers = _find_triggers(doc, tref_at)
    anchors = _anchor_timerefs(doc, timerefs, triggers)
    drafts: list[_Draft] = []
    for tok, rule in triggers.items():
        d = _draft(tok, rule, index, tref_at, anchors, drafts)
        if d is not None:
            drafts.append(d)
    _chronology(article, doc, drafts)
    drafts += _background(drafts, anchors, index)
    _anchor_relative(article, doc, drafts, timerefs, anchors)
    return _finish(article, _merge(drafts), names)


# --------------------------------------------------------------------------- triggers


def _timeref_tokens(doc: Doc, timerefs: list[TimeRef]) -> dict[int, TimeRef]:
    out: dict[int, TimeRef] = {}
    for tr in timerefs:
        span = doc.char_span(tr.span.start, tr.span.end, alignment_mode="expand")
        for t in span or ():
            out[t.i] = tr
    return out


def _find_triggers(doc: Doc, tref_at: dict[int, TimeRef]) -> dict[Token, Trigger]:
    out = {}
    for tok in doc:
        if tok.i in tref_at:
            continue
        rule = trigger_for(tok)
        if rule is not None:
            out[tok] = rule
    return out


def _anchor_timerefs(
    doc: Doc, timerefs: list[TimeRef], triggers: dict[Token, Trigger]
) -> dict[int, list[TimeRef]]:
    """Token index of the trigger or verb each time expression attaches to -> its time expressions."""
    out: dict[int, list[TimeRef]] = {}
    for tr in timerefs:
        span = doc.char_span(tr.span.start, tr.span.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        cur = span.root.head
        for _ in range(12):
            if cur in triggers or cur.pos_ in ("VERB", "AUX") or cur.head is cur:
                break
            cur = cur.head
        out.setdefault(cur.i, []).append(tr)
    return out


def _draft(
    tok: Token,
    rule: Trigger,
    index: MentionIndex,
    tref_at: dict[int, TimeRef],
    anchors: dict[int, list[TimeRef]],
    prior: list[_Draft],
) -> _Draft | None:
    verb = tok if tok.pos_ in ("VERB", "AUX") else (governing_verb(tok) or tok)
    noun = tok is not verb
    carried = noun and (
        (tok.dep_ in ("dobj", "attr") and verb.lemma_ in light_verbs())
        or (verb.lemma_ in CANCEL_VERBS and tok.dep_ in ("dobj", "nsubjpass"))
        or (verb.lemma_ == "call" and tok.dep_ == "dobj")
    )
    if not noun and tok.lemma_ in light_verbs() and _known_nouns(tok):
        return None  # "held talks": the noun carries the event
    args = arguments(tok, verb, index)
    time, how = _time_for(tok, verb, anchors, tref_at)
    sent = tok.sent
    date_chars = {t.idx for t in sent if t.i in tref_at}
    place = place_of(tok, verb, index, date_chars)
    mode = mode_of(tok)
    if noun and mode == "happened" and verb.lemma_ in CANCEL_VERBS and carried:
        mode = "cancelled"
    d = _Draft(
        tok,
        rule,
        mode,
        args.source,
        args.target,
        time,
        place,
        duration_of(tok),
        [(sent.start_char, sent.end_char)],
        list(args.notes),
    )
    if how:
        d.notes.append(how)
    if rule.type == "STATEMENT" and rule.lemma in ("say", "tell") and not (time or place):
        return None  # undated quotes are the quotes stage's business
    if noun and not carried:
        definite = any(c.dep_ == "det" and c.lower_ in _BACK_DEFINITE for c in tok.children)
        if definite and not (args.source or args.target) and _enrich_previous(d, prior):
            return None
        if not ((time or place) and (args.source or args.target)):
            return None
    elif not (args.source or args.target or time):
        return None
    return d


def _known_nouns(tok: Token) -> set[Token]:
    return {c for c in tok.children if c.dep_ == "dobj" and trigger_for(c) is not None and c.pos_ == "NOUN"}


def _time_for(
    tok: Token, verb: Token, anchors: dict[int, list[TimeRef]], tref_at: dict[int, TimeRef]
) -> tuple[TimeRef | None, str | None]:
    """The time expression attached to the trigger, else to its verb, else inherited from above."""
    chain = [tok] if tok is verb else [tok, verb]
    cur = verb
    for _ in range(6):
        if cur.dep_ not in _INHERIT or cur.head is cur:
            break
        cur = cur.head
        chain.append(cur)
    for i, t in enumerate(chain):
        own = tref_at.get(t.i)  # "last year when Pelosi visited": the clause hangs off the date
        for tr in ([own] if own else []) + anchors.get(t.i, []):
            if tr.date is None or (tr.how or "").startswith(("since", "span of", "dateline")):
                continue
            return tr, None if i <= 1 else f"date inherited from the clause of '{t.text}'"
    return None, None


def _enrich_previous(d: _Draft, prior: list[_Draft]) -> bool:
    """Fold 'the 35-minute meeting' into the same-type event a sentence or two before."""
    for p in reversed(prior[-6:]):
        if p.rule.type == d.rule.type and d.trigger.i - p.trigger.i < 120:
            p.duration = p.duration or d.duration
            p.place = p.place or d.place
            p.spans += [s for s in d.spans if s not in p.spans]
            return True
    return False


# --------------------------------------------------------------------------- lists, background


def _chronology(article: Article, doc: Doc, drafts: list[_Draft]) -> None:
    """Date chronology-list items by their heading; record dates out of list order."""
    text = article.text
    previous: str | None = None
    for m in _CHRONO.finditer(text):
        r = resolve(m.group("date"), None)
        if r.date is None:
            continue
        body_start = m.end() + 1
        nl = text.find("\n", body_start)
        body_end = len(text) if nl < 0 else nl
        item = [d for d in drafts if m.start() <= d.trigger.idx < body_end]
        if not item:
            continue
        main = item[0]
        for d in item[1:]:
            if (
                d.trigger.idx < body_end
                and d.rule.type == main.rule.type
                and d.src
                and (main.src is None or d.src.actor == main.src.actor or d.tgt)
            ):
                main.src, main.tgt = main.src or d.src, main.tgt or d.tgt
                main.place, main.duration = main.place or d.place, main.duration or d.duration
                drafts.remove(d)
        for d in item[1:]:
            if d in drafts and d.time is not None and m.start() <= d.time.span.start < m.end():
                d.time = None  # the heading dates the item's main event, not every clause below it
                d.notes.append(f"mentioned in the chronology item dated {r.date}; its own date is not stated")
        main.date, main.granularity, main.time = r.date, "day", None
        main.date_text = m.group("date")
        main.spans = [(m.start(), m.end()), (body_start, body_end)]
        main.notes.append("dated by its chronology-list heading; the paragraph below is its evidence")
        if main.mode != "happened" and main.trigger.idx < m.end():
            main.mode = "happened"  # headline present tense ("Biden and Xi meet") reports the past
        if previous and r.date < previous:
            main.notes.append(
                f"stated date {r.date} comes after an item dated {previous} in a chronological list: "
                "the stated date may be wrong"
            )
        previous = r.date


def _background(drafts: list[_Draft], anchors: dict[int, list[TimeRef]], index: MentionIndex) -> list[_Draft]:
    """'the first visit since 2019' implies an earlier visit in 2019: date it as precisely as stated."""
    out = []
    for d in drafts:
        for tr in anchors.get(d.trigger.i, []):
            how = tr.how or ""
            if tr.date and (how.startswith("since") or how.startswith("span of")):
                b = _Draft(d.trigger, d.rule, "happened", d.src, None, None, None, None, list(d.spans))
                b.date, b.granularity, b.date_text = tr.date, tr.granularity, tr.text
                b.notes.append(f"background: the previous such event, implied by '{tr.text}'")
                out.append(b)
    return out


def _anchor_relative(
    article: Article,
    doc: Doc,
    drafts: list[_Draft],
    timerefs: list[TimeRef],
    anchors: dict[int, list[TimeRef]],
) -> None:
    """'The talks came just over a month after Pelosi visited Taiwan': date the visit from the talks."""
    text = article.text
    for tr in timerefs:
        if tr.date is not None:
            continue
        after = re.match(r"\s+(after|before)\b", text[tr.span.end : tr.span.end + 10])
        num = re.search(
            r"\b(a|an|one|two|three|four|five|six|weeks)\s*(day|week|month|year)?s?", tr.text.lower()
        )
        if not after or not num:
            continue
        main = next((d for d in drafts if d.date and d.spans[0][0] <= tr.span.start < d.spans[-1][1]), None)
        sub = next(
            (
                d
                for d in drafts
                if d is not main and d.date is None and tr.span.end < d.trigger.idx < tr.span.end + 200
            ),
            None,
        )
        if main is None or sub is None or main.date is None:
            continue
        unit = num.group(2) or "week"
        months = (_NUMWORDS.get(num.group(1), 1) if unit == "month" else 0) + (12 if unit == "year" else 0)
        base = dt.date.fromisoformat((main.date + "-01-01")[:10] if len(main.date) < 10 else main.date)
        if unit in ("day", "week"):
            base -= dt.timedelta(weeks=2)  # "weeks after": the month before is the honest granularity
        sign = -1 if after.group(1) == "after" else 1
        y, mo = divmod(base.year * 12 + base.month - 1 + sign * max(months, 0), 12)
        sub.date, sub.granularity, sub.date_text = f"{y}-{mo + 1:02d}", "month", f"{tr.text} {after.group(1)}"
        sub.notes.append(f"dated relative to {main.date}: '{tr.text} {after.group(1)}'")


# --------------------------------------------------------------------------- output


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    seen: dict[tuple[object, ...], _Draft] = {}
    out = []
    for d in drafts:
        date = d.date or (d.time.date if d.time else None)
        key = (d.rule.type, d.src.actor if d.src else None, d.tgt.actor if d.tgt else None, date, d.mode)
        if date is not None and key in seen and (d.src or d.tgt):
            keep = seen[key]
            keep.spans += [s for s in d.spans if s not in keep.spans]
            keep.place, keep.duration = keep.place or d.place, keep.duration or d.duration
            continue
        seen[key] = d
        out.append(d)
    return out


def _finish(article: Article, drafts: list[_Draft], names: dict[str, str]) -> list[Event]:
    text = article.text
    out = []
    for d in drafts:
        date, gran, end, date_text = d.date, d.granularity, d.end, d.date_text
        if date is None and d.time is not None:
            date, gran, end, date_text = d.time.date, d.time.granularity, d.time.end, d.time.text
        spans = sorted(set(d.spans))
        evidence = tuple(Evidence(article.id, s, e, text[s:e]) for s, e in spans)
        key = article.id + ":" + ";".join(f"{s}-{e}" for s, e in spans) + f":{d.trigger.idx}:{d.date or ''}"
        src = names.get(d.src.actor, d.src.text) if d.src and d.src.actor else None
        tgt = names.get(d.tgt.actor, d.tgt.text) if d.tgt and d.tgt.actor else None
        summary = " ".join(x for x in (src, d.trigger.text, tgt) if x)
        place_span = Span(article.id, d.place[1], d.place[2]) if d.place else None
        trig = Span(article.id, d.trigger.idx, d.trigger.idx + len(d.trigger))
        event = Event(
            id=hashlib.sha1(key.encode()).hexdigest()[:16],
            type=d.rule.type,
            source_actor=d.src.actor if d.src else None,
            target_actor=d.tgt.actor if d.tgt else None,
            date=date,
            granularity=gran,
            date_text=date_text,
            place=d.place[0] if d.place else None,
            intensity=d.rule.intensity,
            mode=d.mode,
            summary=summary,
            evidence=evidence,
            cameo=d.rule.cameo,
            notes=tuple(d.notes),
        )
        out.append(replace(event, end=end, place_span=place_span, duration=d.duration, trigger_span=trig))
    return sorted(out, key=lambda e: (e.evidence[0].start, e.trigger_span.start if e.trigger_span else 0))
