"""The English model's attribute ruler (tag → POS and morphology, plus word exceptions), run as
table lookups instead of through spaCy's Matcher.

``en_core_web_sm``'s ``attribute_ruler`` is a Matcher over ~180 one- and two-token patterns,
and it cost ~14% of the whole parse (4.9 s of 34 s on 200 bench articles) for what is, per
token, a function of four values: its tag, lower-case form, dependency label and whether it is
whitespace. This component compiles the model's own patterns (nothing is copied: whatever model
is installed supplies them) into that function and caches its answer per distinct token, so the
cost is one dictionary lookup per token. The result is identical to the ruler's — same
attributes, same precedence (a later pattern overrides an earlier one), patterns matched against
the tokens as the parser left them — and a test compares both on every token of the demo corpus.

A pattern this compiler does not understand (an operator other than IN, NOT_IN and REGEX, an
attribute other than TAG, LOWER, DEP and IS_SPACE, a quantifier) makes ``compile_ruler`` return
None, and the model's ruler is kept.
"""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG  # type: ignore[import-not-found]
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

__all__ = ["TokenAttributes", "compile_ruler", "FACTORY"]

FACTORY = "storyline_token_attributes"

#: What a compiled pattern token reads: tag, lower-case form, dependency label, is-whitespace.
Features = tuple[str, str, str, bool]
Test = Callable[[Features], bool]
_FIELDS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY = [TAG, LOWER, DEP, IS_SPACE]
#: Distinct tokens remembered before the caches start again: ~1.5 kB each over the caches
#: (10,500 after 1,200 bench articles took 16 MB), so ~30 MB at most; at 100,000 a pool worker
#: grew by ~150 MB over a long run.
CACHE_LIMIT = 20_000
#: What the rules set.
_OUT = [POS, TAG, MORPH, LEMMA, DEP]


@dataclass(frozen=True)
class _Rule:
    """One pattern of the ruler: the tokens it matches, and what it sets on which of them."""

    order: int  # the ruler's pattern index: a later rule overrides an earlier one
    tests: tuple[Test, ...]
    attrs: dict[int, Any]
    index: int  # which matched token gets the attributes (may be negative, as in spaCy)
    reads: tuple[tuple[int, ...], ...] = ()  # the features each token test reads
    words: frozenset[str] | None = None  # the only lower-case forms the first token may have


def _value_test(field: int, spec: object) -> Test | None:
    if not isinstance(spec, dict):
        return lambda f: f[field] == spec
    if len(spec) != 1:
        return None
    ((op, arg),) = spec.items()
    if op == "IN":
        allowed = frozenset(arg)
        return lambda f: f[field] in allowed
    if op == "NOT_IN":
        banned = frozenset(arg)
        return lambda f: f[field] not in banned
    if op == "REGEX" and field != _FIELDS["IS_SPACE"]:
        search = re.compile(arg).search
        return lambda f: bool(search(f[field]))
    return None


def _token_test(spec: dict[str, object]) -> Test | None:
    tests = []
    for key, value in spec.items():
        field = _FIELDS.get(key)
        test = None if field is None else _value_test(field, value)
        if test is None:
            return None
        tests.append(test)
    return lambda f: all(t(f) for t in tests)


def compile_ruler(ruler: AttributeRuler) -> list[_Rule] | None:
    """The ruler's patterns as rules, in the ruler's order; None when one is beyond this compiler."""
    patterns = ruler.patterns
    if len(patterns) != len(ruler.attrs):
        return None
    rules = []
    for order, pattern in enumerate(patterns):
        alternatives: Any = pattern["patterns"]
        for alternative in alternatives:
            if not isinstance(alternative, list) or not alternative:
                return None
            tests = [_token_test(spec) if isinstance(spec, dict) else None for spec in alternative]
            if any(t is None for t in tests) or not set(ruler.attrs[order]) <= set(_OUT):
                return None
            reads = tuple(tuple(sorted(_FIELDS[k] for k in spec)) for spec in alternative)
            rules.append(
                _Rule(
                    order,
                    tuple(t for t in tests if t),
                    ruler.attrs[order],
                    ruler.indices[order],
                    reads,
                    _words(alternative[0].get("LOWER")),
                )
            )
    return rules


def _words(spec: object) -> frozenset[str] | None:
    """The forms a LOWER test accepts, when it names them (equality or IN)."""
    if isinstance(spec, str):
        return frozenset([spec])
    if isinstance(spec, dict) and set(spec) == {"IN"}:
        return frozenset(spec["IN"])
    return None


class _Group:
    """Single-token rules that read the same features, answered once per value of those
    features; rules that name their words are only tried on those words."""

    def __init__(self, fields: tuple[int, ...], rules: list[_Rule]) -> None:
        self.fields = fields
        self.any_word = [r for r in rules if r.words is None]
        self.by_word: dict[str, list[_Rule]] = {}
        for r in rules:
            for w in r.words or ():
                self.by_word.setdefault(w, []).append(r)
        self.seen: dict[tuple[int, ...], list[tuple[int, dict[int, Any]]]] = {}

    def matches(self, key: tuple[int, ...], f: Features) -> list[tuple[int, dict[int, Any]]]:
        part = tuple(key[i] for i in self.fields)
        hits = self.seen.get(part)
        if hits is None:
            rules = [*self.any_word, *self.by_word.get(f[1], ())]
            hits = self.seen[part] = [(r.order, r.attrs) for r in rules if r.tests[0](f)]
        return hits


class TokenAttributes:
    """The compiled ruler as a pipeline component (see the module docstring)."""

    def __init__(self, rules: Sequence[_Rule], vocab: Any) -> None:
        self.strings = vocab.strings
        self.single = [r for r in rules if len(r.tests) == 1]
        self.multi = [r for r in rules if len(r.tests) > 1]
        self._merged: dict[tuple[int, ...], tuple[list[bool], list[int]]] = {}
        self._features: dict[tuple[int, ...], Features] = {}
        self._bits: dict[tuple[int, ...], tuple[bool, ...]] = {}
        self._singles: dict[tuple[int, ...], list[tuple[int, dict[int, Any]]]] = {}
        # single-token rules grouped by the features they read: most read only the tag, so a new
        # word is tested against the few rules that read the word itself
        groups: dict[tuple[int, ...], list[_Rule]] = {}
        for rule in self.single:
            groups.setdefault(rule.reads[0], []).append(rule)
        self._groups = [_Group(fields, rules) for fields, rules in groups.items()]

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        if len(self._merged) > CACHE_LIMIT:  # distinct tokens keep coming on a big corpus
            self._merged.clear()
            self._features.clear()
            self._bits.clear()
            self._singles.clear()
            for group in self._groups:
                group.seen.clear()
        found = doc.to_array(_ARRAY)
        rows, inverse = numpy.unique(found, axis=0, return_inverse=True)
        inverse = inverse.reshape(-1)
        sets = numpy.zeros((len(rows), len(_OUT)), dtype=bool)
        values = numpy.zeros((len(rows), len(_OUT)), dtype=numpy.uint64)
        for r, row in enumerate(rows.tolist()):
            sets[r], values[r] = self._outcome(tuple(row))
        wanted = sets[inverse]
        out = numpy.where(wanted, values[inverse], doc.to_array(_OUT))
        used = set(numpy.flatnonzero(wanted.any(axis=0)).tolist())
        if self.multi:
            keys = [tuple(row) for row in rows.tolist()]
            for i, extra in self._multi_matches(keys, inverse).items():
                key = keys[inverse[i]]
                merged = self._merge(sorted([*self._single_matches(key), *extra], key=lambda m: m[0]))
                for c, attr in enumerate(_OUT):
                    if attr in merged:
                        out[i, c] = self._value(attr, merged[attr])
                        used.add(c)
        if used:
            columns = sorted(used)
            doc.from_array([_OUT[c] for c in columns], numpy.ascontiguousarray(out[:, columns]))  # type: ignore[arg-type]
        return doc

    def _outcome(self, key: tuple[int, ...]) -> tuple[list[bool], list[int]]:
        """Which output attributes the single-token rules set on such a token, and their values."""
        got = self._merged.get(key)
        if got is None:
            merged = self._merge(self._single_matches(key))
            got = self._merged[key] = (
                [a in merged for a in _OUT],
                [self._value(a, merged[a]) if a in merged else 0 for a in _OUT],
            )
        return got

    def _value(self, attr: int, value: Any) -> int:
        return int(value if isinstance(value, int) else self.strings.add(value))

    def _feature(self, key: tuple[int, ...]) -> Features:
        f = self._features.get(key)
        if f is None:
            s = self.strings
            tag, lower, dep, space = key
            f = self._features[key] = (s[tag] if tag else "", s[lower], s[dep] if dep else "", bool(space))
        return f

    def _single_matches(self, key: tuple[int, ...]) -> list[tuple[int, dict[int, Any]]]:
        got = self._singles.get(key)
        if got is None:
            f = self._feature(key)
            got = [hit for group in self._groups for hit in group.matches(key, f)]
            got.sort(key=lambda m: m[0])  # stable: the ruler's order, as one pass over the rules
            self._singles[key] = got
        return got

    def _multi_matches(
        self, rows: list[tuple[int, ...]], inverse: numpy.ndarray
    ) -> dict[int, list[tuple[int, dict[int, Any]]]]:
        """Token index → the multi-token rules that set something on it. Each rule's token tests
        are answered once per distinct token (``rows``), then shifted and combined per position."""
        found: dict[int, list[tuple[int, dict[int, Any]]]] = {}
        n = len(inverse)
        bits = numpy.array([self._multi_bits(r) for r in rows], dtype=bool)[inverse]
        column = 0
        for rule in self.multi:
            width = len(rule.tests)
            columns = range(column, column + width)
            column += width
            if n < width:
                continue
            hits = numpy.ones(n - width + 1, dtype=bool)
            for j, c in enumerate(columns):
                hits &= bits[j : n - width + 1 + j, c]
            for start in numpy.flatnonzero(hits).tolist():
                target = start + (rule.index if rule.index >= 0 else width + rule.index)
                found.setdefault(target, []).append((rule.order, rule.attrs))
        return found

    def _multi_bits(self, key: tuple[int, ...]) -> tuple[bool, ...]:
        """Whether such a token passes each token test of each multi-token rule, in rule order."""
        got = self._bits.get(key)
        if got is None:
            f = self._feature(key)
            got = self._bits[key] = tuple(t(f) for rule in self.multi for t in rule.tests)
        return got

    @staticmethod
    def _merge(matches: list[tuple[int, dict[int, Any]]]) -> dict[int, Any]:
        merged: dict[int, Any] = {}
        for _, attrs in matches:
            merged.update(attrs)
        return merged


# (no ``from __future__ import annotations`` here: spaCy 3.8.7 validates a factory's
# arguments from its annotations, and cannot resolve them as strings)
@Language.factory(FACTORY)
def _make(nlp: Language, name: str) -> TokenAttributes:
    ruler = nlp.get_pipe("attribute_ruler")
    rules = compile_ruler(ruler) if isinstance(ruler, AttributeRuler) else None
    if rules is None:
        raise ValueError("the model's attribute ruler has patterns this compiler does not read")
    return TokenAttributes(rules, nlp.vocab)


def use_token_attributes(nlp: Language) -> bool:
    """Run the compiled ruler in place of the model's ``attribute_ruler``; False (and the
    model's own ruler kept) when its patterns are beyond the compiler."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler) or compile_ruler(ruler) is None:
        return False
    nlp.add_pipe(FACTORY, after="attribute_ruler")
    nlp.disable_pipe("attribute_ruler")
    return True
