"""Month names as news writes them: one table for every stage (ingest, analyse, fuse).

Shared, like ``knowledge.py``: it depends on nothing, so any stage may import it.
"""

from __future__ import annotations

import calendar
import re

__all__ = ["MONTH_NUMBERS", "MONTH_PATTERN", "FULL_DATE", "CHRONOLOGY_HEADING", "heading_parts"]

#: "january"/"jan"/"sept" → 1..12 (lower case keys)
MONTH_NUMBERS: dict[str, int] = {
    **{m.lower(): i for i, m in enumerate(calendar.month_name) if m},
    **{m.lower(): i for i, m in enumerate(calendar.month_abbr) if m},
    "sept": 9,
}

#: a month name or its abbreviation, capitalised as in running text (no trailing dot)
MONTH_PATTERN = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)

_MONTH_DOT = MONTH_PATTERN + r"\.?"
#: A full date as chronology headings write it: "November 14, 2022", "14 November 2022", ISO.
FULL_DATE = (
    rf"(?:{_MONTH_DOT}\s+\d{{1,2}},\s+(?:19|20)\d\d|\d{{1,2}}\s+{_MONTH_DOT}\s+(?:19|20)\d\d"
    r"|(?:19|20)\d\d-\d\d-\d\d)"
)

#: The one rule for a chronology-list heading, used by ingest (keep it), analyse (date the item
#: below it) and fuse (check the list): a line of its own, a title of 3-160 characters and a full
#: date joined by a dash, colon or bar, title first ("Biden and Xi meet in Bali — November 14,
#: 2022") or date first ("2022-11-14: Biden and Xi meet in Bali"). Groups: ``title``/``date`` or
#: ``title2``/``date2``; ``heading_parts`` reads either.
CHRONOLOGY_HEADING = re.compile(
    rf"^(?P<title>[^\n]{{3,160}}?)[ \t]*(?:—|–|-|:|\|)[ \t]*(?P<date>{FULL_DATE})[ \t]*$"
    rf"|^(?P<date2>{FULL_DATE})[ \t]*(?:—|–|-|:|\|)[ \t]*(?P<title2>[^\n]{{3,160}})$",
    re.M,
)


def heading_parts(m: re.Match[str]) -> tuple[str, str, int, int]:
    """A heading match's title, date words and the date's character bounds."""
    g = "date" if m.group("date") else "date2"
    title = m.group("title") or m.group("title2") or ""
    return title.strip(), m.group(g), m.start(g), m.end(g)
