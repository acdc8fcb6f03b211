"""Separate article prose from the page junk that survives in scraped text.

Every piece that is cut is returned as ``Removed`` with its reason and offsets into the raw
text, so the body can always be audited and restored. The decisions are made in ``junk.py``
from the block features of ``lines.py``; this module runs them and assembles the result.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from ..model import Removed
from .junk import DATELINE_PREFIX, JUNK_REASONS, KEEP_REASONS, MARK_REASONS, classify
from .language import detect_language
from .lines import Block, measure, normalise, segment
from .metadata import TextMeta, text_meta
from .outlets import find_outlet

__all__ = ["clean_text", "clean", "Cleaned", "line_keys", "JUNK_REASONS", "KEEP_REASONS", "MARK_REASONS"]

#: How many body blocks may open with a dateline ("BEIJING—", "JAKARTA (Reuters) -").
DATELINE_BLOCKS = 2


@dataclass
class Cleaned:
    """The body, what was cut, what stays marked, and what the text says about itself."""

    body: str
    removed: list[Removed] = field(default_factory=list)
    meta: TextMeta = field(default_factory=TextMeta)
    #: headings and table rows kept in ``body``; offsets point into ``body``
    marked: list[Removed] = field(default_factory=list)
    language: str | None = None


def clean_text(raw: str, repeated: Collection[str] = ()) -> tuple[str, list[Removed]]:
    """Return the body (paragraphs joined by blank lines) and what was removed.

    ``repeated`` holds ``normalise``d lines seen in other documents of the same outlet (see
    ``line_keys``); such lines are page furniture unless they read strongly as prose.
    """
    c = clean(raw, repeated)
    return c.body, c.removed


def clean(
    raw: str, repeated: Collection[str] = (), extracted: bool = False, title: str | None = None
) -> Cleaned:
    """Clean ``raw`` and read its byline, dateline and site name.

    ``extracted``: ``raw`` is trafilatura's body text from an HTML page, which has already
    dropped the page furniture; only lines with strong junk evidence are cut from it.
    ``title``: the page's title from its metadata, cut where the text repeats it at the top.
    """
    blocks = measure(segment(raw))
    language = detect_language(raw)
    labels = classify(blocks, repeated, extracted=extracted, english=language in (None, "en"), title=title)
    kept: list[str] = []
    removed: list[Removed] = []
    marked: list[Removed] = []
    body_seen = 0
    at = 0  # where the next kept block starts in the body
    for b, label in zip(blocks, labels, strict=True):
        if label is not None and label not in MARK_REASONS:
            removed.append(Removed(text=b.text, reason=label, start=b.start, end=b.end))
            continue
        text = b.text
        if body_seen < DATELINE_BLOCKS and (m := DATELINE_PREFIX.match(text)):
            # cut, not marked: analysis reads the capitalised city opening the paragraph as its
            # subject ("JAKARTA — President Santoso told …" made JAKARTA a quote's speaker)
            cut = m.group("dl")
            removed.append(
                Removed(text=cut.rstrip(), reason="dateline", start=b.start, end=b.start + len(cut.rstrip()))
            )
            text = text[len(cut) :]
        body_seen += 1
        if label is not None:
            marked.append(Removed(text=text, reason=label, start=at, end=at + len(text)))
        kept.append(text)
        at += len(text) + 2
    body_labels = [None if lab in MARK_REASONS else lab for lab in labels]
    return Cleaned(
        body="\n\n".join(kept),
        removed=removed,
        meta=_meta(blocks, body_labels, removed),
        marked=marked,
        language=language,
    )


def _meta(blocks: list[Block], labels: list[str | None], removed: list[Removed]) -> TextMeta:
    body = [i for i, lab in enumerate(labels) if lab is None]
    first_body, last_body = (body[0], body[-1]) if body else (len(blocks), len(blocks))
    header = [b.text for b in blocks[: first_body + 1]]
    header += [r.text for r in removed if r.reason in ("byline", "dateline") and r.text not in header]
    title = next((b.text for b, lab in zip(blocks, labels, strict=True) if lab == "title"), None)
    lines = [(b.text, lab) for b, lab in zip(blocks, labels, strict=True)]
    return text_meta(header, title=title, outlet=find_outlet(lines, first_body, last_body, title))


def line_keys(raw: str) -> set[str]:
    """The normalised lines of one document, for counting lines shared across an outlet."""
    return {k for k in (normalise(b.text) for b in segment(raw)) if k}
