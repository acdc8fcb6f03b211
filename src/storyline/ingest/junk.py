"""Decide, block by block, what is article prose and what is page furniture.

Two layers. A *prose score* adds up shape features (``lines.Block``): long, punctuated,
function-word-rich, on-topic blocks score high; short, label-like, reader-addressing,
call-to-action, link-bearing, off-topic or repeated blocks score low. That score is what
generalises to junk never seen before. On top, *rules* name the things whose form is fixed by
convention (bylines, credits, photo credits, datelines, navigation bars) and the document
structure (title, a repeated title + teaser, the tail after the article, headings between
paragraphs). Keyword lists only *name* a junk block's kind; they never decide it alone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection

from ..calendar_words import CHRONOLOGY_HEADING
from .lines import Block, normalise
from .metadata import BYLINE_LINE, DATE_RE

__all__ = ["classify", "prose_score", "JUNK_REASONS", "KEEP_REASONS", "DATELINE_PREFIX"]


#: reasons for pieces that are not article prose but are not junk either
KEEP_REASONS = frozenset({"title", "caption", "credit", "subheading", "byline", "dateline"})
#: reasons for junk; "boilerplate" is the classifier's verdict when no rule names the kind
JUNK_REASONS = frozenset(
    {
        "duplicate",
        "promo",
        "newsletter",
        "comments",
        "social",
        "contact",
        "navigation",
        "buttons",
        "related",
        "legal",
        "advert",
        "repeated",
        "boilerplate",
    }
)

# Verbs that open a call to action when a sentence starts with them (outside quotation marks).
_CTA_VERBS = frozenset(
    [
        "subscribe",
        "sign",
        "join",
        "follow",
        "share",
        "click",
        "tap",
        "read",
        "watch",
        "listen",
        "download",
        "get",
        "try",
        "add",
        "write",
        "contact",
        "log",
        "register",
        "email",
        "comment",
        "scroll",
        "like",
        "continue",
        "see",
        "view",
        "learn",
        "discover",
        "save",
        "shop",
        "buy",
        "order",
        "visit",
        "enter",
        "check",
        "catch",
        "stay",
        "leave",
        "send",
        "support",
        "donate",
        "become",
        "upgrade",
        "start",
        "explore",
        "back",
        "copy",
        "print",
        "reply",
        "load",
        "show",
        "hide",
        "skip",
        "accept",
        "manage",
        "allow",
        "open",
        "install",
    ]
)
_CTA_PHRASE = re.compile(
    r"\b(?:follow us|sign up|log in|click here|tap here|join the (?:conversation|discussion)|"
    r"back to top|share this|let us know|tell us|what do you think|do you think|never miss|"
    r"we are also on|find us on|download (?:our|the) app)\b",
    re.IGNORECASE,
)
# Vocabulary of the web page rather than of the news; maps to the kind it names.
_WEB_KINDS: dict[str, str] = {
    **dict.fromkeys(
        ["newsletter", "newsletters", "subscribe", "subscribed", "subscription", "inbox"], "newsletter"
    ),
    **dict.fromkeys(["comments", "commenting", "commenters", "reaction", "reactions"], "comments"),
    **dict.fromkeys(
        [
            "twitter",
            "facebook",
            "instagram",
            "youtube",
            "whatsapp",
            "telegram",
            "tiktok",
            "linkedin",
            "social",
        ],
        "social",
    ),
    **dict.fromkeys(["email", "e-mail"], "contact"),
    **dict.fromkeys(["cookie", "cookies", "privacy", "copyright", "©"], "legal"),
    **dict.fromkeys(["advertisement", "advertising", "sponsored"], "advert"),
    **dict.fromkeys(
        ["app", "browser", "website", "homepage", "login", "password", "account", "podcast"], "boilerplate"
    ),
}
_PROMO = re.compile(
    r"\d+\s?%\s?off\b|\bfree trial\b|\bcancel anytime\b|\blimited[- ]time\b|"
    r"\bper (?:week|month)\b|\bdigital access\b|\bspecial offer\b",
    re.IGNORECASE,
)
_MONEY = re.compile(r"[$€£]\s?\d")
#: a person's name as credit lines write it: "Nancy A. Youssef", "Olivia Wang", "Ana de la Cruz"
_CREDIT_NAME = (
    r"(?!(?:He|She|They|It|We|I|The|This|That|His|Her|Their|Its|One|Some)\b)"
    r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|la|van|von|bin|al|da))*"
)
_CREDIT = re.compile(
    # "X contributed reporting." / "X and Y contributed to this article." / "… from Hong Kong."
    rf"^[(—–-]*\s*{_CREDIT_NAME}(?:\s*(?:,|and|&)\s*{_CREDIT_NAME})*(?:\s*,)?\s+(?:also\s+)?contributed\s+"
    r"(?:reporting|research|to\s+(?:this|the)\s+(?:article|report|story))(?:\s+(?:from|in|at)\b.*)?[.)]?\s*$|"
    # "Reporting by X; Editing by Y", "(Additional reporting by X)", "Compiled by X"
    r"(?:^|[;(]\s*)[(—–-]*\s*(?i:(?:additional\s+|with\s+|further\s+)?"
    r"(?:reporting|editing|writing|research|compiled|written|produced|translated)\s+by)\s+[A-Z]"
)
#: "A version of this article appears in print on …": the page's print-edition note
_PRINT_NOTE = re.compile(
    r"^(?:a version of )?this (?:article|story) (?:appears|appeared) in (?:print|the print)", re.I
)
_PHOTO = re.compile(
    r"^(?:file )?(?:photo|photograph|image|picture|video|illustration|graphic)s?"
    r"(?:\s*(?:credit|by))?\s*[:/|]|"
    r"\bcredit\s*[:…]|\b(?:getty images|ap photo|afp via getty|shutterstock)\b|"
    r"\([A-Z][\w .&'’-]*[:/]\s*[A-Z][\w .'’-]*\)$",
    re.IGNORECASE,
)
_LABEL = re.compile(r"^(?:[A-Z][\w’'-]*\s){0,3}[A-Z][\w’'-]*:\s+\S")
_NAV_SEP = re.compile(r"\s[|•·»›]\s")
_RELATED = re.compile(
    r"^(?:read|see|watch|listen)(?: more| also)?\s*:|"
    r"^(?:related|recommended|more from|most (?:read|popular))\b",
    re.IGNORECASE,
)
DATELINE_PREFIX = re.compile(
    r"^(?P<dl>[A-Z][A-Z'’.-]+(?:\s[A-Z][A-Z'’.-]+){0,3}(?:,\s*[A-Z][a-z]+\.?(?:\s\d{1,2})?)?"
    r"(?:\s*\([^)]{1,40}\))?\s*[—–-]{1,2}\s*)(?=[A-Z“\"‘])"
)

# Score weights: hand-set on the seeds and tests/fixtures/ingest (outlets A-D), then checked
# leave-one-outlet-out on fixtures E-F, whose junk strings appear nowhere else (see tests).
PROSE = 0.0  # a block scoring below this is not prose
STRONG_PROSE = 3.0  # the tail sweep stops at the first unlabelled block at or above this
HEAD_SHARE = 0.4  # teasers and repeated titles are looked for in this leading share of blocks
TEASER_COVER = 0.6
# share of a block's 4-grams recurring later that marks it as a copy
TAIL_SHARE = 0.25  # a credit line in this trailing share of blocks closes the article
CONTINUES = 2  # this many full paragraphs after a credit mean the article goes on past it
CAPTION_WORDS = 45  # longest block a bare photo credit after it makes a caption


def _cta_share(b: Block) -> float:
    if not b.sentences:
        return 0.0
    hits = 0
    for s in b.sentences:
        first = re.match(r"[\W\d_]*([A-Za-z]+)", s)
        reader_q = s.rstrip().endswith("?") and re.search(r"\byou(?:r)?\b", s, re.IGNORECASE)
        if (first and first.group(1).lower() in _CTA_VERBS) or _CTA_PHRASE.search(s) or reader_q:
            hits += 1
    return hits / len(b.sentences)


def _web_hits(b: Block) -> list[str]:
    return [_WEB_KINDS[w.lower()] for w in b.words if w.lower() in _WEB_KINDS] + (
        ["legal"] if "©" in b.text else []
    )


def prose_score(b: Block, repeated: Collection[str] = ()) -> float:
    """How much a block reads like article prose; below ``PROSE`` it is not."""
    w = b.n_words
    s = 2.0 if w >= 12 else 1.0 if w >= 6 else -0.5 if w >= 4 else -2.0
    s += 1.5 if b.terminal else -1.5
    if w >= 4:
        s += 1.0 if b.stop_ratio >= 0.25 else -1.0 if b.stop_ratio < 0.12 else 0.0
    if b.upper:
        s -= 1.5
    s -= 4.0 * _cta_share(b)
    web = len(_web_hits(b))
    s -= min(3.0, 1.5 * web) if w <= 25 else min(2.0, 0.5 * web)
    s -= min(2.0, float(b.second_person))
    if b.urlish:
        s -= 2.0
    if b.glued:
        s -= 1.0
    if w >= 5 and b.topical < 0.2:
        s -= 1.5
    if b.short_run >= 3:
        s -= 2.0
    if repeated and normalise(b.text) in repeated:
        s -= 4.0
    return s


def _rule(b: Block, extracted: bool = False) -> str | None:
    """Reasons fixed by convention; each guarded by length so prose is never caught.

    On extracted HTML a bare price ("Sonos Move for $400") is a product heading, not a promo:
    only the promo wording or a call to action marks one there.
    """
    t, w = b.text, b.n_words
    if w <= 40 and _CREDIT.search(t):
        return "credit"
    if w <= 60 and _PRINT_NOTE.search(t):
        return "boilerplate"
    if w <= 60 and _PHOTO.search(t):
        return "caption"
    if w <= 16 and BYLINE_LINE.match(t):
        return "byline"
    if w <= 12 and (m := DATE_RE.search(t)) and len(m.group(0)) >= 0.5 * len(t.rstrip(".")):
        return "dateline"
    if w <= 20 and _RELATED.search(t):
        return "related"
    if w <= 15 and not b.terminal and len(_NAV_SEP.findall(f" {t} ")) >= 2:
        return "navigation"
    bare_price = w <= 4 and not extracted
    if w <= 20 and (_PROMO.search(t) or (_MONEY.search(t) and (_cta_share(b) > 0 or bare_price))):
        return "promo"
    if w <= 16 and _LABEL.match(t) and " said" not in t:
        return "subheading"
    if b.urlish and w <= 30 and (_cta_share(b) > 0 or w <= 12):
        kinds = _web_hits(b)
        return Counter(kinds).most_common(1)[0][0] if kinds else "contact"  # ties: first seen
    return None


def _dated_heading(b: Block) -> bool:
    """A heading that ends in a full date after a dash: the head of a dated chronology entry."""
    return CHRONOLOGY_HEADING.fullmatch(b.text.strip().rstrip(" .")) is not None


def _strong_junk(b: Block, repeated: Collection[str]) -> bool:
    """Evidence that a block is page furniture whatever its shape: the bar for cutting from
    text that trafilatura already separated from the page, where a short line is usually a
    heading, a list item or a one-line paragraph of the article."""
    return (
        (b.short_run >= 4 and b.n_words <= 1)
        or (bool(repeated) and normalise(b.text) in repeated)
        or bool(_web_hits(b))
        or _cta_share(b) > 0
        or b.urlish
        or bool(_PROMO.search(b.text))
    )


def _junk_kind(b: Block, repeated: Collection[str]) -> str:
    if b.short_run >= 4 and b.n_words <= 1:
        return "buttons"
    if repeated and normalise(b.text) in repeated:
        return "repeated"
    kinds = _web_hits(b)
    if kinds:
        return Counter(kinds).most_common(1)[0][0]
    if _PROMO.search(b.text):
        return "promo"
    return "boilerplate"


def classify(
    blocks: list[Block], repeated: Collection[str] = (), extracted: bool = False
) -> list[str | None]:
    """A reason for every block that leaves the body, ``None`` for body prose.

    ``extracted``: the blocks are trafilatura's body text from an HTML page. There, headings
    stay in the body and the structural sweeps (between paragraphs, the tail) cut a weak
    block only on ``_strong_junk`` evidence; a one-line paragraph before the first full one
    is kept when it reads as a sentence.
    """
    n = len(blocks)
    scores = [prose_score(b, repeated) for b in blocks]
    labels: list[str | None] = [_rule(b, extracted) for b in blocks]

    def keep(i: int) -> bool:
        """On extracted text, a weak block without strong junk evidence stays in the body."""
        return extracted and not _strong_junk(blocks[i], repeated)

    prose = [labels[i] is None and scores[i] >= PROSE for i in range(n)]

    # A bare photo credit ("Photo: REUTERS") makes the block before it a caption. Not in
    # trafilatura's text: it drops <figcaption>, so a credit left there has lost its caption
    # already and the block before it is the article's.
    for i in range(1, 0 if extracted else n):
        bare_credit = labels[i] == "caption" and blocks[i].n_words <= 5
        if bare_credit and labels[i - 1] is None and blocks[i - 1].n_words <= CAPTION_WORDS:
            labels[i - 1], prose[i - 1] = "caption", False

    head = max(1, int(n * HEAD_SHARE))
    first_prose = next((i for i in range(n) if prose[i] and blocks[i].n_words >= 6), n)
    title = _title(blocks, labels, scores, first_prose)
    if title is not None:
        labels[title], prose[title] = "title", False
        copy = next((i for i in range(title + 1, n) if blocks[i].repeat_of == title), None)
        if copy is not None and copy <= max(head, 8):
            # A reposted page: title + teaser, then the real article from the title again.
            for i in range(title + 1, copy):
                if labels[i] not in ("byline", "dateline"):
                    labels[i] = "duplicate" if blocks[i].covered_later >= 0.5 else "boilerplate"
                prose[i] = False
            labels[copy] = "title"
            first_prose = next((i for i in range(copy + 1, n) if prose[i] and blocks[i].n_words >= 6), n)

    for i, b in enumerate(blocks):
        if labels[i] is not None:
            continue
        copy_of_kept = b.repeat_of is not None and b.n_words >= 3 and labels[b.repeat_of] is None
        teaser = i < head and b.n_words >= 8 and b.covered_later >= TEASER_COVER
        if copy_of_kept or teaser:
            labels[i], prose[i] = "duplicate", False

    # Up to two heading-like lines between paragraphs are section headings (a heading over a
    # dated list item); anything longer or off-topic there is furniture.
    i = 0
    while i < n:
        if labels[i] is not None or prose[i]:
            i += 1
            continue
        j = i
        while j < n and labels[j] is None and not prose[j]:
            j += 1
        inside = first_prose < i and j < n and prose[j]
        heading = (
            inside
            and j - i <= 2
            and all(
                _heading_like(blocks[k]) and normalise(blocks[k].text) not in repeated for k in range(i, j)
            )
        )
        for k in range(i, j):
            if heading and _dated_heading(blocks[k]):
                continue  # a chronology entry ("Leaders meet in Bali — November 14, 2022") is a fact
            if extracted and (heading or keep(k)):
                continue  # a heading or list item of the article that trafilatura kept
            labels[k] = "subheading" if heading else _junk_kind(blocks[k], repeated)
        i = j

    # Before the article starts, only title/byline/dateline/caption survive as metadata.
    for i in range(min(first_prose, n)):
        if labels[i] is None and not (prose[i] and blocks[i].terminal and keep(i)):
            labels[i] = _junk_kind(blocks[i], repeated)

    # A closing credit ("X contributed reporting.") ends the article: what follows is furniture.
    # Unless the article plainly goes on: a credit closing one entry of a live page is followed by
    # more full paragraphs, a closing credit only by furniture (a bio, a print note, a form).
    credits = [i for i in range(n) if labels[i] == "credit" and i >= n * (1 - TAIL_SHARE)]
    after = range(credits[-1] + 1 if credits else n, n)
    going_on = sum(1 for i in after if labels[i] is None and _full_paragraph(blocks[i], scores[i]))
    for i in after if going_on < CONTINUES else ():
        if labels[i] is None:
            labels[i] = _junk_kind(blocks[i], repeated)

    # The tail: after the last strong prose, weak short blocks are page furniture.
    tail = 0
    for i in range(n - 1, -1, -1):
        if labels[i] is not None:
            continue
        if scores[i] >= STRONG_PROSE or blocks[i].n_words > 25:
            tail = i + 1
            break
        if not keep(i):
            labels[i] = _junk_kind(blocks[i], repeated)
    if extracted:  # a heading or "Q:" line is the article's; a tag list closing it is not
        tags = [i >= tail and _tag_list(b) for i, b in enumerate(blocks)]
        labels = [None if lab == "subheading" and not tags[i] else lab for i, lab in enumerate(labels)]
    return labels


def _tag_list(b: Block) -> bool:
    """ "Topics: Lakeside, Infrastructure, Transport": a label over capitalised names, no sentence."""
    _, colon, rest = b.text.partition(":")
    items = [w for w in re.split(r"[\s,;|/]+", rest) if w]
    return bool(colon and items) and not b.terminal and all(w[0].isupper() or w[0].isdigit() for w in items)


def _full_paragraph(b: Block, score: float) -> bool:
    """Article prose beyond doubt: long, strongly scored, and about what the article is about."""
    return b.n_words > 25 and score >= STRONG_PROSE and b.topical >= 0.5


def _heading_like(b: Block) -> bool:
    """A short on-topic line between paragraphs, with nothing of a call to action."""
    return (
        b.n_words <= 14
        and (b.topical > 0 or not b.upper)
        and not b.urlish
        and b.second_person == 0
        and _cta_share(b) == 0
        and not _web_hits(b)
        and b.short_run < 3
    )


def _title(blocks: list[Block], labels: list[str | None], scores: list[float], first: int) -> int | None:
    for i in range(min(first + 1, len(blocks))):
        b = blocks[i]
        shaped = labels[i] is None and not b.terminal and 3 <= b.n_words <= 30
        if shaped and _cta_share(b) == 0 and not b.urlish and not _web_hits(b):
            return i
    return None
