"""TF-IDF pieces: the IDF table carries its default weight for unseen terms."""

from __future__ import annotations

import math

import pytest

from storyline.fuse.similarity import IdfTable, idf_table, tfidf


def test_idf_table_default_is_its_rarest_terms_weight() -> None:
    idf = idf_table([["port", "strike"], ["port"], ["port", "mediator"]])
    assert idf.default == pytest.approx(math.log(4 / 2) + 1.0)
    assert idf["port"] == pytest.approx(1.0)


def test_empty_table_defaults_to_one() -> None:
    assert idf_table([]).default == 1.0


def test_unseen_term_weighs_as_the_default() -> None:
    idf = IdfTable({"port": 1.0, "strike": 3.0})
    vec = tfidf(["port", "harbour"], idf)
    assert vec["harbour"] / vec["port"] == pytest.approx(3.0)
