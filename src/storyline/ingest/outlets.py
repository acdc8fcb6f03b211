"""Which outlet published an article, from what its own text says, with where it was found.

A page states its publisher in a few conventional forms: a print-edition line ("… appears in
print on … of The Southern Chronicle"), a copyright line, an agency in the dateline
("JAKARTA (Reuters) —"), a byline's "| Outlet", a photo credit "… for The New York Times", a
bare site name above the headline or in the footer, and last a social handle ("follow us on
Twitter @Outlet"). The forms are ranked by how reliably they name the page's own outlet;
newsletter boxes ("The Morning Brief") are never read as outlets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["find_outlet", "looks_like_outlet", "wire_agency", "STRONG_SOURCES", "OUTLET_RANK"]

_NEWS_WORD = (
    r"(?:Times|Post|News|Herald|Journal|Wire|Tribune|Daily|Guardian|Telegraph|Gazette|Express|Chronicle|"
    r"Star|Mail|Observer|Press|Media|Today|Monitor|Standard|Independent|Courier|Agency|Union|Review|"
    r"Weekly|Insider|Examiner|Globe|Nation|Mirror|Dispatch|Bulletin|Inquirer|Sentinel|Reuters|Bloomberg|"
    r"Xinhua|AFP|AP|Broadcasting|Radio|TV|Network|Ledger|Register|Advertiser|Argus)"
)
_OUTLET = re.compile(
    rf"^(?:The\s+)?(?!The\b)(?:[A-Z][\w&'’.-]*\s+){{1,3}}{_NEWS_WORD}$|^(?:Reuters|AFP|AP|Xinhua|Bloomberg)$"
)
#: a proper name as written in running text: capitalised words and the small words inside names
_CAP = r"[A-Z][\w&'’.-]*"
_ORG = rf"(?:[Tt]he\s+)?{_CAP}(?:\s+(?:{_CAP}|&|of|and|de|del|la|le|el|al)){{0,5}}"
_PRINT = re.compile(
    rf"(?i:\bin\s+print\b|\bprint\s+edition\b).{{0,100}}?\b(?:of|in)\s+(?P<name>{_ORG})"
    r"(?=\s+(?i:with|under|on)\b|\s*[.,;:]|\s*$)"
)
_COPYRIGHT = re.compile(
    r"^(?:©|\([cC]\)|(?i:copyright))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?[,.]?\s*)?"
    rf"(?P<name>{_ORG})"
)
_CORPORATE = re.compile(
    r"(?:,?\s+(?:Pty\.?\s+)?(?:Ltd|Limited|Inc|LLC|plc|PLC|GmbH|Corp|Corporation|Co|S\.A)\.?)+$"
)
_PUBLISHER_TAIL = re.compile(
    r"(?:\s+(?:Media|Group|Network|Company|Publishing|Publications|Holdings|Corporation|Newspapers))+$"
)
_PUBLISHER = re.compile(r"\b(?:Media|Group|Network|Company|Publishing|Publications|Holdings|Corporation)$")
_AGENCY_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]+\s*(?:,\s*[A-Z][a-z]+\.?(?:\s+\d{1,2})?(?:,?\s+\d{4})?\s*)?"
    r"\((?P<name>[^)]{2,40})\)\s*[—–-]"
)
#: "(AP) — …", "(Yonhap) - …": an agency credited at the very start of the first paragraph
_AGENCY_LEAD = re.compile(r"^\((?P<name>[^)]{2,40})\)\s*[—–-]")
#: an agency's name as a dateline writes it: capitalised words or an acronym, no date or note
_AGENCY_NAME = re.compile(
    r"^(?!(?:Updated|Reuters Breakingviews|File|Photo|Video)\b)[A-Z][\w&.'’-]*(?:\s+[A-Z&][\w&.'’-]*){0,3}$"
)
_BYLINE_OUTLET = re.compile(r"^[(\s]*By\s.*?[|,]\s*(?P<name>[^|,]+?)\s*$")
_FOR_OUTLET = re.compile(r"\bfor\s+(?P<name>(?:The\s+)?[A-Z][\w ]+?)\.?$")
_HANDLE = re.compile(
    r"(?i:\b(?:follow|find|join)\s+us\b|\bus\s+on\b|\bour\s+(?:twitter|x|instagram|telegram|tiktok)\b)"
    r"[^@\n.]{0,40}@(?P<name>\w{2,30})"
)
#: section and list labels shaped like a name ("Latest News", "Most Read Times"): menus, not mastheads
_NAV_LABEL = re.compile(
    r"^(?:Latest|Top|More|Most|Breaking|Related|Recent|Trending|Popular|Other|Local|Sports?|Tech|Science|"
    r"Health|Entertainment|Opinion|Live)\b"
)
_NEWSLETTER = re.compile(r"\b(?:newsletters?|subscribe|sign[- ]up|inbox|briefing)\b", re.IGNORECASE)

#: best first; a name found by an earlier form wins over one found by a later form. The dateline
#: agency is not among them: a reprint carries the agency's dateline under its own masthead, so
#: the agency is the story's ``wire_source`` and the outlet only when nothing else names one.
OUTLET_RANK = (
    "print-line",
    "copyright",
    "byline",
    "photo-credit",
    "masthead",
    "header",
    "footer",
    "handle",
)
#: forms reliable enough to beat the page's URL host and ``--outlet``; the rest come after both
STRONG_SOURCES = frozenset(OUTLET_RANK[:5])


def wire_agency(line: str) -> str | None:
    """The news agency a dateline credits ("SEOUL, March 12 (Yonhap) -", "(AP) —"), or None."""
    m = _AGENCY_DATELINE.match(line) or _AGENCY_LEAD.match(line)
    if m is None:
        return None
    name = m["name"].strip()
    return name if _AGENCY_NAME.match(name) else None


#: a bare site-name line is at most this long (site names are 1-5 words)
SITE_LINE_CHARS = 40


def looks_like_outlet(text: str) -> str | None:
    """``text`` if it is shaped like a news outlet's name ("The Harbour Post", "Reuters")."""
    text = text.strip(" .|")
    return text if _OUTLET.match(text) else None


def find_outlet(
    lines: Sequence[tuple[str, str | None]], first_body: int, last_body: int, title: str | None = None
) -> tuple[str, str] | None:
    """(name, source) from the text's own lines, or None.

    ``lines`` are the document's blocks with their cleaning label (None = body); the header is
    everything up to the first body block, the footer everything after the last.
    """
    found: dict[str, str] = {}

    def offer(source: str, name: str | None) -> None:
        if name and source not in found:
            found[source] = name

    for i, (text, label) in enumerate(lines):
        if m := _PRINT.search(text):
            offer("print-line", _proper(m["name"]))
        if label != "caption" and len(text.split()) <= 20 and (m := _COPYRIGHT.match(text)):
            offer("copyright", _copyright_holder(m["name"]))
        if label == "masthead" and i < first_body:
            offer("masthead", text.strip(" .|"))
        if label == "byline" and (m := _BYLINE_OUTLET.match(text)):
            offer("byline", looks_like_outlet(m["name"]))
        near_end = label in ("caption", "credit") or i >= len(lines) - 3
        if near_end and (m := _FOR_OUTLET.search(text)):
            offer("photo-credit", looks_like_outlet(m["name"]))
        if (
            label is not None
            and len(text) <= SITE_LINE_CHARS
            and text != title
            and not _in_newsletter(lines, i)
        ):
            if i < first_body:
                offer("header", _site_line(text))
            elif i > last_body:
                offer("footer", _site_line(text))
        if "@" in text and (m := _HANDLE.search(text)):  # no handle without its "@": most lines
            offer("handle", "@" + m["name"])
    best = next((s for s in OUTLET_RANK if s in found), None)
    return (found[best], best) if best else None


def _proper(name: str) -> str | None:
    """A name as running text writes it, as a masthead does: "the Southern Chronicle" → "The …"."""
    name = name.strip()
    if name[:4] == "the ":
        name = "The " + name[4:]
    return name if re.search(r"[A-Z]", name.removeprefix("The ")) else None


def _copyright_holder(name: str) -> str | None:
    """The holder of a copyright line when it is a publisher, not a photographer."""
    name = re.split(r"(?<![A-Z])\.(?:\s|$)|,\s", name.strip())[0].strip()
    corporate = bool(_CORPORATE.search(name))
    name = _CORPORATE.sub("", name).strip()
    if not name or name.lower() in ("the", "all"):
        return None
    masthead = _PUBLISHER_TAIL.sub("", name)
    if masthead != name and looks_like_outlet(masthead):
        return _proper(masthead)  # "Coral Times Media Group" publishes "Coral Times"
    if looks_like_outlet(name) or re.fullmatch(r"[A-Z]{2,6}", name) or corporate or _PUBLISHER.search(name):
        return _proper(name)
    return None  # "© Jane Doe": a person's photo, not the page's publisher


def _site_line(text: str) -> str | None:
    """A bare line that is a site name, not a section label."""
    return None if _NAV_LABEL.match(text) else looks_like_outlet(text)


def _in_newsletter(lines: Sequence[tuple[str, str | None]], i: int) -> bool:
    """A line in or beside a newsletter box names the newsletter, not the outlet."""
    near = lines[max(0, i - 1) : i + 2]
    return any(label == "newsletter" or _NEWSLETTER.search(text) for text, label in near)
