"""Decide, block by block, what is article prose and what is page furniture.

A block leaves the body only on strong, local evidence: a *rule* for the things whose form is
fixed by convention (bylines, credits, photo credits, datelines, navigation bars, tag lists),
its own furniture vocabulary weighed against its shape (``furniture.junk_evidence``: a short
fragment goes on one piece of evidence, a sentence needs two or three, long prose none), or
the outlet repeating it across its other articles. Position decides only in plain text and
only for short fragments: before the first full sentence (a title, a menu) and after the last
(a footer; not a list with figures). Everything between stays, headings and table rows
*marked* so analysis may skip them. English-only cues are skipped for other languages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection

from ..calendar_words import CHRONOLOGY_HEADING
from .furniture import MONEY, PROMO, UI_LINE_WORDS, cta_share, junk_evidence, web_hits
from .lines import Block, normalise
from .metadata import BYLINE_LINE, DATE_RE
from .outlets import looks_like_outlet

__all__ = ["classify", "junk_evidence", "JUNK_REASONS", "KEEP_REASONS", "MARK_REASONS", "DATELINE_PREFIX"]


#: reasons for pieces that are not article prose but are not junk either
KEEP_REASONS = frozenset({"title", "caption", "credit", "subheading", "byline", "dateline"})
#: reasons for junk; "boilerplate" is the classifier's verdict when no rule names the kind
JUNK_REASONS = frozenset(
    {
        "duplicate",
        "masthead",
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
_NAV_SEP = re.compile(r"\s[|•·»›>]\s")
_RELATED = re.compile(
    r"^(?:read|see|watch|listen)(?: more| also)?\s*:|"
    r"^(?:related|recommended|more from|most (?:read|popular))\b",
    re.IGNORECASE,
)
DATELINE_PREFIX = re.compile(
    r"^(?P<dl>[A-Z][A-Z'’.-]+(?:\s[A-Z][A-Z'’.-]+){0,3}(?:,\s*[A-Z][a-z]+\.?(?:\s\d{1,2})?)?"
    r"(?:\s*\([^)]{1,40}\))?\s*[—–-]{1,2}\s*)(?=[A-Z“\"‘])"
)

#: reasons for pieces kept in the body but marked, so analysis may skip them
MARK_REASONS = frozenset({"subheading", "table"})

#: characters of scripts written without spaces between words (CJK, kana, Thai, Lao, Khmer)
_SPACELESS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af\u0e00-\u0eff\u1780-\u17ff]")
#: one row of a table: cells between pipes or tabs
_CELLS = re.compile(r"\s*[|\t]\s*")
#: reported speech: a block before a photo credit that has it is prose, not a caption
_SPEECH = re.compile(r"\b(?:said|says|saying|told|added|according to)\b|[“”\"]")
_DIGIT = re.compile(r"\d")
_ITEM_START = re.compile(r"[\d•·▪*–—-]")  # a list item's number or bullet
_TAG_SEP = re.compile(r"[\s,;|/]+")

# Evidence thresholds, tuned on eval/junk (14 bodies in 4 languages x 3 dressings, 90 junk
# lines of 20 kinds) and the demo gold: a fragment goes on one piece of evidence, a sentence
# needs two, long prose is body unless a convention rule or the outlet's repetition names it.
FRAGMENT_EVIDENCE = 1.0
SENTENCE_EVIDENCE = 2.0
#: a sentence this long needs more: "You can read the full report on the ministry's website."
#: has "you" and "website" and is the article's own
LONG_SENTENCE_WORDS = 8
LONG_SENTENCE_EVIDENCE = 3.0
LONG_PROSE_WORDS = 30  # a block longer than this is long prose: cut by rules only
LONG_PROSE_CHARS = 120  # the same for scripts written without spaces (Japanese, Chinese)
REPEATED_MAX_WORDS = 60  # an outlet's repeated line longer than this is an article's own text
ANCHOR_WORDS = 8  # a sentence this long anchors the body: junk sweeps stop at it
ANCHOR_CHARS = 25  # ... in scripts without spaces
REPOST_GAP = 4  # a reposted page repeats its title within this many blocks (title, teaser, byline)
HEAD_SHARE = 0.4  # a repeated title + teaser is looked for in this leading share of blocks
TEASER_COVER = 0.6  # share of a block's 4-grams recurring later that marks it as a copy
TAIL_SHARE = 0.25  # a credit line in this trailing share of blocks closes the article
CONTINUES = 2  # this many full paragraphs after a credit mean the article goes on past it
CAPTION_WORDS = 45  # longest block a bare photo credit after it makes a caption
FRAGMENT_WORDS = 5  # a non-sentence of at most this many words outside the body is furniture


def _spaceless(b: Block) -> bool:
    """Written without spaces between words (CJK): word counts mean nothing there."""
    return len(_SPACELESS.findall(b.text)) >= 0.3 * len(b.text)


def _long_prose(b: Block) -> bool:
    return b.n_words > LONG_PROSE_WORDS or (_spaceless(b) and len(b.text) > LONG_PROSE_CHARS)


def _sentence(b: Block) -> bool:
    """A sentence, or a line long enough to be a headline: one furniture word does not cut it."""
    if _spaceless(b):
        return len(b.text) >= 12
    return (b.terminal and b.n_words >= 3) or b.n_words >= 6


def _anchor(b: Block) -> bool:
    """A sentence long enough that the article is plainly under way."""
    return b.terminal and (b.n_words >= ANCHOR_WORDS or (_spaceless(b) and len(b.text) >= ANCHOR_CHARS))


def _is_junk(b: Block, evidence: float) -> bool:
    if _long_prose(b):
        return False
    if not _sentence(b):
        return evidence >= FRAGMENT_EVIDENCE
    return evidence >= (LONG_SENTENCE_EVIDENCE if b.n_words >= LONG_SENTENCE_WORDS else SENTENCE_EVIDENCE)


def _junk_kind(b: Block, repeated: Collection[str]) -> str:
    if b.short_run >= 4 and b.n_words <= 1:
        return "buttons"
    if repeated and b.key in repeated:
        return "repeated"
    kinds = web_hits(b)
    if kinds:
        return Counter(kinds).most_common(1)[0][0]
    if PROMO.search(b.text):
        return "promo"
    if _RELATED.search(b.text):
        return "related"
    return "boilerplate"


#: table rows are looked for this many blocks either side (a junk line can sit between rows)
TABLE_REACH = 3


def _table_rows(blocks: list[Block]) -> list[bool]:
    """Rows of a table: a line of cells near another line with as many cells."""
    cells = [len(_CELLS.findall(b.text)) if not b.terminal else 0 for b in blocks]
    return [
        c >= 1
        and any(
            cells[j] == c
            for j in range(max(0, i - TABLE_REACH), i + TABLE_REACH + 1)
            if j != i and j < len(blocks)
        )
        for i, c in enumerate(cells)
    ]


def classify(
    blocks: list[Block],
    repeated: Collection[str] = (),
    extracted: bool = False,
    english: bool = True,
    title: str | None = None,
) -> list[str | None]:
    """A reason for every block: junk and metadata leave the body, ``MARK_REASONS`` stay in it
    marked, ``None`` is plain body.

    A block is cut on strong local evidence only: a convention rule (byline, credit, caption,
    navigation bar), its own furniture vocabulary (``junk_evidence``), or the outlet repeating
    it across its other articles. Beyond that, structure: a title and short fragments before
    the body starts or after it ends are furniture in plain text; between the first and last
    full sentence everything else is the article's (headings, lists, tables, questions).

    ``extracted``: the blocks are trafilatura's body text from an HTML page, which has already
    dropped the page's structure; only evidence cuts there, never position.
    ``english``: English-only cues (calls to action, "you", bylines) are read.
    ``title``: the page's own title (HTML metadata); a line before the body that repeats it is it.
    """
    n = len(blocks)
    table = _table_rows(blocks)
    labels: list[str | None] = [
        "table" if table[i] else _rule(b) if english or _rule(b) != "subheading" else None
        for i, b in enumerate(blocks)
    ]
    if not english:  # bylines, credits and labels are read by English patterns
        labels = [lab if lab in ("table", "navigation", "promo", "caption") else None for lab in labels]
    # long prose is never cut on evidence: not measured (the phrase scan is most of the cost)
    evidence = [0.0 if _long_prose(b) else junk_evidence(b, english) for b in blocks]
    for i, b in enumerate(blocks):
        if labels[i] is not None:
            continue
        if repeated and b.key in repeated and b.n_words <= REPEATED_MAX_WORDS:
            labels[i] = "repeated"
        elif _is_junk(b, evidence[i]):
            labels[i] = _junk_kind(b, repeated)
    for i, b in enumerate(blocks):
        if labels[i] in (None, "subheading") and _tag_list(b) and not _long_prose(b) and (i > 0 or n == 1):
            labels[i] = "related"  # "Tags: Transport, Strikes": a list of the site's section links
    if labels and labels[0] == "subheading" and n > 1:
        labels[0] = None  # a "Label: text" first line is the headline, not a section

    # A bare photo credit ("Photo: REUTERS") makes the block before it a caption (not in
    # trafilatura's text: it drops <figcaption>, so the block before a stray credit is prose).
    for i in range(1, 0 if extracted else n):
        bare_credit = labels[i] == "caption" and blocks[i].n_words <= 5
        before = blocks[i - 1]
        # a caption is one sentence describing a picture; reported speech or two sentences are prose
        speech = _SPEECH.search(before.text)
        prose = len(before.sentences) > 1 or speech
        if bare_credit and labels[i - 1] is None and before.n_words <= CAPTION_WORDS and not prose:
            labels[i - 1] = "caption"

    anchors = [i for i in range(n) if labels[i] is None and _anchor(blocks[i])]
    if not anchors:  # no full sentence (a one-line brief, a list of dates): no line is outside it
        anchors = [i for i in range(n) if labels[i] is None]
    first, last = (anchors[0], anchors[-1]) if anchors else (n, -1)

    if title and (key := normalise(title)):
        # anywhere: trafilatura can set the page's <h1> after the lead paragraph
        same = next(
            (i for i in range(n) if labels[i] is None and not blocks[i].terminal and blocks[i].key == key),
            None,
        )
        if same is not None:
            labels[same] = "title"
            for i in range(same if same < first else 0):  # a kicker over the headline ("Asia-Pacific")
                if labels[i] is None and _fragment(blocks[i]):
                    labels[i] = "navigation"
    if not extracted:
        _head(blocks, labels, first)
        first = next((i for i in anchors if labels[i] is None), n)
    for i in range(n):
        b = blocks[i]
        if labels[i] is None and b.repeat_of is not None and b.n_words >= 3 and labels[b.repeat_of] is None:
            labels[i] = "duplicate"  # a copy of a line kept above (a repeated pull quote, a dek)

    # A closing credit ("X contributed reporting.") ends the article: what follows is furniture.
    # Unless the article plainly goes on: a credit closing one entry of a live page is followed
    # by more full paragraphs, a closing credit only by furniture (a bio, a print note, a form).
    credits = [i for i in range(n) if labels[i] == "credit" and i >= n * (1 - TAIL_SHARE)]
    after = range(credits[-1] + 1 if credits else n, n)
    going_on = sum(1 for i in after if labels[i] is None and _long_prose(blocks[i]))
    for i in after if going_on < CONTINUES else ():
        if labels[i] is None and not _long_prose(blocks[i]):
            labels[i] = _junk_kind(blocks[i], repeated)

    # Furniture comes in boxes: a bare label between two junk lines is the box's own
    # ("Newsletter Sign-Up" / "Morning Brief" / "Get the top stories in your inbox").
    for i in range(1, n - 1):
        boxed = labels[i - 1] in JUNK_REASONS and labels[i + 1] in JUNK_REASONS
        if labels[i] is None and boxed and _fragment(blocks[i]) and not _DIGIT.search(blocks[i].text):
            labels[i] = labels[i - 1]

    # The tail: short lines after the last sentence are furniture in plain text, except a list
    # closing the article (items with figures) and the heading right over it ("Opening hours").
    listed = False
    for i in range(n - 1, last, -1):
        b = blocks[i]
        if labels[i] is not None or table[i] or extracted or not _fragment(b):
            listed = labels[i] is None and (table[i] or not _fragment(b) or listed)
            continue
        if _list_item(b) or listed:
            listed = _list_item(b)
            continue
        labels[i] = _junk_kind(b, repeated)
    for i in range(n):
        if labels[i] is not None or table[i]:
            continue
        b = blocks[i]
        if first < i < last and not b.terminal and b.n_words <= 14 and _heading(b) and not _dated_heading(b):
            labels[i] = "subheading"
    if n and all(lab is not None and lab not in MARK_REASONS for lab in labels):
        # A record of one line (a brief, a feed summary, a wire flash) is an article: its
        # longest line stays even when it is shaped like a headline or carries a web word.
        # A page left with nothing but its menu ("Home") has no article.
        longest = max(range(n), key=lambda i: len(blocks[i].text))
        button = blocks[longest].n_words <= UI_LINE_WORDS and evidence[longest] >= FRAGMENT_EVIDENCE
        if labels[longest] not in ("byline", "dateline", "credit") and not button:
            labels[longest] = None
    return labels


def _head(blocks: list[Block], labels: list[str | None], first: int) -> None:
    """Before the body: a title, a reposted title + teaser, bylines; short fragments are furniture."""
    n = len(blocks)

    def headline(i: int) -> bool:
        b = blocks[i]
        return (
            labels[i] is None
            and not b.terminal
            and not b.text.endswith((":", ",", ";"))  # a line that runs on into the next is prose
            and (3 <= b.n_words <= 30 or (_spaceless(b) and len(b.text) <= 80))
        )

    opening = next((i for i in range(min(first, n)) if labels[i] is None), None)
    if (
        opening is not None
        and _masthead(blocks, opening)
        and any(headline(i) for i in range(opening + 1, min(first, n)))
    ):
        labels[opening] = "masthead"  # the site's name over the headline: "The Daily Meridian"
    title = None
    for i in range(min(first, n)):
        if headline(i):
            title = i
            break
        if labels[i] is None and not _fragment(blocks[i]):
            break  # prose has begun ("… as follows:"): what comes after it is no headline
    if title is None:
        title = _short_title(blocks, labels, first)
    if title is None:
        for i in range(min(first, n)):
            if labels[i] is None and _head_fragment(blocks, labels, i):
                labels[i] = _junk_kind(blocks[i], ())
        return
    labels[title] = "title"
    head = max(1, int(n * HEAD_SHARE))
    copy = next((i for i in range(title + 1, n) if blocks[i].repeat_of == title), None)
    body_after = copy is not None and any(
        labels[i] is None and _anchor(blocks[i]) for i in range(copy + 1, n)
    )
    if copy is not None and copy - title <= REPOST_GAP and copy <= max(head, 8) and body_after:
        # A reposted page: title + teaser, then the real article from the title again.
        for i in range(title + 1, copy):
            if labels[i] not in ("byline", "dateline"):
                labels[i] = "duplicate" if blocks[i].covered_later >= 0.5 else "boilerplate"
        labels[copy] = "title"
        first = next((i for i in range(copy + 1, n) if labels[i] is None and _anchor(blocks[i])), n)
    elif first < n and first <= 3 and blocks[first].covered_later >= TEASER_COVER:
        # a teaser that the article then repeats in full further down (a long one: nearly all)
        labels[first] = (
            "duplicate" if not _long_prose(blocks[first]) or blocks[first].covered_later >= 0.9 else None
        )
    for i in range(min(first, n)):
        if labels[i] is None and _head_fragment(blocks, labels, i):
            labels[i] = _junk_kind(blocks[i], ())


#: words of a page's section labels and menus ("World News", "Top Stories", "Most Read"): a
#: two-word line holding one is not taken for a headline
_SECTION_WORDS = frozenset(
    {
        "news",
        "stories",
        "story",
        "latest",
        "top",
        "most",
        "read",
        "related",
        "popular",
        "trending",
        "home",
        "menu",
        "section",
        "sections",
        "topics",
        "more",
        "video",
        "videos",
        "photos",
        "gallery",
        "live",
        "updates",
        "opinion",
        "analysis",
        "editorial",
        "features",
        "sport",
        "sports",
        "business",
        "politics",
        "world",
        "local",
        "national",
        "breaking",
        "headlines",
        "today",
        "weather",
        "culture",
        "lifestyle",
        "entertainment",
        "tech",
        "technology",
        "science",
        "health",
        "travel",
        "archive",
        "archives",
        "search",
    }
)


def _short_title(blocks: list[Block], labels: list[str | None], first: int) -> int | None:
    """A two-word headline ("Lighthouse Restored", "Markets Rally"), too short for ``_head``'s
    headline test, when it is the last unlabelled line right above the body and no longer
    headline was found: title-cased, no section or web word, not a site's name."""
    kept = [i for i in range(min(first, len(blocks))) if labels[i] is None]
    if not kept:
        return None
    i = kept[-1]
    b = blocks[i]
    words = b.text.split()
    shaped = (
        len(words) == 2
        and not b.terminal
        and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words)
        and not any(w.lower() in _SECTION_WORDS for w in words)
    )
    if not shaped or not _heading(b) or looks_like_outlet(b.text) is not None:
        return None
    return i


def _head_fragment(blocks: list[Block], labels: list[str | None], i: int) -> bool:
    """A short line before the article starts is furniture (a menu, a section label), unless it
    is an item of a list that a kept line above leads into ("… as follows:")."""
    b = blocks[i]
    if b.terminal or b.n_words > FRAGMENT_WORDS:
        return False
    kept_above = any(labels[j] is None for j in range(i))
    return not (_list_item(b) and kept_above)


def _fragment(b: Block) -> bool:
    """A short line that is not a sentence: a label, a button, a heading, a list item."""
    return not b.terminal and (b.n_words <= FRAGMENT_WORDS if not _spaceless(b) else len(b.text) <= 20)


def _masthead(blocks: list[Block], i: int) -> bool:
    """A site's name set alone over the headline: 1-5 capitalised words that are shaped like an
    outlet's name ("Coral Times") or that the page names again (its copyright line), not a
    section label ("Politics", "ANALYSIS")."""
    b = blocks[i]
    words = b.text.split()
    small = {"of", "the", "and", "&", "de", "la", "el"}
    shaped = (
        not b.terminal
        and 1 <= len(words) <= 5
        and all(w[:1].isupper() or w.lower() in small for w in words)
        and not web_hits(b)
        and not b.urlish
    )
    again = any(j != i and b.key in c.key and c.n_words <= 12 for j, c in enumerate(blocks))
    return shaped and (looks_like_outlet(b.text) is not None or again)


def _list_item(b: Block) -> bool:
    """An item of a list closing the article: it opens with a number or a bullet, or holds a
    figure (a date, a score, an amount). Menus and section names after an article hold none."""
    return bool(_ITEM_START.match(b.text)) or bool(_DIGIT.search(b.text))


def _heading(b: Block) -> bool:
    """A short line between paragraphs with nothing of a call to action: a section heading."""
    return not b.urlish and b.second_person == 0 and cta_share(b) == 0 and not web_hits(b)


def _rule(b: Block) -> str | None:
    """Reasons fixed by convention; each guarded by length so prose is never caught."""
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
    # a price is a promo only with promo wording or a call to action: a bare amount is a line of
    # a budget, a price list or a product heading ("Roads: £14.2m, up 6%", "Sonos Move for $400")
    if w <= 20 and (PROMO.search(t) or (MONEY.search(t) and cta_share(b) > 0)):
        return "promo"
    if w <= 16 and _LABEL.match(t) and " said" not in t:
        return "subheading"
    if b.urlish and w <= 30 and (cta_share(b) > 0 or w <= 12):
        kinds = web_hits(b)
        return Counter(kinds).most_common(1)[0][0] if kinds else "contact"  # ties: first seen
    return None


def _dated_heading(b: Block) -> bool:
    """A heading that ends in a full date after a dash: the head of a dated chronology entry."""
    return CHRONOLOGY_HEADING.fullmatch(b.text.strip().rstrip(" .")) is not None


def _tag_list(b: Block) -> bool:
    """ "Topics: Lakeside, Infrastructure, Transport": a label over capitalised names, no sentence."""
    _, colon, rest = b.text.partition(":")
    items = [w for w in _TAG_SEP.split(rest) if w]
    return bool(colon and items) and not b.terminal and all(w[0].isupper() or w[0].isdigit() for w in items)
