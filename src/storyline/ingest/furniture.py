"""The vocabulary of page furniture, and how strongly one block's own words say it is some.

Evidence is local: what a block says (a call to action, the site talking about itself, a
cookie notice, a button label) and how (a link, a price), never where it sits. ``junk.py``
weighs it against the block's shape; the lists here only say what counts.
"""

from __future__ import annotations

import re

from .lines import Block

__all__ = ["junk_evidence", "cta_share", "web_hits", "WEB_KINDS", "PROMO", "MONEY"]

# Verbs that open a call to action when a sentence starts with them (outside quotation marks).
_CTA_TEXT = (
    "subscribe sign join follow share click tap read watch listen download get try add write "
    "contact log register email comment scroll like continue see view learn discover save shop "
    "buy order visit enter check catch stay leave send support donate become upgrade start "
    "explore back copy print reply load show hide skip accept manage allow open install turn "
    "enable"
)
CTA_VERBS = frozenset(_CTA_TEXT.split())
_FIRST_WORD = re.compile(r"[\W\d_]*([A-Za-z]+)")  # a sentence's first word (in ASCII letters)
CTA_PHRASE = re.compile(
    r"\b(?:follow us|sign up|log in|click here|tap here|join the (?:conversation|discussion)|"
    r"back to top|share this|let us know|tell us|what do you think|do you think|never miss|"
    r"we are also on|find us on|download (?:our|the) app)\b",
    re.IGNORECASE,
)
# Vocabulary of the web page rather than of the news; maps to the kind it names.
WEB_KINDS: dict[str, str] = {
    **dict.fromkeys(
        ["newsletter", "newsletters", "subscribe", "subscribed", "subscription", "inbox", "unsubscribe"],
        "newsletter",
    ),
    **dict.fromkeys(
        ["comments", "commenting", "commenters", "reaction", "reactions", "replies", "upvote", "permalink"],
        "comments",
    ),
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
            "reddit",
            "pinterest",
        ],  # not "social": social care, social housing and social services are news
        "social",
    ),
    **dict.fromkeys(["email", "e-mail"], "contact"),
    **dict.fromkeys(["cookie", "cookies", "privacy", "copyright", "©", "impressum", "imprint"], "legal"),
    **dict.fromkeys(["advertisement", "advertising", "sponsored", "advertise"], "advert"),
    **dict.fromkeys(
        [
            "app",
            "browser",
            "website",
            "homepage",
            "login",
            "password",
            "account",
            "podcast",
            "podcasts",
            "bookmark",
            "sitemap",
            "paywall",
            "notifications",
        ],
        "boilerplate",
    ),
}
PROMO = re.compile(
    r"\d+\s?%\s?off\b|\bfree trial\b|\bcancel anytime\b|\blimited[- ]time\b|"
    r"\bper (?:week|month)\b|\bdigital access\b|\bspecial offer\b",
    re.IGNORECASE,
)
MONEY = re.compile(r"[$€£]\s?\d")
#: Words that name page furniture when a short line is made of little else ("Play video",
#: "Loading…", "Next article", "Compartir", "Werbung"). They decide only for lines of at most
#: ``UI_LINE_WORDS`` words, half of them such words, that are not sentences: "Save" is a
#: button, "Save the date." and "What comes next" are not.
_UI_TEXT = (
    "menu breaking unlock search bookmark font size mode enlarge zoom replies reply report sort "
    "newest oldest picks image pin puzzles crossword obituaries weather horoscopes skip print save "
    "share tweet email copy link play video videos audio listen caption gallery photos loading trending "
    "previous next topics tags home live watch alerts notifications more read min close open "
    "expand collapse top sections latest popular recommended related sponsored ad ads publicidad "
    "anuncio compartir werbung anzeige teilen publicité partager pubblicità condividi publicidade "
    "compartilhar partilhar delen udostępnij reklame"
)
_UI_WORDS = frozenset(_UI_TEXT.split())
UI_LINE_WORDS = 4
#: Phrases that only web pages say about themselves; strong evidence in any block that is not
#: long prose. Site self-reference ("our journalism", "our app") generalises to unseen appeals.
_UI_PHRASE = re.compile(
    r"\b(?:all rights reserved|privacy (?:policy|settings|notice)|"
    r"terms (?:of (?:use|service)|(?:and|&) conditions)|"
    r"(?:use|uses|accept|manage) cookies|cookie (?:policy|settings|preferences)|"
    r"javascript|your browser|ad ?blocker|logged in|subscribers? only|"
    r"free articles?|unlimited access|already a subscriber|you may also like|most (?:read|popular|viewed)|"
    r"story continues|comments? (?:are|is) (?:closed|disabled)|reader survey|"
    r"(?:this content|this video) is (?:not )?(?:available|unavailable)|"
    r"not available in your (?:region|country)|"
    r"min(?:ute)? read|sign(?:ing|ed) up|"
    r"(?:updated |posted )?\d+ (?:minutes?|hours?|days?) ago|"
    r"our (?:journalism|coverage|newsletters?|app|website|site|terms|community|subscribers|newsroom)|"
    r"make a (?:contribution|donation)|"
    r"(?:reject|accept|allow) all|agree and close|without (?:our )?permission|"
    r"(?:last )?modified on|click (?:here|to)|press esc|tip us off|"
    r"was this (?:story|article) (?:useful|helpful)|"
    r"editor'?s picks?|also in the news|don'?t miss|up next|our \d+ partners|on your device|"
    r"free (?:weekly|daily) (?:digest|newsletter|briefing)|check your inbox|register to read|free account|"
    r"start your (?:free )?trial|paid (?:partner|post|content)|ad feedback|scroll to continue|"
    r"best experience|reading time|audio version|sponsored by|send to a friend|unsubscribe|"
    r"lesen sie auch|mehr zum thema|leia (?:também|mais)|lea también|lire aussi|leggi anche|"
    r"à lire aussi|(?:be the first|log in|sign in) to comment|(?:leave|add|post) a (?:comment|reply)|"
    r"no comments yet|app store|google play|report an? (?:error|correction|typo)|"
    r"corrections and clarifications|accessibility statement|promoted (?:stories|content|links)|"
    r"posted in|text size|got it|gift (?:this )?article|photo gallery)\b",
    re.IGNORECASE,
)
#: Phrases that are furniture only as a short line of their own ("Sign in", "Show more"): in a
#: sentence they are the news's own words ("polls show more support", "will sign in Bali").
_UI_LINE_PHRASE = re.compile(
    r"\b(?:sign (?:up|in)|log ?in|read more|see more|show more|load more|continue reading|"
    r"more (?:from|on) this|this content|turn on|cookies?|support (?:us|our)|"
    r"our (?:reporting|readers|partners|editors))\b",
    re.IGNORECASE,
)
#: a line of at most this many words is "short" for ``_UI_LINE_PHRASE``
UI_PHRASE_LINE_WORDS = 6
ENGLISH_LINE_STOPS = 0.25  # a line this rich in English function words is English, whatever the text


def cta_share(b: Block) -> float:
    """Share of a block's sentences that tell the reader to do something on the page."""
    if not b.sentences:
        return 0.0
    hits = 0
    for s in b.sentences:
        first = _FIRST_WORD.match(s)
        if (first and first.group(1).lower() in CTA_VERBS) or CTA_PHRASE.search(s):
            hits += 1
    return hits / len(b.sentences)


def web_hits(b: Block) -> list[str]:
    return [WEB_KINDS[w.lower()] for w in b.words if w.lower() in WEB_KINDS] + (
        ["legal"] if "©" in b.text else []
    )


def junk_evidence(b: Block, english: bool = True) -> float:
    """How strongly a block's own words say it is page furniture (0 = no evidence).

    Local only: the block's vocabulary, calls to action, links and prices. Reader-addressing
    and calls to action are read in English text, or in an English line of another text (a
    site's English furniture around a Spanish article).
    """
    e = float(min(3, len(web_hits(b))))
    t = b.text
    phrases = len(_UI_PHRASE.findall(t))
    if b.n_words <= UI_PHRASE_LINE_WORDS and _UI_LINE_PHRASE.search(t):
        phrases += 1
    e += 2.0 * min(2, phrases)
    button = not b.terminal or t.endswith(("...", "…"))
    ui = sum(w.lower().strip(".") in _UI_WORDS for w in b.words)
    if b.n_words <= UI_LINE_WORDS and button and ui and (b.n_words <= 2 or 2 * ui >= b.n_words):
        e += 2.0
    if english or (b.n_words >= 3 and b.stop_ratio >= ENGLISH_LINE_STOPS):
        cta = cta_share(b)
        e += 2.0 * cta + 1.0 if cta else 0.0  # an imperative opening a sentence: "Tap the bell…"
        e += 1.0 if b.second_person else 0.0
    if b.urlish:
        e += 2.0
    if PROMO.search(t):
        e += 2.0
    if b.short_run >= 3 and (b.n_words == 0 or (b.n_words == 1 and b.text[:1].islower())):
        e += 1.0  # a row of reaction buttons ("like", "wow", "👍 12")
    return e
