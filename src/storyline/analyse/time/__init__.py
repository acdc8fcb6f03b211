"""Time: every time expression resolved against the article's own date, and the tense that
decides whether a bare weekday lies before or after it.

Entry point: ``extract_timerefs(doc, article)`` reads the parsed article and its publication
date and returns every ``TimeRef`` (the words, their span, the resolved date and granularity);
``resolve(text, anchor)`` resolves one expression. Nothing is ever resolved against the wall
clock: an undated article keeps its relative dates unresolved.

Modules: ``dates`` (expressions and resolution), ``tense`` (past/future of a clause).
"""

from .dates import extract_timerefs, resolve

__all__ = ["extract_timerefs", "resolve"]
