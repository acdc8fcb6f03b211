"""Event titles: headlines built from the event's parts, never a bare trigger word."""

from __future__ import annotations

import pytest

from storyline.ingest import article_id
from storyline.model import Actor, Article, Event, Evidence, Span
from storyline.present.headline import clause_around, event_title, lemma_of, third_person

TEXT = (
    "Foreign Minister Mara Quill met President Osei Danso at the Jubilee Palace on Monday. "
    "Quill is due to visit Accra next week. "
    "Her visit to Ghana was postponed in May. "
    "Quill and Danso held talks on fishing rights. "
    "Danso said that Ghana would not give up the rights of its fishermen under any deal. "
    "Ghana suspended fisheries dialogue on Friday. "
    "The trip had been scheduled for June but was postponed after a row over boats."
)
ART = Article(article_id(TEXT), "t.txt", TEXT, outlet="Test Post")
ACTORS = {
    a.id: a
    for a in (
        Actor("per:quill", "Mara Quill", "person", country="NZL"),
        Actor("per:danso", "Osei Danso", "person", country="GHA"),
        Actor("sta:gha", "Ghana", "state", country="GHA"),
        Actor("pla:accra", "Accra", "place", country="GHA"),
    )
}


def _event(trigger: str, src: str | None, tgt: str | None, *, after: str = "", **kw: object) -> Event:
    """An event whose trigger is the first ``trigger`` after ``after`` in TEXT."""
    start = TEXT.index(trigger, TEXT.index(after) if after else 0)
    sentence_start = TEXT.rfind(". ", 0, start) + 2 if TEXT.rfind(". ", 0, start) > 0 else 0
    sentence_end = TEXT.index(".", start) + 1
    base: dict[str, object] = {
        "id": f"e-{trigger}",
        "type": "CONSULT",
        "source_actor": src,
        "target_actor": tgt,
        "date": None,
        "granularity": None,
        "date_text": None,
        "place": None,
        "intensity": 1.0,
        "mode": "happened",
        "summary": trigger,
        "evidence": (Evidence(ART.id, sentence_start, sentence_end, TEXT[sentence_start:sentence_end]),),
        "trigger_span": Span(ART.id, start, start + len(trigger)),
    }
    base.update(kw)
    return Event(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("event", "title"),
    [
        (
            _event("met", "per:quill", "per:danso", place="the Jubilee Palace"),
            "Mara Quill meets Osei Danso at the Jubilee Palace",
        ),
        (_event("visit", "per:quill", "pla:accra", mode="planned"), "Mara Quill to visit Accra"),
        (
            _event("visit", "per:quill", "sta:gha", after="Her visit", mode="cancelled"),
            "Mara Quill’s visit to Ghana",
        ),
        (_event("talks", "per:quill", "per:danso"), "Talks between Mara Quill and Osei Danso"),
        (
            _event("said", "per:danso", None, type="STATEMENT"),
            "Osei Danso says that Ghana would not give up the rights of its fishermen…",
        ),
        (
            _event("suspended", "sta:gha", None, type="SANCTION", date_text="on Friday"),
            "Ghana suspends fisheries dialogue",
        ),
    ],
    ids=["verb-target-place", "planned", "noun-possessive", "plural-noun", "speech", "object-words"],
)
def test_title_is_a_headline(event: Event, title: str) -> None:
    assert event_title(event, ACTORS, {ART.id: ART}) == title


def test_without_a_subject_the_title_is_the_evidence_clause() -> None:
    e = _event("trip", None, None, mode="cancelled")
    assert event_title(e, ACTORS, {ART.id: ART}) == (
        "The trip had been scheduled for June but was postponed after a row over …"
    )


def test_without_a_trigger_span_the_summary_is_kept() -> None:
    e = _event("met", "per:quill", "per:danso", trigger_span=None, summary="leaders meet")
    assert event_title(e, ACTORS, {ART.id: ART}) == "Leaders meet"


def test_long_clause_is_cut_around_the_trigger() -> None:
    e = _event("said", None, None)
    clause = clause_around(e, {ART.id: ART})
    assert clause == "Danso said that Ghana would not give up the rights of its fishermen under …"


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("signed", "sign"),
        ("met", "meet"),
        ("flown", "fly"),
        ("stopped", "stop"),
        ("visits", "visit"),
        ("talks", "talk"),
        ("urged", "urge"),
        ("accuses", "accuse"),
        ("press", "press"),
        ("planned", "plan"),
        ("announced", "announce"),
        ("rallied", "rally"),
        ("closes", "close"),
        ("pushes", "push"),
    ],
)
def test_lemma_of(word: str, lemma: str) -> None:
    assert lemma_of(word) == lemma


@pytest.mark.parametrize(
    ("lemma", "form"), [("meet", "meets"), ("fly", "flies"), ("push", "pushes"), ("say", "says")]
)
def test_third_person(lemma: str, form: str) -> None:
    assert third_person(lemma) == form


def test_no_subject_uses_the_analyse_clause() -> None:
    e = _event("suspended", None, None, summary="Fisheries dialogue suspended after the boat row")
    assert event_title(e, ACTORS, {ART.id: ART}) == "Fisheries dialogue suspended after the boat row"


def test_content_object_falls_back_to_the_analyse_clause() -> None:
    """A verb whose object the headline cannot rebuild keeps the analyse stage's clause."""
    text = "President Osei Danso pressed for a faster return of seized boats on Friday."
    art = Article(article_id(text), "p.txt", text)
    start = text.index("pressed")
    e = Event(
        "e-p",
        "REQUEST",
        "per:danso",
        None,
        None,
        None,
        None,
        None,
        -1.0,
        "happened",
        "Osei Danso pressed for a faster return of seized boats",
        (Evidence(art.id, 0, len(text), text),),
        trigger_span=Span(art.id, start, start + 7),
    )
    title = event_title(e, ACTORS, {art.id: art})
    assert title.startswith("Osei Danso press")
    assert "faster return" in title
