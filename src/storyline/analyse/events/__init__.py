"""Events: who did what to whom, when and where, typed in PLOVER with its CAMEO root.

Entry point: ``extract_events(doc, article, mentions, actors, timerefs)`` reads the parsed
article, its resolved actors and its time expressions and returns every ``Event`` (type, mode,
source and target actors, date, place, intensity, evidence spans).

Modules: ``ontology`` (triggers read from ``data/events.json``), ``args`` (source, target, place),
``context`` (dates, chronologies, background), ``draft`` (the record an event is built in),
``summary`` (a readable line per event), ``extract`` (the pass over the sentences).
"""

from .extract import extract_events

__all__ = ["extract_events"]
