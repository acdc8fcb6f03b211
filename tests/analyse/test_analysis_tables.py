"""The speed-ups' building blocks: regex gates and per-Doc tables give the same answers as the
slow forms they replace."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from storyline.analyse.events.classify import features
from storyline.analyse.events.modality import modal_request
from storyline.analyse.events.ontology import may_trigger, trigger_for
from storyline.analyse.gates import can_start, first_chars, longest_first, quote_s_within
from storyline.analyse.quotes.cues import SPEECH_CUES, is_cue, may_be_cue
from storyline.analyse.time.dates import _CAN_START, TIME_FORMS, TIME_PATTERN
from storyline.analyse.tokens import children, column, entities, ents, flags, heads, offsets, sent_of, subtree


def test_first_chars_is_a_lookahead_on_the_words_first_letters() -> None:
    assert first_chars(["Mali", "Chad", "Mexico", "[x]"]) == r"(?=[CM\[])"
    assert first_chars([]) == "(?!)"
    pat = re.compile(first_chars(["Chad", "Mali"]) + "(?:Chad|Mali)")
    assert [m.group() for m in pat.finditer("Mali and Chad, not mali")] == ["Mali", "Chad"]


def test_longest_first_matches_as_the_sorted_alternation() -> None:
    words = {
        "Iran",
        "Iraq",
        "Ira",
        "U.S.",
        "US",
        "USA",
        "United States",
        "United Kingdom",
        "Niger",
        "Nigeria",
        "",
    }
    assert re.fullmatch(longest_first(["Iran", "Iraq"]), "Iraq")
    plain = "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"
    text = "Iraq, Iran and Ira; USA-US U.S.A. United Kingdoms Nigerian Niger's Unite Irq"
    for tmpl in (r"\b{}\b", r"(?<![\w.]){}(?![\w])", r"({})\s?[-–]\s?({})", r"{}['’]s"):
        old = re.compile(tmpl.format(plain, plain))
        new = re.compile(tmpl.format(longest_first(words), longest_first(words)))
        assert [(m.span(), m.groups()) for m in new.finditer(text)] == [
            (m.span(), m.groups()) for m in old.finditer(text)
        ]


def test_quote_s_within_needs_an_apostrophe_s_within_a_words_length() -> None:
    gate = quote_s_within(["Chad", "Burkina Faso"])
    assert gate == r"(?=[\s\S]{4,12}?['’][sS])"
    assert re.match(gate, "Chad's army")
    assert re.match(gate, "Burkina Faso’s army")
    assert not re.match(gate, "Burkina Faso army's")  # 13 characters on: too far for any name
    assert quote_s_within([]) == "(?!)"


#: Strings where an expression starts mid-word or mid-number ("chocolate May" -> "late May",
#: "123 March" -> "23 March") or at a capital inside a word: the gate must let all of them through.
_TRICKY = (
    "chocolate May 3, said on Tuesday, March 5, 2021 at 10:48 pm ET; OMarch 5 and 123 March; "
    "in the mid-1990s, the early '80s, for months, within hours, the end of May, since late 2019, "
    "Q3 2022, 2019-2021, 10/20/2000 20:02, 1998-01-08 18:30, theend of June, Xmas, New Year's Day, "
    "the past five years, three-day, yesterday morning, next week, TuesdayMarch 4, dateline 0735 GMT"
)


def test_can_start_reads_a_patterns_first_characters() -> None:
    assert can_start(r"\b(?:the\s+)?(?:early|late)\b") == r"(?=[elt])"
    assert can_start(r"(?i:\bQ[1-4])|\d+") == r"(?=[\d]|(?i:[Q]))"
    assert can_start(r"(?<=\bfor )(?!x)(?:a|b)?c") == r"(?=[abc])"
    # what it cannot be sure of gets no gate
    assert can_start(r"(?:the)?\b") == ""  # may match nothing
    assert can_start(r"[^a]x") == ""
    assert can_start(r".x") == ""
    assert can_start(r"(?a:\w)") == ""


def test_can_start_gates_change_no_match() -> None:
    for form in TIME_FORMS:
        gated, plain = re.compile(can_start(form) + form), re.compile(form)
        assert [m.span() for m in gated.finditer(_TRICKY)] == [m.span() for m in plain.finditer(_TRICKY)]


def test_time_pattern_gate_changes_no_match() -> None:
    assert TIME_PATTERN.pattern.startswith(_CAN_START)
    ungated = re.compile("(?:" + "|".join(TIME_FORMS) + ")")
    found = [m.span() for m in TIME_PATTERN.finditer(_TRICKY)]
    assert found == [m.span() for m in ungated.finditer(_TRICKY)]
    assert _TRICKY[slice(*found[0])] == "late May"  # mid-word


def test_entities_any_within_matches_span_ents(nlp: Language) -> None:
    doc = nlp("Antony Blinken met Wang Yi in Beijing. Nothing else happened. Then Paris called.")
    ents = entities(doc)
    assert (ents.starts, ents.ends) == (tuple(e.start for e in doc.ents), tuple(e.end for e in doc.ents))
    for sent in doc.sents:
        assert ents.any_within(sent.start, sent.end) == bool(sent.ents)
    assert [ents.any_within(s.start, s.end) for s in doc.sents] == [True, False, True]
    assert entities(doc) is ents  # built once


_SENTENCE = "Mr. Blinken met Wang Yi in Beijing on Tuesday.\n\nChina test-fired a missile, officials said."


def test_columns_hold_each_tokens_attribute_strings(nlp: Language) -> None:
    doc = nlp(_SENTENCE)
    assert column(doc, "text")[:5] == ["Mr.", "Blinken", "met", "Wang", "Yi"]
    assert column(doc, "lemma")[2] == "meet"
    assert column(doc, "pos")[2] == "VERB"
    assert column(doc, "ent_type")[3:5] == ["PERSON", "PERSON"]
    for name in ("text", "lower", "lemma", "pos", "tag", "dep", "ent_type"):
        attr = "text" if name == "text" else name + "_"
        assert column(doc, name) == [getattr(t, attr) for t in doc]
    assert flags(doc, "IS_TITLE") == [t.is_title for t in doc]
    assert flags(doc, "IS_ALPHA") == [t.is_alpha for t in doc]
    assert flags(doc, "IS_STOP") == [t.is_stop for t in doc]
    assert flags(doc, "ENT_IOB") == [t.ent_iob_ == "B" for t in doc]
    assert column(doc, "lower") is column(doc, "lower")  # built once


def test_children_and_subtree_are_spacys_made_once(nlp: Language) -> None:
    doc = nlp(_SENTENCE)
    met = doc[2]
    assert [t.text for t in children(met)] == ["Blinken", "Yi", "in", "on", "."]
    assert children(met) == tuple(met.children)
    assert children(doc[2]) is children(met)  # the same tuple, whichever Token asks
    assert [t.text for t in subtree(doc[5])] == ["in", "Beijing"]
    assert all(subtree(t) == tuple(t.subtree) for t in doc)
    assert ents(doc) == tuple(doc.ents) and ents(doc) is ents(doc)


def test_subtree_keeps_spacys_order_where_arcs_cross(nlp: Language) -> None:
    # "b" hangs on "d", which hangs on "c" after it: the subtree of "c" is a, c, b, d
    doc = Doc(nlp.vocab, words=["a", "b", "c", "d"], heads=[2, 3, 2, 2], deps=["dep", "dep", "ROOT", "dep"])
    assert [t.i for t in doc[2].subtree] == [0, 2, 1, 3]
    assert all(subtree(t) == tuple(t.subtree) for t in doc)
    assert all(children(t) == tuple(t.children) for t in doc)


def test_candidate_scans_keep_every_token_the_slow_checks_accept(nlp: Language) -> None:
    doc = nlp(_SENTENCE)
    fired = [t.i for t in doc if trigger_for(t) is not None or modal_request(t)]
    assert set(fired) <= set(may_trigger(doc))
    assert [doc[i].text for i in fired] == ["met", "fired", "said"]
    assert [t.i for t in doc if is_cue(t, SPEECH_CUES)] == may_be_cue(doc, SPEECH_CUES) == [19]


def test_sent_of_is_the_tokens_sentence(nlp: Language) -> None:
    doc = nlp(_SENTENCE)
    assert sent_of(doc[2]).text == "Mr. Blinken met Wang Yi in Beijing on Tuesday.\n\n"
    assert all(sent_of(t) == t.sent for t in doc)
    assert sent_of(doc[2]) is sent_of(doc[3])  # one cached Span per sentence


def test_classifier_features_read_from_the_columns(nlp: Language) -> None:
    doc = nlp("Russia did not say it would send troops to Ukraine.")
    sent = next(iter(doc.sents))
    assert features(sent) == ["ent:GPE", "neg", "aux:would", "send", "troop", "ent:GPE", "root:say"]


def test_cached_name_key_gives_the_knowledge_key() -> None:
    from storyline.analyse.actors.keys import name_key
    from storyline.knowledge import name_key as plain

    for name in ("Mr. Antony J. Blinken", "S. Jaishankar", "Wang Yi’s"):
        assert name_key(name) == plain(name)
    assert name_key("Mr. Antony J. Blinken") == "antony blinken"


def test_heads_and_offsets_columns(nlp: Language) -> None:
    doc = nlp(_SENTENCE)
    assert heads(doc) == [t.head.i for t in doc]
    assert heads(doc)[1] == 2  # "Blinken" hangs on "met"
    assert offsets(doc) == [t.idx for t in doc]
    assert offsets(doc)[:3] == [0, 4, 12]


def test_an_analysed_doc_is_freed_without_the_cycle_collector(nlp: Language) -> None:
    """The per-Doc tables hold Tokens and Spans (which hold the Doc): ``analyse_doc`` drops them,
    so the Doc, its tensor and arrays go when the last reference does, not at a full collection."""
    import gc
    import weakref

    from storyline.analyse import _with_text, analyse_doc
    from storyline.model import Article

    text = "Foreign Minister Anna Haugen met Yuki Tanaka in Oslo on Monday. “We agreed,” Haugen said."
    article = Article(id="a1", source="a.txt", text=text, published="2025-03-12")
    doc = nlp(text)
    analysis = analyse_doc(_with_text(doc, article), article)
    assert analysis.events and analysis.quotes  # every step ran (and built its tables)
    assert not [k for k in doc.user_data if str(k).startswith("storyline_")]
    gone = weakref.ref(doc)
    gc.disable()
    try:
        del doc
        assert gone() is None
    finally:
        gc.enable()
