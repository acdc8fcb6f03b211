"""Rankings of visitors ("the highest-ranking official to visit X since ..."): who, and of what kind."""

from __future__ import annotations

from storyline.fuse.superlatives import find_rankings, superlative_conflicts
from storyline.model import Actor, Span
from storyline.sentences import SentenceSpan, split_spans


def _sentences(key: str, text: str) -> list[SentenceSpan]:
    return [SentenceSpan(key, s, e, text[s:e]) for s, e in split_spans(text)]


def _person(name: str, key: str, text: str) -> Actor:
    spans = []
    start = text.find(name)
    while start >= 0:
        spans.append(Span(key, start, start + len(name)))
        start = text.find(name, start + 1)
    return Actor(
        id="person:" + name.lower().replace(" ", "-"), name=name, kind="person", mentions=tuple(spans)
    )


STALE = (
    "Vance is the highest-ranking Canadian government official to visit Peru since Prime Minister "
    "Ortiz took office in 2021. Timeline: Deputy minister Ada Roy held talks with Luis Pardo in Lima. "
    "She remains the top Canadian official to visit Peru since Ortiz became prime minister."
)


def test_one_article_naming_two_top_visitors_is_a_conflict() -> None:
    actors = [_person(n, "a", STALE) for n in ("Vance", "Ada Roy", "Luis Pardo")]
    [c] = superlative_conflicts(_sentences("a", STALE), actors)
    assert (c.kind, c.verdict) == ("superlative", "conflict")
    assert [s.text[:20] for s in c.sides] == ["Vance is the highest", "She remains the top "]
    assert c.description == (
        "One article says both Vance and Ada Roy are the top official to visit Peru over the same "
        "period; only one of them can be."
    )


def test_a_pronoun_is_the_first_person_of_the_sentence_before() -> None:
    actors = [_person(n, "a", STALE) for n in ("Vance", "Ada Roy", "Luis Pardo")]
    ranks = find_rankings(_sentences("a", STALE), actors)
    assert [(r.person_name, r.group, r.place, r.since) for r in ranks] == [
        ("Vance", "official", "peru", "office:ortiz"),
        ("Ada Roy", "official", "peru", "office:ortiz"),
    ]


def test_across_outlets_and_of_another_kind() -> None:
    one = "Vance is the most senior Canadian official to visit Peru since 2019."
    two = "General Hale is the most senior Canadian military officer to visit Peru since 2019."
    three = "Ms. Roy is the most senior Canadian official to visit Peru since 2019, officials said."
    found = superlative_conflicts(
        [*_sentences("a", one), *_sentences("b", two), *_sentences("c", three)],
        [_person("Vance", "a", one), _person("Hale", "b", two), _person("Roy", "c", three)],
    )
    assert sorted((c.verdict, c.sides[0].article, c.sides[1].article) for c in found) == [
        ("compatible", "a", "b"),
        ("compatible", "b", "c"),
        ("conflict", "a", "c"),
    ]


def test_the_same_person_twice_or_other_periods_agree() -> None:
    text = (
        "Vance is the top Canadian official to visit Peru since 2019. "
        "Vance is also the top Canadian official to visit Chile since 2019. "
        "Ms. Roy was the top Canadian official to visit Peru since 2012."
    )
    assert (
        superlative_conflicts(_sentences("a", text), [_person("Vance", "a", text), _person("Roy", "a", text)])
        == []
    )
