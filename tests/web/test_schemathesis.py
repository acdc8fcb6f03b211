"""Schemathesis against the app's own OpenAPI document: whatever the spec allows, no 500.

Hypothesis draws path ids, search words and query strings (hostile Unicode included) for every
operation in ``/openapi.json``, and each response must be a success or a client answer.
(Driven from a plain test rather than ``@schema.parametrize``: the app needs the store fixture,
and schemathesis' fixture loader does not run under this pytest.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from storyline.web.app import create_app

OPERATIONS = [
    "GET /",
    "GET /stories/{story_id}",
    "GET /actors/{actor_id}",
    "GET /search",
    "GET /api/stories",
    "GET /api/stories/{story_id}",
    "GET /api/actors/{actor_id}",
    "GET /api/search",
]


@pytest.fixture(scope="module")
def web_schema(db: Path) -> schemathesis.schemas.BaseSchema:
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(db))


def test_the_spec_lists_exactly_these_operations(web_schema: schemathesis.schemas.BaseSchema) -> None:
    assert sorted(r.ok().label for r in web_schema.get_all_operations()) == sorted(OPERATIONS)


@pytest.mark.parametrize("label", OPERATIONS)
def test_no_input_the_spec_allows_makes_a_server_error(
    web_schema: schemathesis.schemas.BaseSchema,
    label: str,
) -> None:
    operation = web_schema.find_operation_by_label(label)
    assert operation is not None

    @given(case=operation.as_strategy())
    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def call(case: schemathesis.Case) -> None:
        response = case.call()
        assert response.status_code < 500, (case.formatted_path, case.query, response.text[:200])

    call()
