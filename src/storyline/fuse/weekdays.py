"""A weekday written beside a full date that falls on another day ("Sunday, June 19, 2023").

The calendar settles it, so it is a conflict inside one article: one of the two words is wrong.
A date without its year is checked against the article's publication year only when the
article is dated; otherwise the year is unknown and nothing is said.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence

from ..calendar_words import MONTH_NUMBERS, MONTH_PATTERN
from ..ids import derived_id
from ..model import Article, Conflict, Evidence

__all__ = ["weekday_conflicts"]

_DAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?"
_DATED = re.compile(
    rf"\b{_DAY},?\s+(?:(?P<m1>{MONTH_PATTERN})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{MONTH_PATTERN})\b\.?){_YEAR}"
)
_NAMES = list(calendar.day_name)
_HALF_YEAR = 183


def weekday_conflicts(articles: Sequence[Article]) -> list[Conflict]:
    """Every weekday-and-date pair in the canonical articles that the calendar contradicts."""
    out = []
    for art in articles:
        if art.duplicate_of is not None:
            continue
        for m in _DATED.finditer(art.text):
            # a yearless date takes the article's year only when the article states its date
            stated = art.published if art.published and not art.published_inferred else None
            year = m.group("y") or (stated[:4] if stated else None)
            month = MONTH_NUMBERS[(m.group("m1") or m.group("m2")).lower()]
            try:
                day = dt.date(int(year), month, int(m.group("d1") or m.group("d2"))) if year else None
            except ValueError:
                continue  # "February 30": not a date at all, left to the dates check
            late = day is not None and not m.group("y") and stated
            if day is not None and late and (day - dt.date.fromisoformat(str(stated)[:10])).days > _HALF_YEAR:
                day = day.replace(year=day.year - 1)  # "Friday, December 30" in a January article
            if day is None or _NAMES[day.weekday()] == m.group("wd"):
                continue
            whose = "" if m.group("y") else " (the year taken from the article's date)"
            desc = (
                f"The article writes '{m.group(0)}', but {day.strftime('%B')} {day.day}, {day.year}"
                f"{whose} was a {_NAMES[day.weekday()]}: the weekday or the date is wrong."
            )
            side = Evidence(art.id, m.start(), m.end(), m.group(0))
            out.append(
                Conflict(derived_id(f"{art.id}:{m.start()}", prefix="conflict-"), "date", desc, (side,))
            )
    return out
