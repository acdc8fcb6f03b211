"""A wire story on three sites is one canonical article and two extra sources."""

from __future__ import annotations

from pathlib import Path

from storyline.ingest import ingest
from storyline.settings import Settings

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def test_wire_story_on_three_sites() -> None:
    r = ingest([str(FIX / "wire_*.txt")], Settings())
    by_name = {Path(a.source).name: a for a in r.articles}
    canonical = by_name["wire_a.txt"]
    assert canonical.duplicate_of is None
    assert by_name["wire_b.txt"].duplicate_of == canonical.id  # near copy: one word edited, new junk
    assert by_name["wire_c.txt"].duplicate_of == canonical.id  # exact copy under another headline


def test_originator_is_canonical_even_when_read_last() -> None:
    """The copy whose dateline names its own outlet is the original, whatever the input order."""
    r = ingest([str(FIX / "wire_c.txt"), str(FIX / "wire_b.txt"), str(FIX / "wire_a.txt")], Settings())
    canon = [Path(a.source).name for a in r.articles if a.duplicate_of is None]
    assert canon == ["wire_a.txt"]


def test_unrelated_articles_are_not_duplicates() -> None:
    r = ingest([str(FIX / "lakeside_bridge.txt"), str(FIX / "harbor_ferry.txt")], Settings())
    assert [a.duplicate_of for a in r.articles] == [None, None]


def test_two_identical_copies_of_an_edited_original_keep_their_own_ids() -> None:
    """Copies share a content hash with each other (not with the original): each needs its own id."""
    from storyline.ingest import article_id
    from storyline.ingest.dedupe import mark_duplicates
    from storyline.model import Article

    body = " ".join(
        f"The harbour board met on Tuesday and word{i} was discussed at length." for i in range(30)
    )
    edited = body.replace("word3 ", "a different word ")
    arts = [
        Article(article_id(body), "orig.txt", body),
        Article(article_id(edited), "copy1.txt", edited),
        Article(article_id(edited), "copy2.txt", edited),
    ]
    out = mark_duplicates(arts, 0.5)
    assert len({a.id for a in out}) == 3
    canon = [a for a in out if a.duplicate_of is None]
    assert len(canon) == 1
    assert sorted(a.duplicate_of for a in out if a.duplicate_of) == [canon[0].id, canon[0].id]
