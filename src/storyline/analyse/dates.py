"""Time expressions resolved against the article's own date (never against today)."""

from __future__ import annotations

import datetime as dt
import re

import dateparser
from spacy.tokens import Doc

from ..model import Article, Span, TimeRef

__all__ = ["extract_timerefs"]

_YEAR = re.compile(r"^(?:in\s+)?(\d{4})$")


def extract_timerefs(doc: Doc, article: Article) -> list[TimeRef]:
    base = _base(article)
    out = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        date, gran = _resolve(ent.text, base)
        out.append(
            TimeRef(
                span=Span(article.id, ent.start_char, ent.end_char),
                text=ent.text,
                date=date,
                granularity=gran,
                how="dateparser" if date else None,
            )
        )
    return out


def _base(article: Article) -> dt.datetime | None:
    if article.published and len(article.published) >= 10:
        return dt.datetime.fromisoformat(article.published[:10])
    return None


def _resolve(text: str, base: dt.datetime | None) -> tuple[str | None, str | None]:
    m = _YEAR.match(text.strip())
    if m:
        return m.group(1), "year"
    if base is None:
        return None, None
    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["year"]}
        if re.search(r"\d{4}", text)
        else {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"},
    )
    if parsed is None:
        return None, None
    return parsed.date().isoformat(), "day"
