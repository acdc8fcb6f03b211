"""Quotes: who said what, direct and indirect, with the speaker as an actor.

Entry point: ``extract_quotes(doc, article, mentions, actors)`` reads the parsed article and the
resolved actors and returns every ``Quote`` (text span, cue span, speaker);
``unnamed_actors(quotes)`` gives the article-scoped actors for speakers with no name ("a
spokesperson").

Modules: ``marks`` (quotation-mark pairing), ``cues`` (speech verbs and reported content),
``speakers`` (speaker resolution), ``extract`` (the pass that ties them together).
"""

from .extract import extract_quotes, same_quote_key, unnamed_actors

__all__ = ["extract_quotes", "unnamed_actors", "same_quote_key"]
