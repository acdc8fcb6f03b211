"""Closed-class English words several stages match on: person pronouns, honorifics, stopwords.

Shared, like ``knowledge.py`` and ``calendar_words.py``: it depends on nothing, so any stage may
import it. These are bases: a caller that needs more adds its own, documented words to them
rather than keeping a private copy that drifts.
"""

from __future__ import annotations

__all__ = ["PERSON_PRONOUNS", "HONORIFIC_PATTERN", "STOPWORDS"]

#: Third-person singular pronouns that stand for one named person ("he", "her"...), reflexives
#: excepted: callers that resolve reflexives too add "himself"/"herself".
PERSON_PRONOUNS = frozenset({"he", "she", "him", "his", "her"})

#: Honorifics before a person's name, as a regex alternation; callers add ``\.?\s+`` and their
#: own extra titles (after these, so the alternation order stays the same).
HONORIFIC_PATTERN = "Mr|Mrs|Ms|Mx|Dr|Sir|Dame"

#: English function words plus "said"/"says": the words prose is made of whatever its topic.
#: Stages add their own: ingest the remaining reflexive/possessive pronouns, fusion the news
#: words that repeat in every story (days, titles, "percent").
_STOPWORDS = """
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just may me might more most must my no nor not now of off on once only or other
our ours out over own said same says she should since so some such than that the their
theirs them then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your
"""
STOPWORDS = frozenset(_STOPWORDS.split())
