"""The present stage sits below the web app: nothing in it may import storyline.web (a package cycle)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PRESENT = Path(__file__).resolve().parents[2] / "src" / "storyline" / "present"


def _imports(path: Path) -> set[str]:
    """Modules ``path`` imports, relative ones resolved against storyline.present."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = ["storyline", "present"][: 2 - (node.level - 1)] if node.level else []
            out.add(".".join([*base, node.module or ""]).rstrip("."))
    return out


@pytest.mark.parametrize("path", sorted(PRESENT.glob("*.py")), ids=lambda p: p.name)
def test_present_does_not_import_the_web_app(path: Path) -> None:
    assert [m for m in _imports(path) if m == "storyline.web" or m.startswith("storyline.web.")] == []
