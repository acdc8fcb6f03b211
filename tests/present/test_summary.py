"""Extractive summary: verbatim sentences, exact citations, no repetition, configurable length."""

from __future__ import annotations

from dataclasses import replace

import pytest
import story_fixture as f

from storyline.fuse.similarity import cosine, idf_table, tfidf
from storyline.model import Article, Story
from storyline.present import summary
from storyline.present.summary import (
    CROSS_OUTLET_WEIGHT,
    DAMPING,
    MAX_PER_ARTICLE,
    SAME_ARTICLE_WEIGHT,
    Sentence,
    _lexrank,
    _terms,
    candidate_sentences,
    dangling,
    extractive_summary,
)


def _article(aid: str, text: str, outlet: str, published: str = "2024-05-06") -> Article:
    return Article(id=aid, source=f"{aid}.txt", text=text, outlet=outlet, published=published)


@pytest.mark.parametrize("n", [1, 2, 4])
def test_length_is_configurable(n: int) -> None:
    assert len(extractive_summary(f.story(), n=n)) == n


def test_every_cited_span_is_in_its_article() -> None:
    story = f.story()
    texts = {a.id: a.text for a in story.articles}
    for sent in extractive_summary(story, n=8):
        for c in sent.citations:
            assert 0 <= c.start < c.end <= len(texts[c.article])
        first = sent.citations[0]
        assert texts[first.article][first.start : first.end] == sent.text


def test_wire_copies_are_not_summarised() -> None:
    cited = {c.article for s in extractive_summary(f.story(), n=8) for c in s.citations}
    assert f.C not in cited


def test_dateline_is_trimmed_from_the_sentence() -> None:
    first = candidate_sentences(f.articles()[0])[0]
    assert first.text.startswith("New Zealand and Fiji signed a fisheries enforcement pact in Suva")


def test_headline_and_short_lines_are_not_candidates() -> None:
    texts = [s.text for s in candidate_sentences(f.articles()[0])]
    assert "New Zealand and Fiji sign fisheries pact" not in texts
    assert all(len(t.split()) >= 8 for t in texts)


SAME_A = "The two governments agreed on Tuesday to reopen the border crossing at Kestrel Pass for trucks."
SAME_B = "The two governments agreed on Tuesday to reopen the Kestrel Pass border crossing for trucks."
OTHER = "Farmers on both sides had waited since autumn for their harvest to reach the coastal markets."


def test_a_sentence_said_by_two_outlets_is_picked_once_and_cites_both() -> None:
    a = _article("a1", f"{SAME_A} {OTHER}", "Outlet A")
    b = _article(
        "b1", f"{SAME_B} Officials from both ministries will meet again in the spring to review it.", "B"
    )
    summary = extractive_summary(Story("t", articles=(a, b)), n=3)
    reopen = [s for s in summary if "reopen" in s.text]
    assert len(reopen) == 1
    assert {c.article for c in reopen[0].citations} == {"a1", "b1"}


def test_different_figures_are_not_cited_as_support() -> None:
    a = _article("a1", "Officials said that 40 fishing vessels would be monitored under the new pact.", "A")
    b = _article("b1", "Officials said that 25 fishing vessels would be monitored under the new pact.", "B")
    for s in extractive_summary(Story("t", articles=(a, b)), n=2):
        assert len(s.citations) == 1


def test_sentences_follow_reading_order_of_publication() -> None:
    a = _article(
        "late",
        "The ministers met again on Friday to sign the final text of the treaty in public.",
        "A",
        "2024-05-09",
    )
    b = _article(
        "early",
        "The ministers first met on Monday to discuss the draft text of the treaty in private.",
        "B",
        "2024-05-06",
    )
    assert [s.citations[0].article for s in extractive_summary(Story("t", articles=(a, b)), n=2)] == [
        "early",
        "late",
    ]


def test_uses_analysis_sentence_spans_when_given() -> None:
    from storyline.model import Analysis, Span

    art = f.articles()[1]
    start = art.text.index("Officials said 25")
    end = art.text.index("scheme.") + len("scheme.")
    only = Analysis(article=art.id, sentences=(Span(art.id, start, end),))
    story = replace(f.story(), articles=(art,))
    assert [s.text for s in extractive_summary(story, (only,), n=5)] == [art.text[start:end]]


def test_empty_story_has_empty_summary() -> None:
    assert extractive_summary(Story("t"), n=5) == ()


@pytest.mark.parametrize(
    ("text", "leans"),
    [
        ("She arrived in the capital on Sunday for two days of talks on fishing.", True),
        ("They signed the pact after three hours of talks at the palace.", True),
        ("But the agreement leaves the question of patrol zones open for now.", True),
        ("Behind the scenes, however, both sides had reasons to settle the row quickly.", True),
        ("On Sunday evening she held a dinner with her counterpart at the old hall.", True),
        ("On Sunday evening Lealea held a dinner with her counterpart at the old hall.", False),
        ("Prime Minister Ana Lealea said the agreement would protect fishing villages.", False),
        ("“This is the start,” Lealea said as the two ministers shook hands on Monday.", False),
    ],
)
def test_sentences_leaning_on_a_previous_one_are_recognised(text: str, leans: bool) -> None:
    assert dangling(text) is leans


def test_a_dangling_sentence_is_never_picked() -> None:
    a = _article(
        "x",
        "The two ministers met in Suva on Monday to sign a fisheries pact. "
        "She said the pact would protect the fishing villages of both nations.",
        "A",
        "2024-05-06",
    )
    assert [s.text[:3] for s in extractive_summary(Story("t", articles=(a,)), n=5)] == ["The"]


def test_the_summary_opens_on_an_article_lead() -> None:
    late_lead = _article(
        "late",
        "Fiji and New Zealand signed a fisheries pact in Suva on Monday after months of talks. "
        "The pact sets up joint patrols and a hotline between the two navies from July onwards.",
        "A",
        "2024-05-09",
    )
    early = _article(
        "early",
        "Fishing villages on the coast have waited a long time for news from the capital. "
        "Fiji and New Zealand signed a fisheries pact in Suva on Monday, officials confirmed today.",
        "B",
        "2024-05-06",
    )
    out = extractive_summary(Story("t", articles=(late_lead, early)), n=2)
    assert out[0].text.startswith("Fiji and New Zealand signed a fisheries pact in Suva on Monday after")


def _distinct_sentences(count: int, tag: str) -> list[str]:
    """Sentences sharing only a few common words, so none repeats another."""
    syll = ["ka", "lo", "mir", "ta", "ven", "dor", "sel", "rin", "bo", "zan"]
    word = [a + b + c for a in syll for b in syll for c in syll]
    return [
        f"Observers from {tag} counted {word[3 * k]} and {word[3 * k + 1]} boats near {word[3 * k + 2]} reef."
        for k in range(count)
    ]


def test_only_the_first_sentences_of_an_article_are_candidates() -> None:
    sents = _distinct_sentences(MAX_PER_ARTICLE + 5, "Suva")
    late = sents[MAX_PER_ARTICLE + 2]  # the one sentence two outlets share: the most central
    a = _article("a", " ".join(sents), "A")
    b = _article("b", late + " " + " ".join(_distinct_sentences(3, "Lautoka")), "B")
    cited = {
        (c.article, c.start)
        for s in extractive_summary(Story("t", articles=(a, b)), n=50)
        for c in s.citations
    }
    assert ("a", a.text.index(late)) not in cited
    assert ("b", 0) in cited


def _dense_lexrank(sents: list[Sentence], vectors: list[dict[str, float]]) -> list[float]:
    """The textbook form: the whole similarity matrix, power iteration over it."""
    n = len(sents)
    w = [
        [
            0.0
            if i == j
            else cosine(vectors[i], vectors[j])
            * (SAME_ARTICLE_WEIGHT if sents[i].article == sents[j].article else CROSS_OUTLET_WEIGHT)
            for j in range(n)
        ]
        for i in range(n)
    ]
    out_sum = [sum(row) or 1.0 for row in w]
    rank = [1.0 / n] * n
    for _ in range(50):
        rank = [
            (1 - DAMPING) / n + DAMPING * sum(rank[j] * w[j][i] / out_sum[j] for j in range(n))
            for i in range(n)
        ]
    top = max(rank)
    return [r / top for r in rank]


def test_sparse_lexrank_equals_the_dense_matrix_form() -> None:
    sents = [s for a in f.articles() if a.duplicate_of is None for s in candidate_sentences(a)]
    terms = [_terms(s.text) for s in sents]
    idf = idf_table(terms)
    vectors = [tfidf(t, idf) for t in terms]
    assert _lexrank(sents, vectors) == pytest.approx(_dense_lexrank(sents, vectors), abs=1e-9)


def test_similarity_work_is_one_row_per_pick(monkeypatch: pytest.MonkeyPatch) -> None:
    """No sentence-by-sentence matrix: n picks cost n rows of cosines, linear in the sentences."""
    calls = []

    def counting(u: dict[str, float], v: dict[str, float]) -> float:
        calls.append(1)
        return cosine(u, v)

    monkeypatch.setattr(summary, "cosine", counting)
    a = _article("a", " ".join(_distinct_sentences(20, "Suva")), "A")
    b = _article("b", " ".join(_distinct_sentences(20, "Nadi")), "B")
    assert len(extractive_summary(Story("t", articles=(a, b)), n=3)) == 3
    assert len(calls) == 3 * 40
