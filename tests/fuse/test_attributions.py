"""Quotes two outlets disagree about: the speaker, or the words."""

from __future__ import annotations

from storyline.fuse.attributions import quote_conflicts, shared_run
from storyline.model import Quote


def _quote(key: str, text: str, speaker: str, name: str, direct: bool = True) -> Quote:
    return Quote(f"q-{key}", key, 10, 10 + len(text), text, speaker, name, "said", direct)


WORDS = "The nets we share are worth more than the lines we draw"


def _found(*quotes: Quote) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(c.kind, c.verdict, tuple(s.article for s in c.sides)) for c in quote_conflicts(quotes)]


def test_same_words_two_named_speakers_is_a_conflict() -> None:
    found = quote_conflicts(
        [_quote("a", WORDS, "person:dunmore", "Dunmore"), _quote("b", WORDS, "person:pranoto", "Pranoto")]
    )
    assert [(c.kind, c.verdict, c.description) for c in found] == [
        (
            "attribution",
            "conflict",
            "The same words are attributed to Dunmore in one report and to Pranoto in the other; "
            "both cannot have said them.",
        )
    ]


def test_a_named_and_an_unnamed_speaker_are_compatible() -> None:
    found = _found(
        _quote("a", WORDS, "person:dunmore", "Dunmore"), _quote("b", WORDS, "unnamed:b:1", "an official")
    )
    assert found == [("attribution", "compatible", ("a", "b"))]


def test_a_word_changed_beside_a_long_identical_run() -> None:
    a = _quote(
        "a", "We will not allow any vessel to fish without a licence in our waters", "person:p", "Pranoto"
    )
    b = _quote("b", "any vessel to trawl without a licence in our waters", "person:p", "Mr. Pranoto")
    [c] = quote_conflicts([a, b])
    assert (c.kind, c.verdict) == ("quote", "conflict")
    assert "one has 'fish' where the other has 'trawl'" in c.description


def test_a_shorter_excerpt_of_the_same_words_agrees() -> None:
    a = _quote(
        "a", "We will not allow any vessel to fish without a licence in our waters", "person:p", "Pranoto"
    )
    b = _quote("b", "any vessel to fish without a licence", "person:p", "Pranoto")
    assert _found(a, b) == []


def test_pronoun_speakers_and_indirect_quotes_are_not_claims() -> None:
    a = _quote("a", WORDS, "person:dunmore", "she")
    b = _quote("b", WORDS, "person:pranoto", "Pranoto")
    c = _quote("c", WORDS, "person:roy", "Roy", direct=False)
    assert _found(a, b, c) == []


def test_shared_run() -> None:
    assert shared_run(["a", "b", "c", "d", "e"], ["x", "c", "d", "e", "y"]) == (2, 1, 3)


def test_one_finding_per_pair_of_speakers_however_many_reports_repeat_it() -> None:
    # a big story repeats one line in dozens of reports: one conflict, not one per pair of reports
    quotes = [
        _quote(k, WORDS, speaker, name)
        for k, speaker, name in [
            ("a", "person:dunmore", "Dunmore"),
            ("b", "person:dunmore", "Dunmore"),
            ("c", "person:pranoto", "Pranoto"),
            ("d", "person:pranoto", "Pranoto"),
        ]
    ]
    [c] = quote_conflicts(quotes)
    assert (c.kind, c.verdict, tuple(s.article for s in c.sides)) == ("attribution", "conflict", ("a", "c"))
    assert c.description.endswith("The same holds for 3 other pairs of reports.")
