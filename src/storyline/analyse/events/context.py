"""Dates an event gets from its context rather than from its own clause.

News text dates one event and lets the next sentences lean on it: chronology-list headings
("Biden and Xi meet in Bali — November 14, 2022"), offsets from another event ("three days
later", "weeks after the pact was signed"), implied earlier events ("the first visit since
2019") and narrative time (a sentence in the simple past continues the time of the sentence
before it). Each rule writes a note saying where the date came from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from ...calendar_words import CHRONOLOGY_HEADING, heading_parts
from ...knowledge import load_knowledge
from ...model import Article, Mention, Span, TimeRef
from ..nlp import doc_text, paragraph_of, sentences
from ..time.dates import resolve
from ..time.tense import governing_verb
from ..time.timex import NUMBER_WORDS
from ..tokens import children, sent_of, subtree
from .args import MentionIndex
from .draft import Draft

__all__ = ["chronology", "background", "anchor_relative", "carry_over", "in_heading"]

_BLANK = re.compile(r"\s*")
#: "three days later", "just over a month after", "weeks before": amount, unit, direction.
_OFFSET = re.compile(
    r"(?i)^(?:(?:just\s+)?(?:over|under|about|nearly|almost|some)\s+)?"
    r"(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)?\s*"
    r"(?P<unit>day|week|month|year)s?(?:\s+(?P<dir>later|earlier|after|before))?$"
)
#: Words that keep the exact day of the sentence before ("Later that day, ...").
_SAME_DAY = re.compile(
    r"(?i)\b(?:later that (?:day|morning|afternoon|evening|night)|that (?:same )?(?:day|morning|afternoon"
    r"|evening|night)|the same day|later in the (?:day|morning|afternoon|evening)|hours later"
    r"|minutes later|shortly after(?:wards)?|soon after(?:wards)?|afterwards|straight (?:into|to|from)"
    r"|immediately|on arrival|upon (?:arriving|arrival|landing))\b"
)
#: How far narrative time reaches: the two sentences before, in the same paragraph. Checked on
#: the demo corpus and the seeds: a third sentence back is as often a new scene as the same one.
CARRY_SENTENCES = 2
#: With an explicit same-day word the antecedent may sit a few paragraphs up (quotes intervene);
#: set to cover a quote paragraph or two between the dated event and "Later that day".
SAME_DAY_PARAGRAPHS = 3
#: An undated event between the same two actors as a dated one this close is that event told
#: again ("held talks at the Great Hall" two paragraphs after "met on Monday").
SAME_PAIR_PARAGRAPHS = 3


def in_heading(text: str, pos: int) -> bool:
    """Whether ``pos`` lies on a chronology-list heading line: the heading dates its event later."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return CHRONOLOGY_HEADING.fullmatch(text[start : len(text) if end < 0 else end]) is not None


def chronology(article: Article, drafts: list[Draft]) -> None:
    """Date chronology-list items by their heading; record dates out of list order."""
    text = article.text
    previous: str | None = None
    for m in CHRONOLOGY_HEADING.finditer(text):
        _title, date_words, _ds, _de = heading_parts(m)
        r = resolve(date_words, None)
        if r.date is None:
            continue
        blank = _BLANK.match(text, m.end())  # past blank lines (never copies the rest of the text)
        body_start = blank.end() if blank else m.end()
        nl = text.find("\n", body_start)
        body_end = len(text) if nl < 0 else nl
        item = [d for d in drafts if m.start() <= d.trigger.idx < body_end]
        if not item:
            continue
        main = item[0]
        first = True
        for d in item[1:]:
            # the paragraph's first event of the heading's type retells the heading ("Sherman
            # held talks with Wang" under "US diplomat visits China"); later ones only when no
            # actor contradicts the heading's ("... a month after Pelosi visited Taiwan")
            if d.rule.type == main.rule.type and d.trigger.idx > m.end() and (first or _compatible(main, d)):
                first = False
                main.src, main.tgt = main.src or d.src, main.tgt or d.tgt
                if main.src and main.tgt and main.src.actor == main.tgt.actor:
                    main.tgt = d.tgt if d.tgt and d.tgt.actor != main.src.actor else None
                main.place, main.duration = main.place or d.place, main.duration or d.duration
                drafts.remove(d)
        for d in item[1:]:
            if d in drafts and d.time is not None and m.start() <= d.time.span.start < m.end():
                if d.trigger.idx > m.end() and _tells_the_day(d):
                    continue  # a simple-past act told in the body: dated below
                d.time = None  # the heading dates the item's main event, not every clause below it
                d.fixed = True
                d.notes.append(f"mentioned in the chronology item dated {r.date}; its own date is not stated")
        for d in item[1:]:
            if (
                d in drafts
                and not d.fixed
                and d.date is None
                and d.trigger.idx > m.end()
                and _tells_the_day(d)
            ):
                d.set_date(
                    r.date,
                    "day",
                    date_words,
                    "dated by its chronology item's heading: the item tells of that day",
                )
                d.fixed = True
        main.date, main.granularity, main.time, main.fixed = r.date, "day", None, True
        main.date_text = date_words
        main.spans = [(m.start(), m.end()), (body_start, body_end)]
        main.notes.append("dated by its chronology-list heading; the paragraph below is its evidence")
        if main.mode == "planned" and main.trigger.idx < m.end():
            main.mode = "happened"  # headline present tense ("Biden and Xi meet") reports the past
        if previous and r.date < previous:
            main.notes.append(
                f"stated date {r.date} comes after an item dated {previous} in a chronological list: "
                "the stated date may be wrong"
            )
        previous = r.date


#: Words that put a clause before or after the day its chronology item or sentence tells of.
_ELSEWHEN = frozenset(
    {
        "after",
        "before",
        "since",
        "previously",
        "earlier",
        "later",
        "until",
        "ago",
        "once",
        "amid",
        "amidst",
        "following",
    }
)


def _tells_the_day(d: Draft) -> bool:
    """A simple-past event told in a chronology item, not set before or after its day."""
    if d.mode != "happened" or not _simple_past(d) or d.trigger.dep_ == "attr":
        return False  # "It was the last visit until ...": a claim about the event, not its telling
    verb = d.trigger if d.trigger.pos_ in ("VERB", "AUX") else governing_verb(d.trigger)
    scope = [d.trigger, *d.trigger.ancestors, *(c for c in children(d.trigger) if c.dep_ == "prep")]
    if verb is not None:
        scope += [c for c in children(verb) if c.dep_ in ("advmod", "mark")]
    return not any(t.lower_ in _ELSEWHEN for t in scope)


def _compatible(main: Draft, d: Draft) -> bool:
    """No actor of ``d`` contradicts ``main``'s: each is missing or one of main's parties."""
    known = {m.actor for m in (main.src, main.tgt) if m is not None}
    if not known:
        return True
    return all(m is None or m.actor in known for m in (d.src, d.tgt)) or (
        main.tgt is None and d.src is not None and d.src.actor in known
    )


def background(
    drafts: list[Draft], anchors: dict[int, list[TimeRef]], index: MentionIndex, article: str, known: set[str]
) -> list[Draft]:
    """'the first visit since 2019' implies an earlier visit in 2019: date it as precisely as stated.

    The earlier event was by someone of the same class, not by this event's actor: "Marlowe's
    visit is the first cabinet-level Australian visit since 2020" says an Australian visited in
    2020, not Marlowe. A person is kept only when named in the event's own phrase ("Xi's first
    visit to the US since 2017", "their first meeting since 2019"); otherwise the class's state
    stands in ("Australian", "by an American secretary of state"), or no one.
    """
    out = []
    for d in drafts:
        for tr in anchors.get(d.trigger.i, []):
            how = tr.how or ""
            if tr.date and (how.startswith("since") or how.startswith("span of")):
                state = _class_state(d.trigger, tr, index, article, known)
                src, tgt = (_earlier_party(d.trigger, m, state) for m in (d.src, d.tgt))
                if src is None and state is not None and not (tgt and tgt.actor == state.actor):
                    src = state  # "the first Australian visit since 2020": Australians visited
                if tgt is not None and src is not None and tgt.actor == src.actor:
                    tgt = None
                b = Draft(d.trigger, d.rule, "happened", src, tgt, None, None, None, list(d.spans))
                b.date, b.granularity, b.date_text, b.fixed = tr.date, tr.granularity, tr.text, True
                b.notes.append(f"background: the previous such event, implied by '{tr.text}'")
                if (src, tgt) != (d.src, d.tgt):
                    b.notes.append("background: a person of this event is not the earlier event's actor")
                out.append(b)
    return out


_PERSONISH = ("person:", "unnamed:")


def _earlier_party(trigger: Token, m: Mention | None, state: Mention | None) -> Mention | None:
    """``m`` when it can be the earlier event's party; else the class's state (or None)."""
    if m is None or not (m.actor or "").startswith(_PERSONISH):
        return m
    if any(c.dep_ == "poss" or any(g.dep_ == "case" for g in children(c)) for c in children(trigger)):
        return m  # "his first visit since 2019", "their first meeting since": the same people
    phrase = {t.i for t in subtree(trigger)}
    span = trigger.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    if span is not None and len(span) and all(t.i in phrase for t in span) and span.root.pos_ == "PROPN":
        return m
    return state


def _class_state(
    trigger: Token, since: TimeRef, index: MentionIndex, article: str, known: set[str]
) -> Mention | None:
    """The state a class of actors in the trigger's phrase belongs to: "Australian", "U.S."."""
    kn = load_knowledge()
    for t in subtree(trigger):
        if since.span.start <= t.idx < since.span.end or t.dep_ in ("relcl", "acl"):
            continue
        m = index.covering(t.idx, t.idx + len(t))
        if m is not None and (m.actor or "").startswith("state:") and m.actor in known:
            return m
        c = kn.demonym(t.text) if t.pos_ in ("ADJ", "PROPN", "NOUN") else None
        if c is not None and f"state:{c.iso3}" in known:
            how = f"demonym of {c.iso3}"
            return Mention(Span(article, t.idx, t.idx + len(t)), t.text, "DEMONYM", f"state:{c.iso3}", how)
    return None


# --------------------------------------------------------------------------- offsets


def _offset(words: str, follow: str) -> tuple[int | None, str, int] | None:
    """(amount or None when vague, unit, +1 later / -1 earlier) for 'three days later' and kin."""
    m = _OFFSET.match(" ".join(words.split()).strip(" ,."))
    if not m:
        return None
    way = m.group("dir") or follow
    if way not in ("later", "earlier", "after", "before"):
        return None
    raw = (m.group("n") or "").lower()
    n = int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw)
    return n, m.group("unit").lower(), 1 if way in ("later", "after") else -1


def _shift(date: str, gran: str, n: int | None, unit: str, sign: int) -> tuple[str, str]:
    """``date`` moved by the offset, at the precision the offset allows."""
    base = dt.date.fromisoformat((date + "-01-01")[:10] if len(date) < 10 else date)
    if unit == "year":
        return str(base.year + sign * (n or 1)), "year"
    if unit == "month" or n is None or (unit == "week" and n > 2) or gran != "day":
        # vague amounts ("weeks after") or a month-precise anchor: the month is the honest precision
        days = {"day": 1, "week": 7, "month": 30}[unit] * (n or 2)
        moved = base + dt.timedelta(days=sign * days)
        return f"{moved.year}-{moved.month:02d}", "month"
    moved = base + dt.timedelta(days=sign * n * (7 if unit == "week" else 1))
    return moved.isoformat(), "day"


#: Offsets NER may miss as dates: "three days after", "two weeks later".
_OFFSET_TEXT = re.compile(
    r"(?i)\b(?:(?:just\s+)?(?:over|under|about|nearly|almost|some)\s+)?"
    r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)?\s*"
    r"(?:day|week|month|year)s?(?=\s+(?:later|earlier|after|before)\b)"
)
#: How every ``_OFFSET_TEXT`` match ends: an article without it (most) is spared the full scan,
#: which tries the optional number words at every word.
_OFFSET_END = re.compile(r"(?i)(?:day|week|month|year)s?(?=\s+(?:later|earlier|after|before)\b)")


def anchor_relative(
    doc: Doc, drafts: list[Draft], timerefs: list[TimeRef], references: dict[int, Draft]
) -> None:
    """Date events placed by an offset from another event.

    'The talks came a month after Pelosi visited Taiwan': the visit is the talks' date minus a
    month. 'Three days later, Canberra postponed the visit' and 'postponed three days after the
    standoff': the postponement is the date of the last day-dated event before it plus three days.
    """
    text = doc_text(doc)
    for start, end in _offsets(text, timerefs):
        follow = re.match(r"\s+(after|before|later|earlier)\b", text[end : end + 10])
        words = text[start:end]
        off = _offset(words, follow.group(1) if follow else "")
        if off is None:
            continue
        n, unit, sign = off
        words += f" {follow.group(1)}" if follow else ""
        clause_toks = _after_clause(doc, end + follow.end() if follow else None)
        clause = next((d for d in drafts if d.trigger.i in clause_toks and d.rule.type != "STATEMENT"), None)
        # "The talks came a month after ...": the talks were folded into the event they restate
        sent = doc.char_span(start, end, alignment_mode="expand")
        owner = _owner(doc, drafts, start, end, clause_toks) or (
            _live(references.get(sent_of(sent[0]).start_char), drafts)
            if sent is not None and len(sent)
            else None
        )
        if clause is not None and owner is not None and owner.when and owner is not clause:
            date, gran = _shift(owner.when, owner.when_granularity or "day", n, unit, -sign)
            if clause.date or (clause.time and not clause.inherited):
                continue  # its own stated date wins; a date cleared by a chronology heading does not
            clause.set_date(date, gran, words, f"dated relative to {owner.when}: '{words}'")
        elif owner is not None and not owner.fixed and (owner.when is None or owner.inherited):
            ref = _last_dated_before(drafts, owner, start)
            if ref is None or ref.when is None:
                continue
            date, gran = _shift(ref.when, "day", n, unit, sign)
            owner.set_date(date, gran, words, f"dated relative to the event of {ref.when}: '{words}'")


def _live(ref: Draft | None, drafts: list[Draft]) -> Draft | None:
    """The draft a back-reference points to, or the one that absorbed it: a chronology heading
    folds the item's first telling of its event into itself, or leaves it undated beside it ("The
    talks came a month after ...": the talks of the item's heading)."""
    if ref is None or (any(d is ref for d in drafts) and not (ref.fixed and ref.when is None)):
        return ref
    return next(
        (
            d
            for d in drafts
            if d is not ref
            and d.when is not None
            and d.rule.type == ref.rule.type
            and any(a <= ref.trigger.idx < b for a, b in d.spans[1:])
        ),
        ref,
    )


def _offsets(text: str, timerefs: list[TimeRef]) -> list[tuple[int, int]]:
    """Unresolved time expressions, and offsets the time scanner left out ('three days after')."""
    out = [(tr.span.start, tr.span.end) for tr in timerefs if tr.date is None]
    dated = [(tr.span.start, tr.span.end) for tr in timerefs if tr.date is not None]
    for m in _OFFSET_TEXT.finditer(text) if _OFFSET_END.search(text) else ():
        a, b = m.start(), m.end()
        if m.group().strip() and not any(s < b and a < e for s, e in out + dated):
            out.append((a + len(m.group()) - len(m.group().lstrip()), b))
    return sorted(out)


def _owner(doc: Doc, drafts: list[Draft], start: int, end: int, skip: set[int]) -> Draft | None:
    """The event whose clause the time expression modifies (not the clause after 'after')."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    cur: Token = span.root
    by_tok = {d.trigger.i: d for d in drafts}
    by_verb = {v.i: d for d in drafts if (v := governing_verb(d.trigger)) is not None}
    for _ in range(12):
        if cur not in span and cur.i not in skip:
            if cur.i in by_tok:
                return by_tok[cur.i]
            if cur.i in by_verb:
                return by_verb[cur.i]
        if cur.head is cur:
            return None
        cur = cur.head
    return None


def _after_clause(doc: Doc, after_end: int | None) -> set[int]:
    """Tokens of the clause after 'after'/'before' ('a month after Pelosi visited')."""
    if after_end is None:
        return set()
    word = doc.char_span(after_end - 6, after_end, alignment_mode="expand")
    if word is None or not len(word) or word[-1].lower_ not in ("after", "before"):
        return set()
    prep = word[-1]
    if prep.dep_ == "mark":  # "three days after a cutter detained": the clause is the mark's head
        return {t.i for t in subtree(prep.head)}
    return {t.i for t in subtree(prep)} - {prep.i}


def _last_dated_before(drafts: list[Draft], owner: Draft, pos: int) -> Draft | None:
    """The latest day-dated event that happened, mentioned before ``pos``: what 'later' counts from."""
    best = None
    for d in drafts:
        if d is owner or d.trigger.idx >= pos or d.mode != "happened" or d.when_granularity != "day":
            continue
        if any(n.startswith("background") for n in d.notes):
            continue
        if best is None or d.trigger.idx > best.trigger.idx:
            best = d
    return best


# --------------------------------------------------------------------------- narrative time


def _past(d: Draft) -> bool:
    """Any past form, reported speech included ('said Santoso had pressed for ...')."""
    verb = d.trigger if d.trigger.pos_ in ("VERB", "AUX") else governing_verb(d.trigger)
    return verb is not None and verb.tag_ in ("VBD", "VBN")


def _simple_past(d: Draft) -> bool:
    """Narrative clauses: 'shadowed', 'was postponed'; not 'has held', 'had been due', 'says'."""
    verb = d.trigger if d.trigger.pos_ in ("VERB", "AUX") else governing_verb(d.trigger)
    if verb is None:
        return False
    aux = {a.lemma_ for a in children(verb) if a.dep_ in ("aux", "auxpass")}
    if "have" in aux:
        return False
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and "be" in aux)


def carry_over(doc: Doc, drafts: list[Draft], references: dict[int, Draft]) -> None:
    """Give undated events the time of the sentences just before them (narrative time).

    A simple-past event with no time of its own continues the time of the last dated event of
    the same mode in the two sentences before it, in the same paragraph. Without a word that
    keeps the day ("later that day"), only the month is carried: the sentence may report what
    followed a day or a week later. A definite back-reference in the sentence ("after the
    meeting", ``references``: sentence start -> the event referred to) carries the full date.
    """
    sents = list(sentences(doc).spans)
    sent_of = {i: k for k, s in enumerate(sents) for i in range(s.start, s.end)}
    para_of = [paragraph_of(doc, s.start_char) for s in sents]
    for d in sorted(drafts, key=lambda x: x.trigger.i):
        if d.when is None and not d.fixed and d.mode == "cancelled":
            plan = _planned_in_sentence(d, drafts, sent_of)
            if plan is not None and plan.when:
                note = f"the date it had been planned for ({plan.when})"
                d.set_date(plan.when, plan.when_granularity or "day", None, note)
            continue
        if d.when is not None or d.fixed or d.mode not in ("happened", "planned"):
            continue
        k = sent_of[d.trigger.i]
        sent = sents[k]
        ref = _live(references.get(sent.start_char), drafts)
        if (
            ref is not None
            and ref.when
            and d.mode == "happened"
            and ref is not d
            and _past(d)
            and _tells_the_day(d)
        ):
            note = f"dated by the reference to the event of {ref.when}"
            d.set_date(ref.when, ref.when_granularity or "day", None, note)
            continue
        pair = _same_pair(d, drafts, k, sent_of, para_of)
        if pair is not None and pair.when:
            note = f"same participants as the event of {pair.when} just before: the same event"
            d.set_date(pair.when, pair.when_granularity or "day", None, note)
            continue
        if d.mode == "happened" and not _simple_past(d):
            continue
        mate = _same_sentence(d, drafts, k, sent_of)
        if mate is not None and mate.when:
            note = f"dated by the event of its own sentence ({mate.when})"
            d.set_date(mate.when, mate.when_granularity or "day", None, note)
            continue
        words = doc_text(doc)[sent.start_char : sent.end_char]  # ``sent.text``, without rebuilding it
        arrival = _arrival(d, drafts, words)
        if arrival is not None and arrival.when:
            note = f"'upon arriving': the day of the arrival ({arrival.when})"
            d.set_date(arrival.when, "day", None, note)
            continue
        same_day = bool(_SAME_DAY.search(words))
        prev = _antecedent(d, drafts, k, sent_of, para_of, same_day)
        if prev is None or prev.when is None:
            continue
        gran = prev.when_granularity or "day"
        date = prev.when
        # told as past narrative, the same person's next act is that day; an expectation ("is
        # expected to meet her counterpart" after "talks on Sunday and Monday") keeps the month
        scene = d.mode == "happened" and _shares_party(d, prev) and sent_of[prev.trigger.i] >= k - 1
        if gran == "day" and not same_day and not scene:
            date, gran = date[:7], "month"
        why = (
            "the same participants in the next sentence" if scene and not same_day else "the sentence before"
        )
        d.set_date(date, gran, None, f"date carried over from {why} (its event of {prev.when})")


#: "Upon arriving in Beijing, Blinken was greeted ...": the day of the arrival told before.
_ARRIVING = re.compile(r"(?i)\b(?:upon|on|after)\s+(?:arriving|arrival|landing)\b")
_ARRIVALS = frozenset({"arrive", "land", "reach"})


def _arrival(d: Draft, drafts: Iterable[Draft], sentence: str) -> Draft | None:
    if d.mode != "happened" or not _ARRIVING.search(sentence):
        return None
    before = [
        p
        for p in drafts
        if p.trigger.i < d.trigger.i
        and p.when_granularity == "day"
        and p.mode == "happened"
        and p.trigger.lemma_ in _ARRIVALS
    ]
    return max(before, key=lambda p: p.trigger.i) if before else None


def _planned_in_sentence(d: Draft, drafts: Iterable[Draft], sent_of: dict[int, int]) -> Draft | None:
    """'had been due to visit China in February, but called off his trip': the trip called off is
    the visit planned for February, told in the same sentence."""
    k = sent_of[d.trigger.i]
    return next(
        (
            p
            for p in drafts
            if p is not d
            and p.when is not None
            and p.rule.type == d.rule.type
            and p.mode in ("planned", "cancelled")
            and sent_of[p.trigger.i] == k
        ),
        None,
    )


def _shares_party(a: Draft, b: Draft) -> bool:
    """Both events name one person: the next sentence goes on with the same scene ("Blinken began
    meetings on Sunday. ... Qin greeted Blinken at the door"). States are named in nearly every
    sentence of a story, so a shared state says nothing of the scene."""
    ours = {m.actor for m in (a.src, a.tgt) if m is not None and (m.actor or "").startswith("person:")}
    theirs = {m.actor for m in (b.src, b.tgt) if m is not None and (m.actor or "").startswith("person:")}
    return bool(ours & theirs)


def _same_sentence(d: Draft, drafts: Iterable[Draft], k: int, sent_of: dict[int, int]) -> Draft | None:
    """'At a summit in Singapore this month, Li rebuffed a request': one sentence tells one time.

    The nearest dated event of the same mode in the sentence, when neither is set before or after
    the other ("after", "since", "earlier" in the undated one's clause) and the date is not a
    background one ("the first visit since 2019").
    """
    if d.mode != "happened" or not _tells_the_day(d):
        return None
    best = None
    for p in drafts:
        if p is d or p.when is None or p.mode != "happened" or sent_of[p.trigger.i] != k:
            continue
        if any(n.startswith("background") for n in p.notes) or p.fixed:
            continue
        if (p.time is not None and (p.time.how or "").startswith(("since", "span of"))) or not _simple_past(
            p
        ):
            continue
        if best is None or abs(p.trigger.i - d.trigger.i) < abs(best.trigger.i - d.trigger.i):
            best = p
    return best


def _same_pair(
    d: Draft, drafts: Iterable[Draft], k: int, sent_of: dict[int, int], para_of: list[int]
) -> Draft | None:
    """'Blinken met Xi on Monday. ... Blinken and Xi held talks at the Great Hall': one meeting.

    The latest dated event of the same type and mode between the same two actors (either way
    round), a few paragraphs up at most.
    """
    if d.src is None or d.tgt is None:
        return None
    pair = {d.src.actor, d.tgt.actor}
    best = None
    for p in drafts:
        kp = sent_of[p.trigger.i]
        if p.when is None or p.rule.type != d.rule.type or p.mode != d.mode or kp >= k:
            continue
        if p.src is None or p.tgt is None or {p.src.actor, p.tgt.actor} != pair:
            continue
        if para_of[k] - para_of[kp] > SAME_PAIR_PARAGRAPHS or any(
            n.startswith("background") for n in p.notes
        ):
            continue
        if best is None or p.trigger.i > best.trigger.i:
            best = p
    return best


def _antecedent(
    d: Draft,
    drafts: Iterable[Draft],
    k: int,
    sent_of: dict[int, int],
    para_of: list[int],
    same_day: bool,
) -> Draft | None:
    best = None
    for p in drafts:
        kp = sent_of[p.trigger.i]
        if p.when is None or p.mode != d.mode or kp >= k:
            continue
        if same_day and p.when_granularity != "day":
            continue
        if kp < k - CARRY_SENTENCES and not same_day:
            continue
        if any(n.startswith("background") for n in p.notes):
            continue
        near = para_of[k] - para_of[kp] <= SAME_DAY_PARAGRAPHS
        if para_of[kp] != para_of[k] and not ((same_day or _shares_party(d, p)) and near):
            continue
        if best is None or p.trigger.i > best.trigger.i:
            best = p
    return best
