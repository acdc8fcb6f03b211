"""A wire story on three sites is one canonical article and two extra sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.ingest import ingest
from storyline.ingest.dedupe import is_originator
from storyline.ingest.outlets import wire_agency
from storyline.model import Article
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


WIRE = FIX / "wire_pair"


def _pair(*names: str) -> dict[str, Article]:
    r = ingest([str(WIRE / n) for n in names], Settings())
    assert not r.rejected
    return {Path(a.source).name: a for a in r.articles}


@pytest.mark.parametrize(
    "order", [("hanbit_rail.txt", "meridian_rail.txt"), ("meridian_rail.txt", "hanbit_rail.txt")]
)
def test_agency_copy_is_the_original_and_the_reprint_keeps_its_masthead(order: tuple[str, str]) -> None:
    """The agency's own copy (byline, date, "(Hanbit)" dateline, no masthead) against a reprint
    under another site's masthead with no byline and no date, read in either order."""
    got = _pair(*order)
    agency, reprint = got["hanbit_rail.txt"], got["meridian_rail.txt"]
    assert agency.duplicate_of is None
    assert reprint.duplicate_of == agency.id
    assert (agency.outlet, agency.outlet_source) == ("Hanbit", "dateline")
    assert (reprint.outlet, reprint.outlet_source) == ("The Daily Meridian", "masthead")
    assert agency.wire_source == reprint.wire_source == "Hanbit"
    assert (agency.published, agency.published_source) == ("2025-03-12T09:40", "dateline")
    assert (reprint.published, reprint.published_precision, reprint.published_source) == (
        "2025-03-12T09:40",
        "minute",
        "inherited",
    )
    assert reprint.notes == (f"published date inherited from the original {agency.id} ({agency.source})",)


def test_earliest_dated_copy_is_the_original_when_no_agency_publishes_it(tmp_path: Path) -> None:
    body = (WIRE / "hanbit_rail.txt").read_text(encoding="utf-8").split("\n", 3)[3]
    (tmp_path / "late.txt").write_text(
        "Evening Post\nRail link approved\nMarch 13, 2025\n" + body, encoding="utf-8"
    )
    (tmp_path / "early.txt").write_text(
        "Morning Star\nRail link approved\nMarch 12, 2025\n" + body, encoding="utf-8"
    )
    r = ingest([str(tmp_path)], Settings())
    by = {Path(a.source).name: a for a in r.articles}
    assert by["early.txt"].duplicate_of is None
    assert by["late.txt"].duplicate_of == by["early.txt"].id
    assert by["late.txt"].published == "2025-03-13"  # a dated copy keeps its own date


@pytest.mark.parametrize(
    ("line", "agency"),
    [
        ("SEOUL, March 12 (Hanbit) - The government approved the line on Wednesday.", "Hanbit"),
        ("(AP) — The government approved the line on Wednesday.", "AP"),
        ("JAKARTA (Pacific Wire) — The government approved the line on Wednesday.", "Pacific Wire"),
        ("LONDON — The government approved the line on Wednesday.", None),
        ("The government (AP) approved the line on Wednesday.", None),
    ],
)
def test_wire_agency_of_a_dateline(line: str, agency: str | None) -> None:
    assert wire_agency(line) == agency


@pytest.mark.parametrize(
    ("outlet", "wire", "same"),
    [
        ("Hanbit News Agency", "Hanbit", True),
        ("Associated Press", "AP", True),
        ("Agence France-Presse", "AFP", True),
        ("The Daily Meridian", "Hanbit", False),
        ("AP", "AFP", False),
    ],
)
def test_an_agency_copy_is_known_by_name_or_initials(outlet: str, wire: str, same: bool) -> None:
    a = Article(id="x", source="a.txt", text="t", outlet=outlet, wire_source=wire)
    assert is_originator(a) is same


def _reference_signature(text: str) -> list[int]:
    """datasketch's MinHash with its defaults, as ``_minhash`` made it before it kept MinHashes,
    copied an empty one and hashed the grams as strings."""
    import re

    from datasketch import MinHash

    words = re.findall(r"\w+", text.lower())
    m = MinHash(num_perm=128)
    grams = {" ".join(words[i : i + 5]) for i in range(max(1, len(words) - 5 + 1))}
    m.update_batch([g.encode("utf-8") for g in grams])
    return [int(v) for v in m.hashvalues]


def test_signature_is_datasketch_minhash_whether_kept_or_not(demo_dir: Path) -> None:
    from storyline.ingest import dedupe

    texts = [p.read_text(encoding="utf-8") for p in sorted(demo_dir.glob("*.txt"))]
    texts += ["", "Ολοι ΟΙ ΔΡΟΜΟΙ", "one two", "İstanbul’s ferry — a short line"]
    dedupe._recent.clear()
    fresh = [dedupe.signature(t).tolist() for t in texts]
    kept = [dedupe.signature(t).tolist() for t in texts]  # now from the kept MinHashes
    assert fresh == kept == [_reference_signature(t) for t in texts]


def test_kept_minhashes_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.ingest import dedupe

    monkeypatch.setattr(dedupe, "RECENT_MINHASHES", 3)
    dedupe._recent.clear()
    for i in range(10):
        dedupe.signature(f"text number {i} of ten")
    assert len(dedupe._recent) == 3


def test_lsh_bands_given_are_those_datasketch_picks() -> None:
    from datasketch import MinHashLSH

    from storyline.ingest.dedupe import NUM_PERM, _bands

    for t in (0.3, 0.5, 0.8, 0.9):
        lsh = MinHashLSH(threshold=t, num_perm=NUM_PERM)
        assert _bands(t) == (lsh.b, lsh.r)
