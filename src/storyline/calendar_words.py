"""Month names as news writes them: one table for every stage (ingest, analyse, fuse).

Shared, like ``knowledge.py``: it depends on nothing, so any stage may import it.
"""

from __future__ import annotations

import calendar

__all__ = ["MONTH_NUMBERS", "MONTH_PATTERN"]

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
