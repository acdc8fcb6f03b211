"""Time: every time expression resolved against the article's own date, and the tense that
decides whether a bare weekday lies before or after it.

Entry point: ``extract_timerefs(doc, article)`` reads the parsed article and its publication
date and returns every ``TimeRef`` (the words, their span, the resolved date and granularity,
and the TIMEX3 type and value other taggers would give); ``resolve(text, anchor)`` resolves one
expression, ``read`` gives its full reading. Nothing is ever resolved against the wall clock: an
undated article keeps its relative dates unresolved until ``fuse.dating`` infers its date.

Modules: ``dates`` (expressions and resolution), ``timex`` (quarters, references, durations,
sets, clock times; TIMEX3 values), ``tense`` (past/future of a clause).
"""

from .dates import extract_timerefs, read, resolve

__all__ = ["extract_timerefs", "read", "resolve"]
