"""Direct-quote attribution: storyline's extractor against textacy's ``direct_quotations``.

Both run on the same spaCy docs. Scored per gold direct quote: *found* when a quote with the
same words comes out, *right* when its speaker also names the gold speaker (for storyline the
resolved actor or the description as written; for textacy the speaker tokens, so an unresolved
"he" is wrong, which is the point of resolution). Gold for the seeds is kept as hashes of the
quote's first 40 normalised characters plus the speaker's accepted names, so no seed text is
copied here. Run: ``.venv/bin/python bench/quotes_baseline.py`` (textacy is the optional
``baseline`` extra; without it only storyline is scored).
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from spacy.tokens import Doc

from storyline.analyse.actors.resolve import find_mentions, resolve_local
from storyline.analyse.nlp import load_nlp
from storyline.analyse.quotes.extract import extract_quotes
from storyline.ingest import article_id
from storyline.model import Article

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
A = tuple[str, ...]
# seed file prefix -> [(quote key, accepted speaker names)], checked by reading each article
_OFFICIAL = ("official",)
SEED_GOLD: dict[str, list[tuple[str, A]]] = {
    "000": [
        ("29719e32", ("dollar",)),
        ("73b973dd", ("dollar",)),
        ("7af2e3f1", ("dollar",)),
        ("15eb6901", ("austin",)),
        ("57d414d6", ("austin",)),
        ("964bce7f", ("qin",)),
        ("2b78fa44", ("qin",)),
        ("4e81a067", ("hass",)),
        ("5250adb7", ("hass",)),
    ],
    "001": [
        ("d83b37a8", ("hua chunying",)),
        ("9eb801cf", ("biden",)),
        ("c25a06b8", _OFFICIAL),
        ("158c803d", _OFFICIAL),
        ("1af2ce37", _OFFICIAL),
        ("ac58bf0f", ("xi",)),
        ("d305e18b", _OFFICIAL),
        ("77dd3764", ("raimondo",)),
        ("001ebd18", ("pentagon",)),
    ],
    "002": [
        ("eb676f17", ("singleton",)),
        ("0adaf5cd", ("singleton",)),
        ("5c520502", ("singleton",)),
        ("0f740b61", ("singleton",)),
        ("ed616c75", ("washington", "united states")),
        ("d9ecad48", ("qin",)),
        ("faab0619", ("qin",)),
        ("c7d28f3b", ("kritenbrink",)),
        ("4c6e4bb0", ("kritenbrink",)),
        ("c504a2c5", ("beijing", "china")),
        ("1c8b4385", ("tan kefei",)),
        ("2c7fb143", ("global times",)),
        ("1595b2f7", ("lü xiang",)),
        ("efe1675e", ("lü xiang",)),
        ("b1ecfa38", ("lü xiang",)),
        ("4c884892", ("xi",)),
        ("18757767", ("xi",)),
        ("2ba3de7c", ("xi",)),
        ("9868e531", ("yellen",)),
        ("bcff0660", ("yellen",)),
        ("cb269809", ("yellen",)),
    ],
    "003": [
        ("f70fce94", ("state department",)),
        ("40f04088", ("state department",)),
        ("3a426347", ("campbell",)),
        ("a53c6210", ("campbell",)),
        ("b8b96e31", ("chinese officials",)),
        ("4300a78b", ("kritenbrink",)),
        ("d907cf47", ("kritenbrink",)),
    ],
    "004": [
        ("5c5c163a", ("xi",)),
        ("71b520cf", ("xi",)),
        ("75bd93fe", ("blinken",)),
        ("3e186c6f", ("state department",)),
        ("1593ef4d", ("blinken",)),
        ("48993bd7", ("wang",)),
        ("d5fedb64", ("wang",)),
        ("95c643bd", ("wang",)),
        ("e7b7b846", ("weiss",)),
        ("c504a2c5", ("china",)),
        ("653fdfeb", ("haenle",)),
        ("d114f48b", ("hass",)),
        ("ccf598a3", ("hass",)),
    ],
}
# Our own sentences, one per form the issue lists: (text, [(quote start, accepted speakers)])
FIXTURES: list[tuple[str, list[tuple[str, A]]]] = [
    ("“We will not back down,” Maria Lopez said.", [("We will not", ("lopez",))]),
    ("“The talks were useful,” said Tom Reyes, a trade official.", [("The talks", ("reyes",))]),
    ("Maria Lopez said: “We will not back down.”", [("We will not", ("lopez",))]),
    (
        "“The gate is shut,” Tom Reyes said. “Nobody gets in.”",
        [("The gate", ("reyes",)), ("Nobody", ("reyes",))],
    ),
    ("Ana Silva urged Brazil to respect “our shared waters” during the talks.", [("our shared", ("silva",))]),
    ("Karl Olsen tweeted a photo: “A good day for both nations.”", [("A good day", ("olsen",))]),
    ("Tom Reyes landed on Monday.\n“It was a long flight,” he said.", [("It was", ("reyes",))]),
    (
        # one quote over two paragraphs, as quote corpora annotate it
        "Maria Lopez spoke.\n“We tried everything.\n“Nobody listened,” she said.",
        [("We tried", ("lopez",))],
    ),
    (
        "“Talks resume in May,” a senior Treasury official told reporters.\n"
        "“We expect progress,” the official said.",
        [("Talks", ("treasury official",)), ("We expect", ("treasury official",))],
    ),
    (
        "“The agreement stands,” the Foreign Ministry said in a statement.",
        [("The agreement", ("foreign ministry",))],
    ),
    ('"We are ready to talk," Maria Lopez said.', [("We are ready", ("lopez",))]),
    (
        "The ferry sank in “minutes, not hours,” according to the coast guard.",
        [("minutes", ("coast guard",))],
    ),
    ("“The plan is dead,” Senator Ruth Okoye insisted.", [("The plan", ("okoye",))]),
    ("“Prices will fall,” predicted Omar Haddad, chief economist at Gulf Bank.", [("Prices", ("haddad",))]),
    ("Asked if he would run again, Mark Dunn said: “Never say never.”", [("Never", ("dunn",))]),
    ("“The first rule,” Anna Berg said, “is to listen.”", [("The first", ("berg",)), ("is to", ("berg",))]),
    (
        "The bank’s chief executive, Jane Smith, called the fine “a disgrace.”",
        [("a disgrace", ("jane smith",))],
    ),
    (
        "“Australia is our neighbour,” the president said.\n“We came to listen,” said Helen Marlowe.",
        [("Australia", ("president",)), ("We came", ("marlowe",))],
    ),
]

Got = list[tuple[int, int, str]]  # quote start, end, speaker text (resolved where the system resolves)


def key(text: str) -> str:
    return hashlib.sha1(" ".join(text.lower().split())[:40].encode()).hexdigest()[:8]


def storyline_quotes(doc: Doc, article: Article) -> Got:
    mentions, actors = resolve_local(find_mentions(doc, article), article, doc)
    names = {a.id: a.name for a in actors}
    quotes = extract_quotes(doc, article, mentions, actors)
    return [
        (q.start, q.end, f"{names.get(q.speaker or '', '')} {q.speaker_name or ''}")
        for q in quotes
        if q.direct
    ]


def textacy_quotes(doc: Doc, article: Article) -> Got:
    from textacy.extract.triples import direct_quotations

    out: Got = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # textacy bails out on any unbalanced quote mark in the document
        return out
    for triple in triples:
        content = triple.content
        text = content.text.strip('“”"‘’ ,')
        start = article.text.find(text, content.start_char)
        out.append((start, start + len(text), " ".join(t.text for t in triple.speaker)))
    return out


def score(
    got: Got, text: str, gold: Iterable[tuple[str, A]], match: Callable[[str, str], bool]
) -> tuple[int, int, int]:
    gold = list(gold)
    found = right = 0
    for gkey, speakers in gold:
        hit = next((g for g in got if match(gkey, text[g[0] : g[1]])), None)
        if hit is not None:
            found += 1
            right += any(s in hit[2].lower() for s in speakers)
    return len(gold), found, right


def main() -> int:
    nlp = load_nlp()
    systems: dict[str, Callable[[Doc, Article], Got]] = {"storyline": storyline_quotes}
    try:
        import textacy  # noqa: F401

        systems["textacy"] = textacy_quotes
    except ImportError:
        print("textacy not installed (pip install '.[baseline]'): scoring storyline only")
    sets: dict[str, list[tuple[str, list[tuple[str, A]], Callable[[str, str], bool]]]] = {
        "fixtures": [(t, g, lambda gk, q: q.startswith(gk)) for t, g in FIXTURES],
        "seeds": [],
    }
    if SEEDS.is_dir():
        for path in sorted(SEEDS.glob("*.txt")):
            gold = SEED_GOLD.get(path.name[:3])
            if gold:
                sets["seeds"].append((path.read_text(), gold, lambda gk, q: key(q) == gk))
    print(f"{'set':10}{'system':12}{'gold':>6}{'found':>7}{'right':>7}{'accuracy':>10}")
    for name, items in sets.items():
        docs = [(nlp(t), Article(id=article_id(t), source=name, text=t), g, m) for t, g, m in items]
        for sysname, fn in systems.items():
            tot = [0, 0, 0]
            for doc, art, gold, match in docs:
                for i, v in enumerate(score(fn(doc, art), art.text, gold, match)):
                    tot[i] += v
            acc = tot[2] / tot[0] if tot[0] else 0.0
            print(f"{name:10}{sysname:12}{tot[0]:>6}{tot[1]:>7}{tot[2]:>7}{acc:>10.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
