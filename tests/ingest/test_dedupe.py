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
