"""Events: who did what to whom, when and where, typed in PLOVER with its CAMEO root.

Entry point: ``extract_events(doc, article, mentions, actors, timerefs)`` reads the parsed
article, its resolved actors and its time expressions and returns every ``Event`` (type, mode,
source and target actors, date, place, intensity, evidence spans). ``main_event`` picks the one a
coder of one-sentence news would code.

Modules: ``ontology`` (triggers read from ``data/events.json``), ``args`` (source, target, place),
``context`` (dates, chronologies, background), ``draft`` (the record an event is built in),
``summary`` (a readable line per event), ``extract`` (the pass over the sentences), ``main``
(the main event of a sentence).
"""

from .extract import extract_events
from .main import main_event

__all__ = ["extract_events", "main_event"]
